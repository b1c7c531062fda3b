// Redactor: plain substring replacement, longest value first.
#include "redact.hpp"

#include <algorithm>

namespace hjob::secrets {

void Redactor::add(std::string_view value) {
    if (value.size() < min_length) return;
    if (std::find(values_.begin(), values_.end(), value) != values_.end()) return;
    values_.emplace_back(value);
    std::stable_sort(values_.begin(), values_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

void Redactor::add(const SecretData& data) {
    for (const auto& [k, v] : data) add(v);
}

std::string Redactor::apply(std::string_view text) const {
    std::string out(text);
    for (const auto& v : values_) {
        for (std::size_t at = out.find(v); at != std::string::npos; at = out.find(v, at + mask.size()))
            out.replace(at, v.size(), mask);
    }
    return out;
}

}  // namespace hjob::secrets

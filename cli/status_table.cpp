// Table and key/value layouts (status_table.hpp).
#include "status_table.hpp"

#include <algorithm>

#include "runtime/state/ids.hpp"

namespace hjob::cli {

std::string format_table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            width[i] = std::max(width[i], r[i].size());
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            line += r[i];
            if (i + 1 < r.size()) line += std::string(width[i] - r[i].size() + 2, ' ');
        }
        out += line + '\n';
    }
    return out;
}

std::string format_pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::size_t w = 0;
    for (const auto& p : pairs) w = std::max(w, p.first.size());
    std::string out;
    for (const auto& [k, v] : pairs) out += k + std::string(w - k.size(), ' ') + " = " + v + '\n';
    return out;
}

std::string short_id(const std::string& id) { return id.substr(0, 8); }

std::string show_time(runtime::UnixNanos t) { return t == 0 ? "-" : runtime::state::format_time(t); }

}  // namespace hjob::cli

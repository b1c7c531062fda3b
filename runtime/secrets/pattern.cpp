// Matching and priority of policy path patterns.
#include "pattern.hpp"

#include <algorithm>

#include "path.hpp"

namespace hjob::secrets {

namespace {

std::vector<std::string> split(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = s.find('/', start);
        out.emplace_back(s.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) return out;
        start = slash + 1;
    }
}

}  // namespace

Pattern::Pattern(std::string text) : text_(std::move(text)) {
    std::string_view body = text_;
    prefix_ = !body.empty() && body.back() == '*';
    if (prefix_) body.remove_suffix(1);
    segments_ = split(body);
    plus_count_ = static_cast<std::size_t>(std::count(segments_.begin(), segments_.end(), "+"));
    first_wildcard_ = std::min(text_.find('+'), text_.find('*'));
    if (first_wildcard_ == std::string::npos) first_wildcard_ = text_.size();
}

bool Pattern::matches(std::string_view path) const {
    const auto parts = split(path);
    if (parts.size() < segments_.size() || (!prefix_ && parts.size() != segments_.size())) return false;
    for (std::size_t i = 0; i < segments_.size(); ++i) {
        const std::string& want = segments_[i];
        const bool last = i + 1 == segments_.size();
        if (want == "+" && !(last && prefix_)) continue;
        if (last && prefix_) {
            if (!parts[i].starts_with(want) && want != "+") return false;
        } else if (parts[i] != want) {
            return false;
        }
    }
    return true;
}

bool lower_priority(const Pattern& a, const Pattern& b) {
    if (a.first_wildcard_ != b.first_wildcard_) return a.first_wildcard_ < b.first_wildcard_;
    if (a.prefix_ != b.prefix_) return a.prefix_;
    if (a.plus_count_ != b.plus_count_) return a.plus_count_ > b.plus_count_;
    if (a.text_.size() != b.text_.size()) return a.text_.size() < b.text_.size();
    return a.text_ < b.text_;
}

std::string pattern_problem(std::string_view text) {
    if (text.empty()) return "the path is empty";
    const std::size_t star = text.find('*');
    if (star != std::string_view::npos && star + 1 != text.size())
        return "\"*\" is a glob only at the end of a path; use \"+\" for one segment in the middle";
    std::string_view body = text;
    if (star != std::string_view::npos) body.remove_suffix(1);
    if (body.empty()) return "";  // "*": every path
    for (const auto& seg : split(body))
        if (seg.find('+') != std::string::npos && seg != "+")
            return "\"+\" must be a whole segment (\"a/+/b\"), not part of \"" + printable(seg) + "\"";
    // A glob's prefix may end in "/" or in a partial segment; both are fine, so validate as a folder.
    if (auto p = path_problem(body, true)) return *p;
    return "";
}

}  // namespace hjob::secrets

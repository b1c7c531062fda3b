// go-version style version parsing and constraints (see version.hpp).
#include "runtime/scheduler/version.hpp"

#include <cctype>

namespace hjob::runtime::sched {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int compare_prerelease(const std::string& a, const std::string& b) {
    if (a == b) return 0;
    if (a.empty()) return 1;  // a release is newer than its pre-releases
    if (b.empty()) return -1;
    std::size_t i = 0, j = 0;
    while (i <= a.size() && j <= b.size()) {
        const std::size_t ie = std::min(a.find('.', i), a.size()), je = std::min(b.find('.', j), b.size());
        const std::string_view pa(a.data() + i, ie - i), pb(b.data() + j, je - j);
        if (pa != pb) {
            if (all_digits(pa) && all_digits(pb) && pa.size() < 19 && pb.size() < 19)
                return std::stoll(std::string(pa)) < std::stoll(std::string(pb)) ? -1 : 1;
            if (all_digits(pa) != all_digits(pb)) return all_digits(pa) ? -1 : 1;
            return pa < pb ? -1 : 1;
        }
        i = ie + 1;
        j = je + 1;
        if (i > a.size() || j > b.size()) return i > a.size() && j > b.size() ? 0 : (i > a.size() ? -1 : 1);
    }
    return 0;
}

}  // namespace

std::optional<Version> parse_version(std::string_view text, bool strict) {
    text = trim(text);
    if (!strict && !text.empty() && text.front() == 'v') text.remove_prefix(1);
    if (const auto plus = text.find('+'); plus != std::string_view::npos) text = text.substr(0, plus);
    Version v;
    if (const auto dash = text.find('-'); dash != std::string_view::npos) {
        v.prerelease = std::string(text.substr(dash + 1));
        if (v.prerelease.empty()) return std::nullopt;
        text = text.substr(0, dash);
    }
    while (!text.empty()) {
        const auto dot = text.find('.');
        const auto part = text.substr(0, dot);
        if (!all_digits(part) || part.size() > 18) return std::nullopt;
        v.segments.push_back(std::stoll(std::string(part)));
        if (dot == std::string_view::npos) break;
        text.remove_prefix(dot + 1);
        if (text.empty()) return std::nullopt;
    }
    v.given = static_cast<int>(v.segments.size());
    if (v.given == 0 || (strict && v.given != 3)) return std::nullopt;
    while (v.segments.size() < 3) v.segments.push_back(0);
    return v;
}

int compare(const Version& a, const Version& b) {
    const std::size_t n = std::max(a.segments.size(), b.segments.size());
    for (std::size_t i = 0; i < n; ++i) {
        const long long x = i < a.segments.size() ? a.segments[i] : 0;
        const long long y = i < b.segments.size() ? b.segments[i] : 0;
        if (x != y) return x < y ? -1 : 1;
    }
    return compare_prerelease(a.prerelease, b.prerelease);
}

std::optional<VersionConstraint> VersionConstraint::parse(std::string_view text, bool strict) {
    VersionConstraint out;
    out.strict_ = strict;
    while (true) {
        const auto comma = text.find(',');
        std::string_view term = trim(text.substr(0, comma));
        std::string op;
        for (const char* o : {"~>", ">=", "<=", "!=", ">", "<", "="})
            if (term.starts_with(o)) {
                op = o;
                term.remove_prefix(op.size());
                break;
            }
        auto v = parse_version(term, strict);
        if (!v) return std::nullopt;
        out.terms_.push_back({op.empty() ? "=" : op, *v});
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

bool VersionConstraint::check(const Version& v) const {
    for (const Term& t : terms_) {
        // go-version: a pre-release only matches terms about a pre-release of the same version.
        if (!v.prerelease.empty()) {
            Version a = v, b = t.v;
            a.prerelease.clear();
            b.prerelease.clear();
            if (t.v.prerelease.empty() || compare(a, b) != 0) return false;
        }
        const int c = compare(v, t.v);
        bool ok = false;
        if (t.op == "=") ok = c == 0;
        else if (t.op == "!=") ok = c != 0;
        else if (t.op == ">") ok = c > 0;
        else if (t.op == "<") ok = c < 0;
        else if (t.op == ">=") ok = c >= 0;
        else if (t.op == "<=") ok = c <= 0;
        else if (t.op == "~>") {
            // ~> 1.2.3 means >= 1.2.3 and < 1.3; ~> 1.2 means >= 1.2 and < 2.
            const int prefix = std::max(1, t.v.given - 1);
            ok = c >= 0;
            for (int i = 0; ok && i < prefix; ++i) ok = v.segments[i] == t.v.segments[i];
        }
        if (!ok) return false;
    }
    return true;
}

}  // namespace hjob::runtime::sched

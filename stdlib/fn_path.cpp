// Path manipulation and glob matching with Go's semantics (see fn_path.hpp).
#include "fn_path.hpp"

#include <cstdlib>
#include <vector>

namespace hjob::cty::fn {

std::string path_clean(std::string_view p) {
    if (p.empty()) return ".";
    const bool rooted = p[0] == '/';
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < p.size()) {
        while (i < p.size() && p[i] == '/') ++i;
        std::size_t j = i;
        while (j < p.size() && p[j] != '/') ++j;
        const std::string_view seg = p.substr(i, j - i);
        i = j;
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
            if (!parts.empty() && parts.back() != "..") parts.pop_back();
            else if (!rooted) parts.push_back(seg);
            continue;
        }
        parts.push_back(seg);
    }
    std::string out = rooted ? "/" : "";
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k > 0) out += '/';
        out += parts[k];
    }
    return out.empty() ? "." : out;
}

std::string path_join(std::string_view a, std::string_view b) {
    if (a.empty()) return b.empty() ? "" : path_clean(b);
    if (b.empty()) return path_clean(a);
    std::string s(a);
    s += '/';
    s += b;
    return path_clean(s);
}

std::string path_base(std::string_view p) {
    if (p.empty()) return ".";
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    if (p == "/") return "/";
    const auto slash = p.rfind('/');
    return std::string(slash == std::string_view::npos ? p : p.substr(slash + 1));
}

std::string path_dir(std::string_view p) {
    const auto slash = p.rfind('/');
    return path_clean(slash == std::string_view::npos ? std::string_view() : p.substr(0, slash + 1));
}

std::optional<std::string> home_expand(std::string_view p, std::string& error) {
    if (p.empty() || p[0] != '~') return std::string(p);
    if (p.size() > 1 && p[1] != '/' && p[1] != '\\') {
        error = "cannot expand user-specific home dir";
        return std::nullopt;
    }
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') {
        error = "HOME environment variable is empty";
        return std::nullopt;
    }
    return path_join(home, p.substr(1));
}

namespace {

// One character class "[...]" at p[i] (i at '['): sets `end` past it; nullopt if malformed.
std::optional<bool> class_match(std::string_view p, std::size_t i, char c, std::size_t& end) {
    std::size_t k = i + 1;
    const bool negate = k < p.size() && (p[k] == '^' || p[k] == '!');
    if (negate) ++k;
    bool matched = false, first = true;
    for (; k < p.size() && (first || p[k] != ']'); first = false) {
        char lo = p[k] == '\\' && k + 1 < p.size() ? p[++k] : p[k];
        ++k;
        char hi = lo;
        if (k + 1 < p.size() && p[k] == '-' && p[k + 1] != ']') {
            hi = p[k + 1] == '\\' && k + 2 < p.size() ? p[k + 2] : p[k + 1];
            k += p[k + 1] == '\\' ? 3 : 2;
        }
        if (c >= lo && c <= hi) matched = true;
    }
    if (k >= p.size()) return std::nullopt;
    end = k + 1;
    return matched != negate;
}

// Matches one path segment (no '/') against a segment pattern.
bool segment_match(std::string_view p, std::string_view s, int depth = 0) {
    if (depth > 64) return false;
    std::size_t i = 0, j = 0;
    while (i < p.size()) {
        const char c = p[i];
        if (c == '*') {
            for (std::size_t k = j; k <= s.size(); ++k)
                if (segment_match(p.substr(i + 1), s.substr(k), depth + 1)) return true;
            return false;
        }
        if (c == '{') {  // alternatives: try each with the rest of the pattern
            std::size_t close = i, level = 0;
            for (; close < p.size(); ++close) {
                if (p[close] == '{') ++level;
                else if (p[close] == '}' && --level == 0) break;
            }
            if (close >= p.size()) return false;
            const std::string_view rest = p.substr(close + 1);
            std::size_t start = i + 1;
            level = 0;
            for (std::size_t k = i + 1; k <= close; ++k) {
                if (p[k] == '{') ++level;
                else if (p[k] == '}' && level > 0) --level;
                else if ((p[k] == ',' && level == 0) || k == close) {
                    std::string alt(p.substr(start, k - start));
                    alt += rest;
                    if (segment_match(alt, s.substr(j), depth + 1)) return true;
                    start = k + 1;
                }
            }
            return false;
        }
        if (j >= s.size()) return false;
        if (c == '?') {
            ++i, ++j;
        } else if (c == '[') {
            std::size_t end = 0;
            const auto m = class_match(p, i, s[j], end);
            if (!m || !*m) return false;
            i = end, ++j;
        } else {
            const char lit = c == '\\' && i + 1 < p.size() ? p[++i] : c;
            if (lit != s[j]) return false;
            ++i, ++j;
        }
    }
    return j == s.size();
}

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    for (std::size_t j; (j = s.find('/', i)) != std::string_view::npos; i = j + 1) out.push_back(s.substr(i, j - i));
    out.push_back(s.substr(i));
    return out;
}

bool segments_match(const std::vector<std::string_view>& p, std::size_t pi, const std::vector<std::string_view>& s, std::size_t si) {
    if (pi == p.size()) return si == s.size();
    if (p[pi] == "**") {
        for (std::size_t k = si; k <= s.size(); ++k)
            if (segments_match(p, pi + 1, s, k)) return true;
        return false;
    }
    return si < s.size() && segment_match(p[pi], s[si]) && segments_match(p, pi + 1, s, si + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    return segments_match(split(pattern), 0, split(path), 0);
}

}  // namespace hjob::cty::fn

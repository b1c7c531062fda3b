// Table look-ups behind unicode.hpp; the tables themselves are in unicode_tables.cpp.
#include "unicode.hpp"

#include <algorithm>
#include <iterator>

#include "unicode_tables.hpp"

namespace hjob::unicode {

namespace {

bool in_ranges(const CodeRange* begin, const CodeRange* end, char32_t c) {
    const auto* it = std::upper_bound(begin, end, c, [](char32_t v, const CodeRange& r) { return v < r.first; });
    return it != begin && c <= (it - 1)->last;
}

// The code point ending at s[end-1], if that is a whole UTF-8 sequence; used by right trims.
std::size_t last_sequence(std::string_view s) {
    std::size_t start = s.size() - 1;
    while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    const std::size_t n = sequence_length(s.data() + start, s.data() + s.size());
    return n == s.size() - start ? n : 0;
}

}  // namespace

bool is_id_start(char32_t c) {
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return in_ranges(std::begin(id_start_ranges), std::end(id_start_ranges), c);
}

bool is_id_continue(char32_t c) {
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '_';
    return in_ranges(std::begin(id_continue_ranges), std::end(id_continue_ranges), c);
}

bool is_space(char32_t c) {
    switch (c) {
        case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
        case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
            return true;
        default:
            return c >= 0x2000 && c <= 0x200A;
    }
}

std::string_view trim_left_space(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t n = sequence_length(s.data() + i, s.data() + s.size());
        if (n == 0 || !is_space(decode(s.data() + i, n))) break;
        i += n;
    }
    return s.substr(i);
}

std::string_view trim_right_space(std::string_view s) {
    while (!s.empty()) {
        const std::size_t n = last_sequence(s);
        if (n == 0 || !is_space(decode(s.data() + s.size() - n, n))) break;
        s.remove_suffix(n);
    }
    return s;
}

std::string_view trim_space(std::string_view s) { return trim_right_space(trim_left_space(s)); }

}  // namespace hjob::unicode

// Character classes of HCL's scanner: UTF-8 decoding as the scanner accepts it, Unicode
// identifier characters (ID_Start / ID_Continue) and Go's unicode.IsSpace.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hjob::unicode {

/// Length of the UTF-8 sequence at `p` (1 to 4) as HCL's scanner accepts it: a lead byte and
/// the right number of continuation bytes (no overlong or surrogate checks, as in its
/// `AnyUTF8` class). 0 when the bytes at `p` are not such a sequence (a broken byte).
inline std::size_t sequence_length(const char* p, const char* end) {
    const auto b0 = static_cast<unsigned char>(*p);
    const std::size_t n = b0 < 0x80 ? 1 : b0 < 0xC0 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF8 ? 4 : 0;
    if (n <= 1) return n;
    if (static_cast<std::size_t>(end - p) < n) return 0;
    for (std::size_t i = 1; i < n; ++i)
        if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) return 0;
    return n;
}

/// Decodes a sequence that sequence_length() accepted.
inline char32_t decode(const char* p, std::size_t n) {
    const auto b0 = static_cast<unsigned char>(*p);
    if (n == 1) return b0;
    char32_t c = b0 & (0x7F >> n);
    for (std::size_t i = 1; i < n; ++i) c = (c << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
    return c;
}

bool is_id_start(char32_t c);     ///< Unicode ID_Start (ASCII letters included), not '_'
bool is_id_continue(char32_t c);  ///< Unicode ID_Continue (digits and '_' included)
bool is_space(char32_t c);        ///< Go's unicode.IsSpace

/// Length in bytes of the identifier character at `p` (a start character when `first`),
/// 0 when there is none. HCL identifiers are (ID_Start | '_') (ID_Continue | '-')*.
inline std::size_t ident_char(const char* p, const char* end, bool first) {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
        const bool alpha = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
        if (alpha || b == '_') return 1;
        return !first && ((b >= '0' && b <= '9') || b == '-') ? 1 : 0;
    }
    const std::size_t n = sequence_length(p, end);
    if (n == 0) return 0;
    const char32_t c = decode(p, n);
    return (first ? is_id_start(c) : is_id_continue(c)) ? n : 0;
}

/// End of the identifier starting at `p`, or `p` when none starts there.
inline const char* ident_end(const char* p, const char* end) {
    if (p == end) return p;
    std::size_t n = ident_char(p, end, true);
    if (n == 0) return p;
    p += n;
    while (p != end && (n = ident_char(p, end, false)) != 0) p += n;
    return p;
}

/// Trims Go-unicode whitespace from both ends (bytes.TrimSpace).
std::string_view trim_space(std::string_view s);
/// Trims Go-unicode whitespace from the left / the right (strings.TrimLeftFunc / TrimRightFunc).
std::string_view trim_left_space(std::string_view s);
std::string_view trim_right_space(std::string_view s);

}  // namespace hjob::unicode

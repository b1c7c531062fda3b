// Decoding of quoted-string tokens, after hclsyntax's ParseStringLiteralToken: each escape
// is one slice; a bad one is reported (not fatal) and kept as written.
#include <cctype>
#include <cstdio>
#include <string>

#include "build.hpp"
#include "unicode.hpp"

namespace hjob::syntax::detail {

namespace {

std::size_t hex_digits(std::string_view s, std::size_t from, std::size_t max) {
    std::size_t n = 0;
    while (n < max && from + n < s.size() && std::isxdigit(static_cast<unsigned char>(s[from + n]))) ++n;
    return n;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
        return;
    }
    const int extra = c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
    const char32_t lead = (0xFF00 >> (extra + 1)) & 0xFF;  // 0xC0, 0xE0 or 0xF0
    out += static_cast<char>(lead | (c >> (6 * extra)));
    for (int k = extra - 1; k >= 0; --k) out += static_cast<char>(0x80 | ((c >> (6 * k)) & 0x3F));
}

const char* simple_escape(char selector) {
    switch (selector) {
        case 'n': return "\n";
        case 'r': return "\r";
        case 't': return "\t";
        case '"': return "\"";
        case '\\': return "\\";
        default: return nullptr;
    }
}

}  // namespace

std::size_t ParseState::unicode_escape(std::string_view s, std::size_t at, std::uint32_t offset, std::string& out) {
    const std::size_t want = s[at + 1] == 'u' ? 4 : 8;
    const std::size_t n = hex_digits(s, at + 2, want);
    const std::string_view slice = s.substr(at, 2 + n);
    const Range r{offset + static_cast<std::uint32_t>(at), offset + static_cast<std::uint32_t>(at + slice.size())};
    if (n != want) {
        report(want == 4 ? error_message<errors::escape_short_unicode> : error_message<errors::escape_long_unicode>, r);
        out += slice;
        return slice.size();
    }
    const auto cp = static_cast<std::uint32_t>(std::stoul(std::string(slice.substr(2)), nullptr, 16));
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%04x", static_cast<unsigned>(cp));
        message_arg[0] = hex;
        report(error_message<errors::escape_unencodable>, r);
        out += slice;
        return slice.size();
    }
    append_utf8(out, cp);
    return slice.size();
}

std::size_t ParseState::escape(std::string_view s, std::size_t at, std::uint32_t offset, std::string& out) {
    if (at + 1 == s.size()) {
        report(error_message<errors::escape_backslash>, {offset + static_cast<std::uint32_t>(at), offset + static_cast<std::uint32_t>(s.size())});
        out += '\\';
        return 1;
    }
    if (const char* v = simple_escape(s[at + 1])) {
        out += v;
        return 2;
    }
    if (s[at + 1] == 'u' || s[at + 1] == 'U') return unicode_escape(s, at, offset, out);
    const std::size_t len = std::max<std::size_t>(1, unicode::sequence_length(s.data() + at + 1, s.data() + s.size()));
    message_arg[0] = go_quote(s.substr(at + 1, len));
    report(error_message<errors::escape_selector>, {offset + static_cast<std::uint32_t>(at), offset + static_cast<std::uint32_t>(at + 1 + len)});
    out += s.substr(at + 1, len);
    return 1 + len;
}

std::string_view ParseState::decode_quoted(Range token) {
    const std::string_view s = view(token);
    if (s.starts_with("$${") || s.starts_with("%%{")) return s.substr(1);
    if (s.find('\\') == std::string_view::npos) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\\') {
            i += escape(s, i, token.begin, out);
        } else {
            out += s[i++];
        }
    }
    return copy(std::string_view(out));
}

}  // namespace hjob::syntax::detail

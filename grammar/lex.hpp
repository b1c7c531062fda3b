// Token shapes of hclsyntax's scanner that both the grammar and the rescanner need: numbers,
// literal chunks inside quoted strings and heredocs, and heredoc openers. Plain functions
// over byte ranges; `p < e` on entry unless stated.
#pragma once

#include <string_view>

#include "unicode.hpp"

namespace hjob::syntax::lex {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Bytes that extend a literal run without further thought: ASCII other than newlines and
/// the characters that can start an escape or a template sequence. The fast path of the
/// string scanners, which dominate a job file's parse time.
struct PlainBytes {
    bool quoted[256] = {};
    bool heredoc[256] = {};
    constexpr PlainBytes() {
        for (int c = 0; c < 0x80; ++c) {
            const bool special = c == '\r' || c == '\n' || c == '$' || c == '%';
            heredoc[c] = !special;
            quoted[c] = !special && c != '"' && c != '\\';
        }
    }
};
inline constexpr PlainBytes plain{};

inline bool plain_quoted(char c) { return plain.quoted[static_cast<unsigned char>(c)]; }
inline bool plain_heredoc(char c) { return plain.heredoc[static_cast<unsigned char>(c)]; }

/// End of the NumberLit at `p` (which is a digit): digits, dots and exponents, never ending
/// in a dot; "1.2.3" is one (invalid) token, as in HCL.
inline const char* number_end(const char* p, const char* e) {
    const char* q = p + 1;
    for (;;) {
        if (q < e && (is_digit(*q) || *q == '.')) ++q;
        else if (q + 1 < e && (*q == 'e' || *q == 'E') && is_digit(q[1])) q += 2;
        else if (q + 2 < e && (*q == 'e' || *q == 'E') && (q[1] == '+' || q[1] == '-') && is_digit(q[2])) q += 3;
        else break;
    }
    while (q[-1] == '.') --q;
    return q;
}

/// What cty.ParseNumberVal accepts of a NumberLit token: digits, an optional fraction, an
/// optional exponent. "1.2.3" and "1e5e5" are tokens the scanner allows and parsing rejects.
inline bool valid_number(std::string_view s) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        return i > from;
    };
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        digits();
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == s.size();
}

/// Length of a newline at `p`: "\n" or "\r\n"; 0 otherwise.
inline std::size_t eol_length(const char* p, const char* e) {
    if (p < e && *p == '\n') return 1;
    if (p + 1 < e && p[0] == '\r' && p[1] == '\n') return 2;
    return 0;
}

/// End of the QuotedLit token at `p` inside a quoted string, or `p` when none starts here
/// (a closing quote, `${`, `%{`, a newline, a lone backslash, broken UTF-8, or `$`/`%` at
/// the end of the input). `$` and `%` form tokens of their own, as HCL's scanner splits them.
inline const char* quoted_literal_end(const char* p, const char* e) {
    const char c = *p;
    if (c == '$' || c == '%') {
        if (p + 1 == e || p[1] == '{') return p;
        if (p[1] == c && p + 2 < e && p[2] == '{') return p + 3 + (p + 3 < e && p[3] == '~');
        return p + 1;
    }
    const char* q = p;
    while (q < e) {
        if (plain_quoted(*q)) {
            ++q;
            continue;
        }
        const char* r = q;
        if (*r == '\\') ++r;
        if (r == e || *r == '\r' || *r == '\n' || (r == q && (*r == '$' || *r == '%' || *r == '"'))) break;
        const std::size_t n = unicode::sequence_length(r, e);
        if (n == 0) break;
        q = r + n;
    }
    return q;
}

/// A StringLit token inside a heredoc. `line_end` tokens are the ones HCL's scanner checks
/// for the closing marker; `eol` is the length of the newline that ends `end` (0 if none).
struct HeredocToken {
    const char* end;  ///< == p when no literal starts here
    bool line_end;
    std::size_t eol;
};

/// The heredoc literal token at `p` (not `${` or `%{`). Mirrors the scanner's quirks: `$x`
/// before a newline is a line-ending token of two bytes, `$x` elsewhere is just `$`.
inline HeredocToken heredoc_token(const char* p, const char* e) {
    const char c = *p;
    if (c == '$' || c == '%') {
        if (p + 1 == e) return {p, false, 0};
        if (p[1] == c && p + 2 < e && p[2] == '{') {
            const char* q = p + 3 + (p + 3 < e && p[3] == '~');
            const std::size_t n = eol_length(q, e);
            return {q + n, n != 0, n};
        }
        if (eol_length(p + 2, e) != 0) return {p + 2, true, 0};
        return {p + 1, false, 0};
    }
    const char* q = p;
    while (q < e && *q != '$' && *q != '%' && *q != '\r' && *q != '\n') {
        if (plain_heredoc(*q)) {
            ++q;
            continue;
        }
        const std::size_t n = unicode::sequence_length(q, e);
        if (n == 0) break;
        q += n;
    }
    const std::size_t n = eol_length(q, e);
    return {q + n, n != 0, n};
}

/// True when the line-ending heredoc token [p, t.end) closes a heredoc with `marker`.
inline bool closes_heredoc(const char* p, const HeredocToken& t, std::string_view marker) {
    return t.line_end && t.eol != 0 && unicode::trim_space(std::string_view(p, static_cast<std::size_t>(t.end - p))) == marker;
}

/// A heredoc opener `<<EOT` or `<<-EOT` followed by a newline at `p`: returns its end (after
/// the newline) and sets `marker`, or returns `p`.
inline const char* heredoc_open_end(const char* p, const char* e, std::string_view& marker) {
    if (e - p < 3 || p[0] != '<' || p[1] != '<') return p;
    const char* m = p + 2 + (p[2] == '-');
    const char* me = unicode::ident_end(m, e);
    const std::size_t n = eol_length(me, e);
    if (me == m || n == 0) return p;
    marker = std::string_view(m, static_cast<std::size_t>(me - m));
    return me + n;
}

}  // namespace hjob::syntax::lex

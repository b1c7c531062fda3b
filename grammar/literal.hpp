// Literal rules: numbers, the literal chunks of quoted strings and heredocs (one rule match
// per token of HCL's scanner, so template parts split where hclsyntax splits them), and
// block labels, which are quoted strings without template sequences.
#pragma once

#include "lexical.hpp"

namespace hjob::syntax::rules {

struct number_lit : number_token {};

/// One QuotedLit token of a quoted string: escapes included, `$` and `%` split off.
struct quoted_chunk {
    HJOB_CUSTOM_RULE(quoted_chunk) {
        (void)st;
        if (in.empty()) return false;
        const char* e = lex::quoted_literal_end(in.current(), in.end());
        if (e == in.current()) return false;
        in.iterator() = e;
        return true;
    }
};

/// One StringLit token of the innermost heredoc, unless it is the closing marker line.
struct heredoc_chunk {
    HJOB_CUSTOM_RULE(heredoc_chunk) {
        if (in.empty()) return false;
        const char* p = in.current();
        if ((*p == '$' || *p == '%') && in.size(2) > 1 && p[1] == '{') return false;
        const lex::HeredocToken t = lex::heredoc_token(p, in.end());
        if (t.end == p) return false;
        const auto& doc = st.heredocs.back();
        if (doc.start_of_line && lex::closes_heredoc(p, t, doc.marker)) return false;
        st.literal_line_end = t.line_end;
        in.iterator() = t.end;
        return true;
    }
};

/// The closing marker line of the innermost heredoc, without its newline.
struct heredoc_close {
    HJOB_CUSTOM_RULE(heredoc_close) {
        if (in.empty()) return false;
        const char* p = in.current();
        const lex::HeredocToken t = lex::heredoc_token(p, in.end());
        const auto& doc = st.heredocs.back();
        if (t.end == p || !doc.start_of_line || !lex::closes_heredoc(p, t, doc.marker)) return false;
        in.iterator() = t.end - t.eol;
        return true;
    }
};

// ---- block labels ----
struct label_open : one<'"'> {};
struct label_chunk : quoted_chunk {};
struct label_end : sor<one<'"'>,
                       seq<at<one<'$', '%'>, one<'{'>>, raise<errors::label_template>>,
                       seq<eof, raise<errors::label_unterminated>>,
                       raise<errors::label_invalid>> {};
struct quoted_label : seq<label_open, star<label_chunk>, label_end> {};
struct ident_label : ident {};

}  // namespace hjob::syntax::rules

namespace tao::pegtl {
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::quoted_chunk> : analyze_any_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::heredoc_chunk> : analyze_any_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::heredoc_close> : analyze_any_traits<> {};
}  // namespace tao::pegtl

// Lexical rules of HCL's native syntax: the token shapes of hclsyntax's scanner as PEGTL rules.
// Whitespace is skipped before a token (never after), in the newline mode of whoever looks
// next, which is how hclsyntax's peeker treats newlines inside and outside brackets.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "build.hpp"
#include "lex.hpp"
#include "unicode.hpp"

namespace hjob::syntax::rules {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::eof;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::raise;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::string;

#define HJOB_CUSTOM_RULE(name)                                                                         \
    using rule_t = name;                                                                               \
    using subs_t = pegtl::empty_list;                                                                  \
    template <pegtl::apply_mode, pegtl::rewind_mode, template <class...> class, template <class...> class, \
              class Input, class State>                                                                \
    static bool match(Input& in, State& st)

/// Spaces, tabs and comments; newlines too where they are not significant. Always matches.
struct sp {
    HJOB_CUSTOM_RULE(sp) {
        in.iterator() = st.skip(in.current());
        return true;
    }
};

/// A newline token: "\n", "\r\n", or a line comment with the newline that ends it.
struct nl {
    HJOB_CUSTOM_RULE(nl) {
        const char* e = st.newline_end(in.current());
        if (e == in.current()) return false;
        in.iterator() = e;
        return true;
    }
};

/// An identifier: (ID_Start | '_') (ID_Continue | '-')*.
struct ident {
    HJOB_CUSTOM_RULE(ident) {
        (void)st;
        const char* e = unicode::ident_end(in.current(), in.end());
        if (e == in.current()) return false;
        in.iterator() = e;
        return true;
    }
};

/// One identifier character after the first; keywords must not be followed by one.
struct ident_more {
    HJOB_CUSTOM_RULE(ident_more) {
        (void)st;
        if (in.empty()) return false;
        const std::size_t n = unicode::ident_char(in.current(), in.end(), false);
        in.bump(n);
        return n != 0;
    }
};

template <char... Cs>
struct keyword : seq<string<Cs...>, not_at<ident_more>> {};
struct kw_for : keyword<'f', 'o', 'r'> {};
struct kw_in : keyword<'i', 'n'> {};
struct kw_if : keyword<'i', 'f'> {};
struct kw_else : keyword<'e', 'l', 's', 'e'> {};
struct kw_endif : keyword<'e', 'n', 'd', 'i', 'f'> {};
struct kw_endfor : keyword<'e', 'n', 'd', 'f', 'o', 'r'> {};

/// A NumberLit token: a digit, then digits, dots and exponents, not ending in a dot.
struct number_token {
    HJOB_CUSTOM_RULE(number_token) {
        (void)st;
        if (in.empty() || !lex::is_digit(*in.current())) return false;
        in.iterator() = lex::number_end(in.current(), in.end());
        return true;
    }
};

/// The start of a heredoc, `<<EOT` or `<<-EOT` and its newline.
struct heredoc_open {
    HJOB_CUSTOM_RULE(heredoc_open) {
        (void)st;
        std::string_view marker;
        const char* e = lex::heredoc_open_end(in.current(), in.end(), marker);
        if (e == in.current()) return false;
        in.iterator() = e;
        return true;
    }
};

/// A binary operator token; `<` is not one when it starts a heredoc, `/` not when it starts
/// a comment (an unclosed "/*" is a slash, as in HCL's scanner).
struct binary_operator {
    HJOB_CUSTOM_RULE(binary_operator) {
        (void)st;
        const char* p = in.current();
        const std::size_t n = in.size(3);
        const char c = n > 0 ? p[0] : '\0';
        const char d = n > 1 ? p[1] : '\0';
        std::size_t len = 0;
        switch (c) {
            case '|': len = d == '|' ? 2 : 0; break;
            case '&': len = d == '&' ? 2 : 0; break;
            case '=': len = d == '=' ? 2 : 0; break;
            case '!': len = d == '=' ? 2 : 0; break;
            case '>': len = d == '=' ? 2 : 1; break;
            case '<': {
                std::string_view marker;
                len = d == '=' ? 2 : lex::heredoc_open_end(p, in.end(), marker) != p ? 0 : 1;
                break;
            }
            case '+': case '-': case '*': case '%': len = 1; break;
            case '/': len = d == '/' ? 0 : 1; break;
            default: break;
        }
        in.bump(len);
        return len != 0;
    }
};

struct equals : seq<one<'='>, not_at<one<'=', '>'>>> {};
struct colon : one<':'> {};
struct comma : one<','> {};
struct question : one<'?'> {};
struct dot : seq<one<'.'>, not_at<one<'.'>, one<'.'>>> {};
struct ellipsis : string<'.', '.', '.'> {};
struct fat_arrow : string<'=', '>'> {};
struct star_token : one<'*'> {};
struct bang : seq<one<'!'>, not_at<one<'='>>> {};
struct minus : one<'-'> {};
struct bom : string<'\xEF', '\xBB', '\xBF'> {};
/// The end of a template sequence, `}` or `~}` (which also strips the following literal).
struct sequence_end : sor<one<'}'>, string<'~', '}'>> {};

}  // namespace hjob::syntax::rules

namespace tao::pegtl {
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::sp> : analyze_opt_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::nl> : analyze_any_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::ident> : analyze_any_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::ident_more> : analyze_any_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::number_token> : analyze_any_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::heredoc_open> : analyze_any_traits<> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::binary_operator> : analyze_any_traits<> {};
}  // namespace tao::pegtl

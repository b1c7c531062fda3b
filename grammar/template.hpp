// Template rules: quoted strings and heredocs with `${ }` interpolations and `%{ }`
// directives. Inside a sequence newlines are spaces (hclsyntax pushes "ignore newlines");
// the directive structure (if/else/endif, for/endfor) is checked when the template closes.
#pragma once

#include "literal.hpp"

namespace hjob::syntax::rules {

struct expression;  // expr.hpp

/// Runs Rules with newlines significant (true) or not (false), restoring the mode after.
template <bool Significant, class... Rules>
struct newlines {
    using rule_t = newlines;
    using subs_t = pegtl::type_list<Rules...>;
    template <pegtl::apply_mode A, pegtl::rewind_mode M, template <class...> class Action,
              template <class...> class Control, class Input, class State>
    static bool match(Input& in, State& st) {
        struct Restore {
            State& s;
            bool saved;
            ~Restore() { s.newlines = saved; }
        } restore{st, st.newlines};
        st.newlines = Significant;
        return pegtl::match<seq<Rules...>, A, M, Action, Control>(in, st);
    }
};

/// Matches only inside a quoted template (where a stray quote means an unclosed `${`).
struct in_quoted_template {
    HJOB_CUSTOM_RULE(in_quoted_template) {
        (void)in;
        return st.innermost_template_quoted();
    }
};

// ---- sequences ----
struct interpolation_open : seq<string<'$', '{'>, opt<one<'~'>>> {};
struct interpolation_close : sequence_end {};
struct interpolation_end : sor<interpolation_close,
                               seq<eof, raise<errors::interpolation_unclosed>>,
                               seq<at<colon>, raise<errors::interpolation_colon>>,
                               seq<at<one<'"'>>, in_quoted_template, raise<errors::interpolation_unclosed_quote>>,
                               raise<errors::interpolation_extra>> {};
struct interpolation : seq<interpolation_open, newlines<false, expression, sp, interpolation_end>> {};

struct directive_if : seq<kw_if, expression> {};
struct directive_else : kw_else {};
struct directive_endif : kw_endif {};
struct directive_endfor : kw_endfor {};
struct directive_for_kw : kw_for {};
struct directive_variable : ident {};
struct directive_value_variable : ident {};
struct directive_variables
    : sor<seq<directive_variable,
              opt<sp, comma, sp, sor<directive_value_variable, raise<errors::directive_for_value_variable>>>>,
          raise<errors::directive_for_variable>> {};
struct directive_for
    : seq<directive_for_kw, sp, directive_variables, sp, sor<kw_in, raise<errors::directive_for_in>>, expression> {};
struct directive : sor<directive_if, directive_for, directive_else, directive_endif, directive_endfor,
                       seq<at<ident>, raise<errors::directive_keyword>>, raise<errors::directive_required>> {};
struct directive_open : seq<string<'%', '{'>, opt<one<'~'>>> {};
struct directive_close : sequence_end {};
struct template_directive
    : seq<directive_open, newlines<false, sp, directive, sp, sor<directive_close, raise<errors::directive_extra>>>> {};

// ---- quoted templates ----
struct quote_open : one<'"'> {};
struct quote_close : one<'"'> {};
struct quoted_literal : quoted_chunk {};
struct quoted_template : seq<quote_open, star<sor<interpolation, template_directive, quoted_literal>>,
                             sor<quote_close, raise<errors::unterminated_template>>> {};

// ---- heredocs ----
struct heredoc_opener : heredoc_open {};
struct heredoc_literal : heredoc_chunk {};
struct heredoc_closer : heredoc_close {};
struct heredoc_template : seq<heredoc_opener, star<sor<interpolation, template_directive, heredoc_literal>>,
                              sor<heredoc_closer, raise<errors::unterminated_template>>> {};

}  // namespace hjob::syntax::rules

namespace tao::pegtl {
template <class Name, bool B, class... R>
struct analyze_traits<Name, hjob::syntax::rules::newlines<B, R...>> : analyze_traits<Name, typename seq<R...>::rule_t> {};
template <class Name> struct analyze_traits<Name, hjob::syntax::rules::in_quoted_template> : analyze_opt_traits<> {};
}  // namespace tao::pegtl

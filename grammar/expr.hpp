// Expression rules, shaped after hclsyntax's recursive descent: conditional over binary
// operators over operands (a term and its traversals). Every rule that recurses goes through
// `nested`, the one counted guard against stack exhaustion. An expression never fails
// quietly: at a bad token it raises, as hclsyntax reports "Invalid expression" there.
#pragma once

#include "template.hpp"

namespace hjob::syntax::rules {

/// Counts nesting; deeper than max_nesting_depth raises "Nesting too deep" at this point.
template <class... Rules>
struct nested {
    using rule_t = nested;
    using subs_t = pegtl::type_list<Rules...>;
    template <pegtl::apply_mode A, pegtl::rewind_mode M, template <class...> class Action,
              template <class...> class Control, class Input, class State>
    static bool match(Input& in, State& st) {
        struct Leave {
            State& s;
            ~Leave() { --s.depth; }
        } leave{st};
        if (++st.depth > State::max_depth) Control<errors::nesting_too_deep>::raise(in, st);
        return pegtl::match<seq<Rules...>, A, M, Action, Control>(in, st);
    }
};

struct operand;
struct postfix;

// ---- names and function calls ----
struct term_name : ident {};
struct name_value : pegtl::success {};
struct call_paren : one<'('> {};
struct call_close : one<')'> {};
struct call_ellipsis : ellipsis {};
struct call_end : sor<call_close, seq<comma, sp, call_close>,
                      seq<call_ellipsis, sp, sor<call_close, raise<errors::call_missing_paren>>>,
                      seq<eof, raise<errors::call_unterminated>>, raise<errors::call_missing_separator>> {};
struct call_args
    : newlines<false, sp,
               sor<call_close, seq<expression, star<sp, comma, sp, not_at<one<')'>>, expression>, sp, call_end>>> {};
struct name_term : seq<term_name, sor<seq<sp, call_paren, call_args>, name_value>> {};

// ---- parentheses ----
struct paren_open : one<'('> {};
struct paren_close : one<')'> {};
struct paren_term
    : seq<paren_open, newlines<false, expression, sp, sor<paren_close, raise<errors::unbalanced_parentheses>>>> {};

// ---- for expressions ----
struct for_kw : kw_for {};
struct for_variable : ident {};
struct for_value_variable : ident {};
struct for_variables
    : sor<seq<for_variable, opt<sp, comma, sp, sor<for_value_variable, raise<errors::for_value_variable>>>>,
          raise<errors::for_variable>> {};
struct for_arrow : fat_arrow {};
struct for_group : ellipsis {};
struct for_condition : seq<kw_if, expression> {};
template <class Close>
struct for_rest : seq<sp, for_variables, sp, sor<kw_in, raise<errors::for_in>>, expression, sp,
                      sor<colon, raise<errors::for_colon>>, expression, opt<sp, for_arrow, expression>,
                      opt<sp, for_group>, opt<sp, for_condition>, sp, sor<Close, raise<errors::for_extra>>> {};
struct for_tuple_close : one<']'> {};
struct for_object_close : one<'}'> {};

// ---- tuples ----
struct tuple_open : one<'['> {};
struct tuple_close : one<']'> {};
struct tuple_end
    : sor<tuple_close, seq<eof, raise<errors::tuple_unterminated>>, raise<errors::tuple_missing_separator>> {};
struct tuple_items : sor<tuple_close, seq<expression, star<sp, comma, sp, not_at<one<']'>>, expression>, sp,
                                          opt<comma, sp>, tuple_end>> {};
struct tuple_term : seq<tuple_open, newlines<false, sp, sor<seq<for_kw, for_rest<for_tuple_close>>, tuple_items>>> {};

// ---- objects: newlines separate items, as in hclsyntax's PushIncludeNewlines(true) ----
struct object_open : one<'{'> {};
struct object_close : one<'}'> {};
struct object_separator : sor<equals, colon> {};
struct object_key_end : sor<object_separator, seq<at<sor<nl, comma>>, raise<errors::object_missing_value>>,
                            seq<at<ident>, raise<errors::object_missing_equals_ident>>,
                            seq<eof, raise<errors::object_unterminated>>, raise<errors::object_missing_equals>> {};
struct object_item : seq<expression, sp, object_key_end, expression> {};
struct object_newlines : star<sp, nl> {};
struct object_item_separator : sor<comma, nl> {};
struct object_end
    : sor<object_close, seq<eof, raise<errors::object_unterminated>>, raise<errors::object_missing_separator>> {};
struct object_items
    : newlines<true, object_newlines, sp,
               sor<object_close,
                   seq<object_item, star<sp, object_item_separator, object_newlines, sp, not_at<one<'}'>>, object_item>,
                       sp, opt<object_item_separator, object_newlines>, sp, object_end>>> {};
struct object_term : seq<object_open, sor<seq<at<newlines<false, sp, kw_for>>, newlines<false, sp, for_kw, for_rest<for_object_close>>>,
                                          object_items>> {};

// ---- unary operators bind to one operand: -a*b is (-a)*b ----
struct negation : seq<minus, nested<operand>> {};
struct logical_not : seq<bang, nested<operand>> {};

// Each alternative starts with its own character; the most frequent in job files come first.
struct term : sor<quoted_template, name_term, number_lit, tuple_term, object_term, heredoc_template, paren_term,
                  negation, logical_not, seq<eof, raise<errors::missing_expression>>,
                  raise<errors::invalid_expression>> {};

// ---- traversals, indexes and splats ----
struct step_dot : dot {};
struct attr_step : ident {};
struct legacy_index : number_token {};
struct splat_legacy_index : number_token {};
struct splat_star : star_token {};
struct attr_splat_end : pegtl::success {};
struct attr_splat : seq<splat_star,
                        star<sp, step_dot, sp,
                             sor<splat_legacy_index, attr_step, seq<at<star_token>, raise<errors::nested_splat>>,
                                 raise<errors::splat_attribute_name_required>>>,
                        attr_splat_end> {};
struct dot_step
    : seq<step_dot, sp, sor<attr_step, legacy_index, attr_splat, raise<errors::attribute_name_required>>> {};
struct index_open : one<'['> {};
struct index_close : one<']'> {};
struct splat_close : one<']'> {};
struct full_splat_end : pegtl::success {};
struct full_splat
    : seq<star_token, sp, sor<splat_close, raise<errors::splat_missing_bracket>>, nested<postfix>, full_splat_end> {};
struct index_key : newlines<false, expression, sp, sor<index_close, raise<errors::index_missing_bracket>>> {};
struct bracket_step : seq<index_open, sor<seq<sp, full_splat>, index_key>> {};
struct chain_begin : pegtl::success {};
struct chain_end : pegtl::success {};
struct postfix : seq<chain_begin, star<sp, sor<dot_step, bracket_step>>, chain_end> {};

struct operand : seq<sp, term, postfix> {};

// ---- binary operators: a flat sequence folded by precedence when it ends ----
struct operand_sequence : pegtl::success {};
struct operand_sequence_end : pegtl::success {};
struct binary_op : binary_operator {};
struct binary : seq<operand_sequence, operand, star<sp, binary_op, operand>, operand_sequence_end> {};

struct conditional_end : pegtl::success {};
/// Not fatal in hclsyntax: the condition alone is the result and parsing goes on from here.
struct missing_false : pegtl::success {};
struct conditional
    : seq<binary, opt<sp, question, expression, sp, sor<seq<colon, expression, conditional_end>, missing_false>>> {};

struct expression : nested<conditional> {};

}  // namespace hjob::syntax::rules

namespace tao::pegtl {
template <class Name, class... R>
struct analyze_traits<Name, hjob::syntax::rules::nested<R...>> : analyze_traits<Name, typename seq<R...>::rule_t> {};
}  // namespace tao::pegtl

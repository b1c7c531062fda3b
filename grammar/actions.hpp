// Internal to the parser TU: PEGTL actions, one per committed rule, each a single call into
// the builder (build.hpp). Actions run in post-order, so a construct's action sees its
// children on the builder's stacks.
#pragma once

#include "grammar.hpp"

namespace hjob::syntax::detail {

namespace r = rules;

template <class Rule>
struct action : tao::pegtl::nothing<Rule> {};

#define HJOB_ACTION(rule, ...)                                  \
    template <>                                                 \
    struct action<r::rule> {                                    \
        template <class Input>                                  \
        static void apply(const Input& in, ParseState& st) {    \
            [[maybe_unused]] const auto b = st.off(in.begin()); \
            [[maybe_unused]] const auto e = st.off(in.end());   \
            __VA_ARGS__;                                        \
        }                                                       \
    };
#define HJOB_ACTION0(rule, ...)                 \
    template <>                                 \
    struct action<r::rule> {                    \
        static void apply0(ParseState& st) {    \
            __VA_ARGS__;                        \
        }                                       \
    };

// ---- expressions ----
HJOB_ACTION(number_lit, st.number({b, e}))
HJOB_ACTION(term_name, st.last_ident_begin = b; st.last_ident_end = e)
HJOB_ACTION0(name_value, st.name_value())
HJOB_ACTION(call_paren, st.call_open(b))
HJOB_ACTION(call_ellipsis, st.last_ellipsis = b; st.call_ellipsis())
HJOB_ACTION(call_close, st.call_close(e))
HJOB_ACTION(paren_open, st.open(b, detail::OpenKind::paren))
HJOB_ACTION(paren_close, st.parentheses(e))
HJOB_ACTION(tuple_open, st.open(b, detail::OpenKind::tuple))
HJOB_ACTION(tuple_close, st.tuple(e))
HJOB_ACTION0(for_kw, st.for_begin())
HJOB_ACTION(for_variable, st.for_variable({b, e}))
HJOB_ACTION(for_value_variable, st.for_value_variable({b, e}))
HJOB_ACTION0(for_arrow, st.for_key_arrow())
HJOB_ACTION(for_group, st.for_group({b, e}))
HJOB_ACTION0(for_condition, st.for_condition())
HJOB_ACTION(for_tuple_close, st.for_close(e, false))
HJOB_ACTION(for_object_close, st.for_close(e, true))
HJOB_ACTION(object_open, st.object_open(b))
HJOB_ACTION(object_separator, st.object_separator({b, e}))
HJOB_ACTION0(object_item, st.object_item())
HJOB_ACTION(object_close, st.object(e))
HJOB_ACTION(negation, st.unary(UnaryOp::negate, b))
HJOB_ACTION(logical_not, st.unary(UnaryOp::logical_not, b))
HJOB_ACTION0(operand_sequence, st.operand_sequence())
HJOB_ACTION(binary_op, st.binary_operator({b, e}))
HJOB_ACTION0(operand_sequence_end, st.end_operand_sequence())
HJOB_ACTION0(conditional_end, st.conditional())
HJOB_ACTION(missing_false, st.missing_false_expression(b))
HJOB_ACTION0(chain_begin, st.chain_begin())
HJOB_ACTION0(chain_end, st.chain_end())
HJOB_ACTION(step_dot, st.last_dot = b)
HJOB_ACTION(attr_step, st.attr_step({b, e}))
HJOB_ACTION(legacy_index, st.legacy_index_step({b, e}, false))
HJOB_ACTION(splat_legacy_index, st.legacy_index_step({b, e}, true))
HJOB_ACTION(splat_star, st.last_star = b; st.attr_splat_begin({b, e}))
HJOB_ACTION0(attr_splat_end, st.attr_splat_end())
HJOB_ACTION(index_open, st.open(b, detail::OpenKind::index))
HJOB_ACTION(index_close, st.index_close(e))
HJOB_ACTION(splat_close, st.full_splat_begin(e))
HJOB_ACTION0(full_splat_end, st.full_splat_end())

// ---- templates ----
HJOB_ACTION(quote_open, st.template_open(b, e, true, false))
HJOB_ACTION(quoted_literal, st.template_literal({b, e}, false))
HJOB_ACTION(quote_close, st.template_close(b, e))
HJOB_ACTION(heredoc_opener, st.heredoc_open({b, e}))
HJOB_ACTION(heredoc_literal, st.heredoc_literal({b, e}))
HJOB_ACTION(heredoc_closer, st.heredoc_close({b, e}))
HJOB_ACTION(interpolation_open, st.sequence_open(b, e - b == 3))
HJOB_ACTION(interpolation_close, st.interpolation_close(e, e - b == 2))
HJOB_ACTION(directive_open, st.sequence_open(b, e - b == 3))
HJOB_ACTION0(directive_for_kw, st.for_begin())
HJOB_ACTION(directive_variable, st.for_variable({b, e}))
HJOB_ACTION(directive_value_variable, st.for_value_variable({b, e}))
HJOB_ACTION0(directive_if, st.directive(TemplatePart::Kind::if_))
HJOB_ACTION0(directive_else, st.directive(TemplatePart::Kind::else_))
HJOB_ACTION0(directive_endif, st.directive(TemplatePart::Kind::endif))
HJOB_ACTION0(directive_for, st.directive(TemplatePart::Kind::for_))
HJOB_ACTION0(directive_endfor, st.directive(TemplatePart::Kind::endfor))
HJOB_ACTION(directive_close, st.directive_close(e, e - b == 2))

// ---- bodies ----
HJOB_ACTION0(top_open, st.body_open(0))
HJOB_ACTION(item_name, st.name({b, e}))
HJOB_ACTION(single_name, st.name({b, e}))
HJOB_ACTION(attribute_equals, st.last_equals = {b, e})
HJOB_ACTION0(attribute_def, st.attribute())
HJOB_ACTION0(attribute_done, st.check_redefinition())
HJOB_ACTION0(label_open, st.label_begin())
HJOB_ACTION(label_chunk, st.label_chunk({b, e}))
HJOB_ACTION(quoted_label, st.quoted_label({b, e}))
HJOB_ACTION(ident_label, st.ident_label({b, e}))
HJOB_ACTION(block_open, st.body_open(b))
HJOB_ACTION(block_close, st.block(b, e, false))
HJOB_ACTION0(single_begin, st.single_body_mark = st.diagnostics.size())
HJOB_ACTION(single_close, st.block(b, e, true))

#undef HJOB_ACTION
#undef HJOB_ACTION0

}  // namespace hjob::syntax::detail

// Body rules: attributes and blocks, one-line blocks, and the file itself. Newlines end body
// items. Each item recovers on its own: after a syntax error the rest of the item is skipped
// (to the next newline outside brackets) and the next item is parsed.
#pragma once

#include "expr.hpp"

namespace hjob::syntax::rules {

/// Matches Item; when it raises, the error is already recorded: skip the rest of the item
/// (hclsyntax's recoverAfterBodyItem) and succeed, so parsing goes on with the next item.
template <class Item>
struct recover {
    using rule_t = recover;
    using subs_t = pegtl::type_list<Item>;
    template <pegtl::apply_mode A, pegtl::rewind_mode M, template <class...> class Action,
              template <class...> class Control, class Input, class State>
    static bool match(Input& in, State& st) {
        const auto saved = st.mark();
        const std::uint32_t begin = st.off(in.current());
        struct Restore {
            State& s;
            std::uint32_t outer;
            ~Restore() { s.item_begin = outer; }
        } restore{st, st.item_begin};
        st.item_begin = begin;
        st.recovering = false;  // a new item is independent of earlier errors
        try {
            return pegtl::match<Item, A, M, Action, Control>(in, st);
        } catch (const detail::ItemFailed&) {
            st.rollback(saved);
            in.iterator() = st.base + st.skip_item(begin);
            return true;
        }
    }
};

/// The attribute of a one-line block body: when it raises, hclsyntax still looks at how the
/// block ends, and may report that first.
template <class Attr>
struct single_attempt {
    using rule_t = single_attempt;
    using subs_t = pegtl::type_list<Attr>;
    template <pegtl::apply_mode A, pegtl::rewind_mode M, template <class...> class Action,
              template <class...> class Control, class Input, class State>
    static bool match(Input& in, State& st) {
        try {
            return pegtl::match<Attr, A, M, Action, Control>(in, st);
        } catch (const detail::ItemFailed&) {
            st.single_body_failed();
            throw;
        }
    }
};

// ---- attributes ----
struct item_name : ident {};
struct attribute_equals : equals {};
struct attribute_def : seq<attribute_equals, expression> {};
struct attribute_end : seq<sp, sor<nl, eof, seq<at<comma>, raise<errors::comma_after_argument>>,
                                   raise<errors::missing_newline>>> {};
struct attribute_done : pegtl::success {};
struct attribute_rest : seq<attribute_def, attribute_end, attribute_done> {};

// ---- blocks ----
struct block_labels : star<sp, sor<quoted_label, ident_label>> {};
struct block_open : one<'{'> {};
struct block_header_end : sor<block_open, seq<at<equals>, raise<errors::block_equals>>,
                              seq<at<nl>, raise<errors::block_newline>>, raise<errors::block_header>> {};
struct block_close : one<'}'> {};
struct body_item;
struct block_items : star<sp, sor<nl, seq<not_at<one<'}'>>, not_at<eof>, body_item>>> {};
struct multi_line_body : seq<block_items, sp, sor<block_close, raise<errors::unclosed_block>>> {};
struct single_name : ident {};
struct single_attribute
    : seq<single_name, sp,
          sor<attribute_def, seq<at<sor<one<'"'>, one<'{'>, ident>>, raise<errors::oneline_argument_required>>,
              raise<errors::item_needs_equals>>> {};
struct single_close : one<'}'> {};
struct single_end : sor<single_close, seq<at<comma>, raise<errors::oneline_comma>>,
                        seq<at<nl>, raise<errors::oneline_newline>>, seq<eof, raise<errors::oneline_unclosed>>,
                        raise<errors::oneline_extra>> {};
struct single_begin : pegtl::success {};
struct single_line_body
    : seq<single_begin, single_attempt<sor<single_attribute, raise<errors::item_required_here>>>, sp, single_end> {};
struct block_body : sor<seq<at<sp, sor<nl, eof, one<'}'>>>, multi_line_body>, seq<sp, single_line_body>> {};
struct block_end : seq<sp, sor<nl, eof, raise<errors::block_missing_newline>>> {};
struct block_rest : seq<block_labels, sp, nested<block_header_end, block_body>, block_end> {};

// ---- items and the file ----
struct item_rest : sor<attribute_rest, seq<at<sor<one<'"'>, one<'{'>, ident>>, block_rest>,
                       raise<errors::item_needs_equals>> {};
struct item : seq<item_name, sp, item_rest> {};
struct body_item : recover<sor<item, seq<at<one<'"'>>, raise<errors::quoted_argument_name>>,
                               raise<errors::item_required>>> {};
struct top_open : pegtl::success {};
struct top_items : star<sp, sor<nl, seq<not_at<eof>, body_item>>> {};
/// The whole file: an optional byte order mark, then body items up to the end.
struct config : seq<opt<bom>, top_open, top_items, sp, eof> {};

}  // namespace hjob::syntax::rules

namespace tao::pegtl {
template <class Name, class Item>
struct analyze_traits<Name, hjob::syntax::rules::recover<Item>> : analyze_traits<Name, typename seq<Item>::rule_t> {};
template <class Name, class Attr>
struct analyze_traits<Name, hjob::syntax::rules::single_attempt<Attr>> : analyze_traits<Name, typename seq<Attr>::rule_t> {};
}  // namespace tao::pegtl

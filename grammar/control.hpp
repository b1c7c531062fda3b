// Internal to the parser TU: the PEGTL control that turns `raise<errors::tag>` into a
// Diagnostic from errors.hpp, with its subject at the token (or opener) hclsyntax points at.
#pragma once

#include <tao/pegtl.hpp>

#include "build.hpp"

namespace hjob::syntax::detail {

template <class Rule>
struct control : tao::pegtl::normal<Rule> {
    template <class Input>
    [[noreturn]] static void raise(const Input& in, ParseState& st) {
        constexpr const Message& m = error_message<Rule>;
        static_assert(!m.code.empty(), "a raised rule needs its error_message<> in errors.hpp");
        const std::uint32_t at = st.off(st.skip(in.current()));
        st.failed_at = at;
        st.failed_message = &m;
        message_args<Rule>(st, at);
        st.fail(m, subject_of(m, st, at));
    }
};

}  // namespace hjob::syntax::detail

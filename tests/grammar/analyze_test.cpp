// PEGTL's static analysis of the grammar: no rule can loop without consuming input.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/grammar.hpp"

TEST_CASE("analyze: the grammar has no infinite loops") {
    CHECK(tao::pegtl::analyze<hjob::syntax::grammar>() == 0);
}

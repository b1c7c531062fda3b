// Expressions: operator precedence and associativity, conditionals, traversals (scope and
// relative), indexes, splats, calls, tuples, objects and for expressions, and their errors.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace std::string_view_literals;
using hjob::test::Case;

namespace {

// Accepted lines carry the shape: a.b[0] is a ScopeTraversal, (rel src steps) a
// RelativeTraversal, (index c k), (splat source each) with * for the item, (f args...).
const Case expression_cases[] = {
    {"a = 1 + 2 * 3 - 4 / 5 % 6\n"sv, true, "(- (+ 1 (* 2 3)) (% (/ 4 5) 6))"},
    {"a = a || b && c == d != e\n"sv, true, "(|| a (&& b (!= (== c d) e)))"},
    {"a = a < b <= c > d >= e\n"sv, true, "(>= (> (<= (< a b) c) d) e)"},
    {"a = 1 - 2 - 3\n"sv, true, "(- (- 1 2) 3)"},
    {"a = -a.b * c\n"sv, true, "(* (- a.b) c)"},
    {"a = !a == b\n"sv, true, "(== (! a) b)"},
    {"a = - - 1\n"sv, true, "(- (- 1))"},
    {"a = -1 + 2\n"sv, true, "(+ (- 1) 2)"},
    {"a = (1 + 2) * 3\n"sv, true, "(* (paren (+ 1 2)) 3)"},
    {"a = c ? t : f\n"sv, true, "(? c t f)"},
    {"a = a ? b : c ? d : e\n"sv, true, "(? a b (? c d e))"},
    {"a = a ? b ? c : d : e\n"sv, true, "(? a (? b c d) e)"},
    {"a = x == 1 ? 2 : 3\n"sv, true, "(? (== x 1) 2 3)"},
    {"a = x.y[0].z\n"sv, true, "x.y[0].z"},
    {"a = x[\"k\"]\n"sv, true, "x[\"k\"]"},
    {"a = x[true]\n"sv, true, "x[true]"},
    {"a = x[y]\n"sv, true, "(index x y)"},
    {"a = x[-1]\n"sv, true, "(index x (- 1))"},
    {"a = x.0\n"sv, true, "x[0]"},
    {"a = x.1e3\n"sv, true, "x[1e3]"},
    {"a = f(1).y\n"sv, true, "(rel (f 1) .y)"},
    {"a = [1][0]\n"sv, true, "(rel [1] [0])"},
    {"a = (x).y\n"sv, true, "(rel (paren x) .y)"},
    {"a = (x)[y]\n"sv, true, "(index (paren x) y)"},
    {"a = x[y].z\n"sv, true, "(rel (index x y) .z)"},
    {"a = x.y[z][0]\n"sv, true, "(rel (index x.y z) [0])"},
    {"a = x.*.y\n"sv, true, "(splat x (rel * .y))"},
    {"a = x.*.y.0.z\n"sv, true, "(splat x (rel * .y[0].z))"},
    {"a = x[*]\n"sv, true, "(splat x *)"},
    {"a = x[*].y[0]\n"sv, true, "(splat x (rel * .y[0]))"},
    {"a = x[*][0]\n"sv, true, "(splat x (rel * [0]))"},
    {"a = x.*.y[0]\n"sv, true, "(rel (splat x (rel * .y)) [0])"},
    {"a = x[*].y[*].z\n"sv, true, "(splat x (splat (rel * .y) (rel * .z)))"},
    {"a = f(x)[*]\n"sv, true, "(splat (f x) *)"},
    {"a = x.y.*\n"sv, true, "(splat x.y *)"},
    {"a = f()\n"sv, true, "(f)"},
    {"a = f(1, 2)\n"sv, true, "(f 1 2)"},
    {"a = f(1, 2,)\n"sv, true, "(f 1 2)"},
    {"a = f(xs...)\n"sv, true, "(f xs ...)"},
    {"a = f(\n  1,\n  2\n)\n"sv, true, "(f 1 2)"},
    {"a = true(1)\n"sv, true, "(true 1)"},
    {"a = []\n"sv, true, "[]"},
    {"a = [1, [2, 3], \"s\"]\n"sv, true, "[1 [2 3] (tmpl \"s\")]"},
    {"a = [\n  1,\n  2,\n]\n"sv, true, "[1 2]"},
    {"a = {}\n"sv, true, "{}"},
    {"a = {a = 1, b = 2}\n"sv, true, "{a=1 b=2}"},
    {"a = {\n  a = 1\n  b: 2\n}\n"sv, true, "{a=1 b=2}"},
    {"a = {\"k\" = 1, (k) = 2, k.l = 3}\n"sv, true, "{(tmpl \"k\")=1 ((paren k))=2 k.l=3}"},
    {"a = {a = 1,}\n"sv, true, "{a=1}"},
    {"a = [for x in xs: x * 2]\n"sv, true, "(for x xs : (* x 2))"},
    {"a = [for i, x in xs: x if i > 0]\n"sv, true, "(for i,x xs : x if (> i 0))"},
    {"a = {for k, v in m: k => v}\n"sv, true, "(for k,v m : k => v)"},
    {"a = {for k, v in m: v => k...}\n"sv, true, "(for k,v m : v => k ...)"},
    {"a = {\n  for x in xs: x => 1\n}\n"sv, true, "(for x xs : x => 1)"},
    {"a = \n"sv, false, "1:5 Invalid expression"},
    {"a ="sv, false, "1:4 Missing expression"},
    {"a = ,\n"sv, false, "1:5 Invalid expression"},
    {"a = 1 +\n"sv, false, "1:8 Invalid expression"},
    {"a = 1 +\n 2\n"sv, false, "1:8 Invalid expression"},
    {"a = (1\n"sv, false, "2:1 Unbalanced parentheses"},
    {"a = (1 2)\n"sv, false, "1:8 Unbalanced parentheses"},
    {"a = a ? b\n"sv, false, "1:10 Missing false expression in conditional"},
    {"a = a ? b : c d\n"sv, false, "1:15 Missing newline after argument"},
    {"a = x.\n"sv, false, "1:7 Invalid attribute name"},
    {"a = x.0.1\n"sv, false, "1:7 Invalid legacy index syntax"},
    {"a = x.*.*\n"sv, false, "1:9 Nested splat expression not allowed"},
    {"a = x.*.0.1\n"sv, false, "1:7 Invalid legacy index syntax"},
    {"a = x[\n"sv, false, "2:1 Missing expression"},
    {"a = x[0\n"sv, false, "2:1 Missing close bracket on index"},
    {"a = x[0 1]\n"sv, false, "1:10 Missing close bracket on index"},
    {"a = x[* 1]\n"sv, false, "1:10 Missing close bracket on splat index"},
    {"a = x[*\n"sv, false, "2:1 Missing close bracket on splat index"},
    {"a = f(1 2)\n"sv, false, "1:9 Missing argument separator"},
    {"a = f(\n"sv, false, "2:1 Missing expression"},
    {"a = f(x..., y)\n"sv, false, "1:8 Missing closing parenthesis"},
    {"a = f(,)\n"sv, false, "1:7 Invalid expression"},
    {"a = [1 2]\n"sv, false, "1:8 Missing item separator"},
    {"a = [1,,2]\n"sv, false, "1:8 Invalid expression"},
    {"a = [\n"sv, false, "2:1 Missing expression"},
    {"a = {a b}\n"sv, false, "1:8 Missing key/value separator"},
    {"a = {a\n= 1}\n"sv, false, "1:7 Missing attribute value"},
    {"a = {a, b}\n"sv, false, "1:7 Missing attribute value"},
    {"a = {a = 1 b = 2}\n"sv, false, "1:12 Missing attribute separator"},
    {"a = {\n"sv, false, "2:1 Missing expression"},
    {"a = {a = 1\n"sv, false, "2:1 Missing expression"},
    {"a = {a = 1 = 2}\n"sv, false, "1:12 Missing attribute separator"},
    {"a = [for]\n"sv, false, "1:9 Invalid 'for' expression"},
    {"a = [for x, in y: z]\n"sv, false, "1:16 Invalid 'for' expression"},
    {"a = [for x y]\n"sv, false, "1:12 Invalid 'for' expression"},
    {"a = [for x in y]\n"sv, false, "1:16 Invalid 'for' expression"},
    {"a = [for x in y: z extra]\n"sv, false, "1:20 Invalid 'for' expression"},
    {"a = [for k, v in m: k => v]\n"sv, false, "1:21 Invalid 'for' expression"},
    {"a = [for x in xs: x...]\n"sv, false, "1:20 Invalid 'for' expression"},
    {"a = {for x in xs: x}\n"sv, false, "1:19 Invalid 'for' expression"},
    {"a = 1 ** 2\n"sv, false, "1:8 Invalid expression"},
    {"a = a => b\n"sv, false, "1:7 Missing newline after argument"},
    {"a = a::b\n"sv, false, "1:6 Missing newline after argument"},
    {"a = !=\n"sv, false, "1:5 Invalid expression"},};

struct RangeCase {
    std::string_view input;
    std::string_view src;  ///< the source text of the first attribute's expression range
};

// Ranges as hclsyntax's SrcRange: these are what `hjob syntax --ranges` prints.
const RangeCase range_cases[] = {
    {"a = x.y[0].z # c\n", "x.y[0].z"},
    {"a = f(1).y\n", "f(1).y"},
    {"a = x[*].y\n", "x[*].y"},
    {"a = x.*.y\n", "x.*.y"},
    {"a = -1\n", "-1"},
    {"a = ( 1 )\n", "( 1 )"},
    {"a = c ? t : f\n", "c ? t : f"},
    {"a = 1 + 2 * 3\n", "1 + 2 * 3"},
    {"a = [for x in [1,2]: x*2]\n", "[for x in [1,2]: x*2]"},
    {"a = {a = 1}\n", "{a = 1}"},
    {"a = f(\n  1,\n)\n", "f(\n  1,\n)"},
};

}  // namespace

TEST_CASE("expression: shapes and errors") {
    hjob::test::check_table(expression_cases, hjob::test::describe_shape);
}

TEST_CASE("expression: source ranges") {
    for (const RangeCase& c : range_cases) {
        INFO("input: " << c.input);
        const auto p = hjob::test::parse(c.input);
        REQUIRE(hjob::test::first_error(p).empty());
        CHECK(hjob::test::src(p, hjob::test::first_expr(p)) == c.src);
    }
}

TEST_CASE("expression: a parenthesised object key is forced to be evaluated") {
    const auto p = hjob::test::parse("a = {(k) = 1, k = 2}\n");
    const auto* obj = static_cast<const hjob::syntax::ObjectConsExpr*>(hjob::test::first_expr(p));
    REQUIRE(obj->items.size() == 2);
    CHECK(obj->items[0].key->force_non_literal);
    CHECK_FALSE(obj->items[1].key->force_non_literal);
}

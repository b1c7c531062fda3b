// Collection functions: the doc page examples, with go-cty's types and errors.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("length, element, index") {
    check_cases({
        {"length([])", "0"},
        {R"(length(["a", "b"]))", "2"},
        // go-cty's length and index (Nomad's) take maps but not objects, which is what
        // `{"a" = "b"}` is; the doc pages' examples come from Terraform's versions.
        {R"(length({"a" = "b"}))", nullptr, "collection must be a list, a map or a tuple"},
        {R"(length(convert({"a" = "b"}, map(string))))", "1"},
        {R"(length("abc"))", nullptr, "collection must be a list, a map or a tuple"},
        {R"(element(["a", "b", "c"], 1))", R"("b")"},
        {R"(element(["a", "b", "c"], 3))", R"("a")"},
        {R"(element([], 0))", nullptr, "cannot use element function with an empty list"},
        {R"(element(["a"], -1))", nullptr, "negative index"},
        {R"(index(["a", "b", "c"], 1))", R"("b")"},
        {R"(index({"a"=1, "c"=2, "d"=3}, "c"))", nullptr, "collection must be a list, a map or a tuple"},
        {R"(index(convert({"a"=1, "c"=2, "d"=3}, map(number)), "c"))", "2"},
        {R"(index(["a"], 5))", nullptr, "key must be between 0 and 1 inclusive"},
        {R"(index(["a"], "x"))", nullptr, "key for tuple must be number"},
    });
}

TEST_CASE("coalesce, coalescelist, compact, concat, contains, distinct") {
    check_cases({
        {R"(coalesce("a", "b"))", R"("a")"},
        {R"(coalesce(null, "b"))", R"("b")"},
        {"coalesce(1, 2)", "1"},
        {R"(coalesce(1, "b"))", R"("1")"},
        // go-cty's coalesce (Nomad's) skips only nulls; Terraform's also skips "".
        {R"(coalesce("", "b"))", R"("")"},
        {"coalesce(null, null)", nullptr, "no non-null arguments"},
        {R"(coalesce(["a"], "b"))", nullptr, "all arguments must have the same type"},
        {R"(coalescelist(["a", "b"], ["c", "d"]))", R"(["a", "b"])"},
        {R"(coalescelist([], ["c", "d"]))", R"(["c", "d"])"},
        {R"(coalescelist([[], ["c", "d"]]...))", R"(["c", "d"])"},
        {R"(coalescelist("a"))", nullptr, "coalescelist arguments must be lists or tuples"},
        {R"(compact(["a", "", "b", "c"]))", R"(list(["a", "b", "c"]))"},
        {R"(concat(["a", ""], ["b", "c"]))", R"(["a", "", "b", "c"])"},
        {R"(concat(["a"], "b"))", nullptr, "all arguments must be lists or tuples; got string"},
        {R"(contains(["a", "b", "c"], "a"))", "true"},
        {R"(contains(["a", "b", "c"], "d"))", "false"},
        {R"(contains("abc", "a"))", nullptr, "argument must be list, tuple, or set"},
        {R"(distinct(["a", "b", "a", "c", "d", "b"]))", R"(list(["a", "b", "c", "d"]))"},
    });
}

TEST_CASE("chunklist, flatten, range, slice, reverse order helpers") {
    check_cases({
        {R"(chunklist(["a", "b", "c", "d", "e"], 2))", R"(list([list(["a", "b"]), list(["c", "d"]), list(["e"])]))"},
        {R"(chunklist(["a", "b"], 0))", R"(list([list(["a", "b"])]))"},
        {R"(chunklist(["a"], -1))", nullptr, "the size argument must be positive"},
        {R"(flatten([["a", "b"], [], ["c"]]))", R"(["a", "b", "c"])"},
        {R"(flatten([[["a", "b"], []], ["c"]]))", R"(["a", "b", "c"])"},
        {R"(flatten("a"))", nullptr, "can only flatten lists, sets and tuples"},
        {"range(3)", "list([0, 1, 2])"},
        {"range(1, 4)", "list([1, 2, 3])"},
        {"range(1, 8, 2)", "list([1, 3, 5, 7])"},
        {"range(1, 4, 0.5)", "list([1, 1.5, 2, 2.5, 3, 3.5])"},
        {"range(4, 1)", "list([4, 3, 2])"},
        {"range(10, 5, -2)", "list([10, 8, 6])"},
        {"range(0)", "list([])"},
        {"range(1, 4, -1)", nullptr, "end must be less than start when step is negative"},
        {"range(2000)", nullptr, "more than 1024 values were generated"},
        {"range(1, 4, 0)", nullptr, "more than 1024 values were generated"},
        {R"(slice(["a", "b", "c", "d"], 1, 3))", R"(["b", "c"])"},
        {R"(slice(["a", "b"], 2, 1))", nullptr, "start index must not be greater than end index"},
        {R"(slice(["a", "b"], 0, 3))", nullptr, "end index must not be greater than the length of the list"},
        {R"(slice(toset(["a"]), 0, 1))", nullptr, "There is no function named \"toset\""},
    });
}

TEST_CASE("keys, values, lookup, merge, zipmap") {
    check_cases({
        {"keys({a=1, c=2, d=3})", R"(["a", "c", "d"])"},
        {R"(keys("a"))", nullptr, "must have map or object type"},
        {"values({a=3, c=2, d=1})", "[3, 2, 1]"},
        {R"(lookup({a="ay", b="bee"}, "a", "what?"))", R"("ay")"},
        {R"(lookup({a="ay", b="bee"}, "c", "what?"))", R"("what?")"},
        {R"(lookup({a="ay"}, "c"))", nullptr, "Not enough function arguments"},
        {R"(lookup("a", "b", "c"))", nullptr, "lookup() requires a map as the first argument"},
        {R"(merge({"a"="b", "c"="d"}, {"e"="f", "c"="z"}))", R"({a = "b", c = "z", e = "f"})"},
        {"merge()", "null(object({}))"},  // go-cty: no arguments are "all null"
        {R"(merge({a = 1}, "x"))", nullptr, "arguments must be maps or objects"},
        {R"(zipmap(["a", "b"], [1, 2]))", "{a = 1, b = 2}"},
        {R"(zipmap(["a", "b"], [1]))", nullptr, "number of keys (2) does not match number of values (1)"},
        {"setintersection([\"a\", \"b\"], [\"b\", \"c\"], [\"b\", \"d\"])", R"(set(["b"]))"},
        {"setunion([\"a\", \"b\"], [\"b\", \"c\"], [\"d\"])", R"(set(["a", "b", "c", "d"]))"},
        {R"(setproduct(["development", "staging"], ["app1", "app2"]))",
         R"(list([["development", "app1"], ["development", "app2"], ["staging", "app1"], ["staging", "app2"]]))"},
        {R"(setproduct(["a"], []))", "list([])"},
        {R"(setproduct(["staging"], ["a", 2]))", R"(list([["staging", "a"], ["staging", "2"]]))"},
        {R"(setproduct(["a"]))", nullptr, "at least two arguments are required"},
    });
}

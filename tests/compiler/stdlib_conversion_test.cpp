// convert, can and try: functions whose arguments the evaluator hands over unevaluated.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("convert reads its second argument as a type") {
    check_cases({
        {"convert(3, string)", R"("3")"},
        {R"(convert("3", number))", "3"},
        {R"(convert("false", bool))", "false"},
        {"convert(false, string)", R"("false")"},
        {R"(convert(["a", "b", 3], list(string)))", R"(list(["a", "b", "3"]))"},
        {R"(convert(["c", "b", "b"], set(string)))", R"(set(["b", "c"]))"},
        {R"(convert({"a" = "foo", "b" = true}, map(string)))", R"(map({a = "foo", b = "true"}))"},
        {R"(convert({a = 1}, object({a = string})))", R"({a = "1"})"},
        {R"(convert([1, "x"], tuple([string, string])))", R"(["1", "x"])"},
        {R"(convert("abc", bool))", nullptr, R"(cannot convert "abc" to bool; only the strings "true" or "false" are allowed)"},
        {R"(convert("abc", number))", nullptr, "given string must be a decimal representation of a number"},
        {R"(convert({a = 1}, list(string)))", nullptr, "cannot convert object to list of string"},
        {"convert(1, strin)", nullptr, R"(The keyword "strin" is not a valid type specification.)"},
        {"convert(1, list)", nullptr, "The list type constructor requires one argument specifying the element type."},
    });
}

TEST_CASE("can and try catch errors of their arguments") {
    check_cases({
        {R"(can({a = 1}.a))", "true"},
        {R"(can({a = 1}.b))", "false"},
        {R"(can(convert("x", number)))", "false"},
        {R"(can(1))", "true"},
        {R"(try({a = "baz"}.a, "fallback"))", R"("baz")"},
        {R"(try({a = "baz"}.boop, "fallback"))", R"("fallback")"},
        {R"(try(tonumber("x"), 5))", "5"},
        {R"(try(convert("x", number), convert("2", number)))", "2"},
        {R"(try({}.a, [][0]))", nullptr, "no expression succeeded"},
        {"try()", nullptr, "at least one argument is required"},
    });
}

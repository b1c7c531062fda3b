// String functions: the examples of Nomad's doc pages plus go-cty's edge cases.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("string case, length and reversal") {
    check_cases({
        {R"(upper("hello"))", R"("HELLO")"},
        {R"(upper("алло!"))", R"("АЛЛО!")"},
        {R"(lower("HELLO"))", R"("hello")"},
        {R"(lower("АЛЛО!"))", R"("алло!")"},
        {R"(title("hello world"))", R"("Hello World")"},
        {R"(title("hello-world_x y.z"))", R"("Hello-World_x Y.Z")"},
        {R"(strlen("hello"))", "5"},
        {R"(strlen("e\u0301"))", "1"},                     // e + combining acute: one grapheme (NFC makes it é)
        {R"(strlen("\U0001F1EB\U0001F1F7"))", "1"},         // a flag: two regional indicators
        {R"(strlen("👩‍👩‍👧"))", "1"},                          // ZWJ sequence
        {R"(strrev("hello"))", R"("olleh")"},
        {R"(strrev("a☃b"))", R"("b☃a")"},
        // Nomad binds `reverse` to go-cty's string ReverseFunc, not Terraform's list reverse.
        {R"(reverse("abc"))", R"("cba")"},
        {R"(reverse([1, 2, 3]))", nullptr, "string required"},
        {R"(upper(1))", R"("1")"},
    });
}

TEST_CASE("substr") {
    check_cases({
        {R"(substr("hello world", 1, 4))", R"("ello")"},
        {R"(substr("🤔🤷", 0, 1))", R"("🤔")"},
        {R"(substr("hello world", -5, -1))", R"("world")"},
        {R"(substr("hello world", 0, -1))", R"("hello world")"},
        {R"(substr("hello", 10, 2))", R"("")"},
        {R"(substr("hello", 1, 0))", R"("")"},
        {R"(substr("hello", 1.5, 2))", nullptr, "whole number"},
    });
}

TEST_CASE("trimming and chomp") {
    check_cases({
        {R"(trimspace("  hello\n\n"))", R"("hello")"},
        {R"(trim("?!hello?!", "!?"))", R"("hello")"},
        {R"(trim("foobar", "far"))", R"("oob")"},
        {R"(trimprefix("helloworld", "hello"))", R"("world")"},
        {R"(trimprefix("helloworld", "cat"))", R"("helloworld")"},
        {R"(trimsuffix("helloworld", "world"))", R"("hello")"},
        {R"(chomp("hello\n"))", R"("hello")"},
        {R"(chomp("hello\r\n"))", R"("hello")"},
        {R"(chomp("hello\n\n"))", R"("hello")"},
        {R"(chomp("hello\nworld"))", R"("hello\nworld")"},
    });
}

TEST_CASE("indent, join, split, sort, replace") {
    check_cases({
        {R"(indent(2, "[\n  foo,\n  bar,\n]\n"))", R"("[\n    foo,\n    bar,\n  ]\n  ")"},
        {R"(indent(-1, "a\nb"))", nullptr, "negative"},
        {R"(join(", ", ["foo", "bar", "baz"]))", R"("foo, bar, baz")"},
        {R"(join(", ", ["foo"]))", R"("foo")"},
        {R"(join("-", ["a"], ["b", "c"]))", R"("a-b-c")"},
        {R"(join(",", ["a", null]))", nullptr, "element 1 is null"},
        {R"(join(","))", nullptr, "at least one list is required"},
        {R"(split(",", "foo,bar,baz"))", R"(list(["foo", "bar", "baz"]))"},
        {R"(split(",", "foo"))", R"(list(["foo"]))"},
        {R"(split(",", ""))", R"(list([""]))"},
        {R"(sort(["e", "d", "a", "x"]))", R"(list(["a", "d", "e", "x"]))"},
        {R"(sort([3, 10, 2]))", R"(list(["10", "2", "3"]))"},
        {R"(replace("1 + 2 + 3", "+", "-"))", R"("1 - 2 - 3")"},
        {R"(replace("hello world", "/w.*d/", "everybody"))", R"("hello world")"},  // Nomad's replace is plain text
        {R"(replace("abc", "", "-"))", R"("-a-b-c-")"},
    });
}

TEST_CASE("regex_replace uses RE2 defaults and Go's template expansion") {
    check_cases({
        {R"(regex_replace("hello world", "w.*d", "everybody"))", R"("hello everybody")"},
        {R"(regex_replace("a1b22c", "[0-9]+", "#"))", R"("a#b#c")"},
        {R"re(regex_replace("2024-01-02", "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1"))re", R"("02/01/2024")"},
        {R"re(regex_replace("key=value", "(?P<k>\\w+)=(?P<v>\\w+)", "$${v}=$${k}"))re", R"("value=key")"},
        {R"(regex_replace("abc", "b", "$$"))", R"("a$c")"},
        {R"re(regex_replace("abc", "(b)", "$1x"))re", R"("ac")"},  // $1x names group "1x": empty, as Go
        {R"(regex_replace("abc", "x*", "-"))", R"("-a-b-c-")"},
        {R"(regex_replace("a\nb", "a.b", "X"))", R"("a\nb")"},  // `.` does not match a newline
        {R"(regex_replace("ABC", "(?i)b", "x"))", R"("AxC")"},
        {R"(regex_replace("abc", "(", "x"))", nullptr, "error parsing regexp"},
    });
}

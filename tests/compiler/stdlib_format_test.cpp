// format and formatlist: the verbs of go-cty's format_test.go and the doc page examples.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("format verbs") {
    check_cases({
        {R"(format("Hello, %s!", "Ander"))", R"("Hello, Ander!")"},
        {R"(format("There are %d lights", 4))", R"("There are 4 lights")"},
        {R"(format("%v %v", "a", 1.5))", R"("a 1.5")"},
        {R"(format("%v", true))", R"("true")"},
        {R"(format("%v", [1, "a"]))", R"("[1,\"a\"]")"},
        {R"(format("%#v", "hello"))", R"("\"hello\"")"},
        {R"(format("%v", null))", R"("null")"},
        {R"(format("%q", "Hello\nWorld"))", R"("\"Hello\\nWorld\"")"},
        {R"(format("%10s|", "hello"))", R"("     hello|")"},
        {R"(format("%-10s|", "hello"))", R"("hello     |")"},
        {R"(format("%.2s", "hello"))", R"("he")"},
        {R"(format("%4.2s", "hello"))", R"("  he")"},
        {R"(format("%t", "false"))", R"("false")"},
        {R"(format("%+d", 10))", R"("+10")"},
        {R"(format("% d", 10))", R"(" 10")"},
        {R"(format("%5d|", 10))", R"("   10|")"},
        {R"(format("%-5d|", 10))", R"("10   |")"},
        {R"(format("%05d", 42))", R"("00042")"},
        {R"(format("%b %o %x %X", 5, 9, 254, 254))", R"("101 11 fe FE")"},
        {R"(format("%#x", 255))", R"("0xff")"},
        {R"(format("%f things", 10))", R"("10.000000 things")"},
        {R"(format("%.1f", 1.06))", R"("1.1")"},
        {R"(format("%.2f", 3.14159))", R"("3.14")"},
        {R"(format("%e", 1000))", R"("1.000000e+03")"},
        {R"(format("%E", 1000))", R"("1.000000E+03")"},
        {R"(format("%g", 1000))", R"("1000")"},
        {R"(format("%g", "0.00000000000000000000001"))", R"("1e-23")"},
        {R"(format("%v", 1000000))", R"("1e+06")"},  // %v of a number is Go's Text('g', -1)
        {R"(format("%s", 1000000))", R"("1000000")"},
        {R"(format("%[2]s %[1]s", "a", "b"))", R"("b a")"},
        {R"(format("100%%"))", R"("100%")"},
        {R"(format("%s is not in the args list"))", nullptr, R"(not enough arguments for "%s" at 0: need index 1 but have 0 total)"},
        {R"(format("%d", true))", nullptr, R"(unsupported value for "%d" at 0)"},
        {R"(format("%d", 1.5))", nullptr, "an integer is required"},
        {R"(format("%z", 1))", nullptr, R"(unsupported format verb 'z' in "%z" at offset 0)"},
        {R"(format("%[0]s", 1))", nullptr, "unrecognized format character '0' at offset 2"},
        {R"(format("%s", null))", nullptr, "null value cannot be formatted"},
        {R"(format("no verbs", 1))", nullptr, "too many arguments; no verbs in format string"},
        {R"(format("%d", 1, 2))", nullptr, "too many arguments; only 1 used by format string"},
        {R"(format("%"))", nullptr, "invalid format string starting at offset 1"},
    });
}

TEST_CASE("formatlist") {
    check_cases({
        {R"(formatlist("Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"]))",
         R"(list(["Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!"]))"},
        {R"(formatlist("%s, %s!", "Salutations", ["Valentina", "Ander"]))", R"(list(["Salutations, Valentina!", "Salutations, Ander!"]))"},
        {R"(formatlist("%s %s", ["a", "b"], ["c"]))", nullptr, "argument 2 has length 1, which is inconsistent with argument 1 of length 2"},
        {R"(formatlist("%v", []))", R"(list([]))"},
        {R"(formatlist("hello"))", R"(list(["hello"]))"},
        {R"(formatlist("%s", [{}]))", nullptr, "error on format iteration 0"},
    });
}

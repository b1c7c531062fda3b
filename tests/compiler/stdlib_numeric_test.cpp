// Numeric functions: doc page examples; results keep cty's exact numbers.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("abs, ceil, floor, signum") {
    check_cases({
        {"abs(23)", "23"},
        {"abs(0)", "0"},
        {"abs(-12.4)", "12.4"},
        {"ceil(5)", "5"},
        {"ceil(5.1)", "6"},
        {"ceil(-5.1)", "-5"},
        {"floor(5)", "5"},
        {"floor(4.9)", "4"},
        {"floor(-4.1)", "-5"},
        {"signum(-13)", "-1"},
        {"signum(0)", "0"},
        {"signum(344)", "1"},
        {"signum(0.5)", nullptr, "value must be a whole number"},
        {R"(abs("x"))", nullptr, "a number is required"},
    });
}

TEST_CASE("log, pow, min, max") {
    check_cases({
        {"log(50, 10)", "1.6989700043360185"},
        {"log(16, 2)", "4"},
        {"log(1, 10)", "0"},
        {"pow(3, 2)", "9"},
        {"pow(4, 0)", "1"},
        {"pow(2, 0.5)", "1.4142135623730951"},
        {"max(12, 54, 3)", "54"},
        {"max([12, 54, 3]...)", "54"},
        {"min(12, 54, 3)", "3"},
        {"min([12, 54, 3]...)", "3"},
        {"min()", nullptr, "must pass at least one number"},
        {R"(max(1, "2"))", "2"},
    });
}

TEST_CASE("parseint") {
    check_cases({
        {R"(parseint("100", 10))", "100"},
        {R"(parseint("FF", 16))", "255"},
        {R"(parseint("-10", 16))", "-16"},
        {R"(parseint("1011111011101111", 2))", "48879"},
        {R"(parseint("aA", 62))", "656"},
        {R"(parseint("12", 2))", nullptr, R"(cannot parse "12" as a base 2 integer)"},
        {R"(parseint("", 10))", nullptr, R"(cannot parse "" as a base 10 integer)"},
        {R"(parseint("1", 63))", nullptr, "base must be a whole number between 2 and 62 inclusive"},
        {R"(parseint(1, 10))", nullptr, "first argument must be a string, not number"},
        {R"(parseint("123456789012345678901234567890", 10))", "123456789012345678901234567890"},
    });
}

TEST_CASE("encoding functions") {
    check_cases({
        {R"(base64encode("Hello World"))", R"("SGVsbG8gV29ybGQ=")"},
        {R"(base64decode("SGVsbG8gV29ybGQ="))", R"("Hello World")"},
        {R"(base64decode("SGVsbG8gV29ybGQ"))", nullptr, "failed to decode base64 data 'SGVsbG8gV29ybGQ'"},
        {R"(base64decode("/w=="))", nullptr, "is not valid UTF-8"},
        {R"(base64encode(""))", R"("")"},
        // Go's url.QueryEscape: a space becomes "+" (Nomad's doc page shows %20).
        {R"(urlencode("Hello World"))", R"("Hello+World")"},
        {R"(urlencode("☃"))", R"("%E2%98%83")"},
        {R"("http://example.com/search?q=${urlencode("nomad urlencode")}")", R"("http://example.com/search?q=nomad+urlencode")"},
        {R"(urlencode("a-b_c.d~e/f?g"))", R"("a-b_c.d~e%2Ff%3Fg")"},
    });
}

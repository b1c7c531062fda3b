// Lexical level: comments and newlines (which end items only outside brackets), CRLF, the
// byte order mark, identifiers, and the tokens HCL's lexer reports before any parse error.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace std::string_view_literals;
using hjob::test::Case;

namespace {

// Rejected lines carry hclsyntax's first error ("line:col summary"); accepted ones the
// shape of the first attribute's expression.
const Case lexical_cases[] = {
    {"a = 1 # comment\n"sv, true, "1"},
    {"a = 1 // comment\n"sv, true, "1"},
    {"/* c */ a = /* d */ 1\n"sv, true, "1"},
    {"a = 1 # no newline at the end"sv, true, "1"},
    {"a = 1 /* c\n */ b = 2\n"sv, false, "2:5 Missing newline after argument"},
    {"a = 1 /* never closed\n"sv, false, "1:8 Invalid expression"},
    {"a = 1\r\nb = 2\r\n"sv, true, "1"},
    {"\xEF""\xBB""\xBF""a = 1\n"sv, true, "1"},
    {"\xEF""\xBB""\xBF""a = 1 2\n"sv, false, "1:7 Missing newline after argument"},
    {"a\t=\t1\n"sv, true, "1"},
    {"\xC3""\xA9""t\xC3""\xA9"" = 1\n"sv, true, "1"},
    {"a-b = 1\n"sv, true, "1"},
    {"_a = 1\n"sv, true, "1"},
    {"a = b-c\n"sv, true, "b-c"},
    {"a = b - c\n"sv, true, "(- b c)"},
    {"a = for_x\n"sv, true, "for_x"},
    {"a = 1 & 2\n"sv, false, "1:7 Unsupported operator"},
    {"a = 1 | 2\n"sv, false, "1:7 Unsupported operator"},
    {"a = ~1\n"sv, false, "1:5 Unsupported operator"},
    {"a = 1 ^ 2\n"sv, false, "1:7 Unsupported operator"},
    {"a = 'x'\n"sv, false, "1:5 Invalid character"},
    {"a = `x`\n"sv, false, "1:5 Invalid character"},
    {"a = 1;\n"sv, false, "1:6 Invalid character"},
    {"a = \xE2""\x80""\x9C""x\xE2""\x80""\x9D""\n"sv, false, "1:5 Invalid character"},
    {"a = @\n"sv, false, "1:5 Invalid character"},
    {"a = $x\n"sv, false, "1:5 Invalid character"},
    {"a = \"\xFF""\"\n"sv, false, "1:6 Invalid character encoding"},
    {"a = 1\nb = \x00""\n"sv, false, "2:5 Invalid character"},
    {"\xC3""( = 1\n"sv, false, "1:1 Invalid character encoding"},
    {"a = \"x\nb = 1\n"sv, false, "1:7 Invalid multi-line string"},
    {"a = 1\rb = 2\n"sv, false, "1:6 Invalid character"},
    {"a = 1\n\n\n   \n"sv, true, "1"},
    {"# only a comment\n"sv, true, "<none>"},
    {""sv, true, "<none>"},
    {"a = 1 /* c */ # d\n"sv, true, "1"},
    {"a = [ # c\n 1, // d\n 2 /* e */\n]\n"sv, true, "[1 2]"},
    {"a = {\n # c\n b = 1 # d\n}\n"sv, true, "{b=1}"},};

}  // namespace

TEST_CASE("lexical: comments, newlines, identifiers and invalid tokens") {
    hjob::test::check_table(lexical_cases, hjob::test::describe_shape);
}

TEST_CASE("lexical: HCL's lexer errors come before parse errors, in source order") {
    // The parse error on line 1 comes later in hclsyntax's list than the lexer's on line 2.
    const auto p = hjob::test::parse("a = 1 2\nb = 'x'\n");
    REQUIRE(p.tree.diagnostics.size() >= 2);
    CHECK(hjob::test::first_error(p) == "2:5 Invalid character");
    CHECK(p.tree.diagnostics[0].code == "syntax/invalid-character");
}

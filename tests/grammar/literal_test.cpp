// Literals: numbers keep their source text, strings are decoded (escapes, `$${`, `%%{`),
// invalid escapes and number tokens are reported; block labels are strings without templates.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace std::string_view_literals;
using hjob::test::Case;

namespace {

// Accepted lines carry the decoded value of the first attribute's expression.
const Case literal_cases[] = {
    {"a = 1\n"sv, true, "1"},
    {"a = 1.5\n"sv, true, "1.5"},
    {"a = 1.5e3\n"sv, true, "1.5e3"},
    {"a = 1E-3\n"sv, true, "1E-3"},
    {"a = 01\n"sv, true, "01"},
    {"a = 1.e5\n"sv, true, "1.e5"},
    {"a = 1.2.3\n"sv, false, "1:5 Invalid number literal"},
    {"a = 1e5e5\n"sv, false, "1:5 Invalid number literal"},
    {"a = 1..2\n"sv, false, "1:5 Invalid number literal"},
    {"a = 1e\n"sv, false, "1:6 Missing newline after argument"},
    {"a = 1.\n"sv, false, "1:7 Invalid attribute name"},
    {"a = true\n"sv, true, "true"},
    {"a = false\n"sv, true, "false"},
    {"a = null\n"sv, true, "null"},
    {"a = True\n"sv, true, "<ScopeTraversal>"},
    {"a = \"plain\"\n"sv, true, "plain"},
    {"a = \"\"\n"sv, true, ""},
    {"a = \"\\n\\r\\t\\\"\\\\\"\n"sv, true, "\n\r\t\"\\"},
    {"a = \"\\u00e9\"\n"sv, true, "\xC3""\xA9"""},
    {"a = \"\\U0001F600\"\n"sv, true, "\xF0""\x9F""\x98""\x80"""},
    {"a = \"caf\xC3""\xA9""\"\n"sv, true, "caf\xC3""\xA9"""},
    {"a = \"$${x} %%{y}\"\n"sv, true, "${x} %{y}"},
    {"a = \"$ % $$ %%\"\n"sv, true, "$ % $$ %%"},
    {"a = \"a$b\"\n"sv, true, "a$b"},
    {"a = \"\\q\"\n"sv, false, "1:6 Invalid escape sequence"},
    {"a = \"\\u12\"\n"sv, false, "1:6 Invalid escape sequence"},
    {"a = \"\\U1234\"\n"sv, false, "1:6 Invalid escape sequence"},
    {"a = \"\\UFFFFFFFF\"\n"sv, false, "1:6 Invalid escape sequence"},
    {"a = \"\\uD800\"\n"sv, false, "1:6 Invalid escape sequence"},
    {"a = \"abc\\\n"sv, false, "1:9 Invalid character"},
    {"a = \"abc"sv, false, "1:9 Unterminated template string"},
    {"a = \""sv, false, "1:6 Unterminated template string"},
    {"a = \"x$"sv, false, "1:7 Invalid character"},};

// Accepted lines carry the outline of the body (labels as decoded).
const Case label_cases[] = {
    {"b \"l\" {\n}\n"sv, true, "b \"l\"{}"},
    {"b l {\n}\n"sv, true, "b l{}"},
    {"b \"a\" \"b\" c {\n}\n"sv, true, "b \"a\" \"b\" c{}"},
    {"b \"\\u00e9\\n\" {\n}\n"sv, true, "b \"\xC3""\xA9""\n\"{}"},
    {"b \"$${x}\" {\n}\n"sv, true, "b \"${x}\"{}"},
    {"b \"${x}\" {\n}\n"sv, false, "1:4 Invalid string literal"},
    {"b \"%{ if x }\" {\n}\n"sv, false, "1:4 Invalid string literal"},
    {"b \"x"sv, false, "1:5 Unterminated string literal"},
    {"b \"x\n\" {\n}\n"sv, false, "1:5 Invalid multi-line string"},
    {"b \"\\q\" {\n}\n"sv, false, "1:4 Invalid escape sequence"},};

}  // namespace

TEST_CASE("literal: numbers, booleans, null and quoted strings") {
    hjob::test::check_table(literal_cases, hjob::test::describe_value);
}

TEST_CASE("literal: block labels") { hjob::test::check_table(label_cases, hjob::test::describe_body); }

TEST_CASE("literal: undecoded strings stay views into the source") {
    const auto p = hjob::test::parse("a = \"plain\"\nb = \"\\u00e9\"\n");
    const auto* plain = static_cast<const hjob::syntax::TemplateExpr*>(p.tree.body->attributes[0].expr);
    const auto* lit = static_cast<const hjob::syntax::LiteralValueExpr*>(plain->parts[0]);
    CHECK(lit->text.data() == p.file->text().data() + 5);
    const auto* escaped = static_cast<const hjob::syntax::TemplateExpr*>(p.tree.body->attributes[1].expr);
    CHECK(static_cast<const hjob::syntax::LiteralValueExpr*>(escaped->parts[0])->text == "\xC3\xA9");
}

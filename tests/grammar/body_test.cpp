// Bodies: attributes and blocks, one-line blocks, HCL's body-level diagnostics, and recovery
// (independent errors all reported, follow-on noise suppressed, the good items kept).
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace std::string_view_literals;
using hjob::test::Case;

namespace {

// Accepted lines carry the outline of the body: `a=1 b "l"{c=1}`.
const Case body_cases[] = {
    {"a = 1\nb = 2\n"sv, true, "a=1 b=2"},
    {"b {\n  c = 1\n}\n"sv, true, "b{c=1}"},
    {"b \"l\" {\n  c {\n    d = 1\n  }\n}\n"sv, true, "b \"l\"{c{d=1}}"},
    {"b { c = 1 }\n"sv, true, "b{c=1}"},
    {"b {}\n"sv, true, "b{}"},
    {"b {\n}\n"sv, true, "b{}"},
    {"b \"x\" { c = [1,\n 2] }\n"sv, true, "b \"x\"{c=[1 2]}"},
    {"a = 1\na = 2\n"sv, false, "2:1 Attribute redefined"},
    {"b {\n  c = 1\n  c = 2\n}\n"sv, false, "3:3 Attribute redefined"},
    {"\"a\" = 1\n"sv, false, "1:1 Invalid argument name"},
    {"a\n"sv, false, "1:1 Argument or block definition required"},
    {"a b\n"sv, false, "1:4 Invalid block definition"},
    {"a == 1\n"sv, false, "1:1 Argument or block definition required"},
    {"}\n"sv, false, "1:1 Argument or block definition required"},
    {"a = 1, b = 2\n"sv, false, "1:6 Unexpected comma after argument"},
    {"a = 1 b = 2\n"sv, false, "1:7 Missing newline after argument"},
    {"b {\n"sv, false, "1:3 Unclosed configuration block"},
    {"b { c = 1, d = 2 }\n"sv, false, "1:10 Invalid single-argument block definition"},
    {"b { c = 1\n}\n"sv, false, "1:10 Invalid single-argument block definition"},
    {"b { c = 1 d = 2 }\n"sv, false, "1:11 Invalid single-argument block definition"},
    {"b { c {} }\n"sv, false, "1:5 Argument definition required"},
    {"b { \"c\" = 1 }\n"sv, false, "1:5 Argument or block definition required"},
    {"b { c }\n"sv, false, "1:5 Argument or block definition required"},
    {"b { c = 1\n"sv, false, "1:10 Invalid single-argument block definition"},
    {"b \"l\" = {\n}\n"sv, false, "1:7 Invalid block definition"},
    {"b \"l\"\n{\n}\n"sv, false, "1:6 Invalid block definition"},
    {"b \"l\" 1 {\n}\n"sv, false, "1:7 Invalid block definition"},
    {"b {\n} c\n"sv, false, "2:3 Missing newline after block definition"},
    {"b { c = 1 }}\n"sv, false, "1:12 Missing newline after block definition"},
    {"b { c = 1.2.3, }\n"sv, false, "1:14 Invalid single-argument block definition"},
    {"b {\n  c = 1\n}\n}\n"sv, false, "4:1 Argument or block definition required"},
    {"a = 1\n\"b\" = 2\n"sv, false, "2:1 Invalid argument name"},};

std::vector<std::string> errors(const hjob::test::Parsed& p) {
    std::vector<std::string> out;
    for (const auto& d : p.tree.diagnostics) {
        const auto pos = p.file->position(d.subject.range.begin);
        std::string e = std::to_string(pos.line);
        e.append(":").append(std::to_string(pos.column)).append(" ").append(d.code);
        out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("body: attributes, blocks and their errors") {
    hjob::test::check_table(body_cases, hjob::test::describe_body);
}

TEST_CASE("body: independent errors are all reported, and the good items kept") {
    const auto p = hjob::test::parse("a = 1 2\nb = 3\nc = ,\nd {\n  e = [1 2]\n  f = 4\n}\n");
    CHECK(errors(p) == std::vector<std::string>{"1:7 syntax/missing-newline", "3:5 syntax/invalid-expression",
                                                 "5:10 syntax/missing-separator"});
    CHECK(hjob::test::outline(p.tree.body) == "b=3 d{f=4}");
}

TEST_CASE("body: an unclosed nest of blocks is one error, not one per block") {
    const auto p = hjob::test::parse("a {\n  b {\n    c {\n      d = 1\n");
    CHECK(errors(p) == std::vector<std::string>{"3:7 syntax/unclosed-block"});
}

TEST_CASE("body: a redefined attribute notes the first definition") {
    const auto p = hjob::test::parse("a = 1\nb = 2\na = 3\n");
    REQUIRE(p.tree.diagnostics.size() == 1);
    const auto& d = p.tree.diagnostics[0];
    CHECK(d.detail == "The argument \"a\" was already set at test.hcl:1,1-2. Each argument may be set only once.");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].where.range.begin == 0);
    CHECK(hjob::test::outline(p.tree.body) == "a=1 b=2");
}

TEST_CASE("body: a large body checks redefinitions by name, not by position") {
    std::string text;
    for (int i = 0; i < 100; ++i) text.append("a").append(std::to_string(i)).append(" = 1\n");
    text += "a42 = 0\n";
    const auto p = hjob::test::parse(text);
    CHECK(errors(p) == std::vector<std::string>{"101:1 syntax/attribute-redefined"});
    CHECK(p.tree.body->attributes.size() == 100);
}

TEST_CASE("body: blocks keep their ranges") {
    const auto p = hjob::test::parse("job \"x\" {\n  group {}\n}\n");
    REQUIRE(p.tree.body->blocks.size() == 1);
    const auto& job = p.tree.body->blocks[0];
    CHECK(p.file->slice({job.type_range.begin, job.close_brace.end}) == "job \"x\" {\n  group {}\n}");
    CHECK(p.file->slice(job.labels[0].range) == "\"x\"");
    CHECK(p.file->slice(job.body->blocks[0].open_brace) == "{");
}

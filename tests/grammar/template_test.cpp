// Templates: quoted strings and heredocs, interpolation, if/for directives, strip markers,
// the flush-heredoc indentation rule, and the diagnostics of unbalanced templates.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace std::string_view_literals;
using hjob::test::Case;

namespace {

// Accepted lines carry the shape: (tmpl parts...), (wrap x) for a lone interpolation,
// (heredoc parts...), (? cond then else) for %{if}, (join (for ...)) for %{for}.
const Case template_cases[] = {
    {"a = \"x\"\n"sv, true, "(tmpl \"x\")"},
    {"a = \"${x}\"\n"sv, true, "(wrap x)"},
    {"a = \"a${x}b\"\n"sv, true, "(tmpl \"a\" x \"b\")"},
    {"a = \"${x}${y}\"\n"sv, true, "(tmpl x y)"},
    {"a = \"${~ x ~}\"\n"sv, true, "(wrap x)"},
    {"a = \"a  ${~ x ~}  b\"\n"sv, true, "(tmpl \"a\" x \"b\")"},
    {"a = \"a%{if true}b%{endif}\"\n"sv, true, "(tmpl \"a\" (? true (tmpl \"b\") (tmpl \"\")))"},
    {"a = \"%{ if c }t%{ else }f%{ endif }\"\n"sv, true, "(tmpl (? c (tmpl \"t\") (tmpl \"f\")))"},
    {"a = \"%{if c}%{endif}\"\n"sv, true, "(tmpl (? c (tmpl \"\") (tmpl \"\")))"},
    {"a = \"%{ for x in xs }${x},%{ endfor }\"\n"sv, true, "(tmpl (join (for x xs : (tmpl x \",\"))))"},
    {"a = \"%{ for k, v in m }${k}=${v}%{ endfor }\"\n"sv, true, "(tmpl (join (for k,v m : (tmpl k \"=\" v))))"},
    {"a = \"x %{~ if c ~} y %{~ endif ~} z\"\n"sv, true, "(tmpl \"x\" (? c (tmpl \"y\") (tmpl \"\")) \"z\")"},
    {"a = \"%{if a}%{if b}c%{endif}%{endif}\"\n"sv, true, "(tmpl (? a (tmpl (? b (tmpl \"c\") (tmpl \"\"))) (tmpl \"\")))"},
    {"a = \"${\"${1}\"}\"\n"sv, true, "(wrap (wrap 1))"},
    {"a = \"${ {a = 1} }\"\n"sv, true, "(wrap {a=1})"},
    {"a = <<EOT\nhello\n  ${name}\nEOT\n"sv, true, "(heredoc \"hello\n\" \"  \" name \"\n\")"},
    {"a = <<-EOT\n    one\n      two\n    EOT\n"sv, true, "(heredoc \"one\n\" \"  two\n\")"},
    {"a = <<-EOT\n  a\n\n    b\n  EOT\n"sv, true, "(heredoc \"a\n\" \"\n\" \"  b\n\")"},
    {"a = <<EOT\n${x}\nEOT\n"sv, true, "(heredoc x \"\n\")"},
    {"a = <<EOT\nEOT\n"sv, true, "(heredoc \"\")"},
    {"a = <<EOT\n  EOT  \n"sv, true, "(heredoc \"\")"},
    {"a = <<EOT\r\nx\r\nEOT\r\n"sv, true, "(heredoc \"x\r\n\")"},
    {"a = <<-EOT\n\t\ta\n\t  b\n\tEOT\n"sv, true, "(heredoc \"a\n\" \" b\n\")"},
    {"a = <<EOT\n%{ if c }\nyes\n%{ endif }\nEOT\n"sv, true, "(heredoc (? c (tmpl \"\n\" \"yes\n\") (tmpl \"\")) \"\n\")"},
    {"a = <<EOT\n$${x} $x\nEOT\n"sv, true, "(heredoc \"${\" \"x} \" \"$x\" \"\n\")"},
    {"a = \"${x\"\n"sv, false, "1:10 Invalid multi-line string"},
    {"a = \"${x y}\"\n"sv, false, "1:10 Extra characters after interpolation expression"},
    {"a = \"${x: y}\"\n"sv, false, "1:9 Extra characters after interpolation expression"},
    {"a = \"${\"\n"sv, false, "1:9 Invalid multi-line string"},
    {"a = \"${x\"}\"\n"sv, false, "1:6 Unclosed template interpolation sequence"},
    {"a = <<EOT\n${x y}\nEOT\n"sv, false, "2:5 Extra characters after interpolation expression"},
    {"a = \"%{ iff x }\"\n"sv, false, "1:9 Invalid template control keyword"},
    {"a = \"%{ 1 }\"\n"sv, false, "1:9 Invalid template directive"},
    {"a = \"%{ if x y }\"\n"sv, false, "1:14 Extra characters in if marker"},
    {"a = \"%{ for }\"\n"sv, false, "1:13 Invalid 'for' directive"},
    {"a = \"%{ for x, }\"\n"sv, false, "1:16 Invalid 'for' directive"},
    {"a = \"%{ for x y }\"\n"sv, false, "1:15 Invalid 'for' directive"},
    {"a = \"%{if x}\"\n"sv, false, "1:13 Unexpected end of template"},
    {"a = \"%{for x in y}\"\n"sv, false, "1:19 Unexpected end of template"},
    {"a = \"%{endif}\"\n"sv, false, "1:6 Unexpected endif directive"},
    {"a = \"%{else}\"\n"sv, false, "1:6 Unexpected else directive"},
    {"a = \"%{endfor}\"\n"sv, false, "1:6 Unexpected endfor directive"},
    {"a = \"%{if x}a%{else}b%{else}c%{endif}\"\n"sv, false, "1:22 Unexpected else directive"},
    {"a = \"%{if x}a%{endfor}\"\n"sv, false, "1:14 Unexpected endfor directive"},
    {"a = \"%{for x in y}a%{endif}\"\n"sv, false, "1:20 Unexpected endif directive"},
    {"a = \"%{for x in y}a%{else}b%{endfor}\"\n"sv, false, "1:20 Unexpected else directive"},
    {"a = <<EOT\nabc\n"sv, false, "3:1 Unterminated template string"},
    {"a = <<EOT\nabc\nEOT"sv, false, "3:4 Unterminated template string"},
    {"a = <<EOT\n"sv, false, "2:1 Unterminated template string"},
    {"x = <<EOT\n  ${a}EOT\nEOT\n"sv, true, "(heredoc \"  \" a \"EOT\n\")"},};

}  // namespace

TEST_CASE("template: quoted strings, heredocs and directives") {
    hjob::test::check_table(template_cases, hjob::test::describe_shape);
}

TEST_CASE("template: a heredoc's range ends after its closing marker, before the newline") {
    const auto p = hjob::test::parse("c = <<EOT\n  hi ${x}\nEOT\nd = 1\n");
    REQUIRE(hjob::test::first_error(p).empty());
    CHECK(hjob::test::src(p, hjob::test::first_expr(p)) == "<<EOT\n  hi ${x}\nEOT");
    CHECK(p.file->slice(p.tree.body->attributes[0].range) == "c = <<EOT\n  hi ${x}\nEOT");
}

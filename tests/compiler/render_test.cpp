// The diagnostic renderers on known diagnostics: the exact human text (carets under tabs,
// non-ASCII and multi-line ranges, notes, fix-its, wrapping, colour), the gnu line, and the
// structure of json, sarif, github, checkstyle and junit; odd ranges never break any format.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "compiler/render/color.hpp"
#include "compiler/render/render.hpp"

using namespace hjob;
using hjob::render::Format;

namespace {

Diagnostic make(const SourceFile& f, std::uint32_t begin, std::uint32_t end, std::string summary,
                std::string detail = {}, std::string code = "test/rule") {
    Diagnostic d;
    d.code = std::move(code);
    d.summary = std::move(summary);
    d.detail = std::move(detail);
    d.subject = {&f, {begin, end}};
    return d;
}

std::string run(Format format, const Diagnostics& ds, std::vector<const SourceFile*> files = {},
                render::Options options = {}) {
    std::ostringstream out;
    render::render(format, render::Input{ds, files}, out, options);
    return out.str();
}

// "line:col" of the byte at `offset` (test readability: offsets from find()).
std::uint32_t at(const SourceFile& f, std::string_view needle) {
    return static_cast<std::uint32_t>(f.text().find(needle));
}

const SourceFile web("web.hcl", "job \"web\" {\n  colour = \"red\"\n}\n");

}  // namespace

TEST_CASE("human: gcc first line, numbered line, caret and tildes under the range") {
    auto d = make(web, at(web, "colour"), at(web, "colour") + 6, "Unsupported argument",
                  "An argument named \"colour\" is not expected here.", "schema/unknown-argument");
    CHECK(run(Format::human, {d}) ==
          "web.hcl:2:3: error: Unsupported argument [schema/unknown-argument]\n"
          "    2 |   colour = \"red\"\n"
          "      |   ^~~~~~\n"
          "  An argument named \"colour\" is not expected here.\n"
          "\n"
          "1 error, 0 warnings.\n");
}

TEST_CASE("human: a fix on the subject's line is drawn under the carets, others as notes") {
    auto d = make(web, at(web, "colour"), at(web, "colour") + 6, "Unsupported argument");
    d.fixes.push_back({d.subject, "color", ""});
    d.fixes.push_back({{&web, {at(web, "job"), at(web, "job") + 3}}, "", ""});
    d.fixes.push_back({{&web, {0, 1}}, "a\nb", "Rewrite the header"});
    const std::string out = run(Format::human, {d});
    CHECK(out.find("      |   ^~~~~~\n      |   color\n") != std::string::npos);
    CHECK(out.find("web.hcl:1:1: note: remove this\n    1 | job \"web\" {\n      | ^~~\n") != std::string::npos);
    CHECK(out.find("web.hcl:1:1: note: Rewrite the header\n") != std::string::npos);
}

TEST_CASE("human: notes carry their own location and excerpt") {
    const SourceFile f("dup.hcl", "a = 1\nb = 2\na = 3\n");
    auto d = make(f, 12, 13, "Attribute redefined", "", "syntax/attribute-redefined");
    d.notes.push_back({{&f, {0, 1}}, "first defined here"});
    CHECK(run(Format::human, {d}) ==
          "dup.hcl:3:1: error: Attribute redefined [syntax/attribute-redefined]\n"
          "    3 | a = 3\n"
          "      | ^\n"
          "dup.hcl:1:1: note: first defined here\n"
          "    1 | a = 1\n"
          "      | ^\n"
          "\n"
          "1 error, 0 warnings.\n");
}

TEST_CASE("human: tabs expand to stops of 8 and the carets follow") {
    const SourceFile f("tab.hcl", "\tx\t= 1\n");
    const std::string out = run(Format::human, {make(f, 3, 4, "Bad")});
    CHECK(out.find("tab.hcl:1:4: error") != std::string::npos);  // columns count characters
    CHECK(out.find("    1 |         x       = 1\n      |                 ^\n") != std::string::npos);
}

TEST_CASE("human: non-ASCII text: columns in characters, carets in display columns") {
    const SourceFile f("utf8.hcl", "name = \"café 日本\" # ok\n");
    const auto b = at(f, "日本");
    const std::string out = run(Format::human, {make(f, b, b + 6, "Wide")});
    CHECK(out.find("utf8.hcl:1:14: error: Wide") != std::string::npos);
    CHECK(out.find("    1 | name = \"café 日本\" # ok\n      |              ^~~~\n") != std::string::npos);
}

TEST_CASE("human: a range over several lines underlines each of them") {
    const SourceFile f("multi.hcl", "a = [\n  1,\n  2]\nb = 1\n");
    const std::string out = run(Format::human, {make(f, 4, at(f, "]") + 1, "Multi")});
    CHECK(out ==
          "multi.hcl:1:5: error: Multi [test/rule]\n"
          "    1 | a = [\n"
          "      |     ^\n"
          "    2 |   1,\n"
          "      |   ~~\n"
          "    3 |   2]\n"
          "      |   ~~\n"
          "\n"
          "1 error, 0 warnings.\n");
}

TEST_CASE("human: a range ending at a line start stops on the line before; long ones are elided") {
    const SourceFile f("long.hcl", "x {\n1\n2\n3\n4\n5\n6\n7\n}\n");
    const std::string out = run(Format::human, {make(f, 0, at(f, "}"), "Long")});
    CHECK(out.find("    3 | 2\n      | ~\n  ... |\n    7 | 6\n") != std::string::npos);
    CHECK(out.find("    8 | 7\n      | ~\n\n") != std::string::npos);
    CHECK(out.find("    9 |") == std::string::npos);
}

TEST_CASE("human: a very long line is shown as a window around the range, cut with ...") {
    const std::string filler(300, 'a');
    const SourceFile f("wide.hcl", "x = \"" + filler + "\" + 1 + \"" + filler + "\"\n");
    const auto b = at(f, "+ 1");
    const std::string out = run(Format::human, {make(f, b, b + 3, "Wide")});
    CHECK(out.find("wide.hcl:1:308: error: Wide") != std::string::npos);
    const auto line_start = out.find("    1 | ...");
    REQUIRE(line_start != std::string::npos);
    const auto line_end = out.find('\n', line_start);
    const std::string shown = out.substr(line_start, line_end - line_start);
    CHECK(shown.size() == 8 + 3 + 160 + 3);  // gutter, "...", the window, "..."
    CHECK(shown.substr(shown.size() - 3) == "...");
    const std::string carets = out.substr(line_end + 1, out.find('\n', line_end + 1) - line_end - 1);
    CHECK(carets == "      | " + std::string(3 + 53, ' ') + "^~~");
    CHECK(shown.substr(8 + 3 + 53, 3) == "+ 1");  // the carets sit under the range
}

TEST_CASE("human: detail paragraphs wrap at the width, indented lines stay as they are") {
    const std::string para = "one two three four five six seven eight nine ten eleven twelve";
    auto d = make(web, 0, 3, "Wrap", para + "\n\n    keep   this   line as it is, however long it happens to be\nend");
    render::Options o;
    o.width = 30;
    const std::string out = run(Format::human, {d}, {}, o);
    CHECK(out.find("  one two three four five six\n  seven eight nine ten eleven\n  twelve\n\n") != std::string::npos);
    CHECK(out.find("      keep   this   line as it is, however long it happens to be\n  end\n") != std::string::npos);
}

TEST_CASE("human: colour only when asked, and then on the severity, the carets and the fix") {
    auto d = make(web, 0, 3, "Bad");
    d.fixes.push_back({d.subject, "jobs", ""});
    CHECK(run(Format::human, {d}).find('\033') == std::string::npos);
    render::Options o;
    o.color = true;
    const std::string out = run(Format::human, {d}, {}, o);
    CHECK(out.find("\033[1;31merror:\033[m") != std::string::npos);
    CHECK(out.find("\033[1;32m^~~\033[m") != std::string::npos);
    CHECK(out.find("\033[32mjobs\033[m") != std::string::npos);
    auto w = make(web, 0, 3, "Risky");
    w.severity = Severity::warning;
    CHECK(run(Format::human, {w}, {}, o).find("\033[1;35mwarning:\033[m") != std::string::npos);
}

TEST_CASE("colour: --color decides, NO_COLOR and dumb terminals turn auto off") {
    using render::ColorMode;
    CHECK(render::want_color(ColorMode::automatic, true, nullptr, "xterm"));
    CHECK_FALSE(render::want_color(ColorMode::automatic, false, nullptr, "xterm"));
    CHECK_FALSE(render::want_color(ColorMode::automatic, true, "1", "xterm"));
    CHECK(render::want_color(ColorMode::automatic, true, "", "xterm"));  // set but empty: ignored
    CHECK_FALSE(render::want_color(ColorMode::automatic, true, nullptr, "dumb"));
    CHECK(render::want_color(ColorMode::always, false, "1", "dumb"));
    CHECK_FALSE(render::want_color(ColorMode::never, true, nullptr, "xterm"));
    CHECK(render::parse_color_mode("auto") == ColorMode::automatic);
    CHECK_FALSE(render::parse_color_mode("sometimes"));
}

TEST_CASE("gnu: one line per diagnostic and per note, with the whole range") {
    const SourceFile f("g.hcl", "a = [\n  1]\na = 2\n");
    auto d = make(f, 4, 10, "Summary", "Line one.\nLine two.", "syntax/x");
    d.notes.push_back({{&f, {0, 1}}, "first defined here"});
    auto w = make(f, 11, 12, "Warn", "", "");
    w.severity = Severity::warning;
    CHECK(run(Format::gnu, {d, w}) ==
          "g.hcl:1:5-2:5: error: Summary; Line one. Line two. [syntax/x]\n"
          "g.hcl:1:1-1:2: note: first defined here\n"
          "g.hcl:3:1-3:2: warning: Warn\n");
}

TEST_CASE("render: format names round-trip") {
    for (const auto* name : {"human", "gnu", "json", "sarif", "github", "checkstyle", "junit"}) {
        const auto f = render::parse_format(name);
        REQUIRE(f);
        CHECK(render::format_name(*f) == name);
    }
    CHECK_FALSE(render::parse_format("xml"));
}

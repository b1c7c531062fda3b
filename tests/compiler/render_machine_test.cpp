// The machine formats on known diagnostics: json (Terraform's validate document), sarif,
// github workflow commands, checkstyle and junit XML; and every format on hostile ranges.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compiler/render/render.hpp"

using namespace hjob;
using hjob::render::Format;
using Json = nlohmann::json;

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

std::uint32_t at(const SourceFile& f, std::string_view needle) { return static_cast<std::uint32_t>(f.text().find(needle)); }

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

// Whether xmllint reads `xml` as well-formed XML (true, with a notice, when it is absent).
bool well_formed(const std::string& xml) {
    if (!have("xmllint")) {
        WARN("xmllint not installed: XML well-formedness not checked");
        return true;
    }
    const std::string path = "/tmp/hjob_render_test_" + std::to_string(::getpid()) + ".xml";
    std::ofstream(path) << xml;
    const int rc = std::system(("xmllint --noout " + path + " 2>/dev/null").c_str());
    std::remove(path.c_str());
    return rc == 0;
}

const SourceFile utf8("jobs/ünï.hcl", "job \"x\" {\n  name = \"日本\"\n  bad = 1\n}\n");

}  // namespace

TEST_CASE("json: Terraform's validate document with hjob's code, notes and fixes") {
    auto d = make(utf8, at(utf8, "bad"), at(utf8, "bad") + 3, "Unsupported argument", "No \"bad\" here.", "schema/x");
    d.notes.push_back({{&utf8, {0, 3}}, "in this job"});
    d.fixes.push_back({d.subject, "bar", "Rename"});
    auto w = make(utf8, at(utf8, "日本"), at(utf8, "日本") + 6, "Wide", "", "");
    w.severity = Severity::warning;
    const Json doc = Json::parse(run(Format::json, {d, w}, {&utf8}));
    CHECK(doc["format_version"] == "1.0");
    CHECK(doc["valid"] == false);
    CHECK(doc["error_count"] == 1);
    CHECK(doc["warning_count"] == 1);
    const Json& e = doc["diagnostics"][0];
    CHECK(e["severity"] == "error");
    CHECK(e["code"] == "schema/x");
    CHECK(e["detail"] == "No \"bad\" here.");
    CHECK(e["range"] == Json::parse(R"({"filename":"jobs/ünï.hcl","start":{"line":3,"column":3,"byte":30},
                                        "end":{"line":3,"column":6,"byte":33}})"));
    CHECK(e["snippet"] == Json::parse(R"({"context":null,"code":"  bad = 1","start_line":3,
                                          "highlight_start_offset":2,"highlight_end_offset":5,"values":[]})"));
    CHECK(e["notes"][0]["message"] == "in this job");
    CHECK(e["notes"][0]["range"]["start"]["line"] == 1);
    CHECK(e["fixes"][0]["replacement"] == "bar");
    // Offsets count characters, so a wide character is one, as in columns.
    const Json& s = doc["diagnostics"][1]["snippet"];
    CHECK(s["highlight_start_offset"] == 10);
    CHECK(s["highlight_end_offset"] == 12);
    CHECK(doc["diagnostics"][1]["range"]["end"]["column"] == 13);
    CHECK_FALSE(doc["diagnostics"][1].contains("notes"));
}

TEST_CASE("json: a clean run is valid; the context widens the snippet") {
    CHECK(Json::parse(run(Format::json, {}, {&utf8})) ==
          Json::parse(R"({"format_version":"1.0","valid":true,"error_count":0,"warning_count":0,"diagnostics":[]})"));
    auto d = make(utf8, at(utf8, "bad"), at(utf8, "bad") + 3, "S");
    d.context = {&utf8, {0, static_cast<std::uint32_t>(utf8.text().size())}};
    const Json s = Json::parse(run(Format::json, {d}))["diagnostics"][0]["snippet"];
    CHECK(s["start_line"] == 1);
    CHECK(s["code"] == "job \"x\" {\n  name = \"日本\"\n  bad = 1\n}");
    CHECK(s["highlight_start_offset"] == 10 + 14 + 2);
}

TEST_CASE("sarif: rules by code, repository-relative URIs, code-point columns, related locations, fixes") {
    auto d = make(utf8, at(utf8, "bad"), at(utf8, "bad") + 3, "Unsupported argument", "Detail.", "schema/x");
    d.notes.push_back({{&utf8, {0, 3}}, "in this job"});
    d.fixes.push_back({d.subject, "bar", ""});
    auto d2 = make(utf8, at(utf8, "日本"), at(utf8, "日本") + 6, "Other summary", "", "schema/x");
    auto w = make(utf8, 0, 3, "Warn", "", "lint/y");
    w.severity = Severity::warning;
    render::Options o;
    o.source_root = std::filesystem::current_path().string();
    o.tool_version = "9.8.7";
    const Json doc = Json::parse(run(Format::sarif, {d, d2, w}, {&utf8}, o));
    CHECK(doc["version"] == "2.1.0");
    const Json& run0 = doc["runs"][0];
    CHECK(run0["tool"]["driver"]["name"] == "hjob");
    CHECK(run0["tool"]["driver"]["version"] == "9.8.7");
    REQUIRE(run0["tool"]["driver"]["rules"].size() == 2);
    CHECK(run0["tool"]["driver"]["rules"][0]["id"] == "schema/x");
    CHECK(run0["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == "Unsupported argument");
    CHECK(run0["tool"]["driver"]["rules"][1]["defaultConfiguration"]["level"] == "warning");
    const Json& r = run0["results"][0];
    CHECK(r["ruleId"] == "schema/x");
    CHECK(r["level"] == "error");
    CHECK(r["message"]["text"] == "Unsupported argument\n\nDetail.");
    const Json& loc = r["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"] == Json::parse(R"({"uri":"jobs/%C3%BCn%C3%AF.hcl","uriBaseId":"%SRCROOT%"})"));
    CHECK(loc["region"] == Json::parse(R"({"startLine":3,"startColumn":3,"endLine":3,"endColumn":6})"));
    CHECK(r["relatedLocations"][0]["message"]["text"] == "in this job");
    CHECK(r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "bar");
    CHECK(run0["results"][1]["ruleIndex"] == 0);
    CHECK(run0["results"][1]["locations"][0]["physicalLocation"]["region"]["endColumn"] == 13);
    CHECK(run0["results"][2]["level"] == "warning");
}

TEST_CASE("sarif: a file outside the source root gets an absolute file URI") {
    const SourceFile f("/elsewhere/a b.hcl", "x = 1\n");
    render::Options o;
    o.source_root = "/work/repo";
    const Json doc = Json::parse(run(Format::sarif, {make(f, 0, 1, "S")}, {&f}, o));
    const Json& art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(art["uri"] == "file:///elsewhere/a%20b.hcl");
    CHECK_FALSE(art.contains("uriBaseId"));
    CHECK(doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/repo/");
}

TEST_CASE("github: workflow commands with GitHub's escaping, then the report in a group") {
    const SourceFile f("a,b:c.hcl", "x = [\n1]\n");
    auto d = make(f, 4, 8, "Bad, very: bad", "100% wrong\r\nsecond line", "syntax/x");
    auto w = make(f, 0, 1, "Warn", "", "");
    w.severity = Severity::warning;
    const std::string out = run(Format::github, {d, w}, {&f});
    CHECK(out.rfind("::error file=a%2Cb%3Ac.hcl,line=1,endLine=2,col=5,title=Bad%2C very%3A bad [syntax/x]::"
                    "100%25 wrong%0D%0Asecond line\n",
                    0) == 0);
    CHECK(out.find("::warning file=a%2Cb%3Ac.hcl,line=1,endLine=1,col=1,endColumn=2,title=Warn::Warn\n") != std::string::npos);
    CHECK(out.find("::group::hjob check report\na,b:c.hcl:1:5: error: Bad, very: bad") != std::string::npos);
    CHECK(out.substr(out.size() - 13) == "::endgroup::\n");
    CHECK(run(Format::github, {}, {&f}).empty());
}

TEST_CASE("checkstyle: every file, its errors with line, column, severity and source") {
    const SourceFile clean("ok.hcl", "x = 1\n");
    auto d = make(utf8, at(utf8, "bad"), at(utf8, "bad") + 3, "Quote \" & <angle>", "", "schema/x");
    const std::string out = run(Format::checkstyle, {d}, {&clean, &utf8});
    CHECK(well_formed(out));
    CHECK(out.find("<file name=\"ok.hcl\"/>") != std::string::npos);
    CHECK(out.find("<error line=\"3\" column=\"3\" severity=\"error\" message=\"Quote &quot; &amp; &lt;angle&gt;\" "
                   "source=\"hjob.schema/x\"/>") != std::string::npos);
}

TEST_CASE("junit: a testcase per file, a failure per error, warnings as output") {
    const SourceFile clean("ok.hcl", "x = 1\n");
    auto e1 = make(utf8, 0, 3, "First");
    auto e2 = make(utf8, at(utf8, "bad"), at(utf8, "bad") + 3, "Second");
    auto w = make(clean, 0, 1, "Careful");
    w.severity = Severity::warning;
    const std::string out = run(Format::junit, {e1, e2, w}, {&clean, &utf8});
    CHECK(well_formed(out));
    CHECK(out.find("<testsuite name=\"hjob check\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">") != std::string::npos);
    CHECK(out.find("<testcase name=\"ok.hcl\" classname=\"hjob.check\" file=\"ok.hcl\">\n      <system-out>ok.hcl:1:1: warning: Careful") !=
          std::string::npos);
    CHECK(out.find("<failure message=\"First\" type=\"test/rule\">jobs/ünï.hcl:1:1: error: First [test/rule]</failure>") != std::string::npos);
    CHECK(out.find("<failure message=\"Second\"") != std::string::npos);
}

TEST_CASE("every format survives reversed and out-of-range ranges, no file, and broken UTF-8") {
    const SourceFile f("bad\xff.hcl", "a = \"\xff\x01\"\n\xed\xa0\x80 = 2");
    auto reversed = make(f, 9, 2, "Reversed \xc3", "detail \xff");
    auto past = make(f, 500, 900, "Past the end");
    auto nowhere = make(f, 0, 0, "No file");
    nowhere.subject.file = nullptr;
    auto control = make(f, 5, 7, "Control");
    const Diagnostics ds{reversed, past, nowhere, control};
    for (const auto* name : {"human", "gnu", "json", "sarif", "github", "checkstyle", "junit"}) {
        INFO(name);
        std::string out;
        REQUIRE_NOTHROW(out = run(*render::parse_format(name), ds, {&f}));
        CHECK(!out.empty());
        if (std::string_view(name) == "json" || std::string_view(name) == "sarif") CHECK_NOTHROW(Json::parse(out));
        if (std::string_view(name) == "checkstyle" || std::string_view(name) == "junit") CHECK(well_formed(out));
    }
    const std::string human = run(Format::human, ds, {&f});
    CHECK(human.find("hjob: error: No file") != std::string::npos);
    CHECK(human.find("a = \"\xEF\xBF\xBD\xE2\x90\x81\"") != std::string::npos);  // U+FFFD, then ␁
}

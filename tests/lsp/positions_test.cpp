// Positions with non-ASCII text before and inside error ranges: UTF-16 code units by
// default, bytes when UTF-8 is negotiated, against `hjob check --format json`'s byte
// offsets converted independently. Incremental edits after astral characters land where
// the client means them in both encodings.
#include <catch2/catch.hpp>

#include "lsp_client.hpp"

using namespace hjob::test;

namespace {

// An emoji (two UTF-16 units, four bytes), accented letters (one unit, two bytes) and a
// check mark (one unit, three bytes) before errors on the same and on later lines, and
// inside the range of the first.
const std::string non_ascii = "job \"wéb\" {\n"
                              "  # ünïcödé 😀😀 comment\n"
                              "  group \"app\" {\n"
                              "    count = \"😀é✓\"\n"
                              "    task \"😀é\" { dirver = \"docker\" }\n"
                              "  }\n"
                              "}\n";

Json check_json(const std::string& path) {
    return Json::parse(run_hjob({"check", "--format", "json", path}))["diagnostics"];
}

void require_ranges(const Json& lsp, const Json& check, const std::string& text, bool utf16) {
    REQUIRE(lsp.size() == check.size());
    for (std::size_t i = 0; i < lsp.size(); ++i) {
        INFO(lsp[i].dump() << "\n" << check[i]["range"].dump());
        CHECK(lsp[i]["range"]["start"] == lsp_position(text, check[i]["range"]["start"]["byte"].get<std::size_t>(), utf16));
        CHECK(lsp[i]["range"]["end"] == lsp_position(text, check[i]["range"]["end"]["byte"].get<std::size_t>(), utf16));
    }
}

void run(bool utf16) {
    TempDir dir;
    std::string text = non_ascii;
    const std::string path = dir.write("na.nomad.hcl", text);
    const std::string uri = file_uri(path);
    LspClient lsp;
    const Json caps = utf16 ? Json::object() : Json{{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}};
    REQUIRE(lsp.initialize(caps)["result"]["capabilities"]["positionEncoding"] == (utf16 ? "utf-16" : "utf-8"));
    lsp.open(uri, text);
    const Json first = lsp.diagnostics(uri, 1);
    REQUIRE(first.is_object());
    REQUIRE(check_json(path).size() == 2);
    require_ranges(first["diagnostics"], check_json(path), text, utf16);
    // The first error's range holds the emoji: its end differs between the encodings.
    const auto end = first["diagnostics"][0]["range"]["end"]["character"].get<int>();
    CHECK(end == (utf16 ? 18 : 23));

    // Insert a character right after the emoji of the task label: a position past a
    // surrogate pair (UTF-16) or past four bytes (UTF-8), both computed independently.
    const std::size_t after = text.find("😀é\" {") + 4;
    const Json at = lsp_position(text, after, utf16);
    CHECK(at["character"] == (utf16 ? 12 : 14));
    lsp.notify("textDocument/didChange", range_change(uri, 2, {{"start", at}, {"end", at}}, "ü"));
    text.insert(after, "ü");
    dir.write("na.nomad.hcl", text);
    const Json second = lsp.diagnostics(uri, 2);
    REQUIRE(second.is_object());
    require_ranges(second["diagnostics"], check_json(path), text, utf16);
    const Json symbols = lsp.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
    CHECK(symbols["result"][0]["children"][0]["children"][0]["name"] == "😀üé");

    // Hover on the misspelt argument, addressed after the non-ASCII label.
    const Json hover_at = lsp_position(text, text.find("dirver") + 2, utf16);
    const Json h = lsp.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", hover_at}});
    CHECK(h["result"].is_null());  // "dirver" is not in the schema: nothing to document
    const Json d = lsp.request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                      {"position", lsp_position(text, text.find("count") + 1, utf16)}});
    CHECK(d["result"]["range"]["start"] == lsp_position(text, text.find("count"), utf16));
}

}  // namespace

TEST_CASE("non-ASCII text before an error gives right ranges in UTF-16") { run(true); }

TEST_CASE("non-ASCII text before an error gives right ranges in UTF-8") { run(false); }

TEST_CASE("CRLF line endings: positions count lines as the editor does") {
    TempDir dir;
    const std::string text = "job \"a\" {\r\n  group \"g\" {\r\n    cuont = 1\r\n  }\r\n}\r\n";
    const std::string path = dir.write("crlf.nomad.hcl", text);
    LspClient lsp;
    lsp.initialize();
    lsp.open(file_uri(path), text);
    const Json diags = lsp.diagnostics(file_uri(path), 1);
    REQUIRE(diags.is_object());
    require_ranges(diags["diagnostics"], check_json(path), text, true);
    CHECK(diags["diagnostics"][0]["range"]["start"] == Json{{"line", 2}, {"character", 4}});
}

// Issue 8's first acceptance: a file with three errors gets exactly the three diagnostics of
// `hjob check --format json` (same ranges, codes, severities, messages); an incremental
// change fixes one; the did-you-mean code action fixes another; formatting gives `hjob fmt`.
#include <catch2/catch.hpp>

#include "lsp_client.hpp"

using namespace hjob::test;

namespace {

// Three independent binding errors; `=` not aligned, so that formatting has work to do.
const std::string three_errors = R"(job "web" {
  datacenters = ["dc1"]
  type = "service"

  group "app" {
    cuont = 2

    networking {
      mode = "bridge"
    }

    task "server" {
      driver = "docker"

      config {
        image = "nginx:1.27"
      }

      resources {
        cpu = 100
        memery = 256
      }
    }
  }
}
)";

// The diagnostics `hjob check --format json` reports for `path`.
Json check_json(const std::string& path) {
    return Json::parse(run_hjob({"check", "--format", "json", path}))["diagnostics"];
}

// Asserts that the LSP diagnostics equal those of `hjob check` on the same text.
void require_same(const Json& lsp, const Json& check, const std::string& text) {
    REQUIRE(lsp.size() == check.size());
    for (std::size_t i = 0; i < lsp.size(); ++i) {
        const Json& d = lsp[i];
        const Json& c = check[i];
        INFO(d.dump() << "\n" << c.dump());
        CHECK(d["range"]["start"] == lsp_position(text, c["range"]["start"]["byte"].get<std::size_t>()));
        CHECK(d["range"]["end"] == lsp_position(text, c["range"]["end"]["byte"].get<std::size_t>()));
        CHECK(d["range"]["start"]["line"] == c["range"]["start"]["line"].get<int>() - 1);
        CHECK(d["code"] == c["code"]);
        CHECK(d["severity"] == (c["severity"] == "error" ? 1 : c["severity"] == "warning" ? 2 : 3));
        CHECK(d["message"] == c["summary"].get<std::string>() + ": " + c["detail"].get<std::string>());
        CHECK(d["source"] == "hjob");
    }
}

Json diagnostic_with_code(const Json& list, const std::string& needle) {
    for (const auto& d : list)
        if (d["message"].get<std::string>().find(needle) != std::string::npos) return d;
    return {};
}

}  // namespace

TEST_CASE("three errors then an incremental fix then the did-you-mean code action then formatting") {
    TempDir dir;
    std::string text = three_errors;
    const std::string path = dir.write("web.nomad.hcl", text);
    const std::string uri = file_uri(path);
    LspClient lsp;
    lsp.initialize();
    lsp.open(uri, text);

    // 1. Exactly the three diagnostics of `hjob check`.
    const Json first = lsp.diagnostics(uri, 1);
    REQUIRE(first.is_object());
    REQUIRE(check_json(path).size() == 3);
    require_same(first["diagnostics"], check_json(path), text);

    // 2. An incremental change: "networking" loses "ing".
    const std::size_t at = text.find("networking") + 7;
    const Json range{{"start", lsp_position(text, at)}, {"end", lsp_position(text, at + 3)}};
    lsp.notify("textDocument/didChange", range_change(uri, 2, range, ""));
    text.erase(at, 3);
    dir.write("web.nomad.hcl", text);
    const Json second = lsp.diagnostics(uri, 2);
    REQUIRE(second.is_object());
    REQUIRE(second["diagnostics"].size() == 2);
    require_same(second["diagnostics"], check_json(path), text);

    // 3. The did-you-mean quick fix for "cuont", applied as the editor applies it.
    const Json cuont = diagnostic_with_code(second["diagnostics"], "cuont");
    REQUIRE(cuont.is_object());
    const Json actions = lsp.request("textDocument/codeAction",
                                     {{"textDocument", {{"uri", uri}}},
                                      {"range", cuont["range"]},
                                      {"context", {{"diagnostics", Json::array({cuont})}}}});
    REQUIRE(actions["result"].size() == 1);
    const Json& action = actions["result"][0];
    CHECK(action["kind"] == "quickfix");
    CHECK(action["title"] == "Replace with \"count\"");
    const Json edit = action["edit"]["changes"][uri][0];
    CHECK(edit["newText"] == "count");
    lsp.notify("textDocument/didChange", range_change(uri, 3, edit["range"], "count"));
    apply_edit(text, edit);
    dir.write("web.nomad.hcl", text);
    const Json third = lsp.diagnostics(uri, 3);
    REQUIRE(third.is_object());
    REQUIRE(third["diagnostics"].size() == 1);
    require_same(third["diagnostics"], check_json(path), text);

    // 4. Formatting: one edit whose result is byte for byte `hjob fmt`.
    const Json fmt = lsp.request("textDocument/formatting",
                                 {{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
    REQUIRE(fmt["result"].size() == 1);
    apply_edit(text, fmt["result"][0]);
    CHECK(text == run_hjob({"fmt", path}));
    CHECK(text != three_errors);
}

TEST_CASE("formatting: no edit for a formatted file or a file with syntax errors") {
    LspClient lsp;
    lsp.initialize();
    const std::string formatted = "job \"a\" {\n  type = \"batch\"\n}\n";
    lsp.open("file:///hjob-lsp-test/formatted.nomad.hcl", formatted);
    Json r = lsp.request("textDocument/formatting", {{"textDocument", {{"uri", "file:///hjob-lsp-test/formatted.nomad.hcl"}}}, {"options", Json::object()}});
    CHECK(r["result"] == Json::array());
    lsp.open("file:///hjob-lsp-test/broken.nomad.hcl", "job \"a\" {\n  type   =\n");
    r = lsp.request("textDocument/formatting", {{"textDocument", {{"uri", "file:///hjob-lsp-test/broken.nomad.hcl"}}}, {"options", Json::object()}});
    CHECK(r["result"] == Json::array());
}

TEST_CASE("a full-text change replaces the document and didClose clears its diagnostics") {
    LspClient lsp;
    lsp.initialize();
    const std::string uri = "file:///hjob-lsp-test/full.nomad.hcl";
    const std::string clean =
        "job \"a\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n\n      config {\n"
        "        image = \"nginx\"\n      }\n    }\n  }\n}\n";
    std::string broken = clean;
    broken.replace(broken.find("driver"), 6, "dirver");
    lsp.open(uri, broken);
    REQUIRE(lsp.diagnostics(uri, 1)["diagnostics"].size() >= 1);
    auto replace_all = [&](int version, const std::string& text) {
        lsp.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                              {"contentChanges", Json::array({{{"text", text}}})}});
    };
    replace_all(2, clean);
    CHECK(lsp.diagnostics(uri, 2)["diagnostics"] == Json::array());
    replace_all(3, broken);
    CHECK(lsp.diagnostics(uri, 3)["diagnostics"].size() >= 1);
    lsp.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
    const Json cleared = lsp.diagnostics(uri);
    REQUIRE(cleared.is_object());
    CHECK(cleared["diagnostics"] == Json::array());
}

TEST_CASE("a burst of changes is checked once for its last version") {
    LspClient lsp;
    lsp.initialize();
    const std::string uri = "file:///hjob-lsp-test/hjob-lsp-burst.nomad.hcl";
    std::string text = "job \"a\" {\n}\n";
    lsp.open(uri, text);
    REQUIRE(lsp.diagnostics(uri, 1).is_object());
    // Fourteen keystrokes in one write of less than PIPE_BUF bytes (atomic): the server reads
    // them together and checks once.
    std::string burst;
    for (int v = 2; v <= 15; ++v) {
        const Json change = range_change(uri, v, {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 0}}}}, "x");
        const std::string body = Json{{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", change}}.dump();
        burst += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }
    REQUIRE(burst.size() < 4096);
    REQUIRE(lsp.send_raw(burst));
    const Json last = lsp.diagnostics(uri, 15);
    REQUIRE(last.is_object());
    CHECK(last["diagnostics"].size() >= 1);  // "xxxxxxxxxxxxxx" alone on a line is an error
    // Nothing else was published for the intermediate versions.
    CHECK(lsp.diagnostics(uri, std::nullopt, 300ms).is_null());
}

TEST_CASE("notes become relatedInformation at their own ranges") {
    TempDir dir;
    const std::string text = "job \"web\" {\n  priority = 50\n  type     = \"service\"\n  priority = 60\n}\n";
    const std::string path = dir.write("notes.nomad.hcl", text);
    const Json check = check_json(path);
    REQUIRE(check.size() >= 1);
    REQUIRE(check[0].contains("notes"));
    LspClient lsp;
    lsp.initialize();
    lsp.open(file_uri(path), text);
    const Json d = lsp.diagnostics(file_uri(path), 1);
    REQUIRE(d.is_object());
    require_same(d["diagnostics"], check, text);
    const Json& related = d["diagnostics"][0]["relatedInformation"];
    REQUIRE(related.size() == check[0]["notes"].size());
    CHECK(related[0]["message"] == check[0]["notes"][0]["message"]);
    CHECK(related[0]["location"]["uri"] == file_uri(path));
    CHECK(related[0]["location"]["range"]["start"] ==
          lsp_position(text, check[0]["notes"][0]["range"]["start"]["byte"].get<std::size_t>()));
}

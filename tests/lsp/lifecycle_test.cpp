// The LSP lifecycle: initialize advertises exactly what the server implements and negotiates
// the position encoding; requests before initialize, after shutdown, or for unknown methods
// get the errors LSP prescribes; exit's status depends on shutdown.
#include <catch2/catch.hpp>

#include <set>

#include "lsp_client.hpp"

using namespace hjob::test;

TEST_CASE("initialize advertises exactly the implemented capabilities") {
    LspClient lsp;
    const Json r = lsp.initialize();
    const Json& caps = r["result"]["capabilities"];
    std::set<std::string> keys;
    for (const auto& [k, v] : caps.items()) keys.insert(k);
    CHECK(keys == std::set<std::string>{"positionEncoding", "textDocumentSync", "documentFormattingProvider", "hoverProvider",
                                        "completionProvider", "codeActionProvider", "documentSymbolProvider"});
    CHECK(caps["positionEncoding"] == "utf-16");
    CHECK(caps["textDocumentSync"]["change"] == 2);
    CHECK(caps["textDocumentSync"]["openClose"] == true);
    CHECK(r["result"]["serverInfo"]["name"] == "hjob");
    // initialize may come only once.
    CHECK(lsp.request("initialize", {{"capabilities", Json::object()}})["error"]["code"] == -32600);
}

TEST_CASE("positionEncoding: utf-8 when the client offers it") {
    LspClient lsp;
    const Json r = lsp.initialize({{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
    CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-8");
    LspClient other;
    const Json r16 = other.initialize({{"general", {{"positionEncodings", {"utf-32", "utf-16"}}}}});
    CHECK(r16["result"]["capabilities"]["positionEncoding"] == "utf-16");
}

TEST_CASE("requests before initialize are refused with ServerNotInitialized") {
    LspClient lsp;
    const Json r = lsp.request("textDocument/hover", {{"textDocument", {{"uri", "file:///x.hcl"}}}, {"position", {{"line", 0}, {"character", 0}}}});
    CHECK(r["error"]["code"] == -32002);
    CHECK(lsp.request("shutdown", nullptr)["error"]["code"] == -32002);
    // A notification before initialize is dropped: no diagnostics come for it.
    lsp.open("file:///hjob-lsp-test/early.hcl", "job {");
    CHECK(lsp.diagnostics("file:///hjob-lsp-test/early.hcl", std::nullopt, 300ms).is_null());
    CHECK(lsp.initialize()["result"].contains("capabilities"));
}

TEST_CASE("unknown methods get MethodNotFound for requests and silence for notifications") {
    LspClient lsp;
    lsp.initialize();
    CHECK(lsp.request("textDocument/rename", Json::object())["error"]["code"] == -32601);
    CHECK(lsp.request("$/unknownRequest", Json::object())["error"]["code"] == -32601);
    lsp.notify("workspace/didChangeConfiguration", {{"settings", Json::object()}});
    lsp.notify("$/setTrace", {{"value", "off"}});
    // The next answer is the one for this request: the notifications got none.
    lsp.send({{"jsonrpc", "2.0"}, {"id", 77}, {"method", "shutdown"}});
    const auto next = lsp.next();
    REQUIRE(next);
    CHECK((*next)["id"] == 77);
}

TEST_CASE("a request about a document that is not open gets InvalidParams") {
    LspClient lsp;
    lsp.initialize();
    const Json r = lsp.request("textDocument/documentSymbol", {{"textDocument", {{"uri", "file:///nowhere.hcl"}}}});
    CHECK(r["error"]["code"] == -32602);
    CHECK(lsp.request("textDocument/hover", {{"textDocument", 5}})["error"]["code"] == -32602);
}

TEST_CASE("a request cancelled by cancelRequest is answered RequestCancelled") {
    LspClient lsp;
    lsp.initialize();
    const std::string a = Json{{"jsonrpc", "2.0"}, {"id", 40}, {"method", "textDocument/documentSymbol"},
                               {"params", {{"textDocument", {{"uri", "file:///x.hcl"}}}}}}.dump();
    const std::string b = Json{{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 40}}}}.dump();
    // Both in one small (atomic) write, so the server reads them together.
    REQUIRE(lsp.send_raw("Content-Length: " + std::to_string(a.size()) + "\r\n\r\n" + a + "Content-Length: " +
                         std::to_string(b.size()) + "\r\n\r\n" + b));
    CHECK(lsp.response(40)["error"]["code"] == -32800);
}

TEST_CASE("shutdown then exit gives status 0 and requests after shutdown are invalid") {
    LspClient lsp;
    lsp.initialize();
    CHECK(lsp.request("shutdown", nullptr)["result"].is_null());
    CHECK(lsp.request("textDocument/documentSymbol", Json::object())["error"]["code"] == -32600);
    lsp.notify("exit", nullptr);
    CHECK(lsp.wait_exit() == 0);
}

TEST_CASE("exit without shutdown gives status 1 and the end of input ends the server") {
    LspClient lsp;
    lsp.initialize();
    lsp.notify("exit", nullptr);
    CHECK(lsp.wait_exit() == 1);
    LspClient eof;
    eof.initialize();
    eof.close_input();
    CHECK(eof.wait_exit() == 1);
}

TEST_CASE("the --stdio and --debounce options are accepted") {
    LspClient lsp({"--stdio", "--debounce", "0"});
    CHECK(lsp.initialize()["result"].contains("capabilities"));
    const std::string uri = "file:///hjob-lsp-test/options.hcl";
    lsp.open(uri, "job \"a\" {\n  cuont = 1\n}\n");
    CHECK(lsp.diagnostics(uri, 1)["diagnostics"].size() >= 1);
}

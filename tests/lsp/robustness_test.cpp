// Hostile and broken input on standard input: garbage, bad JSON, invalid requests, a
// Content-Length over the limit (refused at once, body never buffered), a 100 MB message,
// a body cut short by the end of input. Each is answered or refused as JSON-RPC and LSP
// prescribe; the server never crashes or hangs, and keeps serving afterwards.
#include <catch2/catch.hpp>

#include "lsp_client.hpp"

using namespace hjob::test;

namespace {

// The server still answers: a documentSymbol request for an unknown document gets its
// InvalidParams error back.
bool still_serving(LspClient& lsp) {
    return lsp.request("textDocument/documentSymbol", {{"textDocument", {{"uri", "file:///alive.hcl"}}}})["error"]["code"] == -32602;
}

Json next_error(LspClient& lsp) {
    const auto m = lsp.next();
    return m ? (*m)["error"] : Json();
}

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

}  // namespace

TEST_CASE("garbage and malformed JSON get ParseError and the server keeps serving") {
    LspClient lsp;
    lsp.initialize();
    REQUIRE(lsp.send_raw("hello, this is not LSP\r\n\r\n"));
    const auto m = lsp.next();
    REQUIRE(m);
    CHECK((*m)["error"]["code"] == -32700);
    CHECK((*m)["id"].is_null());
    REQUIRE(lsp.send_raw(frame("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ")));
    CHECK(next_error(lsp)["code"] == -32700);
    REQUIRE(lsp.send_raw(frame("\xff\xfe\x00garbage")));
    CHECK(next_error(lsp)["code"] == -32700);
    REQUIRE(lsp.send_raw("Content-Length: twelve\r\n\r\n"));
    CHECK(next_error(lsp)["code"] == -32700);
    CHECK(still_serving(lsp));
}

TEST_CASE("binary garbage without any header end is dropped and reported once") {
    LspClient lsp;
    lsp.initialize();
    std::string junk(200'000, '\0');
    for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919u) % 251u + 1);
    REQUIRE(lsp.send_raw(junk));
    REQUIRE(lsp.send_raw("\r\n\r\n"));  // ends the "header" the junk was taken for
    CHECK(next_error(lsp)["code"] == -32700);
    CHECK(still_serving(lsp));
}

TEST_CASE("invalid requests get InvalidRequest") {
    LspClient lsp;
    lsp.initialize();
    const std::vector<std::string> bodies{
        R"({"jsonrpc": "2.0", "id": 3})",                      // no method
        R"([1, 2, 3])",                                         // a batch: LSP has none
        R"({"jsonrpc": "1.0", "id": 4, "method": "shutdown"})",  // wrong version
        R"({"jsonrpc": "2.0", "id": {"a": 1}, "method": "x"})",  // id neither number nor string
        R"({"jsonrpc": "2.0", "id": 5, "method": 42})",          // method not a string
        R"({"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": 7})",
        R"("just a string")",
    };
    for (const auto& body : bodies) {
        INFO(body);
        REQUIRE(lsp.send_raw(frame(body)));
        CHECK(next_error(lsp)["code"] == -32600);
    }
    CHECK(still_serving(lsp));
}

TEST_CASE("a Content-Length over the limit is refused at once without its body") {
    LspClient lsp;
    lsp.initialize();
    // One terabyte announced, nothing sent: the refusal cannot wait for (or buffer) the body.
    REQUIRE(lsp.send_raw("Content-Length: 1099511627776\r\n\r\n"));
    const Json e = next_error(lsp);
    CHECK(e["code"] == -32600);
    CHECK(e["message"].get<std::string>().find("1099511627776") != std::string::npos);
    lsp.close_input();
    CHECK(lsp.wait_exit() == 1);  // the input ended before shutdown: a clean exit, status 1
    // A number too large for any integer type is no different.
    LspClient huge;
    huge.initialize();
    REQUIRE(huge.send_raw("Content-Length: 99999999999999999999999999999\r\n\r\n"));
    CHECK(next_error(huge)["code"] == -32600);
}

TEST_CASE("a 100 MB message is refused and skipped and the next message is served") {
    LspClient lsp;
    lsp.initialize();
    const std::size_t size = 100u << 20;
    REQUIRE(lsp.send_raw("Content-Length: " + std::to_string(size) + "\r\n\r\n"));
    CHECK(next_error(lsp)["code"] == -32600);
    const std::string chunk(1 << 20, 'x');
    for (std::size_t sent = 0; sent < size; sent += chunk.size()) REQUIRE(lsp.send_raw(chunk, 30s));
    CHECK(still_serving(lsp));
}

TEST_CASE("a Content-Length larger than the rest of the input ends the server cleanly") {
    LspClient lsp;
    lsp.initialize();
    REQUIRE(lsp.send_raw("Content-Length: 500\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"shutdown\"}"));
    lsp.close_input();
    CHECK(lsp.wait_exit() == 1);
    CHECK(!lsp.next(100ms));  // nothing was answered for the truncated message
}

TEST_CASE("a message split across many writes is put back together") {
    LspClient lsp;
    const std::string msg = frame(R"({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})");
    for (char c : msg) REQUIRE(lsp.send_raw(std::string(1, c)));
    const Json r = lsp.response(1);
    CHECK(r["result"].contains("capabilities"));
}

TEST_CASE("JSON nested a million levels deep is refused and not recursed into") {
    LspClient lsp;
    lsp.initialize();
    const std::string deep = R"({"jsonrpc": "2.0", "id": 2, "method": "x", "params": )" + std::string(1'000'000, '[') +
                             std::string(1'000'000, ']') + "}";
    REQUIRE(lsp.send_raw(frame(deep)));
    CHECK(next_error(lsp)["code"] == -32700);
    // Brackets inside strings do not count.
    const std::string quoted = R"({"jsonrpc": "2.0", "id": 3, "method": "x", "params": {"s": ")" + std::string(10'000, '[') + "\"}}";
    REQUIRE(lsp.send_raw(frame(quoted)));
    CHECK(lsp.response(3)["error"]["code"] == -32601);
    CHECK(still_serving(lsp));
}

TEST_CASE("other headers beside Content-Length are accepted and ignored") {
    LspClient lsp;
    const std::string body = R"({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})";
    REQUIRE(lsp.send_raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  " +
                         std::to_string(body.size()) + "\r\n\r\n" + body));
    CHECK(lsp.response(1)["result"].contains("capabilities"));
}

TEST_CASE("notifications with bad params or about unknown documents are dropped without dying") {
    LspClient lsp;
    lsp.initialize();
    lsp.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///never-opened.hcl"}, {"version", 2}}},
                                          {"contentChanges", Json::array({{{"text", "x"}}})}});
    lsp.notify("textDocument/didOpen", {{"textDocument", {{"uri", 42}}}});
    lsp.notify("textDocument/didOpen", Json::array({1, 2}));
    const std::string uri = "file:///hjob-lsp-test/bad-change.hcl";
    lsp.open(uri, "job \"a\" {\n}\n");
    REQUIRE(lsp.diagnostics(uri, 1).is_object());
    lsp.notify("textDocument/didChange", R"({"textDocument": {"uri": "file:///hjob-lsp-test/bad-change.hcl", "version": 2},
                                             "contentChanges": "not an array"})"_json);
    lsp.notify("textDocument/didChange", range_change(uri, 3, R"({"start": {"line": -5}})"_json, "y"));
    // A range far past the end is clamped to it.
    lsp.notify("textDocument/didChange",
               range_change(uri, 4, R"({"start": {"line": 99, "character": 0}, "end": {"line": 99, "character": 5}})"_json, "# end\n"));
    CHECK(lsp.diagnostics(uri, 4).is_object());
    CHECK(still_serving(lsp));
}

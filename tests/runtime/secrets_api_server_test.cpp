// The local secrets API over real sockets on a real state directory: reads allowed and
// denied, forged and revoked tokens, renew-self with and without its permission, keep-alive,
// LIST, the Bearer header, and the refusal to listen beyond loopback.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <thread>

#include "runtime/secrets/api_handler.hpp"
#include "runtime/secrets/api_server.hpp"
#include "runtime/secrets/secrets.hpp"
#include "runtime/state/secrets_store.hpp"
#include "runtime/state/store.hpp"
#include "secrets_http.hpp"
#include "secrets_support.hpp"

using namespace hjob;
using namespace hjob::secrets;
using hjob::secrets::testing::http;
using hjob::secrets::testing::TempDir;
using nlohmann::json;

namespace {

// The state a CLI would have written: two secrets, two policies; the writer's own connection.
struct State {
    TempDir dir;
    runtime::state::Store store = runtime::state::Store::open(dir.path.string());
    runtime::state::SqliteSecretStore tables{store.db()};
    SystemClock clock;
    std::unique_ptr<Secrets> s = std::move(*Secrets::open(dir.path, tables, tables, tables, clock).value);
    std::vector<std::string> logged;

    State() {
        REQUIRE(s->kv().put("secret/hashiapp", {{"message", "hello-from-vault"}}));
        REQUIRE(s->kv().put("secret/mysql", {{"root_password", "mysql-root-pw"}}));
        policy("hashiapp", "path \"secret/data/hashiapp\" { capabilities = [\"read\"] }\n"
                           "path \"secret/metadata/*\" { capabilities = [\"list\"] }\n");
        policy("bare", "path \"secret/data/hashiapp\" { capabilities = [\"read\"] }\n");
    }
    void policy(const std::string& name, const std::string& text) {
        REQUIRE_FALSE(has_errors(s->policies().write(name, SourceFile(name + ".hcl", text))));
    }
    std::string token(std::vector<std::string> policies, bool no_default = false) {
        TokenSpec spec = testing::spec(std::move(policies), 60);
        spec.renewable = true;
        spec.no_default_policy = no_default;
        return s->tokens().create(spec)->id;
    }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("secrets api server: reads over loopback, allowed and denied, with the denial logged") {
    State st;
    std::vector<std::string> log;
    ApiServer server(st.dir.path.string(), "127.0.0.1", 0, [&](const std::string& l) { log.push_back(l); });
    REQUIRE(server.start());
    REQUIRE(server.port() != 0);
    CHECK(server.url() == "http://127.0.0.1:" + std::to_string(server.port()));
    const auto t = st.token({"hashiapp"});

    const auto ok = http(server.port(), "GET", "/v1/secret/data/hashiapp", t);
    REQUIRE(ok.status == 200);
    CHECK(json::parse(ok.body)["data"]["data"]["message"] == "hello-from-vault");
    const auto denied = http(server.port(), "GET", "/v1/secret/data/mysql", t);
    CHECK(denied.status == 403);
    CHECK(denied.body == R"({"errors":["permission denied"]})");
    CHECK(http(server.port(), "GET", "/v1/secret/data/hashiapp", t, "", true).status == 200);  // Bearer
    CHECK(http(server.port(), "GET", "/v1/secret/data/a/../mysql", t).status == 400);
    CHECK(http(server.port(), "GET", "/v1/secret/data/absent", st.token({"root"})).status == 404);
    const auto list = http(server.port(), "LIST", "/v1/secret/metadata/", t);
    REQUIRE(list.status == 200);
    CHECK(json::parse(list.body)["data"]["keys"] == json::array({"hashiapp", "mysql"}));
    server.stop();
    REQUIRE(log.size() >= 2);
    std::string all;
    for (const auto& l : log) all += l + "\n";
    CHECK(has(all, "403 GET /v1/secret/data/mysql"));
    CHECK_FALSE(has(all, "mysql-root-pw"));
    CHECK_FALSE(has(all, "hello-from-vault"));
    CHECK_FALSE(has(all, t));
}

TEST_CASE("secrets api server: forged, revoked and expired tokens are refused, renew-self needs its permission") {
    State st;
    ApiServer server(st.dir.path.string(), "127.0.0.1", 0, [](const std::string&) {});
    REQUIRE(server.start());
    CHECK(http(server.port(), "GET", "/v1/secret/data/hashiapp", "").status == 403);
    CHECK(http(server.port(), "GET", "/v1/secret/data/hashiapp", "hvs.forgedforgedforgedforgedforged12").status == 403);

    const auto t = st.token({"hashiapp"});
    REQUIRE(st.s->tokens().revoke(t));  // revoked by another connection (the CLI) while the server runs
    CHECK(http(server.port(), "GET", "/v1/secret/data/hashiapp", t).status == 403);

    const auto renewable = st.token({"hashiapp"});
    const auto renewed = http(server.port(), "POST", "/v1/auth/token/renew-self", renewable, R"({"increment":"2h"})");
    REQUIRE(renewed.status == 200);
    CHECK(json::parse(renewed.body)["auth"]["lease_duration"] == 7200);
    CHECK(st.s->tokens().lookup(renewable)->ttl_remaining > 7000);

    TokenSpec brief = testing::spec({"hashiapp"}, 1);  // expires within two seconds
    const auto short_lived = st.s->tokens().create(brief)->id;
    CHECK(http(server.port(), "GET", "/v1/secret/data/hashiapp", short_lived).status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    CHECK(http(server.port(), "GET", "/v1/secret/data/hashiapp", short_lived).status == 403);

    const auto bare = st.token({"bare"}, true);
    const auto refused = http(server.port(), "POST", "/v1/auth/token/renew-self", bare);
    CHECK(refused.status == 403);
    CHECK(st.s->tokens().lookup(bare)->ttl_remaining <= 60);
    CHECK(http(server.port(), "GET", "/v1/secret/data/hashiapp", bare).status == 200);
}

TEST_CASE("secrets api server: keep-alive serves several requests on one connection") {
    State st;
    ApiServer server(st.dir.path.string(), "127.0.0.1", 0, [](const std::string&) {});
    REQUIRE(server.start());
    const auto t = st.token({"hashiapp"});
    boost::asio::io_context ioc;
    boost::beast::tcp_stream stream(ioc);
    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), server.port()));
    for (int i = 0; i < 3; ++i) CHECK(testing::http_on(stream, "GET", "/v1/secret/data/hashiapp", t).status == 200);
    CHECK(testing::http_on(stream, "GET", "/v1/auth/token/lookup-self", t).status == 200);
    const std::string huge(2 * max_api_body, 'x');
    CHECK(testing::http_on(stream, "POST", "/v1/auth/token/renew-self", t, huge).status == 413);
}

TEST_CASE("secrets api server: refuses addresses beyond loopback and a port already taken") {
    State st;
    for (const char* addr : {"0.0.0.0", "192.168.1.10", "::", "localhost", "not-an-ip"}) {
        INFO(addr);
        ApiServer s(st.dir.path.string(), addr, 0);
        const auto r = s.start();
        CHECK_FALSE(r);
        CHECK((has(r.error, "loopback") || has(r.error, "not an IP address")));
    }
    ApiServer first(st.dir.path.string(), "127.0.0.1", 0, [](const std::string&) {});
    REQUIRE(first.start());
    ApiServer second(st.dir.path.string(), "127.0.0.1", first.port(), [](const std::string&) {});
    const auto taken = second.start();
    CHECK_FALSE(taken);
    CHECK(has(taken.error, "cannot listen"));
    ApiServer v6(st.dir.path.string(), "::1", 0, [](const std::string&) {});
    if (v6.start()) CHECK(v6.url() == "http://[::1]:" + std::to_string(v6.port()));
}

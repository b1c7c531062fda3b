// handle_api without sockets, on a fake clock: reads allowed and denied by policy, Vault's
// status codes and bodies, token self-service, and log lines that hold no value or token.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "runtime/secrets/api_handler.hpp"
#include "runtime/secrets/memory_store.hpp"
#include "secrets_support.hpp"

using namespace hjob;
using namespace hjob::secrets;
using hjob::secrets::testing::TempDir;
using nlohmann::json;

namespace {

// A layer with secret/app and secret/mysql, a policy for each, and tokens to use them.
struct Api {
    TempDir dir;
    MemoryStore store;
    FakeClock clock;
    std::unique_ptr<Secrets> s;

    Api() {
        s = std::move(*Secrets::open(dir.path, store, store, store, clock).value);
        REQUIRE(s->kv().put("secret/app", {{"password", "app-secret-value"}}));
        REQUIRE(s->kv().put("secret/mysql", {{"root", "mysql-secret-value"}}));
        policy("app", "path \"secret/data/app\" { capabilities = [\"read\"] }\n"
                      "path \"secret/metadata/*\" { capabilities = [\"list\"] }\n");
        policy("norenew", "path \"secret/data/app\" { capabilities = [\"read\"] }\n");
    }
    void policy(const std::string& name, const std::string& text) {
        REQUIRE_FALSE(has_errors(s->policies().write(name, SourceFile(name + ".hcl", text))));
    }
    std::string token(std::vector<std::string> policies, UnixSeconds ttl = 60, bool no_default = false) {
        TokenSpec spec = testing::spec(std::move(policies), ttl);
        spec.renewable = true;
        spec.no_default_policy = no_default;
        return s->tokens().create(spec)->id;
    }
    ApiResponse call(const std::string& method, const std::string& target, const std::string& token,
                     const std::string& body = "") {
        return handle_api(*s, ApiRequest{method, target, token, body});
    }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("secrets api: a token reads its own secret in KV v2's shape and is refused the other one") {
    Api api;
    const auto t = api.token({"app"});
    const auto ok = api.call("GET", "/v1/secret/data/app", t);
    REQUIRE(ok.status == 200);
    const auto j = json::parse(ok.body);
    CHECK(j["data"]["data"]["password"] == "app-secret-value");
    CHECK(j["data"]["metadata"]["version"] == 1);
    CHECK(j["data"]["metadata"]["deletion_time"] == "");
    CHECK(ok.log.empty());

    const auto denied = api.call("GET", "/v1/secret/data/mysql", t);
    CHECK(denied.status == 403);
    CHECK(denied.body == R"({"errors":["permission denied"]})");
    CHECK(has(denied.log, "403 GET /v1/secret/data/mysql"));
    CHECK_FALSE(has(denied.log, "mysql-secret-value"));
    CHECK_FALSE(has(denied.log, t));
    // Authorization comes first: a path the token may not read is 403 even when absent.
    CHECK(api.call("GET", "/v1/secret/data/nothing", t).status == 403);
}

TEST_CASE("secrets api: missing secrets and unknown paths answer 404, bad paths 400, writes 405") {
    Api api;
    api.policy("all", "path \"secret/*\" { capabilities = [\"read\", \"list\"] }\n");
    const auto t = api.token({"all"});
    const auto missing = api.call("GET", "/v1/secret/data/nothing", t);
    CHECK(missing.status == 404);
    CHECK(missing.body == R"({"errors":[]})");
    CHECK(api.call("GET", "/v1/secret/data/app?version=7", t).status == 404);
    CHECK(api.call("GET", "/v1/sys/health", t).status == 404);
    for (const char* bad : {"/v1/secret/data/a/../mysql", "/v1/secret/data/a//b", "/v1/secret/data/%2e%2e/mysql",
                            "/v1/secret/data/a%00b", "/v1/secret/data/a%zz", "/v1/secret/data/a%2"}) {
        INFO(bad);
        const auto r = api.call("GET", bad, t);
        CHECK(r.status == 400);
        CHECK(json::parse(r.body)["errors"].size() == 1);
    }
    CHECK(api.call("POST", "/v1/secret/data/app", t, R"({"data":{"k":"v"}})").status == 405);
    CHECK(api.call("DELETE", "/v1/secret/data/app", t).status == 405);
    CHECK(api.call("PATCH", "/v1/secret/data/app", t).status == 405);
    CHECK(api.s->kv().get_field("secret/app", "password").value == "app-secret-value");
}

TEST_CASE("secrets api: LIST and GET ?list=true on metadata, and metadata versions") {
    Api api;
    REQUIRE(api.s->kv().put("secret/app", {{"password", "second-value"}}));
    const auto t = api.token({"app"});
    for (const auto& [method, target] : {std::pair{"LIST", "/v1/secret/metadata/"}, {"GET", "/v1/secret/metadata/?list=true"}}) {
        const auto r = api.call(method, target, t);
        INFO(r.body);
        REQUIRE(r.status == 200);
        CHECK(json::parse(r.body)["data"]["keys"] == json::array({"app", "mysql"}));
    }
    CHECK(api.call("LIST", "/v1/secret/metadata/none", t).status == 404);
    CHECK(api.call("GET", "/v1/secret/metadata/app", t).status == 403);  // list only, no read
    api.policy("meta", "path \"secret/metadata/app\" { capabilities = [\"read\"] }\n");
    const auto m = api.call("GET", "/v1/secret/metadata/app", api.token({"meta"}));
    REQUIRE(m.status == 200);
    CHECK(json::parse(m.body)["data"]["current_version"] == 2);
    CHECK(json::parse(m.body)["data"]["versions"].size() == 2);
    CHECK_FALSE(has(m.body, "second-value"));
}

TEST_CASE("secrets api: missing, forged, expired and revoked tokens are refused") {
    Api api;
    const auto t = api.token({"app"}, 5);
    CHECK(api.call("GET", "/v1/secret/data/app", "").status == 403);
    const auto forged = api.call("GET", "/v1/secret/data/app", "hvs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    CHECK(forged.status == 403);
    CHECK(has(forged.log, "not known"));
    CHECK(api.call("GET", "/v1/auth/token/lookup-self", t).status == 200);
    api.clock.advance(5);
    const auto expired = api.call("GET", "/v1/secret/data/app", t);
    CHECK(expired.status == 403);
    CHECK(has(expired.log, "expired"));
    CHECK(api.call("POST", "/v1/auth/token/renew-self", t).status == 403);

    const auto r = api.token({"app"});
    CHECK(api.call("POST", "/v1/auth/token/revoke-self", r).status == 204);
    const auto revoked = api.call("GET", "/v1/secret/data/app", r);
    CHECK(revoked.status == 403);
    CHECK(has(revoked.log, "revoked"));
}

TEST_CASE("secrets api: lookup-self and renew-self, which needs update on auth/token/renew-self") {
    Api api;
    const auto t = api.token({"app"}, 10);  // with `default`, which grants renew-self
    const auto look = api.call("GET", "/v1/auth/token/lookup-self", t);
    REQUIRE(look.status == 200);
    const auto data = json::parse(look.body)["data"];
    CHECK(data["ttl"] == 10);
    CHECK(data["policies"] == json::array({"app", "default"}));
    CHECK_FALSE(has(look.body, t));

    api.clock.advance(6);
    const auto renewed = api.call("PUT", "/v1/auth/token/renew-self", t, R"({"increment":"30s"})");
    REQUIRE(renewed.status == 200);
    CHECK(json::parse(renewed.body)["auth"]["lease_duration"] == 30);
    CHECK(json::parse(renewed.body)["auth"]["client_token"] == t);
    CHECK(api.call("POST", "/v1/auth/token/renew-self", t, R"({"increment":"soon"})").status == 400);

    const auto bare = api.token({"norenew"}, 10, true);  // no default policy: no renew-self
    const auto refused = api.call("POST", "/v1/auth/token/renew-self", bare);
    CHECK(refused.status == 403);
    CHECK(refused.body == R"({"errors":["permission denied"]})");
    CHECK(has(refused.log, "auth/token/renew-self"));
    CHECK(api.call("GET", "/v1/auth/token/lookup-self", bare).status == 403);  // default grants lookup-self too

    TokenSpec fixed = testing::spec({"app"}, 10);  // not renewable
    const auto once = api.s->tokens().create(fixed)->id;
    const auto not_renewable = api.call("POST", "/v1/auth/token/renew-self", once);
    CHECK(not_renewable.status == 400);
    CHECK(has(not_renewable.body, "not renewable"));
}

TEST_CASE("secrets api: the token comes from X-Vault-Token or Authorization: Bearer") {
    CHECK(request_token("hvs.x", "Bearer hvs.y") == "hvs.x");
    CHECK(request_token("", "Bearer hvs.y") == "hvs.y");
    CHECK(request_token("", "Basic abc") == "");
    CHECK(request_token("", "Bearer ") == "");
}

// The Vault HTTP paths applications call, mapped to actions and the capabilities they need.
#include <catch2/catch.hpp>

#include "runtime/secrets/api_route.hpp"

using namespace hjob::secrets;

TEST_CASE("secrets api route: KV v2 data and metadata paths") {
    auto r = route("GET", "/v1/secret/data/app/db");
    REQUIRE(r);
    CHECK(r->action == ApiAction::kv_read);
    CHECK(r->operation == Operation::read);
    CHECK(r->policy_path == "secret/data/app/db");
    CHECK(r->logical == "secret/app/db");
    CHECK_FALSE(r->version);
    CHECK(route("GET", "/v1/secret/data/app?version=3")->version == 3u);
    CHECK_FALSE(route("GET", "/v1/secret/data/app?version=0")->version);
    CHECK_FALSE(route("GET", "/v1/secret/data/app?version=x"));
    CHECK(route("POST", "/v1/secret/data/app")->action == ApiAction::kv_write);
    CHECK(route("DELETE", "/v1/secret/data/app")->operation == Operation::delete_);
    r = route("LIST", "/v1/secret/metadata/app/");
    REQUIRE(r);
    CHECK(r->action == ApiAction::kv_list);
    CHECK(r->operation == Operation::list);
    CHECK(r->logical == "secret/app/");
    CHECK(route("GET", "/v1/secret/metadata/?list=true")->action == ApiAction::kv_list);
    CHECK(route("GET", "/v1/secret/metadata/app")->action == ApiAction::kv_metadata);
}

TEST_CASE("secrets api route: token self paths") {
    CHECK(route("GET", "/v1/auth/token/lookup-self")->action == ApiAction::token_lookup);
    const auto r = route("POST", "/v1/auth/token/renew-self");
    REQUIRE(r);
    CHECK(r->operation == Operation::update);
    CHECK(r->policy_path == "auth/token/renew-self");
    CHECK(route("PUT", "/v1/auth/token/revoke-self")->action == ApiAction::token_revoke);
}

TEST_CASE("secrets api route: bad paths and methods are refused") {
    CHECK_FALSE(route("GET", "/v1/secret/data/a/../b"));
    CHECK_FALSE(route("GET", "/v1/secret/data/a//b"));
    CHECK_FALSE(route("GET", "/v1/secret/data/"));
    CHECK_FALSE(route("GET", "/v1/sys/seal-status"));
    CHECK_FALSE(route("GET", "/secret/data/app"));
    const auto m = route("PATCH", "/v1/secret/metadata/app");
    REQUIRE_FALSE(m);
    CHECK(is_method_error(m.error));
    CHECK(is_method_error(route("GET", "/v1/auth/token/renew-self").error));
    CHECK_FALSE(is_method_error(route("GET", "/v1/nothing").error));
}

// Readers of the secrets (hjob secret get, the local API) beside a rekey in another process:
// they take no lock, never settle a rekey, and still read every value (regression tests for
// the race where a reader's open deleted the key a running rekey was about to commit to).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "runtime/secrets/api_server.hpp"
#include "runtime/secrets/keyfile.hpp"
#include "secrets_http.hpp"
#include "state_fixture.hpp"

using hjob::test::hjob_path;
using hjob::test::read_file;
using hjob::test::run_hjob;
using hjob::test::TempDir;

namespace {

hjob::test::HjobRun hjob_in(const std::string& data, std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back(data);
    return run_hjob(args);
}

}  // namespace

TEST_CASE("secret readers leave the pending key of a rekey in progress in place") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "k=value-one"}).status == 0);
    // A rekey between its steps (2) and (3): the new key is on disk, the values not yet moved.
    const auto pending = hjob::secrets::pending_key_file(data);
    REQUIRE(hjob::secrets::write_key_file(pending, hjob::secrets::Key::generate()));
    const auto get = hjob_in(data, {"secret", "get", "secret/app", "--field", "k"});
    INFO(get.err);
    CHECK(get.out == "value-one\n");
    CHECK(std::filesystem::exists(pending));  // the old open settled here and removed it
    CHECK(hjob_in(data, {"secret", "list", "secret/"}).status == 0);
    CHECK(std::filesystem::exists(pending));
    // A writer holds the lock, so it settles: the values are under the current key.
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "k=value-two"}).status == 0);
    CHECK_FALSE(std::filesystem::exists(pending));
    CHECK(hjob_in(data, {"secret", "get", "secret/app", "--field", "k"}).out == "value-two\n");
}

TEST_CASE("secret get in concurrent processes reads every value while rekeys run") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "k=concurrent-value"}).status == 0);
    REQUIRE(hjob_in(data, {"secret", "put", "secret/db", "k=other-value"}).status == 0);
    // Two readers loop while a writer rekeys 15 times; each reader counts its reads and writes
    // every failure to a file. The state lock serialises the rekeys; the readers take none.
    const std::string h = hjob_path(), log = dir.path + "/failures";
    const std::string reader = "( n=0; while [ ! -e " + dir.path + "/done ]; do out=$(" + h +
                               " secret get secret/app --field k --data-dir " + data + " 2>&1); [ \"$out\" = concurrent-value ] || echo \"$out\" >> " +
                               log + "; n=$((n+1)); done; echo $n >> " + dir.path + "/reads )";
    const std::string script = reader + " & " + reader + " & for i in $(seq 15); do " + h +
                               " secret rekey --lock-timeout 10s --data-dir " + data + " > /dev/null || echo rekey-failed >> " +
                               log + "; done; touch " + dir.path + "/done; wait";
    REQUIRE(std::system(("/bin/sh -c '" + script + "'").c_str()) == 0);
    const std::string reads = read_file(dir.path + "/reads");
    INFO("reads per reader: " << reads);
    CHECK(std::filesystem::exists(dir.path + "/reads"));
    CHECK_FALSE(std::filesystem::exists(log));
    if (std::filesystem::exists(log)) FAIL(read_file(log));
    CHECK_FALSE(std::filesystem::exists(hjob::secrets::pending_key_file(data)));
    CHECK(hjob_in(data, {"secret", "get", "secret/db", "--field", "k"}).out == "other-value\n");
}

TEST_CASE("secrets api server keeps reading after another process rekeys under it") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "k=long-lived-value"}).status == 0);
    const auto created = hjob_in(data, {"token", "create", "--policy", "root", "--json"});
    REQUIRE(created.status == 0);
    const std::string token = nlohmann::json::parse(created.out)["id"];
    hjob::secrets::ApiServer server(data, "127.0.0.1", 0, [](const std::string&) {});
    REQUIRE(server.start());
    using hjob::secrets::testing::http;
    CHECK(http(server.port(), "GET", "/v1/secret/data/app", token).status == 200);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(hjob_in(data, {"secret", "rekey"}).status == 0);  // the server's keys are now stale
        const auto r = http(server.port(), "GET", "/v1/secret/data/app", token);
        CHECK(r.status == 200);
        CHECK(r.body.find("long-lived-value") != std::string::npos);
    }
}

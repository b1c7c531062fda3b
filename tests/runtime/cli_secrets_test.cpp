// hjob secret|policy|token end to end on a temporary data directory (real SQLite file, the
// built binary): KV versions, positioned policy diagnostics, token lifecycle with the
// renew-self permission, rekey, and no plaintext value in the database files.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "runtime/state/lock.hpp"
#include "state_fixture.hpp"

using hjob::test::read_file;
using hjob::test::run_hjob;
using hjob::test::TempDir;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The command with --data-dir appended.
hjob::test::HjobRun hjob_in(const std::string& data, std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back(data);
    return run_hjob(args);
}

// Sets VAULT_TOKEN for the commands run in this scope (children inherit the environment).
struct VaultTokenEnv {
    explicit VaultTokenEnv(const std::string& t) { ::setenv("VAULT_TOKEN", t.c_str(), 1); }
    ~VaultTokenEnv() { ::unsetenv("VAULT_TOKEN"); }
};

const std::string renew_policy =
    "path \"secret/data/app/*\" {\n  capabilities = [\"read\"]\n}\n"
    "path \"auth/token/renew-self\" {\n  capabilities = [\"update\"]\n}\n";
const std::string read_only_policy = "path \"secret/data/app/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n";

std::string create_token(const std::string& data, std::vector<std::string> flags) {
    flags.insert(flags.begin(), {"token", "create", "--json"});
    const auto r = hjob_in(data, flags);
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out).at("id").get<std::string>();
}

}  // namespace

TEST_CASE("secret put get versions delete history and list on the state") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto file = dir.write("cert.pem", "-----CERT-----\nline two\n");
    auto put1 = hjob_in(data, {"secret", "put", "secret/app/db", "password=first-pass", "cert=@" + file});
    INFO(put1.out << put1.err);
    REQUIRE(put1.status == 0);
    CHECK(has(put1.out, "Wrote version 1 of secret/app/db"));
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app/db", "password=second-pass"}).status == 0);
    REQUIRE(hjob_in(data, {"secret", "put", "secret/mysql", "root=mysql-pass"}).status == 0);

    CHECK(hjob_in(data, {"secret", "get", "secret/app/db", "--field", "password"}).out == "second-pass\n");
    CHECK(hjob_in(data, {"secret", "get", "secret/app/db", "--version", "1", "--field", "password"}).out == "first-pass\n");
    CHECK(hjob_in(data, {"secret", "get", "secret/app/db", "--version", "1", "--field", "cert"}).out ==
          "-----CERT-----\nline two\n\n");
    const auto json = nlohmann::json::parse(hjob_in(data, {"secret", "get", "secret/app/db", "--json"}).out);
    CHECK(json["data"]["data"]["password"] == "second-pass");
    CHECK(json["data"]["metadata"]["version"] == 2);

    CHECK(hjob_in(data, {"secret", "list", "secret/"}).out == "app/\nmysql\n");
    CHECK(hjob_in(data, {"secret", "list", "secret/app"}).out == "db\n");

    auto del = hjob_in(data, {"secret", "delete", "secret/app/db"});
    CHECK(has(del.out, "Deleted version 2"));
    auto gone = hjob_in(data, {"secret", "get", "secret/app/db"});
    CHECK(gone.status == 1);
    CHECK(has(gone.err, "deleted"));
    CHECK_FALSE(has(gone.err + gone.out, "second-pass"));
    auto history = hjob_in(data, {"secret", "history", "secret/app/db", "--json"});
    REQUIRE(history.status == 0);
    const auto versions = nlohmann::json::parse(history.out)["versions"];
    REQUIRE(versions.size() == 2);
    CHECK(versions[0]["deletion_time"] == "");
    CHECK(versions[1]["deletion_time"] != "");

    auto field = hjob_in(data, {"secret", "get", "secret/mysql", "--field", "nope"});
    CHECK(field.status == 1);
    CHECK(has(field.err, "root"));  // the field names are listed ...
    CHECK_FALSE(has(field.err, "mysql-pass"));  // ... never the values
    CHECK(hjob_in(data, {"secret", "get", "secret/../etc"}).status == 1);
    CHECK(hjob_in(data, {"secret", "put", "secret/app", "novalue"}).status == 1);
}

TEST_CASE("policy write with a malformed file gives a positioned diagnostic and exit 1") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto bad = dir.write("bad.hcl", "path \"secret/data/app/*\" {\n  capabilities = [\"read\", \"lisst\"]\n}\n");
    auto r = hjob_in(data, {"policy", "write", "app", bad});
    CHECK(r.status == 1);
    CHECK(has(r.err, bad + ":2:27: error"));
    CHECK(has(r.err, "Did you mean \"list\""));
    CHECK(hjob_in(data, {"policy", "read", "app"}).status == 1);  // nothing stored

    const auto broken = dir.write("broken.hcl", "path \"secret/x\" {\n  capabilities = [\"read\"\n");
    auto syntax = hjob_in(data, {"policy", "write", "app", broken});
    CHECK(syntax.status == 1);
    CHECK(has(syntax.err, broken + ":"));

    const auto good = dir.write("good.hcl", read_only_policy);
    REQUIRE(hjob_in(data, {"policy", "write", "app", good}).status == 0);
    CHECK(hjob_in(data, {"policy", "read", "app"}).out == read_only_policy);
    CHECK(hjob_in(data, {"policy", "list"}).out == "app\ndefault\nroot\n");
    CHECK(hjob_in(data, {"policy", "delete", "app"}).status == 0);
    CHECK(hjob_in(data, {"policy", "list"}).out == "default\nroot\n");
    CHECK(hjob_in(data, {"policy", "delete", "root"}).status == 1);
}

TEST_CASE("token create lookup renew revoke and renew refused without renew-self") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(hjob_in(data, {"policy", "write", "app", dir.write("app.hcl", renew_policy)}).status == 0);
    REQUIRE(hjob_in(data, {"policy", "write", "ro", dir.write("ro.hcl", read_only_policy)}).status == 0);

    auto created = hjob_in(data, {"token", "create", "--policy", "app", "--ttl", "1h", "--renewable"});
    REQUIRE(created.status == 0);
    CHECK(has(created.out, "token         = hvs."));
    CHECK(has(created.out, "policies      = app,default"));

    const auto token = create_token(data, {"--policy", "app", "--no-default-policy", "--ttl", "10m", "--renewable"});
    {
        VaultTokenEnv env(token);
        auto lookup = hjob_in(data, {"token", "lookup", "--json"});
        REQUIRE(lookup.status == 0);
        const auto info = nlohmann::json::parse(lookup.out);
        CHECK(info["policies"] == nlohmann::json::array({"app"}));
        CHECK(info["ttl"].get<long>() > 500);
        CHECK_FALSE(info.contains("id"));  // the id is shown only by create
        auto renew = hjob_in(data, {"token", "renew", "--increment", "1h", "--json"});
        INFO(renew.err);
        REQUIRE(renew.status == 0);
        CHECK(nlohmann::json::parse(renew.out)["ttl"].get<long>() > 3000);
    }
    const auto ro = create_token(data, {"--policy", "ro", "--no-default-policy", "--renewable"});
    auto refused = hjob_in(data, {"token", "renew", ro});
    CHECK(refused.status == 1);
    CHECK(has(refused.err, "renewing a token needs update on auth/token/renew-self"));
    CHECK_FALSE(has(refused.err, ro));

    CHECK(hjob_in(data, {"token", "revoke", token}).status == 0);
    auto revoked = hjob_in(data, {"token", "lookup", token});
    CHECK(revoked.status == 1);
    CHECK(has(revoked.err, "revoked"));
    CHECK(hjob_in(data, {"token", "lookup", "hvs.forgedforgedforgedforgedforged0"}).status == 1);
    auto none = hjob_in(data, {"token", "lookup"});
    CHECK(none.status == 1);
    CHECK(has(none.err, "VAULT_TOKEN"));
    CHECK(hjob_in(data, {"token", "create", "--policy", "nosuch"}).status == 1);
    CHECK(hjob_in(data, {"token", "create", "--ttl", "soon"}).status == 1);
}

TEST_CASE("secret rekey keeps every version readable under a new key") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "k=value-one"}).status == 0);
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "k=value-two"}).status == 0);
    const auto key_before = read_file(data + "/secrets.key");
    auto rekey = hjob_in(data, {"secret", "rekey"});
    INFO(rekey.err);
    REQUIRE(rekey.status == 0);
    CHECK(has(rekey.out, "Re-encrypted 2 secret versions"));
    CHECK(read_file(data + "/secrets.key") != key_before);
    CHECK((std::filesystem::status(data + "/secrets.key").permissions() & std::filesystem::perms::group_all) ==
          std::filesystem::perms::none);
    CHECK(hjob_in(data, {"secret", "get", "secret/app", "--version", "1", "--field", "k"}).out == "value-one\n");
    CHECK(hjob_in(data, {"secret", "get", "secret/app", "--field", "k"}).out == "value-two\n");
}

TEST_CASE("the database files never hold a stored secret value or token id") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const std::string value = "PlainTextNeedle-7f3a9c";
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "password=" + value}).status == 0);
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "password=" + value + "-v2"}).status == 0);
    const auto token = create_token(data, {"--ttl", "1h"});
    REQUIRE(hjob_in(data, {"secret", "get", "secret/app", "--field", "password"}).out == value + "-v2\n");
    std::string files;
    for (const char* name : {"/state.db", "/state.db-wal"}) files += read_file(data + name);
    REQUIRE(files.size() > 4096);  // the files were read: the needle has somewhere to hide
    CHECK_FALSE(has(files, value));
    CHECK_FALSE(has(files, token));
    CHECK(has(files, "app"));  // paths are stored in clear, values are not: the grep can find text
}

TEST_CASE("secret writers refuse while another command holds the state lock") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(hjob_in(data, {"secret", "put", "secret/app", "k=v1-value"}).status == 0);
    {
        const auto held = hjob::runtime::state::StateLock::acquire(data, "test", 0);
        auto put = hjob_in(data, {"secret", "put", "secret/app", "k=v2-value"});
        CHECK(put.status == 1);
        CHECK(has(put.err, "lock"));
        CHECK_FALSE(has(put.err, "v2-value"));
        CHECK(hjob_in(data, {"secret", "rekey"}).status == 1);
    }
    CHECK(hjob_in(data, {"secret", "get", "secret/app", "--field", "k"}).out == "v1-value\n");
}

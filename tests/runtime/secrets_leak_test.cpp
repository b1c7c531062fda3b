// A secret value (and a token id) must not appear in any error message, denial reason or
// stored byte: every failing path of the library is driven with a recognisable value stored.
#include <catch2/catch.hpp>

#include "runtime/secrets/keyfile.hpp"
#include "runtime/secrets/kv.hpp"
#include "runtime/secrets/memory_store.hpp"
#include "runtime/secrets/token.hpp"
#include "secrets_support.hpp"

using namespace hjob;
using namespace hjob::secrets;
using hjob::secrets::testing::spec;
using hjob::secrets::testing::TempDir;

TEST_CASE("secrets leak: values and tokens appear in no message, reason or stored byte") {
    const std::string value = "Tr0ub4dor-VALUE-7f3a";
    MemoryStore store;
    FakeClock clock;
    TempDir dir;
    const auto keys = open_keys(dir.path);
    REQUIRE(keys);
    Kv kv(store, *keys, clock);
    Policies policies(store);
    Tokens tokens(store, policies, clock);
    REQUIRE_FALSE(has_errors(policies.write("app", SourceFile("app.hcl", "path \"secret/data/app\" { capabilities = [\"read\"] }"))));
    REQUIRE(kv.put("secret/app", {{"password", value}, {"user", "app"}}));
    REQUIRE(kv.put("secret/mysql/root", {{"password", value}}));
    const auto token = tokens.create(spec({"app"}, 5))->id;

    std::vector<std::string> messages;
    messages.push_back(kv.get_field("secret/app", "passwd").error);
    messages.push_back(kv.get_field("secret/app", "password", 9).error);
    messages.push_back(kv.put("secret/app", {{"k", value + std::string(max_secret_bytes, 'x')}}).error);
    messages.push_back(kv.list("secret/nope").error);
    REQUIRE(kv.remove("secret/mysql/root"));
    messages.push_back(kv.get("secret/mysql/root").error);
    for (const auto op : {Operation::read, Operation::update, Operation::delete_, Operation::list})
        for (const char* p : {"secret/data/app", "secret/data/mysql/root", "secret/metadata/"})
            messages.push_back(tokens.authorize(token, op, p).reason);
    // Corrupt a stored value: the decryption error names the version, not the content.
    auto all = store.all_versions();
    all[0].sealed.back() ^= 1;
    REQUIRE(store.replace_sealed(all));
    messages.push_back(kv.get("secret/app", 1).error);
    messages.push_back(rekey(dir.path, store).error);
    std::string forged = token;
    forged.back() = forged.back() == 'a' ? 'b' : 'a';
    messages.push_back(tokens.authorize(forged, Operation::read, "secret/data/app").reason);
    clock.advance(10);
    messages.push_back(tokens.authorize(token, Operation::read, "secret/data/app").reason);
    messages.push_back(tokens.renew(token).error);
    messages.push_back(tokens.lookup(token).error);

    for (const auto& m : messages) {
        INFO(m);
        CHECK_FALSE(m.empty());
        CHECK(m.find(value) == std::string::npos);
        CHECK(m.find(token) == std::string::npos);
        CHECK(m.find(token.substr(4)) == std::string::npos);
    }
    const std::string dump = store.dump();
    CHECK(dump.find(value) == std::string::npos);
    CHECK(dump.find(token.substr(4)) == std::string::npos);
}

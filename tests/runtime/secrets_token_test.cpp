// Tokens with a fake clock: TTL, renew, periodic, revoke, and authorization by policies.
#include <catch2/catch.hpp>

#include "runtime/secrets/memory_store.hpp"
#include "runtime/secrets/token.hpp"
#include "secrets_support.hpp"

using namespace hjob;
using namespace hjob::secrets;
using hjob::secrets::testing::spec;

namespace {

struct Fixture {
    MemoryStore store;
    FakeClock clock;
    Policies policies{store};
    Tokens tokens{store, policies, clock};

    Fixture() {
        write("app", "path \"secret/data/app\" { capabilities = [\"read\"] }\n"
                     "path \"secret/metadata/*\" { capabilities = [\"list\"] }\n");
        write("mysql", "path \"secret/data/mysql/*\" { capabilities = [\"read\"] }\n");
    }
    void write(const std::string& name, const std::string& text) {
        REQUIRE_FALSE(has_errors(policies.write(name, SourceFile(name + ".hcl", text))));
    }
    std::string create(const TokenSpec& s) {
        auto t = tokens.create(s);
        REQUIRE(t);
        return t->id;
    }
};

}  // namespace

TEST_CASE("secrets token: ids are random, Vault-shaped, and stored only as a hash") {
    Fixture f;
    const auto a = f.create(spec({"app"}, 3600));
    const auto b = f.create(spec({"app"}, 3600));
    CHECK(a != b);
    CHECK(a.starts_with("hvs."));
    CHECK(a.size() == 36);
    CHECK(f.store.dump().find(a) == std::string::npos);
    CHECK(f.store.dump().find(a.substr(4)) == std::string::npos);
    CHECK(f.store.token(token_hash(a)));
}

TEST_CASE("secrets token: the TTL is enforced on every use") {
    Fixture f;
    const auto id = f.create(spec({"app"}, 5));
    CHECK(f.tokens.lookup(id)->ttl_remaining == 5);
    CHECK(f.tokens.authorize(id, Operation::read, "secret/data/app").allowed);
    f.clock.advance(4);
    CHECK(f.tokens.lookup(id)->ttl_remaining == 1);
    f.clock.advance(1);
    CHECK_THAT(f.tokens.lookup(id).error, Catch::Contains("expired"));
    const auto d = f.tokens.authorize(id, Operation::read, "secret/data/app");
    CHECK_FALSE(d.allowed);
    CHECK_THAT(d.reason, Catch::Contains("expired"));
    CHECK_FALSE(f.tokens.renew(id));
}

TEST_CASE("secrets token: renew extends by the TTL, never past the explicit maximum") {
    Fixture f;
    TokenSpec s = spec({"app"}, 10);
    s.renewable = true;
    s.explicit_max_ttl = 25;
    const auto id = f.create(s);
    const auto created = f.clock.now();
    f.clock.advance(8);
    auto r = f.tokens.renew(id);
    REQUIRE(r);
    CHECK(r->expires == created + 18);
    f.clock.advance(8);
    r = f.tokens.renew(id, 100);
    REQUIRE(r);
    CHECK(r->expires == created + 25);  // capped
    f.clock.advance(9);
    CHECK_FALSE(f.tokens.lookup(id));
}

TEST_CASE("secrets token: a periodic token renews to its period indefinitely") {
    Fixture f;
    TokenSpec s = spec({"app"});
    s.period = 24 * 3600;
    const auto id = f.create(s);
    for (int i = 0; i < 40; ++i) {  // 40 x 23h: past the 768h maximum of non-periodic tokens
        f.clock.advance(23 * 3600);
        REQUIRE(f.tokens.renew(id));
    }
    CHECK(f.tokens.lookup(id)->ttl_remaining == 24 * 3600);
    f.clock.advance(24 * 3600);
    CHECK_FALSE(f.tokens.lookup(id));
}

TEST_CASE("secrets token: renew is refused without update on auth/token/renew-self") {
    Fixture f;
    TokenSpec s = spec({"app"}, 10);
    s.renewable = true;
    s.no_default_policy = true;
    const auto id = f.create(s);
    const auto r = f.tokens.renew(id);
    REQUIRE_FALSE(r);
    CHECK(r.error == "permission denied: renewing a token needs update on auth/token/renew-self");
    f.write("renew", "path \"auth/token/renew-self\" { capabilities = [\"update\"] }\n");
    TokenSpec with = s;
    with.policies.push_back("renew");
    CHECK(f.tokens.renew(f.create(with)));
    TokenSpec not_renewable = spec({"app"}, 10);
    CHECK_THAT(f.tokens.renew(f.create(not_renewable)).error, Catch::Contains("not renewable"));
}

TEST_CASE("secrets token: revoke, and unknown or forged tokens are refused") {
    Fixture f;
    const auto id = f.create(spec({"app"}, 3600));
    REQUIRE(f.tokens.revoke(id));
    CHECK_THAT(f.tokens.lookup(id).error, Catch::Contains("revoked"));
    CHECK_FALSE(f.tokens.authorize(id, Operation::read, "secret/data/app").allowed);
    CHECK_FALSE(f.tokens.revoke(id));
    CHECK_FALSE(f.tokens.authorize("", Operation::read, "secret/data/app").allowed);
    std::string forged = f.create(spec({"app"}, 3600));
    forged.back() = forged.back() == 'a' ? 'b' : 'a';
    CHECK_THAT(f.tokens.authorize(forged, Operation::read, "secret/data/app").reason, Catch::Contains("not known"));
}

TEST_CASE("secrets token: authorization follows the token's policies") {
    Fixture f;
    const auto app = f.create(spec({"app"}, 3600));
    const auto mysql = f.create(spec({"mysql"}, 3600));
    CHECK(f.tokens.authorize(app, Operation::read, "secret/data/app").allowed);
    CHECK(f.tokens.authorize(app, Operation::list, "secret/metadata/").allowed);
    const auto d = f.tokens.authorize(app, Operation::read, "secret/data/mysql/root");
    CHECK_FALSE(d.allowed);
    CHECK_THAT(d.reason, Catch::StartsWith("permission denied"));
    CHECK_FALSE(f.tokens.authorize(app, Operation::update, "secret/data/app").allowed);
    CHECK(f.tokens.authorize(mysql, Operation::read, "secret/data/mysql/root").allowed);
    CHECK_FALSE(f.tokens.authorize(mysql, Operation::read, "secret/data/app").allowed);
    const auto root = f.create(spec({"root"}, 3600));
    CHECK(f.tokens.authorize(root, Operation::delete_, "secret/data/anything").allowed);
}

TEST_CASE("secrets token: create refuses unknown policies and bad durations") {
    Fixture f;
    const auto r = f.tokens.create(spec({"ap"}, 60));
    CHECK_FALSE(r);
    CHECK_THAT(r.error, Catch::Contains("Did you mean \"app\"?"));
    CHECK_FALSE(f.tokens.create(spec({"app"}, -1)));
    TokenSpec over = spec({"app"}, 100);
    over.explicit_max_ttl = 50;
    CHECK_FALSE(f.tokens.create(over));
    CHECK(f.tokens.create(spec({"app"}))->info.ttl_remaining == max_token_ttl);
}

TEST_CASE("secrets policies: write, read, list, delete with built-ins") {
    Fixture f;
    CHECK(f.policies.list() == std::vector<std::string>{"app", "default", "mysql", "root"});
    CHECK_THAT(*f.policies.read("default"), Catch::Contains("auth/token/renew-self"));
    const SourceFile bad("bad.hcl", "path \"a\" { capabilities = [\"raed\"] }\n");
    const auto diags = f.policies.write("bad", bad);
    CHECK(has_errors(diags));
    CHECK_FALSE(f.policies.read("bad"));
    CHECK(has_errors(f.policies.write("root", SourceFile("r.hcl", ""))));
    CHECK_FALSE(f.policies.remove("default"));
    CHECK_FALSE(f.policies.remove("root"));
    CHECK_THAT(f.policies.remove("mysq").error, Catch::Contains("Did you mean \"mysql\"?"));
    CHECK(f.policies.remove("mysql"));
    CHECK_FALSE(f.policies.read("mysql"));
}

// The vault stanza's token rules on a fake clock: issue limited to the stanza's policies,
// renewal at half the TTL (refused without renew-self), revoke, the 0600 token file, and the
// template hook's secret read with the task's own rights.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "runtime/secrets/memory_store.hpp"
#include "runtime/secrets/task_token.hpp"
#include "secrets_support.hpp"

using namespace hjob;
using namespace hjob::secrets;
using hjob::secrets::testing::TempDir;

namespace {

struct Layer {
    TempDir dir;
    MemoryStore store;
    FakeClock clock;
    std::unique_ptr<Secrets> s = std::move(*Secrets::open(dir.path, store, store, store, clock).value);
    Layer() {
        REQUIRE(s->kv().put("secret/hashiapp", {{"message", "task-secret-value"}}));
        REQUIRE(s->kv().put("secret/mysql", {{"root", "mysql-value"}}));
        REQUIRE_FALSE(has_errors(s->policies().write(
            "hashiapp", SourceFile("p.hcl", "path \"secret/data/hashiapp\" { capabilities = [\"read\"] }"))));
    }
};

}  // namespace

TEST_CASE("task token: limited to the stanza's policies, renewed at half its TTL, revoked at stop") {
    Layer l;
    auto t = TaskToken::issue(*l.s, {"hashiapp", "default"}, 10, "hashiapp/web/app", l.clock.now());
    REQUIRE(t);
    TaskToken token = *t;
    const auto info = l.s->tokens().lookup(token.id());
    REQUIRE(info);
    CHECK(info->policies == std::vector<std::string>{"default", "hashiapp"});
    CHECK(info->renewable);
    CHECK(info->ttl_remaining == 10);
    CHECK(l.s->tokens().authorize(token.id(), Operation::read, "secret/data/hashiapp").allowed);
    CHECK_FALSE(l.s->tokens().authorize(token.id(), Operation::read, "secret/data/mysql").allowed);

    CHECK_FALSE(token.due(l.clock.now() + 4));
    for (int i = 0; i < 6; ++i) {  // 30 s of a 10 s token: alive only through renewals
        l.clock.advance(5);
        REQUIRE(token.due(l.clock.now()));
        REQUIRE(token.renew(*l.s, l.clock.now()));
        CHECK_FALSE(token.due(l.clock.now()));
    }
    CHECK(l.s->tokens().lookup(token.id())->ttl_remaining == 10);
    // A new agent adopts the token with what is left of it: renewal due at half of that.
    l.clock.advance(4);
    TaskToken adopted = TaskToken::adopt(token.id(), 10, l.s->tokens().lookup(token.id())->ttl_remaining, l.clock.now());
    CHECK_FALSE(adopted.due(l.clock.now() + 2));
    CHECK(adopted.due(l.clock.now() + 3));
    token.revoke(*l.s);
    CHECK_FALSE(l.s->tokens().authorize(token.id(), Operation::read, "secret/data/hashiapp").allowed);
    token.revoke(*l.s);  // twice is harmless
}

TEST_CASE("task token: without default or renew-self the renewal fails with Vault's reason, then expires") {
    Layer l;
    auto t = TaskToken::issue(*l.s, {"hashiapp"}, 8, "x", l.clock.now());
    REQUIRE(t);
    TaskToken token = *t;
    CHECK(l.s->tokens().lookup(token.id())->policies == std::vector<std::string>{"hashiapp"});  // no default added
    l.clock.advance(4);
    const auto r = token.renew(*l.s, l.clock.now());
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error, Catch::Contains("auth/token/renew-self"));
    CHECK(r.error.find(token.id()) == std::string::npos);
    CHECK_FALSE(token.due(l.clock.now() + 1));  // back-off: a quarter of the TTL
    CHECK(token.due(l.clock.now() + 2));
    l.clock.advance(4);
    CHECK_FALSE(l.s->tokens().authorize(token.id(), Operation::read, "secret/data/hashiapp").allowed);
    CHECK_FALSE(TaskToken::issue(*l.s, {"hashiap"}, 8, "x", l.clock.now()));  // unknown policy
}

TEST_CASE("task token: the token file is 0600, replaces a looser file, and refuses a symlink") {
    TempDir dir;
    const auto file = dir.path / "vault_token";
    {
        std::ofstream(file) << "old";
    }
    ::chmod(file.c_str(), 0644);
    REQUIRE(write_token_file(file, "hvs.new"));
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text == "hvs.new");
    const auto link = dir.path / "link";
    REQUIRE(::symlink((dir.path / "elsewhere").c_str(), link.c_str()) == 0);
    CHECK_FALSE(write_token_file(link, "hvs.x"));
    CHECK_FALSE(std::filesystem::exists(dir.path / "elsewhere"));
}

TEST_CASE("task token: templates read secrets in KV v2's shape with the task's rights only") {
    Layer l;
    const auto t = TaskToken::issue(*l.s, {"hashiapp"}, 60, "x", l.clock.now());
    REQUIRE(t);
    const auto j = read_for_template(*l.s, t->id(), "secret/data/hashiapp");
    REQUIRE(j);
    CHECK((*j)["data"]["data"]["message"] == "task-secret-value");
    CHECK((*j)["data"]["metadata"]["version"] == 1);
    CHECK_FALSE(read_for_template(*l.s, t->id(), "secret/data/mysql"));
    CHECK_FALSE(read_for_template(*l.s, t->id(), "secret/data/absent"));
    CHECK_FALSE(read_for_template(*l.s, t->id(), "secret/data/../mysql"));
    CHECK_FALSE(read_for_template(*l.s, "hvs.forged", "secret/data/hashiapp"));
}

TEST_CASE("task token: the TTL comes from HJOB_VAULT_TOKEN_TTL when valid, else one hour") {
    ::unsetenv(task_token_ttl_env);
    CHECK(task_token_ttl() == 3600);
    ::setenv(task_token_ttl_env, "5s", 1);
    CHECK(task_token_ttl() == 5);
    ::setenv(task_token_ttl_env, "90", 1);
    CHECK(task_token_ttl() == 90);
    ::setenv(task_token_ttl_env, "soon", 1);
    CHECK(task_token_ttl() == 3600);
    ::unsetenv(task_token_ttl_env);
}

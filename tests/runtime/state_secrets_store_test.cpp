// SqliteSecretStore on a real state file: the contracts of runtime/secrets/store.hpp (append
// only at latest + 1, replace_sealed all or none, sorted paths, versions oldest first), round
// trips of tokens and policies, and the Kv layer reopened on a new connection.
#include <catch2/catch.hpp>

#include "runtime/secrets/kv.hpp"
#include "runtime/state/secrets_store.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using hjob::test::TempDir;
namespace rs = hjob::runtime::state;
namespace sec = hjob::secrets;

namespace {

sec::StoredVersion version(const std::string& path, std::uint64_t v, unsigned char byte) {
    sec::StoredVersion s;
    s.path = path;
    s.version = v;
    s.created = 1000 + static_cast<sec::UnixSeconds>(v);
    s.sealed = {byte, 0, byte};  // a NUL inside: stored as a BLOB, not text
    return s;
}

}  // namespace

TEST_CASE("sqlite secret store appends only the next version and keeps order") {
    TempDir dir;
    auto store = rs::Store::open(dir.path + "/s");
    rs::SqliteSecretStore kv(store.db());
    CHECK(kv.versions("app").empty());
    CHECK_FALSE(kv.append(version("app", 2, 1)));  // latest is 0: only 1 may follow
    REQUIRE(kv.append(version("app", 1, 1)));
    REQUIRE(kv.append(version("app", 2, 2)));
    CHECK_FALSE(kv.append(version("app", 2, 9)));  // a concurrent writer got there first
    REQUIRE(kv.append(version("a/b", 1, 3)));
    const auto vs = kv.versions("app");
    REQUIRE(vs.size() == 2);
    CHECK(vs[0].version == 1);
    CHECK(vs[1].sealed == sec::Bytes{2, 0, 2});
    CHECK(kv.paths() == std::vector<std::string>{"a/b", "app"});
    CHECK(kv.all_versions().size() == 3);
    REQUIRE(kv.mark_deleted("app", 2, 5000));
    CHECK(kv.versions("app")[1].deleted == 5000);
    CHECK_FALSE(kv.versions("app")[0].deleted);
    CHECK_FALSE(kv.mark_deleted("app", 7, 5000));
}

TEST_CASE("sqlite secret store replace_sealed is all or none") {
    TempDir dir;
    auto store = rs::Store::open(dir.path + "/s");
    rs::SqliteSecretStore kv(store.db());
    REQUIRE(kv.append(version("app", 1, 1)));
    REQUIRE(kv.append(version("db", 1, 1)));
    CHECK_FALSE(kv.replace_sealed({version("app", 1, 7), version("nope", 1, 7)}));
    CHECK(kv.versions("app")[0].sealed == sec::Bytes{1, 0, 1});  // rolled back
    REQUIRE(kv.replace_sealed({version("app", 1, 7), version("db", 1, 8)}));
    CHECK(kv.versions("app")[0].sealed == sec::Bytes{7, 0, 7});
    CHECK(kv.versions("db")[0].sealed == sec::Bytes{8, 0, 8});
}

TEST_CASE("sqlite token and policy stores round trip") {
    TempDir dir;
    auto store = rs::Store::open(dir.path + "/s");
    rs::SqliteSecretStore st(store.db());
    sec::TokenRecord t;
    t.hash = "abc";
    t.policies = {"app", "default"};
    t.created = 10;
    t.expires = 20;
    t.ttl = 10;
    t.period = 5;
    t.renewable = true;
    t.display_name = "web";
    REQUIRE(st.put_token(t));
    auto back = st.token("abc");
    REQUIRE(back);
    CHECK(back->policies == t.policies);
    CHECK(back->expires == 20);
    CHECK(back->renewable);
    CHECK_FALSE(back->revoked);
    t.revoked = true;
    REQUIRE(st.put_token(t));  // replaces
    CHECK(st.token("abc")->revoked);
    CHECK_FALSE(st.token("other"));

    REQUIRE(st.put_policy("zeta", "# z\n"));
    REQUIRE(st.put_policy("app", "path \"x\" {}\n"));
    CHECK(st.policy_names() == std::vector<std::string>{"app", "zeta"});
    CHECK(*st.policy_text("zeta") == "# z\n");
    CHECK(st.delete_policy("zeta"));
    CHECK_FALSE(st.delete_policy("zeta"));
    CHECK_FALSE(st.policy_text("zeta"));
}

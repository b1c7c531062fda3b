// KV v2 semantics: versions, soft delete, list, history, fields.
#include <catch2/catch.hpp>

#include "runtime/secrets/kv.hpp"
#include "runtime/secrets/memory_store.hpp"

using namespace hjob::secrets;

namespace {

struct Fixture {
    MemoryStore store;
    FakeClock clock;
    KeyRing keys{Key::generate(), std::nullopt};
    Kv kv{store, keys, clock};
};

}  // namespace

TEST_CASE("secrets kv: every put is a new version; get reads the latest or a given one") {
    Fixture f;
    const auto v1 = f.kv.put("secret/app", {{"user", "app"}, {"password", "pw-1"}});
    REQUIRE(v1);
    CHECK(v1->version == 1);
    f.clock.advance(60);
    const auto v2 = f.kv.put("secret/app", {{"password", "pw-2"}});
    REQUIRE(v2);
    CHECK(v2->version == 2);
    CHECK(v2->created == v1->created + 60);
    const auto latest = f.kv.get("secret/app");
    REQUIRE(latest);
    CHECK(latest->metadata.version == 2);
    CHECK(latest->data == SecretData{{"password", "pw-2"}});
    const auto first = f.kv.get("secret/app", 1);
    REQUIRE(first);
    CHECK(first->data.at("user") == "app");
    CHECK_FALSE(f.kv.get("secret/app", 3));
    CHECK_THAT(f.kv.get("secret/app", 3).error, Catch::Contains("latest is 2"));
    CHECK_FALSE(f.kv.get("secret/app", 0));
    CHECK_FALSE(f.kv.get("secret/none"));
}

TEST_CASE("secrets kv: a field, and a missing field names the fields") {
    Fixture f;
    REQUIRE(f.kv.put("secret/app", {{"user", "app"}, {"password", "pw"}}));
    CHECK(f.kv.get_field("secret/app", "password").value == "pw");
    const auto missing = f.kv.get_field("secret/app", "passwd");
    CHECK_FALSE(missing);
    CHECK_THAT(missing.error, Catch::Contains("password, user"));
}

TEST_CASE("secrets kv: delete is a soft delete of the latest version") {
    Fixture f;
    REQUIRE(f.kv.put("secret/app", {{"k", "one"}}));
    REQUIRE(f.kv.put("secret/app", {{"k", "two"}}));
    f.clock.advance(5);
    const auto d = f.kv.remove("secret/app");
    REQUIRE(d);
    CHECK(d->version == 2);
    CHECK(d->deleted == f.clock.now());
    CHECK_FALSE(f.kv.get("secret/app"));
    CHECK_THAT(f.kv.get("secret/app").error, Catch::Contains("deleted"));
    CHECK(f.kv.get_field("secret/app", "k", 1).value == "one");  // earlier versions are kept
    f.clock.advance(5);
    CHECK(f.kv.remove("secret/app")->deleted == d->deleted);  // again: the first time stays
    const auto h = f.kv.history("secret/app");
    REQUIRE(h);
    REQUIRE(h->size() == 2);
    CHECK_FALSE((*h)[0].deleted);
    CHECK((*h)[1].deleted);
    REQUIRE(f.kv.put("secret/app", {{"k", "three"}}));  // a put after a delete is a new version
    CHECK(f.kv.get("secret/app")->metadata.version == 3);
}

TEST_CASE("secrets kv: list gives keys and folders directly under a prefix") {
    Fixture f;
    for (const char* p : {"secret/app", "secret/app/db", "secret/app/cache/redis", "secret/mysql/root", "secret/z"})
        REQUIRE(f.kv.put(p, {{"k", "v"}}));
    REQUIRE(f.kv.remove("secret/z"));
    CHECK(*f.kv.list("secret/") == std::vector<std::string>{"app", "app/", "mysql/", "z"});
    CHECK(*f.kv.list("secret/app") == std::vector<std::string>{"cache/", "db"});
    CHECK(*f.kv.list("secret/app/") == std::vector<std::string>{"cache/", "db"});
    CHECK_FALSE(f.kv.list("secret/nothing"));
    CHECK_FALSE(f.kv.list("secret/ap"));  // a prefix is a folder, not a string prefix
}

TEST_CASE("secrets kv: bad input is refused with a clear message") {
    Fixture f;
    CHECK_THAT(f.kv.put("secret/a/../b", {{"k", "v"}}).error, Catch::Contains(".."));
    CHECK_THAT(f.kv.put("secret/a//b", {{"k", "v"}}).error, Catch::Contains("empty segment"));
    CHECK_THAT(f.kv.put(std::string("secret/a\0b", 10), {{"k", "v"}}).error, Catch::Contains("NUL"));
    CHECK_THAT(f.kv.put("/secret/a", {{"k", "v"}}).error, Catch::Contains("\"/\""));
    CHECK_THAT(f.kv.put("secret/a", {}).error, Catch::Contains("key=value"));
    CHECK_THAT(f.kv.put("secret/a", {{"", "v"}}).error, Catch::Contains("empty"));
    CHECK_THAT(f.kv.put("secret/a", {{"k", std::string(max_secret_bytes, 'x')}}).error, Catch::Contains("limit"));
    CHECK(f.store.all_versions().empty());
}

TEST_CASE("secrets kv: values with any bytes round trip") {
    Fixture f;
    const std::string odd = std::string("line1\nline2\t\"q\"\\ ") + "\xc3\xa9";
    REQUIRE(f.kv.put("secret/a", {{"k", odd}}));
    CHECK(f.kv.get_field("secret/a", "k").value == odd);
}

// Encryption at rest: AEAD round trip, tampering and moving refused, the key file and rekey.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "runtime/secrets/keyfile.hpp"
#include "runtime/secrets/kv.hpp"
#include "runtime/secrets/memory_store.hpp"
#include "secrets_support.hpp"

using namespace hjob::secrets;
using hjob::secrets::testing::TempDir;

TEST_CASE("secrets cipher: round trip, with a fresh nonce for every value") {
    const Key k = Key::generate();
    const auto ad = kv_associated_data("app", 1);
    const Bytes a = seal(k, "s3cr3t-value", ad);
    const Bytes b = seal(k, "s3cr3t-value", ad);
    CHECK(a != b);
    const auto plain = unseal(k, a, ad);
    REQUIRE(plain);
    CHECK(*plain == "s3cr3t-value");
    CHECK(std::string(a.begin(), a.end()).find("s3cr3t") == std::string::npos);
}

TEST_CASE("secrets cipher: a tampered ciphertext is refused") {
    const Key k = Key::generate();
    const auto ad = kv_associated_data("app", 1);
    const Bytes good = seal(k, "value", ad);
    for (std::size_t i = 0; i < good.size(); ++i) {
        Bytes bad = good;
        bad[i] ^= 0x01;
        CHECK_FALSE(unseal(k, bad, ad));
    }
    Bytes cut(good.begin(), good.end() - 1);
    CHECK_FALSE(unseal(k, cut, ad));
    CHECK_FALSE(unseal(k, Bytes{}, ad));
    CHECK_FALSE(unseal(Key::generate(), good, ad));
}

TEST_CASE("secrets cipher: a ciphertext moved to another path or version is refused") {
    const Key k = Key::generate();
    const Bytes sealed = seal(k, "value", kv_associated_data("app", 1));
    CHECK(unseal(k, sealed, kv_associated_data("app", 1)));
    CHECK_FALSE(unseal(k, sealed, kv_associated_data("mysql", 1)));
    CHECK_FALSE(unseal(k, sealed, kv_associated_data("app", 2)));
    CHECK_FALSE(unseal(k, sealed, kv_associated_data("app1", 1)));  // no ambiguity between path and version
}

TEST_CASE("secrets key file: created on first use with mode 0600, then reused") {
    TempDir dir;
    const auto first = open_keys(dir.path);
    REQUIRE(first);
    struct stat st {};
    REQUIRE(::stat(key_file(dir.path).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size == 32);
    const auto again = open_keys(dir.path);
    REQUIRE(again);
    const Bytes sealed = seal(first->current, "v", "ad");
    CHECK(unseal(again->current, sealed, "ad"));
    CHECK_FALSE(open_keys(dir.path / "none", false));
}

TEST_CASE("secrets key file: readable by group or others is refused with a clear message") {
    TempDir dir;
    REQUIRE(open_keys(dir.path));
    for (const mode_t mode : {0640, 0604, 0660, 0644}) {
        ::chmod(key_file(dir.path).c_str(), mode);
        const auto r = open_keys(dir.path);
        CHECK_FALSE(r);
        CHECK_THAT(r.error, Catch::Contains("chmod 600") && Catch::Contains("group or others"));
    }
    ::chmod(key_file(dir.path).c_str(), 0600);
    CHECK(open_keys(dir.path));
}

TEST_CASE("secrets key file: a damaged key file is refused") {
    TempDir dir;
    {
        std::ofstream(key_file(dir.path)) << "short";
    }
    ::chmod(key_file(dir.path).c_str(), 0600);
    const auto r = open_keys(dir.path);
    CHECK_FALSE(r);
    CHECK_THAT(r.error, Catch::Contains("32 bytes"));
}

TEST_CASE("secrets rekey: every value is re-encrypted under a new key file") {
    TempDir dir;
    MemoryStore store;
    FakeClock clock;
    {
        const auto keys = open_keys(dir.path);
        REQUIRE(keys);
        Kv kv(store, *keys, clock);
        REQUIRE(kv.put("secret/app", {{"password", "one"}}));
        REQUIRE(kv.put("secret/app", {{"password", "two"}}));
        REQUIRE(kv.put("secret/mysql/root", {{"password", "three"}}));
    }
    const auto old_keys = open_keys(dir.path);
    const auto before = store.all_versions();
    const auto n = rekey(dir.path, store);
    REQUIRE(n);
    CHECK(*n == 3);
    CHECK_FALSE(std::filesystem::exists(pending_key_file(dir.path)));
    struct stat st {};
    REQUIRE(::stat(key_file(dir.path).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const auto keys = open_keys(dir.path);
    REQUIRE(keys);
    CHECK_FALSE(keys->pending);
    Kv kv(store, *keys, clock);
    CHECK(kv.get_field("secret/app", "password", 1).value == "one");
    CHECK(kv.get_field("secret/app", "password").value == "two");
    CHECK(kv.get_field("secret/mysql/root", "password").value == "three");
    // The old key no longer opens anything.
    const auto after = store.all_versions();
    CHECK_FALSE(unseal(old_keys->current, after[0].sealed, kv_associated_data(after[0].path, after[0].version)));
    CHECK(before[0].sealed != after[0].sealed);
}

TEST_CASE("secrets rekey: a value that does not decrypt leaves everything unchanged") {
    TempDir dir;
    MemoryStore store;
    FakeClock clock;
    const auto keys = open_keys(dir.path);
    REQUIRE(keys);
    Kv kv(store, *keys, clock);
    REQUIRE(kv.put("secret/app", {{"k", "v"}}));
    StoredVersion foreign{"other", 1, 0, std::nullopt, seal(Key::generate(), "x", kv_associated_data("other", 1))};
    REQUIRE(store.append(foreign));
    const auto before = store.all_versions();
    const auto r = rekey(dir.path, store);
    CHECK_FALSE(r);
    CHECK_THAT(r.error, Catch::Contains("nothing was changed") && Catch::Contains("secret/other"));
    CHECK(store.all_versions()[0].sealed == before[0].sealed);
    const auto same = open_keys(dir.path);
    CHECK(unseal(same->current, before[0].sealed, kv_associated_data("app", 1)));
}

TEST_CASE("secrets rekey: an interrupted rekey is settled on the key the values are under") {
    TempDir dir;
    MemoryStore store;
    FakeClock clock;
    const auto keys = open_keys(dir.path);
    REQUIRE(keys);
    REQUIRE(Kv(store, *keys, clock).put("secret/app", {{"k", "v"}}));
    // Crash after step (3): values under the pending key, secrets.key still the old one.
    const Key pending = Key::generate();
    auto all = store.all_versions();
    all[0].sealed = seal(pending, R"({"k":"v"})", kv_associated_data("app", 1));
    REQUIRE(store.replace_sealed(all));
    REQUIRE(write_key_file(pending_key_file(dir.path), pending));
    const auto ring = open_keys(dir.path);
    REQUIRE(ring);
    CHECK(Kv(store, *ring, clock).get_field("secret/app", "k").value == "v");  // falls back to the pending key
    REQUIRE(finish_interrupted_rekey(dir.path, store));
    CHECK_FALSE(std::filesystem::exists(pending_key_file(dir.path)));
    const auto settled = open_keys(dir.path);
    CHECK(Kv(store, *settled, clock).get_field("secret/app", "k").value == "v");
}

// Secrets::open on a data directory, Kv::exists, and the Redactor.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "runtime/secrets/memory_store.hpp"
#include "runtime/secrets/redact.hpp"
#include "runtime/secrets/secrets.hpp"
#include "secrets_support.hpp"

using namespace hjob;
using namespace hjob::secrets;
using hjob::secrets::testing::TempDir;

TEST_CASE("secrets open: a data directory gives a working layer, and reopening reads the same values") {
    TempDir dir;
    MemoryStore store;
    FakeClock clock;
    {
        auto s = Secrets::open(dir.path, store, store, store, clock);
        REQUIRE(s);
        CHECK_FALSE((*s.value)->kv().exists("secret/app"));
        REQUIRE((*s.value)->kv().put("secret/app", {{"password", "pw-123"}}));
        CHECK((*s.value)->kv().exists("secret/app"));
        REQUIRE_FALSE(has_errors((*s.value)->policies().write(
            "app", SourceFile("app.hcl", "path \"secret/data/app\" { capabilities = [\"read\"] }"))));
    }
    auto again = Secrets::open(dir.path, store, store, store, clock);
    REQUIRE(again);
    Secrets& s = **again.value;
    CHECK(s.kv().get_field("secret/app", "password").value == "pw-123");
    const auto token = s.tokens().create(testing::spec({"app"}, 60));
    REQUIRE(token);
    CHECK(s.tokens().authorize(token->id, Operation::read, "secret/data/app").allowed);
    ::chmod(key_file(dir.path).c_str(), 0644);
    CHECK_FALSE(Secrets::open(dir.path, store, store, store, clock));
}

TEST_CASE("secrets redact: registered values are masked, longest first, short ones left alone") {
    Redactor r;
    r.add(SecretData{{"password", "hunter22"}, {"flag", "on"}});
    r.add("hunter22-extended");
    CHECK(r.apply("pw=hunter22 pw2=hunter22-extended flag=on") ==
          "pw=(sensitive value) pw2=(sensitive value) flag=on");
    CHECK(r.apply("hunter22hunter22") == "(sensitive value)(sensitive value)");
    CHECK(r.apply("nothing here") == "nothing here");
}

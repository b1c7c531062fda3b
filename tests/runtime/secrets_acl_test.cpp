// Pattern matching, Vault's priority rules, deny, merged policies and the default policy.
#include <catch2/catch.hpp>

#include "runtime/secrets/acl.hpp"

using namespace hjob;
using namespace hjob::secrets;

namespace {

Policy policy(const std::string& name, const std::string& text) {
    const SourceFile file(name + ".hcl", text);
    Diagnostics diags;
    Policy p = parse_policy(name, file, diags);
    REQUIRE_FALSE(has_errors(diags));
    return p;
}

bool allowed(const Acl& acl, Operation op, std::string_view path) { return acl.check(op, path).allowed; }

}  // namespace

TEST_CASE("secrets acl: trailing * is a prefix glob and + is exactly one segment") {
    CHECK(Pattern("secret/data/app/*").matches("secret/data/app/db"));
    CHECK(Pattern("secret/data/app/*").matches("secret/data/app/db/x"));
    CHECK_FALSE(Pattern("secret/data/app/*").matches("secret/data/app"));
    CHECK(Pattern("secret/data/app*").matches("secret/data/app2"));
    CHECK(Pattern("secret/data/+/db").matches("secret/data/app/db"));
    CHECK_FALSE(Pattern("secret/data/+/db").matches("secret/data/a/b/db"));
    CHECK_FALSE(Pattern("secret/data/+/db").matches("secret/data/app/db2"));
    CHECK(Pattern("secret/+/+").matches("secret/a/b"));
    CHECK_FALSE(Pattern("secret/+/+").matches("secret/a"));
    CHECK(Pattern("secret/+/app/*").matches("secret/data/app/x"));
    CHECK(Pattern("secret/data/app").matches("secret/data/app"));
    CHECK_FALSE(Pattern("secret/data/app").matches("secret/data/app/x"));
    CHECK(Pattern("*").matches("anything/at/all"));
}

TEST_CASE("secrets acl: Vault's priority rules decide among matching patterns") {
    // Rule 1: the first wildcard comes later.
    CHECK(lower_priority(Pattern("secret/*"), Pattern("secret/data/+")));
    // Rule 2: not ending in * wins.
    CHECK(lower_priority(Pattern("secret/+*"), Pattern("secret/+/x")));
    // Rule 3: fewer + segments win.
    CHECK(lower_priority(Pattern("secret/+/+/c"), Pattern("secret/+/b/c")));
    // Rule 4: longer wins.
    CHECK(lower_priority(Pattern("secret/data/*"), Pattern("secret/data/app*")));
    // Rule 5: lexicographically larger wins.
    CHECK(lower_priority(Pattern("secret/a/+"), Pattern("secret/b/+")));
    // An exact path beats every glob.
    CHECK(lower_priority(Pattern("secret/data/app*"), Pattern("secret/data/app")));
    CHECK_FALSE(lower_priority(Pattern("secret/data/app"), Pattern("secret/data/app*")));
}

TEST_CASE("secrets acl: the most specific pattern wins, across policies too") {
    const Acl acl({policy("broad", "path \"secret/*\" { capabilities = [\"read\", \"list\"] }"),
                   policy("narrow", "path \"secret/data/app/*\" { capabilities = [\"list\"] }")},
                  false);
    CHECK(allowed(acl, Operation::read, "secret/data/other"));
    CHECK_FALSE(allowed(acl, Operation::read, "secret/data/app/db"));  // only "list" on the narrower path
    CHECK(allowed(acl, Operation::list, "secret/data/app/db"));
    const auto m = acl.match("secret/data/app/db");
    CHECK(m.pattern == "secret/data/app/*");
}

TEST_CASE("secrets acl: identical patterns in several policies merge, deny overriding") {
    Acl acl({policy("a", "path \"secret/data/x\" { capabilities = [\"read\"] }"),
             policy("b", "path \"secret/data/x\" { capabilities = [\"update\"] }")},
            false);
    CHECK(allowed(acl, Operation::read, "secret/data/x"));
    CHECK(allowed(acl, Operation::update, "secret/data/x"));
    acl = Acl({policy("a", "path \"secret/data/x\" { capabilities = [\"read\", \"sudo\"] }"),
               policy("b", "path \"secret/data/x\" { capabilities = [\"deny\"] }")},
              false);
    const auto d = acl.check(Operation::read, "secret/data/x");
    CHECK_FALSE(d.allowed);
    CHECK_THAT(d.reason, Catch::Contains("denied by path \"secret/data/x\""));
}

TEST_CASE("secrets acl: a deny on a specific path beats a broad grant") {
    const Acl acl({policy("p", "path \"secret/*\" { capabilities = [\"read\"] }\n"
                               "path \"secret/data/mysql/*\" { capabilities = [\"deny\"] }\n")},
                  false);
    CHECK(allowed(acl, Operation::read, "secret/data/app"));
    CHECK_FALSE(allowed(acl, Operation::read, "secret/data/mysql/root"));
}

TEST_CASE("secrets acl: default deny, root allows all, the default policy") {
    const Acl none({}, false);
    const auto d = none.check(Operation::read, "secret/data/app");
    CHECK_FALSE(d.allowed);
    CHECK_THAT(d.reason, Catch::Contains("no policy"));
    CHECK(allowed(Acl({}, true), Operation::delete_, "secret/data/app"));
    const Acl def({default_policy()}, false);
    CHECK(allowed(def, Operation::update, "auth/token/renew-self"));
    CHECK(allowed(def, Operation::read, "auth/token/lookup-self"));
    CHECK(allowed(def, Operation::update, "auth/token/revoke-self"));
    CHECK_FALSE(allowed(def, Operation::read, "secret/data/app"));
    CHECK_FALSE(allowed(def, Operation::update, "auth/token/create"));
}

TEST_CASE("secrets acl: a list is checked on the folder path with a trailing slash, as Vault does") {
    const Acl acl({policy("p", "path \"secret/metadata/app/*\" { capabilities = [\"list\"] }")}, false);
    CHECK(allowed(acl, Operation::list, "secret/metadata/app"));
    CHECK_FALSE(allowed(acl, Operation::read, "secret/metadata/app"));
    CHECK_FALSE(allowed(acl, Operation::list, "secret/metadata"));
    const Acl exact({policy("p", "path \"secret/metadata/app\" { capabilities = [\"list\"] }")}, false);
    CHECK(allowed(exact, Operation::list, "secret/metadata/app"));
    CHECK(allowed(exact, Operation::list, "secret/metadata/app/"));
    CHECK_FALSE(allowed(exact, Operation::list, "secret/metadata/app/x"));
}

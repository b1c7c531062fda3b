// Policy files through hjob's own front end: rules, merged patterns, and diagnostics with positions.
#include <catch2/catch.hpp>

#include "runtime/secrets/policy.hpp"

using namespace hjob;
using namespace hjob::secrets;

namespace {

struct Parsed {
    SourceFile file;
    Policy policy;
    Diagnostics diags;
};

Parsed parse(std::string text) {
    Parsed p{SourceFile("app.hcl", std::move(text)), {}, {}};
    p.policy = parse_policy("app", p.file, p.diags);
    return p;
}

std::string where(const Parsed& p, std::size_t i) {
    const auto pos = p.file.position(p.diags.at(i).subject.range.begin);
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

}  // namespace

TEST_CASE("secrets policy: path blocks give rules with their capabilities") {
    const auto p = parse(R"(
path "secret/data/app/*" {
  capabilities = ["read", "list"]
}
path "auth/token/renew-self" { capabilities = ["update"] }
)");
    REQUIRE(p.diags.empty());
    REQUIRE(p.policy.rules.size() == 2);
    CHECK(p.policy.rules[0].pattern.text() == "secret/data/app/*");
    CHECK(p.policy.rules[0].capabilities == (cap_read | cap_list));
    CHECK(p.policy.rules[1].capabilities == cap_update);
}

TEST_CASE("secrets policy: a repeated path merges, and deny clears the rest") {
    auto p = parse("path \"a\" { capabilities = [\"read\"] }\npath \"a\" { capabilities = [\"list\"] }\n");
    REQUIRE(p.policy.rules.size() == 1);
    CHECK(p.policy.rules[0].capabilities == (cap_read | cap_list));
    p = parse("path \"a\" { capabilities = [\"read\", \"deny\", \"sudo\"] }\n");
    CHECK(p.policy.rules[0].capabilities == cap_deny);
}

TEST_CASE("secrets policy: an unknown capability is an error at its position with did-you-mean") {
    const auto p = parse("path \"secret/data/app\" {\n  capabilities = [\"read\", \"lsit\"]\n}\n");
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags[0].code == "policy/unknown-capability");
    CHECK(where(p, 0) == "2:27");
    CHECK_THAT(p.diags[0].detail, Catch::Contains("Did you mean \"list\"?"));
    CHECK(p.policy.rules.empty());
    CHECK_THAT(to_text(p.diags), Catch::StartsWith("app.hcl:2:27: error: Unknown capability"));
}

TEST_CASE("secrets policy: malformed files get positioned diagnostics") {
    struct Case {
        std::string text;
        std::string code;
        std::string at;
    };
    const std::vector<Case> cases{
        {"path \"a\" {\n  capabilities = [\"read\"\n", "", "2:18"},  // the parser: the unclosed bracket
        {"path \"a\" {\n  capabilites = [\"read\"]\n}\n", "policy/unsupported-argument", "2:3"},
        {"paths \"a\" { capabilities = [\"read\"] }\n", "policy/unsupported-block", "1:1"},
        {"path { capabilities = [\"read\"] }\n", "policy/missing-path", "1:1"},
        {"path \"a\" {\n}\n", "policy/missing-capabilities", "1:10"},
        {"path \"a/*/b\" { capabilities = [\"read\"] }\n", "policy/bad-path", "1:6"},
        {"path \"a/../b\" { capabilities = [\"read\"] }\n", "policy/bad-path", "1:6"},
        {"path \"a/x+/b\" { capabilities = [\"read\"] }\n", "policy/bad-path", "1:6"},
        {"path \"/a\" { capabilities = [\"read\"] }\n", "policy/bad-path", "1:6"},
        {"path \"a\" { capabilities = \"read\" }\n", "policy/bad-capabilities", "1:27"},
        {"path \"a\" { capabilities = [1] }\n", "policy/bad-capabilities", "1:28"},
        {"name = \"x\"\n", "policy/unsupported-argument", "1:1"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto p = parse(c.text);
        REQUIRE(has_errors(p.diags));
        if (!c.code.empty()) CHECK(p.diags[0].code == c.code);
        CHECK(where(p, 0) == c.at);
    }
}

TEST_CASE("secrets policy: the legacy policy form and ignored Vault arguments") {
    auto p = parse("path \"a\" { policy = \"write\" }\n");
    REQUIRE(p.diags.empty());
    CHECK(p.policy.rules[0].capabilities == (cap_read | cap_list | cap_create | cap_update | cap_delete));
    p = parse("path \"a\" {\n  capabilities = [\"read\"]\n  allowed_parameters = { \"x\" = [] }\n}\n");
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags[0].severity == Severity::warning);
    CHECK(p.policy.rules.size() == 1);
}

TEST_CASE("secrets policy: names") {
    CHECK(policy_name_problem("app-1.x_y").empty());
    CHECK_FALSE(policy_name_problem("root").empty());
    CHECK_FALSE(policy_name_problem("").empty());
    CHECK_FALSE(policy_name_problem("a/b").empty());
}

// The validation pass over the IR (compiler/validate): which rule fires, with which code, at
// which line:column, and which near misses stay quiet. The golden cases in tests/check cover
// every rule end to end; these pin the decisions a golden file would not explain.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bind_helpers.hpp"
#include "compiler/eval/variables.hpp"
#include "compiler/validate/validate.hpp"

namespace {

struct Checked {
    std::unique_ptr<hjob::test::Compiled> compiled;
    hjob::Diagnostics diags;

    /// "line:col code" of each validation diagnostic.
    std::vector<std::string> found() const {
        std::vector<std::string> out;
        for (const auto& d : diags) {
            const auto p = compiled->file->position(d.subject.range.begin);
            out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + " " + d.code);
        }
        return out;
    }
};

Checked validate(std::string text) {
    Checked c;
    c.compiled = hjob::test::compile(std::move(text));
    REQUIRE(c.compiled->result.job);
    REQUIRE(c.compiled->result.diagnostics.empty());
    c.diags = hjob::validate::check_job(*c.compiled->result.job, c.compiled->result.source_map);
    return c;
}

/// A service job with one group "app" holding `group`, and a task "server" holding `task`.
std::string job(const std::string& group, const std::string& task = "", const std::string& top = "") {
    return "job \"web\" {\n" + top + "  group \"app\" {\n" + group +
           "    task \"server\" {\n      driver = \"exec\"\n      config {\n        command = \"/bin/server\"\n      }\n" + task +
           "    }\n  }\n}\n";
}

const std::string service = "      service {\n        name = \"web\"\n        port = \"http\"\n        check {\n"
                            "          type     = \"tcp\"\n          interval = \"10s\"\n          timeout  = \"2s\"\n"
                            "        }\n      }\n";
const std::string network = "    network {\n      port \"http\" {}\n    }\n";
const std::string update = "    update {\n      max_parallel = 1\n    }\n";

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("validate: a complete service job has nothing to report", "[validate]") {
    CHECK(validate(job(update + network, service)).found() == V{});
}

TEST_CASE("validate: a job-level update merged into a group is reported where it is written", "[validate]") {
    const auto c = validate(job(network, service, "  update {\n    min_healthy_time = \"10m\"\n  }\n"));
    CHECK(c.found() == V{"3:24 validate/update-min-healthy-time"});
    CHECK(c.diags[0].detail == "Minimum healthy time must be less than healthy deadline: 10m0s > 5m0s");
}

TEST_CASE("validate: service ports must name a port label, numbers and interpolations aside", "[validate]") {
    CHECK(validate(job(update + network, service)).found() == V{});
    const auto typo = validate(job(update, service));
    CHECK(typo.found() == V{"13:16 validate/port-not-found"});
    std::string misspelt = service;
    misspelt.replace(misspelt.find("\"http\""), 6, "\"htpt\"");
    const auto near = validate(job(update + network, misspelt));
    REQUIRE(near.diags.size() == 1);
    CHECK(near.diags[0].detail.ends_with("Did you mean \"http\"?"));
    REQUIRE(near.diags[0].fixes.size() == 1);
    CHECK(near.diags[0].fixes[0].replacement == "\"http\"");
    std::string numeric = service;
    numeric.replace(numeric.find("\"http\""), 6, "\"8080\"");
    CHECK(validate(job(update, numeric)).found() == V{});
}

TEST_CASE("validate: port labels collide ignoring case in one network, not across task networks", "[validate]") {
    const auto same = validate(job("    network {\n      port \"http\" {}\n      port \"Http\" {}\n    }\n"));
    CHECK(same.found() == V{"5:7 validate/port-label-collision"});
    const std::string task_net = "      resources {\n        network {\n          port \"db\" {}\n        }\n      }\n";
    std::string two = job("", task_net);
    const auto at = two.find("    task \"server\"");
    two.insert(at, "    task \"init\" {\n      driver = \"exec\"\n      config {\n        command = \"/bin/init\"\n      }\n" +
                       task_net + "    }\n");
    const auto c = validate(two);
    for (const auto& f : c.found()) CHECK(f.find("port-label-collision") == std::string::npos);
}

TEST_CASE("validate: static ports collide per host network, across group and task networks", "[validate]") {
    const auto c = validate(job("    network {\n      port \"a\" {\n        static = 80\n      }\n    }\n",
                                "      resources {\n        network {\n          port \"b\" {\n            static = 80\n"
                                "          }\n        }\n      }\n"));
    V codes;
    for (const auto& d : c.diags) codes.push_back(d.code);
    CHECK(std::count(codes.begin(), codes.end(), "validate/static-port-collision") == 1);
}

TEST_CASE("validate: destinations may reach the shared alloc dir but not leave it", "[validate]") {
    auto tpl = [](const std::string& dest) {
        return "      template {\n        data        = \"x\"\n        destination = \"" + dest + "\"\n      }\n";
    };
    CHECK(validate(job("", tpl("../alloc/config.yml"))).found() == V{});
    CHECK(validate(job("", tpl("/etc/app.conf"))).found() == V{});  // Nomad joins it under the task dir
    CHECK(validate(job("", tpl("../../etc/passwd"))).found() == V{"10:23 validate/path-escape"});
}

TEST_CASE("validate: the vault reminder stays quiet when a policy or setting suggests renewal", "[validate]") {
    auto vault = [](const std::string& body) { return "    vault {\n" + body + "    }\n"; };
    CHECK(validate(job(vault("      policies = [\"app\"]\n"))).found() == V{"3:5 warn/vault-token-renewal"});
    CHECK(validate(job(vault("      policies = [\"default\"]\n"))).found() == V{});
    CHECK(validate(job(vault("      policies = [\"app-token-renew\"]\n"))).found() == V{});
    CHECK(validate(job(vault("      role = \"app\"\n"))).found() == V{});
    CHECK(validate(job(vault("      policies = [\"app\"]\n      allow_token_expiration = true\n"))).found() == V{});
}

TEST_CASE("validate: compile_and_validate skips validation after earlier errors", "[validate]") {
    auto c = hjob::test::compile("job \"web\" {\n  group \"app\" {}\n}\n");
    const auto clean = hjob::validate::compile_and_validate(c->tree, hjob::bind::CompileOptions{&c->scope});
    REQUIRE(clean.diagnostics.size() == 1);
    CHECK(clean.diagnostics[0].code == "validate/group-tasks");
    hjob::Diagnostics earlier(1);  // an error from the variables stage, say
    const auto skipped = hjob::validate::compile_and_validate(c->tree, hjob::bind::CompileOptions{&c->scope}, &earlier);
    CHECK(skipped.diagnostics.empty());
    auto broken = hjob::test::compile("job \"web\" {\n  grup \"app\" {}\n}\n");
    const auto bound = hjob::validate::compile_and_validate(broken->tree, hjob::bind::CompileOptions{&broken->scope});
    for (const auto& d : bound.diagnostics) CHECK(d.code.rfind("validate/", 0) != 0);
}

// Issue 3, point 3: jobspec2 evaluates locals with its UnknownVariable hook too.
TEST_CASE("locals that use runtime references stay runtime text", "[validate][locals]") {
    const hjob::SourceFile file("job.hcl",
                                "locals {\n  alloc = \"${NOMAD_ALLOC_ID}\"\n  os    = \"${attr.kernel.name}-x\"\n"
                                "  typo  = \"${nodes.unique.name}\"\n}\njob \"web\" {}\n");
    const auto tree = hjob::syntax::parse_config(file);
    hjob::Diagnostics diags;
    const auto scope = hjob::eval::build_root_scope(tree, {}, hjob::cty::nomad_functions(), diags);
    REQUIRE(!hjob::has_errors(diags));
    CHECK(scope.locals.at("alloc").as_string() == "${NOMAD_ALLOC_ID}");
    CHECK(scope.locals.at("os").as_string() == "${attr.kernel.name}-x");
    CHECK(scope.locals.at("typo").as_string() == "${nodes.unique.name}");
    REQUIRE(diags.size() == 1);  // the lower-case unknown root is kept, with a warning
    CHECK(diags[0].code == "bind/unknown-runtime-root");
    CHECK(diags[0].severity == hjob::Severity::warning);
}

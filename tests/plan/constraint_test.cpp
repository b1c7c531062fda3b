// Constraint operators against one node, one line per case, and version constraints.
#include <catch2/catch.hpp>

#include "runtime/scheduler/constraint.hpp"
#include "runtime/scheduler/version.hpp"

using namespace hjob::runtime;

namespace {

Node test_node() {
    Node n;
    n.id = "6f3a2b1c-0000-4000-8000-000000000001";
    n.name = "client-1";
    n.datacenter = "dc1";
    n.node_class = "large";
    n.node_pool = "prod";
    n.attributes = {{"kernel.name", "linux"},        {"cpu.numcores", "8"},          {"cpu.frequency", "2.5"},
                    {"driver.docker.version", "24.0.7"}, {"os.version", "1.2.3-beta.1"}, {"features", "gpu,ssd, nvme"}};
    n.meta = {{"rack", "r1"}, {"zone", "b"}};
    return n;
}

}  // namespace

TEST_CASE("every constraint operator against a node", "[scheduler]") {
    struct Case {
        const char* attribute;
        const char* op;
        const char* value;
        bool expected;
    };
    const Case cases[] = {
        {"${attr.kernel.name}", "=", "linux", true},
        {"${attr.kernel.name}", "==", "windows", false},
        {"${attr.kernel.name}", "is", "linux", true},
        {"${attr.missing}", "=", "", false},
        {"${attr.kernel.name}", "!=", "windows", true},
        {"${attr.kernel.name}", "not", "linux", false},
        {"${attr.missing}", "!=", "x", true},
        {"${attr.cpu.numcores}", ">", "4", true},
        {"${attr.cpu.numcores}", ">=", "8", true},
        {"${attr.cpu.numcores}", "<", "10", true},  // numeric, not lexical ("8" > "10" as strings)
        {"${attr.cpu.numcores}", "<=", "7", false},
        {"${attr.cpu.frequency}", ">", "2.25", true},
        {"${meta.zone}", "<", "c", true},
        {"${attr.missing}", ">", "1", false},
        {"${attr.kernel.name}", "regexp", "^lin", true},
        {"${attr.kernel.name}", "regexp", "ux$", true},
        {"${attr.kernel.name}", "regexp", "^win", false},
        {"${attr.kernel.name}", "regexp", "(", false},  // invalid: never satisfied
        {"${attr.features}", "set_contains", "gpu,nvme", true},
        {"${attr.features}", "set_contains_all", "gpu,tpu", false},
        {"${attr.features}", "set_contains_any", "tpu,ssd", true},
        {"${attr.features}", "set_contains_any", "tpu", false},
        {"${attr.driver.docker.version}", "version", ">= 24.0, < 25", true},
        {"${attr.driver.docker.version}", "version", "~> 23.0", false},
        {"${attr.driver.docker.version}", "version", "~> 24.0.1", true},
        {"${attr.driver.docker.version}", "version", "not a version", false},
        {"${attr.driver.docker.version}", "semver", ">= 24.0.0", true},
        {"${attr.driver.docker.version}", "semver", ">= 24.0", false},  // semver wants three parts
        {"${attr.os.version}", "version", ">= 1.0", false},            // a pre-release needs a pre-release term
        {"${attr.os.version}", "version", ">= 1.2.3-alpha", true},
        {"${meta.rack}", "is_set", "", true},
        {"${meta.shelf}", "is_set", "", false},
        {"${meta.shelf}", "is_not_set", "", true},
        {"${node.datacenter}", "=", "dc1", true},
        {"${node.unique.name}", "=", "client-1", true},
        {"${node.unique.id}", "=", "6f3a2b1c-0000-4000-8000-000000000001", true},
        {"${node.class}", "=", "large", true},
        {"${node.pool}", "=", "prod", true},
        {"${node.bogus}", "=", "x", false},
        {"linux", "=", "${attr.kernel.name}", true},  // targets on either side
    };
    const Node node = test_node();
    for (const auto& c : cases) {
        INFO(c.attribute << " " << c.op << " " << c.value);
        CHECK(sched::satisfied(sched::compile_constraint(c.attribute, c.op, c.value), node) == c.expected);
    }
}

TEST_CASE("constraint text is Nomad's String() form", "[scheduler]") {
    CHECK(sched::compile_constraint("${attr.kernel.name}", "=", "linux").text == "${attr.kernel.name} = linux");
    CHECK(sched::compile_constraint("${meta.rack}", "is_set", "").text == "${meta.rack} is_set");
    CHECK(sched::compile_constraint("${meta.rack}", "distinct_property", "").dynamic());
}

TEST_CASE("versions compare as go-version does", "[scheduler]") {
    auto v = [](const char* s) { return *sched::parse_version(s, false); };
    CHECK(sched::compare(v("1.10.0"), v("1.9.0")) > 0);
    CHECK(sched::compare(v("1.2"), v("1.2.0")) == 0);
    CHECK(sched::compare(v("1.2.0-beta"), v("1.2.0")) < 0);
    CHECK(sched::compare(v("1.2.0-beta.2"), v("1.2.0-beta.10")) < 0);
    CHECK(sched::compare(v("v2.0.0+build.1"), v("2.0.0")) == 0);
    CHECK_FALSE(sched::parse_version("1..2", false));
    CHECK_FALSE(sched::parse_version("1.2", true));
}

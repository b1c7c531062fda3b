// The task environment: every NOMAD_* variable from an allocation, its node and the job, and
// `${...}` interpolation of node variables, env["..."], unknown references and service fields.
#include <catch2/catch.hpp>

#include "runtime/taskenv/taskenv.hpp"

using namespace hjob;
using runtime::taskenv::TaskEnv;

namespace {

struct Fixture {
    runtime::Allocation alloc;
    runtime::Node node;
    ir::Job job;

    Fixture() {
        alloc.id = "5f2a9c1e-7b3d-4e8f-9a0b-1c2d3e4f5a6b";
        alloc.name = "shop.web[2]";
        alloc.index = 2;
        alloc.resources.ports = {{"http", 23456}, {"admin-ui", 8500}};
        node.id = "node-uuid-1";
        node.name = "client-2";
        node.datacenter = "dc2";
        node.node_class = "edge";
        node.address = "127.0.0.3";
        node.attributes = {{"kernel.name", "linux"}, {"unique.hostname", "vm"}};
        node.meta = {{"rack", "r7"}};
        job.id = "shop";
        job.name = "shop";
        job.region = "eu";
        job.meta = {{"owner", "job"}, {"tier", "job"}};
        ir::Group g;
        g.name = "web";
        g.meta = {{"tier", "group"}};
        ir::Network net;
        net.dynamic_ports.push_back(ir::Port{"http", 0, 8080});
        net.reserved_ports.push_back(ir::Port{"admin-ui", 8500});
        g.networks.push_back(net);
        ir::Task t;
        t.name = "server";
        t.resources.cpu = 250;
        t.resources.memory_mb = 128;
        t.resources.memory_max_mb = 256;
        t.meta = {{"build-id", "b42"}};
        t.env = {{"LISTEN", "${NOMAD_IP_http}:${NOMAD_PORT_http}"}, {"RACK", "${meta.rack}"}, {"KEEP", "${nope.x}"}};
        g.tasks.push_back(t);
        job.groups.push_back(g);
    }
    TaskEnv env() const { return TaskEnv::build(alloc, node, job, job.groups[0], job.groups[0].tasks[0], "/data/allocs/" + alloc.id); }
};

}  // namespace

TEST_CASE("taskenv: every NOMAD_* variable is filled") {
    const Fixture f;
    const auto e = f.env().env();
    const std::string root = "/data/allocs/" + f.alloc.id;
    const std::map<std::string, std::string> expected = {
        {"NOMAD_ALLOC_DIR", root + "/alloc"},
        {"NOMAD_TASK_DIR", root + "/server/local"},
        {"NOMAD_SECRETS_DIR", root + "/server/secrets"},
        {"NOMAD_ALLOC_ID", f.alloc.id},
        {"NOMAD_SHORT_ALLOC_ID", "5f2a9c1e"},
        {"NOMAD_ALLOC_NAME", "shop.web[2]"},
        {"NOMAD_ALLOC_INDEX", "2"},
        {"NOMAD_JOB_ID", "shop"},
        {"NOMAD_JOB_NAME", "shop"},
        {"NOMAD_GROUP_NAME", "web"},
        {"NOMAD_TASK_NAME", "server"},
        {"NOMAD_NAMESPACE", "default"},
        {"NOMAD_REGION", "eu"},
        {"NOMAD_DC", "dc2"},
        {"NOMAD_CPU_LIMIT", "250"},
        {"NOMAD_MEMORY_LIMIT", "128"},
        {"NOMAD_MEMORY_MAX_LIMIT", "256"},
        {"NOMAD_IP_http", "127.0.0.3"},
        {"NOMAD_HOST_IP_http", "127.0.0.3"},
        {"NOMAD_PORT_http", "23456"},  // host mode: the host port, not `to`
        {"NOMAD_HOST_PORT_http", "23456"},
        {"NOMAD_ADDR_http", "127.0.0.3:23456"},
        {"NOMAD_HOST_ADDR_http", "127.0.0.3:23456"},
        {"NOMAD_PORT_admin_ui", "8500"},  // '-' becomes '_'
        {"NOMAD_ADDR_admin_ui", "127.0.0.3:8500"},
        {"NOMAD_META_owner", "job"},
        {"NOMAD_META_OWNER", "job"},
        {"NOMAD_META_tier", "group"},  // group meta over job meta
        {"NOMAD_META_build_id", "b42"},
        {"NOMAD_META_BUILD_ID", "b42"},
        {"LISTEN", "127.0.0.3:23456"},
        {"RACK", "r7"},
        {"KEEP", "${nope.x}"},
    };
    for (const auto& [k, v] : expected) {
        INFO(k);
        REQUIRE(e.count(k) == 1);
        CHECK(e.at(k) == v);
    }
    CHECK(e.count("NOMAD_JOB_PARENT_ID") == 0);
}

TEST_CASE("taskenv: bridge mode exports the mapped port to bind, host mode the host port") {
    Fixture f;
    f.job.groups[0].networks[0].mode = "bridge";
    const auto e = f.env().env();
    CHECK(e.at("NOMAD_PORT_http") == "8080");
    CHECK(e.at("NOMAD_HOST_PORT_http") == "23456");
}

TEST_CASE("taskenv: interpolation of node variables, env[...] and unknown references") {
    Fixture f;
    f.job.id = "batch/periodic-1700000000";
    const auto env = f.env();
    CHECK(env.interpolate("${node.unique.id} ${node.unique.name} ${node.datacenter} ${node.region} ${node.class} ${node.pool}") ==
          "node-uuid-1 client-2 dc2 eu edge default");
    CHECK(env.interpolate("${attr.kernel.name}/${attr.unique.hostname}/${meta.rack}") == "linux/vm/r7");
    CHECK(env.interpolate("--listen=${NOMAD_ADDR_http}") == "--listen=127.0.0.3:23456");
    CHECK(env.interpolate("${env[\"NOMAD_ALLOC_INDEX\"]}") == "2");
    CHECK(env.interpolate("${attr.missing} ${unknown} ${ not a ref } ${} $${x} ${NOMAD_ALLOC_INDEX") ==
          "${attr.missing} ${unknown} ${ not a ref } ${} $${x} ${NOMAD_ALLOC_INDEX");
    CHECK(env.interpolate("no refs at all") == "no refs at all");
    CHECK(env.env().at("NOMAD_JOB_PARENT_ID") == "batch");
    const nlohmann::json config = {{"command", "hashiapp"}, {"args", {"--port", "${NOMAD_PORT_http}"}}, {"n", 3}};
    const auto done = env.interpolate(config);
    CHECK(done["args"][1] == "23456");
    CHECK(done["n"] == 3);
}

TEST_CASE("taskenv: service and check fields are interpolated") {
    const Fixture f;
    ir::Service s;
    s.name = "${NOMAD_JOB_NAME}-api";
    s.port = "http";
    s.tags = {"dc-${node.datacenter}", "plain"};
    s.meta = {{"alloc", "${NOMAD_ALLOC_INDEX}"}};
    ir::Check c;
    c.type = "http";
    c.path = "/health/${NOMAD_ALLOC_INDEX}";
    c.header = {{"X-Node", {"${node.unique.name}"}}};
    c.args = {"${NOMAD_TASK_DIR}"};
    s.checks.push_back(c);
    const auto out = runtime::taskenv::interpolate_service(s, f.env());
    CHECK(out.name == "shop-api");
    CHECK(out.tags == ir::Strings{"dc-dc2", "plain"});
    CHECK(out.meta.at("alloc") == "2");
    CHECK(out.checks[0].path == "/health/2");
    CHECK(out.checks[0].header.at("X-Node") == ir::Strings{"client-2"});
    CHECK(out.checks[0].args[0] == "/data/allocs/" + f.alloc.id + "/server/local");
}

// The placer: bin packing prefers fuller nodes, failures count every reason per node, and a
// million-node-sized walk stays deterministic for a seed.
#include <catch2/catch.hpp>

#include <set>

#include "plan_case.hpp"
#include "runtime/scheduler/placer.hpp"

using namespace hjob::runtime;
namespace ir = hjob::ir;

namespace {

const char* job_text = R"(job "j" {
  datacenters = ["dc*"]
  group "g" {
    count = 4
    network {
      port "http" {}
      port "admin" { static = 9000 }
    }
    task "t" {
      driver = "exec"
      config { command = "/bin/true" }
      resources {
        cpu    = 1000
        memory = 1024
      }
    }
  }
})";

}  // namespace

TEST_CASE("a placement charges cpu, memory and ports to the chosen node", "[scheduler]") {
    const ir::Job job = hjob::test::compile_job(job_text);
    const auto nodes = hjob::test::default_nodes();
    auto cluster = sched::Cluster::build(nodes, {});
    sched::GroupPlacer placer(cluster, job, job.groups[0], 42);
    std::vector<int> ports;
    const auto n = placer.place(ports);
    REQUIRE(n != sched::no_node);
    CHECK(cluster.cpu_used[n] == 1000);
    CHECK(cluster.mem_used[n] == 1024);
    REQUIRE(ports.size() == 2);
    CHECK(ports[0] == 9000);   // static first
    CHECK(ports[1] == 20000);  // then dynamic from the node's range
    CHECK(cluster.ports.used(n, 9000));
}

TEST_CASE("a static port can be placed once per node and the failure names the collision", "[scheduler]") {
    const ir::Job job = hjob::test::compile_job(job_text);
    const auto nodes = hjob::test::default_nodes();
    auto cluster = sched::Cluster::build(nodes, {});
    sched::GroupPlacer placer(cluster, job, job.groups[0], 7);
    std::vector<int> ports;
    std::set<std::uint32_t> used;
    for (int i = 0; i < 4; ++i) {
        const auto n = placer.place(ports);
        REQUIRE(n != sched::no_node);
        used.insert(n);
    }
    CHECK(used.size() == 4);
    CHECK(placer.place(ports) == sched::no_node);
    const AllocMetric m = placer.failure_metric();
    CHECK(m.nodes_evaluated == 4);
    CHECK(m.nodes_exhausted == 4);
    CHECK(m.dimension_exhausted.at("network: reserved port collision admin=9000") == 4);
}

TEST_CASE("other jobs' usage counts against a node's capacity", "[scheduler]") {
    const ir::Job job = hjob::test::compile_job(job_text);
    const auto nodes = hjob::test::default_nodes();
    std::unordered_map<std::string, NodeUsage> other;
    for (const auto& n : nodes) other[n.id] = NodeUsage{3500, 0, 0, {}};
    auto cluster = sched::Cluster::build(nodes, other);
    sched::GroupPlacer placer(cluster, job, job.groups[0], 1);
    std::vector<int> ports;
    CHECK(placer.place(ports) == sched::no_node);
    CHECK(placer.failure_metric().dimension_exhausted.at("cpu") == 4);
}

TEST_CASE("bin packing fills a node before starting an empty one when both are candidates", "[scheduler]") {
    ir::Job job = hjob::test::compile_job(job_text);
    job.groups[0].networks.clear();
    std::vector<Node> nodes = hjob::test::default_nodes();
    nodes.resize(2);
    std::unordered_map<std::string, NodeUsage> other{{nodes[1].id, NodeUsage{2000, 4096, 0, {}}}};
    auto cluster = sched::Cluster::build(nodes, other);
    sched::GroupPlacer placer(cluster, job, job.groups[0], 3);
    std::vector<int> ports;
    CHECK(placer.place(ports) == 1u);  // the busier node scores higher (best fit)
}

TEST_CASE("the same seed gives the same placements", "[scheduler]") {
    const ir::Job job = hjob::test::compile_job(job_text);
    std::vector<Node> nodes;
    for (int i = 0; i < 50; ++i) {
        Node n = hjob::test::default_nodes()[0];
        n.id = "node-" + std::to_string(i);
        n.datacenter = i % 2 ? "dc1" : "dc2";
        nodes.push_back(n);
    }
    auto run = [&](std::uint64_t seed) {
        auto cluster = sched::Cluster::build(nodes, {});
        sched::GroupPlacer placer(cluster, job, job.groups[0], seed);
        std::vector<std::uint32_t> out;
        std::vector<int> ports;
        for (int i = 0; i < 40; ++i) out.push_back(placer.place(ports));
        return out;
    };
    CHECK(run(9) == run(9));
    CHECK(run(9) != run(10));
}

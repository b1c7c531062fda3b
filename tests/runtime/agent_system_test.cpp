// Acceptance 3 of issue 5: a system job on 4 registered nodes runs 4 allocations, each on its
// node's own loopback address with the same static port; draining a node stops its one.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <map>
#include <set>

#include "agent_support.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace rs = hjob::runtime::state;
using std::chrono::seconds;

namespace {

std::string system_job(int port) {
    return "job \"edge\" {\n  datacenters = [\"dc1\"]\n  type = \"system\"\n"
           "  constraint {\n    attribute = \"${meta.role}\"\n    value     = \"client\"\n  }\n"
           "  group \"edge\" {\n    network {\n      port \"http\" {\n        static = " + std::to_string(port) + "\n      }\n    }\n"
           "    task \"server\" {\n      driver = \"raw_exec\"\n      config {\n        command = \"" +
           std::string(HJOB_BINARY_DIR) + "/hashiapp\"\n      }\n      kill_timeout = \"2s\"\n"
           "      resources {\n        cpu    = 50\n        memory = 64\n      }\n    }\n  }\n}\n";
}

}  // namespace

TEST_CASE("agent: a system job runs once per registered node on its address and draining a node stops its allocation") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    for (int i = 1; i <= 4; ++i) {
        auto r = run_hjob({"node", "register", "--data-dir", data, "--name", "client-" + std::to_string(i), "--cpu", "2000",
                           "--memory", "2048", "--meta", "role=client"});
        INFO(r.out << r.err);
        REQUIRE(r.status == 0);
    }
    const int port = 29000 + ::getpid() % 900;  // a static port no other test run shares
    auto apply = run_hjob({"apply", "--data-dir", data, "--auto-approve", tmp.write("edge.hcl", system_job(port))});
    INFO(apply.out << apply.err);
    REQUIRE(apply.status == 0);
    AgentProcess agent(data);
    auto store = rs::Store::open(data);
    const auto allocs = store.allocations("edge");
    REQUIRE(allocs.size() == 4);
    std::map<std::string, std::string> address;  // alloc id -> its node's address
    for (const auto& a : allocs) address[a.id] = store.node(a.node_id)->address;
    REQUIRE(wait_for([&] {
        for (const auto& [id, addr] : address)
            if (http_get(addr, port, "/").find(id) == std::string::npos) return false;
        return true;
    }, seconds(20)));
    std::set<std::string> addresses;
    for (const auto& [id, addr] : address) addresses.insert(addr);
    CHECK(addresses == std::set<std::string>{"127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"});

    auto drain = run_hjob({"node", "drain", "--data-dir", data, "client-2"});
    INFO(drain.out << drain.err);
    REQUIRE(drain.status == 0);
    const auto drained = store.node_by_name("client-2")->id;
    std::string gone;
    for (const auto& a : allocs)
        if (a.node_id == drained) gone = a.id;
    REQUIRE(wait_for([&] { return task_pids(gone).empty(); }, seconds(15)));
    CHECK(http_get(address[gone], port, "/").empty());
    for (const auto& [id, addr] : address)
        if (id != gone) CHECK(task_pids(id).size() == 1);
    for (const auto& a : store.allocations("edge"))
        if (a.id == gone) CHECK(a.desired_status != "run");
}

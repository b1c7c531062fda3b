// Issue 5, acceptance 2, end to end: a real `hjob agent`, hashiapp instances as real
// processes with http checks over real sockets, `hjob apply` following the rollout. Scale
// 3 -> 5 restarts nothing; a rolling update with max_parallel = 1 never has fewer than 4
// passing instances; a version whose health check fails is rolled back by auto_revert and
// apply says so and exits 1. The AgentProcess guard kills the agent and every task.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <thread>

#include "agent_support.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/state/local_node.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace rs = hjob::runtime::state;
namespace catalog = hjob::runtime::catalog;
using std::chrono::seconds;

namespace {

const std::string hashiapp = std::string(HJOB_BINARY_DIR) + "/hashiapp";

std::string rolling_job(int count, const std::string& args) {
    return "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"web\" {\n    count = " + std::to_string(count) +
           "\n    network {\n      port \"http\" {}\n    }\n    update {\n      max_parallel = 1\n"
           "      min_healthy_time = \"1s\"\n      healthy_deadline = \"6s\"\n      progress_deadline = \"20s\"\n"
           "      auto_revert = true\n    }\n    reschedule {\n      attempts  = 0\n      unlimited = false\n    }\n"
           "    service {\n      name = \"web\"\n      port = \"http\"\n      check {\n        type     = \"http\"\n"
           "        path     = \"/health\"\n        interval = \"1s\"\n        timeout  = \"1s\"\n      }\n    }\n"
           "    task \"server\" {\n      driver = \"raw_exec\"\n      config {\n        command = \"" + hashiapp +
           "\"\n        args    = [" + args + "]\n      }\n      kill_timeout = \"2s\"\n"
           "      resources {\n        cpu    = 50\n        memory = 64\n      }\n    }\n  }\n}\n";
}

/// `hjob apply --auto-approve` that follows the rollout (HJOB_NO_AGENT cleared for it).
HjobRun apply_following(const std::string& data, const std::string& file) {
    ::setenv("HJOB_NO_AGENT", "0", 1);
    auto r = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--timeout", "90s", file});
    ::unsetenv("HJOB_NO_AGENT");
    return r;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Rollout {
    TempDir tmp;
    std::string data = tmp.path + "/state";

    /// Other tests' agents on this machine hand out the same dynamic ports on 127.0.0.1 from
    /// 20000 up: this state's local node takes its own range above the kernel's ephemeral ports.
    Rollout() {
        auto store = rs::Store::open(data);
        const auto id = rs::ensure_local_node(store);
        auto tx = store.write();
        auto n = *store.node(id);
        n.port_min = 61000 + static_cast<int>(::getpid() % 40) * 100;
        n.port_max = n.port_min + 99;
        n.modify_index = store.next_index();
        store.put_node(n, true);
        tx.commit();
    }

    int passing() {
        auto store = rs::Store::open(data);
        int n = 0;
        for (const auto& i : catalog::Catalog(store).list("web")) n += i.status == "passing";
        return n;
    }
    std::vector<hjob::runtime::Allocation> live() {
        auto store = rs::Store::open(data);
        return store.allocations("web", true);
    }
    /// Applies `text` while another thread counts the passing instances; returns the run and
    /// sets `fewest` to the fewest seen.
    HjobRun apply_watching(const std::string& text, int& fewest) {
        const auto file = tmp.write("web.hcl", text);
        std::atomic<bool> done{false};
        std::atomic<int> low{1000};
        std::thread watch([&] {
            while (!done.load()) {
                low = std::min(low.load(), passing());
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        });
        auto r = apply_following(data, file);
        done = true;
        watch.join();
        fewest = low.load();
        return r;
    }
};

}  // namespace

TEST_CASE("deploy: scale, rolling update with max_parallel = 1, failing version auto-reverted (acceptance 2)") {
    Rollout r;
    AgentProcess agent(r.data);
    INFO(agent.log());
    int fewest = 0;

    auto first = r.apply_watching(rolling_job(3, "\"--control\", \"--version\", \"v1\""), fewest);
    INFO(first.out << first.err);
    REQUIRE(first.status == 0);
    CHECK(has(first.out, "Monitoring deployment"));
    CHECK(has(first.out, "successful"));
    CHECK(r.passing() == 3);

    // Scale to 5: two more, none of the three restarted.
    std::map<std::string, std::vector<int>> before;
    for (const auto& a : r.live()) before[a.id] = task_pids(a.id);
    auto scale = r.apply_watching(rolling_job(5, "\"--control\", \"--version\", \"v1\""), fewest);
    INFO(scale.out << scale.err);
    REQUIRE(scale.status == 0);
    CHECK(fewest >= 3);
    CHECK(r.passing() == 5);
    for (const auto& [id, pids] : before) {
        CHECK(task_pids(id) == pids);
        CHECK(r.live().size() == 5);
    }

    // A rolling update: never fewer than 4 passing instances.
    auto update = r.apply_watching(rolling_job(5, "\"--control\", \"--version\", \"v2\""), fewest);
    INFO(update.out << update.err);
    REQUIRE(update.status == 0);
    CHECK(fewest >= 4);
    CHECK(r.passing() == 5);
    for (const auto& a : r.live()) CHECK(a.job_version == 2);

    // A version whose health check fails: the deployment fails, auto_revert rolls back to
    // version 2, apply exits 1 and says so; 5 healthy instances of the old spec remain.
    auto bad = r.apply_watching(rolling_job(5, "\"--control\", \"--fail-health\", \"--version\", \"v3\""), fewest);
    INFO(bad.out << bad.err);
    CHECK(bad.status == 1);
    CHECK(has(bad.out, "Failed due to unhealthy allocations - rolling back to job version 2"));
    CHECK(has(bad.out, "The job was reverted: job \"web\" version 4 has the spec of version 2 (revert deployment successful)"));
    CHECK(fewest >= 4);
    CHECK(wait_for([&] { return r.passing() == 5; }, seconds(20)));
    const auto live = r.live();
    CHECK(live.size() == 5);
    for (const auto& a : live) CHECK(a.job_version == 4);
    auto store = rs::Store::open(r.data);
    CHECK(store.job_version("web", 4)->stable);
    CHECK_FALSE(store.job_version("web", 3)->stable);
}

// Issue 6, acceptance 1, end to end with nothing faked: a real `hjob agent` runs hashiapp
// instances with http checks, a real `hjob router` process routes the same state's catalog,
// and `hjob apply` scales and rolls the job out. Traffic reaches every passing instance, a
// failing one leaves within its check interval plus a second, new instances join, and a
// rolling update under a steady stream loses no request. Prints the figures it measures.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "agent_support.hpp"
#include "router_support.hpp"
#include "runtime/state/local_node.hpp"

using namespace hjob::test;
namespace rs = hjob::runtime::state;
namespace catalog = hjob::runtime::catalog;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const std::string hashiapp = std::string(HJOB_BINARY_DIR) + "/hashiapp";

/// The job: count instances, a 1 s http check, one at a time with 1 s healthy; a
/// stopped instance gets its signal a second after it left the catalog (shutdown_delay), by
/// when the router, which reads the catalog every 200 ms, no longer sends it anything.
std::string app_job(int count, const std::string& version) {
    return "job \"app\" {\n  datacenters = [\"dc1\"]\n  group \"app\" {\n    count = " + std::to_string(count) +
           "\n    network {\n      port \"http\" {}\n    }\n    update {\n      max_parallel = 1\n"
           "      min_healthy_time = \"1s\"\n      healthy_deadline = \"10s\"\n      progress_deadline = \"20s\"\n    }\n"
           "    service {\n      name = \"app\"\n      port = \"http\"\n      tags = [\"urlprefix-/app strip=/app\"]\n"
           "      check {\n        type     = \"http\"\n        path     = \"/health\"\n        interval = \"1s\"\n"
           "        timeout  = \"1s\"\n      }\n    }\n    task \"server\" {\n      driver = \"raw_exec\"\n"
           "      config {\n        command = \"" + hashiapp + "\"\n        args    = [\"--control\", \"--version\", \"" +
           version + "\"]\n      }\n      kill_timeout = \"2s\"\n      shutdown_delay = \"1s\"\n      resources {\n        cpu    = 50\n"
           "        memory = 64\n      }\n    }\n  }\n}\n";
}

struct Stack {
    TempDir tmp;
    std::string data = tmp.path + "/state";
    std::unique_ptr<AgentProcess> agent;
    std::unique_ptr<Process> router;
    int port = 0;

    /// The local node takes a port range of its own (65000-65499), clear of the kernel's
    /// ephemeral ports and of the ranges other agent tests use (61000-64999).
    Stack() {
        auto store = rs::Store::open(data);
        const auto id = rs::ensure_local_node(store);
        auto tx = store.write();
        auto n = *store.node(id);
        n.port_min = 65000 + static_cast<int>(::getpid() % 5) * 100;
        n.port_max = n.port_min + 99;
        n.modify_index = store.next_index();
        store.put_node(n, true);
        tx.commit();
    }

    void start() {
        agent = std::make_unique<AgentProcess>(data);
        router = std::make_unique<Process>(
            std::vector<std::string>{hjob_path(), "router", "--listen", "127.0.0.1:0", "--data-dir", data}, tmp.path + "/router.log");
        static const std::regex re("proxy on \\S+ \\(port ([0-9]+)\\)");
        std::smatch m;
        std::string log;
        wait_for([&] { return std::regex_search(log = router->log(), m, re); }, 10s);
        if (m.size() == 2) port = std::stoi(m[1]);
    }

    /// `hjob apply --auto-approve` that follows the deployment to its end.
    HjobRun apply(int count, const std::string& version) {
        const auto file = tmp.write("app.hcl", app_job(count, version));
        ::setenv("HJOB_NO_AGENT", "0", 1);
        auto r = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--timeout", "40s", file});
        ::unsetenv("HJOB_NO_AGENT");
        return r;
    }

    ~Stack() {
        if (std::uncaught_exceptions() > 0 && router)  // a REQUIRE failed: the access log helps
            std::fprintf(stderr, "--- router log ---\n%s--- end of router log ---\n", router->log().c_str());
    }

    std::vector<catalog::Instance> instances() {
        auto store = rs::Store::open(data);
        return catalog::Catalog(store).list("app");
    }
    /// Allocations whose task waited for its shutdown delay before its stop signal.
    int delayed_stops() {
        auto store = rs::Store::open(data);
        int n = 0;
        for (const auto& a : store.allocations("app"))
            for (const auto& [task, ts] : a.task_states)
                for (const auto& e : ts.events) n += e.type == "Waiting for shutdown delay";
        return n;
    }
    int passing() {
        int n = 0;
        for (const auto& i : instances()) n += i.status == "passing";
        return n;
    }
    /// Instance (allocation id) -> requests it answered, of `n` sent through the router.
    std::map<std::string, int> spread(int n, int& failures) {
        std::map<std::string, int> hits;
        Client client(port);
        for (int k = 0; k < n; ++k) {
            const auto r = client.request("GET", "/app/");
            if (r.status == 200) ++hits[instance_of(r.body)];
            else ++failures;
        }
        return hits;
    }
};

long long ms_since(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

}  // namespace

TEST_CASE("router with the real agent: spread, failing instance dropped, scale to 5, rolling update loses nothing (issue 6 acceptance 1)") {
    Stack s;
    s.start();
    REQUIRE(s.port > 0);

    // 1. Three passing instances behind the router; 300 requests all succeed, each answers some.
    const auto first = s.apply(3, "v1");
    INFO(first.out << first.err);
    REQUIRE(first.status == 0);
    REQUIRE(wait_for([&] { return s.passing() == 3; }, 10s));
    std::set<std::string> allocs;
    for (const auto& i : s.instances()) allocs.insert(i.alloc_id);
    int failures = 0;
    REQUIRE(wait_for([&] { return s.spread(3, failures).size() == 3; }, 5s));  // the router saw all three
    failures = 0;
    auto hits = s.spread(300, failures);
    CHECK(failures == 0);
    CHECK(hits.size() == 3);
    for (const auto& [id, n] : hits) {
        CHECK(allocs.count(id) == 1);
        CHECK(n > 0);
    }

    // 2. /fail on one instance's own port: it stops receiving traffic within its check
    // interval (1 s) plus one second. Measured from /fail to the last response it gave.
    const auto victim = s.instances().front();
    const auto failed_at = Clock::now();
    REQUIRE(http_get(victim.address, victim.port, "/fail") != "");
    long long last_from_victim = 0;
    {
        Client client(s.port);
        while (ms_since(failed_at) < 3500) {
            const auto r = client.request("GET", "/app/");
            CHECK(r.status == 200);
            if (instance_of(r.body) == victim.alloc_id) last_from_victim = ms_since(failed_at);
            std::this_thread::sleep_for(10ms);
        }
    }
    std::printf("router e2e: fail-to-drop latency %lld ms (check interval 1000 ms)\n", last_from_victim);
    CHECK(last_from_victim > 0);  // it did answer after /fail, until its check failed: a real measurement
    CHECK(last_from_victim < 2000);
    REQUIRE(http_get(victim.address, victim.port, "/recover") != "");
    REQUIRE(wait_for([&] { return s.passing() == 3; }, 10s));

    // 3. Scaling to 5 brings the two new instances into rotation.
    const auto scale = s.apply(5, "v1");
    INFO(scale.out << scale.err);
    REQUIRE(scale.status == 0);
    REQUIRE(wait_for([&] { return s.passing() == 5; }, 10s));
    REQUIRE(wait_for([&] { return s.spread(5, failures).size() == 5; }, 5s));
    failures = 0;
    hits = s.spread(100, failures);
    CHECK(failures == 0);
    CHECK(hits.size() == 5);

    // 4. A rolling update to v2 under a steady stream (about 40 requests a second, alternating
    // kept-alive and new connections) for the whole rollout: every request answered 200.
    std::atomic<bool> done{false};
    std::atomic<int> sent{0}, lost{0};
    std::mutex mu;
    std::map<int, int> lost_by_status;
    std::set<std::string> versions;
    std::string first_lost;
    const auto rollout_start = Clock::now();
    std::thread stream([&] {
        Client keep(s.port);
        while (!done) {
            const int n = sent;
            const std::string method = n % 4 < 2 ? "GET" : "POST";  // POST: never retried by the router
            const auto r = n % 2 ? keep.request(method, "/app/", method == "POST" ? "x" : "") : fetch(s.port, method, "/app/", method == "POST" ? "x" : "");
            ++sent;
            {
                std::lock_guard lock(mu);
                if (r.status != 200 && lost++ == 0) first_lost = method + ": " + std::to_string(r.status) + " " + r.body;
                if (r.status != 200) ++lost_by_status[r.status];
                else versions.insert(r.body.substr(0, r.body.find(" instance")));
            }
            std::this_thread::sleep_for(20ms);
        }
    });
    const auto update = s.apply(5, "v2");
    const bool all_v2 = wait_for([&] { return s.passing() == 5 && s.spread(10, failures).size() == 5; }, 10s);
    std::this_thread::sleep_for(500ms);
    done = true;
    stream.join();
    const double secs = static_cast<double>(ms_since(rollout_start)) / 1000.0;
    // The router's own counters since it started: retries and upstream errors would mean it
    // reached an instance that had already stopped.
    const auto m = nlohmann::json::parse(fetch(s.port, "GET", "/api/metrics").body, nullptr, false);
    const int retries = m.value("retries", -1), upstream_errors = m.value("upstream_errors", -1);
    std::printf("router e2e: rolling update took %.1f s, %d requests sent (%.0f/s, half GET, half POST), %d failed; "
                "router totals: %d requests, %d retries, %d upstream errors\n",
                secs, sent.load(), sent.load() / secs, lost.load(), m.value("requests", -1), retries, upstream_errors);
    INFO(update.out << update.err);
    CHECK(update.status == 0);
    CHECK(all_v2);
    CHECK(sent.load() / secs >= 20);
    std::string why;
    for (const auto& [status, n] : lost_by_status) why += "status " + std::to_string(status) + ": " + std::to_string(n) + "; ";
    INFO("lost requests by status (0: no response): " << why << " the first: " << first_lost);
    CHECK(lost == 0);
    CHECK(retries == 0);
    CHECK(upstream_errors == 0);
    CHECK(versions.count("hashiapp v1") == 1);
    CHECK(versions.count("hashiapp v2") == 1);
    for (const auto& i : s.instances()) CHECK(std::find(i.tags.begin(), i.tags.end(), "urlprefix-/app strip=/app") != i.tags.end());
    hits = s.spread(20, failures);
    for (const auto& [id, n] : hits) CHECK(allocs.count(id) == 0);  // none of the first three remains
    // Each replaced instance waited its shutdown_delay between leaving the catalog and its signal.
    CHECK(wait_for([&] { return s.delayed_stops() >= 5; }, 10s));
}

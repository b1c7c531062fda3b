// `hjob agent`, `hjob agent stop|status`, the agent `hjob apply` starts, and `hjob alloc`'s
// refusals: one agent per data directory, clean exits, clear errors.
#include <catch2/catch.hpp>

#include <signal.h>
#include <stdlib.h>

#include "agent_support.hpp"
#include "runtime/agent/instance.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
using std::chrono::seconds;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Runs hjob with HJOB_NO_AGENT cleared for this process and its children.
HjobRun run_with_agent(const std::vector<std::string>& args) {
    ::setenv("HJOB_NO_AGENT", "0", 1);
    auto r = run_hjob(args);
    ::unsetenv("HJOB_NO_AGENT");
    return r;
}

}  // namespace

TEST_CASE("agent: a second agent for the same data directory is refused and status and stop find the first") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    AgentProcess agent(data);
    auto second = run_hjob({"agent", "--data-dir", data});
    CHECK(second.status == 1);
    CHECK(has(second.err, "an agent already runs for " + data + " (pid " + std::to_string(agent.pid()) + ")"));
    auto status = run_hjob({"agent", "status", "--data-dir", data});
    CHECK(status.status == 0);
    CHECK(has(status.out, "Agent running (pid " + std::to_string(agent.pid()) + ")"));
    auto stop = run_hjob({"agent", "stop", "--data-dir", data});
    INFO(stop.out << stop.err << agent.log());
    CHECK(stop.status == 0);
    CHECK(has(stop.out, "stopped with its tasks"));
    CHECK_FALSE(hjob::runtime::agent::running_agent(data));
    CHECK(run_hjob({"agent", "status", "--data-dir", data}).status == 1);
    CHECK(has(run_hjob({"agent", "stop", "--data-dir", data}).out, "No agent runs"));
    CHECK(run_hjob({"agent", "--data-dir", data, "--log-level", "loud"}).status == 1);
}

TEST_CASE("agent: apply starts an agent in the background when none runs but not with --no-agent") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    const auto job = tmp.write("web.hcl", small_job("web", 1, "v1"));
    AgentCleanup cleanup{data};
    auto plain = run_with_agent({"apply", "--data-dir", data, "--auto-approve", "--no-agent", job});
    INFO(plain.out << plain.err);
    REQUIRE(plain.status == 0);
    CHECK_FALSE(hjob::runtime::agent::running_agent(data));
    auto apply = run_with_agent({"apply", "--data-dir", data, "--auto-approve", job});
    INFO(apply.out << apply.err);
    REQUIRE(apply.status == 0);
    const auto pid = hjob::runtime::agent::running_agent(data);
    REQUIRE(pid);
    CHECK(has(apply.out, "Agent: started in the background (pid " + std::to_string(*pid) + ")"));
    // The task runs under the agent; stopping the agent stops it.
    CHECK(wait_for([&] { return processes_under(data).size() == 1; }, seconds(10)));
    auto stop = run_hjob({"agent", "stop", "--data-dir", data});
    INFO(stop.out << stop.err);
    CHECK(stop.status == 0);
    CHECK(processes_under(data).empty());
}

TEST_CASE("agent: alloc status and logs refuse unknown and malformed ids") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", tmp.write("w.hcl", small_job("w", 2, "v1"))}).status == 0);
    auto unknown = run_hjob({"alloc", "status", "--data-dir", data, "ffffffff"});
    CHECK(unknown.status == 1);
    CHECK(has(unknown.err, "no allocation with id or prefix \"ffffffff\""));
    auto bad = run_hjob({"alloc", "status", "--data-dir", data, "zz"});
    CHECK(bad.status == 1);
    CHECK(has(bad.err, "only hexadecimal digits and dashes"));
    auto pending = run_hjob({"alloc", "logs", "--data-dir", data, "-"});
    CHECK(pending.status == 1);
    CHECK(has(pending.err, "at least 2 characters"));
}

TEST_CASE("agent: apply starts the agent and follows the rollout of 3 checked instances and exits 0 once it succeeds") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    AgentCleanup cleanup{data};
    const std::string job =
        "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"web\" {\n    count = 3\n"
        "    update {\n      max_parallel     = 3\n      min_healthy_time = \"1s\"\n      healthy_deadline = \"30s\"\n"
        "      progress_deadline = \"1m\"\n    }\n    network {\n      port \"http\" {}\n    }\n"
        "    service {\n      name = \"web\"\n      port = \"http\"\n      check {\n        type     = \"http\"\n"
        "        path     = \"/health\"\n        interval = \"1s\"\n        timeout  = \"1s\"\n      }\n    }\n"
        "    task \"server\" {\n      driver = \"raw_exec\"\n      config {\n        command = \"" +
        std::string(HJOB_BINARY_DIR) + "/hashiapp\"\n      }\n      resources {\n        cpu    = 50\n"
        "        memory = 64\n      }\n    }\n  }\n}\n";
    const auto t0 = std::chrono::steady_clock::now();
    auto apply = run_with_agent({"apply", "--data-dir", data, "--auto-approve", "--timeout", "60s", tmp.write("web.hcl", job)});
    INFO(apply.out << apply.err << read_file(data + "/agent.log"));
    CHECK(apply.status == 0);
    CHECK(std::chrono::steady_clock::now() - t0 < seconds(30));
    auto services = run_hjob({"services", "--data-dir", data, "--json"});
    INFO(services.out << services.err);
    REQUIRE(services.status == 0);
    int passing = 0;
    for (std::size_t at = 0; (at = services.out.find("\"passing\"", at)) != std::string::npos; ++at) ++passing;
    CHECK(passing >= 3);
    CHECK(run_hjob({"agent", "stop", "--data-dir", data}).status == 0);
}

// evaluate_job on a temporary state with the planner and no processes: failed allocations
// replaced as the reschedule policy allows, drained nodes emptied, the next batch of a rolling
// update placed once the previous one is healthy, a failed rollout held back.
#include <catch2/catch.hpp>

#include "deploy_fixture.hpp"
#include "runtime/apply/evaluate.hpp"
#include "runtime/apply/reschedule.hpp"
#include "../plan/plan_case.hpp"
#include "runtime/state/ids.hpp"

using namespace hjob::runtime;
using hjob::test::DeployState;
using hjob::test::service_job;

namespace {

constexpr UnixNanos sec = 1'000'000'000;

std::string with_reschedule(std::string job, const std::string& body) {
    const auto at = job.find("    task \"server\"");
    return job.insert(at, "    reschedule {\n" + body + "\n    }\n");
}

int count_version(const std::vector<Allocation>& allocs, int version) {
    return static_cast<int>(std::count_if(allocs.begin(), allocs.end(), [&](auto& a) { return a.job_version == version; }));
}

}  // namespace

TEST_CASE("evaluate_job replaces a failed allocation once its reschedule delay is over", "[evaluate]") {
    DeployState s;
    s.apply(with_reschedule(service_job("web", 2, "1", ""), "delay = \"10s\"\ndelay_function = \"constant\"\nunlimited = true"));
    const UnixNanos t0 = state::now_nanos();
    s.run_pending("web", t0);
    const Allocation victim = s.live("web").at(1);
    s.fail(victim.id, t0 + sec);

    auto early = apply::evaluate_job(s.store, "web", "alloc-failure", t0 + 5 * sec);
    CHECK_FALSE(early.changed);
    CHECK(s.live("web").size() == 2);  // the failed one still holds its slot

    auto due = apply::evaluate_job(s.store, "web", "alloc-failure", t0 + 12 * sec);
    REQUIRE(due.changed);
    REQUIRE(due.placed.size() == 1);
    REQUIRE(due.stopped == std::vector<std::string>{victim.id});
    CHECK(due.summary == "job web: 1 placed, 1 stopped, 0 updated in place (alloc-failure)");
    const auto live = s.live("web");
    REQUIRE(live.size() == 2);
    const Allocation& repl = live.at(1);
    CHECK(repl.id == due.placed[0]);
    CHECK(repl.index == victim.index);
    CHECK(repl.previous_allocation == victim.id);
    CHECK(repl.client_status == "pending");

    // Nothing more to do: a second evaluation writes nothing.
    const auto index = s.store.modify_index();
    CHECK_FALSE(apply::evaluate_job(s.store, "web", "again", t0 + 20 * sec).changed);
    CHECK(s.store.modify_index() == index);
}

TEST_CASE("evaluate_job stops rescheduling when the attempts within the interval are used up", "[evaluate]") {
    DeployState s;
    s.apply(with_reschedule(service_job("web", 1, "1", ""),
                            "attempts = 1\ninterval = \"1h\"\ndelay = \"5s\"\ndelay_function = \"constant\"\nunlimited = false"));
    const UnixNanos t0 = state::now_nanos();
    s.run_pending("web", t0);
    s.fail(s.live("web").at(0).id, t0 + sec);
    REQUIRE(apply::evaluate_job(s.store, "web", "alloc-failure", t0 + 10 * sec).placed.size() == 1);
    s.run_pending("web", t0 + 11 * sec);
    const auto second = s.live("web").at(0);
    s.fail(second.id, t0 + 20 * sec);
    CHECK_FALSE(apply::evaluate_job(s.store, "web", "alloc-failure", t0 + 60 * sec).changed);
    const auto live = s.live("web");
    REQUIRE(live.size() == 1);
    CHECK(live[0].id == second.id);
    CHECK(live[0].client_status == "failed");
}

TEST_CASE("evaluate_job stops the system allocation of a drained node", "[evaluate]") {
    DeployState s;
    s.apply(R"(job "agentd" {
  datacenters = ["dc1"]
  type = "system"
  group "agent" {
    task "agent" {
      driver = "raw_exec"
      config { command = "/bin/sleep" }
    }
  }
})");
    s.run_pending("agentd", state::now_nanos());
    REQUIRE(s.live("agentd").size() == 4);
    const std::string node = s.live("agentd").at(0).node_id;
    s.drain(node);
    const auto r = apply::evaluate_job(s.store, "agentd", "node-drain");
    REQUIRE(r.changed);
    CHECK(r.placed.empty());
    CHECK(r.stopped.size() == 1);
    const auto live = s.live("agentd");
    CHECK(live.size() == 3);
    for (const auto& a : live) CHECK(a.node_id != node);
}

TEST_CASE("evaluate_job places the next max_parallel batch once the previous one is healthy", "[evaluate]") {
    DeployState s;
    const std::string update = "max_parallel = 1\nmin_healthy_time = \"1s\"\nhealthy_deadline = \"1m\"\nprogress_deadline = \"2m\"";
    s.apply(service_job("web", 3, "1", update));
    s.run_pending("web", state::now_nanos());
    s.apply(service_job("web", 3, "2", update));
    auto live = s.live("web");
    REQUIRE(count_version(live, 1) == 1);
    REQUIRE(count_version(live, 0) == 2);

    CHECK_FALSE(apply::evaluate_job(s.store, "web", "deployment-watcher").changed);  // not healthy yet

    for (auto a : live)
        if (a.job_version == 1) a.client_status = "running", a.healthy = true, s.put(a);
    const auto r = apply::evaluate_job(s.store, "web", "deployment-watcher");
    REQUIRE(r.placed.size() == 1);
    CHECK(r.stopped.size() == 1);
    live = s.live("web");
    CHECK(count_version(live, 1) == 2);
    const auto d = s.latest_deployment("web");
    CHECK(d.groups.at("web").placed == 2);
    for (const auto& a : live)
        if (a.job_version == 1) CHECK(a.deployment_id == d.id);
}

TEST_CASE("evaluate_job holds a failed deployment's rollout back", "[evaluate]") {
    DeployState s;
    const std::string update = "max_parallel = 1";
    s.apply(service_job("web", 3, "1", update));
    s.run_pending("web", state::now_nanos());
    s.apply(service_job("web", 3, "2", update));
    auto d = s.latest_deployment("web");
    d.status = "failed";
    {
        auto tx = s.store.write();
        d.modify_index = s.store.next_index();
        s.store.put_deployment(d);
        tx.commit();
    }
    for (auto a : s.live("web"))
        if (a.job_version == 1) a.client_status = "running", a.healthy = true, s.put(a);
    CHECK_FALSE(apply::evaluate_job(s.store, "web", "deployment-watcher").changed);
    CHECK(count_version(s.live("web"), 0) == 2);
}

TEST_CASE("evaluate_job is a no-op for an unknown or stopped job", "[evaluate]") {
    DeployState s;
    const auto index = s.store.modify_index();
    const auto r = apply::evaluate_job(s.store, "nope", "test");
    CHECK_FALSE(r.changed);
    CHECK(s.store.modify_index() == index);
}

TEST_CASE("reschedule delays grow per the delay function and stop at max_delay", "[evaluate]") {
    hjob::ir::Job job = hjob::test::compile_job(with_reschedule(service_job("web", 1, "1", ""),
        "delay = \"10s\"\ndelay_function = \"exponential\"\nmax_delay = \"35s\"\nunlimited = true"));
    const hjob::ir::Group& g = job.groups.at(0);
    const UnixNanos t0 = 1'000 * sec;
    // A chain of failed allocations: c replaced b replaced a, each failed.
    std::vector<Allocation> chain(3);
    for (int i = 0; i < 3; ++i) {
        chain[i].id = std::string(1, static_cast<char>('a' + i));
        chain[i].client_status = "failed";
        chain[i].modify_time = t0 + i * sec;
        if (i > 0) chain[i].previous_allocation = chain[i - 1].id;
    }
    auto at = [&](int i) { return apply::reschedule_verdict(job, g, chain[i], chain, t0).at - (t0 + i * sec); };
    CHECK(at(0) == 10 * sec);  // first failure: delay
    CHECK(at(1) == 20 * sec);  // one earlier failure: doubled
    CHECK(at(2) == 35 * sec);  // 40 s capped by max_delay
    CHECK(apply::reschedule_verdict(job, g, chain[0], chain, t0 + 11 * sec).kind == apply::RescheduleVerdict::now);
    CHECK(apply::reschedule_verdict(job, g, chain[0], chain, t0 + 9 * sec).kind == apply::RescheduleVerdict::later);
}

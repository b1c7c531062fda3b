// deploy::step driven with a fake catalog and a fake clock on a temporary state: rolling
// updates batch by batch, health deadlines, failure with auto_revert, progress deadline,
// canaries with and without auto_promote.
#include <catch2/catch.hpp>

#include "deploy_fixture.hpp"
#include "runtime/apply/evaluate.hpp"
#include "runtime/deploy/control.hpp"
#include "runtime/deploy/step.hpp"
#include "runtime/state/ids.hpp"

using namespace hjob::runtime;
using hjob::test::DeployState;

namespace {

constexpr UnixNanos sec = 1'000'000'000;

/// A job whose group "web" registers service "web" with an http check.
std::string checked_job(int count, const std::string& version, const std::string& update) {
    return "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"web\" {\n    count = " + std::to_string(count) +
           "\n    network {\n      port \"http\" {}\n    }\n    update {\n" + update +
           "\n    }\n    service {\n      name = \"web\"\n      port = \"http\"\n      provider = \"nomad\"\n"
           "      check {\n        type = \"http\"\n        path = \"/health\"\n        interval = \"1s\"\n"
           "        timeout = \"1s\"\n      }\n    }\n    task \"server\" {\n      driver = \"raw_exec\"\n"
           "      config {\n        command = \"/bin/sleep\"\n      }\n      env {\n        VERSION = \"" + version +
           "\"\n      }\n    }\n  }\n}\n";
}

/// The catalog as the test says: every allocation registers "web", passing unless listed.
struct FakeHealth : deploy::HealthSource {
    std::set<std::string> critical, unregistered;
    std::vector<catalog::Instance> instances(const std::string& alloc) override {
        if (unregistered.count(alloc)) return {};
        catalog::Instance i;
        i.id = "_nomad-task-" + alloc + "-server-web-http";
        i.service = "web";
        i.alloc_id = alloc;
        i.status = critical.count(alloc) ? "critical" : "passing";
        return {i};
    }
};

struct Rollout {
    DeployState s;
    FakeHealth health;
    UnixNanos now = state::now_nanos();

    /// Runs what is pending and steps the watcher `seconds` later.
    void tick(int seconds) {
        s.run_pending("web", now);
        now += seconds * sec;
        deploy::step(s.store, now, health);
        s.run_pending("web", now);
    }
    int at_version(int v) {
        int n = 0;
        for (const auto& a : s.live("web")) n += a.job_version == v;
        return n;
    }
    std::string placed_of(int v) {
        for (const auto& a : s.live("web"))
            if (a.job_version == v) return a.id;
        return "";
    }
};

const std::string rolling = "max_parallel = 1\nmin_healthy_time = \"10s\"\nhealthy_deadline = \"1m\"\nprogress_deadline = \"5m\"";

}  // namespace

TEST_CASE("a deployment turns healthy after min_healthy_time and marks its version stable", "[deploy]") {
    Rollout r;
    r.s.apply(checked_job(3, "1", rolling));
    const auto d0 = r.s.latest_deployment("web");
    REQUIRE(d0.groups.at("web").placed == 3);
    r.tick(1);  // healthy from now on, for less than min_healthy_time
    CHECK(r.s.latest_deployment("web").status == "running");
    CHECK(r.s.latest_deployment("web").groups.at("web").healthy == 0);
    r.tick(10);
    const auto d = r.s.latest_deployment("web");
    CHECK(d.status == "successful");
    CHECK(d.status_description == "Deployment completed successfully");
    CHECK(d.groups.at("web").healthy == 3);
    CHECK(r.s.store.job_version("web", 0)->stable);
    for (const auto& a : r.s.live("web")) CHECK(a.healthy == true);
}

TEST_CASE("a rolling update replaces one allocation at a time as each turns healthy", "[deploy]") {
    Rollout r;
    r.s.apply(checked_job(3, "1", rolling));
    r.tick(1), r.tick(10);
    r.s.apply(checked_job(3, "2", rolling));
    int steps = 0;
    while (r.s.latest_deployment("web").status == "running" && steps++ < 20) {
        int undecided = 0, serving = 0;
        for (const auto& a : r.s.live("web")) {
            undecided += a.job_version == 1 && a.healthy != true;
            serving += a.job_version == 0 || a.healthy == true;
        }
        CHECK(undecided <= 1);  // max_parallel = 1
        CHECK(serving >= 2);    // never fewer than count - max_parallel healthy
        r.tick(6);
    }
    const auto d = r.s.latest_deployment("web");
    CHECK(d.status == "successful");
    CHECK(d.job_version == 1);
    CHECK(d.groups.at("web").placed == 3);
    CHECK(d.groups.at("web").healthy == 3);
    CHECK(r.at_version(1) == 3);
    CHECK(r.s.store.job_version("web", 1)->stable);
    CHECK(steps >= 6);  // three batches, each healthy for 10 s, ticks of 6 s
}

TEST_CASE("an allocation that stays critical past healthy_deadline fails the deployment and auto_revert reverts", "[deploy]") {
    Rollout r;
    const std::string update = rolling + "\nauto_revert = true";
    r.s.apply(checked_job(3, "1", update));
    r.tick(1), r.tick(10);
    REQUIRE(r.s.store.job_version("web", 0)->stable);
    r.s.apply(checked_job(3, "bad", update));
    const std::string bad = r.placed_of(1);
    r.health.critical.insert(bad);
    r.tick(1);  // first judged now
    r.tick(59);
    CHECK(r.s.latest_deployment("web").status == "running");
    r.tick(1);  // 60 s since first judged: healthy_deadline
    auto all = r.s.store.deployments("web");
    REQUIRE(all.size() == 3);
    const auto& failed = all[1];
    CHECK(failed.status == "failed");
    CHECK(failed.status_description == "Failed due to unhealthy allocations - rolling back to job version 0");
    CHECK(failed.groups.at("web").unhealthy == 1);
    const auto job = r.s.store.job("web");
    CHECK(job->current_version == 2);
    CHECK(hjob::runtime::apply::spec_hash(r.s.store.job_version("web", 2)->job) ==
          hjob::runtime::apply::spec_hash(r.s.store.job_version("web", 0)->job));
    CHECK(all[0].job_version == 2);
    CHECK(all[0].status == "running");
    // The revert rolls out and succeeds: three allocations of the good spec, all healthy.
    for (int i = 0; i < 10 && r.s.latest_deployment("web").status == "running"; ++i) r.tick(6);
    CHECK(r.s.latest_deployment("web").status == "successful");
    CHECK(r.at_version(2) == 3);
    CHECK(r.s.live("web").size() == 3);
}

TEST_CASE("a failed task fails the deployment at once; without auto_revert the rollout stops", "[deploy]") {
    Rollout r;
    r.s.apply(checked_job(3, "1", rolling));
    r.tick(1), r.tick(10);
    r.s.apply(checked_job(3, "2", rolling));
    r.tick(1);
    r.s.fail(r.placed_of(1), r.now);
    r.now += sec;
    deploy::step(r.s.store, r.now, r.health);
    const auto d = r.s.latest_deployment("web");
    CHECK(d.status == "failed");
    CHECK(d.status_description == "Failed due to unhealthy allocations");
    CHECK(r.s.store.job("web")->current_version == 1);
    CHECK(r.at_version(0) == 2);  // the rest is held back
    apply::evaluate_job(r.s.store, "web", "test", r.now + 3600 * sec);
    CHECK(r.at_version(0) == 2);
}

TEST_CASE("services not yet registered keep an allocation undecided; progress_deadline fails a stuck deployment", "[deploy]") {
    Rollout r;
    r.s.apply(checked_job(1, "1", "max_parallel = 1\nhealth_check = \"manual\"\nprogress_deadline = \"30s\""));
    r.tick(29);
    CHECK(r.s.latest_deployment("web").status == "running");
    r.tick(2);
    CHECK(r.s.latest_deployment("web").status == "failed");
    CHECK(r.s.latest_deployment("web").status_description == "Failed due to progress deadline");

    Rollout u;
    u.s.apply(checked_job(1, "1", rolling));
    u.health.unregistered.insert(u.s.live("web").at(0).id);
    u.tick(1), u.tick(20);
    CHECK(u.s.latest_deployment("web").groups.at("web").healthy == 0);
    u.health.unregistered.clear();
    u.tick(1), u.tick(10);
    CHECK(u.s.latest_deployment("web").status == "successful");
}

TEST_CASE("canaries wait for promotion; auto_promote promotes them once healthy", "[deploy]") {
    for (const bool automatic : {false, true}) {
        Rollout r;
        const std::string update = rolling + "\ncanary = 1\nauto_promote = " + (automatic ? "true" : "false");
        r.s.apply(checked_job(2, "1", update));
        r.tick(1), r.tick(10);
        REQUIRE(r.s.latest_deployment("web").status == "successful");
        r.s.apply(checked_job(2, "2", update));
        r.tick(1), r.tick(10);
        auto d = r.s.latest_deployment("web");
        REQUIRE(d.groups.at("web").desired_canaries == 1);
        CHECK(d.groups.at("web").promoted == automatic);
        if (!automatic) {
            CHECK(d.status_description == "Deployment is running but requires manual promotion");
            r.tick(6);
            CHECK(r.at_version(0) == 2);  // nothing moves before promotion
            auto tx = r.s.store.write();
            deploy::promote(r.s.store, d, r.now);
            tx.commit();
            apply::evaluate_job(r.s.store, "web", "promote", r.now);
        }
        for (int i = 0; i < 10 && r.s.latest_deployment("web").status == "running"; ++i) r.tick(6);
        CHECK(r.s.latest_deployment("web").status == "successful");
        CHECK(r.at_version(1) == 2);
        CHECK(r.s.live("web").size() == 2);
    }
}

TEST_CASE("promote refuses canaries that are not healthy yet", "[deploy]") {
    Rollout r;
    const std::string update = rolling + "\ncanary = 1";
    r.s.apply(checked_job(2, "1", update));
    r.tick(1), r.tick(10);
    r.s.apply(checked_job(2, "2", update));
    auto d = r.s.latest_deployment("web");
    auto tx = r.s.store.write();
    CHECK_THROWS_WITH(deploy::promote(r.s.store, d, r.now),
                      "Task group \"web\" has 0/1 healthy canaries; promote again once they are healthy");
}

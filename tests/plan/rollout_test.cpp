// Rollouts across several plans: a rolling update continues as allocations turn healthy, and
// canaries wait for promotion, then replace the allocations whose index they took.
#include <catch2/catch.hpp>

#include "plan_case.hpp"

using namespace hjob::runtime;
namespace ir = hjob::ir;

namespace {

std::string job_text(const std::string& image, int canary) {
    return R"(job "web" {
  group "web" {
    count = 3
    update {
      max_parallel = 1
      canary       = )" + std::to_string(canary) + R"(
    }
    task "server" {
      driver = "docker"
      config { image = ")" + image + R"(" }
    }
  }
})";
}

/// What applying `plan` leaves: its placements running (healthy or not yet), its stops gone.
std::vector<Allocation> applied(std::vector<Allocation> allocs, const Plan& plan, std::optional<bool> healthy) {
    for (const auto& s : plan.stop) std::erase_if(allocs, [&](const Allocation& a) { return a.id == s.id; });
    for (auto& a : allocs)
        for (const auto& id : plan.inplace)
            if (a.id == id) a.job_version = plan.job_version;
    for (Allocation a : plan.place) {
        a.client_status = "running";
        a.healthy = healthy;
        allocs.push_back(a);
    }
    return allocs;
}

struct Rollout {
    JobVersion v0, v1;
    std::vector<Node> nodes = hjob::test::default_nodes();
    std::vector<Allocation> allocs;

    explicit Rollout(int canary) {
        v0.job = hjob::test::compile_job(job_text("nginx:1", canary));
        v1.job = hjob::test::compile_job(job_text("nginx:2", canary));
        v1.version = 1;
        allocs = hjob::test::running_allocs(v0.job, nodes);
    }
    Plan plan(const JobVersion& current, const Deployment* d, const std::string& seed) {
        PlanInput in;
        in.job = &v1.job;
        in.current = &current;
        in.older_versions = {&v0};
        in.nodes = nodes;
        in.job_allocs = allocs;
        in.active_deployment = d;
        in.id_seed = seed;
        return make_plan(in);
    }
};

}  // namespace

TEST_CASE("a rolling update waits for the deployment's allocations to turn healthy", "[plan]") {
    Rollout r(0);
    const Plan first = r.plan(r.v0, nullptr, "a");
    REQUIRE(first.groups[0].destructive == 1);
    REQUIRE(first.groups[0].ignore == 2);
    REQUIRE(first.deployment);
    Deployment d = *first.deployment;
    r.allocs = applied(r.allocs, first, std::nullopt);

    const Plan waiting = r.plan(r.v1, &d, "b");  // the new allocation is not healthy yet
    CHECK_FALSE(waiting.spec_changed);
    CHECK(waiting.groups[0].destructive == 0);
    CHECK(waiting.groups[0].ignore == 3);
    CHECK_FALSE(waiting.has_changes());

    for (auto& a : r.allocs)
        if (a.deployment_id == d.id) a.healthy = true;
    const Plan next = r.plan(r.v1, &d, "c");
    CHECK(next.groups[0].destructive == 1);
    CHECK(next.groups[0].ignore == 2);  // one up to date, one still held back
    CHECK(next.place.at(0).deployment_id == d.id);
    CHECK_FALSE(next.deployment);  // it joins the running one
}

TEST_CASE("canaries wait for promotion, then the rollout replaces the allocations they shadow", "[plan]") {
    Rollout r(1);
    const Plan first = r.plan(r.v0, nullptr, "a");
    REQUIRE(first.groups[0].canary == 1);
    REQUIRE(first.groups[0].ignore == 3);
    REQUIRE(first.place.size() == 1);
    CHECK(first.place[0].canary);
    CHECK(first.stop.empty());
    Deployment d = *first.deployment;
    CHECK(d.groups.at("web").placed_canaries == std::vector<std::string>{first.place[0].id});
    r.allocs = applied(r.allocs, first, true);

    const Plan unpromoted = r.plan(r.v1, &d, "b");
    CHECK(unpromoted.groups[0].canary == 0);
    CHECK(unpromoted.groups[0].ignore == 4);
    CHECK(unpromoted.groups[0].ignore_reason == "waiting for canary promotion");
    CHECK_FALSE(unpromoted.has_changes());

    d.groups["web"].promoted = true;
    const Plan promoted = r.plan(r.v1, &d, "c");
    REQUIRE(promoted.groups[0].stop == 1);
    const int canary_index = first.place[0].index;
    bool stopped_shadowed = false;
    for (const auto& s : promoted.stop)
        for (const auto& a : r.allocs)
            if (a.id == s.id && a.index == canary_index && a.job_version == 0) stopped_shadowed = true;
    CHECK(stopped_shadowed);
    CHECK(promoted.groups[0].destructive == 1);
    CHECK(promoted.groups[0].ignore == 2);
}

TEST_CASE("a job that is stopped stops every allocation and cancels its deployment", "[plan]") {
    Rollout r(0);
    Deployment d;
    d.id = "d1";
    d.job_version = 0;
    PlanInput in;
    in.job = &r.v0.job;
    in.current = &r.v0;
    in.nodes = r.nodes;
    in.job_allocs = r.allocs;
    in.active_deployment = &d;
    in.stop_job = true;
    const Plan p = make_plan(in);
    CHECK(p.stop.size() == 3);
    CHECK(p.place.empty());
    CHECK(p.cancel_deployment == "d1");
    CHECK(p.diff.type == DiffType::Deleted);
    CHECK(p.has_changes());
}

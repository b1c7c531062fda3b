// The rule engine: which changes are create/destroy and which field it names, and that the
// annotation and the counts of a plan agree.
#include <catch2/catch.hpp>

#include "plan_case.hpp"
#include "runtime/plan/rules.hpp"

using namespace hjob::runtime;
namespace ir = hjob::ir;

namespace {

const char* base = R"(job "j" {
  meta { owner = "a" }
  group "g" {
    count = 2
    task "t" {
      driver = "docker"
      config { image = "redis:7" }
      kill_timeout = "5s"
      logs { max_files = 10 }
      resources {
        cpu    = 100
        memory = 128
      }
    }
  }
})";

rules::GroupVerdict verdict(const std::string& from, const std::string& to) {
    const ir::Job a = hjob::test::compile_job(from), b = hjob::test::compile_job(to);
    const GroupDiff d = diff_jobs(&a, &b).groups.at(0);
    return rules::group_verdict(a, a.groups[0], b, b.groups[0], d, true);
}

std::string replace(std::string s, const std::string& what, const std::string& with) {
    s.replace(s.find(what), what.size(), with);
    return s;
}

}  // namespace

TEST_CASE("destructive changes name the field that forced them", "[plan]") {
    struct Case {
        const char* what;
        const char* with;
        const char* reason;
    };
    const Case cases[] = {
        {"redis:7", "redis:8", "Task \"t\": Config.image"},
        {"driver = \"docker\"", "driver = \"podman\"", "Task \"t\": Driver"},
        {"memory = 128", "memory = 256", "Task \"t\": Resources.MemoryMB"},
        {"owner = \"a\"", "owner = \"b\"", "Task \"t\": Meta[owner]"},  // job meta reaches every task
        {"logs { max_files = 10 }", "logs {\n max_files = 10\n disabled = true\n}", "Task \"t\": LogConfig.Disabled"},
        {"count = 2", "count = 2\n ephemeral_disk { size = 500 }", "EphemeralDisk.SizeMB"},
    };
    for (const auto& c : cases) {
        INFO(c.with);
        const auto v = verdict(base, replace(base, c.what, c.with));
        CHECK(v.overall.kind == rules::Verdict::destructive);
        CHECK(v.overall.reason == c.reason);
    }
}

TEST_CASE("in-place changes stay in place", "[plan]") {
    const char* changes[][2] = {
        {"kill_timeout = \"5s\"", "kill_timeout = \"30s\""},
        {"logs { max_files = 10 }", "logs { max_files = 3 }"},
        {"count = 2", "count = 5"},
        {"count = 2", "count = 2\n update { max_parallel = 3 }"},
    };
    for (const auto& c : changes) {
        INFO(c[1]);
        CHECK(verdict(base, replace(base, c[0], c[1])).overall.kind == rules::Verdict::inplace);
    }
}

TEST_CASE("a plan's task annotations agree with its group counts", "[plan]") {
    const ir::Job before = hjob::test::compile_job(base);
    const ir::Job after = hjob::test::compile_job(replace(base, "kill_timeout = \"5s\"", "kill_timeout = \"9s\""));
    JobVersion current;
    current.job = before;
    PlanInput in;
    in.job = &after;
    in.current = &current;
    in.nodes = hjob::test::default_nodes();
    in.job_allocs = hjob::test::running_allocs(before, in.nodes);
    const Plan plan = make_plan(in);
    REQUIRE(plan.groups.size() == 1);
    CHECK(plan.groups[0].inplace == 2);
    CHECK(plan.groups[0].destructive == 0);
    CHECK(plan.diff.groups[0].tasks[0].annotations == std::vector<std::string>{"forces in-place update"});
    CHECK_FALSE(plan.has_changes());  // in-place only: Nomad's exit code 0
}

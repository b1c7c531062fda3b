// Rendering options the goldens do not cover: verbose output, colour, the diff on its own, and
// the human durations and Go quoting the text relies on.
#include <catch2/catch.hpp>

#include "plan_case.hpp"
#include "runtime/plan/flat.hpp"
#include "runtime/plan/render_common.hpp"

using namespace hjob::runtime;

namespace {

const char* job_text = R"(job "j" {
  group "g" {
    task "t" {
      driver = "exec"
      config { command = "/bin/true" }
    }
  }
})";

}  // namespace

TEST_CASE("verbose output shows the fields of added tasks and of the job", "[plan]") {
    const auto job = hjob::test::compile_job(job_text);
    PlanInput in;
    in.job = &job;
    in.nodes = hjob::test::default_nodes();
    const Plan plan = make_plan(in);
    const std::string terse = render_plan_text(plan);
    const std::string verbose = render_plan_text(plan, {false, true, true});
    CHECK(terse.find("command") == std::string::npos);
    CHECK(verbose.find("+ command: \"/bin/true\"") != std::string::npos);
    CHECK(verbose.find("+ Type:") != std::string::npos);
    CHECK(render_plan_text(plan, {false, false, false}).starts_with("Scheduler dry-run:\n"));
}

TEST_CASE("colour uses Nomad's ANSI codes and nothing else changes", "[plan]") {
    const auto job = hjob::test::compile_job(job_text);
    PlanInput in;
    in.job = &job;
    in.nodes = hjob::test::default_nodes();
    const Plan plan = make_plan(in);
    std::string coloured = render_plan_text(plan, {true, false, true});
    CHECK(coloured.find("\x1b[32m+\x1b[0m ") != std::string::npos);
    // Removing every escape sequence gives the plain text.
    std::string plain;
    for (std::size_t i = 0; i < coloured.size(); ++i) {
        if (coloured[i] == '\x1b') {
            while (i < coloured.size() && coloured[i] != 'm') ++i;
            continue;
        }
        plain += coloured[i];
    }
    CHECK(plain == render_plan_text(plan));
}

TEST_CASE("the diff of two versions renders on its own (history -p)", "[plan]") {
    const auto a = hjob::test::compile_job(job_text);
    auto b = a;
    b.groups[0].tasks[0].kill_timeout = 90'000'000'000;
    const std::string text = render_diff_text(diff_jobs(&a, &b));
    CHECK(text == "+/- Job: \"j\"\n+/- Task Group: \"g\"\n  +/- Task: \"t\"\n    +/- KillTimeout: \"5s\" => \"1m30s\"\n");
    CHECK(diff_jobs(&a, &a).type == DiffType::None);
}

TEST_CASE("durations are written for people", "[plan]") {
    using hjob::runtime::diffing::human_duration;
    CHECK(human_duration(0) == "0s");
    CHECK(human_duration(30'000'000'000) == "30s");
    CHECK(human_duration(60'000'000'000) == "1m");
    CHECK(human_duration(5'400'000'000'000) == "1h30m");
    CHECK(human_duration(1'500'000'000) == "1.5s");
    CHECK(human_duration(250'000'000) == "250ms");
    CHECK(human_duration(-2'000'000'000) == "-2s");
}

TEST_CASE("values are quoted as Go's %q does", "[plan]") {
    using hjob::runtime::render::go_quote;
    CHECK(go_quote("a\"b\\c\nd\te") == R"("a\"b\\c\nd\te")");
    CHECK(go_quote(std::string("\x01", 1)) == R"("\x01")");
    CHECK(go_quote("héllo") == "\"héllo\"");
}

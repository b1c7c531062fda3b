// End to end on a temporary data directory: plan -> apply -> status -> change -> plan shows
// the diff -> apply -> history lists two versions -> revert -> stop, plus the exit codes of
// --detailed-exitcode, the apply command the plan prints, and inspect of a stored job.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

#include "state_fixture.hpp"

using hjob::test::run_hjob;
using hjob::test::small_job;
using hjob::test::TempDir;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("plan then apply then status then change then history then revert then stop a job") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 2, "v1"));
    const auto v2 = dir.write("web2.hcl", small_job("web", 3, "v2"));

    auto plan = run_hjob({"plan", "--data-dir", data, v1});
    INFO(plan.out << plan.err);
    REQUIRE(plan.status == 0);
    CHECK(has(plan.out, "+ Job: \"web\""));
    CHECK(has(plan.out, "Job Modify Index: 0"));
    CHECK(has(plan.out, "hjob apply --data-dir " + data + " --check-index 0 " + v1));

    auto apply = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--check-index", "0", v1});
    INFO(apply.out << apply.err);
    REQUIRE(apply.status == 0);
    CHECK(has(apply.out, "version 0 (new), 2 placed"));

    auto status = run_hjob({"status", "--data-dir", data, "web"});
    REQUIRE(status.status == 0);
    CHECK(has(status.out, "Version          = 0"));
    CHECK(has(status.out, "web         0       2         0"));  // two allocations starting (pending)
    CHECK(run_hjob({"status", "--data-dir", data}).out.find("web  service  50") != std::string::npos);

    auto plan2 = run_hjob({"plan", "--data-dir", data, v2});
    INFO(plan2.out);
    REQUIRE(plan2.status == 0);
    CHECK(has(plan2.out, "+/- Job: \"web\""));
    CHECK(has(plan2.out, "\"v1\" => \"v2\""));
    CHECK(has(plan2.out, "Count: \"2\" => \"3\""));
    const auto index = std::to_string(std::stoll(plan2.out.substr(plan2.out.find("Job Modify Index: ") + 18)));

    auto apply2 = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--check-index", index, v2});
    INFO(apply2.out << apply2.err);
    REQUIRE(apply2.status == 0);
    CHECK(has(apply2.out, "version 1 (new)"));

    auto history = run_hjob({"history", "--data-dir", data, "-p", "web"});
    INFO(history.out);
    REQUIRE(history.status == 0);
    CHECK(has(history.out, "Version     = 1 (current)"));
    CHECK(has(history.out, "Version     = 0"));
    CHECK(has(history.out, "\"v1\" => \"v2\""));

    CHECK(run_hjob({"revert", "--data-dir", data, "web", "1"}).err.find("can't revert to current version") !=
          std::string::npos);
    auto revert = run_hjob({"revert", "--data-dir", data, "web", "0"});
    INFO(revert.out << revert.err);
    REQUIRE(revert.status == 0);
    CHECK(has(revert.out, "now version 2"));
    auto inspect = run_hjob({"inspect", "--data-dir", data, "web"});
    REQUIRE(inspect.status == 0);
    CHECK(has(inspect.out, "\"VERSION\": \"v1\""));

    auto stop = run_hjob({"stop", "--data-dir", data, "web"});
    INFO(stop.out << stop.err);
    REQUIRE(stop.status == 0);
    auto stopped = run_hjob({"status", "--data-dir", data, "web"});
    CHECK(has(stopped.out, "dead (stopped)"));
    CHECK(!has(stopped.out, " run "));
    REQUIRE(run_hjob({"stop", "--data-dir", data, "--purge", "web"}).status == 0);
    CHECK(run_hjob({"status", "--data-dir", data, "web"}).status == 1);
}

TEST_CASE("plan --detailed-exitcode exits 0 without changes and 2 with changes and 1 on errors") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 2, "v1"));
    CHECK(run_hjob({"plan", "--data-dir", data, "--detailed-exitcode", v1}).status == 2);
    CHECK(run_hjob({"plan", "--data-dir", data, v1}).status == 0);
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", v1}).status == 0);
    CHECK(run_hjob({"plan", "--data-dir", data, "--detailed-exitcode", v1}).status == 0);
    const auto v2 = dir.write("web2.hcl", small_job("web", 2, "v2"));
    CHECK(run_hjob({"plan", "--data-dir", data, "--detailed-exitcode", v2}).status == 2);
    const auto bad = dir.write("bad.hcl", "job \"x\" {\n  group \"g\" {\n    count = \"many\"\n  }\n}\n");
    auto r = run_hjob({"plan", "--data-dir", data, "--detailed-exitcode", bad});
    CHECK(r.status == 1);
    CHECK(has(r.err, "bad.hcl:3:"));
}

TEST_CASE("plan --json prints the plan and the indexes as JSON") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 2, "v1"));
    auto r = run_hjob({"plan", "--data-dir", data, "--json", v1});
    REQUIRE(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["job_id"] == "web");
    CHECK(doc["job_modify_index"] == 0);
    CHECK(doc["has_changes"] == true);
    CHECK(doc["place"].size() == 2);
}

TEST_CASE("plan prints the --var and --var-file flags in its apply command") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto job = dir.write("v.hcl",
                               "variable \"image\" {\n  default = \"a\"\n}\n" + small_job("v", 1, "${var.image}"));
    const auto vars = dir.write("vars.hcl", "image = \"b\"\n");
    auto r = run_hjob({"plan", "--data-dir", data, "--var", "image=c d", "--var-file", vars, job});
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "--check-index 0 --var 'image=c d' --var-file " + vars + " " + job));
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", "--var", "image=c d", job}).status == 0);
    CHECK(has(run_hjob({"inspect", "--data-dir", data, "v"}).out, "\"VERSION\": \"c d\""));
}

TEST_CASE("apply without a terminal refuses unless --auto-approve") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 1, "v1"));
    auto r = run_hjob({"apply", "--data-dir", data, v1}, "yes\n");
    CHECK(r.status == 1);
    CHECK(has(r.err, "not a terminal"));
    CHECK(has(r.err, "--auto-approve"));
    CHECK(run_hjob({"status", "--data-dir", data, "web"}).status == 1);  // nothing applied
}

TEST_CASE("applying the same job twice changes nothing the second time") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 2, "v1"));
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", v1}).status == 0);
    auto again = run_hjob({"apply", "--data-dir", data, "--auto-approve", v1});
    REQUIRE(again.status == 0);
    CHECK(has(again.out, "No changes"));
    auto history = run_hjob({"history", "--data-dir", data, "web"});
    CHECK(!has(history.out, "Version     = 1"));
}

TEST_CASE("apply on a terminal asks for confirmation and only yes approves") {
    // script(1) needs a pseudo-terminal (/dev/pts), which a fresh chroot may lack.
    if (std::system("script -qec 'test -t 0' /dev/null </dev/null >/dev/null 2>&1") != 0) {
        WARN("no script(1) or no pseudo-terminal here: the confirmation prompt is not tested");
        return;
    }
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 1, "v1"));
    // script(1) gives hjob a pseudo-terminal; the answer comes through it.
    const auto answer = [&](const std::string& reply) {
        const std::string cmd = "printf '" + reply + "\\n' | script -qec '" + hjob::test::hjob_path() + " apply --data-dir " +
                                data + " " + v1 + "' /dev/null 2>&1";
        std::string out;
        if (FILE* p = popen(cmd.c_str(), "r")) {
            char buf[4096];
            while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
            pclose(p);
        }
        return out;
    };
    const auto no = answer("no");
    CHECK(has(no, "Only 'yes' will be accepted"));
    CHECK(has(no, "cancelled"));
    CHECK(run_hjob({"status", "--data-dir", data, "web"}).status == 1);
    CHECK(has(answer("yes"), "Apply complete"));
    CHECK(run_hjob({"status", "--data-dir", data, "web"}).status == 0);
}

TEST_CASE("status --json and history --json describe the job") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", dir.write("a.hcl", small_job("web", 2, "a"))}).status == 0);
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", dir.write("b.hcl", small_job("web", 2, "b"))}).status == 0);
    const auto status = nlohmann::json::parse(run_hjob({"status", "--data-dir", data, "--json", "web"}).out);
    CHECK(status["job"]["current_version"] == 1);
    CHECK(status["allocations"].size() == 4);  // two replaced, two placed
    int running = 0;
    for (const auto& a : status["allocations"]) running += a["desired_status"] == "run" && a["job_version"] == 1;
    CHECK(running == 2);
    const auto list = nlohmann::json::parse(run_hjob({"status", "--data-dir", data, "--json"}).out);
    CHECK(list["jobs"].size() == 1);
    const auto history = nlohmann::json::parse(run_hjob({"history", "--data-dir", data, "--json", "-p", "web"}).out);
    REQUIRE(history["versions"].size() == 2);
    CHECK(history["versions"][0]["current"] == true);
    CHECK(history["versions"][0].contains("diff"));
    auto missing = run_hjob({"inspect", "--data-dir", data, "nope"});
    CHECK(missing.status == 2);
    CHECK(has(missing.err, "no job \"nope\""));
}

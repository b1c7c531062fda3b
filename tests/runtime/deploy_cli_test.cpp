// `hjob deployment list|status|promote|fail` on a state without an agent: what they print,
// what they refuse, and that fail with auto_revert submits the last stable version again.
#include <catch2/catch.hpp>

#include "deploy_fixture.hpp"
#include "runtime/deploy/control.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace rs = hjob::runtime::state;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

HjobRun hjob_in(const std::string& data, std::vector<std::string> args) {
    args.insert(args.end(), {"--data-dir", data});
    return run_hjob(args);
}

}  // namespace

TEST_CASE("deployment: list, status, promote and fail from the command line", "[deploy]") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    const std::string update = "max_parallel = 1\nauto_revert = true";
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", tmp.write("v0.hcl", service_job("web", 2, "1", update))})
                .status == 0);
    {
        // The agent would have marked it successful; here the test does.
        auto store = rs::Store::open(data);
        auto d = store.deployments("web").front();
        auto tx = store.write();
        hjob::runtime::deploy::succeed(store, d);
        tx.commit();
    }
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", tmp.write("v1.hcl", service_job("web", 2, "2", update))})
                .status == 0);

    auto list = hjob_in(data, {"deployment", "list"});
    INFO(list.out << list.err);
    CHECK(list.status == 0);
    CHECK(has(list.out, "ID        Job ID  Job Version  Status      Description"));
    CHECK(has(list.out, "web     1            running     Deployment is running"));
    CHECK(has(list.out, "web     0            successful  Deployment completed successfully"));

    auto status = hjob_in(data, {"deployment", "status", "web"});
    INFO(status.out << status.err);
    CHECK(status.status == 0);
    CHECK(has(status.out, "Job Version = 1"));
    CHECK(has(status.out, "Task Group  Desired  Placed  Healthy  Unhealthy  Progress Deadline"));
    CHECK(has(status.out, "web         2        1       0        0"));
    CHECK(has(hjob_in(data, {"deployment", "status", "--json", "web"}).out, "\"job_version\": 1"));

    auto promote = hjob_in(data, {"deployment", "promote", "web"});
    CHECK(promote.status == 1);
    CHECK(has(promote.err, "has no canaries waiting for promotion"));

    auto fail = hjob_in(data, {"deployment", "fail", "web"});
    INFO(fail.out << fail.err);
    CHECK(fail.status == 0);
    CHECK(has(fail.out, "failed. Job \"web\" reverted to the spec of version 0."));
    auto after = hjob_in(data, {"deployment", "list", "web"});
    CHECK(has(after.out, "failed      Deployment marked as failed - rolling back to job version 0"));
    CHECK(has(after.out, "web     2            running"));

    auto unknown = hjob_in(data, {"deployment", "status", "nope"});
    CHECK(unknown.status == 1);
    CHECK(has(unknown.err, "no deployment with id or prefix \"nope\" and no job \"nope\""));
    const std::string failed_id = fail.out.substr(fail.out.find('"') + 1, 8);
    auto again = hjob_in(data, {"deployment", "fail", failed_id});
    CHECK(again.status == 1);
    CHECK(has(again.err, "deployment " + failed_id + " is failed: only a running one can be failed"));
}

TEST_CASE("deployment: apply refuses a bad --timeout before committing anything", "[deploy]") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    auto r = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--timeout", "soon",
                       tmp.write("web.hcl", service_job("web", 1, "1", "max_parallel = 1"))});
    CHECK(r.status == 1);
    CHECK(has(r.err, "--timeout soon: "));
    CHECK(run_hjob({"status", "--data-dir", data, "web"}).status == 1);  // no job was registered
    auto zero = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--timeout", "0s",
                          tmp.write("web.hcl", service_job("web", 1, "1", "max_parallel = 1"))});
    CHECK(zero.status == 1);
    CHECK(has(zero.err, "--timeout 0s: must be above 0"));
}

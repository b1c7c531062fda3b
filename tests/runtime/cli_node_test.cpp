// `hjob node ...` end to end, and `hjob plan --nodes FILE` (a what-if fleet): registered nodes
// get their own loopback address, are found by name or id prefix, drain and eligibility
// change what the planner sees, and placement failures name every exhausted dimension.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "state_fixture.hpp"

using hjob::test::run_hjob;
using hjob::test::small_job;
using hjob::test::TempDir;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* fleet = R"([{"name": "client-1", "cpu": 1000, "memory": 1024, "attributes": {"kernel.name": "linux"}},
                        {"name": "client-2", "cpu": 1000, "memory": 100, "meta": {"rack": "r2"}}])";

}  // namespace

TEST_CASE("nodes register from flags and from a file and are listed with their addresses") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    auto reg = run_hjob({"node", "register", "--data-dir", data, "--from", dir.write("fleet.json", fleet)});
    INFO(reg.out << reg.err);
    REQUIRE(reg.status == 0);
    CHECK(has(reg.out, "127.0.0.2"));
    CHECK(has(reg.out, "127.0.0.3"));
    reg = run_hjob({"node", "register", "--data-dir", data, "--name", "client-3", "--cpu", "2000", "--memory", "2048",
                    "--class", "gpu", "--pool", "batch", "--attr", "rack=r1", "--meta", "team=x"});
    REQUIRE(reg.status == 0);
    CHECK(run_hjob({"node", "register", "--data-dir", data, "--name", "client-3", "--cpu", "1", "--memory", "1"}).status == 1);
    CHECK(run_hjob({"node", "register", "--data-dir", data, "--name", "c4"}).status == 1);  // no capacity

    auto list = run_hjob({"node", "list", "--data-dir", data, "--json"});
    REQUIRE(list.status == 0);
    const auto nodes = nlohmann::json::parse(list.out)["nodes"];
    REQUIRE(nodes.size() == 4);  // and the local machine
    std::set<std::string> addresses;
    for (const auto& n : nodes) addresses.insert(n["address"].get<std::string>());
    CHECK(addresses == std::set<std::string>{"127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"});

    auto c3 = run_hjob({"node", "status", "--data-dir", data, "--json", "client-3"});
    REQUIRE(c3.status == 0);
    const auto n = nlohmann::json::parse(c3.out);
    CHECK(n["node_class"] == "gpu");
    CHECK(n["node_pool"] == "batch");
    CHECK(n["attributes"]["rack"] == "r1");
    CHECK(n["attributes"]["unique.hostname"] == "client-3");
    CHECK(n["meta"]["team"] == "x");
    const std::string prefix = n["id"].get<std::string>().substr(0, 8);
    CHECK(has(run_hjob({"node", "status", "--data-dir", data, prefix}).out, "Name        = client-3"));

    REQUIRE(run_hjob({"node", "drain", "--data-dir", data, "client-3"}).status == 0);
    auto drained = nlohmann::json::parse(run_hjob({"node", "status", "--data-dir", data, "--json", "client-3"}).out);
    CHECK(drained["draining"] == true);
    CHECK(drained["eligible"] == false);
    REQUIRE(run_hjob({"node", "eligibility", "--data-dir", data, "--enable", "client-3"}).status == 0);
    CHECK(nlohmann::json::parse(run_hjob({"node", "status", "--data-dir", data, "--json", "client-3"}).out)["eligible"] == true);
    CHECK(run_hjob({"node", "eligibility", "--data-dir", data, "client-3"}).status == 1);  // needs --enable or --disable
    REQUIRE(run_hjob({"node", "remove", "--data-dir", data, "client-3"}).status == 0);
    auto gone = run_hjob({"node", "status", "--data-dir", data, "client-3"});
    CHECK(gone.status == 1);
    CHECK(has(gone.err, "no node matches \"client-3\""));
}

TEST_CASE("a node holding live allocations is removed only with --force") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", dir.write("web.hcl", small_job("web", 1, "a"))}).status ==
            0);
    const auto nodes = nlohmann::json::parse(run_hjob({"node", "list", "--data-dir", data, "--json"}).out)["nodes"];
    REQUIRE(nodes.size() == 1);
    const std::string local = nodes[0]["name"];
    auto refused = run_hjob({"node", "remove", "--data-dir", data, local});
    CHECK(refused.status == 1);
    CHECK(has(refused.err, "holds 1 live allocations"));
    CHECK(run_hjob({"node", "remove", "--data-dir", data, "--force", local}).status == 0);
}

TEST_CASE("plan --nodes plans against a what-if fleet and names every exhausted dimension") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    std::string job = small_job("web", 5, "a");
    job.replace(job.find("cpu    = 100"), 12, "cpu    = 300");
    const auto file = dir.write("web.hcl", job);
    auto r = run_hjob({"plan", "--data-dir", data, "--nodes", dir.write("fleet.json", fleet), "--detailed-exitcode", file});
    INFO(r.out << r.err);
    CHECK(r.status == 2);
    CHECK(has(r.out, "failed to place 1 allocation"));
    CHECK(has(r.out, "Dimension \"cpu\" exhausted on 1 nodes"));
    CHECK(has(r.out, "Dimension \"memory\" exhausted on 1 nodes"));
    auto saved = run_hjob({"plan", "--data-dir", data, "--nodes", dir.path + "/fleet.json", "--out", dir.path + "/p", file});
    CHECK(saved.status == 1);
    CHECK(has(saved.err, "what-if"));
    auto bad = run_hjob({"plan", "--data-dir", data, "--nodes", dir.write("bad.json", "{\"nodes\": 3}"), file});
    CHECK(bad.status == 1);
    CHECK(has(bad.err, "bad.json"));
}

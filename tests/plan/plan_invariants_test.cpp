// Invariants every golden plan must keep, whatever its expected text says: counts agree with
// the allocations listed, and the state after applying the plan fits every node (capacity,
// ports) and runs each index once (canaries aside).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "plan_case.hpp"

namespace fs = std::filesystem;
using namespace hjob::runtime;

namespace {

void check_counts(const Plan& plan) {
    for (const auto& g : plan.groups) {
        int failed = 0;
        for (const auto& f : plan.failures)
            if (f.group == g.name) failed = f.failed;
        int placed = 0, stopped = 0;
        for (const auto& a : plan.place) placed += a.group == g.name;
        for (const auto& s : plan.stop) stopped += s.group == g.name;
        INFO("group " << g.name);
        CHECK(placed == g.place + g.destructive + g.migrate + g.canary - failed);
        // A replacement that cannot be placed keeps its old allocation running.
        CHECK(stopped <= g.stop + g.destructive + g.migrate);
        CHECK(stopped >= g.stop);
    }
}

void check_fit(const hjob::test::PlanCase& c, const Plan& plan) {
    std::set<std::string> stopped;
    for (const auto& s : plan.stop) stopped.insert(s.id);
    std::vector<Allocation> after;
    for (const auto& a : c.allocs)
        if (!a.terminal() && !stopped.count(a.id)) after.push_back(a);
    after.insert(after.end(), plan.place.begin(), plan.place.end());
    std::map<std::string, std::pair<int, int>> used;
    std::map<std::string, std::multiset<int>> ports;
    std::map<std::string, std::multiset<int>> indexes;
    for (const auto& a : after) {
        used[a.node_id].first += a.resources.cpu;
        used[a.node_id].second += a.resources.memory_mb;
        for (const auto& [label, p] : a.resources.ports) ports[a.node_id].insert(p);
        if (c.after.type == "service" && !a.canary) indexes[a.group].insert(a.index);
    }
    for (const auto& n : c.nodes) {
        const auto other = c.other_usage.count(n.id) ? c.other_usage.at(n.id) : NodeUsage{};
        INFO("node " << n.name);
        CHECK(used[n.id].first + other.cpu <= n.cpu_mhz);
        CHECK(used[n.id].second + other.memory_mb <= n.memory_mb);
        const auto& ps = ports[n.id];
        for (int p : ps) CHECK(ps.count(p) == 1);
    }
    for (const auto& [group, idx] : indexes)
        for (int i : idx) {
            INFO("group " << group << " index " << i);
            CHECK(idx.count(i) == 1);  // canaries are left out: they share an old index until promotion
        }
}

}  // namespace

TEST_CASE("every golden plan keeps counts, capacity and ports consistent", "[plan]") {
    for (const auto& e : fs::directory_iterator(fs::path(HJOB_SOURCE_DIR) / "tests" / "plan")) {
        if (!e.is_directory() || !fs::exists(e.path() / "after.hcl")) continue;
        INFO(e.path().filename().string());
        const auto c = hjob::test::load_case(e.path());
        const Plan plan = make_plan(c.input());
        check_counts(plan);
        check_fit(c, plan);
    }
}

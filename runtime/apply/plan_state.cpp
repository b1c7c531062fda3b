// Loading a job's plan input from the state (plan_state.hpp).
#include "runtime/apply/plan_state.hpp"

#include <algorithm>
#include <set>

#include "runtime/state/host_ports.hpp"
#include "runtime/state/ids.hpp"

namespace hjob::runtime::apply {

namespace rs = runtime::state;
using runtime::Allocation;

namespace {

bool live(const Allocation& a) {
    return a.desired_status == "run" && a.client_status != "complete" && a.client_status != "failed" &&
           a.client_status != "lost";
}

// Every job's usage minus this job's own live allocations: what the planner must not touch.
void subtract_own(PlanState& ps, const std::map<std::string, rs::StoredUsage>& usage) {
    for (const auto& [node, u] : usage) ps.other_usage[node] = runtime::NodeUsage{u.cpu, u.memory_mb, u.disk_mb, u.ports};
    for (const auto& a : ps.allocs) {
        if (!live(a)) continue;
        auto it = ps.other_usage.find(a.node_id);
        if (it == ps.other_usage.end()) continue;
        auto& u = it->second;
        u.cpu -= a.resources.cpu;
        u.memory_mb -= a.resources.memory_mb;
        u.disk_mb -= a.resources.disk_mb;
        for (const auto& [label, port] : a.resources.ports)
            if (auto p = std::find(u.ports.begin(), u.ports.end(), port); p != u.ports.end()) u.ports.erase(p);
    }
}

}  // namespace

PlanState load_plan_state(rs::Store& store, const std::string& job_id,
                          const std::optional<std::vector<runtime::Node>>& fleet) {
    auto tx = store.read();
    PlanState ps = read_plan_state(store, job_id, fleet);
    tx.commit();
    return ps;
}

PlanState read_plan_state(rs::Store& store, const std::string& job_id,
                          const std::optional<std::vector<runtime::Node>>& fleet) {
    PlanState ps;
    ps.modify_index = store.modify_index();
    ps.record = store.job(job_id);
    if (fleet) ps.nodes = *fleet;
    else ps.nodes = store.nodes();  // moved, not copied: a ?: here would copy every node
    if (ps.record) {
        ps.current = store.job_version(job_id, ps.record->current_version);
        ps.allocs = store.allocations(job_id, true);
        if (fleet) {
            std::set<std::string> ids;
            for (const auto& n : *fleet) ids.insert(n.id);
            std::erase_if(ps.allocs, [&](const Allocation& a) { return !ids.count(a.node_id); });
        }
        std::set<int> versions;
        for (const auto& a : ps.allocs)
            if (a.job_version != ps.record->current_version) versions.insert(a.job_version);
        for (int v : versions)
            if (auto jv = store.job_version(job_id, v)) ps.older.push_back(std::move(*jv));
        for (auto& d : store.deployments(job_id))
            if (d.status == "running" || d.status == "paused") {
                ps.deployment = std::move(d);
                break;
            }
    }
    if (fleet) {
        subtract_own(ps, {});
        return ps;
    }
    const auto usage = store.node_usage();
    // Stored nodes are hosted on this machine: what other programs listen on is taken.
    rs::reserve_foreign_listeners(ps.nodes, usage, rs::host_listeners());
    subtract_own(ps, usage);
    return ps;
}

runtime::PlanInput PlanState::take_input(const ir::Job& job, const std::string& seed, bool stop_job) {
    runtime::PlanInput in;
    in.job = &job;
    in.current = current ? &*current : nullptr;
    for (const auto& v : older) in.older_versions.push_back(&v);
    in.nodes = std::move(nodes);
    in.job_allocs = allocs;
    in.other_usage = std::move(other_usage);
    in.active_deployment = deployment ? &*deployment : nullptr;
    in.now = rs::now_nanos();
    in.id_seed = seed;
    in.stop_job = stop_job;
    return in;
}

}  // namespace hjob::runtime::apply

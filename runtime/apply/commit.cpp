// One write transaction per command (commit.hpp): a kill at any moment leaves the state as
// it was before or as it is after, never a version without its allocations.
#include "runtime/apply/commit.hpp"

#include <map>
#include <set>

#include "runtime/state/ids.hpp"

namespace hjob::runtime::apply {

namespace rs = runtime::state;
using runtime::Allocation;

namespace {

runtime::JobRecord job_record(const PlanState& ps, const CommitRequest& req, runtime::Index index, bool new_version) {
    runtime::JobRecord r = ps.record.value_or(runtime::JobRecord{});
    r.id = req.job->id;
    r.namespace_ = req.job->namespace_;
    r.stopped = req.stop_job;
    if (!req.evaluation || !ps.record) r.status = req.stop_job ? "dead" : "pending";  // the agent sets "running"
    if (new_version) {
        r.current_version = req.plan->job_version;
        r.job_modify_index = index;
    }
    r.modify_index = index;
    return r;
}

runtime::JobVersion version_of(const CommitRequest& req, runtime::Index index) {
    runtime::JobVersion v;
    v.job = *req.job;
    v.version = req.plan->job_version;
    v.source = req.source;
    v.source_hash = spec_hash(*req.job);
    v.variables = req.variables;
    v.submitter = rs::user_at_host();
    v.submit_time = rs::now_nanos();
    v.job_modify_index = index;
    return v;
}

const Allocation* find(const PlanState& ps, const std::string& id) {
    for (const auto& a : ps.allocs)
        if (a.id == id) return &a;
    return nullptr;
}

void touch(Allocation& a, runtime::Index index, runtime::UnixNanos now) {
    a.modify_index = index;
    a.modify_time = now;
}

/// The deployment an allocation updated in place joins: the plan's new one when it rolls out
/// the allocation's group (as Nomad moves in-place updates into the deployment, whose health
/// watcher then judges them again), else none.
std::string inplace_deployment(const runtime::Plan& plan, const std::string& group) {
    if (plan.deployment && plan.deployment->groups.count(group)) return plan.deployment->id;
    return {};
}

// The new deployment, the active one it supersedes (cancelled) or continues; each counts the
// allocations this plan places for it (and those it moves in by an in-place update), as
// Nomad's plan applier bumps PlacedAllocs.
void write_deployments(rs::Store& store, const PlanState& ps, const CommitRequest& req, runtime::Index index,
                       const std::multimap<std::string, std::string>& joined) {
    const auto& plan = *req.plan;
    std::vector<runtime::Deployment> out;
    if (plan.deployment) {
        out.push_back(*plan.deployment);
        out.back().create_index = index;
    }
    if (ps.deployment) {
        out.push_back(*ps.deployment);
        if (plan.cancel_deployment == ps.deployment->id || req.stop_job) {
            out.back().status = "cancelled";
            out.back().status_description =
                req.stop_job ? "Cancelled because job is stopped" : "Cancelled due to newer version of job";
        }
    }
    for (auto& d : out) {
        bool placed = false;
        for (const auto& a : plan.place)
            if (a.deployment_id == d.id) {
                ++d.groups[a.group].placed;
                placed = true;
            }
        for (const auto& [group, dep] : joined)
            if (dep == d.id) ++d.groups[group].placed, placed = true;
        const bool changed = placed || d.create_index == index || d.status == "cancelled";
        if (!changed) continue;
        d.modify_index = index;
        store.put_deployment(d);
    }
}

}  // namespace

std::string spec_hash(const ir::Job& job) { return rs::sha256_hex(ir::to_json(job).dump()); }

bool plan_is_noop(const PlanState& ps, const runtime::Plan& plan) {
    return ps.record && !ps.record->stopped && !plan.spec_changed && plan.place.empty() && plan.stop.empty() &&
           plan.inplace.empty() && !plan.deployment && plan.cancel_deployment.empty();
}

CommitResult commit_plan(rs::Store& store, const PlanState& ps, const CommitRequest& req) {
    auto tx = store.write();
    if (const auto now_index = store.modify_index(); now_index != ps.modify_index)
        throw rs::StateError("the state changed while this command ran (index " + std::to_string(ps.modify_index) +
                             ", now " + std::to_string(now_index) + "); nothing was written, run it again");
    const auto result = write_plan(store, ps, req);
    tx.commit();
    return result;
}

CommitResult write_plan(rs::Store& store, const PlanState& ps, const CommitRequest& req) {
    const auto& plan = *req.plan;
    const runtime::Index index = store.next_index();
    const auto now = rs::now_nanos();
    const bool new_version = !ps.record || (plan.spec_changed && !req.stop_job);
    const auto record = job_record(ps, req, index, new_version);
    store.put_job(record);
    if (new_version) store.put_job_version(record.id, version_of(req, index));

    std::set<std::string> touched;
    for (Allocation a : plan.place) {
        a.create_index = index;
        a.create_time = now;
        touch(a, index, now);
        touched.insert(a.node_id);
        store.put_allocation(a);
    }
    for (const auto& s : plan.stop) {
        const Allocation* old = find(ps, s.id);
        if (!old) throw rs::StateError("the plan stops allocation " + s.id + ", which the state does not hold");
        Allocation a = *old;
        a.desired_status = "stop";
        a.desired_description = s.description;
        if (!s.client_status.empty()) a.client_status = s.client_status;
        touch(a, index, now);
        touched.insert(a.node_id);
        store.put_allocation(a);
    }
    std::multimap<std::string, std::string> joined;  // group -> deployment, one entry per joined allocation
    for (const auto& id : plan.inplace) {
        const Allocation* old = find(ps, id);
        if (!old) throw rs::StateError("the plan updates allocation " + id + ", which the state does not hold");
        Allocation a = *old;
        a.job_version = record.current_version;
        if (const auto dep = inplace_deployment(plan, a.group); !dep.empty()) {
            a.deployment_id = dep;
            a.healthy.reset();
            a.canary = false;
            joined.emplace(a.group, dep);
        }
        touch(a, index, now);
        store.put_allocation(a);
    }
    write_deployments(store, ps, req, index, joined);
    store.refresh_usage(touched);
    return CommitResult{index, record.job_modify_index, record.current_version, new_version};
}

}  // namespace hjob::runtime::apply

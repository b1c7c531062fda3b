// evaluate_job (evaluate.hpp): read, plan and commit in one write transaction, with the two
// things the planner leaves to its caller: which failed allocations the reschedule policy
// lets it replace now, and holding a failed deployment's rollout back.
#include "runtime/apply/evaluate.hpp"

#include <algorithm>

#include "runtime/apply/commit.hpp"
#include "runtime/apply/plan_state.hpp"
#include "runtime/apply/reschedule.hpp"
#include "runtime/state/ids.hpp"

namespace hjob::runtime::apply {

namespace rs = runtime::state;

namespace {

constexpr const char* rescheduled = "alloc was rescheduled because it failed";

const ir::Group* group_of(const ir::Job& job, const std::string& name) {
    for (const auto& g : job.groups)
        if (g.name == name) return &g;
    return nullptr;
}

/// Failed allocations the policy lets the planner replace now stay failed in the planner's
/// input (it places anew for them); the others are shown to it as running, so that their slot
/// stays taken until their delay is over, or for good once the attempts are used up.
std::vector<const Allocation*> present_failed(rs::Store& store, const PlanState& ps, PlanInput& in, UnixNanos now) {
    std::vector<const Allocation*> due;
    std::optional<std::vector<Allocation>> history;
    for (auto& a : in.job_allocs) {
        if (a.client_status != "failed" || a.desired_status != "run") continue;
        const ir::Group* g = group_of(*in.job, a.group);
        if (!g) continue;  // a removed group: the planner stops it
        if (!history) history = store.allocations(ps.record->id);
        if (reschedule_verdict(*in.job, *g, a, *history, now).kind == RescheduleVerdict::now) {
            for (const auto& orig : ps.allocs)
                if (orig.id == a.id) due.push_back(&orig);
        } else {
            a.client_status = "running";
        }
    }
    return due;
}

/// Each placement that fills a replaced failed allocation's slot (same group, same index
/// first) links to it, and the failed allocation is stopped, so it is not replaced twice.
void link_replacements(Plan& plan, std::vector<const Allocation*> due) {
    for (Allocation& p : plan.place) {
        if (!p.previous_allocation.empty()) continue;
        auto best = due.end();
        for (auto it = due.begin(); it != due.end(); ++it)
            if ((*it)->group == p.group && (best == due.end() || (*it)->index == p.index)) best = it;
        if (best == due.end()) continue;
        p.previous_allocation = (*best)->id;
        plan.stop.push_back(AllocStop{(*best)->id, (*best)->group, (*best)->node_id, rescheduled, ""});
        due.erase(best);
    }
}

/// The latest deployment of the current version when it failed: shown to the planner as
/// paused, which holds destructive updates back (Nomad's reconciler stops a failed rollout).
std::optional<Deployment> failed_rollout(rs::Store& store, const PlanState& ps) {
    if (ps.deployment) return std::nullopt;
    auto all = store.deployments(ps.record->id);
    if (all.empty() || all.front().status != "failed" || all.front().job_version != ps.record->current_version)
        return std::nullopt;
    Deployment d = all.front();
    d.status = "paused";
    return d;
}

std::string summary_of(const std::string& job_id, const Plan& plan, const std::string& reason) {
    return "job " + job_id + ": " + std::to_string(plan.place.size()) + " placed, " + std::to_string(plan.stop.size()) +
           " stopped, " + std::to_string(plan.inplace.size()) + " updated in place (" + reason + ")";
}

}  // namespace

EvalResult evaluate_job(rs::Store& store, const std::string& job_id, const std::string& reason, UnixNanos now) {
    if (now == 0) now = rs::now_nanos();
    EvalResult r;
    auto tx = store.write();  // read and commit in one transaction: no other writer in between
    PlanState ps = read_plan_state(store, job_id);
    if (!ps.record || !ps.current || ps.record->stopped) return r;
    const ir::Job& job = ps.current->job;
    PlanInput in = ps.take_input(job, rs::new_uuid());
    in.now = now;
    const auto due = present_failed(store, ps, in, now);
    const auto held = failed_rollout(store, ps);
    if (held) in.active_deployment = &*held;
    Plan plan = make_plan(in);
    if (!plan.errors.empty()) {
        r.summary = "job " + job_id + ": " + plan.errors.front();
        return r;
    }
    if (held)
        for (auto& p : plan.place)
            if (p.deployment_id == held->id) p.deployment_id.clear();
    link_replacements(plan, due);
    if (plan_is_noop(ps, plan)) return r;
    const auto result = write_plan(store, ps, CommitRequest{&plan, &job, ps.current->source, ps.current->variables, false, true});
    tx.commit();
    r.changed = true;
    r.modify_index = result.modify_index;
    for (const auto& p : plan.place) r.placed.push_back(p.id);
    for (const auto& s : plan.stop) r.stopped.push_back(s.id);
    r.inplace = static_cast<int>(plan.inplace.size());
    r.summary = summary_of(job_id, plan, reason);
    return r;
}

}  // namespace hjob::runtime::apply

// make_plan: the planner's pipeline. Version and diff first, then the cluster tables with this
// job's live allocations charged, then each group reconciled in name order (so resources are
// handed out in a fixed order), then the annotations taken from the same verdicts.
#include <algorithm>
#include <set>

#include "runtime/plan/context.hpp"

namespace hjob::runtime {

std::map<std::string, int> GroupPlan::updates() const {
    std::map<std::string, int> u;
    auto put = [&](const char* k, int v) {
        if (v > 0) u[k] = v;
    };
    put("create", place);
    put("destroy", stop);
    put("migrate", migrate);
    put("canary", canary);
    put("in-place update", inplace);
    put("create/destroy update", destructive);
    put("ignore", ignore);
    return u;
}

bool Plan::has_changes() const {
    if (!errors.empty()) return false;
    return std::any_of(groups.begin(), groups.end(), [](const GroupPlan& g) {
        return g.place + g.stop + g.migrate + g.destructive + g.canary > 0;
    });
}

namespace {

bool live(const Allocation& a) {
    return a.desired_status == "run" && a.client_status != "complete" && a.client_status != "failed" &&
           a.client_status != "lost";
}

bool active(const Deployment* d) { return d && (d->status == "running" || d->status == "paused"); }

void reconcile_all(planning::Context& cx) {
    std::map<std::string, std::vector<const Allocation*>> by_group;
    for (const Allocation& a : cx.in.job_allocs) {
        by_group[a.group].push_back(&a);
        if (!live(a)) continue;
        if (const std::uint32_t n = cx.cluster.find(a.node_id); n != sched::no_node) cx.cluster.charge(n, a.resources, +1);
    }
    std::set<std::string> names;
    for (const auto& g : cx.job.groups) names.insert(g.name);
    for (const auto& [name, allocs] : by_group) names.insert(name);
    const bool system = cx.job.type == "system" || cx.job.type == "sysbatch";
    for (const auto& name : names) {
        const ir::Group* g = nullptr;
        for (const auto& x : cx.job.groups)
            if (x.name == name) g = &x;
        auto& allocs = by_group[name];
        if (system) planning::reconcile_system(cx, g, name, allocs);
        else planning::reconcile_group(cx, g, name, allocs);
    }
}

}  // namespace

Plan make_plan(const PlanInput& in) {
    Plan plan;
    if (!in.job) {
        plan.errors.push_back("no job to plan");
        return plan;
    }
    const ir::Job& job = *in.job;
    plan.job_id = job.id;
    plan.job_type = job.type;
    const ir::Job* before = in.current ? &in.current->job : nullptr;
    plan.spec_changed = !before || ir::to_json(*before) != ir::to_json(job);
    plan.job_version = !in.current ? 0 : in.current->version + (plan.spec_changed ? 1 : 0);
    plan.diff = diff_jobs(before, in.stop_job ? nullptr : &job);
    if (before && before->type != job.type) {
        // Nomad refuses type transitions at registration (validateJobUpdate).
        plan.errors.push_back("cannot update job from type \"" + before->type + "\" to \"" + job.type +
                              "\": stop the job with --purge first");
        return plan;
    }
    planning::Context cx(in, plan);
    if (active(in.active_deployment)) {
        if (!plan.spec_changed && in.active_deployment->job_version == plan.job_version && !in.stop_job)
            cx.same_deployment = in.active_deployment;
        else
            plan.cancel_deployment = in.active_deployment->id;
    }
    for (const auto& g : job.groups)
        if (g.update && g.update->max_parallel > g.count && job.type == "service")
            plan.warnings.push_back("Group \"" + g.name + "\": update max parallel count is greater than task group count (" +
                                    std::to_string(g.update->max_parallel) + " > " + std::to_string(g.count) +
                                    "). A destructive change would result in the simultaneous replacement of all allocations.");
    // A periodic or parameterized job is a template: its launches and dispatches are the jobs
    // that get allocations, so planning it places nothing (as Nomad creates no evaluation).
    if ((job.periodic && job.periodic->enabled) || job.parameterized) {
        plan.notes.push_back(job.parameterized ? "Parameterized job: allocations are placed by each dispatch, not now."
                                               : "Periodic job: allocations are placed at each launch, not now.");
        if (!in.stop_job) {
            planning::annotate(cx);
            return plan;
        }
    }
    reconcile_all(cx);
    std::sort(plan.failures.begin(), plan.failures.end(), [](auto& a, auto& b) { return a.group < b.group; });
    planning::annotate(cx);
    return plan;
}

}  // namespace hjob::runtime

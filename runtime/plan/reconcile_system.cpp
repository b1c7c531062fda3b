// Reconciliation of a system or sysbatch group: one allocation on every node that is
// schedulable and feasible. Nodes filtered by constraints are not failures (as in Nomad); a
// feasible node without room is. Allocations on nodes that left the feasible set are stopped.
#include <algorithm>

#include "runtime/plan/context.hpp"

namespace hjob::runtime::planning {
namespace {

constexpr const char* not_needed = "alloc not needed due to job update";
constexpr const char* tainted = "alloc not needed as node is tainted";
constexpr const char* updating = "alloc is being updated due to job update";
constexpr const char* lost_desc = "alloc is lost since its node is down";

/// Nomad says nothing when a system group fits no node at all; hjob warns, with the reasons.
void warn_if_nowhere(Context& cx, const sched::GroupPlacer& placer, const std::string& name) {
    for (std::uint32_t n : placer.base())
        if (placer.feasible(n)) return;
    const AllocMetric m = placer.failure_metric(placer.base());
    std::string w = "Task group \"" + name + "\" can run on none of the " + std::to_string(placer.base().size()) +
                    " ready nodes in its datacenters and node pool";
    for (const auto& [c, k] : m.constraint_filtered) w += "; constraint \"" + c + "\" excludes " + std::to_string(k);
    cx.plan.warnings.push_back(w + ".");
}

}  // namespace

void reconcile_system(Context& cx, const ir::Group* g, const std::string& name, std::vector<const Allocation*> allocs) {
    GroupPlan gp;
    gp.name = name;
    std::sort(allocs.begin(), allocs.end(), [](auto* x, auto* y) { return std::tie(x->node_id, x->id) < std::tie(y->node_id, y->id); });
    const bool sysbatch = cx.job.type == "sysbatch";
    const bool stop_all = !g || cx.in.stop_job || g->count == 0;
    std::optional<sched::GroupPlacer> placer;
    if (g) placer.emplace(cx.cluster, cx.job, *g, cx.seed ^ sched::fnv1a(name));

    std::vector<std::uint8_t> covered(cx.cluster.size(), 0);
    std::vector<const Allocation*> destructive;
    auto release = [&](const Allocation& a) {
        if (const std::uint32_t n = cx.cluster.find(a.node_id); n != sched::no_node) cx.cluster.charge(n, a.resources, -1);
    };
    for (const Allocation* a : allocs) {
        if (a->desired_status != "run" || a->client_status == "failed" || a->client_status == "lost") continue;
        const std::uint32_t n = cx.cluster.find(a->node_id);
        const bool done = a->client_status == "complete";
        if (n == sched::no_node || node_gone(cx.cluster.node(n))) {
            if (!done) cx.stop(*a, lost_desc, "lost"), ++gp.stop, ++gp.lost;
            continue;
        }
        if (done && sysbatch) {
            covered[n] = 1;  // finished on this node: not run again
            continue;
        }
        if (done) continue;
        if (stop_all || covered[n]) {
            cx.stop(*a, not_needed), ++gp.stop, release(*a);
            continue;
        }
        std::string why;
        if (!cx.cluster.schedulable[n] || !placer->in_base(n) || !placer->may_stay(n, &why)) {
            cx.stop(*a, tainted), ++gp.stop, release(*a);
            continue;
        }
        covered[n] = 1;
        placer->note_existing(n);
        if (a->job_version == cx.plan.job_version) {
            ++gp.up_to_date;
            continue;
        }
        const rules::GroupVerdict& v = cx.verdict(a->job_version, *g);
        if (v.overall.kind == rules::Verdict::destructive) {
            destructive.push_back(a);
            if (gp.destructive_reason.empty()) gp.destructive_reason = v.overall.reason;
        } else {
            ++gp.inplace;
            cx.plan.inplace.push_back(a->id);
        }
    }
    if (stop_all) {
        cx.plan.groups.push_back(gp);
        return;
    }
    if (!destructive.empty() && cx.deploys(*g) && static_cast<int>(destructive.size()) > g->update->max_parallel) {
        gp.ignore += static_cast<int>(destructive.size()) - g->update->max_parallel;
        gp.ignore_reason = "held back by update.max_parallel = " + std::to_string(g->update->max_parallel);
        destructive.resize(g->update->max_parallel);
    }
    gp.destructive = static_cast<int>(destructive.size());
    for (const Allocation* a : destructive) cx.stop(*a, updating), release(*a), placer->forget_existing(cx.cluster.find(a->node_id));

    std::vector<std::uint32_t> todo;
    for (std::uint32_t n = 0; n < cx.cluster.size(); ++n)
        if (!covered[n] && placer->feasible(n)) todo.push_back(n);
    gp.place = static_cast<int>(todo.size());
    warn_if_nowhere(cx, *placer, name);
    std::string dep;
    if (cx.deploys(*g) && (cx.same_deployment || cx.plan.spec_changed) && gp.place + gp.destructive + gp.inplace > 0) {
        if (cx.same_deployment) {
            dep = cx.same_deployment->id;
        } else {
            if (!cx.plan.deployment) {
                Deployment d;
                d.id = sched::make_uuid(cx.ids);
                d.job_id = cx.job.id;
                d.job_version = cx.plan.job_version;
                cx.plan.deployment = std::move(d);
            }
            auto& dg = cx.plan.deployment->groups[name];
            dg.desired_total = gp.place + gp.destructive + gp.inplace + gp.up_to_date + gp.ignore;
            dg.auto_revert = g->update->auto_revert;
            dg.require_progress_by = cx.in.now + g->update->progress_deadline;
            dep = cx.plan.deployment->id;
        }
    }
    std::vector<std::uint32_t> failed;
    auto place_on = [&](std::uint32_t n, const Allocation* prev) {
        if (!placer->place_on(n, cx.ports)) {
            failed.push_back(n);
            return;
        }
        Allocation a = cx.make_alloc(*g, *placer, 0, n);
        if (prev) a.previous_allocation = prev->id;
        a.deployment_id = dep;
        cx.plan.place.push_back(std::move(a));
    };
    for (std::uint32_t n : todo) place_on(n, nullptr);
    for (const Allocation* a : destructive) place_on(cx.cluster.find(a->node_id), a);
    if (!failed.empty()) cx.plan.failures.push_back({name, static_cast<int>(failed.size()), placer->failure_metric(failed)});
    gp.ignore += gp.up_to_date;
    cx.plan.groups.push_back(gp);
}

}  // namespace hjob::runtime::planning

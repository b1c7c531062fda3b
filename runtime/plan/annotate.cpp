// Annotations of the diff, from the plan's counts and the rule engine's verdicts (never from
// the diff alone, unlike Nomad's, so "forces in-place update" and the counts agree).
#include "runtime/plan/context.hpp"

namespace hjob::runtime::planning {
namespace {

constexpr const char* destroy_update = "forces create/destroy update";

void annotate_tasks(Context& cx, GroupDiff& gd, const GroupPlan* gp) {
    if (gd.type == DiffType::Added || gd.type == DiffType::Deleted) {
        for (auto& t : gd.tasks) t.annotations = {gd.type == DiffType::Added ? "forces create" : "forces destroy"};
        return;
    }
    const ir::Group* g = nullptr;
    for (const auto& x : cx.job.groups)
        if (x.name == gd.name) g = &x;
    if (!g || !cx.in.current || cx.in.stop_job) return;
    const rules::GroupVerdict& v = cx.verdict(cx.in.current->version, *g);
    // A create/destroy update the in-place re-check forced (a constraint the node no longer meets).
    const bool recheck = gp && gp->destructive > 0 && v.overall.kind != rules::Verdict::destructive;
    for (auto& t : gd.tasks) {
        const auto tv = v.tasks.find(t.name);
        std::string why;
        if (t.type == DiffType::Added || t.type == DiffType::Deleted) why = v.group.reason;
        else if (tv != v.tasks.end() && tv->second.kind == rules::Verdict::destructive) why = tv->second.reason;
        else if (v.group.kind == rules::Verdict::destructive) why = v.group.reason;
        else if (recheck) why = gp->destructive_reason;
        if (!why.empty()) {
            t.annotations = {destroy_update};
            t.forced_by = why;
        } else if (t.type != DiffType::None) {
            t.annotations = {"forces in-place update"};
        }
    }
}

}  // namespace

void annotate(Context& cx) {
    for (auto& gd : cx.plan.diff.groups) {
        const GroupPlan* gp = nullptr;
        for (const auto& p : cx.plan.groups)
            if (p.name == gd.name) gp = &p;
        if (gp) gd.updates = gp->updates();
        for (auto& f : gd.fields)
            if (f.name == "Count" && f.type == DiffType::Edited)
                f.annotations = {std::stoll(f.new_value) > std::stoll(f.old_value) ? "forces create" : "forces destroy"};
        annotate_tasks(cx, gd, gp);
    }
}

}  // namespace hjob::runtime::planning

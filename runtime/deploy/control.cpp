// Promotion, failure with auto-revert, and success of a deployment (control.hpp).
#include "runtime/deploy/control.hpp"

#include <set>

#include "runtime/apply/commit.hpp"
#include "runtime/apply/plan_state.hpp"
#include "runtime/deploy/tracking.hpp"
#include "runtime/state/ids.hpp"

namespace hjob::runtime::deploy {

namespace rs = runtime::state;

namespace {

constexpr const char* canary_stopped = "alloc is a canary of a failed deployment";

void put(rs::Store& store, Deployment& d) {
    d.modify_index = store.next_index();
    store.put_deployment(d);
}

/// Nomad stops the canaries of a failed deployment: they are neither the old version nor a
/// promoted new one, and would otherwise stand beside the count.
void stop_canaries(rs::Store& store, const Deployment& d, UnixNanos now) {
    std::set<std::string> nodes;
    for (Allocation a : store.allocations(d.job_id, true)) {
        if (!a.canary || a.deployment_id != d.id) continue;
        const auto g = d.groups.find(a.group);
        if (g != d.groups.end() && g->second.promoted) continue;
        a.desired_status = "stop";
        a.desired_description = canary_stopped;
        a.modify_index = d.modify_index;
        a.modify_time = now;
        nodes.insert(a.node_id);
        store.put_allocation(a);
    }
    store.refresh_usage(nodes);
}

bool auto_revert(const Deployment& d) {
    for (const auto& [name, g] : d.groups)
        if (g.auto_revert) return true;
    return false;
}

}  // namespace

std::optional<JobVersion> last_stable(rs::Store& store, const std::string& job_id, int current) {
    const auto now = store.job_version(job_id, current);
    const std::string current_hash = now ? apply::spec_hash(now->job) : "";
    for (auto& v : store.job_versions(job_id))  // newest first
        if (v.version < current && v.stable && apply::spec_hash(v.job) != current_hash) return std::move(v);
    return std::nullopt;
}

std::optional<int> resubmit(rs::Store& store, const std::string& job_id, const JobVersion& target) {
    auto ps = apply::read_plan_state(store, job_id);
    if (!ps.record) throw rs::StateError("no job \"" + job_id + "\" to revert");
    const auto plan = make_plan(ps.take_input(target.job, rs::new_uuid()));
    if (!plan.errors.empty()) throw rs::StateError("cannot revert job \"" + job_id + "\": " + plan.errors.front());
    if (!plan.spec_changed) return std::nullopt;
    const auto r = apply::write_plan(store, ps, apply::CommitRequest{&plan, &target.job, target.source, target.variables});
    return r.version;
}

std::optional<int> fail(rs::Store& store, Deployment& d, const std::string& why, UnixNanos now) {
    d.status = "failed";
    d.status_description = why;
    put(store, d);
    stop_canaries(store, d, now);
    drop_tracking(store, d.id);
    if (!auto_revert(d)) return std::nullopt;
    const auto job = store.job(d.job_id);
    const auto target = job ? last_stable(store, d.job_id, job->current_version) : std::nullopt;
    std::optional<int> reverted;
    if (target) reverted = resubmit(store, d.job_id, *target);
    d.status_description = why + (reverted ? " - rolling back to job version " + std::to_string(target->version)
                                           : " - no stable job version to auto revert to");
    put(store, d);
    return reverted ? std::optional<int>(target->version) : std::nullopt;
}

int healthy_canaries(rs::Store& store, const Deployment& d, const std::string& group) {
    int n = 0;
    for (const auto& a : store.allocations(d.job_id, true))
        if (a.canary && a.deployment_id == d.id && a.group == group && a.healthy == true) ++n;
    return n;
}

void promote(rs::Store& store, Deployment& d, UnixNanos now, bool force) {
    if (d.status != "running") throw rs::StateError("deployment " + d.id + " is " + d.status + ", not running: nothing to promote");
    const auto version = store.job_version(d.job_id, d.job_version);
    bool any = false;
    for (auto& [name, g] : d.groups) {
        if (g.desired_canaries == 0 || g.promoted) continue;
        const int healthy = healthy_canaries(store, d, name);
        if (!force && healthy < g.desired_canaries)
            throw rs::StateError("Task group \"" + name + "\" has " + std::to_string(healthy) + "/" +
                                 std::to_string(g.desired_canaries) + " healthy canaries; promote again once they are healthy");
        any = true;
    }
    if (!any) throw rs::StateError("deployment " + d.id + " has no canaries waiting for promotion");
    for (auto& [name, g] : d.groups) {
        if (g.desired_canaries == 0 || g.promoted) continue;
        g.promoted = true;
        if (version)
            for (const auto& spec : version->job.groups)
                if (spec.name == name && spec.update && spec.update->progress_deadline > 0)
                    g.require_progress_by = now + spec.update->progress_deadline;
    }
    d.status_description = "Deployment is running";
    put(store, d);
}

void succeed(rs::Store& store, Deployment& d) {
    d.status = "successful";
    d.status_description = "Deployment completed successfully";
    put(store, d);
    drop_tracking(store, d.id);
    if (auto v = store.job_version(d.job_id, d.job_version)) {
        v->stable = true;
        store.put_job_version(d.job_id, *v);
    }
}

}  // namespace hjob::runtime::deploy

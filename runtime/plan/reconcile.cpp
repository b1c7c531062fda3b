// Reconciliation of a service or batch group, after Nomad's allocReconciler: what the group's
// live allocations become under the new version (keep, stop, in-place, create/destroy,
// canary, migrate, lost) and which allocations must be placed. Stops are decided first and
// their resources released, so that replacements can use the room they leave.
#include <algorithm>
#include <set>

#include "runtime/plan/context.hpp"

namespace hjob::runtime::planning {
namespace {

constexpr const char* not_needed = "alloc not needed due to job update";
constexpr const char* updating = "alloc is being updated due to job update";
constexpr const char* migrating = "alloc is being migrated";
constexpr const char* lost_desc = "alloc is lost since its node is down";

struct Buckets {
    std::vector<const Allocation*> live, migrate, lost, done, canaries;
};

Buckets classify(Context& cx, const std::vector<const Allocation*>& allocs, bool batch) {
    Buckets b;
    for (const Allocation* a : allocs) {
        if (a->desired_status != "run" || a->client_status == "failed" || a->client_status == "lost") continue;
        if (a->client_status == "complete") {
            if (batch) b.done.push_back(a);  // batch work that finished is never run again
            continue;
        }
        const std::uint32_t n = cx.cluster.find(a->node_id);
        // A disconnected node counts as down: hjob has no client that could reconnect.
        if (n == sched::no_node || node_gone(cx.cluster.node(n))) b.lost.push_back(a);
        else if (cx.cluster.node(n).draining) b.migrate.push_back(a);
        else b.live.push_back(a);
    }
    return b;
}

/// The deployment placements of this group join; creates the plan's deployment if needed.
std::string deployment_for(Context& cx, const ir::Group& g, const GroupPlan& gp) {
    if (!cx.deploys(g)) return {};
    if (cx.same_deployment) return cx.same_deployment->id;
    if (!cx.plan.spec_changed || gp.place + gp.destructive + gp.canary + gp.inplace + gp.migrate == 0) return {};
    if (!cx.plan.deployment) {
        Deployment d;
        d.id = sched::make_uuid(cx.ids);
        d.job_id = cx.job.id;
        d.job_version = cx.plan.job_version;
        d.create_index = d.modify_index = 0;
        cx.plan.deployment = std::move(d);
    }
    DeploymentGroup& dg = cx.plan.deployment->groups[g.name];
    dg.desired_total = g.count;
    dg.desired_canaries = gp.canary;
    dg.auto_revert = g.update->auto_revert;
    dg.auto_promote = g.update->auto_promote;
    dg.require_progress_by = cx.in.now + g.update->progress_deadline;
    if (gp.canary > 0 && !g.update->auto_promote)
        cx.plan.deployment->status_description = "Deployment is running but requires manual promotion";
    return cx.plan.deployment->id;
}

/// At most `max_parallel` minus the deployment's allocations not yet healthy (0 if one is unhealthy).
int rolling_limit(Context& cx, const ir::Group& g, const std::vector<const Allocation*>& live) {
    int limit = g.update->max_parallel;
    if (const Deployment* d = cx.same_deployment) {
        if (d->status == "paused" || d->status == "failed") return 0;
        for (const Allocation* a : live)
            if (a->deployment_id == d->id) {
                if (a->healthy == false) return 0;
                if (!a->healthy) --limit;
            }
    }
    return std::max(0, limit);
}

class GroupReconciler {
public:
    GroupReconciler(Context& cx, const ir::Group& g, Buckets b)
        : cx_(cx), g_(g), b_(std::move(b)), placer_(cx.cluster, cx.job, g, cx.seed ^ sched::fnv1a(g.name)) {
        gp_.name = g.name;
        for (const auto* list : {&b_.live, &b_.migrate, &b_.canaries})
            for (const Allocation* a : *list) placer_.note_existing(cx_.cluster.find(a->node_id));
    }

    GroupPlan run() {
        scale_down();
        classify_updates();
        plan_canaries();
        limit_updates();
        stop_replaced();
        place_all();
        gp_.ignore += gp_.up_to_date;
        return gp_;
    }

private:
    void release(const Allocation& a) {
        const std::uint32_t n = cx_.cluster.find(a.node_id);
        if (n == sched::no_node) return;
        cx_.cluster.charge(n, a.resources, -1);
        placer_.forget_existing(n);
    }

    void scale_down() {
        const int have = static_cast<int>(b_.live.size() + b_.migrate.size() + b_.done.size());
        int excess = have - g_.count;
        if (excess <= 0) return;
        std::vector<const Allocation*> all = b_.live;
        all.insert(all.end(), b_.migrate.begin(), b_.migrate.end());
        // Stop first an older allocation whose index a newer one holds (an old allocation beside
        // its promoted canary), then the highest indexes, as Nomad does.
        std::map<int, int> newest;
        for (const Allocation* a : all) newest[a->index] = std::max(newest[a->index], a->job_version);
        auto shadowed = [&](const Allocation* a) { return a->job_version < newest[a->index]; };
        std::stable_sort(all.begin(), all.end(), [&](auto* x, auto* y) {
            if (shadowed(x) != shadowed(y)) return shadowed(x);
            return x->index > y->index;
        });
        std::set<const Allocation*> gone;
        for (const Allocation* a : all) {
            if (excess-- <= 0) break;
            gone.insert(a);
            cx_.stop(*a, not_needed);
            release(*a);
            ++gp_.stop;
        }
        for (auto* list : {&b_.live, &b_.migrate}) std::erase_if(*list, [&](auto* a) { return gone.count(a) > 0; });
    }

    void classify_updates() {
        for (const Allocation* a : b_.live) {
            if (a->job_version == cx_.plan.job_version) {
                ++gp_.up_to_date;
                continue;
            }
            if (a->job_version != cached_version_) {  // one lookup per run of equal versions
                cached_version_ = a->job_version;
                cached_ = &cx_.verdict(a->job_version, g_);
            }
            const rules::GroupVerdict& v = *cached_;
            std::string why;
            if (v.overall.kind == rules::Verdict::destructive) {
                destructive_.push_back(a);
                if (gp_.destructive_reason.empty()) gp_.destructive_reason = v.overall.reason;
            } else if (!placer_.may_stay(cx_.cluster.find(a->node_id), &why)) {
                destructive_.push_back(a);  // Nomad's in-place re-check failed on this node
                if (gp_.destructive_reason.empty()) gp_.destructive_reason = why;
            } else {
                inplace_.push_back(a);
            }
        }
        gp_.inplace = static_cast<int>(inplace_.size());
        for (const Allocation* a : inplace_) cx_.plan.inplace.push_back(a->id);
    }

    void plan_canaries() {
        const int want = g_.update ? g_.update->canary : 0;
        const bool promoted = cx_.same_deployment && cx_.same_deployment->groups.count(g_.name) &&
                              cx_.same_deployment->groups.at(g_.name).promoted;
        if (want <= 0 || destructive_.empty() || promoted) return;
        gp_.canary = std::max(0, want - static_cast<int>(b_.canaries.size()));
        gp_.ignore += static_cast<int>(destructive_.size());
        gp_.ignore_reason = "waiting for canary promotion";
        canary_from_ = destructive_;
        destructive_.clear();
    }

    void limit_updates() {
        if (!destructive_.empty() && cx_.deploys(g_)) {
            const int limit = rolling_limit(cx_, g_, b_.live);
            if (static_cast<int>(destructive_.size()) > limit) {
                gp_.ignore += static_cast<int>(destructive_.size()) - limit;
                gp_.ignore_reason = "held back by update.max_parallel = " + std::to_string(g_.update->max_parallel);
                destructive_.resize(limit);
            }
        }
        const int migrate_limit = g_.migrate ? std::max(1, g_.migrate->max_parallel) : 1;
        if (static_cast<int>(b_.migrate.size()) > migrate_limit) {
            gp_.ignore += static_cast<int>(b_.migrate.size()) - migrate_limit;
            if (gp_.ignore_reason.empty())
                gp_.ignore_reason = "waiting to migrate (migrate.max_parallel = " + std::to_string(migrate_limit) + ")";
            b_.migrate.resize(migrate_limit);
        }
        gp_.destructive = static_cast<int>(destructive_.size());
        gp_.migrate = static_cast<int>(b_.migrate.size());
    }

    void stop_replaced() {
        for (const Allocation* a : b_.lost) {
            cx_.stop(*a, lost_desc, "lost");
            ++gp_.stop;
            ++gp_.lost;
        }
        for (const Allocation* a : destructive_) stop_for_replacement(*a, updating);
        for (const Allocation* a : b_.migrate) stop_for_replacement(*a, migrating);
    }

    void stop_for_replacement(const Allocation& a, const char* why) {
        stop_index_[&a] = cx_.plan.stop.size();
        cx_.stop(a, why);
        release(a);
    }

    /// Indexes for new allocations: the lost ones' first, then the lowest free ones. A flat
    /// bitmap, not a set: a million placements must not cost a million tree nodes.
    std::vector<std::pair<int, const Allocation*>> missing_indexes() {
        int missing = g_.count - static_cast<int>(b_.live.size() + b_.migrate.size() + b_.done.size());
        std::vector<std::pair<int, const Allocation*>> out;
        if (missing <= 0) return out;
        std::vector<bool> used(static_cast<std::size_t>(g_.count) + b_.live.size() + b_.migrate.size() + b_.done.size() + b_.lost.size() + 1);
        auto mark = [&](int i) {
            if (i < 0) return false;
            if (static_cast<std::size_t>(i) >= used.size()) used.resize(i + 1);
            const bool was = used[i];
            used[i] = true;
            return !was;
        };
        for (const auto* list : {&b_.live, &b_.migrate, &b_.done})
            for (const Allocation* a : *list) mark(a->index);
        out.reserve(missing);
        for (const Allocation* a : b_.lost)
            if (missing > 0 && mark(a->index)) out.emplace_back(a->index, a), --missing;
        for (int i = 0; missing > 0; ++i)
            if (mark(i)) out.emplace_back(i, nullptr), --missing;
        std::sort(out.begin(), out.end(), [](auto& x, auto& y) { return x.first < y.first; });
        return out;
    }

    void place_all() {
        std::string dep;
        const auto missing = missing_indexes();
        gp_.place = static_cast<int>(missing.size());
        cx_.plan.place.reserve(cx_.plan.place.size() + missing.size() + destructive_.size() + b_.migrate.size() + gp_.canary);
        dep = deployment_for(cx_, g_, gp_);
        std::vector<int> canary_indexes;
        for (const Allocation* a : canary_from_) canary_indexes.push_back(a->index);
        std::sort(canary_indexes.begin(), canary_indexes.end());
        for (int i = 0; i < gp_.canary; ++i) {
            const int index = i < static_cast<int>(canary_indexes.size()) ? canary_indexes[i] : i;
            if (Allocation* a = place(index, nullptr, dep)) {
                a->canary = true;
                if (cx_.plan.deployment && cx_.plan.deployment->id == dep)
                    cx_.plan.deployment->groups[g_.name].placed_canaries.push_back(a->id);
            }
        }
        for (const auto& [index, prev] : missing) place(index, prev, dep);
        for (const Allocation* a : destructive_) place(a->index, a, dep, true);
        for (const Allocation* a : b_.migrate) place(a->index, a, dep, true);
        if (failed_ > 0) cx_.plan.failures.push_back({g_.name, failed_, std::move(metric_)});
    }

    Allocation* place(int index, const Allocation* prev, const std::string& dep, bool replaces = false) {
        const std::uint32_t n = failed_ ? sched::no_node : placer_.place(cx_.ports);
        if (n == sched::no_node) {
            if (failed_++ == 0) metric_ = placer_.failure_metric();
            if (replaces) keep_running(*prev);
            return nullptr;
        }
        Allocation a = cx_.make_alloc(g_, placer_, index, n);
        if (prev) a.previous_allocation = prev->id;
        a.deployment_id = dep;
        cx_.plan.place.push_back(std::move(a));
        return &cx_.plan.place.back();
    }

    /// A replacement that cannot be placed leaves the old allocation running (as Nomad pops
    /// the stop from the plan).
    void keep_running(const Allocation& old) {
        const auto it = stop_index_.find(&old);
        if (it == stop_index_.end()) return;
        cx_.plan.stop[it->second].description.clear();  // removed after the group is done
        const std::uint32_t n = cx_.cluster.find(old.node_id);
        if (n != sched::no_node) cx_.cluster.charge(n, old.resources, +1), placer_.note_existing(n);
    }

    Context& cx_;
    const ir::Group& g_;
    Buckets b_;
    sched::GroupPlacer placer_;
    GroupPlan gp_;
    std::vector<const Allocation*> destructive_, inplace_, canary_from_;
    std::map<const Allocation*, std::size_t> stop_index_;
    int failed_ = 0;
    AllocMetric metric_;
    int cached_version_ = -1;
    const rules::GroupVerdict* cached_ = nullptr;
};

}  // namespace

void reconcile_group(Context& cx, const ir::Group* g, const std::string& name, std::vector<const Allocation*> allocs) {
    std::sort(allocs.begin(), allocs.end(), [](auto* x, auto* y) { return std::tie(x->index, x->id) < std::tie(y->index, y->id); });
    Buckets b = classify(cx, allocs, cx.job.type == "batch");
    if (!g || cx.in.stop_job) {
        GroupPlan gp;
        gp.name = name;
        for (const auto* list : {&b.live, &b.migrate})
            for (const Allocation* a : *list) cx.stop(*a, not_needed), ++gp.stop;
        for (const Allocation* a : b.lost) cx.stop(*a, lost_desc, "lost"), ++gp.stop, ++gp.lost;
        cx.plan.groups.push_back(gp);
        return;
    }
    // Unpromoted canaries of the deployment rolling out this version stand beside the count.
    if (const Deployment* d = cx.same_deployment) {
        const auto dg = d->groups.find(name);
        if (dg == d->groups.end() || !dg->second.promoted) {
            for (auto it = b.live.begin(); it != b.live.end();) {
                if ((*it)->canary && (*it)->deployment_id == d->id) b.canaries.push_back(*it), it = b.live.erase(it);
                else ++it;
            }
        }
    }
    const int canaries = static_cast<int>(b.canaries.size());
    GroupPlan gp = GroupReconciler(cx, *g, std::move(b)).run();
    gp.up_to_date += canaries;
    gp.ignore += canaries;
    cx.plan.groups.push_back(std::move(gp));
    std::erase_if(cx.plan.stop, [](const AllocStop& s) { return s.description.empty(); });
}

}  // namespace hjob::runtime::planning

// What the planner's steps share while making one plan: the input, the plan being filled, the
// cluster tables, the id generator, and the rule engine's verdicts cached per (job version,
// group) so that a million allocations cost one verdict per group.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "runtime/plan/plan.hpp"
#include "runtime/plan/rules.hpp"
#include "runtime/scheduler/cluster.hpp"
#include "runtime/scheduler/placer.hpp"
#include "runtime/scheduler/random.hpp"

namespace hjob::runtime::planning {

struct Context {
    const PlanInput& in;
    const ir::Job& job;
    Plan& plan;
    sched::Cluster cluster;
    sched::SplitMix ids;
    std::uint64_t seed = 0;
    std::map<int, const JobVersion*> versions;  ///< current and older versions by number
    std::map<std::pair<int, std::string>, rules::GroupVerdict> verdicts;
    /// The active deployment when it rolls out the plan's version (spec unchanged), else null.
    const Deployment* same_deployment = nullptr;
    std::string deployment_id;  ///< of the deployment placements join ("" until needed)
    std::vector<int> ports;     ///< scratch for placements

    Context(const PlanInput& input, Plan& p);

    /// The verdict for moving an allocation of `version` to the plan's version of `group`.
    const rules::GroupVerdict& verdict(int version, const ir::Group& group);
    /// Whether a deployment rolls this group out (update block with max_parallel > 0).
    bool deploys(const ir::Group& g) const;
    /// A new allocation of `group` with index `index` on node `n` with ports from `ports`.
    Allocation make_alloc(const ir::Group& group, const sched::GroupPlacer& placer, int index, std::uint32_t n);
    void stop(const Allocation& a, std::string description, std::string client_status = {});
};

/// Whether allocations on `n` are lost: the node is down or disconnected.
inline bool node_gone(const Node& n) { return n.status == "down" || n.status == "disconnected"; }

std::string alloc_name(const std::string& job, const std::string& group, int index);

/// Service and batch groups: place, stop, in-place, destructive, canary, migrate, lost.
void reconcile_group(Context& cx, const ir::Group* group, const std::string& name, std::vector<const Allocation*> allocs);
/// System and sysbatch groups: one allocation per feasible node.
void reconcile_system(Context& cx, const ir::Group* group, const std::string& name, std::vector<const Allocation*> allocs);
/// Puts the group counts and task annotations into the diff.
void annotate(Context& cx);

}  // namespace hjob::runtime::planning

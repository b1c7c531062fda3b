// What a plan reads from the state for one job, owned in one place so that the PlanInput
// handed to the planner (runtime/plan/plan.hpp) can point into it: the current and older
// versions, the nodes (or a what-if fleet), the job's allocations, the active deployment and
// what other jobs use on each node (from the per-node usage rows, never every allocation).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/model.hpp"
#include "runtime/plan/plan.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::apply {

struct PlanState {
    std::optional<runtime::JobRecord> record;
    std::optional<runtime::JobVersion> current;
    std::vector<runtime::JobVersion> older;  ///< versions still run by some allocation
    std::vector<runtime::Node> nodes;
    std::vector<runtime::Allocation> allocs;  ///< desired to run
    std::optional<runtime::Deployment> deployment;  ///< running or paused
    std::unordered_map<std::string, runtime::NodeUsage> other_usage;
    runtime::Index modify_index = 0;

    /// The job modify index a --check-index must match: the stored job's, 0 when new.
    runtime::Index job_modify_index() const { return record ? record->job_modify_index : 0; }
    /// The planner's input for `job` (which must outlive it). Moves the nodes and the usage
    /// into it (a plan reads every node; copying them is measurable): call it once.
    runtime::PlanInput take_input(const ir::Job& job, const std::string& seed, bool stop_job = false);
};

/// Reads everything the plan of job `job_id` needs in one read snapshot. With `fleet`, plans
/// against those nodes instead of the stored ones (a what-if): the job's allocations on nodes
/// outside the fleet are left out, so they are placed anew.
PlanState load_plan_state(runtime::state::Store& store, const std::string& job_id,
                          const std::optional<std::vector<runtime::Node>>& fleet = std::nullopt);

/// The same read inside a transaction the caller holds (an evaluation reads and commits in one
/// write transaction, so that nothing can move in between).
PlanState read_plan_state(runtime::state::Store& store, const std::string& job_id,
                          const std::optional<std::vector<runtime::Node>>& fleet = std::nullopt);

}  // namespace hjob::runtime::apply

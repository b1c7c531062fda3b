// Evaluations: the agent's way of asking the planner "what should this job look like now?"
// after something changed underneath it (an allocation failed, a node drains, a deployment's
// batch turned healthy). The job's current version is planned against the state, as
// `hjob plan` does, and the result committed in the same write transaction it was read in.
#pragma once

#include <string>
#include <vector>

#include "runtime/model.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::apply {

struct EvalResult {
    bool changed = false;  ///< something was committed
    std::vector<std::string> placed, stopped;  ///< allocation ids
    int inplace = 0;
    Index modify_index = 0;  ///< the commit's index, 0 when nothing was written
    std::string summary;     ///< one line: "job web: 1 placed, 1 stopped (alloc-failure)"
};

/// Plans the current version of `job_id` against the state and commits the result when it
/// changes anything: failed allocations replaced as their group's reschedule policy allows
/// (attempts, interval, delay), lost ones replaced, allocations on drained nodes stopped or
/// migrated, the next max_parallel batch of a rolling update placed. A failed deployment of
/// the current version holds further destructive updates back. A job that does not exist or
/// is stopped is a no-op. `reason` is for the summary ("alloc-failure", "node-drain", ...).
/// Throws StateError only when the state itself cannot be read or written.
EvalResult evaluate_job(state::Store& store, const std::string& job_id, const std::string& reason,
                        UnixNanos now = 0);

}  // namespace hjob::runtime::apply

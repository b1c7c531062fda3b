// What `hjob apply` does after its commit, like `nomad job run`: it shows the evaluation (the
// allocations the commit placed and stopped), then follows the job's deployment, per group
// placed/healthy/unhealthy, until it ends (redrawn in place on a terminal, a plain line per
// change otherwise). A job without a deployment is followed until the allocations it placed
// run (batch jobs: not at all). The agent's watcher (runtime/deploy) does the work; this only
// reads the state.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "runtime/plan/plan.hpp"
#include "runtime/state/store.hpp"

namespace hjob::cli {

struct FollowOptions {
    std::int64_t timeout_ns = 0;  ///< 0: the longest progress_deadline plus a minute (5m without deployment)
    bool terminal = false;        ///< redraw in place
    std::int64_t poll_ns = 250'000'000;
};

/// The options from apply's --timeout (a Go duration; empty: the default) and where output
/// goes (a terminal redraws in place). Throws StateError for a bad duration.
FollowOptions follow_options(const std::string& timeout, bool to_stderr);

/// Follows the rollout of the plan just committed. Returns 0 when the deployment succeeded
/// (or the allocations run), 1 when it failed (the message says whether the job was reverted
/// and how the revert went), was cancelled, or the timeout passed.
int follow_rollout(runtime::state::Store& store, const runtime::Plan& plan, std::ostream& out, const FollowOptions& opt);

}  // namespace hjob::cli

// The reschedule policy (Nomad's reschedule block) applied to failed allocations: how many
// times an allocation's chain of replacements already failed within the interval, how long
// the next replacement waits (constant, exponential or fibonacci delay), and so whether a
// failed allocation may be replaced now, later, or never.
#pragma once

#include <string>
#include <vector>

#include "runtime/model.hpp"

namespace hjob::runtime::apply {

struct RescheduleVerdict {
    enum Kind { now, later, never };
    Kind kind = never;
    UnixNanos at = 0;  ///< for `later`: when it becomes due
};

/// When the failed allocation `failed` (of group `group`) may be replaced. `history` holds
/// the job's allocations, stopped ones included (the chain of previous_allocation links is
/// followed through them). System jobs are never rescheduled (their restart policy is all).
RescheduleVerdict reschedule_verdict(const ir::Job& job, const ir::Group& group, const Allocation& failed,
                                     const std::vector<Allocation>& history, UnixNanos now);

/// When `a` failed: the latest finish time of its tasks, else its last modification.
UnixNanos failed_at(const Allocation& a);

}  // namespace hjob::runtime::apply

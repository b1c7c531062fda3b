// What changes a deployment's course, whether the watcher decides it (step.hpp) or the user
// (`hjob deployment promote|fail`): promotion of canaries, failure with its auto-revert, and
// success. Every function writes inside a write transaction the caller holds.
#pragma once

#include <optional>
#include <string>

#include "runtime/model.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::deploy {

/// The newest version of `job_id` older than `current` that is stable and whose spec differs
/// from the current one: what auto_revert goes back to.
std::optional<JobVersion> last_stable(state::Store& store, const std::string& job_id, int current);

/// Registers `target`'s spec again as a new version of `job_id` and commits its plan (as
/// `hjob revert` does). Returns the new version, or nullopt when the spec equals the current
/// one. Throws StateError when the plan has errors.
std::optional<int> resubmit(state::Store& store, const std::string& job_id, const JobVersion& target);

/// Fails running deployment `d` with `why` ("Failed due to unhealthy allocations"): writes it
/// failed, stops its canaries that were not promoted, and with auto_revert on one of its groups
/// re-submits the last stable version, saying so in the description ("... - rolling back to
/// job version 1"). Returns the reverted-to version when it reverted.
std::optional<int> fail(state::Store& store, Deployment& d, const std::string& why, UnixNanos now);

/// Promotes every canary group of running deployment `d`. Throws StateError when it is not
/// running, has no canaries waiting, or (unless `force`) a group's canaries are not all healthy
/// ("Task group \"web\" has 0/1 healthy canaries").
void promote(state::Store& store, Deployment& d, UnixNanos now, bool force = false);

/// Marks `d` successful and its job version stable.
void succeed(state::Store& store, Deployment& d);

/// The healthy canaries of group `group` of `d`.
int healthy_canaries(state::Store& store, const Deployment& d, const std::string& group);

}  // namespace hjob::runtime::deploy

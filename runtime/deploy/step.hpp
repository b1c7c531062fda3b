// The deployment watcher: one step advances every running deployment, after Nomad's
// deploymentwatcher. The agent calls it each tick; tests call it with a fake clock and a fake
// catalog. Per allocation of a deployment: healthy once healthy (health.hpp) for
// min_healthy_time, unhealthy when a task fails or it is not healthy within healthy_deadline.
// Per deployment: counts kept in its row, the next max_parallel batch through evaluate_job
// when an allocation turns healthy, failure on an unhealthy allocation or a passed
// progress_deadline (then auto_revert), auto_promote of healthy canaries, success once every
// group has its count healthy at the new version (the version becomes stable).
//
// Departure from Nomad: an unhealthy allocation fails its deployment at once, whatever the
// progress_deadline (Nomad may reschedule it within the deadline); hjob has one machine, where
// a replacement would fail the same way.
#pragma once

#include "runtime/deploy/health.hpp"
#include "runtime/model.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::deploy {

/// Advances every running deployment at time `now` with the state's catalog. Returns true when
/// it committed something (the agent's own commits do not move its PRAGMA data_version, so it
/// should look at the state again). One indexed SELECT when no deployment runs. Errors of one
/// job are reported on standard error and do not stop the others.
bool step(state::Store& store, UnixNanos now);

/// The same with the catalog instances from `source`.
bool step(state::Store& store, UnixNanos now, HealthSource& source);

}  // namespace hjob::runtime::deploy

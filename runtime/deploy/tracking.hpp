// The deployment watcher's clocks per allocation (table deploy_health, migration 0005): when
// the watcher first judged it and since when it is continuously healthy.
#pragma once

#include <map>
#include <string>

#include "runtime/model.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::deploy {

struct Tracking {
    UnixNanos first_seen = 0, healthy_since = 0;
};

/// The rows of one deployment, by allocation id.
std::map<std::string, Tracking> load_tracking(state::Store& store, const std::string& deployment_id);
void save_tracking(state::Store& store, const std::string& alloc_id, const std::string& deployment_id, const Tracking& t);
/// Forgets a deployment's rows (it ended).
void drop_tracking(state::Store& store, const std::string& deployment_id);

}  // namespace hjob::runtime::deploy

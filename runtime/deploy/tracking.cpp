// deploy_health rows (tracking.hpp).
#include "runtime/deploy/tracking.hpp"

namespace hjob::runtime::deploy {

std::map<std::string, Tracking> load_tracking(state::Store& store, const std::string& deployment_id) {
    std::map<std::string, Tracking> out;
    auto s = store.db().prepare("SELECT alloc_id, first_seen, healthy_since FROM deploy_health WHERE deployment_id = ?");
    s.bind(1, deployment_id);
    while (s.step()) out[s.text(0)] = Tracking{s.integer(1), s.integer(2)};
    return out;
}

void save_tracking(state::Store& store, const std::string& alloc_id, const std::string& deployment_id, const Tracking& t) {
    auto s = store.db().prepare(
        "INSERT INTO deploy_health (alloc_id, deployment_id, first_seen, healthy_since) VALUES (?,?,?,?) "
        "ON CONFLICT(alloc_id) DO UPDATE SET deployment_id = excluded.deployment_id, first_seen = excluded.first_seen, "
        "healthy_since = excluded.healthy_since");
    s.bind(1, alloc_id).bind(2, deployment_id).bind(3, t.first_seen).bind(4, t.healthy_since).run();
}

void drop_tracking(state::Store& store, const std::string& deployment_id) {
    store.db().prepare("DELETE FROM deploy_health WHERE deployment_id = ?").bind(1, deployment_id).run();
}

}  // namespace hjob::runtime::deploy

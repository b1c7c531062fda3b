// JSON forms of the runtime model (model_json.hpp).
#include "model_json.hpp"

#include "sqlite.hpp"

namespace hjob::runtime::state {

using nlohmann::json;

json node_to_json(const Node& n) {
    return json{{"id", n.id},
                {"name", n.name},
                {"datacenter", n.datacenter},
                {"node_pool", n.node_pool},
                {"node_class", n.node_class},
                {"address", n.address},
                {"attributes", n.attributes},
                {"meta", n.meta},
                {"drivers", n.drivers},
                {"cpu_mhz", n.cpu_mhz},
                {"memory_mb", n.memory_mb},
                {"disk_mb", n.disk_mb},
                {"port_min", n.port_min},
                {"port_max", n.port_max},
                {"reserved_ports", n.reserved_ports},
                {"status", n.status},
                {"eligible", n.eligible},
                {"draining", n.draining},
                {"create_index", n.create_index},
                {"modify_index", n.modify_index}};
}

namespace {

template <class T>
void read(const json& j, const char* key, T& out, const char* alias = nullptr) {
    const json* v = j.contains(key) ? &j.at(key) : (alias && j.contains(alias) ? &j.at(alias) : nullptr);
    if (v == nullptr) return;
    try {
        out = v->get<T>();
    } catch (const json::exception&) {
        throw StateError(std::string("node field \"") + key + "\" has the wrong type: " + v->dump());
    }
}

}  // namespace

Node node_from_json(const json& j) {
    if (!j.is_object()) throw StateError("a node must be a JSON object, not " + j.dump());
    Node n;
    read(j, "id", n.id);
    read(j, "name", n.name);
    read(j, "datacenter", n.datacenter);
    read(j, "node_pool", n.node_pool, "pool");
    read(j, "node_class", n.node_class, "class");
    read(j, "address", n.address);
    read(j, "attributes", n.attributes);
    read(j, "meta", n.meta);
    read(j, "drivers", n.drivers);
    read(j, "cpu_mhz", n.cpu_mhz, "cpu");
    read(j, "memory_mb", n.memory_mb, "memory");
    read(j, "disk_mb", n.disk_mb, "disk");
    read(j, "port_min", n.port_min);
    read(j, "port_max", n.port_max);
    read(j, "reserved_ports", n.reserved_ports);
    read(j, "status", n.status);
    read(j, "eligible", n.eligible);
    read(j, "draining", n.draining);
    if (n.cpu_mhz <= 0 || n.memory_mb <= 0)
        throw StateError("node \"" + n.name + "\": cpu and memory must be positive (\"cpu\": MHz, \"memory\": MB)");
    return n;
}

std::vector<Node> nodes_from_json(const json& doc) {
    const json& list = doc.is_object() && doc.contains("nodes") ? doc.at("nodes") : doc;
    if (!list.is_array()) throw StateError("expected a JSON list of nodes (or {\"nodes\": [...]})");
    std::vector<Node> out;
    for (const auto& j : list) out.push_back(node_from_json(j));
    return out;
}

json task_states_to_json(const std::map<std::string, TaskState>& states) {
    json out = json::object();
    for (const auto& [name, t] : states) {
        json events = json::array();
        for (const auto& e : t.events) events.push_back({{"time", e.time}, {"type", e.type}, {"message", e.message}});
        out[name] = {{"state", t.state},           {"failed", t.failed},           {"restarts", t.restarts},
                     {"started_at", t.started_at}, {"finished_at", t.finished_at}, {"events", events}};
    }
    return out;
}

std::map<std::string, TaskState> task_states_from_json(const json& j) {
    std::map<std::string, TaskState> out;
    if (!j.is_object()) return out;
    for (const auto& [name, v] : j.items()) {
        TaskState t;
        t.state = v.value("state", t.state);
        t.failed = v.value("failed", false);
        t.restarts = v.value("restarts", 0);
        t.started_at = v.value("started_at", UnixNanos{0});
        t.finished_at = v.value("finished_at", UnixNanos{0});
        for (const auto& e : v.value("events", json::array()))
            t.events.push_back({e.value("time", UnixNanos{0}), e.value("type", ""), e.value("message", "")});
        out[name] = std::move(t);
    }
    return out;
}

json deployment_groups_to_json(const std::map<std::string, DeploymentGroup>& groups) {
    json out = json::object();
    for (const auto& [name, g] : groups)
        out[name] = {{"desired_total", g.desired_total}, {"desired_canaries", g.desired_canaries},
                     {"placed", g.placed},               {"healthy", g.healthy},
                     {"unhealthy", g.unhealthy},         {"promoted", g.promoted},
                     {"auto_revert", g.auto_revert},     {"auto_promote", g.auto_promote},
                     {"placed_canaries", g.placed_canaries}, {"require_progress_by", g.require_progress_by}};
    return out;
}

std::map<std::string, DeploymentGroup> deployment_groups_from_json(const json& j) {
    std::map<std::string, DeploymentGroup> out;
    if (!j.is_object()) return out;
    for (const auto& [name, v] : j.items()) {
        DeploymentGroup g;
        g.desired_total = v.value("desired_total", 0);
        g.desired_canaries = v.value("desired_canaries", 0);
        g.placed = v.value("placed", 0);
        g.healthy = v.value("healthy", 0);
        g.unhealthy = v.value("unhealthy", 0);
        g.promoted = v.value("promoted", false);
        g.auto_revert = v.value("auto_revert", false);
        g.auto_promote = v.value("auto_promote", false);
        g.placed_canaries = v.value("placed_canaries", std::vector<std::string>{});
        g.require_progress_by = v.value("require_progress_by", UnixNanos{0});
        out[name] = std::move(g);
    }
    return out;
}

json allocation_to_json(const Allocation& a) {
    const auto& r = a.resources;
    return json{{"id", a.id},
                {"job_id", a.job_id},
                {"group", a.group},
                {"name", a.name},
                {"index", a.index},
                {"job_version", a.job_version},
                {"node_id", a.node_id},
                {"desired_status", a.desired_status},
                {"desired_description", a.desired_description},
                {"client_status", a.client_status},
                {"resources",
                 {{"cpu", r.cpu}, {"memory_mb", r.memory_mb}, {"memory_max_mb", r.memory_max_mb},
                  {"disk_mb", r.disk_mb}, {"cores", r.cores}, {"ports", r.ports}}},
                {"deployment_id", a.deployment_id},
                {"healthy", a.healthy ? json(*a.healthy) : json(nullptr)},
                {"canary", a.canary},
                {"previous_allocation", a.previous_allocation},
                {"task_states", task_states_to_json(a.task_states)},
                {"create_index", a.create_index},
                {"modify_index", a.modify_index},
                {"create_time", a.create_time},
                {"modify_time", a.modify_time}};
}

json deployment_to_json(const Deployment& d) {
    return json{{"id", d.id},
                {"job_id", d.job_id},
                {"job_version", d.job_version},
                {"status", d.status},
                {"status_description", d.status_description},
                {"groups", deployment_groups_to_json(d.groups)},
                {"create_index", d.create_index},
                {"modify_index", d.modify_index}};
}

json job_record_to_json(const JobRecord& j) {
    return json{{"id", j.id},
                {"namespace", j.namespace_},
                {"status", j.status},
                {"stopped", j.stopped},
                {"current_version", j.current_version},
                {"job_modify_index", j.job_modify_index},
                {"modify_index", j.modify_index}};
}

}  // namespace hjob::runtime::state

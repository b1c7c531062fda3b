// Allocations and deployments in the state (store.hpp).
#include "model_json.hpp"
#include "store.hpp"

namespace hjob::runtime::state {

using nlohmann::json;

namespace {

constexpr const char* alloc_columns =
    "id, job_id, group_name, name, idx, job_version, node_id, desired_status, desired_description, client_status, "
    "cpu, memory_mb, memory_max_mb, disk_mb, cores, ports, deployment_id, healthy, canary, previous_allocation, "
    "task_states, create_index, modify_index, create_time, modify_time";

Allocation read_alloc(const Stmt& s) {
    Allocation a;
    a.id = s.text(0);
    a.job_id = s.text(1);
    a.group = s.text(2);
    a.name = s.text(3);
    a.index = s.int32(4);
    a.job_version = s.int32(5);
    a.node_id = s.text(6);
    a.desired_status = s.text(7);
    a.desired_description = s.text(8);
    a.client_status = s.text(9);
    a.resources = {s.int32(10), s.int32(11), s.int32(12), s.int32(13), s.int32(14),
                   json::parse(s.text(15)).get<std::map<std::string, int>>()};
    a.deployment_id = s.text(16);
    if (!s.is_null(17)) a.healthy = s.integer(17) != 0;
    a.canary = s.integer(18) != 0;
    a.previous_allocation = s.text(19);
    a.task_states = task_states_from_json(json::parse(s.text(20)));
    a.create_index = s.integer(21);
    a.modify_index = s.integer(22);
    a.create_time = s.integer(23);
    a.modify_time = s.integer(24);
    return a;
}

}  // namespace

std::vector<Allocation> Store::allocations(const std::string& job_id, bool desired_run_only) {
    std::vector<Allocation> out;
    auto s = db_.prepare(std::string("SELECT ") + alloc_columns + " FROM allocations WHERE job_id = ?" +
                         (desired_run_only ? " AND desired_status = 'run'" : "") +
                         " ORDER BY group_name, idx, create_index");
    s.bind(1, job_id);
    while (s.step()) out.push_back(read_alloc(s));
    return out;
}

void Store::put_allocation(const Allocation& a) {
    auto s = db_.prepare(std::string("INSERT OR REPLACE INTO allocations (") + alloc_columns +
                         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const auto& r = a.resources;
    s.bind(1, a.id).bind(2, a.job_id).bind(3, a.group).bind(4, a.name).bind(5, a.index).bind(6, a.job_version);
    s.bind(7, a.node_id).bind(8, a.desired_status).bind(9, a.desired_description).bind(10, a.client_status);
    s.bind(11, r.cpu).bind(12, r.memory_mb).bind(13, r.memory_max_mb).bind(14, r.disk_mb).bind(15, r.cores);
    s.bind(16, json(r.ports).dump()).bind(17, a.deployment_id).bind(18, a.healthy).bind(19, a.canary);
    s.bind(20, a.previous_allocation).bind(21, task_states_to_json(a.task_states).dump());
    s.bind(22, a.create_index).bind(23, a.modify_index).bind(24, a.create_time).bind(25, a.modify_time).run();
}

std::vector<Deployment> Store::deployments(const std::string& job_id) {
    std::vector<Deployment> out;
    auto s = db_.prepare(
        "SELECT id, job_id, job_version, status, status_description, groups, create_index, modify_index "
        "FROM deployments WHERE job_id = ? ORDER BY create_index DESC");
    s.bind(1, job_id);
    while (s.step()) {
        Deployment d;
        d.id = s.text(0);
        d.job_id = s.text(1);
        d.job_version = s.int32(2);
        d.status = s.text(3);
        d.status_description = s.text(4);
        d.groups = deployment_groups_from_json(json::parse(s.text(5)));
        d.create_index = s.integer(6);
        d.modify_index = s.integer(7);
        out.push_back(std::move(d));
    }
    return out;
}

void Store::put_deployment(const Deployment& d) {
    auto s = db_.prepare(
        "INSERT OR REPLACE INTO deployments (id, job_id, job_version, status, status_description, groups, "
        "create_index, modify_index) VALUES (?,?,?,?,?,?,?,?)");
    s.bind(1, d.id).bind(2, d.job_id).bind(3, d.job_version).bind(4, d.status).bind(5, d.status_description);
    s.bind(6, deployment_groups_to_json(d.groups).dump()).bind(7, d.create_index).bind(8, d.modify_index).run();
}

}  // namespace hjob::runtime::state

// The runtime model as JSON: what `--json` outputs show, what `hjob node register --from`
// and `hjob plan --nodes` read, and the JSON columns of the state (task states, deployment
// groups, ports). Keys are the model's field names in snake_case.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "runtime/model.hpp"

namespace hjob::runtime::state {

nlohmann::json node_to_json(const Node& n);
/// Reads a node as `hjob node register --from` documents it. Missing fields keep the model's
/// defaults; "cpu" and "memory" are accepted for cpu_mhz and memory_mb, "class" and "pool"
/// for node_class and node_pool. Throws StateError naming the bad field.
Node node_from_json(const nlohmann::json& j);
/// A JSON list of nodes (or {"nodes": [...]}); throws StateError.
std::vector<Node> nodes_from_json(const nlohmann::json& doc);

nlohmann::json task_states_to_json(const std::map<std::string, TaskState>& states);
std::map<std::string, TaskState> task_states_from_json(const nlohmann::json& j);

nlohmann::json deployment_groups_to_json(const std::map<std::string, DeploymentGroup>& groups);
std::map<std::string, DeploymentGroup> deployment_groups_from_json(const nlohmann::json& j);

nlohmann::json allocation_to_json(const Allocation& a);
nlohmann::json deployment_to_json(const Deployment& d);
nlohmann::json job_record_to_json(const JobRecord& j);

}  // namespace hjob::runtime::state

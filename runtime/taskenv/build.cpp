// The NOMAD_* variables and node variables of a task (taskenv.hpp), after Nomad's
// client/taskenv builder. Departures: no NOMAD_CPU_CORES (no cpusets here), no
// NOMAD_ALLOC_{IP,PORT,ADDR}_* (no network namespaces), and NOMAD_PORT_<label> is the host port
// in host mode (what the task must bind), the `to` port only for other network modes.
#include <cctype>
#include <filesystem>

#include "taskenv.hpp"

namespace hjob::runtime::taskenv {

namespace {

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void add_ports(std::map<std::string, std::string>& env, const Allocation& alloc, const Node& node,
               const std::vector<ir::Network>& networks) {
    for (const auto& net : networks) {
        const bool host_mode = net.mode.empty() || net.mode == "host";
        for (const auto* ports : {&net.reserved_ports, &net.dynamic_ports}) {
            for (const auto& p : *ports) {
                const auto it = alloc.resources.ports.find(p.label);
                const int host = it != alloc.resources.ports.end() ? it->second : p.value;
                if (host <= 0) continue;  // not allocated: no variable rather than a wrong one
                const std::string l = env_name(p.label), port = std::to_string(host);
                const std::string addr = node.address + ":" + port;
                env["NOMAD_IP_" + l] = env["NOMAD_HOST_IP_" + l] = node.address;
                env["NOMAD_HOST_PORT_" + l] = port;
                env["NOMAD_PORT_" + l] = !host_mode && p.to > 0 ? std::to_string(p.to) : port;
                env["NOMAD_ADDR_" + l] = env["NOMAD_HOST_ADDR_" + l] = addr;
            }
        }
    }
}

void add_meta(std::map<std::string, std::string>& env, const ir::StringMap& meta) {
    for (const auto& [k, v] : meta) {
        env["NOMAD_META_" + env_name(k)] = v;
        env["NOMAD_META_" + upper(env_name(k))] = v;
    }
}

/// "batch/periodic-1700000000" -> "batch"; empty for a job that has no parent.
std::string parent_id(const std::string& id) {
    for (const char* sep : {"/periodic-", "/dispatch-"})
        if (auto at = id.find(sep); at != std::string::npos) return id.substr(0, at);
    return "";
}

}  // namespace

TaskEnv TaskEnv::build(const Allocation& alloc, const Node& node, const ir::Job& job, const ir::Group& group,
                       const ir::Task& task, const std::string& alloc_dir) {
    TaskEnv t;
    auto& e = t.env_;
    const std::filesystem::path root(alloc_dir);
    e["NOMAD_ALLOC_DIR"] = (root / "alloc").string();
    e["NOMAD_TASK_DIR"] = (root / task.name / "local").string();
    e["NOMAD_SECRETS_DIR"] = (root / task.name / "secrets").string();
    e["NOMAD_ALLOC_ID"] = alloc.id;
    e["NOMAD_SHORT_ALLOC_ID"] = alloc.id.substr(0, 8);
    e["NOMAD_ALLOC_NAME"] = alloc.name;
    e["NOMAD_ALLOC_INDEX"] = std::to_string(alloc.index);
    e["NOMAD_JOB_ID"] = job.id;
    e["NOMAD_JOB_NAME"] = job.name.empty() ? job.id : job.name;
    if (auto parent = parent_id(job.id); !parent.empty()) e["NOMAD_JOB_PARENT_ID"] = parent;
    e["NOMAD_GROUP_NAME"] = group.name;
    e["NOMAD_TASK_NAME"] = task.name;
    e["NOMAD_NAMESPACE"] = job.namespace_;
    e["NOMAD_REGION"] = job.region;
    e["NOMAD_DC"] = node.datacenter;
    e["NOMAD_CPU_LIMIT"] = std::to_string(task.resources.cpu);
    e["NOMAD_MEMORY_LIMIT"] = std::to_string(task.resources.memory_mb);
    if (task.resources.memory_max_mb > 0) e["NOMAD_MEMORY_MAX_LIMIT"] = std::to_string(task.resources.memory_max_mb);
    add_ports(e, alloc, node, group.networks);
    add_ports(e, alloc, node, task.resources.networks);
    ir::StringMap meta = job.meta;  // job < group < task
    for (const auto& [k, v] : group.meta) meta[k] = v;
    for (const auto& [k, v] : task.meta) meta[k] = v;
    add_meta(e, meta);

    auto& n = t.node_;
    n["node.unique.id"] = node.id;
    n["node.unique.name"] = node.name;
    n["node.datacenter"] = node.datacenter;
    n["node.region"] = job.region;  // a node serves one region: the job's, since it was placed here
    n["node.class"] = node.node_class;
    n["node.pool"] = node.node_pool;
    for (const auto& [k, v] : node.attributes) n["attr." + k] = v;
    for (const auto& [k, v] : node.meta) n["meta." + k] = v;

    // The task's own env last: its values may use everything above (but not each other).
    for (const auto& [k, v] : task.env) e[k] = t.interpolate(v);
    return t;
}

}  // namespace hjob::runtime::taskenv

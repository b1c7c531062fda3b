// Building the flat per-node tables (see cluster.hpp).
#include "runtime/scheduler/cluster.hpp"

namespace hjob::runtime::sched {

Cluster Cluster::build(const std::vector<Node>& nodes, const std::unordered_map<std::string, NodeUsage>& other) {
    Cluster c;
    c.nodes = &nodes;
    const std::size_t n = nodes.size();
    for (auto* v : {&c.cpu_cap, &c.mem_cap, &c.disk_cap, &c.cpu_used, &c.mem_used, &c.disk_used}) v->reserve(n);
    c.schedulable.reserve(n);
    c.job_allocs.assign(n, 0);
    c.by_id.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const Node& node = nodes[i];
        c.cpu_cap.push_back(node.cpu_mhz);
        c.mem_cap.push_back(node.memory_mb);
        c.disk_cap.push_back(node.disk_mb);
        c.cpu_used.push_back(0);
        c.mem_used.push_back(0);
        c.disk_used.push_back(0);
        c.schedulable.push_back(node.status == "ready" && node.eligible && !node.draining);
        c.ports.add_node(node.port_min, node.port_max);
        for (int p : node.reserved_ports) c.ports.take(i, p);
        c.by_id.emplace(node.id, i);
        if (const auto it = other.find(node.id); it != other.end()) {
            c.cpu_used[i] += it->second.cpu;
            c.mem_used[i] += it->second.memory_mb;
            c.disk_used[i] += it->second.disk_mb;
            for (int p : it->second.ports) c.ports.take(i, p);
        }
    }
    return c;
}

void Cluster::charge(std::uint32_t n, const AllocatedResources& r, int sign) {
    cpu_used[n] += sign * r.cpu;
    mem_used[n] += sign * r.memory_mb;
    disk_used[n] += sign * r.disk_mb;
    job_allocs[n] += sign;
    for (const auto& [label, port] : r.ports) {
        if (sign > 0) ports.take(n, port);
        else ports.release(n, port);
    }
}

}  // namespace hjob::runtime::sched

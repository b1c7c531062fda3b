// The cluster as the scheduler sees it during one plan: per-node capacity and usage in flat
// vectors indexed by node number (not by id), so that a placement touches a few integers and
// never the heap. Built once per plan from the nodes and other jobs' usage; the planner then
// charges this job's live allocations, releases the ones it stops, and charges placements.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/model.hpp"
#include "runtime/scheduler/metric.hpp"
#include "runtime/scheduler/ports.hpp"

namespace hjob::runtime::sched {

inline constexpr std::uint32_t no_node = 0xffffffffu;

struct Cluster {
    const std::vector<Node>* nodes = nullptr;
    std::vector<int> cpu_cap, mem_cap, disk_cap;
    std::vector<int> cpu_used, mem_used, disk_used;
    std::vector<std::uint8_t> schedulable;  ///< ready, eligible and not draining
    std::vector<std::uint32_t> job_allocs;  ///< this job's live allocations per node (distinct_hosts)
    PortTable ports;
    std::unordered_map<std::string_view, std::uint32_t> by_id;  ///< views into (*nodes)[i].id

    /// `nodes` must outlive the cluster.
    static Cluster build(const std::vector<Node>& nodes, const std::unordered_map<std::string, NodeUsage>& other);

    std::uint32_t find(std::string_view node_id) const {
        const auto it = by_id.find(node_id);
        return it == by_id.end() ? no_node : it->second;
    }
    const Node& node(std::uint32_t i) const { return (*nodes)[i]; }
    std::uint32_t size() const { return static_cast<std::uint32_t>(cpu_cap.size()); }

    /// Adds (sign +1) or removes (-1) an allocation of this job on node `n`.
    void charge(std::uint32_t n, const AllocatedResources& r, int sign);
};

}  // namespace hjob::runtime::sched

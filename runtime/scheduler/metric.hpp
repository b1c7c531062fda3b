// The scheduler's inputs and findings that the planner's API also shows: other jobs' usage of
// a node, and the account of why a group could not be placed (Nomad's AllocationMetric).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace hjob::runtime {

/// What other jobs' live allocations already use on one node.
struct NodeUsage {
    int cpu = 0, memory_mb = 0, disk_mb = 0;
    std::vector<int> ports;  ///< host ports taken (static and dynamic)
};

/// Nomad's AllocationMetric for a group that could not be placed, except that a node filtered
/// by several constraints, or exhausted on several dimensions, counts under each of them
/// (hashicorp/nomad#2620); nodes_filtered and nodes_exhausted count each node once.
struct AllocMetric {
    int nodes_evaluated = 0, nodes_filtered = 0, nodes_in_pool = 0, nodes_exhausted = 0;
    std::map<std::string, int> nodes_available;  ///< ready nodes per datacenter asked for
    std::map<std::string, int> class_filtered, constraint_filtered;
    std::map<std::string, int> class_exhausted, dimension_exhausted;
};

}  // namespace hjob::runtime

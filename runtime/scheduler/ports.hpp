// Host ports in use, per node, for the whole cluster: a bitset over each node's dynamic range
// (allocated only when a node first gets a port, 1.5 KB for the default 20000-32000) plus a
// short list for ports outside it. Dynamic ports are handed out by a per-node cursor, so the
// choice is deterministic and amortised O(1).
#pragma once

#include <cstdint>
#include <vector>

namespace hjob::runtime::sched {

class PortTable {
public:
    /// Adds a node with dynamic range [lo, hi]; returns its index.
    std::uint32_t add_node(int lo, int hi);

    bool used(std::uint32_t node, int port) const;
    void take(std::uint32_t node, int port);
    void release(std::uint32_t node, int port);
    /// A free port from the node's dynamic range, now taken; -1 when the range is full.
    int take_dynamic(std::uint32_t node);
    /// Whether the node has at least `n` free dynamic ports.
    bool dynamic_free(std::uint32_t node, int n) const;

private:
    struct PerNode {
        int lo = 0, hi = -1, cursor = 0, taken_in_range = 0;
        std::vector<std::uint64_t> bits;  ///< empty until the first port in range is taken
        std::vector<int> outside;         ///< taken ports outside [lo, hi]
    };
    std::vector<PerNode> nodes_;
};

}  // namespace hjob::runtime::sched

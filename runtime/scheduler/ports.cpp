// Port bookkeeping per node (see ports.hpp).
#include "runtime/scheduler/ports.hpp"

#include <algorithm>

namespace hjob::runtime::sched {

std::uint32_t PortTable::add_node(int lo, int hi) {
    // Ports are 16 bits; a range beyond them (a bad node file) must not size the bitset.
    lo = std::clamp(lo, 0, 65535);
    hi = std::clamp(hi, -1, 65535);
    PerNode n;
    n.lo = lo;
    n.hi = hi < lo ? lo - 1 : hi;
    n.cursor = lo;
    nodes_.push_back(std::move(n));
    return static_cast<std::uint32_t>(nodes_.size() - 1);
}

bool PortTable::used(std::uint32_t node, int port) const {
    const PerNode& n = nodes_[node];
    if (port >= n.lo && port <= n.hi) {
        if (n.bits.empty()) return false;
        const int off = port - n.lo;
        return (n.bits[off >> 6] >> (off & 63)) & 1;
    }
    return std::find(n.outside.begin(), n.outside.end(), port) != n.outside.end();
}

void PortTable::take(std::uint32_t node, int port) {
    PerNode& n = nodes_[node];
    if (port >= n.lo && port <= n.hi) {
        if (n.bits.empty()) n.bits.assign(static_cast<std::size_t>((n.hi - n.lo) / 64 + 1), 0);
        const int off = port - n.lo;
        std::uint64_t& w = n.bits[off >> 6];
        const std::uint64_t bit = 1ULL << (off & 63);
        if (!(w & bit)) ++n.taken_in_range;
        w |= bit;
        return;
    }
    if (std::find(n.outside.begin(), n.outside.end(), port) == n.outside.end()) n.outside.push_back(port);
}

void PortTable::release(std::uint32_t node, int port) {
    PerNode& n = nodes_[node];
    if (port >= n.lo && port <= n.hi) {
        if (n.bits.empty()) return;
        const int off = port - n.lo;
        std::uint64_t& w = n.bits[off >> 6];
        const std::uint64_t bit = 1ULL << (off & 63);
        if (w & bit) --n.taken_in_range;
        w &= ~bit;
        return;
    }
    std::erase(n.outside, port);
}

bool PortTable::dynamic_free(std::uint32_t node, int count) const {
    const PerNode& n = nodes_[node];
    return (n.hi - n.lo + 1) - n.taken_in_range >= count;
}

int PortTable::take_dynamic(std::uint32_t node) {
    PerNode& n = nodes_[node];
    const int size = n.hi - n.lo + 1;
    if (size - n.taken_in_range <= 0) return -1;
    for (int i = 0; i < size; ++i) {
        int port = n.cursor + i;
        if (port > n.hi) port -= size;
        if (!used(node, port)) {
            take(node, port);
            n.cursor = port == n.hi ? n.lo : port + 1;
            return port;
        }
    }
    return -1;
}

}  // namespace hjob::runtime::sched

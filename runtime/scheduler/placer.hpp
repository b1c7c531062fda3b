// Placing the allocations of one task group, after Nomad's generic stack: feasibility is
// decided once per node when the placer is made (datacenters, node pool, drivers, every static
// constraint; all reasons recorded), then each placement walks a deterministic shuffle of the
// feasible nodes from where the previous one stopped, takes the first two that fit (up to 64
// when the group has affinities or spreads; Nomad takes them all) and keeps the best score (bin
// packing, job anti-affinity, affinity, spread). So a placement costs O(1) amortised and
// allocates nothing; when no node fits, failure_metric() accounts for every node and reason.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "runtime/scheduler/cluster.hpp"
#include "runtime/scheduler/constraint.hpp"

namespace hjob::runtime::sched {

/// What one allocation of a group asks of its node.
struct Ask {
    int cpu = 0, memory_mb = 0, memory_max_mb = 0, disk_mb = 0, cores = 0;
    struct StaticPort {
        std::string label;
        int value = 0;
        bool ignore_collision = false;
    };
    std::vector<StaticPort> static_ports;
    std::vector<std::string> dynamic_labels;
};

/// Sums the group's task resources; disk is the ephemeral disk; ports from the group's and
/// the tasks' networks.
Ask ask_for(const ir::Group& g);

/// Whether a node's datacenter matches one of the job's (with `*` globs).
bool datacenter_matches(const std::vector<std::string>& patterns, const std::string& dc);

class GroupPlacer {
public:
    GroupPlacer(Cluster& cluster, const ir::Job& job, const ir::Group& group, std::uint64_t seed);

    /// Records a kept allocation of this group on node `n` (already charged to the cluster),
    /// for distinct_hosts, distinct_property, spread and anti-affinity.
    void note_existing(std::uint32_t n);
    /// Forgets one (a stopped allocation).
    void forget_existing(std::uint32_t n);

    /// Chooses a node, charges the allocation to it and writes its ports (static then
    /// dynamic, in ask() order) into `ports`. no_node when no node fits.
    std::uint32_t place(std::vector<int>& ports);
    /// Places on node `n` (system jobs); false when it is infeasible or does not fit.
    bool place_on(std::uint32_t n, std::vector<int>& ports);

    /// Static feasibility of node `n` (false for nodes outside the job's datacenters/pool).
    bool feasible(std::uint32_t n) const { return feasible_[n] != 0; }
    bool in_base(std::uint32_t n) const { return in_base_[n] != 0; }
    /// Whether an allocation already on node `n` may stay there through an in-place update:
    /// datacenter, pool, drivers and static constraints hold, whatever the node's eligibility
    /// (Nomad's in-place re-check). The failing constraint's text goes to `why`.
    bool may_stay(std::uint32_t n, std::string* why = nullptr) const;
    const Ask& ask() const { return ask_; }
    const std::vector<std::uint32_t>& base() const { return base_; }
    /// Why the group cannot be placed: every base node with every reason (static filters,
    /// distinct_* filters, exhausted dimensions).
    AllocMetric failure_metric() const;
    /// The same for the given nodes only (system jobs: the nodes that failed).
    AllocMetric failure_metric(const std::vector<std::uint32_t>& nodes) const;

private:
    void filter_nodes(const ir::Job& job, const ir::Group& group);
    void prepare_scoring(const ir::Job& job, const ir::Group& group);
    bool fits(std::uint32_t n) const;
    bool distinct_ok(std::uint32_t n) const;
    double score(std::uint32_t n) const;
    double spread_score(std::uint32_t n) const;
    /// The least and most used values of even spreads, once per placement (not per candidate).
    void refresh_spreads();
    void commit(std::uint32_t n, std::vector<int>& ports);
    void exhausted_dimensions(std::uint32_t n, std::vector<std::string>& out) const;
    void count_filters(std::uint32_t n, AllocMetric& m, bool& filtered) const;

    Cluster& c_;
    const ir::Job& job_;
    Ask ask_;
    int desired_ = 1;
    std::vector<CheckedConstraint> static_;
    std::vector<std::string> drivers_;
    bool distinct_hosts_job_ = false, distinct_hosts_group_ = false;
    struct DistinctProperty {
        std::string text;
        std::vector<std::int32_t> value_of;  ///< per node, -1 when unset
        std::vector<int> used;               ///< per value id
        int limit = 1;
    };
    std::vector<DistinctProperty> distinct_props_;

    std::vector<std::uint8_t> in_base_, feasible_;
    std::vector<std::uint32_t> base_, order_;
    std::size_t cursor_ = 0;
    static constexpr std::size_t spread_limit = 64;  ///< candidates scored with affinities/spreads
    std::size_t limit_ = 2;
    std::vector<std::uint32_t> group_on_node_;
    AllocMetric static_metric_;

    std::vector<float> affinity_;  ///< per node, empty without affinities
    struct SpreadState {
        double weight = 0;  ///< weight / sum of weights
        std::vector<std::int32_t> value_of;
        std::vector<int> used;
        std::vector<double> desired;  ///< per value id; empty: spread evenly
        double implicit = -1;         ///< desired for values without a target ("*"), -1: none
        int lo = 0, hi = 0;           ///< least and most used values in use, per placement
    };
    std::vector<SpreadState> spreads_;
};

}  // namespace hjob::runtime::sched

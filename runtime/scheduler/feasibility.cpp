// Feasibility of a group's nodes, decided once per node when the placer is made: datacenters,
// node pool, drivers and every static constraint. Unlike Nomad, which stops at a node's first
// failing check, every failing check is recorded, so a failure lists all the reasons at once.
#include <algorithm>
#include <set>

#include "runtime/scheduler/placer.hpp"
#include "runtime/scheduler/random.hpp"

namespace hjob::runtime::sched {
namespace {

bool glob(std::string_view pat, std::string_view s) {
    // Iterative '*' matching with one backtrack point: linear for the patterns we see.
    std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
    while (i < s.size()) {
        if (p < pat.size() && pat[p] == '*') star = p++, mark = i;
        else if (p < pat.size() && pat[p] == s[i]) ++p, ++i;
        else if (star != std::string_view::npos) p = star + 1, i = ++mark;
        else return false;
    }
    while (p < pat.size() && pat[p] == '*') ++p;
    return p == pat.size();
}

void add_ports(Ask& a, const std::vector<ir::Network>& networks) {
    for (const auto& net : networks) {
        for (const auto& p : net.reserved_ports) a.static_ports.push_back({p.label, p.value, p.ignore_collision});
        for (const auto& p : net.dynamic_ports) a.dynamic_labels.push_back(p.label);
    }
}

}  // namespace

bool datacenter_matches(const std::vector<std::string>& patterns, const std::string& dc) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return glob(p, dc); });
}

Ask ask_for(const ir::Group& g) {
    Ask a;
    for (const auto& t : g.tasks) {
        a.cpu += t.resources.cpu;
        a.memory_mb += t.resources.memory_mb;
        a.memory_max_mb += t.resources.memory_max_mb;
        a.cores += t.resources.cores;
        add_ports(a, t.resources.networks);
    }
    a.disk_mb = g.ephemeral_disk.size_mb;
    add_ports(a, g.networks);
    return a;
}

GroupPlacer::GroupPlacer(Cluster& cluster, const ir::Job& job, const ir::Group& group, std::uint64_t seed)
    : c_(cluster), job_(job), ask_(ask_for(group)), desired_(std::max(1, group.count)) {
    filter_nodes(job, group);
    prepare_scoring(job, group);
    order_.reserve(base_.size());
    for (std::uint32_t n : base_)
        if (feasible_[n]) order_.push_back(n);
    shuffle(order_, seed);
    group_on_node_.assign(c_.size(), 0);
}

void GroupPlacer::filter_nodes(const ir::Job& job, const ir::Group& group) {
    std::set<std::string> seen;
    auto add = [&](const ir::Constraint& ic, bool job_level) {
        CheckedConstraint cc = compile_constraint(ic);
        if (cc.op == "distinct_hosts") {
            (job_level ? distinct_hosts_job_ : distinct_hosts_group_) = cc.right.key != "false";
        } else if (cc.op == "distinct_property") {
            DistinctProperty dp;
            dp.text = "distinct_property: " + ic.attribute;
            if (!ic.value.empty()) dp.limit = std::max(1, std::atoi(ic.value.c_str()));
            std::unordered_map<std::string, std::int32_t> ids;
            dp.value_of.assign(c_.size(), -1);
            for (std::uint32_t n = 0; n < c_.size(); ++n)
                if (const std::string* v = resolve(cc.left, c_.node(n)))
                    dp.value_of[n] = ids.emplace(*v, static_cast<std::int32_t>(ids.size())).first->second;
            dp.used.assign(ids.size(), 0);
            distinct_props_.push_back(std::move(dp));
        } else if (seen.insert(cc.text).second) {
            static_.push_back(std::move(cc));
        }
    };
    for (const auto& c : job.constraints) add(c, true);
    for (const auto& c : group.constraints) add(c, false);
    for (const auto& t : group.tasks) {
        for (const auto& c : t.constraints) add(c, false);
        if (std::find(drivers_.begin(), drivers_.end(), t.driver) == drivers_.end()) drivers_.push_back(t.driver);
    }

    in_base_.assign(c_.size(), 0);
    feasible_.assign(c_.size(), 0);
    for (const auto& dc : job.datacenters)
        if (dc.find('*') == std::string::npos) static_metric_.nodes_available[dc] = 0;
    for (std::uint32_t n = 0; n < c_.size(); ++n) {
        const Node& node = c_.node(n);
        if (!c_.schedulable[n] || (job.node_pool != "all" && node.node_pool != job.node_pool)) continue;
        ++static_metric_.nodes_in_pool;
        if (!datacenter_matches(job.datacenters, node.datacenter)) continue;
        ++static_metric_.nodes_available[node.datacenter];
        in_base_[n] = 1;
        base_.push_back(n);
        bool filtered = false;
        count_filters(n, static_metric_, filtered);
        feasible_[n] = !filtered;
    }
    static_metric_.nodes_evaluated = static_cast<int>(base_.size());
}

void GroupPlacer::count_filters(std::uint32_t n, AllocMetric& m, bool& filtered) const {
    const Node& node = c_.node(n);
    auto filter = [&](const std::string& reason) {
        if (!filtered) {
            ++m.nodes_filtered;
            if (!node.node_class.empty()) ++m.class_filtered[node.node_class];
        }
        filtered = true;
        ++m.constraint_filtered[reason];
    };
    for (const auto& d : drivers_)
        if (std::find(node.drivers.begin(), node.drivers.end(), d) == node.drivers.end()) {
            filter("missing drivers");
            break;
        }
    for (const auto& cc : static_)
        if (!satisfied(cc, node)) filter(cc.text);
}

bool GroupPlacer::may_stay(std::uint32_t n, std::string* why) const {
    if (feasible_[n]) return true;
    const Node& node = c_.node(n);
    if (job_.node_pool != "all" && node.node_pool != job_.node_pool) {
        if (why) *why = "node pool \"" + node.node_pool + "\" no longer matches";
        return false;
    }
    if (!datacenter_matches(job_.datacenters, node.datacenter)) {
        if (why) *why = "datacenter \"" + node.datacenter + "\" no longer matches";
        return false;
    }
    AllocMetric m;
    bool filtered = false;
    count_filters(n, m, filtered);
    if (filtered && why) *why = "Constraint \"" + m.constraint_filtered.begin()->first + "\" no longer met";
    return !filtered;
}

AllocMetric GroupPlacer::failure_metric() const {
    std::vector<std::uint32_t> feasible_nodes;
    for (std::uint32_t n : base_)
        if (feasible_[n]) feasible_nodes.push_back(n);
    AllocMetric m = static_metric_;
    std::vector<std::string> dims;
    for (std::uint32_t n : feasible_nodes) {
        const Node& node = c_.node(n);
        bool filtered = false;
        if ((distinct_hosts_job_ && c_.job_allocs[n] > 0) || (distinct_hosts_group_ && group_on_node_[n] > 0)) {
            ++m.nodes_filtered, filtered = true;
            ++m.constraint_filtered["distinct_hosts"];
            if (!node.node_class.empty()) ++m.class_filtered[node.node_class];
        }
        for (const auto& dp : distinct_props_) {
            const std::int32_t v = dp.value_of[n];
            if (v < 0 || dp.used[v] >= dp.limit) {
                if (!filtered && !node.node_class.empty()) ++m.class_filtered[node.node_class];
                if (!filtered) ++m.nodes_filtered;
                filtered = true;
                ++m.constraint_filtered[dp.text];
            }
        }
        if (filtered) continue;
        dims.clear();
        exhausted_dimensions(n, dims);
        if (dims.empty()) continue;
        ++m.nodes_exhausted;
        if (!node.node_class.empty()) ++m.class_exhausted[node.node_class];
        for (const auto& d : dims) ++m.dimension_exhausted[d];
    }
    return m;
}

AllocMetric GroupPlacer::failure_metric(const std::vector<std::uint32_t>& nodes) const {
    AllocMetric m;
    m.nodes_in_pool = static_metric_.nodes_in_pool;
    m.nodes_available = static_metric_.nodes_available;
    m.nodes_evaluated = static_cast<int>(nodes.size());
    std::vector<std::string> dims;
    for (std::uint32_t n : nodes) {
        bool filtered = false;
        count_filters(n, m, filtered);
        if (filtered) continue;
        dims.clear();
        exhausted_dimensions(n, dims);
        if (dims.empty()) continue;
        ++m.nodes_exhausted;
        if (!c_.node(n).node_class.empty()) ++m.class_exhausted[c_.node(n).node_class];
        for (const auto& d : dims) ++m.dimension_exhausted[d];
    }
    return m;
}

}  // namespace hjob::runtime::sched

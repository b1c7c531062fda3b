// Choosing a node for one allocation (see placer.hpp): fit checks, the candidate walk, and
// charging the chosen node.
#include "runtime/scheduler/placer.hpp"

namespace hjob::runtime::sched {

bool GroupPlacer::fits(std::uint32_t n) const {
    if (c_.cpu_used[n] + ask_.cpu > c_.cpu_cap[n]) return false;
    if (c_.mem_used[n] + ask_.memory_mb > c_.mem_cap[n]) return false;
    // A node that reports no disk is not checked on disk (the local node may not know it).
    if (c_.disk_cap[n] > 0 && c_.disk_used[n] + ask_.disk_mb > c_.disk_cap[n]) return false;
    for (const auto& p : ask_.static_ports)
        if (!p.ignore_collision && c_.ports.used(n, p.value)) return false;
    if (!ask_.dynamic_labels.empty() &&
        !c_.ports.dynamic_free(n, static_cast<int>(ask_.dynamic_labels.size())))
        return false;
    return true;
}

bool GroupPlacer::distinct_ok(std::uint32_t n) const {
    if (distinct_hosts_job_ && c_.job_allocs[n] > 0) return false;
    if (distinct_hosts_group_ && group_on_node_[n] > 0) return false;
    for (const auto& dp : distinct_props_) {
        const std::int32_t v = dp.value_of[n];
        if (v < 0 || dp.used[v] >= dp.limit) return false;
    }
    return true;
}

void GroupPlacer::exhausted_dimensions(std::uint32_t n, std::vector<std::string>& out) const {
    if (c_.cpu_used[n] + ask_.cpu > c_.cpu_cap[n]) out.emplace_back("cpu");
    if (c_.mem_used[n] + ask_.memory_mb > c_.mem_cap[n]) out.emplace_back("memory");
    if (c_.disk_cap[n] > 0 && c_.disk_used[n] + ask_.disk_mb > c_.disk_cap[n]) out.emplace_back("disk");
    for (const auto& p : ask_.static_ports)
        if (!p.ignore_collision && c_.ports.used(n, p.value))
            out.push_back("network: reserved port collision " + p.label + "=" + std::to_string(p.value));
    if (!ask_.dynamic_labels.empty() &&
        !c_.ports.dynamic_free(n, static_cast<int>(ask_.dynamic_labels.size())))
        out.emplace_back("network: dynamic port selection failed");
}

void GroupPlacer::note_existing(std::uint32_t n) {
    ++group_on_node_[n];
    for (auto& dp : distinct_props_)
        if (dp.value_of[n] >= 0) ++dp.used[dp.value_of[n]];
    for (auto& s : spreads_)
        if (s.value_of[n] >= 0) ++s.used[s.value_of[n]];
}

void GroupPlacer::forget_existing(std::uint32_t n) {
    if (group_on_node_[n] > 0) --group_on_node_[n];
    for (auto& dp : distinct_props_)
        if (dp.value_of[n] >= 0 && dp.used[dp.value_of[n]] > 0) --dp.used[dp.value_of[n]];
    for (auto& s : spreads_)
        if (s.value_of[n] >= 0 && s.used[s.value_of[n]] > 0) --s.used[s.value_of[n]];
}

void GroupPlacer::commit(std::uint32_t n, std::vector<int>& ports) {
    ports.clear();
    c_.cpu_used[n] += ask_.cpu;
    c_.mem_used[n] += ask_.memory_mb;
    c_.disk_used[n] += ask_.disk_mb;
    ++c_.job_allocs[n];
    for (const auto& p : ask_.static_ports) {
        c_.ports.take(n, p.value);
        ports.push_back(p.value);
    }
    for (std::size_t i = 0; i < ask_.dynamic_labels.size(); ++i) ports.push_back(c_.ports.take_dynamic(n));
    note_existing(n);
}

std::uint32_t GroupPlacer::place(std::vector<int>& ports) {
    const std::size_t size = order_.size();
    std::uint32_t best = no_node;
    double best_score = 0;
    std::size_t candidates = 0;
    if (!spreads_.empty()) refresh_spreads();
    for (std::size_t scanned = 0; scanned < size && candidates < limit_; ++scanned) {
        const std::uint32_t n = order_[cursor_];
        if (++cursor_ == size) cursor_ = 0;
        if (!fits(n) || !distinct_ok(n)) continue;
        ++candidates;
        const double s = score(n);
        if (best == no_node || s > best_score) best = n, best_score = s;
    }
    if (best != no_node) commit(best, ports);
    return best;
}

bool GroupPlacer::place_on(std::uint32_t n, std::vector<int>& ports) {
    if (!feasible_[n] || !fits(n) || !distinct_ok(n)) return false;
    commit(n, ports);
    return true;
}

}  // namespace hjob::runtime::sched

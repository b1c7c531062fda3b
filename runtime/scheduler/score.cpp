// Ranking a candidate node as Nomad's rank iterators do: the bin-packing fit (ScoreFitBinPack,
// best fit), the job anti-affinity penalty, node affinities and spreads, averaged over the
// scores that apply. Affinities are static per node and computed once per group.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "runtime/scheduler/placer.hpp"

namespace hjob::runtime::sched {
namespace {

std::vector<std::int32_t> intern_values(const Cluster& c, const Target& t, std::unordered_map<std::string, std::int32_t>& ids) {
    std::vector<std::int32_t> out(c.size(), -1);
    for (std::uint32_t n = 0; n < c.size(); ++n)
        if (const std::string* v = resolve(t, c.node(n)))
            out[n] = ids.emplace(*v, static_cast<std::int32_t>(ids.size())).first->second;
    return out;
}

}  // namespace

void GroupPlacer::prepare_scoring(const ir::Job& job, const ir::Group& group) {
    std::vector<const ir::Affinity*> affinities;
    for (const auto& a : job.affinities) affinities.push_back(&a);
    for (const auto& a : group.affinities) affinities.push_back(&a);
    for (const auto& t : group.tasks)
        for (const auto& a : t.affinities) affinities.push_back(&a);
    if (!affinities.empty()) {
        double sum = 0;
        std::vector<CheckedConstraint> checks;
        for (const auto* a : affinities) {
            sum += std::abs(a->weight);
            checks.push_back(compile_constraint(a->attribute, a->operand, a->value));
        }
        affinity_.assign(c_.size(), 0.f);
        for (std::uint32_t n : base_) {
            double total = 0;
            for (std::size_t i = 0; i < checks.size(); ++i)
                if (satisfied(checks[i], c_.node(n))) total += affinities[i]->weight;
            affinity_[n] = sum > 0 ? static_cast<float>(total / sum) : 0.f;
        }
    }
    std::vector<const ir::Spread*> spreads;
    for (const auto& s : job.spreads) spreads.push_back(&s);
    for (const auto& s : group.spreads) spreads.push_back(&s);
    double weights = 0;
    for (const auto* s : spreads) weights += s->weight;
    for (const auto* s : spreads) {
        SpreadState st;
        st.weight = weights > 0 ? s->weight / weights : 0;
        std::unordered_map<std::string, std::int32_t> ids;
        st.value_of = intern_values(c_, parse_target(s->attribute), ids);
        int percent = 0;
        if (!s->targets.empty()) {
            for (const auto& t : s->targets) ids.emplace(t.value, static_cast<std::int32_t>(ids.size()));
            st.desired.assign(ids.size(), -1);
            for (const auto& t : s->targets) {
                st.desired[ids[t.value]] = t.percent / 100.0 * group.count;
                percent += t.percent;
            }
            if (percent < 100) st.implicit = (100 - percent) / 100.0 * group.count;
        }
        st.used.assign(ids.size(), 0);
        spreads_.push_back(std::move(st));
    }
    // Nomad scores every feasible node when a group has affinities or spreads. hjob scores at
    // most 64 (all of them in fleets that small): the same choice in small fleets, and a
    // million placements on 10,000 nodes stay linear instead of 10^10 score evaluations.
    if (!affinities.empty() || !spreads.empty()) limit_ = spread_limit;
}

double GroupPlacer::spread_score(std::uint32_t n) const {
    double total = 0;
    for (const auto& s : spreads_) {
        const std::int32_t v = s.value_of[n];
        if (v < 0) {
            total -= 1.0;  // the node lacks the attribute: the maximum penalty
            continue;
        }
        if (!s.desired.empty()) {
            double want = s.desired[v];
            if (want < 0) want = s.implicit;
            if (want <= 0) {
                total -= 1.0;
                continue;
            }
            total += (want - (s.used[v] + 1)) / want * s.weight;
            continue;
        }
        // Even spread (no targets): Nomad's evenSpreadScoreBoost over the values in use.
        const int lo = s.lo, hi = s.hi;
        if (hi == 0) continue;
        const int cur = s.used[v];
        if (cur != lo) total += static_cast<double>(lo - cur) / lo;
        else if (lo == hi) total -= 1.0;
        else total += static_cast<double>(hi - lo) / lo;
    }
    return total;
}

void GroupPlacer::refresh_spreads() {
    for (auto& s : spreads_) {
        s.lo = s.hi = 0;
        for (int u : s.used)
            if (u > 0) s.lo = s.hi == 0 ? u : std::min(s.lo, u), s.hi = std::max(s.hi, u);
    }
}

double GroupPlacer::score(std::uint32_t n) const {
    // ScoreFitBinPack: 20 - (10^freeCpu + 10^freeMem), clamped to [0, 18], normalised by 18.
    const double free_cpu = c_.cpu_cap[n] > 0 ? 1.0 - double(c_.cpu_used[n] + ask_.cpu) / c_.cpu_cap[n] : 0;
    const double free_mem = c_.mem_cap[n] > 0 ? 1.0 - double(c_.mem_used[n] + ask_.memory_mb) / c_.mem_cap[n] : 0;
    double fit = 20.0 - (std::pow(10.0, free_cpu) + std::pow(10.0, free_mem));
    fit = std::clamp(fit, 0.0, 18.0) / 18.0;
    double sum = fit;
    int count = 1;
    if (const std::uint32_t same = group_on_node_[n]; same > 0) {
        sum += -double(same + 1) / desired_;
        ++count;
    }
    if (!affinity_.empty() && affinity_[n] != 0.f) {
        sum += affinity_[n];
        ++count;
    }
    if (!spreads_.empty()) {
        if (const double s = spread_score(n); s != 0.0) {
            sum += s;
            ++count;
        }
    }
    return sum / count;
}

}  // namespace hjob::runtime::sched

// Reschedule policy arithmetic (reschedule.hpp), after Nomad's ReschedulePolicy and
// Allocation.NextRescheduleTime.
#include "runtime/apply/reschedule.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace hjob::runtime::apply {

namespace {

/// The policy a group without a reschedule block gets (the compiler fills it for every
/// service and batch group; this is the fallback for older stored versions).
ir::ReschedulePolicy policy_of(const ir::Job& job, const ir::Group& g) {
    if (g.reschedule) return *g.reschedule;
    ir::ReschedulePolicy p;
    if (job.type == "batch") {
        p.attempts = 1;
        p.interval = 24LL * 3600 * 1'000'000'000;
        p.delay = 5'000'000'000;
        p.delay_function = "constant";
        p.unlimited = false;
    }
    return p;
}

/// The delay before the replacement that follows `attempts` earlier ones.
UnixNanos delay_for(const ir::ReschedulePolicy& p, int attempts) {
    UnixNanos d = p.delay;
    if (p.delay_function == "exponential") {
        for (int i = 0; i < attempts && (p.max_delay <= 0 || d < p.max_delay); ++i) d *= 2;
    } else if (p.delay_function == "fibonacci") {
        UnixNanos prev = 0;
        for (int i = 0; i < attempts && (p.max_delay <= 0 || d < p.max_delay); ++i) d = std::exchange(prev, d) + d;
    }
    return p.max_delay > 0 && p.delay_function != "constant" ? std::min(d, p.max_delay) : d;
}

}  // namespace

UnixNanos failed_at(const Allocation& a) {
    UnixNanos t = 0;
    for (const auto& [name, ts] : a.task_states) t = std::max(t, ts.finished_at);
    return t > 0 ? t : a.modify_time;
}

RescheduleVerdict reschedule_verdict(const ir::Job& job, const ir::Group& group, const Allocation& failed,
                                     const std::vector<Allocation>& history, UnixNanos now) {
    if (job.type == "system" || job.type == "sysbatch") return {};
    const ir::ReschedulePolicy p = policy_of(job, group);
    if (!p.unlimited && p.attempts <= 0) return {};
    std::map<std::string, const Allocation*> by_id;
    for (const auto& a : history) by_id[a.id] = &a;
    // Earlier failures of this slot: the chain of replaced allocations that failed, within the
    // interval when the policy is limited.
    int attempts = 0;
    for (auto it = by_id.find(failed.previous_allocation); it != by_id.end() && attempts < 1000;
         it = by_id.find(it->second->previous_allocation)) {
        const Allocation& prev = *it->second;
        if (prev.client_status != "failed") break;
        if (!p.unlimited && failed_at(prev) < now - p.interval) break;
        ++attempts;
    }
    if (!p.unlimited && attempts >= p.attempts) return {};
    const UnixNanos at = failed_at(failed) + delay_for(p, attempts);
    if (now >= at) return {RescheduleVerdict::now, at};
    return {RescheduleVerdict::later, at};
}

}  // namespace hjob::runtime::apply

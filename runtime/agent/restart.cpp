// The restart tracker (restart.hpp), decisions and messages as Nomad's client gives them.
#include "restart.hpp"

namespace hjob::runtime::agent {

std::string format_duration(UnixNanos ns) {
    if (ns < 1'000'000'000) return std::to_string(ns / 1'000'000) + "ms";
    const long long s = ns / 1'000'000'000, h = s / 3600, m = (s % 3600) / 60, r = s % 60;
    std::string out;
    if (h > 0) out += std::to_string(h) + "h";
    if (h > 0 || m > 0) out += std::to_string(m) + "m";
    return out + std::to_string(r) + "s";
}

RestartDecision RestartTracker::next(bool success, UnixNanos now) {
    if (success && type_ == "batch") return {RestartDecision::Kind::done, 0, "Task completed successfully"};
    if (interval_start_ == 0 || now - interval_start_ > policy_.interval) {
        count_ = 0;
        interval_start_ = now;
    }
    ++count_;
    if (count_ > policy_.attempts) {
        const std::string exceeded = "Exceeded allowed attempts " + std::to_string(policy_.attempts) + " in interval " +
                                     format_duration(policy_.interval);
        if (policy_.mode != "delay") return {RestartDecision::Kind::fail, 0, exceeded + " and mode is \"fail\""};
        const UnixNanos wait = interval_start_ + policy_.interval - now;
        count_ = 0;
        interval_start_ = 0;  // the next failure after the wait opens a new interval
        ++restarts_;
        return {RestartDecision::Kind::restart, wait,
                exceeded + " and mode is \"delay\", delaying for " + format_duration(wait)};
    }
    ++restarts_;
    return {RestartDecision::Kind::restart, policy_.delay, "Restart within policy"};
}

}  // namespace hjob::runtime::agent

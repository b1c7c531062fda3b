// The restart tracker (runtime/agent/restart.hpp): Nomad's decisions and messages.
#include <catch2/catch.hpp>

#include "runtime/agent/restart.hpp"

using hjob::runtime::agent::RestartDecision;
using hjob::runtime::agent::RestartTracker;
using Kind = RestartDecision::Kind;

namespace {

constexpr std::int64_t s = 1'000'000'000;

hjob::ir::RestartPolicy policy(int attempts, std::int64_t interval, std::int64_t delay, const char* mode) {
    hjob::ir::RestartPolicy p;
    p.attempts = attempts, p.interval = interval, p.delay = delay, p.mode = mode;
    return p;
}

}  // namespace

TEST_CASE("restart: attempts per interval, then mode fail gives up") {
    RestartTracker t(policy(2, 60 * s, 15 * s, "fail"), "service");
    auto d = t.next(false, 100 * s);
    CHECK(d.kind == Kind::restart);
    CHECK(d.wait == 15 * s);
    CHECK(d.reason == "Restart within policy");
    CHECK(t.next(true, 120 * s).kind == Kind::restart);  // a service task restarts even after exit 0
    d = t.next(false, 140 * s);
    CHECK(d.kind == Kind::fail);
    CHECK(d.reason == "Exceeded allowed attempts 2 in interval 1m0s and mode is \"fail\"");
    CHECK(t.restarts() == 2);
}

TEST_CASE("restart: a new interval resets the count") {
    RestartTracker t(policy(1, 10 * s, 1 * s, "fail"), "service");
    CHECK(t.next(false, 100 * s).kind == Kind::restart);
    CHECK(t.next(false, 111 * s).kind == Kind::restart);  // 11 s later: a new interval
    CHECK(t.next(false, 112 * s).kind == Kind::fail);
}

TEST_CASE("restart: mode delay waits for the end of the interval") {
    RestartTracker t(policy(1, 30 * s, 1 * s, "delay"), "service");
    CHECK(t.next(false, 100 * s).kind == Kind::restart);
    const auto d = t.next(false, 110 * s);
    CHECK(d.kind == Kind::restart);
    CHECK(d.wait == 20 * s);
    CHECK(d.reason == "Exceeded allowed attempts 1 in interval 30s and mode is \"delay\", delaying for 20s");
}

TEST_CASE("restart: a batch task that exits 0 is done, one that fails is restarted") {
    RestartTracker t(policy(3, 3600 * s, 15 * s, "fail"), "batch");
    CHECK(t.next(false, 1 * s).kind == Kind::restart);
    CHECK(t.next(true, 2 * s).kind == Kind::done);
}

TEST_CASE("restart: durations as Nomad prints them") {
    using hjob::runtime::agent::format_duration;
    CHECK(format_duration(200'000'000) == "200ms");
    CHECK(format_duration(15 * s) == "15s");
    CHECK(format_duration(90 * s) == "1m30s");
    CHECK(format_duration(1800 * s) == "30m0s");
    CHECK(format_duration(3600 * s) == "1h0m0s");
}

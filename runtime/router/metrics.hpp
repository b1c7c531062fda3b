// The router's counters, served at /api/metrics: requests by status class, routing misses,
// upstream failures and retries, and a histogram of upstream latency with percentiles.
// Lock-free (relaxed atomics): every request touches them.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace hjob::runtime::router {

/// Latency buckets whose upper bounds grow by √2 from 25 µs to about 50 s.
class Histogram {
public:
    static constexpr int buckets = 43;
    void add(std::chrono::nanoseconds d);
    std::uint64_t count() const;
    /// The q-quantile (0..1) in milliseconds, interpolated within its bucket; 0 when empty.
    double quantile_ms(double q) const;
    nlohmann::json to_json() const;

private:
    static double upper_us(int bucket);
    std::array<std::atomic<std::uint64_t>, buckets> counts_{};
    std::atomic<std::uint64_t> sum_us_{0};
};

struct Metrics {
    std::atomic<std::uint64_t> requests{0};
    std::array<std::atomic<std::uint64_t>, 6> by_class{};  ///< index = status / 100
    std::atomic<std::uint64_t> no_route{0};                ///< 404s: no route matched
    std::atomic<std::uint64_t> no_instance{0};             ///< 503s: route without a passing instance
    std::atomic<std::uint64_t> upstream_errors{0};         ///< failed attempts (connect, reset, timeout)
    std::atomic<std::uint64_t> retries{0};                 ///< requests retried on another instance
    std::atomic<std::uint64_t> bad_requests{0};            ///< 400, 408, 413, 431 and closed connections
    std::atomic<std::uint64_t> connections{0};             ///< client connections accepted
    Histogram upstream_latency;

    void count_status(unsigned status);
    nlohmann::json to_json() const;
};

}  // namespace hjob::runtime::router

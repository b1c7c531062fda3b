// The router's counters and latency histogram (metrics.hpp).
#include "metrics.hpp"

#include <cmath>

namespace hjob::runtime::router {

double Histogram::upper_us(int bucket) { return 25.0 * std::pow(std::sqrt(2.0), bucket); }

void Histogram::add(std::chrono::nanoseconds d) {
    const double us = double(d.count()) / 1000.0;
    int b = us <= 25.0 ? 0 : int(std::ceil(std::log(us / 25.0) / std::log(std::sqrt(2.0))));
    b = std::min(b, buckets - 1);
    counts_[std::size_t(b)].fetch_add(1, std::memory_order_relaxed);
    sum_us_.fetch_add(std::uint64_t(us), std::memory_order_relaxed);
}

std::uint64_t Histogram::count() const {
    std::uint64_t n = 0;
    for (const auto& c : counts_) n += c.load(std::memory_order_relaxed);
    return n;
}

double Histogram::quantile_ms(double q) const {
    const std::uint64_t total = count();
    if (total == 0) return 0;
    const double rank = q * double(total);
    double seen = 0;
    for (int b = 0; b < buckets; ++b) {
        const double n = double(counts_[std::size_t(b)].load(std::memory_order_relaxed));
        if (n > 0 && seen + n >= rank) {
            const double lo = b == 0 ? 0 : upper_us(b - 1), hi = upper_us(b);
            return (lo + (hi - lo) * (rank - seen) / n) / 1000.0;
        }
        seen += n;
    }
    return upper_us(buckets - 1) / 1000.0;
}

nlohmann::json Histogram::to_json() const {
    nlohmann::json bounds = nlohmann::json::array();
    for (int b = 0; b < buckets; ++b)
        if (auto n = counts_[std::size_t(b)].load(std::memory_order_relaxed))
            bounds.push_back({{"le_ms", upper_us(b) / 1000.0}, {"count", n}});
    const auto n = count();
    return {{"count", n},
            {"mean_ms", n ? double(sum_us_.load()) / double(n) / 1000.0 : 0.0},
            {"p50_ms", quantile_ms(0.50)},
            {"p90_ms", quantile_ms(0.90)},
            {"p99_ms", quantile_ms(0.99)},
            {"buckets", bounds}};
}

void Metrics::count_status(unsigned status) {
    requests.fetch_add(1, std::memory_order_relaxed);
    by_class[std::min<std::size_t>(status / 100, 5)].fetch_add(1, std::memory_order_relaxed);
}

nlohmann::json Metrics::to_json() const {
    auto get = [](const std::atomic<std::uint64_t>& a) { return a.load(std::memory_order_relaxed); };
    return {{"requests", get(requests)},
            {"responses", {{"1xx", get(by_class[1])}, {"2xx", get(by_class[2])}, {"3xx", get(by_class[3])},
                           {"4xx", get(by_class[4])}, {"5xx", get(by_class[5])}}},
            {"no_route", get(no_route)},
            {"no_instance", get(no_instance)},
            {"upstream_errors", get(upstream_errors)},
            {"retries", get(retries)},
            {"bad_requests", get(bad_requests)},
            {"connections", get(connections)},
            {"upstream_latency", upstream_latency.to_json()}};
}

}  // namespace hjob::runtime::router

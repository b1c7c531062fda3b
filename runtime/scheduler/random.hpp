// Deterministic randomness for the planner and scheduler: every "random" choice (node order,
// ids) comes from a seed, so that the same state and seed always give the same plan.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::runtime::sched {

/// FNV-1a, 64 bits: a stable hash of a string (std::hash is not stable across builds).
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL);

/// splitmix64: small, fast, and the same on every platform (std distributions are not).
struct SplitMix {
    std::uint64_t state;
    std::uint64_t next();
    /// Uniform in [0, n) (n > 0), by Lemire's multiply-shift; bias is negligible here.
    std::uint32_t below(std::uint32_t n);
};

/// Fisher-Yates with SplitMix: a deterministic shuffle.
void shuffle(std::vector<std::uint32_t>& v, std::uint64_t seed);

/// A version-4-shaped UUID made from two 64-bit draws of `rng`.
std::string make_uuid(SplitMix& rng);

}  // namespace hjob::runtime::sched

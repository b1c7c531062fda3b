// Deterministic hash, generator, shuffle and UUIDs (see random.hpp).
#include "runtime/scheduler/random.hpp"

#include <utility>

namespace hjob::runtime::sched {

std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::uint64_t SplitMix::next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint32_t SplitMix::below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
}

void shuffle(std::vector<std::uint32_t>& v, std::uint64_t seed) {
    SplitMix rng{seed};
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(static_cast<std::uint32_t>(i))]);
}

std::string make_uuid(SplitMix& rng) {
    static constexpr char hex[] = "0123456789abcdef";
    std::uint64_t a = rng.next(), b = rng.next();
    a = (a & ~0xf000ULL) | 0x4000ULL;                       // version 4
    b = (b & ~(3ULL << 62)) | (2ULL << 62);                 // RFC 4122 variant
    std::string out(36, '-');
    int pos = 0;
    for (int i = 0; i < 32; ++i) {
        if (pos == 8 || pos == 13 || pos == 18 || pos == 23) ++pos;
        const std::uint64_t word = i < 16 ? a : b;
        out[pos++] = hex[(word >> (60 - 4 * (i % 16))) & 0xf];
    }
    return out;
}

}  // namespace hjob::runtime::sched

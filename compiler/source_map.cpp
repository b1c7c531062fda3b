// The source map's buffer and table (source_map.hpp).
#include "source_map.hpp"

#include <cstring>

namespace hjob::ir {

namespace {

// Eight bytes per step with a multiply-xorshift mix: paths are short and differ near their
// ends, and std::hash (murmur) was a third of recording a path.
std::size_t hash_of(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    std::uint64_t tail = 0;
    if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
}

/// The table stays at most half full, so probes stay short.
std::size_t slots_for(std::size_t paths) {
    std::size_t n = 16;
    while (n < paths * 2) n *= 2;
    return n;
}

std::uint64_t tag_of(std::size_t hash) { return static_cast<std::uint64_t>(hash) & 0xFFFFFFFF00000000ull; }
std::uint32_t entry_of(std::uint64_t slot) { return static_cast<std::uint32_t>(slot); }

}  // namespace

void SourceMap::reserve(std::size_t paths, std::size_t bytes) {
    keys_.reserve(bytes);
    entries_.reserve(paths);
    if (indexed_ && slots_.size() < slots_for(paths)) {
        slots_.assign(slots_for(paths), 0);
        distinct_ = 0;
        for (std::size_t i = 0; i < entries_.size(); ++i) insert(i, hash_of(key(entries_[i])));
    }
}

void SourceMap::grow() { reserve(entries_.size() * 2 + 8, keys_.capacity()); }

std::size_t SourceMap::probe(std::string_view k, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = tag_of(hash);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint64_t s = slots_[i];
        if (s == 0) return i;
        if ((s & 0xFFFFFFFF00000000ull) == tag && key(entries_[entry_of(s) - 1]) == k) return i;
    }
}

void SourceMap::insert(std::size_t i, std::size_t hash) {
    std::uint64_t& slot = slots_[probe(key(entries_[i]), hash)];
    if (slot == 0) ++distinct_;
    slot = tag_of(hash) | (i + 1);
}

void SourceMap::record(std::initializer_list<std::string_view> parts, Range r) {
    const std::size_t start = keys_.size();
    for (std::string_view p : parts) keys_.append(p);
    entries_.push_back(Entry{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(keys_.size() - start), r});
    if (!indexed_) return;
    if (entries_.size() * 2 > slots_.size()) grow();  // grow() indexes the new entry too
    else insert(entries_.size() - 1, hash_of(key(entries_.back())));
}

void SourceMap::append(const SourceMap& other) {
    keys_.reserve(keys_.size() + other.keys_.size());
    entries_.reserve(entries_.size() + other.entries_.size());
    for (const Entry& e : other.entries_) record(other.key(e), e.range);
}

void SourceMap::index() {
    if (indexed_) return;
    indexed_ = true;
    distinct_ = 0;
    slots_.assign(slots_for(entries_.size()), 0);
    // The hashes first, then the inserts with the slot of the insert `ahead` places later
    // already on its way into the cache: the table is megabytes and the slots are random.
    std::vector<std::size_t> hashes(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) hashes[i] = hash_of(key(entries_[i]));
    constexpr std::size_t ahead = 16;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (i + ahead < entries_.size()) __builtin_prefetch(&slots_[hashes[i + ahead] & mask], 1);
        insert(i, hashes[i]);
    }
}

const Range* SourceMap::find(std::string_view path) const {
    if (!indexed_) {
        for (auto e = entries_.rbegin(); e != entries_.rend(); ++e)
            if (key(*e) == path) return &e->range;
        return nullptr;
    }
    const std::uint64_t s = slots_[probe(path, hash_of(path))];
    return s == 0 ? nullptr : &entries_[entry_of(s) - 1].range;
}

SourceRange SourceMap::at(std::string_view path) const {
    while (true) {
        if (const Range* r = find(path)) return SourceRange{file, *r};
        const auto slash = path.rfind('/');
        if (slash == std::string_view::npos || path.empty()) break;
        path = path.substr(0, slash);
    }
    return SourceRange{file, Range{}};
}

}  // namespace hjob::ir

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

}  // namespace

void SourceMap::reserve(std::size_t paths, std::size_t bytes) {
    keys_.reserve(bytes);
    entries_.reserve(paths);
    if (slots_.size() < slots_for(paths)) {
        slots_.assign(slots_for(paths), 0);
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const std::size_t s = probe(key(entries_[i]), entries_[i].hash);
            slots_[s] = static_cast<std::uint32_t>(i + 1);
        }
    }
}

void SourceMap::grow() { reserve(entries_.size() * 2 + 8, keys_.capacity()); }

std::size_t SourceMap::probe(std::string_view k, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint32_t s = slots_[i];
        if (s == 0) return i;
        const Entry& e = entries_[s - 1];
        if (e.hash == hash && key(e) == k) return i;
    }
}

void SourceMap::record(std::initializer_list<std::string_view> parts, Range r) {
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    const std::size_t start = keys_.size();
    for (std::string_view p : parts) keys_.append(p);
    const std::string_view k = std::string_view(keys_).substr(start);
    const std::size_t hash = hash_of(k);
    std::uint32_t& slot = slots_[probe(k, hash)];
    if (slot != 0) {  // recorded before: the new range wins, the copy of the path goes
        entries_[slot - 1].range = r;
        keys_.resize(start);
        return;
    }
    entries_.push_back(Entry{hash, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(k.size()), r});
    slot = static_cast<std::uint32_t>(entries_.size());
}

const Range* SourceMap::find(std::string_view path) const {
    if (slots_.empty()) return nullptr;
    const std::uint32_t s = slots_[probe(path, hash_of(path))];
    return s == 0 ? nullptr : &entries_[s - 1].range;
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

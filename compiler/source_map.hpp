// The IR's source map (see SourceMap in ir.hpp): which source range an IR path came from.
// The binder records a path for nearly every attribute it reads (about one per 40 bytes of
// job text), so recording must be cheap: paths are appended to one buffer and indexed by an
// open-addressing table of entry numbers, with no allocation per path (a hash map of
// std::string keys was 16% of checking a 10 MB job).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/source.hpp"

namespace hjob::ir {

/// Where IR values came from: JSON-pointer-like paths into the IR JSON's "job" object
/// ("/groups/0/count", "/groups/0/tasks/1/resources/memory_mb") mapped to the source range of
/// the attribute's expression, or of the block's header (type and labels) for a block path.
/// Ports are keyed by label ("/groups/0/networks/0/ports/http"), volumes and task scaling
/// policies by name. Values inherited from elsewhere (a job-level update merged into a group)
/// point at the block they came from. Validation reports at these ranges.
class SourceMap {
public:
    const SourceFile* file = nullptr;

    /// Room for `paths` paths of `bytes` bytes in all, so that a run does not regrow.
    void reserve(std::size_t paths, std::size_t bytes);
    /// Records the range of the path made of `parts` put end to end; recording a path again
    /// replaces its range.
    void record(std::initializer_list<std::string_view> parts, Range r);
    void record(std::string_view path, Range r) { record({path}, r); }

    /// The range recorded for exactly `path`, or nullptr.
    const Range* find(std::string_view path) const;
    bool contains(std::string_view path) const { return find(path) != nullptr; }
    /// The range recorded for `path`, or for its nearest recorded ancestor; empty range at 0
    /// when nothing is recorded.
    SourceRange at(std::string_view path) const;
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::size_t hash;
        std::uint32_t offset, length;
        Range range;
    };
    std::string_view key(const Entry& e) const { return std::string_view(keys_).substr(e.offset, e.length); }
    /// The slot holding `key`, or the empty slot where it would go (the table is never full).
    std::size_t probe(std::string_view key, std::size_t hash) const;
    void grow();

    std::string keys_;                 ///< every recorded path, end to end
    std::vector<Entry> entries_;       ///< in recording order
    std::vector<std::uint32_t> slots_; ///< entry number + 1, 0 when empty; a power of two long
};

}  // namespace hjob::ir

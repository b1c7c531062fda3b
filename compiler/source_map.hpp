// The IR's source map (see SourceMap in ir.hpp): which source range an IR path came from.
// The binder records a path for nearly every attribute it reads (about one per 40 bytes of
// job text), and validation looks up only a few thousand, so recording only appends the path
// to one buffer; index(), called once binding is done, builds an open-addressing table of
// entry numbers in one pass that prefetches its slots. Inserting each path into the table as
// it was recorded cost a cache miss per path: 15% of checking a 10 MB job.
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
    /// Records every path of `other`, in its order, as if recorded here.
    void append(const SourceMap& other);
    /// Builds the lookup table; paths recorded afterwards are added to it as they come.
    /// Lookups before index() scan the entries, newest first.
    void index();

    /// The range recorded for exactly `path`, or nullptr.
    const Range* find(std::string_view path) const;
    bool contains(std::string_view path) const { return find(path) != nullptr; }
    /// The range recorded for `path`, or for its nearest recorded ancestor; empty range at 0
    /// when nothing is recorded.
    SourceRange at(std::string_view path) const;
    /// Distinct paths recorded (before index(), a path recorded twice counts twice).
    std::size_t size() const { return indexed_ ? distinct_ : entries_.size(); }

private:
    struct Entry {
        std::uint32_t offset, length;
        Range range;
    };
    std::string_view key(const Entry& e) const { return std::string_view(keys_).substr(e.offset, e.length); }
    /// The slot holding `key`, or the empty slot where it would go (the table is never full).
    std::size_t probe(std::string_view key, std::size_t hash) const;
    /// Puts entry `i` in the table; a later entry for the same path takes the slot.
    void insert(std::size_t i, std::size_t hash);
    void grow();

    std::string keys_;                 ///< every recorded path, end to end
    std::vector<Entry> entries_;       ///< in recording order
    /// A power of two long; 0 when empty, else the hash's high half above entry number + 1, so
    /// that a probe compares hashes without reading the entries (a cache miss each on a 10 MB job).
    std::vector<std::uint64_t> slots_;
    bool indexed_ = false;
    std::size_t distinct_ = 0;
};

}  // namespace hjob::ir

// Finding one allocation from a command-line argument: a full id or a unique id prefix.
#pragma once

#include <string>

#include "runtime/model.hpp"
#include "runtime/state/store.hpp"

namespace hjob::cli {

/// The allocation whose id is `arg` or starts with it. Throws StateError when none or several
/// match (naming them), or `arg` is too short to be a prefix (under 2 characters).
runtime::Allocation find_alloc(runtime::state::Store& store, const std::string& arg);

/// Where the agent keeps the allocation's directory: <data-dir>/allocs/<id>.
std::string alloc_dir_of(const runtime::state::Store& store, const std::string& alloc_id);

}  // namespace hjob::cli

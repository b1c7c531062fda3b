// The task handles the agent keeps in the state (migration 0004_agent.sql): one row per task
// process it started, written right after the start and removed once the process is gone, so
// that an agent killed at any moment leaves a row for every process that may still run.
#pragma once

#include <string>
#include <vector>

#include "runtime/drivers/driver.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::agent {

struct StoredHandle {
    std::string driver;  ///< "exec" | "raw_exec"
    drivers::TaskHandle handle;
};

/// Every stored handle. Reads outside any transaction are fine (one statement).
std::vector<StoredHandle> load_handles(state::Store& store);
/// Records (replaces) the handle of handle.alloc_id/handle.task; own statement, no index bump:
/// handles are the agent's private bookkeeping, not part of the state plans are made against.
void save_handle(state::Store& store, const StoredHandle& h);
void remove_handle(state::Store& store, const std::string& alloc_id, const std::string& task);

}  // namespace hjob::runtime::agent

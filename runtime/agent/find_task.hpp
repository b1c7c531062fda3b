// The process of a task that no stored handle names: an agent killed between a task's start
// and the write of its handle leaves one running. Found by its environment (NOMAD_ALLOC_ID and
// NOMAD_TASK_NAME) among session leaders, so that the next agent adopts it instead of starting
// a second copy. Scans /proc: only for that rare case, never on a tick.
#pragma once

#include <optional>
#include <string>

#include "runtime/drivers/driver.hpp"

namespace hjob::runtime::agent {

/// The handle of the running main process of `task` in allocation `alloc_id`, if any.
std::optional<drivers::TaskHandle> find_task_process(const std::string& alloc_id, const std::string& task,
                                                     const std::string& alloc_dir);

}  // namespace hjob::runtime::agent

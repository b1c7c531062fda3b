// From a task of the IR, interpolated in its environment, to what a driver starts.
#pragma once

#include "runtime/drivers/driver.hpp"
#include "runtime/taskenv/taskenv.hpp"

namespace hjob::runtime::agent {

/// The driver's TaskSpec of `task` in `alloc_dir`: config.command, config.args and
/// config.work_dir interpolated, the environment, kill_signal (Nomad's SIGINT when unset),
/// kill_timeout, the logs stanza and the resources. An empty command is left for the driver
/// to refuse.
drivers::TaskSpec make_task_spec(const std::string& alloc_id, const ir::Task& task, const taskenv::TaskEnv& env,
                                 const std::string& alloc_dir);

}  // namespace hjob::runtime::agent

// Task hooks, after Nomad's task runner hooks: steps the agent runs around each task process.
// prestart runs before every start (the first and each restart) and may add variables to the
// task's environment or write files into its directory; poll runs on every agent tick while the
// task runs and may ask for a restart or a signal (a template whose output changed); poststop
// runs once the task has stopped for good (the allocation stops, or restarts are exhausted).
// make_task_hooks (hooks.cpp) lists them in order: artifacts, vault, templates.
// Hooks run on the agent's reconcile thread, one task at a time: they must not block for long
// (seconds at most, such as an artifact download) and need no locking of their own.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "runtime/model.hpp"
#include "runtime/taskenv/taskenv.hpp"

namespace hjob::runtime::state {
class Store;
}
namespace hjob::runtime::catalog {
class Catalog;
}

namespace hjob::runtime::agent {

/// What the agent offers every hook; one per agent, alive while it runs.
struct AgentServices {
    state::Store& store;                  ///< the agent's connection; use from the agent thread only
    catalog::Catalog* catalog = nullptr;  ///< the service catalog (null only in unit tests)
    std::string vault_addr;               ///< the secrets API ("http://127.0.0.1:8200"); empty if none runs
    std::string data_dir;                 ///< the state's data directory
};

/// One task of one allocation, as its hooks see it. The references live as long as the task's
/// runner in the agent (from the allocation's arrival until its task is stopped for good).
struct TaskContext {
    const Allocation& alloc;
    const Node& node;
    const ir::Job& job;
    const ir::Group& group;
    const ir::Task& task;
    std::string alloc_dir;  ///< <data-dir>/allocs/<alloc id>
    std::string task_dir;   ///< <alloc_dir>/<task>: holds local/, secrets/, tmp/
    taskenv::TaskEnv& env;  ///< built before prestart; what hooks set() here the process gets
    /// Appends a task event (Nomad's types: "Downloading Artifacts", "Template Rendered", ...).
    std::function<void(const std::string& type, const std::string& message)> event;
    AgentServices& services;
};

/// What a running task's hook asks for on a tick.
struct Update {
    enum class Action { none, restart, signal };
    Action action = Action::none;
    int signal = 0;      ///< for Action::signal: the signal number (drivers::signal_number)
    std::string reason;  ///< shown in the "Restart Signaled" / "Signaling" event
};

class TaskHook {
public:
    virtual ~TaskHook() = default;
    virtual std::string name() const = 0;
    /// Before each start. An error string fails this start: the agent records a "Setup Failure"
    /// event with it and treats the start as failed (the restart policy decides what follows).
    virtual std::optional<std::string> prestart(TaskContext&) { return std::nullopt; }
    /// On each agent tick (about every 200 ms) while the task runs; must be cheap when idle.
    virtual Update poll(TaskContext&) { return {}; }
    /// After the task has stopped for good (not between restarts): revoke, clean up.
    virtual void poststop(TaskContext&) {}
};

using TaskHooks = std::vector<std::unique_ptr<TaskHook>>;

/// The hooks of one task, in the order they run; created once per task runner, so a hook may
/// keep state between calls (the last rendered text, a token).
TaskHooks make_task_hooks(const TaskContext& ctx);

}  // namespace hjob::runtime::agent

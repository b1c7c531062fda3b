// One task of one allocation in the agent, after Nomad's task runner: hooks' prestart, the
// driver's start, the exit watch, the restart policy and check_restart, and the stop
// (kill_signal, then SIGKILL after kill_timeout, in the background so that one slow task does
// not hold up the others). It writes the task's state and events into its allocation's copy;
// the agent writes that copy back to the state.
#pragma once

#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "hooks.hpp"
#include "restart.hpp"
#include "runtime/drivers/driver.hpp"
#include "runtime/drivers/exit_watcher.hpp"
#include "services.hpp"

namespace hjob::runtime::agent {

/// What every runner of one allocation shares; the agent owns it.
struct AllocContext {
    Allocation alloc;  ///< desired fields from the state, client fields (status, task states) from the agent
    Node node;
    std::shared_ptr<const JobVersion> version;
    const ir::Group* group = nullptr;  ///< inside version->job
    std::string alloc_dir;
    bool dirty = false;  ///< client fields changed since the last write to the state
};

/// The agent's parts a runner uses.
struct RunnerDeps {
    state::Store& store;
    std::map<std::string, drivers::Driver*> drivers;  ///< by driver name
    drivers::ExitWatcher& watcher;
    ServiceRegistry& services;
    AgentServices& hook_services;
    std::function<void(const std::string&)> log;  ///< one line per task event
};

class TaskRunner {
public:
    TaskRunner(AllocContext& alloc, const ir::Task& task, RunnerDeps& deps);
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;

    const std::string& name() const { return task_.name; }
    const std::string& driver_name() const { return task_.driver; }
    /// Takes over the process an earlier agent started; when it is gone, the restart policy decides.
    void adopt(const std::string& driver, const drivers::TaskHandle& recorded, UnixNanos now);
    /// The first start.
    void start(UnixNanos now);
    /// The watcher saw the process end (or a poll found it ended).
    void on_exit(UnixNanos now);
    /// Restart delays, check_restart, hooks' poll, stops that finished, exits without a pidfd.
    void tick(UnixNanos now);
    /// Stops the task for good (allocation stopped, sibling failed). With `suspend` (the agent
    /// stops, tasks are to run again under the next agent) the task ends up pending, not dead.
    void kill(const std::string& reason, UnixNanos now, bool suspend = false);
    /// Forgets the process without stopping it (`hjob agent stop --leave-tasks`).
    void leave();
    bool dead() const { return phase_ == Phase::dead; }
    bool running() const { return phase_ == Phase::running; }
    TaskState& state() { return alloc_.alloc.task_states[task_.name]; }

private:
    enum class Phase { idle, running, waiting, stopping, dead };
    enum class After { dead, restart_now, restart_policy };
    void run(UnixNanos now);
    bool prepare(UnixNanos now, drivers::TaskSpec& spec);
    void started(const drivers::StartResult& r, UnixNanos now);
    void ended(const drivers::ExitStatus& s, UnixNanos now);
    void decide(bool success, UnixNanos now);
    void stop_async(const std::string& reason, After after);
    void finish_stop(UnixNanos now);
    void go_dead(bool failed, UnixNanos now);
    void event(const std::string& type, const std::string& message, UnixNanos now = 0);
    void set_state(const std::string& s);
    drivers::Driver* driver();

    AllocContext& alloc_;
    const ir::Task& task_;
    RunnerDeps& deps_;
    taskenv::TaskEnv env_;
    TaskContext ctx_;
    TaskHooks hooks_;
    RestartTracker tracker_;
    Phase phase_ = Phase::idle;
    After after_stop_ = After::dead;
    std::string driver_name_;
    std::optional<drivers::TaskHandle> handle_;
    bool watched_ = false, killed_ = false, suspend_ = false;
    UnixNanos restart_at_ = 0, started_at_ = 0;
    std::future<drivers::StopResult> stopping_;
};

/// The wall clock now, in the state's unit.
UnixNanos now_nanos();

}  // namespace hjob::runtime::agent

// `hjob agent`: the supervisor of one data directory. It hosts every node of the state (each
// with its own loopback address), turns the allocations the planner placed on them into
// running tasks (alloc_runner.hpp), writes client status, task states and events back, keeps
// the catalog and checks in step (services.hpp), and re-adopts the processes of an earlier
// agent on start. One thread does all the work with the state, woken by state changes
// (PRAGMA data_version, polled each tick), task exits (ExitWatcher) and check changes.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "alloc_runner.hpp"

namespace hjob::runtime::agent {

struct AgentOptions {
    std::string data_dir;
    std::chrono::milliseconds tick{200};
    int log_level = 1;  ///< 0 errors, 1 info, 2 debug; lines go to `log`
    std::function<void(const std::string&)> log;
};

class Agent {
public:
    explicit Agent(AgentOptions options);
    ~Agent();
    /// Runs until request_stop; returns the exit status. Throws StateError when the state
    /// cannot be opened.
    int run();
    /// Ends run(): stops every task first unless `leave_tasks`. Thread-safe, may be called from
    /// a signal-handling thread.
    void request_stop(bool leave_tasks);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hjob::runtime::agent

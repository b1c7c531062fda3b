// Tells the agent when task processes end, for any number of tasks on one thread: each task's
// pidfd (Linux 5.3+) sits in a Boost.Asio io_context and becomes readable when the process
// ends, child or not (an adopted task is not the agent's child). No polling, no SIGCHLD.
// The callback should then ask the driver's try_wait for the status.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "driver.hpp"

namespace hjob::runtime::drivers {

class ExitWatcher {
public:
    using OnExit = std::function<void(const TaskHandle&)>;
    explicit ExitWatcher(OnExit on_exit);
    ~ExitWatcher();
    ExitWatcher(const ExitWatcher&) = delete;
    ExitWatcher& operator=(const ExitWatcher&) = delete;

    /// Calls on_exit (on the watcher's thread) once the task's main process ends; at once if it
    /// already has. Returns false when the kernel has no pidfd (the caller must poll try_wait).
    bool watch(const TaskHandle& handle);
    /// Stops watching a task (its on_exit will not be called).
    void forget(const TaskHandle& handle);

private:
    struct Watch;
    OnExit on_exit_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::map<int, std::shared_ptr<Watch>> watches_;  ///< by pid; io thread only
    std::thread thread_;
};

}  // namespace hjob::runtime::drivers

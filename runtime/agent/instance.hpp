// One agent per data directory: an flock on <data-dir>/agent.lock held for the agent's life
// (the kernel drops it when the agent dies, even by kill -9) and its pid in <data-dir>/agent.pid
// so that `hjob agent stop|status` and `hjob apply` can find it.
#pragma once

#include <optional>
#include <string>

namespace hjob::runtime::agent {

class InstanceLock {
public:
    /// Takes the lock of `data_dir` without waiting; nullopt when another agent holds it.
    /// Throws std::runtime_error when the lock file cannot be created.
    static std::optional<InstanceLock> try_acquire(const std::string& data_dir);
    InstanceLock(InstanceLock&& o) noexcept : fd_(o.fd_), dir_(std::move(o.dir_)) { o.fd_ = -1; }
    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;
    ~InstanceLock();

private:
    InstanceLock(int fd, std::string dir) : fd_(fd), dir_(std::move(dir)) {}
    int fd_ = -1;
    std::string dir_;
};

/// The pid of the agent running for `data_dir` (its lock is held), or nullopt.
std::optional<long> running_agent(const std::string& data_dir);

}  // namespace hjob::runtime::agent

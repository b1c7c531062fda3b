// Waiting for and stopping exec and raw_exec tasks (exec_driver.hpp). A task started by this
// driver is our child and waitpid gives its status; an adopted one is not (its parent was the
// previous agent), so only its end is seen, through its pidfd or /proc, with exit code -1.
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <thread>

#include "exec_driver.hpp"
#include "proc.hpp"

namespace hjob::runtime::drivers {

namespace {

using Clock = std::chrono::steady_clock;

ExitStatus from_wait_status(int status) {
    ExitStatus s;
    if (WIFEXITED(status)) s.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) s.exit_code = -1, s.signal = WTERMSIG(status);
    return s;
}

/// No live process left in the group. Zombies do not count: their parent (maybe not us: the
/// agent that started an adopted task is gone) reaps them, they hold no resources.
bool group_gone(int pgid) { return (::kill(-pgid, 0) != 0 && errno == ESRCH) || group_members(pgid).empty(); }

}  // namespace

std::optional<ExitStatus> ExecDriver::try_wait(const TaskHandle& h) {
    // One caller at a time: of two concurrent waitpid calls only one gets the status, and the
    // other must not record "unknown" for the same task.
    std::lock_guard lock(mu_);
    const auto key = std::make_pair(h.pid, h.start_ticks);
    if (auto it = ended_.find(key); it != ended_.end()) return it->second;
    int status = 0;
    const pid_t r = ::waitpid(h.pid, &status, WNOHANG);
    ExitStatus ended;
    if (r == h.pid) {
        ended = from_wait_status(status);
    } else if (r == 0) {
        return std::nullopt;  // our child, still running
    } else {
        // Not our child (adopted): it runs while /proc shows the same process alive.
        const auto stat = proc_stat(h.pid);
        if (stat && stat->start_ticks == h.start_ticks && stat->state != 'Z') return std::nullopt;
        ended.exit_code = -1;
    }
    release(h, ended);
    return ended_.emplace(key, ended).first->second;
}

std::optional<ExitStatus> ExecDriver::wait(const TaskHandle& h, std::chrono::milliseconds timeout) {
    if (auto s = try_wait(h)) return s;
    // A pidfd becomes readable when the process ends, for children and non-children alike.
    const int fd = static_cast<int>(::syscall(SYS_pidfd_open, h.pid, 0));
    if (fd >= 0) {
        pollfd p{fd, POLLIN, 0};
        ::poll(&p, 1, static_cast<int>(timeout.count()));
        ::close(fd);
        return try_wait(h);
    }
    // No pidfd (old kernel, or the process is already gone): poll /proc until the deadline.
    const auto deadline = Clock::now() + timeout;
    for (auto step = std::chrono::milliseconds(5); Clock::now() < deadline; step = std::min(step * 2, std::chrono::milliseconds(100))) {
        if (auto s = try_wait(h)) return s;
        std::this_thread::sleep_for(step);
    }
    return try_wait(h);
}

StopResult ExecDriver::stop(const TaskHandle& h, int signal, std::chrono::milliseconds timeout) {
    StopResult res;
    // The kernel does not reuse a pid while a process group of that number exists, so a pid now
    // held by another process means the whole task is gone: nothing to signal.
    if (const auto st = proc_stat(h.pid); st && st->start_ticks != h.start_ticks) {
        res.status = try_wait(h);
        return res;
    }
    ::kill(-h.pid, signal > 0 ? signal : SIGINT);
    auto drained = [&](Clock::time_point deadline) {
        for (auto step = std::chrono::milliseconds(2);; step = std::min(step * 2, std::chrono::milliseconds(50))) {
            if (!res.status) res.status = try_wait(h);  // reaps the leader, so it no longer counts
            if (res.status && group_gone(h.pid)) return true;
            if (Clock::now() >= deadline) return false;
            std::this_thread::sleep_for(step);
        }
    };
    if (!drained(Clock::now() + timeout)) {
        res.escalated = true;
        ::kill(-h.pid, SIGKILL);
        if (const auto dir = cgroup_dir(h); !dir.empty()) std::ofstream(dir + "/cgroup.kill") << "1";
        drained(Clock::now() + std::chrono::seconds(10));
    }
    if (!res.status) res.status = try_wait(h);
    return res;
}

}  // namespace hjob::runtime::drivers

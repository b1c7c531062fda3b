// The task driver interface the agent starts, stops, waits for and re-adopts task processes
// through; exec_driver.hpp is the implementation for `exec` and `raw_exec`, tests may fake it.
// A handle is plain data the agent stores, so that a restarted agent can adopt the process.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hjob::runtime::drivers {

/// Everything a driver needs to start one task; strings are already interpolated (taskenv).
struct TaskSpec {
    std::string alloc_id, task;
    std::string alloc_dir;  ///< the allocation directory (alloc_dir.hpp lays it out)
    std::string command;    ///< a path (relative ones resolve against the task directory) or a name on PATH
    std::vector<std::string> args;
    std::map<std::string, std::string> env;  ///< the task's environment: NOMAD_* and `env`
    std::string work_dir;                    ///< config.work_dir; empty is the task directory
    std::string user;                        ///< the task's `user`: not honoured, reported in the notes
    std::string kill_signal = "SIGINT";      ///< Nomad's default
    std::chrono::milliseconds kill_timeout{5000};
    int log_max_files = 10, log_max_file_size_mb = 10;
    bool logs_disabled = false;
    int cpu_mhz = 0, memory_mb = 0, memory_max_mb = 0;  ///< 0: no limit
    /// Test hook: rotate at this many bytes instead of log_max_file_size_mb (0: use the MB figure).
    std::int64_t log_rotate_bytes = 0;
};

/// What a running task is, as stored: enough to find it again after an agent restart.
struct TaskHandle {
    int pid = 0;                  ///< also the process group and session id (the task is a session leader)
    std::uint64_t start_ticks = 0;  ///< field 22 of /proc/<pid>/stat: tells a recycled pid apart
    std::string boot_id;          ///< /proc/sys/kernel/random/boot_id at start: ticks restart at boot
    std::string alloc_id, task, alloc_dir;
    int log_max_files = 10;
    std::int64_t log_rotate_bytes = 0;
    bool logs_disabled = false;
};

struct ExitStatus {
    int exit_code = 0;  ///< -1 when unknown (an adopted process is not our child: no status)
    int signal = 0;     ///< the signal that ended it, 0 if it exited
    bool oom_killed = false;
};

struct StartResult {
    std::optional<TaskHandle> handle;  ///< unset when the task could not start
    std::string error;                 ///< why not ("command not found: foo")
    /// What the driver enforced and what it could not, one line each, for the task events
    /// ("memory: cgroup v2 memory.max 256 MiB", "cpu: not enforced (no cgroup v2 cpu controller)").
    std::vector<std::string> notes;
};

struct StopResult {
    bool escalated = false;  ///< SIGKILL was needed after kill_timeout
    std::optional<ExitStatus> status;
};

class Driver {
public:
    virtual ~Driver() = default;
    virtual std::string name() const = 0;
    /// Starts the task; never throws for a bad task (the error is in the result).
    virtual StartResult start(const TaskSpec& spec) = 0;
    /// The exit status if the task's main process has ended, without blocking.
    virtual std::optional<ExitStatus> try_wait(const TaskHandle& handle) = 0;
    /// Blocks until the main process ends or `timeout` passes (then nullopt).
    virtual std::optional<ExitStatus> wait(const TaskHandle& handle, std::chrono::milliseconds timeout) = 0;
    /// Sends `signal` to the task's whole process group, waits up to `timeout` for every process
    /// of the group to end, then sends SIGKILL to the group. Returns when the group is empty.
    virtual StopResult stop(const TaskHandle& handle, int signal, std::chrono::milliseconds timeout) = 0;
    /// Takes over a task started by an earlier agent; refuses (nullopt, `why` says) a pid that no
    /// longer runs or now belongs to another process (its start time or boot differs).
    virtual std::optional<TaskHandle> adopt(const TaskHandle& recorded, std::string* why) = 0;
};

/// "SIGINT", "INT", "sigterm", "9" -> the signal number; 0 for an unknown name.
int signal_number(const std::string& name);

}  // namespace hjob::runtime::drivers

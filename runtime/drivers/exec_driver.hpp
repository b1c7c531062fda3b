// The `raw_exec` and `exec` drivers: a task is a process (and its children) on this machine.
//
// Both: the task runs in the allocation directory laid out as Nomad does (alloc_dir.hpp), with
// its task directory (<alloc>/<task>) as working directory unless config.work_dir says
// otherwise; it leads its own session and process group, so a stop reaches every process it
// started (a child that starts its own session escapes the group; under cgroup v2 the stop
// also kills the cgroup); stdin is /dev/null; stdout and stderr go to
// alloc/logs/<task>.{stdout,stderr}.N rotated per the logs stanza (log_collector.hpp); stop
// sends kill_signal to the group, then SIGKILL after kill_timeout; memory and cpu limits as
// limits.hpp says (cgroup v2, else RLIMIT_DATA per process, cpu then not enforced); a running
// task survives an agent restart and is adopted again by pid, start time and boot id.
//
// raw_exec: the task inherits the agent's environment, with the task's (NOMAD_* and `env`)
// on top; nothing else is isolated.
// exec: more isolated than raw_exec, much less than Nomad's exec (which chroots, uses
// namespaces and runs as `nobody`): a clean environment (only the task's variables, PATH, and
// TMPDIR set to the task's own tmp/), PR_SET_NO_NEW_PRIVS (setuid binaries do not elevate).
// It does not chroot, change user (`user` is ignored) or use namespaces.
#pragma once

#include <map>
#include <mutex>
#include <utility>

#include "driver.hpp"
#include "log_collector.hpp"

namespace hjob::runtime::drivers {

struct SpawnRequest;

class ExecDriver : public Driver {
public:
    enum class Mode { raw_exec, exec };
    explicit ExecDriver(Mode mode);

    std::string name() const override { return mode_ == Mode::exec ? "exec" : "raw_exec"; }
    StartResult start(const TaskSpec& spec) override;
    std::optional<ExitStatus> try_wait(const TaskHandle& handle) override;
    std::optional<ExitStatus> wait(const TaskHandle& handle, std::chrono::milliseconds timeout) override;
    StopResult stop(const TaskHandle& handle, int signal, std::chrono::milliseconds timeout) override;
    std::optional<TaskHandle> adopt(const TaskHandle& recorded, std::string* why) override;

    /// The environment the process gets (agent's + task's for raw_exec, clean for exec).
    std::vector<std::string> process_env(const TaskSpec& spec) const;

private:
    TaskHandle new_handle(const TaskSpec& spec) const;
    /// Directories, environment, executable and log FIFOs of a start; an error message or "".
    std::string prepare(const TaskSpec& spec, const TaskHandle& h, SpawnRequest& req);
    void attach_logs(const TaskHandle& h);
    void release(const TaskHandle& h, ExitStatus& status);
    std::string cgroup_dir(const TaskHandle& h) const;

    Mode mode_;
    std::string cgroup_root_, cgroup_why_;
    LogCollector logs_;
    std::mutex mu_;
    /// Statuses already collected, by (pid, start ticks): waitpid gives a status only once.
    std::map<std::pair<int, std::uint64_t>, ExitStatus> ended_;
};

}  // namespace hjob::runtime::drivers

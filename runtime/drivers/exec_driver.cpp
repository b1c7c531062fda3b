// Starting and adopting tasks for exec and raw_exec (exec_driver.hpp); waiting and stopping
// are in exec_stop.cpp.
#include "exec_driver.hpp"

#include <unistd.h>

#include "alloc_dir.hpp"
#include "limits.hpp"
#include "proc.hpp"
#include "spawn.hpp"

extern char** environ;

namespace hjob::runtime::drivers {

namespace fs = std::filesystem;

namespace {

constexpr const char* default_path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

fs::path fifo_path(const TaskHandle& h, const char* stream) {
    return AllocDir{h.alloc_dir}.logs() / ("." + h.task + "." + stream + ".fifo");
}

std::string log_key(const TaskHandle& h, const char* stream) { return h.alloc_id + "/" + h.task + "/" + stream; }

}  // namespace

ExecDriver::ExecDriver(Mode mode) : mode_(mode) { cgroup_root_ = cgroup_root(&cgroup_why_); }

std::vector<std::string> ExecDriver::process_env(const TaskSpec& spec) const {
    std::map<std::string, std::string> env;
    if (mode_ == Mode::raw_exec) {
        for (char** e = environ; e && *e; ++e) {
            const std::string kv = *e;
            if (const auto eq = kv.find('='); eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
        }
    } else {
        env["PATH"] = default_path;
        env["TMPDIR"] = AllocDir{spec.alloc_dir}.tmp(spec.task).string();
    }
    for (const auto& [k, v] : spec.env) env[k] = v;
    std::vector<std::string> out;
    for (const auto& [k, v] : env) out.push_back(k + "=" + v);
    return out;
}

void ExecDriver::attach_logs(const TaskHandle& h) {
    if (h.logs_disabled) return;
    const fs::path dir = AllocDir{h.alloc_dir}.logs();
    for (const char* stream : {"stdout", "stderr"}) {
        auto out = std::make_unique<LogRotator>(dir, h.task + "." + stream, h.log_max_files, h.log_rotate_bytes);
        logs_.add(log_key(h, stream), fifo_path(h, stream), std::move(out));
    }
}

TaskHandle ExecDriver::new_handle(const TaskSpec& spec) const {
    TaskHandle h;
    h.alloc_id = spec.alloc_id, h.task = spec.task, h.alloc_dir = spec.alloc_dir;
    h.log_max_files = spec.log_max_files, h.logs_disabled = spec.logs_disabled;
    h.log_rotate_bytes = spec.log_rotate_bytes > 0 ? spec.log_rotate_bytes : std::int64_t(spec.log_max_file_size_mb) << 20;
    return h;
}

std::string ExecDriver::prepare(const TaskSpec& spec, const TaskHandle& h, SpawnRequest& req) {
    const AllocDir dir{spec.alloc_dir};
    if (auto err = make_task_dirs(dir, spec.task); !err.empty()) return err;
    req.env = process_env(spec);
    std::string path = default_path;
    for (const auto& kv : req.env)
        if (kv.rfind("PATH=", 0) == 0) path = kv.substr(5);
    req.executable = resolve_command(spec.command, dir.task(spec.task).string(), path);
    if (req.executable.empty()) return "command not found or not executable: " + spec.command;
    req.args = spec.args;
    req.work_dir = spec.work_dir.empty() ? dir.task(spec.task).string() : (dir.task(spec.task) / spec.work_dir).string();
    if (std::error_code ec; !fs::is_directory(req.work_dir, ec)) return "no such work_dir: " + req.work_dir;
    req.no_new_privs = mode_ == Mode::exec;
    req.stdout_path = req.stderr_path = "/dev/null";
    if (spec.logs_disabled) return "";
    for (const char* stream : {"stdout", "stderr"})
        if (auto err = make_fifo(fifo_path(h, stream)); !err.empty()) return err;
    req.stdout_path = fifo_path(h, "stdout").string(), req.stderr_path = fifo_path(h, "stderr").string();
    return "";
}

StartResult ExecDriver::start(const TaskSpec& spec) {
    StartResult res;
    TaskHandle h = new_handle(spec);
    SpawnRequest req;
    if (res.error = prepare(spec, h, req); !res.error.empty()) return res;
    attach_logs(h);  // before the task runs, so nothing it writes waits for a reader
    LimitPlan limits = plan_limits(spec, cgroup_root_, cgroup_why_);
    req.cgroup = limits.cgroup, req.rlimit_data_bytes = limits.rlimit_data_bytes;
    res.notes = std::move(limits.notes);
    if (mode_ == Mode::exec) res.notes.push_back("exec: clean environment, own TMPDIR, no_new_privs; no chroot, user not changed");
    if (!spec.user.empty()) res.notes.push_back("user \"" + spec.user + "\" ignored: tasks run as the agent's user");

    h.pid = spawn(req, res.error);
    const auto stat = h.pid > 0 ? proc_stat(h.pid) : std::nullopt;
    if (!stat) {
        ExitStatus ignored;
        release(h, ignored);
        if (res.error.empty()) res.error = "the task ended before it could be recorded";
        return res;
    }
    h.start_ticks = stat->start_ticks;
    h.boot_id = boot_id();
    res.handle = h;
    return res;
}

std::optional<TaskHandle> ExecDriver::adopt(const TaskHandle& recorded, std::string* why) {
    auto refuse = [&](std::string reason) -> std::optional<TaskHandle> {
        if (why) *why = std::move(reason);
        return std::nullopt;
    };
    if (recorded.pid <= 0) return refuse("no pid recorded");
    if (!recorded.boot_id.empty() && recorded.boot_id != boot_id())
        return refuse("the machine rebooted since pid " + std::to_string(recorded.pid) + " was started");
    const auto stat = proc_stat(recorded.pid);
    if (!stat || stat->state == 'Z') return refuse("pid " + std::to_string(recorded.pid) + " is no longer running");
    if (stat->start_ticks != recorded.start_ticks)
        return refuse("pid " + std::to_string(recorded.pid) + " now belongs to another process (start time differs)");
    attach_logs(recorded);
    return recorded;
}

std::string ExecDriver::cgroup_dir(const TaskHandle& h) const {
    return cgroup_root_.empty() ? "" : (fs::path(cgroup_root_) / (h.alloc_id + "." + h.task)).string();
}

void ExecDriver::release(const TaskHandle& h, ExitStatus& status) {
    if (!h.logs_disabled) {
        for (const char* stream : {"stdout", "stderr"}) logs_.finish(log_key(h, stream));
    }
    if (release_cgroup(cgroup_dir(h))) status.oom_killed = true;
}

}  // namespace hjob::runtime::drivers

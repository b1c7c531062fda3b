// Starting one task process with Boost.Process v2's fork/exec launcher, plus the child-side
// steps Boost.Process has no initializer for, done in our own on_exec_setup (between fork and
// exec, async-signal-safe calls only): setsid (the task leads its own session and process
// group, so stop() reaches its children), joining the task's cgroup before exec (so every child
// is in it from the start), setrlimit, PR_SET_NO_NEW_PRIVS (exec), stdout/stderr on the log
// FIFOs, stdin on /dev/null, the signal mask and dispositions reset (the agent may block or
// ignore signals the task must see). Boost.Process reports a failed exec to the parent through
// its CLOEXEC pipe, so "no such file" is an error of start(), not an exit code 127.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hjob::runtime::drivers {

struct SpawnRequest {
    std::string executable;  ///< an absolute path
    std::vector<std::string> args;
    std::vector<std::string> env;  ///< "KEY=value"
    std::string work_dir;
    std::string stdout_path, stderr_path;  ///< FIFOs (opened read-write) or /dev/null
    std::string cgroup;                    ///< the cgroup directory to join; empty for none
    std::int64_t rlimit_data_bytes = 0;
    bool no_new_privs = false;
};

/// The pid of the started process, or -1 with `error` set.
int spawn(const SpawnRequest& req, std::string& error);

/// `command` as an absolute executable path: one with a '/' is relative to `base_dir`, a bare
/// name is searched on `path` (colon-separated). Empty when not found or not executable.
std::string resolve_command(const std::string& command, const std::string& base_dir, const std::string& path);

}  // namespace hjob::runtime::drivers

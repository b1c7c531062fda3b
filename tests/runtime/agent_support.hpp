// Helpers of the agent's end-to-end tests: an `hjob agent` process for a temporary data
// directory, stopped in every path (with every task process left under that directory), and
// the processes of this machine read from /proc: which are task main processes of an
// allocation, and a plain HTTP GET.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace hjob::test {

/// Starts `hjob ARGS` in its own session (so that killing the group reaches its children),
/// standard input from /dev/null, standard output and error to `out_path` (appended to or
/// truncated); returns its pid.
int spawn_hjob(const std::vector<std::string>& args, const std::string& out_path, bool append);

/// `hjob agent --data-dir DIR` in its own session, output to DIR/agent.test.log.
class AgentProcess {
public:
    explicit AgentProcess(std::string data_dir);
    ~AgentProcess();  ///< SIGKILL to the agent and to every process running under DIR/allocs
    AgentProcess(const AgentProcess&) = delete;
    AgentProcess& operator=(const AgentProcess&) = delete;
    int pid() const { return pid_; }
    /// SIGKILL, as a crash would; waits for it to be gone.
    void kill9();
    /// Starts it again after kill9().
    void restart();
    std::string log() const;

private:
    void spawn();
    std::string dir_;
    int pid_ = -1;
};

/// Kills, when it goes out of scope, an agent that `hjob apply` started for `data_dir` (named
/// by its agent.pid) and every task process under it.
struct AgentCleanup {
    std::string data_dir;
    ~AgentCleanup();
};

/// Main processes of tasks (session leaders) whose environment has NOMAD_ALLOC_ID=`alloc_id`.
std::vector<int> task_pids(const std::string& alloc_id);
/// Every process whose environment names an allocation directory under `data_dir`.
std::vector<int> processes_under(const std::string& data_dir);
/// The body of GET http://address:port/path, or "" when nothing answers within a second.
std::string http_get(const std::string& address, int port, const std::string& path);
/// Polls `cond` until it holds or `limit` passes.
bool wait_for(const std::function<bool()>& cond, std::chrono::milliseconds limit);

}  // namespace hjob::test

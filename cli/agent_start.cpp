// The background start of the agent (agent_start.hpp).
#include "agent_start.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

#include "runtime/agent/instance.hpp"

namespace hjob::cli {

namespace {

std::string self_exe() {
    char buf[PATH_MAX];
    const auto n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "hjob";
}

std::string log_tail(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    std::string out;
    for (auto i = lines.size() > 5 ? lines.size() - 5 : 0; i < lines.size(); ++i) out += "\n  " + lines[i];
    return out;
}

[[noreturn]] void exec_agent(const std::string& exe, const std::string& dir, const std::string& log) {
    ::setsid();  // its own session: the terminal's Ctrl-C and hang-up do not reach it
    const int in = ::open("/dev/null", O_RDONLY), out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (in < 0 || out < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    for (int fd = 3; fd < 1024; ++fd) ::close(fd);  // keep no pipe of our caller open
    std::vector<std::string> args{exe, "agent", "--data-dir", dir};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(exe.c_str(), argv.data());
    ::_exit(127);
}

}  // namespace

bool agent_disabled() {
    const char* v = std::getenv("HJOB_NO_AGENT");
    return v && *v && std::string(v) != "0";
}

AgentStart ensure_agent(const std::string& given_dir) {
    const std::string data_dir = std::filesystem::absolute(given_dir).lexically_normal().string();
    AgentStart r;
    if (agent_disabled()) return r;
    if (auto pid = runtime::agent::running_agent(data_dir)) {
        r.pid = *pid;
        return r;
    }
    const std::string exe = self_exe(), log = data_dir + "/agent.log";
    const pid_t child = ::fork();
    if (child < 0) {
        r.error = "cannot start the agent: fork failed";
        return r;
    }
    if (child == 0) exec_agent(exe, data_dir, log);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto pid = runtime::agent::running_agent(data_dir); pid && *pid > 0) {
            r.pid = *pid;
            r.started = *pid == child;
            return r;
        }
        int st = 0;
        if (::waitpid(child, &st, WNOHANG) == child) {
            // It ended: another agent won the race, or it failed to start.
            if (auto pid = runtime::agent::running_agent(data_dir)) {
                r.pid = *pid;
                return r;
            }
            r.error = "the agent exited at start; " + log + " says:" + log_tail(log);
            return r;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    r.error = "the agent did not take its lock within 10s; see " + log;
    return r;
}

void report_agent(const std::string& data_dir, bool skip, std::ostream& out) {
    if (skip || agent_disabled()) return;
    const auto r = ensure_agent(data_dir);
    if (!r.error.empty()) {
        std::cerr << "hjob: warning: " << r.error << "\nRun `hjob agent --data-dir " << data_dir
                  << "` to run the tasks.\n";
        return;
    }
    if (r.started)
        out << "Agent: started in the background (pid " << r.pid << "), log in " << data_dir << "/agent.log\n";
    else
        out << "Agent: running (pid " << r.pid << ")\n";
}

}  // namespace hjob::cli

// Template change scripts (change_script.hpp): fork and exec, polled with WNOHANG so that a
// script that hangs is killed at its timeout instead of holding the agent.
#include "change_script.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

namespace hjob::runtime::tmpl {

std::string run_change_script(const ir::ChangeScript& script, const std::string& dir,
                              const std::map<std::string, std::string>& env) {
    if (script.command.empty()) return "change_script has no command";
    std::vector<std::string> argv_s{script.command}, env_s;
    argv_s.insert(argv_s.end(), script.args.begin(), script.args.end());
    for (const auto& [k, v] : env) env_s.push_back(k + "=" + v);
    std::vector<char*> argv, envp;
    for (auto& s : argv_s) argv.push_back(s.data());
    for (auto& s : env_s) envp.push_back(s.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) return "cannot start the change script";
    if (pid == 0) {
        ::setpgid(0, 0);
        if (::chdir(dir.c_str()) != 0) ::_exit(126);
        ::execvpe(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(script.timeout);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return "the change script " + script.command + " did not finish within its timeout";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return "the change script " + script.command + " could not be run";
    return "the change script " + script.command + " failed (" +
           (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : "signal " + std::to_string(WTERMSIG(status))) + ")";
}

}  // namespace hjob::runtime::tmpl

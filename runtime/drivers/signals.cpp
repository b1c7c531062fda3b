// Signal names as Nomad's kill_signal and change_signal accept them (driver.hpp).
#include <csignal>
#include <cstdlib>
#include <string>
#include <utility>

#include "driver.hpp"

namespace hjob::runtime::drivers {

int signal_number(const std::string& name) {
    static const std::pair<const char*, int> table[] = {
        {"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"ILL", SIGILL},   {"ABRT", SIGABRT},
        {"KILL", SIGKILL}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2}, {"PIPE", SIGPIPE}, {"ALRM", SIGALRM},
        {"TERM", SIGTERM}, {"CHLD", SIGCHLD}, {"CONT", SIGCONT}, {"STOP", SIGSTOP}, {"TSTP", SIGTSTP},
        {"TTIN", SIGTTIN}, {"TTOU", SIGTTOU}, {"WINCH", SIGWINCH}, {"IO", SIGIO},   {"SYS", SIGSYS}};
    if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) {
        const int n = std::atoi(name.c_str());
        return n > 0 && n < NSIG ? n : 0;
    }
    std::string upper;
    for (char c : name) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    if (upper.rfind("SIG", 0) == 0) upper = upper.substr(3);
    for (const auto& [n, sig] : table)
        if (upper == n) return sig;
    return 0;
}

}  // namespace hjob::runtime::drivers

// Task process creation (spawn.hpp).
#include "spawn.hpp"

#include "boost_process.hpp"  // first: it defines BOOST_PROCESS_USE_STD_FS

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <sstream>

#include <boost/asio/io_context.hpp>

namespace hjob::runtime::drivers {

namespace bp = boost::process::v2;
namespace fs = std::filesystem;

namespace {

using error_code = boost::system::error_code;

error_code last_error() { return error_code(errno, boost::system::system_category()); }

/// A Boost.Process v2 initializer: the environment in the parent, the rest in the child.
struct ChildSetup {
    const SpawnRequest& req;
    const char* const* envp;

    template <typename Launcher>
    error_code on_setup(Launcher& launcher, const fs::path&, const char* const*) {
        launcher.env = envp;
        return {};
    }

    template <typename Launcher>
    error_code on_exec_setup(Launcher&, const fs::path&, const char* const*) const {
        if (::setsid() < 0) return last_error();
        if (!req.cgroup.empty() && !join_cgroup()) return last_error();
        if (!redirect(0, "/dev/null", O_RDONLY) || !redirect(1, req.stdout_path.c_str(), O_RDWR) ||
            !redirect(2, req.stderr_path.c_str(), O_RDWR))
            return last_error();
        if (::chdir(req.work_dir.c_str()) != 0) return last_error();
        if (req.rlimit_data_bytes > 0) {
            const rlimit lim{static_cast<rlim_t>(req.rlimit_data_bytes), static_cast<rlim_t>(req.rlimit_data_bytes)};
            if (::setrlimit(RLIMIT_DATA, &lim) != 0) return last_error();
        }
        if (req.no_new_privs && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return last_error();
        for (int sig = 1; sig < NSIG; ++sig) ::signal(sig, SIG_DFL);  // SIG_IGN would survive exec
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        return {};
    }

    // Child side: only async-signal-safe calls, and no allocation (the paths were built before fork).
    bool join_cgroup() const {
        char path[4096];
        const std::size_t n = req.cgroup.copy(path, sizeof path - 16);
        const char tail[] = "/cgroup.procs";
        for (std::size_t i = 0; i < sizeof tail; ++i) path[n + i] = tail[i];
        const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
        const bool ok = fd >= 0 && ::write(fd, "0", 1) == 1;  // "0" is the writing process
        if (fd >= 0) ::close(fd);
        return ok;
    }

    static bool redirect(int target, const char* path, int flags) {
        const int fd = ::open(path, flags);
        if (fd < 0) return false;
        if (fd != target) {
            if (::dup2(fd, target) < 0) return false;
            ::close(fd);
        }
        return true;
    }
};

}  // namespace

int spawn(const SpawnRequest& req, std::string& error) {
    std::vector<const char*> envp;
    for (const auto& e : req.env) envp.push_back(e.c_str());
    envp.push_back(nullptr);
    boost::asio::io_context io;  // the launcher wants an executor; the process is detached at once
    error_code ec;
    bp::process proc = bp::default_process_launcher()(io, ec, fs::path(req.executable), req.args,
                                                      ChildSetup{req, envp.data()});
    if (ec) {
        error = "cannot start " + req.executable + ": " + ec.message();
        return -1;
    }
    const int pid = proc.id();
    proc.detach();  // the driver owns the pid from here (waitpid, kill); never kill on destruction
    return pid;
}

std::string resolve_command(const std::string& command, const std::string& base_dir, const std::string& path) {
    if (command.empty()) return "";
    auto executable = [](const fs::path& p) {
        std::error_code ec;
        return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
    };
    if (command.find('/') != std::string::npos) {
        const fs::path p = fs::path(command).is_absolute() ? fs::path(command) : fs::path(base_dir) / command;
        return executable(p) ? p.lexically_normal().string() : "";
    }
    std::istringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && executable(fs::path(dir) / command)) return (fs::path(dir) / command).string();
    return "";
}

}  // namespace hjob::runtime::drivers

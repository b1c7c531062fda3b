// script probes (probe.hpp): the command runs in the task's environment and directory, in its
// own session so a timeout kills it and anything it started; exit 0 passing, 1 warning, else
// critical. Its end is awaited through its pidfd (Boost.Process v2), so no SIGCHLD handler.
#include "runtime/drivers/boost_process.hpp"  // first: it defines BOOST_PROCESS_USE_STD_FS

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <memory>

#include <boost/asio/steady_timer.hpp>

#include "probe.hpp"
#include "runtime/drivers/spawn.hpp"

namespace hjob::runtime::health {

namespace asio = boost::asio;
namespace bp = boost::process::v2;
using boost::system::error_code;

namespace {

struct ScriptSetup {
    const char* const* envp;
    const char* work_dir;

    template <typename Launcher>
    error_code on_setup(Launcher& launcher, const std::filesystem::path&, const char* const*) {
        launcher.env = envp;
        return {};
    }
    template <typename Launcher>
    error_code on_exec_setup(Launcher&, const std::filesystem::path&, const char* const*) const {
        const int null = ::open("/dev/null", O_RDWR);
        if (::setsid() < 0 || null < 0 || ::chdir(work_dir) != 0) return error_code(errno, boost::system::system_category());
        for (int fd = 0; fd < 3; ++fd) ::dup2(null, fd);
        for (int sig = 1; sig < NSIG; ++sig) ::signal(sig, SIG_DFL);
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        return {};
    }
};

using Process = bp::basic_process<asio::io_context::executor_type>;

struct Run {
    std::unique_ptr<Process> proc;
    asio::steady_timer timer;
    bool timed_out = false;
    explicit Run(asio::io_context& io) : timer(io) {}
};

}  // namespace

void probe_script(asio::io_context& io, const CheckSpec& spec, Done done) {
    const std::string what = "script " + spec.command;
    auto path = spec.env.count("PATH") ? spec.env.at("PATH") : std::string("/usr/local/bin:/usr/bin:/bin");
    const std::string exe = drivers::resolve_command(spec.command, spec.work_dir, path);
    if (exe.empty()) return done(Result{Status::critical, what + ": command not found or not executable"});
    std::vector<std::string> env;
    for (const auto& [k, v] : spec.env) env.push_back(k + "=" + v);
    std::vector<const char*> envp;
    for (const auto& e : env) envp.push_back(e.c_str());
    envp.push_back(nullptr);

    auto run = std::make_shared<Run>(io);
    error_code ec;
    Process proc = bp::default_process_launcher()(io, ec, std::filesystem::path(exe), spec.args,
                                                  ScriptSetup{envp.data(), spec.work_dir.c_str()});
    if (ec) return done(Result{Status::critical, what + ": " + ec.message()});
    run->proc = std::make_unique<Process>(std::move(proc));
    const int pid = run->proc->id();
    run->timer.expires_after(spec.timeout);
    run->timer.async_wait([run, pid](error_code e) {
        if (e) return;
        run->timed_out = true;
        ::kill(-pid, SIGKILL);  // the whole session: the script and whatever it started
    });
    const auto timeout = spec.timeout;
    run->proc->async_wait([run, done = std::move(done), what, timeout](error_code e, int code) {
        run->timer.cancel();
        if (run->timed_out) return done(Result{Status::critical, what + ": timed out after " + std::to_string(timeout.count()) + " ms"});
        if (e) return done(Result{Status::critical, what + ": " + e.message()});
        const Status s = code == 0 ? Status::passing : code == 1 ? Status::warning : Status::critical;
        done(Result{s, what + ": exit code " + std::to_string(code)});
    });
}

}  // namespace hjob::runtime::health

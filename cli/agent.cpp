// `hjob agent [--data-dir D] [--log-level L]`: the supervisor of a data directory, in the
// foreground (logs on standard error); `hjob agent stop [--leave-tasks]` ends the running one;
// `hjob agent status` says whether one runs. runtime/agent/agent.hpp has the design.
#include <CLI/CLI.hpp>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "runtime/agent/agent.hpp"
#include "runtime/agent/instance.hpp"
#include "runtime/state/ids.hpp"
#include "runtime/state/local_node.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace ra = runtime::agent;
namespace rs = runtime::state;

struct AgentOptions {
    StateOptions state;
    std::string log_level = "info";
    bool leave_tasks = false;
    int timeout_s = 90;
};

int level_of(const std::string& name) {
    if (name == "error") return 0;
    if (name == "info") return 1;
    if (name == "debug") return 2;
    throw rs::StateError("--log-level " + name + ": expected error, info or debug");
}

void log_line(const std::string& line) {
    std::cerr << rs::format_time(rs::now_nanos()) << " " << line << std::endl;
}

// SIGINT/SIGTERM/SIGHUP stop the tasks and the agent; SIGUSR2 (agent stop --leave-tasks) leaves
// the tasks running for the next agent. Handled by sigwait on a thread of their own, with the
// signals blocked in every other thread (the mask is set before any thread starts).
int run_agent(const AgentOptions& opt) {
    const int level = level_of(opt.log_level);
    // Absolute: tasks get paths under it (NOMAD_ALLOC_DIR) and run in other directories.
    const auto dir = std::filesystem::absolute(rs::resolve_data_dir(opt.state.data_dir)).lexically_normal().string();
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGUSR2}) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    auto lock = ra::InstanceLock::try_acquire(dir);
    if (!lock) {
        const auto pid = ra::running_agent(dir);
        throw rs::StateError("an agent already runs for " + dir + (pid && *pid ? " (pid " + std::to_string(*pid) + ")" : ""));
    }
    {
        auto store = rs::Store::open(dir);
        rs::ensure_local_node(store);
    }
    ra::Agent agent({dir, std::chrono::milliseconds(200), level, log_line});
    std::atomic<bool> done{false};
    std::thread signals([&] {
        for (;;) {
            int sig = 0;
            sigwait(&set, &sig);
            if (done.load()) return;
            log_line("agent: signal " + std::to_string(sig) + (sig == SIGUSR2 ? ": stopping, leaving tasks running" : ": stopping"));
            agent.request_stop(sig == SIGUSR2);
        }
    });
    log_line("agent: started (pid " + std::to_string(::getpid()) + ")");
    const int code = agent.run();
    done.store(true);
    pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
    log_line("agent: exited");
    return code;
}

int stop_agent(const AgentOptions& opt) {
    const auto dir = rs::resolve_data_dir(opt.state.data_dir);
    const auto pid = ra::running_agent(dir);
    if (!pid || *pid <= 0) {
        std::cout << "No agent runs for " << dir << ".\n";
        return exit_ok;
    }
    if (::kill(static_cast<pid_t>(*pid), opt.leave_tasks ? SIGUSR2 : SIGTERM) != 0)
        throw rs::StateError("cannot signal the agent (pid " + std::to_string(*pid) + "): " + std::strerror(errno));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opt.timeout_s);
    while (ra::running_agent(dir)) {
        if (std::chrono::steady_clock::now() > deadline)
            throw rs::StateError("the agent (pid " + std::to_string(*pid) + ") still runs after " +
                                 std::to_string(opt.timeout_s) + "s; see " + dir + "/agent.log");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::cout << "Agent (pid " << *pid << ") stopped"
              << (opt.leave_tasks ? "; its tasks keep running and the next agent adopts them" : " with its tasks") << ".\n";
    return exit_ok;
}

int agent_status(const AgentOptions& opt) {
    const auto dir = rs::resolve_data_dir(opt.state.data_dir);
    const auto pid = ra::running_agent(dir);
    if (!pid) {
        std::cout << "No agent runs for " << dir << ".\n";
        return exit_error;
    }
    auto store = rs::Store::open(dir);
    auto q = store.db().prepare("SELECT client_status, count(*) FROM allocations WHERE desired_status = 'run' GROUP BY 1");
    std::string counts;
    while (q.step()) counts += (counts.empty() ? "" : ", ") + std::to_string(q.integer(1)) + " " + q.text(0);
    std::cout << "Agent running (pid " << *pid << ") for " << dir << "\nLog: " << dir << "/agent.log\n"
              << "Allocations: " << (counts.empty() ? "none" : counts) << "\n";
    return exit_ok;
}

constexpr const char* agent_help =
    "Run the agent of a data directory in the foreground: it runs the tasks of the allocations\n"
    "that hjob apply placed on the nodes of the state (the local node and every registered one,\n"
    "each on its own 127.0.0.N), restarts them per their restart policy, registers their\n"
    "services in the catalog and runs their checks. One agent per data directory; hjob apply\n"
    "starts one in the background when none runs (unless HJOB_NO_AGENT=1 or --no-agent).\n"
    "Ctrl-C, SIGTERM: stop every task and exit. See man hjob-agent.\n\n"
    "Exit status: 0 stopped cleanly, 1 another agent runs or the state cannot be opened.\n\n"
    "Examples:\n"
    "  hjob agent --data-dir ./state\n"
    "  hjob agent stop --leave-tasks\n"
    "  hjob agent status";

}  // namespace

void setup_agent(CLI::App& app) {
    auto opt = std::make_shared<AgentOptions>();
    auto* cmd = app.add_subcommand("agent", "Run the agent that runs the tasks of applied jobs (stop, status)");
    cmd->footer(agent_help);
    add_state_options(cmd, opt->state, false);
    cmd->add_option("--log-level", opt->log_level, "error, info (default) or debug")->type_name("LEVEL");

    auto* stop = cmd->add_subcommand("stop", "Stop the running agent (and, by default, its tasks)");
    stop->add_flag("--leave-tasks", opt->leave_tasks, "Leave the tasks running, for the next agent to adopt");
    stop->add_option("--timeout", opt->timeout_s, "Seconds to wait for the agent to exit (default 90)")->type_name("SECONDS");
    add_state_options(stop, opt->state, false);
    stop->callback([opt] { exit_with(run_state_command("agent stop", [&] { return stop_agent(*opt); })); });

    auto* status = cmd->add_subcommand("status", "Whether an agent runs for the data directory (exit 1: none)");
    add_state_options(status, opt->state, false);
    status->callback([opt] { exit_with(run_state_command("agent status", [&] { return agent_status(*opt); })); });

    cmd->callback([opt, cmd] {
        if (!cmd->get_subcommands().empty()) return;
        exit_with(run_state_command("agent", [&] { return run_agent(*opt); }));
    });
}

}  // namespace hjob::cli

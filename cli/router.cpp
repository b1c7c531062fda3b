// `hjob router`: runs the HTTP router (runtime/router) in the foreground until SIGINT or
// SIGTERM, then lets requests in flight finish and exits 0. The agent or the fabio example
// job runs it as a task.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "runtime/router/server.hpp"
#include "runtime/state/store.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace rr = runtime::router;

struct RouterCliOptions {
    rr::RouterOptions router;
    StateOptions state;
};

// Run as a task of the agent (examples/jobs/fabio.hcl), whose `exec` driver gives tasks a clean
// environment: the agent's state is the directory above allocs/ID/alloc that holds state.db.
std::string data_dir_of(const std::string& flag) {
    const char* env = std::getenv("HJOB_DATA_DIR");
    const char* alloc = std::getenv("NOMAD_ALLOC_DIR");
    if (flag.empty() && !(env && *env) && alloc && *alloc)
        for (auto p = std::filesystem::path(alloc); p.has_relative_path(); p = p.parent_path())
            if (std::filesystem::exists(p / "state.db")) return p.string();
    return runtime::state::resolve_data_dir(flag);
}

int run_router(RouterCliOptions& opt) {
    opt.router.data_dir = data_dir_of(opt.state.data_dir);
    // Blocked before any thread starts, so every thread inherits the mask and sigwait below
    // is the only place the signals land.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    rr::Router router(opt.router);
    router.start();
    std::cerr << "hjob router: proxy on " << opt.router.listen << " (port " << router.port() << ")";
    if (router.ui_port()) std::cerr << ", admin pages on " << opt.router.ui << " (port " << router.ui_port() << ")";
    std::cerr << ", routing the catalog of " << opt.router.data_dir << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "hjob router: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ": draining requests in flight" << std::endl;
    router.stop(std::chrono::seconds(10));
    std::cerr << "hjob router: stopped after " << router.metrics().requests.load() << " requests" << std::endl;
    return exit_ok;
}

int guarded(RouterCliOptions& opt) {
    try {
        return run_state_command("router", [&] { return run_router(opt); });
    } catch (const std::exception& e) {  // bad --listen, address in use, unwritable log
        std::cerr << "hjob router: error: " << e.what() << "\n";
        return exit_error;
    }
}

constexpr const char* router_help =
    "An HTTP/1.1 reverse proxy that routes by the service catalog, as Fabio does with Consul:\n"
    "each urlprefix-[HOST]/PATH tag of a passing instance is a route (hjob routes prints them).\n"
    "Longest prefix wins; round-robin by weight over passing instances; keep-alive upstream;\n"
    "catalog changes apply within a second. A route whose instances all fail answers 503 with\n"
    "the reason, an unknown path 404; an idempotent request whose upstream fails is retried\n"
    "once on another instance, else 502. /api/routes, /api/metrics, /health and a status\n"
    "page at / are served on --ui, and on --listen for paths no route claims.\n"
    "One access log line per request (combined log format plus upstream and its latency).\n"
    "SIGINT or SIGTERM: stop accepting, finish requests in flight (10 s at most), exit 0.\n"
    "Run as an agent's task without --data-dir or HJOB_DATA_DIR, it routes the agent's state (the\n"
    "directory holding state.db above $NOMAD_ALLOC_DIR).\n\n"
    "Exit status: 0 stopped by a signal, 1 cannot listen, bad address or unreadable state.\n\n"
    "Examples:\n"
    "  hjob router\n"
    "  hjob router --listen :9999 --ui :9998 --access-log /var/log/hjob-router.log";

}  // namespace

void setup_router(CLI::App& app) {
    auto opt = std::make_shared<RouterCliOptions>();
    auto* cmd = app.add_subcommand("router", "Run the HTTP router that routes by the catalog's urlprefix- tags");
    cmd->footer(router_help);
    cmd->add_option("--listen", opt->router.listen, "Proxy address ADDR:PORT (:PORT for every address)")
        ->default_str("127.0.0.1:9999");
    cmd->add_option("--ui", opt->router.ui, "Admin pages address ADDR:PORT (default: none)");
    cmd->add_option("--access-log", opt->router.access_log, "Access log file; - for standard error, '' for none")
        ->default_str("-");
    cmd->add_option("--threads", opt->router.threads, "I/O threads")->default_str("1")->check(CLI::Range(1, 64));
    add_state_options(cmd, opt->state, false);
    cmd->callback([opt] { exit_with(guarded(*opt)); });
}

}  // namespace hjob::cli

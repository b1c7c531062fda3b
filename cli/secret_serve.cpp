// `hjob secret serve [--listen 127.0.0.1:8200]`: the local Vault-compatible API on its own,
// for applications run outside the agent (the agent runs one too). Runs until SIGINT/SIGTERM.
#include <CLI/CLI.hpp>

#include <signal.h>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "runtime/secrets/api_server.hpp"
#include "secrets_context.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

struct ServeOptions {
    std::string listen = "127.0.0.1:8200";
    StateOptions state;
};

// "127.0.0.1:8200" or "[::1]:8200" into address and port.
std::pair<std::string, unsigned short> split_listen(const std::string& listen) {
    const auto colon = listen.rfind(':');
    const auto bad = [&] {
        return rs::StateError("--listen " + listen + ": expected ADDRESS:PORT, such as 127.0.0.1:8200 or [::1]:8200");
    };
    if (colon == std::string::npos || colon + 1 == listen.size()) throw bad();
    std::string host = listen.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const std::string port = listen.substr(colon + 1);
    if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 || std::stoi(port) > 65535)
        throw bad();
    return {host, static_cast<unsigned short>(std::stoi(port))};
}

int serve(const ServeOptions& opt) {
    const auto [host, port] = split_listen(opt.listen);
    if (const auto p = secrets::listen_problem(host); !p.empty()) throw rs::StateError(p);
    // Blocked before the io thread starts, so only sigwait below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    secrets::ApiServer server(rs::resolve_data_dir(opt.state.data_dir), host, port);
    if (auto s = server.start(); !s) throw rs::StateError(s.error);
    std::cout << "Serving the secrets API on " << server.url() << " (export VAULT_ADDR=" << server.url() << ")"
              << std::endl;
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
    return exit_ok;
}

constexpr const char* serve_help =
    "Serves Vault's HTTP paths that applications use, on loopback only:\n"
    "  GET  /v1/secret/data/<path>[?version=N]      a secret (KV v2 shape)\n"
    "  LIST /v1/secret/metadata/<path>              keys under a prefix (or GET ?list=true)\n"
    "  GET  /v1/secret/metadata/<path>              versions of a secret\n"
    "  GET  /v1/auth/token/lookup-self              the calling token\n"
    "  POST /v1/auth/token/renew-self               renew it (needs update on that path)\n"
    "  POST /v1/auth/token/revoke-self              revoke it\n"
    "The token is read from X-Vault-Token or Authorization: Bearer. Every request is checked\n"
    "against the token's policies: 403 {\"errors\":[\"permission denied\"]} when refused (logged\n"
    "on standard error without the token or any value), 400 for a path with .., an empty\n"
    "segment or NUL, 404 when absent, 405 for writes (use hjob secret put).\n\n"
    "Example:\n"
    "  hjob secret serve --listen 127.0.0.1:8200 &\n"
    "  curl -H \"X-Vault-Token: $TOKEN\" http://127.0.0.1:8200/v1/secret/data/app";

}  // namespace

void add_secret_serve(CLI::App* secret) {
    auto opt = std::make_shared<ServeOptions>();
    auto* sub = secret->add_subcommand("serve", "Serve the Vault-compatible secrets API on loopback until interrupted");
    sub->footer(serve_help);
    add_state_options(sub, opt->state, false);
    sub->add_option("--listen", opt->listen, "ADDRESS:PORT to listen on; loopback only (default 127.0.0.1:8200)")
        ->type_name("ADDR:PORT");
    sub->callback([opt] { exit_with(run_state_command("secret serve", [&] { return serve(*opt); })); });
}

}  // namespace hjob::cli

// The local Vault-compatible HTTP API (GET secret/data, LIST secret/metadata, token
// lookup-self and renew-self) on Boost.Beast: one io thread, loopback only. handle_api
// (api_handler.hpp) decides every answer; this file only moves bytes. The agent runs one and
// hands its address to tasks as VAULT_ADDR; `hjob secret serve` runs one on its own.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "result.hpp"

namespace hjob::secrets {

class ApiServer {
public:
    /// Where a log line goes: one per refused or failed request, never a value or a token.
    using Log = std::function<void(const std::string& line)>;

    /// Serves the state of `data_dir` on `address` (an IP literal) and `port` (0: any free one).
    /// `log` defaults to standard error.
    ApiServer(std::string data_dir, std::string address = "127.0.0.1", unsigned short port = 0, Log log = nullptr);
    ~ApiServer();  ///< stops
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    /// Opens the state and the secrets layer on its own connection, binds and starts the io
    /// thread. Refuses an address that is not loopback (127.0.0.0/8, ::1): the API has no TLS
    /// and a token is a bearer credential. Fails when the state cannot be opened or the port
    /// is taken.
    Status start();
    /// The bound port (after start()).
    unsigned short port() const;
    /// "http://127.0.0.1:<port>": what VAULT_ADDR is set to.
    std::string url() const;
    /// Closes the listener and every connection and joins the io thread; idempotent.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Why `address` may not be listened on ("" when it is an IP loopback literal).
std::string listen_problem(const std::string& address);

}  // namespace hjob::secrets

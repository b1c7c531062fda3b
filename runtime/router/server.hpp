// The router: an HTTP/1.1 reverse proxy on Boost.Asio/Beast that routes by the catalog's
// urlprefix- tags (routes.hpp), with a second, optional listener for the admin pages (as
// Fabio's UI port). A few io threads run every connection as a coroutine; the catalog is
// watched on a thread of its own (live_table.hpp).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "limits.hpp"
#include "live_table.hpp"
#include "metrics.hpp"

namespace hjob::runtime::router {

struct RouterOptions {
    std::string listen = "127.0.0.1:9999";  ///< ADDR:PORT; port 0 picks a free one
    std::string ui;                         ///< admin listener ADDR:PORT; empty: none
    std::string data_dir;                   ///< the state whose catalog is routed
    std::string access_log = "-";           ///< "-" standard error, "" none, else a file
    int threads = 1;
    std::chrono::milliseconds poll = std::chrono::milliseconds(200);  ///< catalog poll interval
    Limits limits;
};

/// "127.0.0.1:9999", ":9999" (all addresses), "[::1]:9999" as an endpoint address and port;
/// throws std::invalid_argument with a message for the user.
std::pair<std::string, unsigned short> parse_listen(const std::string& text);

class Router {
public:
    /// Reads the catalog and binds the listeners; throws (state::StateError, std::runtime_error
    /// with the address) when it cannot. Serves nothing until start().
    explicit Router(RouterOptions opt);
    ~Router();
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;

    void start();
    /// Stops accepting, lets requests in flight finish (up to `drain`), then stops. Idempotent.
    void stop(std::chrono::milliseconds drain = std::chrono::seconds(5));

    unsigned short port() const;
    unsigned short ui_port() const;  ///< 0 without a UI listener
    const Metrics& metrics() const;
    TableWatcher& tables();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hjob::runtime::router

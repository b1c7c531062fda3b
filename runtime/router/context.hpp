// What every client session of the router shares: limits, the live table, the upstream pool,
// counters, the access log, and the in-flight count a graceful stop waits on.
#pragma once

#include <atomic>
#include <string>

#include "access_log.hpp"
#include "beast.hpp"
#include "limits.hpp"
#include "live_table.hpp"
#include "metrics.hpp"
#include "upstream_pool.hpp"

namespace hjob::runtime::router {

/// Which io thread runs the current code (0 outside the router's threads). Each io thread has
/// its own io_context and upstream pool, as nginx's workers do, so that no connection is
/// shared between threads and no io_context is contended.
inline thread_local std::size_t io_thread = 0;

struct Context {
    const Limits& limits;
    TableWatcher& tables;
    std::vector<std::unique_ptr<UpstreamPool>>& pools;  ///< one per io thread
    Metrics& metrics;
    AccessLog& log;
    std::string listen;  ///< the proxy's address, for Forwarded: by=
    std::atomic<int> in_flight{0};
    std::atomic<bool> stopping{false};

    UpstreamPool& pool() { return *pools[io_thread]; }
};

/// A response the router writes itself (text/plain unless `type` says otherwise).
Response make_response(http::status status, std::string body, const char* type = "text/plain; charset=utf-8");

/// A client connection: reads requests, answers them (routes, admin pages or errors) and
/// keeps the connection while the client wants and the router is not stopping.
asio::awaitable<void> serve_client(Context& ctx, tcp::socket socket, bool ui);

/// Forwards `req` along route `route` of `live` (retrying an idempotent request once on
/// another target); always returns a response: the upstream's, or 502 with the reason.
/// `upstream` and `upstream_time` tell the access log where it went and how long it took.
asio::awaitable<Response> proxy(Context& ctx, Request& req, const LiveTable& live, std::size_t route, int first,
                                const std::string& client_ip, std::string& upstream,
                                std::chrono::nanoseconds& upstream_time);

/// The admin pages: /api/routes, /api/metrics, /health, and / (the status page); nullopt for
/// another path.
std::optional<Response> admin_response(const Request& req, const LiveTable& live, const Metrics& metrics);

/// The status page: services, instances with health, routes with targets; HTML and CSS only.
std::string status_page(const LiveTable& live, const Metrics& metrics);

}  // namespace hjob::runtime::router

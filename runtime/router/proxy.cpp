// Forwarding one request to an upstream over a pooled keep-alive connection, with one retry
// on another instance for idempotent methods (context.hpp).
#include <chrono>

#include "context.hpp"
#include "forward.hpp"

namespace hjob::runtime::router {

namespace {

struct Attempt {
    bool ok = false, reused = false, got_bytes = false;
    std::string error;
    Response res;
};

Attempt failed(Attempt a, std::string error) {
    a.error = std::move(error);
    return a;
}

bool idempotent(http::verb v) {
    using http::verb;
    return v == verb::get || v == verb::head || v == verb::put || v == verb::delete_ || v == verb::options ||
           v == verb::trace;
}

asio::awaitable<Attempt> exchange(Context& ctx, const Target& t, const std::string& key, Request& req, bool reuse) {
    Attempt a;
    std::optional<beast::tcp_stream> s = reuse ? ctx.pool().take(key) : std::nullopt;
    a.reused = s.has_value();
    if (!s) {
        boost::system::error_code ec;
        const auto address = asio::ip::make_address(t.address, ec);
        if (ec) co_return failed(std::move(a), "address " + t.address + " is not an IP address");
        s.emplace(co_await asio::this_coro::executor);
        s->expires_after(ctx.limits.connect_timeout);
        auto [cec] = co_await s->async_connect(tcp::endpoint(address, std::uint16_t(t.port)), nothrow);
        if (cec) co_return failed(std::move(a), "connect: " + cec.message());
        s->socket().set_option(tcp::no_delay(true), ec);
    }
    s->expires_after(ctx.limits.upstream_timeout);
    auto [wec, wn] = co_await http::async_write(*s, req, nothrow);
    if (wec) co_return failed(std::move(a), "sending the request: " + wec.message());
    beast::flat_buffer buf;
    http::response_parser<http::string_body> p;
    p.body_limit(ctx.limits.response_bytes);
    p.skip(req.method() == http::verb::head);
    auto [rec, rn] = co_await http::async_read(*s, buf, p, nothrow);
    if (rec) {
        a.got_bytes = rn > 0 || p.got_some();
        co_return failed(std::move(a), "reading the response: " + rec.message());
    }
    a.res = p.release();
    a.ok = true;
    if (a.res.keep_alive() && buf.size() == 0) {
        s->expires_never();
        ctx.pool().give(key, std::move(*s));
    }
    co_return a;
}

Response bad_gateway(const Target& t, const std::string& error) {
    return make_response(http::status::bad_gateway, "hjob router: 502 Bad Gateway: upstream " + t.address + ":" +
                                                        std::to_string(t.port) + " (" + t.service + ") failed: " + error + "\n");
}

}  // namespace

asio::awaitable<Response> proxy(Context& ctx, Request& req, const LiveTable& live, std::size_t route, int first,
                                const std::string& client_ip, std::string& upstream, std::chrono::nanoseconds& upstream_time) {
    const auto& targets = live.table.routes[route].targets;
    add_forwarding(req, client_ip, ctx.listen);
    const std::string target(req.target()), host(req[http::field::host]);
    int idx = first;
    std::string error;
    for (int attempt = 0;; ++attempt) {
        const Target& t = targets[std::size_t(idx)];
        upstream = t.address + ":" + std::to_string(t.port);
        retarget(req, target, host, t);
        const auto start = std::chrono::steady_clock::now();
        Attempt a = co_await exchange(ctx, t, upstream, req, true);
        // An idle pooled connection the upstream closed meanwhile: the request never reached
        // it, so try once more on a fresh connection (any method).
        if (!a.ok && a.reused && !a.got_bytes) a = co_await exchange(ctx, t, upstream, req, false);
        upstream_time = std::chrono::steady_clock::now() - start;
        ctx.metrics.upstream_latency.add(upstream_time);
        if (a.ok) {
            req.target(target);  // the client's, for the access log
            strip_hop_headers(a.res);
            // A chunked upstream body is whole now: the client gets it with a Content-Length
            // (a HEAD response keeps the upstream's, it describes the GET).
            if (req.method() != http::verb::head) a.res.prepare_payload();
            co_return std::move(a.res);
        }
        ctx.metrics.upstream_errors.fetch_add(1, std::memory_order_relaxed);
        live.mark_down(route, idx, ctx.limits.fail_timeout);
        const int next = attempt == 0 && idempotent(req.method()) ? live.pick(route, idx) : idx;
        if (next == idx) {
            req.target(target);
            co_return bad_gateway(t, a.error);
        }
        ctx.metrics.retries.fetch_add(1, std::memory_order_relaxed);
        idx = next;
    }
}

}  // namespace hjob::runtime::router

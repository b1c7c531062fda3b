// One client connection of the router (context.hpp): read a request within the limits, pick
// its route, answer (proxy, redirect, 404, 503, admin page or a 4xx for a bad request), log it.
#include <boost/beast/core/string.hpp>

#include "context.hpp"
#include "forward.hpp"

namespace hjob::runtime::router {

namespace {

// Counts a request in flight, which a graceful stop waits for.
struct InFlight {
    explicit InFlight(std::atomic<int>& n) : n_(n) { n_.fetch_add(1); }
    ~InFlight() { n_.fetch_sub(1); }
    std::atomic<int>& n_;
};

struct Outcome {
    Response res;
    std::string upstream = {};
    std::chrono::nanoseconds upstream_time{0};
};

// The answer for a request head the parser refused; nullopt when the connection just ends.
std::optional<Response> refusal(const boost::system::error_code& ec) {
    if (ec == http::error::header_limit)
        return make_response(http::status::request_header_fields_too_large, "hjob router: request headers too large\n");
    if (ec == http::error::body_limit)
        return make_response(http::status::payload_too_large, "hjob router: request body too large\n");
    if (ec.category() == make_error_code(http::error::end_of_stream).category() && ec != http::error::end_of_stream &&
        ec != http::error::partial_message)
        return make_response(http::status::bad_request, "hjob router: bad request: " + ec.message() + "\n");
    return std::nullopt;  // end of stream, reset, timeout (slowloris): close
}

asio::awaitable<Outcome> route_request(Context& ctx, Request& req, const std::string& client_ip, bool ui) {
    const auto live = ctx.tables.current();
    if (ui) {
        if (auto a = admin_response(req, *live, ctx.metrics)) co_return Outcome{std::move(*a)};
        co_return Outcome{make_response(http::status::not_found, "hjob router: no admin page here\n")};
    }
    const std::string_view target = req.target(), path = target.substr(0, target.find('?'));
    const Route* r = live->table.match(req[http::field::host], path);
    if (!r) {
        // The admin pages answer on the proxy's address too, unless a route claims the path.
        if (auto a = admin_response(req, *live, ctx.metrics)) co_return Outcome{std::move(*a)};
        ctx.metrics.no_route.fetch_add(1, std::memory_order_relaxed);
        co_return Outcome{make_response(http::status::not_found, "hjob router: 404 Not Found: no route for " +
                                                                     std::string(req[http::field::host]) + std::string(path) +
                                                                     " (hjob routes lists the routes)\n")};
    }
    const std::size_t route = std::size_t(r - live->table.routes.data());
    const int first = live->pick(route);
    if (first < 0) {
        ctx.metrics.no_instance.fetch_add(1, std::memory_order_relaxed);
        co_return Outcome{make_response(http::status::service_unavailable, "hjob router: 503 Service Unavailable: " + r->why_empty + "\n")};
    }
    const Target& t = r->targets[std::size_t(first)];
    if (t.redirect_code) {
        auto res = make_response(http::status(t.redirect_code), "");
        res.set(http::field::location, redirect_location(t, target));
        co_return Outcome{std::move(res)};
    }
    Outcome o;
    o.res = co_await proxy(ctx, req, *live, route, first, client_ip, o.upstream, o.upstream_time);
    co_return o;
}

void log_request(Context& ctx, const std::string& client, const Request& req, const Outcome& o) {
    if (!ctx.log.enabled()) return;
    ctx.log.write({client, req.method_string(), req.target(), req[http::field::referer], req[http::field::user_agent],
                   o.upstream, req.version(), o.res.result_int(), o.res.body().size(), o.upstream_time});
}

asio::awaitable<bool> read_body(Context& ctx, beast::tcp_stream& stream, beast::flat_buffer& buf,
                                http::request_parser<http::string_body>& parser, boost::system::error_code& ec) {
    if (parser.is_done()) co_return true;
    if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
        http::response<http::empty_body> cont{http::status::continue_, 11};
        co_await http::async_write(stream, cont, nothrow);
    }
    stream.expires_after(ctx.limits.body_timeout);
    auto [e, n] = co_await http::async_read(stream, buf, parser, nothrow);
    ec = e;
    co_return !e;
}

}  // namespace

Response make_response(http::status status, std::string body, const char* type) {
    Response res{status, 11};
    res.set(http::field::server, "hjob-router");
    if (!body.empty()) res.set(http::field::content_type, type);
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

asio::awaitable<void> serve_client(Context& ctx, tcp::socket socket, bool ui) {
    ctx.metrics.connections.fetch_add(1, std::memory_order_relaxed);
    boost::system::error_code ec;
    const auto peer = socket.remote_endpoint(ec);
    const std::string client_ip = ec ? "-" : peer.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buf;
    for (;;) {
        if (buf.size() == 0) {  // idle between requests: the longer keep-alive timeout
            stream.expires_after(ctx.limits.idle_timeout);
            auto [e, n] = co_await stream.async_read_some(buf.prepare(4096), nothrow);
            if (e) break;
            buf.commit(n);
        }
        http::request_parser<http::string_body> parser;
        parser.header_limit(std::uint32_t(ctx.limits.header_bytes));
        parser.body_limit(ctx.limits.body_bytes);
        stream.expires_after(ctx.limits.header_timeout);
        auto [he, hn] = co_await http::async_read_header(stream, buf, parser, nothrow);
        ec = he;
        if (!ec && parser.get().method() == http::verb::unknown) ec = http::error::bad_method;
        InFlight guard(ctx.in_flight);
        if (ec || !co_await read_body(ctx, stream, buf, parser, ec)) {
            ctx.metrics.bad_requests.fetch_add(1, std::memory_order_relaxed);
            if (auto res = refusal(ec)) {
                ctx.metrics.count_status(res->result_int());
                res->keep_alive(false);
                stream.expires_after(std::chrono::seconds(5));
                co_await http::async_write(stream, *res, nothrow);
            }
            break;
        }
        Request req = parser.release();
        Outcome o = co_await route_request(ctx, req, client_ip, ui);
        const bool keep = req.keep_alive() && !ctx.stopping.load(std::memory_order_relaxed);
        o.res.version(req.version());
        o.res.keep_alive(keep);
        // Counted before the write: whoever reads the counters after a response sees it.
        ctx.metrics.count_status(o.res.result_int());
        stream.expires_after(ctx.limits.upstream_timeout);
        auto [we, wn] = co_await http::async_write(stream, o.res, nothrow);
        log_request(ctx, client_ip, req, o);
        if (we || !keep) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

}  // namespace hjob::runtime::router

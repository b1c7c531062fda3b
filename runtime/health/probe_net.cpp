// http and tcp probes (probe.hpp). The HTTP client is deliberately minimal: one request per
// connection with "Connection: close", and only the status line is read; that is all a health
// check needs and keeps a probe a few hundred bytes of state. https is not supported (reported).
#include <array>
#include <memory>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include "probe.hpp"

namespace hjob::runtime::health {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

namespace {

/// One connection with a deadline; finish() runs `done` once and closes everything.
struct Attempt : std::enable_shared_from_this<Attempt> {
    tcp::socket socket;
    asio::steady_timer timer;
    Done done;
    std::string request, response, what;
    std::array<char, 1024> buf{};
    bool finished = false;

    Attempt(asio::io_context& io, Done d) : socket(io), timer(io), done(std::move(d)) {}

    void finish(Status s, const std::string& output) {
        if (finished) return;
        finished = true;
        timer.cancel();
        error_code ignored;
        socket.close(ignored);
        done(Result{s, what + ": " + output});
    }

    /// Connects to the spec's address, then runs `next`; critical on a bad address, refusal or timeout.
    void connect(const CheckSpec& spec, std::function<void(std::shared_ptr<Attempt>)> next) {
        auto self = shared_from_this();
        error_code ec;
        const auto addr = asio::ip::make_address(spec.address, ec);
        if (ec) return finish(Status::critical, "address \"" + spec.address + "\" is not an IP address");
        timer.expires_after(spec.timeout);
        timer.async_wait([self, t = spec.timeout](error_code e) {
            if (!e) self->finish(Status::critical, "timed out after " + std::to_string(t.count()) + " ms");
        });
        socket.async_connect(tcp::endpoint(addr, static_cast<unsigned short>(spec.port)), [self, next](error_code e) {
            if (e) return self->finish(Status::critical, e.message());
            next(self);
        });
    }

    void read_status_line() {
        auto self = shared_from_this();
        socket.async_read_some(asio::buffer(buf), [self](error_code e, std::size_t n) {
            self->response.append(self->buf.data(), n);
            const auto eol = self->response.find("\r\n");
            if (eol == std::string::npos && !e && self->response.size() < 8192) return self->read_status_line();
            self->judge(self->response.substr(0, eol));
        });
    }

    void judge(const std::string& line) {
        // "HTTP/1.1 200 OK"
        const auto sp = line.find(' ');
        const int code = sp == std::string::npos ? 0 : std::atoi(line.c_str() + sp + 1);
        if (code == 0) return finish(Status::critical, "no HTTP response");
        const Status s = code >= 200 && code < 300 ? Status::passing : code == 429 ? Status::warning : Status::critical;
        finish(s, line.substr(sp + 1));
    }
};

std::string http_request(const CheckSpec& spec) {
    const std::string path = spec.path.empty() ? "/" : spec.path[0] == '/' ? spec.path : "/" + spec.path;
    std::string r = (spec.method.empty() ? "GET" : spec.method) + " " + path + " HTTP/1.1\r\n";
    bool has_host = false;
    for (const auto& [name, values] : spec.headers) {
        for (const auto& v : values) r += name + ": " + v + "\r\n";
        if (name == "Host" || name == "host") has_host = true;
    }
    if (!has_host) r += "Host: " + spec.address + ":" + std::to_string(spec.port) + "\r\n";
    r += "User-Agent: hjob health check\r\nConnection: close\r\n";
    if (!spec.body.empty()) r += "Content-Length: " + std::to_string(spec.body.size()) + "\r\n";
    return r + "\r\n" + spec.body;
}

}  // namespace

void probe_http(asio::io_context& io, const CheckSpec& spec, Done done) {
    auto a = std::make_shared<Attempt>(io, std::move(done));
    a->what = "HTTP " + (spec.method.empty() ? std::string("GET") : spec.method) + " " + spec.protocol + "://" +
              spec.address + ":" + std::to_string(spec.port) + spec.path;
    if (spec.protocol == "https") return a->finish(Status::critical, "https checks are not supported by hjob");
    a->request = http_request(spec);
    a->connect(spec, [](std::shared_ptr<Attempt> self) {
        asio::async_write(self->socket, asio::buffer(self->request), [self](error_code e, std::size_t) {
            if (e) return self->finish(Status::critical, e.message());
            self->read_status_line();
        });
    });
}

void probe_tcp(asio::io_context& io, const CheckSpec& spec, Done done) {
    auto a = std::make_shared<Attempt>(io, std::move(done));
    a->what = "TCP connect " + spec.address + ":" + std::to_string(spec.port);
    a->connect(spec, [](std::shared_ptr<Attempt> self) { self->finish(Status::passing, "success"); });
}

void probe(asio::io_context& io, const CheckSpec& spec, Done done) {
    if (spec.type == "http") return probe_http(io, spec, std::move(done));
    if (spec.type == "tcp") return probe_tcp(io, spec, std::move(done));
    if (spec.type == "script") return probe_script(io, spec, std::move(done));
    done(Result{Status::critical, "check type \"" + spec.type + "\" is not supported by hjob"});
}

}  // namespace hjob::runtime::health

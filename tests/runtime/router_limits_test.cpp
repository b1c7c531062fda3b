// Hostile and broken clients: oversized headers (431), bad and unknown methods (400), a body
// over the limit (413), slowloris headers (closed at the header timeout), a client gone
// mid-body; each while another client keeps being served, and the router keeps running.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "router_support.hpp"

using namespace hjob::test;
using namespace std::chrono_literals;

namespace {

hjob::runtime::router::Limits small_limits() {
    hjob::runtime::router::Limits l;
    l.header_bytes = 4096;
    l.body_bytes = 1024;
    l.header_timeout = 1s;
    return l;
}

// A client that keeps sending good requests on one connection until stopped.
struct Bystander {
    explicit Bystander(int port) : thread([this, port] {
        Client c(port);
        while (!stop) {
            if (c.request("GET", "/app/").status == 200) ++ok;
            else ++bad;
            std::this_thread::sleep_for(10ms);
        }
    }) {}
    ~Bystander() {
        stop = true;
        thread.join();
    }
    std::atomic<bool> stop{false};
    std::atomic<int> ok{0}, bad{0};
    std::thread thread;
};

}  // namespace

TEST_CASE("router: malformed requests get a 4xx or a closed connection, other clients are served") {
    RouterFixture f(small_limits());
    Hashiapp app(f.dir.path, "app");
    f.catalog.put(app_instance("app", "app", app.port, {"urlprefix-/app strip=/app"}));
    f.refresh();
    Bystander other(f.port());

    {
        Client c(f.port());
        const auto r = c.request("GET", "/app/", "", "X-Big: " + std::string(8000, 'x') + "\r\n");
        CHECK(r.status == 431);
        CHECK(c.closed_within(1s));
    }
    {
        Client c(f.port());
        c.send("G@T /app/ HTTP/1.1\r\nHost: x\r\n\r\n");
        CHECK(c.read().status == 400);
    }
    {
        Client c(f.port());
        const auto r = c.request("FROB", "/app/");
        CHECK(r.status == 400);
        CHECK(r.body.find("bad request") != std::string::npos);
    }
    {
        Client c(f.port());
        c.send("this is not http\r\n\r\n");
        CHECK(c.read().status == 400);
    }
    {
        Client c(f.port());
        CHECK(c.request("POST", "/app/", std::string(4000, 'b')).status == 413);
    }
    {
        // Slowloris: one header byte every 200 ms never completes the head in time.
        Client c(f.port());
        c.send("GET /app/ HTTP/1.1\r\nHost: x\r\n");
        const auto start = std::chrono::steady_clock::now();
        bool closed = false;
        for (int n = 0; n < 20 && !closed; ++n) {
            closed = !c.send("X");
            if (!closed) closed = c.closed_within(200ms);
        }
        CHECK(closed);
        CHECK(std::chrono::steady_clock::now() - start < 3s);
    }
    {
        // A client that promises a body and disconnects half-way.
        Client c(f.port());
        c.send("POST /app/ HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n" + std::string(100, 'p'));
    }
    std::this_thread::sleep_for(200ms);
    CHECK(fetch(f.port(), "GET", "/app/").status == 200);
    CHECK(other.bad == 0);
    CHECK(other.ok > 10);
    CHECK(f.router->metrics().bad_requests.load() >= 6);
}

TEST_CASE("router: a graceful stop lets a request in flight finish") {
    RouterFixture f;
    Hashiapp app(f.dir.path, "app");
    f.catalog.put(app_instance("app", "app", app.port, {"urlprefix-/app strip=/app"}));
    f.refresh();
    Reply r;
    std::thread slow([&] { r = fetch(f.port(), "GET", "/app/sleep?ms=400"); });
    std::this_thread::sleep_for(100ms);
    f.router->stop(std::chrono::seconds(5));
    slow.join();
    CHECK(r.status == 200);
    CHECK(r.body == "slept\n");
}

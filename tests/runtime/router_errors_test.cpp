// The router's answers when it cannot simply forward: 503 for a known route without a passing
// instance (with the reason), 404 for an unknown path, a retry on another instance for an
// idempotent request whose upstream fails, 502 otherwise; redirect= and strip= options.
#include <catch2/catch.hpp>

#include <csignal>
#include <future>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <thread>

#include "router_support.hpp"

using namespace hjob::test;
using namespace std::chrono_literals;

TEST_CASE("router: 503 says why a known route has no instance, 404 for an unknown path") {
    RouterFixture f;
    f.catalog.put(app_instance("db", "d1", 1, {"urlprefix-/db"}, "critical"));
    f.catalog.put(app_instance("db", "d2", 2, {"urlprefix-/db"}, "warning"));
    f.refresh();
    const auto down = fetch(f.port(), "GET", "/db/users");
    CHECK(down.status == 503);
    CHECK(down.body.find("no passing instance of db for /db: 2 registered, 1 critical, 1 warning") != std::string::npos);
    CHECK(down.body.find("HTTP GET: 500") != std::string::npos);
    const auto none = fetch(f.port(), "GET", "/nowhere");
    CHECK(none.status == 404);
    CHECK(none.body.find("no route for 127.0.0.1/nowhere") != std::string::npos);
    const auto m = f.router->metrics().to_json();
    CHECK(m["no_instance"] == 1);
    CHECK(m["no_route"] == 1);
    CHECK(m["responses"]["5xx"] == 1);
}

TEST_CASE("router: a refused upstream is retried on another instance for GET, POST gets 502") {
    RouterFixture f;
    Hashiapp live(f.dir.path, "live");
    // "a-dead" sorts first: a fresh table's first pick.
    f.catalog.put(app_instance("app", "a-dead", dead_port(), {"urlprefix-/app strip=/app"}));
    f.catalog.put(app_instance("app", "b-live", live.port, {"urlprefix-/app strip=/app"}));
    f.refresh();
    for (int n = 0; n < 4; ++n) {
        const auto r = fetch(f.port(), "GET", "/app/");
        CHECK(r.status == 200);
        CHECK(instance_of(r.body) == "live");
    }
    // The refused one is passed over after its first failure (passive health, 10 s).
    CHECK(f.router->metrics().retries.load() == 1);
    f.refresh();
    const auto post = fetch(f.port(), "POST", "/app/", "x=1");
    CHECK(post.status == 502);
    CHECK(post.body.find("502 Bad Gateway: upstream 127.0.0.1:") != std::string::npos);
    CHECK(post.body.find("Connection refused") != std::string::npos);
    CHECK(fetch(f.port(), "POST", "/app/", "x=1").status == 200);
}

TEST_CASE("router: an upstream dying mid-request: GET is retried on another instance, POST gets 502") {
    RouterFixture f;
    auto dying = std::make_unique<Hashiapp>(f.dir.path, "a-dying");
    Hashiapp live(f.dir.path, "b-live");
    f.catalog.put(app_instance("app", "a-dying", dying->port, {"urlprefix-/app strip=/app"}));
    f.catalog.put(app_instance("app", "b-live", live.port, {"urlprefix-/app strip=/app"}));
    SECTION("GET") {
        f.refresh();
        auto reply = std::async(std::launch::async, [&] { return fetch(f.port(), "GET", "/app/sleep?ms=300"); });
        std::this_thread::sleep_for(100ms);  // the request now waits in a-dying
        dying->proc.kill(SIGKILL);
        const auto r = reply.get();
        CHECK(r.status == 200);
        CHECK(r.body == "slept\n");
        CHECK(f.router->metrics().retries.load() == 1);
    }
    SECTION("POST") {
        f.refresh();
        auto reply = std::async(std::launch::async, [&] { return fetch(f.port(), "POST", "/app/sleep?ms=300", "x"); });
        std::this_thread::sleep_for(100ms);
        dying->proc.kill(SIGKILL);
        const auto r = reply.get();
        CHECK(r.status == 502);
        CHECK(f.router->metrics().retries.load() == 0);
    }
}

TEST_CASE("router: strip=, redirect= and the forwarding headers") {
    RouterFixture f;
    Hashiapp app(f.dir.path, "app");
    f.catalog.put(app_instance("app", "app", app.port, {"urlprefix-/app strip=/app", "urlprefix-/old redirect=301,http://example.org$path"}));
    f.refresh();
    CHECK(fetch(f.port(), "GET", "/app/health").body == "ok\n");  // strip: /app/health -> /health
    CHECK(fetch(f.port(), "GET", "/app").status == 200);            // -> "/"
    auto moved = fetch(f.port(), "GET", "/old/page?q=1");
    CHECK(moved.status == 301);
    CHECK(moved.headers["location"] == "http://example.org/old/page");
}

namespace {

// A one-shot upstream that records the request head it receives and answers 200.
class CaptureUpstream {
public:
    explicit CaptureUpstream(std::string response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        : response_(std::move(response)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
        ::listen(fd_, 4);
        thread_ = std::thread([this] { serve(); });
    }
    ~CaptureUpstream() {
        ::shutdown(fd_, SHUT_RDWR);
        if (thread_.joinable()) thread_.join();
        ::close(fd_);
    }
    /// The head of the request it got (waits for the exchange to end).
    std::string head() {
        thread_.join();
        return head_;
    }
    int port = 0;

private:
    void serve() {
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) return;
        char buf[8192];
        while (head_.find("\r\n\r\n") == std::string::npos) {
            const auto n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) break;
            head_.append(buf, std::size_t(n));
        }
        ::send(c, response_.data(), response_.size(), MSG_NOSIGNAL);
        ::close(c);
    }
    std::string response_;
    int fd_ = -1;
    std::string head_;
    std::thread thread_;
};

}  // namespace

TEST_CASE("router: the upstream gets X-Forwarded-For/-Proto, Forwarded, Host from host=, no hop-by-hop headers") {
    RouterFixture f;
    CaptureUpstream up;
    f.catalog.put(app_instance("cap", "cap", up.port, {"urlprefix-/cap strip=/cap prepend=/v1 host=backend.local"}));
    f.refresh();
    Client c(f.port());
    const auto r = c.request("GET", "/cap/x?y=1", "",
                             "X-Forwarded-For: 10.0.0.9\r\nKeep-Alive: timeout=5\r\nConnection: X-Secret\r\nX-Secret: 1\r\n");
    CHECK(r.status == 200);
    CHECK(r.body == "ok");
    const auto head = up.head();
    INFO(head);
    CHECK(head.rfind("GET /v1/x?y=1 HTTP/1.1\r\n", 0) == 0);
    CHECK(head.find("Host: backend.local\r\n") != std::string::npos);
    CHECK(head.find("X-Forwarded-For: 10.0.0.9, 127.0.0.1\r\n") != std::string::npos);
    CHECK(head.find("X-Forwarded-Proto: http\r\n") != std::string::npos);
    CHECK(head.find("X-Forwarded-Host: 127.0.0.1\r\n") != std::string::npos);
    CHECK(head.find("Forwarded: for=127.0.0.1;proto=http;by=") != std::string::npos);
    CHECK(head.find("X-Secret") == std::string::npos);
    CHECK(head.find("Keep-Alive") == std::string::npos);
}

TEST_CASE("router: a chunked upstream response reaches a kept-alive client with its length") {
    RouterFixture f;
    CaptureUpstream up("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    f.catalog.put(app_instance("chunk", "chunk", up.port, {"urlprefix-/chunk"}));
    f.refresh();
    Client c(f.port());
    const auto r = c.request("GET", "/chunk");
    CHECK(r.status == 200);
    CHECK(r.body == "hello world");
    CHECK(r.headers.count("transfer-encoding") == 0);
    CHECK(c.request("GET", "/nothing").status == 404);  // the connection is still usable
}

// http, tcp and script checks against real processes and sockets (the hashiapp workload, made to
// warn or fail through its control endpoints), and the runner's thresholds over time.
#include <catch2/catch.hpp>

#include <csignal>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

#include "driver_support.hpp"
#include "runtime/health/runner.hpp"

using namespace hjob;
using namespace hjob::test;
using namespace hjob::runtime::health;
using namespace std::chrono_literals;

namespace {

/// hashiapp with its control endpoints, started as a raw_exec task; stopped at the end.
struct Workload {
    ScratchDir dir;
    drivers::ExecDriver driver{drivers::ExecDriver::Mode::raw_exec};
    drivers::TaskSpec spec = task_spec(dir.path, hashiapp, {"--port", "0", "--control"});
    std::optional<drivers::TaskHandle> handle;
    int port = 0;

    Workload() {
        handle = driver.start(spec).handle;
        REQUIRE(handle);
        REQUIRE(eventually([&] { return (port = hashiapp_port(spec)) > 0; }));
    }
    ~Workload() { driver.stop(*handle, SIGINT, 2s); }
};

Result run(const CheckSpec& spec) {
    boost::asio::io_context io;
    Result r{Status::critical, "probe never completed"};
    probe(io, spec, [&](Result x) { r = std::move(x); });
    io.run();
    return r;
}

CheckSpec http(int port, const std::string& path) {
    CheckSpec s;
    s.id = "c1", s.type = "http", s.address = "127.0.0.1", s.port = port, s.path = path, s.timeout = 1000ms;
    return s;
}

/// A port nothing listens on: bound, then closed.
int closed_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
}

CheckSpec script(const std::string& shell) {
    CheckSpec s;
    s.id = "s1", s.type = "script", s.command = "/bin/sh", s.args = {"-c", shell}, s.timeout = 2000ms;
    s.env = {{"PATH", "/usr/bin:/bin"}, {"FROM_TASK", "yes"}};
    return s;
}

}  // namespace

TEST_CASE("health: http checks: 2xx passing, 429 warning, other statuses and timeouts critical") {
    Workload w;
    auto r = run(http(w.port, "/health"));
    CHECK(r.status == Status::passing);
    CHECK(r.output.find("200") != std::string::npos);
    REQUIRE(run(http(w.port, "/warn")).status == Status::passing);  // the control call itself
    CHECK(run(http(w.port, "/health")).status == Status::warning);
    REQUIRE(run(http(w.port, "/fail")).status == Status::passing);
    r = run(http(w.port, "/health"));
    CHECK(r.status == Status::critical);
    CHECK(r.output.find("500") != std::string::npos);
    CHECK(run(http(w.port, "/no-such-path")).status == Status::critical);  // 404
    auto slow = http(w.port, "/sleep?ms=3000");
    slow.timeout = 200ms;
    const auto t0 = std::chrono::steady_clock::now();
    r = run(slow);
    CHECK(r.status == Status::critical);
    CHECK(r.output.find("timed out") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
    CHECK(run(http(closed_port(), "/health")).status == Status::critical);
    auto tls = http(w.port, "/health");
    tls.protocol = "https";
    CHECK(run(tls).output.find("not supported") != std::string::npos);
}

TEST_CASE("health: an http check sends its method, headers and body") {
    namespace asio = boost::asio;
    asio::io_context io;
    asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
    asio::ip::tcp::socket peer(io);
    std::string request;
    const std::string reply = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
    acceptor.async_accept(peer, [&](boost::system::error_code ec) {
        REQUIRE_FALSE(ec);
        asio::async_read_until(peer, asio::dynamic_buffer(request), "ping", [&](boost::system::error_code, std::size_t) {
            asio::async_write(peer, asio::buffer(reply), [&](boost::system::error_code, std::size_t) { peer.close(); });
        });
    });
    auto spec = http(acceptor.local_endpoint().port(), "/v1/check");
    spec.method = "POST";
    spec.headers = {{"X-Token", {"abc"}}};
    spec.body = "ping";
    Result r;
    probe(io, spec, [&](Result x) { r = std::move(x); });
    io.run();
    CHECK(r.status == Status::passing);
    CHECK(request.rfind("POST /v1/check HTTP/1.1\r\n", 0) == 0);
    CHECK(request.find("\r\nX-Token: abc\r\n") != std::string::npos);
    CHECK(request.find("\r\nContent-Length: 4\r\n\r\nping") != std::string::npos);
}

TEST_CASE("health: tcp checks pass on a listening port and fail on a closed one") {
    Workload w;
    auto s = http(w.port, "");
    s.type = "tcp";
    CHECK(run(s).status == Status::passing);
    s.port = closed_port();
    CHECK(run(s).status == Status::critical);
    s.address = "not-an-ip";
    CHECK(run(s).status == Status::critical);
}

TEST_CASE("health: script checks: exit 0 passing, 1 warning, else critical, killed at the timeout") {
    ScratchDir dir;
    CHECK(run(script("test \"$FROM_TASK\" = yes")).status == Status::passing);  // the task's environment
    CHECK(run(script("exit 1")).status == Status::warning);
    CHECK(run(script("exit 2")).status == Status::critical);
    auto slow = script("echo $$ > " + (dir.path / "pid").string() + "; sleep 30");
    slow.timeout = 200ms;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = run(slow);
    CHECK(r.status == Status::critical);
    CHECK(r.output.find("timed out") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
    CHECK(::kill(std::stoi(slurp(dir.path / "pid")), 0) != 0);  // the script is gone
    auto missing = script("");
    missing.command = "no-such-check-command";
    CHECK(run(missing).status == Status::critical);
}

TEST_CASE("health: the runner holds success_before_passing and failures_before_critical over time") {
    Workload w;
    std::mutex mu;
    std::vector<std::pair<Status, int>> changes;  // status shown, and the run that showed it
    CheckRunner* runner_ptr = nullptr;
    CheckRunner runner([&](const std::string& id, Status s, const std::string&) {
        std::lock_guard lock(mu);
        changes.emplace_back(s, runner_ptr->snapshot(id)->runs);  // already counts this run
    });
    runner_ptr = &runner;
    auto spec = http(w.port, "/health");
    spec.interval = 50ms;
    spec.success_before_passing = 3;
    spec.failures_before_critical = 2;
    runner.add(spec);
    CHECK(runner.snapshot("c1")->status == Status::critical);  // initial_status default
    REQUIRE(eventually([&] { return runner.snapshot("c1")->status == Status::passing; }));
    {
        std::lock_guard lock(mu);
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].first == Status::passing);
        CHECK(changes[0].second == 3);  // the third success in a row, not before
    }
    REQUIRE(run(http(w.port, "/fail")).status == Status::passing);
    const int runs_before = runner.snapshot("c1")->runs;
    REQUIRE(eventually([&] { return runner.snapshot("c1")->status == Status::critical; }));
    CHECK(runner.snapshot("c1")->runs >= runs_before + 2);
    {
        std::lock_guard lock(mu);
        REQUIRE(changes.size() == 2);  // straight to critical: no warning in between
        CHECK(changes[1].first == Status::critical);
    }
    CHECK(runner.worst_of({"c1"}) == Status::critical);
    runner.remove("c1");
    CHECK_FALSE(runner.snapshot("c1"));
}

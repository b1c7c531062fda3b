// hashiapp: the demo's web service and the runtime tests' workload, one small HTTP/1.1 server
// on Boost.Asio (one thread, keep-alive). `/` answers with the instance id, host and port,
// `/health` with 200 while healthy, `/secret` with what Vault (hjob's secrets API) answers for
// --vault-path with the task's token, as the talk's app reads its secret. With --control (or
// HASHIAPP_CONTROL=1) it also obeys test endpoints: /fail (health 500), /warn (health 429),
// /recover (health 200), /exit?code=N, /sleep?ms=N.
#include <unistd.h>

#include <array>
#include <chrono>
#include <fstream>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <random>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

struct App {
    std::string id, host, version, bind, vault_path;
    int port = 0, health = 200;
    bool control = false;
};

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

std::string random_id() {
    std::random_device rd;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08x%08x", rd(), rd());
    return buf;
}

/// The value of `key` in the query string of `target` ("/exit?code=3", "code") or `fallback`.
int query_int(const std::string& target, const std::string& key, int fallback) {
    const auto at = target.find(key + "=");
    return at == std::string::npos ? fallback : std::atoi(target.c_str() + at + key.size() + 1);
}

std::string response(int status, const std::string& body, bool keep_alive) {
    const char* reason = status == 200 ? "OK" : status == 404 ? "Not Found" : status == 429 ? "Too Many Requests" : "Error";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: " +
           std::to_string(body.size()) + (keep_alive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + body;
}

/// The value of header `name` (lower-case) in a request head, or "".
std::string header(const std::string& head, const std::string& name) {
    std::string lower(head.size(), ' ');
    for (std::size_t i = 0; i < head.size(); ++i) lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(head[i])));
    const auto at = lower.find("\r\n" + name + ":");
    if (at == std::string::npos) return "";
    auto from = at + name.size() + 3;
    while (from < head.size() && head[from] == ' ') ++from;
    return lower.substr(from, lower.find("\r\n", from) - from);
}

/// The task's Vault token: VAULT_TOKEN, else the file the vault block writes into secrets/.
std::string vault_token() {
    if (const char* t = std::getenv("VAULT_TOKEN"); t && *t) return t;
    const char* dir = std::getenv("NOMAD_SECRETS_DIR");
    std::ifstream in(std::string(dir ? dir : "secrets") + "/vault_token");
    std::string token;
    std::getline(in, token);
    return token;
}

/// GET $VAULT_ADDR/v1/<path> with the task's token: Vault's status and body, or 502 and why.
std::pair<int, std::string> read_vault(const std::string& path) {
    std::string addr = env_or("VAULT_ADDR", "http://127.0.0.1:8200");
    if (addr.rfind("http://", 0) == 0) addr = addr.substr(7);
    const auto colon = addr.rfind(':');
    try {
        asio::io_context io;
        tcp::socket s(io);
        tcp::resolver resolver(io);
        asio::connect(s, resolver.resolve(addr.substr(0, colon), colon == std::string::npos ? "80" : addr.substr(colon + 1)));
        const std::string req = "GET /v1/" + path + " HTTP/1.1\r\nHost: " + addr + "\r\nX-Vault-Token: " + vault_token() +
                                "\r\nConnection: close\r\n\r\n";
        asio::write(s, asio::buffer(req));
        std::string reply;
        boost::system::error_code ec;
        asio::read(s, asio::dynamic_buffer(reply), ec);
        const auto body = reply.find("\r\n\r\n");
        const int status = reply.size() > 12 ? std::atoi(reply.c_str() + 9) : 502;
        return {status, body == std::string::npos ? "" : reply.substr(body + 4) + "\n"};
    } catch (const boost::system::system_error& e) {
        return {502, "cannot reach Vault at " + addr + ": " + e.code().message() + "\n"};
    }
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket s, App& app) : socket_(std::move(s)), timer_(socket_.get_executor()), app_(app) {}

    void start() {
        auto self = shared_from_this();
        asio::async_read_until(socket_, asio::dynamic_buffer(request_, 16384), "\r\n\r\n",
                               [self](boost::system::error_code ec, std::size_t n) {
                                   if (!ec) self->read_body(n);
                               });
    }

private:
    // A body (rare: tests and probes send none) is read and dropped so the next request parses.
    void read_body(std::size_t head_size) {
        head_ = request_.substr(0, head_size);
        request_.erase(0, head_size);
        const std::size_t length = std::strtoul(header(head_, "content-length").c_str(), nullptr, 10);
        if (request_.size() >= length) {
            request_.erase(0, length);
            return handle();
        }
        auto self = shared_from_this();
        asio::async_read(socket_, asio::dynamic_buffer(request_), asio::transfer_exactly(length - request_.size()),
                         [self, length](boost::system::error_code ec, std::size_t) {
                             if (ec) return;
                             self->request_.erase(0, length);
                             self->handle();
                         });
    }

    void handle() {
        const auto sp1 = head_.find(' '), sp2 = head_.find(' ', sp1 + 1);
        const std::string target = sp1 == std::string::npos ? "/" : head_.substr(sp1 + 1, sp2 - sp1 - 1);
        keep_alive_ = header(head_, "connection") != "close" && head_.find(" HTTP/1.0\r\n") == std::string::npos;
        const std::string path = target.substr(0, target.find('?'));
        int exit_code = -1;
        if (path == "/") reply(200, "hashiapp " + app_.version + " instance " + app_.id + " on " + app_.host + " (" + app_.bind + ":" + std::to_string(app_.port) + ")\n");
        else if (path == "/health") reply(app_.health, app_.health == 200 ? "ok\n" : "unhealthy\n");
        else if (path == "/secret" && !app_.vault_path.empty()) {
            auto [status, body] = read_vault(app_.vault_path);
            reply(status, body);
        }
        else if (!app_.control) reply(404, "not found\n");
        else if (path == "/fail") app_.health = 500, reply(200, "health now fails\n");
        else if (path == "/warn") app_.health = 429, reply(200, "health now warns\n");
        else if (path == "/recover") app_.health = 200, reply(200, "health now passes\n");
        else if (path == "/exit") exit_code = query_int(target, "code", 0), reply(200, "exiting\n", exit_code);
        else if (path == "/sleep") delayed(query_int(target, "ms", 1000));
        else reply(404, "not found\n");
    }

    void delayed(int ms) {
        timer_.expires_after(std::chrono::milliseconds(ms));
        auto self = shared_from_this();
        timer_.async_wait([self](boost::system::error_code) { self->reply(200, "slept\n"); });
    }

    void reply(int status, const std::string& body, int exit_after = -1) {
        if (exit_after >= 0) keep_alive_ = false;
        out_ = response(status, body, keep_alive_);
        auto self = shared_from_this();
        asio::async_write(socket_, asio::buffer(out_), [self, exit_after](boost::system::error_code ec, std::size_t) {
            if (exit_after >= 0) std::exit(exit_after);
            if (!ec && self->keep_alive_) return self->start();
            boost::system::error_code ignored;
            self->socket_.shutdown(tcp::socket::shutdown_both, ignored);
        });
    }

    tcp::socket socket_;
    asio::steady_timer timer_;
    App& app_;
    std::string request_, head_, out_;
    bool keep_alive_ = false;
};

void accept(tcp::acceptor& acceptor, App& app) {
    acceptor.async_accept([&](boost::system::error_code ec, tcp::socket s) {
        if (!ec) std::make_shared<Connection>(std::move(s), app)->start();
        accept(acceptor, app);
    });
}

}  // namespace

int main(int argc, char** argv) {
    App app;
    CLI::App cli{"hashiapp: the demo web service (and the runtime tests' workload)"};
    int port = -1;
    bool fail_health = false;
    cli.add_option("--port", port, "port to listen on (default: NOMAD_PORT_http, then PORT, then any free port)");
    cli.add_option("--bind,--bind-address", app.bind, "address to listen on (default: NOMAD_IP_http, then 127.0.0.1)");
    cli.add_option("--id", app.id, "instance id shown by / (default: NOMAD_ALLOC_ID, then a random id)");
    cli.add_option("--version", app.version, "version label shown by /")->default_val("v1");
    cli.add_flag("--control", app.control, "enable /fail, /warn, /recover, /exit and /sleep (also HASHIAPP_CONTROL=1)");
    cli.add_flag("--fail-health", fail_health, "start with /health answering 500");
    cli.add_option("--vault-path", app.vault_path,
                   "secret to read from Vault at start and on /secret (\"secret/data/hashiapp\"; VAULT_ADDR, VAULT_TOKEN)");
    // As a stand-in for mysqld in examples/jobs/mysql.hcl it takes mysqld's flags and ignores
    // those it has no use for (--datadir).
    cli.allow_extras();
    CLI11_PARSE(cli, argc, argv);
    if (port < 0) port = std::atoi(env_or("NOMAD_PORT_http", env_or("PORT", "0")).c_str());
    if (app.bind.empty()) app.bind = env_or("NOMAD_IP_http", "127.0.0.1");
    if (app.id.empty()) app.id = env_or("NOMAD_ALLOC_ID", random_id());
    app.control = app.control || env_or("HASHIAPP_CONTROL", "") == "1";
    app.health = fail_health ? 500 : 200;
    char host[256] = "localhost";
    ::gethostname(host, sizeof host - 1);
    app.host = host;
    try {
        asio::io_context io;
        tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address(app.bind), static_cast<unsigned short>(port)));
        app.port = acceptor.local_endpoint().port();
        // Handlers first, then the announcement: whoever waits for it may signal at once.
        asio::signal_set stop(io, SIGINT, SIGTERM);
        stop.async_wait([&](boost::system::error_code, int) { io.stop(); });
        std::cout << "hashiapp " << app.version << " listening on " << app.bind << ":" << app.port << std::endl;
        // The talk's app reads its secret at start-up; say whether it could (never the value).
        if (!app.vault_path.empty())
            std::cout << "hashiapp: reading " << app.vault_path << " from Vault: status " << read_vault(app.vault_path).first
                      << std::endl;
        accept(acceptor, app);
        io.run();
    } catch (const std::exception& e) {
        std::cerr << "hashiapp: cannot listen on " << app.bind << ":" << port << ": " << e.what() << "\n";
        return 1;
    }
    std::cout << "hashiapp stopped" << std::endl;
    return 0;
}

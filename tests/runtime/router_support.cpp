// Helpers of the router tests (router_support.hpp).
#include "router_support.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/beast/http.hpp>
#include <regex>
#include <stdexcept>
#include <thread>

namespace hjob::test {

namespace bhttp = boost::beast::http;

Process::Process(const std::vector<std::string>& argv, const std::string& log) : log_(log) {
    pid_ = ::fork();
    if (pid_ == 0) {
        ::setpgid(0, 0);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        const int null = ::open("/dev/null", O_RDONLY);
        ::dup2(null, 0);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::setpgid(pid_, pid_);  // also from the parent: no race with a kill right after fork
}

Process::~Process() {
    kill(SIGKILL);
    wait(std::chrono::seconds(5));
}

void Process::kill(int sig) {
    if (!reaped_ && pid_ > 0) ::kill(-pid_, sig);
}

int Process::wait(std::chrono::milliseconds limit) {
    if (reaped_ || pid_ <= 0) return -1;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            reaped_ = true;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        if (std::chrono::steady_clock::now() > deadline) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::string Process::log() const { return read_file(log_); }

Hashiapp::Hashiapp(const std::string& dir, const std::string& id_)
    : id(id_), proc({std::string(HJOB_BINARY_DIR) + "/hashiapp", "--control", "--id", id_, "--bind", "127.0.0.1", "--port", "0"},
                    dir + "/" + id_ + ".log") {
    static const std::regex re("listening on [0-9.]+:([0-9]+)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (port == 0 && std::chrono::steady_clock::now() < deadline) {
        std::smatch m;
        const std::string log = proc.log();
        if (std::regex_search(log, m, re)) port = std::stoi(m[1]);
        else std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (port == 0) throw std::runtime_error("hashiapp " + id + " did not start: " + proc.log());
}

runtime::catalog::Instance app_instance(const std::string& service, const std::string& id, int port,
                                        std::vector<std::string> tags, const std::string& status) {
    runtime::catalog::Instance i;
    i.id = "_nomad-task-" + id + "-web-" + service + "-http";
    i.service = service;
    i.alloc_id = id;
    i.task = "web";
    i.node_name = "local";
    i.address = "127.0.0.1";
    i.port = port;
    i.tags = std::move(tags);
    i.status = status;
    i.checks = {{"c-" + id, "alive", "http", status, status == "passing" ? "HTTP GET: 200 OK" : "HTTP GET: 500"}};
    return i;
}

Client::Client(int port, std::chrono::milliseconds timeout) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

Client::~Client() {
    if (fd_ >= 0) ::close(fd_);
}

bool Client::send(const std::string& bytes) {
    if (fd_ < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += std::size_t(n);
    }
    return true;
}

Reply Client::read() {
    Reply r;
    if (fd_ < 0) return r;
    bhttp::response_parser<bhttp::string_body> p;
    p.eager(true);
    p.body_limit(64 * 1024 * 1024);
    boost::system::error_code ec;
    for (;;) {
        if (!pending_.empty()) {
            const auto used = p.put(boost::asio::buffer(pending_), ec);
            pending_.erase(0, used);
            if (ec == bhttp::error::need_more) ec = {};
            if (ec) return r;
            if (p.is_done()) break;
            if (used > 0 && !pending_.empty()) continue;
        }
        char buf[16384];
        const auto n = ::recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) {
            if (n == 0 && p.is_header_done() && !p.content_length()) {  // body until close
                p.put_eof(ec);
                if (!ec) break;
            }
            return r;
        }
        pending_.append(buf, std::size_t(n));
    }
    auto res = p.release();
    r.status = res.result_int();
    r.body = res.body();
    for (const auto& f : res) {
        std::string name(f.name_string());
        for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = std::string(f.value());
    }
    return r;
}

Reply Client::request(const std::string& method, const std::string& target, const std::string& body,
                      const std::string& extra_headers) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers;
    if (!body.empty() || method == "POST" || method == "PUT") req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    req += "\r\n" + body;
    if (!send(req)) return {};
    return read();
}

bool Client::closed_within(std::chrono::milliseconds limit) {
    if (fd_ < 0) return true;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        char c;
        const auto n = ::recv(fd_, &c, 1, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) return true;
    }
    return false;
}

Reply fetch(int port, const std::string& method, const std::string& target, const std::string& body) {
    Client c(port);
    return c.request(method, target, body, "Connection: close\r\n");
}

std::string instance_of(const std::string& body) {
    static const std::regex re("instance (\\S+) on");
    std::smatch m;
    return std::regex_search(body, m, re) ? m[1].str() : "";
}

int dead_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

RouterFixture::RouterFixture(runtime::router::Limits limits)
    : store(runtime::state::Store::open(dir.path)), catalog(store) {
    runtime::router::RouterOptions o;
    o.listen = "127.0.0.1:0";
    o.data_dir = dir.path;
    o.access_log = dir.path + "/access.log";
    o.limits = limits;
    router = std::make_unique<runtime::router::Router>(o);
    router->start();
}

RouterFixture::~RouterFixture() { router->stop(std::chrono::seconds(1)); }

}  // namespace hjob::test

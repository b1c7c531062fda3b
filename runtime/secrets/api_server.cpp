// ApiServer: an asynchronous Beast listener and keep-alive sessions on one io thread. The
// secrets layer (and its SQLite connection) is used from that thread only.
#include "api_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <iostream>
#include <optional>
#include <thread>

#include "api_handler.hpp"
#include "runtime/state/secrets_store.hpp"
#include "runtime/state/store.hpp"

namespace hjob::secrets {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// A client that sends nothing for this long is dropped, so idle or half-open connections
// cannot pile up; Vault clients reconnect transparently.
constexpr auto idle_timeout = std::chrono::seconds(30);
constexpr std::size_t max_header_bytes = 16 * 1024;

}  // namespace

struct ApiServer::Impl {
    std::string data_dir, address;
    unsigned short port = 0;
    Log log;
    asio::io_context ioc{1};
    std::optional<tcp::acceptor> acceptor;
    std::thread thread;
    std::optional<runtime::state::Store> store;
    std::unique_ptr<runtime::state::SqliteSecretStore> tables;
    SystemClock clock;
    std::unique_ptr<Secrets> secrets;

    void accept();
    http::response<http::string_body> answer(const http::request<http::string_body>& req);
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
public:
    using Answer = std::function<http::response<http::string_body>(const http::request<http::string_body>&)>;
    Session(tcp::socket socket, Answer answer) : stream_(std::move(socket)), answer_(std::move(answer)) {}

    void read() {
        parser_.emplace();
        parser_->body_limit(max_api_body);
        parser_->header_limit(max_header_bytes);
        stream_.expires_after(idle_timeout);
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
    }

private:
    void on_read(beast::error_code ec) {
        if (ec == http::error::body_limit || ec == http::error::header_limit) return refuse(413);
        if (ec) return close();  // end of stream, timeout, reset: nothing to answer
        const auto req = parser_->release();
        response_ = answer_(req);
        write(req.keep_alive());
    }

    // An oversized request: answer and close, since the rest of it is still on the wire.
    void refuse(unsigned status) {
        response_ = {};
        response_.result(status);
        response_.set(http::field::content_type, "application/json");
        response_.body() = R"({"errors":["request too large"]})";
        write(false);
    }

    void write(bool keep_alive) {
        response_.keep_alive(keep_alive);
        response_.prepare_payload();
        http::async_write(stream_, response_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
            if (!ec && keep_alive) return self->read();
            self->close();
        });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> response_;
    Answer answer_;
};

}  // namespace

void ApiServer::Impl::accept() {
    acceptor->async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
        if (!ec) std::make_shared<Session>(std::move(socket), [this](const auto& req) { return answer(req); })->read();
        accept();
    });
}

http::response<http::string_body> ApiServer::Impl::answer(const http::request<http::string_body>& req) {
    const ApiRequest in{std::string(req.method_string()), std::string(req.target()),
                        request_token(req["X-Vault-Token"], req[http::field::authorization]), req.body()};
    ApiResponse out;
    try {
        out = handle_api(*secrets, in);
    } catch (const std::exception& e) {  // the state failed under us (disk, corruption)
        out = {500, R"({"errors":["internal error"]})", "500 " + in.method + ": " + e.what()};
    }
    if (!out.log.empty() && log) log(out.log);
    http::response<http::string_body> res{static_cast<http::status>(out.status), req.version()};
    res.set(http::field::server, "hjob");
    res.set(http::field::cache_control, "no-store");
    if (!out.body.empty()) res.set(http::field::content_type, "application/json");
    res.body() = std::move(out.body);
    return res;
}

std::string listen_problem(const std::string& address) {
    beast::error_code ec;
    const auto ip = asio::ip::make_address(address, ec);
    if (ec) return address + " is not an IP address (give 127.0.0.1 or ::1)";
    if (!ip.is_loopback())
        return "refusing to listen on " + address +
               ": the secrets API has no TLS and tokens are bearer credentials, so it listens on loopback only "
               "(127.0.0.1 or ::1)";
    return "";
}

ApiServer::ApiServer(std::string data_dir, std::string address, unsigned short port, Log log)
    : impl_(std::make_unique<Impl>()) {
    impl_->data_dir = std::move(data_dir);
    impl_->address = std::move(address);
    impl_->port = port;
    impl_->log = log ? std::move(log) : [](const std::string& line) { std::cerr << "secrets api: " << line << '\n'; };
}

ApiServer::~ApiServer() { stop(); }

Status ApiServer::start() {
    if (auto p = listen_problem(impl_->address); !p.empty()) return Status::fail(p);
    try {
        impl_->store.emplace(runtime::state::Store::open(impl_->data_dir));
        impl_->tables = std::make_unique<runtime::state::SqliteSecretStore>(impl_->store->db());
    } catch (const std::exception& e) {
        return Status::fail(e.what());
    }
    auto layer = Secrets::open(impl_->data_dir, *impl_->tables, *impl_->tables, *impl_->tables, impl_->clock);
    if (!layer) return Status::fail(layer.error);
    impl_->secrets = std::move(*layer.value);
    beast::error_code ec;
    const tcp::endpoint at(asio::ip::make_address(impl_->address), impl_->port);
    impl_->acceptor.emplace(impl_->ioc);
    impl_->acceptor->open(at.protocol(), ec);
    if (!ec) impl_->acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) impl_->acceptor->bind(at, ec);
    if (!ec) impl_->acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return Status::fail("cannot listen on " + impl_->address + ":" + std::to_string(impl_->port) + ": " + ec.message());
    impl_->port = impl_->acceptor->local_endpoint().port();
    impl_->accept();
    impl_->thread = std::thread([this] { impl_->ioc.run(); });
    return success();
}

unsigned short ApiServer::port() const { return impl_->port; }

std::string ApiServer::url() const {
    const bool v6 = impl_->address.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + impl_->address + "]" : impl_->address) + ":" + std::to_string(impl_->port);
}

void ApiServer::stop() {
    if (!impl_->thread.joinable()) return;
    asio::post(impl_->ioc, [this] {
        beast::error_code ignored;
        impl_->acceptor->close(ignored);
        impl_->ioc.stop();
    });
    impl_->thread.join();
}

}  // namespace hjob::secrets

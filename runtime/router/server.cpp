// The router's listeners, io threads and graceful stop (server.hpp).
#include "server.hpp"

#include <stdexcept>

#include "context.hpp"

namespace hjob::runtime::router {

std::pair<std::string, unsigned short> parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("\"" + text + "\" is not ADDR:PORT (for instance 127.0.0.1:9999)");
    std::string addr = text.substr(0, colon);
    if (addr.size() >= 2 && addr.front() == '[' && addr.back() == ']') addr = addr.substr(1, addr.size() - 2);
    if (addr.empty()) addr = "0.0.0.0";
    const std::string port = text.substr(colon + 1);
    char* end = nullptr;
    const long p = std::strtol(port.c_str(), &end, 10);
    if (port.empty() || *end != '\0' || p < 0 || p > 65535)
        throw std::invalid_argument("\"" + text + "\": the port must be a number from 0 to 65535");
    boost::system::error_code ec;
    asio::ip::make_address(addr, ec);
    if (ec) throw std::invalid_argument("\"" + text + "\": \"" + addr + "\" is not an IP address");
    return {addr, static_cast<unsigned short>(p)};
}

// Destruction order matters: the pooled and listening sockets go before the io_contexts (the
// pools are cleared in ~Impl); the context, table and counters, which coroutine frames touch
// while an io_context destroys them, after them.
struct Router::Impl {
    RouterOptions opt;
    Metrics metrics;
    AccessLog log;
    TableWatcher tables;
    std::vector<std::unique_ptr<UpstreamPool>> pools;
    Context ctx;
    std::vector<std::unique_ptr<asio::io_context>> ios;  ///< one per io thread, each run by it alone
    std::optional<tcp::acceptor> acceptor, ui_acceptor;
    std::optional<asio::steady_timer> flush_timer;
    std::vector<std::thread> threads;
    std::size_t next_io = 0;  ///< the accept loop's round-robin over ios
    bool stopped = false;

    explicit Impl(RouterOptions o)
        : opt(std::move(o)), log(opt.access_log), tables(opt.data_dir, opt.poll), ctx{opt.limits, tables, pools, metrics, log, opt.listen} {
        for (int i = 0; i < std::max(1, opt.threads); ++i) {
            ios.push_back(std::make_unique<asio::io_context>(1));
            pools.push_back(std::make_unique<UpstreamPool>(opt.limits.idle_per_upstream));
        }
    }

    ~Impl() {
        for (auto& p : pools) p->clear();
    }

    tcp::acceptor bind(const std::string& where) {
        const auto [addr, port] = parse_listen(where);
        tcp::acceptor a(*ios[0]);
        const tcp::endpoint ep(asio::ip::make_address(addr), port);
        boost::system::error_code ec;
        a.open(ep.protocol(), ec);
        if (!ec) a.set_option(tcp::acceptor::reuse_address(true), ec);
        if (!ec) a.bind(ep, ec);
        if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
        if (ec) throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
        return a;
    }

    // Runs on io thread 0; each connection goes to the next io thread's io_context.
    asio::awaitable<void> accept(tcp::acceptor& a, bool ui) {
        for (;;) {
            auto& io = *ios[next_io++ % ios.size()];
            auto [ec, socket] = co_await a.async_accept(io, nothrow);
            if (ec == asio::error::operation_aborted || !a.is_open()) co_return;
            if (ec) continue;  // EMFILE and the like: the client is gone, keep accepting
            socket.set_option(tcp::no_delay(true), ec);
            asio::co_spawn(io, serve_client(ctx, std::move(socket), ui), asio::detached);
        }
    }

    asio::awaitable<void> flush_log() {
        for (;;) {
            flush_timer->expires_after(std::chrono::milliseconds(500));
            auto [ec] = co_await flush_timer->async_wait(nothrow);
            log.flush();
            if (ec) co_return;
        }
    }
};

Router::Router(RouterOptions opt) : impl_(std::make_unique<Impl>(std::move(opt))) {
    impl_->acceptor.emplace(impl_->bind(impl_->opt.listen));
    if (!impl_->opt.ui.empty()) impl_->ui_acceptor.emplace(impl_->bind(impl_->opt.ui));
    impl_->flush_timer.emplace(*impl_->ios[0]);
}

Router::~Router() { stop(std::chrono::seconds(0)); }

void Router::start() {
    auto& m = *impl_;
    auto& io0 = *m.ios[0];
    asio::co_spawn(io0, m.accept(*m.acceptor, false), asio::detached);
    if (m.ui_acceptor) asio::co_spawn(io0, m.accept(*m.ui_acceptor, true), asio::detached);
    asio::co_spawn(io0, m.flush_log(), asio::detached);
    for (std::size_t i = 0; i < m.ios.size(); ++i)
        m.threads.emplace_back([&m, i] {
            io_thread = i;
            auto work = asio::make_work_guard(*m.ios[i]);  // threads > 0 may have no connection yet
            m.ios[i]->run();
        });
}

void Router::stop(std::chrono::milliseconds drain) {
    auto& m = *impl_;
    if (m.stopped) return;
    m.stopped = true;
    m.ctx.stopping = true;
    asio::post(*m.ios[0], [&m] {
        boost::system::error_code ec;
        m.acceptor->close(ec);
        if (m.ui_acceptor) m.ui_acceptor->close(ec);
    });
    const auto deadline = std::chrono::steady_clock::now() + drain;
    while (m.ctx.in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    for (auto& io : m.ios) io->stop();
    for (auto& t : m.threads) t.join();
    m.threads.clear();
    m.log.flush();
}

unsigned short Router::port() const { return impl_->acceptor->local_endpoint().port(); }
unsigned short Router::ui_port() const { return impl_->ui_acceptor ? impl_->ui_acceptor->local_endpoint().port() : 0; }
const Metrics& Router::metrics() const { return impl_->metrics; }
TableWatcher& Router::tables() { return impl_->tables; }

}  // namespace hjob::runtime::router

// The check scheduler (runner.hpp). Probes start at a fixed rate (every interval from the
// previous start), as Consul's check ticker does; a probe slower than its interval delays the
// next one instead of piling up.
#include "runner.hpp"

#include <algorithm>
#include <cctype>
#include <future>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

namespace hjob::runtime::health {

namespace asio = boost::asio;

struct CheckRunner::Entry {
    CheckSpec spec;
    CheckState state;
    asio::steady_timer timer;
    std::chrono::steady_clock::time_point last_start{};
    bool removed = false;
    Entry(asio::io_context& io, const CheckSpec& s)
        : spec(s), state(s.initial, s.success_before_passing, s.failures_before_critical, s.failures_before_warning), timer(io) {}
};

CheckRunner::CheckRunner(OnChange on_change)
    : on_change_(std::move(on_change)), work_(asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}

CheckRunner::~CheckRunner() {
    std::promise<void> done;
    asio::post(io_, [&] {
        for (auto& [id, e] : entries_) e->removed = true, e->timer.cancel();
        entries_.clear();
        done.set_value();
    });
    done.get_future().wait();
    work_.reset();
    io_.stop();  // probes in flight are abandoned; their sockets close with the io_context
    thread_.join();
}

void CheckRunner::add(const CheckSpec& spec) {
    {
        std::lock_guard lock(mu_);
        snapshots_[spec.id] = Snapshot{spec.initial, "", 0};
    }
    asio::post(io_, [this, spec] {
        if (auto old = entries_.find(spec.id); old != entries_.end()) old->second->removed = true, old->second->timer.cancel();
        auto e = std::make_shared<Entry>(io_, spec);
        entries_[spec.id] = e;
        {
            std::lock_guard lock(mu_);  // again: a replaced check's last result may have landed since
            snapshots_[spec.id] = Snapshot{spec.initial, "", 0};
        }
        run_once(e);
    });
}

void CheckRunner::remove(const std::string& id) {
    auto drop = [this, id] {
        if (auto it = entries_.find(id); it != entries_.end()) {
            it->second->removed = true;
            it->second->timer.cancel();
            entries_.erase(it);
        }
        std::lock_guard lock(mu_);
        snapshots_.erase(id);
    };
    // Synchronous, so that no probe result lands after remove() returns; inline when called
    // from on_change (the io thread), which must not wait for itself.
    if (std::this_thread::get_id() == thread_.get_id()) return drop();
    std::promise<void> done;
    asio::post(io_, [&] {
        drop();
        done.set_value();
    });
    done.get_future().wait();
}

void CheckRunner::run_once(const std::shared_ptr<Entry>& e) {
    e->last_start = std::chrono::steady_clock::now();
    probe(io_, e->spec, [this, e](Result r) {
        if (e->removed) return;
        const Status before = e->state.status();
        const Status now = e->state.observe(r.status);
        {
            std::lock_guard lock(mu_);
            auto& snap = snapshots_[e->spec.id];
            snap.status = now, snap.output = r.output, ++snap.runs;
        }
        if (now != before && on_change_) on_change_(e->spec.id, now, r.output);
        schedule(e);
    });
}

void CheckRunner::schedule(const std::shared_ptr<Entry>& e) {
    const auto interval = std::max(e->spec.interval, std::chrono::milliseconds(10));
    e->timer.expires_at(std::max(e->last_start + interval, std::chrono::steady_clock::now()));
    e->timer.async_wait([this, e](boost::system::error_code ec) {
        if (!ec && !e->removed) run_once(e);
    });
}

std::optional<Snapshot> CheckRunner::snapshot(const std::string& id) const {
    std::lock_guard lock(mu_);
    if (auto it = snapshots_.find(id); it != snapshots_.end()) return it->second;
    return std::nullopt;
}

Status CheckRunner::worst_of(const std::vector<std::string>& ids) const {
    std::vector<Status> all;
    for (const auto& id : ids) all.push_back(snapshot(id) ? snapshot(id)->status : Status::critical);
    return worst(all);
}

CheckSpec make_check_spec(const std::string& id, const ir::Check& c, const std::string& address, int port,
                          const std::map<std::string, std::string>& env, const std::string& work_dir) {
    auto ms = [](ir::Duration ns) { return std::chrono::milliseconds(ns / 1'000'000); };
    CheckSpec s;
    s.id = id, s.name = c.name, s.type = c.type;
    for (char& ch : s.type) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    s.address = address, s.port = port;
    if (!c.protocol.empty()) s.protocol = c.protocol;
    if (!c.method.empty()) s.method = c.method;
    s.path = c.path, s.body = c.body, s.headers = c.header;
    s.command = c.command, s.args = c.args, s.env = env, s.work_dir = work_dir;
    if (c.interval > 0) s.interval = ms(c.interval);
    if (c.timeout > 0) s.timeout = ms(c.timeout);
    s.initial = parse_status(c.initial_status);
    s.success_before_passing = c.success_before_passing;
    s.failures_before_critical = c.failures_before_critical;
    s.failures_before_warning = c.failures_before_warning;
    return s;
}

}  // namespace hjob::runtime::health

// The live route table and its catalog watcher (live_table.hpp).
#include "live_table.hpp"

#include <iostream>

namespace hjob::runtime::router {

namespace {

std::int64_t steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

LiveTable::LiveTable(Table t, std::vector<catalog::Instance> i, Index index)
    : table(std::move(t)), instances(std::move(i)), catalog_index(index), built(std::chrono::system_clock::now()),
      cursors_(new std::atomic<std::uint32_t>[table.routes.size() + 1]) {
    std::size_t slots = 0;
    for (std::size_t r = 0; r < table.routes.size(); ++r) {
        cursors_[r].store(0, std::memory_order_relaxed);
        offsets_.push_back(slots);
        slots += table.routes[r].targets.size();
    }
    down_until_.reset(new std::atomic<std::int64_t>[slots + 1]);
    for (std::size_t n = 0; n <= slots; ++n) down_until_[n].store(0, std::memory_order_relaxed);
}

bool LiveTable::is_down(std::size_t route, int target, std::int64_t now) const {
    return down_until_[offsets_[route] + std::size_t(target)].load(std::memory_order_relaxed) > now;
}

int LiveTable::pick(std::size_t route, int skip) const {
    const auto& sched = table.routes[route].schedule;
    if (sched.empty()) return -1;
    const std::int64_t now = steady_ns();
    int fallback = -1;
    for (std::size_t tries = 0; tries < sched.size(); ++tries) {
        const auto n = cursors_[route].fetch_add(1, std::memory_order_relaxed);
        const int t = sched[n % sched.size()];
        if (t == skip) continue;
        if (!is_down(route, t, now)) return t;
        if (fallback < 0) fallback = t;
    }
    // Every other target is down or skipped: try a down one rather than none.
    return fallback >= 0 ? fallback : skip;
}

void LiveTable::mark_down(std::size_t route, int target, std::chrono::milliseconds period) const {
    down_until_[offsets_[route] + std::size_t(target)].store(
        steady_ns() + std::chrono::duration_cast<std::chrono::nanoseconds>(period).count(), std::memory_order_relaxed);
}

TableWatcher::TableWatcher(const std::string& data_dir, std::chrono::milliseconds interval)
    : store_(state::Store::open(data_dir)), interval_(interval) {
    refresh();
    thread_ = std::thread([this] { loop(); });
}

TableWatcher::~TableWatcher() {
    {
        std::lock_guard lock(stop_mu_);
        stopping_ = true;
    }
    stop_cv_.notify_all();
    thread_.join();
}

std::shared_ptr<const LiveTable> TableWatcher::current() const {
    std::lock_guard lock(mu_);
    return current_;
}

bool TableWatcher::changed() {
    std::lock_guard db(db_mu_);
    auto q = store_.db().prepare("PRAGMA data_version");
    const std::int64_t v = q.step() ? q.integer(0) : -1;
    if (v == data_version_) return false;
    data_version_ = v;
    const auto cur = current();
    return !cur || catalog::Catalog(store_).modify_index() != cur->catalog_index;
}

void TableWatcher::refresh() {
    std::lock_guard db(db_mu_);
    catalog::Catalog cat(store_);
    Index index = 0;
    std::vector<catalog::Instance> instances;
    {
        // One snapshot: the index and the rows it describes.
        auto tx = store_.read();
        index = cat.modify_index();
        instances = cat.list();
    }
    auto table = build_table(instances);
    auto live = std::make_shared<const LiveTable>(std::move(table), std::move(instances), index);
    std::lock_guard lock(mu_);
    current_ = std::move(live);
}

void TableWatcher::loop() {
    std::unique_lock lock(stop_mu_);
    while (!stop_cv_.wait_for(lock, interval_, [this] { return stopping_; })) {
        try {
            if (changed()) refresh();
        } catch (const std::exception& e) {
            // A busy or briefly locked state: keep the table we have and try again next tick.
            std::cerr << "hjob router: reading the catalog: " << e.what() << "\n";
        }
    }
}

}  // namespace hjob::runtime::router

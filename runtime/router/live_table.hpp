// The table the router serves from: a route table with the catalog it came from and a
// round-robin cursor per route, swapped whole when the catalog changes. Requests hold a
// shared_ptr to the table they started with, so a swap never pulls an upstream from under a
// request in flight. The watcher polls `PRAGMA data_version` (a few µs) on its own connection
// and thread, and rebuilds only when the catalog's modify index moved.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "routes.hpp"

namespace hjob::runtime::router {

struct LiveTable {
    Table table;
    std::vector<catalog::Instance> instances;
    Index catalog_index = 0;
    std::chrono::system_clock::time_point built;

    LiveTable(Table t, std::vector<catalog::Instance> i, Index index);
    /// The next target of `route` (an index into table.routes) by its schedule, passing over
    /// `skip` (a target index, or -1) and targets marked down while the route has another;
    /// -1 when the route has no target.
    int pick(std::size_t route, int skip = -1) const;
    /// Passive health, as nginx's max_fails=1 fail_timeout: a target that just failed is
    /// passed over for `period` (until the catalog changes and the table is rebuilt).
    void mark_down(std::size_t route, int target, std::chrono::milliseconds period) const;

private:
    bool is_down(std::size_t route, int target, std::int64_t now) const;
    std::unique_ptr<std::atomic<std::uint32_t>[]> cursors_;  ///< one per route
    std::vector<std::size_t> offsets_;                       ///< route -> its first slot in down_until_
    std::unique_ptr<std::atomic<std::int64_t>[]> down_until_;  ///< steady-clock ns, one per target
};

class TableWatcher {
public:
    /// Reads the catalog of the state in `data_dir` now (throws state::StateError when it
    /// cannot), then every `interval` on a thread of its own.
    TableWatcher(const std::string& data_dir, std::chrono::milliseconds interval);
    ~TableWatcher();
    TableWatcher(const TableWatcher&) = delete;
    TableWatcher& operator=(const TableWatcher&) = delete;

    std::shared_ptr<const LiveTable> current() const;
    /// Re-reads the catalog at once (tests; the watcher does the same on its own).
    void refresh();

private:
    void loop();
    bool changed();

    std::mutex db_mu_;  ///< the connection: refresh() may come from a test while the thread polls
    state::Store store_;
    std::chrono::milliseconds interval_;
    std::int64_t data_version_ = -1;
    mutable std::mutex mu_;
    std::shared_ptr<const LiveTable> current_;  ///< guarded by mu_
    std::mutex stop_mu_;
    std::condition_variable stop_cv_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace hjob::runtime::router

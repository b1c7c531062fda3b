// Runs checks on their intervals, on one thread with Boost.Asio: per check a steady timer and
// at most one probe in flight, so hundreds of idle checks cost a few wakeups per interval.
// Each check's status goes through its CheckState (thresholds, initial status); `on_change`
// hears every change of shown status.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "compiler/ir.hpp"
#include "probe.hpp"

namespace hjob::runtime::health {

struct Snapshot {
    Status status = Status::critical;
    std::string output;
    int runs = 0;  ///< probes completed since the check was added
};

class CheckRunner {
public:
    using OnChange = std::function<void(const std::string& id, Status status, const std::string& output)>;
    explicit CheckRunner(OnChange on_change = {});
    ~CheckRunner();
    CheckRunner(const CheckRunner&) = delete;
    CheckRunner& operator=(const CheckRunner&) = delete;

    /// Starts running `spec` (its first probe at once); replaces a check with the same id.
    void add(const CheckSpec& spec);
    /// Stops a check; a probe in flight finishes but is not recorded. Returns once it is gone.
    void remove(const std::string& id);
    std::optional<Snapshot> snapshot(const std::string& id) const;
    /// The worst status of the given checks (passing for none; unknown ids count as critical).
    Status worst_of(const std::vector<std::string>& ids) const;

private:
    struct Entry;
    void schedule(const std::shared_ptr<Entry>& e);
    void run_once(const std::shared_ptr<Entry>& e);

    OnChange on_change_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::map<std::string, std::shared_ptr<Entry>> entries_;  ///< io thread only
    mutable std::mutex mu_;
    std::map<std::string, Snapshot> snapshots_;  ///< guarded by mu_
    std::thread thread_;
};

/// A CheckSpec from an (interpolated) IR check of a service at `address`:`port`; a script
/// check runs with `env` in `work_dir`.
CheckSpec make_check_spec(const std::string& id, const ir::Check& check, const std::string& address, int port,
                          const std::map<std::string, std::string>& env, const std::string& work_dir);

}  // namespace hjob::runtime::health

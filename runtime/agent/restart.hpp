// The restart policy of a task, after Nomad's client restart tracker: after each end of the
// task (or failed start, or check_restart) it says whether to start it again and after how
// long. `attempts` restarts are allowed per `interval`; past them mode "fail" gives up (the
// task is dead and failed) and mode "delay" waits for the interval to end, then starts again.
// A batch task that exits 0 is done; a service or system task is restarted whatever its exit.
#pragma once

#include <string>

#include "compiler/ir.hpp"
#include "runtime/model.hpp"

namespace hjob::runtime::agent {

struct RestartDecision {
    enum class Kind { restart, fail, done };
    Kind kind = Kind::restart;
    UnixNanos wait = 0;   ///< for restart: how long until the next start
    std::string reason;   ///< the event's message ("Restart within policy", "Exceeded allowed attempts ...")
};

class RestartTracker {
public:
    RestartTracker(const ir::RestartPolicy& policy, std::string job_type) : policy_(policy), type_(std::move(job_type)) {}
    /// The task ended (`success`: exit code 0), failed to start, or check_restart fired.
    RestartDecision next(bool success, UnixNanos now);
    int restarts() const { return restarts_; }

private:
    ir::RestartPolicy policy_;
    std::string type_;
    int count_ = 0, restarts_ = 0;
    UnixNanos interval_start_ = 0;
};

/// Nomad's duration text: 15s, 1m30s, 30m0s, 250ms.
std::string format_duration(UnixNanos ns);

}  // namespace hjob::runtime::agent

// Check statuses as Consul and Nomad name them, and the per-check state machine that turns a
// stream of probe results into a status with Consul's thresholds.
#pragma once

#include <string>
#include <vector>

namespace hjob::runtime::health {

enum class Status { passing, warning, critical };

const char* to_string(Status s);
/// "passing" | "warning" | "critical"; anything else (Nomad's default "") is critical.
Status parse_status(const std::string& text);
/// An instance is as healthy as its worst check; passing when it has none.
Status worst(const std::vector<Status>& statuses);

/// One check's status over time, as Consul's StatusHandler: a passing or warning result counts
/// as a success and is shown only after `success_before_passing` successes in a row; a critical
/// result is shown only after `failures_before_critical` failures in a row, and before that as
/// warning once `failures_before_warning` (0, the default: failures_before_critical) is reached.
class CheckState {
public:
    CheckState(Status initial, int success_before_passing, int failures_before_critical, int failures_before_warning = 0);
    /// Records one probe result; returns the status now shown.
    Status observe(Status result);
    Status status() const { return status_; }

private:
    Status status_;
    int success_before_passing_, failures_before_critical_, failures_before_warning_;
    int successes_ = 0, failures_ = 0;
};

}  // namespace hjob::runtime::health

// Check statuses and thresholds (status.hpp).
#include "status.hpp"

#include <algorithm>

namespace hjob::runtime::health {

const char* to_string(Status s) {
    switch (s) {
    case Status::passing: return "passing";
    case Status::warning: return "warning";
    case Status::critical: return "critical";
    }
    return "critical";
}

Status parse_status(const std::string& text) {
    if (text == "passing") return Status::passing;
    if (text == "warning") return Status::warning;
    return Status::critical;
}

Status worst(const std::vector<Status>& statuses) {
    Status w = Status::passing;
    for (Status s : statuses) w = std::max(w, s);  // the enum is ordered best to worst
    return w;
}

CheckState::CheckState(Status initial, int success_before_passing, int failures_before_critical, int failures_before_warning)
    : status_(initial), success_before_passing_(success_before_passing), failures_before_critical_(failures_before_critical),
      failures_before_warning_(failures_before_warning <= 0 ? failures_before_critical : failures_before_warning) {}

Status CheckState::observe(Status result) {
    if (result != Status::critical) {
        ++successes_;
        failures_ = 0;
        if (successes_ >= success_before_passing_) status_ = result;
    } else {
        ++failures_;
        successes_ = 0;
        if (failures_ >= failures_before_critical_) status_ = Status::critical;
        else if (failures_ >= failures_before_warning_) status_ = Status::warning;
    }
    return status_;
}

}  // namespace hjob::runtime::health

// How deployments read on the command line, shared by `hjob deployment` and the rollout that
// `hjob apply` follows: Nomad's "Key = Value" block and the per group table.
#pragma once

#include <string>
#include <vector>

#include "runtime/model.hpp"
#include "runtime/state/store.hpp"

namespace hjob::cli {

/// The deployment named by `arg`: a full id, a unique id prefix, or a job id (its latest
/// deployment). Throws StateError naming what matched when nothing or several do.
runtime::Deployment find_deployment(runtime::state::Store& store, const std::string& arg);

/// Every deployment, newest first; only `job`'s when given.
std::vector<runtime::Deployment> all_deployments(runtime::state::Store& store, const std::string& job = "");

/// "Task Group  Desired  Placed  Healthy  Unhealthy  Progress Deadline" (with Promoted and
/// Canaries columns when a group has canaries).
std::string deployment_groups_table(const runtime::Deployment& d);

/// `hjob deployment status`: the key/value block, then "Deployed" and the group table.
std::string deployment_status_text(const runtime::Deployment& d);

}  // namespace hjob::cli

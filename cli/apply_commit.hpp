// The commit of a plan moved to runtime/apply/commit.hpp (the agent's evaluations and
// auto-revert commit plans too); the CLI keeps its names.
#pragma once

#include "plan_state.hpp"
#include "runtime/apply/commit.hpp"

namespace hjob::cli {

using runtime::apply::commit_plan;
using runtime::apply::CommitRequest;
using runtime::apply::CommitResult;
using runtime::apply::plan_is_noop;

}  // namespace hjob::cli

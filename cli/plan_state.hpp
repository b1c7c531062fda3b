// The plan's read of the state moved to runtime/apply/plan_state.hpp (the agent's evaluations
// read it too); the CLI keeps its names.
#pragma once

#include "runtime/apply/plan_state.hpp"

namespace hjob::cli {

using runtime::apply::load_plan_state;
using runtime::apply::PlanState;

}  // namespace hjob::cli

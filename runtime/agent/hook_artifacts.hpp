// The artifacts hook: fetches the task's `artifact`s before its first start (runtime/artifact).
#pragma once

#include <memory>

#include "hooks.hpp"

namespace hjob::runtime::agent {

std::unique_ptr<TaskHook> make_artifacts_hook(const TaskContext& ctx);

}  // namespace hjob::runtime::agent

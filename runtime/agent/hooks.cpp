// The ordered list of task hooks (hooks.hpp). Each hook's owner adds one line here and declares
// its factory in its own header: artifacts (TASKFILES), vault (SECRETS), templates (TASKFILES).
// The order is Nomad's: artifacts are fetched before the vault token exists, and templates
// render last because they may read both the artifacts and secrets.
#include "hooks.hpp"

#include "hook_artifacts.hpp"
#include "hook_templates.hpp"
#include "hook_vault.hpp"

namespace hjob::runtime::agent {

TaskHooks make_task_hooks(const TaskContext& ctx) {
    TaskHooks hooks;
    (void)ctx;
    hooks.push_back(make_artifacts_hook(ctx));   // TASKFILES: runtime/agent/hook_artifacts.cpp
    hooks.push_back(make_vault_hook(ctx));       // SECRETS:   runtime/agent/hook_vault.cpp
    hooks.push_back(make_templates_hook(ctx));   // TASKFILES: runtime/agent/hook_templates.cpp
    return hooks;
}

}  // namespace hjob::runtime::agent

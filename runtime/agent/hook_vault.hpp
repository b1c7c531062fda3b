// The vault hook: the token of a task's `vault` stanza (runtime/secrets/task_token.hpp).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "hooks.hpp"
#include "runtime/secrets/api_server.hpp"

namespace hjob::runtime::agent {

/// A hook that does nothing for a task without a `vault` stanza.
std::unique_ptr<TaskHook> make_vault_hook(const TaskContext& ctx);

/// Starts the agent's secrets API (secrets::ApiServer) on 127.0.0.1 and a free port into
/// `server`; returns its URL for AgentServices::vault_addr, or "" (after logging why) when it
/// cannot start: tasks then get their token but no VAULT_ADDR. A free port rather than 8200,
/// since several agents (one per data directory) may run at once; tasks learn it from VAULT_ADDR.
std::string start_vault_api(std::unique_ptr<secrets::ApiServer>& server, const std::string& data_dir,
                            const std::function<void(const std::string&)>& log);

}  // namespace hjob::runtime::agent

// The token a task's `vault` stanza asks for, as the agent's vault hook handles it (Nomad's
// vault_hook): issued limited to the stanza's policies, renewed at half its TTL while the
// task runs, revoked when it stops; and the read the template hook's `secret` function makes.
// Kept here, without the agent's types, so the rules are tested on a fake clock.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "secrets.hpp"

namespace hjob::secrets {

/// A task token's TTL when nothing says otherwise: Vault's common role default. Renewal at half
/// of it keeps a running task's token alive indefinitely (up to max_token_ttl).
inline constexpr UnixSeconds default_task_token_ttl = 3600;
/// The environment variable of the agent that overrides default_task_token_ttl (seconds, or a
/// duration such as 5s): Nomad's vault stanza has no TTL (Vault's role sets it).
inline constexpr const char* task_token_ttl_env = "HJOB_VAULT_TOKEN_TTL";

class TaskToken {
public:
    /// Creates a renewable token holding exactly `policies` (no `default` added: the job names
    /// it, so a job that forgets the renew-self grant finds out, as with Vault roles) with
    /// `ttl`. Fails on an unknown policy, with did-you-mean.
    static Result<TaskToken> issue(Secrets& secrets, const std::vector<std::string>& policies, UnixSeconds ttl,
                                   const std::string& display_name, UnixSeconds now);
    /// A token issued earlier (read back from secrets/vault_token by a new agent) with
    /// `remaining` seconds left: due for renewal at half of that.
    static TaskToken adopt(std::string id, UnixSeconds ttl, UnixSeconds remaining, UnixSeconds now);

    const std::string& id() const { return id_; }
    /// Whether a renewal is due: half the lease has passed since the last issue, renewal or
    /// failed attempt's back-off.
    bool due(UnixSeconds now) const { return now >= next_; }
    /// renew-self with the token's own rights (so the stanza's policies must grant update on
    /// auth/token/renew-self). On failure the next attempt is after a quarter of the TTL (at
    /// least a second), and the error says why, never holding the token.
    Status renew(Secrets& secrets, UnixSeconds now);
    /// Revokes the token; already revoked or expired is fine (nothing left to revoke).
    void revoke(Secrets& secrets);

private:
    TaskToken(std::string id, UnixSeconds ttl, UnixSeconds now) : id_(std::move(id)), ttl_(ttl), next_(now + ttl / 2) {}
    std::string id_;
    UnixSeconds ttl_ = 0;
    UnixSeconds next_ = 0;
};

/// The TTL for task tokens: $HJOB_VAULT_TOKEN_TTL when set and valid, else the default.
UnixSeconds task_token_ttl();

/// Writes `token` to `file` with mode 0600 (created so, never world-readable in between);
/// refuses to follow a symbolic link the task may have planted.
Status write_token_file(const std::filesystem::path& file, const std::string& token);

/// A secret as a template's `secret "secret/data/app"` sees it: {"data": {"data": {...},
/// "metadata": {...}}} (so `.Data.data.key`), read with `token`'s rights; nullopt when the
/// token may not read it or it does not exist.
std::optional<nlohmann::json> read_for_template(Secrets& secrets, const std::string& token, const std::string& path);

}  // namespace hjob::secrets

// Secrets: `vault` (job, group or task; the task's wins) and `secret` (digest §2.18, §2.25).
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute vault_attrs[] = {
    attr("role", string, "Vault role the token is derived with; empty is the server's default."),
    attr("namespace", string, "Vault namespace (Enterprise)."),
    attr("cluster", string, "Vault cluster in the agent's configuration.").def("default"),
    attr("env", boolean, "Expose VAULT_TOKEN and VAULT_NAMESPACE.").def("true"),
    attr("disable_file", boolean, "Do not write the token to secrets/vault_token.").def("false"),
    attr("change_mode", string, "What happens when the token changes.").def("restart").one_of("noop|restart|signal"),
    attr("change_signal", string, "Signal sent when change_mode is \"signal\"."),
    attr("allow_token_expiration", boolean, "Let the token expire instead of renewing it.").def("false"),
    attr("policies", string_list, "Ignored since Nomad 1.10 (token workflow removed).").old(),
};
constexpr Block vault = block("vault", "A Vault token for the task.", vault_attrs);

constexpr Attribute secret_attrs[] = {
    attr("provider", string, "Secret provider: nomad, vault or a plugin.").req(),
    attr("path", string, "Path of the secret.").req(),
    attr("env", string_map, "Environment variables from the secret's keys."),
};
constexpr const Block* secret_blocks[] = {&config};
constexpr Block secret =
    block("secret", "A secret fetched for the task (Nomad 1.11+).", secret_attrs, secret_blocks).labelled("name").many();

}  // namespace hjob::schema::blocks

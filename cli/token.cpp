// `hjob token create|lookup|renew|revoke`: tokens that carry policies, with a TTL enforced on
// every use. The id is printed once, by create; the state keeps only its hash.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "secrets_context.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;
using nlohmann::json;

struct TokenOptions {
    std::vector<std::string> policies;
    std::string ttl, period, explicit_max_ttl, increment;
    std::string display_name;
    bool renewable = false;
    bool no_default_policy = false;
    bool json = false;
    std::string token;
    StateOptions state;
};

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
    return out;
}

int print_info(const TokenOptions& opt, const secrets::TokenInfo& i, const std::string& id = "") {
    if (opt.json) {
        json out{{"policies", i.policies},       {"creation_time", format_unix(i.created)},
                 {"expire_time", format_unix(i.expires)}, {"ttl", i.ttl_remaining},
                 {"explicit_max_ttl", i.explicit_max_ttl}, {"period", i.period},
                 {"renewable", i.renewable},     {"display_name", i.display_name}};
        if (!id.empty()) out["id"] = id;
        std::cout << out.dump(2) << '\n';
        return exit_ok;
    }
    std::vector<std::pair<std::string, std::string>> rows;
    if (!id.empty()) rows.emplace_back("token", id);
    rows.insert(rows.end(), {{"policies", joined(i.policies)}, {"creation_time", format_unix(i.created)},
                             {"expire_time", format_unix(i.expires)}, {"ttl", format_seconds(i.ttl_remaining)},
                             {"renewable", i.renewable ? "true" : "false"}});
    if (i.period) rows.emplace_back("period", format_seconds(i.period));
    if (i.explicit_max_ttl) rows.emplace_back("explicit_max_ttl", format_seconds(i.explicit_max_ttl));
    if (!i.display_name.empty()) rows.emplace_back("display_name", i.display_name);
    std::cout << format_pairs(rows);
    return exit_ok;
}

secrets::UnixSeconds seconds_or_zero(const char* flag, const std::string& text) {
    return text.empty() ? 0 : parse_seconds(flag, text);
}

int token_create(const TokenOptions& opt) {
    auto ctx = open_secrets(opt.state, "token create", true);
    secrets::TokenSpec spec;
    spec.policies = opt.policies;
    spec.ttl = seconds_or_zero("--ttl", opt.ttl);
    spec.period = seconds_or_zero("--period", opt.period);
    spec.explicit_max_ttl = seconds_or_zero("--explicit-max-ttl", opt.explicit_max_ttl);
    spec.renewable = opt.renewable;
    spec.no_default_policy = opt.no_default_policy;
    spec.display_name = opt.display_name;
    const auto created = need(ctx->layer->tokens().create(spec));
    return print_info(opt, created.info, created.id);
}

int token_lookup(const TokenOptions& opt) {
    auto ctx = open_secrets(opt.state, "token lookup", false);
    return print_info(opt, need(ctx->layer->tokens().lookup(token_argument(opt.token))));
}

int token_renew(const TokenOptions& opt) {
    auto ctx = open_secrets(opt.state, "token renew", true);
    const auto increment = seconds_or_zero("--increment", opt.increment);
    return print_info(opt, need(ctx->layer->tokens().renew(token_argument(opt.token), increment)));
}

int token_revoke(const TokenOptions& opt) {
    auto ctx = open_secrets(opt.state, "token revoke", true);
    need(ctx->layer->tokens().revoke(token_argument(opt.token)));
    std::cout << "Revoked the token\n";
    return exit_ok;
}

constexpr const char* token_help =
    "Tokens carry policies (plus `default` unless --no-default-policy) and expire after their\n"
    "TTL (default and maximum 768h unless periodic). Ids look like Vault's (hvs.<32 chars>)\n"
    "and are printed once, by create; the state keeps only their BLAKE2b hash. lookup, renew\n"
    "and revoke act on the TOKEN argument, else on $VAULT_TOKEN. Renewing needs a renewable\n"
    "or periodic token whose policies grant update on auth/token/renew-self, as in Vault.\n\n"
    "Exit status: 0 success, 1 error (unknown, expired or revoked token, renewal refused).\n\n"
    "Examples:\n"
    "  hjob token create --policy app --ttl 1h --renewable\n"
    "  VAULT_TOKEN=hvs.... hjob token lookup\n"
    "  hjob token renew hvs.... --increment 30m\n"
    "  hjob token revoke hvs....";

using TokenBody = int (*)(const TokenOptions&);

CLI::App* add(CLI::App* cmd, std::shared_ptr<TokenOptions> opt, const char* name, const char* about, TokenBody body, bool writer) {
    auto* sub = cmd->add_subcommand(name, about);
    add_state_options(sub, opt->state, writer);
    sub->add_flag("--json", opt->json, "Print as JSON");
    const std::string label = std::string("token ") + name;
    sub->callback([opt, label, body] { exit_with(run_state_command(label, [&] { return body(*opt); })); });
    return sub;
}

void add_token_argument(CLI::App* sub, TokenOptions& opt) {
    sub->add_option("TOKEN", opt.token, "The token id (default: $VAULT_TOKEN)");
}

}  // namespace

void setup_token(CLI::App& app) {
    auto* cmd = app.add_subcommand("token", "Create, look up, renew and revoke secrets tokens");
    cmd->footer(token_help);
    cmd->require_subcommand(1);
    auto opt = std::make_shared<TokenOptions>();
    auto* create = add(cmd, opt, "create", "Create a token and print its id (shown only this once)", token_create, true);
    create->add_option("--policy", opt->policies, "A policy the token carries (repeatable)")->type_name("NAME");
    create->add_option("--ttl", opt->ttl, "How long the token lives, e.g. 1h (default 768h, or the period)")->type_name("DURATION");
    create->add_flag("--renewable", opt->renewable, "The token may renew itself (given renew-self permission)");
    create->add_option("--period", opt->period, "Make the token periodic: each renewal resets its TTL to this")->type_name("DURATION");
    create->add_option("--explicit-max-ttl", opt->explicit_max_ttl, "A hard limit that renewals never pass")->type_name("DURATION");
    create->add_option("--display-name", opt->display_name, "A name shown by lookup")->type_name("NAME");
    create->add_flag("--no-default-policy", opt->no_default_policy, "Do not attach the default policy");
    add_token_argument(add(cmd, opt, "lookup", "Show a token's policies and expiry", token_lookup, false), *opt);
    auto* renew = add(cmd, opt, "renew", "Extend a token's lease (needs update on auth/token/renew-self)", token_renew, true);
    add_token_argument(renew, *opt);
    renew->add_option("--increment", opt->increment, "The extension asked for (default: the token's TTL)")->type_name("DURATION");
    add_token_argument(add(cmd, opt, "revoke", "Revoke a token", token_revoke, true), *opt);
}

}  // namespace hjob::cli

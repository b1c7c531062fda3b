// `hjob secret put|get|list|delete|history|rekey`: KV version 2 secrets under `secret/`,
// sealed in the state database. Values are printed only by `get`; errors never hold one.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "secrets_context.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;
using nlohmann::json;

struct SecretOptions {
    std::string path;
    std::vector<std::string> pairs;
    std::optional<std::uint64_t> version;
    std::string field;
    bool json = false;
    StateOptions state;
};

// key=value, or key=@file for the file's bytes (certificates, keys). The message names the
// argument's key only: a malformed pair may be a value typed in the wrong place.
secrets::SecretData parse_pairs(const std::vector<std::string>& pairs) {
    secrets::SecretData data;
    for (const auto& p : pairs) {
        const auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            throw rs::StateError("argument " + std::to_string(&p - pairs.data() + 1) + " is not key=value or key=@file");
        const std::string key = p.substr(0, eq);
        std::string value = p.substr(eq + 1);
        if (value.rfind('@', 0) == 0) {
            std::ifstream in(value.substr(1), std::ios::binary);
            if (!in) throw rs::StateError("cannot read the file " + value.substr(1) + " for key " + key);
            std::ostringstream s;
            s << in.rdbuf();
            value = s.str();
        }
        if (!data.emplace(key, std::move(value)).second) throw rs::StateError("key " + key + " is given twice");
    }
    return data;
}

int secret_put(const SecretOptions& opt) {
    auto ctx = open_secrets(opt.state, "secret put", true);
    const auto v = need(ctx->layer->kv().put(opt.path, parse_pairs(opt.pairs)));
    std::cout << "Wrote version " << v.version << " of " << opt.path << '\n';
    return exit_ok;
}

json metadata_json(const secrets::VersionInfo& m) {
    return {{"version", m.version}, {"created_time", format_unix(m.created)},
            {"deletion_time", m.deleted ? format_unix(*m.deleted) : ""}};
}

int secret_get(const SecretOptions& opt) {
    auto ctx = open_secrets(opt.state, "secret get", false);
    auto& kv = ctx->layer->kv();
    if (!opt.field.empty()) {
        std::cout << need(kv.get_field(opt.path, opt.field, opt.version)) << '\n';
        return exit_ok;
    }
    const auto s = need(kv.get(opt.path, opt.version));
    if (opt.json) {
        std::cout << json{{"data", {{"data", s.data}, {"metadata", metadata_json(s.metadata)}}}}.dump(2) << '\n';
        return exit_ok;
    }
    std::cout << "== Metadata ==\n"
              << format_pairs({{"version", std::to_string(s.metadata.version)}, {"created_time", format_unix(s.metadata.created)}})
              << "\n== Data ==\n"
              << format_pairs({s.data.begin(), s.data.end()});
    return exit_ok;
}

int secret_list(const SecretOptions& opt) {
    auto ctx = open_secrets(opt.state, "secret list", false);
    const auto keys = need(ctx->layer->kv().list(opt.path));  // a copy: the Result is a temporary
    for (const auto& k : keys) std::cout << k << '\n';
    return exit_ok;
}

int secret_delete(const SecretOptions& opt) {
    auto ctx = open_secrets(opt.state, "secret delete", true);
    const auto v = need(ctx->layer->kv().remove(opt.path));
    std::cout << "Deleted version " << v.version << " of " << opt.path << '\n';
    return exit_ok;
}

int secret_history(const SecretOptions& opt) {
    auto ctx = open_secrets(opt.state, "secret history", false);
    const auto versions = need(ctx->layer->kv().history(opt.path));
    if (opt.json) {
        json out = json::array();
        for (const auto& v : versions) out.push_back(metadata_json(v));
        std::cout << json{{"versions", out}}.dump(2) << '\n';
        return exit_ok;
    }
    std::vector<std::vector<std::string>> rows{{"Version", "Created", "Deleted"}};
    for (const auto& v : versions)
        rows.push_back({std::to_string(v.version), format_unix(v.created), v.deleted ? format_unix(*v.deleted) : "-"});
    std::cout << format_table(rows);
    return exit_ok;
}

int secret_rekey(const SecretOptions& opt) {
    auto ctx = open_secrets(opt.state, "secret rekey", true);
    const auto n = need(secrets::rekey(ctx->store.dir(), ctx->tables));
    std::cout << "Re-encrypted " << n << " secret version" << (n == 1 ? "" : "s") << " under a new key\n";
    return exit_ok;
}

constexpr const char* secret_help =
    "Secrets are kept as KV version 2 (every put is a new version) under the mount secret/,\n"
    "sealed with XChaCha20-Poly1305 under the key file secrets.key (mode 0600) of the data\n"
    "directory, created on first use. Paths are secret/<name>; `..`, empty segments and\n"
    "control bytes are refused.\n\n"
    "Exit status: 0 success, 1 error (no such secret or version, bad path, lock held).\n\n"
    "Examples:\n"
    "  hjob secret put secret/app password=s3cr3t tls_key=@key.pem\n"
    "  hjob secret get secret/app --field password\n"
    "  hjob secret get secret/app --version 1 --json\n"
    "  hjob secret list secret/\n"
    "  hjob secret history secret/app\n"
    "  hjob secret rekey\n"
    "  hjob secret serve --listen 127.0.0.1:8200";

using SecretBody = int (*)(const SecretOptions&);

CLI::App* add(CLI::App* cmd, std::shared_ptr<SecretOptions> opt, const char* name, const char* about, SecretBody body, bool writer) {
    auto* sub = cmd->add_subcommand(name, about);
    add_state_options(sub, opt->state, writer);
    const std::string label = std::string("secret ") + name;
    sub->callback([opt, label, body] { exit_with(run_state_command(label, [&] { return body(*opt); })); });
    return sub;
}

}  // namespace

void setup_secret(CLI::App& app) {
    auto* cmd = app.add_subcommand("secret", "Write, read, list, delete and re-encrypt KV secrets; serve them to applications");
    cmd->footer(secret_help);
    cmd->require_subcommand(1);
    auto opt = std::make_shared<SecretOptions>();
    auto* put = add(cmd, opt, "put", "Write a new version of a secret", secret_put, true);
    put->add_option("PATH", opt->path, "The secret, secret/<name>")->required();
    put->add_option("PAIRS", opt->pairs, "key=value, or key=@file to read the value from a file")->required();
    auto* get = add(cmd, opt, "get", "Print a secret (its latest version unless --version)", secret_get, false);
    get->add_option("PATH", opt->path, "The secret, secret/<name>")->required();
    get->add_option("--version", opt->version, "The version to read (default: the latest)")->type_name("N");
    get->add_option("--field", opt->field, "Print only this key's value")->type_name("KEY");
    get->add_flag("--json", opt->json, "Print as JSON (Vault's data.data and data.metadata)");
    auto* list = add(cmd, opt, "list", "List the keys under a prefix; folders end in /", secret_list, false);
    list->add_option("PREFIX", opt->path, "secret/ or secret/<folder>")->required();
    auto* del = add(cmd, opt, "delete", "Soft-delete the latest version of a secret", secret_delete, true);
    del->add_option("PATH", opt->path, "The secret, secret/<name>")->required();
    auto* history = add(cmd, opt, "history", "List the versions of a secret with their times", secret_history, false);
    history->add_option("PATH", opt->path, "The secret, secret/<name>")->required();
    history->add_flag("--json", opt->json, "Print as JSON");
    add(cmd, opt, "rekey", "Re-encrypt every stored version under a new key", secret_rekey, true);
    add_secret_serve(cmd);
}

}  // namespace hjob::cli

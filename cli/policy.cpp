// `hjob policy write|read|list|delete`: Vault-style ACL policies kept in the state database.
// A policy file is parsed by hjob's own HCL front end; its problems are rendered like
// `hjob check`'s human format (file:line:col) and nothing is stored when one is an error.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "compiler/render/color.hpp"
#include "compiler/render/render.hpp"
#include "secrets_context.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

struct PolicyOptions {
    std::string name;
    std::string file;
    StateOptions state;
};

std::string read_policy_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw rs::StateError("cannot read the policy file " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int policy_write(const PolicyOptions& opt) {
    auto ctx = open_secrets(opt.state, "policy write", true);
    const SourceFile file(opt.file, read_policy_file(opt.file));
    const auto diags = ctx->layer->policies().write(opt.name, file);
    if (!diags.empty()) {
        render::Options ro;
        ro.color = render::want_color(render::ColorMode::automatic, ::isatty(STDERR_FILENO) != 0, std::getenv("NO_COLOR"),
                                      std::getenv("TERM"));
        const SourceFile* files[] = {&file};
        render::render_human(render::Input{diags, files}, std::cerr, ro);
    }
    if (has_errors(diags)) return exit_error;
    std::cout << "Wrote policy " << opt.name << '\n';
    return exit_ok;
}

int policy_read(const PolicyOptions& opt) {
    auto ctx = open_secrets(opt.state, "policy read", false);
    const auto text = ctx->layer->policies().read(opt.name);
    if (!text) throw rs::StateError("no policy named " + opt.name + " (hjob policy list shows them)");
    std::cout << *text;
    if (!text->empty() && text->back() != '\n') std::cout << '\n';
    return exit_ok;
}

int policy_list(const PolicyOptions& opt) {
    auto ctx = open_secrets(opt.state, "policy list", false);
    for (const auto& n : ctx->layer->policies().list()) std::cout << n << '\n';
    return exit_ok;
}

int policy_delete(const PolicyOptions& opt) {
    auto ctx = open_secrets(opt.state, "policy delete", true);
    need(ctx->layer->policies().remove(opt.name));
    std::cout << "Deleted policy " << opt.name << '\n';
    return exit_ok;
}

constexpr const char* policy_help =
    "Policies grant capabilities on paths, in Vault's policy language:\n"
    "  path \"secret/data/app/*\" { capabilities = [\"read\", \"list\"] }\n"
    "Capabilities: create, read, update, delete, list, deny; `*` at the end of a path is a\n"
    "glob, `+` matches one segment. `default` is built in (replaceable) and `root` is fixed.\n"
    "A token renews itself only with update on auth/token/renew-self.\n\n"
    "Exit status: 0 success, 1 error (diagnostics in the policy file, unknown policy).\n\n"
    "Examples:\n"
    "  hjob policy write app app-policy.hcl\n"
    "  hjob policy read app\n"
    "  hjob policy list\n"
    "  hjob policy delete app";

using PolicyBody = int (*)(const PolicyOptions&);

CLI::App* add(CLI::App* cmd, std::shared_ptr<PolicyOptions> opt, const char* name, const char* about, PolicyBody body, bool writer) {
    auto* sub = cmd->add_subcommand(name, about);
    add_state_options(sub, opt->state, writer);
    const std::string label = std::string("policy ") + name;
    sub->callback([opt, label, body] { exit_with(run_state_command(label, [&] { return body(*opt); })); });
    return sub;
}

}  // namespace

void setup_policy(CLI::App& app) {
    auto* cmd = app.add_subcommand("policy", "Write, read, list and delete secrets policies");
    cmd->footer(policy_help);
    cmd->require_subcommand(1);
    auto opt = std::make_shared<PolicyOptions>();
    auto* write = add(cmd, opt, "write", "Store a policy from a file, after checking it", policy_write, true);
    write->add_option("NAME", opt->name, "The policy name: letters, digits, -, _ and .")->required();
    write->add_option("FILE", opt->file, "The policy file (HCL)")->required();
    auto* read = add(cmd, opt, "read", "Print a policy's text", policy_read, false);
    read->add_option("NAME", opt->name, "The policy name")->required();
    add(cmd, opt, "list", "List the policies, built-in ones included", policy_list, false);
    auto* del = add(cmd, opt, "delete", "Delete a policy", policy_delete, true);
    del->add_option("NAME", opt->name, "The policy name")->required();
}

}  // namespace hjob::cli

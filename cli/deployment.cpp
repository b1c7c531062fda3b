// `hjob deployment list|status|promote|fail`: the rollouts of job versions (runtime/deploy).
// The agent's watcher advances them; promote and fail are the operator's say.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "deployment_show.hpp"
#include "runtime/apply/evaluate.hpp"
#include "runtime/deploy/control.hpp"
#include "runtime/state/ids.hpp"
#include "runtime/state/model_json.hpp"
#include "state_options.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;
using nlohmann::json;

struct DeploymentOptions {
    std::string target;  ///< a deployment id or prefix, or a job id
    bool json = false;
    StateOptions state;
};

int deployment_list(const DeploymentOptions& opt) {
    auto store = open_store(opt.state);
    const auto all = all_deployments(store, opt.target);
    if (opt.json) {
        json out = json::array();
        for (const auto& d : all) out.push_back(rs::deployment_to_json(d));
        std::cout << out.dump(2) << '\n';
        return exit_ok;
    }
    if (all.empty()) {
        std::cout << "No deployments found\n";
        return exit_ok;
    }
    std::vector<std::vector<std::string>> rows{{"ID", "Job ID", "Job Version", "Status", "Description"}};
    for (const auto& d : all)
        rows.push_back({short_id(d.id), d.job_id, std::to_string(d.job_version), d.status, d.status_description});
    std::cout << format_table(rows);
    return exit_ok;
}

int deployment_status(const DeploymentOptions& opt) {
    auto store = open_store(opt.state);
    const auto d = find_deployment(store, opt.target);
    if (opt.json) std::cout << rs::deployment_to_json(d).dump(2) << '\n';
    else std::cout << deployment_status_text(d);
    return exit_ok;
}

/// Runs `change` on the named deployment in one write transaction under the state lock, then
/// evaluates its job (a promotion or a revert has allocations to place).
int deployment_change(const DeploymentOptions& opt, const std::string& op,
                      const std::function<std::string(rs::Store&, runtime::Deployment&)>& change) {
    auto store = open_store(opt.state);
    auto lock = lock_state(opt.state, "deployment " + op);
    auto d = find_deployment(store, opt.target);
    std::string message;
    {
        auto tx = store.write();
        message = change(store, d);
        tx.commit();
    }
    runtime::apply::evaluate_job(store, d.job_id, "deployment-" + op);
    std::cout << message << '\n';
    return exit_ok;
}

int deployment_promote(const DeploymentOptions& opt) {
    return deployment_change(opt, "promote", [](rs::Store& store, runtime::Deployment& d) {
        runtime::deploy::promote(store, d, rs::now_nanos());
        return "Deployment \"" + d.id + "\" promoted: the rest of job \"" + d.job_id + "\" version " +
               std::to_string(d.job_version) + " rolls out now.";
    });
}

int deployment_fail(const DeploymentOptions& opt) {
    return deployment_change(opt, "fail", [](rs::Store& store, runtime::Deployment& d) {
        if (d.status != "running" && d.status != "paused")
            throw rs::StateError("deployment " + short_id(d.id) + " is " + d.status + ": only a running one can be failed");
        const auto reverted = runtime::deploy::fail(store, d, "Deployment marked as failed", rs::now_nanos());
        std::string m = "Deployment \"" + d.id + "\" failed.";
        if (reverted) m += " Job \"" + d.job_id + "\" reverted to the spec of version " + std::to_string(*reverted) + ".";
        return m;
    });
}

constexpr const char* deployment_help =
    "Deployments roll a new job version out: at most update.max_parallel allocations of a group\n"
    "are replaced at a time, each must be healthy (health_check = \"checks\": its tasks running\n"
    "and its service checks passing; \"task_states\": its tasks running) for min_healthy_time\n"
    "within healthy_deadline, and the deployment must progress within progress_deadline. The\n"
    "agent (hjob agent) watches them. An unhealthy allocation or a passed progress deadline\n"
    "fails the deployment; with auto_revert the last stable version is submitted again as a new\n"
    "version. Canaries wait for `hjob deployment promote` unless auto_promote is set.\n"
    "health_check = \"manual\" is never decided by hjob: such deployments end by promote, fail\n"
    "or their progress deadline.\n\n"
    "A deployment is named by its id, a unique id prefix, or a job id (its latest deployment).\n\n"
    "Exit status: 0 success, 1 unknown deployment, nothing to promote, unhealthy canaries, a\n"
    "deployment that is not running, lock held or unreadable state.\n\n"
    "Examples:\n"
    "  hjob deployment list\n"
    "  hjob deployment status web\n"
    "  hjob deployment promote 3f2a9c1e\n"
    "  hjob deployment fail web";

CLI::App* add(CLI::App* cmd, const std::string& name, const std::string& about, std::shared_ptr<DeploymentOptions> opt,
              bool target_required, bool writer, bool json, int (*run)(const DeploymentOptions&)) {
    auto* sub = cmd->add_subcommand(name, about);
    auto* t = sub->add_option(target_required ? "DEPLOYMENT" : "JOB", opt->target,
                              target_required ? "A deployment id, a unique id prefix, or a job id (its latest deployment)"
                                              : "Only this job's deployments");
    if (target_required) t->required();
    if (json) sub->add_flag("--json", opt->json, "Print JSON instead of text");
    add_state_options(sub, opt->state, writer);
    sub->callback([opt, run, name] { exit_with(run_state_command("deployment " + name, [&] { return run(*opt); })); });
    return sub;
}

}  // namespace

void setup_deployment(CLI::App& app) {
    auto opt = std::make_shared<DeploymentOptions>();
    auto* cmd = app.add_subcommand("deployment", "List and show deployments; promote canaries or fail a deployment");
    cmd->footer(deployment_help);
    cmd->require_subcommand(1);
    add(cmd, "list", "List deployments, newest first", opt, false, false, true, deployment_list);
    add(cmd, "status", "Show a deployment with its per group progress", opt, true, false, true, deployment_status);
    add(cmd, "promote", "Promote the canaries of a running deployment", opt, true, true, false, deployment_promote);
    add(cmd, "fail", "Fail a running deployment (auto_revert then reverts the job)", opt, true, true, false, deployment_fail);
}

}  // namespace hjob::cli

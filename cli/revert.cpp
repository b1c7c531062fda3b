// `hjob revert JOB VERSION`: registers an earlier version's spec as a new version (history
// grows, nothing is rewritten), planned and committed as apply does.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "agent_start.hpp"
#include "apply_commit.hpp"
#include "commands.hpp"
#include "plan_state.hpp"
#include "runtime/state/ids.hpp"
#include "runtime/state/local_node.hpp"
#include "sensitive.hpp"
#include "sensitive_stored.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

struct RevertOptions {
    std::string job;
    int version = 0;
    StateOptions state;
};

int run_revert(const RevertOptions& opt) {
    auto store = open_store(opt.state);
    auto lock = lock_state(opt.state, "revert");
    rs::ensure_local_node(store);
    auto ps = load_plan_state(store, opt.job);
    if (!ps.record) throw rs::StateError("no job \"" + opt.job + "\" in the state at " + store.dir());
    if (opt.version == ps.record->current_version)
        throw rs::StateError("can't revert to current version " + std::to_string(opt.version) + " of job \"" + opt.job + "\"");
    auto target = store.job_version(opt.job, opt.version);
    if (!target)
        throw rs::StateError("job \"" + opt.job + "\" has no version " + std::to_string(opt.version) + " (see hjob history " +
                             opt.job + ")");
    const auto plan = runtime::make_plan(ps.take_input(target->job, rs::new_uuid()));
    // Both the current and the target spec may hold sensitive values; the diff shows both.
    const auto mask = sensitive_redactor(with_stored_values(sensitive_values_of_version(*target), ps.current));
    std::cout << mask.apply(runtime::render_plan_text(plan));
    if (!plan.errors.empty()) return exit_error;
    if (!plan.spec_changed)
        throw rs::StateError("version " + std::to_string(opt.version) + " has the same spec as the current version " +
                             std::to_string(ps.record->current_version) + ": nothing to revert");
    const auto result = commit_plan(store, ps, CommitRequest{&plan, &target->job, target->source, target->variables});
    std::cout << "\nReverted job \"" << opt.job << "\" to the spec of version " << opt.version << ": now version "
              << result.version << "\nJob Modify Index: " << result.job_modify_index << '\n';
    report_agent(store.dir(), false, std::cout);  // the agent stops or starts the tasks
    return exit_ok;
}

constexpr const char* revert_help =
    "Submit the spec of an earlier version of a job again, as a new version (history grows;\n"
    "nothing is rewritten), and commit its plan as hjob apply does, without asking.\n"
    "Reverting to the current version is refused.\n\n"
    "Exit status: 0 reverted, 1 unknown job or version, current version, lock held.\n\n"
    "Examples:\n"
    "  hjob revert web 0";

}  // namespace

void setup_revert(CLI::App& app) {
    auto opt = std::make_shared<RevertOptions>();
    auto* cmd = app.add_subcommand("revert", "Register an earlier version of a job again, as a new version");
    cmd->footer(revert_help);
    cmd->add_option("JOB", opt->job, "A job id")->required();
    cmd->add_option("VERSION", opt->version, "The version to go back to")->required();
    add_state_options(cmd, opt->state, true);
    cmd->callback([opt] { exit_with(run_state_command("revert", [&] { return run_revert(*opt); })); });
}

}  // namespace hjob::cli

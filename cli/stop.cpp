// `hjob stop JOB [--purge]`: marks every allocation of the job desired stop and the job
// stopped (dead); --purge also deletes the job, its versions, allocations and deployments.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "agent_start.hpp"
#include "apply_commit.hpp"
#include "commands.hpp"
#include "plan_state.hpp"
#include "runtime/state/ids.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

struct StopOptions {
    std::string job;
    bool purge = false;
    StateOptions state;
};

int run_stop(const StopOptions& opt) {
    auto store = open_store(opt.state);
    auto lock = lock_state(opt.state, opt.purge ? "stop --purge" : "stop");
    auto ps = load_plan_state(store, opt.job);
    if (!ps.record || !ps.current) throw rs::StateError("no job \"" + opt.job + "\" in the state at " + store.dir());
    if (opt.purge) {
        auto tx = store.write();
        store.next_index();
        store.delete_job(opt.job);
        tx.commit();
        std::cout << "Purged job \"" << opt.job << "\": its versions, allocations and deployments are deleted.\n";
        report_agent(store.dir(), false, std::cout);  // the agent stops or starts the tasks
        return exit_ok;
    }
    if (ps.record->stopped) {
        std::cout << "Job \"" << opt.job << "\" is already stopped.\n";
        return exit_ok;
    }
    const auto plan = runtime::make_plan(ps.take_input(ps.current->job, rs::new_uuid(), true));
    if (!plan.errors.empty()) {
        std::cout << runtime::render_plan_text(plan);
        return exit_error;
    }
    const auto result = commit_plan(store, ps, CommitRequest{&plan, &ps.current->job, ps.current->source,
                                                             ps.current->variables, true});
    std::cout << "Stopped job \"" << opt.job << "\": " << plan.stop.size() << " allocations marked to stop.\n"
              << "Job Modify Index: " << result.job_modify_index << '\n';
    report_agent(store.dir(), false, std::cout);  // the agent stops or starts the tasks
    return exit_ok;
}

constexpr const char* stop_help =
    "Stop a job: every allocation is marked desired stop (the agent stops the tasks) and the job\n"
    "shows as dead (stopped); its versions stay, and hjob apply starts it again.\n"
    "--purge deletes the job at once with its versions, allocations and deployments.\n\n"
    "Exit status: 0 stopped, 1 unknown job, lock held or unreadable state.\n\n"
    "Examples:\n"
    "  hjob stop web\n"
    "  hjob stop --purge web";

}  // namespace

void setup_stop(CLI::App& app) {
    auto opt = std::make_shared<StopOptions>();
    auto* cmd = app.add_subcommand("stop", "Stop a job's allocations (--purge: delete the job)");
    cmd->footer(stop_help);
    cmd->add_option("JOB", opt->job, "A job id")->required();
    cmd->add_flag("--purge", opt->purge, "Delete the job, its versions, allocations and deployments");
    add_state_options(cmd, opt->state, true);
    cmd->callback([opt] { exit_with(run_state_command("stop", [&] { return run_stop(*opt); })); });
}

}  // namespace hjob::cli

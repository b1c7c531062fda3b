// `hjob apply FILE|PLANFILE`: plan as `hjob plan` does (or take a saved plan), show it, ask
// for "yes" on a terminal, and commit the job version, its allocations and its deployment in
// one transaction, holding the state lock from reading the state to the commit.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <chrono>
#include <memory>
#include <thread>

#include "agent_start.hpp"
#include "apply_follow.hpp"
#include "apply_commit.hpp"
#include "commands.hpp"
#include "fmt_files.hpp"
#include "plan_compile.hpp"
#include "plan_file.hpp"
#include "plan_footer.hpp"
#include "plan_state.hpp"
#include "runtime/state/ids.hpp"
#include "runtime/state/local_node.hpp"
#include "sensitive.hpp"
#include "sensitive_stored.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

struct ApplyOptions {
    std::string path;
    std::vector<std::string> vars, var_files;
    runtime::Index check_index = 0;
    CLI::Option* check_index_opt = nullptr;
    bool auto_approve = false, json = false;
    bool no_agent = false;
    bool detach = false;  ///< return after the commit instead of following the rollout
    std::string timeout;  ///< how long to follow it (empty: from progress_deadline)
    StateOptions state;
};

/// What to apply: a compiled job file or a verified saved plan.
struct Source {
    CompiledJob job;
    std::optional<PlanFile> saved;
};

std::optional<Source> read_source(const ApplyOptions& opt) {
    std::string error;
    auto text = opt.path == "-" ? std::nullopt : read_input(FmtInput{opt.path, false}, error);
    if (text && looks_like_plan_file(*text)) {
        if (!opt.vars.empty() || !opt.var_files.empty())
            throw rs::StateError("--var and --var-file are not accepted with a saved plan: its variables are fixed");
        auto saved = parse_plan_file(opt.path, *text);
        CompiledJob job{saved.job, saved.source_path, saved.source, saved.variables};
        return Source{std::move(job), std::move(saved)};
    }
    auto compiled = compile_job_file("apply", opt.path, opt.vars, opt.var_files);
    if (!compiled) return std::nullopt;
    return Source{std::move(*compiled), std::nullopt};
}

// The saved plan must have been made against this very state, unchanged since.
void check_saved(const PlanFile& saved, const rs::Store& store, const PlanState& ps) {
    if (saved.state_id != store.state_id())
        throw rs::StateError("plan was made for another state (state " + saved.state_id + ", this is " +
                             store.state_id() + " in " + store.dir() + ")");
    if (saved.modify_index != ps.modify_index)
        throw rs::StateError("stale plan: the state changed since the plan was made (index " +
                             std::to_string(saved.modify_index) + ", now " + std::to_string(ps.modify_index) +
                             "); run hjob plan again");
}

void check_index(const ApplyOptions& opt, const PlanState& ps, const std::string& job_id) {
    if (!opt.check_index_opt || opt.check_index_opt->count() == 0) return;
    const auto current = ps.job_modify_index();
    if (opt.check_index == 0 && ps.record)
        throw rs::StateError("--check-index 0: job \"" + job_id + "\" already exists (current job modify index " +
                             std::to_string(current) + "); nothing was applied");
    if (opt.check_index != current)
        throw rs::StateError("--check-index " + std::to_string(opt.check_index) + ": the job modify index of \"" + job_id +
                             "\" is " + std::to_string(current) + " (someone changed the job since that plan; run hjob "
                             "plan again); nothing was applied");
}

bool confirm() {
    std::cout << "\nDo you want to apply this plan?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: "
              << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "yes";
}

int run_apply(const ApplyOptions& opt) {
    const auto follow = follow_options(opt.timeout, opt.json);  // a bad --timeout fails before the commit
    auto source = read_source(opt);
    if (!source) return exit_error;
    const auto& job = source->job.job;
    auto store = open_store(opt.state);  // first: it creates the data directory the lock lives in
    auto lock = lock_state(opt.state, "apply");
    // Test hook: hold the lock a while, so that tests can make two writers overlap for sure.
    if (const char* hold = std::getenv("HJOB_TEST_HOLD_LOCK_MS"))
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(hold)));
    rs::ensure_local_node(store);
    auto ps = load_plan_state(store, job.id);
    if (source->saved) check_saved(*source->saved, store, ps);
    check_index(opt, ps, job.id);
    const std::string seed = source->saved ? source->saved->id_seed : rs::new_uuid();
    const auto plan = runtime::make_plan(ps.take_input(job, seed));
    const bool color = ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    // Sensitive variables never print, nor the stored version's (the old side of the diff).
    const auto mask = sensitive_redactor(with_stored_values(source->job.sensitive, ps.current));
    if (!opt.json) std::cout << mask.apply(plan_text(plan, {color, false, true}));
    if (!plan.errors.empty()) return exit_error;
    if (!source->saved && !opt.auto_approve) {
        if (opt.json)  // the prompt would mix with the JSON on standard output (as Terraform refuses)
            throw rs::StateError("--json needs --auto-approve or a plan saved with hjob plan --out");
        if (!stdin_is_terminal())
            throw rs::StateError("standard input is not a terminal, so hjob cannot ask for confirmation; "
                                 "pass --auto-approve, or apply a plan saved with hjob plan --out");
        if (!confirm()) {
            std::cerr << "hjob apply: cancelled (only 'yes' approves); nothing was applied\n";
            return exit_error;
        }
    }
    if (plan_is_noop(ps, plan)) {
        // Nothing to write: leave the modify index alone so that other saved plans stay valid.
        if (opt.json)
            std::cout << mask.apply(nlohmann::json{{"job_id", job.id}, {"version", ps.record->current_version}, {"new_version", false},
                                        {"job_modify_index", ps.job_modify_index()}, {"modify_index", ps.modify_index},
                                        {"plan", runtime::plan_to_json(plan)}}
                             .dump(2))
                      << '\n';
        else
            std::cout << "\nNo changes: job \"" << job.id << "\" version " << ps.record->current_version
                      << " already matches the state; nothing was applied.\n";
        report_agent(store.dir(), opt.no_agent, opt.json ? std::cerr : std::cout);
        return exit_ok;
    }
    const auto result = commit_plan(store, ps, CommitRequest{&plan, &job, source->job.source, source->job.variables});
    if (opt.json) {
        nlohmann::json doc{{"job_id", job.id},
                           {"version", result.version},
                           {"new_version", result.new_version},
                           {"job_modify_index", result.job_modify_index},
                           {"modify_index", result.modify_index},
                           {"plan", runtime::plan_to_json(plan)}};
        std::cout << mask.apply(doc.dump(2)) << '\n';
    } else {
        std::cout << "\nApply complete: job \"" << job.id << "\" version " << result.version
                  << (result.new_version ? " (new)" : " (unchanged spec)") << ", " << plan.place.size() << " placed, "
                  << plan.stop.size() << " stopped, " << plan.inplace.size() << " updated in place.\n"
                  << "Job Modify Index: " << result.job_modify_index << "\n";
    }
    report_agent(store.dir(), opt.no_agent, opt.json ? std::cerr : std::cout);
    if (opt.detach || opt.no_agent || agent_disabled()) return exit_ok;  // nobody would move the rollout
    { [[maybe_unused]] auto released = std::move(lock); }  // promote and fail may write meanwhile
    return follow_rollout(store, plan, opt.json ? std::cerr : std::cout, follow);
}

constexpr const char* apply_help =
    "Apply a job file: plan it against the state (as hjob plan), show the plan, ask for 'yes'\n"
    "on a terminal, then commit the job version, its allocations and its deployment in one\n"
    "transaction. Without a terminal apply refuses unless --auto-approve is given.\n\n"
    "Given a plan saved with `hjob plan --out`, apply commits exactly that plan without asking,\n"
    "but refuses it when the file was altered or cut (\"tampered or truncated\"), when it was\n"
    "made for another state, or when the state changed since (\"stale plan\").\n\n"
    "--check-index N applies only if the job's modify index is still N (0: only if the job does\n"
    "not exist yet), as `hjob plan` prints it.\n\n"
    "Writers take the state lock; another writer waits --lock-timeout (default 0s), then fails\n"
    "naming the holder.\n\n"
    "After the commit apply follows the rollout, as `nomad job run` does: the evaluation (the\n"
    "allocations placed), then the deployment's placed/healthy/unhealthy per group until it\n"
    "ends (redrawn in place on a terminal, one line per change otherwise; on standard error\n"
    "with --json). A job without a deployment (no update block, max_parallel = 0, nothing\n"
    "destructive, system jobs) is followed until the allocations it placed run; batch jobs are\n"
    "not followed. --timeout bounds the wait (default: the longest progress_deadline plus 1m,\n"
    "5m without one). --detach, --no-agent and HJOB_NO_AGENT=1 return after the commit.\n\n"
    "Exit status:\n"
    "  0  applied (and the deployment succeeded or the allocations run)\n"
    "  1  error: job file errors, refused plan or check index, lock held, state unreadable,\n"
    "     no confirmation; the deployment failed (the message says whether the job was\n"
    "     reverted), was cancelled, or --timeout passed\n\n"
    "Examples:\n"
    "  hjob apply web.nomad.hcl\n"
    "  hjob apply --auto-approve --check-index 12 web.nomad.hcl\n"
    "  hjob plan --out web.plan web.nomad.hcl && hjob apply web.plan";

}  // namespace

void setup_apply(CLI::App& app) {
    auto opt = std::make_shared<ApplyOptions>();
    auto* cmd = app.add_subcommand("apply", "Apply a job file or a saved plan to the state");
    cmd->footer(apply_help);
    cmd->add_option("FILE", opt->path, "The job file, `-` (standard input), or a plan saved by hjob plan --out")
        ->required();
    opt->check_index_opt =
        cmd->add_option("--check-index", opt->check_index, "Apply only if the job modify index is N (0: a new job)")
            ->type_name("N");
    cmd->add_flag("--auto-approve", opt->auto_approve, "Do not ask for confirmation");
    cmd->add_flag("--json", opt->json, "Print the result and the plan as JSON instead of text");
    cmd->add_flag("--detach", opt->detach, "Return after the commit instead of following the rollout");
    cmd->add_option("--timeout", opt->timeout, "Stop following the rollout after DURATION (exit 1); default from progress_deadline")
        ->type_name("DURATION");
    cmd->add_flag("--no-agent", opt->no_agent, "Do not start the agent (the allocations stay pending until one runs)");
    cmd->add_option("--var", opt->vars, "Set the variable NAME to VALUE (NAME=VALUE; repeatable)")->type_name("NAME=VALUE");
    cmd->add_option("--var-file", opt->var_files, "Read variable values from FILE, HCL or JSON (repeatable)")
        ->type_name("FILE");
    add_state_options(cmd, opt->state, true);
    cmd->callback([opt] { exit_with(run_state_command("apply", [&] { return run_apply(*opt); })); });
}

}  // namespace hjob::cli

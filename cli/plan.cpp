// `hjob plan FILE`: compile the job, read its current version, the nodes and its allocations
// from the state, and show what apply would do (the planner's diff and scheduler dry-run),
// then the job modify index and the apply command. --out saves the plan for `hjob apply`.
// Exit 0 success, 1 error, and with --detailed-exitcode 2 when the plan has changes.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "plan_compile.hpp"
#include "plan_file.hpp"
#include "plan_footer.hpp"
#include "sensitive.hpp"
#include "sensitive_stored.hpp"
#include "plan_nodes.hpp"
#include "plan_state.hpp"
#include "runtime/state/ids.hpp"
#include "runtime/state/local_node.hpp"
#include "state_options.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

struct PlanOptions {
    std::string path, out, nodes;
    std::vector<std::string> vars, var_files;
    bool json = false, detailed = false, verbose = false;
    StateOptions state;
};

bool color_stdout() { return ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr; }

int run_plan(const PlanOptions& opt) {
    if (!opt.out.empty() && !opt.nodes.empty())
        throw rs::StateError("--out cannot save a what-if plan made with --nodes (it could never be applied)");
    auto compiled = compile_job_file("plan", opt.path, opt.vars, opt.var_files);
    if (!compiled) return exit_error;
    auto store = open_store(opt.state);
    std::optional<std::vector<runtime::Node>> fleet;
    if (!opt.nodes.empty()) fleet = read_nodes_file(opt.nodes, true);
    else rs::ensure_local_node(store);
    auto ps = load_plan_state(store, compiled->job.id, fleet);
    const std::string seed = rs::new_uuid();
    // The process ends once the plan is printed: the plan input (every node with its attribute
    // maps) is left for the OS to reclaim, since freeing it map by map was a tenth of the run
    // against 200 nodes (issue 4). The static keeps it reachable for leak checkers.
    static const runtime::PlanInput* input = nullptr;
    input = new runtime::PlanInput(ps.take_input(compiled->job, seed));
    const auto plan = runtime::make_plan(*input);
    // Sensitive variables never print, nor the stored version's (the old side of the diff).
    const auto mask = sensitive_redactor(with_stored_values(compiled->sensitive, ps.current));
    if (opt.json) {
        auto doc = runtime::plan_to_json(plan);
        doc["job_modify_index"] = ps.job_modify_index();
        doc["state_modify_index"] = ps.modify_index;
        std::cout << mask.apply(doc.dump(2)) << '\n';
    } else {
        std::cout << mask.apply(plan_text(plan, {color_stdout(), opt.verbose, true}));
    }
    if (!plan.errors.empty()) return exit_error;
    if (!opt.out.empty()) {
        save_plan_file(opt.out, PlanFile{store.state_id(), ps.modify_index, ps.job_modify_index(), seed, compiled->job,
                                         compiled->source, compiled->path, compiled->variables, rs::now_nanos(),
                                         runtime::plan_to_json(plan)});
    }
    if (!opt.json)
        std::cout << mask.apply(
            plan_footer({ps.job_modify_index(), opt.path, opt.state.data_dir, opt.out, opt.vars, opt.var_files}));
    return opt.detailed && plan.has_changes() ? 2 : exit_ok;
}

constexpr const char* plan_help =
    "Compare a job file with the job hjob's state holds and show what `hjob apply` would do:\n"
    "the diff (+ added, - deleted, +/- edited, \"old\" => \"new\") with the reason of each\n"
    "create/destroy update, and the scheduler dry-run (per group counts, placement failures\n"
    "with every reason). Nothing is written, except that the local machine registers itself\n"
    "as a node on first use.\n\n"
    "--out saves the plan (with the state's identity and modify index) for `hjob apply FILE`,\n"
    "which refuses it once the state has changed. The file holds variable values in clear text.\n"
    "--nodes plans against the nodes of a JSON file instead of the registered ones (what-if).\n\n"
    "Exit status:\n"
    "  0  success (with --detailed-exitcode: success and no changes)\n"
    "  1  error: the job file has errors, the state cannot be read, the planner refused the job\n"
    "  2  with --detailed-exitcode: success and the plan has changes (allocations placed,\n"
    "     stopped, migrated, canaried or replaced; in-place updates alone are not changes)\n\n"
    "Examples:\n"
    "  hjob plan web.nomad.hcl\n"
    "  hjob plan --var image=nginx:1.27 --out web.plan web.nomad.hcl && hjob apply web.plan\n"
    "  hjob plan --nodes fleet.json --detailed-exitcode web.nomad.hcl";

}  // namespace

void setup_plan(CLI::App& app) {
    auto opt = std::make_shared<PlanOptions>();
    auto* cmd = app.add_subcommand("plan", "Show what applying a job file would change (diff and scheduler dry-run)");
    cmd->footer(plan_help);
    cmd->add_option("FILE", opt->path, "The job file; `-` reads standard input")->required();
    cmd->add_option("--var", opt->vars, "Set the variable NAME to VALUE (NAME=VALUE; repeatable)")->type_name("NAME=VALUE");
    cmd->add_option("--var-file", opt->var_files, "Read variable values from FILE, HCL or JSON (repeatable)")
        ->type_name("FILE");
    cmd->add_option("--out", opt->out, "Save the plan to PLANFILE for `hjob apply PLANFILE`")->type_name("PLANFILE");
    cmd->add_flag("--json", opt->json, "Print the whole plan as JSON");
    cmd->add_flag("--detailed-exitcode", opt->detailed, "Exit 2 when the plan has changes (0 none, 1 error)");
    cmd->add_option("--nodes", opt->nodes, "Plan against the nodes of a JSON file instead of the state's (what-if)")
        ->type_name("FILE");
    cmd->add_flag("--verbose", opt->verbose, "Also show unchanged fields and the fields of added tasks");
    add_state_options(cmd, opt->state, false);
    cmd->callback([opt] { exit_with(run_state_command("plan", [&] { return run_plan(*opt); })); });
}

}  // namespace hjob::cli

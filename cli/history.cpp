// `hjob history JOB [-p]`: the versions of a job, newest first; -p adds each version's diff
// against the one before it (the planner's diff, as `hjob plan` shows it).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "runtime/plan/plan.hpp"
#include "sensitive.hpp"
#include "sensitive_stored.hpp"
#include "state_options.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;
using nlohmann::json;

struct HistoryOptions {
    std::string job;
    bool diffs = false, json = false;
    StateOptions state;
};

int run_history(const HistoryOptions& opt) {
    auto store = open_store(opt.state);
    auto tx = store.read();
    const auto record = store.job(opt.job);
    if (!record) throw rs::StateError("no job \"" + opt.job + "\" in the state at " + store.dir() + " (see hjob status)");
    const auto versions = store.job_versions(opt.job);
    json out = json::array();
    std::ostringstream text;
    std::vector<std::string> sensitive;  // of every version: a diff shows old values too
    for (const auto& v : versions)
        for (auto& value : sensitive_values_of_version(v)) sensitive.push_back(std::move(value));
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& v = versions[i];
        const runtime::JobVersion* prev = i + 1 < versions.size() ? &versions[i + 1] : nullptr;
        json entry{{"version", v.version},         {"stable", v.stable},       {"submit_time", v.submit_time},
                   {"submitter", v.submitter},     {"source_hash", v.source_hash},
                   {"job_modify_index", v.job_modify_index}, {"variables", v.variables},
                   {"current", v.version == record->current_version}};
        std::optional<runtime::JobDiff> diff;
        if (opt.diffs && prev) diff = runtime::diff_jobs(&prev->job, &v.job);
        if (opt.json) {
            if (diff) entry["diff"] = runtime::diff_to_json(*diff);
            out.push_back(entry);
            continue;
        }
        if (i > 0) text << '\n';
        text << format_pairs({{"Version", std::to_string(v.version) +
                                                   (v.version == record->current_version ? " (current)" : "")},
                                   {"Stable", v.stable ? "true" : "false"},
                                   {"Submit Date", show_time(v.submit_time)},
                                   {"Submitter", v.submitter}});
        if (diff) text << "Diff =\n" << runtime::render_diff_text(*diff);
    }
    if (opt.json) text << json{{"job_id", opt.job}, {"versions", out}}.dump(2) << '\n';
    std::cout << sensitive_redactor(sensitive).apply(text.str());
    return exit_ok;
}

constexpr const char* history_help =
    "List the versions of a job, newest first: version, stable flag, submit date and who\n"
    "submitted it. A version is recorded only when the spec changes (and by hjob revert).\n"
    "-p shows each version's diff against the version before it.\n\n"
    "Exit status: 0 shown, 1 unknown job or unreadable state.\n\n"
    "Examples:\n"
    "  hjob history web\n"
    "  hjob history -p web";

}  // namespace

void setup_history(CLI::App& app) {
    auto opt = std::make_shared<HistoryOptions>();
    auto* cmd = app.add_subcommand("history", "List the versions of a job, with their diffs (-p)");
    cmd->footer(history_help);
    cmd->add_option("JOB", opt->job, "A job id")->required();
    cmd->add_flag("-p,--diffs", opt->diffs, "Show the diff of each version against the previous one");
    cmd->add_flag("--json", opt->json, "Print as JSON");
    add_state_options(cmd, opt->state, false);
    cmd->callback([opt] { exit_with(run_state_command("history", [&] { return run_history(*opt); })); });
}

}  // namespace hjob::cli

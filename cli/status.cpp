// `hjob status [JOB]`: the jobs of the state, or one job as `nomad job status` shows it:
// its header, per group summary, latest deployment and allocations. Until the agent exists
// (next issue) allocations stay pending.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "runtime/state/model_json.hpp"
#include "sensitive.hpp"
#include "sensitive_stored.hpp"
#include "state_options.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;
using nlohmann::json;

struct StatusOptions {
    std::string job;
    bool json = false;
    StateOptions state;
};

std::string job_status(const runtime::JobRecord& r) { return r.stopped ? "dead (stopped)" : r.status; }

int list_jobs(rs::Store& store, bool as_json) {
    auto tx = store.read();
    std::vector<std::vector<std::string>> rows{{"ID", "Type", "Priority", "Status", "Submit Date"}};
    json out = json::array();
    for (const auto& [r, type, priority, submitted] : store.job_summaries()) {
        rows.push_back({r.id, type, std::to_string(priority), job_status(r), show_time(submitted)});
        auto j = rs::job_record_to_json(r);
        j["type"] = type;
        j["priority"] = priority;
        j["submit_time"] = submitted;
        out.push_back(j);
    }
    if (as_json) std::cout << json{{"jobs", out}}.dump(2) << '\n';
    else if (rows.size() == 1) std::cout << "No jobs in the state at " << store.dir() << "\n";
    else std::cout << format_table(rows);
    return exit_ok;
}

std::string summary(const runtime::JobVersion& v, const std::vector<runtime::Allocation>& allocs) {
    std::vector<std::vector<std::string>> rows{{"Task Group", "Queued", "Starting", "Running", "Failed", "Complete", "Lost"}};
    for (const auto& g : v.job.groups) {
        std::map<std::string, int> n;
        for (const auto& a : allocs)
            if (a.group == g.name && (a.desired_status == "run" || a.client_status != "pending")) ++n[a.client_status];
        rows.push_back({g.name, "0", std::to_string(n["pending"]), std::to_string(n["running"]), std::to_string(n["failed"]),
                        std::to_string(n["complete"]), std::to_string(n["lost"])});
    }
    return format_table(rows);
}

std::string deployment_text(const runtime::Deployment& d) {
    std::string out = "\nLatest Deployment\n" +
                      format_pairs({{"ID", short_id(d.id)}, {"Job Version", std::to_string(d.job_version)},
                                    {"Status", d.status}, {"Description", d.status_description}});
    std::vector<std::vector<std::string>> rows{{"Task Group", "Desired", "Placed", "Healthy", "Unhealthy"}};
    for (const auto& [name, g] : d.groups)
        rows.push_back({name, std::to_string(g.desired_total), std::to_string(g.placed), std::to_string(g.healthy),
                        std::to_string(g.unhealthy)});
    return out + "\nDeployed\n" + format_table(rows);
}

std::string allocations_text(const runtime::JobRecord& r, const std::vector<runtime::Allocation>& allocs) {
    std::vector<std::vector<std::string>> rows{
        {"ID", "Node ID", "Task Group", "Version", "Desired", "Status", "Created", "Modified"}};
    for (const auto& a : allocs)
        if (a.desired_status == "run" || a.modify_index == r.modify_index)
            rows.push_back({short_id(a.id), short_id(a.node_id), a.group, std::to_string(a.job_version), a.desired_status,
                            a.client_status, show_time(a.create_time), show_time(a.modify_time)});
    return rows.size() == 1 ? "\nAllocations\nNo allocations placed\n" : "\nAllocations\n" + format_table(rows);
}

int show_job(rs::Store& store, const std::string& id, bool as_json) {
    auto tx = store.read();
    const auto r = store.job(id);
    if (!r) throw rs::StateError("no job \"" + id + "\" in the state at " + store.dir() + " (see hjob status)");
    const auto v = store.job_version(id, r->current_version);
    if (!v) throw rs::StateError("job \"" + id + "\" has no version " + std::to_string(r->current_version));
    const auto allocs = store.allocations(id);
    const auto deployments = store.deployments(id);
    if (as_json) {
        json doc{{"job", rs::job_record_to_json(*r)}, {"ir", ir::to_json(v->job)}, {"submit_time", v->submit_time},
                 {"submitter", v->submitter}, {"allocations", json::array()}, {"deployments", json::array()}};
        for (const auto& a : allocs) doc["allocations"].push_back(rs::allocation_to_json(a));
        for (const auto& d : deployments) doc["deployments"].push_back(rs::deployment_to_json(d));
        std::cout << sensitive_redactor(sensitive_values_of_version(*v)).apply(doc.dump(2)) << '\n';
        return exit_ok;
    }
    std::string dcs;
    for (const auto& dc : v->job.datacenters) dcs += (dcs.empty() ? "" : ",") + dc;
    std::cout << format_pairs({{"ID", r->id}, {"Name", v->job.name}, {"Submit Date", show_time(v->submit_time)},
                               {"Type", v->job.type}, {"Priority", std::to_string(v->job.priority)},
                               {"Datacenters", dcs}, {"Namespace", r->namespace_}, {"Node Pool", v->job.node_pool},
                               {"Status", job_status(*r)}, {"Version", std::to_string(r->current_version)},
                               {"Job Modify Index", std::to_string(r->job_modify_index)}})
              << "\nSummary\n" << summary(*v, allocs);
    if (!deployments.empty()) std::cout << deployment_text(deployments.front());
    std::cout << allocations_text(*r, allocs);
    return exit_ok;
}

constexpr const char* status_help =
    "Without JOB: every job of the state (ID, type, priority, status, submit date).\n"
    "With JOB: its header, a per group summary of allocation states, the latest deployment and\n"
    "the allocations (those desired to run, and those the last change stopped), with the client\n"
    "status the hjob agent reports.\n\n"
    "Exit status: 0 shown, 1 unknown job or unreadable state.\n\n"
    "Examples:\n"
    "  hjob status\n"
    "  hjob status web\n"
    "  hjob status --json web | jq '.allocations[].client_status'";

}  // namespace

void setup_status(CLI::App& app) {
    auto opt = std::make_shared<StatusOptions>();
    auto* cmd = app.add_subcommand("status", "Show the jobs of the state, or one job with its allocations");
    cmd->footer(status_help);
    cmd->add_option("JOB", opt->job, "A job id");
    cmd->add_flag("--json", opt->json, "Print as JSON");
    add_state_options(cmd, opt->state, false);
    cmd->callback([opt] {
        exit_with(run_state_command("status", [&] {
            auto store = open_store(opt->state);
            return opt->job.empty() ? list_jobs(store, opt->json) : show_job(store, opt->job, opt->json);
        }));
    });
}

}  // namespace hjob::cli

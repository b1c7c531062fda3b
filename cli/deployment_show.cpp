// Deployment lookup and text (deployment_show.hpp).
#include "deployment_show.hpp"

#include <algorithm>

#include "status_table.hpp"

namespace hjob::cli {

namespace rs = runtime::state;
using runtime::Deployment;

std::vector<Deployment> all_deployments(rs::Store& store, const std::string& job) {
    std::vector<Deployment> out;
    auto tx = store.read();
    for (const auto& j : store.jobs()) {
        if (!job.empty() && j.id != job) continue;
        for (auto& d : store.deployments(j.id)) out.push_back(std::move(d));
    }
    tx.commit();
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.create_index > b.create_index; });
    return out;
}

Deployment find_deployment(rs::Store& store, const std::string& arg) {
    if (arg.empty()) throw rs::StateError("name a deployment (id or prefix) or a job");
    const auto all = all_deployments(store);
    std::vector<const Deployment*> by_id;
    for (const auto& d : all)
        if (d.id.rfind(arg, 0) == 0) by_id.push_back(&d);
    if (by_id.size() == 1) return *by_id.front();
    if (by_id.size() > 1) {
        std::string ids;
        for (const auto* d : by_id) ids += " " + short_id(d->id);
        throw rs::StateError("prefix \"" + arg + "\" matches several deployments:" + ids);
    }
    for (const auto& d : all)  // newest first: the job's latest
        if (d.job_id == arg) return d;
    throw rs::StateError("no deployment with id or prefix \"" + arg + "\" and no job \"" + arg +
                         "\" with a deployment (see hjob deployment list)");
}

std::string deployment_groups_table(const Deployment& d) {
    bool canaries = false;
    for (const auto& [name, g] : d.groups) canaries = canaries || g.desired_canaries > 0;
    std::vector<std::vector<std::string>> rows;
    if (canaries)
        rows.push_back({"Task Group", "Promoted", "Desired", "Canaries", "Placed", "Healthy", "Unhealthy", "Progress Deadline"});
    else
        rows.push_back({"Task Group", "Desired", "Placed", "Healthy", "Unhealthy", "Progress Deadline"});
    for (const auto& [name, g] : d.groups) {
        std::vector<std::string> row{name};
        if (canaries) row.push_back(g.desired_canaries > 0 ? (g.promoted ? "true" : "false") : "N/A");
        row.push_back(std::to_string(g.desired_total));
        if (canaries) row.push_back(std::to_string(g.desired_canaries));
        for (int n : {g.placed, g.healthy, g.unhealthy}) row.push_back(std::to_string(n));
        row.push_back(show_time(g.require_progress_by));
        rows.push_back(std::move(row));
    }
    return format_table(rows);
}

std::string deployment_status_text(const Deployment& d) {
    return format_pairs({{"ID", short_id(d.id)},
                         {"Job ID", d.job_id},
                         {"Job Version", std::to_string(d.job_version)},
                         {"Status", d.status},
                         {"Description", d.status_description}}) +
           "\nDeployed\n" + deployment_groups_table(d);
}

}  // namespace hjob::cli

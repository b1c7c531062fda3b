// `hjob alloc status ID`: one allocation as `nomad alloc status` shows it (placement, status,
// ports, each task's state and recent events, the health of its services); `hjob alloc logs`
// lives in alloc_logs.cpp.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "alloc_find.hpp"
#include "commands.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/state/model_json.hpp"
#include "state_options.hpp"
#include "status_table.hpp"

namespace hjob::cli {

void setup_alloc_logs(CLI::App* alloc, const std::shared_ptr<StateOptions>& state);

namespace {

namespace rs = runtime::state;

struct AllocStatusOptions {
    std::string id;
    bool json = false;
    StateOptions state;
};

void print_ports(const runtime::Allocation& a, const std::string& address) {
    if (a.resources.ports.empty()) return;
    std::vector<std::vector<std::string>> rows{{"Label", "Address"}};
    for (const auto& [label, port] : a.resources.ports) rows.push_back({label, address + ":" + std::to_string(port)});
    std::cout << "\nAllocation Addresses:\n" << format_table(rows);
}

void print_task(const std::string& name, const runtime::TaskState& t) {
    std::cout << "\nTask \"" << name << "\" is \"" << t.state << "\"" << (t.failed ? " (failed)" : "") << "\n";
    std::cout << format_pairs({{"Started At", show_time(t.started_at)},
                               {"Finished At", show_time(t.finished_at)},
                               {"Total Restarts", std::to_string(t.restarts)}});
    std::vector<std::vector<std::string>> rows{{"Time", "Type", "Description"}};
    for (auto it = t.events.rbegin(); it != t.events.rend(); ++it) rows.push_back({show_time(it->time), it->type, it->message});
    std::cout << "\nRecent Events:\n" << format_table(rows);
}

void print_services(const std::vector<runtime::catalog::Instance>& instances) {
    if (instances.empty()) return;
    std::vector<std::vector<std::string>> rows{{"Service", "Task", "Address", "Status", "Checks"}};
    for (const auto& i : instances) {
        std::string checks;
        for (const auto& c : i.checks) checks += (checks.empty() ? "" : ", ") + c.name + " " + c.status;
        rows.push_back({i.service, i.task, i.address + ":" + std::to_string(i.port), i.status, checks});
    }
    std::cout << "\nServices:\n" << format_table(rows);
}

int alloc_status(const AllocStatusOptions& opt) {
    auto store = open_store(opt.state);
    const auto a = find_alloc(store, opt.id);
    const auto node = store.node(a.node_id);
    auto instances = runtime::catalog::Catalog(store).by_alloc(a.id);
    if (opt.json) {
        auto doc = rs::allocation_to_json(a);
        doc["alloc_dir"] = alloc_dir_of(store, a.id);
        doc["services"] = nlohmann::json::array();
        for (const auto& i : instances)
            doc["services"].push_back({{"id", i.id}, {"service", i.service}, {"address", i.address}, {"port", i.port},
                                       {"status", i.status}});
        std::cout << doc.dump(2) << '\n';
        return exit_ok;
    }
    std::cout << format_pairs({{"ID", a.id},
                               {"Name", a.name},
                               {"Node ID", short_id(a.node_id)},
                               {"Node Name", node ? node->name : "(removed)"},
                               {"Job ID", a.job_id},
                               {"Job Version", std::to_string(a.job_version)},
                               {"Client Status", a.client_status},
                               {"Desired Status", a.desired_status},
                               {"Desired Description", a.desired_description.empty() ? "<none>" : a.desired_description},
                               {"Created", show_time(a.create_time)},
                               {"Modified", show_time(a.modify_time)},
                               {"Deployment ID", a.deployment_id.empty() ? "<none>" : short_id(a.deployment_id)},
                               {"Deployment Health",
                                !a.healthy ? "unset" : (*a.healthy ? "healthy" : "unhealthy")},
                               {"Alloc Dir", alloc_dir_of(store, a.id)}});
    print_ports(a, node ? node->address : "?");
    for (const auto& [name, t] : a.task_states) print_task(name, t);
    if (a.task_states.empty()) std::cout << "\nNo task has been started yet (is an agent running? hjob agent status)\n";
    print_services(instances);
    return exit_ok;
}

constexpr const char* alloc_help =
    "Show one allocation or its task logs. ID is an allocation id or a unique prefix of one\n"
    "(as hjob status JOB lists them).\n\n"
    "Exit status: 0 shown, 1 no such allocation, an ambiguous prefix or an unreadable state.\n\n"
    "Examples:\n"
    "  hjob alloc status 8d1f0c2e\n"
    "  hjob alloc logs -f 8d1f0c2e server\n"
    "  hjob alloc logs --stderr 8d1f";

}  // namespace

void setup_alloc(CLI::App& app) {
    auto* alloc = app.add_subcommand("alloc", "Show an allocation (status) or its task logs (logs)");
    alloc->footer(alloc_help);
    alloc->require_subcommand(1);
    auto opt = std::make_shared<AllocStatusOptions>();
    auto* status = alloc->add_subcommand("status", "An allocation's placement, tasks, events, ports and service health");
    status->add_option("ID", opt->id, "Allocation id or unique prefix")->required();
    status->add_flag("--json", opt->json, "Print the allocation as JSON");
    add_state_options(status, opt->state, false);
    status->callback([opt] { exit_with(run_state_command("alloc status", [&] { return alloc_status(*opt); })); });
    setup_alloc_logs(alloc, std::make_shared<StateOptions>());
}

}  // namespace hjob::cli

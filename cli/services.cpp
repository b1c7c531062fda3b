// `hjob services [NAME] [--json]`: the service catalog (runtime/catalog) as the agent keeps
// it: every service with its instance counts by health, or one service's instances with their
// address, port, tags and checks.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <set>

#include "commands.hpp"
#include "compiler/schema/schema.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/catalog/json.hpp"
#include "state_options.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rc = runtime::catalog;
using nlohmann::json;

struct ServicesOptions {
    std::string name;
    bool json = false;
    StateOptions state;
};

using ByService = std::map<std::string, std::vector<rc::Instance>>;

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::string overview(const ByService& services) {
    std::vector<std::vector<std::string>> rows{{"Service", "Instances", "Passing", "Warning", "Critical", "Tags"}};
    for (const auto& [name, instances] : services) {
        std::map<std::string, int> n;
        std::set<std::string> tags;
        for (const auto& i : instances) {
            ++n[i.status];
            tags.insert(i.tags.begin(), i.tags.end());
        }
        rows.push_back({name, std::to_string(instances.size()), std::to_string(n["passing"]),
                        std::to_string(n["warning"]), std::to_string(n["critical"]),
                        join({tags.begin(), tags.end()})});
    }
    return format_table(rows);
}

std::string checks_text(const std::vector<rc::Instance>& instances) {
    std::vector<std::vector<std::string>> rows{{"Instance", "Check", "Type", "Status", "Output"}};
    for (const auto& i : instances)
        for (const auto& c : i.checks) {
            std::string output = c.output.substr(0, c.output.find('\n'));
            if (output.size() > 60) output = output.substr(0, 57) + "...";
            rows.push_back({i.id, c.name, c.type, c.status, output});
        }
    return rows.size() == 1 ? "" : "\nChecks\n" + format_table(rows);
}

std::string detail(const std::string& name, const std::vector<rc::Instance>& instances) {
    std::vector<std::vector<std::string>> rows{{"ID", "Alloc ID", "Node", "Address", "Status", "Canary", "Tags"}};
    for (const auto& i : instances)
        rows.push_back({i.id, short_id(i.alloc_id), i.node_name, i.address + ":" + std::to_string(i.port), i.status,
                        i.canary ? "true" : "false", join(i.tags)});
    return "Service \"" + name + "\"\n" + format_table(rows) + checks_text(instances);
}

int unknown_service(const std::string& name, const ByService& services) {
    std::vector<std::string_view> names;
    for (const auto& [n, _] : services) names.push_back(n);
    std::string msg = "hjob services: error: no service \"" + name + "\" in the catalog";
    if (auto s = schema::suggest(name, names)) msg += "; did you mean \"" + std::string(*s) + "\"?";
    else if (names.empty()) msg += " (it is empty: the agent registers the services of running tasks)";
    std::cerr << msg << '\n';
    return exit_error;
}

int run_services(const ServicesOptions& opt) {
    auto store = open_store(opt.state);
    ByService services;
    for (auto& i : rc::Catalog(store).list()) services[i.service].push_back(std::move(i));
    if (!opt.name.empty()) {
        if (!services.count(opt.name)) return unknown_service(opt.name, services);
        services = ByService{{opt.name, services.at(opt.name)}};
    }
    if (opt.json) {
        json out = json::array();
        for (const auto& [name, instances] : services) out.push_back({{"name", name}, {"instances", instances}});
        std::cout << json{{"services", out}}.dump(2) << '\n';
    } else if (!opt.name.empty()) {
        std::cout << detail(opt.name, services.at(opt.name));
    } else if (services.empty()) {
        std::cout << "No services in the catalog at " << store.dir() << "\n";
    } else {
        std::cout << overview(services);
    }
    return exit_ok;
}

constexpr const char* services_help =
    "The service catalog: the instances that running tasks registered (one per service stanza\n"
    "of each running allocation), with their health (the worst of their checks).\n"
    "Without NAME: one line per service with its instance counts by health and its tags.\n"
    "With NAME: that service's instances (address:port, status, tags) and their checks.\n"
    "--json: {\"services\": [{\"name\", \"instances\": [...]}]} with every field.\n\n"
    "Exit status: 0 listed, 1 unknown NAME (with a did-you-mean) or unreadable state.\n\n"
    "Examples:\n"
    "  hjob services\n"
    "  hjob services hashiapp --json";

}  // namespace

void setup_services(CLI::App& app) {
    auto opt = std::make_shared<ServicesOptions>();
    auto* cmd = app.add_subcommand("services", "List the service catalog: services, instances and health");
    cmd->footer(services_help);
    cmd->add_option("NAME", opt->name, "One service: its instances and checks");
    cmd->add_flag("--json", opt->json, "Print JSON");
    add_state_options(cmd, opt->state, false);
    cmd->callback([opt] { exit_with(run_state_command("services", [&] { return run_services(*opt); })); });
}

}  // namespace hjob::cli

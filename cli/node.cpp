// `hjob node list|status|register|remove|drain|eligibility`: the nodes the planner places on.
// The local machine registers itself on first use; more nodes can be registered so that one
// machine stands in for a fleet, each with its own loopback address (127.0.0.N).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "node_edit.hpp"
#include "runtime/state/local_node.hpp"
#include "runtime/state/model_json.hpp"
#include "state_options.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;
using nlohmann::json;

std::string yes_no(bool b) { return b ? "true" : "false"; }

int node_list(const NodeOptions& opt) {
    auto store = open_store(opt.state);
    rs::ensure_local_node(store);
    auto tx = store.read();
    const auto nodes = store.nodes();
    const auto usage = store.node_usage();
    if (opt.json) {
        json out = json::array();
        for (const auto& n : nodes) out.push_back(rs::node_to_json(n));
        std::cout << json{{"nodes", out}}.dump(2) << '\n';
        return exit_ok;
    }
    std::vector<std::vector<std::string>> rows{
        {"ID", "Name", "Address", "DC", "Pool", "Class", "CPU", "Memory", "Allocs", "Eligibility", "Drain", "Status"}};
    for (const auto& n : nodes) {
        const auto u = usage.count(n.id) ? usage.at(n.id) : rs::StoredUsage{};
        rows.push_back({short_id(n.id), n.name, n.address, n.datacenter, n.node_pool, n.node_class.empty() ? "<none>" : n.node_class,
                        std::to_string(u.cpu) + "/" + std::to_string(n.cpu_mhz) + " MHz",
                        std::to_string(u.memory_mb) + "/" + std::to_string(n.memory_mb) + " MB",
                        std::to_string(u.allocations), n.eligible ? "eligible" : "ineligible", yes_no(n.draining), n.status});
    }
    std::cout << format_table(rows);
    return exit_ok;
}

int node_status(const NodeOptions& opt) {
    auto store = open_store(opt.state);
    rs::ensure_local_node(store);
    const auto n = store.find_node(opt.node);
    if (opt.json) {
        std::cout << rs::node_to_json(n).dump(2) << '\n';
        return exit_ok;
    }
    const auto usage = store.node_usage();
    const auto u = usage.count(n.id) ? usage.at(n.id) : rs::StoredUsage{};
    std::string drivers;
    for (const auto& d : n.drivers) drivers += (drivers.empty() ? "" : ",") + d;
    std::cout << format_pairs({{"ID", n.id}, {"Name", n.name}, {"Address", n.address}, {"Datacenter", n.datacenter},
                               {"Node Pool", n.node_pool}, {"Class", n.node_class.empty() ? "<none>" : n.node_class},
                               {"Status", n.status}, {"Eligibility", n.eligible ? "eligible" : "ineligible"},
                               {"Drain", yes_no(n.draining)}, {"Drivers", drivers},
                               {"CPU", std::to_string(u.cpu) + "/" + std::to_string(n.cpu_mhz) + " MHz"},
                               {"Memory", std::to_string(u.memory_mb) + "/" + std::to_string(n.memory_mb) + " MB"},
                               {"Ports", std::to_string(n.port_min) + "-" + std::to_string(n.port_max)},
                               {"Allocations", std::to_string(u.allocations)}});
    std::vector<std::pair<std::string, std::string>> attrs(n.attributes.begin(), n.attributes.end());
    std::cout << "\nAttributes\n" << format_pairs(attrs);
    if (!n.meta.empty()) {
        std::vector<std::pair<std::string, std::string>> meta(n.meta.begin(), n.meta.end());
        std::cout << "\nMeta\n" << format_pairs(meta);
    }
    return exit_ok;
}

constexpr const char* node_help =
    "Nodes are the machines allocations are placed on. The local machine registers itself on\n"
    "first use (cpu MHz x cores and memory from /proc, hostname, datacenter dc1, Nomad's\n"
    "attributes such as kernel.name, os.name, cpu.arch, unique.hostname,\n"
    "unique.network.ip-address, driver.exec, driver.raw_exec). More nodes can be registered so\n"
    "that one machine stands in for a fleet; each gets its own address 127.0.0.N.\n"
    "A node is named by its id, a unique prefix of its id, or its name.\n\n"
    "Exit status: 0 success, 1 error (unknown or ambiguous node, lock held, bad input).\n\n"
    "Examples:\n"
    "  hjob node list\n"
    "  hjob node register --name client-2 --datacenter dc1 --cpu 4000 --memory 8192 --attr kernel.name=linux\n"
    "  hjob node register --from fleet.json\n"
    "  hjob node drain client-2\n"
    "  hjob node eligibility --disable client-2";

}  // namespace

void setup_node(CLI::App& app) {
    auto* cmd = app.add_subcommand("node", "List, show, register, remove, drain nodes and set their eligibility");
    cmd->footer(node_help);
    cmd->require_subcommand(1);
    auto opt = std::make_shared<NodeOptions>();
    auto* list = cmd->add_subcommand("list", "List the nodes with their usage");
    list->add_flag("--json", opt->json, "Print as JSON");
    add_state_options(list, opt->state, false);
    list->callback([opt] { exit_with(run_state_command("node list", [&] { return node_list(*opt); })); });
    auto* status = cmd->add_subcommand("status", "Show one node: capacity, usage, attributes, meta");
    status->add_option("NODE", opt->node, "Node id, unique id prefix or name")->required();
    status->add_flag("--json", opt->json, "Print as JSON");
    add_state_options(status, opt->state, false);
    status->callback([opt] { exit_with(run_state_command("node status", [&] { return node_status(*opt); })); });
    setup_node_edits(cmd, opt);
}

}  // namespace hjob::cli

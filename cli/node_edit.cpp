// Registering, removing, draining nodes and setting their eligibility (node_edit.hpp). Each
// command is one write transaction under the state lock.
#include "node_edit.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.hpp"
#include "plan_nodes.hpp"
#include "runtime/state/ids.hpp"
#include "runtime/state/local_node.hpp"
#include "status_table.hpp"

namespace hjob::cli {

namespace {

namespace rs = runtime::state;

std::map<std::string, std::string> pairs(const std::vector<std::string>& items, const char* flag) {
    std::map<std::string, std::string> out;
    for (const auto& kv : items) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) throw rs::StateError(std::string(flag) + " " + kv + ": expected KEY=VALUE");
        out[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    return out;
}

runtime::Node from_flags(const NodeOptions& opt) {
    if (opt.name.empty()) throw rs::StateError("node register needs --name (or --from FILE)");
    runtime::Node n;
    n.name = opt.name;
    n.datacenter = opt.datacenter;
    n.node_class = opt.node_class;
    n.node_pool = opt.pool;
    n.cpu_mhz = opt.cpu;
    n.memory_mb = opt.memory;
    n.disk_mb = opt.disk;
    n.attributes = pairs(opt.attrs, "--attr");
    n.meta = pairs(opt.meta, "--meta");
    rs::apply_dynamic_ports(n);
    if (n.cpu_mhz <= 0 || n.memory_mb <= 0) throw rs::StateError("node register needs --cpu MHZ and --memory MB above 0");
    return n;
}

// A hosted node looks like the local machine unless told otherwise: same kernel, os and
// arch, its own hostname and address, the exec drivers.
void fill_defaults(runtime::Node& n, const runtime::Node& local) {
    for (const char* k : {"kernel.name", "kernel.version", "os.name", "cpu.arch"})
        if (local.attributes.count(k)) n.attributes.emplace(k, local.attributes.at(k));
    n.attributes.emplace("unique.hostname", n.name);
    n.attributes.emplace("unique.network.ip-address", n.address);
    n.attributes.emplace("cpu.totalcompute", std::to_string(n.cpu_mhz));
    n.attributes.emplace("memory.totalbytes", std::to_string(static_cast<long long>(n.memory_mb) << 20));
    for (const auto& d : n.drivers) n.attributes.emplace("driver." + d, "1");
    if (n.disk_mb == 0) n.disk_mb = 100 * 1024;
}

int node_register(const NodeOptions& opt) {
    auto nodes = opt.from.empty() ? std::vector<runtime::Node>{from_flags(opt)} : read_nodes_file(opt.from, false);
    auto store = open_store(opt.state);
    auto lock = lock_state(opt.state, "node register");
    rs::ensure_local_node(store);
    const auto local = rs::detect_local_node();
    auto tx = store.write();
    const auto index = store.next_index();
    for (auto& n : nodes) {
        if (store.node_by_name(n.name)) throw rs::StateError("a node named \"" + n.name + "\" is already registered");
        if (n.id.empty()) n.id = rs::new_uuid();
        if (n.address.empty() || n.address == "127.0.0.1") n.address = store.next_node_address();
        fill_defaults(n, local);
        n.create_index = n.modify_index = index;
        store.put_node(n);
    }
    tx.commit();
    std::vector<std::vector<std::string>> rows{{"ID", "Name", "Address", "DC", "CPU", "Memory"}};
    for (const auto& n : nodes)
        rows.push_back({n.id, n.name, n.address, n.datacenter, std::to_string(n.cpu_mhz) + " MHz",
                        std::to_string(n.memory_mb) + " MB"});
    std::cout << "Registered " << nodes.size() << (nodes.size() == 1 ? " node" : " nodes") << ":\n" << format_table(rows);
    return exit_ok;
}

/// Loads the node of `opt.node`, lets `edit` change it and stores it, under the lock.
int edit_node(const NodeOptions& opt, const std::string& operation, const std::function<void(runtime::Node&)>& edit) {
    auto store = open_store(opt.state);
    auto lock = lock_state(opt.state, operation);
    rs::ensure_local_node(store);
    auto tx = store.write();
    auto n = store.find_node(opt.node);
    edit(n);
    n.modify_index = store.next_index();
    store.put_node(n, store.local_node_id() == n.id);
    tx.commit();
    std::cout << "Node " << short_id(n.id) << " (" << n.name << "): eligibility " << (n.eligible ? "eligible" : "ineligible")
              << ", drain " << (n.draining ? "true" : "false") << '\n';
    return exit_ok;
}

int node_remove(const NodeOptions& opt) {
    auto store = open_store(opt.state);
    auto lock = lock_state(opt.state, "node remove");
    auto tx = store.write();
    const auto n = store.find_node(opt.node);
    const auto usage = store.node_usage();
    const int live = usage.count(n.id) ? usage.at(n.id).allocations : 0;
    if (live > 0 && !opt.force)
        throw rs::StateError("node \"" + n.name + "\" holds " + std::to_string(live) +
                             " live allocations; drain it first, or pass --force (they will count as lost)");
    store.next_index();
    store.remove_node(n.id);
    tx.commit();
    std::cout << "Removed node " << n.id << " (" << n.name << ")\n";
    return exit_ok;
}

}  // namespace

void setup_node_edits(CLI::App* node, const std::shared_ptr<NodeOptions>& opt) {
    auto* reg = node->add_subcommand("register", "Register nodes (from flags, or a JSON list with --from)");
    reg->add_option("--name", opt->name, "The node's name (unique)");
    reg->add_option("--datacenter", opt->datacenter, "Its datacenter (default dc1)");
    reg->add_option("--class", opt->node_class, "Its node class");
    reg->add_option("--pool", opt->pool, "Its node pool (default \"default\")");
    reg->add_option("--cpu", opt->cpu, "Schedulable CPU in MHz")->type_name("MHZ");
    reg->add_option("--memory", opt->memory, "Schedulable memory in MB")->type_name("MB");
    reg->add_option("--disk", opt->disk, "Schedulable disk in MB (default 102400)")->type_name("MB");
    reg->add_option("--attr", opt->attrs, "An attribute (repeatable), e.g. kernel.name=linux")->type_name("KEY=VALUE");
    reg->add_option("--meta", opt->meta, "A meta entry (repeatable)")->type_name("KEY=VALUE");
    reg->add_option("--from", opt->from, "Register every node of a JSON list instead")->type_name("FILE");
    add_state_options(reg, opt->state, true);
    reg->callback([opt] { exit_with(run_state_command("node register", [&] { return node_register(*opt); })); });

    auto* rm = node->add_subcommand("remove", "Remove a node");
    rm->add_option("NODE", opt->node, "Node id, unique id prefix or name")->required();
    rm->add_flag("--force", opt->force, "Remove it even if it holds live allocations");
    add_state_options(rm, opt->state, true);
    rm->callback([opt] { exit_with(run_state_command("node remove", [&] { return node_remove(*opt); })); });

    auto* drain = node->add_subcommand("drain", "Drain a node: it becomes ineligible and its allocations migrate");
    drain->add_option("NODE", opt->node, "Node id, unique id prefix or name")->required();
    drain->add_flag("--disable", opt->disable, "Stop draining (eligibility is left as it is)");
    add_state_options(drain, opt->state, true);
    drain->callback([opt] {
        exit_with(run_state_command("node drain", [&] {
            return edit_node(*opt, "node drain", [&](runtime::Node& n) {
                n.draining = !opt->disable;
                if (n.draining) n.eligible = false;
            });
        }));
    });

    auto* elig = node->add_subcommand("eligibility", "Mark a node eligible or ineligible for new placements");
    elig->add_option("NODE", opt->node, "Node id, unique id prefix or name")->required();
    auto* en = elig->add_flag("--enable", opt->enable, "Eligible for new placements");
    auto* dis = elig->add_flag("--disable", opt->disable, "Ineligible: no new placements, existing ones stay");
    en->excludes(dis);
    add_state_options(elig, opt->state, true);
    elig->callback([opt] {
        exit_with(run_state_command("node eligibility", [&] {
            if (opt->enable == opt->disable) throw rs::StateError("node eligibility needs --enable or --disable");
            return edit_node(*opt, "node eligibility", [&](runtime::Node& n) { n.eligible = opt->enable; });
        }));
    });
}

}  // namespace hjob::cli

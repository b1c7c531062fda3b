// Nodes and their usage summaries in the state (store.hpp).
#include <algorithm>
#include <cstdio>

#include "flat_json.hpp"
#include "store.hpp"

namespace hjob::runtime::state {

using nlohmann::json;

namespace {

constexpr const char* node_columns =
    "id, name, datacenter, node_pool, node_class, address, attributes, meta, drivers, cpu_mhz, memory_mb, "
    "disk_mb, port_min, port_max, reserved_ports, status, eligible, draining, create_index, modify_index";

std::map<std::string, std::string> string_map(std::string_view text) {
    if (auto m = parse_string_map(text)) return std::move(*m);
    return json::parse(text).get<std::map<std::string, std::string>>();
}

std::vector<int> int_list(std::string_view text) {
    if (auto v = parse_int_list(text)) return std::move(*v);
    return json::parse(text).get<std::vector<int>>();
}

Node read_node(const Stmt& s) {
    Node n;
    n.id = s.text(0);
    n.name = s.text(1);
    n.datacenter = s.text(2);
    n.node_pool = s.text(3);
    n.node_class = s.text(4);
    n.address = s.text(5);
    n.attributes = string_map(s.view(6));
    n.meta = string_map(s.view(7));
    if (auto d = parse_string_list(s.view(8))) n.drivers = std::move(*d);
    else n.drivers = json::parse(s.view(8)).get<std::vector<std::string>>();
    n.cpu_mhz = s.int32(9);
    n.memory_mb = s.int32(10);
    n.disk_mb = s.int32(11);
    n.port_min = s.int32(12);
    n.port_max = s.int32(13);
    n.reserved_ports = int_list(s.view(14));
    n.status = s.text(15);
    n.eligible = s.integer(16) != 0;
    n.draining = s.integer(17) != 0;
    n.create_index = s.integer(18);
    n.modify_index = s.integer(19);
    return n;
}

}  // namespace

std::vector<Node> Store::nodes() {
    std::vector<Node> out;
    auto s = db_.prepare(std::string("SELECT ") + node_columns + " FROM nodes ORDER BY name");
    while (s.step()) out.push_back(read_node(s));
    return out;
}

std::optional<Node> Store::node(const std::string& id) {
    auto s = db_.prepare(std::string("SELECT ") + node_columns + " FROM nodes WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_node(s);
}

std::optional<Node> Store::node_by_name(const std::string& name) {
    auto s = db_.prepare(std::string("SELECT ") + node_columns + " FROM nodes WHERE name = ?");
    s.bind(1, name);
    if (!s.step()) return std::nullopt;
    return read_node(s);
}

std::optional<std::string> Store::local_node_id() {
    auto s = db_.prepare("SELECT id FROM nodes WHERE is_local = 1");
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

void Store::put_node(const Node& n, bool local) {
    auto s = db_.prepare(
        "INSERT INTO nodes (id, name, datacenter, node_pool, node_class, address, attributes, meta, drivers, "
        "cpu_mhz, memory_mb, disk_mb, port_min, port_max, reserved_ports, status, eligible, draining, create_index, "
        "modify_index, is_local) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        // An upsert, not REPLACE: a REPLACE deletes the row first and would cascade to node_usage.
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, datacenter = excluded.datacenter, "
        "node_pool = excluded.node_pool, node_class = excluded.node_class, address = excluded.address, "
        "attributes = excluded.attributes, meta = excluded.meta, drivers = excluded.drivers, "
        "cpu_mhz = excluded.cpu_mhz, memory_mb = excluded.memory_mb, disk_mb = excluded.disk_mb, "
        "port_min = excluded.port_min, port_max = excluded.port_max, reserved_ports = excluded.reserved_ports, "
        "status = excluded.status, eligible = excluded.eligible, draining = excluded.draining, "
        "modify_index = excluded.modify_index, is_local = excluded.is_local");
    s.bind(1, n.id).bind(2, n.name).bind(3, n.datacenter).bind(4, n.node_pool).bind(5, n.node_class);
    s.bind(6, n.address).bind(7, json(n.attributes).dump()).bind(8, json(n.meta).dump());
    s.bind(9, json(n.drivers).dump()).bind(10, n.cpu_mhz).bind(11, n.memory_mb).bind(12, n.disk_mb);
    s.bind(13, n.port_min).bind(14, n.port_max).bind(15, json(n.reserved_ports).dump()).bind(16, n.status);
    s.bind(17, n.eligible).bind(18, n.draining).bind(19, n.create_index).bind(20, n.modify_index).bind(21, local);
    try {
        s.run();
    } catch (const StateError& e) {
        throw StateError("cannot store node \"" + n.name + "\": " + e.what());
    }
    db_.prepare("INSERT OR IGNORE INTO node_usage (node_id) VALUES (?)").bind(1, n.id).run();
}

void Store::remove_node(const std::string& id) { db_.prepare("DELETE FROM nodes WHERE id = ?").bind(1, id).run(); }

Node Store::find_node(const std::string& arg) {
    if (arg.empty()) throw StateError("a node id, id prefix or name is required");
    auto s = db_.prepare(std::string("SELECT ") + node_columns +
                         " FROM nodes WHERE name = ?1 OR substr(id, 1, length(?1)) = ?1 ORDER BY name");
    s.bind(1, arg);
    std::vector<Node> found;
    while (s.step()) found.push_back(read_node(s));
    for (const auto& n : found)
        if (n.name == arg || n.id == arg) return n;
    if (found.empty()) throw StateError("no node matches \"" + arg + "\" (see hjob node list)");
    if (found.size() > 1) {
        std::string names;
        for (const auto& n : found) names += "\n  " + n.id + "  " + n.name;
        throw StateError("\"" + arg + "\" matches " + std::to_string(found.size()) + " nodes; give more of the id:" + names);
    }
    return found.front();
}

std::string Store::next_node_address() {
    // 127.0.0.1 is the local node; hosted nodes count up from 127.0.0.2 through 127.255.255.254.
    auto s = db_.prepare("SELECT address FROM nodes WHERE address LIKE '127.%'");
    std::set<std::uint32_t> taken;
    while (s.step()) {
        unsigned a = 0, b = 0, c = 0, d = 0;
        if (std::sscanf(s.text(0).c_str(), "%u.%u.%u.%u", &a, &b, &c, &d) == 4) taken.insert((b << 16) | (c << 8) | d);
    }
    std::uint32_t n = 2;
    while (taken.count(n) || (n & 0xff) == 0 || (n & 0xff) == 255) ++n;
    return "127." + std::to_string((n >> 16) & 0xff) + "." + std::to_string((n >> 8) & 0xff) + "." +
           std::to_string(n & 0xff);
}

std::map<std::string, StoredUsage> Store::node_usage() {
    std::map<std::string, StoredUsage> out;
    auto s = db_.prepare("SELECT node_id, cpu, memory_mb, disk_mb, allocations, ports FROM node_usage");
    while (s.step()) {
        StoredUsage u{s.int32(1), s.int32(2), s.int32(3), s.int32(4), int_list(s.view(5))};
        out.emplace(s.text(0), std::move(u));
    }
    return out;
}

void Store::refresh_usage(const std::set<std::string>& node_ids) {
    // Live: desired to run and not finished, as Allocation::terminal() says.
    auto sum = db_.prepare(
        "SELECT coalesce(sum(cpu),0), coalesce(sum(memory_mb),0), coalesce(sum(disk_mb),0), count(*) FROM allocations "
        "WHERE node_id = ?1 AND desired_status = 'run' AND client_status NOT IN ('complete','failed','lost')");
    auto ports = db_.prepare(
        "SELECT p.value FROM allocations a, json_each(a.ports) p WHERE a.node_id = ?1 AND a.desired_status = 'run' "
        "AND a.client_status NOT IN ('complete','failed','lost')");
    auto put = db_.prepare(
        "INSERT OR REPLACE INTO node_usage (node_id, cpu, memory_mb, disk_mb, allocations, ports) "
        "SELECT id, ?2, ?3, ?4, ?5, ?6 FROM nodes WHERE id = ?1");
    for (const auto& id : node_ids) {
        sum.reset();
        sum.bind(1, id);
        sum.step();
        ports.reset();
        ports.bind(1, id);
        std::vector<int> taken;
        while (ports.step()) taken.push_back(ports.int32(0));
        std::sort(taken.begin(), taken.end());
        put.reset();
        put.bind(1, id).bind(2, sum.integer(0)).bind(3, sum.integer(1)).bind(4, sum.integer(2)).bind(5, sum.integer(3));
        put.bind(6, json(taken).dump()).run();
        sum.reset();
    }
}

}  // namespace hjob::runtime::state

// The service catalog on the state's SQLite (catalog.hpp, table catalog_instances).
#include "catalog.hpp"

#include <optional>

#include "json.hpp"
#include "runtime/state/flat_json.hpp"

namespace hjob::runtime::catalog {

namespace {

using nlohmann::json;
using state::Stmt;

constexpr const char* columns =
    "id, service, job_id, group_name, task, alloc_id, node_id, node_name, address, port, tags, meta, status, "
    "checks, canary, modify_index";

// A write transaction of its own unless the caller already holds one (joins it then).
struct WriteScope {
    explicit WriteScope(state::Store& s) {
        if (sqlite3_get_autocommit(s.db().raw())) tx.emplace(s.db(), true);
    }
    void commit() {
        if (tx) tx->commit();
    }
    std::optional<state::Transaction> tx;
};

Index bump(state::Store& s) {
    s.db().exec("UPDATE catalog_meta SET modify_index = modify_index + 1 WHERE id = 1");
    auto q = s.db().prepare("SELECT modify_index FROM catalog_meta WHERE id = 1");
    return q.step() ? q.integer(0) : 0;
}

std::vector<std::string> string_list(std::string_view text) {
    if (auto v = state::parse_string_list(text)) return std::move(*v);
    return json::parse(text).get<std::vector<std::string>>();
}

std::map<std::string, std::string> string_map(std::string_view text) {
    if (auto m = state::parse_string_map(text)) return std::move(*m);
    return json::parse(text).get<std::map<std::string, std::string>>();
}

Instance read_instance(const Stmt& s) {
    Instance i;
    i.id = s.text(0);
    i.service = s.text(1);
    i.job_id = s.text(2);
    i.group = s.text(3);
    i.task = s.text(4);
    i.alloc_id = s.text(5);
    i.node_id = s.text(6);
    i.node_name = s.text(7);
    i.address = s.text(8);
    i.port = s.int32(9);
    i.tags = string_list(s.view(10));
    i.meta = string_map(s.view(11));
    i.status = s.text(12);
    i.checks = json::parse(s.view(13)).get<std::vector<CheckStatus>>();
    i.canary = s.integer(14) != 0;
    i.modify_index = s.integer(15);
    return i;
}

std::vector<Instance> query(state::Store& store, const std::string& where, const std::string& arg) {
    std::vector<Instance> out;
    auto s = store.db().prepare(std::string("SELECT ") + columns + " FROM catalog_instances" + where +
                                " ORDER BY service, id");
    if (!arg.empty()) s.bind(1, arg);
    while (s.step()) out.push_back(read_instance(s));
    return out;
}

}  // namespace

std::string worst_status(const std::vector<CheckStatus>& checks) {
    int worst = 0;  // 0 passing, 1 warning, 2 critical
    for (const auto& c : checks) worst = std::max(worst, c.status == "passing" ? 0 : c.status == "warning" ? 1 : 2);
    return worst == 0 ? "passing" : worst == 1 ? "warning" : "critical";
}

void Catalog::put(const Instance& i) {
    WriteScope w(store_);
    const Index index = bump(store_);
    auto s = store_.db().prepare(std::string("INSERT OR REPLACE INTO catalog_instances (") + columns +
                                 ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, i.id).bind(2, i.service).bind(3, i.job_id).bind(4, i.group).bind(5, i.task).bind(6, i.alloc_id);
    s.bind(7, i.node_id).bind(8, i.node_name).bind(9, i.address).bind(10, i.port);
    s.bind(11, json(i.tags).dump()).bind(12, json(i.meta).dump()).bind(13, i.status);
    s.bind(14, json(i.checks).dump()).bind(15, i.canary).bind(16, index);
    s.run();
    w.commit();
}

void Catalog::remove(const std::string& instance_id) {
    WriteScope w(store_);
    auto s = store_.db().prepare("DELETE FROM catalog_instances WHERE id = ?");
    s.bind(1, instance_id).run();
    if (sqlite3_changes(store_.db().raw()) > 0) bump(store_);
    w.commit();
}

void Catalog::remove_alloc(const std::string& alloc_id) {
    WriteScope w(store_);
    auto s = store_.db().prepare("DELETE FROM catalog_instances WHERE alloc_id = ?");
    s.bind(1, alloc_id).run();
    if (sqlite3_changes(store_.db().raw()) > 0) bump(store_);
    w.commit();
}

void Catalog::set_health(const std::string& instance_id, const std::string& status,
                         const std::vector<CheckStatus>& checks) {
    const std::string checks_json = json(checks).dump();
    // Looked up before taking the write lock: most calls change nothing.
    auto probe = store_.db().prepare("SELECT 1 FROM catalog_instances WHERE id = ? AND (status != ? OR checks != ?)");
    probe.bind(1, instance_id).bind(2, status).bind(3, checks_json);
    if (!probe.step()) return;  // unknown instance, or nothing changed: no write
    probe.reset();
    WriteScope w(store_);
    const Index index = bump(store_);
    auto s = store_.db().prepare("UPDATE catalog_instances SET status = ?, checks = ?, modify_index = ? WHERE id = ?");
    s.bind(1, status).bind(2, checks_json).bind(3, index).bind(4, instance_id).run();
    w.commit();
}

std::vector<Instance> Catalog::list(const std::string& service) {
    return query(store_, service.empty() ? "" : " WHERE service = ?", service);
}

std::vector<Instance> Catalog::by_alloc(const std::string& alloc_id) {
    return query(store_, " WHERE alloc_id = ?", alloc_id);
}

Index Catalog::modify_index() {
    auto q = store_.db().prepare("SELECT modify_index FROM catalog_meta WHERE id = 1");
    return q.step() ? q.integer(0) : 0;
}

}  // namespace hjob::runtime::catalog

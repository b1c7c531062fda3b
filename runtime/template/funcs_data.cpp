// The data-source functions: env, service, services, nomadService (Nomad's native name for the
// same thing) and secret. Each records what it read in the render's dependencies, so that a
// TemplateSet re-renders only when that data changed.
#include <algorithm>

#include "funcs.hpp"

namespace hjob::runtime::tmpl {

namespace {

// An instance as consul-template's health.Service shows it.
Value instance(const catalog::Instance& i) {
    Value checks = Value::array();
    for (const auto& c : i.checks)
        checks.push_back({{"CheckID", c.id}, {"Name", c.name}, {"Status", c.status}, {"Output", c.output}, {"Type", c.type}});
    return {{"ID", i.id},           {"Name", i.service},      {"ServiceName", i.service}, {"Node", i.node_name},
            {"NodeID", i.node_id},  {"NodeAddress", i.address}, {"Address", i.address},  {"Port", i.port},
            {"Tags", i.tags},       {"ServiceMeta", i.meta},  {"Status", i.status},       {"Checks", checks},
            {"JobID", i.job_id},    {"AllocID", i.alloc_id},  {"Datacenter", ""}};
}

struct Query {
    std::string name, tag;
    std::vector<std::string> statuses;  ///< empty: any
};

// "tag.name@dc|passing,warning": the tag is what precedes the last dot; dc is ignored (one here).
Query parse_query(const std::string& spec, const std::string& filter_arg) {
    Query q;
    std::string s = spec, filter = filter_arg.empty() ? "passing" : filter_arg;
    if (auto bar = s.find('|'); bar != std::string::npos) {
        filter = s.substr(bar + 1);
        s.erase(bar);
    }
    if (auto at = s.find('@'); at != std::string::npos) s.erase(at);
    if (auto dot = s.rfind('.'); dot != std::string::npos) {
        q.tag = s.substr(0, dot);
        s.erase(0, dot + 1);
    }
    q.name = s;
    if (q.name.empty()) throw FuncError("service: no service name in \"" + spec + "\"");
    if (filter == "any") return q;
    std::size_t pos = 0;
    while (pos <= filter.size()) {
        std::size_t comma = std::min(filter.find(',', pos), filter.size());
        std::string st = filter.substr(pos, comma - pos);
        if (st != "passing" && st != "warning" && st != "critical" && st != "maintenance")
            throw FuncError("service: unknown health filter \"" + st + "\" (passing, warning, critical, maintenance, any)");
        q.statuses.push_back(st);
        pos = comma + 1;
    }
    return q;
}

Value select(FuncEnv& env, const Query& q) {
    if (!env.sources.service) throw FuncError("service: no service catalog is available to this template");
    env.deps.services.insert(q.name);
    Value out = Value::array();
    for (const auto& i : env.sources.service(q.name)) {
        if (i.service != q.name) continue;
        if (!q.tag.empty() && std::find(i.tags.begin(), i.tags.end(), q.tag) == i.tags.end()) continue;
        if (!q.statuses.empty() && std::find(q.statuses.begin(), q.statuses.end(), i.status) == q.statuses.end()) continue;
        out.push_back(instance(i));
    }
    return out;
}

// `service "name"`: passing instances by default, as consul-template.
Value service(FuncEnv& env, Args& a) {
    if (a.empty() || a.size() > 2) throw FuncError("wrong number of args for service: want 1 or 2");
    return select(env, parse_query(as_string(a[0], "service"), a.size() == 2 ? as_string(a[1], "service") : ""));
}

// `nomadService "name"`: Nomad's native discovery lists every instance, whatever its health.
Value nomad_service(FuncEnv& env, Args& a) {
    if (a.size() != 1) throw FuncError("wrong number of args for nomadService: want 1");
    return select(env, parse_query(as_string(a[0], "nomadService"), "any"));
}

Value services(FuncEnv& env, Args& a) {
    if (!a.empty()) throw FuncError("wrong number of args for services: want 0");
    if (!env.sources.service) throw FuncError("services: no service catalog is available to this template");
    env.deps.services.insert("*");
    std::map<std::string, std::set<std::string>> by_name;
    for (const auto& i : env.sources.service("")) by_name[i.service].insert(i.tags.begin(), i.tags.end());
    Value out = Value::array();
    for (const auto& [name, tags] : by_name) out.push_back({{"Name", name}, {"Tags", Value(tags)}});
    return out;
}

Value env_(FuncEnv& env, Args& a) {
    if (a.size() != 1) throw FuncError("wrong number of args for env: want 1");
    std::string name = as_string(a[0], "env");
    if (!env.sources.env) return "";
    return env.sources.env(name).value_or("");
}

// `secret "secret/data/app"`: the KV v2 answer as .Data (so .Data.data.key), Vault's shape.
Value secret(FuncEnv& env, Args& a) {
    if (a.size() != 1)
        throw FuncError("secret takes one path: writing secrets from a template (secret \"path\" \"k=v\") is not supported");
    std::string path = as_string(a[0], "secret");
    if (!env.sources.secret) throw FuncError("secret \"" + path + "\": no secrets store is available to this task (no vault stanza?)");
    env.deps.secrets.insert(path);
    auto got = env.sources.secret(path);
    if (!got) throw FuncError("secret \"" + path + "\": not found, or the task's token may not read it");
    Value data = *got;
    if (data.is_object() && data.contains("data") && data["data"].is_object() && data["data"].contains("data"))
        data = Value(data["data"]);  // the API's envelope {"data": {"data": ..., "metadata": ...}}
    return {{"Data", data}, {"LeaseID", ""}, {"LeaseDuration", 0}, {"Renewable", false}};
}

}  // namespace

void add_data_funcs(FuncTable& t) {
    t.insert({{"env", env_}, {"service", service}, {"nomadService", nomad_service}, {"services", services}, {"secret", secret}});
}

}  // namespace hjob::runtime::tmpl

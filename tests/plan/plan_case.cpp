// Golden plan cases: compile the before/after jobs, build the fleet and the allocations, and
// apply the case's changes to the state (nodes going down or draining, allocations completing).
#include "plan_case.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "compiler/bind/bind.hpp"
#include "grammar/parser.hpp"
#include "runtime/state/model_json.hpp"
#include "stdlib/functions.hpp"

namespace hjob::test {

using nlohmann::json;
using runtime::Allocation;
using runtime::Node;

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

ir::Job compile_job(const std::string& text) {
    SourceFile file("job.hcl", text);
    auto tree = syntax::parse_config(file);
    eval::EvalContext scope;
    scope.set_functions(&cty::nomad_functions());
    scope.set_variable("var", cty::Value::object({}));
    scope.set_variable("local", cty::Value::object({}));
    auto result = bind::compile_job(tree, bind::CompileOptions{&scope});
    std::string errors;
    for (const auto* ds : {&tree.diagnostics, &result.diagnostics})
        for (const auto& d : *ds)
            if (d.severity == Severity::error) errors += d.summary + ": " + d.detail + "\n";
    if (!errors.empty() || !result.job) throw std::runtime_error("job does not compile:\n" + errors);
    return *result.job;
}

std::vector<Node> default_nodes() {
    std::vector<Node> nodes;
    for (int i = 1; i <= 4; ++i) {
        Node n;
        n.id = "00000000-0000-4000-8000-00000000000" + std::to_string(i);
        n.name = "client-" + std::to_string(i);
        n.address = "127.0.0." + std::to_string(i + 1);
        n.attributes = {{"kernel.name", "linux"}, {"os.name", "ubuntu"}, {"cpu.arch", "amd64"},
                        {"unique.hostname", n.name}, {"driver.docker.version", "24.0.7"}};
        n.drivers = {"docker", "exec", "raw_exec"};
        n.cpu_mhz = 4000;
        n.memory_mb = 8192;
        n.disk_mb = 50000;
        nodes.push_back(n);
    }
    return nodes;
}

std::vector<Allocation> running_allocs(const ir::Job& job, const std::vector<Node>& nodes) {
    runtime::PlanInput in;
    in.job = &job;
    in.nodes = nodes;
    in.id_seed = "before";
    in.now = 1'700'000'000'000'000'000;
    auto plan = runtime::make_plan(in);
    for (auto& a : plan.place) {
        a.client_status = "running";
        a.healthy = true;
        a.deployment_id.clear();
    }
    return plan.place;
}

namespace {

Allocation alloc_from_json(const json& j) {
    Allocation a;
    a.id = j.at("id").get<std::string>();
    a.job_id = j.value("job_id", "");
    a.group = j.at("group").get<std::string>();
    a.index = j.value("index", 0);
    a.name = j.value("name", a.job_id + "." + a.group + "[" + std::to_string(a.index) + "]");
    a.job_version = j.value("job_version", 0);
    a.node_id = j.at("node_id").get<std::string>();
    a.desired_status = j.value("desired_status", "run");
    a.client_status = j.value("client_status", "running");
    a.canary = j.value("canary", false);
    a.deployment_id = j.value("deployment_id", "");
    if (j.contains("healthy")) a.healthy = j.at("healthy").get<bool>();
    if (j.contains("resources")) {
        const json& r = j.at("resources");
        a.resources.cpu = r.value("cpu", 0);
        a.resources.memory_mb = r.value("memory_mb", 0);
        a.resources.disk_mb = r.value("disk_mb", 0);
        if (r.contains("ports")) a.resources.ports = r.at("ports").get<std::map<std::string, int>>();
    }
    return a;
}

Node* node_named(std::vector<Node>& nodes, const std::string& name) {
    for (auto& n : nodes)
        if (n.name == name) return &n;
    throw std::runtime_error("case.json: no node named " + name);
}

/// case.json: {"node_status": {name: status}, "drain": [names], "ineligible": [names],
/// "alloc_status": {alloc name: client status}, "other_usage": {name: {cpu, memory_mb,
/// disk_mb, ports}}, "stop_job": bool}
void apply_changes(PlanCase& c, const json& j) {
    if (j.contains("node_status"))
        for (const auto& [name, status] : j.at("node_status").items()) node_named(c.nodes, name)->status = status.get<std::string>();
    if (j.contains("drain"))
        for (const auto& name : j.at("drain")) node_named(c.nodes, name.get<std::string>())->draining = true;
    if (j.contains("ineligible"))
        for (const auto& name : j.at("ineligible")) node_named(c.nodes, name.get<std::string>())->eligible = false;
    if (j.contains("alloc_status"))
        for (const auto& [name, status] : j.at("alloc_status").items())
            for (auto& a : c.allocs)
                if (a.name == name) a.client_status = status.get<std::string>();
    if (j.contains("other_usage"))
        for (const auto& [name, u] : j.at("other_usage").items())
            c.other_usage[node_named(c.nodes, name)->id] =
                runtime::NodeUsage{u.value("cpu", 0), u.value("memory_mb", 0), u.value("disk_mb", 0),
                                   u.value("ports", std::vector<int>{})};
    c.stop_job = j.value("stop_job", false);
}

}  // namespace

PlanCase load_case(const std::filesystem::path& dir) {
    PlanCase c;
    c.after = compile_job(read_file(dir / "after.hcl"));
    c.nodes = std::filesystem::exists(dir / "nodes.json") ? runtime::state::nodes_from_json(json::parse(read_file(dir / "nodes.json")))
                                                          : default_nodes();
    if (std::filesystem::exists(dir / "before.hcl")) {
        runtime::JobVersion v;
        v.job = compile_job(read_file(dir / "before.hcl"));
        v.version = 0;
        c.current = std::move(v);
        if (std::filesystem::exists(dir / "allocs.json")) {
            for (const auto& a : json::parse(read_file(dir / "allocs.json"))) c.allocs.push_back(alloc_from_json(a));
        } else {
            c.allocs = running_allocs(c.current->job, c.nodes);
        }
    }
    if (std::filesystem::exists(dir / "case.json")) apply_changes(c, json::parse(read_file(dir / "case.json")));
    return c;
}

runtime::PlanInput PlanCase::input() const {
    runtime::PlanInput in;
    in.job = &after;
    in.current = current ? &*current : nullptr;
    in.nodes = nodes;
    in.job_allocs = allocs;
    in.active_deployment = deployment ? &*deployment : nullptr;
    in.now = 1'700'000'000'000'000'000;
    in.id_seed = "golden";
    in.other_usage = other_usage;
    in.stop_job = stop_job;
    return in;
}

}  // namespace hjob::test

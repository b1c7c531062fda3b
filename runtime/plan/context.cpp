// The planner's shared state (see context.hpp).
#include "runtime/plan/context.hpp"
#include "runtime/plan/diff_parts.hpp"

namespace hjob::runtime::planning {

std::string alloc_name(const std::string& job, const std::string& group, int index) {
    return job + "." + group + "[" + std::to_string(index) + "]";
}

Context::Context(const PlanInput& input, Plan& p)
    : in(input), job(*input.job), plan(p), cluster(sched::Cluster::build(input.nodes, input.other_usage)) {
    seed = sched::fnv1a(input.id_seed + '\n' + job.namespace_ + '\n' + job.id);
    ids.state = seed;
    if (in.current) versions[in.current->version] = in.current;
    for (const JobVersion* v : in.older_versions)
        if (v) versions.emplace(v->version, v);
}

const rules::GroupVerdict& Context::verdict(int version, const ir::Group& group) {
    const auto key = std::make_pair(version, group.name);
    if (const auto it = verdicts.find(key); it != verdicts.end()) return it->second;
    rules::GroupVerdict v;
    const auto found = versions.find(version);
    const ir::Group* old_group = nullptr;
    if (found != versions.end())
        for (const auto& g : found->second->job.groups)
            if (g.name == group.name) old_group = &g;
    if (found == versions.end()) {
        v.overall = {rules::Verdict::destructive, "job version " + std::to_string(version) + " unknown"};
    } else if (!old_group) {
        v.overall = {rules::Verdict::destructive, "group not in job version " + std::to_string(version)};
    } else {
        const GroupDiff d = diffing::diff_group(old_group, &group);
        v = rules::group_verdict(found->second->job, *old_group, job, group, d, true);
    }
    return verdicts.emplace(key, std::move(v)).first->second;
}

bool Context::deploys(const ir::Group& g) const {
    return (job.type == "service" || job.type == "system") && g.update && g.update->max_parallel > 0;
}

Allocation Context::make_alloc(const ir::Group& group, const sched::GroupPlacer& placer, int index, std::uint32_t n) {
    Allocation a;
    a.id = sched::make_uuid(ids);
    a.job_id = job.id;
    a.group = group.name;
    a.name = alloc_name(job.id, group.name, index);
    a.index = index;
    a.job_version = plan.job_version;
    a.node_id = cluster.node(n).id;
    const sched::Ask& ask = placer.ask();
    a.resources.cpu = ask.cpu;
    a.resources.memory_mb = ask.memory_mb;
    a.resources.memory_max_mb = ask.memory_max_mb;
    a.resources.disk_mb = ask.disk_mb;
    a.resources.cores = ask.cores;
    std::size_t i = 0;
    for (const auto& p : ask.static_ports) a.resources.ports[p.label] = ports[i++];
    for (const auto& label : ask.dynamic_labels) a.resources.ports[label] = ports[i++];
    a.create_time = a.modify_time = in.now;
    return a;
}

void Context::stop(const Allocation& a, std::string description, std::string client_status) {
    plan.stop.push_back({a.id, a.group, a.node_id, std::move(description), std::move(client_status)});
}

}  // namespace hjob::runtime::planning

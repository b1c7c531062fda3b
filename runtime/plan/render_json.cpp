// The plan as JSON, for `hjob plan --json` and saved plans. Stable keys:
//   job_id, job_type, job_version, spec_changed, has_changes,
//   diff: {type, id, fields[], objects[], groups[]}; a group: {type, name, fields[], objects[],
//         updates{kind: n}, tasks[]}; a task: {type, name, fields[], objects[], annotations[],
//         forced_by}; an object: {type, name, fields[], objects[]}; a field: {type, name, old,
//         new, annotations[]} (types "None" | "Added" | "Deleted" | "Edited"; durations human),
//   groups[]: {name, place, stop, inplace, destructive, ignore, canary, migrate, lost,
//              up_to_date, ignore_reason, destructive_reason, updates{}},
//   place[]: {id, name, group, index, node_id, job_version, canary, previous_allocation,
//             deployment_id, resources{cpu, memory_mb, memory_max_mb, disk_mb, cores, ports{}}},
//   stop[]: {id, group, node_id, description, client_status},  inplace[]: ids,
//   failures[]: {group, failed, metric{nodes_evaluated, nodes_filtered, nodes_in_pool,
//                nodes_exhausted, nodes_available{}, class_filtered{}, constraint_filtered{},
//                class_exhausted{}, dimension_exhausted{}}},
//   deployment: null | {id, job_id, job_version, status, status_description, groups{name:
//               {desired_total, desired_canaries, auto_revert, auto_promote, placed_canaries[],
//               require_progress_by}}},
//   cancel_deployment, warnings[], errors[], notes[] (extra dry-run lines).
#include "runtime/plan/plan.hpp"

namespace hjob::runtime {
namespace {

using json = nlohmann::json;

json fields_json(const std::vector<FieldDiff>& fields) {
    json out = json::array();
    for (const auto& f : fields)
        out.push_back({{"type", to_string(f.type)}, {"name", f.name}, {"old", f.old_value}, {"new", f.new_value},
                       {"annotations", f.annotations}});
    return out;
}

json objects_json(const std::vector<ObjectDiff>& objects) {
    json out = json::array();
    for (const auto& o : objects)
        out.push_back({{"type", to_string(o.type)}, {"name", o.name}, {"fields", fields_json(o.fields)},
                       {"objects", objects_json(o.objects)}});
    return out;
}

json metric_json(const AllocMetric& m) {
    return {{"nodes_evaluated", m.nodes_evaluated}, {"nodes_filtered", m.nodes_filtered},
            {"nodes_in_pool", m.nodes_in_pool},     {"nodes_exhausted", m.nodes_exhausted},
            {"nodes_available", m.nodes_available}, {"class_filtered", m.class_filtered},
            {"constraint_filtered", m.constraint_filtered}, {"class_exhausted", m.class_exhausted},
            {"dimension_exhausted", m.dimension_exhausted}};
}

json alloc_json(const Allocation& a) {
    const auto& r = a.resources;
    return {{"id", a.id}, {"name", a.name}, {"group", a.group}, {"index", a.index}, {"node_id", a.node_id},
            {"job_version", a.job_version}, {"canary", a.canary}, {"previous_allocation", a.previous_allocation},
            {"deployment_id", a.deployment_id},
            {"resources", {{"cpu", r.cpu}, {"memory_mb", r.memory_mb}, {"memory_max_mb", r.memory_max_mb},
                           {"disk_mb", r.disk_mb}, {"cores", r.cores}, {"ports", r.ports}}}};
}

json deployment_json(const Deployment& d) {
    json groups = json::object();
    for (const auto& [name, g] : d.groups)
        groups[name] = {{"desired_total", g.desired_total}, {"desired_canaries", g.desired_canaries},
                        {"auto_revert", g.auto_revert}, {"auto_promote", g.auto_promote},
                        {"placed_canaries", g.placed_canaries}, {"require_progress_by", g.require_progress_by}};
    return {{"id", d.id}, {"job_id", d.job_id}, {"job_version", d.job_version}, {"status", d.status},
            {"status_description", d.status_description}, {"groups", groups}};
}

}  // namespace

json diff_to_json(const JobDiff& d) {
    json groups = json::array();
    for (const auto& g : d.groups) {
        json tasks = json::array();
        for (const auto& t : g.tasks)
            tasks.push_back({{"type", to_string(t.type)}, {"name", t.name}, {"fields", fields_json(t.fields)},
                             {"objects", objects_json(t.objects)}, {"annotations", t.annotations}, {"forced_by", t.forced_by}});
        groups.push_back({{"type", to_string(g.type)}, {"name", g.name}, {"fields", fields_json(g.fields)},
                          {"objects", objects_json(g.objects)}, {"updates", g.updates}, {"tasks", tasks}});
    }
    return {{"type", to_string(d.type)}, {"id", d.id}, {"fields", fields_json(d.fields)},
            {"objects", objects_json(d.objects)}, {"groups", groups}};
}

json plan_to_json(const Plan& p) {
    json groups = json::array(), place = json::array(), stop = json::array(), failures = json::array();
    for (const auto& g : p.groups)
        groups.push_back({{"name", g.name}, {"place", g.place}, {"stop", g.stop}, {"inplace", g.inplace},
                          {"destructive", g.destructive}, {"ignore", g.ignore}, {"canary", g.canary},
                          {"migrate", g.migrate}, {"lost", g.lost}, {"up_to_date", g.up_to_date},
                          {"ignore_reason", g.ignore_reason}, {"destructive_reason", g.destructive_reason},
                          {"updates", g.updates()}});
    for (const auto& a : p.place) place.push_back(alloc_json(a));
    for (const auto& s : p.stop)
        stop.push_back({{"id", s.id}, {"group", s.group}, {"node_id", s.node_id}, {"description", s.description},
                        {"client_status", s.client_status}});
    for (const auto& f : p.failures)
        failures.push_back({{"group", f.group}, {"failed", f.failed}, {"metric", metric_json(f.metric)}});
    return {{"job_id", p.job_id}, {"job_type", p.job_type}, {"job_version", p.job_version},
            {"spec_changed", p.spec_changed}, {"has_changes", p.has_changes()}, {"diff", diff_to_json(p.diff)},
            {"groups", groups}, {"place", place}, {"stop", stop}, {"inplace", p.inplace}, {"failures", failures},
            {"deployment", p.deployment ? deployment_json(*p.deployment) : json(nullptr)},
            {"cancel_deployment", p.cancel_deployment}, {"warnings", p.warnings}, {"errors", p.errors},
            {"notes", p.notes}};
}

}  // namespace hjob::runtime

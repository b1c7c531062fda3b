// Task groups in Nomad API JSON: networks, volumes, the rollout and failure policies, scaling.
#include "emit.hpp"

namespace hjob::emit {

namespace {

json port(const ir::Port& p) {
    return {{"Label", p.label}, {"Value", p.value}, {"To", p.to}, {"HostNetwork", p.host_network},
            {"IgnoreCollision", p.ignore_collision}};
}

json reschedule(const ir::ReschedulePolicy& r) {
    return {{"Attempts", r.attempts},  {"Interval", r.interval}, {"Delay", r.delay},
            {"DelayFunction", r.delay_function}, {"MaxDelay", r.max_delay}, {"Unlimited", r.unlimited}};
}

json migrate(const ir::MigrateStrategy& m) {
    return {{"MaxParallel", m.max_parallel}, {"HealthCheck", m.health_check}, {"MinHealthyTime", m.min_healthy_time},
            {"HealthyDeadline", m.healthy_deadline}};
}

json disconnect(const ir::Disconnect& d) {
    return {{"LostAfter", d.lost_after},
            {"StopOnClientAfter", d.stop_on_client_after ? json(*d.stop_on_client_after) : json(nullptr)},
            {"Replace", d.replace},
            {"Reconcile", d.reconcile}};
}

json volume(const ir::Volume& v) {
    json mount = nullptr;
    if (v.mount_options)
        mount = {{"FSType", v.mount_options->fs_type}, {"MountFlags", strings_or_null(v.mount_options->mount_flags)}};
    return {{"Name", v.name},         {"Type", v.type},         {"Source", v.source},
            {"ReadOnly", v.read_only}, {"Sticky", v.sticky},     {"AccessMode", v.access_mode},
            {"AttachmentMode", v.attachment_mode}, {"MountOptions", mount}, {"PerAlloc", v.per_alloc}};
}

json scaling(const ir::Scaling& s, const ir::Job& job, const ir::Group& g) {
    return {{"ID", ""},
            {"Namespace", ""},
            {"Type", s.type},
            {"Target", {{"Namespace", job.namespace_}, {"Job", job.id}, {"Group", g.name}}},
            {"Min", s.min},
            {"Max", s.max},
            {"Policy", s.policy},
            {"Enabled", s.enabled},
            {"CreateIndex", 0},
            {"ModifyIndex", 0}};
}

json optional_duration(const std::optional<ir::Duration>& d) { return d ? json(*d) : json(nullptr); }

}  // namespace

json network(const ir::Network& n) {
    json dns = nullptr;
    if (n.dns)
        dns = {{"Servers", strings_or_null(n.dns->servers)},
               {"Searches", strings_or_null(n.dns->searches)},
               {"Options", strings_or_null(n.dns->options)}};
    return {{"Mode", n.mode},
            {"Device", n.device},
            {"CIDR", n.cidr},
            {"IP", n.ip},
            {"Hostname", n.hostname},
            {"MBits", n.mbits},
            {"DNS", dns},
            {"ReservedPorts", list_or_null(n.reserved_ports, port)},
            {"DynamicPorts", list_or_null(n.dynamic_ports, port)},
            {"CNI", n.cni_args ? json{{"Args", *n.cni_args}} : json(nullptr)}};
}

json update(const ir::UpdateStrategy& u) {
    return {{"Stagger", u.stagger},
            {"MaxParallel", u.max_parallel},
            {"HealthCheck", u.health_check},
            {"MinHealthyTime", u.min_healthy_time},
            {"HealthyDeadline", u.healthy_deadline},
            {"ProgressDeadline", u.progress_deadline},
            {"Canary", u.canary},
            {"AutoRevert", u.auto_revert},
            {"AutoPromote", u.auto_promote}};
}

json restart(const ir::RestartPolicy& r) {
    return {{"Attempts", r.attempts}, {"Interval", r.interval}, {"Delay", r.delay}, {"Mode", r.mode},
            {"RenderTemplates", r.render_templates}};
}

json consul(const ir::Consul& c) {
    return {{"Namespace", c.namespace_}, {"Cluster", c.cluster}, {"Partition", c.partition}};
}

json group(const ir::Group& g, const ir::Job& job) {
    json volumes = nullptr;
    for (const auto& [name, v] : g.volumes) volumes[name] = volume(v);
    json tasks = json::array();
    for (const auto& t : g.tasks) tasks.push_back(task(t, job, g));
    json out = {
        {"Name", g.name},
        {"Count", g.count},
        {"Constraints", list_or_null(g.constraints, constraint)},
        {"Affinities", list_or_null(g.affinities, affinity)},
        {"Spreads", list_or_null(g.spreads, spread)},
        {"Tasks", tasks.empty() ? json(nullptr) : tasks},
        {"Volumes", volumes},
        {"RestartPolicy", restart(g.restart)},
        {"ReschedulePolicy", g.reschedule ? reschedule(*g.reschedule) : json(nullptr)},
        {"EphemeralDisk",
         {{"Sticky", g.ephemeral_disk.sticky}, {"Migrate", g.ephemeral_disk.migrate}, {"SizeMB", g.ephemeral_disk.size_mb}}},
        {"Update", g.update ? update(*g.update) : json(nullptr)},
        {"Migrate", g.migrate ? migrate(*g.migrate) : json(nullptr)},
        {"Networks", list_or_null(g.networks, network)},
        {"Meta", map_or_null(g.meta)},
        {"Services", list_or_null(g.services, service)},
        {"ShutdownDelay", optional_duration(g.shutdown_delay)},
        {"StopAfterClientDisconnect", optional_duration(g.stop_after_client_disconnect)},
        {"MaxClientDisconnect", optional_duration(g.max_client_disconnect)},
        {"PreventRescheduleOnLost", g.prevent_reschedule_on_lost},
        {"Scaling", g.scaling ? scaling(*g.scaling, job, g) : json(nullptr)},
        {"Consul", g.consul ? consul(*g.consul) : json(nullptr)},
        {"Disconnect", g.disconnect ? disconnect(*g.disconnect) : json(nullptr)},
    };
    // Nomad 2.x only; absent from the 1.x form unless the job sets it.
    if (g.max_run_duration) out["MaxRunDuration"] = *g.max_run_duration;
    return out;
}

}  // namespace hjob::emit

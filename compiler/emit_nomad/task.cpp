// Tasks in Nomad API JSON: resources, logs, artifacts, templates, vault, identities.
#include "emit.hpp"

namespace hjob::emit {

namespace {

json device(const ir::Device& d) {
    return {{"Name", d.name},
            {"Count", d.count},
            {"Constraints", list_or_null(d.constraints, constraint)},
            {"Affinities", list_or_null(d.affinities, affinity)}};
}

json resources(const ir::Resources& r) {
    json numa = nullptr;
    if (r.numa) numa = {{"Affinity", r.numa->affinity}, {"Devices", strings_or_null(r.numa->devices)}};
    return {{"CPU", r.cpu},           {"Cores", r.cores},       {"MemoryMB", r.memory_mb},
            {"MemoryMaxMB", r.memory_max_mb}, {"DiskMB", r.disk_mb}, {"IOPS", r.iops},
            {"SecretsMB", r.secrets_mb.value_or(0)}, {"Devices", list_or_null(r.devices, device)},
            {"NUMA", numa}, {"Networks", list_or_null(r.networks, network)}};
}

json artifact(const ir::Artifact& a) {
    return {{"GetterSource", a.source},   {"GetterOptions", map_or_null(a.options)},
            {"GetterHeaders", map_or_null(a.headers)}, {"GetterMode", a.mode},
            {"GetterInsecure", a.insecure}, {"RelativeDest", a.destination}, {"Chown", a.chown}};
}

json templ(const ir::Template& t) {
    json script = nullptr;
    if (t.change_script)
        script = {{"Command", t.change_script->command}, {"Args", t.change_script->args},
                  {"Timeout", t.change_script->timeout}, {"FailOnError", t.change_script->fail_on_error}};
    json wait = nullptr;
    if (t.wait)
        wait = {{"Min", t.wait->min ? json(*t.wait->min) : json(nullptr)},
                {"Max", t.wait->max ? json(*t.wait->max) : json(nullptr)}};
    auto opt_int = [](const std::optional<int>& v) { return v ? json(*v) : json(nullptr); };
    return {{"SourcePath", t.source},     {"DestPath", t.destination},     {"EmbeddedTmpl", t.data},
            {"ChangeMode", t.change_mode}, {"ChangeSignal", t.change_signal}, {"ChangeScript", script},
            {"Splay", t.splay},           {"Perms", t.perms},              {"Uid", opt_int(t.uid)},
            {"Gid", opt_int(t.gid)},       {"LeftDelim", t.left_delimiter}, {"RightDelim", t.right_delimiter},
            {"Envvars", t.env},           {"VaultGrace", t.vault_grace},   {"Wait", wait},
            {"ErrMissingKey", t.error_on_missing_key}, {"Once", t.once}};
}

json vault(const ir::Vault& v) {
    return {{"Policies", strings_or_null(v.policies)}, {"Role", v.role}, {"Namespace", v.namespace_},
            {"Cluster", v.cluster}, {"Env", v.env}, {"DisableFile", v.disable_file},
            {"ChangeMode", v.change_mode}, {"ChangeSignal", v.change_signal},
            {"AllowTokenExpiration", v.allow_token_expiration}};
}

json identity(const ir::Identity& i) {
    return {{"Name", i.name},           {"Audience", strings_or_null(i.audience)}, {"ChangeMode", i.change_mode},
            {"ChangeSignal", i.change_signal}, {"Env", i.env}, {"File", i.file},   {"Filepath", i.filepath},
            {"ServiceName", i.service_name}, {"TTL", i.ttl}};
}

json scaling_policies(const json& policies, const ir::Job& job, const ir::Group& g, const ir::Task& t) {
    if (!policies.is_array() || policies.empty()) return nullptr;
    // The policies are data kept as written: read them defensively.
    auto field = [](const json& p, const char* key, const json& fallback) -> json {
        if (!p.is_object()) return fallback;
        const auto it = p.find(key);
        if (it == p.end()) return fallback;
        return (it->is_number() && fallback.is_number()) || it->type() == fallback.type() ? *it : fallback;
    };
    json out = json::array();
    for (const auto& p : policies)
        out.push_back({{"ID", ""}, {"Namespace", ""}, {"Type", field(p, "type", "")},
                       {"Target", {{"Namespace", job.namespace_}, {"Job", job.id}, {"Group", g.name}, {"Task", t.name}}},
                       {"Min", field(p, "min", 0)}, {"Max", field(p, "max", 0)},
                       {"Policy", p.is_object() && p.contains("policy") ? p.at("policy") : json(nullptr)},
                       {"Enabled", field(p, "enabled", true)}, {"CreateIndex", 0}, {"ModifyIndex", 0}});
    return out;
}

}  // namespace

json task(const ir::Task& t, const ir::Job& job, const ir::Group& g) {
    const auto& l = t.logs;
    json out = {
        {"Name", t.name},
        {"Driver", t.driver},
        {"User", t.user},
        {"Lifecycle", t.lifecycle ? json{{"Hook", t.lifecycle->hook}, {"Sidecar", t.lifecycle->sidecar}} : json(nullptr)},
        {"Config", t.config},
        {"Constraints", list_or_null(t.constraints, constraint)},
        {"Affinities", list_or_null(t.affinities, affinity)},
        {"Env", map_or_null(t.env)},
        {"Services", list_or_null(t.services, service)},
        {"Resources", resources(t.resources)},
        {"RestartPolicy", restart(t.restart)},
        {"Meta", map_or_null(t.meta)},
        {"KillTimeout", t.kill_timeout},
        {"LogConfig", {{"MaxFiles", l.max_files}, {"MaxFileSizeMB", l.max_file_size_mb}, {"Disabled", l.disabled},
                       {"Enabled", l.enabled ? json(*l.enabled) : json(nullptr)}}},
        {"Artifacts", list_or_null(t.artifacts, artifact)},
        {"Vault", t.vault ? vault(*t.vault) : json(nullptr)},
        {"Consul", t.consul ? consul(*t.consul) : json(nullptr)},
        {"Templates", list_or_null(t.templates, templ)},
        {"DispatchPayload", t.dispatch_payload_file ? json{{"File", *t.dispatch_payload_file}} : json(nullptr)},
        {"VolumeMounts", list_or_null(t.volume_mounts, [](const ir::VolumeMount& m) {
             return json{{"Volume", m.volume}, {"Destination", m.destination}, {"ReadOnly", m.read_only},
                         {"PropagationMode", m.propagation_mode}, {"SELinuxLabel", m.selinux_label}};
         })},
        {"Leader", t.leader},
        {"ShutdownDelay", t.shutdown_delay},
        {"KillSignal", t.kill_signal},
        {"Kind", t.kind},
        {"ScalingPolicies", scaling_policies(t.scaling_policies, job, g, t)},
        {"Identity", t.identity ? identity(*t.identity) : json(nullptr)},
        {"Identities", list_or_null(t.identities, identity)},
        {"Actions", list_or_null(t.actions, [](const ir::Action& a) {
             return json{{"Name", a.name}, {"Command", a.command}, {"Args", strings_or_null(a.args)}};
         })},
        {"Schedule", nullptr},
    };
    if (t.csi_plugin) {
        const auto& c = *t.csi_plugin;
        out["CSIPluginConfig"] = {{"ID", c.id}, {"Type", c.type}, {"MountDir", c.mount_dir},
                                  {"StagePublishBaseDir", c.stage_publish_base_dir}, {"HealthTimeout", c.health_timeout}};
    }
    return out;
}

}  // namespace hjob::emit

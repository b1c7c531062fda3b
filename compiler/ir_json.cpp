// The IR's JSON form, version 1: {"ir_version": 1, "job": {...}}. Every struct of ir.hpp is an
// object whose keys are its field names (`namespace_` is written "namespace"); durations are
// integer nanoseconds; an absent optional is null; maps are objects. Reading tolerates
// missing keys (they keep the IR's defaults) so that fields added later stay readable.
#include <nlohmann/json.hpp>

#include "ir.hpp"

namespace nlohmann {
// nlohmann 3.11.2 has no std::optional support: null <-> nullopt.
template <class T>
struct adl_serializer<std::optional<T>> {
    static void to_json(json& j, const std::optional<T>& v) {
        if (v) j = *v;
        else j = nullptr;
    }
    static void from_json(const json& j, std::optional<T>& v) {
        if (j.is_null()) v.reset();
        else v = j.get<T>();
    }
};
}  // namespace nlohmann

namespace hjob::ir {

using nlohmann::json;

namespace {
template <class T>
void get(const json& j, const char* key, T& out) {
    if (const auto it = j.find(key); it != j.end()) it->get_to(out);
}
}  // namespace

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Constraint, attribute, operand, value)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Affinity, attribute, operand, value, weight)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SpreadTarget, value, percent)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Spread, attribute, weight, targets)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Port, label, value, to, host_network, ignore_collision)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DNS, servers, searches, options)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Network, mode, hostname, dns, reserved_ports, dynamic_ports, cni_args,
                                                mbits, device, cidr, ip)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CheckRestart, limit, grace, ignore_warnings)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Check, name, type, command, args, path, protocol, port, address_mode,
                                                initial_status, notes, tls_server_name, expose, tls_skip_verify,
                                                grpc_use_tls, interval, timeout, header, method, body, grpc_service,
                                                task, on_update, check_restart, success_before_passing,
                                                failures_before_critical, failures_before_warning)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Service, name, tags, canary_tags, enable_tag_override, port,
                                                address_mode, address, task, on_update, provider, cluster, kind,
                                                checks, check_restart, connect, meta, canary_meta, tagged_addresses,
                                                weights, identity)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(UpdateStrategy, stagger, max_parallel, health_check, min_healthy_time,
                                                healthy_deadline, progress_deadline, canary, auto_revert, auto_promote)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MigrateStrategy, max_parallel, health_check, min_healthy_time,
                                                healthy_deadline)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RestartPolicy, attempts, interval, delay, mode, render_templates)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReschedulePolicy, attempts, interval, delay, delay_function,
                                                max_delay, unlimited)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Disconnect, lost_after, stop_on_client_after, replace, reconcile)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EphemeralDisk, sticky, migrate, size_mb)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MountOptions, fs_type, mount_flags)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Volume, name, type, source, access_mode, attachment_mode, read_only,
                                                sticky, per_alloc, mount_options)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VolumeMount, volume, destination, propagation_mode, selinux_label,
                                                read_only)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Scaling, type, min, max, enabled, policy)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Device, name, count, constraints, affinities)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Numa, affinity, devices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Resources, cpu, cores, memory_mb, memory_max_mb, disk_mb, iops,
                                                secrets_mb, devices, numa, networks)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LogConfig, max_files, max_file_size_mb, disabled, enabled)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Artifact, source, destination, mode, options, headers, insecure, chown)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ChangeScript, command, args, timeout, fail_on_error)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TemplateWait, min, max)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Template, source, destination, data, change_mode, change_signal,
                                                change_script, splay, perms, left_delimiter, right_delimiter, uid,
                                                gid, env, once, error_on_missing_key, vault_grace, wait)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Lifecycle, hook, sidecar)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Identity, name, audience, change_mode, change_signal, filepath,
                                                service_name, env, file, ttl)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Action, name, command, args)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CsiPlugin, id, type, mount_dir, stage_publish_base_dir,
                                                health_timeout)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Periodic, enabled, specs, single_spec, spec_type, time_zone,
                                                prohibit_overlap)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Parameterized, payload, meta_required, meta_optional)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(UiLink, label, url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Ui, description, links)

// The three structs with a `namespace_` member are written by hand to spell the key.
void to_json(json& j, const Consul& c) {
    j = {{"namespace", c.namespace_}, {"cluster", c.cluster}, {"partition", c.partition}};
}
void from_json(const json& j, Consul& c) {
    get(j, "namespace", c.namespace_);
    get(j, "cluster", c.cluster);
    get(j, "partition", c.partition);
}

void to_json(json& j, const Vault& v) {
    j = {{"policies", v.policies},       {"role", v.role},
         {"namespace", v.namespace_},    {"cluster", v.cluster},
         {"change_mode", v.change_mode}, {"change_signal", v.change_signal},
         {"env", v.env},                 {"disable_file", v.disable_file},
         {"allow_token_expiration", v.allow_token_expiration}};
}
void from_json(const json& j, Vault& v) {
    get(j, "policies", v.policies);
    get(j, "role", v.role);
    get(j, "namespace", v.namespace_);
    get(j, "cluster", v.cluster);
    get(j, "change_mode", v.change_mode);
    get(j, "change_signal", v.change_signal);
    get(j, "env", v.env);
    get(j, "disable_file", v.disable_file);
    get(j, "allow_token_expiration", v.allow_token_expiration);
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Task, name, driver, user, kill_signal, kind, config, env, meta,
                                                lifecycle, constraints, affinities, services, resources, restart,
                                                kill_timeout, shutdown_delay, logs, artifacts, templates, vault,
                                                consul, dispatch_payload_file, volume_mounts, csi_plugin, leader,
                                                identity, identities, actions, scaling_policies, secrets)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Group, name, count, constraints, affinities, spreads, tasks, volumes,
                                                restart, reschedule, ephemeral_disk, update, migrate, networks, meta,
                                                services, shutdown_delay, max_run_duration,
                                                stop_after_client_disconnect, max_client_disconnect,
                                                prevent_reschedule_on_lost, scaling, consul, disconnect)

void to_json(json& j, const Job& v) {
    j = {{"id", v.id},
         {"name", v.name},
         {"type", v.type},
         {"region", v.region},
         {"namespace", v.namespace_},
         {"node_pool", v.node_pool},
         {"priority", v.priority},
         {"all_at_once", v.all_at_once},
         {"datacenters", v.datacenters},
         {"meta", v.meta},
         {"constraints", v.constraints},
         {"affinities", v.affinities},
         {"spreads", v.spreads},
         {"groups", v.groups},
         {"update", v.update},
         {"periodic", v.periodic},
         {"parameterized", v.parameterized},
         {"multiregion", v.multiregion},
         {"ui", v.ui},
         {"consul_namespace", v.consul_namespace},
         {"vault_namespace", v.vault_namespace}};
}

void from_json(const json& j, Job& v) {
    get(j, "id", v.id);
    get(j, "name", v.name);
    get(j, "type", v.type);
    get(j, "region", v.region);
    get(j, "namespace", v.namespace_);
    get(j, "node_pool", v.node_pool);
    get(j, "priority", v.priority);
    get(j, "all_at_once", v.all_at_once);
    get(j, "datacenters", v.datacenters);
    get(j, "meta", v.meta);
    get(j, "constraints", v.constraints);
    get(j, "affinities", v.affinities);
    get(j, "spreads", v.spreads);
    get(j, "groups", v.groups);
    get(j, "update", v.update);
    get(j, "periodic", v.periodic);
    get(j, "parameterized", v.parameterized);
    get(j, "multiregion", v.multiregion);
    get(j, "ui", v.ui);
    get(j, "consul_namespace", v.consul_namespace);
    get(j, "vault_namespace", v.vault_namespace);
}

json to_json(const Job& job) { return json{{"ir_version", ir_version}, {"job", job}}; }

std::optional<Job> from_json(const json& doc, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<Job> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    if (!doc.is_object() || !doc.contains("job")) return fail("not an hjob IR document (no \"job\")");
    const auto version = doc.find("ir_version");
    if (version == doc.end() || !version->is_number_integer() || version->get<int>() != ir_version)
        return fail("unsupported ir_version (this hjob reads version " + std::to_string(ir_version) + ")");
    try {
        return doc.at("job").get<Job>();
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("malformed IR: ") + e.what());
    }
}

}  // namespace hjob::ir

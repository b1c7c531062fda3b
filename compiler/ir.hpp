// hjob's intermediate representation of a compiled job: what the binder produces from a job
// file with every Nomad default applied (so what hjob runs and shows is what Nomad would run),
// what the validator checks, the SQLite state stores (as JSON), the planner diffs and the
// runtime starts tasks from. Plain data: durations are int64 nanoseconds; an empty vector or
// map means "none" (Nomad's null); std::optional marks blocks whose absence matters.
// The JSON form (ir_json.cpp) is versioned by `ir_version`; see docs in that file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/source_map.hpp"
#include "grammar/source.hpp"

namespace hjob::ir {

/// Bumped whenever the JSON form changes incompatibly.
inline constexpr int ir_version = 1;

using Duration = std::int64_t;  ///< nanoseconds
using StringMap = std::map<std::string, std::string>;
using Strings = std::vector<std::string>;

struct Constraint {
    std::string attribute;  ///< Nomad's LTarget
    std::string operand = "=";
    std::string value;  ///< Nomad's RTarget
};

struct Affinity {
    std::string attribute;
    std::string operand = "=";
    std::string value;
    int weight = 50;
};

struct SpreadTarget {
    std::string value;
    int percent = 0;
};

struct Spread {
    std::string attribute;
    int weight = 50;
    std::vector<SpreadTarget> targets;
};

struct Port {
    std::string label;
    int value = 0;  ///< the static port; 0 for a dynamic one
    int to = 0;
    std::string host_network = "default";
    bool ignore_collision = false;
};

struct DNS {
    Strings servers, searches, options;
};

struct Network {
    std::string mode;  ///< "" is host mode, as Nomad stores it
    std::string hostname;
    std::optional<DNS> dns;
    std::vector<Port> reserved_ports;  ///< static ports
    std::vector<Port> dynamic_ports;
    std::optional<StringMap> cni_args;
    int mbits = 0;
    std::string device, cidr, ip;
};

struct CheckRestart {
    int limit = 0;
    Duration grace = 1'000'000'000;
    bool ignore_warnings = false;
};

struct Check {
    std::string name, type, command;
    Strings args;
    std::string path, protocol, port, address_mode, initial_status, notes, tls_server_name;
    bool expose = false, tls_skip_verify = false, grpc_use_tls = false;
    Duration interval = 0, timeout = 0;
    std::map<std::string, Strings> header;
    std::string method, body, grpc_service, task, on_update;
    std::optional<CheckRestart> check_restart;
    int success_before_passing = 0, failures_before_critical = 0, failures_before_warning = 0;
};

struct Service {
    std::string name;
    Strings tags, canary_tags;
    bool enable_tag_override = false;
    std::string port, address_mode = "auto", address, task, on_update = "require_healthy";
    std::string provider = "consul", cluster = "default", kind;
    std::vector<Check> checks;
    std::optional<CheckRestart> check_restart;
    nlohmann::json connect;  ///< the connect block as written (blocks become objects); null when absent
    StringMap meta, canary_meta, tagged_addresses;
    std::optional<std::pair<int, int>> weights;  ///< passing, warning
    nlohmann::json identity;                     ///< null when absent
};

struct UpdateStrategy {
    Duration stagger = 30'000'000'000;
    int max_parallel = 1;
    std::string health_check = "checks";
    Duration min_healthy_time = 10'000'000'000, healthy_deadline = 300'000'000'000;
    Duration progress_deadline = 600'000'000'000;
    int canary = 0;
    bool auto_revert = false, auto_promote = false;
};

struct MigrateStrategy {
    int max_parallel = 1;
    std::string health_check = "checks";
    Duration min_healthy_time = 10'000'000'000, healthy_deadline = 300'000'000'000;
};

struct RestartPolicy {
    int attempts = 2;
    Duration interval = 1'800'000'000'000, delay = 15'000'000'000;
    std::string mode = "fail";
    bool render_templates = false;
};

struct ReschedulePolicy {
    int attempts = 0;
    Duration interval = 0, delay = 30'000'000'000;
    std::string delay_function = "exponential";
    Duration max_delay = 3'600'000'000'000;
    bool unlimited = true;
};

struct Disconnect {
    Duration lost_after = 0;
    std::optional<Duration> stop_on_client_after;
    bool replace = true;
    std::string reconcile = "best_score";
};

struct EphemeralDisk {
    bool sticky = false, migrate = false;
    int size_mb = 300;
};

struct MountOptions {
    std::string fs_type;
    Strings mount_flags;
};

struct Volume {
    std::string name, type, source, access_mode, attachment_mode;
    bool read_only = false, sticky = false, per_alloc = false;
    std::optional<MountOptions> mount_options;
};

struct VolumeMount {
    std::string volume, destination, propagation_mode = "private", selinux_label;
    bool read_only = false;
};

struct Scaling {
    std::string type = "horizontal";
    std::int64_t min = 0, max = 0;
    bool enabled = true;
    nlohmann::json policy;  ///< the policy block as jobspec2 shapes it; null when absent
};

struct Consul {
    std::string namespace_, cluster = "default", partition;
};

struct Device {
    std::string name;
    std::uint64_t count = 1;
    std::vector<Constraint> constraints;
    std::vector<Affinity> affinities;
};

struct Numa {
    std::string affinity = "none";
    Strings devices;
};

struct Resources {
    int cpu = 100, cores = 0, memory_mb = 300, memory_max_mb = 0, disk_mb = 0, iops = 0;
    std::optional<int> secrets_mb;
    std::vector<Device> devices;
    std::optional<Numa> numa;
    std::vector<Network> networks;  ///< deprecated task-level networks
};

struct LogConfig {
    int max_files = 10, max_file_size_mb = 10;
    bool disabled = false;
    std::optional<bool> enabled;
};

struct Artifact {
    std::string source, destination = "local/", mode = "any";
    StringMap options, headers;
    bool insecure = false, chown = false;
};

struct ChangeScript {
    std::string command;
    Strings args;
    Duration timeout = 5'000'000'000;
    bool fail_on_error = false;
};

struct TemplateWait {
    std::optional<Duration> min, max;
};

struct Template {
    std::string source, destination, data, change_mode = "restart", change_signal;
    std::optional<ChangeScript> change_script;
    Duration splay = 5'000'000'000;
    std::string perms = "0644", left_delimiter = "{{", right_delimiter = "}}";
    std::optional<int> uid, gid;
    bool env = false, once = false, error_on_missing_key = false;
    Duration vault_grace = 0;
    std::optional<TemplateWait> wait;
};

struct Vault {
    Strings policies;
    std::string role, namespace_, cluster = "default", change_mode = "restart", change_signal;
    bool env = true, disable_file = false, allow_token_expiration = false;
};

struct Lifecycle {
    std::string hook;
    bool sidecar = false;
};

struct Identity {
    std::string name = "default";
    Strings audience;
    std::string change_mode, change_signal, filepath, service_name;
    bool env = false, file = false;
    Duration ttl = 0;
};

struct Action {
    std::string name, command;
    Strings args;
};

struct CsiPlugin {
    std::string id, type, mount_dir = "/csi", stage_publish_base_dir = "/local/csi";
    Duration health_timeout = 30'000'000'000;
};

struct Task {
    std::string name, driver, user, kill_signal, kind;
    nlohmann::json config;  ///< driver config as jobspec2 decodes it; null when absent
    StringMap env, meta;
    std::optional<Lifecycle> lifecycle;
    std::vector<Constraint> constraints;
    std::vector<Affinity> affinities;
    std::vector<Service> services;
    Resources resources;
    RestartPolicy restart;
    Duration kill_timeout = 5'000'000'000, shutdown_delay = 0;
    LogConfig logs;
    std::vector<Artifact> artifacts;
    std::vector<Template> templates;
    std::optional<Vault> vault;
    std::optional<Consul> consul;
    std::optional<std::string> dispatch_payload_file;
    std::vector<VolumeMount> volume_mounts;
    std::optional<CsiPlugin> csi_plugin;
    bool leader = false;
    std::optional<Identity> identity;  ///< the default identity
    std::vector<Identity> identities;  ///< the named ones
    std::vector<Action> actions;
    nlohmann::json scaling_policies;  ///< task-level (vertical) policies as written; null when absent
    nlohmann::json secrets;           ///< `secret` blocks as written; null when absent
};

struct Group {
    std::string name;
    int count = 1;
    std::vector<Constraint> constraints;
    std::vector<Affinity> affinities;
    std::vector<Spread> spreads;
    std::vector<Task> tasks;
    std::map<std::string, Volume> volumes;
    RestartPolicy restart;
    std::optional<ReschedulePolicy> reschedule;
    EphemeralDisk ephemeral_disk;
    std::optional<UpdateStrategy> update;
    std::optional<MigrateStrategy> migrate;
    std::vector<Network> networks;
    StringMap meta;
    std::vector<Service> services;
    std::optional<Duration> shutdown_delay, max_run_duration;
    std::optional<Duration> stop_after_client_disconnect, max_client_disconnect;
    bool prevent_reschedule_on_lost = false;
    std::optional<Scaling> scaling;
    std::optional<Consul> consul;
    std::optional<Disconnect> disconnect;
};

struct Periodic {
    bool enabled = true;
    Strings specs;          ///< `crons`, or the single deprecated `cron`
    bool single_spec = false;  ///< written as the deprecated `cron` (Nomad's Spec, not Specs)
    std::string spec_type = "cron", time_zone = "UTC";
    bool prohibit_overlap = false;
};

struct Parameterized {
    std::string payload = "optional";
    Strings meta_required, meta_optional;
};

struct UiLink {
    std::string label, url;
};

struct Ui {
    std::string description;
    std::vector<UiLink> links;
};

struct Job {
    std::string id, name, type = "service", region = "global", namespace_ = "default", node_pool = "default";
    int priority = 50;
    bool all_at_once = false;
    Strings datacenters{"*"};
    StringMap meta;
    std::vector<Constraint> constraints;
    std::vector<Affinity> affinities;
    std::vector<Spread> spreads;
    std::vector<Group> groups;
    /// The job-level update strategy after defaults (service jobs always have one); each
    /// group already carries its merged copy.
    std::optional<UpdateStrategy> update;
    std::optional<Periodic> periodic;
    std::optional<Parameterized> parameterized;
    nlohmann::json multiregion;  ///< Enterprise; the block as written, null when absent
    std::optional<Ui> ui;
    std::string consul_namespace, vault_namespace;
};

/// The IR as JSON: {"ir_version": 1, "job": {...}}. Stable: keys are the field names above.
nlohmann::json to_json(const Job& job);
/// Reads what to_json wrote. Never throws: on a malformed document or another ir_version,
/// returns nullopt and sets `error`.
std::optional<Job> from_json(const nlohmann::json& doc, std::string* error = nullptr);

}  // namespace hjob::ir

// The `task` stanza and the task-only blocks: lifecycle, logs, identity, action, csi_plugin,
// task-level scaling, schedule; plus the map stanzas meta/env and the opaque driver config
// (digest §2.3, §2.21, §2.23b, §2.25).
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Block meta =
    block("meta", "Arbitrary key/value metadata, exported as NOMAD_META_<key>.").body(BodyKind::string_map).also_map();
constexpr Block env =
    block("env", "Environment variables of the task; values interpolated at runtime.").body(BodyKind::string_map).also_map();
constexpr Block config =
    block("config", "Driver-specific configuration; checked by the driver on the client.").body(BodyKind::opaque);

constexpr Attribute lifecycle_attrs[] = {
    attr("hook", string, "When the task runs relative to the main tasks.").parse_req().one_of("prestart|poststart|poststop"),
    attr("sidecar", boolean, "Keep the task running alongside the main tasks.").def("false"),
};
constexpr Block lifecycle = block("lifecycle", "Run the task before, beside or after the main tasks.", lifecycle_attrs);

constexpr Attribute logs_attrs[] = {
    attr("max_files", number, "Rotated log files kept per stream (at least 1).").def("10"),
    attr("max_file_size", number, "Size in MB at which a log file is rotated (at least 1).").def("10"),
    attr("disabled", boolean, "Do not collect the task's logs.").def("false"),
    attr("enabled", boolean, "Deprecated: use disabled.").old(),
};
constexpr Block logs = block("logs", "Log rotation of the task's stdout and stderr.", logs_attrs);

constexpr Attribute identity_attrs[] = {
    attr("name", string, "Name of the identity; unnamed is the default identity.").def("default"),
    attr("aud", string_list, "Audiences of the token.").def("[\"nomadproject.io\"]"),
    attr("change_mode", string, "What happens when the token changes.").one_of("noop|restart|signal"),
    attr("change_signal", string, "Signal sent when change_mode is signal."),
    attr("env", boolean, "Expose the token as NOMAD_TOKEN.").def("false"),
    attr("file", boolean, "Write the token to secrets/nomad_token.").def("false"),
    attr("filepath", string, "Where the token file is written."),
    attr("service_name", string, "Service the identity is for."),
    attr("ttl", duration, "Lifetime of the token."),
};
constexpr Block identity = block("identity", "A workload identity token for the task.", identity_attrs).many();

constexpr Attribute action_attrs[] = {
    attr("command", string, "Command run by `nomad action`.").parse_req(),
    attr("args", string_list, "Arguments of the command."),
};
constexpr Block action = block("action", "A named command operators can run in the task.", action_attrs)
                             .labelled("name")
                             .many();

constexpr Attribute csi_plugin_attrs[] = {
    attr("id", string, "ID of the CSI plugin.").req(),
    attr("type", string, "Which CSI services the plugin provides.").req().one_of("node|controller|monolith"),
    attr("mount_dir", string, "Directory in the task where the plugin's socket lives.").def("/csi"),
    attr("stage_publish_base_dir", string, "Base directory of staged and published volumes.").def("/local/csi"),
    attr("health_timeout", duration, "How long the plugin may be unhealthy before it is killed.").def("30s"),
};
constexpr Block csi_plugin = block("csi_plugin", "Run the task as a CSI plugin.", csi_plugin_attrs);

constexpr Attribute task_scaling_attrs[] = {
    attr("min", number, "Lowest value the autoscaler may set."),
    attr("max", number, "Highest value the autoscaler may set."),
    attr("enabled", boolean, "Whether the autoscaler acts on the policy.").def("true"),
    attr("type", string, "Policy type: vertical_cpu or vertical_mem (from the label)."),
};
constexpr const Block* task_scaling_blocks[] = {&scaling_policy};
constexpr Block task_scaling =
    block("scaling", "Vertical autoscaling of cpu or mem (Enterprise).", task_scaling_attrs, task_scaling_blocks)
        .labelled("name")
        .many();

constexpr Block schedule = block("schedule", "Time windows in which the task runs (Enterprise).").body(BodyKind::opaque);

constexpr Attribute task_attrs[] = {
    attr("driver", string, "The task driver: docker, exec, raw_exec, java, qemu or a plugin.").req(),
    attr("user", string, "User the task runs as."),
    attr("kill_timeout", duration, "Time between the kill signal and a forced kill.").def("5s"),
    attr("kill_signal", string, "Signal sent to stop the task (SIGINT, docker: SIGTERM)."),
    attr("shutdown_delay", duration, "Delay between deregistering the task's services and killing it.").def("0s"),
    attr("leader", boolean, "Stop the other tasks of the group when this one stops.").def("false"),
    attr("kind", string, "Internal: marks Connect proxies and gateways."),
};
constexpr const Block* task_blocks[] = {
    &config,   &env,      &meta,         &resources,  &lifecycle, &logs,     &artifact,         &template_,
    &service,  &constraint, &affinity,   &restart,    &vault,     &consul,   &dispatch_payload, &volume_mount,
    &identity, &action,   &secret,       &csi_plugin, &task_scaling, &schedule,
};
constexpr Block task =
    block("task", "A process run by a driver.", task_attrs, task_blocks).labelled("name").many();

}  // namespace hjob::schema::blocks

// The `config` schemas of the drivers hjob knows: exec, raw_exec and docker (digest §2.24,
// Nomad's drivers/*/config.go). In config, blocks and map arguments are interchangeable:
// jobspec2 turns nested blocks into lists of objects, so `labels { a = "b" }` is `labels`.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute exec_attrs[] = {
    attr("command", string, "Program to run.").req(),
    attr("args", string_list, "Arguments of the program."),
    attr("pid_mode", string, "PID namespace.").one_of("private|host"),
    attr("ipc_mode", string, "IPC namespace.").one_of("private|host"),
    attr("cap_add", string_list, "Linux capabilities added."),
    attr("cap_drop", string_list, "Linux capabilities dropped."),
    attr("work_dir", string, "Working directory."),
};
constexpr Block exec_config = block("config", "Configuration of the exec driver.", exec_attrs);

constexpr Attribute raw_exec_attrs[] = {
    attr("command", string, "Program to run.").req(),
    attr("args", string_list, "Arguments of the program."),
    attr("work_dir", string, "Working directory."),
    attr("oom_score_adj", number, "OOM score adjustment of the process."),
    attr("denied_envvars", string_list, "Environment variables removed from the task's environment."),
    attr("cgroup_v2_override", string, "Existing cgroup v2 to run in."),
    attr("cgroup_v1_override", string_map, "Existing cgroup v1 per controller to run in."),
};
constexpr Block raw_exec_config = block("config", "Configuration of the raw_exec driver.", raw_exec_attrs);

constexpr Attribute auth_attrs[] = {
    attr("username", string, "Registry user."),
    attr("password", string, "Registry password."),
    attr("email", string, "Registry e-mail."),
    attr("server_address", string, "Registry address."),
};
constexpr Block docker_auth = block("auth", "Registry credentials.", auth_attrs);

constexpr Attribute logging_attrs[] = {
    attr("type", string, "Docker logging driver."),
    attr("driver", string, "Docker logging driver (alias of type)."),
    attr("config", map_list, "Options of the logging driver."),
};
constexpr Block docker_logging = block("logging", "Docker logging driver of the container.", logging_attrs);

constexpr Attribute mount_attrs[] = {
    attr("type", string, "Mount type.").def("volume").one_of("volume|bind|tmpfs"),
    attr("target", string, "Path in the container."),
    attr("source", string, "Volume name or host path."),
    attr("readonly", boolean, "Mount read-only."),
    attr("bind_options", any, "Bind options: propagation."),
    attr("tmpfs_options", any, "Tmpfs options: size, mode."),
    attr("volume_options", any, "Volume options: no_copy, labels, driver_config."),
};
constexpr Block docker_mount = block("mount", "A mount in the container.", mount_attrs).many();
constexpr Block docker_mounts = block("mounts", "Pre-1.0 spelling of mount.", mount_attrs).many();

constexpr Attribute device_attrs[] = {
    attr("host_path", string, "Device on the host."),
    attr("container_path", string, "Device in the container."),
    attr("cgroup_permissions", string, "rwm permissions."),
};
constexpr Block docker_devices = block("devices", "A host device exposed to the container.", device_attrs).many();

constexpr Attribute healthchecks_attrs[] = {attr("disable", boolean, "Disable the image's HEALTHCHECK.")};
constexpr Block docker_healthchecks = block("healthchecks", "Docker health checks.", healthchecks_attrs);

constexpr Attribute docker_attrs[] = {
    attr("image", string, "Image to run.").req(),
    attr("command", string, "Command run in the container."),
    attr("args", string_list, "Arguments of the command."),
    attr("entrypoint", string_list, "Entrypoint of the container."),
    attr("ports", string_list, "Group port labels published by the container."),
    attr("port_map", number_map_list, "Legacy port label to container port map."),
    attr("network_mode", string, "Docker network mode."),
    attr("network_aliases", string_list, "Aliases in the user-defined network."),
    attr("hostname", string, "Hostname of the container."),
    attr("dns_servers", string_list, "DNS servers."),
    attr("dns_search_domains", string_list, "DNS search domains."),
    attr("dns_options", string_list, "DNS options."),
    attr("extra_hosts", string_list, "Extra /etc/hosts entries."),
    attr("labels", map_list, "Container labels."),
    attr("volumes", string_list, "Bind mounts host:container."),
    attr("volume_driver", string, "Volume driver of named volumes."),
    attr("auth_soft_fail", boolean, "Pull without credentials if authentication fails."),
    attr("force_pull", boolean, "Always pull the image."),
    attr("image_pull_timeout", string, "Time a pull may take.").def("5m"),
    attr("load", string, "Image tarball to load from the task directory."),
    attr("privileged", boolean, "Run privileged."),
    attr("cap_add", string_list, "Linux capabilities added."),
    attr("cap_drop", string_list, "Linux capabilities dropped."),
    attr("security_opt", string_list, "Security options."),
    attr("sysctl", map_list, "Kernel parameters."),
    attr("ulimit", map_list, "Resource limits."),
    attr("storage_opt", string_map, "Storage driver options."),
    attr("pid_mode", string, "PID namespace."),
    attr("ipc_mode", string, "IPC namespace."),
    attr("uts_mode", string, "UTS namespace."),
    attr("userns_mode", string, "User namespace."),
    attr("cgroupns", string, "Cgroup namespace."),
    attr("cpu_hard_limit", boolean, "Limit CPU to the task's share."),
    attr("cpu_cfs_period", number, "CFS period in microseconds.").def("100000"),
    attr("cpuset_cpus", string, "CPUs the container may use."),
    attr("memory_hard_limit", number, "Hard memory limit in MB."),
    attr("shm_size", number, "Size of /dev/shm in bytes."),
    attr("pids_limit", number, "Process limit."),
    attr("oom_score_adj", number, "OOM score adjustment."),
    attr("init", boolean, "Run an init process."),
    attr("tty", boolean, "Allocate a TTY."),
    attr("interactive", boolean, "Keep stdin open."),
    attr("readonly_rootfs", boolean, "Mount the root file system read-only."),
    attr("runtime", string, "OCI runtime."),
    attr("isolation", string, "Windows isolation."),
    attr("work_dir", string, "Working directory."),
    attr("mac_address", string, "MAC address."),
    attr("ipv4_address", string, "IPv4 address in the user-defined network."),
    attr("ipv6_address", string, "IPv6 address in the user-defined network."),
    attr("advertise_ipv6_address", boolean, "Advertise the IPv6 address."),
    attr("group_add", string_list, "Additional groups."),
    attr("container_exists_attempts", number, "Attempts to reuse an existing container."),
};
constexpr const Block* docker_blocks[] = {&docker_auth, &docker_logging, &docker_mount, &docker_mounts, &docker_devices,
                                          &docker_healthchecks};
constexpr Block docker_config = block("config", "Configuration of the docker driver.", docker_attrs, docker_blocks);

}  // namespace hjob::schema::blocks

// `service`, `check` and `check_restart` (digest §2.6-2.8), with the small map blocks a
// service carries. Connect lives in connect.cpp.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute check_restart_attrs[] = {
    attr("limit", number, "Restart the task after this many consecutive unhealthy checks; 0 disables.").def("0"),
    attr("grace", duration, "Time after a (re)start before checks count.").def("1s"),
    attr("ignore_warnings", boolean, "Treat warning as passing.").def("false"),
};
constexpr Block check_restart =
    block("check_restart", "Restart the task when its checks stay unhealthy.", check_restart_attrs);

constexpr Block check_header = block("header", "HTTP headers of the check: Name = [\"value\"].").map_of(string_list);

constexpr Attribute check_attrs[] = {
    attr("type", string, "Kind of check.").req().one_of("http|tcp|grpc|script"),
    attr("name", string, "Name of the check; defaults to `service: \"<name>\" check`."),
    attr("interval", duration, "Time between two checks (at least 1s).").req(),
    attr("timeout", duration, "Time a check may take (at least 1s).").req(),
    attr("path", string, "HTTP path of an http check; relative, no scheme or host."),
    attr("method", string, "HTTP method of an http check.").def("GET"),
    attr("body", string, "HTTP body of an http check."),
    attr("command", string, "Command of a script check."),
    attr("args", string_list, "Arguments of a script check's command."),
    attr("port", string, "Port label (or number with address_mode = \"driver\"); defaults to the service's."),
    attr("protocol", string, "Protocol of an http check.").def("http").one_of("http|https"),
    attr("address_mode", string, "Which address the check uses.").def("host").one_of("host|driver|alloc|alloc_ipv6"),
    attr("initial_status", string, "Status before the first check runs.").one_of("passing|warning|critical"),
    attr("success_before_passing", number, "Consecutive successes before passing (Consul).").def("0"),
    attr("failures_before_critical", number, "Consecutive failures before critical (Consul).").def("0"),
    attr("failures_before_warning", number, "Consecutive failures before warning (Consul).").def("0"),
    attr("tls_server_name", string, "SNI of an https or grpc check."),
    attr("tls_skip_verify", boolean, "Do not verify the certificate.").def("false"),
    attr("grpc_service", string, "Service a grpc check asks about."),
    attr("grpc_use_tls", boolean, "Use TLS for a grpc check.").def("false"),
    attr("task", string, "Task whose namespace runs a group service's script check."),
    attr("on_update", string, "How the check counts during deployments; defaults to the service's.")
        .one_of("require_healthy|ignore_warnings|ignore"),
    attr("expose", boolean, "Expose the check through the Connect sidecar.").def("false"),
    attr("notes", string, "Notes shown in Consul (at most 255 characters)."),
};
constexpr const Block* check_blocks[] = {&check_header, &check_restart};
constexpr Block check = block("check", "A health check of the service.", check_attrs, check_blocks).many();

constexpr Attribute weights_attrs[] = {
    attr("passing", number, "DNS SRV weight while passing.").def("1"),
    attr("warning", number, "DNS SRV weight while warning.").def("1"),
};
constexpr Block weights = block("weights", "DNS SRV weights of the service (Consul).", weights_attrs);

constexpr Attribute service_identity_attrs[] = {
    attr("name", string, "Name of the identity."),
    attr("aud", string_list, "Audiences of the token."),
    attr("ttl", duration, "Lifetime of the token."),
    attr("change_mode", string, "What happens when the token changes.").one_of("noop|restart|signal"),
    attr("change_signal", string, "Signal sent when change_mode is signal."),
    attr("env", boolean, "Expose the token in the environment.").def("false"),
    attr("file", boolean, "Write the token to a file.").def("false"),
    attr("filepath", string, "Where the token file is written."),
};
constexpr Block service_identity =
    block("identity", "Workload identity used to register the service in Consul.", service_identity_attrs);

constexpr Block service_meta = block("meta", "Service metadata.").map_of(string);
constexpr Block canary_meta = block("canary_meta", "Service metadata of canaries.").map_of(string);
constexpr Block tagged_addresses = block("tagged_addresses", "Additional addresses of the service.").map_of(string);

constexpr Attribute service_attrs[] = {
    attr("name", string, "Service name; defaults to <job>-<group>[-<task>]."),
    attr("port", string, "Port label (or a number with address_mode = \"driver\")."),
    attr("tags", string_list, "Tags of the service."),
    attr("canary_tags", string_list, "Tags used instead while the allocation is a canary."),
    attr("enable_tag_override", boolean, "Let Consul anti-entropy keep tags changed outside Nomad.").def("false"),
    attr("address", string, "Address advertised instead of the allocation's."),
    attr("address_mode", string, "Which address is advertised.").def("auto").one_of("auto|host|driver|alloc|alloc_ipv6"),
    attr("task", string, "Task whose network a group service uses."),
    attr("on_update", string, "How checks count during deployments.")
        .def("require_healthy")
        .one_of("require_healthy|ignore_warnings|ignore"),
    attr("provider", string, "Service catalog.").def("consul").one_of("consul|nomad"),
    attr("cluster", string, "Consul cluster the service registers in.").def("default"),
    attr("kind", string, "Consul service kind (internal)."),
};
constexpr const Block* service_blocks[] = {
    &check, &check_restart, &connect, &service_meta, &canary_meta, &tagged_addresses, &weights, &service_identity,
};
constexpr Block service =
    block("service", "Register the task or group in a service catalog.", service_attrs, service_blocks).many();

}  // namespace hjob::schema::blocks

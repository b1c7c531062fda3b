// `network` with `port`, `reserved_ports`, `dns` and `cni` (digest §2.5). The task-level
// network inside resources is the deprecated pre-0.12 form.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute port_attrs[] = {
    attr("static", number, "A fixed host port; omitted or 0 means a dynamic port."),
    attr("to", number, "Port inside the network namespace; -1 means the host port.").def("0"),
    attr("host_network", string, "Client host network the port is allocated on.").def("default"),
    attr("ignore_collision", boolean, "Allow a static port already in use (host mode only).").def("false"),
};
constexpr Block port = block("port", "A port the group needs; the label names it.", port_attrs).labelled("label").many();
constexpr Block reserved_ports =
    block("reserved_ports", "Legacy spelling of a static port.", port_attrs).labelled("label").many().old();

constexpr Attribute dns_attrs[] = {
    attr("servers", string_list, "DNS servers."),
    attr("searches", string_list, "Search domains."),
    attr("options", string_list, "resolv.conf options."),
};
constexpr Block dns = block("dns", "DNS configuration of the network namespace.", dns_attrs);

constexpr Attribute cni_attrs[] = {
    attr("args", string_map, "Arguments passed to CNI plugins as CNI_ARGS."),
};
constexpr Block cni = block("cni", "Arguments for CNI plugins.", cni_attrs);

constexpr Attribute network_attrs[] = {
    attr("mode", string, "Network mode: host, bridge, none or cni/<name>.").def("host"),
    attr("hostname", string, "Hostname inside the network namespace."),
    attr("mbits", number, "Deprecated bandwidth request.").old(),
    attr("device", string, "Legacy: network device."),
    attr("cidr", string, "Legacy: CIDR block."),
    attr("ip", string, "Legacy: IP address."),
};
constexpr const Block* network_blocks[] = {&port, &reserved_ports, &dns, &cni};
constexpr Block network =
    block("network", "Ports and network mode of the group.", network_attrs, network_blocks).many();
constexpr Block task_network =
    block("network", "Deprecated task-level network (use the group's).", network_attrs, network_blocks).many().old();

}  // namespace hjob::schema::blocks

// Consul service mesh: `connect` with sidecar_service, proxy, upstreams, expose, sidecar_task
// and gateway. Gateway listener details are kept open (opaque): they change with Consul.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Block proxy_config = block("config", "Proxy configuration passed to Envoy.").body(BodyKind::opaque);

constexpr Attribute mesh_gateway_attrs[] = {
    attr("mode", string, "How the upstream is reached through mesh gateways.").one_of("local|remote|none"),
};
constexpr Block mesh_gateway = block("mesh_gateway", "Mesh gateway use of the upstream.", mesh_gateway_attrs);

constexpr Attribute upstreams_attrs[] = {
    attr("destination_name", string, "Name of the upstream service.").req(),
    attr("destination_namespace", string, "Consul namespace of the upstream."),
    attr("destination_peer", string, "Cluster peer of the upstream."),
    attr("destination_partition", string, "Admin partition of the upstream."),
    attr("destination_type", string, "Type of the destination: service or prepared_query."),
    attr("local_bind_port", number, "Local port the proxy listens on for the upstream."),
    attr("local_bind_address", string, "Local address the proxy listens on."),
    attr("local_bind_socket_path", string, "Unix socket the proxy listens on."),
    attr("local_bind_socket_mode", string, "Mode of that socket."),
    attr("datacenter", string, "Datacenter of the upstream."),
};
constexpr const Block* upstreams_blocks[] = {&mesh_gateway, &proxy_config};
constexpr Block upstreams =
    block("upstreams", "A service the proxy connects to.", upstreams_attrs, upstreams_blocks).many();

constexpr Attribute expose_path_attrs[] = {
    attr("path", string, "HTTP path to expose.").req(),
    attr("protocol", string, "Protocol of the path.").req().one_of("http|http2"),
    attr("local_path_port", number, "Port the service listens on for the path.").req(),
    attr("listener_port", string, "Port label the path is exposed on.").req(),
};
constexpr Block expose_path = block("path", "A path exposed without mTLS.", expose_path_attrs).many();
constexpr const Block* expose_blocks[] = {&expose_path};
constexpr Block expose = block("expose", "Paths exposed through the proxy without mTLS.", {}, expose_blocks);

constexpr Attribute transparent_proxy_attrs[] = {
    attr("exclude_inbound_ports", string_list, "Inbound ports not redirected."),
    attr("exclude_outbound_ports", string_list, "Outbound ports not redirected."),
    attr("exclude_outbound_cidrs", string_list, "Outbound CIDRs not redirected."),
    attr("exclude_uids", string_list, "UIDs whose traffic is not redirected."),
    attr("no_dns", boolean, "Do not use Consul DNS.").def("false"),
    attr("outbound_port", number, "Port the proxy listens on for outbound traffic."),
};
constexpr Block transparent_proxy =
    block("transparent_proxy", "Redirect traffic through the proxy transparently.", transparent_proxy_attrs);

constexpr Attribute proxy_attrs[] = {
    attr("local_service_address", string, "Address the proxy forwards to.").def("127.0.0.1"),
    attr("local_service_port", number, "Port the proxy forwards to; defaults to the service port."),
};
constexpr const Block* proxy_blocks[] = {&upstreams, &expose, &proxy_config, &transparent_proxy};
constexpr Block proxy = block("proxy", "The sidecar proxy.", proxy_attrs, proxy_blocks);

constexpr Attribute sidecar_service_attrs[] = {
    attr("disable_default_tcp_check", boolean, "Do not add the default TCP check.").def("false"),
    attr("port", string, "Port label of the sidecar's listener."),
    attr("tags", string_list, "Tags of the sidecar service."),
};
constexpr const Block* sidecar_service_blocks[] = {&proxy, &service_meta};
constexpr Block sidecar_service =
    block("sidecar_service", "The Connect sidecar proxy service.", sidecar_service_attrs, sidecar_service_blocks);

constexpr Attribute sidecar_task_attrs[] = {
    attr("name", string, "Name of the sidecar task."),
    attr("driver", string, "Driver of the sidecar task.").def("docker"),
    attr("user", string, "User the sidecar runs as."),
    attr("kill_timeout", duration, "Time between the kill signal and a forced kill.").def("5s"),
    attr("shutdown_delay", duration, "Delay before the sidecar is killed.").def("5s"),
    attr("kill_signal", string, "Signal sent to stop the sidecar."),
};
constexpr const Block* sidecar_task_blocks[] = {&config, &env, &meta, &sidecar_resources, &logs, &volume_mount};
constexpr Block sidecar_task =
    block("sidecar_task", "Overrides of the sidecar proxy task.", sidecar_task_attrs, sidecar_task_blocks);

constexpr Attribute gw_address_attrs[] = {
    attr("address", string, "Address to bind.").req(),
    attr("port", number, "Port to bind.").req(),
};
constexpr Block gw_address = block("envoy_gateway_bind_addresses", "An address the gateway binds.", gw_address_attrs)
                                 .labelled("name")
                                 .many();
constexpr Attribute gateway_proxy_attrs[] = {
    attr("connect_timeout", duration, "Timeout of upstream connections.").def("5s"),
    attr("envoy_gateway_bind_tagged_addresses", boolean, "Bind the service's tagged addresses.").def("false"),
    attr("envoy_gateway_no_default_bind", boolean, "Do not bind the default address.").def("false"),
    attr("envoy_dns_discovery_type", string, "DNS discovery type of Envoy clusters.").one_of("LOGICAL_DNS|STRICT_DNS"),
};
constexpr const Block* gateway_proxy_blocks[] = {&gw_address, &proxy_config};
constexpr Block gateway_proxy = block("proxy", "The gateway's Envoy proxy.", gateway_proxy_attrs, gateway_proxy_blocks);
constexpr Block ingress = block("ingress", "An ingress gateway and its listeners.").body(BodyKind::opaque);
constexpr Block terminating = block("terminating", "A terminating gateway and its services.").body(BodyKind::opaque);
constexpr Block mesh = block("mesh", "A mesh gateway.").body(BodyKind::opaque);
constexpr const Block* gateway_blocks[] = {&gateway_proxy, &ingress, &terminating, &mesh};
constexpr Block gateway = block("gateway", "Run a Consul gateway.", {}, gateway_blocks);

constexpr Attribute connect_attrs[] = {
    attr("native", boolean, "The service speaks Connect natively, without a sidecar.").def("false"),
};
constexpr const Block* connect_blocks[] = {&sidecar_service, &sidecar_task, &gateway};
constexpr Block connect = block("connect", "Consul service mesh for the service.", connect_attrs, connect_blocks);

}  // namespace hjob::schema::blocks

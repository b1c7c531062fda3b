// network with port, reserved_ports, dns and cni. jobspec2 moves `port` blocks with a static
// value to ReservedPorts (normalizeNetworkPorts); the server defaults host_network.
// Source map: ports are recorded by label, /.../networks/<i>/ports/<label>.
#include "decode.hpp"

namespace hjob::bind::detail {

namespace {

ir::Port decode_port(Binder& b, const syntax::Block& blk, const std::string& path) {
    ir::Port p;
    p.label = label(blk);
    Body body = block_body(b, blk, path + "/ports/" + p.label);
    body.get("static", p.value, "value");
    body.get("to", p.to);
    body.get("host_network", p.host_network);
    if (p.host_network.empty()) p.host_network = "default";
    body.get("ignore_collision", p.ignore_collision);
    return p;
}

ir::Network decode_network(Binder& b, const syntax::Block& blk, const std::string& path) {
    ir::Network n;
    Body body = block_body(b, blk, path);
    body.get("mode", n.mode);
    body.get("hostname", n.hostname);
    body.get("mbits", n.mbits);
    body.get("device", n.device);
    body.get("cidr", n.cidr);
    body.get("ip", n.ip);
    if (const auto* dns = body.first("dns")) {
        Body d = block_body(b, *dns, path + "/dns");
        n.dns.emplace();
        d.get("servers", n.dns->servers);
        d.get("searches", n.dns->searches);
        d.get("options", n.dns->options);
    }
    if (const auto* cni = body.first("cni")) {
        Body c = block_body(b, *cni, path + "/cni_args");
        n.cni_args.emplace();
        c.get("args", *n.cni_args, "");
    }
    for (const auto* r : body.blocks("reserved_ports"))
        if (r->labels.size() == 1) n.reserved_ports.push_back(decode_port(b, *r, path));
    std::vector<ir::Port> ports;
    for (const auto* p : body.blocks("port"))
        if (p->labels.size() == 1) ports.push_back(decode_port(b, *p, path));
    if (!ports.empty()) {
        n.reserved_ports.clear();  // jobspec2 replaces them when `port` blocks exist
        for (auto& p : ports) (p.value > 0 ? n.reserved_ports : n.dynamic_ports).push_back(std::move(p));
    }
    return n;
}

}  // namespace

std::vector<ir::Network> decode_networks(Body& body) {
    std::vector<ir::Network> out;
    for (const auto* blk : body.blocks("network"))
        out.push_back(decode_network(body.b, *blk, body.path("networks/" + std::to_string(out.size()))));
    return out;
}

}  // namespace hjob::bind::detail

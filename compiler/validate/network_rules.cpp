// Network rules: port labels well formed and unique in the group (group and task networks
// together), static ports in range and not reserved twice on one host network.
// Labels: Nomad's HCL1 parser required ^[a-zA-Z0-9_]+$ and compared labels case-insensitively;
// HCL2 Nomad accepts any label, but an empty one or one with characters outside letters,
// digits, '_', '-' and '.' cannot name a NOMAD_PORT_<label> variable or a service port, and two
// labels differing only in case collide in the environment of Windows tasks. hjob keeps
// HCL1's error wording for both (what Nomad's own fixtures expect) with the wider charset.
#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

struct PortRef {
    const ir::Port* port;
    std::string path;
    std::string owner;  ///< "taskgroup network" or the task's name
    std::size_t scope;  ///< 0 for the group's networks, else 1 + the network's index among tasks'
};

/// Every port of the group in source order (the IR splits static from dynamic ports).
std::vector<PortRef> ports_of(const Reporter& r, const ir::Group& g, const std::string& path) {
    std::vector<PortRef> out;
    std::size_t scopes = 0;
    auto add = [&](const ir::Network& n, const std::string& np, const std::string& owner, std::size_t scope) {
        for (const auto* list : {&n.reserved_ports, &n.dynamic_ports})
            for (const auto& p : *list) out.push_back({&p, np + "/ports/" + p.label, owner, scope});
    };
    for (std::size_t i = 0; i < g.networks.size(); ++i) add(g.networks[i], path + "/networks/" + std::to_string(i), "taskgroup network", 0);
    for (std::size_t ti = 0; ti < g.tasks.size(); ++ti)
        for (std::size_t i = 0; i < g.tasks[ti].resources.networks.size(); ++i)
            add(g.tasks[ti].resources.networks[i],
                path + "/tasks/" + std::to_string(ti) + "/resources/networks/" + std::to_string(i), g.tasks[ti].name, ++scopes);
    std::stable_sort(out.begin(), out.end(), [&](const PortRef& a, const PortRef& b) {
        return r.at(a.path).range.begin < r.at(b.path).range.begin;
    });
    return out;
}

bool good_label(const std::string& label) {
    return !label.empty() && std::all_of(label.begin(), label.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-' || c == '.';
    });
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Labels must be unique within a network block and between the group's networks and any
/// task's; two tasks' deprecated networks may reuse a label (each task had its own).
void check_labels(Reporter& r, const std::vector<PortRef>& ports) {
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const PortRef& p = ports[i];
        const std::string& label = p.port->label;
        if (!good_label(label)) {
            r.error("port-label", p.path, "Port label does not conform to naming requirements",
                    "Port label does not conform to naming requirements: " + q(label) +
                        " must be non-empty and use only letters, digits, '_', '-' and '.'.");
            continue;
        }
        for (std::size_t j = 0; j < i; ++j) {
            const PortRef& o = ports[j];
            if (lower(o.port->label) != lower(label) || (o.scope != p.scope && o.scope != 0 && p.scope != 0)) continue;
            const bool exact = o.port->label == label;
            r.error("port-label-collision", p.path, exact ? "Port label already in use" : "Port label collision",
                    "found a port label collision: " + label + " (the label " + q(o.port->label) + " of " + o.owner +
                        " already names a port" + (exact ? "" : "; labels are compared ignoring case") + ").");
            break;
        }
    }
}

void check_static(Reporter& r, const std::vector<PortRef>& ports) {
    std::map<std::pair<std::string, int>, const PortRef*> used;
    for (const auto& p : ports) {
        const ir::Port& port = *p.port;
        if (port.value > 65535 || port.value < 0)
            r.error("port-range", r.pick({p.path + "/value", p.path}), "Port " + q(port.label) + " is out of range",
                    "Port " + std::to_string(port.value) + " (" + port.label + ") cannot be greater than 65535 or negative.");
        if (port.to < -1 || port.to > 65535)
            r.error("port-range", r.pick({p.path + "/to", p.path}), "Port " + q(port.label) + " has an invalid to",
                    "Port " + q(port.label) + " cannot be mapped to " + std::to_string(port.to) +
                        ": to must be -1 (same as the host port) or 0 to 65535.");
        if (port.value <= 0 || port.ignore_collision) continue;
        const auto [it, fresh] = used.emplace(std::pair(port.host_network, port.value), &p);
        if (!fresh)
            r.error("static-port-collision", r.pick({p.path + "/value", p.path}), "Static port collision",
                    "Static port " + std::to_string(port.value) + " already reserved by " + it->second->owner + ":" +
                        it->second->port->label + " on host network " + q(port.host_network) + ".");
    }
}

}  // namespace

void check_networks(Reporter& r, const ir::Group& g, const std::string& path) {
    const auto ports = ports_of(r, g, path);
    check_labels(r, ports);
    check_static(r, ports);
}

std::vector<std::string> port_labels(const ir::Group& g) {
    std::vector<std::string> out;
    auto add = [&](const std::vector<ir::Network>& nets) {
        for (const auto& n : nets)
            for (const auto* list : {&n.reserved_ports, &n.dynamic_ports})
                for (const auto& p : *list) out.push_back(p.label);
    };
    add(g.networks);
    for (const auto& t : g.tasks) add(t.resources.networks);
    return out;
}

bool has_port_label(const ir::Group& g, const std::string& label) {
    const auto labels = port_labels(g);
    return std::find(labels.begin(), labels.end(), label) != labels.end();
}

}  // namespace hjob::validate::detail

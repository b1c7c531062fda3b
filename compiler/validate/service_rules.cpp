// Service and check rules (structs Service.Validate, ServiceCheck.validate and the group's
// validateServices): RFC 1123 names, port labels that exist in the group's networks, check
// types, paths, commands, intervals and timeouts, one provider per group.
#include <algorithm>
#include <cctype>

#include "compiler/schema/schema.hpp"
#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

constexpr ir::Duration second = 1'000'000'000;

/// Nomad's args.ReplaceEnvWithPlaceHolder: each ${...} becomes "ENV-VAR" before the name check.
/// Hand-written rather than std::regex: compiling a regex costs more than checking a job.
std::string strip_interpolations(const std::string& name) {
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        const auto open = name.find("${", i);
        const auto close = open == std::string::npos ? std::string::npos : name.find('}', open + 2);
        if (close == std::string::npos) break;
        out.append(name, i, open - i).append("ENV-VAR");
        i = close + 1;
    }
    return out.append(name, i, std::string::npos);
}

/// RFC 1123 label: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen.
bool rfc1123(const std::string& name) {
    const auto alnum = [](unsigned char c) { return std::isalnum(c) != 0; };
    if (name.empty() || name.size() > 63 || !alnum(name.front()) || !alnum(name.back())) return false;
    return std::all_of(name.begin(), name.end(), [&](unsigned char c) { return alnum(c) || c == '-'; });
}

bool numeric(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// A port reference that must name a label of the group: not empty, not interpolated, not a
/// number (a literal port, which Nomad accepts for driver addresses and Connect services).
bool must_exist(const std::string& port) {
    return !port.empty() && port.find("${") == std::string::npos && !numeric(port);
}

// `base` is the service or check; the range is its port argument's when written. Paths are
// picked only for an error: each lookup is a cache miss in a large job's source map.
void check_port_ref(Reporter& r, const ir::Group& g, const std::string& port, const std::string& base,
                    std::string_view kind, const std::string& name) {
    if (!must_exist(port) || has_port_label(g, port)) return;
    const std::string path = r.pick({base + "/port", base});
    const std::string what = std::string(kind) + " " + q(name);
    const std::vector<std::string> labels = port_labels(g);
    const std::vector<std::string_view> views(labels.begin(), labels.end());
    const auto close = schema::suggest(port, views);
    r.error("port-not-found", path, "Port label not found",
            "port label " + q(port) + " referenced by " + what + " does not exist" +
                (close ? ". Did you mean " + q(*close) + "?"
                       : "; declare it with port " + q(port) + " { } in the network block of group " + q(g.name) + "."));
    if (close && r.written(path)) r.fix(q(*close), "Use the port " + q(*close));
}

void check_interval(Reporter& r, const ir::Check& c, const std::string& path) {
    if (c.interval == 0)
        r.error("check-interval", path, "Missing check interval",
                "check " + c.name + " invalid: missing required value interval. Interval cannot be less than 1s");
    else if (c.interval < second)
        r.error("check-interval", r.pick({path + "/interval", path}), "Check interval too short",
                "check " + c.name + " invalid: interval (" + dur(c.interval) + ") cannot be lower than 1s");
    if (c.timeout == 0)
        r.error("check-timeout", path, "Missing check timeout",
                "check " + c.name + " invalid: missing required value timeout. Timeout cannot be less than 1s");
    else if (c.timeout < second)
        r.error("check-timeout", r.pick({path + "/timeout", path}), "Check timeout too short",
                "check " + c.name + " invalid: timeout (" + dur(c.timeout) + ") is lower than required minimum timeout 1s");
}

void check_type(Reporter& r, const ir::Service& s, const ir::Check& c, const std::string& path) {
    const std::string type = lower(c.type);
    auto at = [&] { return r.pick({path + "/type", path}); };
    if (type == "http") {
        if (c.path.empty())
            r.error("check-http-path", path, "Missing http check path", "check " + c.name + " invalid: http type must have a valid http path");
        else if (c.path.find("://") != std::string::npos)
            r.error("check-http-path", path + "/path", "Absolute http check path",
                    "check " + c.name + " invalid: http type must have a relative http path");
    } else if (type == "script") {
        if (c.command.empty())
            r.error("check-script-command", path, "Missing script check command",
                    "check " + c.name + " invalid: script type must have a valid script path");
    } else if (type != "tcp" && type != "grpc") {
        r.error("check-type", at(), "Invalid check type " + q(c.type),
                "check " + c.name + " invalid: invalid type (" + q(c.type) + "), must be one of \"http\", \"tcp\", \"grpc\" or \"script\"");
    }
    if (s.provider == "nomad" && type != "http" && type != "tcp")
        r.error("check-type", at(), "Check type not supported by the nomad provider",
                "check " + c.name + " invalid: services using the nomad provider support only \"http\" and \"tcp\" checks.");
}

void check_fields(Reporter& r, const ir::Service& s, const ir::Check& c, const std::string& path) {
    if (!c.initial_status.empty() && c.initial_status != "passing" && c.initial_status != "warning" &&
        c.initial_status != "critical")
        r.error("check-initial-status", path + "/initial_status", "Invalid initial check state",
                "check " + c.name + " invalid: invalid initial check state (" + c.initial_status +
                    "), must be one of \"passing\", \"warning\", \"critical\" or empty");
    if (c.address_mode == "auto")
        r.error("check-address-mode", path + "/address_mode", "Invalid check address_mode",
                "check " + c.name + " invalid: invalid address_mode \"auto\" - auto only valid for services");
    const std::string type = lower(c.type);
    const bool needs_port = type == "http" || type == "tcp" || type == "grpc";
    if (needs_port && s.port.empty() && c.port.empty() && s.connect.is_null() && !c.expose)
        r.error("check-port", path, "Check requires a port",
                "check " + c.name + " invalid: check requires a port but neither check nor service " + q(s.name) + " have a port");
}

void check_service(Reporter& r, const ir::Group& g, const ir::Service& s, const std::string& path) {
    if (!rfc1123(strip_interpolations(s.name)))
        r.error("service-name", r.pick({path + "/name", path}), "Invalid service name",
                "service name must be valid per RFC 1123 and can contain only alphanumeric characters or dashes and must be no "
                "longer than 63 characters: " + q(s.name));
    if (s.provider != "consul" && s.provider != "nomad")
        r.error("service-provider", path + "/provider", "Invalid service provider",
                "Service provider must be \"consul\" or \"nomad\", not " + q(s.provider) + ".");
    check_port_ref(r, g, s.port, path, "services", s.name);
    for (std::size_t i = 0; i < s.checks.size(); ++i) {
        const ir::Check& c = s.checks[i];
        const std::string cp = path + "/checks/" + std::to_string(i);
        check_type(r, s, c, cp);
        check_interval(r, c, cp);
        check_fields(r, s, c, cp);
        check_port_ref(r, g, c.port, cp, "check", c.name);
    }
}

}  // namespace

void check_services(Reporter& r, const ir::Group& g, const std::string& path) {
    std::string provider;
    auto visit = [&](const std::vector<ir::Service>& services, const std::string& base) {
        for (std::size_t i = 0; i < services.size(); ++i) {
            const std::string sp = base + "/services/" + std::to_string(i);
            check_service(r, g, services[i], sp);
            if (provider.empty()) provider = services[i].provider;
            else if (services[i].provider != provider)
                r.error("service-provider", r.pick({sp + "/provider", sp}), "Multiple service providers in one group",
                        "Multiple service providers used: task group services must use the same provider (" + q(provider) +
                            " and " + q(services[i].provider) + ").");
        }
    };
    visit(g.services, path);
    for (std::size_t ti = 0; ti < g.tasks.size(); ++ti) visit(g.tasks[ti].services, path + "/tasks/" + std::to_string(ti));
}

}  // namespace hjob::validate::detail

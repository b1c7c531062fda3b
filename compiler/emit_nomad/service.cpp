// Services and checks in Nomad API JSON.
#include "emit.hpp"

namespace hjob::emit {

namespace {

json check_restart(const std::optional<ir::CheckRestart>& c) {
    if (!c) return nullptr;
    return {{"Limit", c->limit}, {"Grace", c->grace}, {"IgnoreWarnings", c->ignore_warnings}};
}

json check(const ir::Check& c) {
    return {{"Name", c.name},
            {"Type", c.type},
            {"Command", c.command},
            {"Args", strings_or_null(c.args)},
            {"Path", c.path},
            {"Protocol", c.protocol},
            {"PortLabel", c.port},
            {"Expose", c.expose},
            {"AddressMode", c.address_mode},
            {"Advertise", ""},
            {"Interval", c.interval},
            {"Timeout", c.timeout},
            {"InitialStatus", c.initial_status},
            {"Notes", c.notes},
            {"TLSServerName", c.tls_server_name},
            {"TLSSkipVerify", c.tls_skip_verify},
            {"Header", c.header.empty() ? json(nullptr) : json(c.header)},
            {"Method", c.method},
            {"CheckRestart", check_restart(c.check_restart)},
            {"GRPCService", c.grpc_service},
            {"GRPCUseTLS", c.grpc_use_tls},
            {"TaskName", c.task},
            {"SuccessBeforePassing", c.success_before_passing},
            {"FailuresBeforeCritical", c.failures_before_critical},
            {"FailuresBeforeWarning", c.failures_before_warning},
            {"Body", c.body},
            {"OnUpdate", c.on_update}};
}

}  // namespace

json service(const ir::Service& s) {
    json weights = nullptr;
    if (s.weights) weights = {{"Passing", s.weights->first}, {"Warning", s.weights->second}};
    return {{"Name", s.name},
            {"Tags", strings_or_null(s.tags)},
            {"CanaryTags", strings_or_null(s.canary_tags)},
            {"EnableTagOverride", s.enable_tag_override},
            {"PortLabel", s.port},
            {"AddressMode", s.address_mode},
            {"Address", s.address},
            {"Checks", list_or_null(s.checks, check)},
            {"CheckRestart", check_restart(s.check_restart)},
            {"Connect", s.connect.is_null() ? json(nullptr) : pascal_keys(s.connect)},
            {"Meta", map_or_null(s.meta)},
            {"CanaryMeta", map_or_null(s.canary_meta)},
            {"TaggedAddresses", map_or_null(s.tagged_addresses)},
            {"TaskName", s.task},
            {"OnUpdate", s.on_update},
            {"Identity", s.identity.is_null() ? json(nullptr) : pascal_keys(s.identity)},
            {"Provider", s.provider},
            {"Cluster", s.cluster},
            {"Kind", s.kind},
            {"Weights", weights}};
}

}  // namespace hjob::emit

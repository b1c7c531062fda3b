// Diffs of services and their checks. Services match by name and port label, checks by
// name; tags and canary tags are sets, as Nomad shows them.
#include "runtime/plan/diff_parts.hpp"

namespace hjob::runtime::diffing {
namespace {

ObjectDiff diff_check_restart(const ir::CheckRestart* b, const ir::CheckRestart* a) {
    return object_of("CheckRestart", b, a, [](const ir::CheckRestart& c) {
        return Flat{}.dur("Grace", c.grace).add("IgnoreWarnings", c.ignore_warnings).add("Limit", c.limit);
    });
}

Flat check_flat(const ir::Check& c) {
    Flat f;
    f.add("AddressMode", c.address_mode).add("Body", c.body).add("Command", c.command).add("Expose", c.expose)
        .add("FailuresBeforeCritical", c.failures_before_critical).add("FailuresBeforeWarning", c.failures_before_warning)
        .add("GRPCService", c.grpc_service).add("GRPCUseTLS", c.grpc_use_tls).add("InitialStatus", c.initial_status)
        .dur("Interval", c.interval).add("Method", c.method).add("Name", c.name).add("Notes", c.notes)
        .add("OnUpdate", c.on_update).add("Path", c.path).add("PortLabel", c.port).add("Protocol", c.protocol)
        .add("SuccessBeforePassing", c.success_before_passing).add("TLSServerName", c.tls_server_name)
        .add("TLSSkipVerify", c.tls_skip_verify).add("TaskName", c.task).dur("Timeout", c.timeout).add("Type", c.type);
    for (std::size_t i = 0; i < c.args.size(); ++i) f.add("Args[" + std::to_string(i) + "]", c.args[i]);
    for (const auto& [k, vs] : c.header)
        for (std::size_t i = 0; i < vs.size(); ++i) f.add("Header[" + k + "][" + std::to_string(i) + "]", vs[i]);
    return f;
}

ObjectDiff diff_check(const ir::Check* b, const ir::Check* a) {
    std::vector<ObjectDiff> kids;
    kids.push_back(diff_check_restart(b ? opt(&b->check_restart) : nullptr, a ? opt(&a->check_restart) : nullptr));
    return object_of("Check", b, a, check_flat, std::move(kids));
}

Flat service_flat(const ir::Service& s) {
    Flat f;
    f.add("Address", s.address).add("AddressMode", s.address_mode).add("Cluster", s.cluster)
        .add("EnableTagOverride", s.enable_tag_override).add("Kind", s.kind).add("Name", s.name)
        .add("OnUpdate", s.on_update).add("PortLabel", s.port).add("Provider", s.provider).add("TaskName", s.task);
    f.map("Meta", s.meta).map("CanaryMeta", s.canary_meta).map("TaggedAddresses", s.tagged_addresses);
    return f;
}

ObjectDiff diff_service(const ir::Service* b, const ir::Service* a) {
    std::vector<ObjectDiff> kids;
    kids.push_back(diff_set("Tags", member(b, &ir::Service::tags), member(a, &ir::Service::tags)));
    kids.push_back(diff_set("CanaryTags", member(b, &ir::Service::canary_tags), member(a, &ir::Service::canary_tags)));
    diff_list(kids, member(b, &ir::Service::checks), member(a, &ir::Service::checks),
              [](const ir::Check& c) { return c.name; }, diff_check);
    kids.push_back(diff_check_restart(b ? opt(&b->check_restart) : nullptr, a ? opt(&a->check_restart) : nullptr));
    const auto* wb = b ? opt(&b->weights) : nullptr;
    const auto* wa = a ? opt(&a->weights) : nullptr;
    kids.push_back(object_of("Weights", wb, wa, [](const std::pair<int, int>& w) {
        return Flat{}.add("Passing", w.first).add("Warning", w.second);
    }));
    auto json_object = [&](const char* name, const nlohmann::json* x, const nlohmann::json* y) {
        auto flat = [](const nlohmann::json& j) { return Flat{}.json("", j); };
        kids.push_back(object_of(name, x && !x->is_null() ? x : nullptr, y && !y->is_null() ? y : nullptr, flat));
    };
    json_object("ConsulConnect", member(b, &ir::Service::connect), member(a, &ir::Service::connect));
    json_object("Identity", member(b, &ir::Service::identity), member(a, &ir::Service::identity));
    return object_of("Service", b, a, service_flat, std::move(kids));
}

}  // namespace

void diff_services(std::vector<ObjectDiff>& out, const std::vector<ir::Service>* b, const std::vector<ir::Service>* a) {
    diff_list(out, b, a, [](const ir::Service& s) { return s.name + "\n" + s.port; }, diff_service);
}

}  // namespace hjob::runtime::diffing

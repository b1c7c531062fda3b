// service and check with Nomad's defaults: the service name from job, group and task (with
// ${JOB}, ${TASKGROUP}, ${TASK}, ${BASE} expanded), check names `service: "x" check`, the
// service's check_restart merged into each check, on_update inherited (api/services.go).
#include "decode.hpp"

#include "compiler/schema/schema.hpp"
#include "opaque.hpp"
#include "values.hpp"

namespace hjob::bind::detail {

namespace {

/// A check_restart block as written: grace is only set when given, for Nomad's merge.
struct PartialCheckRestart {
    ir::CheckRestart value;
    bool grace_set = false;
};

std::optional<PartialCheckRestart> check_restart(Binder& b, const syntax::Block* blk, const std::string& path) {
    if (blk == nullptr) return std::nullopt;
    Body body = block_body(b, *blk, path);
    PartialCheckRestart out;
    body.get("limit", out.value.limit);
    out.grace_set = body.duration("grace", out.value.grace);
    body.get("ignore_warnings", out.value.ignore_warnings);
    return out;
}

/// api CheckRestart.Merge then Canonicalize: the check's fields override the service's.
std::optional<ir::CheckRestart> merge(const std::optional<PartialCheckRestart>& service,
                                      const std::optional<PartialCheckRestart>& check) {
    if (!service && !check) return std::nullopt;
    if (!service) return check->value;
    ir::CheckRestart out = service->value;
    if (check) {
        if (check->value.limit > 0) out.limit = check->value.limit;
        if (check->grace_set) out.grace = check->value.grace;
        if (check->value.ignore_warnings) out.ignore_warnings = true;
    }
    return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

ir::Check decode_check(Body& body, const ir::Service& svc, const std::optional<PartialCheckRestart>& svc_restart) {
    ir::Check c;
    for (auto [key, field] : {std::pair{"name", &c.name}, {"type", &c.type}, {"command", &c.command},
                              {"path", &c.path}, {"protocol", &c.protocol}, {"port", &c.port},
                              {"address_mode", &c.address_mode}, {"initial_status", &c.initial_status},
                              {"notes", &c.notes}, {"tls_server_name", &c.tls_server_name}, {"method", &c.method},
                              {"body", &c.body}, {"grpc_service", &c.grpc_service}, {"task", &c.task},
                              {"on_update", &c.on_update}})
        body.get(key, *field);
    body.get("args", c.args);
    body.get("expose", c.expose);
    body.get("tls_skip_verify", c.tls_skip_verify);
    body.get("grpc_use_tls", c.grpc_use_tls);
    body.duration("interval", c.interval);
    body.duration("timeout", c.timeout);
    body.get("success_before_passing", c.success_before_passing);
    body.get("failures_before_critical", c.failures_before_critical);
    body.get("failures_before_warning", c.failures_before_warning);
    if (const auto* header = body.first("header"); header != nullptr && header->body != nullptr) {
        Body h = block_body(body.b, *header, body.path("header"));
        for (const auto& a : header->body->attributes) h.get(a.name, c.header[std::string(a.name)]);
    }
    c.check_restart = merge(svc_restart, check_restart(body.b, body.first("check_restart"), body.path("check_restart")));
    if (c.name.empty()) c.name = "service: " + go_quote(svc.name) + " check";
    if (c.on_update.empty()) c.on_update = svc.on_update;
    return c;
}

ir::Service decode_service(Body& body, const JobLevel& job, const std::string& group, const std::string& task) {
    ir::Service s;
    body.get("name", s.name);
    const std::string base = job.name + "-" + group + (task.empty() ? "" : "-" + task);
    if (s.name.empty()) s.name = base;
    s.name = replace_all(replace_all(s.name, "${JOB}", job.name), "${TASKGROUP}", group);
    s.name = replace_all(replace_all(s.name, "${TASK}", task), "${BASE}", base);
    for (auto [key, field] : {std::pair{"port", &s.port}, {"address", &s.address}, {"address_mode", &s.address_mode},
                              {"task", &s.task}, {"on_update", &s.on_update}, {"provider", &s.provider},
                              {"cluster", &s.cluster}, {"kind", &s.kind}})
        body.get(key, *field);
    body.get("tags", s.tags);
    body.get("canary_tags", s.canary_tags);
    body.get("enable_tag_override", s.enable_tag_override);
    const auto restart = check_restart(body.b, body.first("check_restart"), body.path("check_restart"));
    if (restart) s.check_restart = merge(restart, std::nullopt);
    for (const auto* blk : body.blocks("check")) {
        Body cb = block_body(body.b, *blk, body.path("checks/" + std::to_string(s.checks.size())));
        s.checks.push_back(decode_check(cb, s, restart));
    }
    const schema::Block& svc_schema = *schema::find_block(*schema::find_block(schema::job(), "group"), "service");
    for (const char* name : {"connect", "identity"})
        if (const auto* blk = body.first(name); blk != nullptr && blk->body != nullptr)
            (std::string_view(name) == "connect" ? s.connect : s.identity) =
                written_json(body.b, *blk->body, *schema::find_block(svc_schema, name), body.path(name));
    for (auto [name, field] : {std::pair{"meta", &s.meta}, {"canary_meta", &s.canary_meta},
                               {"tagged_addresses", &s.tagged_addresses}})
        if (const auto* blk = body.first(name); blk != nullptr && blk->body != nullptr)
            *field = string_map_body(body.b, *blk->body, body.path(name));
    if (const auto* w = body.first("weights")) {
        Body wb = block_body(body.b, *w, body.path("weights"));
        s.weights.emplace(1, 1);
        wb.get("passing", s.weights->first);
        wb.get("warning", s.weights->second);
    }
    return s;
}

}  // namespace

std::vector<ir::Service> decode_services(Body& body, const JobLevel& job, const std::string& group,
                                         const std::string& task) {
    std::vector<ir::Service> out;
    for (const auto* blk : body.blocks("service")) {
        Body sb = block_body(body.b, *blk, body.path("services/" + std::to_string(out.size())));
        out.push_back(decode_service(sb, job, group, task));
    }
    return out;
}

}  // namespace hjob::bind::detail

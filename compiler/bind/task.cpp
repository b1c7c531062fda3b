// The task stanza: driver and config (an open map, nested blocks as lists of objects), env and
// meta as block or map, restart merged over the group's, vault inherited from group or job.
#include "check_schema.hpp"
#include "compiler/schema/schema.hpp"
#include "decode.hpp"
#include "opaque.hpp"
#include "values.hpp"

namespace hjob::bind::detail {

namespace {

constexpr ir::Duration default_kill_timeout = 5'000'000'000;

nlohmann::json driver_config(Body& body, const std::string& driver) {
    const auto* config = body.first("config");
    if (config == nullptr || config->body == nullptr) return nullptr;
    if (const schema::Block* s = schema::driver_config(driver)) check_driver_config(body.b, *config, *s);
    body.b.record(body.path("config"), def_range(*config));
    return opaque_json(body.b, *config->body, body.path("config"));
}

/// Task-level (vertical) scaling blocks, labelled "cpu" or "mem" (decodeTaskScalingPolicies).
nlohmann::json scaling_policies(Body& body) {
    nlohmann::json out = nullptr;
    std::map<std::string, const syntax::Block*> seen;
    for (const auto* blk : body.blocks("scaling")) {
        if (blk->labels.size() != 1) continue;
        std::string name = label(*blk);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name != "cpu" && name != "mem") {
            body.b.error("invalid-scaling-name", "Invalid scaling policy name",
                         "scaling policy name must be \"cpu\" or \"mem\"", blk->labels[0].range);
            continue;
        }
        if (const auto it = seen.find(name); it != seen.end()) {
            body.b.error("duplicate-block", "Duplicate scaling \"" + name + "\" block",
                         "Only one scaling " + name + " block is allowed. Another was defined at " +
                             body.b.range_string(def_range(*it->second)) + ".",
                         def_range(*blk));
            continue;
        }
        seen[name] = blk;
        Body s = block_body(body.b, *blk, body.path("scaling_policies/" + name));
        const std::string type = name == "cpu" ? "vertical_cpu" : "vertical_mem";
        if (std::string written; s.get("type", written) && written != type) {  // jobspec2 decodeTaskScalingPolicies
            body.b.error("invalid-scaling-type", "Invalid scaling policy type",
                         "Invalid policy type, expected " + go_quote(type) + " but found " + go_quote(written) + ".",
                         def_range(*blk));
            continue;
        }
        nlohmann::json p = {{"type", type}, {"enabled", true}};
        for (const char* key : {"min", "max", "enabled"})
            if (nlohmann::json v; s.get(key, v)) p[key] = std::move(v);
        if (const auto* policy = s.first("policy"); policy != nullptr && policy->body != nullptr)
            p["policy"] = opaque_json(body.b, *policy->body, s.path("policy"));
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<ir::Action> decode_actions(Body& body) {
    std::vector<ir::Action> out;
    for (const auto* blk : body.blocks("action")) {
        if (blk->labels.size() != 1) continue;
        Body a = block_body(body.b, *blk, body.path("actions/" + std::to_string(out.size())));
        ir::Action act;
        act.name = label(*blk);
        a.get("command", act.command);
        a.get("args", act.args);
        out.push_back(std::move(act));
    }
    return out;
}

void decode_extras(Body& body, ir::Task& t) {
    if (const auto* l = body.first("lifecycle")) {
        Body lb = block_body(body.b, *l, body.path("lifecycle"));
        ir::Lifecycle lc;
        lb.get("hook", lc.hook);
        lb.get("sidecar", lc.sidecar);
        if (!lc.hook.empty()) t.lifecycle = lc;  // api TaskLifecycle.Empty(): no hook, no lifecycle
    }
    if (const auto* d = body.first("dispatch_payload")) {
        Body db = block_body(body.b, *d, body.path("dispatch_payload_file"));
        t.dispatch_payload_file.emplace();
        db.get("file", *t.dispatch_payload_file, "");
    }
    if (const auto* c = body.first("csi_plugin")) {
        Body cb = block_body(body.b, *c, body.path("csi_plugin"));
        ir::CsiPlugin p;
        cb.get("id", p.id);
        cb.get("type", p.type);
        cb.get("mount_dir", p.mount_dir);
        cb.get("stage_publish_base_dir", p.stage_publish_base_dir);
        cb.duration("health_timeout", p.health_timeout);
        t.csi_plugin = std::move(p);
    }
    const schema::Block& task_schema = *schema::find_block(*schema::find_block(schema::job(), "group"), "task");
    for (const auto* s : body.blocks("secret")) {
        if (s->labels.size() != 1 || s->body == nullptr) continue;
        nlohmann::json secret = written_json(body.b, *s->body, *schema::find_block(task_schema, "secret"),
                                             body.path("secrets/" + label(*s)));
        secret["name"] = label(*s);
        t.secrets.push_back(std::move(secret));
    }
}

}  // namespace

ir::Task decode_task(Binder& b, const syntax::Block& block, const GroupLevel& group, const std::string& path) {
    ir::Task t;
    t.name = label(block);
    Body body = block_body(b, block, path);
    body.get("driver", t.driver);
    body.get("user", t.user);
    body.get("kill_signal", t.kill_signal);
    body.get("kind", t.kind);
    body.get("leader", t.leader);
    body.duration("kill_timeout", t.kill_timeout);
    if (t.kill_timeout == 0) t.kill_timeout = default_kill_timeout;  // the server's Task.Canonicalize
    body.duration("shutdown_delay", t.shutdown_delay);
    t.config = driver_config(body, t.driver);
    t.env = decode_string_map(body, "env");
    t.meta = decode_string_map(body, "meta");
    t.constraints = decode_constraints(body);
    t.affinities = decode_affinities(body);
    t.services = decode_services(body, group.job, group.name, t.name);
    t.resources = decode_resources(b, body.first("resources"), body.path("resources"));
    t.restart = group.restart;
    if (const auto* r = body.first("restart")) apply_restart(b, *r, t.restart, body.path("restart"));
    t.logs = decode_logs(b, body.first("logs"), body.path("logs"));
    t.artifacts = decode_artifacts(body);
    t.templates = decode_templates(body);
    const syntax::Block* vault = body.first("vault");
    if (vault == nullptr) vault = group.vault != nullptr ? group.vault : group.job.vault;
    t.vault = decode_vault(b, vault, body.path("vault"));
    t.consul = decode_consul(b, body.first("consul"), body.path("consul"));
    t.volume_mounts = decode_volume_mounts(body);
    decode_identities(body, t);
    t.actions = decode_actions(body);
    t.scaling_policies = scaling_policies(body);
    decode_extras(body, t);
    return t;
}

}  // namespace hjob::bind::detail

// The task's sub-blocks with Nomad's defaults: resources, logs, artifact, template, vault,
// volume_mount and identity (api/tasks.go, api/resources.go Canonicalize; jobspec2 normalize).
#include "decode.hpp"

#include <algorithm>
#include <cctype>

namespace hjob::bind::detail {

namespace {

std::string indexed(Body& body, std::string_view list, std::size_t i) {
    return body.path(std::string(list) + "/" + std::to_string(i));
}

/// Go's path.Base then filepath.Join("local", ...): an artifact's default file destination.
std::string local_file_destination(std::string_view source) {
    while (source.size() > 1 && source.back() == '/') source.remove_suffix(1);
    const auto slash = source.rfind('/');
    std::string base(slash == std::string_view::npos ? source : source.substr(slash + 1));
    if (base.empty()) base = ".";
    return base == "." ? "local" : "local/" + base;
}

ir::Template decode_template(Body& t) {
    ir::Template out;
    std::optional<std::string> signal;
    t.get("source", out.source);
    t.get("destination", out.destination);
    t.get("data", out.data);
    t.get("change_mode", out.change_mode);
    t.get("change_signal", signal);
    t.duration("splay", out.splay);
    t.get("perms", out.perms);
    t.get("uid", out.uid);
    t.get("gid", out.gid);
    t.get("left_delimiter", out.left_delimiter);
    t.get("right_delimiter", out.right_delimiter);
    t.get("env", out.env);
    t.get("once", out.once);
    t.get("error_on_missing_key", out.error_on_missing_key);
    t.duration("vault_grace", out.vault_grace);
    if (signal) {
        out.change_signal = *signal;
        for (char& c : out.change_signal) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (out.change_mode == "signal") {
        out.change_signal = "SIGHUP";
    }
    if (const auto* cs = t.first("change_script")) {
        Body s = block_body(t.b, *cs, t.path("change_script"));
        out.change_script.emplace();
        s.get("command", out.change_script->command);
        s.get("args", out.change_script->args);
        s.duration("timeout", out.change_script->timeout);
        s.get("fail_on_error", out.change_script->fail_on_error);
    }
    if (const auto* w = t.first("wait")) {
        Body s = block_body(t.b, *w, t.path("wait"));
        out.wait.emplace();
        s.duration("min", out.wait->min);
        s.duration("max", out.wait->max);
    }
    return out;
}

ir::Identity decode_identity(Body& i) {
    ir::Identity out;
    out.name.clear();
    i.get("name", out.name);
    i.get("aud", out.audience, "audience");
    i.get("change_mode", out.change_mode);
    i.get("change_signal", out.change_signal);
    i.get("env", out.env);
    i.get("file", out.file);
    i.get("filepath", out.filepath);
    i.get("service_name", out.service_name);
    i.duration("ttl", out.ttl);
    return out;
}

}  // namespace

ir::Resources decode_resources(Binder& b, const syntax::Block* block, const std::string& path) {
    ir::Resources r;
    if (block == nullptr) return r;
    Body body = block_body(b, *block, path);
    const bool cpu = body.get("cpu", r.cpu);
    // Nomad: with cores set and no cpu, cpu is 0 rather than the default 100.
    if (body.get("cores", r.cores) && !cpu) r.cpu = 0;
    body.get("memory", r.memory_mb, "memory_mb");
    body.get("memory_max", r.memory_max_mb, "memory_max_mb");
    body.get("disk", r.disk_mb, "disk_mb");
    body.get("iops", r.iops);
    body.get("secrets", r.secrets_mb, "secrets_mb");
    for (const auto* d : body.blocks("device")) {
        if (d->labels.size() != 1) continue;
        Body db = block_body(b, *d, indexed(body, "devices", r.devices.size()));
        ir::Device dev;
        dev.name = label(*d);
        std::int64_t count = 1;
        if (db.get("count", count) && count >= 0) dev.count = static_cast<std::uint64_t>(count);
        dev.constraints = decode_constraints(db);
        dev.affinities = decode_affinities(db);
        r.devices.push_back(std::move(dev));
    }
    if (const auto* n = body.first("numa")) {
        Body nb = block_body(b, *n, body.path("numa"));
        r.numa.emplace();
        nb.get("affinity", r.numa->affinity);
        nb.get("devices", r.numa->devices);
    }
    r.networks = decode_networks(body);
    return r;
}

ir::LogConfig decode_logs(Binder& b, const syntax::Block* block, const std::string& path) {
    ir::LogConfig l;
    if (block == nullptr) return l;
    Body body = block_body(b, *block, path);
    body.get("max_files", l.max_files);
    body.get("max_file_size", l.max_file_size_mb, "max_file_size_mb");
    body.get("disabled", l.disabled);
    body.get("enabled", l.enabled);
    return l;
}

std::vector<ir::Artifact> decode_artifacts(Body& body) {
    std::vector<ir::Artifact> out;
    for (const auto* blk : body.blocks("artifact")) {
        Body a = block_body(body.b, *blk, indexed(body, "artifacts", out.size()));
        ir::Artifact art;
        a.get("source", art.source);
        a.get("mode", art.mode);
        if (!a.get("destination", art.destination) && art.mode == "file")
            art.destination = local_file_destination(art.source);
        a.get("insecure", art.insecure);
        a.get("chown", art.chown);
        for (auto [name, field] : {std::pair{"options", &art.options}, {"headers", &art.headers}})
            if (const auto* m = a.first(name); m != nullptr && m->body != nullptr)
                *field = string_map_body(body.b, *m->body, a.path(name));
        out.push_back(std::move(art));
    }
    return out;
}

std::vector<ir::Template> decode_templates(Body& body) {
    std::vector<ir::Template> out;
    for (const auto* blk : body.blocks("template")) {
        Body t = block_body(body.b, *blk, indexed(body, "templates", out.size()));
        out.push_back(decode_template(t));
    }
    return out;
}

std::optional<ir::Vault> decode_vault(Binder& b, const syntax::Block* block, const std::string& path) {
    if (block == nullptr) return std::nullopt;
    Body body = block_body(b, *block, path);
    ir::Vault v;
    body.get("policies", v.policies);
    body.get("role", v.role);
    body.get("namespace", v.namespace_);
    body.get("cluster", v.cluster);
    body.get("env", v.env);
    body.get("disable_file", v.disable_file);
    body.get("change_mode", v.change_mode);
    if (!body.get("change_signal", v.change_signal)) v.change_signal = "SIGHUP";
    body.get("allow_token_expiration", v.allow_token_expiration);
    if (v.cluster.empty()) v.cluster = "default";
    return v;
}

std::vector<ir::VolumeMount> decode_volume_mounts(Body& body) {
    std::vector<ir::VolumeMount> out;
    for (const auto* blk : body.blocks("volume_mount")) {
        Body m = block_body(body.b, *blk, indexed(body, "volume_mounts", out.size()));
        ir::VolumeMount vm;
        m.get("volume", vm.volume);
        m.get("destination", vm.destination);
        m.get("read_only", vm.read_only);
        m.get("propagation_mode", vm.propagation_mode);
        m.get("selinux_label", vm.selinux_label);
        out.push_back(std::move(vm));
    }
    return out;
}

void decode_identities(Body& body, ir::Task& task) {
    for (const auto* blk : body.blocks("identity")) {
        Body i = block_body(body.b, *blk, indexed(body, "identities", task.identities.size()));
        ir::Identity id = decode_identity(i);
        // An unnamed identity, or one named "default", is the task's default identity.
        if (id.name.empty() || id.name == "default") {
            id.name = "default";
            task.identity = std::move(id);
        } else {
            task.identities.push_back(std::move(id));
        }
    }
    if (!task.identity) task.identity.emplace();
    if (task.identity->audience.empty()) task.identity->audience = {"nomadproject.io"};
}

}  // namespace hjob::bind::detail

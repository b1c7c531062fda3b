// The group's volume requests, horizontal scaling (its policy kept as jobspec2 shapes it) and
// consul block.
#include "decode.hpp"
#include "opaque.hpp"

namespace hjob::bind::detail {

std::map<std::string, ir::Volume> decode_volumes(Body& body) {
    std::map<std::string, ir::Volume> out;
    for (const auto* blk : body.blocks("volume")) {
        if (blk->labels.size() != 1) continue;
        ir::Volume v;
        v.name = label(*blk);
        Body vb = block_body(body.b, *blk, body.path("volumes/" + v.name));
        vb.get("type", v.type);
        vb.get("source", v.source);
        vb.get("read_only", v.read_only);
        vb.get("sticky", v.sticky);
        vb.get("per_alloc", v.per_alloc);
        vb.get("access_mode", v.access_mode);
        vb.get("attachment_mode", v.attachment_mode);
        if (const auto* m = vb.first("mount_options")) {
            Body mb = block_body(body.b, *m, vb.path("mount_options"));
            v.mount_options.emplace();
            mb.get("fs_type", v.mount_options->fs_type);
            mb.get("mount_flags", v.mount_options->mount_flags);
        }
        out.emplace(v.name, std::move(v));  // a repeated label keeps the first, as Go's map decode would not
    }
    return out;
}

std::optional<ir::Scaling> decode_scaling(Binder& b, const syntax::Block* block, const std::string& path,
                                          std::optional<std::int64_t>& min) {
    if (block == nullptr) return std::nullopt;
    Body body = block_body(b, *block, path);
    ir::Scaling s;
    body.get("min", min, "min");
    body.get("max", s.max);
    body.get("enabled", s.enabled);
    body.get("type", s.type);
    if (s.type.empty()) s.type = "horizontal";
    if (const auto* p = body.first("policy"); p != nullptr && p->body != nullptr)
        s.policy = opaque_json(b, *p->body, body.path("policy"));
    return s;
}

std::optional<ir::Consul> decode_consul(Binder& b, const syntax::Block* block, const std::string& path) {
    if (block == nullptr) return std::nullopt;
    Body body = block_body(b, *block, path);
    ir::Consul c;
    body.get("namespace", c.namespace_);
    body.get("cluster", c.cluster);
    body.get("partition", c.partition);
    if (c.cluster.empty()) c.cluster = "default";
    return c;
}

}  // namespace hjob::bind::detail

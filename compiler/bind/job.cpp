// The entry point and the job stanza: exactly one `job` block, its ID from the label and its
// name from the ID, job-level defaults (api Job.Canonicalize and the server's), job-level
// tasks wrapped into implicit groups placed before the explicit ones (jobspec2 normalizeJob).
#include "check_schema.hpp"
#include "compiler/schema/schema.hpp"
#include "decode.hpp"
#include "dynamic.hpp"
#include "opaque.hpp"

namespace hjob::bind::detail {

namespace {

std::optional<ir::Periodic> decode_periodic(Body& body) {
    const auto* blk = body.first("periodic");
    if (blk == nullptr) return std::nullopt;
    Body p = block_body(body.b, *blk, body.path("periodic"));
    ir::Periodic out;
    p.get("enabled", out.enabled);
    std::string cron;
    if (p.get("cron", cron, "specs")) {
        out.specs = {cron};
        out.single_spec = true;
    }
    p.get("crons", out.specs, "specs");
    p.get("prohibit_overlap", out.prohibit_overlap);
    p.get("time_zone", out.time_zone);
    if (out.time_zone.empty()) out.time_zone = "UTC";
    return out;
}

std::optional<ir::Parameterized> decode_parameterized(Body& body) {
    const auto* blk = body.first("parameterized");
    if (blk == nullptr) return std::nullopt;
    Body p = block_body(body.b, *blk, body.path("parameterized"));
    ir::Parameterized out;
    p.get("payload", out.payload);
    if (out.payload.empty()) out.payload = "optional";
    p.get("meta_required", out.meta_required);
    p.get("meta_optional", out.meta_optional);
    return out;
}

std::optional<ir::Ui> decode_ui(Body& body) {
    const auto* blk = body.first("ui");
    if (blk == nullptr) return std::nullopt;
    Body u = block_body(body.b, *blk, body.path("ui"));
    ir::Ui out;
    u.get("description", out.description);
    for (const auto* l : u.blocks("link")) {
        Body lb = block_body(body.b, *l, u.path("links/" + std::to_string(out.links.size())));
        ir::UiLink link;
        lb.get("label", link.label);
        lb.get("url", link.url);
        out.links.push_back(std::move(link));
    }
    return out;
}

void scalars(Body& body, ir::Job& j) {
    body.get("id", j.id);
    j.name = j.id;
    body.get("name", j.name);
    body.get("type", j.type);
    body.get("region", j.region);
    body.get("namespace", j.namespace_);
    body.get("node_pool", j.node_pool);
    body.get("priority", j.priority);
    body.get("all_at_once", j.all_at_once);
    body.get("datacenters", j.datacenters);
    // The server fills these when empty (structs Job.Canonicalize, job_default_priority).
    if (j.type.empty()) j.type = "service";
    if (j.region.empty()) j.region = "global";
    if (j.namespace_.empty()) j.namespace_ = "default";
    if (j.node_pool.empty()) j.node_pool = "default";
    if (j.priority == 0) j.priority = 50;
    if (j.datacenters.empty()) j.datacenters = {"*"};
}

JobLevel job_level(Body& body, const ir::Job& j) {
    JobLevel level;
    level.id = j.id;
    level.name = j.name;
    level.type = j.type;
    level.namespace_ = j.namespace_;
    level.update = body.first("update");
    level.migrate = body.first("migrate");
    level.reschedule = body.first("reschedule");
    level.vault = body.first("vault");
    if (level.update != nullptr) {
        level.effective_update.emplace();
        apply_update(body.b, *level.update, *level.effective_update, body.path("update"));
    } else if (j.type == "service") {
        level.effective_update.emplace();
    }
    return level;
}

}  // namespace

ir::Job decode_job(Binder& b, const syntax::Block& block) {
    ir::Job j;
    j.id = label(block);
    Body body = block_body(b, block, "");
    scalars(body, j);
    j.meta = decode_string_map(body, "meta");
    j.constraints = decode_constraints(body);
    j.affinities = decode_affinities(body);
    j.spreads = decode_spreads(body);
    const JobLevel level = job_level(body, j);
    j.update = level.effective_update;
    j.periodic = decode_periodic(body);
    j.parameterized = decode_parameterized(body);
    j.ui = decode_ui(body);
    if (const auto* m = body.first("multiregion"); m != nullptr && m->body != nullptr)
        j.multiregion = written_json(b, *m->body, *schema::find_block(schema::job(), "multiregion"), "/multiregion");
    std::vector<GroupBlock> groups;
    for (const auto* t : body.blocks("task"))
        if (t->labels.size() == 1) groups.push_back({t, true});
    for (const auto* g : body.blocks("group"))
        if (g->labels.size() == 1) groups.push_back({g, false});
    j.groups = decode_groups(b, groups, level);
    return j;
}

}  // namespace hjob::bind::detail

namespace hjob::bind {

CompileResult compile_job(const syntax::SyntaxTree& tree, const CompileOptions& options) {
    CompileResult result;
    result.source_map.file = tree.file;
    if (tree.file == nullptr || tree.body == nullptr) return result;
    // About one recorded path of some 30 bytes per 40 bytes of job text: sized once.
    const std::size_t text = tree.file->text().size();
    result.source_map.reserve(text / 40 + 64, text + 4096);
    detail::Binder b(*tree.file, options.context, result.diagnostics, result.source_map);
    b.threads = options.threads;
    const bool top_level_ok = detail::check_file_schema(b, *tree.body);
    const syntax::Block* job = nullptr;
    bool any = false;
    for (const auto& blk : tree.body->blocks) {
        if (blk.type != "job") continue;
        any = true;
        if (blk.labels.size() != 1) continue;  // reported by the schema pass
        if (job == nullptr) {
            job = &blk;
            continue;
        }
        b.error("duplicate-job", "Duplicate job block",
                "Only one block of type \"job\" is allowed. Previous definition was at " +
                    b.range_string(detail::def_range(*job)) + ".",
                detail::def_range(blk));
    }
    if (!any && top_level_ok) b.error("missing-job", "Missing job block", "A job block is required", Range{});
    if (job != nullptr) {
        syntax::Block expanded = *job;
        if (job->body != nullptr) {
            expanded.body = const_cast<syntax::Body*>(&detail::expand_dynamic(b, *job->body));
            detail::check_schema(b, *expanded.body, schema::job(), job->open_brace);
        }
        result.job = detail::decode_job(b, expanded);
    }
    result.source_map.index();
    return result;
}

}  // namespace hjob::bind

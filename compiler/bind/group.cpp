// The group stanza, with api TaskGroup.Canonicalize's layering: count from scaling.min,
// update/reschedule/migrate merged from the job's blocks over type-dependent defaults,
// restart defaults per job type.
#include "decode.hpp"

namespace hjob::bind::detail {

namespace {

/// The policies every group gets, whether written or implied by a job-level task.
void policies(Binder& b, ir::Group& g, const JobLevel& job, Body* body, const std::string& path) {
    const syntax::Block* update = body ? body->first("update") : nullptr;
    const syntax::Block* reschedule = body ? body->first("reschedule") : nullptr;
    const syntax::Block* migrate = body ? body->first("migrate") : nullptr;
    if (update != nullptr) {
        g.update = job.effective_update.value_or(ir::UpdateStrategy{});
        apply_update(b, *update, *g.update, path + "/update");
    } else if (job.effective_update && !is_empty(*job.effective_update)) {
        g.update = job.effective_update;
    }
    if (reschedule != nullptr || job.reschedule != nullptr || job.type != "system") {
        g.reschedule = default_reschedule(job.type);
        if (job.reschedule) apply_reschedule(b, *job.reschedule, *g.reschedule, path + "/reschedule");
        if (reschedule) apply_reschedule(b, *reschedule, *g.reschedule, path + "/reschedule");
    }
    if (migrate != nullptr || job.migrate != nullptr || job.type == "service") {
        g.migrate.emplace();
        if (job.migrate) apply_migrate(b, *job.migrate, *g.migrate, path + "/migrate");
        if (migrate) apply_migrate(b, *migrate, *g.migrate, path + "/migrate");
    }
    g.restart = default_restart(job.type);
    if (const syntax::Block* restart = body ? body->first("restart") : nullptr)
        apply_restart(b, *restart, g.restart, path + "/restart");
}

void scalars(Body& body, ir::Group& g) {
    std::optional<std::int64_t> min;
    g.scaling = decode_scaling(body.b, body.first("scaling"), body.path("scaling"), min);
    std::optional<int> count;
    body.get("count", count);
    g.count = count ? *count : min ? static_cast<int>(*min) : 1;
    if (g.scaling) g.scaling->min = min ? *min : g.count;
    body.duration("shutdown_delay", g.shutdown_delay);
    body.duration("max_run_duration", g.max_run_duration);
    body.duration("stop_after_client_disconnect", g.stop_after_client_disconnect);
    body.duration("max_client_disconnect", g.max_client_disconnect);
    body.get("prevent_reschedule_on_lost", g.prevent_reschedule_on_lost);
}

}  // namespace

ir::Group decode_group(Binder& b, const syntax::Block& block, const JobLevel& job, const std::string& path) {
    ir::Group g;
    g.name = label(block);
    Body body = block_body(b, block, path);
    scalars(body, g);
    g.ephemeral_disk = decode_ephemeral_disk(b, body.first("ephemeral_disk"), body.path("ephemeral_disk"));
    policies(b, g, job, &body, path);
    if (const auto* d = body.first("disconnect")) g.disconnect = decode_disconnect(b, *d, body.path("disconnect"));
    g.constraints = decode_constraints(body);
    g.affinities = decode_affinities(body);
    g.spreads = decode_spreads(body);
    g.networks = decode_networks(body);
    g.volumes = decode_volumes(body);
    g.meta = decode_string_map(body, "meta");
    g.services = decode_services(body, job, g.name, "");
    g.consul = decode_consul(b, body.first("consul"), body.path("consul"));
    const GroupLevel level{job, g.name, g.restart, body.first("vault")};
    for (const auto* t : body.blocks("task"))
        if (t->labels.size() == 1)
            g.tasks.push_back(decode_task(b, *t, level, path + "/tasks/" + std::to_string(g.tasks.size())));
    return g;
}

ir::Group implicit_group(Binder& b, const syntax::Block& task, const JobLevel& job, const std::string& path) {
    ir::Group g;
    g.name = label(task);
    b.record(path, def_range(task));
    policies(b, g, job, nullptr, path);
    const GroupLevel level{job, g.name, g.restart, nullptr};
    g.tasks.push_back(decode_task(b, task, level, path + "/tasks/0"));
    return g;
}

}  // namespace hjob::bind::detail

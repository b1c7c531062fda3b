// Rollout and failure policies and their type-dependent defaults (api/jobs.go and
// api/tasks.go Canonicalize; digest §2.9-2.12, §2.19).
#include "decode.hpp"

namespace hjob::bind::detail {

namespace {

constexpr ir::Duration second = 1'000'000'000;

}  // namespace

bool is_empty(const ir::UpdateStrategy& u) {
    return u.stagger == 0 && u.max_parallel == 0 && u.health_check.empty() && u.min_healthy_time == 0 &&
           u.healthy_deadline == 0 && u.progress_deadline == 0 && !u.auto_revert && !u.auto_promote && u.canary == 0;
}

void apply_update(Binder& b, const syntax::Block& block, ir::UpdateStrategy& u, const std::string& path) {
    Body body = block_body(b, block, path);
    body.duration("stagger", u.stagger);
    body.get("max_parallel", u.max_parallel);
    body.get("health_check", u.health_check);
    body.duration("min_healthy_time", u.min_healthy_time);
    body.duration("healthy_deadline", u.healthy_deadline);
    body.duration("progress_deadline", u.progress_deadline);
    body.get("canary", u.canary);
    body.get("auto_revert", u.auto_revert);
    body.get("auto_promote", u.auto_promote);
}

void apply_migrate(Binder& b, const syntax::Block& block, ir::MigrateStrategy& m, const std::string& path) {
    Body body = block_body(b, block, path);
    body.get("max_parallel", m.max_parallel);
    body.get("health_check", m.health_check);
    body.duration("min_healthy_time", m.min_healthy_time);
    body.duration("healthy_deadline", m.healthy_deadline);
}

void apply_restart(Binder& b, const syntax::Block& block, ir::RestartPolicy& r, const std::string& path) {
    Body body = block_body(b, block, path);
    body.get("attempts", r.attempts);
    body.duration("interval", r.interval);
    body.duration("delay", r.delay);
    body.get("mode", r.mode);
    body.get("render_templates", r.render_templates);
}

void apply_reschedule(Binder& b, const syntax::Block& block, ir::ReschedulePolicy& r, const std::string& path) {
    Body body = block_body(b, block, path);
    body.get("attempts", r.attempts);
    body.duration("interval", r.interval);
    body.duration("delay", r.delay);
    body.get("delay_function", r.delay_function);
    body.duration("max_delay", r.max_delay);
    body.get("unlimited", r.unlimited);
}

ir::RestartPolicy default_restart(const std::string& job_type) {
    ir::RestartPolicy r;  // service and system: 2 attempts in 30m
    if (job_type != "service" && job_type != "system") {
        r.attempts = 3;
        r.interval = 24 * 3600 * second;
    }
    return r;
}

ir::ReschedulePolicy default_reschedule(const std::string& job_type) {
    if (job_type == "service") return ir::ReschedulePolicy{};  // unlimited, exponential from 30s to 1h
    if (job_type == "batch")
        return ir::ReschedulePolicy{1, 24 * 3600 * second, 5 * second, "constant", 0, false};
    // System, sysbatch and unknown types: Nomad's all-zero policy.
    return ir::ReschedulePolicy{0, 0, 0, "", 0, false};
}

ir::EphemeralDisk decode_ephemeral_disk(Binder& b, const syntax::Block* block, const std::string& path) {
    ir::EphemeralDisk d;
    if (block == nullptr) return d;
    Body body = block_body(b, *block, path);
    body.get("size", d.size_mb, "size_mb");
    body.get("sticky", d.sticky);
    body.get("migrate", d.migrate);
    return d;
}

ir::Disconnect decode_disconnect(Binder& b, const syntax::Block& block, const std::string& path) {
    ir::Disconnect d;
    b.record(path, def_range(block));
    Body body = block_body(b, block, path);
    body.duration("lost_after", d.lost_after);
    body.duration("stop_on_client_after", d.stop_on_client_after);
    body.get("replace", d.replace);
    body.get("reconcile", d.reconcile);
    return d;
}

}  // namespace hjob::bind::detail

// Update, migrate, restart and reschedule rules (structs UpdateStrategy.Validate,
// MigrateStrategy.Validate, RestartPolicy.Validate, ReschedulePolicy.Validate) and which job
// types allow each block. A job-level block merged into a group is reported where written.
#include <functional>

#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

constexpr ir::Duration second = 1'000'000'000;

/// Where a group's copy of a job-level block was written: the group's own block, else the job's.
std::string where(const Reporter& r, const std::string& gp, const std::string& block, const std::string& field = {}) {
    const std::string tail = field.empty() ? "" : "/" + field;
    return r.pick({gp + "/" + block + tail, "/" + block + tail, gp + "/" + block, "/" + block, gp});
}

void check_update(Reporter& r, const ir::Group& g, const std::string& gp) {
    const ir::UpdateStrategy& u = *g.update;
    auto at = [&](const char* f) { return where(r, gp, "update", f); };
    if (u.health_check != "checks" && u.health_check != "task_states" && u.health_check != "manual")
        r.error("update-health-check", at("health_check"), "Invalid health check given: " + q(u.health_check),
                "health_check must be \"checks\", \"task_states\" or \"manual\".");
    if (u.max_parallel < 0)
        r.error("update-max-parallel", at("max_parallel"), "Max parallel can not be less than zero: " + std::to_string(u.max_parallel) + " < 0", "");
    if (u.canary < 0) r.error("update-canary", at("canary"), "Canary count can not be less than zero: " + std::to_string(u.canary) + " < 0", "");
    if (u.min_healthy_time < 0)
        r.error("update-min-healthy-time", at("min_healthy_time"), "Minimum healthy time may not be less than zero: " + dur(u.min_healthy_time), "");
    if (u.healthy_deadline <= 0)
        r.error("update-healthy-deadline", at("healthy_deadline"), "Healthy deadline must be greater than zero: " + dur(u.healthy_deadline), "");
    if (u.progress_deadline < 0)
        r.error("update-progress-deadline", at("progress_deadline"), "Progress deadline must be zero or greater: " + dur(u.progress_deadline), "");
    if (u.min_healthy_time >= u.healthy_deadline)
        r.error("update-min-healthy-time", at("min_healthy_time"), "Minimum healthy time must be less than healthy deadline",
                "Minimum healthy time must be less than healthy deadline: " + dur(u.min_healthy_time) + " > " + dur(u.healthy_deadline));
    if (u.progress_deadline != 0 && u.healthy_deadline >= u.progress_deadline)
        r.error("update-healthy-deadline", at("healthy_deadline"), "Healthy deadline must be less than progress deadline",
                "Healthy deadline must be less than progress deadline: " + dur(u.healthy_deadline) + " > " + dur(u.progress_deadline));
    if (u.stagger <= 0) r.error("update-stagger", at("stagger"), "Stagger must be greater than zero: " + dur(u.stagger), "");
    if (u.auto_promote && u.canary == 0)
        r.error("update-auto-promote", at("auto_promote"), "Auto Promote requires a Canary count greater than zero",
                "auto_promote promotes canaries; set canary to 1 or more, or remove auto_promote.");
}

void check_migrate(Reporter& r, const ir::Group& g, const std::string& gp) {
    const ir::MigrateStrategy& m = *g.migrate;
    auto at = [&](const char* f) { return where(r, gp, "migrate", f); };
    if (m.max_parallel < 0) r.error("migrate", at("max_parallel"), "MaxParallel must be >= 0 but found " + std::to_string(m.max_parallel), "");
    if (m.health_check != "checks" && m.health_check != "task_states")
        r.error("migrate", at("health_check"), "Invalid health check given: " + q(m.health_check),
                "migrate health_check must be \"checks\" or \"task_states\".");
    if (m.min_healthy_time < 0) r.error("migrate", at("min_healthy_time"), "MinHealthyTime must be >= 0 but found " + dur(m.min_healthy_time), "");
    if (m.healthy_deadline < 0) r.error("migrate", at("healthy_deadline"), "HealthyDeadline must be >= 0 but found " + dur(m.healthy_deadline), "");
    if (m.min_healthy_time > m.healthy_deadline)
        r.error("migrate", at("min_healthy_time"), "MinHealthyTime must be less than HealthyDeadline",
                "MinHealthyTime must be less than HealthyDeadline: " + dur(m.min_healthy_time) + " > " + dur(m.healthy_deadline));
}

// The block's path is found only for an error (`block` picks it): a path lookup is a cache
// miss in a large job's source map.
void check_restart(Reporter& r, const ir::RestartPolicy& p, const std::function<std::string()>& block) {
    auto at = [&](const char* f) {
        const std::string rp = block();
        return r.pick({rp + "/" + f, rp});
    };
    if (p.mode != "delay" && p.mode != "fail")
        r.error("restart-mode", at("mode"), "Unsupported restart mode: " + q(p.mode), "mode must be \"fail\" or \"delay\".");
    else if (p.attempts == 0 && p.mode != "fail")
        r.error("restart-mode", at("attempts"), "Restart policy " + q(p.mode) + " with 0 attempts is ambiguous",
                "With attempts = 0 the mode must be \"fail\".");
    if (p.interval < 5 * second)
        r.error("restart-interval", at("interval"), "Interval can not be less than 5s (got " + dur(p.interval) + ")", "");
    else if (p.attempts > 0 && p.delay > 0 && static_cast<double>(p.attempts) * static_cast<double>(p.delay) > static_cast<double>(p.interval))
        r.error("restart-interval", at("interval"), "Restart policy cannot fit in its interval",
                "Nomad can't restart the TaskGroup " + std::to_string(p.attempts) + " times in an interval of " + dur(p.interval) +
                    " with a delay of " + dur(p.delay));
}

void check_reschedule(Reporter& r, const ir::ReschedulePolicy& p, const std::function<std::string()>& block) {
    if (p.attempts == 0 && !p.unlimited) return;  // disabled: Nomad checks nothing else
    auto at = [&](const char* f) {
        const std::string at_block = block();
        return r.pick({at_block + "/" + f, at_block});
    };
    if (p.delay < 5 * second) r.error("reschedule", at("delay"), "Delay cannot be less than 5s (got " + dur(p.delay) + ")", "");
    const std::string& f = p.delay_function;
    if (f != "constant" && f != "exponential" && f != "fibonacci")
        r.error("reschedule", at("delay_function"), "Invalid delay function " + q(f),
                "delay_function must be one of \"constant\", \"exponential\" or \"fibonacci\".");
    else if (f != "constant" && p.max_delay < p.delay)
        r.error("reschedule", at("max_delay"), "Max Delay cannot be less than Delay " + dur(p.delay) + " (got " + dur(p.max_delay) + ")", "");
    if (!p.unlimited && p.interval < 15 * second)
        r.error("reschedule", at("interval"), "Interval cannot be less than 15s (got " + dur(p.interval) + ")", "");
}

void check_types(Reporter& r, const ir::Job& job, const std::string& gp) {
    // The type first: whether a block was written is a source-map lookup.
    const auto written = [&](const char* block) { return r.written(gp + "/" + block) || r.written(std::string("/") + block); };
    if (job.type != "service" && job.type != "system" && written("update"))
        r.error("update-type", where(r, gp, "update"), "Job type " + q(job.type) + " does not allow update block",
                "Only service and system jobs have deployments; remove the update block.");
    if (job.type != "service" && written("migrate"))
        r.error("migrate-type", where(r, gp, "migrate"), "Job type " + q(job.type) + " does not allow migrate block",
                "Only service jobs are migrated when a node drains; remove the migrate block.");
    const bool reschedule = (job.type == "system" || job.type == "sysbatch") && written("reschedule");
    if (reschedule && job.type == "system")
        r.error("reschedule-type", where(r, gp, "reschedule"), "System jobs should not have a reschedule policy",
                "A system job runs on every eligible node and is never rescheduled; remove the reschedule block.");
    if (reschedule && job.type == "sysbatch")  // ignored before Nomad 1.11, rejected since
        r.warning("reschedule-sysbatch", where(r, gp, "reschedule"), "Sysbatch jobs should not have a reschedule policy",
                  "Nomad ignored the reschedule block of sysbatch jobs before 1.11 and rejects it since; remove it.");
}

}  // namespace

void check_policies(Reporter& r, const ir::Job& job, const ir::Group& g, const std::string& gp) {
    check_types(r, job, gp);
    if (g.update && (job.type == "service" || job.type == "system")) check_update(r, g, gp);
    if (g.migrate && job.type == "service") check_migrate(r, g, gp);
    // Only the group's policy: Nomad validates TaskGroup.RestartPolicy, not the task-level
    // blocks merged over it (a task restart {} that does not fit its interval is accepted).
    check_restart(r, g.restart, [&] { return r.pick({gp + "/restart", gp}); });
    if (g.reschedule && job.type != "system" && job.type != "sysbatch")
        check_reschedule(r, *g.reschedule, [&] { return where(r, gp, "reschedule"); });
}

}  // namespace hjob::validate::detail

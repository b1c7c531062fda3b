// Rollout and failure policies: `update`, `migrate`, `restart`, `reschedule`
// (digest §2.9-2.12). Defaults that depend on the job type are documented per attribute.
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute update_attrs[] = {
    attr("max_parallel", number, "Allocations updated at once; 0 disables deployments.").def("1"),
    attr("health_check", string, "How allocation health is decided.").def("checks").one_of("checks|task_states|manual"),
    attr("min_healthy_time", duration, "Time an allocation must stay healthy.").def("10s"),
    attr("healthy_deadline", duration, "Time an allocation has to become healthy.").def("5m"),
    attr("progress_deadline", duration, "Time the deployment has to make progress; 0 disables.").def("10m"),
    attr("auto_revert", boolean, "Revert to the last stable version when the deployment fails.").def("false"),
    attr("auto_promote", boolean, "Promote canaries once all are healthy.").def("false"),
    attr("canary", number, "Canaries placed before the rolling update.").def("0"),
    attr("stagger", duration, "Deprecated: delay between rolling batches.").def("30s"),
};
constexpr Block update = block("update", "Rolling update and deployment strategy.", update_attrs);

constexpr Attribute migrate_attrs[] = {
    attr("max_parallel", number, "Allocations migrated at once when nodes drain.").def("1"),
    attr("health_check", string, "How allocation health is decided.").def("checks").one_of("checks|task_states"),
    attr("min_healthy_time", duration, "Time an allocation must stay healthy.").def("10s"),
    attr("healthy_deadline", duration, "Time an allocation has to become healthy.").def("5m"),
};
constexpr Block migrate = block("migrate", "How allocations leave a draining node (service jobs).", migrate_attrs);

constexpr Attribute restart_attrs[] = {
    attr("attempts", number, "Restarts allowed per interval (service/system 2, batch/sysbatch 3)."),
    attr("interval", duration, "Window the attempts are counted in (service 30m, batch 24h)."),
    attr("delay", duration, "Wait before a restart.").def("15s"),
    attr("mode", string, "What happens when the attempts are used up.").def("fail").one_of("fail|delay"),
    attr("render_templates", boolean, "Re-render templates on restart.").def("false"),
};
constexpr Block restart = block("restart", "Local restarts of failed tasks.", restart_attrs);

constexpr Attribute reschedule_attrs[] = {
    attr("attempts", number, "Reschedules allowed per interval (service 0, batch 1)."),
    attr("interval", duration, "Window the attempts are counted in (service 0, batch 24h)."),
    attr("delay", duration, "Wait before the first reschedule (service 30s, batch 5s)."),
    attr("delay_function", string, "How the delay grows (service exponential, batch constant).")
        .one_of("constant|exponential|fibonacci"),
    attr("max_delay", duration, "Upper bound of the delay (service 1h, batch 0)."),
    attr("unlimited", boolean, "Reschedule without limit (service true, batch false)."),
};
constexpr Block reschedule =
    block("reschedule", "Moving failed allocations to other nodes (not system jobs).", reschedule_attrs);

}  // namespace hjob::schema::blocks

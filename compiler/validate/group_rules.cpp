// Group rules (structs TaskGroup.Validate): count, tasks with unique names, one leader at most,
// a main task, the ephemeral disk, volumes and what each job type allows.
#include <map>

#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

/// A Connect gateway service: Nomad injects the gateway's proxy task into its group.
bool has_gateway(const ir::Group& g) {
    for (const auto& s : g.services)
        if (s.connect.is_object() && s.connect.contains("gateway")) return true;
    return false;
}

void check_tasks(Reporter& r, const ir::Group& g, const std::string& path) {
    if (g.tasks.empty() && !has_gateway(g)) r.error("group-tasks", path, "Missing tasks for task group", "Group " + q(g.name) + " has no task block.");
    std::map<std::string, std::size_t> seen;
    int leaders = 0;
    bool main_task = false;
    for (std::size_t i = 0; i < g.tasks.size(); ++i) {
        const ir::Task& t = g.tasks[i];
        const auto [it, fresh] = seen.emplace(t.name, i);
        if (!fresh)
            r.error("duplicate-task", path + "/tasks/" + std::to_string(i), "Duplicate task name",
                    "Task " + std::to_string(i + 1) + " redefines '" + t.name + "' from task " + std::to_string(it->second + 1));
        if (t.leader && ++leaders == 2)
            r.error("leader", path + "/tasks/" + std::to_string(i) + "/leader", "Only one task may be marked as leader",
                    "Group " + q(g.name) + " has more than one task with leader = true.");
        main_task = main_task || !t.lifecycle;
    }
    if (!g.tasks.empty() && !main_task)
        r.warning("no-main-task", path, "Group without a main task",
                "Every task of group " + q(g.name) + " has a lifecycle hook; at least one task must have none.");
}

void check_volumes(Reporter& r, const ir::Job& job, const ir::Group& g, const std::string& path) {
    for (const auto& [name, v] : g.volumes) {
        const std::string vp = path + "/volumes/" + name;
        if (v.type != "host" && v.type != "csi")
            r.error("volume-type", r.pick({vp + "/type", vp}), "Invalid volume type: " + q(v.type),
                    "Volume " + q(name) + " must have type \"host\" or \"csi\".");
        if (v.source.empty()) r.error("volume-source", vp, "Volume has an empty source", "Volume " + q(name) + " needs a source.");
        if (v.per_alloc && (job.type == "system" || job.type == "sysbatch"))
            r.error("volume-per-alloc", vp + "/per_alloc", "Volume per_alloc not allowed",
                    "per_alloc is not allowed in " + q(job.type) + " jobs, whose allocations have no stable index.");
    }
    for (std::size_t ti = 0; ti < g.tasks.size(); ++ti)
        for (std::size_t i = 0; i < g.tasks[ti].volume_mounts.size(); ++i) {
            const auto& m = g.tasks[ti].volume_mounts[i];
            if (g.volumes.count(m.volume) == 0) {
                const std::string mp = path + "/tasks/" + std::to_string(ti) + "/volume_mounts/" + std::to_string(i);
                r.error("volume-mount", r.pick({mp + "/volume", mp}), "Volume mount references an undefined volume",
                        "Volume Mount (" + std::to_string(i) + ") references undefined volume " + m.volume +
                            "; declare it with a volume block in group " + q(g.name) + ".");
            }
        }
}

void check_counts(Reporter& r, const ir::Job& job, const ir::Group& g, const std::string& path) {
    if (g.count < 0) r.error("group-count", path + "/count", "Task group count can't be negative", "count must be 0 or more.");
    if (g.ephemeral_disk.size_mb < 10)
        r.error("ephemeral-disk", r.pick({path + "/ephemeral_disk/size_mb", path + "/ephemeral_disk"}),
                "minimum DiskMB value is 10; got " + std::to_string(g.ephemeral_disk.size_mb),
                "The ephemeral disk of group " + q(g.name) + " must be at least 10 MB.");
    if (g.max_run_duration && job.type != "batch" && job.type != "sysbatch")
        r.error("max-run-duration", path + "/max_run_duration", "max_run_duration is only allowed on batch and sysbatch jobs",
                "A " + q(job.type) + " job runs until stopped; remove max_run_duration or change the job type.");
    if (g.scaling) {
        const std::string sp = path + "/scaling";
        if (g.scaling->type != "horizontal")
            r.error("scaling-type", r.pick({sp + "/type", sp}), "Invalid group scaling type",
                    "task group scaling policy had invalid type: " + q(g.scaling->type));
        if (g.scaling->max < g.scaling->min)
            r.error("scaling-range", r.pick({sp + "/max", sp}), "Scaling policy invalid",
                    "maximum count must be greater than or equal to minimum count (" + std::to_string(g.scaling->max) + " < " +
                        std::to_string(g.scaling->min) + ").");
        else if (g.count > g.scaling->max)
            r.error("scaling-range", r.pick({path + "/count", sp}), "task group count must not be greater than maximum count in scaling policy",
                    "count is " + std::to_string(g.count) + ", scaling max is " + std::to_string(g.scaling->max) + ".");
        else if (g.count < g.scaling->min)
            r.error("scaling-range", r.pick({path + "/count", sp}), "task group count must not be less than minimum count in scaling policy",
                    "count is " + std::to_string(g.count) + ", scaling min is " + std::to_string(g.scaling->min) + ".");
    }
}

}  // namespace

void check_group(Reporter& r, const ir::Job& job, const ir::Group& g, const std::string& path) {
    check_tasks(r, g, path);
    check_volumes(r, job, g, path);
    check_counts(r, job, g, path);
}

}  // namespace hjob::validate::detail

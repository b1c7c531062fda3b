// The one rule engine that decides whether moving an allocation from one version of its group
// to another is a create/destroy (destructive) update or an in-place one, after Nomad's
// scheduler tasksUpdated (reference §4.4). It reads the structural diff, so the field it names
// is the one the plan shows; the planner uses its verdict both for the group counts and for the
// task annotations, so the two can never disagree (unlike Nomad: hashicorp/nomad#25070).
#pragma once

#include <map>
#include <string>

#include "compiler/ir.hpp"
#include "runtime/plan/diff.hpp"

namespace hjob::runtime::rules {

struct Verdict {
    enum Kind { none, inplace, destructive };
    Kind kind = none;
    std::string reason;  ///< for destructive: the diff path that forced it ("Config.image")
};

/// A task's own destructive changes: driver, user, config, env, meta, resources (cpu, cores,
/// memory, memory_max, secrets, devices, numa, networks), artifacts, templates, vault,
/// consul, identities, secrets, volume mounts, csi_plugin, logs.disabled and
/// restart.render_templates. Anything else that changed is in-place.
Verdict task_verdict(const TaskDiff& d);

struct GroupVerdict {
    Verdict overall;                        ///< what every allocation of the group gets
    Verdict group;                          ///< group-level cause (task set, disk, network, ...)
    std::map<std::string, Verdict> tasks;   ///< per task name (own changes, or combined meta)
};

/// Compares a group of the allocation's job version (`old_job`, `old_group`) with the new one.
/// `diff` is diff_group(old_group, new_group). When nothing destructive changed the verdict is
/// in-place if the job spec changed at all (`spec_changed`), else none.
GroupVerdict group_verdict(const ir::Job& old_job, const ir::Group& old_group, const ir::Job& new_job,
                           const ir::Group& new_group, const GroupDiff& diff, bool spec_changed);

}  // namespace hjob::runtime::rules

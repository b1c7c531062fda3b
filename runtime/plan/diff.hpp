// The structural diff of two job versions, shaped after Nomad's structs/diff.go (JobDiff,
// TaskGroupDiff, TaskDiff, ObjectDiff, FieldDiff) so that the text looks like `nomad job plan`.
// Pure data: annotations ("forces create/destroy update") are added by the planner from the
// rule engine (rules.hpp), never guessed from the diff.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/ir.hpp"

namespace hjob::runtime {

enum class DiffType { None, Added, Deleted, Edited };

/// "None", "Added", "Deleted", "Edited" (Nomad's spelling, used in JSON).
const char* to_string(DiffType t);

/// One primitive value. Values are strings as Nomad shows them, except durations, which are
/// human ("30s", "1m30s") rather than nanoseconds. Old == "" means Added, New == "" Deleted.
struct FieldDiff {
    DiffType type = DiffType::None;
    std::string name, old_value, new_value;
    std::vector<std::string> annotations;  ///< "forces create" / "forces destroy" on Count
};

struct ObjectDiff {
    DiffType type = DiffType::None;
    std::string name;
    std::vector<FieldDiff> fields;
    std::vector<ObjectDiff> objects;
};

struct TaskDiff {
    DiffType type = DiffType::None;
    std::string name;
    std::vector<FieldDiff> fields;
    std::vector<ObjectDiff> objects;
    /// "forces create", "forces destroy", "forces in-place update" or
    /// "forces create/destroy update"; filled by the planner.
    std::vector<std::string> annotations;
    /// For a create/destroy update: the diff path of the first field that forced it
    /// ("Config.image", "Resources.MemoryMB", "EphemeralDisk.SizeMB", "task added").
    std::string forced_by;
};

struct GroupDiff {
    DiffType type = DiffType::None;
    std::string name;
    std::vector<FieldDiff> fields;
    std::vector<ObjectDiff> objects;
    std::vector<TaskDiff> tasks;
    /// Nomad's update keys ("create", "destroy", "migrate", "canary", "in-place update",
    /// "create/destroy update", "ignore") with non-zero counts; filled by the planner.
    std::map<std::string, int> updates;
};

struct JobDiff {
    DiffType type = DiffType::None;
    std::string id;
    std::vector<FieldDiff> fields;
    std::vector<ObjectDiff> objects;
    std::vector<GroupDiff> groups;
};

/// The contextual diff of `before` (nullptr: the job is new) against `after` (nullptr: the
/// job is being removed). Groups and tasks match by name, templates and artifacts by
/// destination, ports by label, services by name and port, constraints by string form.
/// Unchanged fields of changed objects are listed with type None, as Nomad's plan does.
JobDiff diff_jobs(const ir::Job* before, const ir::Job* after);

}  // namespace hjob::runtime

// The planner's public API: what `hjob plan` shows and `hjob apply` commits.
//
// Contract. make_plan() is a pure function of its PlanInput: no I/O, no SQLite, no clock (the
// only time is PlanInput::now) and no randomness. Every id it makes (allocations, deployment)
// is derived from PlanInput::id_seed, and every tie between nodes is broken by a shuffle seeded
// from it, so the same input always gives the same plan, byte for byte: a saved plan is applied
// by planning again against the unchanged state (same seed) and committing the result. The
// caller (the state) gathers the input: the new job, its current stored version, the nodes,
// this job's allocations, what other jobs already use on each node, the active deployment.
// The plan holds the diff (with annotations), per group counts (Nomad's DesiredTGUpdates),
// the allocations to create, stop and update in place, placement failures with every reason
// and its node count, and the deployment to create. Both the task annotations and the counts
// come from one rule engine (rules.hpp), so they cannot disagree. The plan never refers back
// to the input: it owns copies of everything it returns. make_plan does not throw on any
// job the compiler accepts; a job it must refuse (type change) gets `errors` and no changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/model.hpp"
#include "runtime/plan/diff.hpp"
#include "runtime/scheduler/metric.hpp"  // NodeUsage, AllocMetric

namespace hjob::runtime {

struct PlanInput {
    const ir::Job* job = nullptr;          ///< the job to plan (required)
    const JobVersion* current = nullptr;   ///< its stored current version; nullptr when new
    /// Stored versions that allocations in `job_allocs` run, other than `current` (for
    /// allocations held back by a rolling update). An allocation whose version is neither
    /// here nor current counts as outdated by a create/destroy change.
    std::vector<const JobVersion*> older_versions;
    std::vector<Node> nodes;               ///< every registered node, any status
    /// This job's allocations with desired_status "run" (client_status pending or running,
    /// and for batch/sysbatch also "complete", which are never run again). Terminal ones
    /// (desired stop, client failed/lost) may be included; they are skipped.
    std::vector<Allocation> job_allocs;
    std::unordered_map<std::string, NodeUsage> other_usage;  ///< by node id
    const Deployment* active_deployment = nullptr;  ///< this job's running/paused one, if any
    UnixNanos now = 0;
    std::string id_seed;      ///< seeds ids and tie breaks; same seed + same state = same plan
    bool stop_job = false;    ///< plan `hjob stop`: every allocation stops
};

/// Per group counts, Nomad's DesiredTGUpdates. A destructive update is one stop + one place
/// and is counted only here; a lost allocation counts one stop and one place (as Nomad).
struct GroupPlan {
    std::string name;
    int place = 0, stop = 0, inplace = 0, destructive = 0, ignore = 0, canary = 0, migrate = 0, lost = 0;
    /// Why allocations are ignored when it is not "already up to date":
    /// "held back by update.max_parallel = 1", "waiting for canary promotion".
    std::string ignore_reason;
    int up_to_date = 0;  ///< ignored because they already run this version
    /// The first field that forced create/destroy updates ("Config.image"), when destructive > 0.
    std::string destructive_reason;

    /// Nomad's update keys with non-zero counts ("create", "destroy", "in-place update", ...).
    std::map<std::string, int> updates() const;
};

/// An allocation to stop.
struct AllocStop {
    std::string id, group, node_id;
    std::string description;  ///< Nomad's wording: "alloc is being updated due to job update", ...
    std::string client_status;  ///< "lost" for an allocation on a down node, else empty
};

struct PlacementFailure {
    std::string group;
    int failed = 0;  ///< allocations that could not be placed
    AllocMetric metric;
};

struct Plan {
    std::string job_id, job_type;
    int job_version = 0;        ///< the version the plan's allocations run
    bool spec_changed = false;  ///< a new version would be registered
    JobDiff diff;
    std::vector<GroupPlan> groups;  ///< sorted by name
    std::vector<Allocation> place;  ///< new allocations, desired run, client pending
    std::vector<AllocStop> stop;
    std::vector<std::string> inplace;  ///< allocation ids whose job version is bumped in place
    std::vector<PlacementFailure> failures;  ///< sorted by group
    std::optional<Deployment> deployment;    ///< to create
    std::string cancel_deployment;  ///< id of the active deployment a new version supersedes
    std::vector<std::string> warnings, errors;
    /// Extra dry-run lines ("Periodic job: allocations are placed at each launch ...").
    std::vector<std::string> notes;

    /// Nomad's exit-code rule: some group places, stops, migrates, canaries or destructively
    /// updates (in-place-only and ignore-only plans have no changes). False with errors.
    bool has_changes() const;
};

/// Plans `in`. See the contract at the top of this file.
Plan make_plan(const PlanInput& in);

struct RenderOptions {
    bool color = false;    ///< ANSI colours as Nomad's CLI uses them
    bool verbose = false;  ///< also job/group fields of unchanged parts, and added tasks' fields
    bool diff = true;      ///< false: only the scheduler dry-run
};

/// The plan as `nomad job plan` prints it, up to and including the "Scheduler dry-run" section
/// and job warnings; the footer (modify index, apply command) is the CLI's.
std::string render_plan_text(const Plan& plan, const RenderOptions& options = {});

/// Only the diff part (for `hjob history -p`), without annotations unless the diff has them.
std::string render_diff_text(const JobDiff& diff, const RenderOptions& options = {});

/// The plan as JSON. Stable keys (documented in render_json.cpp): job_id, job_type,
/// job_version, spec_changed, has_changes, diff, groups, place, stop, inplace, failures,
/// deployment, cancel_deployment, warnings, errors, notes.
nlohmann::json plan_to_json(const Plan& plan);
nlohmann::json diff_to_json(const JobDiff& diff);

}  // namespace hjob::runtime

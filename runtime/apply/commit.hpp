// Committing a plan to the state: the new job version (only when the spec changed), the
// allocations to place, stop and update in place, and the deployment, all in one write
// transaction that first checks the state did not move since the plan was read. Shared by
// apply, revert and stop (cli/) and by evaluations and auto-revert (the agent's side).
#pragma once

#include <map>
#include <string>

#include "runtime/apply/plan_state.hpp"
#include "runtime/plan/plan.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::apply {

struct CommitRequest {
    const runtime::Plan* plan = nullptr;
    const ir::Job* job = nullptr;  ///< the spec the plan was made for
    std::string source;            ///< its job file text
    std::map<std::string, std::string> variables;
    bool stop_job = false;  ///< `hjob stop`: the job is marked stopped (dead)
    /// An evaluation of the current version (the agent's): the job's status is left as the
    /// agent reported it rather than reset to pending.
    bool evaluation = false;
};

struct CommitResult {
    runtime::Index modify_index = 0;      ///< the index this commit wrote
    runtime::Index job_modify_index = 0;  ///< the job's, after the commit
    int version = 0;                      ///< the job's current version after the commit
    bool new_version = false;
};

/// sha256 of the job's canonical IR JSON: equal specs, equal hash (as cli/plan_compile's).
std::string spec_hash(const ir::Job& job);

/// True when committing `plan` would change nothing: the job exists, runs, and the plan
/// neither registers a version nor touches an allocation or deployment.
bool plan_is_noop(const PlanState& ps, const runtime::Plan& plan);

/// Commits `req` against the state `ps` was read from. Throws StateError when the state's
/// modify index moved since `ps` was read (nothing is written then).
CommitResult commit_plan(runtime::state::Store& store, const PlanState& ps, const CommitRequest& req);

/// The writes of commit_plan inside a write transaction the caller holds and has checked
/// (`ps` read in that same transaction). Bumps the modify index once.
CommitResult write_plan(runtime::state::Store& store, const PlanState& ps, const CommitRequest& req);

}  // namespace hjob::runtime::apply

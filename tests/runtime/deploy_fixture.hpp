// Helpers of the evaluation and deployment tests: a temporary state with the seed's four
// client nodes, jobs committed as `hjob apply` commits them, and the agent's side faked by
// writing client status and task states straight into the state.
#pragma once

#include <string>
#include <vector>

#include "runtime/apply/commit.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

namespace hjob::test {

struct DeployState {
    TempDir dir;
    runtime::state::Store store;

    DeployState();
    /// Compiles `hcl` and commits its plan as `hjob apply --auto-approve` does.
    runtime::apply::CommitResult apply(const std::string& hcl);
    /// The job's allocations desired to run, by index then id.
    std::vector<runtime::Allocation> live(const std::string& job);
    /// Every pending allocation of `job` becomes running with its tasks running since `since`.
    void run_pending(const std::string& job, runtime::UnixNanos since);
    /// Writes `a` back as is (one transaction).
    void put(const runtime::Allocation& a);
    /// Marks `alloc` failed, its tasks dead and failed at `at`.
    void fail(const std::string& alloc, runtime::UnixNanos at);
    void drain(const std::string& node_id);
    runtime::Deployment latest_deployment(const std::string& job);
};

/// A service job `id` with `count` instances of a raw_exec task whose env VERSION is
/// `version`, and `update` as the update block's body (empty: no update block).
std::string service_job(const std::string& id, int count, const std::string& version, const std::string& update);

}  // namespace hjob::test

// One allocation in the agent: a runner per task, the allocation's client status derived from
// its tasks as Nomad derives it (failed if any task failed, else running if any runs, else
// pending if any waits, else complete), and its stop when the planner no longer wants it.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "handle_store.hpp"
#include "task_runner.hpp"

namespace hjob::runtime::agent {

class AllocRunner {
public:
    AllocRunner(Allocation alloc, Node node, std::shared_ptr<const JobVersion> version, const std::string& data_dir,
                RunnerDeps& deps);

    /// Starts every task, adopting those with a handle in `handles` (keyed "<alloc>/<task>").
    void start(std::map<std::string, StoredHandle>& handles, UnixNanos now);
    /// Takes the desired fields of the allocation as the state now has them.
    void update(const Allocation& fresh);
    void on_exit(const std::string& task, UnixNanos now);
    /// Runs the tasks' ticks, stops them when the allocation is no longer desired to run or a
    /// task failed, and recomputes the client status.
    void tick(UnixNanos now);
    /// Stops every task for good.
    void kill(const std::string& reason, UnixNanos now, bool suspend = false);
    void leave();
    bool done() const;
    AllocContext& context() { return ctx_; }

private:
    std::string client_status() const;

    AllocContext ctx_;
    std::vector<std::unique_ptr<TaskRunner>> tasks_;
};

}  // namespace hjob::runtime::agent

// The agent's inside (agent.hpp), shared by agent.cpp (the loop, start and stop) and
// agent_reconcile.cpp (state to runners, runners to state).
#pragma once

#include <future>
#include <set>

#include "agent.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/secrets/api_server.hpp"
#include "runtime/drivers/exec_driver.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::agent {

struct Agent::Impl {
    explicit Impl(AgentOptions o);

    void loop();
    void step(const std::deque<std::pair<std::string, std::string>>& ended, bool first);
    void shutdown(bool leave);
    void log(int level, const std::string& line) const;
    void wake();

    // agent_reconcile.cpp
    void reconcile(UnixNanos now);
    void start_alloc(const Allocation& a, const Node& node, UnixNanos now);
    void stop_orphans();
    void evaluate_nodes(const std::vector<Node>& nodes);
    void evaluate(const std::string& job_id, const std::string& reason);
    void flush(UnixNanos now);
    bool state_changed();
    std::shared_ptr<const JobVersion> version(const std::string& job_id, int v);

    AgentOptions opt;
    state::Store store;
    catalog::Catalog catalog;
    drivers::ExecDriver raw_exec{drivers::ExecDriver::Mode::raw_exec}, exec{drivers::ExecDriver::Mode::exec};

    std::mutex mu;
    std::condition_variable cv;
    bool woken = false;                                        ///< guarded by mu
    std::deque<std::pair<std::string, std::string>> exits;  ///< (alloc, task); guarded by mu
    std::atomic<int> stop{0};                                 ///< 1: stop tasks, 2: leave them running

    ServiceRegistry services;
    drivers::ExitWatcher watcher;
    std::unique_ptr<secrets::ApiServer> vault_api;  ///< SECRETS: serves VAULT_ADDR; declared before hook_services
    AgentServices hook_services;
    RunnerDeps deps;

    std::map<std::string, std::unique_ptr<AllocRunner>> allocs;
    std::map<std::pair<std::string, int>, std::shared_ptr<const JobVersion>> versions;
    std::map<std::string, StoredHandle> handles;  ///< of an earlier agent, until claimed
    std::vector<std::future<void>> orphan_stops;
    std::map<std::string, Index> drain_seen;      ///< node id -> modify index evaluated
    std::map<std::string, int> reschedule;        ///< job id -> evaluations left
    std::int64_t data_version = -1;
    bool need_reconcile = true;
    UnixNanos last_reschedule = 0;
};

}  // namespace hjob::runtime::agent

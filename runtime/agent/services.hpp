// The services of running tasks in the catalog, and their checks: registered when a task
// starts (address: the node's, port: the allocation's port of the service's label), checked by
// one CheckRunner for every task, health written to the catalog as it changes, deregistered
// when the task stops. Also tells the task runner when check_restart wants a restart.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "hooks.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/health/runner.hpp"

namespace hjob::runtime::agent {

class ServiceRegistry {
public:
    /// `wake` is called (from the check thread) when a check's status changed.
    ServiceRegistry(catalog::Catalog& catalog, std::function<void()> wake);

    /// Registers the task's services (its own, and the group's whose `task` names it or, when
    /// unset, whose group has this as first task) and starts their checks. Agent thread.
    void register_task(const TaskContext& ctx);
    /// Stops the checks of a task and deregisters its instances.
    void deregister_task(const std::string& alloc_id, const std::string& task);
    /// Writes the health of instances whose checks changed to the catalog.
    void flush();
    /// check_restart: a reason when a check of the task has been unhealthy `limit` times in a row
    /// after `grace` from `started_at`; counting starts again after the restart.
    std::optional<std::string> restart_due(const std::string& alloc_id, const std::string& task, UnixNanos started_at,
                                           UnixNanos now);
    /// Instances currently registered (for tests and status).
    std::size_t size() const;

private:
    struct Check {
        std::string id, name, type;
        std::optional<ir::CheckRestart> restart;
        int seen_runs = 0, failures = 0;
    };
    struct Registered {
        std::string instance_id;
        std::vector<Check> checks;
    };
    void register_service(const TaskContext& ctx, const ir::Service& service, std::vector<Registered>& out);

    catalog::Catalog& catalog_;
    std::function<void()> wake_;
    std::map<std::string, std::vector<Registered>> by_task_;  ///< "<alloc>/<task>"; agent thread only
    std::map<std::string, std::string> instance_of_check_;    ///< agent thread only
    mutable std::mutex mu_;
    std::set<std::string> changed_;  ///< check ids whose status changed; guarded by mu_
    health::CheckRunner checks_;     ///< last: its thread calls back into changed_
};

}  // namespace hjob::runtime::agent

// The service catalog: the instances of every service that tasks register (as Consul's
// catalog in the HashiStack demo), with their health. Stored in the state's SQLite (table
// catalog_instances, migration 0003) so that the agent, `hjob services`, `hjob routes` and a
// router in another process all see the same rows; readers elsewhere notice changes with
// `PRAGMA data_version` (cheap) and re-read, or compare Catalog::modify_index().
#pragma once

#include <map>
#include <string>
#include <vector>

#include "runtime/model.hpp"
#include "runtime/state/store.hpp"

namespace hjob::runtime::catalog {

struct CheckStatus {
    std::string id, name, type, status /* passing|warning|critical */, output;
};

struct Instance {
    std::string id;  ///< Nomad's form: "_nomad-task-<alloc_id>-<task>-<service>-<port label>"
    std::string service, job_id, group, task, alloc_id, node_id, node_name;
    std::string address;
    int port = 0;
    std::vector<std::string> tags;
    std::map<std::string, std::string> meta;
    std::string status = "critical";  ///< the worst of its checks; "passing" when it has none
    std::vector<CheckStatus> checks;
    bool canary = false;
    Index modify_index = 0;  ///< the catalog index of its last change
};

/// Every method runs in its own write (or read) transaction, unless the connection is already
/// inside one, in which case it joins it (so the agent can write an allocation and its
/// instances atomically). Throws state::StateError on failure.
class Catalog {
public:
    explicit Catalog(state::Store& store) : store_(store) {}

    /// Registers `i`, or replaces the instance with the same id.
    void put(const Instance& i);
    /// Deregisters one instance; no-op when it is not there.
    void remove(const std::string& instance_id);
    /// Deregisters every instance of an allocation.
    void remove_alloc(const std::string& alloc_id);
    /// Sets an instance's status and checks; no write (and no index bump) when nothing changed,
    /// so that checks reporting the same result do not wake every reader.
    void set_health(const std::string& instance_id, const std::string& status, const std::vector<CheckStatus>& checks);

    /// Instances sorted by service, then id; only `service`'s when given.
    std::vector<Instance> list(const std::string& service = "");
    std::vector<Instance> by_alloc(const std::string& alloc_id);
    /// The catalog's modify index: bumped once by every change.
    Index modify_index();

private:
    state::Store& store_;
};

/// The worst of `checks`' statuses ("passing" when empty); unknown strings count as critical.
std::string worst_status(const std::vector<CheckStatus>& checks);

}  // namespace hjob::runtime::catalog

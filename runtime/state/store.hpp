// hjob's state: one SQLite database (WAL, foreign keys, numbered migrations) in a data
// directory. Maps the runtime model (runtime/model.hpp) to tables; the only code that does.
// Reads may run in a read transaction for a consistent snapshot; every write of one command
// runs in one write transaction (BEGIN IMMEDIATE) that bumps the global modify index once,
// so a crash at any moment leaves the state as it was before or after, never a mix.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/model.hpp"
#include "sqlite.hpp"

namespace hjob::runtime::state {

/// The data directory: --data-dir if given, else $HJOB_DATA_DIR, else $XDG_STATE_HOME/hjob,
/// else $HOME/.local/state/hjob.
std::string resolve_data_dir(const std::string& flag);

/// What the live allocations of every job hold on one node (table node_usage, kept by each
/// write transaction), so that a plan reads one row per node rather than every allocation.
struct StoredUsage {
    int cpu = 0, memory_mb = 0, disk_mb = 0, allocations = 0;
    std::vector<int> ports;  ///< host ports taken, sorted
};

/// One line of `hjob status`: a job with what its current version says of it.
struct JobSummary {
    JobRecord record;
    std::string type;
    int priority = 0;
    UnixNanos submit_time = 0;
};

class Store {
public:
    /// Opens (creating the directory and the database on first use) the state in `dir`,
    /// applies pending migrations and checks the schema version. Throws StateError with a
    /// message for the user: not writable, corrupt, newer hjob.
    static Store open(const std::string& dir);

    const std::string& dir() const { return dir_; }
    const std::string& path() const { return path_; }
    const std::string& state_id() const { return state_id_; }
    Db& db() { return db_; }

    /// A read snapshot (BEGIN) or a write transaction (BEGIN IMMEDIATE) on this store.
    Transaction read() { return Transaction(db_, false); }
    Transaction write() { return Transaction(db_, true); }

    /// The global modify index: bumped once by every write transaction.
    Index modify_index();
    /// Inside a write transaction: bumps the modify index and returns the new value, which the
    /// rows written by this transaction carry.
    Index next_index();

    // Nodes
    std::vector<Node> nodes();
    std::optional<Node> node(const std::string& id);
    std::optional<Node> node_by_name(const std::string& name);
    std::optional<std::string> local_node_id();
    void put_node(const Node& n, bool local = false);
    void remove_node(const std::string& id);
    /// Resolves a node argument: a full id, a unique id prefix or a name. Throws StateError
    /// when nothing or several nodes match.
    Node find_node(const std::string& arg);
    /// The next free loopback address for a hosted node: 127.0.0.2, 127.0.0.3, ...
    std::string next_node_address();
    std::map<std::string, StoredUsage> node_usage();
    /// Recomputes the usage rows of `node_ids` from their live allocations.
    void refresh_usage(const std::set<std::string>& node_ids);

    // Jobs and versions
    std::vector<JobRecord> jobs();
    /// Every job with its current version's type, priority and submit time, read in SQL
    /// (json_extract) rather than by parsing each stored IR: a list of 10,000 jobs stays fast.
    std::vector<JobSummary> job_summaries();
    std::optional<JobRecord> job(const std::string& id);
    void put_job(const JobRecord& j);
    void delete_job(const std::string& id);
    std::optional<JobVersion> job_version(const std::string& job_id, int version);
    /// Every version of a job, newest first.
    std::vector<JobVersion> job_versions(const std::string& job_id);
    void put_job_version(const std::string& job_id, const JobVersion& v);

    // Allocations and deployments
    /// A job's allocations; only those desired to run when `desired_run_only` (what plans read:
    /// stopped ones accumulate as history).
    std::vector<Allocation> allocations(const std::string& job_id, bool desired_run_only = false);
    void put_allocation(const Allocation& a);
    std::vector<Deployment> deployments(const std::string& job_id);  ///< newest first
    void put_deployment(const Deployment& d);

private:
    Store(std::string dir, std::string path, Db db) : dir_(std::move(dir)), path_(std::move(path)), db_(std::move(db)) {}
    void initialize();

    std::string dir_, path_, state_id_;
    Db db_;
};

}  // namespace hjob::runtime::state

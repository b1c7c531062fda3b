-- 0001: the initial schema of hjob's state. Applied once, in one transaction, by
-- runtime/state/migrations.cpp, which then sets PRAGMA user_version = 1.
-- JSON columns hold the model's maps and lists (runtime/model.hpp) as nlohmann writes them.

-- One row: the state's identity (plans are tied to it) and the global modify index that
-- every write transaction bumps by one (compare-and-set for saved plans).
CREATE TABLE meta (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    state_id     TEXT    NOT NULL,
    created      INTEGER NOT NULL,
    modify_index INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE nodes (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    datacenter     TEXT NOT NULL,
    node_pool      TEXT NOT NULL,
    node_class     TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL,
    attributes     TEXT NOT NULL DEFAULT '{}',
    meta           TEXT NOT NULL DEFAULT '{}',
    drivers        TEXT NOT NULL DEFAULT '[]',
    cpu_mhz        INTEGER NOT NULL,
    memory_mb      INTEGER NOT NULL,
    disk_mb        INTEGER NOT NULL DEFAULT 0,
    port_min       INTEGER NOT NULL,
    port_max       INTEGER NOT NULL,
    reserved_ports TEXT NOT NULL DEFAULT '[]',
    status         TEXT NOT NULL,
    eligible       INTEGER NOT NULL,
    draining       INTEGER NOT NULL,
    is_local       INTEGER NOT NULL DEFAULT 0,
    create_index   INTEGER NOT NULL,
    modify_index   INTEGER NOT NULL
);

CREATE TABLE jobs (
    id               TEXT PRIMARY KEY,
    namespace        TEXT NOT NULL,
    status           TEXT NOT NULL,
    stopped          INTEGER NOT NULL,
    current_version  INTEGER NOT NULL,
    job_modify_index INTEGER NOT NULL,
    modify_index     INTEGER NOT NULL
);

CREATE TABLE job_versions (
    job_id           TEXT    NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    version          INTEGER NOT NULL,
    ir_json          TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    source_hash      TEXT    NOT NULL,
    variables        TEXT    NOT NULL DEFAULT '{}',
    submitter        TEXT    NOT NULL,
    submit_time      INTEGER NOT NULL,
    stable           INTEGER NOT NULL,
    job_modify_index INTEGER NOT NULL,
    PRIMARY KEY (job_id, version)
) WITHOUT ROWID;

CREATE TABLE deployments (
    id                 TEXT PRIMARY KEY,
    job_id             TEXT    NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    job_version        INTEGER NOT NULL,
    status             TEXT    NOT NULL,
    status_description TEXT    NOT NULL,
    groups             TEXT    NOT NULL DEFAULT '{}',
    create_index       INTEGER NOT NULL,
    modify_index       INTEGER NOT NULL
);
CREATE INDEX deployments_by_job ON deployments(job_id, create_index);

-- Resources are columns (not JSON) so that per-node usage is one indexed aggregate.
CREATE TABLE allocations (
    id                  TEXT PRIMARY KEY,
    job_id              TEXT    NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    group_name          TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    idx                 INTEGER NOT NULL,
    job_version         INTEGER NOT NULL,
    node_id             TEXT    NOT NULL,
    desired_status      TEXT    NOT NULL,
    desired_description TEXT    NOT NULL DEFAULT '',
    client_status       TEXT    NOT NULL,
    cpu                 INTEGER NOT NULL DEFAULT 0,
    memory_mb           INTEGER NOT NULL DEFAULT 0,
    memory_max_mb       INTEGER NOT NULL DEFAULT 0,
    disk_mb             INTEGER NOT NULL DEFAULT 0,
    cores               INTEGER NOT NULL DEFAULT 0,
    ports               TEXT    NOT NULL DEFAULT '{}',
    deployment_id       TEXT    NOT NULL DEFAULT '',
    healthy             INTEGER,
    canary              INTEGER NOT NULL DEFAULT 0,
    previous_allocation TEXT    NOT NULL DEFAULT '',
    task_states         TEXT    NOT NULL DEFAULT '{}',
    create_index        INTEGER NOT NULL,
    modify_index        INTEGER NOT NULL,
    create_time         INTEGER NOT NULL,
    modify_time         INTEGER NOT NULL
);
CREATE INDEX allocations_by_job ON allocations(job_id);
CREATE INDEX allocations_by_node ON allocations(node_id);

-- What the live allocations hold on each node, kept by every write transaction that touches
-- the node's allocations, so that a plan reads one row per node instead of every allocation.
CREATE TABLE node_usage (
    node_id     TEXT PRIMARY KEY REFERENCES nodes(id) ON DELETE CASCADE,
    cpu         INTEGER NOT NULL DEFAULT 0,
    memory_mb   INTEGER NOT NULL DEFAULT 0,
    disk_mb     INTEGER NOT NULL DEFAULT 0,
    allocations INTEGER NOT NULL DEFAULT 0,
    ports       TEXT    NOT NULL DEFAULT '[]'
) WITHOUT ROWID;

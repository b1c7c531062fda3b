-- 0003: the service catalog (runtime/catalog/catalog.hpp): one row per registered instance of
-- a service, written by the agent and read by `hjob services`, `hjob routes` and the router
-- (often in another process, which notices changes with PRAGMA data_version).
-- No foreign key to allocations: an instance lives exactly as long as the agent says, and a
-- purged job must not fail on rows the agent has yet to deregister.

CREATE TABLE catalog_instances (
    id           TEXT PRIMARY KEY,
    service      TEXT    NOT NULL,
    job_id       TEXT    NOT NULL DEFAULT '',
    group_name   TEXT    NOT NULL DEFAULT '',
    task         TEXT    NOT NULL DEFAULT '',
    alloc_id     TEXT    NOT NULL DEFAULT '',
    node_id      TEXT    NOT NULL DEFAULT '',
    node_name    TEXT    NOT NULL DEFAULT '',
    address      TEXT    NOT NULL DEFAULT '',
    port         INTEGER NOT NULL DEFAULT 0,
    tags         TEXT    NOT NULL DEFAULT '[]',
    meta         TEXT    NOT NULL DEFAULT '{}',
    status       TEXT    NOT NULL DEFAULT 'critical',
    checks       TEXT    NOT NULL DEFAULT '[]',
    canary       INTEGER NOT NULL DEFAULT 0,
    modify_index INTEGER NOT NULL
);
CREATE INDEX catalog_by_service ON catalog_instances(service, id);
CREATE INDEX catalog_by_alloc ON catalog_instances(alloc_id);

-- The catalog's own modify index, bumped by every change of the catalog. Kept apart from
-- meta.modify_index on purpose: a health check flipping must not invalidate saved plans.
CREATE TABLE catalog_meta (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    modify_index INTEGER NOT NULL DEFAULT 0
);
INSERT INTO catalog_meta (id, modify_index) VALUES (1, 0);

-- 0005: what the deployment watcher (runtime/deploy) keeps between its steps: for each
-- allocation a deployment judges, when it first saw it (healthy_deadline runs from there) and
-- since when it is continuously healthy (min_healthy_time), so that an agent restart does not
-- restart the clocks. Rows go when the deployment ends or the allocation is deleted.
CREATE TABLE deploy_health (
    alloc_id      TEXT    PRIMARY KEY REFERENCES allocations(id) ON DELETE CASCADE,
    deployment_id TEXT    NOT NULL,
    first_seen    INTEGER NOT NULL,
    healthy_since INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The watcher looks for running deployments at every agent tick.
CREATE INDEX deployments_by_status ON deployments(status);

-- 0004: what the agent (runtime/agent) needs to survive its own restart: the handle of every
-- task process it started, so that a new agent adopts the processes still alive (pid, start
-- time and boot id must all match) instead of starting a second copy.
CREATE TABLE task_handles (
    alloc_id         TEXT    NOT NULL,
    task             TEXT    NOT NULL,
    driver           TEXT    NOT NULL,
    pid              INTEGER NOT NULL,
    start_ticks      INTEGER NOT NULL,
    boot_id          TEXT    NOT NULL,
    alloc_dir        TEXT    NOT NULL,
    log_max_files    INTEGER NOT NULL DEFAULT 10,
    log_rotate_bytes INTEGER NOT NULL DEFAULT 0,
    logs_disabled    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (alloc_id, task)
) WITHOUT ROWID;

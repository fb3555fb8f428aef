-- 0056 scheduled backups (issue 22, item 4): the result of every `roma-platform backup
-- --scheduled` run, for the metrics, /readyz and the coordinators' system page. No personal
-- data: times, the archive's file name, sizes and the operator's message.
CREATE TABLE backup_runs (
    id INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    archive TEXT NOT NULL,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    files INTEGER NOT NULL DEFAULT 0,
    pruned INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT ''
);

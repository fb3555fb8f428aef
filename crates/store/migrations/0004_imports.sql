-- 0004 imports: a previewed import waits here until the user confirms it.
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    file_name TEXT,
    -- The planned rows as JSON, written by the application.
    plan TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    applied_at INTEGER
);

-- 0057 idempotent creation through the API (issue 23, item 4): a client that sends an
-- `Idempotency-Key` with a creating request and sends it again (a timeout, a retry) gets
-- the first request's result instead of a second record. Kept 24 hours. The request is
-- kept only as a hash; the created record by its id.
CREATE TABLE api_idempotency (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    operation TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    -- The created record's id; NULL while the first request is still being handled.
    resource_id INTEGER,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX api_idempotency_created ON api_idempotency (created_at);

-- 0006 outbox: every e-mail the platform sends is first a row here, written in the same
-- transaction as the change that causes it; a worker delivers it with retries, so nothing
-- is lost on a restart. Without SMTP configured, coordinators read it here.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER,
    failed_at INTEGER,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox(sent_at, failed_at, next_attempt_at);

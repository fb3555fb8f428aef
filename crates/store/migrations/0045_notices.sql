-- Issue 19, item 2: e-mail notices as work moves. A change that someone should hear of
-- (a report submitted, returned or accepted; a practice reviewed; an action assigned or
-- overdue) leaves one row per recipient in the change's own transaction; the mail worker
-- turns them into mails in the recipient's language — at once, or in a weekly digest —
-- unless the recipient turned that kind off. `dedupe` keeps a notice from being raised
-- twice (an action is overdue once). `path` is where the thing is done, without the
-- language ("/actions/12"); the titles name it in each language.
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    title_lv TEXT NOT NULL,
    title_en TEXT,
    dedupe TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- Mailed (alone or in a digest), or let go because the kind was turned off.
    mailed_at INTEGER,
    UNIQUE (user_id, dedupe)
);
CREATE INDEX notices_unmailed ON notices(user_id) WHERE mailed_at IS NULL;

-- Each user's choice: the kinds turned off (comma-separated codes) and a weekly digest
-- instead of single mails. No row: every kind, one mail each.
CREATE TABLE notice_settings (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    off TEXT NOT NULL DEFAULT '',
    digest INTEGER NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)),
    last_digest_at INTEGER
);

-- A registrant is reminded once, three days before the event.
ALTER TABLE registrations ADD COLUMN reminded_at INTEGER;

-- More personal links to one registration than the first: a later mail (the reminder, a
-- waiting-list place that became free) carries a link of its own, and the first one keeps
-- working. Only the hash is kept, as for the first link.
CREATE TABLE registration_links (
    token_hash TEXT PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX registration_links_registration ON registration_links(registration_id);

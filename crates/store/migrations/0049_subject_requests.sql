-- 0049 subject_requests: the requests people make about their own data (GDPR articles
-- 15–21) — who asked, what for, when it came and so when it is due (one month, or three when
-- extended with a reason), how identity was checked, and how it was answered or why it was
-- refused. And a registry person's processing can be restricted (article 18): the record
-- stays but leaves lists, exports, invitations and the public directory.
CREATE TABLE subject_requests (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure', 'restriction',
                                       'portability', 'objection')),
    -- The registry person the request is about, when there is one (kept off when erased:
    -- the request stays, named by its requester).
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    -- As the person gave it, for answering.
    requester_name TEXT NOT NULL,
    -- The address someone known only from registrations and attendance is known by.
    requester_email TEXT,
    -- How to answer (post address, phone), when not by e-mail.
    reply_to TEXT,
    received_on TEXT NOT NULL,
    details TEXT NOT NULL,
    -- How the requester's identity was checked.
    identity_checked TEXT,
    -- Why the month was extended by two more (article 12(3)); NULL while not extended.
    extension_reason TEXT,
    outcome TEXT CHECK (outcome IN ('answered', 'refused')),
    closed_on TEXT,
    -- What was done, or why refused.
    response TEXT,
    recorded_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((outcome IS NULL) = (closed_on IS NULL))
);
CREATE INDEX subject_requests_open ON subject_requests(closed_on, received_on);
CREATE INDEX subject_requests_person ON subject_requests(person_id);

ALTER TABLE people ADD COLUMN restricted_at INTEGER;
ALTER TABLE people ADD COLUMN restriction_reason TEXT;

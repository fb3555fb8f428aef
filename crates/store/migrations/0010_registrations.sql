-- 0010 registrations: who signed up for an event, with a waiting list.
-- The self-declared statistics fields are kept only with their own consent (the CHECKs
-- make a value without consent impossible); the registrant's personal link is stored as a
-- hash only.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    person_id INTEGER REFERENCES people(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    -- Lower-cased, for the one-active-registration-per-address rule.
    email_key TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'lv',
    organisation_id INTEGER REFERENCES organisations(id),
    organisation_text TEXT,
    private_person INTEGER NOT NULL DEFAULT 0,
    territory_id INTEGER REFERENCES territories(id),
    stats_consent_at INTEGER,
    stats_notice_version TEXT,
    gender TEXT CHECK (gender IN ('female', 'male', 'other')),
    age_group TEXT CHECK (age_group IN ('under_18', '18_24', '25_29', '30_49', '50_64', '65_plus')),
    roma_self_identified TEXT CHECK (roma_self_identified IN ('yes', 'no')),
    notice_version TEXT NOT NULL,
    -- confirmed, waiting or cancelled
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    promoted_at INTEGER,
    cancelled_at INTEGER,
    CHECK (stats_consent_at IS NOT NULL
           OR (gender IS NULL AND age_group IS NULL AND roma_self_identified IS NULL))
);
CREATE INDEX registrations_event ON registrations(event_id, status, created_at);
CREATE UNIQUE INDEX registrations_one_active ON registrations(event_id, email_key)
    WHERE status <> 'cancelled';

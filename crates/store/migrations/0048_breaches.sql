-- 0048 breaches: the register of personal-data breaches (GDPR article 33(5)): what happened,
-- whose data, what it may lead to and what was done, whether and when the supervisory
-- authority (Datu valsts inspekcija) was notified — within 72 hours of discovery, or why
-- not or why later — and whether the people concerned were told.
CREATE TABLE breaches (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    discovered_at INTEGER NOT NULL,
    -- YYYY-MM-DD, when known.
    occurred_on TEXT,
    what_happened TEXT NOT NULL,
    -- The categories of the records of processing concerned (domain::processing), comma-separated.
    categories TEXT NOT NULL,
    -- About how many people; NULL while not known.
    people_count INTEGER,
    consequences TEXT NOT NULL,
    measures TEXT NOT NULL,
    risk TEXT NOT NULL CHECK (risk IN ('unlikely', 'risk', 'high')),
    authority_notified_at INTEGER,
    authority_reference TEXT,
    -- Why the authority was not notified (a breach unlikely to result in a risk), or why late.
    not_notified_reason TEXT,
    delay_reason TEXT,
    -- YYYY-MM-DD the people concerned were told, or why they were not.
    people_told_on TEXT,
    people_not_told_reason TEXT,
    closed_on TEXT,
    -- Reminders of the 72-hour deadline raised: 0 none, 1 the day before, 2 when it passed.
    reminded INTEGER NOT NULL DEFAULT 0,
    recorded_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX breaches_open ON breaches(closed_on, discovered_at);

-- 0007 events: the platform's meetings and their organisers.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    event_type TEXT NOT NULL,
    title_lv TEXT NOT NULL,
    title_en TEXT,
    description_lv TEXT,
    description_en TEXT,
    -- UTC unix seconds; shown in Europe/Riga.
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    territory_id INTEGER REFERENCES territories(id),
    address TEXT,
    online_url TEXT,
    series TEXT,
    capacity INTEGER,
    registration_deadline INTEGER,
    is_public INTEGER NOT NULL DEFAULT 0,
    -- EU Roma framework objectives, comma-separated.
    objectives TEXT NOT NULL DEFAULT '',
    target_group TEXT,
    host_country TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX events_start ON events(starts_at);

CREATE TABLE event_organisations (
    event_id INTEGER NOT NULL REFERENCES events(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    -- organiser or partner
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, organisation_id)
);

-- 0003 directory: organisations in full, people, e-mails, memberships, consents, and the
-- consent-bound Roma self-identification.

ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
ALTER TABLE organisations ADD COLUMN parent_id INTEGER REFERENCES organisations(id);
ALTER TABLE organisations ADD COLUMN territory_id INTEGER REFERENCES territories(id);
ALTER TABLE organisations ADD COLUMN email TEXT;
ALTER TABLE organisations ADD COLUMN phone TEXT;
ALTER TABLE organisations ADD COLUMN website TEXT;
ALTER TABLE organisations ADD COLUMN address TEXT;
-- Folded names for search, and the Latvian alphabetical sort key (set by the application).
ALTER TABLE organisations ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN updated_at INTEGER;
-- A merged duplicate stays (hidden) so a merge can be undone and its id is never reused.
ALTER TABLE organisations ADD COLUMN merged_into_id INTEGER REFERENCES organisations(id);
CREATE INDEX organisations_sort ON organisations(sort_key);
CREATE INDEX organisations_parent ON organisations(parent_id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    phone TEXT,
    preferred_lang TEXT NOT NULL DEFAULT 'lv',
    -- Where the person lives or works from (their city for participation statistics).
    territory_id INTEGER REFERENCES territories(id),
    -- Self-declared, for statistics only.
    gender TEXT,
    birth_year INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- A merged duplicate stays (hidden) so a merge can be undone and its id is never reused.
    merged_into_id INTEGER REFERENCES people(id)
);
CREATE INDEX people_sort ON people(sort_key);

CREATE TABLE person_emails (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    email TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX person_emails_person ON person_emails(person_id);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    role_title TEXT,
    -- The role title folded, for search.
    role_key TEXT NOT NULL DEFAULT '',
    from_date TEXT,
    to_date TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX memberships_person ON memberships(person_id);
CREATE INDEX memberships_org ON memberships(organisation_id);

-- Consents: who agreed to what, when, under which notice, recorded by whom; a withdrawal
-- is kept (the data it covered is erased).
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    purpose TEXT NOT NULL,
    given_on TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    withdrawn_on TEXT,
    withdrawn_recorded_by INTEGER REFERENCES users(id),
    withdrawn_at INTEGER
);
CREATE INDEX consents_person ON consents(person_id, purpose);

-- Special-category data: a row exists only while its consent stands.
CREATE TABLE person_roma_identity (
    person_id INTEGER PRIMARY KEY REFERENCES people(id),
    value TEXT NOT NULL,
    consent_id INTEGER NOT NULL REFERENCES consents(id)
);

ALTER TABLE users ADD COLUMN person_id INTEGER REFERENCES people(id);

-- 0024 mediation (issue 6, first part): mediators' assignments to municipalities with their
-- work plan and supervisor, families and their members under pseudonymous codes (names and
-- contact details only sealed, never in plain text), and the access log of every view or
-- change of a family's record.

CREATE TABLE mediation_assignments (
    id INTEGER PRIMARY KEY,
    mediator_user_id INTEGER NOT NULL REFERENCES users(id),
    -- a Latvian state city or municipality
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    -- ISO dates, inclusive; no end: ongoing
    from_date TEXT NOT NULL,
    to_date TEXT,
    hours_per_week INTEGER,
    reception TEXT,
    supervisor_user_id INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX mediation_assignments_mediator ON mediation_assignments(mediator_user_id);

CREATE TABLE families (
    id INTEGER PRIMARY KEY,
    -- generated, not derived from names
    code TEXT NOT NULL UNIQUE,
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    mediator_user_id INTEGER NOT NULL REFERENCES users(id),
    household_size INTEGER CHECK (household_size IS NULL OR household_size BETWEEN 1 AND 30),
    status TEXT NOT NULL CHECK (status IN ('active', 'dormant', 'closed')),
    closed_reason TEXT,
    closed_on TEXT,
    -- sealed (domain::sealed): the family's name and contact details, when the mediator needs them
    name_sealed BLOB,
    contact_sealed BLOB,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX families_mediator ON families(mediator_user_id, status);

CREATE TABLE family_members (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families(id),
    code TEXT NOT NULL UNIQUE,
    birth_year INTEGER,
    gender TEXT CHECK (gender IS NULL OR gender IN ('female', 'male', 'other')),
    -- head, partner, child, grandparent, other_relative, other
    relation TEXT NOT NULL,
    school_sealed BLOB,
    grade INTEGER CHECK (grade IS NULL OR grade BETWEEN 0 AND 12),
    name_sealed BLOB,
    created_at INTEGER NOT NULL
);
CREATE INDEX family_members_family ON family_members(family_id);

-- Every view or change of a family's record: who, when, which record, for what purpose.
CREATE TABLE mediation_access_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    family_id INTEGER NOT NULL REFERENCES families(id),
    member_id INTEGER REFERENCES family_members(id),
    action TEXT NOT NULL CHECK (action IN ('view', 'change')),
    purpose TEXT NOT NULL
);
CREATE INDEX mediation_access_log_family ON mediation_access_log(family_id, at);

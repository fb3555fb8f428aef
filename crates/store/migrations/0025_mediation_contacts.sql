-- 0025 the mediators' case log, first part: contacts with a family (or one member). What
-- was done, the outcome, the next step and the institution are sealed; the date, duration,
-- place and areas stay plain for the aggregate figures.
CREATE TABLE mediation_contacts (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families(id),
    member_id INTEGER REFERENCES family_members(id),
    -- ISO date
    contact_date TEXT NOT NULL,
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440),
    place TEXT NOT NULL CHECK (place IN ('office', 'home_visit', 'institution', 'phone')),
    -- comma-separated: education, social_services, employment, health, housing, documents,
    -- childrens_rights, other
    areas TEXT NOT NULL,
    institution_sealed BLOB,
    done_sealed BLOB,
    outcome_sealed BLOB,
    next_step_sealed BLOB,
    next_date TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at INTEGER NOT NULL
);
CREATE INDEX mediation_contacts_family ON mediation_contacts(family_id, contact_date);

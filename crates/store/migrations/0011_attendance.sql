-- 0011 attendance: who came to an event, with a snapshot of what the statistics count
-- (category, organisation, place, gender, age) taken at check-in, so that figures for a
-- past event never change when a person later changes job or city. Roma
-- self-identification is kept only with a consent (from the registration, the registry,
-- or given at the door); withdrawing the registry consent erases it here too.
CREATE TABLE attendances (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    -- The registry person, when known; otherwise `identity_key` tells people apart.
    person_id INTEGER REFERENCES people(id),
    registration_id INTEGER UNIQUE REFERENCES registrations(id),
    -- 'e:' + lower-cased e-mail, or 'n:' + folded name, for participants not in the registry.
    identity_key TEXT NOT NULL,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('state_authority', 'municipal_authority', 'ngo',
        'roma_representative', 'mediator', 'international_partner', 'expert', 'media', 'other')),
    category_overridden INTEGER NOT NULL DEFAULT 0,
    organisation_id INTEGER REFERENCES organisations(id),
    organisation_name TEXT,
    -- The place given (a town, a unit or a foreign place) and the Latvian state city or
    -- municipality it belonged to on the event's date.
    territory_id INTEGER REFERENCES territories(id),
    place_unit_id INTEGER REFERENCES territories(id),
    gender TEXT CHECK (gender IN ('female', 'male', 'other')),
    age_years INTEGER,
    age_group TEXT CHECK (age_group IN ('under_18', '18_24', '25_29', '30_49', '50_64', '65_plus')),
    roma_self_identified TEXT CHECK (roma_self_identified IN ('yes', 'no')),
    -- registration, walk_in, import or api
    source TEXT NOT NULL,
    checked_in_at INTEGER NOT NULL,
    checked_in_by INTEGER REFERENCES users(id)
);
CREATE INDEX attendances_event ON attendances(event_id);
CREATE INDEX attendances_person ON attendances(person_id);
CREATE UNIQUE INDEX attendances_one_identity ON attendances(event_id, identity_key);

-- 0012 invitations: coordinators invite chosen people or organisations to an event; each
-- invitee answers through a personal link (stored as a hash) and an acceptance becomes a
-- registration.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    person_id INTEGER REFERENCES people(id),
    organisation_id INTEGER REFERENCES organisations(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'lv',
    token_hash TEXT NOT NULL UNIQUE,
    -- sent, accepted or declined
    status TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'declined')),
    registration_id INTEGER REFERENCES registrations(id),
    sent_at INTEGER NOT NULL,
    sent_by INTEGER REFERENCES users(id),
    responded_at INTEGER
);
CREATE UNIQUE INDEX invitations_one_per_address ON invitations(event_id, email_key);

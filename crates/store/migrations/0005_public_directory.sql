-- 0005 public directory: an organisation or person is listed on the public site only with
-- their consent, per field. A withdrawal ends the listing at once and is kept.
CREATE TABLE directory_listings (
    id INTEGER PRIMARY KEY,
    subject_kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    -- The fields consented to, comma-separated (name, organisation, role, email, phone, website).
    fields TEXT NOT NULL,
    given_on TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    withdrawn_at INTEGER,
    withdrawn_by INTEGER REFERENCES users(id)
);
CREATE INDEX directory_listings_subject ON directory_listings(subject_kind, subject_id);

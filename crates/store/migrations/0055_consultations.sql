-- 0055 consultations (issue 21, item 2): a coordinator opens a consultation on a draft
-- document (a plan, a report, a list of measures) in sections, with the days it is open;
-- logged-in users and, when chosen, the public comment per section; comments are hidden
-- with a reason, never edited; after the close the coordinator answers each comment (taken
-- up, partly, not) and publishes the summary, which stays public with the consultation.
CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    intro TEXT NOT NULL,
    document_kind TEXT NOT NULL CHECK (document_kind IN ('plan', 'report', 'measures', 'other')),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    public_comments INTEGER NOT NULL DEFAULT 0,
    published_at INTEGER,
    summary TEXT,
    summary_published_at INTEGER,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    CHECK (opens_on <= closes_on)
);

CREATE TABLE consultation_sections (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    position INTEGER NOT NULL,
    heading TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX consultation_sections_of ON consultation_sections(consultation_id, position);

CREATE TABLE consultation_comments (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    section_id INTEGER NOT NULL REFERENCES consultation_sections(id),
    body TEXT NOT NULL,
    -- a logged-in user (shown by their organisation), or none (the public: shown by no name)
    user_id INTEGER REFERENCES users(id),
    organisation_name TEXT,
    created_at INTEGER NOT NULL,
    hidden_at INTEGER,
    hidden_reason TEXT,
    hidden_by INTEGER REFERENCES users(id),
    outcome TEXT CHECK (outcome IN ('taken_up', 'partly', 'not_taken_up')),
    response TEXT,
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
CREATE INDEX consultation_comments_of ON consultation_comments(consultation_id, section_id);

-- 0031 the good-practice library: practices submitted by any organisation user, reviewed by
-- a coordinator (published, or returned with a comment). Only published practices are public
-- and only they are in the full-text index. Section texts are sanitised HTML.
CREATE TABLE practices (
    id INTEGER PRIMARY KEY,
    -- draft (the author's), submitted (waiting for review), returned (with a comment), published
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'published')),
    title_lv TEXT NOT NULL,
    title_en TEXT,
    summary_lv TEXT NOT NULL,
    summary_en TEXT,
    -- the problem it addresses; what was done; results and their evidence; what it takes to
    -- transfer it elsewhere
    problem_lv TEXT NOT NULL,
    problem_en TEXT,
    activities_lv TEXT NOT NULL,
    activities_en TEXT,
    results_lv TEXT NOT NULL,
    results_en TEXT,
    transfer_lv TEXT,
    transfer_en TEXT,
    -- comma lists: target groups (children, youth, women, …) and EU objective areas
    target_groups TEXT NOT NULL,
    areas TEXT NOT NULL,
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    year_from INTEGER NOT NULL,
    -- NULL: still going on
    year_to INTEGER,
    implementers TEXT NOT NULL,
    partners TEXT,
    cost_cents INTEGER,
    funding TEXT,
    event_id INTEGER REFERENCES events(id),
    organisation_id INTEGER REFERENCES organisations(id),
    created_by INTEGER REFERENCES users(id),
    submitted_at INTEGER,
    review_comment TEXT,
    reviewed_by INTEGER REFERENCES users(id),
    reviewed_at INTEGER,
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users(id)
);
CREATE INDEX practices_status ON practices(status);
CREATE INDEX practices_created_by ON practices(created_by);

-- Contacts chosen from the public directory; shown only while their listing stands.
CREATE TABLE practice_contacts (
    practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'organisation')),
    subject_id INTEGER NOT NULL,
    PRIMARY KEY (practice_id, subject_kind, subject_id)
);

-- Full text of published practices (rowid = practices.id), Latvian and English together;
-- diacritics folded ("skolen" finds "Skolēni"), prefix queries for inflected forms.
CREATE VIRTUAL TABLE practices_fts USING fts5(
    title, summary, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- 0032 success stories: written and reviewed by coordinators, published only while the
-- featured person's consent for the platform's site stands (a minor's with the guardian's
-- consent and the child's own view). Withdrawing the consent takes the story off at once.
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    -- draft, review (waiting for the editorial review), published, withdrawn (consent withdrawn)
    status TEXT NOT NULL CHECK (status IN ('draft', 'review', 'published', 'withdrawn')),
    -- the featured person as the story names them: their name, or a pseudonym when anonymised
    person_name TEXT NOT NULL,
    anonymised INTEGER NOT NULL DEFAULT 0,
    title_lv TEXT NOT NULL,
    title_en TEXT,
    title_rom TEXT,
    summary_lv TEXT NOT NULL,
    summary_en TEXT,
    summary_rom TEXT,
    -- sanitised HTML
    body_lv TEXT NOT NULL,
    body_en TEXT,
    body_rom TEXT,
    territory_id INTEGER REFERENCES territories(id),
    -- the photo, re-encoded without metadata, in the files directory under its SHA-256
    photo_sha256 TEXT,
    photo_kind TEXT CHECK (photo_kind IN ('jpeg', 'png')),
    photo_width INTEGER,
    photo_height INTEGER,
    photo_alt_lv TEXT,
    photo_alt_en TEXT,
    published_at INTEGER,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    CHECK (photo_sha256 IS NULL OR photo_alt_lv IS NOT NULL)
);
CREATE INDEX stories_status ON stories(status);

-- The featured person's consent, as history: one standing (not withdrawn) at most.
CREATE TABLE story_consents (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    -- comma list of: site, social, press
    channels TEXT NOT NULL,
    given_on TEXT NOT NULL,
    -- where the signed consent form is filed (a file number, a registry reference)
    form_reference TEXT NOT NULL,
    minor INTEGER NOT NULL DEFAULT 0,
    guardian_name TEXT,
    child_view TEXT CHECK (child_view IN ('agrees', 'disagrees', 'too_young', 'not_asked')),
    recorded_by INTEGER REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    withdrawn_on TEXT,
    withdrawn_by INTEGER REFERENCES users(id),
    withdrawn_at INTEGER,
    CHECK (minor = 0 OR (guardian_name IS NOT NULL AND child_view IS NOT NULL))
);
CREATE UNIQUE INDEX story_consents_standing ON story_consents(story_id) WHERE withdrawn_at IS NULL;

-- Coverage of the story in the media.
CREATE TABLE story_media (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('press', 'tv', 'radio', 'online')),
    outlet TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    published_on TEXT
);
CREATE INDEX story_media_story ON story_media(story_id);

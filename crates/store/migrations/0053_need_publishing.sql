-- 0053 needs (issue 21): the raiser's language and consent to publish; an answered need made
-- public (its public text, the novads or state city it is about — never a smaller place —
-- and whether the coordinator anonymised it); links to a follow-up action, a measure of the
-- plan or a good practice; history steps for publishing, withdrawing and linking.
ALTER TABLE needs ADD COLUMN raiser_lang TEXT;
-- the raiser agreed that the question and its answer may be published as written
ALTER TABLE needs ADD COLUMN public_consent INTEGER NOT NULL DEFAULT 0;
-- the version of the consent text (domain::privacy_notices, "questions") agreed to
ALTER TABLE needs ADD COLUMN consent_version TEXT;
ALTER TABLE needs ADD COLUMN published_at INTEGER;
ALTER TABLE needs ADD COLUMN public_title TEXT;
ALTER TABLE needs ADD COLUMN public_question TEXT;
ALTER TABLE needs ADD COLUMN public_answer TEXT;
ALTER TABLE needs ADD COLUMN public_territory_id INTEGER REFERENCES territories(id);
ALTER TABLE needs ADD COLUMN anonymised INTEGER NOT NULL DEFAULT 0;
ALTER TABLE needs ADD COLUMN action_id INTEGER REFERENCES follow_up_actions(id);
ALTER TABLE needs ADD COLUMN measure_id INTEGER REFERENCES measures(id);
ALTER TABLE needs ADD COLUMN practice_id INTEGER REFERENCES practices(id);
CREATE INDEX needs_published ON needs(published_at) WHERE published_at IS NOT NULL;

CREATE TABLE need_steps_new (
    id INTEGER PRIMARY KEY,
    need_id INTEGER NOT NULL REFERENCES needs(id),
    at INTEGER NOT NULL,
    step TEXT NOT NULL CHECK (step IN ('raised', 'assigned', 'answered', 'closed', 'merged',
        'published', 'withdrawn', 'linked')),
    by_user INTEGER REFERENCES users(id),
    organisation_id INTEGER REFERENCES organisations(id),
    other_need_id INTEGER REFERENCES needs(id)
);
INSERT INTO need_steps_new (id, need_id, at, step, by_user, organisation_id, other_need_id)
    SELECT id, need_id, at, step, by_user, organisation_id, other_need_id FROM need_steps;
DROP TABLE need_steps;
ALTER TABLE need_steps_new RENAME TO need_steps;
CREATE INDEX need_steps_need ON need_steps(need_id, at);

-- 0017 participants: one integer per person for counting, kept on every attendance —
-- a registry person's id, or the negative id of a `participants` row for someone known
-- only by e-mail or name — so the statistics group by an indexed integer instead of
-- sorting every attendance by a computed text key. Attendances known by an e-mail that is
-- now a registry person's are linked to that person first.
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    identity_key TEXT NOT NULL UNIQUE
);
UPDATE attendances
   SET person_id = (SELECT pe.person_id FROM person_emails pe
                     WHERE pe.email = substr(attendances.identity_key, 3))
 WHERE person_id IS NULL AND identity_key LIKE 'e:%';
ALTER TABLE attendances ADD COLUMN participant INTEGER;
INSERT OR IGNORE INTO participants (identity_key)
    SELECT identity_key FROM attendances WHERE person_id IS NULL ORDER BY id;
UPDATE attendances
   SET participant = COALESCE(person_id,
       -(SELECT p.id FROM participants p WHERE p.identity_key = attendances.identity_key));
CREATE INDEX attendances_participant ON attendances(participant, event_id);

-- 0028 a mediator's monthly report: the month's figures from the case log, frozen when the
-- mediator submits it, with their notes for the supervisor (sealed).
CREATE TABLE mediator_reports (
    id INTEGER PRIMARY KEY,
    mediator_user_id INTEGER NOT NULL REFERENCES users(id),
    -- YYYY-MM
    month TEXT NOT NULL,
    -- JSON: the figures as submitted
    figures TEXT NOT NULL,
    notes_sealed BLOB,
    submitted_at INTEGER NOT NULL,
    UNIQUE (mediator_user_id, month)
);

-- 0014 feedback: after an event, each participant with an address gets a one-time link
-- to a short anonymous survey. The link's row knows only the event; the answer is stored
-- apart from it, with its day only, so an answer cannot be traced to a participant.
ALTER TABLE attendances ADD COLUMN feedback_sent_at INTEGER;

CREATE TABLE feedback_links (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    token_hash TEXT NOT NULL UNIQUE,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feedback_links_event ON feedback_links(event_id);

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    usefulness INTEGER CHECK (usefulness BETWEEN 1 AND 5),
    comment TEXT,
    -- ISO date only
    answered_on TEXT NOT NULL
);
CREATE INDEX feedback_event ON feedback(event_id);

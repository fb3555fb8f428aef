-- 0009 events: when an event was first published (a draft cancelled before publication
-- never reaches the public), and an iCalendar SEQUENCE that grows with every change.
ALTER TABLE events ADD COLUMN published_at INTEGER;
ALTER TABLE events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
UPDATE events SET published_at = updated_at WHERE status NOT IN ('draft', 'cancelled');

-- 0051 versions of the privacy registers' records and of a meeting's minutes: a save made
-- on an older version is refused, as for the other edited records (issue 20, item 6).
ALTER TABLE subject_requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE breaches ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_minutes ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

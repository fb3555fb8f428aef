-- 0050 versions: every record a form edits carries the version it is at; a save made on an
-- older version is refused (issue 20, item 6: no silent overwrites). Each save adds one.
ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicators ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_agenda_items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE practices ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE news ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE site_pages ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mediation_assignments ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- 0008 agenda: an event's ordered programme items and their speakers.
CREATE TABLE event_agenda_items (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    -- Local (Europe/Riga) times of the event's day, 'HH:MM'; both optional.
    starts_at TEXT,
    ends_at TEXT,
    title_lv TEXT NOT NULL,
    title_en TEXT,
    -- Speakers who are not in the registry, as written.
    speakers_text TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX event_agenda_items_event ON event_agenda_items(event_id, position);

-- Speakers from the registry. No uniqueness: a person merge may briefly put the same
-- person twice on an item; the reader shows them once.
CREATE TABLE event_agenda_speakers (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES event_agenda_items(id),
    person_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX event_agenda_speakers_item ON event_agenda_speakers(item_id);
CREATE INDEX event_agenda_speakers_person ON event_agenda_speakers(person_id);

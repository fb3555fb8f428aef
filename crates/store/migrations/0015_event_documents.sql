-- 0015 event documents: files attached to an event or one of its agenda items. The bytes
-- live in the files directory (outside any web root) under their SHA-256; this table holds
-- what the platform knows about them. Type is decided from the content.
CREATE TABLE event_documents (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    agenda_item_id INTEGER REFERENCES event_agenda_items(id),
    title TEXT NOT NULL,
    -- pdf, docx, xlsx, odt, jpeg or png
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx', 'odt', 'jpeg', 'png')),
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    is_public INTEGER NOT NULL DEFAULT 0,
    uploaded_at INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users(id)
);
CREATE INDEX event_documents_event ON event_documents(event_id);

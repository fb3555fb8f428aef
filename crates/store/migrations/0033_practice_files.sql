-- 0033 a good practice's attachments (documents) and images: the bytes live in the files
-- directory under their SHA-256; images are re-encoded without metadata and carry their
-- alternative text. Public only while the practice is published.
CREATE TABLE practice_files (
    id INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- pdf, docx, xlsx, odt, jpeg or png
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx', 'odt', 'jpeg', 'png')),
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    -- images only: what the image shows, and its size in pixels
    alt_lv TEXT,
    alt_en TEXT,
    width INTEGER,
    height INTEGER,
    uploaded_by INTEGER REFERENCES users(id),
    uploaded_at INTEGER NOT NULL,
    CHECK (kind NOT IN ('jpeg', 'png') OR alt_lv IS NOT NULL)
);
CREATE INDEX practice_files_practice ON practice_files(practice_id);

-- 0030 news and announcements of the public site (calls to take part, events, programmes
-- Roma families can use), written by coordinators; bodies are sanitised HTML.
CREATE TABLE news (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('announcement', 'call', 'programme', 'event')),
    title_lv TEXT NOT NULL,
    title_en TEXT,
    summary_lv TEXT NOT NULL,
    summary_en TEXT,
    body_lv TEXT NOT NULL,
    body_en TEXT,
    -- NULL: a draft
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users(id)
);
CREATE INDEX news_published ON news(published_at) WHERE published_at IS NOT NULL;

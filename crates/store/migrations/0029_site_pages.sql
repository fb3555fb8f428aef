-- 0029 the public site's static pages (about the platform, who is who, contacts), edited by
-- coordinators; bodies are sanitised HTML.
CREATE TABLE site_pages (
    slug TEXT PRIMARY KEY CHECK (slug IN ('about', 'who-is-who', 'contacts')),
    title_lv TEXT NOT NULL,
    title_en TEXT,
    body_lv TEXT NOT NULL,
    body_en TEXT,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users(id)
);

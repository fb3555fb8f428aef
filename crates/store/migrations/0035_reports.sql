-- 0035 reports (issue 8): the narrative texts coordinators write for a report before they
-- issue it, per report, period and language; and issued reports, frozen — the data snapshot
-- (the report as JSON) and every rendered file, with who issued it and when, so that a
-- report issued again next month cannot change what was sent.
CREATE TABLE report_narratives (
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('lv', 'en')),
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    PRIMARY KEY (kind, period, lang, key)
);

CREATE TABLE issued_reports (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('lv', 'en')),
    audience TEXT NOT NULL CHECK (audience IN ('public', 'internal')),
    title TEXT NOT NULL,
    -- documents::report::Report as JSON: every figure as it was issued
    snapshot TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    issued_by INTEGER REFERENCES users(id),
    -- public reports are listed on the site until withdrawn
    withdrawn_at INTEGER
);
CREATE INDEX issued_reports_kind ON issued_reports(kind, period, lang, audience);

CREATE TABLE issued_report_files (
    report_id INTEGER NOT NULL REFERENCES issued_reports(id),
    format TEXT NOT NULL CHECK (format IN ('html', 'pdf', 'docx', 'xlsx')),
    bytes BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (report_id, format)
);

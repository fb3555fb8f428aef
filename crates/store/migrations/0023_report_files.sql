-- 0023 evidence files of progress reports: kept like event documents (bytes in the files
-- directory under their SHA-256, type told from the content), visible to the reporting
-- organisation and the coordinators.
CREATE TABLE progress_report_files (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES progress_reports(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx', 'odt', 'jpeg', 'png')),
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users(id)
);
CREATE INDEX progress_report_files_report ON progress_report_files(report_id);
CREATE INDEX progress_report_files_sha ON progress_report_files(sha256);

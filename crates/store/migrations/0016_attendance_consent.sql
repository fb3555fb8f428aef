-- 0016 attendance consent: where the consent that covers a stored Roma answer (and the
-- other self-declared answers) came from — registration, registry, door, sheet or api —
-- and under which notice version.
ALTER TABLE attendances ADD COLUMN stats_consent_source TEXT
    CHECK (stats_consent_source IN ('registration', 'registry', 'door', 'sheet', 'api'));
ALTER TABLE attendances ADD COLUMN stats_notice_version TEXT;

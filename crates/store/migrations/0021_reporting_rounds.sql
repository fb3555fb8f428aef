-- 0021 reporting rounds: the coordinator opens a round for a plan (period covered,
-- deadline); every measure running in that period gets a progress report from its
-- responsible organisation and one from each co-responsible organisation. A report goes
-- pending → submitted → accepted, or back to returned (with the coordinator's comment) and
-- submitted again. Accepted reports are the measures' progress records.

CREATE TABLE reporting_rounds (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    title_lv TEXT NOT NULL,
    title_en TEXT,
    -- ISO dates: the period the reports cover, and the deadline (inclusive)
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at INTEGER NOT NULL,
    opened_by INTEGER REFERENCES users(id),
    closed_at INTEGER,
    CHECK (period_end >= period_start)
);
CREATE INDEX reporting_rounds_plan ON reporting_rounds(plan_id);

CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES reporting_rounds(id),
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL CHECK (role IN ('responsible', 'partner')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'submitted', 'returned', 'accepted')),
    measure_status TEXT,
    done TEXT,
    spent_cents INTEGER CHECK (spent_cents IS NULL OR spent_cents >= 0),
    reached_roma INTEGER CHECK (reached_roma IS NULL OR reached_roma >= 0),
    reached_women INTEGER CHECK (reached_women IS NULL OR reached_women >= 0),
    reached_youth INTEGER CHECK (reached_youth IS NULL OR reached_youth >= 0),
    -- links, one per line
    evidence TEXT,
    submitted_at INTEGER,
    submitted_by INTEGER REFERENCES users(id),
    reviewed_at INTEGER,
    reviewed_by INTEGER REFERENCES users(id),
    review_comment TEXT,
    updated_at INTEGER NOT NULL,
    UNIQUE (round_id, measure_id, organisation_id)
);
CREATE INDEX progress_reports_organisation ON progress_reports(organisation_id, status);
CREATE INDEX progress_reports_measure ON progress_reports(measure_id, status);

-- Municipalities (Latvian units) a report's work covered.
CREATE TABLE progress_report_places (
    report_id INTEGER NOT NULL REFERENCES progress_reports(id),
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    PRIMARY KEY (report_id, territory_id)
);

-- Indicator values reported for the round's period (the year it ends in).
CREATE TABLE progress_report_values (
    report_id INTEGER NOT NULL REFERENCES progress_reports(id),
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    value REAL NOT NULL,
    general_value REAL,
    PRIMARY KEY (report_id, indicator_id)
);

-- The review cycle: submitted, returned (with the comment), accepted.
CREATE TABLE progress_report_steps (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES progress_reports(id),
    step TEXT NOT NULL CHECK (step IN ('submitted', 'returned', 'accepted')),
    comment TEXT,
    at INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    actor_label TEXT
);
CREATE INDEX progress_report_steps_report ON progress_report_steps(report_id, id);

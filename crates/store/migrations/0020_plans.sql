-- 0020 policy monitoring: plans, the national tasks under the EU Roma framework's
-- objectives, measures with their responsible and co-responsible organisations,
-- indicators and their values per year, the EU 2030 headline targets as reference data,
-- and the history of every change (who, when, why, the earlier and the new value).

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    name_lv TEXT NOT NULL,
    name_en TEXT,
    legal_basis_lv TEXT,
    legal_basis_en TEXT,
    -- years, inclusive
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_force', 'closed')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (period_end >= period_start)
);

-- A national task under one of the seven objectives (equality, inclusion, participation,
-- education, employment, health, housing).
CREATE TABLE plan_tasks (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    objective TEXT NOT NULL,
    code TEXT NOT NULL,
    title_lv TEXT NOT NULL,
    title_en TEXT,
    UNIQUE (plan_id, code)
);

CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    task_id INTEGER REFERENCES plan_tasks(id),
    objective TEXT NOT NULL,
    code TEXT NOT NULL,
    title_lv TEXT NOT NULL,
    title_en TEXT,
    description_lv TEXT,
    description_en TEXT,
    responsible_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    -- ISO dates
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    budget_cents INTEGER CHECK (budget_cents IS NULL OR budget_cents >= 0),
    budget_source TEXT,
    outputs_lv TEXT,
    outputs_en TEXT,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (plan_id, code),
    CHECK (period_end >= period_start)
);
CREATE INDEX measures_responsible ON measures(responsible_organisation_id);
CREATE INDEX measures_task ON measures(task_id);

CREATE TABLE measure_partners (
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (measure_id, organisation_id)
);
CREATE INDEX measure_partners_organisation ON measure_partners(organisation_id);

-- The EU Roma strategic framework's minimum headline targets for 2030 (COM(2020) 620,
-- 7 October 2020; qualitative wording as published by the Commission,
-- ec.europa.eu/newsroom/just/items/692153/en). `rule` and `factor` say what the target asks
-- of a value measured at the baseline: reduce_gap (the Roma / general-population gap times
-- factor), reduce (the Roma value times factor), increase (times factor), reach (at least
-- factor, in per cent). No numeric baseline is shipped: Latvia is not in the FRA Roma Survey
-- 2021, so national indicators carry their own baselines and sources.
CREATE TABLE eu_targets (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    objective TEXT NOT NULL,
    rule TEXT NOT NULL CHECK (rule IN ('reduce_gap', 'reduce', 'increase', 'reach')),
    factor REAL NOT NULL,
    wording_lv TEXT NOT NULL,
    wording_en TEXT NOT NULL
);
INSERT INTO eu_targets (key, position, objective, rule, factor, wording_lv, wording_en) VALUES
 ('discrimination', 1, 'equality', 'reduce', 0.5,
  'Vismaz uz pusi samazināt to romu īpatsvaru, kuri saskārušies ar diskrimināciju',
  'Cut the proportion of Roma who experience discrimination by at least half'),
 ('discrimination_reporting', 2, 'equality', 'increase', 2.0,
  'Divkāršot to romu īpatsvaru, kuri ziņo par piedzīvoto diskrimināciju',
  'Double the proportion of Roma who report the discrimination they experience'),
 ('poverty_gap', 3, 'inclusion', 'reduce_gap', 0.5,
  'Vismaz uz pusi samazināt nabadzības atšķirību starp romiem un sabiedrību kopumā',
  'Reduce the poverty gap between Roma and the general population by at least half'),
 ('early_childhood_education_gap', 4, 'education', 'reduce_gap', 0.5,
  'Vismaz uz pusi samazināt atšķirību dalībā agrīnajā pirmsskolas izglītībā un aprūpē',
  'Cut the gap in participation in early childhood education and care by at least half'),
 ('segregated_schooling', 5, 'education', 'reduce', 0.5,
  'Vismaz uz pusi samazināt to romu bērnu īpatsvaru, kuri mācās segregētās sākumskolās',
  'Cut the proportion of Roma children attending segregated primary schools by at least half'),
 ('employment_gap', 6, 'employment', 'reduce_gap', 0.5,
  'Vismaz uz pusi samazināt nodarbinātības atšķirību un dzimumu nodarbinātības atšķirību',
  'Cut the employment gap and the gender employment gap by at least half'),
 ('life_expectancy_gap', 7, 'health', 'reduce_gap', 0.5,
  'Vismaz uz pusi samazināt paredzamā mūža ilguma atšķirību',
  'Cut the gap in life expectancy by at least half'),
 ('housing_deprivation_gap', 8, 'housing', 'reduce_gap', 0.6667,
  'Vismaz par trešdaļu samazināt mājokļa nepietiekamības atšķirību',
  'Reduce the gap in housing deprivation by at least one third'),
 ('tap_water', 9, 'housing', 'reach', 95.0,
  'Panākt, ka vismaz 95 % romu ir pieejams krāna ūdens',
  'Ensure that at least 95% of Roma have access to tap water');

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    -- an output indicator belongs to a measure; an outcome indicator to an objective
    measure_id INTEGER REFERENCES measures(id),
    objective TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('output', 'outcome')),
    name_lv TEXT NOT NULL,
    name_en TEXT,
    unit_lv TEXT NOT NULL,
    unit_en TEXT,
    direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    baseline_value REAL,
    baseline_general REAL,
    baseline_year INTEGER,
    target_value REAL,
    target_year INTEGER,
    source_lv TEXT,
    source_en TEXT,
    eu_target TEXT REFERENCES eu_targets(key),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX indicators_plan ON indicators(plan_id, objective);
CREATE INDEX indicators_measure ON indicators(measure_id);

-- One value per indicator and year: for an outcome indicator the Roma value and the
-- general population's.
CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    year INTEGER NOT NULL,
    value REAL NOT NULL,
    general_value REAL,
    note TEXT,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    UNIQUE (indicator_id, year)
);

-- Every change to a plan, measure or indicator (its values too): one row per field, with
-- the earlier and the new value as text and the reason given. Nothing is overwritten
-- without a row here.
CREATE TABLE plan_history (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('plan', 'measure', 'indicator')),
    entity_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reason TEXT,
    at INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    actor_label TEXT
);
CREATE INDEX plan_history_entity ON plan_history(entity, entity_id, id);

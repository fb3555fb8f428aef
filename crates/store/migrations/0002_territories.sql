-- 0002 territories: Latvian state cities and municipalities with validity dates, towns and
-- pre-2021 municipalities mapped to them, foreign places. Rows come from data/territories/
-- (loaded by the migration runner right after this schema).

CREATE TABLE territories (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    name_lv TEXT NOT NULL,
    name_en TEXT,
    -- Folded (lower case, no diacritics) Latvian and English names, for search.
    search_key TEXT NOT NULL,
    iso_3166_2 TEXT,
    atvk TEXT,
    planning_region TEXT,
    country TEXT NOT NULL,
    country_name_lv TEXT NOT NULL,
    country_name_en TEXT NOT NULL,
    -- The unit a town or a pre-2021 municipality belonged to when the 2021 reform took effect.
    parent_id INTEGER REFERENCES territories(id),
    -- A town's pre-2021 municipality.
    historic_parent_id INTEGER REFERENCES territories(id),
    -- Inclusive ISO dates; NULL is open-ended.
    valid_from TEXT,
    valid_to TEXT,
    successor_id INTEGER REFERENCES territories(id)
);
CREATE INDEX territories_kind ON territories(kind, name_lv);
CREATE INDEX territories_parent ON territories(parent_id);

-- 0027 retention: when a closed case was anonymised (its sealed text, names, schools, birth
-- years, genders and grades removed; dates, areas, statuses and consents kept for the
-- figures).
ALTER TABLE families ADD COLUMN anonymised_at INTEGER;
CREATE INDEX families_closed ON families(status, closed_on) WHERE anonymised_at IS NULL;

-- 0054 services and opportunities (issue 21, item 3): programmes and services for Roma
-- families — employment, education support, social services, health, housing, ESF+ projects,
-- grants for NGOs — each with its provider (an organisation of the registry), the places it
-- serves (none: all Latvia), whom it is for, how to apply, contact, cost, languages and the
-- days it is valid. Kept by coordinators and the provider's own users; past its end day an
-- entry leaves the public list, and its keepers are reminded a month before. A mediator's
-- referral may name the service it sends a family to.
CREATE TABLE services (
    id INTEGER PRIMARY KEY,
    title_lv TEXT NOT NULL,
    title_en TEXT,
    summary_lv TEXT NOT NULL,
    summary_en TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('employment', 'education', 'social', 'health',
        'housing', 'esf', 'grants', 'other')),
    area TEXT NOT NULL CHECK (area IN ('equality', 'inclusion', 'participation', 'education',
        'employment', 'health', 'housing')),
    provider_id INTEGER NOT NULL REFERENCES organisations(id),
    -- children, youth, women, families, community: comma-separated, in that order
    target_groups TEXT NOT NULL DEFAULT '',
    eligibility TEXT,
    how_to_apply TEXT,
    -- a service's public contact (an office's phone or address, not a person's)
    contact TEXT,
    cost TEXT,
    languages TEXT,
    link TEXT,
    valid_from TEXT,
    valid_to TEXT,
    -- folded title, summary, eligibility and provider, for search without diacritics
    search_key TEXT NOT NULL DEFAULT '',
    -- when the keepers were reminded of the end day (once per end day)
    reminded_for TEXT,
    withdrawn_at INTEGER,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);
CREATE INDEX services_provider ON services(provider_id);
CREATE INDEX services_valid_to ON services(valid_to);

-- The places a service serves (a novads, state city or town); none: all Latvia.
CREATE TABLE service_places (
    service_id INTEGER NOT NULL REFERENCES services(id),
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    PRIMARY KEY (service_id, territory_id)
);

ALTER TABLE mediation_referrals ADD COLUMN service_id INTEGER REFERENCES services(id);

-- 0026 mediation, second part: consent per purpose, referrals to institutions and
-- programmes, school attendance and drop-out-risk follow-up, and the reason a case closed.

-- A consent for one purpose, from the family (member_id NULL: given for the whole family
-- by its adult members) or for one member. Withdrawal is one step: withdrawn_on is set,
-- the row stays (who gave what, when, under which notice is itself the evidence).
CREATE TABLE mediation_consents (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families(id),
    member_id INTEGER REFERENCES family_members(id),
    purpose TEXT NOT NULL
        CHECK (purpose IN ('case_work', 'sharing', 'statistics', 'success_story')),
    -- for sharing: the kind of institution and (sealed) its name
    institution_kind TEXT CHECK (institution_kind IS NULL OR institution_kind IN
        ('school', 'social_service', 'health_care', 'employment_agency', 'other')),
    institution_sealed BLOB,
    given_by TEXT NOT NULL CHECK (given_by IN ('person', 'parent', 'guardian')),
    -- for a child, when a parent or guardian consented: the child's own view
    child_view TEXT CHECK (child_view IS NULL OR child_view IN
        ('agrees', 'disagrees', 'too_young', 'not_asked')),
    given_on TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    withdrawn_on TEXT,
    withdrawn_by INTEGER REFERENCES users(id),
    CHECK ((purpose = 'sharing') = (institution_kind IS NOT NULL))
);
CREATE INDEX mediation_consents_family ON mediation_consents(family_id, purpose);

-- A referral to an institution or a programme, with its status until resolved. A referral
-- that shares information with an institution depends on a sharing consent; without one in
-- force it needs an urgent-necessity override (its reason sealed, shown to the supervisor).
CREATE TABLE mediation_referrals (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families(id),
    member_id INTEGER REFERENCES family_members(id),
    referred_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('school', 'social_service', 'health_care',
        'employment_agency', 'esf_programme', 'municipal_programme', 'other')),
    institution_sealed BLOB,
    consent_id INTEGER REFERENCES mediation_consents(id),
    override_reason_sealed BLOB,
    override_at INTEGER,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'helped', 'not_helped',
        'cancelled')),
    status_on TEXT NOT NULL,
    note_sealed BLOB,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX mediation_referrals_family ON mediation_referrals(family_id, referred_on);

-- A school-age child's attendance and drop-out-risk follow-up for one term: the risk noted,
-- the action taken (sealed) and the result at the end of the term.
CREATE TABLE school_followups (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families(id),
    member_id INTEGER NOT NULL REFERENCES family_members(id),
    -- the school year by the year it starts (2025 = 2025/26), and its term (1: autumn, 2: spring)
    school_year INTEGER NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
    term INTEGER NOT NULL CHECK (term IN (1, 2)),
    noted_on TEXT NOT NULL,
    risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
    action_sealed BLOB,
    result TEXT CHECK (result IS NULL OR result IN ('stayed', 'dropped_out', 'moved_away',
        'unknown')),
    result_on TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    UNIQUE (member_id, school_year, term)
);
CREATE INDEX school_followups_family ON school_followups(family_id);

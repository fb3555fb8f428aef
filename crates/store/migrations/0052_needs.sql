-- 0052 needs and questions (issue 21): raised by a community, given by a coordinator to the
-- responsible institution, answered within the time asked; each step in the need's history.
-- The raiser's name and address are kept only to tell them of each step (with their
-- consent), and go by the storage limit `needs` after the need is done.
CREATE TABLE needs (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    area TEXT NOT NULL CHECK (area IN ('equality', 'inclusion', 'participation', 'education',
        'employment', 'health', 'housing')),
    territory_id INTEGER REFERENCES territories(id),
    -- children, youth, women, families, community: comma-separated, in that order
    concerns TEXT NOT NULL DEFAULT '',
    event_id INTEGER REFERENCES events(id),
    source TEXT NOT NULL CHECK (source IN ('public', 'workspace')),
    raised_by INTEGER REFERENCES users(id),
    raised_by_org INTEGER REFERENCES organisations(id),
    raiser_name TEXT,
    raiser_email TEXT,
    -- the raiser agreed to be written to about this need
    contact_consent INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'assigned', 'answered', 'closed', 'merged')),
    assigned_org_id INTEGER REFERENCES organisations(id),
    assigned_on TEXT,
    answer_due_on TEXT,
    answer TEXT,
    answered_on TEXT,
    answered_by INTEGER REFERENCES users(id),
    close_reason TEXT,
    merged_into_id INTEGER REFERENCES needs(id),
    done_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
    CHECK (status <> 'closed' OR close_reason IS NOT NULL),
    CHECK (status <> 'answered' OR answer IS NOT NULL)
);
CREATE INDEX needs_status ON needs(status, answer_due_on);
CREATE INDEX needs_assigned ON needs(assigned_org_id, status);

-- What happened to a need, in order: raised, assigned, answered, closed, merged.
CREATE TABLE need_steps (
    id INTEGER PRIMARY KEY,
    need_id INTEGER NOT NULL REFERENCES needs(id),
    at INTEGER NOT NULL,
    step TEXT NOT NULL CHECK (step IN ('raised', 'assigned', 'answered', 'closed', 'merged')),
    by_user INTEGER REFERENCES users(id),
    -- the organisation given the need (assigned), or the need merged into (merged)
    organisation_id INTEGER REFERENCES organisations(id),
    other_need_id INTEGER REFERENCES needs(id)
);
CREATE INDEX need_steps_need ON need_steps(need_id, at);

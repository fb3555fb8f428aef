-- Issue 17, item 4: a mediator's families are handed to another mediator (one who leaves, or
-- whose account is to get another role) with four eyes: one coordinator proposes it, a second
-- approves it; only then do the families move. At most one handover per mediator is pending.
CREATE TABLE family_handovers (
    id INTEGER PRIMARY KEY,
    from_user_id INTEGER NOT NULL REFERENCES users(id),
    to_user_id INTEGER NOT NULL REFERENCES users(id),
    -- NULL: the command line
    proposed_by INTEGER REFERENCES users(id),
    proposed_at INTEGER NOT NULL,
    decided_by INTEGER REFERENCES users(id),
    decided_at INTEGER,
    decision TEXT CHECK (decision IN ('approved', 'refused', 'withdrawn')),
    -- how many families moved on approval
    moved INTEGER,
    CHECK (from_user_id <> to_user_id),
    CHECK ((decided_at IS NULL) = (decision IS NULL))
);
CREATE UNIQUE INDEX family_handovers_pending ON family_handovers(from_user_id)
    WHERE decided_at IS NULL;

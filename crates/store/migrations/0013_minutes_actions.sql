-- 0013 minutes and follow-up actions: what a meeting concluded, published when the
-- coordinators say so, and the actions it decided, owned by organisations, followed until
-- done or dropped.
CREATE TABLE event_minutes (
    event_id INTEGER PRIMARY KEY REFERENCES events(id),
    summary_lv TEXT,
    summary_en TEXT,
    decisions_lv TEXT,
    decisions_en TEXT,
    recommendations_lv TEXT,
    recommendations_en TEXT,
    published_at INTEGER,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users(id)
);

CREATE TABLE follow_up_actions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    title_lv TEXT NOT NULL,
    title_en TEXT,
    owner_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    -- ISO date
    due_date TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    drop_reason TEXT,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    CHECK (status <> 'dropped' OR drop_reason IS NOT NULL)
);
CREATE INDEX follow_up_actions_owner ON follow_up_actions(owner_organisation_id, status);
CREATE INDEX follow_up_actions_event ON follow_up_actions(event_id);

CREATE TABLE follow_up_notes (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES follow_up_actions(id),
    note TEXT NOT NULL,
    -- the status set with this note, if it changed
    status TEXT,
    created_at INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id)
);
CREATE INDEX follow_up_notes_action ON follow_up_notes(action_id, created_at);

-- Issue 17, item 5: supervision with four eyes. A supervisor named for an assignment is first
-- proposed (by one coordinator) and takes effect only when a second coordinator approves;
-- until then the assignment keeps its current supervisor, if any. Appointments already in
-- effect stay (the audit log shows who made them).
ALTER TABLE mediation_assignments ADD COLUMN proposed_supervisor_user_id INTEGER REFERENCES users(id);
ALTER TABLE mediation_assignments ADD COLUMN proposed_by INTEGER REFERENCES users(id);
ALTER TABLE mediation_assignments ADD COLUMN proposed_at INTEGER;
-- who approved the supervisor in effect, and when (NULL for appointments made before this)
ALTER TABLE mediation_assignments ADD COLUMN supervisor_approved_by INTEGER REFERENCES users(id);
ALTER TABLE mediation_assignments ADD COLUMN supervisor_since INTEGER;

-- A supervisor's access now names a purpose from a list ("supervision:quality_review", …) in
-- `purpose`, and the free-text note goes sealed (like case notes) into `note_sealed`. Reasons
-- stored in the clear before ("supervision: <text>") are sealed by a data step when the
-- platform starts with its key (store::mediation::seal_legacy_reasons).
ALTER TABLE mediation_access_log ADD COLUMN note_sealed BLOB;

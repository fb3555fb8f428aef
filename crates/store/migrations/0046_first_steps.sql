-- Issue 19, item 11: the workspace home shows a new account a short list of first steps for
-- its role until its owner says they are done with it.
ALTER TABLE users ADD COLUMN first_steps_done_at INTEGER;

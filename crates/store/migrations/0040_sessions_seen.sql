-- Issue 17, items 1 and 3. Sessions the owner can see and end: the browser's user agent (at
-- most 300 characters) and the client address at login, and when the password (and second
-- factor) were last proved in this session, for the actions that ask for them again within
-- ten minutes. Recovery codes are hashed with a random salt of their own (ASVS 2.6.2: they
-- carry fewer than 112 bits); codes made before have none and are checked as before.
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN ip TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN proved_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET proved_at = created_at;
ALTER TABLE recovery_codes ADD COLUMN salt BLOB;

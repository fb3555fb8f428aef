-- A second factor for accounts (issue 17): a TOTP key per account, sealed like case notes
-- (the key file's XChaCha20-Poly1305) and bound to its account, with the last step used (a
-- code is good once); ten one-time recovery codes, stored as hashes; and the short-lived
-- challenge between a right password and a right code (only its hash is kept).
CREATE TABLE totp_factors (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL UNIQUE REFERENCES users(id),
    key_sealed BLOB NOT NULL,
    -- NULL while the user has not yet confirmed it with a code from their app
    confirmed_at INTEGER,
    last_step INTEGER,
    -- wrong codes in a row since the last right one; at the limit the code step is locked
    -- until the password is set anew or a coordinator resets the factor
    failed_codes INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at INTEGER
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

CREATE TABLE login_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    -- where to go after the code (a local path)
    next TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

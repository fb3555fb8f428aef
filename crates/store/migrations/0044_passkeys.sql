-- Issue 17, item 1: passkeys (WebAuthn) as a second kind of second factor, besides the
-- authenticator app (which stays required first: its recovery codes and the no-JavaScript path).
-- `passkey` is the credential as webauthn-rs keeps it (JSON: id, public key, counter); public
-- data, nothing secret. An account's WebAuthn user handle is random, not its id.
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    credential_id BLOB NOT NULL UNIQUE,
    name TEXT NOT NULL,
    passkey TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX passkeys_user ON passkeys(user_id);

-- A ceremony under way (registration on the account page, or the sign-in's second step): the
-- server's half of the challenge, kept here and never sent to the browser; five minutes.
CREATE TABLE passkey_ceremonies (
    id INTEGER PRIMARY KEY,
    -- 'register:<user id>' or 'sign_in:<challenge hash>'
    owner TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);

ALTER TABLE users ADD COLUMN passkey_handle BLOB;

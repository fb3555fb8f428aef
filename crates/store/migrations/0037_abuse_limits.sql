-- Limits against abuse (issue 16).
--
-- Browsers that have logged in to an account (issue 16): a login from one of them is not
-- held back by failures that others caused. Only the SHA-256 of the browser's random mark is
-- kept; a mark unused for a year is deleted.
CREATE TABLE trusted_devices (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    UNIQUE (token_hash, user_id)
);
CREATE INDEX trusted_devices_user ON trusted_devices(user_id);

-- Posts of the public forms (registration, cancellation, invitation answers, feedback) per
-- client address, counted over a short window and then deleted.
CREATE TABLE public_posts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX public_posts_key ON public_posts(key, at);

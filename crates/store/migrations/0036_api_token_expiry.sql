-- API tokens end: 180 days after they are made (store::tokens::TOKEN_LIFETIME). Tokens made
-- before this migration keep at least 30 days from the upgrade, so an integration is not cut
-- off without warning.
ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;
UPDATE api_tokens
   SET expires_at = MAX(created_at + 15552000, CAST(strftime('%s', 'now') AS INTEGER) + 2592000)
 WHERE expires_at IS NULL;

-- Issue 17, item 7: the outbox knows each message's language ("lv", "en", or "" for a message
-- in both, to a recipient whose language is not known) for its HTML part and footer, and where
-- the recipient stops that kind of mail (List-Unsubscribe), where that applies.
ALTER TABLE outbox ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN unsubscribe TEXT;

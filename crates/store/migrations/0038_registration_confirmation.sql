-- Registrations confirmed from the e-mail (issue 16).
--
-- A registration made on the public form holds its place (confirmed or waiting) while it
-- waits for its registrant to confirm it from the personal link mailed to them; one not
-- confirmed in time (48 hours, less near the start) is released by the scheduled jobs
-- (cancel_reason 'unconfirmed'), its personal data blanked, and the waiting list moves up. Registrations made by a coordinator (by phone, in person)
-- or from an invitation's personal link are confirmed at once. Registrations made before
-- this migration were taken as they were: confirmed when made.
ALTER TABLE registrations ADD COLUMN email_confirmed_at INTEGER;
UPDATE registrations SET email_confirmed_at = created_at;
-- Until when a pending registration may be confirmed: 48 hours, or less close to the
-- event's start (NULL for registrations confirmed at once).
ALTER TABLE registrations ADD COLUMN confirm_by INTEGER;
-- Who registered someone by hand (NULL: the registrant, on the form or an invitation).
ALTER TABLE registrations ADD COLUMN registered_by INTEGER REFERENCES users(id);
-- Why a cancelled registration was cancelled: the registrant did, it was not confirmed in
-- time, or a coordinator released an unconfirmed one (after a flood of made-up sign-ups);
-- NULL for cancellations before this migration.
ALTER TABLE registrations ADD COLUMN cancel_reason TEXT
    CHECK (cancel_reason IN ('registrant', 'unconfirmed', 'coordinator'));

-- Someone registered by phone may have no e-mail address (email ''): the
-- one-active-registration-per-address rule holds for real addresses only.
DROP INDEX registrations_one_active;
CREATE UNIQUE INDEX registrations_one_active ON registrations(event_id, email_key)
    WHERE status <> 'cancelled' AND email_key <> '';
-- The scheduled jobs look for unconfirmed registrations past their time.
CREATE INDEX registrations_unconfirmed ON registrations(confirm_by)
    WHERE email_confirmed_at IS NULL AND status <> 'cancelled';

-- 0047 storage limits: when a registry person last took part. The storage limits anonymise
-- registrations, invitations and attendance before the person's own limit comes, and
-- remove their link to the person as they go; the person's last activity is kept here, so
-- the rule for people no longer taking part still counts from it.
ALTER TABLE people ADD COLUMN last_active_at INTEGER;
UPDATE people SET last_active_at = (
    SELECT MAX(t) FROM (
        SELECT MAX(e.ends_at) AS t FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.person_id = people.id
        UNION ALL
        SELECT MAX(e.ends_at) FROM invitations i JOIN events e ON e.id = i.event_id
         WHERE i.person_id = people.id
        UNION ALL
        SELECT MAX(e.ends_at) FROM attendances a JOIN events e ON e.id = a.event_id
         WHERE a.person_id = people.id));
-- Numbers of participants known only by an address or a name that no attendance counts by
-- any more (their attendances were linked to a registry person, or removed): the address
-- or name in them goes.
DELETE FROM participants
 WHERE NOT EXISTS (SELECT 1 FROM attendances a WHERE a.participant = -participants.id);

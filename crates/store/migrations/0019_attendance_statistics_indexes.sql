-- 0019: two narrow indexes for participation statistics.
-- Attendances whose participant number was given to them later — an e-mail attendance
-- linked to the registry person who now has the address, or a merged person's attendance
-- (`identity_key` is then not 'p:' and the participant's id). Only these can make a
-- participant appear twice at one event, so participations (distinct participant and event
-- pairs) are the selected attendances less the duplicates found among these few.
CREATE INDEX attendances_relinked ON attendances(event_id, participant)
    WHERE participant > 0 AND identity_key <> 'p:' || participant;
-- The snapshot columns statistics describe a participant by, read for each participant's
-- latest attendance without visiting the (wide) table row.
CREATE INDEX attendances_snapshot ON attendances(id, category, gender, age_group, age_years,
    roma_self_identified, place_unit_id);

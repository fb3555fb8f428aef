-- 0018: attendances by event, then participant — covering what the statistics aggregate
-- reads (event, participant, id), so it walks the selected events' entries without a
-- lookup in the table. It replaces the plain index on event_id.
CREATE INDEX attendances_event_participant ON attendances(event_id, participant);
DROP INDEX attendances_event;

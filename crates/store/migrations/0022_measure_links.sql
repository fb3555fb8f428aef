-- 0022 what serves a measure: events and follow-up actions linked to the plan's measures
-- from their own forms, shown on the measure's page.
CREATE TABLE event_measures (
    event_id INTEGER NOT NULL REFERENCES events(id),
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    PRIMARY KEY (event_id, measure_id)
);
CREATE INDEX event_measures_measure ON event_measures(measure_id);

CREATE TABLE action_measures (
    action_id INTEGER NOT NULL REFERENCES follow_up_actions(id),
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    PRIMARY KEY (action_id, measure_id)
);
CREATE INDEX action_measures_measure ON action_measures(measure_id);

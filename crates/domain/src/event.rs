//! Events: the platform's meetings, visits, workshops and seminars, their types, the EU
//! Roma framework objectives they serve, and their lifecycle.

/// What kind of event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    AnnualCoordination,
    RegionalExpert,
    GoodPracticeVisit,
    Interministerial,
    Workshop,
    MediatorsSeminar,
    CrossBorderVisit,
    Other,
}

impl EventType {
    pub const ALL: [EventType; 8] = [
        EventType::AnnualCoordination,
        EventType::RegionalExpert,
        EventType::GoodPracticeVisit,
        EventType::Interministerial,
        EventType::Workshop,
        EventType::MediatorsSeminar,
        EventType::CrossBorderVisit,
        EventType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::AnnualCoordination => "annual_coordination",
            EventType::RegionalExpert => "regional_expert",
            EventType::GoodPracticeVisit => "good_practice_visit",
            EventType::Interministerial => "interministerial",
            EventType::Workshop => "workshop",
            EventType::MediatorsSeminar => "mediators_seminar",
            EventType::CrossBorderVisit => "cross_border_visit",
            EventType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            EventType::AnnualCoordination => "event-type-annual-coordination",
            EventType::RegionalExpert => "event-type-regional-expert",
            EventType::GoodPracticeVisit => "event-type-good-practice-visit",
            EventType::Interministerial => "event-type-interministerial",
            EventType::Workshop => "event-type-workshop",
            EventType::MediatorsSeminar => "event-type-mediators-seminar",
            EventType::CrossBorderVisit => "event-type-cross-border-visit",
            EventType::Other => "event-type-other",
        }
    }

    /// The form's defaults for a new event of this type: (public, capacity, hours long).
    pub fn defaults(self) -> (bool, Option<i64>, i64) {
        match self {
            EventType::AnnualCoordination => (true, Some(250), 7),
            EventType::RegionalExpert => (false, Some(40), 4),
            EventType::GoodPracticeVisit => (false, Some(25), 6),
            EventType::Interministerial => (false, Some(30), 2),
            EventType::Workshop => (true, Some(30), 4),
            EventType::MediatorsSeminar => (false, Some(20), 6),
            EventType::CrossBorderVisit => (false, Some(15), 8),
            EventType::Other => (true, None, 2),
        }
    }
}

crate::vocabulary! {
    /// The EU Roma strategic framework's objectives (an event, a measure or a practice serves
    /// some of them).
    #[derive(Default)]
    pub enum Objective (other = Housing) {
        #[default]
        Equality = ("equality", "objective-equality"),
        Inclusion = ("inclusion", "objective-inclusion"),
        Participation = ("participation", "objective-participation"),
        Education = ("education", "objective-education"),
        Employment = ("employment", "objective-employment"),
        Health = ("health", "objective-health"),
        Housing = ("housing", "objective-housing"),
    }
}

/// The objectives' codes, in order.
pub const OBJECTIVES: &[&str] = Objective::CODES;

crate::vocabulary! {
    /// A workshop's target group.
    pub enum TargetGroup (other = Mixed) {
        RomaYouth = ("roma_youth", "target-roma-youth"),
        RomaWomen = ("roma_women", "target-roma-women"),
        Mixed = ("mixed", "target-mixed"),
    }
}

/// The target groups' codes, in order.
pub const TARGET_GROUPS: &[&str] = TargetGroup::CODES;

/// Where an event is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventStatus {
    Draft,
    Published,
    RegistrationClosed,
    Held,
    Reported,
    Cancelled,
}

impl EventStatus {
    pub const ALL: [EventStatus; 6] = [
        EventStatus::Draft,
        EventStatus::Published,
        EventStatus::RegistrationClosed,
        EventStatus::Held,
        EventStatus::Reported,
        EventStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Draft => "draft",
            EventStatus::Published => "published",
            EventStatus::RegistrationClosed => "registration_closed",
            EventStatus::Held => "held",
            EventStatus::Reported => "reported",
            EventStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<EventStatus> {
        EventStatus::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            EventStatus::Draft => "event-status-draft",
            EventStatus::Published => "event-status-published",
            EventStatus::RegistrationClosed => "event-status-registration-closed",
            EventStatus::Held => "event-status-held",
            EventStatus::Reported => "event-status-reported",
            EventStatus::Cancelled => "event-status-cancelled",
        }
    }

    /// The statuses an event may move to from this one: forward along draft → published →
    /// registration closed → held → reported (steps may be skipped), or cancelled before
    /// it is held; a published event may also go back to draft.
    pub fn next(self) -> &'static [EventStatus] {
        use EventStatus::*;
        match self {
            Draft => &[Published, Cancelled],
            Published => &[Draft, RegistrationClosed, Held, Cancelled],
            RegistrationClosed => &[Published, Held, Cancelled],
            Held => &[Reported],
            Reported | Cancelled => &[],
        }
    }

    pub fn can_become(self, to: EventStatus) -> bool {
        self.next().contains(&to)
    }

    /// Whether the public may see an event in this status (if it is a public event).
    pub fn is_public(self) -> bool {
        !matches!(self, EventStatus::Draft)
    }

    /// The message id of the button that moves an event to this status.
    pub fn action_key(self) -> &'static str {
        match self {
            EventStatus::Draft => "event-action-draft",
            EventStatus::Published => "event-action-publish",
            EventStatus::RegistrationClosed => "event-action-close-registration",
            EventStatus::Held => "event-action-held",
            EventStatus::Reported => "event-action-reported",
            EventStatus::Cancelled => "event-action-cancel",
        }
    }
}

/// The date in Riga of a UTC instant (seconds), e.g. the day an event took place.
pub fn riga_date(utc_seconds: i64) -> jiff::civil::Date {
    riga_datetime(utc_seconds).date()
}

/// The date and time on a Riga clock of a UTC instant (seconds).
pub fn riga_datetime(utc_seconds: i64) -> jiff::civil::DateTime {
    let tz = jiff::tz::TimeZone::get("Europe/Riga").unwrap_or(jiff::tz::TimeZone::UTC);
    tz.to_datetime(jiff::Timestamp::from_second(utc_seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH))
}

/// The UTC instant (seconds) of a Riga date and time (a time skipped by the clock change
/// counts as the next valid one).
pub fn riga_instant(date: jiff::civil::Date, time: jiff::civil::Time) -> i64 {
    let tz = jiff::tz::TimeZone::get("Europe/Riga").unwrap_or(jiff::tz::TimeZone::UTC);
    tz.to_ambiguous_timestamp(date.to_datetime(time))
        .compatible()
        .map(|t| t.as_second())
        .unwrap_or(0)
}

/// The UTC instant (seconds) at which a Riga date begins.
pub fn riga_day_start(date: jiff::civil::Date) -> i64 {
    riga_instant(date, jiff::civil::Time::midnight())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lifecycle_only_moves_as_allowed() {
        use EventStatus::*;
        assert!(Draft.can_become(Published));
        assert!(!Draft.can_become(Held));
        assert!(Published.can_become(Held));
        assert!(Held.can_become(Reported));
        assert!(
            !Held.can_become(Cancelled),
            "what was held cannot be cancelled"
        );
        assert!(Cancelled.next().is_empty() && Reported.next().is_empty());
        for s in EventStatus::ALL {
            assert_eq!(EventStatus::parse(s.as_str()), Some(s));
            assert!(!s.can_become(s));
        }
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
    }
}

crate::vocabulary! {
    /// Where a follow-up action stands.
    pub enum ActionStatus (other = Dropped) {
        Open = ("open", "action-status-open"),
        InProgress = ("in_progress", "action-status-in-progress"),
        Done = ("done", "action-status-done"),
        Dropped = ("dropped", "action-status-dropped"),
    }
}

crate::vocabulary! {
    /// Where an invitation stands: sent and not answered, accepted or declined.
    pub enum InvitationStatus (other = Sent) {
        Sent = ("sent", "invitation-no-answer"),
        Accepted = ("accepted", "invitation-accepted"),
        Declined = ("declined", "invitation-declined"),
    }
}

//! Dialogue (issue 21): needs and questions raised by Roma communities — by logged-in
//! organisations and mediators, or by anyone through the public form — that a coordinator
//! gives to the responsible institution, which answers within the time asked.

use jiff::ToSpan;
use jiff::civil::Date;

crate::vocabulary! {
    /// Where a need stands.
    #[derive(Default)]
    pub enum NeedStatus (other = New) {
        /// Raised, waiting for a coordinator.
        #[default]
        New = ("new", "need-status-new"),
        /// Given to an institution to answer.
        Assigned = ("assigned", "need-status-assigned"),
        /// Answered by the institution.
        Answered = ("answered", "need-status-answered"),
        /// Closed without an answer, with the reason.
        Closed = ("closed", "need-status-closed"),
        /// The same as another one, followed there.
        Merged = ("merged", "need-status-merged"),
    }
}

impl NeedStatus {
    /// Still waiting for someone (a coordinator, or the institution).
    pub fn is_open(self) -> bool {
        matches!(self, NeedStatus::New | NeedStatus::Assigned)
    }
}

crate::vocabulary! {
    /// Whom a need concerns.
    pub enum NeedConcern (other = Community) {
        Children = ("children", "need-concern-children"),
        Youth = ("youth", "need-concern-youth"),
        Women = ("women", "need-concern-women"),
        Families = ("families", "need-concern-families"),
        Community = ("community", "need-concern-community"),
    }
}

crate::vocabulary! {
    /// How a need came in.
    pub enum NeedSource (other = Workspace) {
        /// Through the public form, by anyone.
        Public = ("public", "need-source-public"),
        /// By a logged-in user of the platform.
        Workspace = ("workspace", "need-source-workspace"),
    }
}

crate::vocabulary! {
    /// What kind of help a service of the directory gives.
    pub enum ServiceKind (other = Other) {
        Employment = ("employment", "service-kind-employment"),
        Education = ("education", "service-kind-education"),
        Social = ("social", "service-kind-social"),
        Health = ("health", "service-kind-health"),
        Housing = ("housing", "service-kind-housing"),
        /// A project of the European Social Fund Plus.
        Esf = ("esf", "service-kind-esf"),
        /// Grants for NGOs.
        Grants = ("grants", "service-kind-grants"),
        Other = ("other", "service-kind-other"),
    }
}

/// What in a text meant for the public page points to a person: an e-mail address, or a
/// phone-like number (eight digits or more — a Latvian number has eight — spaces, dashes
/// and a leading + allowed between them; "1 500 000 eiro" is an amount). `None` when
/// neither is found.
pub fn contact_in(text: &str) -> Option<&'static str> {
    let has_email = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>'))
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            match w.split_once('@') {
                Some((local, domain)) => !local.is_empty() && domain.contains('.'),
                None => false,
            }
        });
    if has_email {
        return Some("email");
    }
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 8 {
                return Some("phone");
            }
        } else if !matches!(c, ' ' | '-' | '+' | '(' | ')') {
            digits = 0;
        }
    }
    None
}

crate::vocabulary! {
    /// What a consultation is on.
    pub enum DocumentKind (other = Other) {
        Plan = ("plan", "consultation-kind-plan"),
        Report = ("report", "consultation-kind-report"),
        Measures = ("measures", "consultation-kind-measures"),
        Other = ("other", "consultation-kind-other"),
    }
}

crate::vocabulary! {
    /// What became of a comment, as the consultation's summary says.
    pub enum CommentOutcome (other = NotTakenUp) {
        TakenUp = ("taken_up", "comment-outcome-taken-up"),
        Partly = ("partly", "comment-outcome-partly"),
        NotTakenUp = ("not_taken_up", "comment-outcome-not-taken-up"),
    }
}

/// Where a consultation stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsultationStage {
    /// Being prepared: not public.
    Draft,
    /// Public, comments not yet open.
    Upcoming,
    /// Comments open.
    Open,
    /// Comments closed, the summary not yet published.
    Closed,
    /// The summary is published.
    Summarised,
}

impl ConsultationStage {
    pub fn of(published: bool, summarised: bool, opens: Date, closes: Date, today: Date) -> Self {
        match (published, summarised) {
            (false, _) => ConsultationStage::Draft,
            (true, true) => ConsultationStage::Summarised,
            _ if today < opens => ConsultationStage::Upcoming,
            _ if today <= closes => ConsultationStage::Open,
            _ => ConsultationStage::Closed,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            ConsultationStage::Draft => "consultation-stage-draft",
            ConsultationStage::Upcoming => "consultation-stage-upcoming",
            ConsultationStage::Open => "consultation-stage-open",
            ConsultationStage::Closed => "consultation-stage-closed",
            ConsultationStage::Summarised => "consultation-stage-summarised",
        }
    }
}

/// A service's maintainers are reminded this many days before its end date.
pub const SERVICE_REMINDER_DAYS: i64 = 30;

/// The answer time asked of an institution unless the coordinator sets another (days).
pub const DEFAULT_ANSWER_DAYS: i64 = 30;

/// The day an answer is due when a need is given to an institution on `assigned_on`.
pub fn answer_due(assigned_on: Date, days: i64) -> Date {
    assigned_on.checked_add(days.days()).unwrap_or(assigned_on)
}

/// Whether an answer given on `answered_on` (none yet: `None`, judged on `today`) is late.
pub fn answered_late(due_on: Date, answered_on: Option<Date>, today: Date) -> bool {
    answered_on.unwrap_or(today) > due_on
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn addresses_and_phone_numbers_are_found_in_a_public_text() {
        assert_eq!(contact_in("rakstiet uz anna@example.lv."), Some("email"));
        assert_eq!(contact_in("zvaniet 29 123 456 vakarā"), Some("phone"));
        assert_eq!(contact_in("tālr. +371 2912-3456"), Some("phone"));
        assert_eq!(contact_in("No 2026. gada 1. janvāra, 30 dienās"), None);
        assert_eq!(contact_in("Jāparedz 1 500 000 eiro"), None);
        assert_eq!(contact_in("Skolas autobuss pietur @ ciematā"), None);
    }

    #[test]
    fn an_answer_is_due_thirty_days_after_assignment_and_late_after_that_day() {
        let due = answer_due(date(2026, 12, 7), DEFAULT_ANSWER_DAYS);
        assert_eq!(due, date(2027, 1, 6));
        assert!(!answered_late(
            due,
            Some(date(2027, 1, 6)),
            date(2027, 2, 1)
        ));
        assert!(answered_late(due, Some(date(2027, 1, 7)), date(2027, 1, 7)));
        assert!(!answered_late(due, None, date(2027, 1, 6)));
        assert!(answered_late(due, None, date(2027, 1, 7)));
        assert!(NeedStatus::Assigned.is_open() && !NeedStatus::Answered.is_open());
    }
}

//! What a user is told of by e-mail as their work moves (a report submitted, returned or
//! accepted, a practice reviewed, an action assigned or overdue, an event coming up), and
//! who may be told of what. Each kind can be turned off on the account page; a user may
//! take a weekly digest instead of single mails.

use crate::auth::{Permission, Role};

crate::vocabulary! {
    /// A kind of notice, with the message id that names it on the account page.
    pub enum NoticeKind (other = ReportSubmitted) {
        /// To coordinators: an institution submitted a progress report.
        ReportSubmitted = ("report_submitted", "notice-kind-report-submitted"),
        /// To the institution: its report was returned for changes.
        ReportReturned = ("report_returned", "notice-kind-report-returned"),
        /// To the institution: its report was accepted.
        ReportAccepted = ("report_accepted", "notice-kind-report-accepted"),
        /// To the author: their practice was returned for changes.
        PracticeReturned = ("practice_returned", "notice-kind-practice-returned"),
        /// To the author: their practice was published.
        PracticePublished = ("practice_published", "notice-kind-practice-published"),
        /// To the organisation: a follow-up action was given to it.
        ActionAssigned = ("action_assigned", "notice-kind-action-assigned"),
        /// To the organisation: one of its actions passed its due date undone.
        ActionOverdue = ("action_overdue", "notice-kind-action-overdue"),
        /// To a registrant: the event they registered for is three days away.
        EventReminder = ("event_reminder", "notice-kind-event-reminder"),
        /// To those who keep the breach register: a breach's 72 hours end tomorrow, or ended
        /// without a notification.
        BreachDeadline = ("breach_deadline", "notice-kind-breach-deadline"),
    }
}

/// How many days before an event its registrants are reminded.
pub const REMINDER_DAYS: i64 = 3;

/// An action counts as newly overdue for this many days after its due date: an older one
/// (from before notices existed, or while the jobs did not run) is not mailed any more.
pub const OVERDUE_CATCH_UP_DAYS: i64 = 7;

impl NoticeKind {
    /// The permission a user needs to be told of this kind (and to see it on the account
    /// page).
    pub fn permission(self) -> Permission {
        match self {
            NoticeKind::ReportSubmitted => Permission::ManagePlans,
            NoticeKind::ReportReturned
            | NoticeKind::ReportAccepted
            | NoticeKind::ActionAssigned
            | NoticeKind::ActionOverdue => Permission::ReportProgress,
            NoticeKind::PracticeReturned | NoticeKind::PracticePublished => {
                Permission::SubmitPractice
            }
            NoticeKind::EventReminder => Permission::UseWorkspace,
            NoticeKind::BreachDeadline => Permission::ViewPrivacy,
        }
    }

    /// The kinds a role can be told of, in the account page's order.
    pub fn for_role(role: Role) -> Vec<NoticeKind> {
        NoticeKind::ALL
            .iter()
            .copied()
            .filter(|k| role.has(k.permission()))
            .collect()
    }

    /// Goes into the weekly digest when the user chose one (a reminder of an event three
    /// days away would come too late in a weekly mail: it always goes alone).
    pub fn digestible(self) -> bool {
        !matches!(self, NoticeKind::EventReminder | NoticeKind::BreachDeadline)
    }

    /// The stored codes of the roles that can be told of this kind, comma-separated (for
    /// the store's recipient queries).
    pub fn role_codes(self) -> String {
        Role::ALL
            .iter()
            .filter(|r| r.has(self.permission()))
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The kinds a user turned off, as stored ("report_submitted,action_overdue"); unknown codes
/// are dropped.
pub fn parse_off(stored: &str) -> Vec<NoticeKind> {
    stored
        .split(',')
        .filter_map(|c| NoticeKind::parse(c.trim()))
        .collect()
}

/// The stored form of the kinds turned off, in a stable order.
pub fn store_off(off: &[NoticeKind]) -> String {
    NoticeKind::ALL
        .iter()
        .filter(|k| off.contains(k))
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_hears_only_of_what_it_may_see() {
        assert!(NoticeKind::for_role(Role::Coordinator).contains(&NoticeKind::ReportSubmitted));
        for role in [
            Role::Ministry,
            Role::Municipality,
            Role::Ngo,
            Role::Mediator,
        ] {
            assert!(!NoticeKind::for_role(role).contains(&NoticeKind::ReportSubmitted));
        }
        let mediator = NoticeKind::for_role(Role::Mediator);
        assert!(!mediator.contains(&NoticeKind::ActionOverdue));
        assert!(mediator.contains(&NoticeKind::PracticeReturned));
        assert!(mediator.contains(&NoticeKind::EventReminder));
        assert_eq!(
            NoticeKind::ReportReturned.role_codes(),
            "coordinator,ministry,municipality,ngo"
        );
    }

    #[test]
    fn the_kinds_turned_off_round_trip_and_unknown_codes_drop() {
        let off = parse_off("action_overdue, nonsense,report_submitted");
        assert_eq!(
            off,
            vec![NoticeKind::ActionOverdue, NoticeKind::ReportSubmitted]
        );
        assert_eq!(store_off(&off), "report_submitted,action_overdue");
        assert!(parse_off("").is_empty());
    }
}

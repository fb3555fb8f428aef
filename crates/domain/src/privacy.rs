//! Privacy outside mediation: accountability for reading personal data (GDPR articles
//! 5(2), 9 and 32) — what kinds of reading leave an access record, and the purposes a reader
//! is asked for — and the register of personal-data breaches (article 33).

crate::vocabulary! {
    /// What was read.
    pub enum AccessKind (other = Export) {
        /// A person's Roma self-identification value (special-category data).
        RomaIdentity = ("roma_identity", "access-kind-roma-identity"),
        /// A person's contact details, by someone outside their organisation.
        Contacts = ("contacts", "access-kind-contacts"),
        /// A list with personal data, exported as a file.
        Export = ("export", "access-kind-export"),
    }
}

crate::vocabulary! {
    /// Why a Roma self-identification value was opened (asked before it is shown).
    pub enum AccessPurpose (other = Other) {
        /// Checking the figures of a report or statistics.
        Statistics = ("statistics", "access-purpose-statistics"),
        /// Correcting the record at the person's word.
        Correction = ("correction", "access-purpose-correction"),
        /// Answering the person's own request (access, rectification, erasure).
        SubjectRequest = ("subject_request", "access-purpose-subject-request"),
        /// Checking the consent it rests on.
        Consent = ("consent", "access-purpose-consent"),
        Other = ("other", "access-purpose-other"),
    }
}

crate::vocabulary! {
    /// Where personal data was read (an export names its list instead).
    pub enum AccessPlace (other = Person) {
        Person = ("person", "access-where-person"),
        PeopleList = ("people_list", "access-where-people-list"),
        Api = ("api", "access-where-api"),
    }
}

impl AccessPlace {
    /// How an access record's detail names the place ("where:person").
    pub fn detail(self) -> String {
        format!("where:{}", self.as_str())
    }

    /// The place an access record's detail names, if it names one (an export names its
    /// list instead).
    pub fn of_detail(detail: &str) -> Option<AccessPlace> {
        detail.strip_prefix("where:").and_then(AccessPlace::parse)
    }
}

/// The key an access record names a registry person by.
pub fn person_subject(id: i64) -> String {
    format!("p:{id}")
}

/// The key an access record names someone known only by an e-mail address by (lower case).
pub fn email_subject(email: &str) -> String {
    format!("e:{}", email.trim().to_lowercase())
}

/// The key an access record names an account by.
pub fn user_subject(id: i64) -> String {
    format!("u:{id}")
}

crate::vocabulary! {
    /// How likely a breach is to result in a risk to people's rights and freedoms: it
    /// decides whether the supervisory authority is notified (article 33) and the people
    /// told (article 34).
    pub enum BreachRisk (other = High) {
        Unlikely = ("unlikely", "breach-risk-unlikely"),
        Risk = ("risk", "breach-risk-risk"),
        High = ("high", "breach-risk-high"),
    }
}

/// A reader with more Roma self-identification readings than this in a month is marked for
/// the data protection officer (the work of checking figures or consents needs a few).
pub const UNUSUAL_ROMA_READS: i64 = 20;

/// A reader with more exports of personal lists than this in a month is marked too.
pub const UNUSUAL_EXPORTS: i64 = 10;

/// The supervisory authority is notified within this long of a breach's discovery.
pub const NOTIFY_WITHIN: i64 = 72 * 3600;

/// When the authority must have been notified of a breach discovered at `discovered_at`.
pub fn authority_deadline(discovered_at: i64) -> i64 {
    discovered_at + NOTIFY_WITHIN
}

crate::vocabulary! {
    /// What a person asked for about their own data (GDPR articles 15–21).
    pub enum RequestKind (other = Access) {
        /// A copy of everything held about them (article 15).
        Access = ("access", "request-kind-access"),
        /// Correcting what is wrong or incomplete (article 16).
        Rectification = ("rectification", "request-kind-rectification"),
        /// Erasure (article 17).
        Erasure = ("erasure", "request-kind-erasure"),
        /// Restriction of processing (article 18).
        Restriction = ("restriction", "request-kind-restriction"),
        /// Their data in a machine-readable form (article 20).
        Portability = ("portability", "request-kind-portability"),
        /// An objection to processing (article 21).
        Objection = ("objection", "request-kind-objection"),
    }
}

crate::vocabulary! {
    /// How a request was closed.
    pub enum RequestOutcome (other = Answered) {
        /// Done as asked, or answered with what was asked for.
        Answered = ("answered", "request-outcome-answered"),
        /// Refused, with the reason and the right to complain to the supervisory authority
        /// (article 12(4)).
        Refused = ("refused", "request-outcome-refused"),
    }
}

/// The day a request received on `received` must be answered by: one month (article 12(3)),
/// or two further months after that one when the time was extended for the request's
/// complexity or number (a month's end is kept: 31 January gives 28 or 29 February, and
/// extended, 28 or 29 April).
pub fn request_due(received: jiff::civil::Date, extended: bool) -> jiff::civil::Date {
    let month = received
        .checked_add(jiff::Span::new().months(1))
        .unwrap_or(received);
    if extended {
        month
            .checked_add(jiff::Span::new().months(2))
            .unwrap_or(month)
    } else {
        month
    }
}

#[cfg(test)]
mod request_tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_request_is_due_a_month_after_it_came_and_three_when_extended() {
        assert_eq!(request_due(date(2026, 3, 2), false), date(2026, 4, 2));
        assert_eq!(request_due(date(2026, 1, 31), false), date(2026, 2, 28));
        assert_eq!(request_due(date(2028, 1, 31), false), date(2028, 2, 29));
        assert_eq!(request_due(date(2026, 11, 30), true), date(2027, 2, 28));
        assert_eq!(request_due(date(2026, 1, 31), true), date(2026, 4, 28));
    }
}

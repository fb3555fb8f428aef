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

/// The supervisory authority is notified within this long of a breach's discovery.
pub const NOTIFY_WITHIN: i64 = 72 * 3600;

/// When the authority must have been notified of a breach discovered at `discovered_at`.
pub fn authority_deadline(discovered_at: i64) -> i64 {
    discovered_at + NOTIFY_WITHIN
}

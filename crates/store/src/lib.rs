//! All SQL of Roma Platform: the pool, embedded migrations, and one module per aggregate.
//! Functions return domain values; callers never see SQL.

pub mod db;
pub mod maintenance;
pub mod migrate;
pub mod versions;

// The files are grouped by area (folders); each aggregate keeps its flat path
// (`store::people`).

// Accounts and what guards them: users, sessions, API and one-time tokens, login
// throttling, second factors, passkeys, the audit log and the outbox.
#[path = "platform/access_log.rs"]
pub mod access_log;
#[path = "platform/audit.rs"]
pub mod audit;
#[path = "platform/backups.rs"]
pub mod backups;
#[path = "platform/breaches.rs"]
pub mod breaches;
#[path = "platform/consent_renewals.rs"]
pub mod consent_renewals;
#[path = "platform/factors.rs"]
pub mod factors;
#[path = "platform/idempotency.rs"]
pub mod idempotency;
#[path = "platform/notices.rs"]
pub mod notices;
#[path = "platform/outbox.rs"]
pub mod outbox;
#[path = "platform/passkeys.rs"]
pub mod passkeys;
#[path = "platform/privacy_overview.rs"]
pub mod privacy_overview;
#[path = "platform/search.rs"]
pub mod search;
#[path = "platform/sessions.rs"]
pub mod sessions;
#[path = "platform/storage_limits.rs"]
pub mod storage_limits;
#[path = "platform/subject_requests.rs"]
pub mod subject_requests;
#[path = "platform/throttle.rs"]
pub mod throttle;
#[path = "platform/tokens.rs"]
pub mod tokens;
#[path = "platform/users.rs"]
pub mod users;

// The directory: territories, organisations, people, the public listings, imports and merges.
#[path = "directory/import.rs"]
pub mod import;
#[path = "directory/listings.rs"]
pub mod listings;
#[path = "directory/merge.rs"]
pub mod merge;
#[path = "directory/organisations.rs"]
pub mod organisations;
#[path = "directory/people.rs"]
pub mod people;
#[path = "directory/person_data.rs"]
pub mod person_data;
#[path = "directory/person_erasure.rs"]
pub mod person_erasure;
#[path = "directory/territories.rs"]
pub mod territories;

// Events and what happens around them: agenda, registrations, invitations, attendance, minutes,
// follow-up actions, feedback, documents, and participation statistics.
#[path = "events/actions.rs"]
pub mod actions;
#[path = "events/agenda.rs"]
pub mod agenda;
#[path = "events/attendance.rs"]
pub mod attendance;
#[path = "events/event_documents.rs"]
pub mod event_documents;
#[path = "events/events.rs"]
pub mod events;
#[path = "events/feedback.rs"]
pub mod feedback;
#[path = "events/invitations.rs"]
pub mod invitations;
#[path = "events/minutes.rs"]
pub mod minutes;
#[path = "events/registrations.rs"]
pub mod registrations;
#[path = "events/statistics.rs"]
pub mod statistics;

// The plan: plans, measures, indicators and reporting rounds.
#[path = "plans/indicators.rs"]
pub mod indicators;
#[path = "plans/measures.rs"]
pub mod measures;
#[path = "plans/plans.rs"]
pub mod plans;
#[path = "plans/rounds.rs"]
pub mod rounds;

// Roma mediation: families and their case log (sealed), oversight and supervisors, handovers,
// monthly reports, aggregate figures, retention, erasure and the sealed-column registry.
#[path = "mediation/caseload.rs"]
pub mod caseload;
#[path = "mediation/erasure.rs"]
pub mod erasure;
#[path = "mediation/handovers.rs"]
pub mod handovers;
#[path = "mediation/mediation.rs"]
pub mod mediation;
#[path = "mediation/mediation_log.rs"]
pub mod mediation_log;
#[path = "mediation/mediation_oversight.rs"]
pub mod mediation_oversight;
#[path = "mediation/mediation_stats.rs"]
pub mod mediation_stats;
#[path = "mediation/mediator_reports.rs"]
pub mod mediator_reports;
#[path = "mediation/retention.rs"]
pub mod retention;
#[path = "mediation/sealing.rs"]
pub mod sealing;
#[path = "mediation/supervisors.rs"]
pub mod supervisors;

// Dialogue: needs and questions raised by communities and answered by institutions.
#[path = "dialogue/consultations.rs"]
pub mod consultations;
#[path = "dialogue/needs.rs"]
pub mod needs;
#[path = "dialogue/services.rs"]
pub mod services;

// The public site: its pages, news, good practices and success stories.
#[path = "site/news.rs"]
pub mod news;
#[path = "site/practices.rs"]
pub mod practices;
#[path = "site/site_pages.rs"]
pub mod site_pages;
#[path = "site/stories.rs"]
pub mod stories;

// What reports read beyond the other areas.
#[path = "reports/reports.rs"]
pub mod reports;

pub mod conflict;
pub use conflict::{
    Conflict, DatabaseConflict, DialogueConflict, DirectoryConflict, EventConflict,
    MediationConflict, PlanConflict, PlatformConflict, SiteConflict,
};
pub use db::{Db, DbOptions, Synchronous};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(Conflict),
    #[error("database error: {0}")]
    Other(#[from] sqlx::Error),
}

impl Error {
    /// Turns a unique-constraint violation into [`Error::Conflict`] with the given name.
    pub(crate) fn unique(err: sqlx::Error, what: Conflict) -> Error {
        if let sqlx::Error::Database(db) = &err
            && db.is_unique_violation()
        {
            return Error::Conflict(what);
        }
        Error::Other(err)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which rows of a list: `limit` rows after the first `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub offset: i64,
    pub limit: i64,
}

impl Window {
    /// Page `page` (from 0) of `size` rows.
    pub fn page(page: i64, size: i64) -> Window {
        Window {
            offset: page.max(0).saturating_mul(size),
            limit: size,
        }
    }
}

/// Who did something, for the audit log.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<i64>,
    /// What identifies the actor when there is no user id (an attempted e-mail, "cli").
    pub label: Option<String>,
    pub ip: Option<String>,
}

impl Actor {
    pub fn cli() -> Actor {
        Actor {
            user_id: None,
            label: Some("cli".to_owned()),
            ip: None,
        }
    }
}

/// The English text when the language is English and there is one, else the Latvian.
pub fn pick<'a>(lang: &str, lv: &'a str, en: &'a Option<String>) -> &'a str {
    match (lang, en) {
        ("en", Some(t)) => t,
        _ => lv,
    }
}

/// The same for optional texts: the English one in English when there is one, else the
/// Latvian one, if any.
pub fn pick_optional<'a>(
    lang: &str,
    lv: &'a Option<String>,
    en: &'a Option<String>,
) -> Option<&'a str> {
    match (lang, en, lv) {
        ("en", Some(t), _) => Some(t),
        (_, _, Some(t)) => Some(t),
        _ => None,
    }
}

/// Whose records of an organisation-owned kind (follow-up actions, progress reports) a
/// caller sees: every one, one organisation's, or none. Decided in the store's queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgScope {
    All,
    Organisation(i64),
    Nothing,
}

impl OrgScope {
    /// The organisation to filter by (`None`: all); `NotFound` for `Nothing`.
    pub(crate) fn org(self) -> Result<Option<i64>, Error> {
        match self {
            OrgScope::All => Ok(None),
            OrgScope::Organisation(o) => Ok(Some(o)),
            OrgScope::Nothing => Err(Error::NotFound),
        }
    }
}

/// A stored code read as its vocabulary's value. Every write goes through a vocabulary, and
/// many columns also have a CHECK constraint, so an unknown code comes only from outside (a
/// hand edit, a newer version's code after a downgrade). It reads as the vocabulary's `other`,
/// as its label would, instead of failing the page — and is logged, so it is noticed before
/// someone saves the row with it.
pub(crate) fn code<
    T: domain::vocabulary::Vocabulary,
    I: sqlx::ColumnIndex<sqlx::sqlite::SqliteRow>,
>(
    r: &sqlx::sqlite::SqliteRow,
    column: I,
) -> Result<T, sqlx::Error> {
    use sqlx::Row as _;
    let raw: String = r.try_get(column)?;
    Ok(from_code(&raw))
}

/// The same for a column that may be empty; there an unknown code reads as empty, so that
/// nothing acts on a guess (accepting a progress report with an unknown measure status sets no
/// status).
pub(crate) fn optional_code<
    T: domain::vocabulary::Vocabulary,
    I: sqlx::ColumnIndex<sqlx::sqlite::SqliteRow>,
>(
    r: &sqlx::sqlite::SqliteRow,
    column: I,
) -> Result<Option<T>, sqlx::Error> {
    use sqlx::Row as _;
    let raw: Option<String> = r.try_get(column)?;
    Ok(raw.and_then(|c| {
        let value = T::from_code(&c);
        if value.is_none() {
            unknown_code::<T>(&c);
        }
        value
    }))
}

/// Says that a stored code is not in its vocabulary (codes are not personal data).
fn unknown_code<T>(raw: &str) {
    tracing::warn!(
        code = raw,
        vocabulary = std::any::type_name::<T>(),
        "a stored code its vocabulary does not know"
    );
}

/// An optional ISO date column as a date (one that does not read as a date: none).
pub(crate) fn optional_date(s: Option<String>) -> Option<jiff::civil::Date> {
    s.and_then(|d| d.parse().ok())
}

/// Target groups as stored: comma-separated codes in the vocabulary's order, each once.
pub(crate) fn concern_codes(c: &[domain::dialogue::NeedConcern]) -> String {
    domain::dialogue::NeedConcern::ALL
        .iter()
        .filter(|x| c.contains(x))
        .map(|x| x.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// A code already read (a tuple row's column) as its vocabulary's value, as [`code`] does.
pub(crate) fn from_code<T: domain::vocabulary::Vocabulary>(raw: &str) -> T {
    T::from_code(raw).unwrap_or_else(|| {
        unknown_code::<T>(raw);
        T::OTHER
    })
}

/// Values kept in one text column, as their codes separated by commas.
/// `$first, $first+1, …` for `n` values bound one by one (an `IN (…)` list).
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn joined<T: domain::vocabulary::Vocabulary>(values: &[T]) -> String {
    values
        .iter()
        .map(|v| v.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// The values of such a column (empty parts skipped).
pub(crate) fn split_codes<T: domain::vocabulary::Vocabulary>(raw: &str) -> Vec<T> {
    raw.split(',')
        .filter(|c| !c.is_empty())
        .map(from_code)
        .collect()
}

#[cfg(test)]
mod codes {
    use domain::mediation::ContactArea;

    #[test]
    fn a_column_of_codes_goes_both_ways_and_an_unknown_code_reads_as_other() {
        let areas = vec![ContactArea::Housing, ContactArea::Education];
        let stored = super::joined(&areas);
        assert_eq!(stored, "housing,education");
        assert_eq!(super::split_codes::<ContactArea>(&stored), areas);
        assert_eq!(super::split_codes::<ContactArea>(""), Vec::new());
        let later: ContactArea = super::from_code("a_code_of_a_later_version");
        assert_eq!(
            later,
            <ContactArea as domain::vocabulary::Vocabulary>::OTHER
        );
    }
}

//! All SQL of Roma Platform: the pool, embedded migrations, and one module per aggregate.
//! Functions return domain values; callers never see SQL.

pub mod actions;
pub mod agenda;
pub mod attendance;
pub mod audit;
pub mod db;
pub mod demo;
mod demo_events;
mod demo_mediation;
mod demo_plans;
pub mod demo_practices;
mod demo_site;
pub mod demo_stories;
pub mod erasure;
pub mod event_documents;
pub mod events;
pub mod factors;
pub mod feedback;
pub mod handovers;
pub mod import;
pub mod indicators;
pub mod invitations;
pub mod listings;
pub mod maintenance;
pub mod measures;
pub mod mediation;
pub mod mediation_log;
pub mod mediation_oversight;
pub mod mediation_stats;
pub mod mediator_reports;
pub mod merge;
pub mod migrate;
pub mod minutes;
pub mod news;
pub mod organisations;
pub mod outbox;
pub mod passkeys;
pub mod people;
pub mod plans;
pub mod practices;
pub mod registrations;
pub mod reports;
pub mod retention;
pub mod rounds;
pub mod sealing;
pub mod sessions;
pub mod site_pages;
pub mod statistics;
pub mod stories;
pub mod supervisors;
pub mod territories;
pub mod throttle;
pub mod tokens;
pub mod users;

pub use db::{Db, DbOptions, Synchronous};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("database error: {0}")]
    Other(#[from] sqlx::Error),
}

impl Error {
    /// Turns a unique-constraint violation into [`Error::Conflict`] with the given name.
    pub(crate) fn unique(err: sqlx::Error, what: &'static str) -> Error {
        if let sqlx::Error::Database(db) = &err
            && db.is_unique_violation()
        {
            return Error::Conflict(what);
        }
        Error::Other(err)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

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

//! The platform's reports, built from its data as `documents::report::Report` values
//! (then rendered to HTML, PDF, DOCX and XLSX by `documents` and `pdf`). Each figure comes
//! from the same function as the screen that shows it, so a report matches the screens.
//!
//! A report has an audience: *public* reports apply disclosure control to every count of
//! people (as the public statistics page does); *internal* ones show participation exactly,
//! as coordinators see it. Mediation figures are under disclosure control in both, as they
//! are on the coordinators' screen.

pub mod annual;

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::i18n::Lang;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The annual coordination meeting summary report.
    Annual,
}

impl Kind {
    pub const ALL: [Kind; 1] = [Kind::Annual];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Annual => "annual",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn title_key(self) -> &'static str {
        match self {
            Kind::Annual => "report-annual-title",
        }
    }

    /// The narrative sections coordinators write: (key, label message id).
    pub fn narratives(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::Annual => annual::NARRATIVES,
        }
    }
}

/// Who a report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Published: counts of people under disclosure control.
    Public,
    /// For the ministry and the Commission: participation exactly.
    Internal,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Internal => "internal",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        match s {
            "public" => Some(Audience::Public),
            "internal" => Some(Audience::Internal),
            _ => None,
        }
    }
}

/// What a report is built from besides the data.
#[derive(Debug, Clone)]
pub struct Request {
    pub kind: Kind,
    pub year: i16,
    pub lang: Lang,
    pub audience: Audience,
    /// The coordinators' texts by key (an empty or missing one is left out).
    pub narratives: BTreeMap<String, String>,
    /// The line under the title (draft, or issued on a date by whom).
    pub status: String,
    pub today: Date,
}

/// Builds the report over the platform's data now.
pub async fn build(
    state: &crate::AppState,
    r: &Request,
) -> crate::error::AppResult<documents::report::Report> {
    match r.kind {
        Kind::Annual => annual::build(state, r).await,
    }
}

/// The Riga date of a moment.
pub(crate) fn riga_date(at: i64) -> Date {
    jiff::Timestamp::from_second(at)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(crate::i18n::riga())
        .date()
}

//! The platform's reports, built from its data as `documents::report::Report` values
//! (then rendered to HTML, PDF, DOCX and XLSX by `documents` and `pdf`). Each figure comes
//! from the same function as the screen that shows it, so a report matches the screens.
//!
//! A report has an audience: *public* reports apply disclosure control to every count of
//! people (as the public statistics page does); *internal* ones show participation exactly,
//! as coordinators see it. Mediation figures are under disclosure control in both, as they
//! are on the coordinators' screen.

pub mod builder;

pub mod annual;
pub mod grant;
pub mod national;

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::i18n::Lang;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The annual coordination meeting summary report.
    Annual,
    /// The national progress report on the Roma strategic framework.
    National,
    /// The grant report tables for the European Commission.
    Grant,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Annual, Kind::National, Kind::Grant];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Annual => "annual",
            Kind::National => "national",
            Kind::Grant => "grant",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn title_key(self) -> &'static str {
        match self {
            Kind::Annual => "report-annual-title",
            Kind::National => "report-national-title",
            Kind::Grant => "report-grant-title",
        }
    }

    /// The narrative sections coordinators write: (key, label message id).
    pub fn narratives(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::Annual => annual::NARRATIVES,
            Kind::National => national::NARRATIVES,
            Kind::Grant => grant::NARRATIVES,
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
) -> crate::http::error::AppResult<documents::report::Report> {
    match r.kind {
        Kind::Annual => annual::build(state, r).await,
        Kind::National => national::build(state, r).await,
        Kind::Grant => grant::build(state, r).await,
    }
}

/// Messages and numbers in the report's language.
pub(crate) struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    pub fn n(&self, n: i64) -> String {
        crate::i18n::number(self.lang, n)
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }
}

/// A narrative block from the coordinators' text under `key` (none when it is empty).
pub(crate) fn narrative(
    r: &Request,
    tr: &Tr,
    list: &[(&str, &str)],
    key: &str,
) -> Option<documents::report::Block> {
    let text = r.narratives.get(key).map(|t| t.trim()).unwrap_or_default();
    let label = list
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| tr.t(l))
        .unwrap_or_default();
    (!text.is_empty()).then(|| documents::report::Block::Narrative {
        key: key.to_owned(),
        label,
        text: text.to_owned(),
    })
}

pub(crate) fn note(text: String) -> documents::report::Block {
    documents::report::Block::Note { text }
}

/// A year's bounds: its first and last days, and as UTC seconds `[from, to)`.
pub(crate) fn bounds(year: i16) -> (Date, Date, i64, i64) {
    let first = Date::new(year, 1, 1).unwrap_or_default();
    let last = Date::new(year, 12, 31).unwrap_or_default();
    let at = domain::event::riga_day_start;
    let next = first
        .checked_add(jiff::Span::new().years(1))
        .unwrap_or(last);
    (first, last, at(first), at(next))
}

/// The events of `[from, to)` held by now — started, not drafts or cancelled; one still to
/// come is not counted until it happens — (`public`: only those the public sees), soonest
/// first.
pub(crate) async fn events_of_year(
    state: &crate::AppState,
    from: i64,
    to: i64,
    public: bool,
) -> crate::http::error::AppResult<Vec<store::events::Event>> {
    use domain::event::EventStatus;
    let now = state.now();
    let scope = if public {
        store::events::Scope::Public
    } else {
        store::events::Scope::All
    };
    Ok(store::events::in_range(
        state.db(),
        scope,
        &store::events::EventFilter::default(),
        from,
        to,
        100_000,
    )
    .await?
    .into_iter()
    .filter(|e| {
        e.starts_at >= from
            && e.starts_at <= now
            && !matches!(e.status, EventStatus::Draft | EventStatus::Cancelled)
            && (!public || e.publicly_visible())
    })
    .collect())
}

/// Where an event was: its Latvian place, the host country, or "online".
pub(crate) fn place(e: &store::events::Event, tr: &Tr) -> String {
    match (&e.territory_name, &e.host_country) {
        (Some(t), _) => t.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) if e.online_url.is_some() => tr.t("report-online"),
        _ => String::new(),
    }
}

/// A period's participation as report blocks, with the same figures as the statistics
/// screens (exact, or under disclosure control when `public`): the totals, the youth
/// definition, then each breakdown as a chart with its table (`charts`) or as a table.
pub(crate) fn participation_blocks(
    p: &store::statistics::Participation,
    tr: &Tr,
    public: bool,
    youth: domain::participation::Youth,
    charts: bool,
    id: &str,
) -> Vec<documents::report::Block> {
    use documents::report::{Block, Figure};
    let shown = |n: i64| {
        if public {
            let c = domain::participation::publish_one(n);
            c.value().map_or_else(|| c.text(), |v| tr.n(v))
        } else {
            tr.n(n)
        }
    };
    let mut blocks = vec![
        Block::Figures {
            items: [
                ("stats-events", tr.n(p.events)),
                ("stats-participations", shown(p.participations)),
                ("stats-participants", shown(p.participants)),
                ("stats-youth", shown(p.youth)),
                ("stats-places", tr.n(p.latvian_places)),
            ]
            .into_iter()
            .map(|(k, v)| Figure {
                label: tr.t(k),
                value: v,
            })
            .collect(),
        },
        Block::Text {
            text: format!(
                "{} {}",
                crate::i18n::t_args(
                    tr.lang,
                    "stats-youth-definition",
                    &[(
                        "range",
                        fluent_bundle::FluentValue::from(format!("{}–{}", youth.min, youth.max)),
                    )],
                ),
                tr.t("stats-latest-rule")
            ),
        },
    ];
    for b in crate::figures::participation::breakdowns(tr.lang, p, public) {
        let table = b.table(tr.lang, id);
        blocks.push(if charts {
            Block::Chart { table, column: 1 }
        } else {
            Block::Table { table }
        });
    }
    blocks
}

/// A section of one narrative text (none when it is empty), headed by its label.
pub(crate) fn narrative_section(
    r: &Request,
    tr: &Tr,
    list: &[(&str, &str)],
    key: &str,
) -> Option<documents::report::Section> {
    let block = narrative(r, tr, list, key)?;
    let heading = match &block {
        documents::report::Block::Narrative { label, .. } => label.clone(),
        _ => String::new(),
    };
    Some(documents::report::Section {
        id: key.to_owned(),
        heading,
        blocks: vec![block],
    })
}

use crate::http::registry::{Access, Registry};

/// The reports area's routes, each with the access it needs (added to the one registry, which
/// the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/publications", Public, builder::publications);
    r.get("/{lang}/publications/{id}", Public, builder::publication);
    r.get("/publications/{id}/{format}", Public, builder::publication_file);
    // Reports (issue 8).
    r.get("/{lang}/report-builder", Page(IssueReports), builder::page);
    r.get("/{lang}/report-builder/download", Page(IssueReports), builder::download);
    r.post("/{lang}/report-builder/narratives", Page(IssueReports), builder::save_narratives);
    r.post("/{lang}/report-builder/issue", Page(IssueReports), builder::issue);
    r.get(
        "/{lang}/report-builder/issued/export",
        Page(IssueReports),
        builder::issued_export,
    );
    r.get("/{lang}/report-builder/issued/{id}", Page(IssueReports), builder::issued);
    r.get("/{lang}/report-builder/issued/{id}/{format}", Page(IssueReports), builder::issued_download);
    r.post("/{lang}/report-builder/issued/{id}/withdraw", Page(IssueReports), builder::withdraw);
}

//! `GET /{lang}/privacy/overview`: the data protection officer's overview of a month — the requests
//! and breaches still open, who read special-category data, others' contacts or exported
//! personal lists and how often (readers beyond the usual marked), the access log's records,
//! and the audit log's exports, consents and withdrawals, erasures and restrictions. Never a
//! case's content or a sealed value; people are named only as the access log names them.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use domain::auth::Permission;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::AppState;
use crate::http::error::AppResult;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

#[derive(Debug, Default, serde::Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

/// At most this many lines of each list (the rest is in the audit log and its export).
const SHOWN: i64 = 200;

#[derive(Template)]
#[template(path = "privacy/overview.html")]
struct OverviewPage {
    ctx: PageCtx,
    month: String,
    previous: String,
    next: Option<String>,
    requests: Vec<store::subject_requests::Request>,
    breaches: Vec<store::breaches::Breach>,
    readers: Vec<store::privacy_overview::ReaderCounts>,
    records: Vec<store::access_log::Record>,
    exports: Vec<store::privacy_overview::Logged>,
    consents: Vec<store::privacy_overview::Logged>,
    erasures: Vec<store::privacy_overview::Logged>,
    today: Date,
}

impl OverviewPage {
    fn due(&self, r: &store::subject_requests::Request) -> String {
        self.ctx.day(&r.due_on())
    }

    fn late(&self, r: &store::subject_requests::Request) -> bool {
        r.overdue(self.today)
    }

    fn deadline(&self, b: &store::breaches::Breach) -> String {
        self.ctx.datetime(&b.deadline())
    }

    /// What an audit entry is about, by kind and number (never a name from the record).
    fn about(&self, l: &store::privacy_overview::Logged) -> String {
        match (&l.entity, &l.entity_id) {
            (Some(kind), Some(id)) => format!(
                "{} {}",
                self.ctx.t(entity_label(kind)),
                self.ctx.t1("privacy-number", "number", id.clone())
            ),
            _ => String::new(),
        }
    }

    /// The audit log's sections: exports, consents, erasures.
    fn audit_sections(&self) -> Vec<(&'static str, &Vec<store::privacy_overview::Logged>)> {
        vec![
            ("privacy-exports-title", &self.exports),
            ("privacy-consents-title", &self.consents),
            ("privacy-erasures-title", &self.erasures),
        ]
    }

    /// How many rows an export held, when its entry says.
    fn rows(&self, l: &store::privacy_overview::Logged) -> String {
        l.detail
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .find_map(|t| t.strip_prefix("rows="))
            .unwrap_or_default()
            .to_owned()
    }
}

/// The message naming a kind of record an audit entry is about.
fn entity_label(kind: &str) -> &'static str {
    match kind {
        "person" => "audit-entity-person",
        "family" => "audit-entity-family",
        "story" => "audit-entity-story",
        "event" => "audit-entity-event",
        "organisation" => "audit-entity-organisation",
        "subject_request" => "audit-entity-subject-request",
        "breach" => "audit-entity-breach",
        "user" => "audit-entity-user",
        _ => "privacy-entity-other",
    }
}

/// `GET /{lang}/privacy/overview[?month=YYYY-MM]`.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<MonthQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPrivacy)?;
    let today = state.today();
    let this_month = today.first_of_month();
    let first = format!("{}-01", q.month.trim())
        .parse::<Date>()
        .ok()
        .filter(|d| *d <= this_month && d.year() >= 2000)
        .unwrap_or(this_month);
    let start = first.first_of_month();
    let end = start.checked_add(1.month()).unwrap_or(start);
    let (from, to) = (
        domain::event::riga_day_start(start),
        domain::event::riga_day_start(end),
    );
    let label = |d: Date| format!("{:04}-{:02}", d.year(), d.month());
    let db = state.db();
    let page = OverviewPage {
        month: label(start),
        previous: label(start.checked_sub(1.month()).unwrap_or(start)),
        next: (end <= this_month).then(|| label(end)),
        requests: store::subject_requests::list(db)
            .await?
            .into_iter()
            .filter(store::subject_requests::Request::is_open)
            .collect(),
        breaches: store::breaches::list(db)
            .await?
            .into_iter()
            .filter(|b| b.notification_pending() || b.people_pending())
            .collect(),
        readers: store::privacy_overview::access_by_reader(db, from, to).await?,
        records: store::access_log::between(db, from, to, SHOWN).await?,
        exports: store::privacy_overview::audit_of(
            db,
            from,
            to,
            &store::privacy_overview::export_actions(),
            SHOWN,
        )
        .await?,
        consents: store::privacy_overview::audit_of(
            db,
            from,
            to,
            store::privacy_overview::CONSENT_ACTIONS,
            SHOWN,
        )
        .await?,
        erasures: store::privacy_overview::audit_of(
            db,
            from,
            to,
            store::privacy_overview::ERASURE_ACTIONS,
            SHOWN,
        )
        .await?,
        today,
        ctx,
    };
    Ok(Html(page.render()?))
}

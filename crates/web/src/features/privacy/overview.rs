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
    /// (lines shown, how many in all) of each of the audit log's sections.
    exports: (Vec<store::privacy_overview::Logged>, i64),
    withdrawals: (Vec<store::privacy_overview::Logged>, i64),
    erasures: (Vec<store::privacy_overview::Logged>, i64),
    /// Consents given in the month, by kind.
    given: Vec<(domain::audit::AuditAction, i64)>,
    /// How many access records the month has in all.
    records_total: i64,
    today: Date,
}

/// A section of the audit log: its heading, its lines and how many in all.
type AuditSection<'a> = (&'static str, &'a [store::privacy_overview::Logged], i64);

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

    /// The audit log's sections: exports, consents withdrawn, erasures.
    fn audit_sections(&self) -> Vec<AuditSection<'_>> {
        vec![
            ("privacy-exports-title", &self.exports.0, self.exports.1),
            (
                "privacy-withdrawals-title",
                &self.withdrawals.0,
                self.withdrawals.1,
            ),
            ("privacy-erasures-title", &self.erasures.0, self.erasures.1),
        ]
    }

    /// Who acted, in words.
    fn actor(&self, l: &store::privacy_overview::Logged) -> String {
        match (&l.actor_name, &l.actor_label) {
            (Some(name), _) => name.clone(),
            (None, Some(label)) => self.ctx.actor_label(label),
            (None, None) => String::new(),
        }
    }

    /// What the entry's detail says that the officer needs: an export's rows, a storage
    /// limit's rule and how much it removed.
    fn more(&self, l: &store::privacy_overview::Logged) -> String {
        let detail = l.detail.as_deref().unwrap_or_default();
        let value = |key: &str| {
            detail
                .split_whitespace()
                .find_map(|t| t.strip_prefix(key))
                .and_then(|v| v.parse::<i64>().ok().or(Some(0)).map(|n| (v, n)))
        };
        if l.action == domain::audit::AuditAction::StorageLimitApplied {
            let rule = detail
                .split_whitespace()
                .find_map(|t| t.strip_prefix("rule="))
                .and_then(domain::retention::rule)
                .map(|r| {
                    if self.ctx.lang.code() == "en" {
                        r.name.1
                    } else {
                        r.name.0
                    }
                })
                .unwrap_or_default();
            let removed = value("removed=").map_or(0, |(_, n)| n);
            return format!(
                "{rule} {}",
                self.ctx.tn("privacy-removed", "count", removed)
            );
        }
        value("rows=").map_or_else(String::new, |(_, n)| self.ctx.tn("privacy-rows", "rows", n))
    }

    /// "Shown: the latest 200 of 333", when not all are shown.
    fn shown_of(&self, shown: usize, total: &i64) -> Option<String> {
        let total = *total;
        let shown = i64::try_from(shown).unwrap_or(i64::MAX);
        (total > shown).then(|| {
            crate::i18n::t_args(
                self.ctx.lang,
                "privacy-shown-of",
                &[
                    ("shown", fluent_bundle::FluentValue::from(shown)),
                    ("total", fluent_bundle::FluentValue::from(total)),
                ],
            )
        })
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
        records_total: 0,
        exports: section(db, (from, to), &store::privacy_overview::export_actions()).await?,
        withdrawals: section(db, (from, to), store::privacy_overview::WITHDRAWAL_ACTIONS).await?,
        erasures: section(db, (from, to), store::privacy_overview::ERASURE_ACTIONS).await?,
        given: {
            let mut given = Vec::new();
            for a in store::privacy_overview::GIVEN_ACTIONS {
                given.push((
                    *a,
                    store::privacy_overview::count_of(db, from, to, &[*a]).await?,
                ));
            }
            given
        },
        today,
        ctx,
    };
    let mut page = page;
    page.records_total = page
        .readers
        .iter()
        .map(|r| r.roma_identity + r.contacts + r.exports)
        .sum();
    Ok(Html(page.render()?))
}

/// A section of the audit log in `[from, to)`: its latest lines and how many in all.
async fn section(
    db: &store::Db,
    (from, to): (i64, i64),
    actions: &[domain::audit::AuditAction],
) -> AppResult<(Vec<store::privacy_overview::Logged>, i64)> {
    Ok((
        store::privacy_overview::audit_of(db, from, to, actions, SHOWN).await?,
        store::privacy_overview::count_of(db, from, to, actions).await?,
    ))
}

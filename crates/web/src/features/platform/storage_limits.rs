//! `GET /{lang}/admin/storage-limits`: for coordinators, each storage limit outside
//! mediation (`domain::retention`) with its period as configured, and how many records it
//! removes in the coming month — what the scheduled jobs will take away, before they do.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use domain::auth::Permission;

use crate::AppState;
use crate::http::error::AppResult;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

/// The coming month, in seconds.
const MONTH: i64 = 30 * 86_400;

struct Row {
    name: &'static str,
    /// The period in words: whole years as years (with their days), else days.
    period: String,
    from: &'static str,
    what: &'static str,
    /// Records removed within the coming month (those due now included).
    next_month: i64,
}

#[derive(Template)]
#[template(path = "admin/storage_limits.html")]
struct StorageLimits {
    ctx: PageCtx,
    rows: Vec<Row>,
    /// Whether the user reads the audit log and mediation's retention (the data protection
    /// officer does not: the overview shows the runs).
    sees_audit: bool,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPrivacy)?;
    let lv = ctx.lang.code() == "lv";
    let pick = |t: domain::processing::Text| if lv { t.0 } else { t.1 };
    let settings = &state.settings().retention;
    let mut rows = Vec::new();
    for rule in domain::retention::RULES {
        // A period that restarts with use: only what is due already is known.
        let ahead = if rule.restarts_with_use { 0 } else { MONTH };
        let cutoff = settings.cutoff(rule, state.now()) + ahead;
        let days = i64::from(settings.days(rule));
        let period = if days % 365 == 0 {
            use fluent_bundle::FluentValue;
            crate::i18n::t_args(
                ctx.lang,
                "storage-limits-years",
                &[
                    ("years", FluentValue::from(days / 365)),
                    ("days", FluentValue::from(days)),
                ],
            )
        } else {
            ctx.tn("storage-limits-days", "days", days)
        };
        rows.push(Row {
            name: pick(rule.name),
            period,
            from: pick(rule.from),
            what: pick(rule.what),
            next_month: store::storage_limits::due(state.db(), rule.key, cutoff).await?,
        });
    }
    Ok(Html(
        StorageLimits {
            ctx,
            rows,
            sees_audit: user.can(Permission::ViewAuditLog),
        }
        .render()?,
    ))
}

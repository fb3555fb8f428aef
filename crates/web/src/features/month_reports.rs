//! A mediator's monthly report: the month's figures generated from the case log, reviewed,
//! given notes for the supervisor and submitted (then frozen); the supervisor's list of the
//! submitted reports. Counting and freezing are in `store::mediator_reports`.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use jiff::ToSpan;
use serde::Deserialize;

use crate::AppState;
use crate::error::AppResult;
use crate::features::case_log::label;
use crate::features::mediation::{area_key, scope};
use crate::forms::{AppForm, FormErrors, text_field};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};
use store::mediator_reports::{MonthFigures, Submitted};

#[derive(Debug, Default, Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
    #[serde(default)]
    notice: Option<String>,
}

#[derive(Template)]
#[template(path = "mediation/month_report.html")]
struct MonthPage {
    ctx: PageCtx,
    month: String,
    months: Vec<(String, bool)>,
    live: MonthFigures,
    submitted: Option<Submitted>,
    notes: String,
    errors: FormErrors,
    notice: Option<&'static str>,
}

/// Figures' labels and hours, for the month pages.
trait Labels {
    fn hours(&self, minutes: &i64) -> String {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }

    fn area_key(&self, a: &str) -> &'static str {
        area_key(a)
    }

    fn status_label(&self, s: &str) -> &'static str {
        label("referral_status", s)
    }
}

impl Labels for MonthPage {}

fn label_of(d: jiff::civil::Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

async fn month_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    month: String,
) -> AppResult<MonthPage> {
    let submitted_all =
        store::mediator_reports::of_mediator(state.db(), state.keyring(), user.id).await?;
    let this = state.today().first_of_month();
    let months = (0..12)
        .filter_map(|i| this.checked_sub(i.months()).ok())
        .map(label_of)
        .map(|m| {
            let done = submitted_all.iter().any(|r| r.month == m);
            (m, done)
        })
        .collect();
    Ok(MonthPage {
        live: store::mediator_reports::generate(state.db(), user.id, &month).await?,
        submitted: submitted_all.into_iter().find(|r| r.month == month),
        months,
        month,
        notes: String::new(),
        errors: FormErrors::default(),
        notice: None,
        ctx,
    })
}

/// The month to show: the one asked for when valid and begun, else last month.
fn pick_month(state: &AppState, raw: &str) -> String {
    let this = state.today().first_of_month();
    match store::mediator_reports::month_range(raw.trim()) {
        Some((first, _)) if first <= this => label_of(first),
        _ => label_of(this.checked_sub(1.month()).unwrap_or(this)),
    }
}

/// "Mēneša pārskats": the month's figures, the notes and the submit button.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<MonthQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::WorkCases)?;
    let month = pick_month(&state, &q.month);
    let mut p = month_page(&state, ctx, &user, month).await?;
    p.notice = (q.notice.as_deref() == Some("submitted")).then_some("mediator-report-submitted");
    Ok(Html(p.render()?))
}

#[derive(Default, Deserialize)]
pub struct SubmitFields {
    #[serde(default)]
    month: String,
    #[serde(default)]
    notes: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<SubmitFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let month = pick_month(&state, &f.month);
    let mut errors = FormErrors::default();
    let notes = text_field(&f.notes, 5000, "notes", &mut errors);
    if errors.is_empty() {
        let actor = user.actor(ip);
        let w = store::mediation_log::CaseWrite {
            db: state.db(),
            now: state.now(),
            today: state.today(),
            actor: &actor,
            keys: state.keyring(),
            scope: scope(&user),
        };
        match store::mediator_reports::submit(&w, &month, notes.as_deref()).await {
            Ok(_) | Err(store::Error::Conflict("submitted")) => {
                return Ok(Redirect::to(&ctx.href(&format!(
                    "/mediation/reports?month={month}&notice=submitted"
                )))
                .into_response());
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = month_page(&state, ctx, &user, month).await?;
    p.errors = errors;
    p.notes = f.notes;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "mediation/supervised_reports.html")]
struct SupervisedPage {
    ctx: PageCtx,
    reports: Vec<Submitted>,
}

impl Labels for SupervisedPage {}

/// The submitted monthly reports of the mediators the user supervises.
pub async fn supervised(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let reports = store::mediator_reports::for_supervisor(
        state.db(),
        state.keyring(),
        user.id,
        state.today(),
    )
    .await?;
    Ok(Html(SupervisedPage { ctx, reports }.render()?))
}

crate::forms::debug_without_text!(SubmitFields);

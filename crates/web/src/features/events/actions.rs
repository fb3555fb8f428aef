//! Follow-up actions for the organisations that own them: every user sees their own
//! organisation's actions (coordinators: all), overdue ones first and marked, and records
//! progress — a note, a new status, the reason when dropping one.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Template)]
#[template(path = "actions/list.html")]
struct ListPage {
    ctx: PageCtx,
    actions: Vec<store::actions::Action>,
    all: bool,
    today: Date,
    overdue: usize,
    /// The reader sees every organisation's actions (coordinators), not their own only.
    every_organisation: bool,
}

impl ListPage {
    fn overdue_(&self, a: &store::actions::Action) -> bool {
        a.is_overdue(self.today)
    }
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    show: String,
    /// For an export: `csv` or `xlsx`.
    #[serde(default)]
    format: String,
}

/// `GET /{lang}/actions/export`: the list as shown (pending or all) as CSV or XLSX, with
/// due dates as dates.
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> AppResult<axum::response::Response> {
    use documents::table::Cell;
    user.require(Permission::ViewEvents)?;
    let all = q.show == "all";
    let today = state.today();
    let actions = store::actions::list(state.db(), user.action_scope(), !all, today).await?;
    let code = ctx.lang.code();
    let header = [
        ctx.t("export-col-event"),
        ctx.t("export-col-start"),
        ctx.t("export-col-title"),
        ctx.t("export-col-owner"),
        ctx.t("export-col-due"),
        ctx.t("export-col-status"),
    ];
    let rows: Vec<Vec<Cell>> = actions
        .iter()
        .map(|a| {
            vec![
                Cell::Text(a.event_title(code).to_owned()),
                Cell::Date(crate::http::dates::riga_date(a.event_starts_at)),
                Cell::Text(a.title(code).to_owned()),
                Cell::Text(a.owner_name.clone()),
                a.due_date.map_or(Cell::Empty, Cell::Date),
                Cell::Text(if a.is_overdue(today) {
                    ctx.t("export-overdue")
                } else {
                    ctx.t(a.status.label_key())
                }),
            ]
        })
        .collect();
    crate::http::tables::list_file(
        &q.format,
        &ctx.t("actions-title"),
        "actions",
        &header,
        &rows,
    )
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewEvents)?;
    let all = q.show == "all";
    let today = state.today();
    let actions = store::actions::list(state.db(), user.action_scope(), !all, today).await?;
    Ok(Html(
        ListPage {
            overdue: actions.iter().filter(|a| a.is_overdue(today)).count(),
            every_organisation: user.action_scope() == store::OrgScope::All,
            ctx,
            actions,
            all,
            today,
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "actions/detail.html")]
struct DetailPage {
    ctx: PageCtx,
    a: store::actions::Action,
    notes: Vec<store::actions::Note>,
    today: Date,
    errors: FormErrors,
    note: String,
    status: String,
    notice: Option<&'static str>,
    statuses: &'static [&'static str],
}

impl DetailPage {
    fn status_key(&self, s: &str) -> &'static str {
        domain::event::ActionStatus::label_key_of(s)
    }

    fn overdue(&self) -> bool {
        self.a.is_overdue(self.today)
    }
}

async fn detail_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
) -> AppResult<DetailPage> {
    let scope = user.action_scope();
    Ok(DetailPage {
        a: store::actions::get(state.db(), scope, id).await?,
        notes: store::actions::notes(state.db(), scope, id).await?,
        today: state.today(),
        ctx,
        errors: FormErrors::default(),
        note: String::new(),
        status: String::new(),
        notice: None,
        statuses: store::actions::STATUSES,
    })
}

pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewEvents)?;
    let mut p = detail_page(&state, ctx, &user, parse_id(&id)?).await?;
    p.notice = (n.notice.as_deref() == Some("saved")).then_some("saved-notice");
    Ok(Html(p.render()?))
}

#[derive(Debug, Deserialize)]
pub struct ProgressForm {
    #[serde(default)]
    note: String,
    #[serde(default)]
    status: String,
}

pub async fn progress(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ProgressForm>,
) -> AppResult<Response> {
    user.require(Permission::ViewEvents)?;
    let id = parse_id(&id)?;
    let scope = user.action_scope();
    // Unknown to this user: 404 before anything else.
    store::actions::get(state.db(), scope, id).await?;
    let mut errors = FormErrors::default();
    let note = crate::http::forms::block_field(&f.note, 5000, "note", &mut errors);
    let status = match f.status.trim() {
        "" => None,
        s => domain::event::ActionStatus::parse(s).or_else(|| {
            errors.add("status", "reg-choice-invalid");
            None
        }),
    };
    if errors.is_empty() {
        match store::actions::progress(
            state.db(),
            state.now(),
            &user.actor(ip),
            scope,
            id,
            note.as_deref().unwrap_or(""),
            status,
        )
        .await
        {
            Ok(()) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/actions/{id}?notice=saved"))).into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Events(store::EventConflict::Reason))) => {
                errors.add("note", "action-drop-reason")
            }
            Err(store::Error::Conflict(_)) => errors.add("note", "action-note-empty"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = detail_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.note = f.note;
    p.status = f.status;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

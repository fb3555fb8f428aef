//! A data subject's rights over mediation records, exercised by the family's mediator on the
//! person's request: the export of everything held about a family member (a readable page in
//! the user's language that prints to PDF, and JSON), and erasure of a member or of the whole
//! family. The code goes into the erased-subjects list before the database is changed.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use serde::Deserialize;

use crate::AppState;
use crate::features::mediation::families::scope;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, parse_id};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Debug, Default, Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    format: String,
}

#[derive(Template)]
#[template(path = "mediation/export.html")]
struct ExportPage {
    ctx: PageCtx,
    x: store::erasure::SubjectExport,
}

impl ExportPage {
    fn purpose(&self, a: &store::mediation::Access) -> String {
        crate::features::mediation::supervision::access_purpose(
            &self.ctx,
            &a.purpose,
            a.note.as_deref(),
        )
    }
}

fn json(x: &store::erasure::SubjectExport) -> serde_json::Value {
    let f = &x.family;
    let s = &x.subject;
    serde_json::json!({
        "subject": {
            "code": s.code, "name": s.name, "relation": s.relation, "birth_year": s.birth_year,
            "gender": s.gender, "school": s.school, "grade": s.grade,
        },
        "family": {
            "code": f.code, "municipality": f.territory_name, "household_size": f.household_size,
            "status": f.status, "closed_reason": f.closed_reason,
            "closed_on": f.closed_on.map(|d| d.to_string()), "name": f.name, "contact": f.contact,
        },
        "consents": x.consents.iter().map(|c| serde_json::json!({
            "purpose": c.purpose, "for": c.member_code.as_deref().unwrap_or("family"),
            "institution_kind": c.institution_kind, "institution": c.institution,
            "given_by": c.given_by, "child_view": c.child_view,
            "given_on": c.given_on.to_string(), "notice_version": c.notice_version,
            "recorded_by": c.recorded_by, "withdrawn_on": c.withdrawn_on.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "contacts": x.contacts.iter().map(|c| serde_json::json!({
            "date": c.date.to_string(), "duration_minutes": c.duration_minutes, "place": c.place,
            "areas": c.areas, "about": c.member_code.as_deref().unwrap_or("family"),
            "institution": c.institution, "done": c.done, "outcome": c.outcome,
            "next_step": c.next_step, "next_date": c.next_date.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "referrals": x.referrals.iter().map(|r| serde_json::json!({
            "referred_on": r.referred_on.to_string(), "kind": r.kind, "institution": r.institution,
            "about": r.member_code.as_deref().unwrap_or("family"), "status": r.status,
            "status_on": r.status_on.to_string(), "note": r.note,
            "urgent_necessity_reason": r.override_reason,
        })).collect::<Vec<_>>(),
        "school_followups": x.followups.iter().map(|f| serde_json::json!({
            "school_year": f.school_year, "term": f.term, "noted_on": f.noted_on.to_string(),
            "risk": f.risk, "action": f.action, "result": f.result,
            "result_on": f.result_on.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "access_to_the_record": x.access.iter().map(|a| serde_json::json!({
            "at": jiff::Timestamp::from_second(a.at).map(|t| t.to_string()).unwrap_or_default(),
            "by": a.who, "action": a.action, "purpose": a.purpose,
        })).collect::<Vec<_>>(),
    })
}

/// Everything held about a family member: a page (print it for a PDF) or `?format=json`.
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id, member)): Path<(String, String, String)>,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let x = store::erasure::export_member(
        state.db(),
        state.now(),
        state.keyring(),
        scope(&user),
        parse_id(&id)?,
        parse_id(&member)?,
    )
    .await?;
    match q.format.as_str() {
        "json" => {
            let name = format!("{}.json", x.subject.code);
            let body = serde_json::to_vec_pretty(&json(&x)).map_err(AppError::internal)?;
            Ok(crate::http::files::download(
                body,
                &name,
                "application/json",
            ))
        }
        "" | "html" => Ok(Html(ExportPage { ctx, x }.render()?).into_response()),
        _ => Err(AppError::BadRequest),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ConfirmFields {
    #[serde(default)]
    confirm: String,
}

/// Erases a code: first into the erased-subjects list, then out of the database.
async fn erase_code(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    code: &str,
) -> AppResult<()> {
    crate::erased::append(&state.settings().erased_list_file(), code)
        .map_err(|e| AppError::internal(format!("erased-subjects list: {e}")))?;
    store::erasure::erase_code(
        state.db(),
        state.now(),
        &user.actor(ip),
        Some(user.id),
        code,
    )
    .await?;
    Ok(())
}

/// Erases a family member and every entry naming them (the box must be ticked).
pub async fn erase_member(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, member)): Path<(String, String, String)>,
    AppForm(f): AppForm<ConfirmFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let code =
        store::erasure::code_of(state.db(), scope(&user), id, Some(parse_id(&member)?)).await?;
    if f.confirm != "yes" {
        return Ok(Redirect::to(&ctx.href(&format!(
            "/mediation/families/{id}?notice=erase-unconfirmed#members"
        )))
        .into_response());
    }
    erase_code(&state, &user, ip, &code).await?;
    Ok(Redirect::to(&ctx.href(&format!(
        "/mediation/families/{id}?notice=member-erased#members"
    )))
    .into_response())
}

/// Erases a whole family (the box must be ticked).
pub async fn erase_family(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ConfirmFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let code = store::erasure::code_of(state.db(), scope(&user), id, None).await?;
    if f.confirm != "yes" {
        return Ok(Redirect::to(&ctx.href(&format!(
            "/mediation/families/{id}?notice=erase-unconfirmed#case-status"
        )))
        .into_response());
    }
    erase_code(&state, &user, ip, &code).await?;
    Ok(Redirect::to(&ctx.href("/mediation?notice=family-erased")).into_response())
}

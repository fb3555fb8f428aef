//! Importing a sign-in sheet that was scanned and then typed into a spreadsheet (CSV or
//! XLSX): upload → preview (who is matched to a registration or the registry, who is
//! already present, which lines cannot be used and why) → confirm, which records every
//! usable line or none. Statistics answers on a line count only when its consent column
//! says yes; otherwise they are dropped and the preview says so.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::participation::{self, Category};
use domain::text::fold;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::features::events::attendance::{event_for, scope_of};
use crate::http::error::{AppError, AppResult};

use crate::http::forms::{FormErrors, parse_id};
use crate::http::tables::read_upload_table;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The columns a sign-in sheet may have, by folded header (Latvian or English).
fn column(header: &str) -> Option<&'static str> {
    let h = fold(header).replace(['_', '.'], " ");
    Some(match h.trim() {
        "vards, uzvards" | "vards uzvards" | "vards" | "name" | "full name" | "dalibnieks"
        | "participant" => "name",
        "e-pasts" | "epasts" | "e-pasta adrese" | "email" | "e-mail" => "email",
        "organizacija" | "iestade" | "organisation" | "organization" => "organisation",
        "vieta" | "pilseta" | "novads" | "pasvaldiba" | "city" | "place" | "town" => "place",
        "dzimums" | "gender" => "gender",
        "vecums" | "vecuma grupa" | "age" | "age group" => "age",
        "romu piederiba" | "roms" | "romu tautibas" | "roma" | "roma self-identification" => "roma",
        "piekrisana" | "piekrit" | "piekrisana statistikai" | "consent" | "statistics consent" => {
            "consent"
        }
        "kategorija" | "category" => "category",
        _ => return None,
    })
}

fn yes(v: &str) -> Option<bool> {
    match fold(v).as_str() {
        "" => None,
        "ja" | "yes" | "y" | "x" | "1" | "true" => Some(true),
        "ne" | "no" | "n" | "0" | "false" => Some(false),
        _ => None,
    }
}

fn gender(v: &str) -> Result<Option<&'static str>, ()> {
    Ok(Some(match fold(v).as_str() {
        "" | "nevelas noradit" | "undisclosed" => return Ok(None),
        "sieviete" | "s" | "female" | "f" | "woman" => "female",
        "virietis" | "v" | "male" | "m" | "man" => "male",
        "cits" | "other" => "other",
        _ => return Err(()),
    }))
}

/// An age in years, or an age group as "18-24", "18–24", "65+", "<18".
fn age_group(v: &str) -> Result<Option<&'static str>, ()> {
    let t: String = v
        .trim()
        .replace(['–', '—', '_'], "-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(age) = t.parse::<i32>() {
        return participation::age_group(age).map(Some).ok_or(());
    }
    Ok(Some(match t.as_str() {
        "<18" | "0-17" | "lidz17" | "under18" => "under_18",
        "18-24" => "18_24",
        "25-29" => "25_29",
        "30-49" => "30_49",
        "50-64" => "50_64",
        "65+" | "65plus" | "65-" => "65_plus",
        _ => return Err(()),
    }))
}

/// One line of the preview. `action`: match (a registration or a registry person), add
/// (someone new), present (already checked in: skipped) or reject (with `reason`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SheetRow {
    line: usize,
    name: String,
    email: Option<String>,
    organisation: String,
    organisation_id: Option<i64>,
    place: String,
    territory_id: Option<i64>,
    gender: Option<String>,
    age_group: Option<String>,
    roma: Option<String>,
    category: Option<String>,
    person_id: Option<i64>,
    registration_id: Option<i64>,
    action: String,
    /// A message id: why a line is rejected, or a note on an accepted one.
    reason: Option<String>,
}

/// `by_email`: lines may be matched to registry people by e-mail (directory managers only).
async fn plan(
    state: &AppState,
    event_id: i64,
    scope: store::attendance::Scope,
    by_email: bool,
    rows: Vec<Vec<String>>,
) -> AppResult<Result<Vec<SheetRow>, &'static str>> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return Ok(Err("import-empty"));
    };
    let cols: Vec<Option<&'static str>> = header.iter().map(|h| column(h)).collect();
    if !cols.contains(&Some("name")) {
        return Ok(Err("attendance-import-no-name"));
    }
    let regs = store::registrations::for_event(state.db(), event_id).await?;
    let present = store::attendance::for_event(state.db(), scope, event_id).await?;
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (i, cells) in rows.enumerate() {
        let get = |name: &str| -> String {
            cols.iter()
                .position(|c| *c == Some(name))
                .and_then(|p| cells.get(p))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = SheetRow {
            line: i + 2,
            name: get("name").chars().take(200).collect(),
            email: None,
            organisation: get("organisation").chars().take(300).collect(),
            organisation_id: None,
            place: get("place"),
            territory_id: None,
            gender: None,
            age_group: None,
            roma: None,
            category: None,
            person_id: None,
            registration_id: None,
            action: "add".to_owned(),
            reason: None,
        };
        let reject = |row: &mut SheetRow, why: &str| {
            if row.action != "reject" {
                row.action = "reject".to_owned();
                row.reason = Some(why.to_owned());
            }
        };
        if row.name.is_empty() {
            reject(&mut row, "reg-name-invalid");
        }
        let problem = [&row.name, &row.organisation, &row.place]
            .into_iter()
            .find_map(|t| domain::text::check_text(t, usize::MAX, false).err());
        if let Some(e) = problem {
            reject(&mut row, e.message_id());
        }
        let email = get("email");
        if !email.is_empty() {
            match domain::user::Email::parse(&email) {
                Some(e) => row.email = Some(e.into_string()),
                None => reject(&mut row, "user-email-invalid"),
            }
        }
        if !row.place.is_empty() {
            row.territory_id =
                store::import::territory_by_name(state.db(), &row.place, state.today()).await?;
            if row.territory_id.is_none() {
                reject(&mut row, "import-place-unknown");
            }
        }
        if !row.organisation.is_empty() {
            row.organisation_id =
                store::import::organisation_by_name(state.db(), &row.organisation).await?;
        }
        let category = get("category");
        if !category.is_empty() {
            match Category::ALL
                .into_iter()
                .find(|c| c.as_str() == category || fold(c.as_str()) == fold(&category))
            {
                Some(c) => row.category = Some(c.as_str().to_owned()),
                None => reject(&mut row, "attendance-import-bad-category"),
            }
        }
        let g = gender(&get("gender"));
        let a = age_group(&get("age"));
        let roma = match fold(&get("roma")).as_str() {
            "" => Ok(None),
            "ja" | "yes" | "y" | "x" => Ok(Some("yes")),
            "ne" | "no" | "n" => Ok(Some("no")),
            _ => Err(()),
        };
        match (g, a, roma) {
            (Ok(g), Ok(a), Ok(r)) => {
                let answered = g.is_some() || a.is_some() || r.is_some();
                if answered && yes(&get("consent")) == Some(true) {
                    row.gender = g.map(str::to_owned);
                    row.age_group = a.map(str::to_owned);
                    row.roma = r.map(str::to_owned);
                } else if answered && row.action != "reject" {
                    row.reason = Some("attendance-import-stats-dropped".to_owned());
                }
            }
            _ => reject(&mut row, "attendance-import-bad-answer"),
        }
        let key = fold(&row.name);
        let email_key = row.email.as_deref().map(str::to_lowercase);
        if row.action != "reject" {
            // A registrant of this event, by e-mail or by name.
            if let Some(r) = regs.iter().find(|r| {
                r.status != store::registrations::Status::Cancelled
                    && (email_key.as_deref() == Some(r.email.to_lowercase().as_str())
                        || fold(&r.name) == key)
            }) {
                row.registration_id = Some(r.id);
                row.action = "match".to_owned();
            } else if by_email
                && let Some(e) = &row.email
                && let Some(p) = store::import::person_by_email(state.db(), e).await?
            {
                row.person_id = Some(p);
                row.action = "match".to_owned();
            }
            let already = present.iter().any(|a| {
                (row.registration_id.is_some() && a.registration_id == row.registration_id)
                    || (row.person_id.is_some() && a.person_id == row.person_id)
                    || fold(&a.name) == key
            });
            let twice = seen.contains(&key)
                || email_key
                    .as_ref()
                    .is_some_and(|e| seen.contains(&format!("e:{e}")));
            if already {
                row.action = "present".to_owned();
                row.reason = Some("attendance-already-present".to_owned());
            } else if twice {
                reject(&mut row, "attendance-import-twice");
            }
            seen.push(key);
            if let Some(e) = email_key {
                seen.push(format!("e:{e}"));
            }
        }
        out.push(row);
    }
    if out.is_empty() {
        return Ok(Err("import-empty"));
    }
    Ok(Ok(out))
}

#[derive(Template)]
#[template(path = "events/attendance_import.html")]
struct ImportPage {
    ctx: PageCtx,
    event: store::events::Event,
    errors: FormErrors,
}

impl ImportPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }
}

pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let event = event_for(&state, &user, &id).await?;
    Ok(Html(
        ImportPage {
            ctx,
            event,
            errors: FormErrors::default(),
        }
        .render()?,
    ))
}

fn fail(ctx: PageCtx, event: store::events::Event, why: &'static str) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    errors.add("file", why);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(ImportPage { ctx, event, errors }.render()?),
    )
        .into_response())
}

fn batch_kind(event_id: i64) -> String {
    format!("attendance:{event_id}")
}

/// Reads the upload, plans it and shows the preview.
pub async fn upload(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    multipart: Multipart,
) -> AppResult<Response> {
    let event = event_for(&state, &user, &id).await?;
    let (name, rows) = match read_upload_table(&state, multipart).await? {
        Ok(read) => read,
        Err(why) => return fail(ctx, event, why),
    };
    let by_email = user.can(domain::auth::Permission::ManageDirectory);
    let planned = match plan(&state, event.id, scope_of(&user), by_email, rows).await? {
        Ok(p) => p,
        Err(why) => return fail(ctx, event, why),
    };
    let json = serde_json::to_string(&planned).map_err(AppError::internal)?;
    let batch = store::import::save_batch(
        state.db(),
        state.now(),
        user.id,
        &batch_kind(event.id),
        name.as_deref(),
        &json,
    )
    .await?;
    Ok(
        Redirect::to(&ctx.href(&format!("/events/{}/attendance/import/{batch}", event.id)))
            .into_response(),
    )
}

#[derive(Template)]
#[template(path = "events/attendance_import_preview.html")]
struct PreviewPage {
    ctx: PageCtx,
    event: store::events::Event,
    batch: i64,
    file_name: String,
    rows: Vec<SheetRow>,
    applied: bool,
    usable: usize,
    error: Option<&'static str>,
}

impl PreviewPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn action_key(&self, a: &str) -> &'static str {
        match a {
            "match" => "attendance-import-match",
            "add" => "attendance-import-add",
            "present" => "attendance-import-present",
            _ => "attendance-import-reject",
        }
    }

    fn reason_key(&self, r: &str) -> &'static str {
        match r {
            "reg-name-invalid" => "reg-name-invalid",
            "user-email-invalid" => "user-email-invalid",
            "import-place-unknown" => "import-place-unknown",
            "attendance-import-bad-category" => "attendance-import-bad-category",
            "attendance-import-bad-answer" => "attendance-import-bad-answer",
            "attendance-import-stats-dropped" => "attendance-import-stats-dropped",
            "attendance-already-present" => "attendance-already-present",
            _ => "attendance-import-twice",
        }
    }
}

async fn preview_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    event: store::events::Event,
    batch: i64,
    error: Option<&'static str>,
) -> AppResult<PreviewPage> {
    let b = store::import::batch(state.db(), batch, user.id).await?;
    if b.kind != batch_kind(event.id) {
        return Err(AppError::NotFound);
    }
    let rows: Vec<SheetRow> = serde_json::from_str(&b.plan).map_err(AppError::internal)?;
    Ok(PreviewPage {
        usable: rows
            .iter()
            .filter(|r| r.action == "add" || r.action == "match")
            .count(),
        ctx,
        event,
        batch,
        file_name: b.file_name.unwrap_or_default(),
        rows,
        applied: b.applied_at.is_some(),
        error,
    })
}

pub async fn preview(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id, batch)): Path<(String, String, String)>,
) -> AppResult<Html<String>> {
    let event = event_for(&state, &user, &id).await?;
    let batch = parse_id(&batch)?;
    Ok(Html(
        preview_page(&state, ctx, &user, event, batch, None)
            .await?
            .render()?,
    ))
}

/// Records every usable line, or none.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, batch)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let event = event_for(&state, &user, &id).await?;
    let batch = parse_id(&batch)?;
    let page = preview_page(&state, ctx.clone(), &user, event.clone(), batch, None).await?;
    if page.applied {
        return Ok(Redirect::to(
            &ctx.href(&format!("/events/{}/attendance/import/{batch}", event.id)),
        )
        .into_response());
    }
    let usable: Vec<&SheetRow> = page
        .rows
        .iter()
        .filter(|r| r.action == "add" || r.action == "match")
        .collect();
    let lines: Vec<store::attendance::Declared> = usable
        .iter()
        .map(|r| store::attendance::Declared {
            name: r.name.clone(),
            email: r.email.clone(),
            person_id: r.person_id,
            registration_id: r.registration_id,
            organisation_id: r.organisation_id,
            organisation_text: (r.organisation_id.is_none() && !r.organisation.is_empty())
                .then(|| r.organisation.clone()),
            territory_id: r.territory_id,
            gender: r.gender.clone(),
            age_group: r.age_group.clone(),
            stats_notice_version: (r.gender.is_some() || r.age_group.is_some() || r.roma.is_some())
                .then(|| crate::features::events::registration::STATS_NOTICE_VERSION.to_owned()),
            roma_self_identified: r.roma.clone(),
            category: r.category.as_deref().and_then(Category::parse),
        })
        .collect();
    // What stays of the batch once applied: line numbers and outcomes, no personal data.
    let kept: Vec<SheetRow> = page
        .rows
        .iter()
        .map(|r| SheetRow {
            line: r.line,
            name: String::new(),
            email: None,
            organisation: String::new(),
            organisation_id: None,
            place: String::new(),
            territory_id: None,
            gender: None,
            age_group: None,
            roma: None,
            category: None,
            person_id: None,
            registration_id: None,
            action: r.action.clone(),
            reason: r.reason.clone(),
        })
        .collect();
    let kept = serde_json::to_string(&kept).map_err(AppError::internal)?;
    match store::attendance::apply_import(
        state.db(),
        state.now(),
        &user.actor(ip),
        scope_of(&user),
        event.id,
        batch,
        user.id,
        &kept,
        &lines,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(
            &ctx.href(&format!("/events/{}/attendance?notice=imported", event.id)),
        )
        .into_response()),
        Err((
            _,
            store::Error::Conflict(store::Conflict::Events(store::EventConflict::Applied)),
        )) => Ok(Redirect::to(
            &ctx.href(&format!("/events/{}/attendance/import/{batch}", event.id)),
        )
        .into_response()),
        Err((
            _,
            store::Error::Conflict(store::Conflict::Events(
                c @ (store::EventConflict::Closed | store::EventConflict::NotStarted),
            )),
        )) => {
            let message = if c == store::EventConflict::NotStarted {
                "attendance-not-started"
            } else {
                "attendance-closed"
            };
            let page = preview_page(&state, ctx, &user, event, batch, Some(message)).await?;
            Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
        }
        Err((_, store::Error::Conflict(_) | store::Error::NotFound)) => {
            // Someone checked in or changed meanwhile: nothing was saved; show it again.
            let page = preview_page(
                &state,
                ctx,
                &user,
                event,
                batch,
                Some("attendance-import-changed"),
            )
            .await?;
            Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
        }
        Err((_, e)) => Err(e.into()),
    }
}

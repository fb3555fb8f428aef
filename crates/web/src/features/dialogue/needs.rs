//! Needs and questions ("Jautājumi un vajadzības", `store::needs`) in the workspace: a
//! logged-in organisation, mediator or coordinator raises one; a coordinator gives it to the
//! responsible institution with the day an answer is due, merges it into the same one raised
//! before, or closes it with a reason; the institution answers. Who sees a need: the
//! coordinators, the organisation (or the user) that raised it, and the institution it is
//! given to — to everyone else it does not exist (404).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::dialogue::{DEFAULT_ANSWER_DAYS, NeedConcern, NeedSource, NeedStatus, answer_due};
use domain::event::{OBJECTIVES, Objective};

use crate::AppState;
use crate::http::choices::{TerritoryGroups, territory_groups};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{
    AppForm, FormErrors, date_field, optional_id, parse_id, required_block, required_line,
};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// Whether the user may see a need: a coordinator, its raiser or their organisation, or the
/// institution it is given to (the same rule as `store::needs::Filter::seen_by`, for one).
fn sees(user: &CurrentUser, n: &store::needs::Need) -> bool {
    user.can(Permission::ManageNeeds)
        || n.raised_by == Some(user.id)
        || (user.organisation_id.is_some()
            && (n.raised_by_org == user.organisation_id
                || n.assigned_org_id == user.organisation_id))
}

/// Whether the user answers for the institution the need is given to.
fn answers(user: &CurrentUser, n: &store::needs::Need) -> bool {
    n.status == NeedStatus::Assigned
        && user.organisation_id.is_some()
        && n.assigned_org_id == user.organisation_id
}

struct Line {
    need: store::needs::Need,
    late: bool,
}

#[derive(Template)]
#[template(path = "dialogue/needs.html")]
struct ListPage {
    ctx: PageCtx,
    lines: Vec<Line>,
    notice: Option<&'static str>,
}

impl ListPage {
    fn due(&self, n: &store::needs::Need) -> String {
        n.answer_due_on
            .map(|d| self.ctx.day(&d))
            .unwrap_or_default()
    }
}

/// `GET /{lang}/needs`: the needs the user sees, newest first.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::RaiseNeeds)?;
    let today = state.today();
    let filter = store::needs::Filter {
        seen_by: (!user.can(Permission::ManageNeeds)).then_some((user.id, user.organisation_id)),
        ..Default::default()
    };
    let lines = store::needs::list(state.db(), &filter)
        .await?
        .into_iter()
        .map(|need| Line {
            late: need.late(today),
            need,
        })
        .collect();
    let notice = match n.notice.as_deref() {
        Some("raised") => Some("need-raised-notice"),
        _ => None,
    };
    Ok(Html(ListPage { ctx, lines, notice }.render()?))
}

/// What the form of a new need holds, as typed.
#[derive(Default, serde::Deserialize)]
pub struct NeedFields {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    territory_id: String,
    #[serde(default)]
    concerns: Vec<String>,
}
crate::http::forms::debug_without_text!(NeedFields);

#[derive(Template)]
#[template(path = "dialogue/need_new.html")]
struct NewPage {
    ctx: PageCtx,
    f: NeedFields,
    errors: FormErrors,
    territories: TerritoryGroups,
    objectives: Vec<(&'static str, &'static str)>,
}

impl NewPage {
    fn concerned(&self, c: &str) -> bool {
        self.f.concerns.iter().any(|x| x == c)
    }
}

async fn new_page(
    state: &AppState,
    ctx: PageCtx,
    f: NeedFields,
    errors: FormErrors,
) -> AppResult<NewPage> {
    Ok(NewPage {
        territories: territory_groups(state, ctx.lang).await?,
        objectives: OBJECTIVES
            .iter()
            .map(|o| (*o, Objective::label_key_of(o)))
            .collect(),
        ctx,
        f,
        errors,
    })
}

/// `GET /{lang}/needs/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::RaiseNeeds)?;
    let page = new_page(&state, ctx, NeedFields::default(), FormErrors::default()).await?;
    Ok(Html(page.render()?))
}

/// `POST /{lang}/needs`: raises a need from the workspace.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::RaiseNeeds)?;
    let f: NeedFields = crate::http::forms::with_lists(body, &["concerns"])?;
    let mut errors = FormErrors::default();
    let title = required_line(&f.title, 200, "title", "need-title-missing", &mut errors);
    let description = required_block(
        &f.description,
        5_000,
        "description",
        "need-description-missing",
        &mut errors,
    );
    let area = Objective::parse(&f.area);
    if area.is_none() {
        errors.add("area", "need-area-missing");
    }
    let territory_id = match optional_id(&f.territory_id) {
        Ok(Some(t)) => match store::territories::get(state.db(), t).await {
            Ok(_) => Some(t),
            Err(store::Error::NotFound) => {
                errors.add("territory_id", "territory-invalid");
                None
            }
            Err(e) => return Err(e.into()),
        },
        Ok(None) => None,
        Err(_) => {
            errors.add("territory_id", "territory-invalid");
            None
        }
    };
    let concerns: Vec<NeedConcern> = f
        .concerns
        .iter()
        .filter_map(|c| NeedConcern::parse(c))
        .collect();
    if concerns.len() != f.concerns.len() {
        errors.add("concerns", "reg-choice-invalid");
    }
    if let (Some(title), Some(area), true) = (title, area, errors.is_empty()) {
        let input = store::needs::NeedInput {
            title,
            description,
            area,
            territory_id,
            concerns,
            event_id: None,
            source: NeedSource::Workspace,
            raiser_name: None,
            raiser_email: None,
            contact_consent: false,
        };
        let id = store::needs::raise(
            state.db(),
            state.now(),
            &user.actor(ip),
            user.organisation_id,
            &input,
        )
        .await?;
        return Ok(Redirect::to(&ctx.href(&format!("/needs/{id}?notice=raised"))).into_response());
    }
    let page = new_page(&state, ctx, f, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "dialogue/need.html")]
struct DetailPage {
    ctx: PageCtx,
    need: store::needs::Need,
    steps: Vec<store::needs::Step>,
    territory: Option<String>,
    late: bool,
    manage: bool,
    answer: bool,
    organisations: Vec<(i64, String)>,
    /// What the forms hold: the stored or default values, or what was typed when refused.
    typed: Typed,
    errors: FormErrors,
    notice: Option<&'static str>,
}

/// The values of the detail page's forms, kept as typed when a step is refused.
#[derive(Debug, Default)]
struct Typed {
    organisation: String,
    due_on: String,
    into: String,
    reason: String,
    text: String,
}

impl DetailPage {
    fn day(&self, d: &Option<jiff::civil::Date>) -> String {
        d.map(|d| self.ctx.day(&d)).unwrap_or_default()
    }

    fn step_key(&self, s: &str) -> &'static str {
        match s {
            "raised" => "need-step-raised",
            "assigned" => "need-step-assigned",
            "answered" => "need-step-answered",
            "closed" => "need-step-closed",
            _ => "need-step-merged",
        }
    }
}

async fn detail_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
    errors: FormErrors,
    typed: Option<Typed>,
) -> AppResult<DetailPage> {
    let need = store::needs::get(state.db(), id).await?;
    if !sees(user, &need) {
        return Err(AppError::NotFound);
    }
    let territory = match need.input.territory_id {
        Some(t) => Some(
            store::territories::get(state.db(), t)
                .await?
                .name(ctx.lang.code())
                .to_owned(),
        ),
        None => None,
    };
    let today = state.today();
    let manage = user.can(Permission::ManageNeeds) && need.status.is_open();
    Ok(DetailPage {
        steps: store::needs::steps(state.db(), id).await?,
        late: need.late(today),
        answer: answers(user, &need),
        organisations: if manage {
            store::organisations::names(state.db()).await?
        } else {
            Vec::new()
        },
        typed: typed.unwrap_or_else(|| Typed {
            organisation: need
                .assigned_org_id
                .map(|o| o.to_string())
                .unwrap_or_default(),
            due_on: answer_due(today, DEFAULT_ANSWER_DAYS).to_string(),
            ..Typed::default()
        }),
        manage,
        territory,
        need,
        ctx,
        errors,
        notice: None,
    })
}

/// `GET /{lang}/needs/{id}`: the need, its history, and what the user may do with it.
pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::RaiseNeeds)?;
    let mut page = detail_page(
        &state,
        ctx,
        &user,
        parse_id(&id)?,
        FormErrors::default(),
        None,
    )
    .await?;
    page.notice = match n.notice.as_deref() {
        Some("raised") => Some("need-raised-notice"),
        Some("assigned") => Some("need-assigned-notice"),
        Some("answered") => Some("need-answered-notice"),
        Some("closed") => Some("need-closed-notice"),
        Some("merged") => Some("need-merged-notice"),
        _ => None,
    };
    Ok(Html(page.render()?))
}

/// The detail page again with an error at a field (422), what was typed kept.
async fn refused(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
    errors: FormErrors,
    typed: Typed,
) -> AppResult<Response> {
    let page = detail_page(state, ctx, user, id, errors, Some(typed)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

fn done(ctx: &PageCtx, id: i64, notice: &str) -> Response {
    Redirect::to(&ctx.href(&format!("/needs/{id}?notice={notice}"))).into_response()
}

/// A step the need's status no longer allows (someone else took it meanwhile).
fn status_error(errors: &mut FormErrors, field: &'static str, e: store::Error) -> AppResult<()> {
    match e {
        store::Error::Conflict(store::Conflict::Dialogue(store::DialogueConflict::Status)) => {
            errors.add(field, "need-status-changed");
            Ok(())
        }
        store::Error::Conflict(store::Conflict::Dialogue(
            store::DialogueConflict::Organisation,
        )) => {
            errors.add(field, "reg-choice-invalid");
            Ok(())
        }
        store::Error::Conflict(store::Conflict::Dialogue(store::DialogueConflict::MergeTarget)) => {
            errors.add(field, "need-merge-invalid");
            Ok(())
        }
        e => Err(e.into()),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AssignFields {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    due_on: String,
}

/// `POST /{lang}/needs/{id}/assign`: gives the need to an institution to answer by a day.
pub async fn assign(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<AssignFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageNeeds)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let organisation = match optional_id(&f.organisation) {
        Ok(Some(o)) => Some(o),
        _ => {
            errors.add("organisation", "need-organisation-missing");
            None
        }
    };
    let due = date_field(&f.due_on, "due_on", &mut errors);
    if due.is_some_and(|d| d < state.today()) {
        errors.add("due_on", "need-due-past");
    }
    if let (Some(o), Some(due), true) = (organisation, due, errors.is_empty()) {
        match store::needs::assign(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            id,
            o,
            due,
        )
        .await
        {
            Ok(()) => return Ok(done(&ctx, id, "assigned")),
            Err(e) => status_error(&mut errors, "organisation", e)?,
        }
    }
    let typed = Typed {
        organisation: f.organisation,
        due_on: f.due_on,
        ..Typed::default()
    };
    refused(&state, ctx, &user, id, errors, typed).await
}

#[derive(Default, serde::Deserialize)]
pub struct TextFields {
    #[serde(default)]
    text: String,
}
crate::http::forms::debug_without_text!(TextFields);

/// `POST /{lang}/needs/{id}/answer`: the institution's answer.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<TextFields>,
) -> AppResult<Response> {
    user.require(Permission::RaiseNeeds)?;
    let id = parse_id(&id)?;
    let need = store::needs::get(state.db(), id).await?;
    if !sees(&user, &need) {
        return Err(AppError::NotFound);
    }
    if !answers(&user, &need) {
        return Err(AppError::Forbidden);
    }
    let mut errors = FormErrors::default();
    let text = required_block(&f.text, 10_000, "text", "need-answer-missing", &mut errors);
    if errors.is_empty() {
        match store::needs::answer(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            id,
            &text,
        )
        .await
        {
            Ok(()) => return Ok(done(&ctx, id, "answered")),
            Err(e) => status_error(&mut errors, "text", e)?,
        }
    }
    let typed = Typed {
        text: f.text,
        ..Typed::default()
    };
    refused(&state, ctx, &user, id, errors, typed).await
}

#[derive(Default, serde::Deserialize)]
pub struct CloseFields {
    #[serde(default)]
    reason: String,
}
crate::http::forms::debug_without_text!(CloseFields);

/// `POST /{lang}/needs/{id}/close`: closes the need without an answer, with the reason.
pub async fn close(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<CloseFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageNeeds)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let reason = required_block(
        &f.reason,
        2_000,
        "reason",
        "need-reason-missing",
        &mut errors,
    );
    if errors.is_empty() {
        match store::needs::close(state.db(), state.now(), &user.actor(ip), id, &reason).await {
            Ok(()) => return Ok(done(&ctx, id, "closed")),
            Err(e) => status_error(&mut errors, "reason", e)?,
        }
    }
    let typed = Typed {
        reason: f.reason,
        ..Typed::default()
    };
    refused(&state, ctx, &user, id, errors, typed).await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct MergeFields {
    #[serde(default)]
    into: String,
}

/// `POST /{lang}/needs/{id}/merge`: merges the need into the same one raised before.
pub async fn merge(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<MergeFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageNeeds)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    match optional_id(f.into.trim().trim_start_matches('#')) {
        Ok(Some(into)) => {
            match store::needs::merge(state.db(), state.now(), &user.actor(ip), id, into).await {
                Ok(()) => return Ok(done(&ctx, id, "merged")),
                Err(e) => status_error(&mut errors, "into", e)?,
            }
        }
        _ => errors.add("into", "need-merge-invalid"),
    }
    let typed = Typed {
        into: f.into,
        ..Typed::default()
    };
    refused(&state, ctx, &user, id, errors, typed).await
}

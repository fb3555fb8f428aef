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

use super::need_mail;
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

/// A select of the link form: (field, label, choices, chosen).
type LinkField<'a> = (&'static str, &'static str, &'a [(i64, String)], &'a String);

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
    /// A coordinator sees every need (the intro says so).
    coordinator: bool,
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
    Ok(Html(
        ListPage {
            ctx,
            lines,
            notice,
            coordinator: user.can(Permission::ManageNeeds),
        }
        .render()?,
    ))
}

/// What the form of a new need holds, as typed (the workspace's and the public one's).
#[derive(Default, serde::Deserialize)]
pub struct NeedFields {
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(default)]
    pub(super) area: String,
    #[serde(default)]
    pub(super) territory_id: String,
    #[serde(default)]
    pub(super) concerns: Vec<String>,
    /// The meeting where it was raised (the workspace's form).
    #[serde(default)]
    pub(super) event_id: String,
    /// Who raises it and where to write (the public form, both optional).
    #[serde(default)]
    pub(super) name: String,
    #[serde(default)]
    pub(super) email: String,
    #[serde(default)]
    pub(super) contact_consent: String,
    #[serde(default)]
    pub(super) public_consent: String,
}
crate::http::forms::debug_without_text!(NeedFields);

#[derive(Template)]
#[template(path = "dialogue/need_new.html")]
pub(super) struct NewPage {
    pub(super) ctx: PageCtx,
    pub(super) f: NeedFields,
    pub(super) errors: FormErrors,
    territories: TerritoryGroups,
    objectives: Vec<(&'static str, &'static str)>,
    /// The public form (anyone), or the workspace's.
    pub(super) public: bool,
    /// The form's CSRF token: the session's, or the pre-login one on the public form.
    pub(super) csrf: String,
    /// Meetings it may have been raised at: (id, title, day).
    meetings: Vec<(i64, String, String)>,
    /// The public form was sent (its thanks instead of the form).
    pub(super) sent: bool,
}

impl NewPage {
    fn concerned(&self, c: &str) -> bool {
        self.f.concerns.iter().any(|x| x == c)
    }

    fn action(&self) -> String {
        self.ctx.href(if self.public {
            "/questions/ask"
        } else {
            "/needs"
        })
    }
}

pub(super) async fn new_page(
    state: &AppState,
    ctx: PageCtx,
    f: NeedFields,
    errors: FormErrors,
    public: bool,
) -> AppResult<NewPage> {
    let meetings = if public {
        Vec::new()
    } else {
        store::needs::meeting_choices(state.db(), state.now())
            .await?
            .into_iter()
            .map(|(id, title, at)| (id, title, ctx.datetime(&at)))
            .collect()
    };
    Ok(NewPage {
        territories: territory_groups(state, ctx.lang).await?,
        objectives: OBJECTIVES
            .iter()
            .map(|o| (*o, Objective::label_key_of(o)))
            .collect(),
        csrf: ctx.csrf.clone(),
        ctx,
        f,
        errors,
        public,
        meetings,
        sent: false,
    })
}

/// `GET /{lang}/needs/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::RaiseNeeds)?;
    let page = new_page(
        &state,
        ctx,
        NeedFields::default(),
        FormErrors::default(),
        false,
    )
    .await?;
    Ok(Html(page.render()?))
}

/// The parts of a need both forms ask (title, description, area, place, whom it concerns),
/// checked: `None` with the errors at their fields.
pub(super) async fn validate(
    state: &AppState,
    f: &NeedFields,
    source: NeedSource,
    errors: &mut FormErrors,
) -> AppResult<Option<store::needs::NeedInput>> {
    let title = required_line(&f.title, 200, "title", "need-title-missing", errors);
    let description = required_block(
        &f.description,
        5_000,
        "description",
        "need-description-missing",
        errors,
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
    let event_id = match optional_id(&f.event_id) {
        Ok(Some(e)) if source == NeedSource::Workspace => {
            let known = store::needs::meeting_choices(state.db(), state.now())
                .await?
                .iter()
                .any(|(id, _, _)| *id == e);
            if !known {
                errors.add("event_id", "reg-choice-invalid");
            }
            Some(e)
        }
        Ok(_) => None,
        Err(_) => {
            errors.add("event_id", "reg-choice-invalid");
            None
        }
    };
    let public_consent = f.public_consent == "yes";
    Ok(match (title, area, errors.is_empty()) {
        (Some(title), Some(area), true) => Some(store::needs::NeedInput {
            title,
            description,
            area,
            territory_id,
            concerns,
            event_id,
            source,
            raiser_name: None,
            raiser_email: None,
            contact_consent: false,
            raiser_lang: None,
            public_consent,
        }),
        _ => None,
    })
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
    if let Some(input) = validate(&state, &f, NeedSource::Workspace, &mut errors).await? {
        let id = store::needs::raise(
            state.db(),
            state.now(),
            &user.actor(ip),
            user.organisation_id,
            &input,
            |_| Vec::new(),
        )
        .await?;
        return Ok(Redirect::to(&ctx.href(&format!("/needs/{id}?notice=raised"))).into_response());
    }
    let page = new_page(&state, ctx, f, errors, false).await?;
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
    /// A coordinator may publish it (answered).
    publish: bool,
    /// A coordinator may link it to an action, a measure, a practice.
    link: bool,
    choices: store::needs::LinkChoices,
    /// What it is linked to: (kind, id, label).
    links: Vec<(&'static str, i64, String)>,
    /// The meeting where it was raised: (id, title).
    meeting: Option<(i64, String)>,
    /// The place the public page names: the novads or state city of the need's place.
    public_place: Option<String>,
    version: String,
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
    public_title: String,
    public_question: String,
    public_answer: String,
    anonymised: bool,
    action: String,
    measure: String,
    practice: String,
    /// The version the publish form was loaded with (kept when a save is refused).
    version: Option<String>,
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
            "published" => "need-step-published",
            "withdrawn" => "need-step-withdrawn",
            "linked" => "need-step-linked",
            _ => "need-step-merged",
        }
    }

    fn link_href(&self, kind: &str, id: &i64) -> String {
        self.ctx.href(&match kind {
            "action" => format!("/actions/{id}"),
            "measure" => format!("/measures/{id}"),
            _ => format!("/practice-submissions/{id}"),
        })
    }

    /// The link form's selects: (field, label, choices, chosen).
    fn link_fields(&self) -> Vec<LinkField<'_>> {
        vec![
            (
                "action",
                "need-link-action",
                &self.choices.actions,
                &self.typed.action,
            ),
            (
                "measure",
                "need-link-measure",
                &self.choices.measures,
                &self.typed.measure,
            ),
            (
                "practice",
                "need-link-practice",
                &self.choices.practices,
                &self.typed.practice,
            ),
        ]
    }

    fn link_key(&self, kind: &str) -> &'static str {
        match kind {
            "action" => "need-link-action",
            "measure" => "need-link-measure",
            _ => "need-link-practice",
        }
    }
}

/// The novads or state city a place belongs to today (the public page names no smaller
/// place): (id, name).
pub(super) async fn public_place(
    state: &AppState,
    lang: crate::i18n::Lang,
    territory: Option<i64>,
) -> AppResult<Option<(i64, String)>> {
    let Some(t) = territory else {
        return Ok(None);
    };
    match store::territories::unit_on(state.db(), t, state.today()).await {
        // A place abroad is a town, not a unit: no place is published for it.
        Ok(u) if u.kind == domain::territory::Kind::Foreign => Ok(None),
        Ok(u) => Ok(Some((u.id, u.name(lang.code()).to_owned()))),
        Err(store::Error::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
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
    let coordinator = user.can(Permission::ManageNeeds);
    let current = store::versions::current(state.db(), "needs", id).await?;
    let meeting = match need.input.event_id {
        Some(e) => {
            let ev = store::events::get(state.db(), e).await?;
            Some((e, ev.title(ctx.lang.code()).to_owned()))
        }
        None => None,
    };
    let public = need.public.clone();
    let typed = typed.unwrap_or_else(|| Typed {
        organisation: need
            .assigned_org_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        // Given already: the day asked then (a new giving may change it).
        due_on: need
            .answer_due_on
            .unwrap_or_else(|| answer_due(today, DEFAULT_ANSWER_DAYS))
            .to_string(),
        public_title: public
            .as_ref()
            .map_or_else(|| need.input.title.clone(), |p| p.title.clone()),
        public_question: public
            .as_ref()
            .map_or_else(|| need.input.description.clone(), |p| p.question.clone()),
        public_answer: public.as_ref().map_or_else(
            || need.answer.clone().unwrap_or_default(),
            |p| p.answer.clone(),
        ),
        anonymised: public.as_ref().is_some_and(|p| p.anonymised),
        action: need
            .links
            .action_id
            .map(|i| i.to_string())
            .unwrap_or_default(),
        measure: need
            .links
            .measure_id
            .map(|i| i.to_string())
            .unwrap_or_default(),
        practice: need
            .links
            .practice_id
            .map(|i| i.to_string())
            .unwrap_or_default(),
        ..Typed::default()
    });
    // A refused publish keeps the version its form was loaded with: the next save is still
    // checked against it.
    let version = typed.version.clone().unwrap_or_else(|| current.to_string());
    Ok(DetailPage {
        publish: coordinator && need.status == NeedStatus::Answered,
        link: coordinator && need.status != NeedStatus::Merged,
        choices: if coordinator {
            store::needs::link_choices(state.db()).await?
        } else {
            Default::default()
        },
        links: store::needs::link_labels(state.db(), &need.links).await?,
        meeting,
        public_place: public_place(state, ctx.lang, need.input.territory_id)
            .await?
            .map(|(_, n)| n),
        version,
        steps: store::needs::steps(state.db(), id).await?,
        late: need.late(today),
        answer: answers(user, &need),
        organisations: if manage {
            store::organisations::names(state.db()).await?
        } else {
            Vec::new()
        },
        typed,
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
        Some("published") => Some("need-published-notice"),
        Some("withdrawn") => Some("need-withdrawn-notice"),
        Some("linked") => Some("need-linked-notice"),
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
        store::Error::Conflict(store::Conflict::Dialogue(store::DialogueConflict::Link)) => {
            errors.add(field, "reg-choice-invalid");
            Ok(())
        }
        store::Error::Conflict(store::Conflict::Dialogue(
            store::DialogueConflict::Unpublishable,
        )) => {
            errors.add(field, "need-publish-refused");
            Ok(())
        }
        store::Error::Conflict(store::Conflict::Database(store::DatabaseConflict::Stale)) => {
            errors.add(field, "need-publish-stale");
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
    let need = store::needs::get(state.db(), id).await?;
    let name = match organisation {
        Some(o) => store::organisations::names(state.db())
            .await?
            .into_iter()
            .find(|(i, _)| *i == o)
            .map(|(_, n)| n),
        None => None,
    };
    if organisation.is_some() && name.is_none() {
        errors.add("organisation", "reg-choice-invalid");
    }
    if let (Some(o), Some(name), Some(due), true) = (organisation, name, due, errors.is_empty()) {
        let said = need_mail::Said {
            organisation: name,
            due_on: Some(due),
            ..Default::default()
        };
        let mut mails =
            need_mail::to_raiser(&state, &need, need_mail::Step::Assigned, &said).await?;
        mails.extend(need_mail::to_institution(&state, &need, o, &said).await?);
        match store::needs::assign(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            id,
            o,
            due,
            &mails,
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
        let said = need_mail::Said {
            text: text.clone(),
            ..Default::default()
        };
        let mut mails =
            need_mail::to_raiser(&state, &need, need_mail::Step::Answered, &said).await?;
        for other in store::needs::merged_from(state.db(), id).await? {
            mails.extend(
                need_mail::to_raiser(&state, &other, need_mail::Step::Answered, &said).await?,
            );
        }
        match store::needs::answer(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            id,
            &text,
            &mails,
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
        let need = store::needs::get(state.db(), id).await?;
        let said = need_mail::Said {
            text: reason.clone(),
            ..Default::default()
        };
        let mails = need_mail::to_raiser(&state, &need, need_mail::Step::Closed, &said).await?;
        match store::needs::close(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            &reason,
            &mails,
        )
        .await
        {
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
            let need = store::needs::get(state.db(), id).await?;
            let said = need_mail::Said {
                other: into,
                ..Default::default()
            };
            let mails = need_mail::to_raiser(&state, &need, need_mail::Step::Merged, &said).await?;
            match store::needs::merge(state.db(), state.now(), &user.actor(ip), id, into, &mails)
                .await
            {
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

#[derive(Default, serde::Deserialize)]
pub struct PublishFields {
    #[serde(default)]
    public_title: String,
    #[serde(default)]
    public_question: String,
    #[serde(default)]
    public_answer: String,
    #[serde(default)]
    anonymised: String,
    #[serde(default)]
    version: String,
}
crate::http::forms::debug_without_text!(PublishFields);

/// `POST /{lang}/needs/{id}/publish`: makes an answered need public with the coordinator's
/// text — as written when its raiser agreed, anonymised otherwise — and its novads or state
/// city as the place.
pub async fn publish(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<PublishFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageNeeds)?;
    let id = parse_id(&id)?;
    let need = store::needs::get(state.db(), id).await?;
    let mut errors = FormErrors::default();
    let title = required_line(
        &f.public_title,
        200,
        "public_title",
        "need-title-missing",
        &mut errors,
    );
    let question = required_block(
        &f.public_question,
        5_000,
        "public_question",
        "need-description-missing",
        &mut errors,
    );
    let answer = required_block(
        &f.public_answer,
        10_000,
        "public_answer",
        "need-answer-missing",
        &mut errors,
    );
    let anonymised = f.anonymised == "yes";
    if !anonymised && !need.input.public_consent {
        errors.add("anonymised", "need-anonymise-first");
    }
    // Whatever the consent, the public page shows no address, no phone number and not the
    // raiser's own name; without consent, the text must not be the one raised, unchanged.
    for (field, text) in [
        ("public_title", &f.public_title),
        ("public_question", &f.public_question),
        ("public_answer", &f.public_answer),
    ] {
        let folded = domain::text::fold(text);
        let names_raiser = need
            .input
            .raiser_name
            .as_deref()
            .map(domain::text::fold)
            .is_some_and(|n| n.trim().chars().count() >= 3 && folded.contains(n.trim()));
        if (domain::dialogue::contact_in(text).is_some() || names_raiser) && !errors.has(field) {
            errors.add(field, "need-public-contact");
        }
    }
    // (Compared as folded letters and digits: a changed capital or full stop is no change.)
    let bare = |t: &str| -> String {
        domain::text::fold(t)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    if !need.input.public_consent
        && bare(&f.public_question) == bare(&need.input.description)
        && !errors.has("public_question")
    {
        errors.add("public_question", "need-anonymise-unchanged");
    }
    // A version that is no number is taken as stale.
    let version = crate::http::stale::version(&f.version);
    if let (Some(title), true) = (title, errors.is_empty()) {
        let place = public_place(&state, crate::i18n::Lang::Lv, need.input.territory_id).await?;
        let p = store::needs::Public {
            title,
            question,
            answer,
            territory_id: place.map(|(id, _)| id),
            anonymised,
        };
        let said = need_mail::Said {
            path: format!("/questions/{id}"),
            ..Default::default()
        };
        let mails = need_mail::to_raiser(&state, &need, need_mail::Step::Published, &said).await?;
        match store::needs::publish(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            version,
            &p,
            &mails,
        )
        .await
        {
            Ok(()) => return Ok(done(&ctx, id, "published")),
            Err(e) => status_error(&mut errors, "public_title", e)?,
        }
    }
    // After a stale refusal the form carries the current version (the next save, after
    // checking, goes through); after any other, the one it was loaded with.
    let version = if errors.get("public_title") == Some("need-publish-stale") {
        None
    } else {
        Some(f.version)
    };
    let typed = Typed {
        public_title: f.public_title,
        public_question: f.public_question,
        public_answer: f.public_answer,
        anonymised,
        version,
        ..Typed::default()
    };
    refused(&state, ctx, &user, id, errors, typed).await
}

/// `POST /{lang}/needs/{id}/withdraw`: takes the need off the public page.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageNeeds)?;
    let id = parse_id(&id)?;
    if store::needs::get(state.db(), id)
        .await?
        .published_at
        .is_some()
    {
        store::needs::withdraw(state.db(), state.now(), &user.actor(ip), id).await?;
    }
    Ok(done(&ctx, id, "withdrawn"))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct LinkFields {
    #[serde(default)]
    action: String,
    #[serde(default)]
    measure: String,
    #[serde(default)]
    practice: String,
}

/// `POST /{lang}/needs/{id}/link`: what the need led to or is answered by — a follow-up
/// action, a measure of the plan, a good practice (each may be none).
pub async fn link(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<LinkFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageNeeds)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let mut pick = |raw: &str, field: &'static str| match optional_id(raw) {
        Ok(v) => v,
        Err(_) => {
            errors.add(field, "reg-choice-invalid");
            None
        }
    };
    let links = store::needs::Links {
        action_id: pick(&f.action, "action"),
        measure_id: pick(&f.measure, "measure"),
        practice_id: pick(&f.practice, "practice"),
    };
    if errors.is_empty() {
        match store::needs::link(state.db(), state.now(), &user.actor(ip), id, &links).await {
            Ok(()) => return Ok(done(&ctx, id, "linked")),
            Err(e) => status_error(&mut errors, "action", e)?,
        }
    }
    let typed = Typed {
        action: f.action,
        measure: f.measure,
        practice: f.practice,
        ..Typed::default()
    };
    refused(&state, ctx, &user, id, errors, typed).await
}

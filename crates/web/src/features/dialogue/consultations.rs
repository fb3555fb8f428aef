//! Consultations ("Apspriešanas", `store::consultations`): a coordinator prepares one — a
//! draft document in sections, the days it is open, whether the public may comment —
//! publishes it, hides comments with a reason (never edits them), answers each after the
//! close and publishes the summary. Everyone reads the public consultations; logged-in users,
//! and the public when chosen, comment per section while one is open.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::dialogue::{CommentOutcome, ConsultationStage, DocumentKind};
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{
    AppForm, FormErrors, block_field, date_field, parse_id, required_block, required_line,
};
use crate::http::notice::Notice;
use crate::http::prelogin::{login_secret, with_login_cookie};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser, MaybeUser};

/// A document's text as typed: sections begin at lines starting "## " (the heading); the
/// text before the first heading is refused. `None` when there is no section.
pub fn sections_of(text: &str) -> Result<Vec<(String, String)>, &'static str> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            let h = h.trim();
            if h.is_empty() {
                return Err("consultation-section-heading-missing");
            }
            out.push((h.to_owned(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            if !body.is_empty() {
                body.push('\n');
            }
            body.push_str(line);
        } else if !line.trim().is_empty() {
            return Err("consultation-sections-start");
        }
    }
    for (_, body) in &mut out {
        *body = body.trim().to_owned();
    }
    if out.is_empty() {
        return Err("consultation-sections-missing");
    }
    if out.len() > 100 {
        return Err("consultation-sections-many");
    }
    Ok(out)
}

fn sections_text(c: &store::consultations::Consultation) -> String {
    c.sections
        .iter()
        .map(|s| format!("## {}\n{}", s.heading, s.body))
        .collect::<Vec<_>>()
        .join("\n\n")
}

// ----- the coordinators' side -----

#[derive(Template)]
#[template(path = "dialogue/consultations_manage.html")]
struct ManagePage {
    ctx: PageCtx,
    rows: Vec<(store::consultations::Consultation, ConsultationStage)>,
}

/// `GET /{lang}/consultations/manage`.
pub async fn manage(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageConsultations)?;
    let today = state.today();
    let rows = store::consultations::list(state.db(), false)
        .await?
        .into_iter()
        .map(|c| {
            let st = c.stage(today);
            (c, st)
        })
        .collect();
    Ok(Html(ManagePage { ctx, rows }.render()?))
}

#[derive(Default, Deserialize)]
pub struct ConsultationFields {
    #[serde(default)]
    title: String,
    #[serde(default)]
    intro: String,
    #[serde(default)]
    document_kind: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
    #[serde(default)]
    public_comments: String,
    #[serde(default)]
    sections: String,
    #[serde(default)]
    version: String,
}
crate::http::forms::debug_without_text!(ConsultationFields);

#[derive(Template)]
#[template(path = "dialogue/consultation_edit.html")]
struct EditPage {
    ctx: PageCtx,
    c: Option<store::consultations::Consultation>,
    stage: ConsultationStage,
    f: ConsultationFields,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// The summary as typed.
    summary: String,
    /// The comment whose hide form was refused (its field is `reason`).
    hiding: Option<i64>,
}

impl EditPage {
    fn action(&self) -> String {
        self.ctx.href(&format!(
            "/consultations/manage/{}/edit",
            self.c
                .as_ref()
                .map_or_else(|| "new".to_owned(), |c| c.id.to_string())
        ))
    }

    fn heading_of(&self, section: &i64) -> String {
        self.c
            .as_ref()
            .and_then(|c| c.sections.iter().find(|s| s.id == *section))
            .map(|s| s.heading.clone())
            .unwrap_or_default()
    }

    fn closed(&self) -> bool {
        self.stage == ConsultationStage::Closed
    }

    /// The summary is published: the consultation is a record, nothing on it changes.
    fn finished(&self) -> bool {
        self.stage == ConsultationStage::Summarised
    }

    fn hiding_this(&self, comment: &i64) -> bool {
        self.hiding == Some(*comment)
    }
}

async fn edit_page(
    state: &AppState,
    ctx: PageCtx,
    id: &str,
    typed: Option<ConsultationFields>,
    errors: FormErrors,
) -> AppResult<EditPage> {
    let c = if id == "new" {
        None
    } else {
        Some(store::consultations::get(state.db(), parse_id(id)?).await?)
    };
    let f = typed.unwrap_or_else(|| match &c {
        Some(c) => ConsultationFields {
            title: c.title.clone(),
            intro: c.intro.clone(),
            document_kind: c.document_kind.as_str().to_owned(),
            opens_on: c.opens_on.to_string(),
            closes_on: c.closes_on.to_string(),
            public_comments: if c.public_comments { "yes" } else { "" }.to_owned(),
            sections: sections_text(c),
            version: c.version.to_string(),
        },
        None => ConsultationFields::default(),
    });
    let today = state.today();
    Ok(EditPage {
        stage: c
            .as_ref()
            .map_or(ConsultationStage::Draft, |c| c.stage(today)),
        summary: c
            .as_ref()
            .and_then(|c| c.summary.clone())
            .unwrap_or_default(),
        c,
        ctx,
        f,
        errors,
        notice: None,
        hiding: None,
    })
}

/// `GET /{lang}/consultations/manage/{id}/edit` (`new` for a new one).
pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageConsultations)?;
    let mut page = edit_page(&state, ctx, &id, None, FormErrors::default()).await?;
    page.notice = match n.notice.as_deref() {
        Some("saved") => Some("consultation-saved-notice"),
        Some("published") => Some("consultation-published-notice"),
        Some("hidden") => Some("consultation-hidden-notice"),
        Some("answered") => Some("consultation-answered-notice"),
        Some("summarised") => Some("consultation-summarised-notice"),
        _ => None,
    };
    Ok(Html(page.render()?))
}

fn back(ctx: &PageCtx, id: i64, notice: &str) -> Response {
    Redirect::to(&ctx.href(&format!("/consultations/manage/{id}/edit?notice={notice}")))
        .into_response()
}

/// `POST /{lang}/consultations/manage/{id}/edit`.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ConsultationFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageConsultations)?;
    let existing = if id == "new" {
        None
    } else {
        Some(
            store::consultations::get(state.db(), parse_id(&id)?)
                .await?
                .id,
        )
    };
    let mut errors = FormErrors::default();
    let title = required_line(
        &f.title,
        200,
        "title",
        "consultation-title-missing",
        &mut errors,
    );
    let intro = required_block(
        &f.intro,
        5_000,
        "intro",
        "consultation-intro-missing",
        &mut errors,
    );
    let kind = DocumentKind::parse(&f.document_kind);
    if kind.is_none() {
        errors.add("document_kind", "consultation-kind-missing");
    }
    let opens = date_field(&f.opens_on, "opens_on", &mut errors);
    let closes = date_field(&f.closes_on, "closes_on", &mut errors);
    if let (Some(a), Some(b)) = (opens, closes)
        && b < a
    {
        errors.add("closes_on", "consultation-dates-order");
    }
    let sections = match block_field(&f.sections, 200_000, "sections", &mut errors) {
        Some(text) => match sections_of(&text) {
            Ok(s) => Some(s),
            Err(m) => {
                errors.add("sections", m);
                None
            }
        },
        None => {
            if !errors.has("sections") {
                errors.add("sections", "consultation-sections-missing");
            }
            None
        }
    };
    // A version that is no number is taken as stale.
    let version = crate::http::stale::version(&f.version);
    if let (Some(title), Some(kind), Some(opens), Some(closes), Some(sections), true) =
        (title, kind, opens, closes, sections, errors.is_empty())
    {
        let input = store::consultations::ConsultationInput {
            title,
            intro,
            document_kind: kind,
            opens_on: opens,
            closes_on: closes,
            public_comments: f.public_comments == "yes",
            sections,
        };
        match store::consultations::save(
            state.db(),
            state.now(),
            &user.actor(ip),
            existing,
            version,
            &input,
        )
        .await
        {
            Ok(id) => return Ok(back(&ctx, id, "saved")),
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => errors.add("title", "consultation-stale"),
            Err(store::Error::Conflict(store::Conflict::Dialogue(
                store::DialogueConflict::Unpublishable,
            ))) => errors.add("title", "consultation-summarised-locked"),
            Err(store::Error::Conflict(store::Conflict::Dialogue(_))) => {
                errors.add("sections", "consultation-sections-locked")
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut f = f;
    // After a stale refusal the form carries the current version (the next save, after
    // checking, goes through).
    if errors.get("title") == Some("consultation-stale")
        && let Some(existing) = existing
    {
        f.version = store::versions::current(state.db(), "consultations", existing)
            .await?
            .to_string();
    }
    let page = edit_page(&state, ctx, &id, Some(f), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// `POST /{lang}/consultations/manage/{id}/publish`.
pub async fn publish(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageConsultations)?;
    let id = parse_id(&id)?;
    store::consultations::publish(state.db(), state.now(), &user.actor(ip), id).await?;
    Ok(back(&ctx, id, "published"))
}

#[derive(Default, Deserialize)]
pub struct ModerateFields {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    summary: String,
}
crate::http::forms::debug_without_text!(ModerateFields);

async fn refused(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    errors: FormErrors,
    summary: Option<String>,
) -> AppResult<Response> {
    let mut page = edit_page(state, ctx, &id.to_string(), None, errors).await?;
    if let Some(s) = summary {
        page.summary = s;
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// `POST /{lang}/consultations/manage/{id}/comments/{comment}/hide`: hidden with the reason.
pub async fn hide(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, comment)): Path<(String, String, String)>,
    AppForm(f): AppForm<ModerateFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageConsultations)?;
    let (id, comment) = (parse_id(&id)?, parse_id(&comment)?);
    let mut errors = FormErrors::default();
    let reason = required_block(
        &f.reason,
        1_000,
        "reason",
        "consultation-reason-missing",
        &mut errors,
    );
    if errors.is_empty() {
        store::consultations::hide(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            comment,
            &reason,
        )
        .await?;
        return Ok(back(&ctx, id, "hidden"));
    }
    let mut page = edit_page(&state, ctx, &id.to_string(), None, errors).await?;
    page.hiding = Some(comment);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// `POST /{lang}/consultations/manage/{id}/comments/{comment}/answer`: taken up or not, why.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, comment)): Path<(String, String, String)>,
    AppForm(f): AppForm<ModerateFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageConsultations)?;
    let (id, comment) = (parse_id(&id)?, parse_id(&comment)?);
    let mut errors = FormErrors::default();
    let outcome = CommentOutcome::parse(&f.outcome);
    if outcome.is_none() {
        errors.add("outcome", "consultation-outcome-missing");
    }
    let response = block_field(&f.response, 3_000, "response", &mut errors);
    if let (Some(outcome), true) = (outcome, errors.is_empty()) {
        match store::consultations::answer(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            id,
            comment,
            outcome,
            response.as_deref(),
        )
        .await
        {
            Ok(()) => return Ok(back(&ctx, id, "answered")),
            Err(store::Error::Conflict(_)) => errors.add("outcome", "consultation-not-closed"),
            Err(e) => return Err(e.into()),
        }
    }
    refused(&state, ctx, id, errors, None).await
}

/// `POST /{lang}/consultations/manage/{id}/summary`: the summary, published.
pub async fn summarise(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ModerateFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageConsultations)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let summary = required_block(
        &f.summary,
        20_000,
        "summary",
        "consultation-summary-missing",
        &mut errors,
    );
    if errors.is_empty() {
        match store::consultations::summarise(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            id,
            &summary,
        )
        .await
        {
            Ok(()) => return Ok(back(&ctx, id, "summarised")),
            Err(store::Error::Conflict(_)) => errors.add("summary", "consultation-summary-early"),
            Err(e) => return Err(e.into()),
        }
    }
    refused(&state, ctx, id, errors, Some(f.summary)).await
}

// ----- the public side -----

#[derive(Template)]
#[template(path = "dialogue/consultations.html")]
struct PublicList {
    ctx: PageCtx,
    rows: Vec<(store::consultations::Consultation, ConsultationStage)>,
}

/// `GET /{lang}/consultations`: the public consultations, the latest first.
pub async fn list(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let today = state.today();
    let rows = store::consultations::list(state.db(), true)
        .await?
        .into_iter()
        .map(|c| {
            let st = c.stage(today);
            (c, st)
        })
        .collect();
    Ok(Html(PublicList { ctx, rows }.render()?))
}

#[derive(Template)]
#[template(path = "dialogue/consultation.html")]
struct PublicPage {
    ctx: PageCtx,
    c: store::consultations::Consultation,
    stage: ConsultationStage,
    /// Who may comment now: the reader (open, and logged in or the public invited).
    may_comment: bool,
    csrf: String,
    errors: FormErrors,
    /// The section the typed comment was for, and its text.
    typed: Option<(i64, String)>,
    sent: bool,
}

impl PublicPage {
    fn typed_for(&self, section: &i64) -> String {
        match &self.typed {
            Some((s, t)) if s == section => t.clone(),
            _ => String::new(),
        }
    }

    fn shown(&self, comments: &[&store::consultations::Comment]) -> usize {
        comments
            .iter()
            .filter(|c| c.hidden_reason.is_none())
            .count()
    }

    /// This page's address, for the login link's way back.
    fn here(&self) -> String {
        url::form_urlencoded::byte_serialize(
            self.ctx
                .href(&format!("/consultations/{}", self.c.id))
                .as_bytes(),
        )
        .collect()
    }

    fn error_for(&self, section: &i64) -> Option<&'static str> {
        match &self.typed {
            Some((s, _)) if s == section => self.errors.get("body"),
            _ => None,
        }
    }
}

async fn public_page(
    state: &AppState,
    ctx: PageCtx,
    headers: &HeaderMap,
    user: Option<&CurrentUser>,
    id: &str,
) -> AppResult<(PublicPage, bool)> {
    let c = store::consultations::get(state.db(), parse_id(id)?).await?;
    if c.published_at.is_none() {
        return Err(AppError::NotFound);
    }
    let stage = c.stage(state.today());
    let (csrf, is_new) = match user {
        Some(_) => (ctx.csrf.clone(), false),
        None => login_secret(headers),
    };
    let may_comment = stage == ConsultationStage::Open && (user.is_some() || c.public_comments);
    Ok((
        PublicPage {
            ctx,
            c,
            stage,
            may_comment,
            csrf,
            errors: FormErrors::default(),
            typed: None,
            sent: false,
        },
        is_new,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct SentQuery {
    sent: Option<String>,
}

/// `GET /{lang}/consultations/{id}`: the document by sections, its comments (hidden ones
/// say so and why), the comment forms while it is open, the summary once published.
pub async fn item(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    MaybeUser(user): MaybeUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(q): Query<SentQuery>,
) -> AppResult<Response> {
    let (mut page, is_new) = public_page(&state, ctx, &headers, user.as_ref(), &id).await?;
    page.sent = q.sent.is_some();
    let csrf = page.csrf.clone();
    Ok(with_login_cookie(
        Html(page.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

#[derive(Default, Deserialize)]
pub struct CommentFields {
    #[serde(default)]
    section: String,
    #[serde(default)]
    body: String,
}
crate::http::forms::debug_without_text!(CommentFields);

/// `POST /{lang}/consultations/{id}/comments`: a comment on a section (logged-in users; the
/// public when the consultation invites it; the public forms' ceiling applies).
pub async fn comment(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    MaybeUser(user): MaybeUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<CommentFields>,
) -> AppResult<Response> {
    let (mut page, _) = public_page(&state, ctx, &headers, user.as_ref(), &id).await?;
    let section = parse_id(&f.section)?;
    if !page.c.sections.iter().any(|s| s.id == section) {
        return Err(AppError::NotFound);
    }
    let mut errors = FormErrors::default();
    let body = required_block(
        &f.body,
        5_000,
        "body",
        "consultation-comment-missing",
        &mut errors,
    );
    if !page.may_comment {
        errors.add("body", "consultation-comment-closed");
    }
    // Comments are public: no address or phone number in them.
    if domain::dialogue::contact_in(&f.body).is_some() && !errors.has("body") {
        errors.add("body", "consultation-comment-contact");
    }
    // The public's comments stop at the hourly cap for everyone together.
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if user.is_none() {
        let recent =
            store::consultations::public_comments_since(state.db(), state.now() - 3_600).await?;
        if recent >= state.settings().public_forms.max_questions_per_hour && !errors.has("body") {
            errors.add("body", "question-too-many");
            status = StatusCode::TOO_MANY_REQUESTS;
        }
    }
    if errors.is_empty() {
        let (actor, org) = match &user {
            Some(u) => {
                let org = match u.organisation_id {
                    Some(o) => store::organisations::names(state.db())
                        .await?
                        .into_iter()
                        .find(|(i, _)| *i == o)
                        .map(|(_, n)| n),
                    None => None,
                };
                (u.actor(ip), org)
            }
            None => (
                store::Actor {
                    user_id: None,
                    label: Some("public_form".to_owned()),
                    ip: Some(ip.to_string()),
                },
                None,
            ),
        };
        match store::consultations::comment(
            state.db(),
            state.now(),
            state.today(),
            &actor,
            page.c.id,
            section,
            org.as_deref(),
            &body,
        )
        .await
        {
            Ok(_) => {
                return Ok(Redirect::to(&page.ctx.href(&format!(
                    "/consultations/{}?sent=1#section-{section}",
                    page.c.id
                )))
                .into_response());
            }
            Err(store::Error::Conflict(_)) => errors.add("body", "consultation-comment-closed"),
            Err(e) => return Err(e.into()),
        }
    }
    page.errors = errors;
    page.typed = Some((section, f.body));
    Ok((status, Html(page.render()?)).into_response())
}

#[cfg(test)]
mod tests {
    use super::sections_of;

    #[test]
    fn a_document_is_cut_into_sections_at_its_headings() {
        let s = sections_of("## Ievads\nTeksts.\n\nOtrā rinda.\n## Pasākumi\n- viens\n");
        assert_eq!(
            s,
            Ok(vec![
                ("Ievads".to_owned(), "Teksts.\n\nOtrā rinda.".to_owned()),
                ("Pasākumi".to_owned(), "- viens".to_owned()),
            ])
        );
        assert_eq!(
            sections_of("Teksts bez virsraksta"),
            Err("consultation-sections-start")
        );
        assert_eq!(sections_of("\n\n"), Err("consultation-sections-missing"));
        assert_eq!(
            sections_of("## \nx"),
            Err("consultation-section-heading-missing")
        );
    }
}

//! The public side of needs and questions: anyone asks through the public form (name and
//! address optional; written to only with their consent), and the answered questions a
//! coordinator made public — as the raiser agreed, or anonymised, their place never smaller
//! than a novads — are listed, searchable (diacritics and case ignored), one page each, and
//! in an Atom feed and the sitemap.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::dialogue::NeedSource;
use domain::event::{OBJECTIVES, Objective};
use serde::Deserialize;

use super::need_mail;
use super::needs::{NeedFields, new_page, validate};
use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors, parse_id, text_field};
use crate::http::prelogin::{login_secret, with_login_cookie};
use crate::page::PageCtx;
use crate::principal::ClientIp;

#[derive(Debug, Default, Deserialize)]
pub struct Sent {
    sent: Option<String>,
}

/// `GET /{lang}/questions/ask`: the public form; after sending (`?sent=1`), the thanks.
pub async fn ask_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Query(q): Query<Sent>,
) -> AppResult<Response> {
    let (csrf, is_new) = login_secret(&headers);
    let mut page = new_page(
        &state,
        ctx,
        NeedFields::default(),
        FormErrors::default(),
        true,
    )
    .await?;
    page.csrf = csrf.clone();
    page.sent = q.sent.is_some();
    Ok(with_login_cookie(
        Html(page.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

/// `POST /{lang}/questions/ask`: a need raised by anyone (the ceiling on public posts per
/// address applies, as on the other public forms).
pub async fn ask(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f: NeedFields = crate::http::forms::with_lists(body, &["concerns"])?;
    let mut errors = FormErrors::default();
    let name = text_field(&f.name, 200, "name", &mut errors);
    let contact = f.contact_consent == "yes";
    let email = match f.email.trim() {
        "" => None,
        typed => match domain::user::Email::parse(typed) {
            Some(e) => Some(e.into_string()),
            None => {
                errors.add("email", "user-email-invalid");
                None
            }
        },
    };
    if contact && email.is_none() && !errors.has("email") {
        errors.add("email", "need-email-for-contact");
    }
    if email.is_some() && !contact {
        errors.add("contact_consent", "need-contact-consent-missing");
    }
    // A flood of questions (each may send a mail) stops at the hourly cap for everyone
    // together; one address gets the "received" mail once a day at most.
    let now = state.now();
    let (recent, known) =
        store::needs::public_since(state.db(), now - 3_600, now - 86_400, email.as_deref()).await?;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if recent >= state.settings().public_forms.max_questions_per_hour {
        errors.add("title", "question-too-many");
        status = StatusCode::TOO_MANY_REQUESTS;
    }
    if let Some(mut input) = validate(&state, &f, NeedSource::Public, &mut errors).await?
        && errors.is_empty()
    {
        input.raiser_name = name;
        input.raiser_email = email.clone();
        input.contact_consent = contact;
        input.raiser_lang = Some(ctx.lang.code().to_owned());
        let actor = store::Actor {
            user_id: None,
            label: Some("public_form".to_owned()),
            ip: Some(ip.to_string()),
        };
        let title = input.title.clone();
        store::needs::raise(state.db(), now, &actor, None, &input, |id| {
            email
                .iter()
                .filter(|_| !known)
                .map(|to| need_mail::raised(&state, to, ctx.lang, id, &title))
                .collect()
        })
        .await?;
        return Ok(Redirect::to(&ctx.href("/questions/ask?sent=1")).into_response());
    }
    let (csrf, _) = login_secret(&headers);
    let mut page = new_page(&state, ctx, f, errors, true).await?;
    page.csrf = csrf;
    let mut res = (status, Html(page.render()?)).into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        res.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from(600),
        );
    }
    Ok(res)
}

/// An answered question as the public sees it.
struct Shown {
    id: i64,
    title: String,
    question: String,
    answer: String,
    area: Objective,
    place: Option<String>,
    region: Option<&'static str>,
    answered_on: String,
    on_time: bool,
    published_at: i64,
}

async fn shown(state: &AppState, ctx: &PageCtx, n: store::needs::Need) -> AppResult<Shown> {
    let Some(p) = n.public.clone() else {
        return Err(AppError::NotFound);
    };
    let (place, region) = match p.territory_id {
        Some(t) => {
            let t = store::territories::get(state.db(), t).await?;
            (
                Some(t.name(ctx.lang.code()).to_owned()),
                t.planning_region.map(|r| r.label_key()),
            )
        }
        None => (None, None),
    };
    Ok(Shown {
        id: n.id,
        title: p.title,
        question: p.question,
        answer: p.answer,
        area: n.input.area,
        place,
        region,
        answered_on: n.answered_on.map(|d| ctx.day(&d)).unwrap_or_default(),
        on_time: !n.answered_late(),
        published_at: n.published_at.unwrap_or(n.created_at),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    area: String,
}

#[derive(Template)]
#[template(path = "dialogue/questions.html")]
struct ListPage {
    ctx: PageCtx,
    items: Vec<Shown>,
    q: String,
    area: String,
    objectives: Vec<(&'static str, &'static str)>,
    /// Published in all (before the search).
    total: usize,
}

/// `GET /{lang}/questions`: the answered questions made public, the latest first; words
/// found in the title, question or answer (diacritics and case ignored), one area.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let words = domain::text::search_stems(&q.q);
    let area = Objective::parse(&q.area);
    let all = store::needs::published(state.db()).await?;
    let total = all.len();
    let mut items = Vec::new();
    for n in all {
        if area.is_some_and(|a| a != n.input.area) {
            continue;
        }
        let s = shown(&state, &ctx, n).await?;
        let text = format!(
            "{} {} {} {}",
            s.title,
            s.question,
            s.answer,
            s.place.as_deref().unwrap_or_default()
        );
        if words.is_empty() || domain::text::has_word_starts(&words, &text) {
            items.push(s);
        }
    }
    Ok(Html(
        ListPage {
            ctx,
            items,
            q: q.q,
            area: area.map(|a| a.as_str().to_owned()).unwrap_or_default(),
            objectives: OBJECTIVES
                .iter()
                .map(|o| (*o, Objective::label_key_of(o)))
                .collect(),
            total,
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "dialogue/question.html")]
struct ItemPage {
    ctx: PageCtx,
    s: Shown,
    links: Vec<(&'static str, i64, String)>,
}

impl ItemPage {
    fn link_href(&self, kind: &str, id: &i64, label: &str) -> String {
        self.ctx.href(&match kind {
            "measure" => format!("/policy/measures/{id}"),
            _ => format!("/practices/{}", domain::text::readable(*id, label)),
        })
    }
}

/// `GET /{lang}/questions/{id}`: one answered question made public (404 for any other).
pub async fn item(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let n = store::needs::get_published(state.db(), parse_id(&id)?).await?;
    let links = store::needs::public_link_labels(state.db(), &n.links).await?;
    let s = shown(&state, &ctx, n).await?;
    Ok(Html(ItemPage { ctx, s, links }.render()?))
}

/// `GET /{lang}/questions.atom`: the answered questions made public, the latest 50.
pub async fn atom(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let lang = ctx.lang.code();
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let mut shown_all = Vec::new();
    for n in store::needs::published(state.db())
        .await?
        .into_iter()
        .take(50)
    {
        shown_all.push(shown(&state, &ctx, n).await?);
    }
    let entries: Vec<documents::atom::Entry> = shown_all
        .iter()
        .map(|s| documents::atom::Entry {
            id: format!("{base}/questions/{}", s.id),
            link: format!("{base}/{lang}/questions/{}", s.id),
            title: &s.title,
            summary: &s.answer,
            // Written in Latvian by the coordinator.
            lang: (lang != "lv").then_some("lv"),
            published: s.published_at,
            updated: s.published_at,
        })
        .collect();
    Ok(crate::http::feeds::atom_response(documents::atom::render(
        &documents::atom::Feed {
            lang,
            page: format!("{base}/{lang}/questions"),
            feed: format!("{base}/{lang}/questions.atom"),
            title: format!("{} — {}", ctx.t("site-name"), ctx.t("questions-title")),
            author: ctx.t("site-name"),
        },
        &entries,
    )))
}

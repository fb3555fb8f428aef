//! Anonymous feedback after an event: the coordinator sends the survey to the
//! participants; each answers once through their link (overall rating 1–5, usefulness
//! 1–5, comments); the event shows the share rating it good or very good.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::token;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;

use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::prelogin::login_secret;
use crate::http::prelogin::with_login_cookie;
use crate::i18n::{self, Lang};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The share of answers rating the event good or very good, in whole percent.
pub fn good_share(s: &store::feedback::Summary) -> Option<i64> {
    (s.answers > 0).then(|| (s.good * 100 + s.answers / 2) / s.answers)
}

#[derive(Template)]
#[template(path = "events/feedback.html")]
struct SummaryPage {
    ctx: PageCtx,
    event: store::events::Event,
    s: store::feedback::Summary,
    share: Option<i64>,
    to_ask: usize,
    held: bool,
    notice: Option<String>,
    error: Option<&'static str>,
}

impl SummaryPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    /// (rating, answers with it, answers for usefulness) from 5 down to 1.
    fn rows(&self) -> Vec<(usize, i64, i64)> {
        (1..=5)
            .rev()
            .map(|r| (r, self.s.by_rating[r - 1], self.s.by_usefulness[r - 1]))
            .collect()
    }
}

#[derive(Debug, Deserialize)]
pub struct Notice {
    sent: Option<usize>,
}

async fn summary_page(state: &AppState, ctx: PageCtx, event_id: i64) -> AppResult<SummaryPage> {
    let event = store::events::get(state.db(), event_id).await?;
    let s = store::feedback::summary(state.db(), event_id).await?;
    Ok(SummaryPage {
        share: good_share(&s),
        to_ask: store::feedback::recipients(state.db(), event_id)
            .await?
            .len(),
        held: matches!(
            event.status,
            domain::event::EventStatus::Held | domain::event::EventStatus::Reported
        ),
        ctx,
        event,
        s,
        notice: None,
        error: None,
    })
}

pub async fn summary(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let notice = n.sent.map(|c| ctx.tn("feedback-sent-notice", "count", c));
    let mut p = summary_page(&state, ctx, parse_id(&id)?).await?;
    p.notice = notice;
    Ok(Html(p.render()?))
}

fn survey_mail(lang: Lang, title: &str, name: &str, link: &str) -> store::outbox::Outgoing {
    store::outbox::Outgoing {
        kind: "feedback".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(
            lang,
            "mail-feedback-subject",
            &[("event", FluentValue::from(title.to_owned()))],
        ),
        body: i18n::t_args(
            lang,
            "mail-feedback-body",
            &[
                ("name", FluentValue::from(name.to_owned())),
                ("event", FluentValue::from(title.to_owned())),
                ("link", FluentValue::from(link.to_owned())),
            ],
        ),
    }
}

/// Sends the survey to every participant with an address not asked yet.
pub async fn send(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    let event = store::events::get(state.db(), id).await?;
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let mut recipients = store::feedback::recipients(state.db(), id).await?;
    // Links are stored in a random order, so their row order tells nothing of who got which.
    for i in (1..recipients.len()).rev() {
        recipients.swap(i, token::random_below(i + 1));
    }
    let items: Vec<_> = recipients
        .into_iter()
        .map(|r| {
            let lang = Lang::parse(&r.lang).unwrap_or(Lang::Lv);
            let secret = token::random_secret();
            let link = format!("{base}/{}/feedback/{secret}", lang.code());
            let mail = survey_mail(lang, event.title(lang.code()), &r.name, &link);
            (r, token::hash_secret(&secret), mail)
        })
        .collect();
    match store::feedback::send(state.db(), state.now(), &user.actor(ip), id, &items).await {
        Ok(n) => {
            Ok(Redirect::to(&ctx.href(&format!("/events/{id}/feedback?sent={n}"))).into_response())
        }
        Err(store::Error::Conflict(_)) => {
            let mut p = summary_page(&state, ctx, id).await?;
            p.error = Some("feedback-not-held");
            Ok((StatusCode::CONFLICT, Html(p.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct SurveyFields {
    #[serde(default)]
    rating: String,
    #[serde(default)]
    usefulness: String,
    #[serde(default)]
    comment: String,
}

#[derive(Template)]
#[template(path = "events/survey.html")]
struct SurveyPage {
    ctx: PageCtx,
    csrf: String,
    token: String,
    event: store::events::Event,
    used: bool,
    f: SurveyFields,
    errors: FormErrors,
    thanks: bool,
}

impl SurveyPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn scale(&self) -> [(&'static str, &'static str); 5] {
        [
            ("5", "feedback-5"),
            ("4", "feedback-4"),
            ("3", "feedback-3"),
            ("2", "feedback-2"),
            ("1", "feedback-1"),
        ]
    }
}

#[derive(Debug, Deserialize)]
pub struct SurveyQuery {
    thanks: Option<String>,
}

async fn survey_page(
    state: &AppState,
    ctx: PageCtx,
    csrf: String,
    secret: String,
) -> AppResult<SurveyPage> {
    let (event_id, used) =
        store::feedback::link(state.db(), &token::hash_secret(secret.trim())).await?;
    Ok(SurveyPage {
        event: store::events::get(state.db(), event_id).await?,
        ctx,
        csrf,
        token: secret,
        used,
        f: SurveyFields::default(),
        errors: FormErrors::default(),
        thanks: false,
    })
}

pub async fn survey_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, secret)): Path<(String, String)>,
    Query(q): Query<SurveyQuery>,
) -> AppResult<Response> {
    crate::http::forms::check_secret(&secret)?;
    let (csrf, is_new) = login_secret(&headers);
    let mut p = survey_page(&state, ctx, csrf.clone(), secret).await?;
    p.thanks = q.thanks.is_some();
    Ok(with_login_cookie(
        Html(p.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

fn scale(raw: &str) -> Result<Option<i64>, ()> {
    match raw.trim() {
        "" => Ok(None),
        v => v
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=5).contains(n))
            .map(Some)
            .ok_or(()),
    }
}

pub async fn survey_submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, secret)): Path<(String, String)>,
    AppForm(f): AppForm<SurveyFields>,
) -> AppResult<Response> {
    crate::http::forms::check_secret(&secret)?;
    let hash = token::hash_secret(secret.trim());
    let mut errors = FormErrors::default();
    let rating = scale(&f.rating).ok().flatten();
    if rating.is_none() {
        errors.add("rating", "feedback-rating-missing");
    }
    let usefulness = scale(&f.usefulness).unwrap_or_else(|()| {
        errors.add("usefulness", "reg-choice-invalid");
        None
    });
    let comment = crate::http::forms::block_field(&f.comment, 3000, "comment", &mut errors);
    if errors.is_empty() {
        let a = store::feedback::Answer {
            rating: rating.unwrap_or(3),
            usefulness,
            comment,
        };
        match store::feedback::answer(state.db(), state.today(), &hash, &a).await {
            Ok(()) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/feedback/{secret}?thanks=1")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(_)) => errors.add("rating", "feedback-used"),
            Err(e) => return Err(e.into()),
        }
    }
    let (csrf, _) = login_secret(&headers);
    let mut p = survey_page(&state, ctx, csrf, secret).await?;
    p.f = f;
    p.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

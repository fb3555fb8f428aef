//! Invitations: a coordinator invites chosen registry people, or every organisation of a
//! kind in a place, to an event (public or invitation-only); each invitee gets a mail with
//! a personal link to accept (which registers them) or decline. The coordinator follows
//! the answers on the event's invitations page.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::directory::OrgKind;
use domain::event::InvitationStatus;
use domain::token;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::features::events::registration::NOTICE_VERSION;
use crate::http::choices::TerritoryGroups;
use crate::http::choices::territory_groups;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::prelogin::login_secret;
use crate::http::prelogin::with_login_cookie;
use crate::i18n::{self, Lang};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Template)]
#[template(path = "events/invitations.html")]
struct ListPage {
    ctx: PageCtx,
    event: store::events::Event,
    invitations: Vec<store::invitations::Invitation>,
    counts: [usize; 3],
    people: Vec<(i64, String, String, String)>,
    kinds: &'static [OrgKind],
    territories: TerritoryGroups,
    errors: FormErrors,
    notice: Option<String>,
}

impl ListPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn kind_key(&self, k: &OrgKind) -> &'static str {
        k.label_key()
    }

    fn open(&self) -> bool {
        self.event.status == domain::event::EventStatus::Published
    }
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    invited: Option<usize>,
    skipped: Option<usize>,
    without_email: Option<usize>,
}

async fn list_page(
    state: &AppState,
    ctx: PageCtx,
    event: store::events::Event,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<ListPage> {
    let invitations = store::invitations::for_event(state.db(), event.id).await?;
    let count = |s: InvitationStatus| invitations.iter().filter(|i| i.status == s).count();
    Ok(ListPage {
        counts: [
            count(InvitationStatus::Accepted),
            count(InvitationStatus::Declined),
            count(InvitationStatus::Sent),
        ],
        people: store::invitations::people_with_email(state.db()).await?,
        territories: territory_groups(state, ctx.lang).await?,
        kinds: &OrgKind::ALL,
        ctx,
        event,
        invitations,
        errors,
        notice,
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let notice = q.invited.map(|n| {
        let mut text = ctx.tn("invitation-sent-notice", "count", n);
        if let Some(s) = q.skipped.filter(|s| *s > 0) {
            text.push(' ');
            text.push_str(&ctx.tn("invitation-skipped-notice", "count", s));
        }
        if let Some(w) = q.without_email.filter(|w| *w > 0) {
            text.push(' ');
            text.push_str(&ctx.tn("invitation-no-email-notice", "count", w));
        }
        text
    });
    Ok(Html(
        list_page(&state, ctx, event, FormErrors::default(), notice)
            .await?
            .render()?,
    ))
}

fn invitation_mail(
    lang: Lang,
    title: &str,
    when: &str,
    name: &str,
    link: &str,
) -> store::outbox::Outgoing {
    store::outbox::Outgoing {
        kind: "invitation".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(
            lang,
            "mail-invitation-subject",
            &[("event", FluentValue::from(title.to_owned()))],
        ),
        body: i18n::t_args(
            lang,
            "mail-invitation-body",
            &[
                ("name", FluentValue::from(name.to_owned())),
                ("event", FluentValue::from(title.to_owned())),
                ("when", FluentValue::from(when.to_owned())),
                ("link", FluentValue::from(link.to_owned())),
            ],
        ),
    }
}

/// Builds each invitee's link, hash and mail, and sends them all.
async fn send(
    state: &AppState,
    ctx: &PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    event: &store::events::Event,
    invitees: Vec<store::invitations::Invitee>,
    without_email: usize,
) -> AppResult<Response> {
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let items: Vec<_> = invitees
        .into_iter()
        .map(|who| {
            let lang = Lang::parse(&who.lang).unwrap_or(Lang::Lv);
            let secret = token::random_secret();
            let link = format!("{base}/{}/invitation/{secret}", lang.code());
            let mail = invitation_mail(
                lang,
                event.title(lang.code()),
                &i18n::datetime(lang, event.starts_at),
                &who.name,
                &link,
            );
            (who, token::hash_secret(&secret), mail)
        })
        .collect();
    match store::invitations::invite(state.db(), state.now(), &user.actor(ip), event.id, &items)
        .await
    {
        Ok((invited, skipped)) => Ok(Redirect::to(&ctx.href(&format!(
            "/events/{}/invitations?invited={invited}&skipped={skipped}&without_email={without_email}",
            event.id
        )))
        .into_response()),
        Err(store::Error::Conflict(_)) => {
            let mut errors = FormErrors::default();
            errors.add("people", "invitation-closed");
            let page = list_page(state, ctx.clone(), event.clone(), errors, None).await?;
            Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Invites the chosen registry people.
pub async fn invite_people(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let chosen: Vec<i64> = body
        .iter()
        .filter(|(k, _)| k == "people")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    let people = store::invitations::people_with_email(state.db()).await?;
    let invitees: Vec<_> = people
        .into_iter()
        .filter(|(pid, ..)| chosen.contains(pid))
        .map(|(pid, name, email, lang)| store::invitations::Invitee {
            person_id: Some(pid),
            organisation_id: None,
            name,
            email,
            lang,
        })
        .collect();
    if invitees.is_empty() {
        let mut errors = FormErrors::default();
        errors.add("people", "invitation-choose-people");
        let page = list_page(&state, ctx, event, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    }
    send(&state, &ctx, &user, ip, &event, invitees, 0).await
}

#[derive(Debug, Deserialize)]
pub struct OrgForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    territory_id: String,
}

/// Invites every organisation of a kind in a place (those without an e-mail are counted,
/// not invited).
pub async fn invite_organisations(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<OrgForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let mut errors = FormErrors::default();
    let kind = match f.kind.trim() {
        "" => None,
        k => OrgKind::parse(k).or_else(|| {
            errors.add("kind", "reg-choice-invalid");
            None
        }),
    };
    let territory = match f.territory_id.trim() {
        "" => None,
        t => t.parse::<i64>().ok().filter(|i| *i > 0).or_else(|| {
            errors.add("territory_id", "territory-invalid");
            None
        }),
    };
    if kind.is_none() && territory.is_none() && errors.is_empty() {
        errors.add("kind", "invitation-choose-filter");
    }
    if !errors.is_empty() {
        let page = list_page(&state, ctx, event, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    }
    let orgs = store::invitations::organisations_matching(
        state.db(),
        kind.map(OrgKind::as_str),
        territory,
    )
    .await?;
    let all = store::invitations::organisations_matching_all(
        state.db(),
        kind.map(OrgKind::as_str),
        territory,
    )
    .await?;
    let invitees: Vec<_> = orgs
        .into_iter()
        .map(|(oid, name, email)| store::invitations::Invitee {
            person_id: None,
            organisation_id: Some(oid),
            name,
            email,
            lang: "lv".to_owned(),
        })
        .collect();
    let without_email = all.saturating_sub(invitees.len());
    send(&state, &ctx, &user, ip, &event, invitees, without_email).await
}

#[derive(Template)]
#[template(path = "events/invitation.html")]
struct AnswerPage {
    ctx: PageCtx,
    csrf: String,
    token: String,
    inv: store::invitations::Invitation,
    event: store::events::Event,
    when: String,
    errors: FormErrors,
    notice: Option<&'static str>,
}

impl AnswerPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn status_key(&self) -> &'static str {
        self.inv.status.label_key()
    }

    fn can_answer(&self) -> bool {
        self.inv.status != InvitationStatus::Accepted
            && self.event.status == domain::event::EventStatus::Published
    }
}

#[derive(Debug, Deserialize)]
pub struct AnswerQuery {
    notice: Option<String>,
}

async fn answer_page(
    state: &AppState,
    ctx: PageCtx,
    csrf: String,
    secret: String,
) -> AppResult<AnswerPage> {
    let inv = store::invitations::by_token(state.db(), &token::hash_secret(secret.trim())).await?;
    let event = store::events::get(state.db(), inv.event_id).await?;
    Ok(AnswerPage {
        when: i18n::datetime(ctx.lang, event.starts_at),
        ctx,
        csrf,
        token: secret,
        inv,
        event,
        errors: FormErrors::default(),
        notice: None,
    })
}

/// The page an invitation's link opens.
pub async fn answer_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, secret)): Path<(String, String)>,
    Query(q): Query<AnswerQuery>,
) -> AppResult<Response> {
    crate::http::forms::check_secret(&secret)?;
    let (csrf, is_new) = login_secret(&headers);
    let mut page = answer_page(&state, ctx, csrf.clone(), secret).await?;
    page.notice = match q.notice.as_deref() {
        Some("declined") => Some("invitation-declined-notice"),
        _ => None,
    };
    Ok(with_login_cookie(
        Html(page.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    notice: String,
}

/// Accepts (with the data-processing notice) or declines.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    Path((_lang, secret)): Path<(String, String)>,
    AppForm(f): AppForm<AnswerForm>,
) -> AppResult<Response> {
    crate::http::forms::check_secret(&secret)?;
    let hash = token::hash_secret(secret.trim());
    let inv = store::invitations::by_token(state.db(), &hash).await?;
    let actor = store::Actor {
        user_id: None,
        label: Some("invitee".to_owned()),
        ip: Some(ip.to_string()),
    };
    let mut errors = FormErrors::default();
    match f.answer.as_str() {
        "decline" => {
            match store::invitations::decline(state.db(), state.now(), &actor, &hash).await {
                Ok(()) => {
                    return Ok(Redirect::to(
                        &ctx.href(&format!("/invitation/{secret}?notice=declined")),
                    )
                    .into_response());
                }
                Err(store::Error::Conflict(_)) => errors.add("answer", "invitation-answered"),
                Err(e) => return Err(e.into()),
            }
        }
        "accept" if f.notice != "1" => errors.add("notice", "reg-notice-missing"),
        "accept" => {
            let event = store::events::get(state.db(), inv.event_id).await?;
            let reg_secret = token::random_secret();
            let base = state.settings().public_url.trim_end_matches('/').to_owned();
            let lang = ctx.lang;
            let link = format!("{base}/{}/registration/{reg_secret}", lang.code());
            let title = event.title(lang.code()).to_owned();
            let input = store::registrations::NewRegistration {
                name: inv.name.clone(),
                email: inv.email.clone(),
                lang: lang.code().to_owned(),
                person_id: inv.person_id,
                organisation_id: inv.organisation_id,
                organisation_text: None,
                private_person: false,
                territory_id: None,
                stats: None,
                notice_version: NOTICE_VERSION.to_owned(),
                token_hash: token::hash_secret(&reg_secret),
                source: store::registrations::Source::Invitation,
            };
            match store::invitations::accept(state.db(), state.now(), &actor, &hash, &input, |r| {
                crate::features::events::registration::confirmation_mail(lang, &title, &link, r)
            })
            .await
            {
                Ok(_) => {
                    return Ok(Redirect::to(
                        &ctx.href(&format!("/registration/{reg_secret}?notice=registered")),
                    )
                    .into_response());
                }
                Err(store::Error::Conflict(store::Conflict::Events(
                    store::EventConflict::Duplicate,
                ))) => errors.add("answer", "reg-duplicate"),
                Err(store::Error::Conflict(store::Conflict::Events(
                    store::EventConflict::Answered,
                ))) => errors.add("answer", "invitation-answered"),
                Err(store::Error::Conflict(_)) => errors.add("answer", "reg-closed"),
                Err(e) => return Err(e.into()),
            }
        }
        _ => return Err(AppError::BadRequest),
    }
    let (csrf, _) = login_secret(&headers);
    let mut page = answer_page(&state, ctx, csrf, secret).await?;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

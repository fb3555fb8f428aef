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
use domain::territory::PlanningRegion;
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
    regions: &'static [PlanningRegion],
    territories: TerritoryGroups,
    errors: FormErrors,
    notice: Option<String>,
}

impl ListPage {
    /// The chooser tells same-named people apart by their address's domain only: the
    /// whole directory's addresses are not put on one page (they would be read off the
    /// record, see `store::access_log`).
    fn domain_of(&self, email: &str) -> String {
        email
            .rsplit_once('@')
            .map_or_else(String::new, |(_, d)| format!("@{d}"))
    }

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
        regions: &PlanningRegion::ALL,
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
            // When and where: the address and place, or that it is online.
            let place = event.place().or_else(|| {
                event
                    .online_url
                    .as_ref()
                    .map(|_| i18n::t(lang, "event-online-only"))
            });
            let when = i18n::datetime(lang, event.starts_at);
            let when = match place {
                Some(place) => format!("{when}, {place}"),
                None => when,
            };
            let mail = invitation_mail(lang, event.title(lang.code()), &when, &who.name, &link);
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
    if !confirmed(&body) {
        let hidden = invitees
            .iter()
            .filter_map(|i| i.person_id)
            .map(|p| ("people", p.to_string()))
            .collect();
        return preview(&state, ctx, event, "people", hidden, invitees, 0).await;
    }
    send(&state, &ctx, &user, ip, &event, invitees, 0).await
}

/// The form was sent from the preview's button: send now.
fn confirmed(body: &[(String, String)]) -> bool {
    body.iter().any(|(k, v)| k == "confirm" && v == "1")
}

#[derive(Template)]
#[template(path = "events/invitations_preview.html")]
struct PreviewPage {
    ctx: PageCtx,
    event: store::events::Event,
    /// Which form this previews ("people" or "organisations"), the path it posts to again.
    which: &'static str,
    /// The form's choices, sent again with the confirmation.
    hidden: Vec<(&'static str, String)>,
    /// Who would get it: name, address, and whether that address has one already.
    invitees: Vec<(String, String, bool)>,
    /// How many get a mail now (the others were invited already).
    new: usize,
    /// Organisations that match but have no address (counted, not invited).
    without_email: usize,
}

impl PreviewPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }
}

/// Who would get the invitation, before anything is sent: each name and address, those
/// invited already (not sent again), and the button that sends.
async fn preview(
    state: &AppState,
    ctx: PageCtx,
    event: store::events::Event,
    which: &'static str,
    hidden: Vec<(&'static str, String)>,
    invitees: Vec<store::invitations::Invitee>,
    without_email: usize,
) -> AppResult<Response> {
    let sent: std::collections::HashSet<String> =
        store::invitations::for_event(state.db(), event.id)
            .await?
            .into_iter()
            .map(|i| i.email.trim().to_lowercase())
            .collect();
    let invitees: Vec<(String, String, bool)> = invitees
        .into_iter()
        .map(|i| {
            let already = sent.contains(&i.email.trim().to_lowercase());
            (i.name, i.email, already)
        })
        .collect();
    let new = invitees.iter().filter(|i| !i.2).count();
    // This page answers a POST: its language switch leads to the invitations page.
    let mut ctx = ctx;
    ctx.switch_to(&format!("/events/{}/invitations", event.id));
    Ok(Html(
        PreviewPage {
            ctx,
            event,
            which,
            hidden,
            invitees,
            new,
            without_email,
        }
        .render()?,
    )
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct OrgForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    territory_id: String,
    #[serde(default)]
    region: String,
    /// "1" from the preview's button.
    #[serde(default)]
    confirm: String,
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
    let region = match f.region.trim() {
        "" => None,
        r => PlanningRegion::parse(r).or_else(|| {
            errors.add("region", "reg-choice-invalid");
            None
        }),
    };
    if kind.is_none() && territory.is_none() && region.is_none() && errors.is_empty() {
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
        region.map(PlanningRegion::as_str),
    )
    .await?;
    let all = store::invitations::organisations_matching_all(
        state.db(),
        kind.map(OrgKind::as_str),
        territory,
        region.map(PlanningRegion::as_str),
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
    if invitees.is_empty() && without_email == 0 {
        errors.add("kind", "invitation-none-match");
        let page = list_page(&state, ctx, event, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    }
    if f.confirm != "1" {
        let hidden = vec![
            ("kind", f.kind.trim().to_owned()),
            ("territory_id", f.territory_id.trim().to_owned()),
            ("region", f.region.trim().to_owned()),
        ];
        return preview(
            &state,
            ctx,
            event,
            "organisations",
            hidden,
            invitees,
            without_email,
        )
        .await;
    }
    send(&state, &ctx, &user, ip, &event, invitees, without_email).await
}

#[derive(Template)]
#[template(path = "events/invitation.html")]
struct AnswerPage {
    ctx: PageCtx,
    csrf: String,
    /// Where the answer is posted: the personal link's page, or the workspace's.
    action: String,
    /// Answered from the workspace (the personal link stays private either way).
    in_workspace: bool,
    inv: store::invitations::Invitation,
    event: store::events::Event,
    when: String,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// Who will come, as typed (an invitation to an organisation names its person).
    attendee: String,
    attendee_email: String,
}

impl AnswerPage {
    /// The invitation went to an organisation: accepting names the person who will come.
    fn to_organisation(&self) -> bool {
        self.inv.person_id.is_none() && self.inv.organisation_id.is_some()
    }

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

/// Where an invitation is answered: its personal link (anyone holding it), or the workspace
/// of a user it was sent to (their organisation's or their own address).
enum Answerer {
    Link { secret: String },
    Workspace { id: i64, user: CurrentUser },
}

impl Answerer {
    /// The page's path, without the language.
    fn path(&self) -> String {
        match self {
            Answerer::Link { secret } => format!("/invitation/{secret}"),
            Answerer::Workspace { id, .. } => format!("/invitations/{id}"),
        }
    }

    /// The hash of the invitation's link, and the invitation.
    async fn find(&self, state: &AppState) -> AppResult<(String, store::invitations::Invitation)> {
        match self {
            Answerer::Link { secret } => {
                crate::http::forms::check_secret(secret)?;
                let hash = token::hash_secret(secret.trim());
                let inv = store::invitations::by_token(state.db(), &hash).await?;
                Ok((hash, inv))
            }
            Answerer::Workspace { id, user } => Ok(store::invitations::for_user(
                state.db(),
                *id,
                user.organisation_id,
                &user.email,
            )
            .await?),
        }
    }

    /// Addresses proven already: the one the invitation was mailed to, and a signed-in
    /// user's own.
    fn proven(&self, inv: &store::invitations::Invitation, typed: &str) -> bool {
        let typed = domain::user::normalize_email(typed);
        typed == domain::user::normalize_email(&inv.email)
            || matches!(self, Answerer::Workspace { user, .. }
                if typed == domain::user::normalize_email(&user.email))
    }
}

async fn answer_page(
    state: &AppState,
    ctx: PageCtx,
    csrf: String,
    who: &Answerer,
) -> AppResult<AnswerPage> {
    let (_, inv) = who.find(state).await?;
    let event = store::events::get(state.db(), inv.event_id).await?;
    // In the workspace an organisation's invitation starts with the user as who comes.
    let (attendee, attendee_email) = match who {
        Answerer::Workspace { user, .. } => (user.name.clone(), user.email.clone()),
        Answerer::Link { .. } => (String::new(), String::new()),
    };
    Ok(AnswerPage {
        when: i18n::datetime(ctx.lang, event.starts_at),
        action: ctx.href(&who.path()),
        in_workspace: matches!(who, Answerer::Workspace { .. }),
        ctx,
        csrf,
        inv,
        event,
        errors: FormErrors::default(),
        notice: None,
        attendee,
        attendee_email,
    })
}

fn notice_of(q: &AnswerQuery) -> Option<&'static str> {
    match q.notice.as_deref() {
        Some("declined") => Some("invitation-declined-notice"),
        Some("attendee-mailed") => Some("invitation-attendee-mailed"),
        _ => None,
    }
}

/// The page an invitation's link opens.
pub async fn answer_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, secret)): Path<(String, String)>,
    Query(q): Query<AnswerQuery>,
) -> AppResult<Response> {
    let (csrf, is_new) = login_secret(&headers);
    let mut page = answer_page(&state, ctx, csrf.clone(), &Answerer::Link { secret }).await?;
    page.notice = notice_of(&q);
    Ok(with_login_cookie(
        Html(page.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

/// `GET /{lang}/invitations/{id}`: an invitation to the user's organisation or address,
/// answered from the workspace (the workspace home lists those still to answer).
pub async fn workspace_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(q): Query<AnswerQuery>,
) -> AppResult<Response> {
    user.require(Permission::UseWorkspace)?;
    let who = Answerer::Workspace {
        id: parse_id(&id)?,
        user,
    };
    let csrf = ctx.csrf.clone();
    let mut page = answer_page(&state, ctx, csrf, &who).await?;
    page.notice = notice_of(&q);
    Ok(Html(page.render()?).into_response())
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    notice: String,
    /// For an organisation's invitation: the person who will come, and their address (the
    /// organisation's own when left empty).
    #[serde(default)]
    attendee: String,
    #[serde(default)]
    attendee_email: String,
}

/// Debug shows the answer, not the attendee's name or address.
impl std::fmt::Debug for AnswerForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswerForm")
            .field("answer", &self.answer)
            .finish_non_exhaustive()
    }
}

/// Accepts (with the data-processing notice) or declines through the personal link. An
/// organisation's invitation is accepted in the name of the person who will come.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    Path((_lang, secret)): Path<(String, String)>,
    AppForm(f): AppForm<AnswerForm>,
) -> AppResult<Response> {
    let actor = store::Actor {
        user_id: None,
        label: Some("invitee".to_owned()),
        ip: Some(ip.to_string()),
    };
    let (csrf, _) = login_secret(&headers);
    respond(&state, ctx, actor, csrf, Answerer::Link { secret }, f).await
}

/// `POST /{lang}/invitations/{id}`: the same answer from the workspace, as the signed-in user.
pub async fn workspace_answer(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<AnswerForm>,
) -> AppResult<Response> {
    user.require(Permission::UseWorkspace)?;
    let actor = user.actor(ip);
    let csrf = ctx.csrf.clone();
    let who = Answerer::Workspace {
        id: parse_id(&id)?,
        user,
    };
    respond(&state, ctx, actor, csrf, who, f).await
}

/// Declines, or accepts and registers who comes; refusals come back on the page with what
/// was typed kept.
async fn respond(
    state: &AppState,
    ctx: PageCtx,
    actor: store::Actor,
    csrf: String,
    who: Answerer,
    f: AnswerForm,
) -> AppResult<Response> {
    let (hash, inv) = who.find(state).await?;
    let here = who.path();
    let mut errors = FormErrors::default();
    match f.answer.as_str() {
        "decline" => {
            match store::invitations::decline(state.db(), state.now(), &actor, &hash).await {
                Ok(()) => {
                    return Ok(
                        Redirect::to(&ctx.href(&format!("{here}?notice=declined"))).into_response()
                    );
                }
                Err(store::Error::Conflict(_)) => errors.add("answer", "invitation-answered"),
                Err(e) => return Err(e.into()),
            }
        }
        "accept" => {
            let to_organisation = inv.person_id.is_none() && inv.organisation_id.is_some();
            // Who comes: the invited person, or the one the organisation names.
            let (name, email) = if to_organisation {
                let name = crate::http::forms::required_line(
                    &f.attendee,
                    200,
                    "attendee",
                    "invitation-attendee-invalid",
                    &mut errors,
                );
                let email = match f.attendee_email.trim() {
                    "" => Some(inv.email.clone()),
                    raw => domain::user::Email::parse(raw)
                        .map(domain::user::Email::into_string)
                        .or_else(|| {
                            errors.add("attendee_email", "user-email-invalid");
                            None
                        }),
                };
                (name, email)
            } else {
                (Some(inv.name.clone()), Some(inv.email.clone()))
            };
            if f.notice != "1" {
                errors.add("notice", "reg-notice-missing");
            }
            let (Some(name), Some(email)) = (name, email) else {
                return refused(state, ctx, csrf, &who, errors, &f).await;
            };
            if !errors.is_empty() {
                return refused(state, ctx, csrf, &who, errors, &f).await;
            }
            // A proven address (the invited one, or a signed-in user's own) is confirmed at
            // once; another one typed here waits for its owner's confirmation from the mail,
            // as on the public form, and is not matched to anyone in the registry.
            let own_address = who.proven(&inv, &email);
            let event = store::events::get(state.db(), inv.event_id).await?;
            let reg_secret = token::random_secret();
            let base = state.settings().public_url.trim_end_matches('/').to_owned();
            let lang = ctx.lang;
            let link = format!("{base}/{}/registration/{reg_secret}", lang.code());
            let title = event.title(lang.code()).to_owned();
            let input = store::registrations::NewRegistration {
                name,
                email,
                lang: lang.code().to_owned(),
                person_id: inv.person_id,
                organisation_id: inv.organisation_id,
                organisation_text: None,
                private_person: false,
                territory_id: None,
                stats: None,
                notice_version: NOTICE_VERSION.to_owned(),
                token_hash: token::hash_secret(&reg_secret),
                source: if own_address {
                    store::registrations::Source::Invitation
                } else {
                    store::registrations::Source::PublicForm
                },
            };
            // Told to the attendee's mail, not to whoever holds this link; the same answer
            // whether or not that address had registered already.
            let mailed = || {
                Ok(
                    Redirect::to(&ctx.href(&format!("{here}?notice=attendee-mailed")))
                        .into_response(),
                )
            };
            match store::invitations::accept(state.db(), state.now(), &actor, &hash, &input, |r| {
                crate::features::events::registration::confirmation_mail(lang, &title, &link, r)
            })
            .await
            {
                Ok(_) if !own_address => return mailed(),
                Ok(_) => {
                    return Ok(Redirect::to(
                        &ctx.href(&format!("/registration/{reg_secret}?notice=registered")),
                    )
                    .into_response());
                }
                Err(store::Error::Conflict(store::Conflict::Events(
                    store::EventConflict::Duplicate,
                ))) if !own_address => return mailed(),
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
    refused(state, ctx, csrf, &who, errors, &f).await
}

/// The answer page again with what was refused, and what was typed kept.
async fn refused(
    state: &AppState,
    ctx: PageCtx,
    csrf: String,
    who: &Answerer,
    errors: FormErrors,
    f: &AnswerForm,
) -> AppResult<Response> {
    let mut page = answer_page(state, ctx, csrf, who).await?;
    page.errors = errors;
    page.attendee = f.attendee.clone();
    page.attendee_email = f.attendee_email.clone();
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

//! Public registration for events: the form (protected like the login form by the
//! pre-login CSRF cookie), the confirmation mail with a personal link, and the personal page
//! where the registration can be seen and cancelled. Places and the waiting list are
//! decided in `store::registrations`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::token;
use fluent_bundle::FluentValue;

use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::features::directory::{TerritoryGroups, optional_id, optional_text, territory_groups};
use crate::features::login::{login_secret, with_login_cookie};
use crate::forms::{AppForm, FormErrors, parse_id};
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::ClientIp;

/// The version of the data-processing notice shown on the form.
pub const NOTICE_VERSION: &str = "2026-11";

pub(crate) const GENDERS: [(&str, &str); 3] = [
    ("female", "gender-female"),
    ("male", "gender-male"),
    ("other", "gender-other"),
];

pub(crate) const AGE_GROUPS: [(&str, &str); 6] = [
    ("under_18", "reg-age-under-18"),
    ("18_24", "reg-age-18-24"),
    ("25_29", "reg-age-25-29"),
    ("30_49", "reg-age-30-49"),
    ("50_64", "reg-age-50-64"),
    ("65_plus", "reg-age-65-plus"),
];

pub(crate) const ROMA: [(&str, &str); 2] = [("yes", "reg-roma-yes"), ("no", "reg-roma-no")];

#[derive(Debug, Default, Clone)]
pub struct RegFields {
    name: String,
    email: String,
    organisation: String,
    private_person: bool,
    territory_id: String,
    stats_consent: bool,
    gender: String,
    age_group: String,
    roma: String,
    notice: bool,
}

impl RegFields {
    fn from_body(body: &[(String, String)]) -> RegFields {
        let mut f = RegFields::default();
        for (k, v) in body {
            let v = v.clone();
            match k.as_str() {
                "name" => f.name = v,
                "email" => f.email = v,
                "organisation" => f.organisation = v,
                "private_person" => f.private_person = true,
                "territory_id" => f.territory_id = v,
                "stats_consent" => f.stats_consent = true,
                "gender" => f.gender = v,
                "age_group" => f.age_group = v,
                "roma" => f.roma = v,
                "notice" => f.notice = true,
                _ => {}
            }
        }
        f
    }
}

pub(crate) fn choice(raw: &str, allowed: &[(&str, &str)]) -> Result<Option<String>, ()> {
    match raw.trim() {
        "" => Ok(None),
        v if allowed.iter().any(|(k, _)| *k == v) => Ok(Some(v.to_owned())),
        _ => Err(()),
    }
}

fn validate(
    f: &RegFields,
    lang: i18n::Lang,
    errors: &mut FormErrors,
) -> Option<store::registrations::NewRegistration> {
    let name = crate::forms::required_line(&f.name, 200, "name", "reg-name-invalid", errors);
    let email = domain::user::Email::parse(&f.email);
    if email.is_none() {
        errors.add("email", "user-email-invalid");
    }
    let organisation = optional_text(&f.organisation, 300).unwrap_or_else(|e| {
        errors.add("organisation", e.message_id());
        None
    });
    if organisation.is_none() && !f.private_person {
        errors.add("organisation", "reg-organisation-missing");
    }
    let territory_id = optional_id(&f.territory_id).unwrap_or_else(|_| {
        errors.add("territory_id", "territory-invalid");
        None
    });
    let mut pick = |raw: &str, allowed: &[(&str, &str)], field: &'static str| {
        choice(raw, allowed).unwrap_or_else(|()| {
            errors.add(field, "reg-choice-invalid");
            None
        })
    };
    let gender = pick(&f.gender, &GENDERS, "gender");
    let age_group = pick(&f.age_group, &AGE_GROUPS, "age_group");
    let roma = pick(&f.roma, &ROMA, "roma");
    let any_stats = gender.is_some() || age_group.is_some() || roma.is_some();
    if any_stats && !f.stats_consent {
        errors.add("stats_consent", "reg-stats-consent-missing");
    }
    if !f.notice {
        errors.add("notice", "reg-notice-missing");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(store::registrations::NewRegistration {
        name: name.unwrap_or_default(),
        email: email.map(|e| e.into_string()).unwrap_or_default(),
        lang: lang.code().to_owned(),
        person_id: None,
        organisation_id: None,
        organisation_text: organisation,
        private_person: f.private_person,
        territory_id,
        stats: (f.stats_consent && any_stats).then(|| store::registrations::Stats {
            notice_version: NOTICE_VERSION.to_owned(),
            gender,
            age_group,
            roma_self_identified: roma,
        }),
        notice_version: NOTICE_VERSION.to_owned(),
        token_hash: String::new(),
    })
}

#[derive(Template)]
#[template(path = "events/register.html")]
struct RegisterPage {
    ctx: PageCtx,
    csrf: String,
    event: store::events::Event,
    when: String,
    open: bool,
    f: RegFields,
    errors: FormErrors,
    territories: TerritoryGroups,
}

impl RegisterPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn genders(&self) -> &'static [(&'static str, &'static str)] {
        &GENDERS
    }

    fn age_groups(&self) -> &'static [(&'static str, &'static str)] {
        &AGE_GROUPS
    }

    fn roma_choices(&self) -> &'static [(&'static str, &'static str)] {
        &ROMA
    }
}

/// Whether sign-ups are taken now (the store decides again when saving).
fn is_open(e: &store::events::Event, now: i64) -> bool {
    e.status == domain::event::EventStatus::Published
        && now <= e.registration_deadline.unwrap_or(e.starts_at)
}

async fn public_event(state: &AppState, id: &str) -> AppResult<store::events::Event> {
    let e = store::events::get(state.db(), parse_id(id)?).await?;
    if !e.publicly_visible() {
        return Err(AppError::NotFound);
    }
    Ok(e)
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    csrf: String,
    event: store::events::Event,
    f: RegFields,
) -> AppResult<RegisterPage> {
    Ok(RegisterPage {
        when: i18n::datetime(ctx.lang, event.starts_at),
        open: is_open(&event, state.now()),
        territories: territory_groups(state, ctx.lang).await?,
        ctx,
        csrf,
        event,
        f,
        errors: FormErrors::default(),
    })
}

pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let event = public_event(&state, &id).await?;
    let (csrf, is_new) = login_secret(&headers);
    let p = page(&state, ctx, csrf.clone(), event, RegFields::default()).await?;
    Ok(with_login_cookie(
        Html(p.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

pub(crate) fn confirmation_mail(
    lang: i18n::Lang,
    title: &str,
    link: &str,
    r: &store::registrations::Registration,
) -> store::outbox::Outgoing {
    let status = match r.status {
        store::registrations::Status::Confirmed => "reg-status-confirmed",
        store::registrations::Status::Waiting => "reg-status-waiting",
        store::registrations::Status::Cancelled => "reg-status-cancelled",
    };
    store::outbox::Outgoing {
        kind: "registration".to_owned(),
        subject: i18n::t_args(
            lang,
            "mail-registration-subject",
            &[("event", FluentValue::from(title.to_owned()))],
        ),
        body: i18n::t_args(
            lang,
            "mail-registration-body",
            &[
                ("name", FluentValue::from(r.name.clone())),
                ("event", FluentValue::from(title.to_owned())),
                ("status", FluentValue::from(i18n::t(lang, status))),
                ("link", FluentValue::from(link.to_owned())),
            ],
        ),
    }
}

/// The mail to a registrant when the event is cancelled.
pub fn cancellation_mail(
    lang: i18n::Lang,
    title: &str,
    when: &str,
    name: &str,
) -> store::outbox::Outgoing {
    store::outbox::Outgoing {
        kind: "event_cancelled".to_owned(),
        subject: i18n::t_args(
            lang,
            "mail-event-cancelled-subject",
            &[("event", FluentValue::from(title.to_owned()))],
        ),
        body: i18n::t_args(
            lang,
            "mail-event-cancelled-body",
            &[
                ("name", FluentValue::from(name.to_owned())),
                ("event", FluentValue::from(title.to_owned())),
                ("when", FluentValue::from(when.to_owned())),
            ],
        ),
    }
}

/// The mail to someone whose waiting-list place became a confirmed one.
pub fn promotion_mail(
    title: &str,
    r: &store::registrations::Registration,
) -> store::outbox::Outgoing {
    let lang = i18n::Lang::parse(&r.lang).unwrap_or(i18n::Lang::Lv);
    store::outbox::Outgoing {
        kind: "registration_promoted".to_owned(),
        subject: i18n::t_args(
            lang,
            "mail-registration-promoted-subject",
            &[("event", FluentValue::from(title.to_owned()))],
        ),
        body: i18n::t_args(
            lang,
            "mail-registration-promoted-body",
            &[
                ("name", FluentValue::from(r.name.clone())),
                ("event", FluentValue::from(title.to_owned())),
            ],
        ),
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let event = public_event(&state, &id).await?;
    let f = RegFields::from_body(&body);
    let mut errors = FormErrors::default();
    // A flood of sign-ups for one event (each sends a mail) stops at the hourly cap.
    let cap = state
        .settings()
        .public_forms
        .max_registrations_per_event_hour;
    let recent = store::registrations::made_since(state.db(), event.id, state.now() - 3600).await?;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if recent >= cap {
        errors.add("name", "reg-too-many-recent");
        status = StatusCode::TOO_MANY_REQUESTS;
    }
    if let Some(mut input) = validate(&f, ctx.lang, &mut errors).filter(|_| errors.is_empty()) {
        let secret = token::random_secret();
        input.token_hash = token::hash_secret(&secret);
        let base = state.settings().public_url.trim_end_matches('/').to_owned();
        let link = format!("{base}/{}/registration/{secret}", ctx.lang.code());
        let title = event.title(ctx.lang.code()).to_owned();
        let lang = ctx.lang;
        let actor = store::Actor {
            user_id: None,
            label: Some("registrant".to_owned()),
            ip: Some(ip.to_string()),
        };
        match store::registrations::register(
            state.db(),
            state.now(),
            &actor,
            event.id,
            &input,
            |r| confirmation_mail(lang, &title, &link, r),
        )
        .await
        {
            Ok(_) => {
                return Ok(Redirect::to(
                    &ctx.href(&format!("/registration/{secret}?notice=registered")),
                )
                .into_response());
            }
            Err(store::Error::Conflict("duplicate")) => errors.add("email", "reg-duplicate"),
            Err(store::Error::Conflict(_)) => errors.add("name", "reg-closed"),
            Err(e) => return Err(e.into()),
        }
    }
    let (csrf, _) = login_secret(&headers);
    let mut p = page(&state, ctx, csrf, event, f).await?;
    p.errors = errors;
    let mut res = (status, Html(p.render()?)).into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        res.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from(600),
        );
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "events/registration.html")]
struct MinePage {
    ctx: PageCtx,
    csrf: String,
    token: String,
    r: store::registrations::Registration,
    event: store::events::Event,
    when: String,
    notice: Option<&'static str>,
}

impl MinePage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn status_key(&self) -> &'static str {
        match self.r.status {
            store::registrations::Status::Confirmed => "reg-status-confirmed",
            store::registrations::Status::Waiting => "reg-status-waiting",
            store::registrations::Status::Cancelled => "reg-status-cancelled",
        }
    }

    fn active(&self) -> bool {
        self.r.status != store::registrations::Status::Cancelled
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct Notice {
    notice: Option<String>,
}

/// The personal page a registration's link opens.
pub async fn mine(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, secret)): Path<(String, String)>,
    axum::extract::Query(n): axum::extract::Query<Notice>,
) -> AppResult<Response> {
    crate::forms::check_secret(&secret)?;
    let r = store::registrations::by_token(state.db(), &token::hash_secret(secret.trim())).await?;
    let event = store::events::get(state.db(), r.event_id).await?;
    let (csrf, is_new) = login_secret(&headers);
    let p = MinePage {
        when: i18n::datetime(ctx.lang, event.starts_at),
        notice: match n.notice.as_deref() {
            Some("registered") => Some("reg-registered-notice"),
            Some("cancelled") => Some("reg-cancelled-notice"),
            _ => None,
        },
        ctx,
        csrf: csrf.clone(),
        token: secret,
        r,
        event,
    };
    Ok(with_login_cookie(
        Html(p.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientIp(ip): ClientIp,
    Path((_lang, secret)): Path<(String, String)>,
) -> AppResult<Response> {
    crate::forms::check_secret(&secret)?;
    let hash = token::hash_secret(secret.trim());
    let r = store::registrations::by_token(state.db(), &hash).await?;
    let event = store::events::get(state.db(), r.event_id).await?;
    let actor = store::Actor {
        user_id: None,
        label: Some("registrant".to_owned()),
        ip: Some(ip.to_string()),
    };
    let promoted_title_lv = event.title_lv.clone();
    let promoted_title_en = event.title("en").to_owned();
    store::registrations::cancel(state.db(), state.now(), &actor, &hash, |p| {
        let title = if p.lang == "en" {
            &promoted_title_en
        } else {
            &promoted_title_lv
        };
        promotion_mail(title, p)
    })
    .await?;
    Ok(
        Redirect::to(&ctx.href(&format!("/registration/{secret}?notice=cancelled")))
            .into_response(),
    )
}

#[derive(Template)]
#[template(path = "events/registrations.html")]
struct ListPage {
    ctx: PageCtx,
    event: store::events::Event,
    regs: Vec<store::registrations::Registration>,
    confirmed: usize,
    waiting: usize,
    cancelled: usize,
}

impl ListPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn status_key(&self, r: &store::registrations::Registration) -> &'static str {
        status_key(r)
    }
}

fn status_key(r: &store::registrations::Registration) -> &'static str {
    match r.status {
        store::registrations::Status::Confirmed => "reg-status-confirmed",
        store::registrations::Status::Waiting => "reg-status-waiting",
        store::registrations::Status::Cancelled => "reg-status-cancelled",
    }
}

/// `POST /{lang}/events/{id}/registrations/export`: the registrations as CSV or XLSX
/// (personal data: audited).
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: crate::principal::CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<crate::features::transfer::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(domain::auth::Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let regs = store::registrations::for_event(state.db(), event.id).await?;
    let rows: Vec<Vec<Cell>> = regs
        .iter()
        .map(|r| {
            let at = jiff::Timestamp::from_second(r.created_at)
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
                .to_zoned_datetime(i18n::riga());
            vec![
                Cell::Text(r.name.clone()),
                Cell::Text(r.email.clone()),
                Cell::Text(match (&r.organisation_text, r.private_person) {
                    (Some(o), _) => o.clone(),
                    (None, true) => ctx.t("reg-private"),
                    _ => String::new(),
                }),
                Cell::Text(ctx.t(status_key(r))),
                Cell::Date(at.date()),
                Cell::Text(format!("{:02}:{:02}", at.hour(), at.minute())),
            ]
        })
        .collect();
    let header = [
        ctx.t("field-name"),
        ctx.t("field-email"),
        ctx.t("reg-organisation"),
        ctx.t("field-status"),
        ctx.t("reg-list-when"),
        ctx.t("export-col-time"),
    ];
    crate::features::transfer::personal_list_file(
        &state,
        &user.actor(ip),
        store::audit::Event::new("registrations_exported").on("event", event.id),
        &f.format,
        (
            &ctx.t("reg-list-title"),
            &format!("registrations-{}", event.id),
        ),
        &header,
        &rows,
    )
    .await
}

/// The coordinator's list of an event's registrations (statistics answers are never shown
/// one by one).
pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: crate::principal::CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(domain::auth::Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let regs = store::registrations::for_event(state.db(), event.id).await?;
    let count = |s| regs.iter().filter(|r| r.status == s).count();
    Ok(Html(
        ListPage {
            confirmed: count(store::registrations::Status::Confirmed),
            waiting: count(store::registrations::Status::Waiting),
            cancelled: count(store::registrations::Status::Cancelled),
            ctx,
            event,
            regs,
        }
        .render()?,
    ))
}

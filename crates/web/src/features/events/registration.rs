//! Public registration for events: the form (protected like the login form by the
//! pre-login CSRF cookie), the mail with a personal link, and the personal page where the
//! registration is confirmed (a registration from the public form holds its place for 48
//! hours until then), seen and cancelled. Coordinators register someone by hand (confirmed
//! at once) and confirm a pending registration. Places and the waiting list are decided in
//! `store::registrations`; the scheduled jobs release places nobody confirmed.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::token;
use fluent_bundle::FluentValue;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::choices::TerritoryGroups;
use crate::http::choices::territory_groups;
use crate::http::forms::optional_id;
use crate::http::forms::optional_text;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::http::prelogin::login_secret;
use crate::http::prelogin::with_login_cookie;
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::ClientIp;

/// The version of the data-processing notice shown on the form (`domain::privacy_notices`).
pub const NOTICE_VERSION: &str = domain::privacy_notices::REGISTRATION.current().id;

/// The version of the consent to keep statistics answers (`domain::privacy_notices`).
pub const STATS_NOTICE_VERSION: &str = domain::privacy_notices::STATISTICS.current().id;

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
    /// The language of the mails (by hand only; the public form uses the page's).
    lang: String,
}

impl RegFields {
    pub(crate) fn from_body(body: &[(String, String)]) -> RegFields {
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
                "lang" => f.lang = v,
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

/// Checks the form. `source` decides what may be missing: a coordinator may register
/// someone without an e-mail address (by phone, in person), in the language they choose.
pub(crate) fn validate(
    f: &RegFields,
    lang: i18n::Lang,
    source: store::registrations::Source,
    errors: &mut FormErrors,
) -> Option<store::registrations::NewRegistration> {
    let by_hand = matches!(source, store::registrations::Source::Coordinator(_));
    // Messages speak to the registrant, or to the coordinator about the person.
    let msg = |public, hand| if by_hand { hand } else { public };
    let name = crate::http::forms::required_line(
        &f.name,
        200,
        "name",
        msg("reg-name-invalid", "reg-add-name-invalid"),
        errors,
    );
    let email = if by_hand && f.email.trim().is_empty() {
        Some(String::new())
    } else {
        domain::user::Email::parse(&f.email).map(|e| e.into_string())
    };
    if email.is_none() {
        errors.add("email", "user-email-invalid");
    }
    let lang = if by_hand {
        i18n::Lang::parse(&f.lang).unwrap_or_else(|| {
            errors.add("lang", "reg-choice-invalid");
            lang
        })
    } else {
        lang
    };
    let organisation = optional_text(&f.organisation, 300).unwrap_or_else(|e| {
        errors.add("organisation", e.message_id());
        None
    });
    if organisation.is_none() && !f.private_person {
        errors.add(
            "organisation",
            msg("reg-organisation-missing", "reg-add-organisation-missing"),
        );
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
        errors.add(
            "notice",
            msg("reg-notice-missing", "reg-add-notice-missing"),
        );
    }
    if !errors.is_empty() {
        return None;
    }
    Some(store::registrations::NewRegistration {
        name: name.unwrap_or_default(),
        email: email.unwrap_or_default(),
        lang: lang.code().to_owned(),
        person_id: None,
        organisation_id: None,
        organisation_text: organisation,
        private_person: f.private_person,
        territory_id,
        stats: (f.stats_consent && any_stats).then(|| store::registrations::Stats {
            notice_version: STATS_NOTICE_VERSION.to_owned(),
            gender,
            age_group,
            roma_self_identified: roma,
        }),
        notice_version: NOTICE_VERSION.to_owned(),
        token_hash: String::new(),
        source,
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
    /// Just registered: the form gives way to "check your e-mail".
    sent: bool,
    /// Every place is taken (or others wait): a sign-up goes to the waiting list — said
    /// before the form, on its button, and after sending.
    waiting: bool,
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
        waiting: store::registrations::would_wait(state.db(), event.id, event.capacity).await?,
        when: i18n::datetime(ctx.lang, event.starts_at),
        open: is_open(&event, state.now()),
        territories: territory_groups(state, ctx.lang).await?,
        ctx,
        csrf,
        event,
        f,
        errors: FormErrors::default(),
        sent: false,
    })
}

#[derive(Debug, serde::Deserialize)]
pub struct Sent {
    sent: Option<String>,
}

/// Where the public form goes after a sign-up: the word to confirm it from the e-mail, and
/// whether it holds a place or waits.
fn sent(ctx: &PageCtx, event: i64, waiting: bool) -> Response {
    let what = if waiting { "waiting" } else { "place" };
    Redirect::to(&ctx.href(&format!("/calendar/{event}/register?sent={what}"))).into_response()
}

/// The public form; after a sign-up (`?sent=place` or `?sent=waiting`), the word to confirm
/// it from the e-mail.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, id)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<Sent>,
) -> AppResult<Response> {
    let event = public_event(&state, &id).await?;
    let (csrf, is_new) = login_secret(&headers);
    let mut p = page(&state, ctx, csrf.clone(), event, RegFields::default()).await?;
    p.sent = q.sent.is_some();
    // After sending, what the sign-up became: on the waiting list, or holding a place.
    if let Some(sent) = q.sent.as_deref() {
        p.waiting = sent == "waiting";
    }
    Ok(with_login_cookie(
        Html(p.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

/// The mail with the personal link: for a registration from the public form, the request
/// to confirm it within 48 hours; otherwise word that it is received.
pub(crate) fn confirmation_mail(
    lang: i18n::Lang,
    title: &str,
    link: &str,
    r: &store::registrations::Registration,
) -> store::outbox::Outgoing {
    let status = status_key(r);
    let (subject, body) = if r.pending() {
        (
            "mail-registration-confirm-subject",
            "mail-registration-confirm-body",
        )
    } else {
        ("mail-registration-subject", "mail-registration-body")
    };
    store::outbox::Outgoing {
        kind: "registration".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(
            lang,
            subject,
            &[("event", FluentValue::from(title.to_owned()))],
        ),
        body: i18n::t_args(
            lang,
            body,
            &[
                ("name", FluentValue::from(r.name.clone())),
                ("event", FluentValue::from(title.to_owned())),
                ("status", FluentValue::from(i18n::t(lang, status))),
                ("link", FluentValue::from(link.to_owned())),
                (
                    "until",
                    FluentValue::from(i18n::datetime(lang, r.confirm_by.unwrap_or(r.created_at))),
                ),
            ],
        ),
    }
}

/// The mail to a registrant — or to someone invited who had not answered (`invited`) —
/// when the event is cancelled.
pub fn cancellation_mail(
    lang: i18n::Lang,
    title: &str,
    when: &str,
    name: &str,
    invited: bool,
) -> store::outbox::Outgoing {
    store::outbox::Outgoing {
        kind: "event_cancelled".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(
            lang,
            "mail-event-cancelled-subject",
            &[("event", FluentValue::from(title.to_owned()))],
        ),
        body: i18n::t_args(
            lang,
            if invited {
                "mail-event-cancelled-invited-body"
            } else {
                "mail-event-cancelled-body"
            },
            &[
                ("name", FluentValue::from(name.to_owned())),
                ("event", FluentValue::from(title.to_owned())),
                ("when", FluentValue::from(when.to_owned())),
            ],
        ),
    }
}

/// The mail to someone whose waiting-list place became a confirmed one, with a personal
/// link of its own (`secret`) to see or cancel it.
pub fn promotion_mail(
    state: &AppState,
    title: &str,
    r: &store::registrations::Registration,
    secret: &str,
) -> store::outbox::Outgoing {
    let lang = i18n::Lang::parse(&r.lang).unwrap_or(i18n::Lang::Lv);
    let link = format!(
        "{}/{}/registration/{secret}",
        state.settings().public_url.trim_end_matches('/'),
        lang.code()
    );
    store::outbox::Outgoing {
        kind: "registration_promoted".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
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
                ("link", FluentValue::from(link)),
            ],
        ),
    }
}

/// Registers with a new personal link, mailed (in the registration's language) with the
/// confirmation or the request to confirm. Errors as `store::registrations::register`.
pub(crate) async fn register_with_link(
    state: &AppState,
    actor: &store::Actor,
    event: &store::events::Event,
    input: &mut store::registrations::NewRegistration,
) -> store::Result<store::registrations::Registration> {
    let secret = token::random_secret();
    input.token_hash = token::hash_secret(&secret);
    let lang = i18n::Lang::parse(&input.lang).unwrap_or(i18n::Lang::Lv);
    let base = state.settings().public_url.trim_end_matches('/');
    let link = format!("{base}/{}/registration/{secret}", lang.code());
    let title = event.title(lang.code());
    store::registrations::register(state.db(), state.now(), actor, event.id, input, |r| {
        confirmation_mail(lang, title, &link, r)
    })
    .await
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
    // A flood of sign-ups for one event (each sends a mail) stops at the hourly caps: a low
    // one for unconfirmed sign-ups, a higher one for all.
    let limits = &state.settings().public_forms;
    let (all, unconfirmed) =
        store::registrations::public_since(state.db(), event.id, state.now() - 3600).await?;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if unconfirmed >= limits.max_registrations_per_event_hour
        || all >= limits.max_all_registrations_per_event_hour
    {
        errors.add("name", "reg-too-many-recent");
        status = StatusCode::TOO_MANY_REQUESTS;
    }
    if let Some(mut input) = validate(
        &f,
        ctx.lang,
        store::registrations::Source::PublicForm,
        &mut errors,
    )
    .filter(|_| errors.is_empty())
    {
        let actor = store::Actor {
            user_id: None,
            label: Some("registrant".to_owned()),
            ip: Some(ip.to_string()),
        };
        match register_with_link(&state, &actor, &event, &mut input).await {
            // Not to the personal page: whoever typed the address must open the mail to
            // confirm it. An address registered already gets the same answer (and no
            // second mail): the form tells nobody who has signed up for what.
            Ok(r) => {
                return Ok(sent(
                    &ctx,
                    event.id,
                    r.status == store::registrations::Status::Waiting,
                ));
            }
            // An address registered already: the answer depends only on what anyone sees
            // (whether the event is full), so it says nothing of that address.
            Err(store::Error::Conflict(store::Conflict::Events(
                store::EventConflict::Duplicate,
            ))) => {
                let full =
                    store::registrations::would_wait(state.db(), event.id, event.capacity).await?;
                return Ok(sent(&ctx, event.id, full));
            }
            Err(store::Error::Conflict(store::Conflict::Events(
                store::EventConflict::Territory,
            ))) => errors.add("territory_id", "territory-invalid"),
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
    now: i64,
}

impl MinePage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn status_key(&self) -> &'static str {
        status_key(&self.r)
    }

    fn active(&self) -> bool {
        self.r.status != store::registrations::Status::Cancelled
    }

    /// "Confirm by …", for a pending registration.
    fn confirm_until(&self) -> String {
        self.ctx.t1(
            "reg-pending-explained",
            "until",
            i18n::datetime(
                self.ctx.lang,
                self.r.confirm_by.unwrap_or(self.r.created_at),
            ),
        )
    }

    /// Why the unconfirmed place went to others.
    fn released_key(&self) -> &'static str {
        if self.r.cancel_reason.as_deref() == Some("coordinator") {
            "reg-released-by-coordinator-explained"
        } else {
            "reg-released-explained"
        }
    }

    /// Whether the public form still takes sign-ups (offered after a released place).
    fn open(&self) -> bool {
        self.event.publicly_visible() && is_open(&self.event, self.now)
    }
}

/// The personal page a registration's link opens.
pub async fn mine(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, secret)): Path<(String, String)>,
    axum::extract::Query(n): axum::extract::Query<Notice>,
) -> AppResult<Response> {
    crate::http::forms::check_secret(&secret)?;
    let r = store::registrations::by_token(state.db(), &token::hash_secret(secret.trim())).await?;
    let event = store::events::get(state.db(), r.event_id).await?;
    let (csrf, is_new) = login_secret(&headers);
    let p = MinePage {
        when: i18n::datetime(ctx.lang, event.starts_at),
        notice: match n.notice.as_deref() {
            Some("registered") => Some("reg-registered-notice"),
            Some("confirmed") => Some("reg-confirmed-notice"),
            Some("cancelled") => Some("reg-cancelled-notice"),
            _ => None,
        },
        now: state.now(),
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

/// `POST /{lang}/registration/{token}/confirm`: the registrant confirms from the mailed
/// link (opening the link changes nothing: mail scanners open links too).
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientIp(ip): ClientIp,
    Path((_lang, secret)): Path<(String, String)>,
) -> AppResult<Response> {
    crate::http::forms::check_secret(&secret)?;
    let hash = token::hash_secret(secret.trim());
    let actor = store::Actor {
        user_id: None,
        label: Some("registrant".to_owned()),
        ip: Some(ip.to_string()),
    };
    let notice = match store::registrations::confirm(state.db(), state.now(), &actor, &hash).await {
        Ok(_) => "?notice=confirmed",
        // Released or cancelled meanwhile: the page says so.
        Err(store::Error::Conflict(_)) => "",
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&ctx.href(&format!("/registration/{secret}{notice}"))).into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CancelForm {
    /// "1" from the confirmation step.
    #[serde(default)]
    confirm: String,
}

/// Cancels the registration a personal link opens, after a confirmation step (the place
/// goes to the waiting list and cannot be taken back).
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    Path((_lang, secret)): Path<(String, String)>,
    AppForm(f): AppForm<CancelForm>,
) -> AppResult<Response> {
    crate::http::forms::check_secret(&secret)?;
    let hash = token::hash_secret(secret.trim());
    let r = store::registrations::by_token(state.db(), &hash).await?;
    let event = store::events::get(state.db(), r.event_id).await?;
    if r.status != store::registrations::Status::Cancelled
        && !crate::http::confirm::confirmed(&f.confirm)
    {
        let (csrf, _) = login_secret(&headers);
        let title = event.title(ctx.lang.code()).to_owned();
        return crate::http::confirm::ConfirmStep {
            heading: ctx.t1("reg-cancel-confirm-title", "title", &title),
            lines: vec![
                ctx.t1("reg-cancel-confirm-who", "name", &r.name),
                ctx.t("reg-cancel-confirm-final"),
            ],
            action: ctx.href(&format!("/registration/{secret}/cancel")),
            hidden: Vec::new(),
            csrf,
            button: ctx.t("reg-cancel-confirm-button"),
            back: ctx.href(&format!("/registration/{secret}")),
            danger: true,
            back_with_form: false,
            back_label: ctx.t("reg-cancel-confirm-back"),
            ctx,
        }
        .into_response();
    }
    let actor = store::Actor {
        user_id: None,
        label: Some("registrant".to_owned()),
        ip: Some(ip.to_string()),
    };
    let promoted_title_lv = event.title_lv.clone();
    let promoted_title_en = event.title("en").to_owned();
    store::registrations::cancel(state.db(), state.now(), &actor, &hash, |p, link| {
        let title = if p.lang == "en" {
            &promoted_title_en
        } else {
            &promoted_title_lv
        };
        promotion_mail(&state, title, p, link)
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
    /// Those waiting for their registrant's confirmation from the e-mail.
    pending: Vec<store::registrations::Registration>,
    /// Everyone else: confirmed, waiting and cancelled.
    regs: Vec<store::registrations::Registration>,
    confirmed: usize,
    waiting: usize,
    cancelled: usize,
    notice: Option<&'static str>,
    /// Whether a coordinator may still register someone (published, not ended).
    can_add: bool,
}

impl ListPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    /// Until when a pending registration may be confirmed.
    fn until(&self, r: &store::registrations::Registration) -> String {
        self.ctx.datetime(&r.confirm_by.unwrap_or(r.created_at))
    }

    /// The last pending registration shown ("release all" goes no further).
    fn last_pending(&self) -> i64 {
        self.pending.iter().map(|r| r.id).max().unwrap_or(0)
    }

    fn status_key(&self, r: &store::registrations::Registration) -> &'static str {
        status_key(r)
    }
}

fn status_key(r: &store::registrations::Registration) -> &'static str {
    use store::registrations::Status;
    match (r.status, r.pending()) {
        (Status::Confirmed, true) => "reg-status-confirmed-pending",
        (Status::Waiting, true) => "reg-status-waiting-pending",
        (Status::Confirmed, false) => "reg-status-confirmed",
        (Status::Waiting, false) => "reg-status-waiting",
        (Status::Cancelled, _) if r.cancel_reason.as_deref() == Some("coordinator") => {
            "reg-status-released-by-coordinator"
        }
        (Status::Cancelled, _) if r.released_unconfirmed() => "reg-status-released",
        (Status::Cancelled, _) => "reg-status-cancelled",
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
    AppForm(f): AppForm<crate::http::tables::FormatForm>,
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
    crate::http::tables::personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::RegistrationsExported).on("event", event.id),
        &store::attendance::event_subjects(state.db(), event.id, true).await?,
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
    axum::extract::Query(n): axum::extract::Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(domain::auth::Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let all = store::registrations::for_event(state.db(), event.id).await?;
    // Places taken and the waiting list count pending registrations too: they hold them.
    let count = |s| all.iter().filter(|r| r.status == s).count();
    let (confirmed, waiting, cancelled) = (
        count(store::registrations::Status::Confirmed),
        count(store::registrations::Status::Waiting),
        count(store::registrations::Status::Cancelled),
    );
    let (pending, regs): (Vec<_>, Vec<_>) = all.into_iter().partition(|r| r.pending());
    Ok(Html(
        ListPage {
            confirmed,
            waiting,
            cancelled,
            notice: match n.notice.as_deref() {
                Some("added") => Some("reg-added-notice"),
                Some("confirmed") => Some("reg-confirmed-by-coordinator"),
                Some("too-late") => Some("reg-confirm-too-late"),
                Some("released") => Some("reg-released-notice"),
                Some("released-none") => Some("reg-released-none"),
                Some("released-one") => Some("reg-released-one"),
                Some("added-waiting") => Some("reg-added-waiting-notice"),
                _ => None,
            },
            can_add: can_add(&event, state.now()),
            ctx,
            event,
            pending,
            regs,
        }
        .render()?,
    ))
}

/// Whether a coordinator may register someone by hand: the event is published and has not
/// ended (the store decides again when saving).
pub(crate) fn can_add(e: &store::events::Event, now: i64) -> bool {
    e.status == domain::event::EventStatus::Published && now <= e.ends_at
}

/// `POST /{lang}/events/{id}/registrations/{rid}/confirm`: a coordinator confirms a pending
/// registration (the registrant called, or came).
pub async fn confirm_pending(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: crate::principal::CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, rid)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(domain::auth::Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let notice = match store::registrations::confirm_for(
        state.db(),
        state.now(),
        &user.actor(ip),
        event.id,
        parse_id(&rid)?,
    )
    .await
    {
        Ok(_) => "confirmed",
        Err(store::Error::Conflict(_)) => "too-late",
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&ctx.href(&format!(
        "/events/{}/registrations?notice={notice}",
        event.id
    )))
    .into_response())
}

/// `POST /{lang}/events/{id}/registrations/{rid}/release`: a coordinator releases one
/// unconfirmed place before its 48 hours are up.
pub async fn release_one(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: crate::principal::CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, rid)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let rid = parse_id(&rid)?;
    release(
        &state,
        &ctx,
        &user,
        ip,
        &id,
        store::registrations::Pending::One(rid),
    )
    .await
}

#[derive(Debug, serde::Deserialize)]
pub struct UpTo {
    /// The last pending registration the coordinator's page showed.
    upto: String,
}

/// `POST /{lang}/events/{id}/registrations/release`: every unconfirmed place of the event
/// at once (after a flood of made-up sign-ups).
pub async fn release_all(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: crate::principal::CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<UpTo>,
) -> AppResult<Response> {
    let upto = parse_id(&f.upto)?;
    release(
        &state,
        &ctx,
        &user,
        ip,
        &id,
        store::registrations::Pending::UpTo(upto),
    )
    .await
}

async fn release(
    state: &AppState,
    ctx: &PageCtx,
    user: &crate::principal::CurrentUser,
    ip: std::net::IpAddr,
    id: &str,
    which: store::registrations::Pending,
) -> AppResult<Response> {
    user.require(domain::auth::Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(id)?).await?;
    let (released, _) = store::registrations::release_pending(
        state.db(),
        state.now(),
        &user.actor(ip),
        event.id,
        which,
        |r, secret| promotion_mail(state, event.title(&r.lang), r, secret),
    )
    .await?;
    let notice = match (released, which) {
        (0, _) => "released-none",
        (_, store::registrations::Pending::One(_)) => "released-one",
        _ => "released",
    };
    Ok(Redirect::to(&ctx.href(&format!(
        "/events/{}/registrations?notice={notice}",
        event.id
    )))
    .into_response())
}

#[derive(Template)]
#[template(path = "events/registration_new.html")]
struct NewPage {
    ctx: PageCtx,
    event: store::events::Event,
    open: bool,
    f: RegFields,
    errors: FormErrors,
    territories: TerritoryGroups,
}

impl NewPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }
}

async fn new_page(
    state: &AppState,
    ctx: PageCtx,
    event: store::events::Event,
    f: RegFields,
    errors: FormErrors,
) -> AppResult<NewPage> {
    Ok(NewPage {
        open: can_add(&event, state.now()),
        territories: territory_groups(state, ctx.lang).await?,
        ctx,
        event,
        f,
        errors,
    })
}

/// `GET /{lang}/events/{id}/registrations/new`: a coordinator registers someone who called
/// or came in.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: crate::principal::CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(domain::auth::Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let f = RegFields {
        lang: ctx.lang.code().to_owned(),
        ..RegFields::default()
    };
    Ok(Html(
        new_page(&state, ctx, event, f, FormErrors::default())
            .await?
            .render()?,
    ))
}

/// `POST /{lang}/events/{id}/registrations/new`: registered and confirmed at once; with an
/// address, the person gets the mail with their personal link.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: crate::principal::CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(domain::auth::Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let f = RegFields::from_body(&body);
    let mut errors = FormErrors::default();
    let source = store::registrations::Source::Coordinator(user.id);
    if let Some(mut input) =
        validate(&f, ctx.lang, source, &mut errors).filter(|_| errors.is_empty())
    {
        match register_with_link(&state, &user.actor(ip), &event, &mut input).await {
            Ok(r) => {
                // Told apart, so that whoever is on the phone is not promised a place.
                let notice = if r.status == store::registrations::Status::Waiting {
                    "added-waiting"
                } else {
                    "added"
                };
                return Ok(Redirect::to(&ctx.href(&format!(
                    "/events/{}/registrations?notice={notice}",
                    event.id
                )))
                .into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Events(
                store::EventConflict::Duplicate,
            ))) => errors.add("email", "reg-duplicate-by-hand"),
            Err(store::Error::Conflict(store::Conflict::Events(
                store::EventConflict::Territory,
            ))) => errors.add("territory_id", "territory-invalid"),
            Err(store::Error::Conflict(_)) => errors.add("name", "reg-closed-by-hand"),
            Err(e) => return Err(e.into()),
        }
    }
    let p = new_page(&state, ctx, event, f, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

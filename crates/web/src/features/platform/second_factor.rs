//! The second factor (issue 17): enrolment on the account page (a QR code drawn by the
//! server, the key as text too, confirmed with a code, then ten recovery codes shown once),
//! the code asked after a right password (guesses throttled like passwords), and a reset by
//! another coordinator after a lost phone.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::token;
use serde::Deserialize;

use crate::AppState;
use crate::features::platform::login::{start_session, throttled};
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors};
use crate::http::prelogin::login_secret;
use crate::page::PageCtx;
use crate::principal::{self, ClientIp, CurrentUser, MaybeUser};

/// The cookie that carries a login challenge between the password and the code.
pub const CHALLENGE_COOKIE: &str = "__Host-roma_challenge";

/// The name an authenticator app shows for the platform's codes.
const ISSUER: &str = "Romu platforma";

#[derive(Template)]
#[template(path = "account/second_factor.html")]
struct FactorPage {
    ctx: PageCtx,
    enrolled: bool,
    /// The account's role must have a second factor (then it cannot be turned off, and
    /// until it is on nothing else opens).
    required: bool,
    recovery_left: i64,
    /// During enrolment: the QR code (SVG) and the key as text.
    qr: Option<String>,
    key_text: String,
    /// Just confirmed: the recovery codes, shown this once.
    recovery: Vec<String>,
    /// The key as an `otpauth://` link: on a phone, it opens the authenticator app.
    otpauth: String,
    /// What was just done ("mfa-off", "mfa-renewed").
    notice: Option<&'static str>,
    errors: FormErrors,
}

async fn factor_page(state: &AppState, ctx: PageCtx, user: &CurrentUser) -> AppResult<FactorPage> {
    Ok(FactorPage {
        enrolled: store::factors::enrolled(state.db(), user.id).await?,
        required: state.settings().accounts.factor_required(user.role),
        recovery_left: store::factors::recovery_left(state.db(), user.id).await?,
        ctx,
        qr: None,
        key_text: String::new(),
        recovery: Vec::new(),
        otpauth: String::new(),
        notice: None,
        errors: FormErrors::default(),
    })
}

fn with_key(p: &mut FactorPage, user: &CurrentUser, key: &[u8]) {
    let uri = domain::totp::otpauth_uri(ISSUER, &user.email, key);
    p.qr = crate::qr::svg(&uri, &p.ctx.t("mfa-qr-label"));
    p.key_text = domain::totp::grouped(&domain::totp::base32(key));
    p.otpauth = uri;
}

#[derive(Debug, Deserialize)]
pub struct FactorQuery {
    notice: Option<String>,
}

/// `GET /{lang}/account/second-factor`: whether the account has one, and how to add it.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    axum::extract::Query(q): axum::extract::Query<FactorQuery>,
) -> AppResult<Html<String>> {
    let mut p = factor_page(&state, ctx, &user).await?;
    p.notice = match q.notice.as_deref() {
        Some("mfa-off") => Some("mfa-off"),
        Some("mfa-recovery-low") => Some("mfa-recovery-low"),
        _ => None,
    };
    Ok(Html(p.render()?))
}

/// `GET` on the enrolment's form addresses (a reload, a second tab): back to the page.
pub async fn back(ctx: PageCtx) -> Response {
    Redirect::to(&ctx.href("/account/second-factor")).into_response()
}

/// `POST /{lang}/account/second-factor/begin`: a new key, drawn as a QR code.
pub async fn begin(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Response> {
    let mut p = factor_page(&state, ctx, &user).await?;
    match store::factors::begin(state.db(), state.now(), state.keyring(), user.id).await {
        Ok(key) => with_key(&mut p, &user, &key),
        // Already has one: the page says so.
        Err(store::Error::Conflict(_)) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(Html(p.render()?).into_response())
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

impl std::fmt::Debug for CodeForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeForm { .. }")
    }
}

/// `POST /{lang}/account/second-factor/confirm`: the first code from the app turns the
/// factor on and shows the recovery codes once.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<CodeForm>,
) -> AppResult<Response> {
    let recovery = domain::totp::recovery_codes();
    let target = store::users::get(state.db(), user.id).await?;
    let lang = crate::i18n::Lang::parse(&target.preferred_lang).unwrap_or(ctx.lang);
    let notice = crate::account_mail::notice(
        lang,
        crate::account_mail::AccountChange::FactorEnrolled,
        &target.name,
    );
    let ok = match store::factors::confirm(
        state.db(),
        state.now(),
        &user.actor(ip),
        state.keyring(),
        user.id,
        &f.code,
        &recovery,
        user.session_hash(),
        (&target.email, &notice),
    )
    .await
    {
        Ok(ok) => ok,
        // Nothing being enrolled (a second tab, or done already): start again.
        Err(store::Error::NotFound) => {
            return Ok(Redirect::to(&ctx.href("/account/second-factor")).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    let mut p = factor_page(&state, ctx, &user).await?;
    if ok {
        p.recovery = recovery;
        return Ok(Html(p.render()?).into_response());
    }
    if let Some(key) = store::factors::pending_key(state.db(), state.keyring(), user.id).await? {
        with_key(&mut p, &user, &key);
    }
    p.errors.add("code", "mfa-code-wrong");
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

/// `POST /{lang}/account/second-factor/recovery`: ten new recovery codes, shown once (the
/// old ones stop working). Needs the password given within ten minutes.
pub async fn renew_recovery(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
) -> AppResult<Response> {
    let codes = domain::totp::recovery_codes();
    match store::factors::renew_recovery(state.db(), state.now(), &user.actor(ip), user.id, &codes)
        .await
    {
        Ok(()) => {}
        Err(store::Error::NotFound) => {
            return Ok(Redirect::to(&ctx.href("/account/second-factor")).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    let mut p = factor_page(&state, ctx, &user).await?;
    p.recovery = codes;
    p.notice = Some("mfa-renewed");
    Ok(Html(p.render()?).into_response())
}

/// `POST /{lang}/account/second-factor/disable`: the owner turns the second factor off —
/// only where the role need not have one. Other sessions end; the owner is mailed. Needs
/// the password given within ten minutes.
pub async fn disable(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
) -> AppResult<Response> {
    if state.settings().accounts.factor_required(user.role) {
        return Err(crate::http::error::AppError::Forbidden);
    }
    let target = store::users::get(state.db(), user.id).await?;
    let lang = crate::i18n::Lang::parse(&target.preferred_lang).unwrap_or(ctx.lang);
    let notice = crate::account_mail::notice(
        lang,
        crate::account_mail::AccountChange::FactorDisabled,
        &target.name,
    );
    match store::factors::disable(
        state.db(),
        state.now(),
        &user.actor(ip),
        user.id,
        (&target.email, &notice),
        user.session_hash().unwrap_or_default(),
    )
    .await
    {
        Ok(()) | Err(store::Error::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&ctx.href("/account/second-factor?notice=mfa-off")).into_response())
}

/// Reserves a code attempt: the password throttle's window and delays, with at most ten
/// wrong codes per account in it.
pub(crate) async fn reserve_code_attempt(
    state: &AppState,
    keys: &store::throttle::Keys,
) -> AppResult<Result<store::throttle::Attempt, i64>> {
    let mut policy = crate::features::platform::login::throttle_policy(state);
    policy.account_max = policy.account_max.min(10);
    Ok(
        match store::throttle::reserve(state.db(), state.now(), keys, policy).await? {
            store::throttle::Reserved::Go(a) => Ok(a),
            store::throttle::Reserved::Wait(seconds) => Err(seconds),
        },
    )
}

/// Checks a typed code (from the app, or a recovery code) of an enrolled account, with the
/// throttle's `attempt` already reserved: a wrong one is counted on it and `Err` gives the
/// field's message. At the lock the owner is mailed (in their language). `lockable`: see
/// `store::factors::check`. The caller releases the attempt after the whole step succeeds.
/// `Ok(true)`: a recovery code was used. Something that cannot be a code (not six digits,
/// not a recovery code's ten letters and digits) is said so and not counted.
pub(crate) async fn verify_code(
    state: &AppState,
    actor: &store::Actor,
    user_id: i64,
    typed: &str,
    attempt: &store::throttle::Attempt,
    lockable: bool,
) -> AppResult<Result<bool, &'static str>> {
    let compact: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let digits = compact.len() == 6 && compact.bytes().all(|b| b.is_ascii_digit());
    if !digits && compact.len() != 10 {
        store::throttle::release(state.db(), attempt).await?;
        return Ok(Err("mfa-code-malformed"));
    }
    let target = store::users::get(state.db(), user_id).await?;
    let lang = crate::account_mail::lang_of(&target);
    let lock_notice = crate::account_mail::notice(
        lang,
        crate::account_mail::AccountChange::CodesLocked,
        &target.name,
    );
    let checked = store::factors::check(
        state.db(),
        state.now(),
        actor,
        state.keyring(),
        user_id,
        typed,
        (&target.email, &lock_notice),
        lockable,
    )
    .await?;
    Ok(match checked {
        store::factors::Checked::Code => Ok(false),
        store::factors::Checked::Recovery => Ok(true),
        store::factors::Checked::Wrong { locked_now } => {
            crate::features::platform::login::failed(
                state,
                state.now(),
                actor,
                attempt,
                AuditAction::MfaFailed,
            )
            .await?;
            Err(if locked_now && lockable {
                "mfa-locked"
            } else {
                "mfa-code-wrong"
            })
        }
        store::factors::Checked::Locked => {
            crate::features::platform::login::failed(
                state,
                state.now(),
                actor,
                attempt,
                AuditAction::MfaFailed,
            )
            .await?;
            Err("mfa-locked")
        }
    })
}

/// After a right password for an account with a second factor: a challenge (its secret in
/// a short-lived cookie) and the page that asks for the code.
pub async fn challenge(
    state: &AppState,
    ctx: &PageCtx,
    user_id: i64,
    target: &str,
) -> AppResult<Response> {
    let secret = token::random_secret();
    store::factors::challenge(
        state.db(),
        state.now(),
        &token::hash_secret(&secret),
        user_id,
        target,
    )
    .await?;
    let mut res = Redirect::to(&ctx.href("/login/code")).into_response();
    principal::append_cookie(
        &mut res,
        CHALLENGE_COOKIE,
        &secret,
        Some(store::factors::CHALLENGE_SECONDS),
    );
    Ok(res)
}

#[derive(Template)]
#[template(path = "auth/code.html")]
struct CodePage {
    ctx: PageCtx,
    csrf: String,
    errors: FormErrors,
    wait: Option<String>,
    /// No live challenge: the sign-in was not started here, or its five minutes are up.
    expired: bool,
    /// The account has passkeys: the page offers one (with JavaScript).
    passkeys: bool,
}

/// Whether the code page offers a passkey: the account has one and passkeys can work here.
async fn offers_passkey(state: &AppState, user_id: i64) -> AppResult<bool> {
    Ok(
        crate::features::platform::passkeys::relying_party(state).is_some()
            && !store::passkeys::list(state.db(), user_id).await?.is_empty(),
    )
}

/// The page for a code step that is not (or no longer) there.
pub(crate) fn expired_page(ctx: PageCtx) -> AppResult<Response> {
    let page = CodePage {
        ctx,
        csrf: String::new(),
        errors: FormErrors::default(),
        wait: None,
        expired: true,
        passkeys: false,
    };
    Ok((StatusCode::NOT_FOUND, Html(page.render()?)).into_response())
}

fn expired(ctx: PageCtx) -> AppResult<Response> {
    expired_page(ctx)
}

/// The code page again for a live challenge: with an error under the passkey (422), or
/// throttled for `wait` seconds (429).
pub(crate) async fn code_page(
    state: &AppState,
    ctx: PageCtx,
    headers: &HeaderMap,
    error: Option<&'static str>,
    wait: Option<i64>,
) -> AppResult<Response> {
    let Some((_, user_id, _, _)) = live_challenge(state, headers).await? else {
        return expired(ctx);
    };
    let (csrf, _) = login_secret(headers);
    let mut errors = FormErrors::default();
    if let Some(e) = error {
        errors.add("passkey", e);
    }
    let page = CodePage {
        csrf,
        errors,
        wait: wait.map(|s| crate::features::platform::login::wait_words(&ctx, s)),
        expired: false,
        passkeys: offers_passkey(state, user_id).await?,
        ctx,
    };
    let html = Html(page.render()?);
    match wait {
        Some(seconds) => throttled(
            state,
            (StatusCode::TOO_MANY_REQUESTS, html).into_response(),
            seconds,
        ),
        None => Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response()),
    }
}

/// The second step done (a right code or passkey): the challenge ends and the session starts.
pub(crate) async fn finish_second_step(
    state: &AppState,
    headers: &HeaderMap,
    (hash, user_id, ip): (&str, i64, String),
    previous: Option<&str>,
    next: &str,
) -> AppResult<Response> {
    store::factors::end_challenge(state.db(), hash).await?;
    let mut res = start_session(state, user_id, ip, previous, headers, next).await?;
    principal::append_cookie(&mut res, CHALLENGE_COOKIE, "", Some(0));
    Ok(res)
}

pub(crate) async fn live_challenge(
    state: &AppState,
    headers: &HeaderMap,
) -> AppResult<Option<(String, i64, String, String)>> {
    let Some(secret) = principal::cookie(headers, CHALLENGE_COOKIE) else {
        return Ok(None);
    };
    let hash = token::hash_secret(secret);
    Ok(store::factors::challenged(state.db(), state.now(), &hash)
        .await?
        .map(|(user, email, next)| (hash, user, email, next)))
}

/// `GET /{lang}/login/code`: the code from the app, or a recovery code.
pub async fn code_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
) -> AppResult<Response> {
    if live_challenge(&state, &headers).await?.is_none() {
        return expired(ctx);
    }
    let (csrf, is_new) = login_secret(&headers);
    let passkeys = match live_challenge(&state, &headers).await? {
        Some((_, user_id, _, _)) => offers_passkey(&state, user_id).await?,
        None => false,
    };
    let page = CodePage {
        ctx,
        csrf: csrf.clone(),
        errors: FormErrors::default(),
        wait: None,
        expired: false,
        passkeys,
    };
    Ok(crate::http::prelogin::with_login_cookie(
        Html(page.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

/// `POST /{lang}/login/code`: a right code starts the session; guesses are throttled per
/// account and address like passwords.
pub async fn code_submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    MaybeUser(previous): MaybeUser,
    AppForm(f): AppForm<CodeForm>,
) -> AppResult<Response> {
    let Some((hash, user_id, email, next)) = live_challenge(&state, &headers).await? else {
        return expired(ctx);
    };
    let ip = ip.to_string();
    let (csrf, _) = login_secret(&headers);
    // Codes have their own keys and a stricter account ceiling than passwords (a browser
    // that has signed in before is counted apart).
    let keys = crate::features::platform::login::attempt_keys(
        &state,
        &headers,
        Some(user_id),
        &email,
        &ip,
        "code ",
    )
    .await?;
    let attempt = match reserve_code_attempt(&state, &keys).await? {
        Ok(a) => a,
        Err(seconds) => {
            return code_page(&state, ctx, &headers, None, Some(seconds)).await;
        }
    };
    let actor = store::Actor {
        user_id: None,
        label: Some(email.clone()),
        ip: Some(ip.clone()),
    };
    let recovery_used = match verify_code(&state, &actor, user_id, &f.code, &attempt, true).await? {
        Ok(recovery) => recovery,
        Err(message) => {
            let mut errors = FormErrors::default();
            errors.add("code", message);
            let page = CodePage {
                ctx,
                csrf,
                errors,
                wait: None,
                expired: false,
                passkeys: offers_passkey(&state, user_id).await?,
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
        }
    };
    store::throttle::release(state.db(), &attempt).await?;
    // Two recovery codes or fewer left: to the page that makes new ones, which says why.
    let next = if recovery_used && store::factors::recovery_left(state.db(), user_id).await? <= 2 {
        ctx.href("/account/second-factor?notice=mfa-recovery-low")
    } else {
        next
    };
    finish_second_step(
        &state,
        &headers,
        (&hash, user_id, ip),
        previous.as_ref().and_then(CurrentUser::session_hash),
        &next,
    )
    .await
}

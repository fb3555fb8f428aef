//! Logging in and out, and setting a password from a one-time link.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::{password, token, user};
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors};
use crate::http::prelogin::{login_secret, with_login_cookie};
use crate::page::PageCtx;
use crate::principal::{self, ClientIp, CurrentUser, LOGIN_COOKIE, MaybeUser, SESSION_COOKIE};

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage {
    ctx: PageCtx,
    csrf: String,
    email: String,
    next: String,
    errors: FormErrors,
    /// Throttled: the wait, said in words (nothing typed was wrong).
    wait: Option<String>,
    /// Just done: "password-set-done".
    notice: Option<&'static str>,
}

/// "after 5 seconds" / "after 3 minutes" in the page's language.
pub(crate) fn wait_words(ctx: &PageCtx, seconds: i64) -> String {
    if seconds < 120 {
        ctx.tn("login-wait-seconds", "count", seconds.max(1))
    } else {
        ctx.tn("login-wait-minutes", "count", (seconds + 59) / 60)
    }
}

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    notice: Option<String>,
}

/// The throttle's rules now.
pub fn throttle_policy(state: &AppState) -> store::throttle::Policy {
    let t = state.settings().login_throttle;
    store::throttle::Policy {
        since: state.now() - t.window_minutes * 60,
        free: t.free_attempts,
        max_delay: t.max_delay_minutes * 60,
        account_max: t.max_failures,
        address_max: t.max_failures_per_address,
    }
}

/// Reserves a password attempt under its keys; `Err(seconds)` when it must wait.
pub async fn reserve_attempt(
    state: &AppState,
    keys: &store::throttle::Keys,
) -> AppResult<Result<store::throttle::Attempt, i64>> {
    Ok(
        match store::throttle::reserve(state.db(), state.now(), keys, throttle_policy(state))
            .await?
        {
            store::throttle::Reserved::Go(a) => Ok(a),
            store::throttle::Reserved::Wait(seconds) => Err(seconds),
        },
    )
}

/// Adds `Retry-After` (the seconds to wait) to a 429 answer, and counts the refusal for
/// the metrics.
pub fn throttled(state: &AppState, mut res: Response, seconds: i64) -> AppResult<Response> {
    state.metrics().login_throttled();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
    Ok(res)
}

/// Records a wrong password or code (the audit log, the throttle's count) and counts it for
/// the metrics.
pub async fn failed(
    state: &AppState,
    now: i64,
    actor: &store::Actor,
    attempt: &store::throttle::Attempt,
    event: AuditAction,
) -> store::Result<()> {
    state.metrics().login_failed();
    store::throttle::failed(state.db(), now, actor, attempt, event).await
}

/// The cookie that marks a browser which has logged in before (a random value; only its
/// SHA-256 is stored, per account): failures caused by others do not hold it back.
pub const DEVICE_COOKIE: &str = "__Host-roma_device";

/// The browser's mark as sent, when it looks like one.
fn device_mark(headers: &HeaderMap) -> Option<&str> {
    principal::cookie(headers, DEVICE_COOKIE).filter(|v| {
        v.len() == 43
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// The throttle's keys for an attempt (a password, or with `prefix` "code " a code) on the
/// account `user_id` (when there is one) from this browser and address. A browser that has
/// signed in to the account before is counted apart from everyone else and is not held to
/// the account's or the address's ceiling: others' guesses do not lock the owner out.
pub(crate) async fn attempt_keys(
    state: &AppState,
    headers: &HeaderMap,
    user_id: Option<i64>,
    email: &str,
    ip: &str,
    prefix: &str,
) -> AppResult<store::throttle::Keys> {
    let mark = device_mark(headers).map(token::hash_secret);
    let known = match (user_id, &mark) {
        (Some(user_id), Some(hash)) => {
            store::throttle::devices::known(state.db(), state.now(), user_id, hash).await?
        }
        _ => false,
    };
    Ok(match (&mark, known) {
        (Some(hash), true) => store::throttle::Keys {
            pair: format!("{prefix}{email}\ndevice {hash}"),
            account: None,
            address: None,
        },
        _ => store::throttle::Keys {
            pair: format!("{prefix}{email}\n{ip}"),
            account: Some(format!("{prefix}{email}")),
            address: Some(format!("{prefix}{ip}")),
        },
    })
}

/// Only a path on this site: `/…` but not `//…` or `/\…`.
pub(crate) fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    ok.then_some(next)
}

pub async fn form(
    ctx: PageCtx,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    Query(q): Query<LoginQuery>,
) -> AppResult<Response> {
    if user.is_some() {
        return Ok(Redirect::to(&ctx.href("/workspace")).into_response());
    }
    let (csrf, is_new) = login_secret(&headers);
    let page = LoginPage {
        ctx,
        csrf: csrf.clone(),
        email: String::new(),
        next: q
            .next
            .as_deref()
            .and_then(safe_next)
            .unwrap_or_default()
            .to_owned(),
        errors: FormErrors::default(),
        wait: None,
        notice: (q.notice.as_deref() == Some("password-set")).then_some("password-set-done"),
    };
    Ok(with_login_cookie(
        Html(page.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

impl std::fmt::Debug for LoginForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoginForm { .. }")
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientIp(ip): ClientIp,
    MaybeUser(previous): MaybeUser,
    headers: HeaderMap,
    AppForm(form): AppForm<LoginForm>,
) -> AppResult<Response> {
    let now = state.now();
    let email = user::normalize_email(&form.email);
    let ip = ip.to_string();
    let (csrf, _) = login_secret(&headers);
    let next = safe_next(&form.next).unwrap_or_default().to_owned();
    let render = |ctx: PageCtx,
                  status: StatusCode,
                  errors: FormErrors,
                  wait: Option<i64>|
     -> AppResult<Response> {
        let wait = wait.map(|s| wait_words(&ctx, s));
        let page = LoginPage {
            ctx,
            csrf: csrf.clone(),
            email: form.email.clone(),
            next: next.clone(),
            errors,
            wait,
            notice: None,
        };
        Ok((status, Html(page.render()?)).into_response())
    };

    let mut errors = FormErrors::default();
    if email.is_empty() {
        errors.add("email", "login-email-missing");
    }
    if form.password.is_empty() {
        errors.add("password", "login-password-missing");
    }
    if !errors.is_empty() {
        return render(ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None);
    }

    // Throttling, shared through the database: the attempt is reserved before the password
    // is checked. A browser that has logged in to this account before is counted apart
    // from everyone else, and is not held to the account's or the address's ceiling.
    let creds = store::users::credentials(state.db(), &email).await?;
    let keys = attempt_keys(
        &state,
        &headers,
        creds.as_ref().map(|(id, _)| *id),
        &email,
        &ip,
        "",
    )
    .await?;
    let attempt = match reserve_attempt(&state, &keys).await? {
        Ok(a) => a,
        Err(seconds) => {
            tracing::warn!("login throttled");
            // Nothing typed is wrong: the page says how long to wait, not "correct the errors".
            return throttled(
                &state,
                render(
                    ctx,
                    StatusCode::TOO_MANY_REQUESTS,
                    FormErrors::default(),
                    Some(seconds),
                )?,
                seconds,
            );
        }
    };

    let password_given = form.password.clone();
    let verified = match creds {
        Some((user_id, hash)) => {
            let h = hash.clone();
            let ok = state
                .hashing(move || password::verify(&password_given, &h))
                .await?;
            ok.then_some((user_id, hash))
        }
        None => {
            state
                .hashing(move || password::verify_dummy(&password_given))
                .await?;
            None
        }
    };

    let Some((user_id, hash)) = verified else {
        // The attempted address is recorded only when it is one (people type passwords
        // into the wrong field).
        let label = user::Email::parse(&email).map_or_else(
            || "(not an e-mail address)".to_owned(),
            user::Email::into_string,
        );
        let actor = store::Actor {
            user_id: None,
            label: Some(label),
            ip: Some(ip.clone()),
        };
        failed(&state, now, &actor, &attempt, AuditAction::LoginFailed).await?;
        let mut errors = FormErrors::default();
        errors.add("email", "login-failed");
        return render(ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None);
    };
    store::throttle::release(state.db(), &attempt).await?;

    if password::needs_rehash(&hash) {
        let pw = form.password.clone();
        let new_hash = state.hashing(move || password::hash(&pw)).await?;
        store::users::rehash(state.db(), user_id, &new_hash).await?;
    }

    let target = if next.is_empty() {
        ctx.href("/workspace")
    } else {
        next
    };
    // With a second factor, the password only opens the question for the code.
    if store::factors::enrolled(state.db(), user_id).await? {
        return crate::features::platform::second_factor::challenge(&state, &ctx, user_id, &target)
            .await;
    }
    start_session(
        &state,
        user_id,
        ip,
        previous.as_ref().and_then(CurrentUser::session_hash),
        &headers,
        &target,
    )
    .await
}

/// Logs the account in: a new session (replacing the browser's previous one), the browser
/// remembered as known to the account, and a redirect to `target`.
pub(crate) async fn start_session(
    state: &AppState,
    user_id: i64,
    ip: String,
    replaces: Option<&str>,
    headers: &HeaderMap,
    target: &str,
) -> AppResult<Response> {
    let now = state.now();
    // A new session id at every login.
    let secret = token::random_secret();
    let csrf_token = token::random_secret();
    let actor = store::Actor {
        user_id: Some(user_id),
        label: None,
        ip: Some(ip),
    };
    store::sessions::create(
        state.db(),
        now,
        &actor,
        store::sessions::NewSession {
            user_id,
            id_hash: &token::hash_secret(&secret),
            csrf_token: &csrf_token,
            replaces,
            user_agent: headers
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default(),
        },
        state.settings().lifetimes(),
    )
    .await?;
    // This browser is now known to the account (a new mark, or the one it has).
    let (mark, new_mark) = match device_mark(headers) {
        Some(m) => (m.to_owned(), false),
        None => (token::random_secret(), true),
    };
    store::throttle::devices::remember(state.db(), now, user_id, &token::hash_secret(&mark))
        .await?;
    let mut res = Redirect::to(target).into_response();
    principal::append_cookie(&mut res, SESSION_COOKIE, &secret, None);
    principal::append_cookie(&mut res, LOGIN_COOKIE, "", Some(0));
    if new_mark {
        principal::append_cookie(
            &mut res,
            DEVICE_COOKIE,
            &mark,
            Some(store::throttle::devices::LIFETIME),
        );
    }
    Ok(res)
}

pub async fn logout(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
) -> AppResult<Response> {
    user.require(Permission::UseWorkspace)?;
    if let Some(id_hash) = user.session_hash() {
        let actor = store::Actor {
            user_id: Some(user.id),
            label: None,
            ip: Some(ip.to_string()),
        };
        store::sessions::logout(state.db(), state.now(), &actor, id_hash).await?;
    }
    let mut res = Redirect::to(&ctx.href("/")).into_response();
    principal::append_cookie(&mut res, SESSION_COOKIE, "", Some(0));
    res.headers_mut().insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"storage\""),
    );
    Ok(res)
}

#[derive(Template)]
#[template(path = "auth/set_password.html")]
struct SetPasswordPage {
    ctx: PageCtx,
    csrf: String,
    action: String,
    /// The account's name; `None` when the link is not valid.
    name: Option<String>,
    /// The account has a second factor: a code is asked too.
    code: bool,
    errors: FormErrors,
    wait: Option<String>,
}

/// How long a link from "Forgot your password?" works: one hour.
pub const RESET_LINK_SECONDS: i64 = 3600;

#[derive(Template)]
#[template(path = "auth/forgot.html")]
struct ForgotPage {
    ctx: PageCtx,
    csrf: String,
    email: String,
    sent: bool,
    errors: FormErrors,
}

#[derive(Debug, Deserialize)]
pub struct ForgotQuery {
    sent: Option<String>,
}

/// `GET /{lang}/password/forgot`: the address to send a link to (after a request,
/// `?sent=1`: the same answer whether or not the address has an account).
pub async fn forgot_form(
    ctx: PageCtx,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<ForgotQuery>,
) -> AppResult<Response> {
    let (csrf, is_new) = login_secret(&headers);
    let page = ForgotPage {
        ctx,
        csrf: csrf.clone(),
        email: String::new(),
        sent: q.sent.is_some(),
        errors: FormErrors::default(),
    };
    Ok(with_login_cookie(
        Html(page.render()?).into_response(),
        &csrf,
        is_new,
    ))
}

#[derive(Debug, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// `POST /{lang}/password/forgot`: for an enabled account with this address, a single-use
/// link valid one hour by e-mail (not again within five minutes); the answer is the same
/// either way. Counted against the public forms' ceiling per client address.
pub async fn forgot_submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<ForgotForm>,
) -> AppResult<Response> {
    let Some(email) = domain::user::Email::parse(&f.email) else {
        let mut errors = FormErrors::default();
        errors.add("email", "user-email-invalid");
        let (csrf, _) = login_secret(&headers);
        let page = ForgotPage {
            ctx,
            csrf,
            email: f.email,
            sent: false,
            errors,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    };
    let now = state.now();
    let secret = token::random_secret();
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let actor = store::Actor {
        user_id: None,
        label: Some("password reset".to_owned()),
        ip: Some(ip.to_string()),
    };
    store::tokens::request_password_reset(
        state.db(),
        now,
        &actor,
        email.as_str(),
        &token::hash_secret(&secret),
        now + RESET_LINK_SECONDS,
        |name, lang| {
            let lang = crate::i18n::Lang::parse(lang).unwrap_or(ctx.lang);
            let link = format!("{base}/{}/password/set/{secret}", lang.code());
            store::outbox::Outgoing {
                kind: "password_reset".to_owned(),
                lang: lang.code().to_owned(),
                unsubscribe: None,
                subject: crate::i18n::t(lang, "mail-password-reset-subject"),
                body: crate::i18n::t_args(
                    lang,
                    "mail-password-reset-body",
                    &[
                        ("name", fluent_bundle::FluentValue::from(name.to_owned())),
                        ("link", fluent_bundle::FluentValue::from(link)),
                    ],
                ),
            }
        },
    )
    .await?;
    Ok(Redirect::to(&ctx.href("/password/forgot?sent=1")).into_response())
}

pub async fn set_password_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path((_lang, link)): Path<(String, String)>,
) -> AppResult<Response> {
    let found =
        store::tokens::password_link_user(state.db(), state.now(), &token::hash_secret(&link))
            .await?;
    let (csrf, is_new) = login_secret(&headers);
    let status = if found.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let code = match &found {
        Some((id, _, _)) => store::factors::enrolled(state.db(), *id).await?,
        None => false,
    };
    let page = SetPasswordPage {
        action: ctx.href(&format!("/password/set/{link}")),
        ctx,
        csrf: csrf.clone(),
        name: found.map(|(_, name, _)| name),
        code,
        errors: FormErrors::default(),
        wait: None,
    };
    Ok(with_login_cookie(
        (status, Html(page.render()?)).into_response(),
        &csrf,
        is_new,
    ))
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
    /// A code from the app or a recovery code, when the account has a second factor.
    #[serde(default)]
    code: String,
}

impl std::fmt::Debug for NewPasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPasswordForm { .. }")
    }
}

/// Checks a new password and its confirmation; adds the errors to `errors`.
pub fn check_new_password(
    errors: &mut FormErrors,
    new_password: &str,
    confirm: &str,
    name: &str,
    email: &str,
) {
    if let Err(problem) = password::check_new(new_password, name, email) {
        errors.add("new_password", problem.message_id());
    } else if new_password != confirm {
        errors.add("confirm_password", "password-mismatch");
    }
}

pub async fn set_password_submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    Path((_lang, link)): Path<(String, String)>,
    AppForm(form): AppForm<NewPasswordForm>,
) -> AppResult<Response> {
    let now = state.now();
    let link_hash = token::hash_secret(&link);
    let Some((user_id, name, email)) =
        store::tokens::password_link_user(state.db(), now, &link_hash).await?
    else {
        return Err(AppError::NotFound);
    };
    // With a second factor, the mailbox alone does not open the account: a code too.
    let with_code = store::factors::enrolled(state.db(), user_id).await?;
    let mut errors = FormErrors::default();
    check_new_password(
        &mut errors,
        &form.new_password,
        &form.confirm_password,
        &name,
        &email,
    );
    if with_code && form.code.trim().is_empty() {
        errors.add("code", "mfa-code-missing");
    }
    let render = |ctx: PageCtx, status: StatusCode, errors: FormErrors, wait: Option<i64>| {
        let (csrf, _) = login_secret(&headers);
        let wait = wait.map(|s| wait_words(&ctx, s));
        let page = SetPasswordPage {
            action: ctx.href(&format!("/password/set/{link}")),
            ctx,
            csrf,
            name: Some(name.clone()),
            code: with_code,
            errors,
            wait,
        };
        AppResult::Ok((status, Html(page.render()?)).into_response())
    };
    if !errors.is_empty() {
        return render(ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None);
    }
    if with_code {
        let ip = ip.to_string();
        let keys = attempt_keys(&state, &headers, Some(user_id), &email, &ip, "code ").await?;
        let attempt =
            match crate::features::platform::second_factor::reserve_code_attempt(&state, &keys)
                .await?
            {
                Ok(a) => a,
                Err(seconds) => {
                    return throttled(
                        &state,
                        render(
                            ctx,
                            StatusCode::TOO_MANY_REQUESTS,
                            FormErrors::default(),
                            Some(seconds),
                        )?,
                        seconds,
                    );
                }
            };
        let actor = store::Actor {
            user_id: None,
            label: Some(email.clone()),
            ip: Some(ip),
        };
        // The lock of the sign-in's code step does not hold here: this is how the owner,
        // with their mailbox and their phone, gets out of it.
        if let Err(message) = crate::features::platform::second_factor::verify_code(
            &state, &actor, user_id, &form.code, &attempt, false,
        )
        .await?
        {
            let mut errors = FormErrors::default();
            errors.add("code", message);
            return render(ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None);
        }
        store::throttle::release(state.db(), &attempt).await?;
    }
    let pw = form.new_password;
    let hash = state.hashing(move || password::hash(&pw)).await?;
    let actor = store::Actor {
        user_id: None,
        label: None,
        ip: Some(ip.to_string()),
    };
    // The owner hears of it (whoever used the link), in the language of the page they
    // will read it from.
    let notice = crate::account_mail::notice(
        ctx.lang,
        crate::account_mail::AccountChange::PasswordSet,
        &name,
    );
    store::tokens::use_password_link(state.db(), now, &actor, &link_hash, &hash, &notice).await?;
    Ok(Redirect::to(&ctx.href("/login?notice=password-set")).into_response())
}

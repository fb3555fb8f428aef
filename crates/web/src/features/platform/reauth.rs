//! "Confirm it is you": the password (and a code, where the account has a second factor)
//! given again before a sensitive action (`crate::reauth`), then back to where the user was.
//! Wrong passwords and codes are throttled as at sign-in.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::password;
use serde::Deserialize;

use crate::AppState;
use crate::features::platform::login::{reserve_attempt, safe_next, throttled, wait_words};
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Template)]
#[template(path = "auth/confirm.html")]
struct ConfirmPage {
    ctx: PageCtx,
    next: String,
    /// Ask for a code from the app too.
    code: bool,
    errors: FormErrors,
    wait: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ConfirmQuery {
    next: Option<String>,
}

/// `GET /{lang}/account/confirm?next=…`
pub async fn form(
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<ConfirmQuery>,
) -> AppResult<Response> {
    let page = ConfirmPage {
        next: q
            .next
            .as_deref()
            .and_then(safe_next)
            .map_or_else(|| ctx.href("/workspace"), str::to_owned),
        ctx,
        code: user.has_factor,
        errors: FormErrors::default(),
        wait: None,
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

impl std::fmt::Debug for ConfirmForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ConfirmForm { .. }")
    }
}

/// `POST /{lang}/account/confirm`: a right password (and code) marks the session as proved
/// now, and goes back to `next`.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    headers: axum::http::HeaderMap,
    AppForm(f): AppForm<ConfirmForm>,
) -> AppResult<Response> {
    let next = safe_next(&f.next).map_or_else(|| ctx.href("/workspace"), str::to_owned);
    let Some(session) = user.session_hash().map(str::to_owned) else {
        return Err(crate::http::error::AppError::Forbidden);
    };
    let render = |ctx: PageCtx, status: StatusCode, errors: FormErrors, wait: Option<i64>| {
        let wait = wait.map(|s| wait_words(&ctx, s));
        let page = ConfirmPage {
            ctx,
            next: next.clone(),
            code: user.has_factor,
            errors,
            wait,
        };
        AppResult::Ok((status, Html(page.render()?)).into_response())
    };
    let mut errors = FormErrors::default();
    if f.password.is_empty() {
        errors.add("password", "login-password-missing");
    }
    if user.has_factor && f.code.trim().is_empty() {
        errors.add("code", "mfa-code-missing");
    }
    if !errors.is_empty() {
        return render(ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None);
    }
    // The sign-in throttle's keys for this account and address: a stolen session cannot
    // guess the password here faster than at the sign-in page.
    let ip_text = ip.to_string();
    let keys = crate::features::platform::login::attempt_keys(
        &state,
        &headers,
        Some(user.id),
        &user.email,
        &ip_text,
        "",
    )
    .await?;
    let attempt = match reserve_attempt(&state, &keys).await? {
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
    let hash = store::users::credentials(state.db(), &user.email)
        .await?
        .filter(|(id, _)| *id == user.id)
        .map(|(_, h)| h);
    let given = f.password.clone();
    let right = match hash {
        Some(h) => state.hashing(move || password::verify(&given, &h)).await?,
        None => false,
    };
    let actor = user.actor(ip);
    if !right {
        crate::features::platform::login::failed(
            &state,
            state.now(),
            &actor,
            &attempt,
            AuditAction::LoginFailed,
        )
        .await?;
        let mut errors = FormErrors::default();
        errors.add("password", "reauth-password-wrong");
        return render(ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None);
    }
    store::throttle::release(state.db(), &attempt).await?;
    // The code under the code step's own keys and ceiling, as at sign-in.
    if user.has_factor {
        let keys = crate::features::platform::login::attempt_keys(
            &state,
            &headers,
            Some(user.id),
            &user.email,
            &ip_text,
            "code ",
        )
        .await?;
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
        if let Err(message) = crate::features::platform::second_factor::verify_code(
            &state, &actor, user.id, &f.code, &attempt, true,
        )
        .await?
        {
            let mut errors = FormErrors::default();
            errors.add("code", message);
            return render(ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None);
        }
        store::throttle::release(state.db(), &attempt).await?;
    }
    store::sessions::proved(state.db(), state.now(), &actor, &session).await?;
    Ok(Redirect::to(&next).into_response())
}

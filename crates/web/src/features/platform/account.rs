//! The user's own account: password, sessions and API tokens.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::{password, token, user};
use serde::Deserialize;

use crate::AppState;
use crate::features::platform::login::{check_new_password, reserve_attempt, throttled};
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Template)]
#[template(path = "account/index.html")]
struct AccountPage {
    ctx: PageCtx,
    name: String,
    email: String,
    role_label_id: &'static str,
    tokens: Vec<store::tokens::ApiToken>,
    sessions: Vec<SessionLine>,
    /// Two-step sign-in is on.
    has_factor: bool,
    /// The e-mail notices the user's role can get, each on or off.
    notice_choices: Vec<crate::features::platform::notices::Choice>,
    /// A weekly digest instead of single mails.
    digest: bool,
    now: i64,
    new_token: Option<String>,
    label: String,
    notice: Option<&'static str>,
    errors: FormErrors,
}

impl AccountPage {
    async fn load(state: &AppState, ctx: PageCtx, user: &CurrentUser) -> AppResult<AccountPage> {
        let sessions = store::sessions::list_for_user(
            state.db(),
            state.now(),
            user.id,
            state.settings().lifetimes(),
        )
        .await?
        .into_iter()
        .map(|s| SessionLine {
            current: user.session_hash().map(store::sessions::handle) == Some(s.handle.clone()),
            what: agent_words(&ctx, &s.user_agent),
            id: s.handle,
            ip: s.ip,
            started: s.created_at,
            seen: s.last_seen_at,
        })
        .collect::<Vec<_>>();
        // This session first.
        let mut sessions = sessions;
        sessions.sort_by_key(|s| !s.current);
        let (notice_choices, digest) =
            crate::features::platform::notices::choices(state, user).await?;
        Ok(AccountPage {
            notice_choices,
            digest,
            has_factor: user.has_factor,
            ctx,
            name: user.name.clone(),
            email: user.email.clone(),
            role_label_id: user.role.label_key(),
            tokens: store::tokens::list_api_tokens(state.db(), user.id).await?,
            sessions,
            now: state.now(),
            new_token: None,
            label: String::new(),
            notice: None,
            errors: FormErrors::default(),
        })
    }
}

/// One of the user's sessions on the account page.
#[derive(Debug)]
struct SessionLine {
    id: String,
    /// "Firefox (Android)"
    what: String,
    ip: String,
    started: i64,
    seen: i64,
    /// The session this page is read in.
    current: bool,
}

/// A user agent in words: browser and system, or "another browser" where unknown.
fn agent_words(ctx: &PageCtx, ua: &str) -> String {
    let d = domain::agent::describe(ua);
    let browser = d
        .browser
        .map_or_else(|| ctx.t("session-browser-unknown"), str::to_owned);
    let system = d
        .system
        .map_or_else(|| ctx.t("session-system-unknown"), str::to_owned);
    format!("{browser} ({system})")
}

#[derive(Debug, Deserialize)]
pub struct EndSessionsForm {
    /// One session's id, or empty for all the others.
    #[serde(default)]
    session: String,
}

/// `POST /{lang}/account/sessions/end`: ends one other session of the user, or all others.
pub async fn end_sessions(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(form): AppForm<EndSessionsForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let keep = user.session_hash().unwrap_or_default();
    let which = Some(form.session.trim()).filter(|s| !s.is_empty());
    store::sessions::end_others(
        state.db(),
        state.now(),
        &user.actor(ip),
        user.id,
        keep,
        which,
    )
    .await?;
    Ok(Redirect::to(&ctx.href("/account?notice=sessions-ended#sessions-heading")).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageOwnAccount)?;
    let mut page = AccountPage::load(&state, ctx, &user).await?;
    page.notice = match q.notice.as_deref() {
        Some("password-changed") => Some("password-changed"),
        Some("token-revoked") => Some("token-revoked"),
        Some("sessions-ended") => Some("sessions-ended"),
        Some("notices-saved") => Some("notices-saved"),
        _ => None,
    };
    Ok(Html(page.render()?))
}

#[derive(Deserialize)]
pub struct ChangePasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

impl std::fmt::Debug for ChangePasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangePasswordForm { .. }")
    }
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(form): AppForm<ChangePasswordForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let mut errors = FormErrors::default();
    // Guessing the current password with a hijacked session counts like failed logins.
    let keys = store::throttle::Keys {
        pair: format!("{}\n{ip}", user.email),
        account: Some(user.email.clone()),
        address: Some(ip.to_string()),
    };
    let attempt = match reserve_attempt(&state, &keys).await? {
        Ok(a) => a,
        Err(seconds) => {
            let mut page = AccountPage::load(&state, ctx, &user).await?;
            page.errors
                .add("current_password", "password-change-throttled");
            return throttled(
                &state,
                (StatusCode::TOO_MANY_REQUESTS, Html(page.render()?)).into_response(),
                seconds,
            );
        }
    };
    let stored = store::users::password_hash(state.db(), user.id).await?;
    let current = form.current_password.clone();
    let current_ok = match stored {
        Some(h) => {
            state
                .hashing(move || password::verify(&current, &h))
                .await?
        }
        None => false,
    };
    if current_ok {
        store::throttle::release(state.db(), &attempt).await?;
    } else {
        crate::features::platform::login::failed(
            &state,
            state.now(),
            &user.actor(ip),
            &attempt,
            AuditAction::PasswordChangeFailed,
        )
        .await?;
        errors.add("current_password", "password-current-wrong");
    }
    check_new_password(
        &mut errors,
        &form.new_password,
        &form.confirm_password,
        &user.name,
        &user.email,
    );
    if !errors.is_empty() {
        let mut page = AccountPage::load(&state, ctx, &user).await?;
        page.errors = errors;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    }
    let pw = form.new_password;
    let hash = state.hashing(move || password::hash(&pw)).await?;
    let actor = user.actor(ip);
    // Other sessions end; this one goes on.
    store::users::set_password(
        state.db(),
        state.now(),
        &actor,
        user.id,
        &hash,
        user.session_hash(),
    )
    .await?;
    Ok(Redirect::to(&ctx.href("/account?notice=password-changed")).into_response())
}

#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    label: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(form): AppForm<TokenForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let Some(label) = user::parse_token_label(&form.label) else {
        let mut page = AccountPage::load(&state, ctx, &user).await?;
        page.label = form.label;
        page.errors.add("label", "token-label-invalid");
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    };
    let secret = token::new_api_token();
    let actor = user.actor(ip);
    store::tokens::create_api_token(
        state.db(),
        state.now(),
        &actor,
        user.id,
        &label,
        &token::hash_secret(&secret),
        None,
    )
    .await?;
    let mut page = AccountPage::load(&state, ctx, &user).await?;
    page.new_token = Some(secret);
    Ok(Html(page.render()?).into_response())
}

pub async fn revoke_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let id = parse_id(&id)?;
    let actor = user.actor(ip);
    store::tokens::revoke_api_token(state.db(), state.now(), &actor, user.id, id).await?;
    Ok(Redirect::to(&ctx.href("/account?notice=token-revoked")).into_response())
}

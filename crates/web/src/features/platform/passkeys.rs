//! Passkeys (WebAuthn, with webauthn-rs) as a second kind of second factor, besides the
//! authenticator app: registered on the account page (after a fresh sign-in) by an account
//! that has the app's factor, used at the sign-in's second step instead of a code. They need
//! JavaScript and a browser with WebAuthn; without them the app's code is the way (the
//! buttons stay hidden). The relying party is `public_url`'s host; the server keeps each
//! ceremony's half (`store::passkeys`), single use, five minutes.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Json, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use serde::Deserialize;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Uuid, Webauthn, WebauthnBuilder,
};

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser, MaybeUser};

/// The relying party the settings describe (`public_url`): its host is the RP id. `None`
/// when that cannot be one — a host given as an IP address, which WebAuthn does not accept —
/// and then passkeys are not offered (the page says why).
pub(crate) fn relying_party(state: &AppState) -> Option<Webauthn> {
    let origin = url::Url::parse(&state.settings().public_url).ok()?;
    let host = match origin.host()? {
        url::Host::Domain(d) => d.to_owned(),
        url::Host::Ipv4(_) | url::Host::Ipv6(_) => return None,
    };
    WebauthnBuilder::new(&host, &origin)
        .and_then(|b| b.rp_name("Romu platforma").build())
        .ok()
}

/// The relying party, or a bad request where passkeys cannot work.
fn required_rp(state: &AppState) -> AppResult<Webauthn> {
    relying_party(state).ok_or(AppError::BadRequest)
}

#[derive(Template)]
#[template(path = "account/passkeys.html")]
struct PasskeysPage {
    ctx: PageCtx,
    passkeys: Vec<store::passkeys::Passkey>,
    has_factor: bool,
    /// `public_url` names a domain (WebAuthn needs one).
    available: bool,
    name: String,
    errors: FormErrors,
    notice: Option<&'static str>,
}

async fn load(state: &AppState, ctx: PageCtx, user: &CurrentUser) -> AppResult<PasskeysPage> {
    Ok(PasskeysPage {
        passkeys: store::passkeys::list(state.db(), user.id).await?,
        has_factor: user.has_factor,
        available: relying_party(state).is_some(),
        name: String::new(),
        errors: FormErrors::default(),
        notice: None,
        ctx,
    })
}

/// `GET /{lang}/account/passkeys`.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageOwnAccount)?;
    let mut p = load(&state, ctx, &user).await?;
    p.notice = match q.notice.as_deref().unwrap_or_default() {
        "added" => Some("passkey-added"),
        "removed" => Some("passkey-removed"),
        _ => None,
    };
    Ok(Html(p.render()?))
}

/// A passkey's name: 1–80 characters of one line.
fn name_ok(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty() && domain::text::check_text(name, 80, false).is_ok()
}

fn register_owner(user: i64) -> String {
    format!("register:{user}")
}

/// `POST /{lang}/account/passkeys/begin` (from the page's script): the options for
/// `navigator.credentials.create`, as JSON; the server's half is kept.
pub async fn begin_registration(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    AppForm(f): AppForm<RegisterFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    if !user.has_factor {
        // Passkeys come after the app's factor (the page says so).
        return Err(AppError::BadRequest);
    }
    // What would be refused at the end is refused before the device makes a credential
    // (one made and then refused would stay in the owner's password manager).
    let refusal = if !name_ok(&f.name) {
        Some("passkey-name-invalid")
    } else if store::passkeys::list(state.db(), user.id).await?.len()
        >= usize::try_from(store::passkeys::MAX_PER_ACCOUNT).unwrap_or(usize::MAX)
    {
        Some("passkey-too-many")
    } else {
        None
    };
    if let Some(message) = refusal {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "message": ctx.t(message) })),
        )
            .into_response());
    }
    let rp = required_rp(&state)?;
    let handle = store::passkeys::handle(state.db(), user.id).await?;
    let existing: Vec<Passkey> = store::passkeys::credentials(state.db(), user.id)
        .await?
        .into_iter()
        .filter_map(|(_, json)| serde_json::from_str(&json).ok())
        .collect();
    let exclude = existing.iter().map(|p| p.cred_id().clone()).collect();
    let (options, registration) = rp
        .start_passkey_registration(
            Uuid::from_bytes(handle),
            &user.email,
            &user.name,
            Some(exclude),
        )
        .map_err(|e| AppError::internal(format!("WebAuthn: {e}")))?;
    let kept = serde_json::to_string(&registration).map_err(AppError::internal)?;
    store::passkeys::begin(state.db(), state.now(), &register_owner(user.id), &kept).await?;
    Ok(Json(options).into_response())
}

#[derive(Default, Deserialize)]
pub struct RegisterFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    credential: String,
}

/// `POST /{lang}/account/passkeys`: the browser's new credential, checked against the kept
/// half; stored with its name. Audited; the owner is mailed.
pub async fn finish_registration(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<RegisterFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let mut errors = FormErrors::default();
    let name = f.name.trim();
    if !name_ok(name) {
        errors.add("name", "passkey-name-invalid");
    }
    let kept = store::passkeys::take(state.db(), state.now(), &register_owner(user.id)).await?;
    let credential: Option<RegisterPublicKeyCredential> = serde_json::from_str(&f.credential).ok();
    let registration: Option<PasskeyRegistration> =
        kept.and_then(|k| serde_json::from_str(&k).ok());
    if errors.is_empty() {
        let made = match (credential, registration) {
            (Some(c), Some(r)) => required_rp(&state)?
                .finish_passkey_registration(&c, &r)
                .inspect_err(|e| tracing::warn!(error = %e, "passkey registration refused"))
                .ok(),
            _ => None,
        };
        match made {
            None => errors.add("name", "passkey-failed"),
            Some(passkey) => {
                let json = serde_json::to_string(&passkey).map_err(AppError::internal)?;
                let lang = ctx.lang;
                let mail = crate::account_mail::notice(
                    lang,
                    crate::account_mail::AccountChange::PasskeyAdded,
                    &user.name,
                );
                match store::passkeys::add(
                    state.db(),
                    state.now(),
                    &user.actor(ip),
                    user.id,
                    (passkey.cred_id().as_slice(), name, &json),
                    (&user.email, &mail),
                )
                .await
                {
                    Ok(_) => {
                        return Ok(Redirect::to(&ctx.href("/account/passkeys?notice=added"))
                            .into_response());
                    }
                    Err(store::Error::Conflict(store::Conflict::Platform(
                        store::PlatformConflict::TooMany,
                    ))) => errors.add("name", "passkey-too-many"),
                    Err(store::Error::Conflict(_)) => errors.add("name", "passkey-failed"),
                    Err(e) => return Err(e.into()),
                }
            }
        }
    }
    let mut p = load(&state, ctx, &user).await?;
    p.name = f.name.clone();
    p.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

/// `POST /{lang}/account/passkeys/{id}/delete`.
pub async fn remove(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(_f): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let mail = crate::account_mail::notice(
        ctx.lang,
        crate::account_mail::AccountChange::PasskeyRemoved,
        &user.name,
    );
    store::passkeys::remove(
        state.db(),
        state.now(),
        &user.actor(ip),
        user.id,
        parse_id(&id)?,
        (&user.email, &mail),
    )
    .await?;
    Ok(Redirect::to(&ctx.href("/account/passkeys?notice=removed")).into_response())
}

fn sign_in_owner(challenge_hash: &str) -> String {
    format!("sign_in:{challenge_hash}")
}

/// The account's passkeys as webauthn-rs reads them: (stored id, passkey).
async fn passkeys_of(state: &AppState, user: i64) -> AppResult<Vec<(i64, Passkey)>> {
    Ok(store::passkeys::credentials(state.db(), user)
        .await?
        .into_iter()
        .filter_map(|(id, json)| serde_json::from_str(&json).ok().map(|p| (id, p)))
        .collect())
}

/// `POST /{lang}/login/passkey/begin` (the code page's script): the options for
/// `navigator.credentials.get` for the account whose password was right, as JSON.
pub async fn begin_sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    AppForm(_f): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let Some((hash, user_id, _, _)) =
        crate::features::platform::second_factor::live_challenge(&state, &headers).await?
    else {
        return Err(AppError::NotFound);
    };
    let keys: Vec<Passkey> = passkeys_of(&state, user_id)
        .await?
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    if keys.is_empty() {
        return Err(AppError::NotFound);
    }
    let (options, auth) = required_rp(&state)?
        .start_passkey_authentication(&keys)
        .map_err(|e| AppError::internal(format!("WebAuthn: {e}")))?;
    let kept = serde_json::to_string(&auth).map_err(AppError::internal)?;
    store::passkeys::begin(state.db(), state.now(), &sign_in_owner(&hash), &kept).await?;
    Ok(Json(options).into_response())
}

#[derive(Default, Deserialize)]
pub struct SignInFields {
    #[serde(default)]
    credential: String,
}

/// `POST /{lang}/login/passkey`: the browser's assertion, checked against the kept half and
/// the account's passkeys; right, it ends the second step as a right code does. Throttled as
/// codes are (a failure counts as a wrong code).
pub async fn finish_sign_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    MaybeUser(previous): MaybeUser,
    AppForm(f): AppForm<SignInFields>,
) -> AppResult<Response> {
    let Some((hash, user_id, email, next)) =
        crate::features::platform::second_factor::live_challenge(&state, &headers).await?
    else {
        return crate::features::platform::second_factor::expired_page(ctx);
    };
    let ip = ip.to_string();
    let keys = crate::features::platform::login::attempt_keys(
        &state,
        &headers,
        Some(user_id),
        &email,
        &ip,
        "code ",
    )
    .await?;
    let attempt = match crate::features::platform::second_factor::reserve_code_attempt(
        &state, &keys,
    )
    .await?
    {
        Ok(a) => a,
        Err(seconds) => {
            return crate::features::platform::second_factor::code_page(
                &state,
                ctx,
                &headers,
                None,
                Some(seconds),
            )
            .await;
        }
    };
    let kept = store::passkeys::take(state.db(), state.now(), &sign_in_owner(&hash)).await?;
    let auth: Option<PasskeyAuthentication> = kept.and_then(|k| serde_json::from_str(&k).ok());
    let credential: Option<PublicKeyCredential> = serde_json::from_str(&f.credential).ok();
    let result = match (auth, credential) {
        (Some(a), Some(c)) => required_rp(&state)?
            .finish_passkey_authentication(&c, &a)
            // A counter that did not go up (a cloned key?) is refused by the library; the
            // reason goes to the log, the attempt counts as a wrong code.
            .inspect_err(|e| tracing::warn!(error = %e, "passkey sign-in refused"))
            .ok(),
        _ => None,
    };
    let mut matched = None;
    if let Some(r) = &result {
        for (id, mut p) in passkeys_of(&state, user_id).await? {
            if p.cred_id() == r.cred_id() {
                p.update_credential(r);
                matched = Some((id, p));
            }
        }
    }
    let Some((id, passkey)) = matched else {
        let actor = store::Actor {
            user_id: None,
            label: Some(email.clone()),
            ip: Some(ip.clone()),
        };
        crate::features::platform::login::failed(
            &state,
            state.now(),
            &actor,
            &attempt,
            AuditAction::MfaFailed,
        )
        .await?;
        return crate::features::platform::second_factor::code_page(
            &state,
            ctx,
            &headers,
            Some("passkey-sign-in-failed"),
            None,
        )
        .await;
    };
    let json = serde_json::to_string(&passkey).map_err(AppError::internal)?;
    store::passkeys::used(state.db(), state.now(), id, &json).await?;
    store::throttle::release(state.db(), &attempt).await?;
    crate::features::platform::second_factor::finish_second_step(
        &state,
        &headers,
        (&hash, user_id, ip),
        previous.as_ref().and_then(CurrentUser::session_hash),
        &next,
    )
    .await
}

crate::http::forms::debug_without_text!(RegisterFields, SignInFields);

//! The API caller itself: `/api/v1/me` and personal API tokens (list, create, revoke).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::auth::Permission;
use domain::{token, user};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::http::dates::rfc3339;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::parse_id;
use crate::http::paging::{Page, Paging};
use crate::http::problem::Problem;
use crate::principal::{ClientIp, CurrentUser};

/// The caller's own account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    id: i64,
    email: String,
    name: String,
    #[schema(example = "coordinator")]
    role: String,
    organisation_id: Option<i64>,
    /// The permissions the role grants.
    permissions: Vec<String>,
}

/// Who am I?
///
/// The token's user: id, name, e-mail, role and the permissions the role grants. A quick way to
/// check a token works.
#[utoipa::path(
    get, path = "/api/v1/me", operation_id = "getMe", tag = "Account",
    responses((status = 200, body = Me), (status = 401, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn me(user: CurrentUser) -> AppResult<Json<Me>> {
    user.require(Permission::UseWorkspace)?;
    Ok(Json(Me {
        id: user.id,
        email: user.email.clone(),
        name: user.name.clone(),
        role: user.role.as_str().to_owned(),
        organisation_id: user.organisation_id,
        permissions: Permission::ALL
            .into_iter()
            .filter(|p| user.can(*p))
            .map(|p| format!("{p:?}"))
            .collect(),
    }))
}

/// A personal API token, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenInfo {
    id: i64,
    label: String,
    /// RFC 3339, UTC.
    created_at: String,
    revoked_at: Option<String>,
    /// When it stops working (RFC 3339, UTC): 180 days after it was made.
    expires_at: String,
}

/// List my API tokens
///
/// The caller's personal tokens with their labels, when each was made, revoked and expires. The
/// secrets themselves are never shown again.
#[utoipa::path(
    get, path = "/api/v1/me/tokens", operation_id = "listTokens", tag = "Account", params(Paging),
    responses((status = 200, body = Page<TokenInfo>), (status = 401, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn list_tokens(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<TokenInfo>>> {
    user.require(Permission::ManageOwnAccount)?;
    let tokens = store::tokens::list_api_tokens(state.db(), user.id).await?;
    Ok(Json(
        paging.of(tokens
            .into_iter()
            .map(|t| TokenInfo {
                id: t.id,
                label: t.label,
                created_at: rfc3339(t.created_at),
                revoked_at: t.revoked_at.map(rfc3339),
                expires_at: rfc3339(t.expires_at),
            })
            .collect()),
    ))
}

/// What to call a new token.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// 1–100 characters.
    #[schema(min_length = 1, max_length = 100)]
    label: String,
}

/// A new token; `token` is shown this once and never again. It works until `expires_at`
/// (180 days).
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedToken {
    id: i64,
    label: String,
    token: String,
    expires_at: String,
}

/// Make a new API token
///
/// A new personal token for the caller, valid for 180 days. The secret is in the answer once
/// and stored only as a hash. From a browser session this needs the password given again within
/// the last minutes, as the account page does.
#[utoipa::path(
    post, path = "/api/v1/me/tokens", operation_id = "createToken", tag = "Account",
    request_body = NewToken,
    responses(
        (status = 201, body = CreatedToken),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
pub async fn create_token(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    body: Result<Json<NewToken>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let Ok(Json(body)) = body else {
        return Err(AppError::BadRequest);
    };
    let Some(label) = user::parse_token_label(&body.label) else {
        let mut errors = crate::http::forms::FormErrors::default();
        errors.add("label", "token-label-invalid");
        return Ok(crate::http::problem::invalid(&errors));
    };
    let secret = token::new_api_token();
    let now = state.now();
    let id = store::tokens::create_api_token(
        state.db(),
        now,
        &user.actor(ip),
        user.id,
        &label,
        &token::hash_secret(&secret),
        user.token_id(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            id,
            label,
            token: secret,
            expires_at: rfc3339(store::tokens::expires_at(state.db(), id).await?),
        }),
    )
        .into_response())
}

/// Revoke one of my API tokens
///
/// Revokes the token and every token made with it: they stop working at once.
#[utoipa::path(
    post, path = "/api/v1/me/tokens/{id}/revoke", operation_id = "revokeToken", tag = "Account",
    params(("id" = i64, Path, description = "The token's id")),
    responses(
        (status = 204),
        (status = 404, body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
pub async fn revoke_token(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    user.require(Permission::ManageOwnAccount)?;
    let id = parse_id(&id)?;
    store::tokens::revoke_api_token(state.db(), state.now(), &user.actor(ip), user.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

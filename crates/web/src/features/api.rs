//! The JSON API under `/api/v1`: bearer tokens (or a browser session with its CSRF
//! header), the same permissions as the pages, RFC 9457 problem+json errors, and an
//! OpenAPI document generated from these handlers.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::auth::Permission;
use domain::{token, user};
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use crate::AppState;
use crate::http::dates::rfc3339;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::parse_id;
use crate::http::problem::Problem;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "Roma Platform API",
        version = "1",
        description = "The JSON API of Roma Platform. Authenticate with a personal token: `Authorization: Bearer roma_…`. Errors are RFC 9457 problem+json."
    ),
    paths(
        crate::features::public::healthz,
        crate::features::public::readyz,
        me,
        list_tokens,
        create_token,
        revoke_token,
        crate::features::territories::api_list,
        crate::features::directory_api::list_orgs,
        crate::features::directory_api::create_org,
        crate::features::directory_api::get_org,
        crate::features::directory_api::patch_org,
        crate::features::directory_api::list_people,
        crate::features::directory_api::create_person,
        crate::features::directory_api::get_person,
        crate::features::directory_api::patch_person,
        crate::features::events_api::list,
        crate::features::events_api::get,
        crate::features::events_api::registrations,
        crate::features::attendance_api::list,
        crate::features::attendance_api::post,
        crate::features::statistics::api,
        crate::features::mediation_figures::api,
        crate::features::news::api,
        crate::features::practices::api,
        crate::features::stories::api,
        crate::features::plans_api::plans,
        crate::features::plans_api::measures,
        crate::features::plans_api::indicators,
        crate::features::plans_api::submit
    ),
    components(schemas(
        Me,
        TokenInfo,
        NewToken,
        CreatedToken,
        Problem,
        Health,
        Readiness,
        WorkerJson,
        OutboxJson,
        crate::features::territories::TerritoryJson,
        crate::features::territories::UnitRef,
        crate::features::directory_api::OrganisationJson,
        crate::features::directory_api::OrganisationInput,
        crate::features::directory_api::PersonJson,
        crate::features::directory_api::PersonInput,
        crate::features::directory_api::MembershipJson,
        crate::features::directory_api::PersonListItem,
        crate::features::events_api::EventJson,
        crate::features::events_api::EventOrganisationJson,
        crate::features::events_api::AgendaItemJson,
        crate::features::events_api::RegistrationJson,
        crate::features::attendance_api::AttendanceJson,
        crate::features::attendance_api::ParticipantInput,
        crate::features::attendance_api::CreatedJson,
        crate::features::plans_api::PlanJson,
        crate::features::plans_api::TaskJson,
        crate::features::plans_api::OrganisationRef,
        crate::features::plans_api::MeasureJson,
        crate::features::plans_api::ProgressJson,
        crate::features::plans_api::ReportedValue,
        crate::features::plans_api::IndicatorJson,
        crate::features::plans_api::IndicatorValueJson,
        crate::features::plans_api::SubmissionInput,
        crate::features::plans_api::SubmissionJson
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// The health check's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    status: String,
}

/// The readiness check's answer: the database, every background worker and the mail
/// waiting to go.
#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// `ready`, or `unavailable` when the database does not answer or a worker is overdue.
    #[schema(example = "ready")]
    pub status: String,
    pub database: bool,
    pub workers: Vec<WorkerJson>,
    pub outbox: OutboxJson,
}

/// One background worker: how often it runs and when it last succeeded.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerJson {
    #[schema(example = "mail")]
    pub name: String,
    pub every_seconds: u64,
    /// RFC 3339; absent before its first success.
    pub last_success: Option<String>,
    pub last_failure: Option<String>,
    /// Runs that panicked since the start (each was followed by a new one).
    pub panics: u32,
    /// RFC 3339: when the run going on now started; absent between runs.
    pub running_since: Option<String>,
    /// It has not succeeded for two periods and a minute, or a run has gone on for more
    /// than twenty minutes.
    pub overdue: bool,
}

/// Mail due to be sent and not yet sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxJson {
    pub waiting: i64,
    /// How long the oldest waiting message has waited.
    pub oldest_waiting_seconds: Option<i64>,
}

pub async fn openapi() -> Response {
    match ApiDoc::openapi().to_json() {
        Ok(json) => (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            json,
        )
            .into_response(),
        Err(e) => AppError::Internal(format!("openapi: {e}")).into_response(),
    }
}

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

#[utoipa::path(
    get, path = "/api/v1/me",
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

#[utoipa::path(
    get, path = "/api/v1/me/tokens",
    responses((status = 200, body = Vec<TokenInfo>), (status = 401, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn list_tokens(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<Vec<TokenInfo>>> {
    user.require(Permission::ManageOwnAccount)?;
    let tokens = store::tokens::list_api_tokens(state.db(), user.id).await?;
    Ok(Json(
        tokens
            .into_iter()
            .map(|t| TokenInfo {
                id: t.id,
                label: t.label,
                created_at: rfc3339(t.created_at),
                revoked_at: t.revoked_at.map(rfc3339),
                expires_at: rfc3339(t.expires_at),
            })
            .collect(),
    ))
}

/// What to call a new token.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// 1–100 characters.
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

#[utoipa::path(
    post, path = "/api/v1/me/tokens",
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
    let label = user::parse_token_label(&body.label).ok_or(AppError::BadRequest)?;
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

#[utoipa::path(
    post, path = "/api/v1/me/tokens/{id}/revoke",
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

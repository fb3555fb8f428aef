//! The OpenAPI document of the JSON API under `/api/v1`, assembled in one place: every API
//! handler of every area is listed here (bearer tokens or a browser session with its CSRF
//! header, the same permissions as the pages, RFC 9457 problem+json errors).

use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::http::error::AppError;
use crate::http::problem::Problem;

#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "Roma Platform API",
        version = "1",
        description = "The JSON API of Roma Platform. Authenticate with a personal token: `Authorization: Bearer roma_…`. Errors are RFC 9457 problem+json."
    ),
    paths(
        crate::features::platform::health::healthz,
        crate::features::platform::health::readyz,
        crate::features::platform::api_tokens::me,
        crate::features::platform::api_tokens::list_tokens,
        crate::features::platform::api_tokens::create_token,
        crate::features::platform::api_tokens::revoke_token,
        crate::features::directory::territories::api_list,
        crate::features::directory::api::list_orgs,
        crate::features::directory::api::create_org,
        crate::features::directory::api::get_org,
        crate::features::directory::api::patch_org,
        crate::features::directory::api::list_people,
        crate::features::directory::api::create_person,
        crate::features::directory::api::get_person,
        crate::features::directory::api::patch_person,
        crate::features::events::api::list,
        crate::features::events::api::get,
        crate::features::events::api::registrations,
        crate::features::events::attendance_api::list,
        crate::features::events::attendance_api::post,
        crate::features::events::statistics::api,
        crate::features::mediation::figures::api,
        crate::features::site::news::api,
        crate::features::site::practices::api,
        crate::features::site::stories::api,
        crate::features::dialogue::services::api,
        crate::features::plans::api::plans,
        crate::features::plans::api::measures,
        crate::features::plans::api::indicators,
        crate::features::plans::api::submit
    ),
    components(schemas(
        crate::features::platform::api_tokens::Me,
        crate::features::platform::api_tokens::TokenInfo,
        crate::features::platform::api_tokens::NewToken,
        crate::features::platform::api_tokens::CreatedToken,
        Problem,
        crate::features::platform::health::Health,
        crate::features::platform::health::Readiness,
        crate::features::platform::health::WorkerJson,
        crate::features::platform::health::OutboxJson,
        crate::features::directory::territories::TerritoryJson,
        crate::features::directory::territories::UnitRef,
        crate::features::directory::api::OrganisationJson,
        crate::features::directory::api::OrganisationInput,
        crate::features::directory::api::PersonJson,
        crate::features::directory::api::PersonInput,
        crate::features::directory::api::MembershipJson,
        crate::features::directory::api::PersonListItem,
        crate::features::events::api::EventJson,
        crate::features::events::api::EventOrganisationJson,
        crate::features::events::api::AgendaItemJson,
        crate::features::events::api::RegistrationJson,
        crate::features::events::attendance_api::AttendanceJson,
        crate::features::events::attendance_api::ParticipantInput,
        crate::features::events::attendance_api::CreatedJson,
        crate::features::plans::api::PlanJson,
        crate::features::plans::api::TaskJson,
        crate::features::plans::api::OrganisationRef,
        crate::features::plans::api::MeasureJson,
        crate::features::plans::api::ProgressJson,
        crate::features::plans::api::ReportedValue,
        crate::features::plans::api::IndicatorJson,
        crate::features::plans::api::IndicatorValueJson,
        crate::features::plans::api::SubmissionInput,
        crate::features::plans::api::SubmissionJson
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

pub async fn openapi() -> Response {
    match ApiDoc::openapi().to_json() {
        Ok(json) => (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            json,
        )
            .into_response(),
        Err(e) => AppError::internal(format!("openapi: {e}")).into_response(),
    }
}

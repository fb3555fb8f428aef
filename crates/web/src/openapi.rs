//! The OpenAPI document of the JSON API under `/api/v1`, assembled in one place: every API
//! handler of every area is listed here (bearer tokens or a browser session with its CSRF
//! header, the same permissions as the pages, RFC 9457 problem+json errors). The contract's
//! rules are applied here once, to every operation: the errors it can give, the closed sets
//! of its parameters and the schemas of parameters named alike; [`check_query`] makes the
//! server refuse exactly what the document refuses.

use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::http::error::AppError;
use crate::http::problem::{Problem, ProblemField};

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
        crate::features::events::lifecycle_api::create,
        crate::features::events::lifecycle_api::update,
        crate::features::events::lifecycle_api::publish,
        crate::features::events::lifecycle_api::cancel,
        crate::features::events::lifecycle_api::held,
        crate::features::events::lifecycle_api::register,
        crate::features::events::minutes_api::minutes,
        crate::features::events::minutes_api::actions,
        crate::features::events::minutes_api::create_action,
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
        ProblemField,
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
        crate::features::events::lifecycle_api::EventInput,
        crate::features::events::lifecycle_api::RegistrationInput,
        crate::features::events::minutes_api::MinutesJson,
        crate::features::events::minutes_api::ActionJson,
        crate::features::events::minutes_api::ActionInput,
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
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .description(Some(
                            "A personal API token (`roma_…`), made on the account page or with \
                             `roma-platform token create`; the scheme's name may be in any case.",
                        ))
                        .build(),
                ),
            );
        }
    }
}

/// The areas of the API, in the order a reader meets them.
pub const TAGS: &[(&str, &str)] = &[
    (
        "Events",
        "Meetings: the list, one event with its agenda, registrations, attendance and the participation statistics.",
    ),
    (
        "Directory",
        "Organisations, people and the territories of Latvia.",
    ),
    (
        "Plans",
        "The action plan's measures and indicators, and the progress reports of a reporting round.",
    ),
    (
        "Mediation",
        "The mediation figures: counts only, with small numbers hidden.",
    ),
    (
        "Public site",
        "What the public website shows, for anyone: news, good practices, success stories, services.",
    ),
    ("Account", "The caller and their personal API tokens."),
    (
        "Operations",
        "Health and readiness checks for load balancers and monitoring.",
    ),
];

/// The errors every operation may answer, by what it has: named once under
/// `components.responses` and referred to from each operation where they can happen.
const STANDARD_ERRORS: &[(&str, &str, &str)] = &[
    (
        "400",
        "BadRequest",
        "A parameter or the body could not be read (not `application/json`, not JSON, a wrong type, a date that does not exist).",
    ),
    (
        "401",
        "Unauthorized",
        "No valid token: missing, unknown, expired or revoked. The answer has `WWW-Authenticate: Bearer`.",
    ),
    (
        "403",
        "Forbidden",
        "The token's user may not do this (the same permissions as the web pages).",
    ),
    (
        "404",
        "NotFound",
        "No such item, or one the caller may not see.",
    ),
    (
        "409",
        "Conflict",
        "The item's state does not allow it (e.g. attendance closed, a report already accepted).",
    ),
    (
        "412",
        "PreconditionFailed",
        "`If-Match` named a version the record no longer has: read it again (its `ETag`) and make the change on that.",
    ),
    (
        "413",
        "PayloadTooLarge",
        "The body is larger than the platform accepts.",
    ),
    (
        "422",
        "UnprocessableContent",
        "Values that are not valid: `errors` names each field with a message.",
    ),
];

/// Query parameters that take one of a closed set of values, with the set from where the
/// server checks it (so the document cannot drift from the code): (operation, parameter).
fn closed_sets() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    use domain::directory::OrgKind;
    use domain::event::{EventType, Objective, TARGET_GROUPS};
    use domain::territory::PlanningRegion;
    let event_types: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
    let regions: Vec<&str> = PlanningRegion::ALL.iter().map(|r| r.as_str()).collect();
    let org_kinds: Vec<&str> = OrgKind::ALL.iter().map(|k| k.as_str()).collect();
    vec![
        ("listEvents", "event_type", event_types.clone()),
        ("listEvents", "type", event_types.clone()),
        ("listEvents", "region", regions.clone()),
        ("listOrganisations", "kind", org_kinds.clone()),
        ("listOrganisations", "region", regions.clone()),
        ("listPeople", "kind", org_kinds),
        ("listPeople", "region", regions),
        ("participationStatistics", "event_type", event_types),
        (
            "participationStatistics",
            "target_group",
            TARGET_GROUPS.to_vec(),
        ),
        (
            "mediationStatistics",
            "group",
            vec!["month", "quarter", "year"],
        ),
        ("listNews", "kind", domain::site::NewsKind::CODES.to_vec()),
        ("listNews", "lang", vec!["lv", "en"]),
        ("listPractices", "area", Objective::CODES.to_vec()),
        (
            "listPractices",
            "target",
            domain::site::PracticeTarget::CODES.to_vec(),
        ),
        ("listPractices", "lang", vec!["lv", "en"]),
        ("listStories", "lang", vec!["lv", "en", "rom"]),
        ("listServices", "area", Objective::CODES.to_vec()),
        (
            "listServices",
            "kind",
            domain::dialogue::ServiceKind::CODES.to_vec(),
        ),
        (
            "listServices",
            "group",
            domain::dialogue::NeedConcern::CODES.to_vec(),
        ),
        ("listServices", "lang", vec!["lv", "en"]),
    ]
}

/// Query parameters named alike mean alike in every operation: days, ids, years, pages
/// and free text have one schema each, which the server checks ([`check_query`]).
fn named_alike(
    operation: &str,
    name: &str,
    schema: &serde_json::Value,
) -> Option<serde_json::Value> {
    let text = schema["type"] == "string"
        || schema["type"]
            .as_array()
            .is_some_and(|a| a.iter().any(|t| t == "string"));
    Some(match name {
        "from" | "to" | "on" => serde_json::json!({"type": "string", "format": "date"}),
        "territory" | "plan" | "organisation" => {
            serde_json::json!({"type": "integer", "format": "int64", "minimum": 1})
        }
        "place" if operation == "listServices" => {
            serde_json::json!({"type": "integer", "format": "int64", "minimum": 1})
        }
        "place" => serde_json::json!({
            "type": "string",
            "pattern": "^(riga|vidzeme|kurzeme|zemgale|latgale|[A-Z]{2})$",
        }),
        "year" => serde_json::json!({"type": "integer", "minimum": 1990, "maximum": 2100}),
        "page" => serde_json::json!({
            "type": "integer", "minimum": 1, "maximum": crate::http::paging::MAX_PAGE,
        }),
        "per_page" => serde_json::json!({
            "type": "integer", "minimum": 1, "maximum": crate::http::paging::MAX_PER_PAGE,
        }),
        _ if text => serde_json::json!({"type": "string", "maxLength": 200}),
        _ => return None,
    })
}

/// Parameters kept within v1 under an old name, marked `deprecated` (docs/user/api.md:
/// they keep working until v2): (operation, parameter).
const DEPRECATED: &[(&str, &str)] = &[("listEvents", "type"), ("listServices", "place")];

const METHODS: &[&str] = &["get", "post", "put", "patch", "delete"];

/// The document as served: utoipa's, then the contract's rules applied in one place (the
/// standard errors, the closed sets, the tags' descriptions).
fn build() -> serde_json::Value {
    let mut doc = match serde_json::to_value(ApiDoc::openapi()) {
        Ok(v) => v,
        Err(e) => {
            tracing::error!(error = %e, "the OpenAPI document could not be made");
            return serde_json::Value::Null;
        }
    };
    doc["tags"] = TAGS
        .iter()
        .map(|(name, description)| serde_json::json!({"name": name, "description": description}))
        .collect();
    let responses = &mut doc["components"]["responses"];
    for (_, name, description) in STANDARD_ERRORS {
        responses[*name] = serde_json::json!({
            "description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
        });
    }
    // A page's items by reference to their own schema (utoipa writes them out in full), so
    // that a generated client has one type per kind of item.
    if let Some(schemas) = doc["components"]["schemas"].as_object_mut() {
        let names: Vec<String> = schemas.keys().cloned().collect();
        for name in &names {
            if let Some(item) = name.strip_prefix("Page_")
                && names.iter().any(|n| n == item)
            {
                schemas[name]["properties"]["items"]["items"] =
                    serde_json::json!({"$ref": format!("#/components/schemas/{item}")});
            }
        }
    }
    let sets = closed_sets();
    let Some(paths) = doc["paths"].as_object_mut() else {
        return doc;
    };
    for (path, item) in paths.iter_mut() {
        for method in METHODS {
            let Some(op) = item.get_mut(*method).filter(|o| o.is_object()) else {
                continue;
            };
            let id = op["operationId"].as_str().unwrap_or_default().to_owned();
            if let Some(params) = op.get_mut("parameters").and_then(|p| p.as_array_mut()) {
                for param in params.iter_mut() {
                    let name = param["name"].as_str().unwrap_or_default().to_owned();
                    let name = name.as_str();
                    if DEPRECATED.contains(&(id.as_str(), name)) {
                        param["deprecated"] = true.into();
                    }
                    if name == "Idempotency-Key" {
                        param["schema"] = serde_json::json!({
                            "type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$",
                        });
                    }
                    if let Some((_, _, values)) =
                        sets.iter().find(|(o, n, _)| *o == id && *n == name)
                    {
                        param["schema"] = serde_json::json!({"type": "string", "enum": values});
                    } else if param["in"] == "query"
                        && let Some(schema) = named_alike(&id, name, &param["schema"])
                    {
                        param["schema"] = schema;
                    }
                }
            }
            if id == "postAttendance" {
                let schema = &mut op["requestBody"]["content"]["application/json"]["schema"];
                schema["minItems"] = 1.into();
                schema["maxItems"] = crate::features::events::attendance_api::MAX_LINES.into();
            }
            if !path.starts_with("/api/") {
                continue;
            }
            let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
            let has_params = op["parameters"].as_array().is_some_and(|p| !p.is_empty());
            let has_body = op.get("requestBody").is_some();
            let change = *method == "patch";
            let idempotent = op["parameters"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["name"] == "Idempotency-Key"));
            let has_query = op["parameters"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["in"] == "query"));
            let wanted: &[(&str, bool)] = &[
                ("400", has_params || has_body),
                ("401", secured),
                ("403", secured),
                ("404", path.contains('{')),
                ("409", change || idempotent),
                ("412", change),
                ("413", has_body),
                ("422", has_body || has_query),
            ];
            // Versions: an item's `ETag`, and `If-Match` on a change.
            let item = *method == "get" && path.ends_with('}');
            if item || change {
                for ok in ["200", "201"] {
                    if let Some(r) = op["responses"].get_mut(ok) {
                        r["headers"]["ETag"] = serde_json::json!({
                            "description": "The record's version, to send back in `If-Match` with a change.",
                            "schema": {"type": "string", "pattern": "^\"v[0-9]+\"$"},
                        });
                    }
                }
            }
            if change {
                let if_match = serde_json::json!({
                    "name": "If-Match",
                    "in": "header",
                    "required": false,
                    "description": "The `ETag` the change was made on: if the record has changed since, nothing is saved and the answer is 412. Without it, the change applies to the version the server reads, and a save racing it answers 409.",
                    "schema": {"type": "string"},
                });
                match op.get_mut("parameters").and_then(|p| p.as_array_mut()) {
                    Some(params) => params.push(if_match),
                    None => op["parameters"] = serde_json::json!([if_match]),
                }
            }
            let responses = &mut op["responses"];
            for (code, name, _) in STANDARD_ERRORS {
                let want = wanted.iter().any(|(c, w)| c == code && *w);
                let documented = responses.get(*code).is_some();
                if want || documented {
                    responses[*code] =
                        serde_json::json!({"$ref": format!("#/components/responses/{name}")});
                }
            }
        }
    }
    doc
}

/// Checks a request's query parameters against the operation's document: a value outside
/// a closed set, a date that is not one, a number out of its range or a text too long is a
/// 422 naming the parameter, before the handler runs. So the server refuses exactly what the
/// document says it refuses. Parameters the document does not name are left to the handler.
pub fn check_query(method: &str, route: &str, query: Option<&str>) -> Option<Response> {
    let query = query?;
    let op = document()["paths"][route].get(method.to_ascii_lowercase())?;
    let params = op.get("parameters")?.as_array()?;
    let mut errors = crate::http::forms::FormErrors::default();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let Some(param) = params
            .iter()
            .find(|p| p["in"] == "query" && p["name"].as_str() == Some(name.as_ref()))
        else {
            continue;
        };
        // The document lives as long as the program: its names are `'static`.
        let field: &'static str = param["name"].as_str().unwrap_or("query");
        if let Some(problem) = against_schema(&param["schema"], &value) {
            errors.add(field, problem);
        }
    }
    (!errors.is_empty()).then(|| crate::http::problem::invalid(&errors))
}

/// Why a value does not fit a parameter's schema (a message id), or nothing when it fits.
fn against_schema(schema: &serde_json::Value, value: &str) -> Option<&'static str> {
    if let Some(values) = schema["enum"].as_array() {
        return (!values.iter().any(|v| v.as_str() == Some(value))).then_some("api-param-choice");
    }
    let is = |t: &str| {
        schema["type"] == t
            || schema["type"]
                .as_array()
                .is_some_and(|a| a.iter().any(|x| x == t))
    };
    if is("integer") {
        let Ok(n) = value.trim().parse::<i64>() else {
            return Some("api-param-integer");
        };
        let below = schema["minimum"].as_i64().is_some_and(|m| n < m);
        let above = schema["maximum"].as_i64().is_some_and(|m| n > m);
        return (below || above).then_some("api-param-integer");
    }
    // A pattern's values are checked by the handler; an empty one is not among them.
    if schema.get("pattern").is_some() && value.is_empty() {
        return Some("api-param-choice");
    }
    if schema["format"] == "date" {
        return value
            .parse::<jiff::civil::Date>()
            .is_err()
            .then_some("api-param-date");
    }
    let too_long = schema["maxLength"]
        .as_u64()
        .is_some_and(|m| value.chars().count() as u64 > m);
    too_long.then_some("api-param-too-long")
}

/// The document, made once.
pub fn document() -> &'static serde_json::Value {
    static DOC: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    DOC.get_or_init(build)
}

pub async fn openapi() -> Response {
    static JSON: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let doc = document();
    if doc.is_null() {
        return AppError::internal("the OpenAPI document could not be made").into_response();
    }
    let json = JSON.get_or_init(|| doc.to_string());
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        json.as_str(),
    )
        .into_response()
}

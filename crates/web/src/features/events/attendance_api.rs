//! `/api/v1/events/{id}/attendance`: read an event's attendance, or post a sign-in list
//! from another system (a municipality's own register) — all of its lines or none. The
//! same rules as the check-in screen: the event's organisers or coordinators only, and
//! statistics answers only with `stats_consent`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::features::events::attendance::{WalkInFields, may_link, scope_of, validate_walk_in};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{FormErrors, parse_id};
use crate::http::problem::field_problem;
use crate::principal::{ClientIp, CurrentUser};

/// One attendance (the Roma answer is never given one by one).
#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceJson {
    id: i64,
    person_id: Option<i64>,
    registration_id: Option<i64>,
    name: String,
    /// state_authority, municipal_authority, ngo, roma_representative, mediator,
    /// international_partner, expert, media or other.
    category: String,
    category_overridden: bool,
    organisation: Option<String>,
    place: Option<String>,
    /// female, male or other; absent when not stated (and for callers other than
    /// coordinators).
    gender: Option<String>,
    /// under_18, 18_24, 25_29, 30_49, 50_64 or 65_plus; absent when not stated.
    age_group: Option<String>,
    /// registration, walk_in, import or api.
    source: String,
    checked_in_at: String,
}

/// A participant of a posted sign-in list.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantInput {
    name: String,
    #[serde(default)]
    email: Option<String>,
    /// A registry person this participant is.
    #[serde(default)]
    person_id: Option<i64>,
    #[serde(default)]
    organisation_id: Option<i64>,
    /// An organisation not in the registry.
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    territory_id: Option<i64>,
    /// One of the categories; derived when absent.
    #[serde(default)]
    category: Option<String>,
    /// Required (true) when gender, age_group or roma_self_identified is given.
    #[serde(default)]
    stats_consent: bool,
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    age_group: Option<String>,
    /// yes or no.
    #[serde(default)]
    roma_self_identified: Option<String>,
}

fn fields(p: &ParticipantInput) -> WalkInFields {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let id = |v: Option<i64>| v.map(|i| i.to_string()).unwrap_or_default();
    let mut pairs = vec![
        ("name".to_owned(), p.name.clone()),
        ("email".to_owned(), s(&p.email)),
        ("organisation_id".to_owned(), id(p.organisation_id)),
        ("organisation".to_owned(), s(&p.organisation)),
        ("territory_id".to_owned(), id(p.territory_id)),
        ("category".to_owned(), s(&p.category)),
        ("gender".to_owned(), s(&p.gender)),
        ("age_group".to_owned(), s(&p.age_group)),
        ("roma".to_owned(), s(&p.roma_self_identified)),
    ];
    if p.stats_consent {
        pairs.push(("stats_consent".to_owned(), "1".to_owned()));
    }
    if let Some(pid) = p.person_id {
        pairs.push(("matched".to_owned(), format!("person:{pid}")));
    }
    WalkInFields::from_body(&pairs)
}

/// List an event's attendance
///
/// Who took part, as the sign-in list has it; the breakdown fields only for those who manage
/// events. The read is recorded in the access log.
#[utoipa::path(
    get, path = "/api/v1/events/{id}/attendance", operation_id = "listAttendance", tag = "Events", params(("id" = i64, Path, description = "The event's id"), crate::http::paging::Paging),
    responses((status = 200, body = crate::http::paging::Page<AttendanceJson>), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    axum::extract::Query(paging): axum::extract::Query<crate::http::paging::Paging>,
) -> AppResult<Json<crate::http::paging::Page<AttendanceJson>>> {
    user.require(domain::auth::Permission::ViewEvents)?;
    let id = parse_id(&id)?;
    let list = store::attendance::for_event(state.db(), scope_of(&user), id).await?;
    // A personal list taken by another system: on the record, as its CSV would be.
    user.record_reading(
        &state,
        domain::privacy::AccessKind::Export,
        format!("API: attendance-{id} (json, {})", list.len()),
        None,
        &store::attendance::event_subjects(state.db(), id, false).await?,
    )
    .await?;
    // Gender and age group one by one only for coordinators (an organiser sees who came).
    let full = user.can(domain::auth::Permission::ManageEvents);
    Ok(Json(
        paging.of(list
            .into_iter()
            .map(|a| AttendanceJson {
                id: a.id,
                person_id: a.person_id,
                registration_id: a.registration_id,
                name: a.name,
                category: a.category.as_str().to_owned(),
                category_overridden: a.category_overridden,
                organisation: a.organisation_name,
                place: a.place_name,
                gender: a.gender.filter(|_| full),
                age_group: a.age_group.filter(|_| full),
                source: a.source,
                checked_in_at: crate::http::dates::rfc3339(a.checked_in_at),
            })
            .collect()),
    ))
}

/// At most this many participants in one request.
pub const MAX_LINES: usize = 2000;

/// What a posted list created.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedJson {
    ids: Vec<i64>,
}

/// Record attendance
///
/// Adds a list of participants to an event that has begun (up to 2000 in one request): each an
/// existing person by id or a walk-in by name, with the same validation as the sign-in page.
/// All or nothing: on an error nothing is saved and `line` says which element.
#[utoipa::path(
    post, path = "/api/v1/events/{id}/attendance", operation_id = "postAttendance", tag = "Events",
    request_body(content = Vec<ParticipantInput>, description = "1 to 2000 participants."),
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 201, body = CreatedJson), (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 409, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn post(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    body: Result<Json<Vec<ParticipantInput>>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(domain::auth::Permission::ViewEvents)?;
    let id = parse_id(&id)?;
    let scope = scope_of(&user);
    store::attendance::visible(state.db(), scope, id).await?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    if body.is_empty() || body.len() > MAX_LINES {
        return Err(AppError::BadRequest);
    }
    let mut lines = Vec::with_capacity(body.len());
    for (i, p) in body.iter().enumerate() {
        let mut errors = FormErrors::default();
        match validate_walk_in(&fields(p), &mut errors) {
            Some(d) => {
                if let Some(pid) = d.person_id
                    && !may_link(&state, &user, id, &d, pid).await?
                {
                    errors.add("person_id", "reg-choice-invalid");
                    return Ok(field_problem(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "Invalid input",
                        Some(i),
                        &errors,
                    ));
                }
                lines.push(d)
            }
            None => {
                return Ok(field_problem(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Invalid input",
                    Some(i),
                    &errors,
                ));
            }
        }
    }
    match store::attendance::add_all(
        state.db(),
        state.now(),
        &user.actor(ip),
        scope,
        id,
        store::attendance::Source::Api,
        &lines,
    )
    .await
    {
        Ok(ids) => Ok((StatusCode::CREATED, Json(CreatedJson { ids })).into_response()),
        Err((i, store::Error::Conflict(what))) => {
            let title = match what {
                store::Conflict::Events(store::EventConflict::AlreadyPresent) => "Already present",
                store::Conflict::Events(store::EventConflict::NotStarted) => {
                    "The event has not begun: attendance opens on its day"
                }
                _ => "Attendance is closed for this event",
            };
            Ok(field_problem(
                StatusCode::CONFLICT,
                title,
                Some(i),
                &FormErrors::default(),
            ))
        }
        Err((i, store::Error::NotFound)) => Ok(field_problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Unknown person, organisation or place",
            Some(i),
            &FormErrors::default(),
        )),
        Err((_, e)) => Err(e.into()),
    }
}

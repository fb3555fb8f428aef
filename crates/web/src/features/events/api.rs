//! The events' JSON API: `/api/v1/events` and `/api/v1/events/{id}` (with the agenda),
//! for anyone who may see the workspace's events.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use domain::auth::Permission;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::http::dates::rfc3339;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::parse_id;
use crate::http::paging::{Page, Paging};
use crate::i18n;
use crate::principal::CurrentUser;

/// At most this many events are read for one answer's paging.
const API_LIMIT: i64 = 100_000;

/// An event. Times are RFC 3339 in UTC; show them in Europe/Riga.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventJson {
    id: i64,
    /// annual_coordination, regional_expert, good_practice_visit, interministerial,
    /// workshop, mediators_seminar, cross_border_visit or other.
    event_type: String,
    title_lv: String,
    title_en: Option<String>,
    description_lv: Option<String>,
    description_en: Option<String>,
    starts_at: String,
    ends_at: String,
    territory_id: Option<i64>,
    territory_name: Option<String>,
    address: Option<String>,
    online_url: Option<String>,
    series: Option<String>,
    capacity: Option<i64>,
    registration_deadline: Option<String>,
    is_public: bool,
    /// draft, published, registration_closed, held, reported or cancelled.
    status: String,
    objectives: Vec<String>,
    target_group: Option<String>,
    host_country: Option<String>,
    organisations: Vec<EventOrganisationJson>,
    /// Present on `GET /api/v1/events/{id}` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    agenda: Option<Vec<AgendaItemJson>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventOrganisationJson {
    id: i64,
    name_lv: String,
    /// organiser or partner.
    role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaItemJson {
    id: i64,
    position: i64,
    /// Local (Europe/Riga) `HH:MM`.
    starts_at: Option<String>,
    ends_at: Option<String>,
    title_lv: String,
    title_en: Option<String>,
    speaker_ids: Vec<i64>,
    speaker_names: Vec<String>,
    speakers_text: Option<String>,
}

fn event_json(e: store::events::Event, agenda: Option<Vec<store::agenda::Item>>) -> EventJson {
    EventJson {
        id: e.id,
        event_type: e.event_type.as_str().to_owned(),
        title_lv: e.title_lv,
        title_en: e.title_en,
        description_lv: e.description_lv,
        description_en: e.description_en,
        starts_at: rfc3339(e.starts_at),
        ends_at: rfc3339(e.ends_at),
        territory_id: e.territory_id,
        territory_name: e.territory_name,
        address: e.address,
        online_url: e.online_url,
        series: e.series,
        capacity: e.capacity,
        registration_deadline: e.registration_deadline.map(rfc3339),
        is_public: e.is_public,
        status: e.status.as_str().to_owned(),
        objectives: e.objectives.iter().map(|o| o.as_str().to_owned()).collect(),
        target_group: e.target_group.map(|g| g.as_str().to_owned()),
        host_country: e.host_country,
        organisations: e
            .organisations
            .into_iter()
            .map(|(id, name_lv, role)| EventOrganisationJson { id, name_lv, role })
            .collect(),
        agenda: agenda.map(|items| {
            items
                .into_iter()
                .map(|i| AgendaItemJson {
                    id: i.id,
                    position: i.position,
                    starts_at: i.starts_at,
                    ends_at: i.ends_at,
                    title_lv: i.title_lv,
                    title_en: i.title_en,
                    speaker_ids: i.speakers.iter().map(|s| s.person_id).collect(),
                    speaker_names: i.speakers.into_iter().map(|s| s.name).collect(),
                    speakers_text: i.speakers_text,
                })
                .collect()
        }),
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventListQuery {
    /// First day (Europe/Riga), `YYYY-MM-DD`; events ending on or after it.
    #[serde(default)]
    from: String,
    /// Last day (Europe/Riga), `YYYY-MM-DD`; events starting on or before it.
    #[serde(default)]
    to: String,
    /// An event type, e.g. `workshop`.
    #[serde(default)]
    event_type: String,
    /// The same as `event_type` (its first name, kept within v1: parameters of one meaning
    /// have one name, as in the statistics).
    #[serde(default, rename = "type")]
    #[param(rename = "type")]
    old_type: String,
    /// A planning region: riga, vidzeme, kurzeme, zemgale or latgale.
    #[serde(default)]
    region: String,
}

fn day_bound(raw: &str, end: bool) -> Result<Option<i64>, AppError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let d: Date = raw.trim().parse().map_err(|_| AppError::BadRequest)?;
    let d = if end {
        d.tomorrow().map_err(|_| AppError::BadRequest)?
    } else {
        d
    };
    let t = d
        .to_datetime(Time::midnight())
        .to_zoned_datetime(i18n::riga())
        .map_err(|_| AppError::BadRequest)?;
    Ok(Some(t.timestamp().as_second()))
}

/// List events
///
/// The events the caller may see, ordered by start, filtered by dates (Europe/Riga days), type
/// and planning region.
#[utoipa::path(
    get, path = "/api/v1/events", operation_id = "listEvents", tag = "Events", params(EventListQuery, Paging),
    responses((status = 200, body = Page<EventJson>), (status = 400, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 401, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<EventListQuery>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<EventJson>>> {
    user.require(Permission::ViewEvents)?;
    let from = day_bound(&q.from, false)?.unwrap_or(i64::MIN / 2);
    let to = day_bound(&q.to, true)?.unwrap_or(i64::MAX / 2);
    let filter = store::events::EventFilter {
        event_type: match Some(q.event_type.trim())
            .filter(|t| !t.is_empty())
            .unwrap_or(q.old_type.trim())
        {
            "" => None,
            t => Some(domain::event::EventType::parse(t).ok_or(AppError::BadRequest)?),
        },
        region: match q.region.trim() {
            "" => None,
            r => Some(domain::territory::PlanningRegion::parse(r).ok_or(AppError::BadRequest)?),
        },
    };
    let events = store::events::in_range(
        state.db(),
        store::events::Scope::All,
        &filter,
        from,
        to,
        API_LIMIT,
    )
    .await?;
    let total = i64::try_from(events.len()).unwrap_or(i64::MAX);
    let w = paging.window();
    let mut events: Vec<_> = events
        .into_iter()
        .skip(usize::try_from(w.offset).unwrap_or(usize::MAX))
        .take(usize::try_from(w.limit).unwrap_or(0))
        .collect();
    store::events::fill_organisations(state.db(), &mut events).await?;
    Ok(Json(paging.with(
        events.into_iter().map(|e| event_json(e, None)).collect(),
        total,
    )))
}

/// Read one event
///
/// The event with its organisations and its agenda.
#[utoipa::path(
    get, path = "/api/v1/events/{id}", operation_id = "getEvent", tag = "Events", params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, body = EventJson), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::response::Response> {
    user.require(Permission::ViewEvents)?;
    event_answer(&state, parse_id(&id)?, axum::http::StatusCode::OK).await
}

/// An event with its agenda as the API gives it, with its version as the `ETag`.
pub(crate) async fn event_answer(
    state: &AppState,
    id: i64,
    status: axum::http::StatusCode,
) -> AppResult<axum::response::Response> {
    // The version before the record: a change in between shows as a newer record.
    let version = store::versions::current(state.db(), "events", id).await?;
    let e = store::events::get(state.db(), id).await?;
    let agenda = store::agenda::items(state.db(), id).await?;
    Ok(crate::http::preconditions::with_etag(
        (status, Json(event_json(e, Some(agenda)))).into_response(),
        version,
    ))
}

/// A registration, for coordinators (the statistics answers are not part of it).
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationJson {
    id: i64,
    name: String,
    /// Empty for someone a coordinator registered without an address.
    email: String,
    organisation: Option<String>,
    private_person: bool,
    /// confirmed, waiting or cancelled.
    status: String,
    /// When the registrant confirmed it from the mailed link (or when it was made, for one
    /// a coordinator or an invitation made); null while a public-form registration waits
    /// for confirmation (it holds its place for 48 hours).
    email_confirmed_at: Option<String>,
    /// Why a cancelled registration ended: "registrant", "unconfirmed" (not confirmed in
    /// time) or "coordinator" (an unconfirmed place a coordinator released); null for
    /// cancellations before 2026-12. A released registration's name and e-mail are empty.
    cancel_reason: Option<String>,
    created_at: String,
}

/// List an event's registrations
///
/// For those who manage events: every registration with its status. A personal list: the read
/// is recorded in the access log, as an export.
#[utoipa::path(
    get, path = "/api/v1/events/{id}/registrations", operation_id = "listRegistrations", tag = "Events", params(("id" = i64, Path, description = "The event's id"), Paging),
    responses((status = 200, body = Page<RegistrationJson>), (status = 403, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn registrations(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<RegistrationJson>>> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    store::events::get(state.db(), id).await?;
    let regs = store::registrations::for_event(state.db(), id).await?;
    // A personal list taken by another system: on the record, as its CSV would be.
    user.record_reading(
        &state,
        domain::privacy::AccessKind::Export,
        format!("API: registrations-{id} (json, {})", regs.len()),
        None,
        &store::attendance::event_subjects(state.db(), id, true).await?,
    )
    .await?;
    Ok(Json(
        paging.of(regs.into_iter().map(registration_json).collect()),
    ))
}

/// A registration as the API gives it.
pub(crate) fn registration_json(r: store::registrations::Registration) -> RegistrationJson {
    RegistrationJson {
        id: r.id,
        name: r.name,
        email: r.email,
        organisation: r.organisation_text,
        private_person: r.private_person,
        status: r.status.as_str().to_owned(),
        email_confirmed_at: r.email_confirmed_at.map(rfc3339),
        cancel_reason: r.cancel_reason,
        created_at: rfc3339(r.created_at),
    }
}

//! An event's life cycle through the API (issue 23, item 4): create and change it, publish,
//! cancel and mark it held — with the event form's validation, the pages' permission and
//! their audit, and `Idempotency-Key` on creation. Attendance is `attendance_api`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::auth::Permission;
use domain::event::EventStatus;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::features::events::api::event_answer;
use crate::features::events::event_form::{EventFields, check, conflict_field, fields_of};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{FormErrors, parse_id};
use crate::http::idempotency::{Begun, begin, replayed, settle};
use crate::http::preconditions::{if_match, stale};
use crate::http::problem::{field_problem, invalid};
use crate::principal::{ClientIp, CurrentUser};

/// An event's fields. On POST `event_type`, `title_lv`, `date`, `start` and `end` are
/// required; on PATCH every field given replaces the stored one (an empty string or `null`
/// clears an optional field, an empty list empties a list). The rules are the event form's.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// annual_coordination, regional_expert, good_practice_visit, interministerial,
    /// workshop, mediators_seminar, cross_border_visit or other.
    event_type: Option<String>,
    /// 1–300 characters.
    title_lv: Option<String>,
    title_en: Option<String>,
    description_lv: Option<String>,
    description_en: Option<String>,
    /// The day, `YYYY-MM-DD`, in Europe/Riga.
    #[schema(format = Date)]
    date: Option<String>,
    /// Local time (Europe/Riga) `HH:MM`.
    start: Option<String>,
    /// Local time (Europe/Riga) `HH:MM`, after `start`.
    end: Option<String>,
    /// A territory's id.
    #[serde(default, deserialize_with = "crate::http::forms::present")]
    #[schema(value_type = Option<i64>)]
    territory_id: Option<Option<i64>>,
    address: Option<String>,
    /// An `https://` address of the online meeting.
    online_url: Option<String>,
    series: Option<String>,
    /// 1–100000 places; `null`: no limit.
    #[serde(default, deserialize_with = "crate::http::forms::present")]
    #[schema(value_type = Option<i64>)]
    capacity: Option<Option<i64>>,
    /// The last day to register (`YYYY-MM-DD`, until 23:59 Riga), not after the event.
    registration_deadline: Option<String>,
    /// Shown on the public calendar once published.
    is_public: Option<bool>,
    /// EU objective areas: equality, inclusion, participation, education, employment,
    /// health, housing.
    #[schema(max_items = 100)]
    objectives: Option<Vec<String>>,
    /// roma_youth, roma_women or mixed.
    target_group: Option<String>,
    host_country: Option<String>,
    /// Organisations organising it (ids).
    #[schema(max_items = 100)]
    organiser_ids: Option<Vec<i64>>,
    /// Partner organisations (ids).
    #[schema(max_items = 100)]
    partner_ids: Option<Vec<i64>>,
    /// Measures of the action plan it serves (ids).
    #[schema(max_items = 100)]
    measure_ids: Option<Vec<i64>>,
}

fn ids(list: Vec<i64>) -> Vec<String> {
    list.into_iter().map(|i| i.to_string()).collect()
}

/// The input laid over a form's fields, as a form sends them.
fn overlay(f: &mut EventFields, i: EventInput) {
    let text = |v: Option<String>, into: &mut String| {
        if let Some(v) = v {
            *into = v;
        }
    };
    text(i.event_type, &mut f.event_type);
    text(i.title_lv, &mut f.title_lv);
    text(i.title_en, &mut f.title_en);
    text(i.description_lv, &mut f.description_lv);
    text(i.description_en, &mut f.description_en);
    text(i.date, &mut f.date);
    text(i.start, &mut f.start);
    text(i.end, &mut f.end);
    text(i.address, &mut f.address);
    text(i.online_url, &mut f.online_url);
    text(i.series, &mut f.series);
    text(i.registration_deadline, &mut f.registration_deadline);
    text(i.target_group, &mut f.target_group);
    text(i.host_country, &mut f.host_country);
    if let Some(v) = i.territory_id {
        f.territory_id = v.map(|t| t.to_string()).unwrap_or_default();
    }
    if let Some(v) = i.capacity {
        f.capacity = v.map(|c| c.to_string()).unwrap_or_default();
    }
    if let Some(v) = i.is_public {
        f.is_public = v.then(|| "1".to_owned());
    }
    if let Some(v) = i.objectives {
        f.objectives = v;
    }
    if let Some(v) = i.organiser_ids {
        f.organisers = ids(v);
    }
    if let Some(v) = i.partner_ids {
        f.partners = ids(v);
    }
    if let Some(v) = i.measure_ids {
        f.measures = ids(v);
    }
}

/// A JSON body as the input: 400 when it is not one.
fn input(body: &serde_json::Value) -> AppResult<EventInput> {
    serde_json::from_value(body.clone()).map_err(|_| AppError::BadRequest)
}

/// Create an event
///
/// A draft (publish it with `publishEvent`), validated as the event form is; the answer is the
/// event with its `ETag` and `Location`. With an `Idempotency-Key`, the same request sent again
/// (after a timeout) answers with the event the first one made (`Idempotent-Replayed: true`)
/// instead of making another.
#[utoipa::path(
    post, path = "/api/v1/events", operation_id = "createEvent", tag = "Events",
    params(("Idempotency-Key" = Option<String>, Header, description = "Any 1–255 visible ASCII characters, new for each new event (e.g. a UUID): a retried request with the same key and content makes nothing new")),
    request_body = EventInput,
    responses((status = 201, body = crate::features::events::api::EventJson)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Json<serde_json::Value>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    let i = input(&body)?;
    let mut f = EventFields::default();
    overlay(&mut f, i);
    let mut errors = FormErrors::default();
    let Some(event) = check(&f, &mut errors).filter(|_| errors.is_empty()) else {
        return Ok(invalid(&errors));
    };
    let ticket = match begin(&state, &user, &headers, "createEvent", &body).await? {
        Begun::Fresh(t) => t,
        Begun::Replay(id) => {
            return Ok(replayed(located(
                event_answer(&state, id, StatusCode::CREATED).await?,
                id,
            )));
        }
        Begun::Refused(res) => return Ok(res),
    };
    match store::events::create(state.db(), state.now(), &user.actor(ip), &event).await {
        Ok(id) => {
            settle(ticket, &state, Some(id)).await?;
            Ok(located(
                event_answer(&state, id, StatusCode::CREATED).await?,
                id,
            ))
        }
        Err(e) => {
            settle(ticket, &state, None).await?;
            match e {
                store::Error::Conflict(c) => {
                    let (field, message) = conflict_field(c);
                    errors.add(field, message);
                    Ok(invalid(&errors))
                }
                e => Err(e.into()),
            }
        }
    }
}

fn located(mut res: Response, id: i64) -> Response {
    if let Ok(v) = format!("/api/v1/events/{id}").parse() {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

/// Change an event
///
/// Every field given replaces the stored one, validated as the event form is. Send the
/// `ETag` of what the change was made on as `If-Match`: if the event has changed since,
/// nothing is saved (412).
#[utoipa::path(
    patch, path = "/api/v1/events/{id}", operation_id = "updateEvent", tag = "Events",
    params(("id" = i64, Path, description = "The event's id")),
    request_body = EventInput,
    responses((status = 200, body = crate::features::events::api::EventJson)),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<serde_json::Value>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    let i = input(&body)?;
    // The stored fields with their version (read before the record).
    let mut f = fields_of(&state, id).await?;
    let read: i64 = f.version.parse().unwrap_or_default();
    overlay(&mut f, i);
    let mut errors = FormErrors::default();
    let Some(event) = check(&f, &mut errors).filter(|_| errors.is_empty()) else {
        return Ok(invalid(&errors));
    };
    let asked = if_match(&headers);
    let Some(expected) = asked.expected(read) else {
        return Ok(stale(&asked));
    };
    match store::events::update_checked(
        state.db(),
        state.now(),
        &user.actor(ip),
        id,
        &event,
        Some(expected),
    )
    .await
    {
        Ok(()) => event_answer(&state, id, StatusCode::OK).await,
        Err(store::Error::Conflict(store::Conflict::Database(store::DatabaseConflict::Stale))) => {
            Ok(stale(&asked))
        }
        Err(store::Error::Conflict(c)) => {
            let (field, message) = conflict_field(c);
            errors.add(field, message);
            Ok(invalid(&errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// Moves the event to `to`; 409 when its life cycle does not allow it.
async fn move_to(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: &str,
    to: EventStatus,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(id)?;
    let e = store::events::get(state.db(), id).await?;
    match crate::features::events::event::change_status(state, &user.actor(ip), &e, to).await {
        Ok(_) => event_answer(state, id, StatusCode::OK).await,
        Err(store::Error::Conflict(store::Conflict::Events(store::EventConflict::NotStarted))) => {
            Ok(field_problem(
                StatusCode::CONFLICT,
                "The event has not begun: it can be marked held from its start",
                None,
                &FormErrors::default(),
            ))
        }
        Err(store::Error::Conflict(_)) => Ok(field_problem(
            StatusCode::CONFLICT,
            &format!(
                "An event that is {} cannot become {}",
                e.status.as_str(),
                to.as_str()
            ),
            None,
            &FormErrors::default(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Publish an event
///
/// A draft becomes published: on the workspace's calendar, on the public calendar when it is
/// public, and open for registration. 409 from any other state.
#[utoipa::path(
    post, path = "/api/v1/events/{id}/publish", operation_id = "publishEvent", tag = "Events",
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, body = crate::features::events::api::EventJson), (status = 409, description = "Its life cycle does not allow it")),
    security(("bearer" = []))
)]
pub async fn publish(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
) -> AppResult<Response> {
    move_to(&state, &user, ip, &id, EventStatus::Published).await
}

/// Cancel an event
///
/// Cannot be undone: everyone registered or waiting and everyone invited who has not answered
/// is mailed in their language, as from the event's page. 409 when it was held, reported or
/// cancelled already.
#[utoipa::path(
    post, path = "/api/v1/events/{id}/cancel", operation_id = "cancelEvent", tag = "Events",
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, body = crate::features::events::api::EventJson), (status = 409, description = "Its life cycle does not allow it")),
    security(("bearer" = []))
)]
pub async fn cancel(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
) -> AppResult<Response> {
    move_to(&state, &user, ip, &id, EventStatus::Cancelled).await
}

/// Mark an event held
///
/// From its start on, a published event (or one whose registration is closed) is marked
/// as held; its minutes and report follow. 409 before it has begun or from another state.
#[utoipa::path(
    post, path = "/api/v1/events/{id}/held", operation_id = "markEventHeld", tag = "Events",
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, body = crate::features::events::api::EventJson), (status = 409, description = "Its life cycle does not allow it")),
    security(("bearer" = []))
)]
pub async fn held(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
) -> AppResult<Response> {
    move_to(&state, &user, ip, &id, EventStatus::Held).await
}

/// A person a coordinator registers (who called, wrote or came in), as the "Register
/// someone" form takes them.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    /// 1–200 characters.
    name: String,
    /// Optional: with an address, the person gets the mail with their personal link.
    email: Option<String>,
    /// Their organisation in words; required unless `private_person`.
    organisation: Option<String>,
    #[serde(default)]
    private_person: bool,
    /// A territory's id: where they come from.
    territory_id: Option<i64>,
    /// The language of their mails: lv (default) or en.
    lang: Option<String>,
    /// Required: the person was told the privacy notice.
    #[serde(default)]
    notice_given: bool,
    /// The person agreed to give the answers below for the statistics (required with any).
    #[serde(default)]
    stats_consent: bool,
    /// female, male or other.
    gender: Option<String>,
    /// An age group: under_18, 18_24, 25_29, 30_49, 50_64 or 65_plus.
    age_group: Option<String>,
    /// Self-declared Roma identity: yes or no.
    roma_self_identified: Option<String>,
}

impl RegistrationInput {
    /// As the form would send it.
    fn pairs(self) -> Vec<(String, String)> {
        let mut out = vec![
            ("name".to_owned(), self.name),
            ("email".to_owned(), self.email.unwrap_or_default()),
            (
                "organisation".to_owned(),
                self.organisation.unwrap_or_default(),
            ),
            (
                "territory_id".to_owned(),
                self.territory_id.map(|t| t.to_string()).unwrap_or_default(),
            ),
            (
                "lang".to_owned(),
                self.lang.unwrap_or_else(|| "lv".to_owned()),
            ),
            ("gender".to_owned(), self.gender.unwrap_or_default()),
            ("age_group".to_owned(), self.age_group.unwrap_or_default()),
            (
                "roma".to_owned(),
                self.roma_self_identified.unwrap_or_default(),
            ),
        ];
        for (flag, on) in [
            ("private_person", self.private_person),
            ("notice", self.notice_given),
            ("stats_consent", self.stats_consent),
        ] {
            if on {
                out.push((flag.to_owned(), "1".to_owned()));
            }
        }
        out
    }
}

/// The registration with this id of the event, as the API gives it.
async fn registration_answer(
    state: &AppState,
    event: i64,
    id: i64,
    status: StatusCode,
) -> AppResult<Response> {
    let r = store::registrations::for_event(state.db(), event)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(AppError::NotFound)?;
    let mut res = (
        status,
        Json(crate::features::events::api::registration_json(r)),
    )
        .into_response();
    if let Ok(v) = format!("/api/v1/events/{event}/registrations").parse() {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Register a person
///
/// For those who manage events: someone who called, wrote or came in is registered and
/// confirmed at once (or put on the waiting list when the event is full: see `status`), with
/// the form's rules; with an e-mail address they get the mail with their personal link. The
/// event must be published and not over. With an `Idempotency-Key` a retried request makes
/// no second registration.
#[utoipa::path(
    post, path = "/api/v1/events/{id}/registrations", operation_id = "createRegistration", tag = "Events",
    params(
        ("id" = i64, Path, description = "The event's id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any 1–255 visible ASCII characters, new for each new registration"),
    ),
    request_body = RegistrationInput,
    responses(
        (status = 201, body = crate::features::events::api::RegistrationJson),
        (status = 409, description = "Registration is not open, or this address is registered already"),
    ),
    security(("bearer" = []))
)]
pub async fn register(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<serde_json::Value>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let event = store::events::get(state.db(), parse_id(&id)?).await?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    let i: RegistrationInput =
        serde_json::from_value(body.clone()).map_err(|_| AppError::BadRequest)?;
    let f = crate::features::events::registration::RegFields::from_body(&i.pairs());
    let mut errors = FormErrors::default();
    let source = store::registrations::Source::Coordinator(user.id);
    let Some(mut input) = crate::features::events::registration::validate(
        &f,
        crate::i18n::Lang::Lv,
        source,
        &mut errors,
    )
    .filter(|_| errors.is_empty()) else {
        // Named as the API names them.
        let mut named = FormErrors::default();
        for e in errors.all() {
            let field = match e.field {
                "notice" => "notice_given",
                "roma" => "roma_self_identified",
                f => f,
            };
            named.add(field, e.message_id);
        }
        return Ok(invalid(&named));
    };
    if !crate::features::events::registration::can_add(&event, state.now()) {
        return Ok(field_problem(
            StatusCode::CONFLICT,
            "Registration is not open: the event is not published, or it is over",
            None,
            &FormErrors::default(),
        ));
    }
    let operation = format!("createRegistration {}", event.id);
    let ticket = match begin(&state, &user, &headers, &operation, &body).await? {
        Begun::Fresh(t) => t,
        Begun::Replay(rid) => {
            return Ok(replayed(
                registration_answer(&state, event.id, rid, StatusCode::CREATED).await?,
            ));
        }
        Begun::Refused(res) => return Ok(res),
    };
    let made = crate::features::events::registration::register_with_link(
        &state,
        &user.actor(ip),
        &event,
        &mut input,
    )
    .await;
    match made {
        Ok(r) => {
            settle(ticket, &state, Some(r.id)).await?;
            registration_answer(&state, event.id, r.id, StatusCode::CREATED).await
        }
        Err(e) => {
            settle(ticket, &state, None).await?;
            match e {
                store::Error::Conflict(store::Conflict::Events(
                    store::EventConflict::Territory,
                )) => {
                    let mut errors = FormErrors::default();
                    errors.add("territory_id", "territory-invalid");
                    Ok(invalid(&errors))
                }
                store::Error::Conflict(store::Conflict::Events(
                    store::EventConflict::Duplicate,
                )) => Ok(field_problem(
                    StatusCode::CONFLICT,
                    "This e-mail address is registered for the event already",
                    None,
                    &FormErrors::default(),
                )),
                store::Error::Conflict(_) => Ok(field_problem(
                    StatusCode::CONFLICT,
                    "Registration is closed for this event",
                    None,
                    &FormErrors::default(),
                )),
                e => Err(e.into()),
            }
        }
    }
}

//! An event's minutes and follow-up actions through the API (issue 23, item 4): the minutes
//! and the actions are read; an action decided at the event is created with the minutes
//! page's rules and `Idempotency-Key`.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::auth::Permission;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::features::events::minutes::{ActionFields, check_action};
use crate::http::dates::rfc3339;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{FormErrors, parse_id};
use crate::http::idempotency::{Begun, begin, replayed, settle};
use crate::http::paging::{Page, Paging};
use crate::http::problem::invalid;
use crate::principal::{ClientIp, CurrentUser};

/// An event's minutes: what was discussed, decided and recommended (sanitised HTML as
/// written; `null` where nothing was written).
#[derive(Debug, Serialize, ToSchema)]
pub struct MinutesJson {
    summary_lv: Option<String>,
    summary_en: Option<String>,
    decisions_lv: Option<String>,
    decisions_en: Option<String>,
    recommendations_lv: Option<String>,
    recommendations_en: Option<String>,
    /// When they were published (RFC 3339); `null` while they are a draft.
    published_at: Option<String>,
}

/// Read an event's minutes
///
/// For those who manage events, as the minutes page shows them, published or not. Minutes
/// not yet written are all `null`.
#[utoipa::path(
    get, path = "/api/v1/events/{id}/minutes", operation_id = "getMinutes", tag = "Events",
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, body = MinutesJson)),
    security(("bearer" = []))
)]
pub async fn minutes(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<MinutesJson>> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    store::events::get(state.db(), id).await?;
    let m = store::minutes::get(state.db(), id).await?;
    let html = |t: Option<String>| t.map(|t| crate::rich::sanitise(&t));
    Ok(Json(MinutesJson {
        summary_lv: html(m.summary_lv),
        summary_en: html(m.summary_en),
        decisions_lv: html(m.decisions_lv),
        decisions_en: html(m.decisions_en),
        recommendations_lv: html(m.recommendations_lv),
        recommendations_en: html(m.recommendations_en),
        published_at: m.published_at.map(rfc3339),
    }))
}

/// A follow-up action decided at an event.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionJson {
    id: i64,
    event_id: i64,
    title_lv: String,
    title_en: Option<String>,
    /// The organisation responsible.
    owner_organisation_id: i64,
    owner_name: String,
    /// `YYYY-MM-DD`.
    due_date: Option<String>,
    /// open, in_progress, done or dropped.
    status: String,
    drop_reason: Option<String>,
    updated_at: String,
}

fn action_json(a: store::actions::Action) -> ActionJson {
    ActionJson {
        id: a.id,
        event_id: a.event_id,
        title_lv: a.title_lv,
        title_en: a.title_en,
        owner_organisation_id: a.owner_organisation_id,
        owner_name: a.owner_name,
        due_date: a.due_date.map(|d| d.to_string()),
        status: a.status.as_str().to_owned(),
        drop_reason: a.drop_reason,
        updated_at: rfc3339(a.updated_at),
    }
}

/// List an event's follow-up actions
///
/// The actions decided at the event, with who is responsible, when they are due and how far
/// they are: all of them for those who manage events, otherwise those the caller's own
/// organisation is responsible for (as on the actions pages).
#[utoipa::path(
    get, path = "/api/v1/events/{id}/actions", operation_id = "listActions", tag = "Events",
    params(("id" = i64, Path, description = "The event's id"), Paging),
    responses((status = 200, body = Page<ActionJson>)),
    security(("bearer" = []))
)]
pub async fn actions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<ActionJson>>> {
    user.require(Permission::ViewEvents)?;
    let id = parse_id(&id)?;
    store::events::get(state.db(), id).await?;
    // As the action pages: everything for those who manage events, otherwise only the
    // actions the caller's own organisation is responsible for.
    let scope = user.action_scope();
    let list = store::actions::for_event(state.db(), id)
        .await?
        .into_iter()
        .filter(|a| match scope {
            store::actions::Scope::All => true,
            store::actions::Scope::Organisation(o) => a.owner_organisation_id == o,
            store::actions::Scope::Nothing => false,
        });
    Ok(Json(paging.of(list.map(action_json).collect())))
}

/// A follow-up action to record.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionInput {
    /// 1–500 characters.
    title_lv: String,
    title_en: Option<String>,
    /// The organisation responsible (its id).
    owner_organisation_id: i64,
    /// `YYYY-MM-DD`.
    #[schema(format = Date)]
    due_date: Option<String>,
    /// Measures of the action plan it serves (ids).
    #[serde(default)]
    #[schema(max_items = 100)]
    measure_ids: Vec<i64>,
}

async fn action_answer(state: &AppState, event: i64, id: i64) -> AppResult<Response> {
    let a = store::actions::for_event(state.db(), event)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    let mut res = (StatusCode::CREATED, Json(action_json(a))).into_response();
    if let Ok(v) = format!("/api/v1/events/{event}/actions").parse() {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Record a follow-up action
///
/// For those who manage events: an action decided at the event, as on its minutes page. With
/// an `Idempotency-Key` a retried request records no second action.
#[utoipa::path(
    post, path = "/api/v1/events/{id}/actions", operation_id = "createAction", tag = "Events",
    params(
        ("id" = i64, Path, description = "The event's id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any 1–255 visible ASCII characters, new for each new action"),
    ),
    request_body = ActionInput,
    responses((status = 201, body = ActionJson)),
    security(("bearer" = []))
)]
pub async fn create_action(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<serde_json::Value>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    store::events::get(state.db(), id).await?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    let i: ActionInput = serde_json::from_value(body.clone()).map_err(|_| AppError::BadRequest)?;
    let fields = ActionFields {
        title_lv: i.title_lv,
        title_en: i.title_en.unwrap_or_default(),
        owner: i.owner_organisation_id.to_string(),
        due: i.due_date.unwrap_or_default(),
        measures: i.measure_ids.iter().map(i64::to_string).collect(),
    };
    // Named as the API names them.
    let named = |errors: &FormErrors| {
        let mut out = FormErrors::default();
        for e in errors.all() {
            let field = match e.field {
                "owner" => "owner_organisation_id",
                "due" => "due_date",
                "measures" => "measure_ids",
                f => f,
            };
            out.add(field, e.message_id);
        }
        out
    };
    let mut errors = FormErrors::default();
    let Some(input) = check_action(&fields, &mut errors) else {
        return Ok(invalid(&named(&errors)));
    };
    let ticket = match begin(
        &state,
        &user,
        &headers,
        &format!("createAction {id}"),
        &body,
    )
    .await?
    {
        Begun::Fresh(t) => t,
        Begun::Replay(aid) => return Ok(replayed(action_answer(&state, id, aid).await?)),
        Begun::Refused(res) => return Ok(res),
    };
    let made = store::actions::create(state.db(), state.now(), &user.actor(ip), id, &input).await;
    match made {
        Ok(aid) => {
            settle(ticket, &state, Some(aid)).await?;
            action_answer(&state, id, aid).await
        }
        Err(e) => {
            settle(ticket, &state, None).await?;
            match e {
                store::Error::NotFound => errors.add("owner", "action-owner-invalid"),
                store::Error::Conflict(_) => errors.add("measures", "reg-choice-invalid"),
                e => return Err(e.into()),
            }
            Ok(invalid(&named(&errors)))
        }
    }
}

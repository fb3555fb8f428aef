//! The directory's JSON API: `/api/v1/organisations` and `/api/v1/people`, with the same
//! permissions, validation and contact visibility as the pages.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::auth::Permission;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::features::directory::organisations;
use crate::features::directory::people;
use crate::features::directory::{sees_org_contacts, show_person_contacts};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{FormErrors, parse_id};
use crate::http::paging::{Page, Paging};
use crate::http::preconditions::{IfMatch, if_match, stale, with_etag};
use crate::http::problem::invalid;
use crate::principal::{ClientIp, CurrentUser};

/// An organisation. Contacts are present only for those who may see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationJson {
    id: i64,
    name_lv: String,
    name_en: Option<String>,
    /// ministry, state_agency, municipality, municipal_institution, roma_ngo, other_ngo,
    /// international_partner, media, academia or other.
    kind: String,
    parent_id: Option<i64>,
    territory_id: Option<i64>,
    planning_region: Option<String>,
    website: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    address: Option<String>,
}

fn org_json(o: store::organisations::Organisation, contacts: bool) -> OrganisationJson {
    OrganisationJson {
        id: o.id,
        name_lv: o.name_lv,
        name_en: o.name_en,
        kind: o.kind.as_str().to_owned(),
        parent_id: o.parent_id,
        territory_id: o.territory_id,
        planning_region: o.planning_region.map(|r| r.as_str().to_owned()),
        website: o.website,
        email: o.email.filter(|_| contacts),
        phone: o.phone.filter(|_| contacts),
        address: o.address.filter(|_| contacts),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrgListQuery {
    /// Words of the name (case and diacritics ignored).
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
    /// A territory id: the organisation's place or a place within it.
    #[serde(default)]
    territory: String,
    /// riga, vidzeme, kurzeme, zemgale or latgale.
    #[serde(default)]
    region: String,
}

/// List organisations
///
/// The directory's organisations, filtered by name, kind, place or planning region. Contacts
/// are shown only to those who may see them.
#[utoipa::path(
    get, path = "/api/v1/organisations", operation_id = "listOrganisations", tag = "Directory", params(OrgListQuery, Paging),
    responses((status = 200, body = Page<OrganisationJson>), (status = 401, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn list_orgs(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<OrgListQuery>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<OrganisationJson>>> {
    user.require(Permission::ViewDirectory)?;
    let query = organisations::OrgQuery {
        q: q.q,
        kind: q.kind,
        territory: q.territory,
        region: q.region,
        page: None,
    };
    let (orgs, total) =
        store::organisations::list(state.db(), &query.filter(), paging.window()).await?;
    let items = orgs
        .into_iter()
        .map(|o| {
            let c = sees_org_contacts(&user, o.id);
            org_json(o, c)
        })
        .collect();
    Ok(Json(paging.with(items, total)))
}

/// Read one organisation
///
/// Contacts are present only for those who may see them.
#[utoipa::path(
    get, path = "/api/v1/organisations/{id}", operation_id = "getOrganisation", tag = "Directory", params(("id" = i64, Path, description = "The organisation's id")),
    responses((status = 200, body = OrganisationJson), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn get_org(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    user.require(Permission::ViewDirectory)?;
    let id = parse_id(&id)?;
    let version = store::versions::current(state.db(), "organisations", id).await?;
    let o = store::organisations::get(state.db(), id).await?;
    Ok(with_etag(
        Json(org_json(o, sees_org_contacts(&user, id))).into_response(),
        version,
    ))
}

/// Fields of an organisation. On POST `name_lv` and `kind` are required; on PATCH every
/// field given replaces the stored one (an empty string or `null` clears an optional field).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    name_lv: Option<String>,
    name_en: Option<String>,
    kind: Option<String>,
    #[serde(default, deserialize_with = "crate::http::forms::present")]
    #[schema(value_type = Option<i64>)]
    parent_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "crate::http::forms::present")]
    #[schema(value_type = Option<i64>)]
    territory_id: Option<Option<i64>>,
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
    address: Option<String>,
}

fn overlay_org(base: &mut organisations::OrgFields, i: OrganisationInput) {
    let id = |v: i64| v.to_string();
    if let Some(v) = i.name_lv {
        base.name_lv = v;
    }
    if let Some(v) = i.name_en {
        base.name_en = v;
    }
    if let Some(v) = i.kind {
        base.kind = v;
    }
    if let Some(v) = i.parent_id {
        base.parent_id = v.map(id).unwrap_or_default();
    }
    if let Some(v) = i.territory_id {
        base.territory_id = v.map(id).unwrap_or_default();
    }
    if let Some(v) = i.email {
        base.email = v;
    }
    if let Some(v) = i.phone {
        base.phone = v;
    }
    if let Some(v) = i.website {
        base.website = v;
    }
    if let Some(v) = i.address {
        base.address = v;
    }
}

const STALE: store::Error =
    store::Error::Conflict(store::Conflict::Database(store::DatabaseConflict::Stale));

async fn save_org(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: Option<(i64, i64, IfMatch)>,
    fields: &organisations::OrgFields,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let input = organisations::validate(fields, &mut errors);
    if !errors.is_empty() {
        return Ok(invalid(&errors));
    }
    let actor = user.actor(ip);
    let result = match &id {
        None => store::organisations::create(state.db(), state.now(), &actor, &input).await,
        Some((_, _, IfMatch::Never)) => Err(STALE),
        Some((id, read, asked)) => store::organisations::update_checked(
            state.db(),
            state.now(),
            &actor,
            *id,
            &input,
            asked.expected(*read),
        )
        .await
        .map(|_| *id),
    };
    let saved = match result {
        Ok(id) => id,
        Err(store::Error::Conflict(store::Conflict::Database(store::DatabaseConflict::Stale))) => {
            return Ok(stale(&id.map_or(IfMatch::Any, |(_, _, a)| a)));
        }
        Err(store::Error::Conflict(what)) => {
            errors.add(
                if what == store::Conflict::Directory(store::DirectoryConflict::Parent) {
                    "parent_id"
                } else {
                    "territory_id"
                },
                if what == store::Conflict::Directory(store::DirectoryConflict::Parent) {
                    "org-parent-invalid"
                } else {
                    "territory-invalid"
                },
            );
            return Ok(invalid(&errors));
        }
        Err(e) => return Err(e.into()),
    };
    // The version before the record: a save in between shows as a newer record.
    let version = store::versions::current(state.db(), "organisations", saved).await?;
    let o = store::organisations::get(state.db(), saved).await?;
    let status = if id.is_none() {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(with_etag(
        (status, Json(org_json(o, true))).into_response(),
        version,
    ))
}

/// Add an organisation
///
/// Needs the permission to manage the directory. Validated as the web form is; the change is in
/// the audit log.
#[utoipa::path(
    post, path = "/api/v1/organisations", operation_id = "createOrganisation", tag = "Directory", request_body = OrganisationInput,
    responses((status = 201, body = OrganisationJson), (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 403, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn create_org(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    body: Result<Json<OrganisationInput>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    let mut fields = organisations::OrgFields::default();
    overlay_org(&mut fields, body);
    save_org(&state, &user, ip, None, &fields).await
}

/// Change an organisation
///
/// Every field given replaces the stored one; an empty string or `null` clears an optional
/// field. Validated and audited as the web form is.
#[utoipa::path(
    patch, path = "/api/v1/organisations/{id}", operation_id = "updateOrganisation", tag = "Directory", request_body = OrganisationInput,
    params(("id" = i64, Path, description = "The organisation's id")),
    responses((status = 200, body = OrganisationJson), (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn patch_org(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    body: Result<Json<OrganisationInput>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    // The version before the record: a save in between then shows as stale, never lost.
    let read = store::versions::current(state.db(), "organisations", id).await?;
    let o = store::organisations::get(state.db(), id).await?;
    let mut fields = organisations::OrgFields::from_org(o);
    overlay_org(&mut fields, body);
    save_org(
        &state,
        &user,
        ip,
        Some((id, read, if_match(&headers))),
        &fields,
    )
    .await
}

/// A person. E-mails and phone are present only for those who may see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonJson {
    id: i64,
    name: String,
    emails: Option<Vec<String>>,
    phone: Option<String>,
    preferred_lang: String,
    territory_id: Option<i64>,
    memberships: Vec<MembershipJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipJson {
    organisation_id: i64,
    organisation_name: String,
    role_title: Option<String>,
    from_date: Option<String>,
    to_date: Option<String>,
}

fn person_json(p: store::people::Person, contacts: bool) -> PersonJson {
    PersonJson {
        id: p.id,
        name: p.name,
        emails: contacts.then_some(p.emails),
        phone: p.phone.filter(|_| contacts),
        preferred_lang: p.preferred_lang,
        territory_id: p.territory_id,
        memberships: p
            .memberships
            .into_iter()
            .map(|m| MembershipJson {
                organisation_id: m.organisation_id,
                organisation_name: m.organisation_name,
                role_title: m.role_title,
                from_date: m.from_date.map(|d| d.to_string()),
                to_date: m.to_date.map(|d| d.to_string()),
            })
            .collect(),
    }
}

/// A row of the people list.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonListItem {
    id: i64,
    name: String,
    territory: Option<String>,
    /// Current organisations' ids.
    organisation_ids: Vec<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleListQuery {
    /// Words of the name (and, for directory managers, of an e-mail address).
    #[serde(default)]
    q: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    territory: String,
    #[serde(default)]
    region: String,
    /// Words of a current role title.
    #[serde(default)]
    role: String,
}

/// List people
///
/// The directory's people, filtered by name, organisation, its kind, place, region or role.
#[utoipa::path(
    get, path = "/api/v1/people", operation_id = "listPeople", tag = "Directory", params(PeopleListQuery, Paging),
    responses((status = 200, body = Page<PersonListItem>), (status = 401, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn list_people(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<PeopleListQuery>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<PersonListItem>>> {
    user.require(Permission::ViewDirectory)?;
    let query = people::PeopleQuery {
        q: q.q,
        organisation: q.organisation,
        kind: q.kind,
        territory: q.territory,
        region: q.region,
        role: q.role,
        ..Default::default()
    };
    let (rows, total) = store::people::list(
        state.db(),
        &query.filter(&user),
        state.today(),
        paging.window(),
    )
    .await?;
    let items = rows
        .into_iter()
        .map(|r| PersonListItem {
            id: r.id,
            name: r.name,
            territory: r.territory_name,
            organisation_ids: r.organisations.into_iter().map(|(id, _, _)| id).collect(),
        })
        .collect();
    Ok(Json(paging.with(items, total)))
}

/// Read one person
///
/// With their memberships; e-mail addresses and phone only for those who may see them, and
/// their reading is recorded in the access log. A person whose processing is restricted is not
/// given (404).
#[utoipa::path(
    get, path = "/api/v1/people/{id}", operation_id = "getPerson", tag = "Directory", params(("id" = i64, Path, description = "The person's id")),
    responses((status = 200, body = PersonJson), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn get_person(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    user.require(Permission::ViewDirectory)?;
    let id = parse_id(&id)?;
    let version = store::versions::current(state.db(), "people", id).await?;
    let p = store::people::get(state.db(), id).await?;
    // A restricted person's record is only kept (article 18): not given through the API.
    if store::people::restriction(state.db(), id).await?.is_some() {
        return Err(crate::http::error::AppError::NotFound);
    }
    let contacts =
        show_person_contacts(&state, &user, &p, domain::privacy::AccessPlace::Api).await?;
    Ok(with_etag(
        Json(person_json(p, contacts)).into_response(),
        version,
    ))
}

/// Fields of a person. On POST `name` is required; on PATCH every field given replaces
/// the stored one (`null` or an empty string clears an optional field). `gender`: female,
/// male, other or undisclosed.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    name: Option<String>,
    emails: Option<Vec<String>>,
    phone: Option<String>,
    preferred_lang: Option<String>,
    #[serde(default, deserialize_with = "crate::http::forms::present")]
    #[schema(value_type = Option<i64>)]
    territory_id: Option<Option<i64>>,
    gender: Option<String>,
    #[serde(default, deserialize_with = "crate::http::forms::present")]
    #[schema(value_type = Option<i32>)]
    birth_year: Option<Option<i32>>,
}

fn overlay_person(base: &mut people::PersonFields, i: PersonInput) {
    if let Some(v) = i.name {
        base.name = v;
    }
    if let Some(v) = i.emails {
        base.emails = v.join("\n");
    }
    if let Some(v) = i.phone {
        base.phone = v;
    }
    if let Some(v) = i.preferred_lang {
        base.preferred_lang = v;
    }
    if let Some(v) = i.territory_id {
        base.territory_id = v.map(|t| t.to_string()).unwrap_or_default();
    }
    if let Some(v) = i.gender {
        base.gender = v;
    }
    if let Some(v) = i.birth_year {
        base.birth_year = v.map(|y| y.to_string()).unwrap_or_default();
    }
}

async fn save_person(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: Option<(i64, i64, IfMatch)>,
    fields: &people::PersonFields,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let input = people::validate(fields, i32::from(state.today().year()), &mut errors);
    if !errors.is_empty() {
        return Ok(invalid(&errors));
    }
    let actor = user.actor(ip);
    let result = match &id {
        None => store::people::create(state.db(), state.now(), &actor, &input).await,
        Some((_, _, IfMatch::Never)) => Err(STALE),
        Some((id, read, asked)) => store::people::update_checked(
            state.db(),
            state.now(),
            &actor,
            *id,
            &input,
            asked.expected(*read),
        )
        .await
        .map(|()| *id),
    };
    let saved = match result {
        Ok(id) => id,
        Err(store::Error::Conflict(store::Conflict::Database(store::DatabaseConflict::Stale))) => {
            return Ok(stale(&id.map_or(IfMatch::Any, |(_, _, a)| a)));
        }
        Err(store::Error::Conflict(store::Conflict::Directory(
            store::DirectoryConflict::Email,
        ))) => {
            errors.add("emails", "email-belongs-to-other");
            return Ok(invalid(&errors));
        }
        Err(store::Error::Conflict(_)) => {
            errors.add("territory_id", "territory-invalid");
            return Ok(invalid(&errors));
        }
        Err(e) => return Err(e.into()),
    };
    // The version before the record: a save in between shows as a newer record.
    let version = store::versions::current(state.db(), "people", saved).await?;
    let p = store::people::get(state.db(), saved).await?;
    // A new person's contacts are the caller's own input; a changed one's are read as any.
    let (status, contacts) = if id.is_none() {
        (StatusCode::CREATED, true)
    } else {
        (
            StatusCode::OK,
            show_person_contacts(state, user, &p, domain::privacy::AccessPlace::Api).await?,
        )
    };
    Ok(with_etag(
        (status, Json(person_json(p, contacts))).into_response(),
        version,
    ))
}

/// Add a person
///
/// Validated as the web form is (a name, valid e-mail addresses and phone); the change is in
/// the audit log.
#[utoipa::path(
    post, path = "/api/v1/people", operation_id = "createPerson", tag = "Directory", request_body = PersonInput,
    responses((status = 201, body = PersonJson), (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn create_person(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    body: Result<Json<PersonInput>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    let mut fields = people::PersonFields::default();
    overlay_person(&mut fields, body);
    save_person(&state, &user, ip, None, &fields).await
}

/// Change a person
///
/// Every field given replaces the stored one; an empty string or `null` clears an optional
/// field. Validated and audited as the web form is.
#[utoipa::path(
    patch, path = "/api/v1/people/{id}", operation_id = "updatePerson", tag = "Directory", request_body = PersonInput,
    params(("id" = i64, Path, description = "The person's id")),
    responses((status = 200, body = PersonJson), (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn patch_person(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    body: Result<Json<PersonInput>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    let Json(body) = body.map_err(|_| AppError::BadRequest)?;
    // The version before the record: a save in between then shows as stale, never lost.
    let read = store::versions::current(state.db(), "people", id).await?;
    let p = store::people::get(state.db(), id).await?;
    // A restricted person's record is only kept (article 18): not given through the API.
    if store::people::restriction(state.db(), id).await?.is_some() {
        return Err(AppError::NotFound);
    }
    let mut fields = people::PersonFields::from_person(p);
    overlay_person(&mut fields, body);
    save_person(
        &state,
        &user,
        ip,
        Some((id, read, if_match(&headers))),
        &fields,
    )
    .await
}

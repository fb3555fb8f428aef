//! A registry person's rights (GDPR articles 15–18): everything the platform holds about
//! them as a printable page and as JSON, for a coordinator answering the person's request
//! of access. Producing it is itself on the record (access log and audit log).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::privacy::{AccessKind, AccessPurpose};
use serde_json::{Map, Value, json};

use crate::AppState;
use axum::http::StatusCode;
use axum::response::Redirect;

use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors, parse_id, required_block};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// Who may give a person everything held about them: who may see every contact and the
/// Roma self-identification.
pub fn may_give_data(user: &CurrentUser) -> bool {
    user.can(Permission::ManageDirectory) && user.can(Permission::ViewRomaIdentity)
}

/// Everything held about a person, read at once.
struct Everything {
    /// Where the subject's page is (after the language): the person's, or for someone known
    /// only by address, their request's.
    base: String,
    /// The JSON file's name.
    file: String,
    person: store::people::Person,
    roma: Option<store::people::RomaRecord>,
    consents: Vec<store::people::ConsentRecord>,
    data: store::person_data::PersonData,
    access: Vec<store::access_log::Record>,
}

/// The access records about `subjects` made so far (the export is about what others read),
/// then the export itself on the record: the access log (purpose: the person's request) and
/// the audit log (`about`: the record it was made from).
async fn made_for_request(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    subjects: &[String],
    about: (&str, i64),
    what: &str,
    format: &str,
) -> AppResult<Vec<store::access_log::Record>> {
    let access = store::access_log::concerning(state.db(), subjects, 10_000).await?;
    user.record_reading(
        state,
        AccessKind::Export,
        what.to_owned(),
        Some(AccessPurpose::SubjectRequest),
        subjects,
    )
    .await?;
    store::audit::record_alone(
        state.db(),
        state.now(),
        &user.actor(ip),
        &store::audit::Event::new(AuditAction::PersonDataExported)
            .on(about.0, about.1)
            .detail(format!("format={format}")),
    )
    .await?;
    Ok(access)
}

/// Reads everything about a person and records that it was read (for their request).
async fn everything(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: &str,
    format: &str,
) -> AppResult<Everything> {
    if !may_give_data(user) {
        return Err(crate::http::error::AppError::Forbidden);
    }
    let person = store::people::get(state.db(), parse_id(id)?).await?;
    let emails: Vec<String> = person.emails.iter().map(|e| e.to_lowercase()).collect();
    let subjects = store::access_log::person_subjects(state.db(), person.id).await?;
    let access = made_for_request(
        state,
        user,
        ip,
        &subjects,
        ("person", person.id),
        &format!("person-data-{} ({format})", person.id),
        format,
    )
    .await?;
    Ok(Everything {
        base: format!("/people/{}", person.id),
        file: format!("persona-{}.json", person.id),
        roma: store::people::roma_identity(state.db(), person.id).await?,
        consents: store::people::roma_consents(state.db(), person.id).await?,
        data: store::person_data::of_person(state.db(), person.id, &emails).await?,
        person,
        access,
    })
}

/// The label of each field `store::person_data` names.
const FIELD_LABELS: &[(&str, &str)] = &[
    ("event", "data-field-event"),
    ("event_starts_at", "data-field-event-starts-at"),
    ("status", "data-field-status"),
    ("name", "data-field-name"),
    ("email", "data-field-email"),
    ("gender", "data-field-gender"),
    ("age_group", "data-field-age-group"),
    ("roma_self_identified", "data-field-roma-self-identified"),
    ("registered_at", "data-field-registered-at"),
    ("category", "data-field-category"),
    ("organisation", "data-field-organisation"),
    ("source", "data-field-source"),
    ("agenda_item", "data-field-agenda-item"),
    ("fields", "data-field-fields"),
    ("given_on", "data-field-given-on"),
    ("notice_version", "data-field-notice-version"),
    ("recorded_at", "data-field-recorded-at"),
    ("withdrawn_at", "data-field-withdrawn-at"),
    ("practice", "data-field-practice"),
    ("role", "data-field-role"),
    ("created_at", "data-field-created-at"),
    ("disabled_at", "data-field-disabled-at"),
    ("story", "data-field-story"),
];

/// One kind of what is held, for the page: its heading, its columns and rows in words.
struct Part {
    heading: &'static str,
    hint: Option<&'static str>,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// A field's value in words: times in Riga time, codes by their labels.
fn worded(ctx: &PageCtx, part: &str, name: &str, value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    if name.ends_with("_at") {
        return value
            .parse::<i64>()
            .map_or_else(|_| value.to_owned(), |t| ctx.datetime(&t));
    }
    let key: Option<&str> = match (part, name) {
        (_, "roma_self_identified") => Some(if value == "yes" {
            "roma-yes"
        } else {
            "roma-no"
        }),
        (_, "gender") => domain::directory::Gender::parse(value).map(|g| g.label_key()),
        (_, "age_group") => Some(crate::figures::participation::age_label(value)),
        ("attendances", "source") => Some(match value {
            "registration" => "attendance-registered",
            "walk_in" => "attendance-walk-in",
            "import" => "attendance-imported",
            _ => "attendance-via-api",
        }),
        ("registrations", "status") => match value {
            "confirmed" => Some("reg-status-confirmed"),
            "waiting" => Some("reg-status-waiting"),
            "cancelled" => Some("reg-status-cancelled"),
            _ => None,
        },
        ("invitations", "status") => Some(domain::event::InvitationStatus::label_key_of(value)),
        ("attendances", "category") => {
            domain::participation::Category::parse(value).map(|c| c.label_key())
        }
        ("practice_contacts", "status") => Some(domain::site::PracticeStatus::label_key_of(value)),
        ("stories_same_name", "status") => Some(domain::site::StoryStatus::label_key_of(value)),
        ("accounts", "role") => domain::auth::Role::parse(value).map(|r| r.label_key()),
        _ => None,
    };
    key.map_or_else(|| value.to_owned(), |k| ctx.t(k))
}

fn part(
    ctx: &PageCtx,
    key: &'static str,
    heading: &'static str,
    hint: Option<&'static str>,
    lines: &[store::person_data::Held],
) -> Part {
    let columns = lines
        .first()
        .map(|l| {
            l.fields
                .iter()
                .map(|(n, _)| {
                    FIELD_LABELS
                        .iter()
                        .find(|(k, _)| k == n)
                        .map_or_else(|| (*n).to_owned(), |(_, id)| ctx.t(id))
                })
                .collect()
        })
        .unwrap_or_default();
    Part {
        heading,
        hint,
        columns,
        rows: lines
            .iter()
            .map(|l| {
                l.fields
                    .iter()
                    .map(|(n, v)| worded(ctx, key, n, v))
                    .collect()
            })
            .collect(),
    }
}

/// The kinds held, in the page's order: (key, heading, hint, lines).
fn kinds(
    d: &store::person_data::PersonData,
) -> [(
    &'static str,
    &'static str,
    Option<&'static str>,
    &[store::person_data::Held],
); 8] {
    [
        (
            "registrations",
            "data-registrations",
            None,
            &d.registrations,
        ),
        ("invitations", "data-invitations", None, &d.invitations),
        ("attendances", "data-attendances", None, &d.attendances),
        ("speaking", "data-speaking", None, &d.speaking),
        ("listings", "data-listings", None, &d.listings),
        (
            "practice_contacts",
            "data-practices",
            None,
            &d.practice_contacts,
        ),
        ("accounts", "data-accounts", None, &d.accounts),
        (
            "stories_same_name",
            "data-stories",
            Some("data-stories-hint"),
            &d.stories_same_name,
        ),
    ]
}

#[derive(Template)]
#[template(path = "directory/person_data.html")]
struct DataPage {
    ctx: PageCtx,
    e: Everything,
    parts: Vec<Part>,
    made_at: i64,
    made_by: String,
}

impl DataPage {
    fn where_(&self, detail: &str) -> String {
        self.ctx.access_where(detail)
    }
}

/// `POST /{lang}/people/{id}/data`: everything held about the person, to print.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let e = everything(&state, &user, ip, &id, "html").await?;
    data_page(&state, ctx, &user, e)
}

/// The printable page of everything held.
fn data_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    e: Everything,
) -> AppResult<Html<String>> {
    let parts = kinds(&e.data)
        .into_iter()
        .map(|(key, heading, hint, lines)| part(&ctx, key, heading, hint, lines))
        .collect();
    Ok(Html(
        DataPage {
            ctx,
            e,
            parts,
            made_at: state.now(),
            made_by: user.name.clone(),
        }
        .render()?,
    ))
}

/// `POST /{lang}/people/{id}/data.json`: the same as JSON (codes as stored, times in RFC 3339).
pub async fn json(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let e = everything(&state, &user, ip, &id, "json").await?;
    data_json(&state, &user, &e)
}

/// Everything held as JSON.
fn data_json(state: &AppState, user: &CurrentUser, e: &Everything) -> AppResult<Response> {
    use crate::http::dates::rfc3339;
    let p = &e.person;
    let lines = |lines: &[store::person_data::Held]| -> Value {
        Value::Array(
            lines
                .iter()
                .map(|l| {
                    let mut m = Map::new();
                    for (n, v) in &l.fields {
                        let v = match v.parse::<i64>() {
                            Ok(t) if n.ends_with("_at") => Value::String(rfc3339(t)),
                            _ if v.is_empty() => Value::Null,
                            _ => Value::String(v.clone()),
                        };
                        m.insert((*n).to_owned(), v);
                    }
                    Value::Object(m)
                })
                .collect(),
        )
    };
    let mut held = Map::new();
    for (key, _, _, l) in kinds(&e.data) {
        held.insert(key.to_owned(), lines(l));
    }
    let body = json!({
        "made_at": rfc3339(state.now()),
        "made_by": user.name,
        "person": {
            // None for someone known only by address (no registry record).
            "id": (p.id > 0).then_some(p.id),
            "name": p.name,
            "emails": p.emails,
            "phone": p.phone,
            "preferred_lang": p.preferred_lang,
            "territory": p.territory_name,
            "gender": p.gender.map(|g| g.as_str()),
            "birth_year": p.birth_year,
        },
        "memberships": p.memberships.iter().map(|m| json!({
            "organisation": m.organisation_name,
            "role": m.role_title,
            "from": m.from_date.map(|d| d.to_string()),
            "to": m.to_date.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "roma_self_identification": e.roma.as_ref().map(|r| json!({
            "value": r.value.as_str(),
            "consent_given_on": r.given_on.to_string(),
            "notice_version": r.notice_version,
            "recorded_at": rfc3339(r.recorded_at),
        })),
        "roma_consents": e.consents.iter().map(|c| json!({
            "given_on": c.given_on,
            "notice_version": c.notice_version,
            "recorded_at": rfc3339(c.recorded_at),
            "withdrawn_on": c.withdrawn_on,
        })).collect::<Vec<_>>(),
        "held": held,
        "access_records": e.access.iter().map(|a| json!({
            "at": rfc3339(a.at),
            "who": a.user_label,
            "what": a.kind.as_str(),
            "where": a.detail,
            "purpose": a.purpose.map(|p| p.as_str()),
        })).collect::<Vec<_>>(),
    });
    let bytes = serde_json::to_vec_pretty(&body).map_err(crate::http::error::AppError::internal)?;
    Ok(crate::http::files::download(bytes, &e.file, "application/json").into_response())
}

/// What the restriction and erasure forms hold, as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct RightsFields {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    confirm: String,
}

#[derive(Template)]
#[template(path = "directory/person_restriction.html")]
struct RestrictionPage {
    ctx: PageCtx,
    person: store::people::Person,
    restriction: Option<store::people::Restriction>,
    reason: String,
    errors: FormErrors,
}

/// The person, for those who answer requests (a restricted one too).
async fn person_for_rights(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> AppResult<store::people::Person> {
    user.require(Permission::ManageSubjectRequests)?;
    Ok(store::people::get(state.db(), parse_id(id)?).await?)
}

/// `GET /{lang}/people/{id}/restriction`: restricting the person's processing, or lifting it.
pub async fn restriction_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let person = person_for_rights(&state, &user, &id).await?;
    let restriction = store::people::restriction(state.db(), person.id).await?;
    Ok(Html(
        RestrictionPage {
            ctx,
            reason: restriction
                .as_ref()
                .map(|r| r.reason.clone())
                .unwrap_or_default(),
            person,
            restriction,
            errors: FormErrors::default(),
        }
        .render()?,
    ))
}

/// `POST /{lang}/people/{id}/restriction`: restricts (or, restricted, changes the reason).
pub async fn restrict(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<RightsFields>,
) -> AppResult<Response> {
    let person = person_for_rights(&state, &user, &id).await?;
    let mut errors = FormErrors::default();
    let reason = required_block(
        &f.reason,
        2000,
        "reason",
        "restriction-reason-missing",
        &mut errors,
    );
    if !errors.is_empty() {
        let restriction = store::people::restriction(state.db(), person.id).await?;
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(
                RestrictionPage {
                    ctx,
                    person,
                    restriction,
                    reason: f.reason,
                    errors,
                }
                .render()?,
            ),
        )
            .into_response());
    }
    store::people::set_restriction(
        state.db(),
        state.now(),
        &user.actor(ip),
        person.id,
        Some(&reason),
    )
    .await?;
    Ok(
        Redirect::to(&ctx.href(&format!("/people/{}?notice=restricted", person.id)))
            .into_response(),
    )
}

/// `POST /{lang}/people/{id}/restriction/lift`: the person's record is processed again.
pub async fn lift_restriction(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let person = person_for_rights(&state, &user, &id).await?;
    store::people::set_restriction(state.db(), state.now(), &user.actor(ip), person.id, None)
        .await?;
    Ok(
        Redirect::to(&ctx.href(&format!("/people/{}?notice=restriction-lifted", person.id)))
            .into_response(),
    )
}

#[derive(Template)]
#[template(path = "directory/person_erase.html")]
struct ErasePage {
    ctx: PageCtx,
    person: store::people::Person,
    /// Whether an account is linked to the person (it stays, unlinked).
    has_account: bool,
    errors: FormErrors,
}

async fn erase_page(
    state: &AppState,
    ctx: PageCtx,
    person: store::people::Person,
    errors: FormErrors,
) -> AppResult<ErasePage> {
    let has_account = store::users::by_person(state.db(), person.id)
        .await?
        .is_some();
    Ok(ErasePage {
        ctx,
        person,
        has_account,
        errors,
    })
}

/// `GET /{lang}/people/{id}/erase`: what erasing the person removes and keeps.
pub async fn erase_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let person = person_for_rights(&state, &user, &id).await?;
    Ok(Html(
        erase_page(&state, ctx, person, FormErrors::default())
            .await?
            .render()?,
    ))
}

/// `POST /{lang}/people/{id}/erase`: erases the person (the box must be ticked): first into
/// the erased-subjects list, so a restored backup loses them again, then out of the
/// database.
pub async fn erase(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<RightsFields>,
) -> AppResult<Response> {
    let person = person_for_rights(&state, &user, &id).await?;
    if f.confirm != "yes" {
        let mut errors = FormErrors::default();
        errors.add("confirm", "person-erase-unconfirmed");
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(erase_page(&state, ctx, person, errors).await?.render()?),
        )
            .into_response());
    }
    // Every number the erasure removes (merged duplicates too), before the database changes.
    for id in store::person_erasure::erased_ids(state.db(), person.id).await? {
        crate::erased::append(
            &state.settings().erased_list_file(),
            &crate::erased::person_code(id),
        )
        .map_err(|e| AppError::internal(format!("erased-subjects list: {e}")))?;
    }
    store::person_erasure::erase_on_request(state.db(), state.now(), &user.actor(ip), person.id)
        .await?;
    Ok(Redirect::to(&ctx.href("/people?notice=person-erased")).into_response())
}

/// The request of someone known only by an e-mail address (no registry person has it), with
/// the address: `None` when the request names a registry person or no address.
async fn address_request(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> AppResult<(store::subject_requests::Request, String)> {
    user.require(Permission::ManageSubjectRequests)?;
    let r = store::subject_requests::get(state.db(), parse_id(id)?).await?;
    match (&r.input.person_id, &r.input.requester_email) {
        (None, Some(email)) => {
            let email = email.trim().to_lowercase();
            Ok((r, email))
        }
        _ => Err(AppError::NotFound),
    }
}

/// Everything held under a request's address, recorded as read for the request.
async fn everything_at_address(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: &str,
    format: &str,
) -> AppResult<Everything> {
    let (r, email) = address_request(state, user, id).await?;
    let subjects = vec![domain::privacy::email_subject(&email)];
    let access = made_for_request(
        state,
        user,
        ip,
        &subjects,
        ("subject_request", r.id),
        &format!("request-data-{} ({format})", r.id),
        format,
    )
    .await?;
    Ok(Everything {
        base: format!("/privacy/requests/{}", r.id),
        file: format!("pieprasijums-{}.json", r.id),
        // The person as the request names them: no registry record holds them.
        person: store::people::Person {
            id: 0,
            name: r.input.requester_name.clone(),
            emails: vec![email.clone()],
            phone: None,
            preferred_lang: String::new(),
            territory_id: None,
            territory_name: None,
            gender: None,
            birth_year: None,
            memberships: Vec::new(),
        },
        roma: None,
        consents: Vec::new(),
        data: store::person_data::of_person(state.db(), 0, &[email]).await?,
        access,
    })
}

/// `POST /{lang}/privacy/requests/{id}/data`: what is held under the address of someone
/// known only by it, to print.
pub async fn address_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let e = everything_at_address(&state, &user, ip, &id, "html").await?;
    data_page(&state, ctx, &user, e)
}

/// `POST /{lang}/privacy/requests/{id}/data.json`: the same as JSON.
pub async fn address_json(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let e = everything_at_address(&state, &user, ip, &id, "json").await?;
    data_json(&state, &user, &e)
}

/// `POST /{lang}/privacy/requests/{id}/erase-address`: erases what is held under the address
/// of someone known only by it (the box must be ticked; a registry person's address is
/// erased with the person). The address's hash goes into the erased list first.
pub async fn erase_address(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<RightsFields>,
) -> AppResult<Response> {
    let (r, email) = address_request(&state, &user, &id).await?;
    let back = |notice: &str| {
        Ok(Redirect::to(&ctx.href(&format!(
            "/privacy/requests/{}?notice={notice}#erase-address",
            r.id
        )))
        .into_response())
    };
    if f.confirm != "yes" {
        return back("address-erase-unconfirmed");
    }
    if store::person_erasure::address_held(state.db(), &email).await? {
        return back("address-in-registry");
    }
    let now = state.now();
    crate::erased::append(
        &state.settings().erased_list_file(),
        &store::person_erasure::address_code(&email, now),
    )
    .map_err(|e| AppError::internal(format!("erased-subjects list: {e}")))?;
    match store::person_erasure::erase_address(
        state.db(),
        now,
        &user.actor(ip),
        &email,
        Some(r.id),
        // Everything held now (a record may carry a time ahead of the clock: an imported
        // sign-in sheet's event time); the list's time bounds a later re-erasure.
        i64::MAX,
    )
    .await
    {
        Ok(_) => back("address-erased"),
        Err(store::Error::Conflict(_)) => back("address-in-registry"),
        Err(e) => Err(e.into()),
    }
}

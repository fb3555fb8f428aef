//! People: list with filters, detail with membership history and (for those allowed)
//! the consent-bound Roma self-identification, create and edit.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::directory::{
    AgeGroup, Gender, OrgKind, ROMA_NOTICE_VERSION, RomaIdentity, dates_in_order, parse_birth_year,
    parse_phone,
};
use domain::privacy::AccessPurpose;
use domain::territory::PlanningRegion;
use domain::user::{DisplayName, Email};
use serde::Deserialize;

use crate::AppState;
use crate::features::directory::organisations::pager;
use crate::features::directory::show_person_contacts;
use crate::http::choices::TerritoryGroups;
use crate::http::choices::territory_groups;
use crate::http::choices::{org_kinds, regions};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::optional_date;
use crate::http::forms::optional_id;
use crate::http::forms::optional_text;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// At most this many e-mail addresses per person.
pub const MAX_EMAILS: usize = 5;

#[derive(Debug, Default, Deserialize)]
pub struct PeopleQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub territory: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub page: Option<i64>,
    /// "1": the people whose processing is restricted (the list only; never an export).
    #[serde(default)]
    pub restricted: String,
    #[serde(default)]
    pub notice: Option<String>,
}

impl PeopleQuery {
    pub fn filter(&self, user: &CurrentUser) -> store::people::PersonFilter {
        store::people::PersonFilter {
            q: Some(self.q.clone()).filter(|q| !q.trim().is_empty()),
            organisation_id: optional_id(&self.organisation).ok().flatten(),
            org_kind: OrgKind::parse(&self.kind),
            territory_id: optional_id(&self.territory).ok().flatten(),
            region: PlanningRegion::parse(&self.region),
            role: Some(self.role.clone()).filter(|r| !r.trim().is_empty()),
            search_emails: user.can(Permission::ManageDirectory),
            restricted: false,
        }
    }
}

#[derive(Template)]
#[template(path = "directory/people.html")]
struct ListPage {
    ctx: PageCtx,
    query: PeopleQuery,
    people: Vec<store::people::PersonRow>,
    total: i64,
    kinds: Vec<(&'static str, &'static str)>,
    regions: Vec<(&'static str, &'static str)>,
    territories: TerritoryGroups,
    organisations: Vec<(i64, String)>,
    can_manage: bool,
    /// Whether the user answers requests (sees the restricted people's list).
    handles_requests: bool,
    notice: Option<&'static str>,
    prev_href: Option<String>,
    next_href: Option<String>,
}

impl ListPage {
    /// The list's filters, for the export form.
    fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let q = &self.query;
        vec![
            ("q", q.q.clone()),
            ("organisation", q.organisation.clone()),
            ("kind", q.kind.clone()),
            ("territory", q.territory.clone()),
            ("region", q.region.clone()),
            ("role", q.role.clone()),
        ]
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(query): Query<PeopleQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewDirectory)?;
    let page = query.page.unwrap_or(0).clamp(0, 100_000);
    let handles_requests = user.can(Permission::ManageSubjectRequests);
    let mut filter = query.filter(&user);
    filter.restricted = handles_requests && query.restricted == "1";
    let (people, total) = store::people::list(
        state.db(),
        &filter,
        state.today(),
        store::Window::page(page, store::people::PAGE_SIZE),
    )
    .await?;
    let shown = i64::try_from(people.len()).unwrap_or(0);
    let can_manage = user.can(Permission::ManageDirectory);
    if can_manage {
        // Their addresses are shown: those of other organisations' people are read on the
        // record.
        let others: Vec<String> = people
            .iter()
            .filter(|p| {
                p.email.is_some()
                    && !p
                        .organisations
                        .iter()
                        .any(|(o, _, _)| Some(*o) == user.organisation_id)
            })
            .map(|p| domain::privacy::person_subject(p.id))
            .collect();
        if !others.is_empty() {
            user.record_reading(
                &state,
                domain::privacy::AccessKind::Contacts,
                domain::privacy::AccessPlace::PeopleList.detail(),
                None,
                &others,
            )
            .await?;
        }
    }
    let (prev_href, next_href) = pager(
        &ctx,
        "/people",
        &[
            ("q", &query.q),
            ("organisation", &query.organisation),
            ("kind", &query.kind),
            ("territory", &query.territory),
            ("region", &query.region),
            ("role", &query.role),
            ("restricted", &query.restricted),
        ],
        page,
        shown,
        total,
        store::people::PAGE_SIZE,
    );
    let notice = match query.notice.as_deref() {
        Some("person-erased") => Some("person-erased"),
        _ => None,
    };
    Ok(Html(
        ListPage {
            territories: territory_groups(&state, ctx.lang).await?,
            organisations: store::organisations::names(state.db()).await?,
            ctx,
            query,
            people,
            total,
            kinds: org_kinds(),
            regions: regions(),
            can_manage,
            handles_requests,
            notice,
            prev_href,
            next_href,
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "directory/person.html")]
struct DetailPage {
    ctx: PageCtx,
    person: store::people::Person,
    age_group: Option<AgeGroup>,
    sees_contacts: bool,
    can_manage: bool,
    /// Whether the user may read the person's access report.
    sees_access: bool,
    /// Whether the user may give the person everything held about them.
    gives_data: bool,
    /// Whether the user answers people's requests about their data (restricts, erases).
    handles_requests: bool,
    /// The requests about the person (for those who answer them).
    requests: Vec<store::subject_requests::Request>,
    /// Since when, and why, the person's processing is restricted.
    restriction: Option<store::people::Restriction>,
    /// `Some` only for those who may see Roma self-identification.
    roma: Option<RomaView>,
    organisations: Vec<(i64, String)>,
    membership: MembershipFields,
    roma_form: RomaFields,
    today: String,
    /// The other people, for the merge chooser (directory managers only).
    others: Vec<(i64, String)>,
    listing: Option<store::listings::Listing>,
    listing_fields: &'static [&'static str],
    listing_action: String,
    notice: Option<&'static str>,
    errors: FormErrors,
}

#[derive(Debug)]
struct RomaView {
    current: Option<store::people::RomaRecord>,
    history: Vec<store::people::ConsentRecord>,
    can_record: bool,
    /// The value is shown only once a purpose was given and the reading recorded.
    shown: bool,
    purposes: &'static [AccessPurpose],
}

impl DetailPage {
    fn field_label(&self, f: &str) -> &'static str {
        crate::features::directory::public_directory::listing_field_label(f)
    }

    /// The day a request about the person is due, in words.
    fn due_day(&self, r: &store::subject_requests::Request) -> String {
        self.ctx.day(&r.due_on())
    }

    fn is_current(&self, m: &store::people::Membership) -> bool {
        self.today.parse().map(|d| m.current_on(d)).unwrap_or(true)
    }
}

async fn detail_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
    notice: Option<&'static str>,
) -> AppResult<DetailPage> {
    let person = store::people::get(state.db(), id).await?;
    let handles_requests = user.can(Permission::ManageSubjectRequests);
    // A restricted person's record is only kept: nobody but who answers their request
    // reads it (article 18).
    let restriction = store::people::restriction(state.db(), id).await?;
    if restriction.is_some() && !handles_requests {
        return Err(crate::http::error::AppError::NotFound);
    }
    let today = state.today();
    let roma = if user.can(Permission::ViewRomaIdentity) {
        Some(RomaView {
            current: store::people::roma_identity(state.db(), id).await?,
            history: store::people::roma_consents(state.db(), id).await?,
            can_record: user.can(Permission::RecordRomaIdentity),
            shown: false,
            purposes: AccessPurpose::ALL,
        })
    } else {
        None
    };
    Ok(DetailPage {
        age_group: person
            .birth_year
            .and_then(|y| AgeGroup::of(y, i32::from(today.year()))),
        sees_contacts: show_person_contacts(
            state,
            user,
            &person,
            domain::privacy::AccessPlace::Person,
        )
        .await?,
        sees_access: user.can(Permission::ViewAuditLog),
        gives_data: super::person_rights::may_give_data(user),
        handles_requests,
        requests: if handles_requests {
            store::subject_requests::of_person(state.db(), id).await?
        } else {
            Vec::new()
        },
        restriction,
        can_manage: user.can(Permission::ManageDirectory),
        organisations: if user.can(Permission::ManageDirectory) {
            store::organisations::names(state.db()).await?
        } else {
            Vec::new()
        },
        membership: MembershipFields::default(),
        roma_form: RomaFields {
            given_on: today.to_string(),
            ..RomaFields::default()
        },
        today: today.to_string(),
        listing: store::listings::get(state.db(), store::listings::Subject::Person(id)).await?,
        listing_fields: store::listings::PERSON_FIELDS,
        listing_action: ctx.href(&format!("/people/{id}/listing")),
        others: if user.can(Permission::ManageDirectory) {
            store::people::names(state.db())
                .await?
                .into_iter()
                .filter(|(p, _)| *p != id)
                .collect()
        } else {
            Vec::new()
        },
        ctx,
        person,
        roma,
        notice,
        errors: FormErrors::default(),
    })
}

pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewDirectory)?;
    let id = parse_id(&id)?;
    let notice = match n.notice.as_deref() {
        Some("saved") => Some("saved-notice"),
        Some("roma-recorded") => Some("roma-recorded"),
        Some("roma-withdrawn") => Some("roma-withdrawn"),
        Some("merged") => Some("merged-notice"),
        Some("listing-saved") => Some("listing-saved"),
        Some("listing-invalid") => Some("listing-invalid"),
        Some("listing-withdrawn") => Some("listing-withdrawn"),
        Some("restored") => Some("restored-notice"),
        Some("restricted") => Some("restricted-notice"),
        Some("restriction-lifted") => Some("restriction-lifted-notice"),
        Some("listing-restricted") => Some("listing-restricted"),
        _ => None,
    };
    Ok(Html(
        detail_page(&state, ctx, &user, id, notice)
            .await?
            .render()?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct PersonFields {
    #[serde(default)]
    pub(crate) name: String,
    /// One address per line (or separated by commas).
    #[serde(default)]
    pub(crate) emails: String,
    #[serde(default)]
    pub(crate) phone: String,
    #[serde(default)]
    pub(crate) preferred_lang: String,
    #[serde(default)]
    pub(crate) territory_id: String,
    #[serde(default)]
    pub(crate) gender: String,
    #[serde(default)]
    pub(crate) birth_year: String,
    /// New people only: the first membership.
    #[serde(default)]
    pub(crate) organisation_id: String,
    #[serde(default)]
    pub(crate) role_title: String,
    #[serde(default)]
    pub(crate) confirm_duplicate: Option<String>,
    /// The version of the record the form was loaded with (`store::versions`).
    #[serde(default)]
    pub(crate) version: String,
}

impl PersonFields {
    /// The form's fields filled from a stored person.
    pub fn from_person(p: store::people::Person) -> PersonFields {
        PersonFields {
            name: p.name,
            emails: p.emails.join("\n"),
            phone: p.phone.unwrap_or_default(),
            preferred_lang: p.preferred_lang,
            territory_id: p.territory_id.map(|t| t.to_string()).unwrap_or_default(),
            gender: p.gender.map(|g| g.as_str().to_owned()).unwrap_or_default(),
            birth_year: p.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            ..PersonFields::default()
        }
    }
}

/// Validates a person's fields; errors go next to their fields.
pub fn validate(
    f: &PersonFields,
    this_year: i32,
    errors: &mut FormErrors,
) -> store::people::PersonInput {
    let name = DisplayName::parse(&f.name)
        .map(DisplayName::into_string)
        .unwrap_or_else(|| {
            errors.add("name", "user-name-invalid");
            String::new()
        });
    let mut emails = Vec::new();
    for raw in f
        .emails
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match Email::parse(raw) {
            Some(e) if !emails.contains(&e.as_str().to_owned()) => emails.push(e.into_string()),
            Some(_) => {}
            None => errors.add("emails", "user-email-invalid"),
        }
    }
    if emails.len() > MAX_EMAILS {
        errors.add("emails", "emails-too-many");
    }
    let phone = match f.phone.trim() {
        "" => None,
        p => parse_phone(p).or_else(|| {
            errors.add("phone", "phone-invalid");
            None
        }),
    };
    let preferred_lang = crate::http::forms::lang_field(
        &f.preferred_lang,
        "preferred_lang",
        "language-invalid",
        errors,
    )
    .to_owned();
    let territory_id = optional_id(&f.territory_id).unwrap_or_else(|_| {
        errors.add("territory_id", "territory-invalid");
        None
    });
    let gender = match f.gender.as_str() {
        "" => None,
        g => Gender::parse(g).or_else(|| {
            errors.add("gender", "gender-invalid");
            None
        }),
    };
    let birth_year = match f.birth_year.trim() {
        "" => None,
        y => parse_birth_year(y, this_year).or_else(|| {
            errors.add("birth_year", "birth-year-invalid");
            None
        }),
    };
    store::people::PersonInput {
        name,
        emails,
        phone,
        preferred_lang,
        territory_id,
        gender,
        birth_year,
    }
}

#[derive(Template)]
#[template(path = "directory/person_form.html")]
struct FormPage {
    ctx: PageCtx,
    id: Option<i64>,
    f: PersonFields,
    errors: FormErrors,
    duplicates: Vec<(i64, String, &'static str)>,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
    territories: TerritoryGroups,
    organisations: Vec<(i64, String)>,
    genders: Vec<(&'static str, &'static str)>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        ctx: PageCtx,
        id: Option<i64>,
        f: PersonFields,
    ) -> AppResult<FormPage> {
        Ok(FormPage {
            territories: territory_groups(state, ctx.lang).await?,
            organisations: store::organisations::names(state.db()).await?,
            ctx,
            id,
            f,
            errors: FormErrors::default(),
            duplicates: Vec::new(),
            stale: None,
            genders: Gender::ALL
                .iter()
                .map(|g| (g.as_str(), g.label_key()))
                .collect(),
        })
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageDirectory)?;
    let f = PersonFields {
        preferred_lang: "lv".to_owned(),
        ..PersonFields::default()
    };
    Ok(Html(FormPage::new(&state, ctx, None, f).await?.render()?))
}

async fn save(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: Option<i64>,
    f: PersonFields,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let input = validate(&f, i32::from(state.today().year()), &mut errors);
    let first_membership = if id.is_none() {
        let org = optional_id(&f.organisation_id).unwrap_or_else(|_| {
            errors.add("organisation_id", "user-organisation-invalid");
            None
        });
        let role = optional_text(&f.role_title, 200).unwrap_or_else(|e| {
            errors.add("role_title", e.message_id());
            None
        });
        org.map(|organisation_id| store::people::NewMembership {
            organisation_id,
            role_title: role,
            from_date: Some(state.today()),
            to_date: None,
        })
    } else {
        None
    };
    let mut duplicates = Vec::new();
    if errors.is_empty() {
        duplicates = store::people::similar(state.db(), &input.name, &input.emails, id).await?;
        // The same e-mail is never allowed twice; the same name only when confirmed.
        if duplicates.iter().any(|(_, _, why)| *why == "email") {
            errors.add("emails", "email-belongs-to-other");
        } else if f.confirm_duplicate.is_some() {
            duplicates.clear();
        }
    }
    if errors.is_empty() && duplicates.is_empty() {
        let actor = user.actor(ip);
        let result = match id {
            None => {
                store::people::create_with_membership(
                    state.db(),
                    state.now(),
                    &actor,
                    &input,
                    first_membership.as_ref(),
                )
                .await
            }
            Some(id) => store::people::update_checked(
                state.db(),
                state.now(),
                &actor,
                id,
                &input,
                crate::http::stale::version(&f.version),
            )
            .await
            .map(|_| id),
        };
        match result {
            Ok(pid) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/people/{pid}?notice=saved"))).into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Directory(
                store::DirectoryConflict::Organisation,
            ))) => errors.add("organisation_id", "user-organisation-invalid"),
            Err(store::Error::Conflict(store::Conflict::Directory(
                store::DirectoryConflict::Email,
            ))) => errors.add("emails", "email-belongs-to-other"),
            Err(store::Error::Conflict(store::Conflict::Directory(
                store::DirectoryConflict::Territory,
            ))) => errors.add("territory_id", "territory-invalid"),
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                if let Some(id) = id {
                    return stale_page(state, ctx, user, id, f).await;
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = FormPage::new(state, ctx, id, f).await?;
    page.errors = errors;
    page.duplicates = duplicates;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// The form again after someone saved the person since it was loaded: what was typed, what
/// differs in the stored record now, and the current version (the next save, once merged
/// by hand, goes through).
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
    mut f: PersonFields,
) -> AppResult<Response> {
    let version = store::versions::current(state.db(), "people", id).await?;
    let now = store::people::get(state.db(), id).await?;
    show_person_contacts(state, user, &now, domain::privacy::AccessPlace::Person).await?;
    let territory = now.territory_name.clone().unwrap_or_default();
    let gender = now.gender.map(|g| ctx.t(g.label_key())).unwrap_or_default();
    let lang = if now.preferred_lang == "en" {
        "English"
    } else {
        "Latviešu"
    }
    .to_owned();
    let stored = PersonFields::from_person(now);
    let stale = crate::http::stale::Stale::compare(vec![
        ("field-name", &f.name, &stored.name, stored.name.clone()),
        (
            "field-emails",
            &f.emails,
            &stored.emails,
            stored.emails.clone(),
        ),
        ("field-phone", &f.phone, &stored.phone, stored.phone.clone()),
        (
            "field-language",
            &f.preferred_lang,
            &stored.preferred_lang,
            lang,
        ),
        (
            "field-territory",
            &f.territory_id,
            &stored.territory_id,
            territory,
        ),
        ("field-gender", &f.gender, &stored.gender, gender),
        (
            "field-birth-year",
            &f.birth_year,
            &stored.birth_year,
            stored.birth_year.clone(),
        ),
    ]);
    f.version = version.to_string();
    let mut page = FormPage::new(state, ctx, Some(id), f).await?;
    page.stale = Some(stale);
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<PersonFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    save(&state, ctx, &user, ip, None, f).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    // The version before the record: a save in between then shows as stale, never lost.
    let version = store::versions::current(state.db(), "people", id).await?;
    let p = store::people::get(state.db(), id).await?;
    // The form shows the addresses and phone: read on the record as on the page.
    show_person_contacts(&state, &user, &p, domain::privacy::AccessPlace::Person).await?;
    let mut f = PersonFields::from_person(p);
    f.version = version.to_string();
    Ok(Html(
        FormPage::new(&state, ctx, Some(id), f).await?.render()?,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<PersonFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    store::people::get(state.db(), id).await?;
    save(&state, ctx, &user, ip, Some(id), f).await
}

#[derive(Debug, Default, Deserialize)]
pub struct MembershipFields {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    role_title: String,
    #[serde(default)]
    from_date: String,
    #[serde(default)]
    to_date: String,
}

pub async fn add_membership(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<MembershipFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let org = match optional_id(&f.organisation_id) {
        Ok(Some(o)) => Some(o),
        _ => {
            errors.add("organisation_id", "user-organisation-invalid");
            None
        }
    };
    let role_title = optional_text(&f.role_title, 200).unwrap_or_else(|e| {
        errors.add("role_title", e.message_id());
        None
    });
    let from_date = optional_date(&f.from_date).unwrap_or_else(|_| {
        errors.add("from_date", "date-invalid");
        None
    });
    let to_date = optional_date(&f.to_date).unwrap_or_else(|_| {
        errors.add("to_date", "date-invalid");
        None
    });
    if !dates_in_order(from_date, to_date) {
        errors.add("to_date", "dates-out-of-order");
    }
    if let (true, Some(organisation_id)) = (errors.is_empty(), org) {
        let m = store::people::NewMembership {
            organisation_id,
            role_title,
            from_date,
            to_date,
        };
        match store::people::add_membership(state.db(), state.now(), &user.actor(ip), id, &m).await
        {
            Ok(_) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/people/{id}?notice=saved"))).into_response(),
                );
            }
            Err(store::Error::Conflict(_)) => {
                errors.add("organisation_id", "user-organisation-invalid")
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = detail_page(&state, ctx, &user, id, None).await?;
    page.membership = f;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

pub async fn end_membership(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, mid)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let (id, mid) = (parse_id(&id)?, parse_id(&mid)?);
    match store::people::end_membership(
        state.db(),
        state.now(),
        &user.actor(ip),
        id,
        mid,
        state.today(),
    )
    .await
    {
        Ok(()) => {
            Ok(Redirect::to(&ctx.href(&format!("/people/{id}?notice=saved"))).into_response())
        }
        // Began after today: it cannot end today.
        Err(store::Error::Conflict(_)) => Err(AppError::BadRequest),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct RomaFields {
    #[serde(default)]
    value: String,
    #[serde(default)]
    given_on: String,
    #[serde(default)]
    consent: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ShowRomaFields {
    #[serde(default)]
    purpose: String,
}

/// `POST /{lang}/people/{id}/roma-identity/show`: shows the Roma self-identification value
/// once the reader has said why, recording the reading in the access log first.
pub async fn show_roma(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ShowRomaFields>,
) -> AppResult<Response> {
    user.require(Permission::ViewRomaIdentity)?;
    let id = parse_id(&id)?;
    let mut page = detail_page(&state, ctx, &user, id, None).await?;
    let Some(purpose) = AccessPurpose::parse(&f.purpose) else {
        page.errors.add("purpose", "access-purpose-invalid");
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    };
    if let Some(r) = page.roma.as_mut()
        && r.current.is_some()
    {
        user.record_reading(
            &state,
            domain::privacy::AccessKind::RomaIdentity,
            domain::privacy::AccessPlace::Person.detail(),
            Some(purpose),
            &[domain::privacy::person_subject(id)],
        )
        .await?;
        r.shown = true;
    }
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "directory/person_access.html")]
struct AccessPage {
    ctx: PageCtx,
    person: store::people::Person,
    records: Vec<store::access_log::Record>,
    /// How many records concern the person in all (the page shows the latest 1000).
    total: i64,
}

/// Where an access record's reading was, in words: a page, or the exported list's name.
impl AccessPage {
    fn where_(&self, detail: &str) -> String {
        self.ctx.access_where(detail)
    }
}

/// `GET /{lang}/people/{id}/access`: who read this person's special-category or contact
/// data, or exported a list naming them — from the access log.
pub async fn access_report(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewAuditLog)?;
    let person = store::people::get(state.db(), parse_id(&id)?).await?;
    let subjects = store::access_log::person_subjects(state.db(), person.id).await?;
    let records = store::access_log::concerning(state.db(), &subjects, 1000).await?;
    let total = store::access_log::count_concerning(state.db(), &subjects).await?;
    Ok(Html(
        AccessPage {
            ctx,
            person,
            records,
            total,
        }
        .render()?,
    ))
}

pub async fn record_roma(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<RomaFields>,
) -> AppResult<Response> {
    user.require(Permission::RecordRomaIdentity)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let value = RomaIdentity::parse(&f.value);
    if value.is_none() {
        errors.add("roma_value", "roma-value-invalid");
    }
    let given_on = match optional_date(&f.given_on) {
        Ok(Some(d)) if d <= state.today() => Some(d),
        _ => {
            errors.add("given_on", "consent-date-invalid");
            None
        }
    };
    if f.consent.is_none() {
        errors.add("consent", "consent-required");
    }
    if let (true, Some(value), Some(given_on)) = (errors.is_empty(), value, given_on) {
        store::people::record_roma_identity(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            value,
            given_on,
            ROMA_NOTICE_VERSION,
        )
        .await?;
        return Ok(
            Redirect::to(&ctx.href(&format!("/people/{id}?notice=roma-recorded"))).into_response(),
        );
    }
    let mut page = detail_page(&state, ctx, &user, id, None).await?;
    page.roma_form = f;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

pub async fn withdraw_roma(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::RecordRomaIdentity)?;
    let id = parse_id(&id)?;
    store::people::withdraw_roma_identity(
        state.db(),
        state.now(),
        &user.actor(ip),
        id,
        state.today(),
    )
    .await?;
    Ok(Redirect::to(&ctx.href(&format!("/people/{id}?notice=roma-withdrawn"))).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct MergeFields {
    #[serde(default)]
    duplicate_id: String,
}

/// Merges another person (the duplicate) into this one.
pub async fn merge(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<MergeFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    store::people::get(state.db(), id).await?;
    let duplicate = match optional_id(&f.duplicate_id) {
        Ok(Some(d)) if d != id => d,
        _ => {
            let mut page = detail_page(&state, ctx, &user, id, None).await?;
            page.errors.add("duplicate_id", "merge-choose");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
        }
    };
    // A restricted record is only kept: it is merged neither way (article 18).
    for p in [id, duplicate] {
        if store::people::restriction(state.db(), p).await?.is_some() {
            let mut page = detail_page(&state, ctx, &user, id, None).await?;
            page.errors.add("duplicate_id", "merge-restricted");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
        }
    }
    let today = state.today().to_string();
    match store::merge::merge_people(
        state.db(),
        state.now(),
        &today,
        &user.actor(ip),
        id,
        duplicate,
    )
    .await
    {
        Ok(_) => {
            Ok(Redirect::to(&ctx.href(&format!("/people/{id}?notice=merged"))).into_response())
        }
        Err(store::Error::NotFound) => {
            let mut page = detail_page(&state, ctx, &user, id, None).await?;
            page.errors.add("duplicate_id", "merge-choose");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

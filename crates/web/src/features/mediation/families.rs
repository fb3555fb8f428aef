//! Roma mediation in the workspace, first part. Mediators: their families (by code), a new
//! family in a municipality they are assigned to, a family's record (opening it is logged
//! with its purpose) and its members. Coordinators: the mediators' assignments. Nobody but
//! the family's mediator reaches a family — the store decides, a foreign id is 404.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::mediation::{ConsentPurpose, Relation};
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::features::mediation::case_log;
use crate::http::error::AppResult;

use crate::http::forms::optional_id;
use crate::http::forms::optional_text;
use crate::http::forms::{
    AppForm, FormErrors, block_field, date_field, number_field, optional_date_field, parse_id,
    text_field,
};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

pub(crate) fn scope(user: &CurrentUser) -> store::mediation::CaseScope {
    if user.can(Permission::WorkCases) {
        store::mediation::CaseScope::Mediator(user.id)
    } else {
        store::mediation::CaseScope::Nothing
    }
}

/// A whole number within its range; the message names the range (each field has its own).
fn number(
    raw: &str,
    range: std::ops::RangeInclusive<i64>,
    field: &'static str,
    errors: &mut FormErrors,
) -> Option<i64> {
    let message = match field {
        "household_size" => "mediation-household-size-invalid",
        "birth_year" => "mediation-birth-year-invalid",
        "grade" => "mediation-grade-invalid",
        "duration" => "mediation-duration-invalid",
        "hours_per_week" => "mediation-hours-invalid",
        _ => "mediation-number-invalid",
    };
    number_field(raw, range, field, message, errors)
}

#[derive(Default, Deserialize)]
pub struct FamilyFields {
    #[serde(default)]
    territory_id: String,
    #[serde(default)]
    household_size: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
}

#[derive(Template)]
#[template(path = "mediation/families.html")]
struct FamiliesPage {
    ctx: PageCtx,
    families: Vec<store::mediation::FamilySummary>,
    territories: Vec<(i64, String)>,
    f: FamilyFields,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// Who supervises the mediator in each municipality (and who is proposed).
    supervision: Vec<store::mediation::Assignment>,
    /// The search by code as typed (the list shows the families whose code holds it).
    q: String,
    /// How many families there are before the search.
    all: usize,
}

async fn families_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    f: FamilyFields,
    errors: FormErrors,
) -> AppResult<FamiliesPage> {
    let families = store::mediation::families(state.db(), scope(user)).await?;
    Ok(FamiliesPage {
        all: families.len(),
        families,
        q: String::new(),
        territories: store::mediation::territories_of(state.db(), user.id, state.today()).await?,
        supervision: crate::features::mediation::supervisors::of_mediator(
            state,
            user.id,
            state.today(),
        )
        .await?,
        ctx,
        f,
        errors,
        notice: None,
    })
}

#[derive(Debug, Deserialize)]
pub struct FamiliesQuery {
    notice: Option<String>,
    /// A family code or part of it ("JEL-0", "0042"); case and spaces do not matter.
    #[serde(default)]
    q: String,
}

/// Whether a family's code holds what was typed (case, spaces and dashes ignored).
fn code_matches(code: &str, q: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect::<String>()
    };
    norm(code).contains(&norm(q))
}

/// "Ģimenes": the mediator's families (searchable by code, with the latest contact and the
/// next step) and the form for a new one.
pub async fn families(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(query): Query<FamiliesQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::WorkCases)?;
    let mut p = families_page(
        &state,
        ctx,
        &user,
        FamilyFields::default(),
        FormErrors::default(),
    )
    .await?;
    p.notice = Notice {
        notice: query.notice,
    }
    .notice_key();
    let q: String = query.q.trim().chars().take(40).collect();
    if !q.is_empty() {
        p.families.retain(|f| code_matches(&f.code, &q));
    }
    p.q = q;
    Ok(Html(p.render()?))
}

pub async fn create_family(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<FamilyFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let mut errors = FormErrors::default();
    let territory = optional_id(&f.territory_id).ok().flatten();
    if territory.is_none() {
        errors.add("territory_id", "mediation-territory-missing");
    }
    let household_size = number(&f.household_size, 1..=30, "household_size", &mut errors);
    let name = text_field(&f.name, 300, "name", &mut errors);
    let contact = block_field(&f.contact, 1000, "contact", &mut errors);
    if let (Some(territory_id), true) = (territory, errors.is_empty()) {
        let input = store::mediation::FamilyInput {
            territory_id,
            household_size,
            name,
            contact,
        };
        match store::mediation::create_family(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            state.keyring(),
            scope(&user),
            &input,
        )
        .await
        {
            Ok((id, _)) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/mediation/families/{id}"))).into_response(),
                );
            }
            Err(store::Error::Conflict(_)) => {
                errors.add("territory_id", "mediation-territory-missing")
            }
            Err(e) => return Err(e.into()),
        }
    }
    let p = families_page(&state, ctx, &user, f, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Default, Deserialize)]
pub struct MemberFields {
    #[serde(default)]
    relation: String,
    #[serde(default)]
    birth_year: String,
    #[serde(default)]
    gender: String,
    #[serde(default)]
    school: String,
    #[serde(default)]
    grade: String,
    #[serde(default)]
    name: String,
}

#[derive(Template)]
#[template(path = "mediation/family.html")]
pub(crate) struct FamilyPage {
    pub(crate) ctx: PageCtx,
    pub(crate) fam: store::mediation::Family,
    pub(crate) c: ContactFields,
    pub(crate) places: &'static [&'static str],
    pub(crate) areas: &'static [&'static str],
    pub(crate) access: Vec<store::mediation::Access>,
    pub(crate) relations: &'static [&'static str],
    pub(crate) m: MemberFields,
    pub(crate) k: case_log::ConsentFields,
    pub(crate) r: case_log::ReferralFields,
    pub(crate) s: case_log::FollowupFields,
    pub(crate) st: case_log::StatusFields,
    /// The referral or follow-up whose inline form has the error shown.
    pub(crate) updating: Option<i64>,
    pub(crate) errors: FormErrors,
    pub(crate) notice: Option<&'static str>,
    /// Read by a supervisor: no forms.
    pub(crate) read_only: bool,
    /// Services of the directory in force for the family's place (or all Latvia), to
    /// refer to: (id, title — provider).
    pub(crate) services: Vec<(i64, String)>,
}

impl FamilyPage {
    fn relation_key(&self, r: &str) -> &'static str {
        domain::mediation::Relation::label_key_of(r)
    }

    fn place_key(&self, p: &str) -> &'static str {
        domain::mediation::ContactPlace::label_key_of(p)
    }

    fn area_key(&self, a: &str) -> &'static str {
        domain::mediation::ContactArea::label_key_of(a)
    }

    fn has_area(&self, a: &str) -> bool {
        self.c.areas.iter().any(|x| x == a)
    }

    fn is_member(&self, id: &i64) -> bool {
        self.c.member_id == id.to_string()
    }

    /// An access-log row's purpose in words, with a supervisor's note.
    fn purpose(&self, a: &store::mediation::Access) -> String {
        crate::features::mediation::supervision::access_purpose(
            &self.ctx,
            &a.purpose,
            a.note.as_deref(),
        )
    }

    fn action_key(&self, a: &str) -> &'static str {
        if a == "view" {
            "access-view"
        } else {
            "access-change"
        }
    }

    /// The family's case-work consent is in force (contacts, referrals, follow-ups need it).
    fn case_work_ok(&self) -> bool {
        self.fam
            .consents
            .iter()
            .any(|c| c.purpose == ConsentPurpose::CaseWork && c.member_id.is_none() && c.in_force())
    }

    fn sharing_consents(&self) -> Vec<&store::mediation_log::Consent> {
        self.fam
            .consents
            .iter()
            .filter(|c| c.purpose == ConsentPurpose::Sharing && c.in_force())
            .collect()
    }

    fn children(&self) -> Vec<&store::mediation::Member> {
        self.fam
            .members
            .iter()
            .filter(|m| m.relation == Relation::Child)
            .collect()
    }

    fn is_updating(&self, id: &i64) -> bool {
        self.updating == Some(*id)
    }
}

pub(crate) async fn family_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
) -> AppResult<FamilyPage> {
    family_page_as(state, ctx, scope(user), id, "case_work", None).await
}

/// A family's page as the scope reaches it (a supervisor's is read-only), the view logged
/// with `purpose` and a supervisor's `note` (sealed).
pub(crate) async fn family_page_as(
    state: &AppState,
    ctx: PageCtx,
    scope: store::mediation::CaseScope,
    id: i64,
    purpose: &str,
    note: Option<&str>,
) -> AppResult<FamilyPage> {
    let fam = store::mediation::family(
        state.db(),
        state.now(),
        state.keyring(),
        scope,
        id,
        purpose,
        note,
    )
    .await?;
    let services = store::services::current(
        state.db(),
        state.today(),
        &store::services::Query {
            place: Some(fam.territory_id),
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .map(|s| (s.id, format!("{} — {}", s.input.title_lv, s.provider_name)))
    .collect();
    Ok(FamilyPage {
        services,
        c: ContactFields {
            date: state.today().to_string(),
            duration: "30".to_owned(),
            place: "office".to_owned(),
            ..ContactFields::default()
        },
        places: store::mediation::PLACES,
        areas: store::mediation::AREAS,
        access: store::mediation::access_log(state.db(), state.keyring(), scope, id).await?,
        k: case_log::ConsentFields::new(state.today()),
        r: case_log::ReferralFields::new(state.today()),
        s: case_log::FollowupFields::new(state.today()),
        st: case_log::StatusFields::of(&fam),
        fam,
        relations: store::mediation::RELATIONS,
        m: MemberFields::default(),
        updating: None,
        errors: FormErrors::default(),
        notice: None,
        read_only: matches!(scope, store::mediation::CaseScope::Supervisor(..)),
        ctx,
    })
}

/// A family's record (its mediator only; the view is logged).
pub async fn family(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::WorkCases)?;
    let mut p = family_page(&state, ctx, &user, parse_id(&id)?).await?;
    p.notice = n.notice_key();
    Ok(Html(p.render()?))
}

pub async fn add_member(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<MemberFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let relation = Relation::parse(&f.relation);
    if relation.is_none() {
        errors.add("relation", "reg-choice-invalid");
    }
    let this_year = i64::from(state.today().year());
    let birth_year = number(&f.birth_year, 1900..=this_year, "birth_year", &mut errors);
    let gender = match f.gender.trim() {
        "" => None,
        g => domain::mediation::Gender::parse(g).or_else(|| {
            errors.add("gender", "reg-choice-invalid");
            None
        }),
    };
    let school = text_field(&f.school, 300, "school", &mut errors);
    let grade = number(&f.grade, 0..=12, "grade", &mut errors);
    let name = optional_text(&f.name, 300).unwrap_or_else(|e| {
        errors.add("name", e.message_id());
        None
    });
    if let (Some(relation), true) = (relation, errors.is_empty()) {
        let input = store::mediation::MemberInput {
            birth_year,
            gender,
            relation,
            school,
            grade,
            name,
        };
        store::mediation::add_member(
            state.db(),
            state.now(),
            &user.actor(ip),
            state.keyring(),
            scope(&user),
            id,
            &input,
        )
        .await?;
        return Ok(Redirect::to(
            &ctx.href(&format!("/mediation/families/{id}?notice=saved#members")),
        )
        .into_response());
    }
    let mut p = family_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.m = f;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Default, Clone, Deserialize)]
pub struct ContactFields {
    #[serde(default)]
    date: String,
    #[serde(default)]
    duration: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    areas: Vec<String>,
    #[serde(default)]
    member_id: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    institution: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    next_step: String,
    #[serde(default)]
    next_date: String,
}

/// Records a contact: only the date, the place and one area are needed; the rest as the
/// mediator sees fit.
pub async fn add_contact(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let f: ContactFields = crate::http::forms::with_lists(body, &["areas"])?;
    let mut errors = FormErrors::default();
    let date = date_field(&f.date, "date", &mut errors);
    if date.is_some_and(|d| d > state.today()) {
        errors.add("date", "contact-date-future");
    }
    let duration = number(&f.duration, 1..=1440, "duration", &mut errors);
    let place = domain::mediation::ContactPlace::parse(&f.place);
    if place.is_none() {
        errors.add("place", "reg-choice-invalid");
    }
    // In the vocabulary's order, whatever order the form sent them in.
    let areas: Vec<domain::mediation::ContactArea> = domain::mediation::ContactArea::ALL
        .iter()
        .copied()
        .filter(|a| f.areas.iter().any(|x| x == a.as_str()))
        .collect();
    if areas.is_empty() {
        errors.add("areas", "contact-area-missing");
    }
    let member_id = optional_id(&f.member_id).unwrap_or_else(|_| {
        errors.add("member_id", "reg-choice-invalid");
        None
    });
    let done = block_field(&f.done, 5000, "done", &mut errors);
    let institution = text_field(&f.institution, 300, "institution", &mut errors);
    let outcome = block_field(&f.outcome, 2000, "outcome", &mut errors);
    let next_step = text_field(&f.next_step, 2000, "next_step", &mut errors);
    let next_date = optional_date_field(&f.next_date, "next_date", &mut errors);
    if let (Some(d), Some(next)) = (date, next_date)
        && next < d
    {
        errors.add("next_date", "contact-next-before");
    }
    if let (Some(date), Some(place), true) = (date, place, errors.is_empty()) {
        let input = store::mediation::ContactInput {
            member_id,
            date,
            duration_minutes: duration,
            place,
            areas,
            institution,
            done,
            outcome,
            next_step,
            next_date,
        };
        match store::mediation::add_contact(
            state.db(),
            state.now(),
            &user.actor(ip),
            state.keyring(),
            scope(&user),
            id,
            &input,
        )
        .await
        {
            Ok(_) => {
                return Ok(Redirect::to(
                    &ctx.href(&format!("/mediation/families/{id}?notice=contact#contacts")),
                )
                .into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::CaseWorkConsent,
            ))) => errors.add("purpose", "case-work-consent-missing"),
            Err(store::Error::Conflict(_)) => errors.add("member_id", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = family_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.c = f;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct AssignmentFields {
    #[serde(default)]
    mediator: String,
    #[serde(default)]
    territory_id: String,
    #[serde(default)]
    from_date: String,
    #[serde(default)]
    to_date: String,
    #[serde(default)]
    hours_per_week: String,
    #[serde(default)]
    reception: String,
    #[serde(default)]
    supervisor: String,
}

#[derive(Template)]
#[template(path = "mediation/assignments.html")]
struct AssignmentsPage {
    ctx: PageCtx,
    assignments: Vec<store::mediation::Assignment>,
    mediators: Vec<(i64, String)>,
    coordinators: Vec<(i64, String)>,
    territories: Vec<(i64, String)>,
    today: Date,
    f: AssignmentFields,
    errors: FormErrors,
    notice: Option<&'static str>,
}

async fn assignments_page(
    state: &AppState,
    ctx: PageCtx,
    f: AssignmentFields,
    errors: FormErrors,
) -> AppResult<AssignmentsPage> {
    let users = store::users::list(state.db()).await?;
    let of_role = |r: domain::auth::Role| -> Vec<(i64, String)> {
        users
            .iter()
            .filter(|u| u.role == r && !u.disabled)
            .map(|u| (u.id, u.name.clone()))
            .collect()
    };
    Ok(AssignmentsPage {
        assignments: store::mediation::assignments(state.db()).await?,
        mediators: of_role(domain::auth::Role::Mediator),
        coordinators: of_role(domain::auth::Role::Coordinator),
        territories: store::territories::units_on(state.db(), state.today())
            .await?
            .into_iter()
            .filter(|t| t.country == "LV")
            .map(|t| (t.id, t.name_lv))
            .collect(),
        today: state.today(),
        ctx,
        f,
        errors,
        notice: None,
    })
}

/// The coordinators' list of mediators' assignments and the form for a new one.
pub async fn assignments(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let f = AssignmentFields {
        from_date: state.today().to_string(),
        ..AssignmentFields::default()
    };
    let mut p = assignments_page(&state, ctx, f, FormErrors::default()).await?;
    p.notice = n.notice_key();
    Ok(Html(p.render()?))
}

/// The assignments as CSV or XLSX, audited (they name the mediators and supervisors).
pub async fn export_assignments(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(Permission::ManageMediation)?;
    let assignments = store::mediation::assignments(state.db()).await?;
    let subjects: Vec<String> = assignments
        .iter()
        .flat_map(|a| [Some(a.mediator_user_id), a.supervisor_user_id])
        .flatten()
        .map(domain::privacy::user_subject)
        .collect();
    let rows: Vec<Vec<Cell>> = assignments
        .into_iter()
        .map(|a| {
            vec![
                Cell::Text(a.mediator_name),
                Cell::Text(a.territory_name),
                Cell::Date(a.from_date),
                a.to_date.map_or(Cell::Empty, Cell::Date),
                a.hours_per_week.map_or(Cell::Empty, Cell::Int),
                Cell::Text(a.reception.unwrap_or_default()),
                Cell::Text(a.supervisor_name.unwrap_or_default()),
            ]
        })
        .collect();
    let header = [
        ctx.t("assignment-mediator"),
        ctx.t("field-territory"),
        ctx.t("assignment-from"),
        ctx.t("assignment-to"),
        ctx.t("assignment-hours"),
        ctx.t("assignment-reception"),
        ctx.t("assignment-supervisor"),
    ];
    crate::http::tables::personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::AssignmentsExported),
        &subjects,
        &f.format,
        (&ctx.t("assignments-title"), "mediation-assignments"),
        &header,
        &rows,
    )
    .await
}

/// Ends an assignment today (and the supervisor's access through it).
pub async fn end_assignment(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(_f): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageMediation)?;
    store::mediation::end_assignment(
        state.db(),
        state.now(),
        state.today(),
        &user.actor(ip),
        parse_id(&id)?,
    )
    .await?;
    Ok(Redirect::to(&ctx.href("/mediation/assignments?notice=saved")).into_response())
}

pub async fn add_assignment(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<AssignmentFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageMediation)?;
    let mut errors = FormErrors::default();
    let mediator = optional_id(&f.mediator).ok().flatten();
    if mediator.is_none() {
        errors.add("mediator", "mediation-mediator-missing");
    }
    let territory = optional_id(&f.territory_id).ok().flatten();
    if territory.is_none() {
        errors.add("territory_id", "mediation-territory-missing");
    }
    let from = date_field(&f.from_date, "from_date", &mut errors);
    let to = optional_date_field(&f.to_date, "to_date", &mut errors);
    if let (Some(a), Some(b)) = (from, to)
        && b < a
    {
        errors.add("to_date", "plan-period-order");
    }
    let hours = number(&f.hours_per_week, 1..=60, "hours_per_week", &mut errors);
    let reception = text_field(&f.reception, 500, "reception", &mut errors);
    let supervisor = optional_id(&f.supervisor).unwrap_or_else(|_| {
        errors.add("supervisor", "reg-choice-invalid");
        None
    });
    if let (Some(mediator_user_id), Some(territory_id), Some(from_date), true) =
        (mediator, territory, from, errors.is_empty())
    {
        let input = store::mediation::AssignmentInput {
            mediator_user_id,
            territory_id,
            from_date,
            to_date: to,
            hours_per_week: hours,
            reception,
            supervisor_user_id: supervisor,
        };
        // The coordinators who may approve a proposed supervisor are asked to.
        let mails = match supervisor {
            Some(s) => {
                let names = store::users::get(state.db(), mediator_user_id).await;
                let territory_name = store::territories::get(state.db(), territory_id).await;
                match (names, territory_name) {
                    (Ok(m), Ok(t)) => {
                        crate::features::mediation::supervisors::proposal_mails(
                            &state, &user, None, &m.name, &t.name_lv, s,
                        )
                        .await?
                    }
                    _ => Vec::new(),
                }
            }
            None => Vec::new(),
        };
        match store::mediation::add_assignment(
            state.db(),
            state.now(),
            &user.actor(ip),
            &input,
            &mails,
        )
        .await
        {
            Ok(_) => {
                return Ok(
                    Redirect::to(&ctx.href("/mediation/assignments?notice=saved")).into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Mediator,
            ))) => errors.add("mediator", "mediation-mediator-missing"),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Supervisor,
            ))) => errors.add("supervisor", "reg-choice-invalid"),
            Err(store::Error::Conflict(_)) => {
                errors.add("territory_id", "mediation-territory-missing")
            }
            Err(e) => return Err(e.into()),
        }
    }
    let p = assignments_page(&state, ctx, f, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

crate::http::forms::debug_without_text!(FamilyFields, MemberFields, ContactFields);

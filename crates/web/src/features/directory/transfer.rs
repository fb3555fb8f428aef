//! Import and export of the directory: a CSV or XLSX file of people is previewed row by
//! row (created, updated, merged or rejected, and why); nothing is written until the user
//! confirms, and then all of it or nothing. Filtered lists export as CSV (UTF-8 with a
//! BOM) or XLSX; every export of personal data is audited.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::directory::{Gender, parse_birth_year, parse_phone};
use domain::text::fold;
use domain::user::{DisplayName, Email};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::features::directory::organisations::OrgQuery;
use crate::features::directory::people::PeopleQuery;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::tables::{personal_list_file, read_upload_table};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// Columns a people file may have, by their folded header names (Latvian or English).
fn column(header: &str) -> Option<&'static str> {
    let h = fold(header).replace(['_', '.'], " ");
    let h = h.trim();
    Some(match h {
        "vards, uzvards" | "vards uzvards" | "vards" | "name" | "full name" | "persona" => "name",
        "e-pasts" | "epasts" | "e-pasta adrese" | "e-pasta adreses" | "email" | "e-mail"
        | "emails" => "email",
        "talrunis" | "telefons" | "phone" | "tel" | "telephone" => "phone",
        "organizacija" | "iestade" | "organisation" | "organization" => "organisation",
        "amats" | "loma" | "amats vai loma" | "role" | "position" | "role title" => "role",
        "vieta" | "pilseta" | "novads" | "city" | "place" | "town" => "place",
        "dzimums" | "gender" => "gender",
        "dzimsanas gads" | "birth year" | "year of birth" => "birth_year",
        "valoda" | "language" | "sazinas valoda" => "language",
        "nosaukums" | "nosaukums latviski" => "name",
        "nosaukums angliski" | "name in english" | "english name" | "name en" => "name_en",
        "veids" | "kind" | "type" => "kind",
        "augstaka organizacija" | "parent" | "parent organisation" | "parent organization" => {
            "organisation"
        }
        "timekla vietne" | "website" | "web" => "website",
        "adrese" | "address" => "address",
        _ => return None,
    })
}

fn gender(value: &str) -> Result<Option<Gender>, ()> {
    Ok(Some(match fold(value).as_str() {
        "" => return Ok(None),
        "sieviete" | "s" | "female" | "f" | "woman" => Gender::Female,
        "virietis" | "v" | "male" | "m" | "man" => Gender::Male,
        "cits" | "other" => Gender::Other,
        "nevelas noradit" | "undisclosed" | "prefers not to say" => Gender::Undisclosed,
        _ => return Err(()),
    }))
}

/// One row of a preview, with what will happen to it and the data to apply it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlanRow {
    line: usize,
    name: String,
    emails: Vec<String>,
    organisation: String,
    /// create, update, merge or reject.
    action: String,
    /// Why (a message id): the reason for a rejection or a match.
    reason: Option<String>,
    person_id: Option<i64>,
    phone: Option<String>,
    territory_id: Option<i64>,
    place: String,
    gender: Option<String>,
    birth_year: Option<i32>,
    language: String,
    organisation_id: Option<i64>,
    role: Option<String>,
    /// Organisation rows only.
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    name_en: Option<String>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    address: Option<String>,
}

async fn plan_people(
    state: &AppState,
    rows: Vec<Vec<String>>,
) -> AppResult<Result<Vec<PlanRow>, &'static str>> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return Ok(Err("import-empty"));
    };
    let columns: Vec<Option<&str>> = header.iter().map(|h| column(h)).collect();
    if !columns.contains(&Some("name")) {
        return Ok(Err("import-no-name-column"));
    }
    let today = state.today();
    let this_year = i32::from(today.year());
    let mut seen_emails: Vec<String> = Vec::new();
    let mut plan = Vec::new();
    for (i, cells) in rows.enumerate() {
        let get = |c: &str| {
            columns
                .iter()
                .position(|col| *col == Some(c))
                .and_then(|p| cells.get(p))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let mut row = PlanRow {
            line: i + 2,
            name: get("name"),
            emails: Vec::new(),
            organisation: get("organisation"),
            action: "create".to_owned(),
            reason: None,
            person_id: None,
            phone: None,
            territory_id: None,
            place: get("place"),
            gender: None,
            birth_year: None,
            language: "lv".to_owned(),
            organisation_id: None,
            role: Some(get("role")).filter(|r| !r.is_empty()),
            kind: None,
            name_en: None,
            website: None,
            address: None,
        };
        let reject = |row: &mut PlanRow, why: &str| {
            if row.reason.is_none() || row.action != "reject" {
                row.action = "reject".to_owned();
                row.reason = Some(why.to_owned());
            }
        };
        // A name with a line break or hidden characters is named as such, not as missing.
        if let Err(e) = domain::text::check_text(row.name.trim(), 200, false) {
            reject(&mut row, e.message_id());
            // Shown in the preview as it is, without letting it turn the text around.
            row.name = row
                .name
                .chars()
                .map(|c| {
                    if c.is_control() || domain::text::is_hidden_control(c) {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect();
        } else if DisplayName::parse(&row.name).is_none() {
            reject(&mut row, "import-name-invalid");
        }
        for raw in get("email")
            .split([',', ';', ' ', '\n'])
            .filter(|s| !s.is_empty())
        {
            match Email::parse(raw) {
                Some(e) if seen_emails.contains(&e.as_str().to_owned()) => {
                    reject(&mut row, "import-email-repeated")
                }
                Some(e) => row.emails.push(e.into_string()),
                None => reject(&mut row, "user-email-invalid"),
            }
        }
        let phone = get("phone");
        if !phone.is_empty() {
            row.phone = parse_phone(&phone);
            if row.phone.is_none() {
                reject(&mut row, "phone-invalid");
            }
        }
        if !row.place.is_empty() {
            row.territory_id =
                store::import::territory_by_name(state.db(), &row.place, today).await?;
            if row.territory_id.is_none() {
                reject(&mut row, "import-place-unknown");
            }
        }
        match gender(&get("gender")) {
            Ok(g) => row.gender = g.map(|g| g.as_str().to_owned()),
            Err(()) => reject(&mut row, "gender-invalid"),
        }
        let year = get("birth_year");
        if !year.is_empty() {
            row.birth_year = parse_birth_year(&year, this_year);
            if row.birth_year.is_none() {
                reject(&mut row, "birth-year-invalid");
            }
        }
        match fold(&get("language")).as_str() {
            "" | "lv" | "latviesu" | "latvian" => {}
            "en" | "anglu" | "english" => row.language = "en".to_owned(),
            _ => reject(&mut row, "language-invalid"),
        }
        if crate::http::forms::optional_text(&row.organisation, 300).is_err() {
            reject(&mut row, "org-name-invalid");
        }
        if row
            .role
            .as_deref()
            .is_some_and(|r| crate::http::forms::optional_text(r, 200).is_err())
        {
            reject(&mut row, "role-title-invalid");
        }
        if row.action != "reject" {
            if !row.organisation.is_empty() {
                row.organisation_id =
                    store::import::organisation_by_name(state.db(), &row.organisation).await?;
            }
            let mut matched = None;
            for e in &row.emails {
                if let Some(p) = store::import::person_by_email(state.db(), e).await? {
                    matched = Some(p);
                    break;
                }
            }
            if let Some(p) = matched {
                row.action = "update".to_owned();
                row.reason = Some("import-matched-email".to_owned());
                row.person_id = Some(p);
            } else if let Some(org) = row.organisation_id
                && let Some(p) =
                    store::import::person_by_name_in_org(state.db(), &fold(&row.name), org).await?
            {
                row.action = "merge".to_owned();
                row.reason = Some("import-matched-name".to_owned());
                row.person_id = Some(p);
            }
            seen_emails.extend(row.emails.iter().cloned());
        }
        plan.push(row);
    }
    if plan.is_empty() {
        return Ok(Err("import-empty"));
    }
    Ok(Ok(plan))
}

/// What a file imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    People,
    Organisations,
}

impl ImportKind {
    fn as_str(self) -> &'static str {
        match self {
            ImportKind::People => "people",
            ImportKind::Organisations => "organisations",
        }
    }

    fn path(self) -> &'static str {
        match self {
            ImportKind::People => "/people",
            ImportKind::Organisations => "/organisations",
        }
    }

    fn title_id(self) -> &'static str {
        match self {
            ImportKind::People => "import-title",
            ImportKind::Organisations => "import-orgs-title",
        }
    }
}

async fn plan_organisations(
    state: &AppState,
    rows: Vec<Vec<String>>,
) -> AppResult<Result<Vec<PlanRow>, &'static str>> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return Ok(Err("import-empty"));
    };
    let columns: Vec<Option<&str>> = header.iter().map(|h| column(h)).collect();
    if !columns.contains(&Some("name")) {
        return Ok(Err("import-no-name-column"));
    }
    let today = state.today();
    let mut seen: Vec<String> = Vec::new();
    let mut plan = Vec::new();
    for (i, cells) in rows.enumerate() {
        let get = |c: &str| {
            columns
                .iter()
                .position(|col| *col == Some(c))
                .and_then(|p| cells.get(p))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let opt = |c: &str| Some(get(c)).filter(|v| !v.is_empty());
        let mut fields = crate::features::directory::organisations::OrgFields {
            name_lv: get("name"),
            name_en: get("name_en"),
            kind: String::new(),
            email: get("email"),
            phone: get("phone"),
            website: get("website"),
            address: get("address"),
            ..Default::default()
        };
        let mut row = PlanRow {
            line: i + 2,
            name: fields.name_lv.clone(),
            emails: Vec::new(),
            organisation: get("organisation"),
            action: "create".to_owned(),
            reason: None,
            person_id: None,
            phone: None,
            territory_id: None,
            place: get("place"),
            gender: None,
            birth_year: None,
            language: "lv".to_owned(),
            organisation_id: None,
            role: None,
            kind: None,
            name_en: opt("name_en"),
            website: None,
            address: None,
        };
        let reject = |row: &mut PlanRow, why: &str| {
            if row.action != "reject" {
                row.action = "reject".to_owned();
                row.reason = Some(why.to_owned());
            }
        };
        // The kind by its code or its name in either language.
        let kind_raw = fold(&get("kind"));
        let kind = domain::directory::OrgKind::ALL.into_iter().find(|k| {
            kind_raw == k.as_str()
                || kind_raw == fold(&crate::i18n::t(crate::i18n::Lang::Lv, k.label_key()))
                || kind_raw == fold(&crate::i18n::t(crate::i18n::Lang::En, k.label_key()))
        });
        match (kind, kind_raw.is_empty()) {
            (Some(k), _) => fields.kind = k.as_str().to_owned(),
            (None, true) => fields.kind = "other".to_owned(),
            (None, false) => reject(&mut row, "org-kind-invalid"),
        }
        let mut errors = FormErrors::default();
        let input = crate::features::directory::organisations::validate(&fields, &mut errors);
        if let Some(first) = errors.all().first() {
            reject(&mut row, first.message_id);
        }
        let key = fold(&row.name);
        if !key.is_empty() && seen.contains(&key) {
            reject(&mut row, "import-name-repeated");
        }
        if !row.place.is_empty() {
            row.territory_id =
                store::import::territory_by_name(state.db(), &row.place, today).await?;
            if row.territory_id.is_none() {
                reject(&mut row, "import-place-unknown");
            }
        }
        if row.action != "reject" {
            seen.push(key);
            row.emails = input.email.clone().into_iter().collect();
            row.phone = input.phone.clone();
            row.website = input.website.clone();
            row.address = input.address.clone();
            row.kind = input
                .kind
                .map(|k| k.as_str().to_owned())
                .filter(|_| kind.is_some());
            if !row.organisation.is_empty() {
                row.organisation_id =
                    store::import::organisation_by_name(state.db(), &row.organisation).await?;
            }
            if let Some(existing) =
                store::import::organisation_by_name(state.db(), &row.name).await?
            {
                row.action = "update".to_owned();
                row.reason = Some("import-matched-org-name".to_owned());
                row.person_id = Some(existing);
            }
        }
        plan.push(row);
    }
    // A row whose parent is a rejected row of the same file is rejected too.
    let rejected: Vec<String> = plan
        .iter()
        .filter(|r| r.action == "reject")
        .map(|r| fold(&r.name))
        .collect();
    for row in plan.iter_mut() {
        if row.action != "reject"
            && row.organisation_id.is_none()
            && !row.organisation.is_empty()
            && rejected.contains(&fold(&row.organisation))
        {
            row.action = "reject".to_owned();
            row.reason = Some("import-parent-rejected".to_owned());
        }
    }
    if plan.is_empty() {
        return Ok(Err("import-empty"));
    }
    Ok(Ok(plan))
}

#[derive(Template)]
#[template(path = "directory/import.html")]
struct ImportPage {
    ctx: PageCtx,
    kind: ImportKind,
    errors: FormErrors,
}

impl ImportPage {
    fn is_people(&self) -> bool {
        self.kind == ImportKind::People
    }
}

async fn form(ctx: PageCtx, user: CurrentUser, kind: ImportKind) -> AppResult<Html<String>> {
    user.require(Permission::ManageDirectory)?;
    Ok(Html(
        ImportPage {
            ctx,
            kind,
            errors: FormErrors::default(),
        }
        .render()?,
    ))
}

pub async fn import_form(ctx: PageCtx, user: CurrentUser) -> AppResult<Html<String>> {
    form(ctx, user, ImportKind::People).await
}

pub async fn import_orgs_form(ctx: PageCtx, user: CurrentUser) -> AppResult<Html<String>> {
    form(ctx, user, ImportKind::Organisations).await
}

/// Reads the upload, plans it, stores the plan and shows the preview.
async fn upload(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    kind: ImportKind,
    multipart: Multipart,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let (name, rows) = match read_upload_table(state, multipart).await? {
        Ok(read) => read,
        Err(why) => return fail(ctx, kind, why),
    };
    let plan = match kind {
        ImportKind::People => plan_people(state, rows).await?,
        ImportKind::Organisations => plan_organisations(state, rows).await?,
    };
    let plan = match plan {
        Ok(plan) => plan,
        Err(why) => return fail(ctx, kind, why),
    };
    let json = serde_json::to_string(&plan).map_err(AppError::internal)?;
    let id = store::import::save_batch(
        state.db(),
        state.now(),
        user.id,
        kind.as_str(),
        name.as_deref(),
        &json,
    )
    .await?;
    Ok(Redirect::to(&ctx.href(&format!("{}/import/{id}", kind.path()))).into_response())
}

pub async fn import_upload(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    multipart: Multipart,
) -> AppResult<Response> {
    upload(&state, ctx, &user, ImportKind::People, multipart).await
}

pub async fn import_orgs_upload(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    multipart: Multipart,
) -> AppResult<Response> {
    upload(&state, ctx, &user, ImportKind::Organisations, multipart).await
}

fn fail(ctx: PageCtx, kind: ImportKind, why: &'static str) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    errors.add("file", why);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(ImportPage { ctx, kind, errors }.render()?),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "directory/import_preview.html")]
struct PreviewPage {
    ctx: PageCtx,
    kind: ImportKind,
    id: i64,
    file_name: String,
    rows: Vec<PlanRow>,
    applied: bool,
    counts: [usize; 4],
    error: Option<&'static str>,
}

impl PreviewPage {
    fn is_people(&self) -> bool {
        self.kind == ImportKind::People
    }

    fn base(&self) -> &'static str {
        self.kind.path()
    }
}

async fn preview(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    kind: ImportKind,
    id: i64,
    error: Option<&'static str>,
) -> AppResult<PreviewPage> {
    let batch = store::import::batch(state.db(), id, user.id).await?;
    if batch.kind != kind.as_str() {
        return Err(AppError::NotFound);
    }
    let rows: Vec<PlanRow> = serde_json::from_str(&batch.plan).map_err(AppError::internal)?;
    let count = |a: &str| rows.iter().filter(|r| r.action == a).count();
    Ok(PreviewPage {
        counts: [
            count("create"),
            count("update"),
            count("merge"),
            count("reject"),
        ],
        ctx,
        kind,
        id,
        file_name: batch.file_name.unwrap_or_default(),
        rows,
        applied: batch.applied_at.is_some(),
        error,
    })
}

pub async fn import_preview(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    Ok(Html(
        preview(&state, ctx, &user, ImportKind::People, id, None)
            .await?
            .render()?,
    ))
}

pub async fn import_orgs_preview(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    Ok(Html(
        preview(&state, ctx, &user, ImportKind::Organisations, id, None)
            .await?
            .render()?,
    ))
}

/// The plan as kept once applied: what happened to each line, without the personal data.
fn redact(rows: &[PlanRow]) -> AppResult<String> {
    let kept: Vec<PlanRow> = rows
        .iter()
        .map(|r| PlanRow {
            line: r.line,
            name: String::new(),
            emails: Vec::new(),
            organisation: String::new(),
            action: r.action.clone(),
            reason: r.reason.clone(),
            person_id: None,
            phone: None,
            territory_id: None,
            place: String::new(),
            gender: None,
            birth_year: None,
            language: String::new(),
            organisation_id: None,
            role: None,
            kind: None,
            name_en: None,
            website: None,
            address: None,
        })
        .collect();
    serde_json::to_string(&kept).map_err(AppError::internal)
}

fn planned_people(rows: &[PlanRow]) -> Vec<store::import::PlannedPerson> {
    rows.iter()
        .filter(|r| r.action != "reject")
        .map(|r| store::import::PlannedPerson {
            line: r.line,
            target: match r.person_id {
                Some(p) => store::import::Target::Update(p),
                None => store::import::Target::Create,
            },
            input: store::people::PersonInput {
                name: r.name.clone(),
                emails: r.emails.clone(),
                phone: r.phone.clone(),
                preferred_lang: r.language.clone(),
                territory_id: r.territory_id,
                gender: r.gender.as_deref().and_then(Gender::parse),
                birth_year: r.birth_year,
            },
            organisation: org_ref(r),
            role_title: r.role.clone(),
        })
        .collect()
}

fn org_ref(r: &PlanRow) -> Option<store::import::OrgRef> {
    match (r.organisation_id, r.organisation.is_empty()) {
        (Some(o), _) => Some(store::import::OrgRef::Existing(o)),
        (None, false) => Some(store::import::OrgRef::New(r.organisation.clone())),
        (None, true) => None,
    }
}

fn planned_orgs(rows: &[PlanRow]) -> Vec<store::import::PlannedOrg> {
    rows.iter()
        .filter(|r| r.action != "reject")
        .map(|r| store::import::PlannedOrg {
            line: r.line,
            target: match r.person_id {
                Some(o) => store::import::Target::Update(o),
                None => store::import::Target::Create,
            },
            input: store::organisations::OrgInput {
                name_lv: r.name.clone(),
                name_en: r.name_en.clone(),
                kind: r
                    .kind
                    .as_deref()
                    .and_then(domain::directory::OrgKind::parse),
                parent_id: None,
                territory_id: r.territory_id,
                email: r.emails.first().cloned(),
                phone: r.phone.clone(),
                website: r.website.clone(),
                address: r.address.clone(),
            },
            parent: org_ref(r),
        })
        .collect()
}

async fn confirm(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    kind: ImportKind,
    id: i64,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let page = preview(state, ctx, user, kind, id, None).await?;
    let actor = user.actor(ip);
    let redacted = redact(&page.rows)?;
    let result = match kind {
        ImportKind::People => {
            store::import::apply_people(
                state.db(),
                state.now(),
                &actor,
                id,
                &planned_people(&page.rows),
                &redacted,
            )
            .await
        }
        ImportKind::Organisations => {
            store::import::apply_organisations(
                state.db(),
                state.now(),
                &actor,
                id,
                &planned_orgs(&page.rows),
                &redacted,
            )
            .await
        }
    };
    let problem = match result {
        Ok(c) => {
            tracing::info!(created = c.created, updated = c.updated, "imported");
            return Ok(
                Redirect::to(&page.ctx.href(&format!("{}/import/{id}", kind.path())))
                    .into_response(),
            );
        }
        Err(store::Error::Conflict(store::Conflict::Directory(
            store::DirectoryConflict::Applied,
        ))) => "import-already-applied",
        Err(store::Error::Conflict(_) | store::Error::NotFound) => "import-changed",
        Err(e) => return Err(e.into()),
    };
    let p = preview(state, page.ctx, user, kind, id, Some(problem)).await?;
    Ok((StatusCode::CONFLICT, Html(p.render()?)).into_response())
}

pub async fn import_confirm(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    confirm(&state, ctx, &user, ip, ImportKind::People, id).await
}

pub async fn import_orgs_confirm(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    confirm(&state, ctx, &user, ip, ImportKind::Organisations, id).await
}

#[derive(Debug, Deserialize)]
pub struct ExportForm {
    #[serde(default)]
    format: String,
    #[serde(flatten)]
    filters: std::collections::HashMap<String, String>,
}

/// The filters an export used, for its audit entry ("which data left").
fn filter_summary(filters: &std::collections::HashMap<String, String>) -> String {
    let mut pairs: Vec<String> = filters
        .iter()
        .filter(|(k, v)| k.as_str() != "csrf_token" && !v.trim().is_empty())
        .map(|(k, v)| format!("{k}:{}", v.chars().take(60).collect::<String>()))
        .collect();
    pairs.sort();
    if pairs.is_empty() {
        "none".to_owned()
    } else {
        pairs.join(",")
    }
}

/// Rows of text as cells.
fn text_cells(rows: Vec<Vec<String>>) -> Vec<Vec<documents::table::Cell>> {
    rows.into_iter()
        .map(|r| r.into_iter().map(documents::table::Cell::Text).collect())
        .collect()
}

/// Exports the filtered people list; contacts only for those who may see them all.
pub async fn export_people(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<ExportForm>,
) -> AppResult<Response> {
    user.require(Permission::ViewDirectory)?;
    let g = |k: &str| f.filters.get(k).cloned().unwrap_or_default();
    let query = PeopleQuery {
        q: g("q"),
        organisation: g("organisation"),
        kind: g("kind"),
        territory: g("territory"),
        region: g("region"),
        role: g("role"),
        ..Default::default()
    };
    let filter = query.filter(&user);
    let contacts = user.can(Permission::ManageDirectory);
    let mut rows = Vec::new();
    let mut subjects = Vec::new();
    for page in 0..(documents::table::MAX_ROWS as i64 / store::people::PAGE_SIZE) {
        let (list, total) = store::people::list(
            state.db(),
            &filter,
            state.today(),
            store::Window::page(page, store::people::PAGE_SIZE),
        )
        .await?;
        let done = list.is_empty() || (page + 1) * store::people::PAGE_SIZE >= total;
        for p in list {
            subjects.push(domain::privacy::person_subject(p.id));
            let orgs = p
                .organisations
                .iter()
                .map(|(_, n, r)| match r {
                    Some(r) => format!("{n} ({r})"),
                    None => n.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            let mut row = vec![p.name, orgs, p.territory_name.unwrap_or_default()];
            if contacts {
                row.push(p.email.unwrap_or_default());
                row.push(p.phone.unwrap_or_default());
            }
            rows.push(row);
        }
        if done {
            break;
        }
    }
    let t = |id: &str| ctx.t(id);
    let mut header = vec![
        t("field-name"),
        t("field-organisation"),
        t("field-territory"),
    ];
    if contacts {
        header.push(t("field-email"));
        header.push(t("field-phone"));
    }
    personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::PeopleExported).detail(format!(
            "contacts={contacts} filters={}",
            filter_summary(&f.filters)
        )),
        &subjects,
        &f.format,
        (&t("people-title"), "personas"),
        &header,
        &text_cells(rows),
    )
    .await
}

/// Exports the filtered organisations list.
pub async fn export_organisations(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<ExportForm>,
) -> AppResult<Response> {
    user.require(Permission::ViewDirectory)?;
    let g = |k: &str| f.filters.get(k).cloned().unwrap_or_default();
    let query = OrgQuery {
        q: g("q"),
        kind: g("kind"),
        territory: g("territory"),
        region: g("region"),
        page: None,
    };
    let filter = query.filter();
    let mut rows = Vec::new();
    for page in 0..(documents::table::MAX_ROWS as i64 / store::organisations::PAGE_SIZE) {
        let (list, total) = store::organisations::list(
            state.db(),
            &filter,
            store::Window::page(page, store::organisations::PAGE_SIZE),
        )
        .await?;
        let done = list.is_empty() || (page + 1) * store::organisations::PAGE_SIZE >= total;
        for o in list {
            let contacts = crate::features::directory::sees_org_contacts(&user, o.id);
            rows.push(vec![
                o.name_lv,
                ctx.t(o.kind.label_key()),
                o.parent_name.unwrap_or_default(),
                o.territory_name.unwrap_or_default(),
                o.planning_region
                    .map(|r| ctx.t(r.label_key()))
                    .unwrap_or_default(),
                o.website.unwrap_or_default(),
                if contacts {
                    o.email.unwrap_or_default()
                } else {
                    String::new()
                },
                if contacts {
                    o.phone.unwrap_or_default()
                } else {
                    String::new()
                },
            ]);
        }
        if done {
            break;
        }
    }
    let header = [
        ctx.t("field-name"),
        ctx.t("org-kind"),
        ctx.t("org-parent"),
        ctx.t("field-territory"),
        ctx.t("territories-region"),
        ctx.t("field-website"),
        ctx.t("field-email"),
        ctx.t("field-phone"),
    ];
    // Organisations' own addresses and phones: no person is named.
    personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::OrganisationsExported)
            .detail(format!("filters={}", filter_summary(&f.filters))),
        &[],
        &f.format,
        (&ctx.t("orgs-title"), "organizacijas"),
        &header,
        &text_cells(rows),
    )
    .await
}

//! Services and opportunities ("Pakalpojumi un iespējas", `store::services`): kept in the
//! workspace by coordinators (every entry) and by the provider's own users (their
//! organisation's entries only — any other is 404 to them); listed publicly while in force
//! and not withdrawn, searchable (diacritics ignored) by area, kind, place and target group;
//! in the API (`GET /api/v1/services`) and the open data. Keepers are reminded a month before
//! an entry's end day (`jobs`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::dialogue::{NeedConcern, ServiceKind};
use domain::event::{OBJECTIVES, Objective};
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{
    AppForm, FormErrors, block_field, optional_date_field, optional_id, parse_id, required_block,
    required_line, text_field,
};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// Whether the user keeps this service: a coordinator any, others their organisation's.
fn keeps(user: &CurrentUser, s: &store::services::Service) -> bool {
    user.can(Permission::ManageServices)
        || (user.can(Permission::MaintainServices)
            && user.organisation_id == Some(s.input.provider_id))
}

/// Where a service stands on a day, in words (a message id).
fn standing(s: &store::services::Service, today: jiff::civil::Date) -> &'static str {
    if s.withdrawn_at.is_some() {
        "service-standing-withdrawn"
    } else if s.input.valid_to.is_some_and(|t| t < today) {
        "service-standing-ended"
    } else if s.input.valid_from.is_some_and(|f| f > today) {
        "service-standing-coming"
    } else {
        "service-standing-current"
    }
}

#[derive(Template)]
#[template(path = "dialogue/services_manage.html")]
struct ManagePage {
    ctx: PageCtx,
    rows: Vec<(store::services::Service, &'static str)>,
    notice: Option<&'static str>,
    /// The user has no organisation and is no coordinator: nothing to keep.
    no_organisation: bool,
}

/// `GET /{lang}/services/manage`: the entries the user keeps.
pub async fn manage(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::MaintainServices)?;
    let all = user.can(Permission::ManageServices);
    let today = state.today();
    let rows = match (all, user.organisation_id) {
        (true, _) => store::services::list(state.db(), None).await?,
        (false, Some(org)) => store::services::list(state.db(), Some(org)).await?,
        (false, None) => Vec::new(),
    }
    .into_iter()
    .map(|s| {
        let st = standing(&s, today);
        (s, st)
    })
    .collect();
    let notice = match n.notice.as_deref() {
        Some("saved") => Some("service-saved-notice"),
        Some("withdrawn") => Some("service-withdrawn-notice"),
        Some("restored") => Some("service-restored-notice"),
        _ => None,
    };
    Ok(Html(
        ManagePage {
            ctx,
            rows,
            notice,
            no_organisation: !all && user.organisation_id.is_none(),
        }
        .render()?,
    ))
}

/// What the form holds, as typed.
#[derive(Default, Deserialize)]
pub struct ServiceFields {
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    summary_lv: String,
    #[serde(default)]
    summary_en: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    target_groups: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    eligibility: String,
    #[serde(default)]
    how_to_apply: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    cost: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_to: String,
    #[serde(default)]
    version: String,
}
crate::http::forms::debug_without_text!(ServiceFields);

impl ServiceFields {
    fn of(s: &store::services::Service) -> Self {
        let i = &s.input;
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        ServiceFields {
            title_lv: i.title_lv.clone(),
            title_en: opt(&i.title_en),
            summary_lv: i.summary_lv.clone(),
            summary_en: opt(&i.summary_en),
            kind: s.kind.as_str().to_owned(),
            area: s.area.as_str().to_owned(),
            provider: i.provider_id.to_string(),
            target_groups: i
                .target_groups
                .iter()
                .map(|g| g.as_str().to_owned())
                .collect(),
            places: i.places.iter().map(|p| p.to_string()).collect(),
            eligibility: opt(&i.eligibility),
            how_to_apply: opt(&i.how_to_apply),
            contact: opt(&i.contact),
            cost: opt(&i.cost),
            languages: opt(&i.languages),
            link: opt(&i.link),
            valid_from: i.valid_from.map(|d| d.to_string()).unwrap_or_default(),
            valid_to: i.valid_to.map(|d| d.to_string()).unwrap_or_default(),
            version: s.version.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "dialogue/service_edit.html")]
struct EditPage {
    ctx: PageCtx,
    /// None: a new entry.
    id: Option<i64>,
    f: ServiceFields,
    errors: FormErrors,
    /// (id, name): every organisation for a coordinator; the user's own otherwise.
    providers: Vec<(i64, String)>,
    /// The novadi and state cities.
    units: Vec<(i64, String)>,
    objectives: Vec<(&'static str, &'static str)>,
    withdrawn: bool,
}

impl EditPage {
    fn grouped(&self, g: &str) -> bool {
        self.f.target_groups.iter().any(|x| x == g)
    }

    fn serves(&self, id: &i64) -> bool {
        self.f.places.iter().any(|x| *x == id.to_string())
    }

    fn action(&self) -> String {
        self.ctx.href(&format!(
            "/services/manage/{}/edit",
            self.id.map_or_else(|| "new".to_owned(), |i| i.to_string())
        ))
    }
}

async fn edit_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: Option<i64>,
    f: ServiceFields,
    errors: FormErrors,
    withdrawn: bool,
) -> AppResult<EditPage> {
    let providers = if user.can(Permission::ManageServices) {
        store::organisations::names(state.db()).await?
    } else {
        store::organisations::names(state.db())
            .await?
            .into_iter()
            .filter(|(o, _)| Some(*o) == user.organisation_id)
            .collect()
    };
    let units = store::territories::units_on(state.db(), state.today())
        .await?
        .into_iter()
        .map(|t| (t.id, t.name(ctx.lang.code()).to_owned()))
        .collect();
    Ok(EditPage {
        objectives: OBJECTIVES
            .iter()
            .map(|o| (*o, Objective::label_key_of(o)))
            .collect(),
        ctx,
        id,
        f,
        errors,
        providers,
        units,
        withdrawn,
    })
}

/// The entry `raw` names ("new" or an id) when the user keeps it (404 otherwise).
async fn kept(
    state: &AppState,
    user: &CurrentUser,
    raw: &str,
) -> AppResult<Option<store::services::Service>> {
    if raw == "new" {
        return Ok(None);
    }
    let s = store::services::get(state.db(), parse_id(raw)?).await?;
    if !keeps(user, &s) {
        return Err(AppError::NotFound);
    }
    Ok(Some(s))
}

/// `GET /{lang}/services/manage/{id}/edit` (`new` for a new entry).
pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::MaintainServices)?;
    let s = kept(&state, &user, &id).await?;
    if s.is_none() && !user.can(Permission::ManageServices) && user.organisation_id.is_none() {
        return Err(AppError::Forbidden);
    }
    let f = match &s {
        Some(s) => ServiceFields::of(s),
        None => ServiceFields {
            provider: user
                .organisation_id
                .filter(|_| !user.can(Permission::ManageServices))
                .map(|o| o.to_string())
                .unwrap_or_default(),
            ..ServiceFields::default()
        },
    };
    let withdrawn = s.as_ref().is_some_and(|s| s.withdrawn_at.is_some());
    let page = edit_page(
        &state,
        ctx,
        &user,
        s.map(|s| s.id),
        f,
        FormErrors::default(),
        withdrawn,
    )
    .await?;
    Ok(Html(page.render()?))
}

/// The form checked: the input, or `None` with the errors at their fields.
fn validate(
    f: &ServiceFields,
    user: &CurrentUser,
    errors: &mut FormErrors,
) -> Option<store::services::ServiceInput> {
    let title_lv = required_line(
        &f.title_lv,
        200,
        "title_lv",
        "service-title-missing",
        errors,
    );
    let title_en = text_field(&f.title_en, 200, "title_en", errors);
    let summary_lv = required_block(
        &f.summary_lv,
        3_000,
        "summary_lv",
        "service-summary-missing",
        errors,
    );
    let summary_en = block_field(&f.summary_en, 3_000, "summary_en", errors);
    let kind = ServiceKind::parse(&f.kind);
    if kind.is_none() {
        errors.add("kind", "service-kind-missing");
    }
    let area = Objective::parse(&f.area);
    if area.is_none() {
        errors.add("area", "need-area-missing");
    }
    let provider = match optional_id(&f.provider) {
        Ok(Some(p)) => Some(p),
        _ => {
            errors.add("provider", "service-provider-missing");
            None
        }
    };
    // Only a coordinator names another organisation as the provider.
    if let Some(p) = provider
        && !user.can(Permission::ManageServices)
        && user.organisation_id != Some(p)
    {
        errors.add("provider", "reg-choice-invalid");
    }
    let target_groups: Vec<NeedConcern> = f
        .target_groups
        .iter()
        .filter_map(|g| NeedConcern::parse(g))
        .collect();
    if target_groups.len() != f.target_groups.len() {
        errors.add("target_groups", "reg-choice-invalid");
    }
    let mut places = Vec::new();
    for p in f.places.iter().take(100) {
        match optional_id(p) {
            Ok(Some(p)) => places.push(p),
            _ => errors.add("places", "reg-choice-invalid"),
        }
    }
    if f.places.len() > 100 {
        errors.add("places", "reg-choice-invalid");
    }
    let eligibility = block_field(&f.eligibility, 3_000, "eligibility", errors);
    let how_to_apply = block_field(&f.how_to_apply, 3_000, "how_to_apply", errors);
    let contact = block_field(&f.contact, 1_000, "contact", errors);
    let cost = text_field(&f.cost, 300, "cost", errors);
    let languages = text_field(&f.languages, 300, "languages", errors);
    let link = match f.link.trim() {
        "" => None,
        raw => {
            let parsed = domain::directory::parse_website(raw);
            if parsed.is_none() {
                errors.add("link", "service-link-invalid");
            }
            parsed
        }
    };
    let valid_from = optional_date_field(&f.valid_from, "valid_from", errors);
    let valid_to = optional_date_field(&f.valid_to, "valid_to", errors);
    if let (Some(a), Some(b)) = (valid_from, valid_to)
        && b < a
    {
        errors.add("valid_to", "service-dates-order");
    }
    match (title_lv, provider, errors.is_empty()) {
        (Some(title_lv), Some(provider_id), true) => Some(store::services::ServiceInput {
            title_lv,
            title_en,
            summary_lv,
            summary_en,
            kind,
            area,
            provider_id,
            target_groups,
            places,
            eligibility,
            how_to_apply,
            contact,
            cost,
            languages,
            link,
            valid_from,
            valid_to,
        }),
        _ => None,
    }
}

/// `POST /{lang}/services/manage/{id}/edit`: saves the entry (a new one for `new`).
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::MaintainServices)?;
    let existing = kept(&state, &user, &id).await?;
    let f: ServiceFields = crate::http::forms::with_lists(body, &["target_groups", "places"])?;
    let mut errors = FormErrors::default();
    // A version that is no number is taken as stale.
    let version = crate::http::stale::version(&f.version);
    if let Some(input) = validate(&f, &user, &mut errors) {
        match store::services::save(
            state.db(),
            state.now(),
            &user.actor(ip),
            existing.as_ref().map(|s| s.id),
            version,
            &input,
        )
        .await
        {
            Ok(_) => {
                return Ok(Redirect::to(&ctx.href("/services/manage?notice=saved")).into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => errors.add("title_lv", "service-stale"),
            Err(store::Error::Conflict(store::Conflict::Dialogue(
                store::DialogueConflict::Organisation,
            ))) => errors.add("provider", "reg-choice-invalid"),
            Err(store::Error::Conflict(store::Conflict::Dialogue(_))) => {
                errors.add("places", "reg-choice-invalid")
            }
            Err(e) => return Err(e.into()),
        }
    }
    let withdrawn = existing.as_ref().is_some_and(|s| s.withdrawn_at.is_some());
    let mut f = f;
    // After a refused stale save, the form carries the current version (so the next save,
    // after checking, goes through).
    if errors.get("title_lv") == Some("service-stale")
        && let Some(s) = &existing
    {
        f.version = store::versions::current(state.db(), "services", s.id)
            .await?
            .to_string();
    }
    let page = edit_page(
        &state,
        ctx,
        &user,
        existing.map(|s| s.id),
        f,
        errors,
        withdrawn,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// `POST /{lang}/services/manage/{id}/withdraw`: off the public list.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    set_withdrawn(state, ctx, user, ip, &id, true).await
}

/// `POST /{lang}/services/manage/{id}/restore`: back on the public list.
pub async fn restore(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    set_withdrawn(state, ctx, user, ip, &id, false).await
}

async fn set_withdrawn(
    state: AppState,
    ctx: PageCtx,
    user: CurrentUser,
    ip: std::net::IpAddr,
    raw: &str,
    withdrawn: bool,
) -> AppResult<Response> {
    user.require(Permission::MaintainServices)?;
    let Some(s) = kept(&state, &user, raw).await? else {
        return Err(AppError::NotFound);
    };
    store::services::set_withdrawn(state.db(), state.now(), &user.actor(ip), s.id, withdrawn)
        .await?;
    let notice = if withdrawn { "withdrawn" } else { "restored" };
    Ok(Redirect::to(&ctx.href(&format!("/services/manage?notice={notice}"))).into_response())
}

// ----- the public directory -----

#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    place: String,
    /// The API's name of `place` (a territory's id, as everywhere in the API).
    #[serde(default)]
    territory: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    lang: String,
}

impl SearchParams {
    /// The query; an unknown choice is an error at its field.
    fn query(&self, errors: &mut FormErrors) -> store::services::Query {
        let mut pick = |raw: &str, field: &'static str, ok: bool| {
            if !raw.is_empty() && !ok {
                errors.add(field, "reg-choice-invalid");
            }
        };
        let area = Objective::parse(&self.area);
        pick(&self.area, "area", area.is_some());
        let kind = ServiceKind::parse(&self.kind);
        pick(&self.kind, "kind", kind.is_some());
        let group = NeedConcern::parse(&self.group);
        pick(&self.group, "group", group.is_some());
        let place = optional_id(&self.place).ok().flatten();
        pick(&self.place, "place", place.is_some());
        store::services::Query {
            q: self.q.chars().take(200).collect(),
            area,
            kind,
            place,
            group,
        }
    }
}

/// A place that is no territory is an error at its field (and narrows nothing).
async fn known_place(
    state: &AppState,
    query: &mut store::services::Query,
    errors: &mut FormErrors,
) -> AppResult<()> {
    if let Some(p) = query.place {
        match store::territories::get(state.db(), p).await {
            Ok(_) => {}
            Err(store::Error::NotFound) => {
                errors.add("place", "reg-choice-invalid");
                query.place = None;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "dialogue/services.html")]
struct PublicList {
    ctx: PageCtx,
    found: Vec<store::services::Service>,
    p: SearchParams,
    errors: FormErrors,
    objectives: Vec<(&'static str, &'static str)>,
    units: Vec<(i64, String)>,
}

impl PublicList {
    fn places(&self, s: &store::services::Service) -> String {
        places_text(&self.ctx, s)
    }
}

fn places_text(ctx: &PageCtx, s: &store::services::Service) -> String {
    if s.places.is_empty() {
        return ctx.t("service-all-latvia");
    }
    s.places
        .iter()
        .map(|(_, lv, en)| store::pick(ctx.lang.code(), lv, en).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `GET /{lang}/services`: the services in force today, narrowed by words, area, kind, place
/// and target group.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(p): Query<SearchParams>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let mut query = p.query(&mut errors);
    known_place(&state, &mut query, &mut errors).await?;
    let found = store::services::current(state.db(), state.today(), &query).await?;
    let units = store::territories::units_on(state.db(), state.today())
        .await?
        .into_iter()
        .map(|t| (t.id, t.name(ctx.lang.code()).to_owned()))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = PublicList {
        objectives: OBJECTIVES
            .iter()
            .map(|o| (*o, Objective::label_key_of(o)))
            .collect(),
        ctx,
        found,
        p,
        errors,
        units,
    };
    Ok((status, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "dialogue/service.html")]
struct PublicItem {
    ctx: PageCtx,
    s: store::services::Service,
    places: String,
}

/// `GET /{lang}/services/{id}`: one service in force (404 for any other).
pub async fn item(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let s = store::services::get(state.db(), parse_id(&id)?).await?;
    if !s.current(state.today()) {
        return Err(AppError::NotFound);
    }
    let places = places_text(&ctx, &s);
    Ok(Html(PublicItem { ctx, s, places }.render()?))
}

/// One service as the API and the open data give it.
pub fn json(base: &str, lang: &str, s: &store::services::Service) -> serde_json::Value {
    let i = &s.input;
    serde_json::json!({
        "id": s.id,
        "title": s.title(lang),
        "summary": s.summary(lang),
        "kind": s.kind.as_str(),
        "area": s.area.as_str(),
        "provider": { "id": i.provider_id, "name": s.provider_name },
        "places": s.places.iter().map(|(id, lv, en)| serde_json::json!({
            "id": id, "name": store::pick(lang, lv, en)
        })).collect::<Vec<_>>(),
        "target_groups": i.target_groups.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
        "eligibility": i.eligibility,
        "how_to_apply": i.how_to_apply,
        "contact": i.contact,
        "cost": i.cost,
        "languages": i.languages,
        "link": i.link,
        "valid_from": i.valid_from.map(|d| d.to_string()),
        "valid_to": i.valid_to.map(|d| d.to_string()),
        "url": format!("{base}/{lang}/services/{}", s.id),
    })
}

/// Services in force today
///
/// Support services for Roma families (employment, education, social, health, housing,
/// EU-funded), filtered by area, kind, territory and target group. No token needed.
#[utoipa::path(
    get, path = "/api/v1/services", operation_id = "listServices", tag = "Public site",
    params(
        crate::http::paging::Paging,
        ("q" = Option<String>, Query, description = "Words to find at the start of words of the title, summary, eligibility or provider, Latvian and English (diacritics and case ignored)"),
        ("area" = Option<String>, Query, description = "EU objective area: equality, inclusion, participation, education, employment, health, housing"),
        ("kind" = Option<String>, Query, description = "employment, education, social, health, housing, esf, grants, other"),
        ("territory" = Option<i64>, Query, description = "A territory id: services for it, for the novads or state city it lies in, or for all Latvia"),
        ("place" = Option<i64>, Query, description = "The same as `territory` (its first name, kept within v1)"),
        ("group" = Option<String>, Query, description = "Target group: children, youth, women, families, community"),
        ("lang" = Option<String>, Query, description = "lv (default) or en: the language of the texts and url (English falls back to Latvian)"),
    ),
    responses(
        (status = 200, description = "items: id, title, summary, kind, area, provider {id, name}, places [{id, name}] (empty: all Latvia), target_groups, eligibility, how_to_apply, contact, cost, languages, link, valid_from, valid_to, url", body = Object),
        (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api(
    State(state): State<AppState>,
    Query(mut p): Query<SearchParams>,
    Query(paging): Query<crate::http::paging::Paging>,
) -> AppResult<Response> {
    let by_territory = !p.territory.trim().is_empty();
    if by_territory {
        p.place = std::mem::take(&mut p.territory);
    }
    let mut errors = FormErrors::default();
    let mut query = p.query(&mut errors);
    known_place(&state, &mut query, &mut errors).await?;
    let lang = crate::http::forms::lang_field(&p.lang, "lang", "reg-choice-invalid", &mut errors);
    if !errors.is_empty() {
        // Named as the request named it.
        let mut named = FormErrors::default();
        for e in errors.all() {
            let field = match e.field {
                "place" if by_territory => "territory",
                f => f,
            };
            named.add(field, e.message_id);
        }
        return Ok(crate::http::problem::invalid(&named));
    }
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let items: Vec<serde_json::Value> = store::services::current(state.db(), state.today(), &query)
        .await?
        .iter()
        .map(|s| json(&base, lang, s))
        .collect();
    Ok(axum::Json(paging.of(items)).into_response())
}

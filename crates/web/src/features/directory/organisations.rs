//! Organisations: list with filters, detail with members, create and edit.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::directory::{OrgKind, parse_phone, parse_website};
use domain::territory::PlanningRegion;
use domain::user::Email;
use serde::Deserialize;

use crate::AppState;
use crate::features::directory::sees_org_contacts;
use crate::http::choices::TerritoryGroups;
use crate::http::choices::territory_groups;
use crate::http::choices::{org_kinds, regions};
use crate::http::error::AppResult;
use crate::http::forms::optional_id;
use crate::http::forms::optional_text;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Debug, Default, Deserialize)]
pub struct OrgQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub territory: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub page: Option<i64>,
}

impl OrgQuery {
    pub fn filter(&self) -> store::organisations::OrgFilter {
        store::organisations::OrgFilter {
            q: Some(self.q.clone()).filter(|q| !q.trim().is_empty()),
            kind: OrgKind::parse(&self.kind),
            territory_id: optional_id(&self.territory).ok().flatten(),
            region: PlanningRegion::parse(&self.region),
        }
    }
}

#[derive(Template)]
#[template(path = "directory/orgs.html")]
struct ListPage {
    ctx: PageCtx,
    query: OrgQuery,
    orgs: Vec<store::organisations::Organisation>,
    total: i64,
    kinds: Vec<(&'static str, &'static str)>,
    regions: Vec<(&'static str, &'static str)>,
    territories: TerritoryGroups,
    can_manage: bool,
    prev_href: Option<String>,
    next_href: Option<String>,
}

/// Links to the previous and next page of a list, keeping its filters.
pub fn pager(
    ctx: &PageCtx,
    path: &str,
    pairs: &[(&str, &str)],
    page: i64,
    shown: i64,
    total: i64,
    page_size: i64,
) -> (Option<String>, Option<String>) {
    let link = |p: i64| {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.append_pair("page", &p.to_string());
        ctx.href(&format!("{path}?{}", s.finish()))
    };
    let prev = (page > 0).then(|| link(page - 1));
    let next = (page * page_size + shown < total).then(|| link(page + 1));
    (prev, next)
}

impl ListPage {
    /// The list's filters, for the export form.
    fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let q = &self.query;
        vec![
            ("q", q.q.clone()),
            ("kind", q.kind.clone()),
            ("territory", q.territory.clone()),
            ("region", q.region.clone()),
        ]
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(query): Query<OrgQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewDirectory)?;
    let page = query.page.unwrap_or(0).clamp(0, 100_000);
    let (orgs, total) = store::organisations::list(
        state.db(),
        &query.filter(),
        store::Window::page(page, store::organisations::PAGE_SIZE),
    )
    .await?;
    let shown = i64::try_from(orgs.len()).unwrap_or(0);
    let (prev_href, next_href) = pager(
        &ctx,
        "/organisations",
        &[
            ("q", &query.q),
            ("kind", &query.kind),
            ("territory", &query.territory),
            ("region", &query.region),
        ],
        page,
        shown,
        total,
        store::organisations::PAGE_SIZE,
    );
    Ok(Html(
        ListPage {
            territories: territory_groups(&state, ctx.lang).await?,
            ctx,
            query,
            orgs,
            total,
            kinds: org_kinds(),
            regions: regions(),
            can_manage: user.can(Permission::ManageDirectory),
            prev_href,
            next_href,
        }
        .render()?,
    ))
}

impl DetailPage {
    fn field_label(&self, f: &str) -> &'static str {
        crate::features::directory::public_directory::listing_field_label(f)
    }
}

#[derive(Template)]
#[template(path = "directory/org.html")]
struct DetailPage {
    ctx: PageCtx,
    org: store::organisations::Organisation,
    children: Vec<(i64, String)>,
    current: Vec<store::people::Member>,
    past: Vec<store::people::Member>,
    sees_contacts: bool,
    can_manage: bool,
    /// The other organisations, for the merge chooser (directory managers only).
    others: Vec<(i64, String)>,
    listing: Option<store::listings::Listing>,
    listing_fields: &'static [&'static str],
    listing_action: String,
    today: String,
    notice: Option<&'static str>,
    errors: FormErrors,
}

async fn detail_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
    notice: Option<&'static str>,
) -> AppResult<DetailPage> {
    let org = store::organisations::get(state.db(), id).await?;
    let today = state.today();
    let (current, past) = store::people::members(state.db(), id)
        .await?
        .into_iter()
        .partition(|m| m.to_date.is_none_or(|t| today <= t));
    let can_manage = user.can(Permission::ManageDirectory);
    Ok(DetailPage {
        listing: store::listings::get(state.db(), store::listings::Subject::Organisation(id))
            .await?,
        listing_fields: store::listings::ORG_FIELDS,
        listing_action: ctx.href(&format!("/organisations/{id}/listing")),
        today: today.to_string(),
        ctx,
        children: store::organisations::children(state.db(), id).await?,
        sees_contacts: sees_org_contacts(user, id),
        can_manage,
        others: if can_manage {
            store::organisations::names(state.db())
                .await?
                .into_iter()
                .filter(|(o, _)| *o != id)
                .collect()
        } else {
            Vec::new()
        },
        notice,
        org,
        current,
        past,
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
        Some("merged") => Some("merged-notice"),
        Some("listing-saved") => Some("listing-saved"),
        Some("listing-invalid") => Some("listing-invalid"),
        Some("listing-withdrawn") => Some("listing-withdrawn"),
        Some("restored") => Some("restored-notice"),
        _ => None,
    };
    Ok(Html(
        detail_page(&state, ctx, &user, id, notice)
            .await?
            .render()?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct OrgFields {
    #[serde(default)]
    pub(crate) name_lv: String,
    #[serde(default)]
    pub(crate) name_en: String,
    #[serde(default)]
    pub(crate) kind: String,
    #[serde(default)]
    pub(crate) parent_id: String,
    #[serde(default)]
    pub(crate) territory_id: String,
    #[serde(default)]
    pub(crate) email: String,
    #[serde(default)]
    pub(crate) phone: String,
    #[serde(default)]
    pub(crate) website: String,
    #[serde(default)]
    pub(crate) address: String,
    /// Set when the user has seen the duplicate warning and saves anyway.
    #[serde(default)]
    pub(crate) confirm_duplicate: Option<String>,
    /// The version of the record the form was loaded with (`store::versions`).
    #[serde(default)]
    pub(crate) version: String,
}

#[derive(Template)]
#[template(path = "directory/org_form.html")]
struct FormPage {
    ctx: PageCtx,
    id: Option<i64>,
    f: OrgFields,
    errors: FormErrors,
    duplicates: Vec<(i64, String)>,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
    kinds: Vec<(&'static str, &'static str)>,
    parents: Vec<(i64, String)>,
    territories: TerritoryGroups,
}

impl FormPage {
    async fn new(
        state: &AppState,
        ctx: PageCtx,
        id: Option<i64>,
        f: OrgFields,
    ) -> AppResult<FormPage> {
        let parents = store::organisations::names(state.db())
            .await?
            .into_iter()
            .filter(|(pid, _)| Some(*pid) != id)
            .collect();
        Ok(FormPage {
            territories: territory_groups(state, ctx.lang).await?,
            ctx,
            id,
            f,
            errors: FormErrors::default(),
            duplicates: Vec::new(),
            stale: None,
            kinds: org_kinds(),
            parents,
        })
    }
}

impl OrgFields {
    /// The form's fields filled from a stored organisation.
    pub fn from_org(o: store::organisations::Organisation) -> OrgFields {
        OrgFields {
            name_lv: o.name_lv,
            name_en: o.name_en.unwrap_or_default(),
            kind: o.kind.as_str().to_owned(),
            parent_id: o.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            territory_id: o.territory_id.map(|t| t.to_string()).unwrap_or_default(),
            email: o.email.unwrap_or_default(),
            phone: o.phone.unwrap_or_default(),
            website: o.website.unwrap_or_default(),
            address: o.address.unwrap_or_default(),
            confirm_duplicate: None,
            version: String::new(),
        }
    }
}

/// Validates the fields into a store input; errors go next to their fields.
pub fn validate(f: &OrgFields, errors: &mut FormErrors) -> store::organisations::OrgInput {
    let name_lv =
        crate::http::forms::required_text(&f.name_lv, 300, "name_lv", "org-name-invalid", errors);
    let name_en = optional_text(&f.name_en, 300).unwrap_or_else(|e| {
        errors.add("name_en", e.message_id());
        None
    });
    let kind = OrgKind::parse(&f.kind);
    if kind.is_none() {
        errors.add("kind", "org-kind-invalid");
    }
    let parent_id = optional_id(&f.parent_id).unwrap_or_else(|_| {
        errors.add("parent_id", "org-parent-invalid");
        None
    });
    let territory_id = optional_id(&f.territory_id).unwrap_or_else(|_| {
        errors.add("territory_id", "territory-invalid");
        None
    });
    let email = match f.email.trim() {
        "" => None,
        e => Email::parse(e).map(Email::into_string).or_else(|| {
            errors.add("email", "user-email-invalid");
            None
        }),
    };
    let phone = match f.phone.trim() {
        "" => None,
        p => parse_phone(p).or_else(|| {
            errors.add("phone", "phone-invalid");
            None
        }),
    };
    let website = match f.website.trim() {
        "" => None,
        w => parse_website(w).or_else(|| {
            errors.add("website", "website-invalid");
            None
        }),
    };
    let address = optional_text(&f.address, 500).unwrap_or_else(|e| {
        errors.add("address", e.message_id());
        None
    });
    store::organisations::OrgInput {
        name_lv,
        name_en,
        kind,
        parent_id,
        territory_id,
        email,
        phone,
        website,
        address,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageDirectory)?;
    let f = OrgFields {
        kind: OrgKind::OtherNgo.as_str().to_owned(),
        ..OrgFields::default()
    };
    Ok(Html(FormPage::new(&state, ctx, None, f).await?.render()?))
}

/// Saves (creates when `id` is `None`), or re-renders the form with its errors.
async fn save(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: Option<i64>,
    f: OrgFields,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let input = validate(&f, &mut errors);
    let mut duplicates = Vec::new();
    if errors.is_empty() && f.confirm_duplicate.is_none() {
        duplicates = store::organisations::similar(state.db(), &input.name_lv, id).await?;
    }
    if errors.is_empty() && duplicates.is_empty() {
        let actor = user.actor(ip);
        let result = match id {
            None => store::organisations::create(state.db(), state.now(), &actor, &input).await,
            Some(id) => store::organisations::update_checked(
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
            Ok(id) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/organisations/{id}?notice=saved")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Directory(
                store::DirectoryConflict::Parent,
            ))) => errors.add("parent_id", "org-parent-invalid"),
            Err(store::Error::Conflict(store::Conflict::Directory(
                store::DirectoryConflict::Territory,
            ))) => errors.add("territory_id", "territory-invalid"),
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                if let Some(id) = id {
                    return stale_page(state, ctx, id, f).await;
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

/// The form again after someone saved the organisation since it was loaded: what was typed,
/// what differs in the stored record now, and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    mut f: OrgFields,
) -> AppResult<Response> {
    let version = store::versions::current(state.db(), "organisations", id).await?;
    let now = store::organisations::get(state.db(), id).await?;
    let kind = ctx.t(now.kind.label_key());
    let parent = now.parent_name.clone().unwrap_or_default();
    let territory = now.territory_name.clone().unwrap_or_default();
    let stored = OrgFields::from_org(now);
    let stale = crate::http::stale::Stale::compare(vec![
        (
            "field-name-lv",
            &f.name_lv,
            &stored.name_lv,
            stored.name_lv.clone(),
        ),
        (
            "field-name-en",
            &f.name_en,
            &stored.name_en,
            stored.name_en.clone(),
        ),
        ("org-kind", &f.kind, &stored.kind, kind),
        ("org-parent", &f.parent_id, &stored.parent_id, parent),
        (
            "field-territory",
            &f.territory_id,
            &stored.territory_id,
            territory,
        ),
        ("field-email", &f.email, &stored.email, stored.email.clone()),
        ("field-phone", &f.phone, &stored.phone, stored.phone.clone()),
        (
            "field-website",
            &f.website,
            &stored.website,
            stored.website.clone(),
        ),
        (
            "field-address",
            &f.address,
            &stored.address,
            stored.address.clone(),
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
    AppForm(f): AppForm<OrgFields>,
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
    let version = store::versions::current(state.db(), "organisations", id).await?;
    let o = store::organisations::get(state.db(), id).await?;
    let mut f = OrgFields::from_org(o);
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
    AppForm(f): AppForm<OrgFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    // A foreign or made-up id is 404 before anything else.
    store::organisations::get(state.db(), id).await?;
    save(&state, ctx, &user, ip, Some(id), f).await
}

#[derive(Debug, Default, Deserialize)]
pub struct MergeFields {
    #[serde(default)]
    duplicate_id: String,
}

/// Merges another organisation (the duplicate) into this one.
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
    store::organisations::get(state.db(), id).await?;
    let duplicate = optional_id(&f.duplicate_id)
        .ok()
        .flatten()
        .filter(|d| *d != id);
    let result = match duplicate {
        Some(d) => {
            store::merge::merge_organisations(state.db(), state.now(), &user.actor(ip), id, d).await
        }
        None => Err(store::Error::NotFound),
    };
    match result {
        Ok(_) => Ok(
            Redirect::to(&ctx.href(&format!("/organisations/{id}?notice=merged"))).into_response(),
        ),
        Err(store::Error::NotFound | store::Error::Conflict(_)) => {
            let mut page = detail_page(&state, ctx, &user, id, None).await?;
            page.errors.add("duplicate_id", "merge-choose");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

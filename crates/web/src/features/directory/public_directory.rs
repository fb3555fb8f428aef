//! The public directory: organisations and people who agreed to be listed, with only the
//! fields they agreed to. Consents are recorded by coordinators on the detail pages.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::forms::optional_date;
use crate::http::forms::{AppForm, parse_id};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The version of the notice shown when a listing is agreed to.
/// (`domain::privacy_notices`).
pub const LISTING_NOTICE_VERSION: &str = domain::privacy_notices::LISTING.current().id;

#[derive(Template)]
#[template(path = "public/directory.html")]
struct DirectoryPage {
    ctx: PageCtx,
    orgs: Vec<store::listings::PublicOrg>,
    people: Vec<store::listings::PublicPerson>,
}

impl DirectoryPage {
    fn org_name<'a>(&self, o: &'a store::listings::PublicOrg) -> &'a str {
        match (self.ctx.lang, &o.name_en) {
            (crate::i18n::Lang::En, Some(en)) => en,
            _ => &o.name_lv,
        }
    }

    fn kind_label(&self, kind: &str) -> String {
        domain::directory::OrgKind::parse(kind)
            .map(|k| self.ctx.t(k.label_key()))
            .unwrap_or_default()
    }
}

pub async fn page(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let (orgs, people) = store::listings::public(state.db(), &state.today().to_string()).await?;
    Ok(Html(DirectoryPage { ctx, orgs, people }.render()?))
}

/// The listing form's fields: one checkbox per field, the date, the consent statement.
#[derive(Debug, Default, Deserialize)]
pub struct ListingFields {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    given_on: String,
    #[serde(default)]
    consent: Option<String>,
}

impl ListingFields {
    fn chosen(&self) -> Vec<String> {
        [
            ("name", &self.name),
            ("organisation", &self.organisation),
            ("role", &self.role),
            ("email", &self.email),
            ("phone", &self.phone),
            ("website", &self.website),
            ("address", &self.address),
        ]
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| (*k).to_owned())
        .collect()
    }
}

async fn save(
    state: &AppState,
    ctx: &PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    subject: store::listings::Subject,
    f: &ListingFields,
) -> AppResult<Response> {
    let back = match subject {
        store::listings::Subject::Person(id) => format!("/people/{id}"),
        store::listings::Subject::Organisation(id) => format!("/organisations/{id}"),
    };
    let given_on = match optional_date(&f.given_on) {
        Ok(Some(d)) if d <= state.today() => d,
        _ => {
            return Ok(
                Redirect::to(&ctx.href(&format!("{back}?notice=listing-invalid"))).into_response(),
            );
        }
    };
    if f.consent.is_none() {
        return Ok(
            Redirect::to(&ctx.href(&format!("{back}?notice=listing-invalid"))).into_response(),
        );
    }
    match store::listings::set(
        state.db(),
        state.now(),
        &user.actor(ip),
        subject,
        &f.chosen(),
        &given_on.to_string(),
        LISTING_NOTICE_VERSION,
    )
    .await
    {
        Ok(()) => {
            Ok(Redirect::to(&ctx.href(&format!("{back}?notice=listing-saved"))).into_response())
        }
        Err(store::Error::Conflict(_)) => {
            Ok(Redirect::to(&ctx.href(&format!("{back}?notice=listing-invalid"))).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn set_person(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ListingFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    // A restricted person is not published (article 18).
    if store::people::restriction(state.db(), id).await?.is_some() {
        return Ok(axum::response::Redirect::to(
            &ctx.href(&format!("/people/{id}?notice=listing-restricted")),
        )
        .into_response());
    }
    save(
        &state,
        &ctx,
        &user,
        ip,
        store::listings::Subject::Person(id),
        &f,
    )
    .await
}

pub async fn set_organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ListingFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    save(
        &state,
        &ctx,
        &user,
        ip,
        store::listings::Subject::Organisation(id),
        &f,
    )
    .await
}

async fn withdraw(
    state: &AppState,
    ctx: &PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    subject: store::listings::Subject,
    back: String,
) -> AppResult<Response> {
    match store::listings::withdraw(state.db(), state.now(), &user.actor(ip), subject).await {
        Ok(()) => Ok(
            Redirect::to(&ctx.href(&format!("{back}?notice=listing-withdrawn"))).into_response(),
        ),
        Err(store::Error::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

pub async fn withdraw_person(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    withdraw(
        &state,
        &ctx,
        &user,
        ip,
        store::listings::Subject::Person(id),
        format!("/people/{id}"),
    )
    .await
}

pub async fn withdraw_organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    withdraw(
        &state,
        &ctx,
        &user,
        ip,
        store::listings::Subject::Organisation(id),
        format!("/organisations/{id}"),
    )
    .await
}

/// The message id naming a public-directory field.
pub fn listing_field_label(field: &str) -> &'static str {
    match field {
        "name" => "listing-field-name",
        "organisation" => "listing-field-organisation",
        "role" => "listing-field-role",
        "email" => "field-email",
        "phone" => "field-phone",
        "website" => "field-website",
        _ => "field-address",
    }
}

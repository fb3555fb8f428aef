//! Territories: a searchable list (the picker's backing), "which unit on date D", and the
//! API's `GET /api/v1/territories`.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Html;
use domain::auth::Permission;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::paging::{Page, Paging};
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

/// Search results are capped at this many.
pub const SEARCH_LIMIT: i64 = 50;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TerritoryQuery {
    /// Words of a place name; case and diacritics do not matter ("Vilaka" finds "Viļaka").
    #[serde(default)]
    q: String,
    /// A date (YYYY-MM-DD): results say which unit each place belonged to on it. Default: today.
    #[serde(default)]
    on: String,
}

/// A place and the unit it was part of on the date asked.
#[derive(Debug)]
struct Hit {
    place: store::territories::Territory,
    unit: store::territories::Territory,
}

async fn hits(state: &AppState, q: &str, on: Date) -> AppResult<Vec<Hit>> {
    let places = if q.trim().is_empty() {
        store::territories::units_on(state.db(), on).await?
    } else {
        store::territories::search(state.db(), q, SEARCH_LIMIT).await?
    };
    let mut out = Vec::with_capacity(places.len());
    for place in places {
        let unit = store::territories::unit_on(state.db(), place.id, on).await?;
        out.push(Hit { place, unit });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "territories/index.html")]
struct TerritoriesPage {
    ctx: PageCtx,
    q: String,
    on: String,
    on_label: String,
    date_invalid: bool,
    hits: Vec<Hit>,
}

impl TerritoriesPage {
    fn kind_label(&self, h: &Hit) -> String {
        self.ctx.t(h.place.kind.label_key())
    }

    fn region_label(&self, t: &store::territories::Territory) -> String {
        t.planning_region
            .map(|r| self.ctx.t(r.label_key()))
            .unwrap_or_default()
    }

    fn name<'a>(&self, t: &'a store::territories::Territory) -> &'a str {
        t.name(self.ctx.lang.code())
    }

    fn country<'a>(&self, t: &'a store::territories::Territory) -> &'a str {
        match self.ctx.lang {
            i18n::Lang::Lv => &t.country_name_lv,
            i18n::Lang::En => &t.country_name_en,
        }
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(query): Query<TerritoryQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::UseWorkspace)?;
    let parsed: Option<Date> = query.on.trim().parse().ok();
    let date_invalid = !query.on.trim().is_empty() && parsed.is_none();
    let on = parsed.unwrap_or_else(|| state.today());
    let hits = hits(&state, &query.q, on).await?;
    let on_label = i18n::date(
        ctx.lang,
        on.to_zoned_datetime(i18n::riga())
            .map(|z| z.timestamp())
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
    );
    Ok(Html(
        TerritoriesPage {
            ctx,
            q: query.q,
            on: if date_invalid {
                query.on
            } else {
                parsed.map(|d| d.to_string()).unwrap_or_default()
            },
            on_label,
            date_invalid,
            hits,
        }
        .render()?,
    ))
}

/// A place, as the API gives it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TerritoryJson {
    id: i64,
    code: String,
    /// state_city, municipality, town, former_municipality or foreign.
    kind: String,
    name_lv: String,
    name_en: Option<String>,
    iso_3166_2: Option<String>,
    atvk: Option<String>,
    /// riga, vidzeme, kurzeme, zemgale or latgale.
    planning_region: Option<String>,
    /// ISO 3166-1 alpha-2.
    country: String,
    valid_from: Option<String>,
    valid_to: Option<String>,
    /// The local government unit the place was part of on the date asked.
    unit: Option<UnitRef>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnitRef {
    id: i64,
    code: String,
    name_lv: String,
}

fn to_json(h: Hit) -> TerritoryJson {
    let p = h.place;
    TerritoryJson {
        id: p.id,
        code: p.code,
        kind: p.kind.as_str().to_owned(),
        name_lv: p.name_lv,
        name_en: p.name_en,
        iso_3166_2: p.iso_3166_2,
        atvk: p.atvk,
        planning_region: p.planning_region.map(|r| r.as_str().to_owned()),
        country: p.country,
        valid_from: p.valid_from.map(|d| d.to_string()),
        valid_to: p.valid_to.map(|d| d.to_string()),
        unit: h.unit.kind.is_unit().then_some(UnitRef {
            id: h.unit.id,
            code: h.unit.code,
            name_lv: h.unit.name_lv,
        }),
    }
}

/// Latvia's territories
///
/// Without `q`: the state cities and municipalities that existed on the date `on`. With `q`: up
/// to 50 places whose name matches, each with the unit it belonged to on that date.
#[utoipa::path(
    get, path = "/api/v1/territories", operation_id = "listTerritories", tag = "Directory",
    params(TerritoryQuery, Paging),
    responses(
        (status = 200, body = Page<TerritoryJson>, description = "Without `q`: the units that existed on the date; with `q`: up to 50 matching places."),
        (status = 400, body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 401, body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(query): Query<TerritoryQuery>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<TerritoryJson>>> {
    user.require(Permission::UseWorkspace)?;
    let on = match query.on.trim() {
        "" => state.today(),
        s => s.parse().map_err(|_| AppError::BadRequest)?,
    };
    Ok(Json(
        paging.of(hits(&state, &query.q, on)
            .await?
            .into_iter()
            .map(to_json)
            .collect()),
    ))
}

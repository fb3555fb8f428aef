//! The public site: the language redirect, the home page, the health check.

use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::AppState;
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::page::PageCtx;

/// `/` goes to the language the browser prefers among ours, Latvian otherwise.
pub async fn root(headers: HeaderMap) -> Response {
    let lang = Lang::negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, format!("/{}/", lang.code())),
            (header::VARY, "Accept-Language".to_owned()),
        ],
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct Home {
    ctx: PageCtx,
    /// The site's saved pages: (slug, message id of their name).
    pages: Vec<(String, &'static str)>,
}

pub async fn home(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let pages = store::site_pages::list(state.db())
        .await?
        .into_iter()
        .map(|p| {
            let name = crate::features::site::page_key(&p.slug);
            (p.slug, name)
        })
        .collect();
    Ok(Html(Home { ctx, pages }.render()?))
}

/// 200 `{"status":"ok"}` when the database answers, 503 otherwise.
#[utoipa::path(
    get, path = "/healthz",
    responses((status = 200, body = crate::features::api::Health), (status = 503, body = crate::features::api::Health))
)]
pub async fn healthz(State(state): State<AppState>) -> Response {
    if state.db().ping().await {
        (StatusCode::OK, Json(serde_json::json!({ "status": "ok" }))).into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "status": "unavailable" })),
        )
            .into_response()
    }
}

/// One category of the records of processing, in the page's language.
struct ProcessingRow {
    key: &'static str,
    title: &'static str,
    special: bool,
    purpose: &'static str,
    legal_basis: &'static str,
    retention: String,
    access: &'static str,
    columns: String,
}

#[derive(Template)]
#[template(path = "processing.html")]
struct Processing {
    ctx: PageCtx,
    categories: Vec<ProcessingRow>,
}

/// "Datu apstrādes reģistrs": generated from `domain::processing`.
pub async fn processing(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let lv = ctx.lang == Lang::Lv;
    let pick = |t: domain::processing::Text| if lv { t.0 } else { t.1 };
    let years = state.settings().mediation.retention_years.to_string();
    let categories = domain::processing::CATEGORIES
        .iter()
        .map(|c| ProcessingRow {
            key: c.key,
            title: pick(c.title),
            special: c.special,
            purpose: pick(c.purpose),
            legal_basis: pick(c.legal_basis),
            retention: pick(c.retention).replace("{years}", &years),
            access: pick(c.access),
            columns: c
                .columns
                .iter()
                .map(|(t, k)| format!("{t}.{k}"))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    Ok(Html(Processing { ctx, categories }.render()?))
}

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
}

pub async fn home(ctx: PageCtx) -> AppResult<Html<String>> {
    Ok(Html(Home { ctx }.render()?))
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

//! Health and readiness for load balancers and monitoring: `/healthz` (the process answers),
//! `/readyz` (the database, every background worker, the mail waiting to go, the last
//! scheduled backup) and `/metrics` (Prometheus; only for the operator's monitoring).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::http::error::{ErrorKind, error_response};
use crate::principal::ClientIp;

/// The health check's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    status: String,
}

/// The readiness check's answer: the database, every background worker and the mail
/// waiting to go.
#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// `ready`, or `unavailable` when the database does not answer or a worker is overdue.
    #[schema(example = "ready")]
    pub status: String,
    pub database: bool,
    pub workers: Vec<WorkerJson>,
    pub outbox: OutboxJson,
    /// The scheduled backups (`[backup] dir`); absent when they are not set up. A late or
    /// failed backup does not make the platform unready (it still serves): monitoring
    /// alerts on it.
    pub backup: Option<BackupJson>,
}

/// The last scheduled backup.
#[derive(Debug, Serialize, ToSchema)]
pub struct BackupJson {
    /// RFC 3339: when the last successful backup finished; absent when none has.
    pub last_success: Option<String>,
    /// Whether the last run succeeded (absent before the first run). Why a run failed is
    /// not said here (this answer is public): the coordinators' system page says it.
    pub last_run_ok: Option<bool>,
    /// No successful backup within `[backup] max_age_hours`.
    pub late: bool,
}

/// One background worker: how often it runs and when it last succeeded.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerJson {
    #[schema(example = "mail")]
    pub name: String,
    pub every_seconds: u64,
    /// RFC 3339; absent before its first success.
    pub last_success: Option<String>,
    pub last_failure: Option<String>,
    /// Runs that panicked since the start (each was followed by a new one).
    pub panics: u32,
    /// RFC 3339: when the run going on now started; absent between runs.
    pub running_since: Option<String>,
    /// It has not succeeded for two periods and a minute, or a run has gone on for more
    /// than twenty minutes.
    pub overdue: bool,
}

/// Mail due to be sent and not yet sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxJson {
    pub waiting: i64,
    /// How long the oldest waiting message has waited.
    pub oldest_waiting_seconds: Option<i64>,
}

/// Is the platform up?
///
/// 200 `{"status":"ok"}` when the database answers, 503 otherwise. No token; for load
/// balancers.
#[utoipa::path(
    get, path = "/healthz", operation_id = "getHealth", tag = "Operations",
    responses((status = 200, body = Health), (status = 503, body = Health))
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

/// Is the platform ready to serve?
///
/// 200 when the database answers and every background worker has succeeded when it was due, 503
/// otherwise; either way the workers' last runs, the outbox's backlog and whether the nightly
/// backup is late, for the operator's monitoring. No token.
#[utoipa::path(
    get, path = "/readyz", operation_id = "getReadiness", tag = "Operations",
    responses((status = 200, body = Readiness), (status = 503, body = Readiness))
)]
pub async fn readyz(State(state): State<AppState>) -> Response {
    let now = state.now();
    let at = |t: Option<i64>| {
        t.and_then(|t| jiff::Timestamp::from_second(t).ok())
            .map(|t| t.to_string())
    };
    let database = state.db().ping().await;
    let workers: Vec<WorkerJson> = state
        .workers()
        .snapshot()
        .into_iter()
        .map(|(name, s)| WorkerJson {
            name: name.to_owned(),
            every_seconds: s.every.as_secs(),
            last_success: at(s.last_success),
            last_failure: at(s.last_failure),
            panics: s.panics,
            running_since: at(s.running_since),
            overdue: s.overdue(now),
        })
        .collect();
    let (waiting, oldest) = store::outbox::backlog(state.db(), now)
        .await
        .unwrap_or((0, None));
    let ready = database && !workers.iter().any(|w| w.overdue);
    let backup = backup_state(&state, now).await;
    let body = Readiness {
        status: if ready { "ready" } else { "unavailable" }.to_owned(),
        database,
        workers,
        outbox: OutboxJson {
            waiting,
            oldest_waiting_seconds: oldest.map(|t| (now - t).max(0)),
        },
        backup,
    };
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

/// The scheduled backups' state, when they are set up.
pub async fn backup_state(state: &AppState, now: i64) -> Option<BackupJson> {
    let settings = &state.settings().backup;
    settings.folder()?;
    let at = |t: i64| jiff::Timestamp::from_second(t).ok().map(|t| t.to_string());
    let latest = store::backups::latest(state.db()).await.ok().flatten();
    let success = store::backups::latest_success(state.db())
        .await
        .ok()
        .flatten();
    let late = success.as_ref().is_none_or(|r| {
        now.saturating_sub(r.finished_at) > i64::from(settings.max_age_hours) * 3600
    });
    Some(BackupJson {
        last_success: success.as_ref().and_then(|r| at(r.finished_at)),
        last_run_ok: latest.as_ref().map(|r| r.ok),
        late,
    })
}

/// Prometheus metrics (text format 0.0.4) for the addresses in `[metrics] allow` or a
/// request with the token of `[metrics] token_file`; 404 to everyone else, as if there were
/// no such page.
pub async fn metrics(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
) -> Response {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::principal::bearer_secret);
    if !crate::metrics::allowed(&state, client, bearer) {
        return error_response(ErrorKind::NotFound);
    }
    let body = crate::metrics::render(&state).await;
    (
        [
            (
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

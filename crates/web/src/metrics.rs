//! What the operator's Prometheus reads at `/metrics` (text format 0.0.4): requests per route
//! pattern, method and status with their latency, the database pools, the outbox, each
//! background worker, sign-in failures and throttles, the scheduled backups and the build.
//!
//! Requests are counted by their route *pattern* (`/{lang}/events/{id}`), never the path
//! with its ids or one-time secrets, so the series stay few and hold nothing personal.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::Method;

use crate::AppState;

/// The program's version, the git commit it was built from and the day it was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildInfo {
    pub version: String,
    pub commit: String,
    pub built: String,
}

static BUILD: OnceLock<BuildInfo> = OnceLock::new();

/// Sets the build information (the binary does, once, from its build script's values).
pub fn set_build(info: BuildInfo) {
    let _ = BUILD.set(info);
}

/// The build information: as the binary set it, or the crate's version with an unknown
/// commit (tests).
pub fn build() -> &'static BuildInfo {
    BUILD.get_or_init(|| BuildInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        commit: "unknown".to_owned(),
        built: "unknown".to_owned(),
    })
}

/// The route of a request no route matched.
pub const UNMATCHED: &str = "unmatched";

/// The latency buckets' upper bounds, in seconds.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

#[derive(Debug, Default, Clone)]
struct Histogram {
    /// Observations per bucket (not cumulative; the last counts those above every bound).
    counts: [u64; BUCKETS.len() + 1],
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        let i = BUCKETS
            .iter()
            .position(|b| seconds <= *b)
            .unwrap_or(BUCKETS.len());
        self.counts[i] += 1;
        self.sum += seconds;
    }
}

/// (method, route pattern, status): all from closed sets, so a client cannot make new series
/// (a made-up method counts as "other").
type Key = (&'static str, &'static str, u16);

/// A request's method as a label: the standard ones, or "other".
pub fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// This process's counters (each instance counts its own, as Prometheus expects).
#[derive(Debug, Default)]
pub struct Metrics {
    http: Mutex<HashMap<Key, Histogram>>,
    login_failures: AtomicU64,
    login_throttled: AtomicU64,
}

impl Metrics {
    /// Counts a finished request.
    pub fn observe_request(&self, method: &Method, route: &'static str, status: u16, secs: f64) {
        if let Ok(mut all) = self.http.lock() {
            all.entry((method_label(method), route, status))
                .or_default()
                .observe(secs);
        }
    }

    /// A wrong password or code at sign-in (or at a password re-check).
    pub fn login_failed(&self) {
        self.login_failures.fetch_add(1, Ordering::Relaxed);
    }

    /// A sign-in refused by throttling.
    pub fn login_throttled(&self) {
        self.login_throttled.fetch_add(1, Ordering::Relaxed);
    }
}

/// Whether this request may read `/metrics`: its client address (through the trusted
/// proxies) is allowed, or it carries the token of `[metrics] token_file`.
pub fn allowed(state: &AppState, client: std::net::IpAddr, bearer: Option<&str>) -> bool {
    let m = &state.settings().metrics;
    if client != crate::principal::UNKNOWN_CLIENT && m.allow.contains(&client) {
        return true;
    }
    let (Some(given), false) = (bearer, m.token_file.trim().is_empty()) else {
        return false;
    };
    match std::fs::read_to_string(m.token_file.trim()) {
        Ok(token) => {
            let token = token.trim();
            if token.chars().count() < 32 {
                tracing::warn!(
                    "metrics token shorter than 32 characters: nobody is let in by token"
                );
                return false;
            }
            // Compared as hashes, so the time taken does not tell the token's length.
            domain::token::constant_time_eq(
                &domain::token::hash_secret(token),
                &domain::token::hash_secret(given.trim()),
            )
        }
        Err(e) => {
            tracing::warn!(error = %e, "metrics token file unreadable: nobody is let in by token");
            false
        }
    }
}

/// Escapes a label value (backslash, quote, newline).
fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn head(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// The metrics now, in Prometheus text format.
pub async fn render(state: &AppState) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let now = state.now();
    let b = build();
    head(
        &mut out,
        "roma_build_info",
        "gauge",
        "The program's version, git commit and build day.",
    );
    let _ = writeln!(
        out,
        "roma_build_info{{version=\"{}\",commit=\"{}\",built=\"{}\"}} 1",
        label(&b.version),
        label(&b.commit),
        label(&b.built)
    );

    http_series(state, &mut out);

    let p = state.db().pool_stats();
    head(
        &mut out,
        "roma_db_writer_waits_total",
        "counter",
        "Write transactions that waited for the single writer connection.",
    );
    let _ = writeln!(out, "roma_db_writer_waits_total {}", p.writer_waits);
    head(
        &mut out,
        "roma_db_writer_wait_seconds_total",
        "counter",
        "Time write transactions spent waiting for the writer connection.",
    );
    let _ = writeln!(
        out,
        "roma_db_writer_wait_seconds_total {}",
        p.writer_wait_nanos as f64 / 1e9
    );
    head(
        &mut out,
        "roma_db_pool_connections",
        "gauge",
        "Database connections by pool and state.",
    );
    for (pool, size, idle) in [
        ("reader", p.reader_size, p.reader_idle),
        ("writer", p.writer_size, p.writer_idle),
    ] {
        let _ = writeln!(
            out,
            "roma_db_pool_connections{{pool=\"{pool}\",state=\"idle\"}} {idle}"
        );
        let _ = writeln!(
            out,
            "roma_db_pool_connections{{pool=\"{pool}\",state=\"in_use\"}} {}",
            size.saturating_sub(idle)
        );
    }

    let (waiting, oldest) = store::outbox::backlog(state.db(), now)
        .await
        .unwrap_or((0, None));
    let failed = store::outbox::failed_count(state.db()).await.unwrap_or(0);
    for (name, help, value) in [
        (
            "roma_outbox_waiting",
            "Mail messages due and not yet sent.",
            waiting,
        ),
        (
            "roma_outbox_oldest_waiting_seconds",
            "How long the oldest waiting message has waited (0 when none).",
            oldest.map_or(0, |t| (now - t).max(0)),
        ),
        (
            "roma_outbox_failed",
            "Messages given up after their retries (in the outbox's keeping period).",
            failed,
        ),
    ] {
        head(&mut out, name, "gauge", help);
        let _ = writeln!(out, "{name} {value}");
    }

    worker_series(state, now, &mut out);

    head(
        &mut out,
        "roma_login_failures_total",
        "counter",
        "Wrong passwords or codes at sign-in and at password re-checks.",
    );
    let m = state.metrics();
    let _ = writeln!(
        out,
        "roma_login_failures_total {}",
        m.login_failures.load(Ordering::Relaxed)
    );
    head(
        &mut out,
        "roma_login_throttled_total",
        "counter",
        "Sign-ins refused by throttling.",
    );
    let _ = writeln!(
        out,
        "roma_login_throttled_total {}",
        m.login_throttled.load(Ordering::Relaxed)
    );

    backup_series(state, &mut out).await;
    out
}

fn http_series(state: &AppState, out: &mut String) {
    let mut rows: Vec<(Key, Histogram)> = state
        .metrics()
        .http
        .lock()
        .map(|all| all.iter().map(|(k, h)| (*k, h.clone())).collect())
        .unwrap_or_default();
    rows.sort_by_key(|(k, _)| (k.1, k.0, k.2));
    head(
        out,
        "roma_http_request_duration_seconds",
        "histogram",
        "Requests by method, route pattern and status, and how long they took.",
    );
    for ((method, route, status), h) in rows {
        let labels = format!(
            "method=\"{method}\",route=\"{}\",status=\"{status}\"",
            label(route)
        );
        let mut cumulative = 0;
        for (i, bound) in BUCKETS.iter().enumerate() {
            cumulative += h.counts[i];
            let _ = writeln!(
                out,
                "roma_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {cumulative}"
            );
        }
        cumulative += h.counts[BUCKETS.len()];
        let _ = writeln!(
            out,
            "roma_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {cumulative}"
        );
        let _ = writeln!(
            out,
            "roma_http_request_duration_seconds_sum{{{labels}}} {}",
            h.sum
        );
        let _ = writeln!(
            out,
            "roma_http_request_duration_seconds_count{{{labels}}} {cumulative}"
        );
    }
}

fn worker_series(state: &AppState, now: i64, out: &mut String) {
    let workers = state.workers().snapshot();
    let series: [(&str, &str, &str); 5] = [
        (
            "roma_worker_period_seconds",
            "gauge",
            "How often the background worker runs.",
        ),
        (
            "roma_worker_last_success_timestamp_seconds",
            "gauge",
            "Unix time of the worker's last successful run (0: none yet).",
        ),
        (
            "roma_worker_last_failure_timestamp_seconds",
            "gauge",
            "Unix time of the worker's last failed run (0: none).",
        ),
        (
            "roma_worker_panics_total",
            "counter",
            "Runs of the worker that panicked since the start.",
        ),
        (
            "roma_worker_healthy",
            "gauge",
            "1 when the worker has succeeded when it was due (what /readyz judges), else 0.",
        ),
    ];
    for (i, (name, kind, help)) in series.iter().enumerate() {
        head(out, name, kind, help);
        for (worker, s) in &workers {
            let value = match i {
                0 => s.every.as_secs().to_string(),
                1 => s.last_success.unwrap_or(0).to_string(),
                2 => s.last_failure.unwrap_or(0).to_string(),
                3 => s.panics.to_string(),
                _ => u8::from(!s.overdue(now)).to_string(),
            };
            let _ = writeln!(out, "{name}{{worker=\"{}\"}} {value}", label(worker));
        }
    }
}

async fn backup_series(state: &AppState, out: &mut String) {
    let configured = state.settings().backup.folder().is_some();
    let latest = store::backups::latest(state.db()).await.ok().flatten();
    let success = store::backups::latest_success(state.db())
        .await
        .ok()
        .flatten();
    for (name, help, value) in [
        (
            "roma_backup_configured",
            "1 when scheduled backups are set up ([backup] dir).",
            i64::from(configured),
        ),
        (
            "roma_backup_last_success_timestamp_seconds",
            "Unix time the last successful scheduled backup finished (0: none).",
            success.as_ref().map_or(0, |r| r.finished_at),
        ),
        (
            "roma_backup_last_run_timestamp_seconds",
            "Unix time the last scheduled backup run finished, whether or not it succeeded (0: none).",
            latest.as_ref().map_or(0, |r| r.finished_at),
        ),
        (
            "roma_backup_last_run_success",
            "1 when the last scheduled backup succeeded, 0 when it failed or none ran.",
            i64::from(latest.as_ref().is_some_and(|r| r.ok)),
        ),
        (
            "roma_backup_last_size_bytes",
            "Size of the last successful backup archive.",
            success.as_ref().map_or(0, |r| r.size_bytes),
        ),
    ] {
        head(out, name, "gauge", help);
        let _ = writeln!(out, "{name} {value}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_histogram_puts_each_observation_in_its_bucket() {
        let mut h = Histogram::default();
        h.observe(0.001);
        h.observe(0.005);
        h.observe(0.2);
        h.observe(100.0);
        assert_eq!(h.counts[0], 2);
        assert_eq!(h.counts[5], 1);
        assert_eq!(h.counts[BUCKETS.len()], 1);
        assert!((h.sum - 100.206).abs() < 1e-9);
    }

    #[test]
    fn a_made_up_method_is_counted_as_other() {
        let m = Metrics::default();
        for name in ["FOO1", "FOO2", "BAR"] {
            let method = Method::from_bytes(name.as_bytes()).unwrap_or(Method::GET);
            m.observe_request(&method, UNMATCHED, 405, 0.001);
        }
        m.observe_request(&Method::GET, UNMATCHED, 404, 0.001);
        let keys: Vec<Key> = m
            .http
            .lock()
            .map(|a| a.keys().copied().collect())
            .unwrap_or_default();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert!(keys.contains(&("other", UNMATCHED, 405)));
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}

//! The web layer: router, extractors, middleware, pages and the JSON API.

pub mod account_mail;
pub mod erased;
pub mod features;
pub mod figures;
pub mod http;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod openapi;
pub mod page;
pub mod principal;
pub mod qr;
pub mod reauth;
pub mod rich;
pub mod routes;
pub mod security;
pub mod server;
pub mod settings;
pub mod statics;
pub mod workers;

use std::sync::Arc;
use std::time::Duration;

use domain::Clock;

pub use http::error::AppError;
pub use settings::Settings;

/// What every handler can reach. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

/// A file's bytes and when (unix seconds) they were made.
type MadeFile = (i64, Arc<Vec<u8>>);

#[derive(Debug)]
struct Inner {
    db: store::Db,
    settings: Settings,
    clock: Arc<dyn Clock>,
    /// Seals and opens mediation records.
    keyring: domain::sealed::Keyring,
    /// Caps concurrent password hashing: each Argon2 run takes 19 MiB and a core.
    hashing: tokio::sync::Semaphore,
    /// One heavy file processed at a time (a photo, an imported spreadsheet).
    imaging: Arc<tokio::sync::Semaphore>,
    /// The year's public participation figures and when they were counted.
    year_figures: std::sync::Mutex<Option<(i64, store::statistics::Participation)>>,
    /// Open-data files by name, with when they were made.
    open_data: std::sync::Mutex<std::collections::HashMap<String, MadeFile>>,
    /// The background workers' records (for `/readyz`).
    workers: workers::Workers,
    /// Counters for `/metrics`.
    metrics: metrics::Metrics,
}

impl AppState {
    pub fn new(
        db: store::Db,
        settings: Settings,
        clock: Arc<dyn Clock>,
        keyring: domain::sealed::Keyring,
    ) -> Self {
        AppState {
            inner: Arc::new(Inner {
                db,
                settings,
                clock,
                keyring,
                hashing: tokio::sync::Semaphore::new(2),
                imaging: Arc::new(tokio::sync::Semaphore::new(1)),
                year_figures: std::sync::Mutex::new(None),
                open_data: std::sync::Mutex::new(std::collections::HashMap::new()),
                workers: workers::Workers::default(),
                metrics: metrics::Metrics::default(),
            }),
        }
    }

    pub fn db(&self) -> &store::Db {
        &self.inner.db
    }

    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// The background workers' records.
    pub fn workers(&self) -> &workers::Workers {
        &self.inner.workers
    }

    /// This process's counters for `/metrics`.
    pub fn metrics(&self) -> &metrics::Metrics {
        &self.inner.metrics
    }

    /// The keys that seal mediation records.
    pub fn keyring(&self) -> &domain::sealed::Keyring {
        &self.inner.keyring
    }

    /// This year's participation in public events (exact: the caller applies disclosure
    /// control), counted at most every five minutes — the home page shows them, and its
    /// speed should not follow the size of the attendance tables.
    pub async fn year_figures(&self) -> Result<store::statistics::Participation, store::Error> {
        let now = self.now();
        if let Ok(cached) = self.inner.year_figures.lock()
            && let Some((at, p)) = &*cached
            && (0..300).contains(&(now - at))
        {
            return Ok(p.clone());
        }
        let today = self.today();
        let filter =
            store::statistics::Filter::between(jiff::civil::date(today.year(), 1, 1), today, true);
        let p =
            store::statistics::participation(self.db(), &filter, self.settings().youth()).await?;
        if let Ok(mut cached) = self.inner.year_figures.lock() {
            *cached = Some((now, p.clone()));
        }
        Ok(p)
    }

    /// An open-data file made in the last five minutes, if there is one: anonymous readers
    /// (and the portal's harvester) get the same file without the server recounting every
    /// year's participation and mediation for each request.
    pub(crate) fn open_data_file(&self, name: &str) -> Option<Arc<Vec<u8>>> {
        let now = self.now();
        let cached = self.inner.open_data.lock().ok()?;
        cached
            .get(name)
            .filter(|(at, _)| (0..300).contains(&(now - at)))
            .map(|(_, bytes)| Arc::clone(bytes))
    }

    /// Keeps a freshly made open-data file for `open_data_file`.
    pub(crate) fn keep_open_data_file(&self, name: &str, bytes: Arc<Vec<u8>>) {
        if let Ok(mut cached) = self.inner.open_data.lock() {
            cached.insert(name.to_owned(), (self.now(), bytes));
        }
    }

    /// Now, as unix seconds.
    pub fn now(&self) -> i64 {
        self.inner.clock.now().as_second()
    }

    /// Today's date in Riga.
    pub fn today(&self) -> jiff::civil::Date {
        self.inner
            .clock
            .now()
            .to_zoned_datetime(i18n::riga())
            .date()
    }

    /// Runs a photo's decoding and re-encoding, or an imported spreadsheet's reading, off
    /// the executor, one at a time: a large photo takes hundreds of MiB while it is worked on.
    pub async fn imaging<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        // The permit is held by the blocking job itself: a request that times out and drops
        // this future does not free it while the work goes on.
        let permit = Arc::clone(&self.inner.imaging)
            .acquire_owned()
            .await
            .map_err(|_| AppError::internal("imaging semaphore closed"))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f()
        })
        .await
        .map_err(|e| AppError::internal(format!("imaging task: {e}")))
    }

    /// Runs a CPU-heavy password operation off the async executor, at most two at a time.
    pub async fn hashing<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let _permit = self
            .inner
            .hashing
            .acquire()
            .await
            .map_err(|_| AppError::internal("hashing semaphore closed"))?;
        tokio::task::spawn_blocking(f)
            .await
            .map_err(|e| AppError::internal(format!("hashing task: {e}")))
    }
}

/// Serves the app on a bound listener until `shutdown` resolves; in-flight requests
/// finish first.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mail_every = Duration::from_secs(state.settings().smtp.poll_seconds.max(1));
    let worker = tokio::spawn(workers::supervise(
        state.clone(),
        "mail",
        mail_every,
        |s| async move {
            mail::try_deliver_due(&s)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        },
    ));
    let jobs = tokio::spawn(workers::supervise(
        state.clone(),
        "jobs",
        jobs::EVERY,
        |s| async move {
            jobs::run_due(&s)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        },
    ));
    let limits = state.settings().server;
    let exempt = state.settings().trusted_proxies.clone();
    let app = routes::app(state);
    let served = server::run(listener, app, limits, exempt, shutdown).await;
    // A message in flight is retried at the next start (the outbox row is still unsent).
    worker.abort();
    jobs.abort();
    served
}

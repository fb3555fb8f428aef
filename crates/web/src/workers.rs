//! Background workers (the mail sender, the scheduled jobs) under supervision: each run is
//! its own task, so a run that panics is caught, logged and followed by the next one after
//! a growing pause (1 s, 2 s, 4 s … 5 min), instead of silently ending the worker. Every
//! worker's last successful run is kept, and `/readyz` reports a worker that has not
//! succeeded when it was due.
//!
//! The record is this process's own (each instance runs its own workers); times come from
//! the injected clock, so tests move it to see a worker fall due.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use crate::AppState;

/// The longest pause after a panic.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// The longest a run may take before the worker counts as stuck (a mail run tries 20
/// messages, each with 30 s deadlines for every step of the SMTP conversation).
const LONGEST_RUN: i64 = 20 * 60;

/// A worker's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// How often it runs.
    pub every: Duration,
    /// When it started (unix seconds).
    pub started_at: i64,
    /// When a run last succeeded.
    pub last_success: Option<i64>,
    /// When a run last failed or panicked.
    pub last_failure: Option<i64>,
    /// Runs that panicked since the start.
    pub panics: u32,
    /// When the run now going on started.
    pub running_since: Option<i64>,
}

impl Status {
    /// A worker is overdue when a run has gone on for more than twenty minutes, or when it
    /// is not running and has not succeeded for two periods and a minute (from its start if
    /// it never has). A slow run (a mail relay that answers late) is not overdue.
    pub fn overdue(&self, now: i64) -> bool {
        if let Some(started) = self.running_since {
            return now.saturating_sub(started) > LONGEST_RUN;
        }
        let every = i64::try_from(self.every.as_secs()).unwrap_or(i64::MAX / 4);
        let since = self.last_success.unwrap_or(self.started_at);
        now.saturating_sub(since) > every.saturating_mul(2).saturating_add(60)
    }
}

/// The records of every worker of this process.
#[derive(Debug, Default)]
pub struct Workers {
    status: Mutex<BTreeMap<&'static str, Status>>,
}

impl Workers {
    fn update(&self, name: &'static str, f: impl FnOnce(&mut Status)) {
        if let Ok(mut all) = self.status.lock()
            && let Some(s) = all.get_mut(name)
        {
            f(s);
        }
    }

    fn register(&self, name: &'static str, every: Duration, now: i64) {
        if let Ok(mut all) = self.status.lock() {
            all.insert(
                name,
                Status {
                    every,
                    started_at: now,
                    last_success: None,
                    last_failure: None,
                    panics: 0,
                    running_since: None,
                },
            );
        }
    }

    /// Every worker's record, by name.
    pub fn snapshot(&self) -> Vec<(&'static str, Status)> {
        self.status
            .lock()
            .map(|all| all.iter().map(|(k, v)| (*k, v.clone())).collect())
            .unwrap_or_default()
    }
}

/// Aborts the task when dropped: a supervisor stopped at shutdown takes its run with it.
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs `run` every `every` for as long as the returned future is polled: a run that
/// returns `Err` is logged and retried at the next period; a run that panics is logged and
/// the next one starts after a growing pause.
pub async fn supervise<F, Fut>(state: AppState, name: &'static str, every: Duration, run: F)
where
    F: Fn(AppState) -> Fut,
    Fut: Future<Output = Result<(), String>> + Send + 'static,
{
    let workers = state.workers();
    workers.register(name, every, state.now());
    let mut backoff = Duration::from_secs(1);
    loop {
        workers.update(name, |s| s.running_since = Some(state.now()));
        let mut task = AbortOnDrop(tokio::spawn(run(state.clone())));
        let outcome = (&mut task.0).await;
        workers.update(name, |s| s.running_since = None);
        let pause = match outcome {
            Ok(Ok(())) => {
                workers.update(name, |s| s.last_success = Some(state.now()));
                backoff = Duration::from_secs(1);
                every
            }
            Ok(Err(e)) => {
                tracing::warn!(worker = name, error = %e, "background run failed");
                workers.update(name, |s| s.last_failure = Some(state.now()));
                every
            }
            Err(e) if e.is_panic() => {
                tracing::error!(
                    worker = name,
                    pause_seconds = backoff.as_secs(),
                    "background run panicked; starting again after a pause"
                );
                workers.update(name, |s| {
                    s.last_failure = Some(state.now());
                    s.panics = s.panics.saturating_add(1);
                });
                let pause = backoff;
                backoff = (backoff * 2).min(MAX_BACKOFF);
                pause
            }
            Err(_) => return,
        };
        tokio::time::sleep(pause).await;
    }
}

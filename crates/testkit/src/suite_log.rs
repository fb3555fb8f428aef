//! The suite's log (issue 22): with `ROMA_TEST_LOG_DIR` set (scripts/test sets it), every
//! in-process server of the suite logs into one JSON-lines file per test binary there, the
//! binary's own server runs leave their logs there too (tests/it/cli.rs), and every cookie
//! and CSRF token a test client was given is noted in a secrets file beside them. After the
//! whole suite, `ops::the_suites_logs_hold_no_personal_data_or_secrets` reads them all.
//! Without the variable nothing is written.

use std::io::Write as _;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

/// The folder, when the suite's log is kept.
pub fn dir() -> Option<PathBuf> {
    std::env::var_os("ROMA_TEST_LOG_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

static CAPTURE: OnceLock<()> = OnceLock::new();
static SECRETS: OnceLock<Option<Mutex<std::fs::File>>> = OnceLock::new();

/// Sends this process's log (`info` and up, JSON lines, as `[log] format = "json"`) to the
/// suite's log, once.
pub fn capture() {
    CAPTURE.get_or_init(|| {
        let Some(dir) = dir() else { return };
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("in-process-{}.jsonl", std::process::id()));
        let Ok(file) = std::fs::File::create(&path) else {
            return;
        };
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_env_filter(tracing_subscriber::EnvFilter::new("info,sqlx=warn"))
            .with_writer(Mutex::new(file))
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
}

/// Notes a secret a test was given (a cookie's value, a CSRF token, a token or link made
/// for it), which must appear in no log line.
pub fn remember_secret(secret: &str) {
    if secret.len() < 16 {
        return;
    }
    let file = SECRETS.get_or_init(|| {
        let dir = dir()?;
        let _ = std::fs::create_dir_all(&dir);
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join(format!("secrets-{}.txt", std::process::id())))
            .ok()
            .map(Mutex::new)
    });
    if let Some(f) = file
        && let Ok(mut f) = f.lock()
    {
        let _ = writeln!(f, "{secret}");
    }
}

//! The `roma-platform` command line, run as the real compiled binary: help and argument
//! errors, `migrate`, `user add`, `token create`, `backup` and `restore` (with a server
//! running and being written to), graceful shutdown on SIGTERM, and configuration from a
//! TOML file and the environment.
//!
//! Every test works in its own temporary directory with its own database; servers bind to
//! 127.0.0.1:0 and are killed when the test ends, also when it panics. The helpers here
//! are shared with the crash test (`crash.rs`).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::Connection as _;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use tokio::io::AsyncWriteExt as _;

/// The binary under test.
pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_roma-platform");

/// A password the policy accepts (12+ characters, not common, not personal).
pub(crate) const GOOD_PASSWORD: &str = "zaļš kalns pie upes 7";

/// How long any one command may take before the test gives up on it.
const COMMAND_LIMIT: Duration = Duration::from_secs(120);

// ---------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------

/// What a finished command did.
#[derive(Debug)]
pub(crate) struct Output {
    pub args: Vec<String>,
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl fmt::Display for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`roma-platform {}` ended with {}\n--- stdout\n{}--- stderr\n{}---",
            self.args.join(" "),
            self.status,
            self.stdout,
            self.stderr
        )
    }
}

impl Output {
    /// Asserts success (exit 0, nothing panicked).
    #[track_caller]
    pub(crate) fn success(&self) -> &Self {
        assert_eq!(self.status.code(), Some(0), "expected success: {self}");
        assert!(!self.stderr.contains("panicked"), "{self}");
        self
    }

    /// Asserts a clean failure: a non-zero exit code (not a signal), no panic, and exactly
    /// one line on stderr starting with "error:" (log lines may surround it). Returns it.
    #[track_caller]
    pub(crate) fn failure(&self) -> String {
        assert!(!self.status.success(), "expected failure: {self}");
        assert!(self.status.code().is_some(), "ended by a signal: {self}");
        assert!(!self.stderr.contains("panicked"), "{self}");
        let errors: Vec<&str> = self
            .stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .collect();
        assert_eq!(errors.len(), 1, "expected one `error:` line: {self}");
        errors[0].to_owned()
    }

    /// As [`Output::failure`], and stderr is that one line and nothing else.
    #[track_caller]
    pub(crate) fn one_line_failure(&self) -> String {
        let line = self.failure();
        assert_eq!(
            self.stderr.lines().count(),
            1,
            "expected exactly one line on stderr: {self}"
        );
        line
    }
}

/// Runs the binary to completion in `dir`.
pub(crate) async fn roma(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    roma_env(dir, args, stdin, &[]).await
}

/// Runs the binary to completion in `dir` with extra environment variables. `ROMA_*`
/// variables of the test's own environment are not passed on.
pub(crate) async fn roma_env(
    dir: &Path,
    args: &[&str],
    stdin: Option<&str>,
    env: &[(&str, &str)],
) -> Output {
    let mut cmd = tokio::process::Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    clean_env(cmd.as_std_mut());
    cmd.envs(env.iter().copied());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A command that fails before reading its input closes the pipe: not our concern.
        let _ = pipe.write_all(input.as_bytes()).await;
        drop(pipe);
    }
    let out = tokio::time::timeout(COMMAND_LIMIT, child.wait_with_output())
        .await
        .unwrap_or_else(|_| panic!("`roma-platform {}` did not finish in time", args.join(" ")))
        .unwrap_or_else(|e| panic!("waiting for `roma-platform {}`: {e}", args.join(" ")));
    Output {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Keeps the developer's own `ROMA_*` settings out of the child.
fn clean_env(cmd: &mut std::process::Command) {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("ROMA_") {
            cmd.env_remove(key);
        }
    }
}

pub(crate) fn path_str(p: &Path) -> &str {
    p.to_str()
        .unwrap_or_else(|| panic!("non-UTF-8 path {}", p.display()))
}

pub(crate) fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// `user add --password-stdin` (role coordinator); asserts success.
pub(crate) async fn add_user(dir: &Path, db: &Path, email: &str, password: &str) -> Output {
    let out = roma(
        dir,
        &[
            "user",
            "add",
            "--database",
            path_str(db),
            "--email",
            email,
            "--name",
            "Ilze Kalniņa",
            "--role",
            "coordinator",
            "--password-stdin",
        ],
        Some(&format!("{password}\n")),
    )
    .await;
    out.success();
    out
}

/// `token create`; asserts success and returns the token it printed.
pub(crate) async fn create_token(dir: &Path, db: &Path, email: &str, label: &str) -> String {
    let out = roma(
        dir,
        &[
            "token",
            "create",
            "--database",
            path_str(db),
            "--email",
            email,
            "--label",
            label,
        ],
        None,
    )
    .await;
    out.success();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "the token and nothing else on stdout: {out}"
    );
    let token = lines[0].trim();
    assert!(
        token.starts_with("roma_") && token.len() > 30,
        "not a token: {out}"
    );
    token.to_owned()
}

// ---------------------------------------------------------------------------------------
// A running server
// ---------------------------------------------------------------------------------------

static SERVER_SEQ: AtomicUsize = AtomicUsize::new(0);

/// A `roma-platform serve` child process. Dropping it kills the process.
#[derive(Debug)]
pub(crate) struct Server {
    child: std::process::Child,
    /// The address the server printed, e.g. `127.0.0.1:41234`.
    pub addr: String,
    /// `http://` + addr.
    pub base: String,
    log: PathBuf,
}

impl Server {
    /// `serve --bind 127.0.0.1:0 --database DB`, waiting until it listens.
    pub(crate) async fn start(dir: &Path, db: &Path) -> Server {
        Self::start_with(
            dir,
            &["serve", "--bind", "127.0.0.1:0", "--database", path_str(db)],
            &[],
        )
        .await
    }

    /// As [`Server::start`], with no role required to turn on two-step sign-in (for the
    /// tests of backups, crashes and shutdown, whose coordinator works with an API token).
    pub(crate) async fn start_password_only(dir: &Path, db: &Path) -> Server {
        Self::start_with(
            dir,
            &["serve", "--bind", "127.0.0.1:0", "--database", path_str(db)],
            &[("ROMA__ACCOUNTS__SECOND_FACTOR_REQUIRED", "")],
        )
        .await
    }

    /// Starts the binary with these arguments and environment and waits for the line
    /// "Roma Platform listening on http://ADDR". Its stderr goes to a log file in `dir`.
    pub(crate) async fn start_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let n = SERVER_SEQ.fetch_add(1, Ordering::Relaxed);
        let log = dir.join(format!("serve-{n}.log"));
        let log_file =
            std::fs::File::create(&log).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
        let mut cmd = std::process::Command::new(BIN);
        cmd.args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file);
        clean_env(&mut cmd);
        cmd.envs(env.iter().copied());
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
        let stdout = child.stdout.take();
        let (tx, rx) = tokio::sync::oneshot::channel::<String>();
        // Reads stdout to its end, so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            let Some(stdout) = stdout else { return };
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(addr) = line.strip_prefix("Roma Platform listening on http://")
                    && let Some(tx) = tx.take()
                {
                    let _ = tx.send(addr.trim().to_owned());
                }
            }
        });
        let mut server = Server {
            child,
            addr: String::new(),
            base: String::new(),
            log,
        };
        match tokio::time::timeout(Duration::from_secs(60), rx).await {
            Ok(Ok(addr)) => {
                server.base = format!("http://{addr}");
                server.addr = addr;
                server
            }
            Ok(Err(_)) => {
                let status = server.child.wait();
                panic!(
                    "`roma-platform {}` ended ({status:?}) without listening; its log:\n{}",
                    args.join(" "),
                    server.log()
                );
            }
            Err(_) => panic!(
                "`roma-platform {}` did not listen within 60 s; its log:\n{}",
                args.join(" "),
                server.log()
            ),
        }
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the server wrote to stderr so far.
    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends SIGTERM (with `kill -TERM`) and waits up to 30 s for the process to end.
    pub(crate) async fn terminate(&mut self) -> ExitStatus {
        let pid = self.pid().to_string();
        let kill = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap_or_else(|e| panic!("kill -TERM {pid}: {e}"));
        assert!(kill.success(), "kill -TERM {pid}: {kill}");
        self.wait(Duration::from_secs(30)).await
    }

    /// Kills the process with SIGKILL and reaps it.
    pub(crate) fn kill(&mut self) -> ExitStatus {
        self.child
            .kill()
            .unwrap_or_else(|e| panic!("SIGKILL {}: {e}", self.pid()));
        self.child
            .wait()
            .unwrap_or_else(|e| panic!("wait {}: {e}", self.pid()))
    }

    /// Waits for the process to end by itself.
    pub(crate) async fn wait(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return status,
                Ok(None) => {}
                Err(e) => panic!("wait {}: {e}", self.pid()),
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop within {limit:?}; its log:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The suite's log keeps what every server run of the binary wrote (tests/it/ops.rs
        // reads it for personal data and secrets).
        if let Some(dir) = testkit::suite_log::dir() {
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::copy(
                &self.log,
                dir.join(format!(
                    "binary-{}-{}.log",
                    std::process::id(),
                    self.child.id()
                )),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------

/// `GET /healthz`'s status. (Also a way to be sure a fresh server is fully up before it
/// gets a SIGTERM; see `sigterm_right_after_the_listening_line_is_still_graceful`.)
pub(crate) async fn healthz(base: &str) -> u16 {
    http()
        .get(format!("{base}/healthz"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {base}/healthz: {e}"))
        .status()
        .as_u16()
}

pub(crate) fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("http client: {e}"))
}

/// The labels of every token the bearer's user has, page by page (`GET /api/v1/me/tokens`).
pub(crate) async fn listed_token_labels(
    http: &reqwest::Client,
    base: &str,
    bearer: &str,
) -> Vec<String> {
    let mut labels = Vec::new();
    for page in 1.. {
        let answer: serde_json::Value = http
            .get(format!("{base}/api/v1/me/tokens?per_page=200&page={page}"))
            .bearer_auth(bearer)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .json()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let items = answer["items"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            break;
        }
        labels.extend(
            items
                .iter()
                .filter_map(|t| t["label"].as_str().map(str::to_owned)),
        );
    }
    labels
}

/// The outcome of one `POST /api/v1/me/tokens`.
#[derive(Debug)]
pub(crate) enum Attempt {
    /// 201 with the complete body: the server acknowledged the write. The token's id.
    Acknowledged(i64, String),
    /// No complete answer (refused, reset, cut off): the write may or may not have happened.
    NoAnswer(String),
    /// Any other answer: a bug.
    Unexpected(String),
}

pub(crate) async fn post_token(
    http: &reqwest::Client,
    base: &str,
    bearer: &str,
    label: &str,
) -> Attempt {
    let res = match http
        .post(format!("{base}/api/v1/me/tokens"))
        .bearer_auth(bearer)
        .json(&serde_json::json!({ "label": label }))
        .send()
        .await
    {
        Ok(res) => res,
        Err(e) => return Attempt::NoAnswer(format!("{e:?}")),
    };
    let status = res.status().as_u16();
    let body = match res.text().await {
        Ok(body) => body,
        Err(e) => return Attempt::NoAnswer(format!("{status}, body cut off: {e:?}")),
    };
    if status != 201 {
        return Attempt::Unexpected(format!("{label}: {status} {body}"));
    }
    let json: serde_json::Value = match serde_json::from_str(&body) {
        Ok(v) => v,
        Err(e) => return Attempt::Unexpected(format!("{label}: 201 with bad JSON ({e}): {body}")),
    };
    match (
        json["id"].as_i64(),
        json["label"].as_str(),
        json["token"].as_str(),
    ) {
        (Some(id), Some(l), Some(t)) if l == label && t.starts_with("roma_") => {
            Attempt::Acknowledged(id, t.to_owned())
        }
        _ => Attempt::Unexpected(format!("{label}: 201 with {body}")),
    }
}

/// One acknowledged write: label and id of the token created.
pub(crate) type Ack = (String, i64);

/// How a writer loop ended.
#[derive(Debug, Default)]
pub(crate) struct WriterEnd {
    pub sent: usize,
    /// The request that got no answer, when that is what ended the loop.
    pub no_answer: Option<String>,
    pub unexpected: Vec<String>,
}

/// POSTs tokens labelled `{prefix}-{n}` until `stop` is set or the server stops
/// answering; every acknowledged one is pushed to `acks` at once.
pub(crate) async fn write_tokens(
    http: reqwest::Client,
    base: String,
    bearer: String,
    prefix: String,
    stop: Arc<AtomicBool>,
    acks: Arc<Mutex<Vec<Ack>>>,
) -> WriterEnd {
    let mut end = WriterEnd::default();
    while !stop.load(Ordering::Relaxed) {
        let label = format!("{prefix}-{}", end.sent);
        end.sent += 1;
        match post_token(&http, &base, &bearer, &label).await {
            Attempt::Acknowledged(id, _) => lock(&acks).push((label, id)),
            Attempt::NoAnswer(e) => {
                end.no_answer = Some(e);
                break;
            }
            Attempt::Unexpected(e) => {
                end.unexpected.push(e);
                break;
            }
        }
    }
    end
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Starts `n` writer tasks.
pub(crate) fn spawn_writers(
    n: usize,
    base: &str,
    bearer: &str,
    prefix: &str,
    stop: &Arc<AtomicBool>,
    acks: &Arc<Mutex<Vec<Ack>>>,
) -> Vec<tokio::task::JoinHandle<WriterEnd>> {
    let http = http();
    (0..n)
        .map(|w| {
            tokio::spawn(write_tokens(
                http.clone(),
                base.to_owned(),
                bearer.to_owned(),
                format!("{prefix}-w{w}"),
                Arc::clone(stop),
                Arc::clone(acks),
            ))
        })
        .collect()
}

pub(crate) async fn join_writers(
    writers: Vec<tokio::task::JoinHandle<WriterEnd>>,
) -> Vec<WriterEnd> {
    let mut ends = Vec::new();
    for w in writers {
        let end = tokio::time::timeout(Duration::from_secs(60), w)
            .await
            .unwrap_or_else(|_| panic!("a writer did not stop"))
            .unwrap_or_else(|e| panic!("writer task: {e}"));
        ends.push(end);
    }
    ends
}

// ---------------------------------------------------------------------------------------
// Looking into a database file (no server has it open, or only reading)
// ---------------------------------------------------------------------------------------

/// Records one reading (its detail: `what`) in the access log beside the database.
async fn record_reading(db: &Path, what: &str) {
    let db = store::Db::open(&store::DbOptions::new(db))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store::access_log::record(
        &db,
        1_800_000_000,
        &store::access_log::Reader {
            user_id: 1,
            name: "Dace",
        },
        &store::access_log::Access {
            kind: domain::privacy::AccessKind::Contacts,
            detail: what.to_owned(),
            purpose: None,
            subjects: &["p:1".to_owned()],
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    db.close().await;
}

/// The details of the readings in the access log beside the database, in order.
async fn readings(db: &Path) -> Vec<String> {
    let mut log = open_read_only(&store::db::access_log_path(db)).await;
    sqlx::query_scalar("SELECT detail FROM access_records ORDER BY detail")
        .fetch_all(&mut log)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) async fn open_read_only(path: &Path) -> SqliteConnection {
    assert!(path.exists(), "{} does not exist", path.display());
    let opts = SqliteConnectOptions::new().filename(path).read_only(true);
    SqliteConnection::connect_with(&opts)
        .await
        .unwrap_or_else(|e| panic!("open {}: {e}", path.display()))
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: the problems found.
pub(crate) async fn soundness_problems(conn: &mut SqliteConnection) -> Vec<String> {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("integrity_check: {e}"));
    let mut problems: Vec<String> = if integrity == ["ok"] {
        Vec::new()
    } else {
        integrity
    };
    let fk: Vec<(String, Option<i64>, String, i64)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("foreign_key_check: {e}"));
    problems.extend(
        fk.into_iter()
            .map(|(t, row, parent, _)| format!("foreign key: {t} row {row:?} → missing {parent}")),
    );
    problems
}

/// Every API token: label → id.
pub(crate) async fn token_labels(conn: &mut SqliteConnection) -> HashMap<String, i64> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT label, id FROM api_tokens")
        .fetch_all(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("api_tokens: {e}"));
    rows.into_iter().collect()
}

/// The ids of the tokens that have their `token_created` audit row.
pub(crate) async fn audited_token_ids(conn: &mut SqliteConnection) -> HashSet<String> {
    let rows: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT entity_id FROM audit_log WHERE action = 'token_created' AND entity = 'api_token'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap_or_else(|e| panic!("audit_log: {e}"));
    rows.into_iter().flatten().collect()
}

pub(crate) async fn user_emails(conn: &mut SqliteConnection) -> Vec<String> {
    sqlx::query_scalar("SELECT email FROM users ORDER BY id")
        .fetch_all(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("users: {e}"))
}

async fn user_count(db: &Path) -> usize {
    let mut conn = open_read_only(db).await;
    let n = user_emails(&mut conn).await.len();
    let _ = conn.close().await;
    n
}

/// The file with `suffix` appended to the path (`-wal`, `-shm`, `.lock`).
/// The database inside a backup archive, unpacked beside it (`<archive>.sqlite`).
pub(crate) fn database_of(archive: &Path) -> PathBuf {
    use std::io::Read as _;
    let file = std::fs::File::open(archive).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
    let mut entry = zip
        .by_name("database.sqlite")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut bytes = Vec::new();
    entry
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = sibling(archive, ".sqlite");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{e}"));
    out
}

pub(crate) fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

// =======================================================================================
// Tests
// =======================================================================================

#[tokio::test]
async fn help_of_the_binary_and_of_every_subcommand_is_english_and_names_the_options() {
    let dir = tempdir();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--help"],
            &[
                "--config",
                "--database",
                "--help",
                "--version",
                "serve",
                "migrate",
                "user",
                "token",
                "backup",
                "restore",
                "mediation",
                "demo",
            ],
        ),
        (&["help"], &["--config", "--database", "serve", "backup"]),
        (&["serve", "--help"], &["--bind", "--database", "--config"]),
        (&["migrate", "--help"], &["--database", "--config"]),
        (&["user", "--help"], &["add"]),
        (
            &["user", "add", "--help"],
            &[
                "--email",
                "--name",
                "--role",
                "--organisation",
                "--password-stdin",
                "--database",
                "coordinator",
            ],
        ),
        (&["token", "--help"], &["create"]),
        (
            &["token", "create", "--help"],
            &["--email", "--label", "--database"],
        ),
        (&["backup", "--help"], &["--to", "--database"]),
        (&["restore", "--help"], &["--from", "--database"]),
        (&["demo", "--help"], &["--bind", "--database"]),
        (&["mediation", "--help"], &["rotate-key"]),
        (
            &["mediation", "rotate-key", "--help"],
            &["--database", "--config"],
        ),
        (&["help", "serve"], &["--bind"]),
    ];
    for (args, options) in cases {
        let out = roma(dir.path(), args, None).await;
        out.success();
        assert!(out.stderr.is_empty(), "help goes to stdout: {out}");
        assert!(
            out.stdout.contains("Usage: roma-platform"),
            "an English usage line: {out}"
        );
        assert!(out.stdout.contains("Options:"), "{out}");
        assert!(out.stdout.contains("Print help"), "{out}");
        for option in *options {
            assert!(out.stdout.contains(option), "{option} missing: {out}");
        }
    }
    let version = roma(dir.path(), &["--version"], None).await;
    version.success();
    assert!(version.stdout.starts_with("roma-platform "), "{version}");
    // Nothing was created by asking for help.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .collect();
    assert!(left.is_empty(), "help created files: {left:?}");
}

#[tokio::test]
async fn bad_arguments_fail_with_one_error_line_and_touch_nothing() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    let db_arg = path_str(&db);
    let cases: &[(&[&str], &str)] = &[
        (&["frobnicate"], "frobnicate"),
        (&["migrate", "--frobnicate"], "--frobnicate"),
        // Which argument is missing is checked in the next test.
        (
            &[
                "user",
                "add",
                "--database",
                db_arg,
                "--name",
                "A",
                "--role",
                "ngo",
            ],
            "required",
        ),
        (
            &["serve", "--database", db_arg, "--no-such-flag"],
            "--no-such-flag",
        ),
        (
            &[
                "user",
                "add",
                "--database",
                db_arg,
                "--email",
                "a@b.lv",
                "--name",
                "A",
                "--role",
                "admin",
            ],
            "admin",
        ),
        (
            &[
                "user",
                "add",
                "--database",
                db_arg,
                "--email",
                "not-an-email",
                "--name",
                "A",
                "--role",
                "ngo",
            ],
            "not-an-email",
        ),
        (
            &[
                "user",
                "add",
                "--database",
                db_arg,
                "--email",
                "a@b",
                "--name",
                "A",
                "--role",
                "ngo",
            ],
            "e-mail",
        ),
        (
            &[
                "user",
                "add",
                "--database",
                db_arg,
                "--email",
                "a@b.lv",
                "--name",
                " ",
                "--role",
                "ngo",
            ],
            "--name",
        ),
        (
            &[
                "user",
                "add",
                "--database",
                db_arg,
                "--email",
                "a@b.lv",
                "--name",
                "A",
                "--role",
                "ngo",
                "--organisation",
                "x",
            ],
            "--organisation",
        ),
    ];
    for (args, mentions) in cases {
        let out = roma(dir.path(), args, None).await;
        let line = out.one_line_failure();
        assert!(
            line.contains(mentions),
            "the error should mention {mentions:?}: {out}"
        );
        assert!(out.stdout.is_empty(), "{out}");
    }
    assert!(!db.exists(), "a refused command created the database");

    // An address that cannot be bound is found only after the database is opened (log
    // lines may come first), but it is still one clear error.
    let out = roma(
        dir.path(),
        &["serve", "--database", db_arg, "--bind", "not an address"],
        None,
    )
    .await;
    assert!(out.failure().contains("not an address"), "{out}");
}

/// clap's message for a missing argument spans two lines; the binary prints only the
/// first, so the one line must still say which argument is missing.
#[tokio::test]
async fn missing_required_arguments_are_named_in_the_one_error_line() {
    let dir = tempdir();
    let cases: &[(&[&str], &str)] = &[
        (&["user", "add", "--name", "A", "--role", "ngo"], "--email"),
        (
            &["user", "add", "--email", "a@b.lv", "--name", "A"],
            "--role",
        ),
        (&["token", "create", "--email", "a@b.lv"], "--label"),
        (&["backup"], "--to"),
        (&["restore"], "--from"),
    ];
    for (args, missing) in cases {
        let out = roma(dir.path(), args, None).await;
        let line = out.one_line_failure();
        assert!(
            line.contains(missing),
            "the one error line should name the missing {missing}: {out}"
        );
    }
}

#[tokio::test]
async fn migrate_creates_a_database_says_its_migration_and_can_run_again() {
    let dir = tempdir();
    let db = dir.path().join("fresh.db");
    let first = roma(dir.path(), &["migrate", "--database", path_str(&db)], None).await;
    first.success();
    let version = |out: &Output| -> i64 {
        let line = out
            .stdout
            .lines()
            .find(|l| l.contains("is at migration"))
            .unwrap_or_else(|| panic!("no `is at migration` line: {out}"));
        assert!(line.contains(path_str(&db)), "names the database: {out}");
        line.rsplit(' ')
            .next()
            .and_then(|n| n.trim_end_matches('.').parse().ok())
            .unwrap_or_else(|| panic!("no migration number: {out}"))
    };
    let v1 = version(&first);
    assert!(v1 >= 1, "{first}");
    assert!(db.exists());
    let mut conn = open_read_only(&db).await;
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM schema_migrations ORDER BY version")
            .fetch_all(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        applied.last().copied(),
        Some(v1),
        "the printed version is the applied one"
    );
    for table in ["users", "api_tokens", "audit_log", "sessions"] {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $1",
        )
        .bind(table)
        .fetch_one(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(n, 1, "table {table} missing");
    }
    assert!(soundness_problems(&mut conn).await.is_empty());
    let _ = conn.close().await;
    assert!(
        user_emails(&mut open_read_only(&db).await).await.is_empty(),
        "no default account"
    );

    let second = roma(dir.path(), &["migrate", "--database", path_str(&db)], None).await;
    second.success();
    assert_eq!(version(&second), v1, "{second}");
    assert!(
        !second.stderr.contains("migration applied"),
        "nothing to apply the second time: {second}"
    );
}

#[tokio::test]
async fn user_add_with_a_good_password_makes_an_account_that_can_log_in() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    let out = add_user(dir.path(), &db, "Ilze.Kalnina@Example.LV", GOOD_PASSWORD).await;
    assert!(out.stdout.contains("ilze.kalnina@example.lv"), "{out}");
    assert!(out.stdout.contains("coordinator"), "{out}");
    assert!(
        !out.stdout.contains("/password/set/"),
        "no link with a password: {out}"
    );
    assert!(!out.stdout.contains(GOOD_PASSWORD) && !out.stderr.contains(GOOD_PASSWORD));

    // The same e-mail again (in any case) is refused, and no second account appears.
    let again = roma(
        dir.path(),
        &[
            "user",
            "add",
            "--database",
            path_str(&db),
            "--email",
            "ilze.kalnina@example.lv",
            "--name",
            "Cita Ilze",
            "--role",
            "ngo",
            "--password-stdin",
        ],
        Some("vēl viena laba parole 8\n"),
    )
    .await;
    let line = again.failure();
    assert!(line.contains("already exists"), "{again}");
    assert!(line.contains("ilze.kalnina@example.lv"), "{again}");
    assert_eq!(user_count(&db).await, 1);

    let mut server = Server::start(dir.path(), &db).await;
    let client = testkit::Client::new(&server.base);
    let wrong = client
        .login("ilze.kalnina@example.lv", "nepareiza parole 99")
        .await;
    assert_eq!(wrong.status, 422, "a wrong password is refused");
    let res = client.login("ilze.kalnina@example.lv", GOOD_PASSWORD).await;
    assert_eq!(
        res.status, 303,
        "login with the CLI-set password: {}",
        res.text
    );
    // A coordinator must turn on two-step sign-in first (the default settings).
    let first = client.get("/lv/workspace").await;
    assert_eq!(first.location(), Some("/lv/account/second-factor"));
    assert_eq!(client.get("/lv/account/second-factor").await.status, 200);
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());
}

#[tokio::test]
async fn user_add_refuses_short_and_common_passwords_and_creates_nobody() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    roma(dir.path(), &["migrate", "--database", path_str(&db)], None)
        .await
        .success();
    let cases = [
        ("īsa parole", "at least 12 characters"),
        ("password1234", "common password"),
        ("aaaaaaaaaaaaaaaa", "common password"),
        ("ozols janis ozols", "name or e-mail"),
        ("", "at least 12 characters"),
    ];
    for (password, why) in cases {
        let out = roma(
            dir.path(),
            &[
                "user",
                "add",
                "--database",
                path_str(&db),
                "--email",
                "janis@example.lv",
                "--name",
                "Jānis Ozols",
                "--role",
                "ngo",
                "--password-stdin",
            ],
            Some(&format!("{password}\n")),
        )
        .await;
        let line = out.one_line_failure();
        assert!(line.contains("password not accepted"), "{out}");
        assert!(line.contains(why), "should say {why:?}: {out}");
        if !password.is_empty() {
            assert!(
                !out.stderr.contains(password),
                "the password is not echoed: {out}"
            );
        }
        assert_eq!(user_count(&db).await, 0, "no user after {out}");
    }
}

#[tokio::test]
async fn user_add_without_a_password_prints_a_one_time_link_that_sets_it() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    let out = roma(
        dir.path(),
        &[
            "user",
            "add",
            "--database",
            path_str(&db),
            "--email",
            "anna@example.lv",
            "--name",
            "Anna Bērziņa",
            "--role",
            "mediator",
        ],
        None,
    )
    .await;
    out.success();
    let url = out
        .stdout
        .split_whitespace()
        .find(|w| w.contains("/password/set/"))
        .unwrap_or_else(|| panic!("no set-password link: {out}"));
    assert!(url.starts_with("http"), "{out}");
    let path = &url[url
        .find("/lv/password/set/")
        .unwrap_or_else(|| panic!("{url}"))..];
    assert!(
        path.len() > "/lv/password/set/".len() + 20,
        "a long secret: {url}"
    );
    assert_eq!(user_count(&db).await, 1);

    let mut server = Server::start(dir.path(), &db).await;
    let client = testkit::Client::new(&server.base);
    // Nobody can log in before the password is set.
    assert_eq!(
        client.login("anna@example.lv", GOOD_PASSWORD).await.status,
        422
    );
    let form = client.get(path).await;
    assert_eq!(form.status, 200, "the link opens the form: {}", form.text);
    let set = client
        .post_form(
            path,
            &[
                ("new_password", GOOD_PASSWORD),
                ("confirm_password", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(set.status, 303, "{}", set.text);
    let fresh = testkit::Client::new(&server.base);
    assert_eq!(
        fresh.login("anna@example.lv", GOOD_PASSWORD).await.status,
        303
    );
    // One time only.
    assert_eq!(
        testkit::Client::new(&server.base).get(path).await.status,
        404
    );
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());
}

#[tokio::test]
async fn token_create_prints_a_token_once_that_works_against_the_api() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");

    // No database yet: refused, and none is created.
    let out = roma(
        dir.path(),
        &[
            "token",
            "create",
            "--database",
            path_str(&db),
            "--email",
            "maris@example.lv",
            "--label",
            "x",
        ],
        None,
    )
    .await;
    assert!(out.failure().contains("does not exist"), "{out}");
    assert!(!db.exists());

    add_user(dir.path(), &db, "maris@example.lv", GOOD_PASSWORD).await;
    let token = create_token(dir.path(), &db, "Maris@Example.lv", "atskaites").await;

    // Unknown e-mail.
    let out = roma(
        dir.path(),
        &[
            "token",
            "create",
            "--database",
            path_str(&db),
            "--email",
            "nobody@example.lv",
            "--label",
            "x",
        ],
        None,
    )
    .await;
    let line = out.one_line_failure();
    assert!(line.contains("nobody@example.lv"), "{out}");
    assert!(out.stdout.is_empty(), "no token printed: {out}");

    let mut conn = open_read_only(&db).await;
    let labels = token_labels(&mut conn).await;
    assert_eq!(labels.len(), 1, "one token, for the known user");
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM api_tokens")
        .fetch_all(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !stored.iter().any(|h| h.contains(&token)),
        "only a hash is stored"
    );
    let _ = conn.close().await;

    let mut server = Server::start_password_only(dir.path(), &db).await;
    let http = http();
    let me = http
        .get(format!("{}/api/v1/me", server.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(me.status(), 200);
    let me: serde_json::Value = me.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(me["email"], "maris@example.lv", "{me}");
    assert_eq!(me["role"], "coordinator", "{me}");
    let forged = http
        .get(format!("{}/api/v1/me", server.base))
        .bearer_auth(format!("{token}x"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(forged.status(), 401);
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_while_the_server_writes_then_restore_once_it_stopped() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    let backup = dir.path().join("backup.db");
    let email = "dace@example.lv";
    add_user(dir.path(), &db, email, GOOD_PASSWORD).await;
    let bearer = create_token(dir.path(), &db, email, "cli").await;
    // One reading on the record before the backup.
    record_reading(&db, "before").await;
    let mut server = Server::start_password_only(dir.path(), &db).await;

    // Writers keep creating tokens through the API while the backup is taken.
    let stop = Arc::new(AtomicBool::new(false));
    let acks: Arc<Mutex<Vec<Ack>>> = Arc::default();
    let writers = spawn_writers(2, &server.base, &bearer, "during", &stop, &acks);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let acked_before_backup = lock(&acks).clone();
    let out = roma(
        dir.path(),
        &[
            "backup",
            "--database",
            path_str(&db),
            "--to",
            path_str(&backup),
        ],
        None,
    )
    .await;
    out.success();
    assert!(out.stdout.contains("integrity check ok"), "{out}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    for end in join_writers(writers).await {
        assert!(end.unexpected.is_empty(), "{:?}", end.unexpected);
        assert!(
            end.no_answer.is_none(),
            "the server stopped answering: {end:?}"
        );
    }
    let acked_during = lock(&acks).clone();
    assert!(!acked_before_backup.is_empty(), "writes before the backup");
    assert!(
        acked_during.len() > acked_before_backup.len(),
        "writes went on during and after the backup"
    );

    // The backup is sound, has the account, and every write acknowledged before it began.
    let mut conn = open_read_only(&database_of(&backup)).await;
    assert_eq!(soundness_problems(&mut conn).await, Vec::<String>::new());
    assert_eq!(user_emails(&mut conn).await, vec![email.to_owned()]);
    let in_backup = token_labels(&mut conn).await;
    let _ = conn.close().await;
    for (label, id) in &acked_before_backup {
        assert_eq!(
            in_backup.get(label),
            Some(id),
            "{label} acknowledged before the backup is missing"
        );
    }
    assert!(in_backup.contains_key("cli"));
    assert!(
        !sibling(&backup, "-wal").exists(),
        "the backup is one self-contained file"
    );

    // A backup never overwrites a file.
    let backup_bytes = std::fs::read(&backup).unwrap_or_else(|e| panic!("{e}"));
    let out = roma(
        dir.path(),
        &[
            "backup",
            "--database",
            path_str(&db),
            "--to",
            path_str(&backup),
        ],
        None,
    )
    .await;
    assert!(out.failure().contains("already exists"), "{out}");
    assert_eq!(
        std::fs::read(&backup).unwrap_or_default(),
        backup_bytes,
        "the existing file is unchanged"
    );

    // No restore under a running server.
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&backup),
        ],
        None,
    )
    .await;
    let line = out.failure();
    assert!(
        line.contains("in use") && line.contains("stop it first"),
        "{out}"
    );
    let http = http();
    let listed = listed_token_labels(&http, &server.base, &bearer).await;
    let listed: HashSet<&str> = listed.iter().map(String::as_str).collect();
    for (label, _) in &acked_during {
        assert!(
            listed.contains(label.as_str()),
            "{label} lost although the restore was refused"
        );
    }

    // Written after the backup finished.
    let mut after = Vec::new();
    for n in 0..3 {
        let label = format!("after-{n}");
        match post_token(&http, &server.base, &bearer, &label).await {
            Attempt::Acknowledged(_, token) => after.push((label, token)),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());
    // And one after it.
    record_reading(&db, "after").await;

    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&backup),
        ],
        None,
    )
    .await;
    out.success();
    assert!(out.stdout.contains("integrity check ok"), "{out}");
    // The access log on this machine holds what was read since the backup: it stays.
    assert!(
        out.stdout.contains("the access log on this machine kept"),
        "{out}"
    );
    assert_eq!(readings(&db).await, ["after", "before"]);
    // On a new machine (where a command already made an empty log) the archive's access
    // log is put back with the database.
    let elsewhere = tempdir();
    let moved = elsewhere.path().join("roma.db");
    roma(
        elsewhere.path(),
        &["migrate", "--database", path_str(&moved)],
        None,
    )
    .await
    .success();
    let out = roma(
        elsewhere.path(),
        &[
            "restore",
            "--database",
            path_str(&moved),
            "--from",
            path_str(&backup),
        ],
        None,
    )
    .await;
    out.success();
    assert!(out.stdout.contains("the access log restored"), "{out}");
    assert_eq!(readings(&moved).await, ["before"]);
    #[cfg(unix)]
    assert_eq!(
        crate::abuse::mode(&store::db::access_log_path(&moved)),
        0o600
    );

    let mut conn = open_read_only(&db).await;
    assert_eq!(soundness_problems(&mut conn).await, Vec::<String>::new());
    assert_eq!(user_emails(&mut conn).await, vec![email.to_owned()]);
    let restored = token_labels(&mut conn).await;
    let _ = conn.close().await;
    assert_eq!(
        restored, in_backup,
        "the database is now exactly the backup"
    );
    for (label, _) in &after {
        assert!(
            !restored.contains_key(label),
            "{label}, written after the backup, survived the restore"
        );
    }

    // The server agrees: the old token works, one made after the backup does not.
    let mut server = Server::start_password_only(dir.path(), &db).await;
    let me = |token: String| {
        let http = http.clone();
        let url = format!("{}/api/v1/me", server.base);
        async move {
            http.get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .status()
                .as_u16()
        }
    };
    assert_eq!(me(bearer.clone()).await, 200);
    assert_eq!(
        me(after[0].1.clone()).await,
        401,
        "a token created after the backup is gone"
    );
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());
}

#[tokio::test]
async fn restore_refuses_corrupt_and_non_sqlite_files_and_leaves_the_database_untouched() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    let good = dir.path().join("good.db");
    add_user(dir.path(), &db, "peteris@example.lv", GOOD_PASSWORD).await;
    create_token(dir.path(), &db, "peteris@example.lv", "keep me").await;
    roma(
        dir.path(),
        &[
            "backup",
            "--database",
            path_str(&db),
            "--to",
            path_str(&good),
        ],
        None,
    )
    .await
    .success();
    let good_bytes = std::fs::read(&good).unwrap_or_else(|e| panic!("{e}"));
    assert!(good_bytes.len() > 8192);

    let mut smashed = good_bytes.clone();
    let half = smashed.len() / 2;
    smashed[half..].fill(0xA5);
    let mut bad_header = good_bytes.clone();
    bad_header[..16].copy_from_slice(b"SQLite format 2\0");
    let variants: Vec<(&str, Vec<u8>)> = vec![
        (
            "text.db",
            b"this is not a database, just some text\n".repeat(200),
        ),
        ("truncated.db", good_bytes[..good_bytes.len() / 2].to_vec()),
        ("smashed.db", smashed),
        ("bad-header.db", bad_header),
    ];
    let original = std::fs::read(&db).unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in variants {
        let file = dir.path().join(name);
        std::fs::write(&file, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let out = roma(
            dir.path(),
            &[
                "restore",
                "--database",
                path_str(&db),
                "--from",
                path_str(&file),
            ],
            None,
        )
        .await;
        out.one_line_failure();
        assert!(
            std::fs::read(&db).unwrap_or_default() == original,
            "the database changed after a refused restore from {name}: {out}"
        );
        assert!(!sibling(&db, ".restoring").exists(), "{out}");
        assert_eq!(
            std::fs::read(&file).unwrap_or_default(),
            bytes,
            "{name} itself is not changed"
        );
    }
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&dir.path().join("missing.db")),
        ],
        None,
    )
    .await;
    assert!(out.one_line_failure().contains("does not exist"), "{out}");

    let mut conn = open_read_only(&db).await;
    assert_eq!(soundness_problems(&mut conn).await, Vec::<String>::new());
    assert_eq!(
        user_emails(&mut conn).await,
        vec!["peteris@example.lv".to_owned()]
    );
    assert!(token_labels(&mut conn).await.contains_key("keep me"));
    let _ = conn.close().await;

    // The good backup is accepted (the refusals were about the files).
    roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&good),
        ],
        None,
    )
    .await
    .success();
}

/// A 0-byte file (an interrupted copy, a wrong path given to `touch`) is not a backup:
/// SQLite opens it as an empty database that passes `integrity_check`, so restoring it
/// would silently replace every record with nothing.
#[tokio::test]
async fn restore_refuses_an_empty_file() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    add_user(dir.path(), &db, "liga@example.lv", GOOD_PASSWORD).await;
    let original = std::fs::read(&db).unwrap_or_else(|e| panic!("{e}"));
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap_or_else(|e| panic!("{e}"));
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&empty),
        ],
        None,
    )
    .await;
    assert!(
        !out.status.success(),
        "restore accepted a 0-byte file and replaced the database with it: {out}"
    );
    out.one_line_failure();
    assert_eq!(
        std::fs::read(&db).unwrap_or_default(),
        original,
        "the database is untouched"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_shuts_down_gracefully_on_sigterm_while_being_written_to() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    add_user(dir.path(), &db, "rasma@example.lv", GOOD_PASSWORD).await;
    let bearer = create_token(dir.path(), &db, "rasma@example.lv", "cli").await;
    let mut server = Server::start_password_only(dir.path(), &db).await;
    let stop = Arc::new(AtomicBool::new(false));
    let acks: Arc<Mutex<Vec<Ack>>> = Arc::default();
    let writers = spawn_writers(3, &server.base, &bearer, "term", &stop, &acks);
    tokio::time::sleep(Duration::from_millis(400)).await;

    let status = server.terminate().await;
    assert_eq!(
        status.code(),
        Some(0),
        "exit code after SIGTERM; log:\n{}",
        server.log()
    );
    let log = server.log();
    assert!(!log.contains("panicked") && !log.contains("ERROR"), "{log}");
    for end in join_writers(writers).await {
        assert!(
            end.unexpected.is_empty(),
            "answers during shutdown: {:?}",
            end.unexpected
        );
    }
    let acks = lock(&acks).clone();
    assert!(!acks.is_empty(), "the server was written to");

    // Closed cleanly: the WAL was checkpointed and removed, the file is sound, and
    // every acknowledged write is there.
    let wal = sibling(&db, "-wal");
    assert!(
        !wal.exists() || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) == 0,
        "the WAL was left behind: the database was not closed"
    );
    let mut conn = open_read_only(&db).await;
    assert_eq!(soundness_problems(&mut conn).await, Vec::<String>::new());
    let labels = token_labels(&mut conn).await;
    let audited = audited_token_ids(&mut conn).await;
    let _ = conn.close().await;
    for (label, id) in &acks {
        assert_eq!(
            labels.get(label),
            Some(id),
            "{label} acknowledged but missing"
        );
        assert!(
            audited.contains(&id.to_string()),
            "{label} has no audit row"
        );
    }

    // The lock is released: the next server starts on the same file.
    let mut next = Server::start(dir.path(), &db).await;
    assert_eq!(healthz(&next.base).await, 200);
    assert_eq!(next.terminate().await.code(), Some(0), "{}", next.log());
}

/// A supervisor may stop the server the moment it says it listens; that SIGTERM must
/// already get the graceful shutdown, not the default action (death by signal).
#[tokio::test]
async fn sigterm_right_after_the_listening_line_is_still_graceful() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    roma(dir.path(), &["migrate", "--database", path_str(&db)], None)
        .await
        .success();
    for round in 0..20 {
        let mut server = Server::start(dir.path(), &db).await;
        let status = server.terminate().await;
        assert_eq!(
            status.code(),
            Some(0),
            "round {round}: SIGTERM sent right after \"listening\" ended the server with {status}; log:\n{}",
            server.log()
        );
    }
}

#[tokio::test]
async fn serve_takes_bind_and_database_from_a_config_file_and_roma_bind_from_the_environment() {
    let dir = tempdir();
    let from_config = dir.path().join("from-config.db");
    let config = dir.path().join("roma.toml");
    std::fs::write(
        &config,
        format!(
            "# test configuration\nbind = \"127.0.0.1:0\"\ndatabase = \"{}\"\n\n[session]\nidle_minutes = 20\n",
            path_str(&from_config)
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let cfg = path_str(&config);
    let port = |addr: &str| -> u16 {
        addr.rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {addr}"))
    };

    // The file alone: its bind (port 0, not the default 8080) and its database.
    let mut server = Server::start_with(dir.path(), &["serve", "--config", cfg], &[]).await;
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
    assert_ne!(
        port(&server.addr),
        8080,
        "the default bind was used, not the file's"
    );
    assert_eq!(healthz(&server.base).await, 200);
    assert!(
        from_config.exists(),
        "the database named in the file is used"
    );
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());

    // ROMA__BIND overrides the file.
    let mut server = Server::start_with(
        dir.path(),
        &["serve", "--config", cfg],
        &[("ROMA__BIND", "127.0.0.2:0")],
    )
    .await;
    assert!(
        server.addr.starts_with("127.0.0.2:"),
        "ROMA__BIND ignored: {}",
        server.addr
    );
    assert_eq!(healthz(&server.base).await, 200);
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());

    // ROMA__BIND without a file.
    let other = dir.path().join("other.db");
    let mut server = Server::start_with(
        dir.path(),
        &["serve", "--database", path_str(&other)],
        &[("ROMA__BIND", "127.0.0.1:0")],
    )
    .await;
    assert_ne!(
        port(&server.addr),
        8080,
        "ROMA__BIND ignored: {}",
        server.addr
    );
    assert_eq!(healthz(&server.base).await, 200);
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());

    // The flag overrides the environment.
    let mut server = Server::start_with(
        dir.path(),
        &["serve", "--config", cfg, "--bind", "127.0.0.1:0"],
        &[("ROMA__BIND", "127.0.0.2:0")],
    )
    .await;
    assert!(
        server.addr.starts_with("127.0.0.1:"),
        "--bind must win: {}",
        server.addr
    );
    assert_eq!(healthz(&server.base).await, 200);
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());
}

#[tokio::test]
async fn a_bad_config_file_fails_with_one_clear_line() {
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    let write = |name: &str, text: &str| -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
        p
    };
    let cases = [
        (
            write(
                "typo.toml",
                "bind = \"127.0.0.1:0\"\nbnid = \"127.0.0.1:0\"\n",
            ),
            "bnid",
        ),
        (
            write("nested.toml", "[session]\nidle_minute = 5\n"),
            "idle_minute",
        ),
        (
            write("value.toml", "synchronous = \"sometimes\"\n"),
            "sometimes",
        ),
        (dir.path().join("missing.toml"), "missing.toml"),
    ];
    for (file, mentions) in &cases {
        let out = roma(
            dir.path(),
            &[
                "serve",
                "--config",
                path_str(file),
                "--database",
                path_str(&db),
                "--bind",
                "127.0.0.1:0",
            ],
            None,
        )
        .await;
        let line = out.one_line_failure();
        assert!(
            line.contains(mentions),
            "should mention {mentions:?}: {out}"
        );
        assert!(
            !db.exists(),
            "a server with a bad configuration opened the database: {out}"
        );
    }
}

/// The operations guide lists every setting with its default: the block must load and equal the
/// defaults, so it cannot drift from the code.
#[test]
fn the_readme_settings_block_is_the_defaults() {
    let readme = include_str!("../../docs/ops/settings.md");
    let start = readme.find("```toml\n").map(|i| i + 8).unwrap_or(0);
    let end = readme[start..]
        .find("```")
        .map(|i| start + i)
        .unwrap_or(start);
    let dir = tempdir();
    let file = dir.path().join("settings.toml");
    std::fs::write(&file, &readme[start..end]).unwrap_or_else(|e| panic!("{e}"));
    let loaded = web::Settings::load_from(Some(&file), Vec::<(String, String)>::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let as_json = |s: &web::Settings| serde_json::to_value(s).unwrap_or_default();
    assert_eq!(as_json(&loaded), as_json(&web::Settings::default()));
    let missing = settings_not_named(&readme[start..end]);
    assert!(
        missing.is_empty(),
        "docs/ops/settings.md does not name {missing:?}"
    );
}

/// The settings (`section.key`) a TOML text does not name, as `key =` or commented out as
/// `# key =` under its `[section]`: every setting must be in the operations guide and in the
/// package's configuration file.
pub(crate) fn settings_not_named(toml: &str) -> Vec<String> {
    let defaults = serde_json::to_value(web::Settings::default()).unwrap_or_default();
    let mut keys = Vec::new();
    if let Some(top) = defaults.as_object() {
        for (k, v) in top {
            match v.as_object() {
                Some(section) => {
                    for (inner, value) in section {
                        // A map of rules (retention.days) names its keys by example.
                        if !(value.is_object() && value.as_object().is_some_and(|m| m.is_empty())) {
                            keys.push((k.clone(), inner.clone()));
                        }
                    }
                }
                None => keys.push((String::new(), k.clone())),
            }
        }
    }
    let mut section = String::new();
    let mut named = std::collections::BTreeSet::new();
    for line in toml.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix('[') {
            section = rest.split(']').next().unwrap_or_default().to_owned();
            continue;
        }
        let bare = line.trim_start_matches('#').trim();
        if let Some((key, _)) = bare.split_once('=') {
            named.insert((section.clone(), key.trim().to_owned()));
        }
    }
    keys.into_iter()
        .filter(|k| !named.contains(k))
        .map(|(s, k)| if s.is_empty() { k } else { format!("{s}.{k}") })
        .collect()
}

#[test]
fn the_mediation_key_is_made_once_outside_the_database_and_a_bad_one_stops_the_start() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let settings = web::Settings {
        database: dir.path().join("roma.db"),
        ..web::Settings::default()
    };
    let ring = settings
        .load_keyring(true)
        .unwrap_or_else(|e| panic!("{e}"));
    let key_path = dir.path().join("roma.db.key");
    let text = std::fs::read_to_string(&key_path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.trim(), ring.current().encode());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or_default();
        assert_eq!(mode, 0o600, "readable by the owner only");
    }
    // The next start reads the same key.
    let again = settings
        .load_keyring(true)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.current().id(), ring.current().id());
    // A file that is not a key, or a missing earlier key, stops the start with the path.
    std::fs::write(&key_path, "not a key\n").unwrap_or_else(|e| panic!("{e}"));
    let err = settings.load_keyring(true).err().unwrap_or_default();
    assert!(
        err.contains("roma.db.key") && err.contains("base64"),
        "{err}"
    );
    let missing = web::Settings {
        database: dir.path().join("other.db"),
        mediation: web::settings::MediationSettings {
            key_file: String::new(),
            earlier_key_files: vec![dir.path().join("gone.key").to_string_lossy().into_owned()],
            ..web::settings::MediationSettings::default()
        },
        ..web::Settings::default()
    };
    let err = missing.load_keyring(true).err().unwrap_or_default();
    assert!(err.contains("gone.key"), "{err}");
    // Once sealed records exist, a lost key file is not silently replaced.
    let fresh = web::Settings {
        database: dir.path().join("third.db"),
        ..web::Settings::default()
    };
    let err = fresh.load_keyring(false).err().unwrap_or_default();
    assert!(
        err.contains("is missing") && err.contains("third.db.key"),
        "{err}"
    );
    assert!(!dir.path().join("third.db.key").exists());
}

/// A database with one mediator's sealed family, member, consent and contact note; returns
/// the family id and the mediator's id.
async fn sealed_world(db_path: &Path, keys: &domain::sealed::Keyring) -> (i64, i64) {
    let db = store::Db::open(&store::DbOptions::new(db_path))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let now = 1_795_694_400;
    crate::ok(store::migrate::run(&db, now).await);
    let cli = store::Actor::cli();
    let mediator = crate::ok(
        store::users::create(
            &db,
            now,
            &cli,
            store::users::NewUser {
                email: "mediatore@example.invalid",
                name: "Mediatore",
                role: domain::auth::Role::Mediator,
                organisation_id: None,
                password_hash: None,
                password_link: None,
                mail: None,
            },
        )
        .await,
    );
    let jelgava = crate::ok(store::territories::by_code(&db, "jelgava").await).id;
    crate::ok(
        store::mediation::add_assignment(
            &db,
            now,
            &cli,
            &store::mediation::AssignmentInput {
                mediator_user_id: mediator,
                territory_id: jelgava,
                from_date: jiff::civil::date(2026, 1, 1),
                to_date: None,
                hours_per_week: None,
                reception: None,
                supervisor_user_id: None,
            },
            &[],
        )
        .await,
    );
    let today = jiff::civil::date(2026, 11, 26);
    let scope = store::mediation::CaseScope::Mediator(mediator);
    let (family, _) = crate::ok(
        store::mediation::create_family(
            &db,
            now,
            today,
            &cli,
            keys,
            scope,
            &store::mediation::FamilyInput {
                territory_id: jelgava,
                household_size: Some(3),
                name: Some("Rotācijas ģimene".to_owned()),
                contact: Some("Tālrunis 20001111".to_owned()),
            },
        )
        .await,
    );
    crate::ok(
        store::mediation::add_member(
            &db,
            now,
            &cli,
            keys,
            scope,
            family,
            &store::mediation::MemberInput {
                relation: domain::mediation::Relation::Child,
                school: Some("Rotācijas skola".to_owned()),
                name: Some("Rotācijas bērns".to_owned()),
                ..Default::default()
            },
        )
        .await,
    );
    let w = store::mediation_log::CaseWrite {
        db: &db,
        now,
        today,
        actor: &cli,
        keys,
        scope,
    };
    crate::ok(
        store::mediation_log::add_consent(
            &w,
            family,
            &store::mediation_log::ConsentInput {
                member_id: None,
                purpose: domain::mediation::ConsentPurpose::CaseWork,
                institution_kind: None,
                institution: None,
                given_by: domain::mediation::GivenBy::Person,
                child_view: None,
                given_on: today,
            },
        )
        .await,
    );
    crate::ok(
        store::mediation::add_contact(
            &db,
            now,
            &cli,
            keys,
            scope,
            family,
            &store::mediation::ContactInput {
                date: today,
                place: domain::mediation::ContactPlace::Office,
                areas: vec![domain::mediation::ContactArea::Education],
                done: Some("Rotācijas piezīme".to_owned()),
                ..Default::default()
            },
        )
        .await,
    );
    // Every sealed column of the schema is in the registry the rotation walks.
    let schema = crate::ok(store::sealing::schema_sealed_columns(&db).await);
    let registry: std::collections::BTreeSet<(String, String)> = store::sealing::SEALED_COLUMNS
        .iter()
        .map(|(t, c, _, _)| ((*t).to_owned(), (*c).to_owned()))
        .collect();
    let schema: std::collections::BTreeSet<(String, String)> = schema.into_iter().collect();
    assert_eq!(
        schema, registry,
        "sealed columns missing from store::sealing"
    );
    db.close().await;
    (family, mediator)
}

#[tokio::test]
async fn rotate_key_reseals_everything_under_a_new_key_and_keeps_the_old_one_for_backups() {
    let dir = tempdir();
    let db_path = dir.path().join("roma.db");
    let settings = web::Settings {
        database: db_path.clone(),
        ..web::Settings::default()
    };
    let old = settings
        .load_keyring(true)
        .unwrap_or_else(|e| panic!("{e}"));
    let (family, mediator) = sealed_world(&db_path, &old).await;
    let backup = dir.path().join("before.db");
    roma(
        dir.path(),
        &[
            "backup",
            "--database",
            path_str(&db_path),
            "--to",
            path_str(&backup),
        ],
        None,
    )
    .await
    .success();
    let out = roma(
        dir.path(),
        &["mediation", "rotate-key", "--database", path_str(&db_path)],
        None,
    )
    .await;
    out.success();
    assert!(out.stdout.contains("Re-sealed 5 values"), "{out}");
    let retired = settings.retired_key_file(&old.current().id());
    assert!(out.stdout.contains(path_str(&retired)), "{out}");
    assert!(!settings.next_key_file().exists());
    let new = settings
        .load_keyring(false)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(new.current().id(), old.current().id());
    // The new key alone opens everything: nothing is left under the old one.
    let alone = domain::sealed::Keyring::new(new.current().clone(), Vec::new());
    let db = store::Db::open(&store::DbOptions::new(&db_path))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let fam = crate::ok(
        store::mediation::family(
            &db,
            1_795_694_500,
            &alone,
            store::mediation::CaseScope::Mediator(mediator),
            family,
            "case_work",
            None,
        )
        .await,
    );
    assert_eq!(fam.name.as_deref(), Some("Rotācijas ģimene"));
    assert_eq!(fam.members[0].school.as_deref(), Some("Rotācijas skola"));
    assert_eq!(fam.contacts[0].done.as_deref(), Some("Rotācijas piezīme"));
    db.close().await;
    // Run again: everything is under the current key already.
    let again = roma(
        dir.path(),
        &["mediation", "rotate-key", "--database", path_str(&db_path)],
        None,
    )
    .await;
    again.success();
    assert!(again.stdout.contains("Re-sealed 5 values"), "{again}");
    // The backup made before the first rotation still opens: its key was kept.
    let ring = settings
        .load_keyring(false)
        .unwrap_or_else(|e| panic!("{e}"));
    let db = store::Db::open(&store::DbOptions::new(database_of(&backup)))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let fam = crate::ok(
        store::mediation::family(
            &db,
            1_795_694_500,
            &ring,
            store::mediation::CaseScope::Mediator(mediator),
            family,
            "case_work",
            None,
        )
        .await,
    );
    assert_eq!(fam.name.as_deref(), Some("Rotācijas ģimene"));
    db.close().await;
}

#[tokio::test]
async fn an_erasure_survives_a_restore_from_an_older_backup() {
    let dir = tempdir();
    let db_path = dir.path().join("roma.db");
    let settings = web::Settings {
        database: db_path.clone(),
        ..web::Settings::default()
    };
    let keys = settings
        .load_keyring(true)
        .unwrap_or_else(|e| panic!("{e}"));
    let (family, mediator) = sealed_world(&db_path, &keys).await;
    let backup = dir.path().join("before.db");
    roma(
        dir.path(),
        &[
            "backup",
            "--database",
            path_str(&db_path),
            "--to",
            path_str(&backup),
        ],
        None,
    )
    .await
    .success();
    // The family is erased the way the page does it: listed first, then deleted.
    let db = store::Db::open(&store::DbOptions::new(&db_path))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let code = crate::ok(
        store::erasure::code_of(
            &db,
            store::mediation::CaseScope::Mediator(mediator),
            family,
            None,
        )
        .await,
    );
    web::erased::append(&settings.erased_list_file(), &code).unwrap_or_else(|e| panic!("{e}"));
    let erased = crate::ok(
        store::erasure::erase_code(&db, 1, &store::Actor::cli(), Some(mediator), &code).await,
    );
    assert!(erased.as_ref().is_some_and(|e| e.rows >= 5), "{erased:?}");
    db.close().await;
    let has_code = |path: std::path::PathBuf, code: String| async move {
        let mut conn = open_read_only(&path).await;
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM families WHERE code = $1")
            .bind(code)
            .fetch_one(&mut conn)
            .await
            .unwrap_or(-1)
    };
    assert_eq!(has_code(db_path.clone(), code.clone()).await, 0);
    // The older backup comes back with the family; the next start erases it again.
    roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db_path),
            "--from",
            path_str(&backup),
        ],
        None,
    )
    .await
    .success();
    assert_eq!(has_code(db_path.clone(), code.clone()).await, 1);
    roma(
        dir.path(),
        &["migrate", "--database", path_str(&db_path)],
        None,
    )
    .await
    .success();
    assert_eq!(has_code(db_path.clone(), code.clone()).await, 0);
    let mut conn = open_read_only(&db_path).await;
    let members: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM family_members WHERE family_id = $1")
            .bind(family)
            .fetch_one(&mut conn)
            .await
            .unwrap_or(-1);
    assert_eq!(members, 0);
}

#[tokio::test]
async fn an_erased_registry_person_is_erased_again_after_a_restore_and_their_number_stays_unused() {
    let dir = tempdir();
    let db_path = dir.path().join("roma.db");
    let settings = web::Settings {
        database: db_path.clone(),
        ..web::Settings::default()
    };
    roma(
        dir.path(),
        &["migrate", "--database", path_str(&db_path)],
        None,
    )
    .await
    .success();
    let db = store::Db::open(&store::DbOptions::new(&db_path))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let person = crate::ok(
        store::people::create(
            &db,
            1,
            &store::Actor::cli(),
            &store::people::PersonInput {
                name: "Dzēšamā Persona".to_owned(),
                emails: vec!["dzesama@example.invalid".to_owned()],
                preferred_lang: "lv".to_owned(),
                ..Default::default()
            },
        )
        .await,
    );
    db.close().await;
    let backup = dir.path().join("before.db");
    roma(
        dir.path(),
        &[
            "backup",
            "--database",
            path_str(&db_path),
            "--to",
            path_str(&backup),
        ],
        None,
    )
    .await
    .success();
    // Erased the way the page does it: listed first, then deleted.
    let db = store::Db::open(&store::DbOptions::new(&db_path))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    web::erased::append(
        &settings.erased_list_file(),
        &web::erased::person_code(person),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    crate::ok(store::person_erasure::erase_on_request(&db, 2, &store::Actor::cli(), person).await);
    db.close().await;
    let names = |path: std::path::PathBuf| async move {
        let mut conn = open_read_only(&path).await;
        sqlx::query_scalar::<_, i64>(
            "SELECT (SELECT COUNT(*) FROM people WHERE name = 'Dzēšamā Persona')
                  + (SELECT COUNT(*) FROM person_emails WHERE email = 'dzesama@example.invalid')",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap_or(-1)
    };
    assert_eq!(names(db_path.clone()).await, 0);
    roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db_path),
            "--from",
            path_str(&backup),
        ],
        None,
    )
    .await
    .success();
    assert_eq!(
        names(db_path.clone()).await,
        2,
        "the backup holds the person"
    );
    roma(
        dir.path(),
        &["migrate", "--database", path_str(&db_path)],
        None,
    )
    .await
    .success();
    assert_eq!(names(db_path.clone()).await, 0, "erased again at the start");
    // Someone new never gets the erased person's number.
    let db = store::Db::open(&store::DbOptions::new(&db_path))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let newcomer = crate::ok(
        store::people::create(
            &db,
            3,
            &store::Actor::cli(),
            &store::people::PersonInput {
                name: "Jauna Persona".to_owned(),
                preferred_lang: "lv".to_owned(),
                ..Default::default()
            },
        )
        .await,
    );
    assert!(newcomer > person, "{newcomer} reuses {person}");
    db.close().await;
}

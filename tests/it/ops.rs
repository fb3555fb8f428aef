//! Operations (issue 22): `/metrics` for the operator's Prometheus only, counted by route
//! pattern; and the suite's logs, which must hold no personal data or secrets.

use domain::auth::Role;
use testkit::{TestApp, email_for};

/// The value of a series (its exact name and labels) in a metrics text.
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|l| {
        l.strip_prefix(series)?
            .strip_prefix(' ')?
            .trim()
            .parse()
            .ok()
    })
}

#[tokio::test]
async fn metrics_are_for_the_allowed_address_or_the_token_only() {
    // Nobody by default: the page does not exist for them.
    let app = TestApp::spawn().await;
    let res = app.client().get("/metrics").await;
    assert_eq!(res.status, 404, "{}", res.text);
    assert!(!res.text.contains("roma_"), "{}", res.text);
    let coordinator = app.login(Role::Coordinator).await;
    assert_eq!(coordinator.get("/metrics").await.status, 404);

    // A token of 40 characters in a file; a wrong one, or none, is a 404.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let token_file = dir.path().join("metrics-token");
    let token = "Zm9vYmFyYmF6cXV4LXRva2VuLWZvci1tZXRyaWNz";
    crate::ok(std::fs::write(&token_file, format!("{token}\n")));
    let path = token_file.to_string_lossy().into_owned();
    let app = TestApp::spawn_with(|s| s.metrics.token_file = path.clone()).await;
    let c = app.client();
    assert_eq!(c.get("/metrics").await.status, 404);
    c.set_header(
        "authorization",
        "Bearer not-the-token-not-the-token-not-the-token",
    );
    assert_eq!(c.get("/metrics").await.status, 404);
    c.set_header("authorization", &format!("Bearer {token}"));
    let res = c.get("/metrics").await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert_eq!(
        res.header("content-type"),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    // A token shorter than 32 characters lets nobody in.
    crate::ok(std::fs::write(&token_file, "short-token"));
    c.set_header("authorization", "Bearer short-token");
    assert_eq!(c.get("/metrics").await.status, 404);

    // An allowed address (the test client's own) reads it without a token.
    let app = TestApp::spawn_with(|s| {
        s.metrics.allow = vec![
            "127.0.0.1"
                .parse()
                .unwrap_or(std::net::IpAddr::from([127, 0, 0, 1])),
        ]
    })
    .await;
    assert_eq!(app.client().get("/metrics").await.status, 200);
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_sign_in_failures() {
    let app =
        TestApp::spawn_with(|s| s.metrics.allow = vec![std::net::IpAddr::from([127, 0, 0, 1])])
            .await;
    let c = app.client();
    let event = app.fixtures.event;
    // An event's page by its id answers with a redirect to its page with the name in it.
    for _ in 0..3 {
        assert_eq!(c.get(&format!("/lv/events/{event}")).await.status, 303);
    }
    assert_eq!(
        c.get("/lv/password/set/Zz9-secret-of-a-link").await.status,
        404
    );
    assert_eq!(c.get("/no/such/page").await.status, 404);
    let wrong = app
        .client()
        .login(&email_for(Role::Ngo), "not the password at all")
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.text);

    let text = c.get("/metrics").await.text;
    let count = |route: &str, status: u16| {
        value(
            &text,
            &format!(
                "roma_http_request_duration_seconds_count{{method=\"GET\",route=\"{route}\",status=\"{status}\"}}"
            ),
        )
    };
    assert_eq!(count("/{lang}/events/{id}", 303), Some(3.0), "{text}");
    assert_eq!(
        count("/{lang}/password/set/{token}", 404),
        Some(1.0),
        "{text}"
    );
    assert_eq!(count("unmatched", 404), Some(1.0), "{text}");
    // Never a path with its ids or a link's secret.
    assert!(!text.contains(&format!("/lv/events/{event}")), "{text}");
    assert!(!text.contains("Zz9-secret"), "{text}");
    // Buckets are cumulative and end with the count.
    assert_eq!(
        value(
            &text,
            "roma_http_request_duration_seconds_bucket{method=\"GET\",route=\"/{lang}/events/{id}\",status=\"303\",le=\"+Inf\"}"
        ),
        Some(3.0)
    );
    assert_eq!(
        value(&text, "roma_login_failures_total"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        value(&text, "roma_login_throttled_total"),
        Some(0.0),
        "{text}"
    );
    assert!(text.contains("roma_build_info{version=\""), "{text}");
    assert_eq!(
        value(&text, "roma_worker_healthy{worker=\"jobs\"}"),
        Some(1.0),
        "{text}"
    );
    assert!(
        value(
            &text,
            "roma_worker_last_success_timestamp_seconds{worker=\"jobs\"}"
        )
        .is_some_and(|t| t > 0.0),
        "{text}"
    );
    assert_eq!(value(&text, "roma_outbox_failed"), Some(0.0), "{text}");
    assert_eq!(value(&text, "roma_backup_configured"), Some(0.0), "{text}");
    assert_eq!(
        value(
            &text,
            "roma_db_pool_connections{pool=\"writer\",state=\"in_use\"}"
        )
        .map(|v| v <= 1.0),
        Some(true),
        "{text}"
    );
    // Every series has its HELP and TYPE.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let name = line.split(['{', ' ']).next().unwrap_or_default();
        let family = name
            .trim_end_matches("_bucket")
            .trim_end_matches("_sum")
            .trim_end_matches("_count");
        assert!(
            text.contains(&format!("# TYPE {family} "))
                || text.contains(&format!("# TYPE {name} ")),
            "{line}"
        );
    }
}

/// Run by scripts/test after the whole suite (with `ROMA_TEST_LOG_DIR`): every log line of
/// every server the suite ran — in-process and the binary's — holds no test user's e-mail
/// or name, no password, no cookie or CSRF token a client was given, and no raw path.
#[test]
#[ignore = "run by scripts/test after the whole suite, over the logs it left"]
fn the_suites_logs_hold_no_personal_data_or_secrets() {
    let Some(dir) = testkit::suite_log::dir() else {
        panic!("set ROMA_TEST_LOG_DIR to the folder the suite logged into");
    };
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut secrets: Vec<String> = Vec::new();
    for entry in crate::ok(std::fs::read_dir(&dir)) {
        let path = crate::ok(entry).path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if name.starts_with("secrets-") {
            secrets.extend(text.lines().map(str::to_owned));
        } else {
            lines.extend(text.lines().map(|l| (name.clone(), l.to_owned())));
        }
    }
    let access = lines
        .iter()
        .filter(|(_, l)| l.contains("\"target\":\"access\"") || l.contains("access: request"))
        .count();
    assert!(
        access > 1000,
        "the suite's logs in {} hold only {access} access lines: did the suite run with ROMA_TEST_LOG_DIR?",
        dir.display()
    );
    assert!(
        secrets.len() > 100,
        "only {} secrets were noted",
        secrets.len()
    );
    let mut forbidden: Vec<String> = Role::ALL
        .iter()
        .flat_map(|r| [email_for(*r), format!("Tests {}", r.as_str())])
        .collect();
    forbidden.push(testkit::PASSWORD.to_owned());
    let mut found = Vec::new();
    // Secrets are runs of URL-safe characters: a line is cut into such runs, each looked up.
    let is_secret_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let (plain, other): (Vec<&String>, Vec<&String>) =
        secrets.iter().partition(|s| s.chars().all(is_secret_char));
    let secret_set: std::collections::HashSet<&str> =
        plain.into_iter().map(String::as_str).collect();
    for (file, line) in &lines {
        if let Some(f) = forbidden.iter().find(|f| line.contains(f.as_str())) {
            found.push(format!("{file}: {f:?} in {line}"));
        } else if let Some(s) = line
            .split(|c: char| !is_secret_char(c))
            .find(|run| secret_set.contains(run))
            .or_else(|| other.iter().map(|s| s.as_str()).find(|s| line.contains(s)))
        {
            found.push(format!("{file}: a client's secret {s:?} in {line}"));
        } else if let Some(m) = RAW_PATHS.iter().find(|m| holds_a_raw_path(line, m)) {
            found.push(format!("{file}: a raw path {m}… in {line}"));
        } else if looks_like_an_email(line) {
            found.push(format!("{file}: an e-mail address in {line}"));
        }
        if found.len() > 20 {
            break;
        }
    }
    assert!(
        found.is_empty(),
        "personal data or secrets in the logs:\n{}",
        found.join("\n")
    );
}

/// A path in a log line appears only as its route pattern (`/{lang}/password/set/{token}`):
/// a raw one starts with its language, and may carry ids and one-time secrets.
const RAW_PATHS: [&str; 2] = ["/lv/", "/en/"];

/// Whether the line holds `marker`.
fn holds_a_raw_path(line: &str, marker: &str) -> bool {
    line.contains(marker)
}

/// Whether a line holds something shaped like an e-mail address (word@word.tld).
fn looks_like_an_email(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        *b == b'@'
            && i > 0
            && bytes[i - 1].is_ascii_alphanumeric()
            && line[i + 1..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .next()
                .is_some_and(|domain| {
                    domain.contains('.')
                        && domain.rsplit('.').next().is_some_and(|t| {
                            t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic())
                        })
                })
    })
}

/// Rows of a table in a database file.
async fn rows(db: &std::path::Path, table: &str) -> i64 {
    use sqlx::Connection as _;
    let mut conn = crate::cli::open_read_only(db).await;
    let n: i64 = crate::ok(
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&mut conn)
            .await,
    );
    let _ = conn.close().await;
    n
}

/// Each file of a folder (by name) with its SHA-256.
fn checksums(dir: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    use sha2::Digest as _;
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (
                e.file_name().to_string_lossy().into_owned(),
                format!("{:x}", sha2::Sha256::digest(&bytes)),
            )
        })
        .collect()
}

/// The tables the drill compares.
const COUNTED: [&str; 10] = [
    "users",
    "people",
    "organisations",
    "events",
    "event_documents",
    "measures",
    "needs",
    "families",
    "audit_log",
    "backup_runs",
];

/// The upgrade from the previous release and the documented restore drill
/// (docs/ops/backups.md), as an operator runs them with the binary: the 0.1.0 release's demo
/// database (its backup archive, migration 55) restored and migrated by this release with
/// its data and sealed records intact; documents uploaded; the nightly backup; restored
/// into a new folder; started; every count and every file's checksum the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_0_1_0_database_upgrades_and_the_restore_drill_brings_back_everything() {
    use crate::cli::{GOOD_PASSWORD, Server, add_user, path_str, roma, roma_env, tempdir};
    let dir = tempdir();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/release-0.1.0");
    let a = dir.path().join("a");
    crate::ok(std::fs::create_dir_all(&a));
    let db_a = a.join("roma.db");
    // The mediation key is backed up apart from the archives: it comes along by hand.
    crate::ok(std::fs::copy(
        fixture.join("demo.key"),
        a.join("roma.db.key"),
    ));
    let out = roma(
        &a,
        &[
            "restore",
            "--database",
            path_str(&db_a),
            "--from",
            path_str(&fixture.join("demo-backup.zip")),
        ],
        None,
    )
    .await;
    out.success();
    let out = roma(&a, &["migrate", "--database", path_str(&db_a)], None).await;
    out.success();
    let latest = store::migrate::latest();
    assert!(
        out.stdout.contains(&format!("is at migration {latest}.")),
        "{out}"
    );
    // The 0.1.0 demo's data, as it was.
    for (table, n) in [
        ("users", 10),
        ("people", 300),
        ("organisations", 69),
        ("events", 50),
        ("measures", 17),
        ("needs", 10),
    ] {
        assert_eq!(rows(&db_a, table).await, n, "{table} after the upgrade");
    }
    // Its sealed mediation records open with its key.
    {
        let db = crate::ok(store::Db::open(&store::DbOptions::new(&db_a)).await);
        let settings = web::Settings {
            database: db_a.clone(),
            ..web::Settings::default()
        };
        let keys = crate::ok(settings.load_keyring(false));
        let (family, mediator): (i64, i64) = {
            use sqlx::Connection as _;
            let mut conn = crate::cli::open_read_only(&db_a).await;
            let row = crate::ok(
                sqlx::query_as("SELECT id, mediator_user_id FROM families ORDER BY id LIMIT 1")
                    .fetch_one(&mut conn)
                    .await,
            );
            let _ = conn.close().await;
            row
        };
        let opened = crate::ok(
            store::mediation::family(
                &db,
                1_796_000_000,
                &keys,
                store::mediation::CaseScope::Mediator(mediator),
                family,
                "upgrade test",
                None,
            )
            .await,
        );
        assert!(
            opened.name.as_deref().is_some_and(|n| !n.is_empty()),
            "{opened:?}"
        );
        db.close().await;
    }

    // Documents uploaded through the running server.
    let email = "drill@example.lv";
    add_user(&a, &db_a, email, GOOD_PASSWORD).await;
    let mut server = Server::start_password_only(&a, &db_a).await;
    let c = testkit::Client::new(&server.base);
    assert_eq!(c.login(email, GOOD_PASSWORD).await.status, 303);
    assert_eq!(c.get("/lv/workspace").await.status, 200);
    let event: i64 = {
        use sqlx::Connection as _;
        let mut conn = crate::cli::open_read_only(&db_a).await;
        let id = crate::ok(
            sqlx::query_scalar("SELECT id FROM events ORDER BY id LIMIT 1")
                .fetch_one(&mut conn)
                .await,
        );
        let _ = conn.close().await;
        id
    };
    let path = format!("/lv/events/{event}/documents");
    assert_eq!(c.get(&path).await.status, 200);
    for (title, name, bytes) in [
        (
            "Protokols",
            "protokols.pdf",
            &b"%PDF-1.7\nprotokols\n%%EOF"[..],
        ),
        (
            "Darba kārtība",
            "kartiba.pdf",
            &b"%PDF-1.7\ndarba kartiba\n%%EOF"[..],
        ),
    ] {
        let res = c
            .post_multipart(&path, &[("title", title)], "file", name, bytes)
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let files_a = crate::cli::sibling(&db_a, ".files");
    let sums_a = checksums(&files_a);
    assert!(sums_a.len() >= 2, "{sums_a:?}");

    // The nightly backup, as the package's timer runs it, while the server runs.
    let backups = dir.path().join("backups");
    let env = [("ROMA__BACKUP__DIR", path_str(&backups))];
    let out = roma_env(
        &a,
        &["backup", "--scheduled", "--database", path_str(&db_a)],
        None,
        &env,
    )
    .await;
    out.success();
    let archives: Vec<String> = checksums(&backups).into_keys().collect();
    assert_eq!(archives.len(), 1, "{archives:?}");
    assert!(archives[0].starts_with("roma-platform-") && archives[0].ends_with(".zip"));
    let archive = backups.join(&archives[0]);
    roma(&a, &["backup", "--verify", path_str(&archive)], None)
        .await
        .success();
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());

    // The drill: restore into a new folder (with the key, kept apart), start, compare.
    let b = dir.path().join("b");
    crate::ok(std::fs::create_dir_all(&b));
    let db_b = b.join("roma.db");
    crate::ok(std::fs::copy(a.join("roma.db.key"), b.join("roma.db.key")));
    let out = roma(
        &b,
        &[
            "restore",
            "--database",
            path_str(&db_b),
            "--from",
            path_str(&archive),
        ],
        None,
    )
    .await;
    out.success();
    // Before anyone signs in to it (a sign-in is audited).
    for table in COUNTED {
        let (x, y) = (rows(&db_a, table).await, rows(&db_b, table).await);
        // The run was recorded after its archive was made: one row more in the original.
        let expected = if table == "backup_runs" { x - 1 } else { x };
        assert_eq!(y, expected, "{table}: {x} in the original, {y} restored");
    }
    assert_eq!(checksums(&crate::cli::sibling(&db_b, ".files")), sums_a);
    let mut restored = Server::start_password_only(&b, &db_b).await;
    let health = testkit::Client::new(&restored.base).get("/healthz").await;
    assert_eq!(health.status, 200);
    let c = testkit::Client::new(&restored.base);
    assert_eq!(c.login(email, GOOD_PASSWORD).await.status, 303);
    let list = c.get(&path).await;
    assert!(list.text.contains("Darba kārtība"), "{}", list.text);
    assert_eq!(
        restored.terminate().await.code(),
        Some(0),
        "{}",
        restored.log()
    );
}

#[test]
fn the_packages_configuration_names_every_setting_and_loads() {
    let text = include_str!("../../packaging/debian/config.toml");
    let missing = crate::cli::settings_not_named(text);
    assert!(
        missing.is_empty(),
        "packaging/debian/config.toml does not name {missing:?}"
    );
    let dir = crate::cli::tempdir();
    let file = dir.path().join("config.toml");
    crate::ok(std::fs::write(&file, text));
    let s = crate::ok(web::Settings::load_from(
        Some(&file),
        Vec::<(String, String)>::new(),
    ));
    assert_eq!(
        s.database,
        std::path::PathBuf::from("/var/lib/roma-platform/roma-platform.db")
    );
    assert_eq!(
        s.backup.folder(),
        Some(std::path::PathBuf::from("/var/lib/roma-platform/backups"))
    );
    // Everything else is the default.
    let defaults = web::Settings {
        database: s.database.clone(),
        backup: web::settings::BackupSettings {
            dir: s.backup.dir.clone(),
            ..Default::default()
        },
        ..web::Settings::default()
    };
    assert_eq!(
        crate::ok(serde_json::to_value(&s)),
        crate::ok(serde_json::to_value(&defaults))
    );
}

/// The coordinators' system page says in words whether backups run, with the last one.
#[tokio::test]
async fn the_system_page_shows_coordinators_the_last_backup_and_the_work() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/admin/system").await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        page.text
            .contains("Plānotās rezerves kopijas nav iestatītas"),
        "{}",
        page.text
    );
    assert!(page.text.contains("E-pasta sūtīšana"), "{}", page.text);
    assert!(page.text.contains("(jaunākā)"), "{}", page.text);
    assert_eq!(
        app.login(Role::Ministry)
            .await
            .get("/lv/admin/system")
            .await
            .status,
        403
    );

    let app = TestApp::spawn_with(|s| s.backup.dir = "/var/backups/roma".to_owned()).await;
    let c = app.login(Role::Coordinator).await;
    // None yet: late.
    let page = c.get("/lv/admin/system").await;
    assert!(page.text.contains("vēl nav neviena"), "{}", page.text);
    assert!(page.text.contains("vecāka par 26 stundām"), "{}", page.text);
    let now = app.clock_now();
    crate::ok(
        store::backups::record(
            &app.db,
            &store::backups::Run {
                started_at: now - 60,
                finished_at: now - 50,
                ok: true,
                archive: "roma-platform-20261126T023000Z.zip".to_owned(),
                size_bytes: 3_250_000,
                files: 12,
                pruned: 1,
                message: String::new(),
            },
        )
        .await,
    );
    let page = c.get("/lv/admin/system").await;
    assert!(
        page.text.contains("roma-platform-20261126T023000Z.zip"),
        "{}",
        page.text
    );
    assert!(
        page.text.contains("3,1 MB") && page.text.contains("12 augšupielādēti faili"),
        "{}",
        page.text
    );
    assert!(
        !page.text.contains("vecāka par 26 stundām"),
        "{}",
        page.text
    );
    crate::ok(
        store::backups::record(
            &app.db,
            &store::backups::Run {
                started_at: now - 10,
                finished_at: now - 5,
                ok: false,
                archive: String::new(),
                size_bytes: 0,
                files: 0,
                pruned: 0,
                message: "No space left on device".to_owned(),
            },
        )
        .await,
    );
    let page = c.get("/lv/admin/system").await;
    assert!(
        page.text.contains("Pēdējā kopēšana neizdevās")
            && page.text.contains("No space left on device"),
        "{}",
        page.text
    );
    // /readyz says whether, never why (it is public).
    let ready = app.client().get("/readyz").await;
    assert!(
        ready.text.contains("\"last_run_ok\":false"),
        "{}",
        ready.text
    );
    assert!(!ready.text.contains("No space"), "{}", ready.text);
    let en = c.get("/en/admin/system").await;
    assert!(en.text.contains("The last backup failed"), "{}", en.text);
}

/// As root over the files of the platform's user, the commands that write them refuse and
/// say whom to run as (root would leave files the server cannot read). CI runs as root; as
/// another user there is nothing to refuse, and the test says so.
#[tokio::test]
async fn root_does_not_restore_rotate_or_back_up_over_the_platform_users_files() {
    use crate::cli::{GOOD_PASSWORD, add_user, path_str, roma, roma_env, tempdir};
    use std::os::unix::fs::MetadataExt as _;
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if !root {
        eprintln!("not root: nothing to refuse here (CI runs this as root)");
        return;
    }
    let dir = tempdir();
    let data = dir.path().join("data");
    crate::ok(std::fs::create_dir_all(&data));
    let db = data.join("roma.db");
    add_user(dir.path(), &db, "root-test@example.lv", GOOD_PASSWORD).await;
    let archive = dir.path().join("a.zip");
    roma(
        dir.path(),
        &[
            "backup",
            "--database",
            path_str(&db),
            "--to",
            path_str(&archive),
        ],
        None,
    )
    .await
    .success();
    // The folder is given to another user (nobody), as the package gives it to roma-platform.
    let chown = std::process::Command::new("chown")
        .args(["-R", "65534", path_str(&data)])
        .status();
    assert!(chown.is_ok_and(|s| s.success()));
    for args in [
        vec![
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&archive),
        ],
        vec!["mediation", "rotate-key", "--database", path_str(&db)],
    ] {
        let out = roma(dir.path(), &args, None).await;
        assert!(
            out.failure()
                .contains("not as root: runuser -u roma-platform"),
            "{out}"
        );
    }
    let backups = data.join("backups");
    let out = roma_env(
        dir.path(),
        &["backup", "--scheduled", "--database", path_str(&db)],
        None,
        &[("ROMA__BACKUP__DIR", path_str(&backups))],
    )
    .await;
    assert!(out.failure().contains("not as root"), "{out}");
    assert!(!backups.exists());
}

//! Abuse and fault resistance (issue 16): files, requests and floods that must not take
//! the platform down or lose data. Each test here is an attack that once worked.

use domain::auth::Role;
use testkit::{Client, TestApp};

/// What the database holds but the log of who did what and the sessions: an attack that
/// is refused changes nothing else.
async fn content(app: &TestApp) -> String {
    store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default()
        .split("## ")
        .filter(|s| !s.starts_with("audit_log") && !s.starts_with("sessions"))
        .collect::<Vec<_>>()
        .join("## ")
}

async fn healthy(c: &Client) -> bool {
    c.get("/healthz").await.status == 200
}

/// The attack file: an XLSX with one cell in A1 and one in XFD1048576 (the last cell a
/// sheet can have), so it declares the dimension A1:XFD1048576 — 17 billion cells.
fn corner_cells_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.write_string(0, 0, "Vārds, uzvārds");
    let _ = sheet.write_string(1_048_575, 16_383, "x");
    book.save_to_buffer().unwrap_or_default()
}

#[tokio::test]
async fn a_spreadsheet_bomb_is_refused_on_every_import_and_the_server_stays_up() {
    let app = TestApp::spawn().await;
    let bomb = corner_cells_xlsx();
    assert!(bomb.len() < 8_000, "a small file: {} bytes", bomb.len());
    let c = app.login(Role::Coordinator).await;
    let before = content(&app).await;
    for path in [
        "/lv/people/import".to_owned(),
        "/lv/organisations/import".to_owned(),
        format!("/lv/events/{}/attendance/import", app.fixtures.event),
    ] {
        c.get(&path).await;
        let res = c
            .post_multipart(&path, &[], "file", "saraksts.xlsx", &bomb)
            .await;
        assert_eq!(res.status, 422, "{path}: {}", res.text);
        assert!(
            res.text.contains("vairāk kolonnu, nekā var importēt"),
            "{path}: {}",
            res.text
        );
        assert!(res.text.contains("aria-invalid=\"true\""), "{path}");
        assert!(healthy(&c).await, "after {path}");
    }
    assert_eq!(content(&app).await, before, "nothing is stored");
    // In English too.
    c.get("/en/people/import").await;
    let res = c
        .post_multipart("/en/people/import", &[], "file", "list.xlsx", &bomb)
        .await;
    assert!(
        res.text.contains("more columns than an import takes"),
        "{}",
        res.text
    );
}

#[tokio::test]
async fn a_file_with_more_rows_than_the_limit_is_refused_clearly() {
    let app = TestApp::spawn_with(|s| s.import.max_rows = 3).await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people/import").await;
    let ok = "Vārds, uzvārds\nA Ā\nB Ē\nC Ī\n";
    let res = c
        .post_multipart("/lv/people/import", &[], "file", "a.csv", ok.as_bytes())
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    c.get("/lv/people/import").await;
    let too_many = format!("{ok}D Ō\n");
    let res = c
        .post_multipart(
            "/lv/people/import",
            &[],
            "file",
            "a.csv",
            too_many.as_bytes(),
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("vairāk rindu, nekā var importēt"),
        "{}",
        res.text
    );
}

/// A PNG that declares `w` × `h` pixels: signature, IHDR and IEND with correct lengths (the
/// pixels themselves are never there; whoever decodes it would allocate them).
fn png_declaring(w: u32, h: u32) -> Vec<u8> {
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = u32::try_from(data.len())
            .unwrap_or(0)
            .to_be_bytes()
            .to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    };
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", b""));
    png
}

/// A real ZIP bomb named .docx: `[Content_Types].xml`, then `word/document.xml` of 1 GiB of
/// zeros in about a megabyte — one megabyte of zeros deflated once and its blocks repeated
/// (each ends in a full flush, so they stand alone), with the right sizes and CRC-32.
pub fn gibibyte_docx() -> Vec<u8> {
    use std::io::Write as _;
    const MIB: usize = 1 << 20;
    let mut deflate = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(64 * 1024);
    let _ = deflate.compress_vec(&vec![0u8; MIB], &mut block, flate2::FlushCompress::Full);
    let mut data = Vec::with_capacity(block.len() * 1024 + 2);
    for _ in 0..1024 {
        data.extend_from_slice(&block);
    }
    // The last block: empty, fixed Huffman, final.
    data.extend_from_slice(&[0x03, 0x00]);
    let mut crc = crc32fast::Hasher::new();
    crc.update(&vec![0u8; MIB]);
    for _ in 0..10 {
        let twice = crc.clone();
        crc.combine(&twice);
    }
    let crc = crc.finalize();
    let size: u32 = 1 << 30;
    // The first entry, made by the zip crate; the bomb appended by hand.
    let mut head = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut head);
        let _ = w.start_file(
            "[Content_Types].xml",
            zip::write::SimpleFileOptions::default(),
        );
        let _ = w.write_all(b"<Types/>");
        let _ = w.finish();
    }
    let first = head.into_inner();
    // Keep its local part; its central record is rewritten below.
    let cd_at = first
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .unwrap_or(first.len());
    let eocd = first
        .windows(4)
        .position(|w| w == b"PK\x05\x06")
        .unwrap_or(first.len());
    let mut central = first[cd_at..eocd].to_vec();
    let mut out = first[..cd_at].to_vec();
    let name = b"word/document.xml";
    let offset = u32::try_from(out.len()).unwrap_or(0);
    let packed = u32::try_from(data.len()).unwrap_or(0);
    let name_len = u16::try_from(name.len()).unwrap_or(0);
    // Local header: version 20, no flags, deflate (8), time and date zero.
    out.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00");
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&packed.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&name_len.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(name);
    out.extend_from_slice(&data);
    central.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00");
    central.extend_from_slice(&crc.to_le_bytes());
    central.extend_from_slice(&packed.to_le_bytes());
    central.extend_from_slice(&size.to_le_bytes());
    central.extend_from_slice(&name_len.to_le_bytes());
    central.extend_from_slice(&[0; 12]);
    central.extend_from_slice(&offset.to_le_bytes());
    central.extend_from_slice(name);
    let cd_offset = u32::try_from(out.len()).unwrap_or(0);
    let cd_size = u32::try_from(central.len()).unwrap_or(0);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00\x02\x00\x02\x00");
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[tokio::test]
async fn the_gibibyte_docx_is_a_real_zip_bomb() {
    use std::io::Read as _;
    let bomb = gibibyte_docx();
    assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
    assert_eq!(
        documents::sniff::sniff(&bomb),
        Some(documents::sniff::Kind::Docx)
    );
    // It really unpacks: the first 10 MB come out as zeros.
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(&bomb)).unwrap_or_else(|e| panic!("{e}"));
    let mut doc = zip
        .by_name("word/document.xml")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.size(), 1 << 30);
    let mut start = vec![1u8; 10 << 20];
    doc.read_exact(&mut start).unwrap_or_else(|e| panic!("{e}"));
    assert!(start.iter().all(|b| *b == 0));
}

#[tokio::test]
async fn documents_that_declare_too_much_are_refused_before_they_are_kept() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{}/documents", app.fixtures.event);
    c.get(&path).await;
    let before = content(&app).await;
    let huge = png_declaring(100_000, 100_000);
    let res = c
        .post_multipart(&path, &[("title", "Plakāts")], "file", "plakats.png", &huge)
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("50 megapikseļu"), "{}", res.text);
    assert!(
        res.text.contains("value=\"Plakāts\""),
        "the title typed stays"
    );
    let res = c
        .post_multipart(
            &path,
            &[("title", "Plakāts"), ("public", "1")],
            "file",
            "plakats.png",
            &huge,
        )
        .await;
    assert!(
        res.text.contains("name=\"public\" value=\"1\" checked"),
        "the public box stays ticked"
    );
    let res = c
        .post_multipart(
            &path,
            &[("title", "Protokols")],
            "file",
            "protokols.docx",
            &gibibyte_docx(),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("atpakots tas būtu daudzkārt lielāks"),
        "{}",
        res.text
    );
    assert_eq!(content(&app).await, before, "nothing is stored");
    let files = std::fs::read_dir(app.state.settings().files_dir())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(files, 0, "no file is kept");
    // A photo of ordinary size still goes.
    let fine = png_declaring(4_000, 3_000);
    let res = c
        .post_multipart(&path, &[("title", "Plakāts")], "file", "plakats.png", &fine)
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(healthy(&c).await);
}

/// Reads until the server closes the connection; `true` if it did within `secs`.
async fn closed_within(stream: &mut tokio::net::TcpStream, secs: u64) -> bool {
    use tokio::io::AsyncReadExt as _;
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn slow_clients_are_cut_off_while_healthz_keeps_answering() {
    use tokio::io::AsyncWriteExt as _;
    let app = TestApp::spawn_with(|s| {
        s.server.header_read_seconds = 1;
        s.server.body_read_seconds = 1;
    })
    .await;
    let mut slow = Vec::new();
    // Half-sent request heads, a byte now and then.
    for i in 0..30 {
        let mut s = tokio::net::TcpStream::connect(app.addr)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let _ = s
            .write_all(format!("GET /lv/calendar HTTP/1.1\r\nHost: x\r\nX-Slow-{i}: ").as_bytes())
            .await;
        slow.push(s);
    }
    // Silent connections.
    for _ in 0..20 {
        slow.push(
            tokio::net::TcpStream::connect(app.addr)
                .await
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    // A body that stops half-way.
    let mut body = tokio::net::TcpStream::connect(app.addr)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = body
        .write_all(b"POST /lv/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a")
        .await;
    // Everyone else is served meanwhile.
    let c = app.client();
    assert!(healthy(&c).await);
    assert_eq!(c.get("/lv/calendar").await.status, 200);
    for (i, s) in slow.iter_mut().enumerate() {
        assert!(closed_within(s, 5).await, "slow connection {i} still open");
    }
    assert!(
        closed_within(&mut body, 5).await,
        "the stalled body's connection is still open"
    );
    // A kept-alive connection that goes quiet is closed too.
    let mut idle = tokio::net::TcpStream::connect(app.addr)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = idle
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    assert!(
        closed_within(&mut idle, 5).await,
        "an idle kept-alive connection stays open"
    );
    assert!(healthy(&c).await);
}

#[tokio::test]
async fn connections_over_the_cap_wait_for_a_slot_and_are_served() {
    let app = TestApp::spawn_with(|s| {
        s.server.header_read_seconds = 1;
        s.server.max_connections = 4;
    })
    .await;
    // Four silent clients take every slot ...
    let mut silent = Vec::new();
    for _ in 0..4 {
        silent.push(
            tokio::net::TcpStream::connect(app.addr)
                .await
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    // ... so a real client waits until they are cut off, then is answered.
    let started = std::time::Instant::now();
    assert!(healthy(&app.client()).await);
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(500),
        "the cap held: {:?}",
        started.elapsed()
    );
    for s in &mut silent {
        assert!(closed_within(s, 5).await);
    }
}

#[tokio::test]
async fn a_worker_whose_run_panics_starts_again() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let app = TestApp::spawn().await;
    let runs = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&runs);
    let worker = tokio::spawn(web::workers::supervise(
        app.state.clone(),
        "flaky",
        std::time::Duration::from_millis(100),
        move |_| {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                assert_ne!(n, 0, "the first run panics, as the mail parser once did");
                Ok(())
            }
        },
    ));
    let mut status = None;
    for _ in 0..100 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        status = app
            .state
            .workers()
            .snapshot()
            .into_iter()
            .find(|(name, _)| *name == "flaky")
            .map(|(_, s)| s);
        if status.as_ref().is_some_and(|s| s.last_success.is_some()) {
            break;
        }
    }
    worker.abort();
    let status = status.unwrap_or_else(|| panic!("the worker is not recorded"));
    assert_eq!(status.panics, 1);
    assert!(status.last_failure.is_some() && status.last_success.is_some());
    assert!(runs.load(Ordering::SeqCst) >= 2);
}

#[tokio::test]
async fn readiness_reports_the_workers_and_the_outbox_and_fails_when_one_is_overdue() {
    let app = TestApp::spawn().await;
    let c = app.client();
    // Both workers run once at the start.
    let mut body = serde_json::Value::Null;
    for _ in 0..50 {
        let res = c.get("/readyz").await;
        body = res.json();
        let ran = body["workers"]
            .as_array()
            .is_some_and(|w| w.len() == 2 && w.iter().all(|w| w["last_success"].is_string()));
        if res.status == 200 && ran {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(body["status"], "ready", "{body}");
    assert_eq!(body["database"], true);
    let names: Vec<&str> = body["workers"]
        .as_array()
        .map(|w| w.iter().filter_map(|w| w["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["jobs", "mail"]);
    assert!(body["outbox"]["waiting"].is_i64(), "{body}");
    // An hour later the scheduled jobs (every ten minutes) have not run: not ready.
    app.advance_minutes(60);
    let res = c.get("/readyz").await;
    assert_eq!(res.status, 503);
    let body = res.json();
    let jobs = body["workers"]
        .as_array()
        .and_then(|w| w.iter().find(|w| w["name"] == "jobs").cloned())
        .unwrap_or_default();
    assert_eq!(jobs["overdue"], true, "{body}");
    // The liveness check is about the database only.
    assert_eq!(c.get("/healthz").await.status, 200);
}

/// "Anna" followed by a right-to-left override: shown as "Annaexe.gnp", it is not.
const OVERRIDE: &str = "Anna\u{202E}gnp.exe";

#[tokio::test]
async fn text_that_hides_itself_is_refused_in_forms_imports_and_the_api() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    // Forms: a title with a direction override, a title with a line break.
    c.get("/lv/events/new").await;
    let event = |title: &'static str, description: &'static str| {
        vec![
            ("event_type", "interministerial"),
            ("title_lv", title),
            ("description_lv", description),
            ("date", "2027-01-12"),
            ("start", "10:00"),
            ("end", "12:00"),
        ]
    };
    let res = c
        .post_form("/lv/events", &event("Sanāksme\u{2067}x\u{2069}", ""))
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("neredzamas rakstzīmes"), "{}", res.text);
    assert!(res.text.contains("id=\"title_lv-error\""));
    let res = c
        .post_form("/lv/events", &event("Sanāksme\nOtrā rinda", ""))
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("vienā rindā"), "{}", res.text);
    // A description is several lines, and may be.
    let res = c
        .post_form("/lv/events", &event("Sanāksme", "Pirmā rinda\nOtrā rinda"))
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // The API: the same rules, as a field error.
    let secret = crate::api::token_for(&app, Role::Coordinator).await;
    let api = app.client();
    api.set_header("authorization", &format!("Bearer {secret}"));
    let res = api
        .send(
            api.http()
                .post(api.url("/api/v1/organisations"))
                .header("content-type", "application/json")
                .body(serde_json::json!({ "name_lv": OVERRIDE, "kind": "media" }).to_string()),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert_eq!(res.json()["errors"][0]["field"], "name_lv", "{}", res.text);
    // An import: the row is skipped with its reason, the others go.
    c.get("/lv/people/import").await;
    let file = format!(
        "Vārds, uzvārds;E-pasts\n{OVERRIDE};anna@x.test.invalid\nIlze Priede;ilze@x.test.invalid\n"
    );
    let res = c
        .post_multipart("/lv/people/import", &[], "file", "a.csv", file.as_bytes())
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview_path = res.location().unwrap_or_default().to_owned();
    let preview = c.get(&preview_path).await.text;
    assert!(preview.contains("Tiks izlaista"), "{preview}");
    assert!(
        preview.contains("neredzamas rakstzīmes"),
        "the reason, not \"no name\""
    );
    assert!(
        !preview.contains('\u{202E}'),
        "shown without turning the text around"
    );
    assert!(preview.contains("Ilze Priede"));
    let done = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(done.status, 303, "{}", done.text);
    // Only the uploaded file's own preview (kept until it expires) holds the text.
    let stored: String = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default()
        .split("## ")
        .filter(|t| !t.starts_with("import_batches"))
        .collect();
    assert!(stored.contains("Ilze Priede"));
    assert!(!stored.contains('\u{202E}'), "nothing hidden is stored");
}

#[cfg(unix)]
pub(crate) fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[cfg(unix)]
#[tokio::test]
async fn every_file_the_platform_makes_is_its_owners_only() {
    use crate::cli::{GOOD_PASSWORD, Server, add_user, path_str, sibling, tempdir};
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    add_user(dir.path(), &db, "ilze@example.lv", GOOD_PASSWORD).await;
    let mut server = Server::start(dir.path(), &db).await;
    assert_eq!(crate::cli::healthz(&server.base).await, 200);
    for file in [
        db.clone(),
        sibling(&db, "-wal"),
        sibling(&db, "-shm"),
        sibling(&db, ".lock"),
        sibling(&db, ".key"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    assert_eq!(server.terminate().await.code(), Some(0));
    let _ = path_str(&db);
    // Uploaded files and their directory.
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{}/documents", app.fixtures.event);
    c.get(&path).await;
    let res = c
        .post_multipart(
            &path,
            &[("title", "Protokols")],
            "file",
            "p.pdf",
            b"%PDF-1.7\n%%EOF",
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let files = app.state.settings().files_dir();
    assert_eq!(mode(&files), 0o700);
    for f in std::fs::read_dir(&files).into_iter().flatten().flatten() {
        assert_eq!(mode(&f.path()), 0o600, "{}", f.path().display());
    }
    assert_eq!(mode(&app.state.settings().database), 0o600);
}

#[tokio::test]
async fn a_database_from_a_newer_or_different_program_is_refused_and_left_unchanged() {
    use crate::cli::{GOOD_PASSWORD, add_user, open_read_only, path_str, roma, tempdir};
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    add_user(dir.path(), &db, "ilze@example.lv", GOOD_PASSWORD).await;
    roma(dir.path(), &["migrate", "--database", path_str(&db)], None)
        .await
        .success();
    // Every applied migration carries this program's checksum.
    let mut conn = open_read_only(&db).await;
    let sums: Vec<(i64, Option<String>)> =
        sqlx::query_as("SELECT version, checksum FROM schema_migrations ORDER BY version")
            .fetch_all(&mut conn)
            .await
            .unwrap_or_default();
    drop(conn);
    assert_eq!(sums.len(), store::migrate::MIGRATIONS.len());
    for ((version, sum), (v, _, sql, _)) in sums.iter().zip(store::migrate::MIGRATIONS) {
        assert_eq!(version, v);
        assert_eq!(sum.as_deref(), Some(store::migrate::checksum(sql).as_str()));
    }
    let rows = |db: std::path::PathBuf| async move {
        let mut conn = open_read_only(&db).await;
        let r: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap_or_default();
        r
    };
    let tamper = |sql: &'static str| {
        let db = db.clone();
        async move {
            use sqlx::Connection as _;
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            sqlx::query(sql)
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let _ = conn.close().await;
        }
    };
    // An applied migration that differs from the program's.
    tamper("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3").await;
    let before = rows(db.clone()).await;
    for args in [
        vec!["migrate", "--database", path_str(&db)],
        vec![
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--database",
            path_str(&db),
        ],
    ] {
        let out = roma(dir.path(), &args, None).await;
        let line = out.failure();
        assert!(
            line.contains("migration 3 (directory) as applied differs")
                && line.contains("nothing changed"),
            "{out}"
        );
    }
    assert_eq!(rows(db.clone()).await, before, "nothing changed");
    // A migration from a newer program.
    tamper("UPDATE schema_migrations SET checksum = NULL WHERE version = 3").await;
    tamper("INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (999, 'future', 0, 'x')").await;
    let out = roma(dir.path(), &["migrate", "--database", path_str(&db)], None).await;
    assert!(
        out.failure().contains("applied by a newer program"),
        "{out}"
    );
    // A backup of such a database is not restored either.
    let other = dir.path().join("other.db");
    add_user(dir.path(), &other, "anna@example.lv", GOOD_PASSWORD).await;
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&other),
            "--from",
            path_str(&db),
        ],
        None,
    )
    .await;
    assert!(
        out.failure().contains("applied by a newer program"),
        "{out}"
    );
}

#[tokio::test]
async fn a_backup_is_one_archive_of_database_and_files_checked_and_restored_whole() {
    use sha2::Digest as _;

    use crate::cli::{GOOD_PASSWORD, add_user, path_str, roma, sibling, tempdir, user_emails};
    let dir = tempdir();
    let db = dir.path().join("roma.db");
    add_user(dir.path(), &db, "ilze@example.lv", GOOD_PASSWORD).await;
    // Two uploaded files, kept under their SHA-256 as the platform keeps them.
    let files = sibling(&db, ".files");
    std::fs::create_dir_all(&files).unwrap_or_else(|e| panic!("{e}"));
    let contents: [&[u8]; 2] = [
        b"%PDF-1.7 protokols\n%%EOF",
        b"%PDF-1.7 darba kartiba\n%%EOF",
    ];
    for bytes in contents {
        let name = format!("{:x}", sha2::Sha256::digest(bytes));
        std::fs::write(files.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let archive = dir.path().join("roma-backup.zip");
    let out = roma(
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
    .await;
    out.success();
    assert!(out.stdout.contains("and 2 files"), "{out}");
    assert!(!sibling(&archive, ".part").exists() && !sibling(&archive, ".database-part").exists());
    #[cfg(unix)]
    assert_eq!(mode(&archive), 0o600);
    let out = roma(
        dir.path(),
        &["backup", "--verify", path_str(&archive)],
        None,
    )
    .await;
    out.success();
    assert!(
        out.stdout.contains("is sound") && out.stdout.contains("2 files"),
        "{out}"
    );
    // One changed byte in a file is found, and such an archive is not restored.
    let mut bytes = std::fs::read(&archive).unwrap_or_default();
    let at = bytes
        .windows(10)
        .position(|w| w == b"protokols\n")
        .unwrap_or_else(|| panic!("the file is stored as it is"));
    bytes[at] = b'P';
    let damaged = dir.path().join("damaged.zip");
    std::fs::write(&damaged, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let out = roma(
        dir.path(),
        &["backup", "--verify", path_str(&damaged)],
        None,
    )
    .await;
    // The archive's own CRC or the manifest's SHA-256, whichever reads it first.
    assert!(out.failure().contains("checksum"), "{out}");
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&damaged),
        ],
        None,
    )
    .await;
    assert!(out.failure().contains("nothing restored"), "{out}");
    // After the backup: a file lost, a stray one, another account.
    let first = format!("{:x}", sha2::Sha256::digest(contents[0]));
    std::fs::remove_file(files.join(&first)).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(files.join("ffff"), b"later").unwrap_or_else(|e| panic!("{e}"));
    add_user(dir.path(), &db, "anna@example.lv", GOOD_PASSWORD).await;
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&archive),
        ],
        None,
    )
    .await;
    out.success();
    assert!(out.stdout.contains("and its files"), "{out}");
    let mut kept: Vec<Vec<u8>> = std::fs::read_dir(&files)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| std::fs::read(e.path()).unwrap_or_default())
        .collect();
    kept.sort();
    let mut expected: Vec<Vec<u8>> = contents.iter().map(|c| c.to_vec()).collect();
    expected.sort();
    assert_eq!(kept, expected, "the files are as they were at the backup");
    let mut conn = crate::cli::open_read_only(&db).await;
    assert_eq!(
        user_emails(&mut conn).await,
        vec!["ilze@example.lv".to_owned()]
    );
    let _ = sqlx::Connection::close(conn).await;
    assert!(!sibling(&files, ".replaced").exists() && !sibling(&files, ".restoring").exists());
    // A restore that stopped half-way left files aside: the next one changes nothing.
    std::fs::create_dir_all(sibling(&files, ".replaced")).unwrap_or_else(|e| panic!("{e}"));
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&archive),
        ],
        None,
    )
    .await;
    assert!(out.failure().contains("did not finish"), "{out}");
    std::fs::remove_dir(sibling(&files, ".replaced")).unwrap_or_else(|e| panic!("{e}"));
    // A plain database copy, as earlier versions made backups, still restores.
    let plain = dir.path().join("plain.db");
    let mut conn = crate::cli::open_read_only(&db).await;
    sqlx::query("VACUUM INTO $1")
        .bind(path_str(&plain))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = sqlx::Connection::close(conn).await;
    let out = roma(
        dir.path(),
        &[
            "restore",
            "--database",
            path_str(&db),
            "--from",
            path_str(&plain),
        ],
        None,
    )
    .await;
    out.success();
    assert!(out.stdout.contains("without the uploaded files"), "{out}");
}

#[tokio::test]
async fn one_address_cannot_take_every_connection() {
    let app = TestApp::spawn_with(|s| {
        s.server.header_read_seconds = 10;
        s.server.max_connections_per_address = 3;
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(
            tokio::net::TcpStream::connect(app.addr)
                .await
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    // Give the server a moment to count them, then the fourth is closed at once.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut fourth = tokio::net::TcpStream::connect(app.addr)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        closed_within(&mut fourth, 2).await,
        "the fourth connection stays open"
    );
    // The three are still held (their ten seconds are not up).
    drop(held);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(healthy(&app.client()).await, "served once they are gone");
}

#[tokio::test]
async fn a_flood_of_anonymous_registrations_stops_at_the_events_hourly_cap() {
    let app = TestApp::spawn_with(|s| {
        s.public_forms.max_registrations_per_event_hour = 5;
        // Each attempt from its own address: the per-address ceiling is not what stops it.
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap_or_else(|e| panic!("{e}"))];
    })
    .await;
    let event = crate::registrations::event_with(&app, None, true).await;
    let form = format!("/lv/calendar/{event}/register");
    let mut statuses = Vec::new();
    for i in 0..20 {
        let c = app.client();
        c.set_header("x-forwarded-for", &format!("203.0.113.{i}"));
        c.get(&form).await;
        let email = format!("cits{i}@example.invalid");
        let res = c
            .post_form(
                &form,
                &[
                    ("name", "Kāds Cits"),
                    ("email", email.as_str()),
                    ("organisation", "Nav"),
                    ("notice", "1"),
                ],
            )
            .await;
        statuses.push(res.status);
        if res.status == 429 {
            assert!(
                res.text.contains("pieteicies ļoti daudz cilvēku"),
                "{}",
                res.text
            );
            assert!(
                res.text.contains("value=\"Kāds Cits\""),
                "what was typed stays"
            );
        }
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        5,
        "{statuses:?}"
    );
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 15);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert_eq!(mails.len(), 5, "no mail beyond the cap");
    // An hour later the event takes sign-ups again.
    app.advance_minutes(61);
    let c = app.client();
    c.get(&form).await;
    let res = c
        .post_form(
            &form,
            &[
                ("name", "Vēlāka Dalībniece"),
                ("email", "velaka@example.invalid"),
                ("organisation", "Nav"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
}

#[tokio::test]
async fn every_public_form_counts_against_one_ceiling_per_address() {
    let app = TestApp::spawn_with(|s| s.public_forms.max_posts_per_address = 3).await;
    let event = crate::registrations::event_with(&app, None, true).await;
    let form = format!("/lv/calendar/{event}/register");
    let c = app.client();
    c.get(&form).await;
    // Three posts (wrong ones count too) ...
    for _ in 0..3 {
        let res = c.post_form(&form, &[("name", "")]).await;
        assert_eq!(res.status, 422);
    }
    // ... then the registration, a feedback answer or an invitation answer is refused.
    let res = c.post_form(&form, &[("name", "")]).await;
    assert_eq!(res.status, 429);
    assert!(res.text.contains("Pārāk daudz mēģinājumu"), "{}", res.text);
    assert!(res.header("retry-after").is_some());
    let res = c.post_form("/lv/feedback/nav-tada", &[]).await;
    assert_eq!(res.status, 429);
    // Logging in is throttled on its own rules, not by this ceiling.
    let staff = app.login(Role::Coordinator).await;
    assert_eq!(staff.get("/lv/workspace").await.status, 200);
    // After the window the address may post again.
    app.advance_minutes(11);
    assert_eq!(c.post_form(&form, &[("name", "")]).await.status, 422);
}

//! Reports (issue 8): the annual summary report over the demo data, in both languages and
//! both audiences, as HTML, PDF, DOCX and XLSX, with the same figures as the screens.

use std::io::Read as _;

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// A test app with the demo data (its own fixture event taken out first: the demo loads
/// its three years of meetings only into a platform without events).
pub(crate) async fn with_demo() -> TestApp {
    let app = TestApp::spawn().await;
    use sqlx::Connection as _;
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&app.settings.database)
        .busy_timeout(std::time::Duration::from_secs(10));
    let mut conn = ok(sqlx::SqliteConnection::connect_with(&opts).await);
    // IMMEDIATE: a deferred transaction that reads first cannot wait for the app's own
    // writers (its upgrade to a write fails at once with "database is locked").
    let mut tx = ok(conn.begin_with("BEGIN IMMEDIATE").await);
    let tables: Vec<String> = ok(sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND p.name = 'event_id' AND m.name NOT LIKE '%fts%'",
    )
    .fetch_all(&mut *tx)
    .await);
    for t in tables {
        ok(sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {t}")))
            .execute(&mut *tx)
            .await);
    }
    ok(sqlx::query("DELETE FROM events").execute(&mut *tx).await);
    ok(tx.commit().await);
    assert!(ok(demo::seed(
        &app.db,
        app.clock_now(),
        app.state.keyring()
    )
    .await));
    app
}

fn year_filter(public: bool) -> store::statistics::Filter {
    store::statistics::Filter::between(
        jiff::civil::date(2025, 1, 1),
        jiff::civil::date(2025, 12, 31),
        public,
    )
}

/// Words of a PDF's text (pdftotext), whitespace and no-break spaces collapsed.
pub(crate) fn pdf_words(pdf: &[u8]) -> String {
    let dir = ok(tempfile::tempdir());
    let file = dir.path().join("r.pdf");
    ok(std::fs::write(&file, pdf));
    let out = ok(std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output());
    String::from_utf8_lossy(&out.stdout)
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const ANNUAL: &str = "/lv/report-builder?kind=annual&year=2025";

#[tokio::test]
async fn the_annual_report_has_the_statistics_screen_figures_exact_or_controlled() {
    let app = with_demo().await;
    let c = app.login(Role::Coordinator).await;
    let exact = ok(store::statistics::participation(
        &app.db,
        &year_filter(false),
        app.state.settings().youth(),
    )
    .await);
    assert!(exact.participants > 100, "{exact:?}");

    let page = c.get(&format!("{ANNUAL}&rlang=lv&audience=internal")).await;
    assert_eq!(page.status, 200, "{}", page.text);
    for heading in [
        "Latvijas romu platformas ikgadējās koordinācijas sanāksmes kopsavilkuma ziņojums",
        ">Gada pasākumi</h3>",
        ">Dalība</h3>",
        ">Romu mediācija</h3>",
        ">Turpmākās darbības</h3>",
        ">Pasākumu plāna izpilde</h3>",
        ">Labā prakse un veiksmes stāsti</h3>",
        "<caption>Dalībnieki pēc ieinteresētās puses kategorijas</caption>",
    ] {
        assert!(page.text.contains(heading), "{heading}");
    }
    let participants = format!(
        "<dt>Dalībnieki (katrs vienu reizi)</dt><dd>{}</dd>",
        web::i18n::number(web::i18n::Lang::Lv, exact.participants)
    );
    assert!(page.text.contains(&participants), "{participants}");
    // The coordinators' statistics screen shows the same figure.
    let screen = c.get("/lv/statistics?from=2025-01-01&to=2025-12-31").await;
    assert!(
        screen
            .text
            .contains(&web::i18n::number(web::i18n::Lang::Lv, exact.participants)),
        "the screen's figure"
    );

    // The public report: only public events, every count of people under control.
    let public = ok(store::statistics::participation(
        &app.db,
        &year_filter(true),
        app.state.settings().youth(),
    )
    .await);
    let page = c.get(&format!("{ANNUAL}&rlang=lv&audience=public")).await;
    assert_eq!(page.status, 200);
    let controlled = domain::participation::publish_one(public.participants);
    let shown = format!(
        "<dt>Dalībnieki (katrs vienu reizi)</dt><dd>{}</dd>",
        controlled.value().map_or_else(
            || controlled.text(),
            |v| web::i18n::number(web::i18n::Lang::Lv, v)
        )
    );
    assert!(page.text.contains(&shown), "{shown}");
    assert!(page.text.contains("mazi skaitļi") || page.text.contains("&lt;10"));
    if public.participants % 5 != 0 {
        assert!(!page.text.contains(&format!(
            "<dd>{}</dd>",
            web::i18n::number(web::i18n::Lang::Lv, public.participants)
        )));
    }

    // The follow-up actions' list (titles, owners, due dates) is for the workspace: the
    // public report gives their counts only.
    assert!(!page.text.contains("Turpmākās darbības pēc pasākuma"));
    assert!(
        c.get(&format!("{ANNUAL}&rlang=lv&audience=internal"))
            .await
            .text
            .contains("Turpmākās darbības pēc pasākuma")
    );

    // English.
    let page = c
        .get("/en/report-builder?kind=annual&year=2025&rlang=en&audience=internal")
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text
            .contains("Summary Report on the Annual Latvian Roma Platform Coordination Meeting")
    );
    assert!(page.text.contains(">Participation</h3>"));
    app.stop().await;
}

#[tokio::test]
async fn the_annual_report_downloads_as_pdf_docx_and_xlsx() {
    let app = with_demo().await;
    let c = app.login(Role::Coordinator).await;
    let q = "/lv/report-builder/download?kind=annual&year=2025&rlang=lv&audience=internal";

    let started = std::time::Instant::now();
    let (status, pdf) = c.get_bytes(&format!("{q}&format=pdf")).await;
    eprintln!(
        "annual report PDF over the demo data: {:?}",
        started.elapsed()
    );
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF-"));
    let words = pdf_words(&pdf);
    for needle in [
        "Latvijas romu platformas ikgadējās koordinācijas sanāksmes kopsavilkuma ziņojums",
        "Gada pasākumi",
        "Dalībnieki pēc ieinteresētās puses kategorijas",
        "Romu mediācija",
        "Pasākumu plāna izpilde",
    ] {
        assert!(words.contains(needle), "{needle} not in the PDF");
    }

    let (status, docx) = c.get_bytes(&format!("{q}&format=docx")).await;
    assert_eq!(status, 200);
    let mut zip = ok(zip::ZipArchive::new(std::io::Cursor::new(docx)));
    let mut document = String::new();
    ok(ok(zip.by_name("word/document.xml")).read_to_string(&mut document));
    assert!(document.contains("Gada pasākumi"));
    assert!(document.contains("<w:pStyle w:val=\"Heading1\"/>"));

    let (status, xlsx) = c.get_bytes(&format!("{q}&format=xlsx")).await;
    assert_eq!(status, 200);
    use calamine::{Data, Reader as _};
    let mut book = ok(calamine::Xlsx::new(std::io::Cursor::new(xlsx)));
    let names = book.sheet_names();
    assert!(names.iter().any(|n| n == "Pasākumi pēc veida"), "{names:?}");
    let Some(sheet) = names
        .iter()
        .find(|n| n.starts_with("Dalībnieki pēc ieinteres"))
    else {
        panic!("{names:?}")
    };
    let by_category = ok(book.worksheet_range(sheet));
    // Title, blank, header, then rows: a number under "Dalībnieki".
    assert_eq!(
        by_category.get((2, 1)),
        Some(&Data::String("Dalībnieki (katrs vienu reizi)".to_owned()))
    );
    assert!(matches!(by_category.get((3, 1)), Some(Data::Float(_))));

    let (status, csv) = c.get_bytes(&format!("{q}&format=csv")).await;
    assert_eq!(status, 200);
    assert!(csv.starts_with("\u{feff}".as_bytes()));
    let csv = String::from_utf8_lossy(&csv);
    assert!(
        csv.contains("\r\nPasākumi pēc veida\r\nVeids;Pasākumi\r\n"),
        "{csv}"
    );

    assert_eq!(c.get_bytes(&format!("{q}&format=odt")).await.0, 404);
    app.stop().await;
}

#[tokio::test]
async fn narratives_are_saved_per_report_and_language_and_bad_input_is_kept() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let base = [
        ("kind", "annual"),
        ("year", "2026"),
        ("rlang", "lv"),
        ("audience", "public"),
    ];
    let mut fields = base.to_vec();
    fields.push((
        "introduction",
        "Gads bija ražīgs.\n\nOtrā rindkopa — ģimenes, skolas.",
    ));
    fields.push(("challenges", ""));
    let saved = c.post_form("/lv/report-builder/narratives", &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let page = c
        .get("/lv/report-builder?kind=annual&year=2026&rlang=lv&audience=public")
        .await;
    assert!(page.text.contains("<h3 id=\"introduction-h\">Ievads</h3>"));
    assert!(
        page.text
            .contains("<p>Otrā rindkopa — ģimenes, skolas.</p>")
    );
    // Not in the English report, nor another year's.
    let en = c
        .get("/lv/report-builder?kind=annual&year=2026&rlang=en&audience=public")
        .await;
    assert!(!en.text.contains("Gads bija ražīgs"));

    // Too long: refused next to the field, the text kept, nothing saved.
    let long = "ā".repeat(20_001);
    let mut fields = base.to_vec();
    fields.push(("introduction", &long));
    let refused = c.post_form("/lv/report-builder/narratives", &fields).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text.contains("id=\"introduction-error\""));
    assert!(refused.text.contains(&long));
    let page = c
        .get("/lv/report-builder?kind=annual&year=2026&rlang=lv&audience=public")
        .await;
    assert!(page.text.contains("Gads bija ražīgs"));

    // A year out of range is a message next to the field, not an error page.
    let bad = c
        .get("/lv/report-builder?kind=annual&year=1990&rlang=lv&audience=public")
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("id=\"year-error\""));
    assert!(bad.text.contains("value=\"1990\""));
    app.stop().await;
}

fn issued_id(location: Option<&str>) -> i64 {
    let location = location.unwrap_or_default();
    let rest = location
        .split("/report-builder/issued/")
        .nth(1)
        .unwrap_or_default();
    ok(rest.split('?').next().unwrap_or_default().parse::<i64>())
}

#[tokio::test]
async fn an_issued_report_is_frozen_and_a_public_one_is_published_until_withdrawn() {
    let app = TestApp::spawn().await;
    // After the year's one event has begun: the report counts events held.
    app.after_the_event_began();
    let c = app.login(Role::Coordinator).await;
    let choice = |audience: &'static str| {
        vec![
            ("kind", "annual"),
            ("year", "2026"),
            ("rlang", "lv"),
            ("audience", audience),
        ]
    };
    let mut fields = choice("public");
    fields.push(("introduction", "Pirmais teksts par gadu."));
    assert_eq!(
        c.post_form("/lv/report-builder/narratives", &fields)
            .await
            .status,
        303
    );
    let issued = c
        .post_form("/lv/report-builder/issue", &choice("public"))
        .await;
    assert_eq!(issued.status, 303, "{}", issued.text);
    let first = issued_id(issued.location());
    let page = c.get(&format!("/lv/report-builder/issued/{first}")).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Pirmais teksts par gadu."));
    assert!(page.text.contains("Izdots 2026. gada 10. decembris"));
    for format in ["html", "pdf", "docx", "xlsx"] {
        assert!(
            page.text.contains(&format!("/{first}/{format}\"")),
            "{format}"
        );
    }
    let (status, pdf) = c
        .get_bytes(&format!("/lv/report-builder/issued/{first}/pdf"))
        .await;
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF-"));
    let (_, html) = c
        .get_bytes(&format!("/lv/report-builder/issued/{first}/html"))
        .await;
    assert!(String::from_utf8_lossy(&html).starts_with("<!DOCTYPE html>"));
    let snapshot = ok(store::reports::snapshot(&app.db, first).await);

    // The data changes: the draft follows, the issued report does not.
    let mut fields = choice("public");
    fields.push(("introduction", "Otrais teksts pēc izdošanas."));
    c.post_form("/lv/report-builder/narratives", &fields).await;
    app.advance_minutes(10);
    let draft = c
        .get("/lv/report-builder?kind=annual&year=2026&rlang=lv&audience=public")
        .await;
    assert!(draft.text.contains("Otrais teksts pēc izdošanas."));
    let page = c.get(&format!("/lv/report-builder/issued/{first}")).await;
    assert!(page.text.contains("Pirmais teksts par gadu."));
    assert!(!page.text.contains("Otrais teksts"));
    assert_eq!(
        c.get_bytes(&format!("/lv/report-builder/issued/{first}/pdf"))
            .await
            .1,
        pdf
    );
    assert_eq!(ok(store::reports::snapshot(&app.db, first).await), snapshot);
    let stored = ok(store::reports::issued_one(&app.db, first, false).await);
    let pdf_sha = stored
        .files
        .iter()
        .find(|f| f.0 == "pdf")
        .map(|f| f.2.clone())
        .unwrap_or_default();
    {
        use sha2::Digest as _;
        assert_eq!(pdf_sha, format!("{:x}", sha2::Sha256::digest(&pdf)));
    }

    // Issued again: a second report beside the first.
    let second = issued_id(
        c.post_form("/lv/report-builder/issue", &choice("public"))
            .await
            .location(),
    );
    assert_ne!(first, second);
    let internal = issued_id(
        c.post_form("/lv/report-builder/issue", &choice("internal"))
            .await
            .location(),
    );
    // The list of issued reports as a file: the three, each with its PDF's SHA-256.
    let (status, list) = c
        .get_bytes("/lv/report-builder/issued/export?format=csv")
        .await;
    assert_eq!(status, 200);
    let list = String::from_utf8_lossy(&list).into_owned();
    let hash: String = {
        use sha2::Digest as _;
        sha2::Sha256::digest(&pdf)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert_eq!(list.lines().count(), 4, "{list}");
    assert!(list.contains(&hash), "{hash}: {list}");
    assert!(list.contains("iekšējs (precīzi dalības skaitļi)"), "{list}");

    // The public sees the public ones, never the internal one.
    let visitor = app.client();
    let list = visitor.get("/lv/publications").await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains(&format!("/lv/publications/{first}\"")));
    assert!(list.text.contains(&format!("/lv/publications/{second}\"")));
    assert!(
        !list
            .text
            .contains(&format!("/lv/publications/{internal}\""))
    );
    assert_eq!(
        visitor
            .get(&format!("/lv/publications/{first}"))
            .await
            .status,
        200
    );
    let (status, public_csv) = visitor
        .get_bytes(&format!("/publications/{first}/csv"))
        .await;
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&public_csv).contains("Pasākumi"));
    let (status, public_pdf) = visitor
        .get_bytes(&format!("/publications/{first}/pdf"))
        .await;
    assert_eq!((status, public_pdf == pdf), (200, true));
    assert_eq!(
        visitor
            .get(&format!("/lv/publications/{internal}"))
            .await
            .status,
        404
    );
    assert_eq!(
        visitor
            .get_bytes(&format!("/publications/{internal}/pdf"))
            .await
            .0,
        404
    );
    assert_eq!(
        visitor
            .get_bytes(&format!("/publications/{first}/exe"))
            .await
            .0,
        404
    );

    // Taken off the site: gone for the public, kept for coordinators.
    let withdrawn = c
        .post_form(&format!("/lv/report-builder/issued/{first}/withdraw"), &[])
        .await;
    assert_eq!(withdrawn.status, 303);
    assert!(
        !visitor
            .get("/lv/publications")
            .await
            .text
            .contains(&format!("/lv/publications/{first}\""))
    );
    assert_eq!(
        visitor
            .get_bytes(&format!("/publications/{first}/pdf"))
            .await
            .0,
        404
    );
    assert_eq!(
        c.get_bytes(&format!("/lv/report-builder/issued/{first}/pdf"))
            .await
            .0,
        200
    );
    app.stop().await;
}

#[tokio::test]
async fn the_national_progress_report_sums_the_accepted_reports_of_the_year() {
    let app = with_demo().await;
    let c = app.login(Role::Coordinator).await;
    let page = c
        .get("/lv/report-builder?kind=national&year=2024&rlang=lv&audience=public")
        .await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        page.text
            .contains("Nacionālais progresa ziņojums par romu stratēģisko ietvaru")
    );
    assert!(page.text.contains(">Izglītība</h3>"));
    assert!(
        page.text
            .contains("Indikatori: bāzes vērtība, mērķis, pēdējā vērtība un atstarpe")
    );
    // Each measure's spending in 2024 is the sum of its accepted 2024 reports.
    let plans = ok(store::plans::list_public(&app.db).await);
    let plan = plans
        .iter()
        .find(|p| p.period_start <= 2024 && p.period_end >= 2024)
        .unwrap_or_else(|| panic!("a plan for 2024"));
    let measures = ok(store::measures::for_plan(&app.db, plan.id, None).await);
    let mut checked = 0;
    for m in &measures {
        let reports = ok(store::rounds::accepted_for_measure(&app.db, m.id).await);
        let spent: i64 = reports
            .iter()
            .filter(|r| r.period_end.year() == 2024)
            .filter_map(|r| r.spent_cents)
            .sum();
        if spent > 0 {
            let shown = documents::format::euro("lv", spent as f64 / 100.0);
            assert!(page.text.contains(&shown), "{}: {shown}", m.code);
            checked += 1;
        }
    }
    assert!(
        checked > 3,
        "measures with accepted 2024 reports: {checked}"
    );
    // People reached: exact for the internal report, under disclosure control publicly.
    let internal = c
        .get("/lv/report-builder?kind=national&year=2024&rlang=lv&audience=internal")
        .await;
    let mut compared = 0;
    for m in &measures {
        let reports = ok(store::rounds::accepted_for_measure(&app.db, m.id).await);
        let roma: i64 = reports
            .iter()
            .filter(|r| r.period_end.year() == 2024)
            .filter_map(|r| r.reached_roma)
            .sum();
        if roma > 9 && roma % 5 != 0 {
            let cell = |n: i64| {
                format!(
                    "<td class=\"num\">{}</td>",
                    web::i18n::number(web::i18n::Lang::Lv, n)
                )
            };
            assert!(internal.text.contains(&cell(roma)), "{}: {roma}", m.code);
            let rounded = domain::participation::publish_one(roma)
                .value()
                .unwrap_or(0);
            assert!(page.text.contains(&cell(rounded)), "{}: {rounded}", m.code);
            compared += 1;
        }
    }
    assert!(compared > 0);
    assert!(page.text.contains("Lai neviens nebūtu atpazīstams"));
    let en = c
        .get("/en/report-builder?kind=national&year=2024&rlang=en&audience=public")
        .await;
    assert!(
        en.text
            .contains("National Progress Report on the Roma Strategic Framework")
    );
    assert!(en.text.contains(">Education</h3>"));
    let (status, xlsx) = c
        .get_bytes("/lv/report-builder/download?kind=national&year=2024&rlang=en&audience=public&format=xlsx")
        .await;
    assert_eq!(status, 200);
    let book = ok(calamine::Xlsx::new(std::io::Cursor::new(xlsx)));
    use calamine::Reader as _;
    assert!(book.sheet_names().len() >= 2, "{:?}", book.sheet_names());
    app.stop().await;
}

#[tokio::test]
async fn the_grant_tables_count_each_activity_and_the_satisfied_share() {
    let app = with_demo().await;
    let c = app.login(Role::Coordinator).await;
    let page = c
        .get("/lv/report-builder?kind=grant&year=2025&rlang=lv&audience=internal")
        .await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        page.text
            .contains("Darbības granta pārskata tabulas Eiropas Komisijai")
    );
    // One line per activity of the year, with its own participants counted once.
    let (from, to) = (
        domain::event::riga_day_start(jiff::civil::date(2025, 1, 1)),
        domain::event::riga_day_start(jiff::civil::date(2026, 1, 1)),
    );
    let events: Vec<store::events::Event> = ok(store::events::in_range(
        &app.db,
        store::events::Scope::All,
        &store::events::EventFilter::default(),
        from,
        to,
        1000,
    )
    .await)
    .into_iter()
    .filter(|e| {
        e.starts_at >= from
            && !matches!(
                e.status,
                domain::event::EventStatus::Draft | domain::event::EventStatus::Cancelled
            )
    })
    .collect();
    assert!(events.len() > 5);
    let table = page
        .text
        .split("<table id=\"grant-activities\">")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap_or_default();
    assert_eq!(
        table.matches("<tr>").count(),
        events.len() + 1,
        "header + a row per event"
    );
    let e = &events[0];
    let mut f = year_filter(false);
    f.event_id = Some(e.id);
    let p = ok(store::statistics::participation(&app.db, &f, app.state.settings().youth()).await);
    assert!(p.participants > 0);
    let row = format!(
        "<td>{}</td><td class=\"num\">{}</td>",
        documents::escape_xml(e.title("lv")),
        web::i18n::number(web::i18n::Lang::Lv, p.participants)
    );
    assert!(table.contains(&row), "{row}");
    assert!(page.text.contains("Apmierināto daļa (vērtējums 4 vai 5)"));
    // The public version withholds small numbers.
    let public = c
        .get("/lv/report-builder?kind=grant&year=2025&rlang=lv&audience=public")
        .await;
    assert_eq!(public.status, 200);
    assert!(public.text.contains("&lt;10"));
    let en = c
        .get("/en/report-builder?kind=grant&year=2025&rlang=en&audience=internal")
        .await;
    assert!(
        en.text
            .contains("Operating Grant Report Tables for the European Commission")
    );
    app.stop().await;
}

#[tokio::test]
async fn lists_export_as_csv_with_a_bom_and_as_typed_xlsx() {
    use calamine::{Data, Reader as _};
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/events").await;
    assert!(page.text.contains("/lv/events/export?format=csv"));
    let (status, csv) = c.get_bytes("/lv/events/export?format=csv").await;
    assert_eq!(status, 200);
    assert!(csv.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8_lossy(&csv);
    assert!(text.contains("Datums;Laiks;Pasākuma veids"), "{text}");
    assert!(text.contains("2026-12-10;10:00;"), "{text}");
    assert!(text.contains("Ikgadējā sanāksme (tests)"));

    let (status, xlsx) = c
        .get_bytes("/lv/events/export?format=xlsx&type=annual_coordination")
        .await;
    assert_eq!(status, 200);
    let mut book = ok(calamine::Xlsx::new(std::io::Cursor::new(xlsx)));
    let sheet = book.sheet_names()[0].clone();
    let range = ok(book.worksheet_range(&sheet));
    assert!(
        matches!(range.get((1, 0)), Some(Data::DateTime(_))),
        "{:?}",
        range.get((1, 0))
    );
    assert_eq!(
        range.get((0, 6)),
        Some(&Data::String("Publisks".to_owned()))
    );
    // Filters apply: no workshop in the fixture.
    let (_, none) = c
        .get_bytes("/lv/events/export?format=csv&type=workshop")
        .await;
    assert_eq!(
        String::from_utf8_lossy(&none).lines().count(),
        1,
        "header only"
    );

    // The public calendar: the same list without the workspace's columns.
    let visitor = app.client();
    let (status, csv) = visitor
        .get_bytes("/en/calendar/export?format=csv&month=2026-12")
        .await;
    assert_eq!(status, 200);
    let text = String::from_utf8_lossy(&csv);
    assert!(
        text.contains("Annual meeting (test)") && !text.contains("Public"),
        "{text}"
    );

    // Lists with personal data: exported only by POST (CSRF) and audited.
    let event = app.fixtures.event;
    let regs = c
        .post_form(
            &format!("/lv/events/{event}/registrations/export"),
            &[("format", "csv")],
        )
        .await;
    assert_eq!(regs.status, 200);
    assert!(
        regs.text.contains("Vārds, uzvārds;E-pasts"),
        "{}",
        regs.text
    );
    let attendance = c
        .post_form(
            &format!("/lv/events/{event}/attendance/export"),
            &[("format", "xlsx")],
        )
        .await;
    assert_eq!(attendance.status, 200);
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let audited: Vec<(String, String)> = ok(sqlx::query_as(
        "SELECT action, detail FROM audit_log
         WHERE action IN ('registrations_exported', 'attendance_exported') ORDER BY id",
    )
    .fetch_all(&mut conn)
    .await);
    assert_eq!(audited.len(), 2, "{audited:?}");
    assert!(audited[0].1.starts_with("format=csv rows="));
    assert!(audited[1].1.starts_with("format=xlsx rows="));
    assert_eq!(
        c.post_form_raw(
            &format!("/lv/events/{event}/attendance/export"),
            &[("format", "csv")]
        )
        .await
        .status,
        403,
        "no CSRF token, no export"
    );

    // The accounts and the audit log (which then tells of both exports).
    let users = c
        .post_form("/lv/admin/users/export", &[("format", "csv")])
        .await;
    assert_eq!(users.status, 200);
    assert!(users.text.contains(&testkit::email_for(Role::Mediator)));
    let audit = c
        .post_form(
            "/lv/admin/audit/export",
            &[
                ("format", "csv"),
                ("action", ""),
                ("actor", ""),
                ("from", ""),
                ("until", ""),
            ],
        )
        .await;
    assert_eq!(audit.status, 200);
    assert!(
        audit
            .text
            .contains("Lietotāju saraksts lejupielādēts;users_exported"),
        "{}",
        audit.text
    );
    assert!(audit.text.contains("attendance_exported"));

    // The practice library's search as a file (public).
    let (status, practices) = visitor
        .get_bytes("/lv/practices/export?format=csv&q=mediatori")
        .await;
    assert_eq!(status, 200);
    assert!(
        String::from_utf8_lossy(&practices)
            .starts_with("\u{feff}Nosaukums;Vieta;No gada;Līdz gadam"),
        "{}",
        String::from_utf8_lossy(&practices)
    );

    let (status, actions) = c.get_bytes("/lv/actions/export?format=xlsx&show=all").await;
    assert_eq!(status, 200);
    let mut book = ok(calamine::Xlsx::new(std::io::Cursor::new(actions)));
    let sheet = book.sheet_names()[0].clone();
    let range = ok(book.worksheet_range(&sheet));
    assert_eq!(range.get((0, 4)), Some(&Data::String("Termiņš".to_owned())));
    app.stop().await;
}

#[tokio::test]
async fn the_desks_lists_export_too_and_the_story_desk_is_audited() {
    use calamine::Reader as _;
    let app = with_demo().await;
    let c = app.login(Role::Coordinator).await;
    for (page, export) in [
        (
            "/lv/practice-submissions",
            "/lv/practice-submissions/export",
        ),
        ("/lv/site/news", "/lv/site/news/export"),
    ] {
        assert!(
            c.get(page)
                .await
                .text
                .contains(&format!("{export}?format=xlsx")),
            "{page}"
        );
    }
    // Practices: every practice for a coordinator, with its organisation.
    let practices = ok(store::practices::lines(&app.db, 0, true).await);
    let (status, csv) = c
        .get_bytes("/lv/practice-submissions/export?format=csv")
        .await;
    assert_eq!(status, 200);
    let csv = String::from_utf8_lossy(&csv).into_owned();
    assert!(
        csv.starts_with("\u{feff}Nosaukums;Organizācija;Statuss;"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), practices.len() + 1);
    assert!(practices.iter().all(|p| csv.contains(&p.title_lv)));
    // News: titles in both languages and a real publication date.
    let news = ok(store::news::all(&app.db).await);
    let (status, xlsx) = c.get_bytes("/lv/site/news/export?format=xlsx").await;
    assert_eq!(status, 200);
    let mut book = ok(calamine::Xlsx::new(std::io::Cursor::new(xlsx)));
    let sheet = book.sheet_names()[0].clone();
    let range = ok(book.worksheet_range(&sheet));
    assert_eq!(range.height(), news.len() + 1);
    let published = news
        .iter()
        .position(|n| n.published_at.is_some())
        .unwrap_or_else(|| panic!("a published news item in the demo"));
    assert!(
        matches!(
            range.get((published + 1, 4)),
            Some(calamine::Data::DateTime(_))
        ),
        "{:?}",
        range.get((published + 1, 4))
    );
    // Stories: by POST with CSRF only, and audited.
    assert_eq!(
        c.post_form_raw("/lv/site/stories/export", &[("format", "csv")])
            .await
            .status,
        403
    );
    let stories = c
        .post_form("/lv/site/stories/export", &[("format", "csv")])
        .await;
    assert_eq!(stories.status, 200);
    assert!(
        stories.text.contains("Virsraksts;Statuss;Piekrišana"),
        "{}",
        stories.text
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "stories_exported").await),
        1
    );
    // The mediators' assignments (names: POST, audited), dates typed.
    let assignments = ok(store::mediation::assignments(&app.db).await);
    assert!(!assignments.is_empty(), "the demo assigns mediators");
    let export = c
        .post_form("/lv/mediation/assignments/export", &[("format", "csv")])
        .await;
    assert_eq!(export.status, 200);
    assert!(
        export.text.contains(&format!(
            "{};{};{}",
            assignments[0].mediator_name, assignments[0].territory_name, assignments[0].from_date
        )),
        "{}",
        export.text
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "assignments_exported").await),
        1
    );
    app.stop().await;
}

/// The annual report counts the events held in the year: one still to come (10 December,
/// seen on 26 November) is not in it until it has happened.
#[tokio::test]
async fn the_annual_report_counts_an_event_only_once_it_is_held() {
    let app = TestApp::spawn().await;
    let title = ok(store::events::get(&app.db, app.fixtures.event).await).title_lv;
    let page = |c: testkit::Client| async move {
        c.get("/lv/report-builder?kind=annual&year=2026&rlang=lv&audience=internal")
            .await
    };
    let before = page(app.login(Role::Coordinator).await).await;
    assert_eq!(before.status, 200);
    assert!(!before.text.contains(&title), "{}", before.text);
    assert!(before.text.contains("Šajā gadā nav pasākumu."));
    app.advance_minutes(15 * 24 * 60);
    let after = page(app.login(Role::Coordinator).await).await;
    assert!(after.text.contains(&title), "{}", after.text);
    app.stop().await;
}

//! The header crawl: every GET route, as anonymous and as each role, carries the
//! security headers; pages behind login are not cached; public pages set no cookie; and
//! the whole crawl writes nothing to the database.

use domain::auth::Role;
use testkit::{Resp, TestApp};
use web::routes::Access;

use crate::matrix::example_path;

fn check_headers(who: &str, path: &str, res: &Resp) {
    let csp = res.header("content-security-policy").unwrap_or_default();
    for directive in [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
    ] {
        assert!(
            csp.contains(directive),
            "{who} {path}: CSP lacks {directive}: {csp}"
        );
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{who} {path}: {csp}"
    );
    assert!(
        res.header("strict-transport-security")
            .is_some_and(|v| v.contains("max-age=31536000")),
        "{who} {path}: HSTS"
    );
    assert_eq!(
        res.header("x-content-type-options"),
        Some("nosniff"),
        "{who} {path}"
    );
    assert!(
        res.header("referrer-policy").is_some(),
        "{who} {path}: Referrer-Policy"
    );
    if !res.text.is_empty() {
        assert!(
            res.header("content-type").is_some(),
            "{who} {path}: Content-Type"
        );
    }
    if !path.starts_with("/static/") {
        assert_eq!(
            res.header("cache-control"),
            Some("no-store"),
            "{who} {path}: Cache-Control"
        );
    }
}

/// What every HTML page keeps to: each id once (a label finds its field, a link its
/// target), and each sideways-scrolling table reachable by keyboard and named (a focusable
/// region labelled by its caption).
fn check_markup(who: &str, path: &str, html: &str) {
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    ids.sort_unstable();
    let all = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), all, "{who} {path}: a duplicate id");
    for (at, _) in html.match_indices("class=\"table-scroll\"") {
        let tag = &html[at..at + html[at..].find('>').unwrap_or(0)];
        assert!(
            tag.contains("tabindex=\"0\"")
                && tag.contains("role=\"region\"")
                && (tag.contains("aria-label=\"") || tag.contains("aria-labelledby=\"")),
            "{who} {path}: a scrolling table the keyboard cannot reach or that has no name: {tag}"
        );
    }
}

#[tokio::test]
async fn every_get_route_carries_the_security_headers_and_the_crawl_writes_nothing() {
    let app = TestApp::spawn().await;
    let mut clients = vec![("anonymous".to_owned(), None, app.client())];
    for role in Role::ALL {
        clients.push((role.as_str().to_owned(), Some(role), app.login(role).await));
    }
    let before = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let routes: Vec<_> = web::routes::routes()
        .into_iter()
        .filter(|r| r.method == "GET")
        .collect();
    // Error pages and unknown paths are pages too.
    let extra = [
        "/lv/no-such-page",
        "/en/no-such-page",
        "/nowhere",
        "/static/missing.css",
        "/xx/",
    ];
    for (who, role, c) in &clients {
        for route in &routes {
            let path = example_path(&app, route.path);
            for path in [path.clone(), path.replacen("/lv/", "/en/", 1)] {
                let res = c.get(&path).await;
                check_headers(who, &path, &res);
                if res
                    .header("content-type")
                    .is_some_and(|t| t.starts_with("text/html"))
                {
                    check_markup(who, &path, &res.text);
                }
                let cookies = res.set_cookies();
                if role.is_none() {
                    match route.access {
                        // Only the login and set-password forms set their pre-login token.
                        Access::Guest => assert!(
                            cookies.iter().all(|c| c.starts_with("__Host-roma_login=")
                                && c.contains("Secure")
                                && c.contains("HttpOnly")
                                && c.contains("Path=/")),
                            "{path}: {cookies:?}"
                        ),
                        _ => assert!(
                            cookies.is_empty(),
                            "public page {path} set a cookie: {cookies:?}"
                        ),
                    }
                }
            }
        }
        for path in extra {
            let res = c.get(path).await;
            assert_eq!(res.status, 404, "{who} {path}");
            check_headers(who, path, &res);
            assert!(res.set_cookies().is_empty(), "{path}");
        }
    }
    let after = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // The one deliberate exception: looking at (or trying to open) a family's record is
    // itself recorded — the access log and the audit of a refused attempt (issue 6).
    let without_access_records = |dump: &str| -> String {
        let mut out = String::new();
        let mut in_access_log = false;
        for line in dump.lines() {
            if let Some(table) = line.strip_prefix("## ") {
                in_access_log = table == "mediation_access_log";
            } else if in_access_log || line.contains("'family_access_denied'") {
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    };
    assert_eq!(
        without_access_records(&before),
        without_access_records(&after),
        "a GET crawl changed the database"
    );
}

#[tokio::test]
async fn error_pages_are_localized_and_show_nothing_internal() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let lv = c.get("/lv/no-such-page").await;
    assert_eq!(lv.status, 404);
    assert!(lv.text.contains("<html lang=\"lv\">") && lv.text.contains("Lapa nav atrasta"));
    let en = c.get("/en/no-such-page").await;
    assert!(en.text.contains("<html lang=\"en\">") && en.text.contains("Page not found"));
    let ngo = app.login(Role::Ngo).await;
    let forbidden = ngo.get("/en/admin/users").await;
    assert_eq!(forbidden.status, 403);
    assert!(forbidden.text.contains("Access denied"));
    // A bad id is a 404 page, not a parser's message.
    let coord = app.login(Role::Coordinator).await;
    let bad = coord.get("/lv/admin/users/abc").await;
    assert_eq!(bad.status, 404);
    assert!(bad.text.contains("Lapa nav atrasta"));
    // A malformed form is a 400 page.
    let dup = coord
        .post_form("/lv/admin/users", &[("name", "A"), ("name", "B")])
        .await;
    assert_eq!(dup.status, 400, "{}", dup.text);
    assert!(dup.text.contains("Nederīgs pieprasījums"));
    // TRACE is not allowed anywhere.
    let trace = c
        .send(c.http().request(reqwest::Method::TRACE, c.url("/lv/")))
        .await;
    assert_eq!(trace.status, 405);
    assert!(
        trace.text.contains("Šāda darbība nav atļauta"),
        "{}",
        trace.text
    );
    // The API speaks problem+json.
    let api = c.get("/api/v1/me").await;
    assert_eq!(api.status, 401);
    assert_eq!(api.header("content-type"), Some("application/problem+json"));
    assert_eq!(api.json()["status"], 401);
}

#[tokio::test]
async fn an_internal_error_shows_a_request_id_and_nothing_internal() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    // The database goes away under the running server.
    app.db.close().await;
    let res = c.get("/lv/workspace").await;
    assert_eq!(res.status, 500);
    assert!(res.text.contains("Radās kļūda"), "{}", res.text);
    assert!(res.text.contains("Pieprasījuma identifikators"));
    let lower = res.text.to_lowercase();
    for leak in ["sqlx", "pool", "panicked", "src/", "database error"] {
        assert!(!lower.contains(leak), "the 500 page shows {leak:?}");
    }
    check_headers("coordinator", "/lv/workspace (500)", &res);
    // The health check says so too.
    let health = app.client().get("/healthz").await;
    assert_eq!(health.status, 503);
    assert_eq!(health.json()["status"], "unavailable");
}

/// An error page keeps a signed-in user's header: their name, the menu and "Iziet".
#[tokio::test]
async fn error_pages_keep_the_signed_in_header() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Municipality).await;
    for (path, status) in [("/lv/events/999999", 404), ("/lv/admin/users", 403)] {
        let res = c.get(path).await;
        assert_eq!(res.status, status, "{path}");
        assert!(
            res.text.contains("Tests municipality"),
            "{path}: {}",
            res.text
        );
        assert!(res.text.contains("/lv/logout"), "{path}");
        assert!(res.text.contains("href=\"/lv/workspace\""), "{path}");
    }
    // An address no route answers, and a method the address does not take: the access
    // check never ran, the header is still the signed-in one.
    for res in [
        c.get("/lv/nowhere-at-all").await,
        c.send(c.http().put(c.url("/lv/workspace"))).await,
    ] {
        assert!(matches!(res.status, 404 | 405), "{}", res.status);
        assert!(res.text.contains("Tests municipality"), "{}", res.text);
        assert!(res.text.contains("/lv/logout"));
    }
    // Nobody signed in: the public header, no menu.
    let res = app.client().get("/lv/nowhere-at-all").await;
    assert_eq!(res.status, 404);
    assert!(!res.text.contains("/lv/logout"));
    app.stop().await;
}

/// Pages go gzipped to a browser that asks; static files have fingerprinted names kept a
/// year, and the page links them by those names.
#[tokio::test]
async fn pages_are_compressed_and_static_files_cached_by_fingerprint() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let res = c
        .send(
            c.http()
                .get(c.url("/lv/"))
                .header("accept-encoding", "gzip"),
        )
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-encoding"), Some("gzip"));
    let plain = c.get("/lv/").await;
    assert!(plain.header("content-encoding").is_none());
    let css = plain
        .text
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        css.starts_with("/static/app.") && css.len() == "/static/app.12345678.css".len(),
        "{css}"
    );
    assert!(!plain.text.contains("htmx.min.js"), "no page loads htmx");
    let res = c.get(&css).await;
    assert_eq!(res.status, 200);
    assert_eq!(
        res.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let res = c.get("/static/app.css").await;
    assert_eq!(res.header("cache-control"), Some("public, max-age=3600"));
    app.stop().await;
}

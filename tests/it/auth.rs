//! Login, sessions, throttling, passwords, CSRF.

use domain::auth::Role;
use testkit::{PASSWORD, TestApp, email_for};

#[tokio::test]
async fn login_sets_a_host_prefixed_secure_session_cookie_and_rotates_it() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let page = c.get("/lv/login").await;
    assert_eq!(page.status, 200);
    let pre_login = c.cookie("__Host-roma_login").unwrap_or_default();
    assert!(!pre_login.is_empty(), "the login page sets its CSRF cookie");
    let res = c
        .post_form(
            "/lv/login",
            &[("email", &email_for(Role::Ngo)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(res.location(), Some("/lv/workspace"));
    let cookie = res
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("__Host-roma_session="))
        .unwrap_or_default();
    for attr in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} missing in {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    let first = c.cookie("__Host-roma_session").unwrap_or_default();
    assert!(first.len() >= 43);
    assert_ne!(
        first, pre_login,
        "the session id is new, not the pre-login value"
    );
    assert!(
        c.cookie("__Host-roma_login").is_none(),
        "the pre-login cookie is cleared"
    );
    // A logged-in user asking for the login page goes to the workspace.
    assert_eq!(c.get("/lv/login").await.status, 303);
    // Logging in again gives a new session id.
    c.clear_cookies();
    let again = c.login(&email_for(Role::Ngo), PASSWORD).await;
    assert_eq!(again.status, 303);
    assert_ne!(c.cookie("__Host-roma_session").unwrap_or_default(), first);
    assert_eq!(store::audit::count(&app.db, "login").await.unwrap_or(0), 2);
}

#[tokio::test]
async fn wrong_password_and_unknown_account_look_the_same() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let a = c.login(&email_for(Role::Ngo), "nepareiza parole 123").await;
    let b = c
        .login("nobody@test.roma.invalid", "nepareiza parole 123")
        .await;
    assert_eq!(a.status, 422);
    assert_eq!(b.status, 422);
    assert!(a.text.contains("Nepareizs e-pasts vai parole"));
    assert!(b.text.contains("Nepareizs e-pasts vai parole"));
    // The typed e-mail is kept, the password is not.
    assert!(
        a.text
            .contains(&format!("value=\"{}\"", email_for(Role::Ngo)))
    );
    assert!(!a.text.contains("nepareiza parole"));
    assert_eq!(
        store::audit::count(&app.db, "login_failed")
            .await
            .unwrap_or(0),
        2
    );
    assert!(c.cookie("__Host-roma_session").is_none());
}

#[tokio::test]
async fn no_account_exists_in_a_fresh_database_but_the_ones_we_make() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = store::Db::open(&store::DbOptions::new(dir.path().join("fresh.db")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store::migrate::run(&db, 1_795_700_000)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(store::users::list(&db).await.unwrap_or_default().is_empty());
}

/// An app behind a trusted proxy on loopback, so each client can come from its own address.
async fn behind_proxy(adjust: impl FnOnce(&mut web::Settings)) -> TestApp {
    TestApp::spawn_with(|s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap_or_else(|e| panic!("{e}"))];
        adjust(s);
    })
    .await
}

fn from(app: &TestApp, address: &str) -> testkit::Client {
    let c = app.client();
    c.set_header("x-forwarded-for", address);
    c
}

#[tokio::test]
async fn failures_from_one_address_slow_that_pair_down_with_growing_delays_only() {
    let app = behind_proxy(|_| {}).await;
    let email = email_for(Role::Ministry);
    // Five free attempts from the guesser's address ...
    for i in 0..5 {
        let res = from(&app, "203.0.113.5")
            .login(&email, &format!("nepareiza parole {i:02}"))
            .await;
        assert_eq!(res.status, 422, "attempt {i}");
    }
    // ... then a wait, said in Retry-After, even for the right password from there.
    let res = from(&app, "203.0.113.5").login(&email, PASSWORD).await;
    assert_eq!(res.status, 429);
    assert!(
        res.text.contains("Pārāk daudz neveiksmīgu mēģinājumu"),
        "localized message"
    );
    assert_eq!(res.header("retry-after"), Some("1"));
    assert!(
        res.text.contains("Mēģiniet vēlreiz pēc 1 sekundes."),
        "{}",
        res.text
    );
    assert!(
        !res.text.contains("aria-invalid"),
        "nothing typed is marked wrong"
    );
    // The owner of the account, elsewhere, is not held back.
    assert_eq!(
        from(&app, "198.51.100.9")
            .login(&email, PASSWORD)
            .await
            .status,
        303
    );
    // The waits grow: 1 s, 2 s, 4 s … after each further failure.
    app.advance_minutes(1);
    let res = from(&app, "203.0.113.5")
        .login(&email, "vēl nepareiza 01")
        .await;
    assert_eq!(res.status, 422);
    let res = from(&app, "203.0.113.5")
        .login(&email, "vēl nepareiza 02")
        .await;
    assert_eq!(res.status, 429);
    assert_eq!(res.header("retry-after"), Some("2"));
    // A delay, not a lock: once it has passed, the right password works from there too.
    app.advance_minutes(1);
    assert_eq!(
        from(&app, "203.0.113.5")
            .login(&email, PASSWORD)
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn many_failures_for_one_account_stop_new_browsers_but_not_one_that_logged_in_before() {
    let app = behind_proxy(|s| {
        s.login_throttle.max_failures = 8;
        s.login_throttle.free_attempts = 2;
    })
    .await;
    let email = email_for(Role::Coordinator);
    // The coordinator logs in from the office once: the browser is remembered.
    let office = from(&app, "192.0.2.10");
    let res = office.login(&email, PASSWORD).await;
    assert_eq!(res.status, 303);
    assert!(
        res.set_cookies()
            .iter()
            .any(|c| c.starts_with("__Host-roma_device=")
                && c.contains("Secure")
                && c.contains("HttpOnly")
                && c.contains("Max-Age=31536000")),
        "{:?}",
        res.set_cookies()
    );
    let mark = office
        .cookie("__Host-roma_device")
        .unwrap_or_else(|| panic!("the browser is marked"));
    // Guessers from many addresses — one of them behind the office's own NAT.
    for i in 0..8 {
        let address = if i == 0 {
            "192.0.2.10".to_owned()
        } else {
            format!("203.0.113.{i}")
        };
        let res = from(&app, &address)
            .login(&email, &format!("minējums {i}"))
            .await;
        assert_eq!(res.status, 422, "guess {i}");
    }
    assert_eq!(
        store::audit::count(&app.db, "lockout").await.unwrap_or(0),
        1
    );
    // A browser that never logged in to the account waits, right password or not ...
    let stranger = from(&app, "198.51.100.20");
    assert_eq!(stranger.login(&email, PASSWORD).await.status, 429);
    let same_nat_new_browser = from(&app, "192.0.2.10");
    assert_eq!(
        same_nat_new_browser.login(&email, PASSWORD).await.status,
        429
    );
    // ... the office browser, behind the same NAT as a guesser, goes straight in.
    let back = from(&app, "192.0.2.10");
    back.set_cookie("__Host-roma_device", &mark);
    assert_eq!(back.login(&email, PASSWORD).await.status, 303);
    // The mark is the account's: it does not open another account's ceiling.
    let other = from(&app, "192.0.2.10");
    other.set_cookie("__Host-roma_device", &mark);
    let res = other.login(&email_for(Role::Ngo), PASSWORD).await;
    assert_eq!(res.status, 303, "another account, not throttled at all");
}

#[tokio::test]
async fn failures_from_one_address_over_many_accounts_reach_its_ceiling() {
    let app = behind_proxy(|s| s.login_throttle.max_failures_per_address = 10).await;
    for i in 0..10 {
        let res = from(&app, "203.0.113.5")
            .login(
                &format!("guess{i}@test.roma.invalid"),
                "nepareiza parole 00",
            )
            .await;
        assert_eq!(res.status, 422);
    }
    let res = from(&app, "203.0.113.5")
        .login(&email_for(Role::Ngo), PASSWORD)
        .await;
    assert_eq!(res.status, 429);
    assert!(
        res.header("retry-after")
            .is_some_and(|s| s.parse::<i64>().unwrap_or(0) > 60)
    );
    // The clock does not move between the failures: the whole window is left.
    assert!(
        res.text.contains("Mēģiniet vēlreiz pēc 15 minūtēm."),
        "{}",
        res.text
    );
    assert_eq!(
        from(&app, "198.51.100.9")
            .login(&email_for(Role::Ngo), PASSWORD)
            .await
            .status,
        303
    );
    // After the window the address is free again.
    app.advance_minutes(16);
    assert_eq!(
        from(&app, "203.0.113.5")
            .login(&email_for(Role::Ngo), PASSWORD)
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn a_forged_forwarded_for_does_not_escape_the_throttle() {
    let app = TestApp::spawn_with(|s| s.login_throttle.max_failures_per_address = 10).await;
    for i in 0..10 {
        let c = app.client();
        c.set_header("x-forwarded-for", &format!("203.0.113.{i}"));
        c.login(
            &format!("guess{i}@test.roma.invalid"),
            "nepareiza parole 00",
        )
        .await;
    }
    let c = app.client();
    c.set_header("x-forwarded-for", "198.51.100.77");
    assert_eq!(c.login(&email_for(Role::Ngo), PASSWORD).await.status, 429);
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_counts() {
    let app = behind_proxy(|s| s.login_throttle.max_failures_per_address = 10).await;
    for i in 0..10 {
        let c = app.client();
        c.set_header("x-forwarded-for", "203.0.113.5");
        c.login(
            &format!("guess{i}@test.roma.invalid"),
            "nepareiza parole 00",
        )
        .await;
    }
    let blocked = app.client();
    blocked.set_header("x-forwarded-for", "203.0.113.5");
    assert_eq!(
        blocked.login(&email_for(Role::Ngo), PASSWORD).await.status,
        429
    );
    let other = app.client();
    other.set_header("x-forwarded-for", "198.51.100.9");
    assert_eq!(
        other.login(&email_for(Role::Ngo), PASSWORD).await.status,
        303
    );
    // The audit log records the client's address, not the proxy's.
    let (entries, _) = store::audit::list(
        &app.db,
        &store::audit::Filter {
            action: Some("login".into()),
            ..Default::default()
        },
        0,
    )
    .await
    .unwrap_or_default();
    assert_eq!(
        entries.first().and_then(|e| e.ip.clone()).as_deref(),
        Some("198.51.100.9")
    );
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Municipality).await;
    app.advance_minutes(29);
    assert_eq!(
        c.get("/lv/workspace").await.status,
        200,
        "29 idle minutes are fine"
    );
    app.advance_minutes(29);
    assert_eq!(
        c.get("/lv/workspace").await.status,
        200,
        "activity renewed the session"
    );
    app.advance_minutes(31);
    let res = c.get("/lv/workspace").await;
    assert_eq!(res.status, 303);
    assert!(
        res.location()
            .unwrap_or_default()
            .starts_with("/lv/login?next=")
    );
}

#[tokio::test]
async fn sessions_end_after_12_hours_however_active() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Mediator).await;
    for _ in 0..(12 * 60 / 20) {
        app.advance_minutes(20);
        if c.get("/lv/workspace").await.status != 200 {
            break;
        }
    }
    app.advance_minutes(20);
    assert_eq!(
        c.get("/lv/workspace").await.status,
        303,
        "absolute lifetime reached"
    );
}

#[tokio::test]
async fn session_lifetimes_are_configurable() {
    let app = TestApp::spawn_with(|s| s.session.idle_minutes = 5).await;
    let c = app.login(Role::Ngo).await;
    app.advance_minutes(6);
    assert_eq!(c.get("/lv/workspace").await.status, 303);
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Ngo).await;
    let stolen = c.cookie("__Host-roma_session").unwrap_or_default();
    let res = c.post_form("/lv/logout", &[]).await;
    assert_eq!(res.status, 303);
    assert!(res.header("clear-site-data").is_some());
    assert!(c.cookie("__Host-roma_session").is_none(), "cookie cleared");
    // Replaying the old cookie gets nothing.
    let replay = app.client();
    replay.set_cookie("__Host-roma_session", &stolen);
    assert_eq!(replay.get("/lv/workspace").await.status, 303);
    assert_eq!(store::audit::count(&app.db, "logout").await.unwrap_or(0), 1);
}

#[tokio::test]
async fn csrf_tokens_are_required_on_every_form_including_login() {
    let app = TestApp::spawn().await;
    // Login without the pre-login token.
    let c = app.client();
    c.get("/lv/login").await;
    let res = c
        .post_form_raw(
            "/lv/login",
            &[("email", &email_for(Role::Ngo)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status, 403);
    // With a token from another browser.
    let other = app.client();
    other.get("/lv/login").await;
    let res = c
        .post_form_raw(
            "/lv/login",
            &[
                ("csrf_token", &other.csrf()),
                ("email", &email_for(Role::Ngo)),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    // Logged in: a form without the session's token, or with another session's.
    let a = app.login(Role::Coordinator).await;
    let b = app.login(Role::Ngo).await;
    let res = a
        .post_form_raw("/lv/account/tokens", &[("label", "x")])
        .await;
    assert_eq!(res.status, 403);
    let res = a
        .post_form_raw(
            "/lv/account/tokens",
            &[("csrf_token", &b.csrf()), ("label", "x")],
        )
        .await;
    assert_eq!(res.status, 403);
    // A cross-site request is refused even with the token.
    a.set_header("sec-fetch-site", "cross-site");
    let res = a.post_form("/lv/account/tokens", &[("label", "x")]).await;
    assert_eq!(res.status, 403);
    // Cookie-authenticated API writes need the token as a header.
    let api = app.login(Role::Ngo).await;
    let res = api
        .send(
            api.http()
                .post(api.url("/api/v1/me/tokens"))
                .header("content-type", "application/json")
                .body(r#"{"label":"x"}"#),
        )
        .await;
    assert_eq!(res.status, 403);
    let res = api
        .send(
            api.http()
                .post(api.url("/api/v1/me/tokens"))
                .header("content-type", "application/json")
                .header("x-csrf-token", api.csrf())
                .body(r#"{"label":"x"}"#),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    let uid = app.user_id(Role::Ngo);
    assert_eq!(
        store::tokens::list_api_tokens(&app.db, uid)
            .await
            .unwrap_or_default()
            .len(),
        1,
        "only the one with the token"
    );
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Ministry).await;
    let other = app.login(Role::Ministry).await;
    c.get("/lv/account").await;
    let new = "jauna ļoti gara parole 2026";
    // Wrong current password: nothing changes, the errors are next to the fields.
    let res = c
        .post_form(
            "/lv/account/password",
            &[
                ("current_password", "nav pareiza parole"),
                ("new_password", new),
                ("confirm_password", new),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("Pašreizējā parole nav pareiza"));
    assert!(res.text.contains("aria-invalid=\"true\""));
    // Policy: too short, common, personal, mismatch.
    for (pw, confirm, msg) in [
        ("īsa parole", "īsa parole", "vismaz 12 rakstzīmēm"),
        ("password1234", "password1234", "pārāk bieži lietota"),
        (
            "Tests ministry ir te",
            "Tests ministry ir te",
            "nedrīkst saturēt jūsu vārdu",
        ),
        (new, "cita parole gara 2026", "Paroles nesakrīt"),
    ] {
        let res = c
            .post_form(
                "/lv/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", pw),
                    ("confirm_password", confirm),
                ],
            )
            .await;
        assert_eq!(res.status, 422, "{pw}");
        assert!(res.text.contains(msg), "{pw}: expected {msg}");
    }
    assert_eq!(
        app.client()
            .login(&email_for(Role::Ministry), PASSWORD)
            .await
            .status,
        303,
        "unchanged so far"
    );
    let res = c
        .post_form(
            "/lv/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", new),
                ("confirm_password", new),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        c.get("/lv/workspace").await.status,
        200,
        "this session goes on"
    );
    assert_eq!(
        other.get("/lv/workspace").await.status,
        303,
        "other sessions ended"
    );
    assert_eq!(
        app.client()
            .login(&email_for(Role::Ministry), PASSWORD)
            .await
            .status,
        422
    );
    assert_eq!(
        app.client()
            .login(&email_for(Role::Ministry), new)
            .await
            .status,
        303
    );
    let hash = store::users::password_hash(&app.db, app.user_id(Role::Ministry))
        .await
        .unwrap_or_default()
        .unwrap_or_default();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
}

#[tokio::test]
async fn passwords_of_128_characters_and_latvian_letters_work() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Ngo).await;
    let long: String = "ļoti garā parolē ir ķēniņš un čūska "
        .chars()
        .cycle()
        .take(128)
        .collect();
    let res = c
        .post_form(
            "/lv/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", &long),
                ("confirm_password", &long),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        app.client()
            .login(&email_for(Role::Ngo), &long)
            .await
            .status,
        303
    );
    let truncated: String = long.chars().take(72).collect();
    assert_eq!(
        app.client()
            .login(&email_for(Role::Ngo), &truncated)
            .await
            .status,
        422
    );
}

#[tokio::test]
async fn after_login_only_local_paths_are_followed() {
    let app = TestApp::spawn().await;
    for (next, expected) in [
        ("/lv/account", "/lv/account"),
        ("//evil.example/", "/lv/workspace"),
        ("https://evil.example/", "/lv/workspace"),
        ("/\\evil.example", "/lv/workspace"),
    ] {
        let c = app.client();
        c.get(&format!(
            "/lv/login?next={}",
            next.replace('/', "%2F")
                .replace('\\', "%5C")
                .replace(':', "%3A")
        ))
        .await;
        let res = c
            .post_form(
                "/lv/login",
                &[
                    ("email", &email_for(Role::Ngo)),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.location(), Some(expected), "next={next}");
    }
    // Being sent to log in remembers the page asked for.
    let c = app.client();
    let res = c.get("/en/account?notice=x").await;
    assert_eq!(
        res.location(),
        Some("/en/login?next=%2Fen%2Faccount%3Fnotice%3Dx")
    );
}

#[tokio::test]
async fn parallel_guesses_cannot_slip_under_the_throttle() {
    let app = TestApp::spawn().await;
    let email = email_for(Role::Ministry);
    let mut tasks = Vec::new();
    for i in 0..30 {
        let c = app.client();
        let email = email.clone();
        tasks.push(tokio::spawn(async move {
            c.login(&email, &format!("nepareiza parole {i:02}"))
                .await
                .status
        }));
    }
    let mut checked = 0;
    let mut throttled = 0;
    for t in tasks {
        match t.await.unwrap_or_default() {
            422 => checked += 1,
            429 => throttled += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(
        checked <= 10,
        "{checked} passwords were checked, at most 10 may be"
    );
    assert_eq!(checked + throttled, 30);
}

#[tokio::test]
async fn logging_in_again_ends_the_previous_session() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Ngo).await;
    let old = c.cookie("__Host-roma_session").unwrap_or_default();
    let res = c
        .post_form(
            "/lv/login",
            &[("email", &email_for(Role::Ngo)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_ne!(c.cookie("__Host-roma_session").unwrap_or_default(), old);
    let replay = app.client();
    replay.set_cookie("__Host-roma_session", &old);
    assert_eq!(replay.get("/lv/workspace").await.status, 303);
    assert_eq!(c.get("/lv/workspace").await.status, 200);
}

#[tokio::test]
async fn guessing_the_current_password_is_throttled_too() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Ngo).await;
    let new = "jauna ļoti gara parole 2026";
    for i in 0..5 {
        let res = c
            .post_form(
                "/lv/account/password",
                &[
                    ("current_password", &format!("minējums {i}")),
                    ("new_password", new),
                    ("confirm_password", new),
                ],
            )
            .await;
        assert_eq!(res.status, 422, "guess {i}");
    }
    let change = [
        ("current_password", PASSWORD),
        ("new_password", new),
        ("confirm_password", new),
    ];
    let res = c.post_form("/lv/account/password", &change).await;
    assert_eq!(res.status, 429);
    assert_eq!(res.header("retry-after"), Some("1"));
    assert_eq!(
        store::audit::count(&app.db, "password_change_failed")
            .await
            .unwrap_or(0),
        5
    );
    app.advance_minutes(1);
    assert_eq!(
        c.post_form("/lv/account/password", &change).await.status,
        303
    );
}

#[tokio::test]
async fn a_failed_login_records_the_address_typed_only_when_it_is_one() {
    let app = TestApp::spawn().await;
    app.client().login("my secret password", "x").await;
    app.client().login(" Someone@Example.LV ", "x").await;
    let (entries, _) = store::audit::list(
        &app.db,
        &store::audit::Filter {
            action: Some("login_failed".into()),
            ..Default::default()
        },
        0,
    )
    .await
    .unwrap_or_default();
    let labels: Vec<_> = entries
        .iter()
        .filter_map(|e| e.actor_label.clone())
        .collect();
    assert_eq!(labels, ["someone@example.lv", "(not an e-mail address)"]);
}

/// The newest mail of a kind to an address.
async fn newest_mail(app: &TestApp, kind: &str, to: &str) -> Option<store::outbox::Mail> {
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    mails
        .into_iter()
        .filter(|m| m.kind == kind && m.to == to)
        .max_by_key(|m| m.id)
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_one_hour_link_and_nobody_learns_who_has_an_account() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let login = anon.get("/lv/login").await;
    assert!(
        login.text.contains("/lv/password/forgot"),
        "the login page links to it"
    );
    let form = anon.get("/lv/password/forgot").await;
    assert_eq!(form.status, 200);
    // A mistyped address is told next to the field, and kept.
    let bad = anon
        .post_form("/lv/password/forgot", &[("email", "nav adrese")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("id=\"email-error\"") && bad.text.contains("value=\"nav adrese\""));
    // An unknown address and a known one get the same answer; only the known one a mail.
    let unknown = anon
        .post_form(
            "/lv/password/forgot",
            &[("email", "neviens@example.invalid")],
        )
        .await;
    let me = email_for(Role::Ngo);
    let known = anon
        .post_form("/lv/password/forgot", &[("email", &me.to_uppercase())])
        .await;
    assert_eq!((unknown.status, known.status), (303, 303));
    assert_eq!(unknown.location(), known.location());
    let sent = anon.get(known.location().unwrap_or_default()).await;
    assert!(
        sent.text.contains("Ja ar šo adresi ir aktīvs konts"),
        "{}",
        sent.text
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(mails.iter().all(|m| m.to != "neviens@example.invalid"));
    let mail = newest_mail(&app, "password_reset", &me)
        .await
        .unwrap_or_else(|| panic!("no reset mail"));
    // Asking again at once makes no second mail (a mailbox is not flooded).
    anon.get("/lv/password/forgot").await;
    anon.post_form("/lv/password/forgot", &[("email", &me)])
        .await;
    let (again, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert_eq!(
        again.iter().filter(|m| m.kind == "password_reset").count(),
        1
    );
    let start = mail
        .body
        .find("/password/set/")
        .unwrap_or_else(|| panic!("{}", mail.body));
    let end = mail.body[start..]
        .find(char::is_whitespace)
        .map_or(mail.body.len(), |e| start + e);
    let link = format!("/lv{}", &mail.body[start..end]);
    // Signed in elsewhere: setting the password ends that session and tells the owner.
    let elsewhere = app.login(Role::Ngo).await;
    assert_eq!(elsewhere.get("/lv/workspace").await.status, 200);
    let c = app.client();
    assert_eq!(c.get(&link).await.status, 200);
    let pw = "jauna ļoti gara parole 2026";
    let res = c
        .post_form(&link, &[("new_password", pw), ("confirm_password", pw)])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_ne!(elsewhere.get("/lv/workspace").await.status, 200);
    assert!(
        newest_mail(&app, "account_password_set", &me)
            .await
            .is_some()
    );
    assert_eq!(app.client().login(&me, pw).await.status, 303);
    // Used once; and a new link is dead after an hour.
    assert_eq!(app.client().get(&link).await.status, 404);
    app.advance_minutes(6);
    let c = app.client();
    c.get("/lv/password/forgot").await;
    c.post_form("/lv/password/forgot", &[("email", &me)]).await;
    let mail = newest_mail(&app, "password_reset", &me)
        .await
        .unwrap_or_else(|| panic!("no second reset mail"));
    let start = mail.body.find("/password/set/").unwrap_or_default();
    let end = mail.body[start..]
        .find(char::is_whitespace)
        .map_or(mail.body.len(), |e| start + e);
    let link = format!("/lv{}", &mail.body[start..end]);
    app.advance_minutes(61);
    assert_eq!(app.client().get(&link).await.status, 404);
}

#[tokio::test]
async fn the_forgot_password_form_counts_against_the_public_forms_ceiling() {
    let app = TestApp::spawn_with(|s| s.public_forms.max_posts_per_address = 3).await;
    let c = app.client();
    c.get("/lv/password/forgot").await;
    for _ in 0..3 {
        let res = c
            .post_form("/lv/password/forgot", &[("email", "kads@example.invalid")])
            .await;
        assert_eq!(res.status, 303);
    }
    let res = c
        .post_form("/lv/password/forgot", &[("email", "kads@example.invalid")])
        .await;
    assert_eq!(res.status, 429);
}

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
        .post_form("/lv/login", &[("email", &email_for(Role::Ngo)), ("password", PASSWORD)])
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
    assert_ne!(first, pre_login, "the session id is new, not the pre-login value");
    assert!(c.cookie("__Host-roma_login").is_none(), "the pre-login cookie is cleared");
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
    let b = c.login("nobody@test.roma.invalid", "nepareiza parole 123").await;
    assert_eq!(a.status, 422);
    assert_eq!(b.status, 422);
    assert!(a.text.contains("Nepareizs e-pasts vai parole"));
    assert!(b.text.contains("Nepareizs e-pasts vai parole"));
    // The typed e-mail is kept, the password is not.
    assert!(a.text.contains(&format!("value=\"{}\"", email_for(Role::Ngo))));
    assert!(!a.text.contains("nepareiza parole"));
    assert_eq!(store::audit::count(&app.db, "login_failed").await.unwrap_or(0), 2);
    assert!(c.cookie("__Host-roma_session").is_none());
}

#[tokio::test]
async fn no_account_exists_in_a_fresh_database_but_the_ones_we_make() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = store::Db::open(&store::DbOptions::new(dir.path().join("fresh.db")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store::migrate::run(&db).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(store::users::list(&db).await.unwrap_or_default().is_empty());
}

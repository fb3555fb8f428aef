//! Issue 17, items 1 and 3: a second factor required by role, the password reset that
//! asks for it, salted recovery codes, one's own sessions listed and ended, and the
//! password asked again before sensitive actions.

use domain::auth::Role;
use testkit::{Client, PASSWORD, TestApp, email_for};

use crate::ok;

/// Turns two-step sign-in on for the client's account; returns the key and the recovery
/// codes shown.
async fn enrol(app: &TestApp, c: &Client) -> (Vec<u8>, Vec<String>) {
    let begun = c.post_form("/lv/account/second-factor/begin", &[]).await;
    assert_eq!(begun.status, 200, "{}", begun.text);
    let marker = "<code class=\"secret\" lang=\"en\">";
    let start = begun
        .text
        .find(marker)
        .unwrap_or_else(|| panic!("no key shown: {}", begun.text));
    let rest = &begun.text[start + marker.len()..];
    let key = domain::totp::from_base32(&crate::second_factor::without_tags(
        &rest[..rest.find("</code>").unwrap_or(0)],
    ))
    .unwrap_or_default();
    let code = domain::totp::code_at(&key, app.clock_now());
    let done = c
        .post_form("/lv/account/second-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(done.status, 200, "{}", done.text);
    let codes = recovery_codes(&done.text);
    assert_eq!(codes.len(), 10, "{}", done.text);
    (key, codes)
}

fn recovery_codes(html: &str) -> Vec<String> {
    html.split("<li><code>")
        .skip(1)
        .map(|p| p[..p.find('<').unwrap_or(0)].to_owned())
        .collect()
}

/// Signs in with the password and, where asked, a code from the app a minute later.
async fn sign_in(app: &TestApp, role: Role, key: &[u8]) -> Client {
    let c = app.client();
    c.get("/lv/login").await;
    let res = c.login(&email_for(role), PASSWORD).await;
    assert_eq!(res.location(), Some("/lv/login/code"), "{}", res.text);
    app.advance_minutes(1);
    let code = domain::totp::code_at(key, app.clock_now());
    let res = c.post_form("/lv/login/code", &[("code", &code)]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    c
}

#[tokio::test]
async fn coordinators_and_mediators_must_turn_on_a_second_factor_before_anything_else() {
    let app = TestApp::spawn_with(|s| {
        s.accounts.second_factor_required = vec!["coordinator".to_owned(), "mediator".to_owned()];
    })
    .await;
    // Another role signs in with the password alone.
    let ngo = app.login(Role::Ngo).await;
    assert_eq!(ngo.get("/lv/account").await.status, 200);
    let c = app.client();
    c.get("/lv/login").await;
    let res = c.login(&email_for(Role::Mediator), PASSWORD).await;
    assert_eq!(res.status, 303);
    // Every page leads to the enrolment page, which says why; API calls are refused.
    for path in ["/lv/workspace", "/lv/mediation", "/lv/account"] {
        let page = c.get(path).await;
        assert_eq!(page.status, 303, "{path}");
        assert_eq!(page.location(), Some("/lv/account/second-factor"), "{path}");
    }
    assert_eq!(c.get("/api/v1/events").await.status, 403);
    // An API token made before the requirement is refused too until the factor is on.
    let token = domain::token::new_api_token();
    ok(store::tokens::create_api_token(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.user_id(Role::Mediator),
        "vecā atslēga",
        &domain::token::hash_secret(&token),
        None,
    )
    .await);
    let bearer = app.client();
    bearer.set_header("authorization", &format!("Bearer {token}"));
    assert_eq!(bearer.get("/api/v1/events").await.status, 403);
    let page = c.get("/lv/account/second-factor").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("obligāta"), "{}", page.text);
    assert!(!page.text.contains("Izslēgt divpakāpju"));
    // Once it is on, the workspace opens; the required factor cannot be turned off.
    let (key, _) = enrol(&app, &c).await;
    assert_eq!(c.get("/lv/workspace").await.status, 200);
    assert_eq!(bearer.get("/api/v1/events").await.status, 200);
    let off = c.post_form("/lv/account/second-factor/disable", &[]).await;
    assert_eq!(off.status, 403);
    assert!(ok(store::factors::enrolled(
        &app.db,
        app.user_id(Role::Mediator)
    )
    .await));
    // The next sign-in goes through the code.
    let again = sign_in(&app, Role::Mediator, &key).await;
    assert_eq!(again.get("/lv/workspace").await.status, 200);
    // Logging out works before enrolment too.
    let coord = app.client();
    coord.get("/lv/login").await;
    coord.login(&email_for(Role::Coordinator), PASSWORD).await;
    coord.get("/lv/account/second-factor").await;
    let out = coord.post_form("/lv/logout", &[]).await;
    assert_eq!(out.status, 303);
    app.stop().await;
}

#[tokio::test]
async fn recovery_codes_are_salted_renewed_and_a_factor_not_required_can_be_turned_off() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Ngo).await;
    let (key, old) = enrol(&app, &c).await;
    let id = app.user_id(Role::Ngo);
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let rows: Vec<(String, Option<Vec<u8>>)> = ok(sqlx::query_as(
        "SELECT code_hash, salt FROM recovery_codes WHERE user_id = $1",
    )
    .bind(id)
    .fetch_all(&mut conn)
    .await);
    drop(conn);
    assert_eq!(rows.len(), 10);
    for (hash, salt) in &rows {
        let salt = salt.clone().unwrap_or_default();
        assert_eq!(salt.len(), 16);
        assert!(old.iter().all(|c| domain::token::hash_secret(c) != *hash));
        assert!(
            old.iter()
                .any(|c| domain::totp::recovery_hash(&salt, c) == *hash)
        );
    }
    // New codes need the password again after ten minutes; then the old ones stop working.
    app.advance_minutes(11);
    let res = c.post_form("/lv/account/second-factor/recovery", &[]).await;
    assert_eq!(res.status, 303);
    let ask = res.location().unwrap_or_default().to_owned();
    assert!(ask.starts_with("/lv/account/confirm?next="), "{ask}");
    let form = c.get(&ask).await;
    assert_eq!(form.status, 200);
    assert!(form.text.contains("name=\"code\""), "a code is asked too");
    let wrong = c
        .post_form(
            "/lv/account/confirm",
            &[
                ("password", "nepareiza parole"),
                ("code", "1"),
                ("next", "/lv/account"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text.contains("id=\"password-error\""));
    let code = domain::totp::code_at(&key, app.clock_now());
    let right = c
        .post_form(
            "/lv/account/confirm",
            &[
                ("password", PASSWORD),
                ("code", &code),
                ("next", "/lv/account/second-factor"),
            ],
        )
        .await;
    assert_eq!(right.status, 303, "{}", right.text);
    assert_eq!(right.location(), Some("/lv/account/second-factor"));
    let renewed = c.post_form("/lv/account/second-factor/recovery", &[]).await;
    assert_eq!(renewed.status, 200, "{}", renewed.text);
    let new = recovery_codes(&renewed.text);
    assert_eq!(new.len(), 10);
    let other = app.client();
    other.get("/lv/login").await;
    other.login(&email_for(Role::Ngo), PASSWORD).await;
    let refused = other
        .post_form("/lv/login/code", &[("code", &old[0])])
        .await;
    assert_eq!(refused.status, 422, "an old recovery code is gone");
    let accepted = other
        .post_form("/lv/login/code", &[("code", &new[0])])
        .await;
    assert_eq!(accepted.status, 303);
    // A role that need not have one turns it off: other sessions end, the owner is told.
    let off = c.post_form("/lv/account/second-factor/disable", &[]).await;
    assert_eq!(off.status, 303);
    assert!(!ok(store::factors::enrolled(&app.db, id).await));
    assert_ne!(other.get("/lv/workspace").await.status, 200);
    assert_eq!(c.get("/lv/workspace").await.status, 200);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(mails.iter().any(|m| m.kind == "account_mfa_disabled"));
    app.stop().await;
}

#[tokio::test]
async fn a_reset_link_needs_the_second_factor_too() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Mediator).await;
    let (key, recovery) = enrol(&app, &c).await;
    let anon = app.client();
    anon.get("/lv/password/forgot").await;
    let me = email_for(Role::Mediator);
    anon.post_form("/lv/password/forgot", &[("email", &me)])
        .await;
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let mail = mails
        .into_iter()
        .filter(|m| m.kind == "password_reset" && m.to == me)
        .max_by_key(|m| m.id)
        .unwrap_or_else(|| panic!("no reset mail"));
    let start = mail.body.find("/password/set/").unwrap_or_default();
    let end = mail.body[start..]
        .find(char::is_whitespace)
        .map_or(mail.body.len(), |e| start + e);
    let link = format!("/lv{}", &mail.body[start..end]);
    let form = anon.get(&link).await;
    assert!(form.text.contains("name=\"code\""), "{}", form.text);
    let pw = "jauna ļoti gara parole 2026";
    // Without a code, or with a wrong one: nothing is set, the password typed is not kept
    // in the page but the link still works.
    let missing = anon
        .post_form(&link, &[("new_password", pw), ("confirm_password", pw)])
        .await;
    assert_eq!(missing.status, 422);
    assert!(missing.text.contains("id=\"code-error\""));
    let wrong = anon
        .post_form(
            &link,
            &[
                ("new_password", pw),
                ("confirm_password", pw),
                ("code", "000001"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let id = app.user_id(Role::Mediator);
    let before = ok(store::users::password_hash(&app.db, id).await);
    assert!(before.is_some_and(|h| domain::password::verify(PASSWORD, &h)));
    // A recovery code (the phone is lost too) sets it.
    let _ = key;
    let done = anon
        .post_form(
            &link,
            &[
                ("new_password", pw),
                ("confirm_password", pw),
                ("code", &recovery[3]),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text);
    assert_eq!(done.location(), Some("/lv/login?notice=password-set"));
    let login = anon.get("/lv/login?notice=password-set").await;
    assert!(login.text.contains("Parole iestatīta"), "{}", login.text);
    let after = ok(store::users::password_hash(&app.db, id).await);
    assert!(after.is_some_and(|h| domain::password::verify(pw, &h)));
    app.stop().await;
}

#[tokio::test]
async fn the_account_page_lists_ones_sessions_and_ends_the_others() {
    let app = TestApp::spawn().await;
    let phone = app.client();
    phone.set_header(
        "user-agent",
        "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
    );
    phone.get("/lv/login").await;
    phone.login(&email_for(Role::Mediator), PASSWORD).await;
    let laptop = app.login(Role::Mediator).await;
    let third = app.login(Role::Mediator).await;
    let someone_else = app.login(Role::Ngo).await;
    let page = laptop.get("/lv/account").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Firefox (Android)"), "{}", page.text);
    assert!(page.text.contains("Šī sesija"));
    assert!(page.text.contains("127.0.0.1"));
    assert_eq!(page.text.matches("name=\"session\"").count(), 2);
    // Ending the phone's session (by its entry on the page) ends that one only.
    let entry = page
        .text
        .split("<li>")
        .find(|e| e.contains("Firefox (Android)"))
        .unwrap_or_default();
    let phone_id = entry
        .split("name=\"session\" value=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        phone_id.len(),
        24,
        "a handle, not the session's key: {entry}"
    );
    let res = laptop
        .post_form("/lv/account/sessions/end", &[("session", &phone_id)])
        .await;
    assert_eq!(res.status, 303);
    assert_ne!(phone.get("/lv/workspace").await.status, 200);
    assert_eq!(third.get("/lv/workspace").await.status, 200);
    // Another account's session cannot be ended from here.
    let ngo_page = someone_else.get("/lv/account").await;
    assert!(ngo_page.text.contains("Šī sesija"));
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let ngo_hash: String = ok(sqlx::query_scalar(
        "SELECT id_hash FROM sessions WHERE user_id = $1",
    )
    .bind(app.user_id(Role::Ngo))
    .fetch_one(&mut conn)
    .await);
    drop(conn);
    laptop
        .post_form("/lv/account/sessions/end", &[("session", &ngo_hash)])
        .await;
    assert_eq!(someone_else.get("/lv/workspace").await.status, 200);
    // All others.
    let res = laptop.post_form("/lv/account/sessions/end", &[]).await;
    assert_eq!(res.status, 303);
    assert_ne!(third.get("/lv/workspace").await.status, 200);
    assert_eq!(laptop.get("/lv/workspace").await.status, 200);
    app.stop().await;
}

#[tokio::test]
async fn sensitive_actions_ask_for_the_password_again_after_ten_minutes() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    // Fresh from sign-in: an export goes straight through.
    let fresh = c.post_form("/lv/people/export", &[("format", "csv")]).await;
    assert_eq!(fresh.status, 200, "{}", fresh.text);
    app.advance_minutes(11);
    c.get("/lv/people").await;
    c.set_header("referer", &c.url("/lv/people?q=x"));
    let stale = c.post_form("/lv/people/export", &[("format", "csv")]).await;
    assert_eq!(stale.status, 303);
    let ask = stale.location().unwrap_or_default().to_owned();
    assert_eq!(ask, "/lv/account/confirm?next=%2Flv%2Fpeople%3Fq%3Dx");
    let form = c.get(&ask).await;
    assert!(!form.text.contains("name=\"code\""), "no factor: no code");
    let res = c
        .post_form(
            "/lv/account/confirm",
            &[("password", PASSWORD), ("next", "/lv/people?q=x")],
        )
        .await;
    assert_eq!(res.location(), Some("/lv/people?q=x"));
    let again = c.post_form("/lv/people/export", &[("format", "csv")]).await;
    assert_eq!(again.status, 200);
    // A next that leaves the site is not followed.
    let res = c
        .post_form(
            "/lv/account/confirm",
            &[("password", PASSWORD), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(res.location(), Some("/lv/workspace"));
    // A role change asks; a name change does not.
    app.advance_minutes(11);
    let ngo = app.user_id(Role::Ngo);
    let rename = c
        .post_form(
            &format!("/lv/admin/users/{ngo}"),
            &[
                ("name", "Tests ngo 2"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(rename.status, 200, "{}", rename.text);
    let rerole = c
        .post_form(
            &format!("/lv/admin/users/{ngo}"),
            &[
                ("name", "Tests ngo 2"),
                ("role", "ministry"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(rerole.status, 303);
    assert!(
        rerole
            .location()
            .unwrap_or_default()
            .starts_with("/lv/account/confirm?next=%2Flv%2Fadmin%2Fusers%2F")
    );
    let user = ok(store::users::get(&app.db, ngo).await);
    assert_eq!(user.role, Role::Ngo, "nothing changed yet");
    // Through the API from a browser session: new tokens and personal lists ask too.
    app.advance_minutes(11);
    let csrf = c.csrf();
    let api = c.get("/api/v1/people").await;
    assert_eq!(api.status, 403, "{}", api.text);
    let res = c
        .send(
            c.http()
                .post(c.url("/api/v1/me/tokens"))
                .header("x-csrf-token", csrf.clone())
                .json(&serde_json::json!({"label": "vecā sesija"})),
        )
        .await;
    assert_eq!(res.status, 403, "{}", res.text);
    // The audit log says it in words.
    let res = c
        .post_form(
            "/lv/account/confirm",
            &[("password", PASSWORD), ("next", "/lv/workspace")],
        )
        .await;
    assert_eq!(res.status, 303);
    let audit = c.get("/lv/admin/audit").await;
    assert!(
        audit.text.contains("Parole ievadīta atkārtoti"),
        "{}",
        audit.text
    );
    app.stop().await;
}

#[tokio::test]
async fn a_malformed_code_is_said_so_and_running_low_on_recovery_codes_leads_to_new_ones() {
    let app = TestApp::spawn().await;
    let me = app.login(Role::Ngo).await;
    let (_, recovery) = enrol(&app, &me).await;
    let c = app.client();
    c.get("/lv/login").await;
    c.login(&email_for(Role::Ngo), PASSWORD).await;
    // Not a code at all: said so, and never counted (no wait however often).
    for _ in 0..8 {
        let res = c.post_form("/lv/login/code", &[("code", "12345")]).await;
        assert_eq!(res.status, 422);
        assert!(res.text.contains("seši cipari"), "{}", res.text);
    }
    // Eight recovery codes used: the eighth leaves two, and the sign-in ends on the page
    // that makes new ones.
    for (n, code) in recovery.iter().take(8).enumerate() {
        let c = app.client();
        c.get("/lv/login").await;
        c.login(&email_for(Role::Ngo), PASSWORD).await;
        let res = c.post_form("/lv/login/code", &[("code", code)]).await;
        assert_eq!(res.status, 303, "{n}: {}", res.text);
        if n < 7 {
            assert_eq!(res.location(), Some("/lv/workspace"), "{n}");
        } else {
            assert_eq!(
                res.location(),
                Some("/lv/account/second-factor?notice=mfa-recovery-low")
            );
            let page = c
                .get("/lv/account/second-factor?notice=mfa-recovery-low")
                .await;
            assert!(page.text.contains("izveidojiet jaunus"), "{}", page.text);
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn a_passkey_that_does_not_verify_counts_as_a_wrong_code_and_the_app_code_still_works() {
    // An address is no relying party: the page says so.
    let by_address = TestApp::spawn().await;
    let page = by_address
        .login(Role::Coordinator)
        .await
        .get("/en/account/passkeys")
        .await;
    assert!(page.text.contains("is not a domain name"), "{}", page.text);
    let app = TestApp::spawn_with(|s| s.public_url = "http://localhost:{port}".to_owned()).await;
    let c = app.login(Role::Coordinator).await;
    // Without the app's factor there is nothing to add a passkey to.
    assert_eq!(
        c.post_form("/lv/account/passkeys/begin", &[]).await.status,
        400
    );
    let (key, _) = enrol(&app, &c).await;
    // The page lists none and offers the form (shown by its script).
    let page = c.get("/en/account/passkeys").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("data-passkey=\"register\""),
        "{}",
        page.text
    );
    // A registration with no ceremony, or a forged credential, adds nothing.
    let res = c
        .post_form(
            "/lv/account/passkeys",
            &[("name", "Viltots"), ("credential", "{\"id\":\"x\"}")],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("id=\"name-error\""), "{}", res.text);
    assert!(res.text.contains("value=\"Viltots\""));
    // A name is asked for before the device makes anything.
    let unnamed = c
        .post_form("/lv/account/passkeys/begin", &[("name", " ")])
        .await;
    assert_eq!(unnamed.status, 422);
    assert!(
        unnamed.text.contains("Ierakstiet nosaukumu"),
        "{}",
        unnamed.text
    );
    let begun = c
        .post_form("/lv/account/passkeys/begin", &[("name", "Darba dators")])
        .await;
    assert_eq!(begun.status, 200);
    assert!(begun.text.contains("\"challenge\""), "{}", begun.text);
    let res = c
        .post_form(
            "/lv/account/passkeys",
            &[("name", "Viltots"), ("credential", "nav JSON")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(ok(store::passkeys::list(&app.db, app.user_id(Role::Coordinator)).await).is_empty());
    // At the second step: no passkey to start with (404), and a made-up assertion is a
    // wrong code — counted, the page says so, the code from the app still signs in.
    let s = app.client();
    s.get("/lv/login").await;
    let res = s.login(&email_for(Role::Coordinator), PASSWORD).await;
    assert_eq!(res.location(), Some("/lv/login/code"));
    s.get("/lv/login/code").await;
    assert_eq!(
        s.post_form("/lv/login/passkey/begin", &[]).await.status,
        404
    );
    let before = ok(store::audit::count(&app.db, "mfa_failed").await);
    let res = s
        .post_form("/lv/login/passkey", &[("credential", "{\"id\":\"x\"}")])
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("Ar piekļuves atslēgu neizdevās"),
        "{}",
        res.text
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "mfa_failed").await),
        before + 1
    );
    app.advance_minutes(1);
    let code = domain::totp::code_at(&key, app.clock_now());
    let res = s.post_form("/lv/login/code", &[("code", &code)]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    // Without a live second step, the passkey endpoint says the step is over.
    let anon = app.client();
    anon.get("/lv/login").await;
    assert_eq!(
        anon.post_form("/lv/login/passkey", &[("credential", "{}")])
            .await
            .status,
        404
    );
}

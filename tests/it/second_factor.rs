//! The second factor (issue 17): enrolment with a QR code and recovery codes, the code
//! after a right password, throttled guesses, and resets by another coordinator or the CLI.

use domain::auth::Role;
use testkit::{Client, PASSWORD, TestApp, email_for};

use crate::ok;

/// Text without its tags (the key is shown in groups that do not break).
pub fn without_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Turns two-step sign-in on for the client's account; returns the key and the recovery
/// codes shown.
async fn enrol(app: &TestApp, c: &Client) -> (Vec<u8>, Vec<String>) {
    let page = c.get("/lv/account/second-factor").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("Ieslēgt divpakāpju pieteikšanos"),
        "{}",
        page.text
    );
    let begun = c.post_form("/lv/account/second-factor/begin", &[]).await;
    assert_eq!(begun.status, 200);
    assert!(begun.text.contains("<svg") && begun.text.contains("aria-label=\"QR kods"));
    let start = begun
        .text
        .find("<code class=\"secret\" lang=\"en\">")
        .unwrap_or_else(|| panic!("no key shown: {}", begun.text));
    let rest = &begun.text[start + 31..];
    let key_text = &without_tags(&rest[..rest.find("</code>").unwrap_or(0)]);
    let key = domain::totp::from_base32(key_text).unwrap_or_default();
    assert_eq!(key.len(), domain::totp::KEY_BYTES, "{key_text}");
    // A wrong code is told next to the field; the QR code stays.
    let wrong = c
        .post_form("/lv/account/second-factor/confirm", &[("code", "000000")])
        .await;
    let wrong = if wrong.status == 200 {
        // (1 in a million: 000000 was right.)
        panic!("000000 was the code")
    } else {
        wrong
    };
    assert_eq!(wrong.status, 422);
    assert!(wrong.text.contains("id=\"code-error\"") && wrong.text.contains("<svg"));
    let code = domain::totp::code_at(&key, app.clock_now());
    let done = c
        .post_form("/lv/account/second-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(done.status, 200, "{}", done.text);
    let codes: Vec<String> = done
        .text
        .split("<li><code>")
        .skip(1)
        .map(|p| p[..p.find('<').unwrap_or(0)].to_owned())
        .collect();
    assert_eq!(codes.len(), 10, "{}", done.text);
    (key, codes)
}

/// Logs in with the password; returns the client (at the code step when enrolled).
async fn password_step(app: &TestApp, role: Role) -> (Client, testkit::Resp) {
    let c = app.client();
    c.get("/lv/login").await;
    let res = c.login(&email_for(role), PASSWORD).await;
    (c, res)
}

#[tokio::test]
async fn with_a_second_factor_the_password_alone_opens_nothing() {
    let app = TestApp::spawn().await;
    let other_session = app.login(Role::Coordinator).await;
    let me = app.login(Role::Coordinator).await;
    let (key, recovery) = enrol(&app, &me).await;
    assert!(ok(store::factors::enrolled(
        &app.db,
        app.user_id(Role::Coordinator)
    )
    .await));
    // Turning it on ends every other session (one someone started with the password) and
    // tells the owner; this one goes on.
    assert_ne!(other_session.get("/lv/workspace").await.status, 200);
    assert_eq!(me.get("/lv/workspace").await.status, 200);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(mails.iter().any(|m| m.kind == "account_mfa_enrolled"));
    let page = me.get("/lv/account/second-factor").await;
    assert!(
        page.text.contains("Atlikuši 10 neizmantoti rezerves kodi"),
        "{}",
        page.text
    );
    // The right password leads to the code, not in.
    let (c, res) = password_step(&app, Role::Coordinator).await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/lv/login/code"));
    assert_ne!(
        c.get("/lv/workspace").await.status,
        200,
        "not signed in yet"
    );
    let form = c.get("/lv/login/code").await;
    assert_eq!(form.status, 200);
    assert!(form.text.contains("autocomplete=\"one-time-code\""));
    let wrong = c.post_form("/lv/login/code", &[("code", "123 456")]).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text.contains("Kods nav pareizs"));
    // The code of the step used at enrolment is not good again; the next one is.
    let used = domain::totp::code_at(&key, app.clock_now());
    let again = c.post_form("/lv/login/code", &[("code", &used)]).await;
    assert_eq!(again.status, 422, "a code is good once");
    app.advance_minutes(1);
    let code = domain::totp::code_at(&key, app.clock_now());
    let res = c.post_form("/lv/login/code", &[("code", &code)]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(res.location(), Some("/lv/workspace"));
    assert_eq!(c.get("/lv/workspace").await.status, 200);
    // A recovery code works once, typed loosely.
    let (c, _) = password_step(&app, Role::Coordinator).await;
    let loose = recovery[0].to_uppercase().replace('-', " ");
    let res = c.post_form("/lv/login/code", &[("code", &loose)]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let (c, _) = password_step(&app, Role::Coordinator).await;
    let res = c
        .post_form("/lv/login/code", &[("code", &recovery[0])])
        .await;
    assert_eq!(res.status, 422, "used up");
    let page = me.get("/lv/account/second-factor").await;
    assert!(
        page.text.contains("Atlikuši 9 neizmantoti rezerves kodi"),
        "{}",
        page.text
    );
    // Without a challenge there is no code page.
    let stranger = app.client();
    let res = stranger.get("/lv/login/code").await;
    assert_eq!(res.status, 404);
    assert!(res.text.contains("Piesakieties vēlreiz ar paroli"));
}

#[tokio::test]
async fn code_guesses_are_throttled_like_passwords() {
    let app = TestApp::spawn().await;
    let me = app.login(Role::Mediator).await;
    let (key, _) = enrol(&app, &me).await;
    let (c, _) = password_step(&app, Role::Mediator).await;
    let mut statuses = Vec::new();
    for n in 0..8 {
        let res = c
            .post_form("/lv/login/code", &[("code", &format!("99999{n}"))])
            .await;
        statuses.push(res.status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    let res = c.post_form("/lv/login/code", &[("code", "999990")]).await;
    assert_eq!(res.status, 429);
    assert!(res.header("retry-after").is_some());
    // The owner's browser, which has signed in before, is counted apart: the guesses from
    // the same address do not lock them out.
    me.post_form("/lv/logout", &[]).await;
    let res = me.login(&email_for(Role::Mediator), PASSWORD).await;
    assert_eq!(res.location(), Some("/lv/login/code"));
    app.advance_minutes(1);
    let code = domain::totp::code_at(&key, app.clock_now());
    let res = me.post_form("/lv/login/code", &[("code", &code)]).await;
    assert_eq!(res.status, 303, "{}", res.text);
}

#[tokio::test]
async fn another_coordinator_resets_a_lost_factor_and_the_cli_resets_the_last_one() {
    let app = TestApp::spawn().await;
    let mediator = app.login(Role::Mediator).await;
    enrol(&app, &mediator).await;
    let id = app.user_id(Role::Mediator);
    let c = app.login(Role::Coordinator).await;
    let page = c.get(&format!("/lv/admin/users/{id}")).await;
    assert!(page.text.contains("/reset-mfa"), "{}", page.text);
    let res = c
        .post_form(&format!("/lv/admin/users/{id}/reset-mfa"), &[])
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("Divpakāpju pieteikšanās atiestatīta"));
    assert!(!ok(store::factors::enrolled(&app.db, id).await));
    assert_ne!(
        mediator.get("/lv/workspace").await.status,
        200,
        "signed out"
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(
        mails
            .iter()
            .any(|m| m.to == email_for(Role::Mediator) && m.kind == "account_mfa_reset")
    );
    // The password alone opens it again (until they turn it on anew).
    let (_, res) = password_step(&app, Role::Mediator).await;
    assert_eq!(res.location(), Some("/lv/workspace"));
    // Not one's own factor: the button is not there, and the address refuses.
    enrol(&app, &c).await;
    let me = app.user_id(Role::Coordinator);
    let page = c.get(&format!("/lv/admin/users/{me}")).await;
    assert!(!page.text.contains("/reset-mfa"));
    assert_eq!(
        c.post_form(&format!("/lv/admin/users/{me}/reset-mfa"), &[])
            .await
            .status,
        403
    );
    // The last coordinator's goes through the CLI.
    let db = app.settings.database.clone();
    let dir = db.parent().unwrap_or_else(|| std::path::Path::new("."));
    let email = email_for(Role::Coordinator);
    let out = crate::cli::roma(
        dir,
        &[
            "user",
            "reset-mfa",
            "--email",
            &email,
            "--database",
            &db.to_string_lossy(),
        ],
        None,
    )
    .await;
    assert!(out.status.success(), "{out:?}");
    assert!(!ok(store::factors::enrolled(&app.db, me).await));
}

#[tokio::test]
async fn thirty_wrong_codes_in_a_row_lock_the_code_step_until_a_recovery_code_opens_it() {
    let app = TestApp::spawn().await;
    let me = app.login(Role::Mediator).await;
    let (key, recovery) = enrol(&app, &me).await;
    let id = app.user_id(Role::Mediator);
    let actor = store::Actor::cli();
    let notice = store::outbox::Outgoing {
        kind: "account_mfa_locked".to_owned(),
        subject: "s".to_owned(),
        body: "b".to_owned(),
        ..Default::default()
    };
    let to = email_for(Role::Mediator);
    for n in 0..store::factors::MAX_FAILED_CODES {
        let checked = ok(store::factors::check(
            &app.db,
            app.clock_now(),
            &actor,
            app.state.keyring(),
            id,
            "000001",
            (&to, &notice),
            true,
        )
        .await);
        assert!(
            matches!(checked, store::factors::Checked::Wrong { .. }),
            "{n}: {checked:?}"
        );
    }
    // Now even the right code is refused, and the owner was told once.
    app.advance_minutes(1);
    let right = domain::totp::code_at(&key, app.clock_now());
    let checked = ok(store::factors::check(
        &app.db,
        app.clock_now(),
        &actor,
        app.state.keyring(),
        id,
        &right,
        (&to, &notice),
        true,
    )
    .await);
    assert_eq!(checked, store::factors::Checked::Locked);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.kind == "account_mfa_locked")
            .count(),
        1
    );
    let (c, _) = password_step(&app, Role::Mediator).await;
    let res = c.post_form("/lv/login/code", &[("code", &right)]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("bloķēta"), "{}", res.text);
    // A password set anew does not open it (whoever guessed has the password) ...
    ok(store::users::set_password(
        &app.db,
        app.clock_now(),
        &actor,
        id,
        &domain::password::hash(PASSWORD),
        None,
    )
    .await);
    let (c, _) = password_step(&app, Role::Mediator).await;
    let res = c.post_form("/lv/login/code", &[("code", &right)]).await;
    assert_eq!(res.status, 422, "still locked");
    // ... and where the lock does not hold (a reset link), a code from the app is not taken
    // once locked, only a recovery code — which opens it again.
    app.advance_minutes(1);
    let right = domain::totp::code_at(&key, app.clock_now());
    let check = |typed: String| {
        let (db, keyring, now) = (app.db.clone(), app.state.keyring().clone(), app.clock_now());
        let (actor, to, notice) = (actor.clone(), to.clone(), notice.clone());
        async move {
            ok(store::factors::check(
                &db,
                now,
                &actor,
                &keyring,
                id,
                &typed,
                (&to, &notice),
                false,
            )
            .await)
        }
    };
    assert!(matches!(
        check(right.clone()).await,
        store::factors::Checked::Wrong { .. }
    ));
    assert_eq!(
        check(recovery[0].clone()).await,
        store::factors::Checked::Recovery
    );
    app.advance_minutes(1);
    let right = domain::totp::code_at(&key, app.clock_now());
    let (c, _) = password_step(&app, Role::Mediator).await;
    let res = c.post_form("/lv/login/code", &[("code", &right)]).await;
    assert_eq!(res.status, 303, "{}", res.text);
}

#[tokio::test]
async fn resetting_an_account_without_a_factor_does_nothing() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let ngo = app.login(Role::Ngo).await;
    let id = app.user_id(Role::Ngo);
    c.get(&format!("/lv/admin/users/{id}")).await;
    let res = c
        .post_form(&format!("/lv/admin/users/{id}/reset-mfa"), &[])
        .await;
    assert_eq!(res.status, 200);
    assert!(res.text.contains("nav ieslēgta"), "{}", res.text);
    assert_eq!(
        ngo.get("/lv/workspace").await.status,
        200,
        "still signed in"
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(mails.iter().all(|m| m.kind != "account_mfa_reset"));
}

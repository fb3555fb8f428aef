//! Browser tests: headless Chromium through chromedriver (crates/testkit/src/webdriver.rs).
//! A coordinator's round trip through the real forms, and axe-core on every page type:
//! zero WCAG 2.1 A/AA violations, in both languages, and no sideways scrolling on a phone.

use crate::ok;
use domain::auth::Role;
use serde_json::Value;
use testkit::webdriver::Browser;
use testkit::{PASSWORD, TestApp, email_for};

/// axe-core 4.14.1, vendored (tests/vendor/axe-core.LICENSE).
const AXE: &str = include_str!("../vendor/axe.min.js");

/// Runs axe on the current page and reports the result as plain data.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  .then(r => done({ violations: r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({ target: n.target, html: n.html, summary: n.failureSummary })),
  })) }))
  .catch(e => done({ error: String(e) }));
"#;

const NEW_PASSWORD: &str = "jauna ļoti gara parole 2026";

fn url(app: &TestApp, path: &str) -> String {
    format!("{}{path}", app.base)
}

/// Logs in through the form at /{lang}/login and waits for the workspace.
async fn log_in(b: &Browser, app: &TestApp, lang: &str, role: Role, password: &str) {
    b.goto(&url(app, &format!("/{lang}/login"))).await;
    b.find("#email").await.send_keys(&email_for(role)).await;
    b.find("#password").await.send_keys(password).await;
    b.find("form[action$='/login'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url(&format!("/{lang}/workspace")).await;
}

/// Turns on two-step sign-in on the account page (at `base`), with the app's code made from
/// the key shown, and waits for the recovery codes.
async fn turn_on_two_step(b: &Browser, app: &TestApp, base: &str) {
    b.goto(&format!("{base}/en/account/second-factor")).await;
    b.find("form[action$='/second-factor/begin'] button[type=submit]")
        .await
        .click()
        .await;
    let key_text = b.wait_for("code.secret").await.text().await;
    let key = domain::totp::from_base32(&key_text).unwrap_or_default();
    b.find("#code")
        .await
        .send_keys(&domain::totp::code_at(&key, app.clock_now()))
        .await;
    b.find("form[action$='/second-factor/confirm'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("ol.recovery-codes").await;
}

async fn h1(b: &Browser) -> String {
    b.find("h1").await.text().await
}

async fn html_lang(b: &Browser) -> String {
    let v = b
        .execute("return document.documentElement.lang;", vec![])
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn coordinator_logs_in_switches_language_changes_password_and_logs_in_again() {
    let app = TestApp::spawn().await;
    let b = Browser::start().await;

    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;
    assert_eq!(html_lang(&b).await, "lv");
    assert_eq!(h1(&b).await, "Darba vieta");
    // Chromium keeps the Secure, host-only session cookie on http://127.0.0.1 (a
    // potentially trustworthy origin), so the tests need no TLS.
    let cookies = b.cookies().await;
    let session = cookies
        .iter()
        .find(|c| c["name"] == "__Host-roma_session")
        .unwrap_or_else(|| panic!("no session cookie in {cookies:?}"));
    assert_eq!(session["secure"], true, "{session}");
    assert_eq!(session["httpOnly"], true, "{session}");

    // The header link shows the same page in English.
    let switch = b.find("a.lang-switch").await;
    assert_eq!(switch.text().await, "English");
    switch.click().await;
    b.wait_for_url("/en/workspace").await;
    assert_eq!(html_lang(&b).await, "en");
    assert_eq!(h1(&b).await, "Workspace");
    assert_eq!(b.find("a.lang-switch").await.text().await, "Latviešu");

    // Change the password on the account page.
    b.goto(&url(&app, "/en/account")).await;
    assert_eq!(h1(&b).await, "My account");
    b.find("#current_password").await.send_keys(PASSWORD).await;
    b.find("#new_password").await.send_keys(NEW_PASSWORD).await;
    b.find("#confirm_password")
        .await
        .send_keys(NEW_PASSWORD)
        .await;
    b.find("form[action$='/account/password'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/en/account?notice=password-changed").await;
    assert_eq!(
        b.find(".notice").await.text().await,
        "Password changed. Your other sessions have ended."
    );

    // Log out with the header button.
    b.find("form[action$='/logout'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/en/").await;
    assert_eq!(h1(&b).await, "Latvian Roma Platform");
    b.goto(&url(&app, "/en/workspace")).await;
    assert!(
        b.current_url().await.contains("/en/login"),
        "logged out, the workspace asks for a login"
    );

    // The old password no longer works; the new one does.
    b.goto(&url(&app, "/en/login")).await;
    b.find("#email")
        .await
        .send_keys(&email_for(Role::Coordinator))
        .await;
    b.find("#password").await.send_keys(PASSWORD).await;
    b.find("form[action$='/login'] button[type=submit]")
        .await
        .click()
        .await;
    let summary = b.wait_for(".error-summary").await;
    assert!(summary.text().await.contains("Wrong e-mail or password."));
    log_in(&b, &app, "en", Role::Coordinator, NEW_PASSWORD).await;
    assert_eq!(h1(&b).await, "Workspace");
    assert!(
        b.find(".who")
            .await
            .text()
            .await
            .contains("Tests coordinator")
    );
}

/// Injects axe-core into the current page, runs it, and describes each violation; first
/// checks that the page is the one meant (its `<html lang>` and `<h1>`).
async fn axe(b: &Browser, lang: &str, expected_h1: &str) -> Vec<String> {
    let at = b.current_url().await;
    assert_eq!(html_lang(b).await, lang, "{at}");
    assert_eq!(h1(b).await, expected_h1, "{at}");
    b.execute(AXE, vec![]).await;
    let result = b.execute_async(AXE_RUN, vec![]).await;
    if let Some(e) = result.get("error") {
        panic!("axe failed on {at}: {e}");
    }
    let Some(violations) = result["violations"].as_array() else {
        panic!("unexpected axe result on {at}: {result}");
    };
    violations.iter().map(|v| describe(&at, v)).collect()
}

fn describe(at: &str, v: &Value) -> String {
    let mut out = format!(
        "{at}: [{}] {} ({}) {}",
        v["impact"].as_str().unwrap_or("?"),
        v["id"].as_str().unwrap_or("?"),
        v["help"].as_str().unwrap_or("?"),
        v["helpUrl"].as_str().unwrap_or(""),
    );
    for n in v["nodes"].as_array().into_iter().flatten() {
        out.push_str(&format!(
            "\n    at {}\n      {}\n      {}",
            n["target"],
            n["html"].as_str().unwrap_or(""),
            n["summary"]
                .as_str()
                .unwrap_or("")
                .replace('\n', "\n      "),
        ));
    }
    out
}

fn assert_no_violations(found: &[String]) {
    assert!(
        found.is_empty(),
        "{} accessibility violation(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// At phone width the page must not scroll sideways.
async fn fits_phone(b: &Browser) -> Option<String> {
    let v = b
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await;
    let (scroll, inner) = (v[0].as_i64().unwrap_or(-1), v[1].as_i64().unwrap_or(-1));
    assert!(
        inner > 0 && inner <= 360,
        "the window did not shrink: innerWidth {inner}"
    );
    let at = b.current_url().await;
    let wide = b.execute("return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 15).join(' | ');", vec![]).await;
    // A chart's words drawn smaller than 11 px cannot be read on a phone.
    let small = b
        .execute(
            "return Array.from(document.querySelectorAll('svg.chart')).map(s => {
               const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
               const t = s.querySelector('text');
               return t ? Math.round(parseFloat(t.getAttribute('font-size')) * scale * 10) / 10 : 99;
             }).filter(px => px < 11).join(', ');",
            vec![],
        )
        .await;
    let small = small.as_str().unwrap_or_default();
    if !small.is_empty() {
        return Some(format!("{at}: chart text of {small} px at {inner} px"));
    }
    (scroll > inner)
        .then(|| format!("{at}: scrolls sideways at {inner} px (scrollWidth {scroll}) {wide}"))
}

#[tokio::test]
async fn public_pages_have_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let b = Browser::start().await;
    let mut found = Vec::new();
    for (lang, home, login, not_found, set_pw, failed) in [
        (
            "lv",
            "Latvijas Romu platforma",
            "Pieteikšanās",
            "Lapa nav atrasta",
            "Paroles iestatīšana",
            "Nepareizs e-pasts vai parole.",
        ),
        (
            "en",
            "Latvian Roma Platform",
            "Log in",
            "Page not found",
            "Set your password",
            "Wrong e-mail or password.",
        ),
    ] {
        b.goto(&url(&app, &format!("/{lang}/"))).await;
        found.extend(axe(&b, lang, home).await);

        // The user guide in the app, in the page's language.
        b.goto(&url(&app, &format!("/{lang}/help/events"))).await;
        found.extend(axe(&b, lang, if lang == "lv" { "Pasākumi" } else { "Events" }).await);

        b.goto(&url(&app, &format!("/{lang}/login"))).await;
        found.extend(axe(&b, lang, login).await);

        // The login form showing an error.
        b.find("#email")
            .await
            .send_keys(&email_for(Role::Ngo))
            .await;
        b.find("#password")
            .await
            .send_keys("nepareiza parole 123")
            .await;
        b.find("form[action$='/login'] button[type=submit]")
            .await
            .click()
            .await;
        let summary = b.wait_for(".error-summary").await;
        assert!(summary.text().await.contains(failed));
        found.extend(axe(&b, lang, login).await);

        b.goto(&url(&app, &format!("/{lang}/nope"))).await;
        found.extend(axe(&b, lang, not_found).await);

        b.goto(&url(&app, &format!("/{lang}/password/set/invalid")))
            .await;
        found.extend(axe(&b, lang, set_pw).await);
    }

    // The public directory, with one person and one organisation listed.
    for (subject, fields) in [
        (
            store::listings::Subject::Person(app.fixtures.person_a),
            store::listings::PERSON_FIELDS,
        ),
        (
            store::listings::Subject::Organisation(app.fixtures.org_a),
            store::listings::ORG_FIELDS,
        ),
    ] {
        let fields: Vec<String> = fields.iter().map(|f| (*f).to_owned()).collect();
        store::listings::set(
            &app.db,
            app.clock_now(),
            &store::Actor::cli(),
            subject,
            &fields,
            "2026-11-20",
            "t",
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
    for (lang, h1) in [
        ("lv", "Platformas dalībnieku katalogs"),
        ("en", "Directory of platform members"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/directory"))).await;
        found.extend(axe(&b, lang, h1).await);
    }

    b.set_window_size(360, 740).await;
    for (lang, home) in [
        ("lv", "Latvijas Romu platforma"),
        ("en", "Latvian Roma Platform"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/"))).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, home).await);
    }
    assert_no_violations(&found);
}

#[tokio::test]
async fn workspace_pages_have_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    // The event's day: its attendance can be taken.
    app.on_the_event_day();
    let b = Browser::start().await;
    let mut found = Vec::new();
    // Something waits on the workspace home: an overdue action, a registration to confirm.
    ok(store::actions::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.fixtures.event,
        &store::actions::ActionInput {
            title_lv: "Nosūtīt skolu sarakstu".to_owned(),
            title_en: None,
            owner_organisation_id: app.fixtures.org_a,
            due_date: Some(jiff::civil::date(2026, 11, 20)),
            measures: Vec::new(),
        },
    )
    .await);
    crate::registrations::register_publicly(
        &app,
        app.fixtures.event,
        "Ilze Testa",
        "ilze@example.invalid",
    )
    .await;
    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;

    for (lang, workspace, account) in [
        ("lv", "Darba vieta", "Mans konts"),
        ("en", "Workspace", "My account"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/workspace"))).await;
        found.extend(axe(&b, lang, workspace).await);

        b.goto(&url(&app, &format!("/{lang}/account"))).await;
        found.extend(axe(&b, lang, account).await);

        // The password form with errors: wrong current password, nothing else filled in.
        b.find("#current_password")
            .await
            .send_keys("nepareiza parole 123")
            .await;
        b.find("form[action$='/account/password'] button[type=submit]")
            .await
            .click()
            .await;
        b.wait_for("#current_password[aria-invalid=true]").await;
        found.extend(axe(&b, lang, account).await);
        // The error summary has the focus, and the title says there is an error.
        let state = b
            .execute(
                "return [document.activeElement.className, document.title];",
                Vec::new(),
            )
            .await;
        let prefix = if lang == "lv" { "Kļūda: " } else { "Error: " };
        assert_eq!(state[0].as_str(), Some("error-summary"), "{state}");
        assert!(
            state[1].as_str().is_some_and(|t| t.starts_with(prefix)),
            "{state}"
        );

        // A new API token: the one-time notice and the tokens table.
        b.find("#label")
            .await
            .send_keys(&format!("tests {lang}"))
            .await;
        b.find("form[action$='/account/tokens'] button[type=submit]")
            .await
            .click()
            .await;
        b.wait_for("code.secret").await;
        found.extend(axe(&b, lang, account).await);

        // Two-step sign-in: the offer, the QR code and key, a wrong code (also on a phone);
        // then "forgot your password?" and a code step that is not there.
        let (mfa, forgot, code) = if lang == "lv" {
            (
                "Divpakāpju pieteikšanās",
                "Paroles atjaunošana",
                "Kods no lietotnes",
            )
        } else {
            (
                "Two-step sign-in",
                "Reset your password",
                "Code from the app",
            )
        };
        b.goto(&url(&app, &format!("/{lang}/account/second-factor")))
            .await;
        found.extend(axe(&b, lang, mfa).await);
        b.find("form[action$='/second-factor/begin'] button[type=submit]")
            .await
            .click()
            .await;
        b.wait_for(".qr svg").await;
        found.extend(axe(&b, lang, mfa).await);
        b.find("#code").await.send_keys("000000").await;
        b.find("form[action$='/second-factor/confirm'] button[type=submit]")
            .await
            .click()
            .await;
        b.wait_for("#code[aria-invalid=true]").await;
        found.extend(axe(&b, lang, mfa).await);
        b.set_window_size(360, 740).await;
        found.extend(axe(&b, lang, mfa).await);
        // The account page's sessions table at phone width.
        b.goto(&url(&app, &format!("/{lang}/account"))).await;
        found.extend(axe(&b, lang, account).await);
        if let Some(p) = fits_phone(&b).await {
            found.push(format!("{lang} account page at 360 px: {p}"));
        }
        b.set_window_size(1280, 900).await;
        b.goto(&url(&app, &format!("/{lang}/password/forgot")))
            .await;
        found.extend(axe(&b, lang, forgot).await);
        b.goto(&url(&app, &format!("/{lang}/login/code"))).await;
        found.extend(axe(&b, lang, code).await);
        // "Confirm it is you" before a sensitive action, with a wrong password.
        let confirm = if lang == "lv" {
            "Apstipriniet, ka tas esat jūs"
        } else {
            "Confirm it is you"
        };
        b.goto(&url(
            &app,
            &format!("/{lang}/account/confirm?next=/{lang}/account"),
        ))
        .await;
        found.extend(axe(&b, lang, confirm).await);
        b.find("#password")
            .await
            .send_keys("nepareiza parole")
            .await;
        b.find("form[action$='/account/confirm'] button[type=submit]")
            .await
            .click()
            .await;
        b.wait_for("#password[aria-invalid=true]").await;
        found.extend(axe(&b, lang, confirm).await);
    }

    // Two-step sign-in turned on: the recovery codes once, then the page with new codes and
    // turning it off; the confirmation with a code field; a reset link that asks for a code.
    turn_on_two_step(&b, &app, &app.base).await;
    found.extend(axe(&b, "en", "Two-step sign-in").await);
    b.goto(&url(&app, "/en/account/second-factor")).await;
    b.wait_for("form[action$='/second-factor/recovery']").await;
    found.extend(axe(&b, "en", "Two-step sign-in").await);
    b.goto(&url(&app, "/lv/account/confirm?next=/lv/account"))
        .await;
    b.wait_for("#code").await;
    found.extend(axe(&b, "lv", "Apstipriniet, ka tas esat jūs").await);
    {
        let anon = app.client();
        anon.get("/lv/password/forgot").await;
        let me = testkit::email_for(Role::Coordinator);
        anon.post_form("/lv/password/forgot", &[("email", &me)])
            .await;
        let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
        let body = mails
            .into_iter()
            .filter(|m| m.kind == "password_reset" && m.to == me)
            .max_by_key(|m| m.id)
            .map(|m| m.body)
            .unwrap_or_default();
        let start = body.find("/password/set/").unwrap_or_default();
        let end = body[start..]
            .find(char::is_whitespace)
            .map_or(body.len(), |e| start + e);
        b.goto(&url(&app, &format!("/lv{}", &body[start..end])))
            .await;
        b.wait_for("#code").await;
        found.extend(axe(&b, "lv", "Paroles iestatīšana").await);
    }

    b.goto(&url(&app, "/lv/admin/users")).await;
    found.extend(axe(&b, "lv", "Lietotāji").await);

    b.goto(&url(&app, "/lv/admin/users/new")).await;
    found.extend(axe(&b, "lv", "Jauns lietotājs").await);

    // The new-user form submitted empty.
    b.find("form[action$='/admin/users'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".error-summary").await;
    found.extend(axe(&b, "lv", "Jauns lietotājs").await);

    // A created user: the notice and the one-time set-password link.
    b.goto(&url(&app, "/lv/admin/users/new")).await;
    b.find("#email")
        .await
        .send_keys("jauns@test.roma.invalid")
        .await;
    b.find("#name").await.send_keys("Jānis Bērziņš").await;
    b.find("form[action$='/admin/users'] button[type=submit]")
        .await
        .click()
        .await;
    let link = b.wait_for("code.secret").await.text().await;
    found.extend(axe(&b, "lv", "Lietotāja konts").await);

    let ngo = app.user_id(Role::Ngo);
    b.goto(&url(&app, &format!("/lv/admin/users/{ngo}"))).await;
    found.extend(axe(&b, "lv", "Lietotāja konts").await);

    b.goto(&url(&app, "/lv/admin/audit")).await;
    assert!(
        b.find("table tbody tr").await.text().await.len() > 1,
        "the log has entries"
    );
    found.extend(axe(&b, "lv", "Audita žurnāls").await);

    b.goto(&url(&app, "/lv/admin/outbox")).await;
    found.extend(axe(&b, "lv", "Izsūtāmais pasts").await);

    for (lang, h1) in [("lv", "Glabāšanas termiņi"), ("en", "Storage limits")] {
        b.goto(&url(&app, &format!("/{lang}/admin/storage-limits")))
            .await;
        found.extend(axe(&b, lang, h1).await);
    }

    // The breach register: its list, a new breach's form with its errors, a breach.
    let breach = ok(store::breaches::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::breaches::BreachInput {
            title: "Saraksts nosūtīts nepareizam adresātam".to_owned(),
            discovered_at: app.clock_now() - 3600,
            occurred_on: None,
            what_happened: "Dalībnieku saraksts nosūtīts citai iestādei.".to_owned(),
            categories: vec!["participation".to_owned()],
            people_count: Some(40),
            consequences: "Nevēlami e-pasti.".to_owned(),
            measures: "Saņēmējs lūgts dzēst.".to_owned(),
            risk: domain::privacy::BreachRisk::Risk,
            authority_notified_at: None,
            authority_reference: None,
            not_notified_reason: None,
            delay_reason: None,
            people_told_on: None,
            people_not_told_reason: None,
            closed_on: None,
        },
    )
    .await);
    for (lang, h1) in [
        ("lv", "Personas datu pārkāpumu reģistrs"),
        ("en", "Register of personal-data breaches"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/privacy/breaches")))
            .await;
        found.extend(axe(&b, lang, h1).await);
    }
    b.goto(&url(&app, &format!("/lv/privacy/breaches/{breach}")))
        .await;
    found.extend(axe(&b, "lv", "Nr. 1: Saraksts nosūtīts nepareizam adresātam").await);
    b.goto(&url(&app, "/lv/privacy/breaches/new")).await;
    b.find("form[action$='/privacy/breaches'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#title[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Reģistrēt pārkāpumu").await);

    // The register of requests, a request, the form's errors; a person's restriction and
    // erasure pages and the restricted people's list.
    let request = ok(store::subject_requests::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::subject_requests::RequestInput {
            kind: domain::privacy::RequestKind::Access,
            person_id: Some(app.fixtures.person_b),
            requester_name: "Ēriks Čakste".to_owned(),
            requester_email: None,
            reply_to: None,
            received_on: domain::event::riga_date(app.clock_now()),
            details: "Lūdz visus datus.".to_owned(),
            identity_checked: None,
            extension_reason: None,
            outcome: None,
            closed_on: None,
            response: None,
        },
    )
    .await);
    for (lang, h1) in [
        ("lv", "Datu subjektu pieprasījumi"),
        ("en", "Data subjects' requests"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/privacy/requests")))
            .await;
        found.extend(axe(&b, lang, h1).await);
    }
    b.goto(&url(&app, &format!("/en/privacy/requests/{request}")))
        .await;
    found.extend(
        axe(
            &b,
            "en",
            &format!("Request No. {request}: Access to their data (article 15)"),
        )
        .await,
    );
    b.goto(&url(&app, "/lv/privacy/requests/new")).await;
    b.find("form[action$='/privacy/requests'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#requester_name[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Reģistrēt pieprasījumu").await);
    let pb = app.fixtures.person_b;
    b.goto(&url(&app, &format!("/lv/people/{pb}/restriction")))
        .await;
    b.find("form[action$='/restriction'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#reason[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Ierobežot apstrādi: Ēriks Čakste").await);
    b.goto(&url(&app, &format!("/en/people/{pb}/erase"))).await;
    found.extend(axe(&b, "en", "Erase the person: Ēriks Čakste").await);
    b.goto(&url(&app, "/lv/people?restricted=1")).await;
    found.extend(axe(&b, "lv", "Personas ar ierobežotu apstrādi").await);
    for (lang, h1) in [
        ("lv", "Datu aizsardzības pārskats"),
        ("en", "Data protection overview"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/privacy/overview")))
            .await;
        found.extend(axe(&b, lang, h1).await);
    }
    for (lang, h1) in [
        ("lv", "Paziņojumi un piekrišanas"),
        ("en", "Notices and consents"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/privacy/notices")))
            .await;
        found.extend(axe(&b, lang, h1).await);
    }
    // A save refused because someone else saved meanwhile: the form with what differs.
    b.goto(&url(&app, "/lv/site/pages/contacts/edit")).await;
    ok(store::site_pages::save(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::site_pages::Page {
            slug: "contacts".to_owned(),
            title_lv: "Kontakti (saglabāti pa to laiku)".to_owned(),
            title_en: None,
            body_lv: "<p>Tālrunis (tests)</p>".to_owned(),
            body_en: None,
            updated_at: app.clock_now(),
        },
    )
    .await);
    b.find("#title_lv").await.send_keys("Kā sazināties").await;
    b.find("#body_lv").await.send_keys("E-pasts (tests)").await;
    b.find("form[action$='/contacts/edit'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#changed-since").await;
    found.extend(axe(&b, "lv", "Kontakti").await);

    // The directory: lists, details (with the Roma identity section), forms, errors.
    let (org, person) = (app.fixtures.org_a, app.fixtures.person_a);
    for (path, h1) in [
        ("/lv/organisations".to_owned(), "Organizācijas"),
        (
            format!("/lv/organisations/{org}"),
            "Testa pilsētas pašvaldība",
        ),
        ("/lv/organisations/new".to_owned(), "Jauna organizācija"),
        (
            format!("/lv/organisations/{org}/edit"),
            "Labot organizāciju",
        ),
        ("/lv/people?q=abele".to_owned(), "Personas"),
        (format!("/lv/people/{person}"), "Anna Ābele"),
        (
            format!("/lv/people/{person}/access"),
            "Piekļuves pārskats: Anna Ābele",
        ),
        ("/lv/people/new".to_owned(), "Jauna persona"),
        (format!("/lv/people/{person}/edit"), "Labot personas datus"),
        ("/lv/people/import".to_owned(), "Importēt personas no faila"),
        (
            "/lv/organisations/import".to_owned(),
            "Importēt organizācijas no faila",
        ),
        ("/lv/directory".to_owned(), "Platformas dalībnieku katalogs"),
        ("/lv/events".to_owned(), "Pasākumi"),
        (
            format!("/lv/events/{}", app.fixtures.event),
            "Ikgadējā sanāksme (tests)",
        ),
        ("/lv/events/new?type=workshop".to_owned(), "Jauns pasākums"),
        (
            format!("/lv/events/{}/edit", app.fixtures.event),
            "Labot pasākumu",
        ),
        ("/lv/calendar".to_owned(), "Pasākumu kalendārs"),
        (
            "/lv/calendar?month=2026-12".to_owned(),
            "Pasākumu kalendārs",
        ),
        ("/lv/events?month=2026-11".to_owned(), "Pasākumi"),
        ("/lv/statistics".to_owned(), "Dalības statistika"),
        (
            "/lv/statistics?from=2026-13-01&event_type=workshop".to_owned(),
            "Dalības statistika",
        ),
        ("/lv/participation".to_owned(), "Dalības statistika"),
        (
            "/lv/report-builder?kind=annual&year=2026&rlang=lv&audience=public".to_owned(),
            "Pārskatu sagatavošana",
        ),
        (
            "/lv/report-builder?kind=annual&year=1990&rlang=en&audience=internal".to_owned(),
            "Pārskatu sagatavošana",
        ),
        ("/lv/publications".to_owned(), "Publikācijas"),
        (
            "/lv/report-builder?kind=national&year=2026&rlang=en&audience=internal".to_owned(),
            "Pārskatu sagatavošana",
        ),
        (
            "/lv/report-builder?kind=grant&year=2026&rlang=lv&audience=internal".to_owned(),
            "Pārskatu sagatavošana",
        ),
        (
            format!("/lv/events/{}/documents", app.fixtures.event),
            "Dokumenti: Ikgadējā sanāksme (tests)",
        ),
        (
            format!("/lv/events/{}/attendance/import", app.fixtures.event),
            "Parakstu lapas imports: Ikgadējā sanāksme (tests)",
        ),
    ] {
        b.goto(&url(&app, &path)).await;
        found.extend(axe(&b, "lv", h1).await);
    }
    b.goto(&url(&app, &format!("/en/calendar/{}", app.fixtures.event)))
        .await;
    found.extend(axe(&b, "en", "Annual meeting (test)").await);
    // A report issued from the builder: the coordinators' page and the public one.
    b.goto(&url(
        &app,
        "/lv/report-builder?kind=annual&year=2026&rlang=lv&audience=public",
    ))
    .await;
    b.find("form[action$='/report-builder/issue'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".notice[role=status]").await;
    let title =
        "Latvijas romu platformas ikgadējās koordinācijas sanāksmes kopsavilkuma ziņojums 2026";
    found.extend(axe(&b, "lv", title).await);
    let issued = b.current_url().await;
    let id = issued
        .split("/issued/")
        .nth(1)
        .and_then(|r| r.split('?').next())
        .unwrap_or_default()
        .to_owned();
    b.goto(&url(&app, &format!("/lv/publications/{id}"))).await;
    found.extend(axe(&b, "lv", title).await);
    b.goto(&url(&app, "/lv/events/new")).await;
    b.find("#title_lv").await.send_keys("Sanāksme").await;
    b.find("#date").await.send_keys("2027-13-40").await;
    b.find("form[action$='/events'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".error-summary").await;
    found.extend(axe(&b, "lv", "Jauns pasākums").await);
    // The agenda: an error, then two items in the table, then the public page with them.
    let agenda = format!("/lv/events/{}/agenda", app.fixtures.event);
    let agenda_h1 = "Darba kārtība: Ikgadējā sanāksme (tests)";
    b.goto(&url(&app, &agenda)).await;
    b.find("form[action$='/agenda'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#title_lv[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", agenda_h1).await);
    for (n, title) in ["Atklāšana", "Diskusija"].into_iter().enumerate() {
        b.find("#title_lv").await.send_keys(title).await;
        b.find("form[action$='/agenda'] button[type=submit]")
            .await
            .click()
            .await;
        // The new page, not the old one (which may already show a notice).
        b.wait_for(&format!("table tbody tr:nth-child({})", n + 1))
            .await;
    }
    found.extend(axe(&b, "lv", agenda_h1).await);
    b.goto(&url(&app, &format!("/lv/calendar/{}", app.fixtures.event)))
        .await;
    b.wait_for("ol.agenda").await;
    found.extend(axe(&b, "lv", "Ikgadējā sanāksme (tests)").await);
    // Registration: the form, its errors, then the personal page.
    let reg_h1 = "Pieteikšanās: Ikgadējā sanāksme (tests)";
    b.goto(&url(
        &app,
        &format!("/lv/calendar/{}/register", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", reg_h1).await);
    b.find("form[action$='/register'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#name[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", reg_h1).await);
    b.find("#name").await.send_keys("Līga Ozoliņa").await;
    b.find("#email")
        .await
        .send_keys("liga@example.invalid")
        .await;
    b.find("#private_person").await.click().await;
    b.find("#notice").await.click().await;
    b.find("form[action$='/register'] button[type=submit]")
        .await
        .click()
        .await;
    // "Check your e-mail", then the coordinators' list with the pending registration apart.
    b.wait_for(".notice").await;
    found.extend(axe(&b, "lv", reg_h1).await);
    let list_h1 = "Pieteikumi: Ikgadējā sanāksme (tests)";
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/registrations", app.fixtures.event),
    ))
    .await;
    b.wait_for("#pending").await;
    found.extend(axe(&b, "lv", list_h1).await);
    // The personal page from the mail: confirm with the button.
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let mine = mails
        .iter()
        .filter(|m| m.to == "liga@example.invalid")
        .find_map(|m| crate::registrations::link_in_any(&m.body))
        .unwrap_or_else(|| panic!("no link mailed"));
    b.goto(&url(&app, &mine)).await;
    found.extend(axe(&b, "lv", "Jūsu pieteikums").await);
    b.find("form[action$='/confirm'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("p.notice[role=status]").await;
    found.extend(axe(&b, "lv", "Jūsu pieteikums").await);
    // A coordinator registers someone who called: the form and its errors.
    let add_h1 = "Pieteikt dalībnieku: Ikgadējā sanāksme (tests)";
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/registrations/new", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", add_h1).await);
    b.find("form[action$='/registrations/new'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#name[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", add_h1).await);
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/registrations", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", list_h1).await);
    // Check-in: search without diacritics, tick, then a walk-in that looks like someone
    // in the registry, then the printable sheet.
    let checkin_h1 = "Dalībnieku reģistrācija pasākumā: Ikgadējā sanāksme (tests)";
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/attendance?q=ozolina", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", checkin_h1).await);
    b.find("form[action$='/attendance/check-in'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".present").await;
    found.extend(axe(&b, "lv", checkin_h1).await);
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/attendance/walk-in", app.fixtures.event),
    ))
    .await;
    b.find("#name").await.send_keys("Anna Abele").await;
    b.find("form[action$='/walk-in'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#matched-new").await;
    found.extend(
        axe(
            &b,
            "lv",
            "Pievienot dalībnieku bez pieteikuma: Ikgadējā sanāksme (tests)",
        )
        .await,
    );
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/sign-in-sheet", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", "Parakstu lapa: Ikgadējā sanāksme (tests)").await);
    // Invitations: the coordinator's page, then the invitee's answer page with an error.
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/invitations", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", "Ielūgumi: Ikgadējā sanāksme (tests)").await);
    b.find("#people option").await.click().await;
    b.find("form[action$='/invitations/people'] button[type=submit]")
        .await
        .click()
        .await;
    // First who will get it; the preview's button sends.
    b.wait_for("input[name=confirm]").await;
    found.extend(axe(&b, "lv", "Kas saņems ielūgumu: Ikgadējā sanāksme (tests)").await);
    b.find("form[action$='/invitations/people'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("p.notice").await;
    found.extend(axe(&b, "lv", "Ielūgumi: Ikgadējā sanāksme (tests)").await);
    let invite_link = crate::mail_links(&app, "invitation", "/invitation/")
        .await
        .into_iter()
        .next()
        .map(|(_, link)| link)
        .unwrap_or_default();
    b.goto(&url(&app, &invite_link)).await;
    found.extend(axe(&b, "lv", "Ielūgums: Ikgadējā sanāksme (tests)").await);
    b.find("#answer").await.click().await;
    b.wait_for("#notice[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Ielūgums: Ikgadējā sanāksme (tests)").await);
    // Minutes and follow-up actions.
    let minutes_h1 = "Protokols: Ikgadējā sanāksme (tests)";
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/minutes", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", minutes_h1).await);
    b.find("#title_lv").await.send_keys("Apkopot datus").await;
    b.find("form[action$='/actions'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#owner[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", minutes_h1).await);
    let action = store::actions::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.fixtures.event,
        &store::actions::ActionInput {
            title_lv: "Sagatavot ziņojumu".to_owned(),
            owner_organisation_id: app.fixtures.org_a,
            due_date: Some(jiff::civil::date(2026, 1, 31)),
            measures: Vec::new(),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    b.goto(&url(&app, "/lv/actions")).await;
    found.extend(axe(&b, "lv", "Turpmākās darbības").await);
    b.goto(&url(&app, &format!("/lv/actions/{action}"))).await;
    b.find("#status option[value=dropped]").await.click().await;
    b.find("form[action$='/progress'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#note[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Sagatavot ziņojumu").await);
    // Feedback: the coordinator's summary, and a participant's survey with an error.
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/feedback", app.fixtures.event),
    ))
    .await;
    found.extend(axe(&b, "lv", "Atsauksmes: Ikgadējā sanāksme (tests)").await);
    let secret = "browser-test-feedback-link";
    let event_id = app.fixtures.event;
    for to in [
        domain::event::EventStatus::RegistrationClosed,
        domain::event::EventStatus::Held,
    ] {
        store::events::set_status(
            &app.db,
            crate::after_events_began(&app),
            &store::Actor::cli(),
            event_id,
            to,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let present = store::attendance::for_event(&app.db, store::attendance::Scope::All, event_id)
        .await
        .unwrap_or_default();
    let recipient = store::feedback::Recipient {
        attendance_id: present.first().map(|a| a.id).unwrap_or_default(),
        name: "Līga".to_owned(),
        email: "liga@example.invalid".to_owned(),
        lang: "lv".to_owned(),
    };
    store::feedback::send(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        event_id,
        &[(
            recipient,
            domain::token::hash_secret(secret),
            store::outbox::Outgoing {
                kind: "feedback".to_owned(),
                subject: "s".to_owned(),
                body: "b".to_owned(),
                ..Default::default()
            },
        )],
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let survey_h1 = "Atsauksme par pasākumu: Ikgadējā sanāksme (tests)";
    b.goto(&url(&app, &format!("/lv/feedback/{secret}"))).await;
    found.extend(axe(&b, "lv", survey_h1).await);
    b.find("form[action*='/feedback/'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".error-summary").await;
    found.extend(axe(&b, "lv", survey_h1).await);
    b.goto(&url(&app, "/lv/people/new")).await;
    b.find("#emails").await.send_keys("nav adrese").await;
    b.find("form[action$='/people'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#emails[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Jauna persona").await);
    b.goto(&url(&app, &format!("/lv/people/{person}"))).await;
    b.find("form[action$='/roma-identity'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#consent[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Anna Ābele").await);
    // With a value recorded, it is shown only once a purpose is given: the form's error.
    crate::ok(
        store::people::record_roma_identity(
            &app.db,
            app.clock_now(),
            &store::Actor::cli(),
            person,
            domain::directory::RomaIdentity::No,
            jiff::civil::date(2026, 11, 20),
            "2026-11",
        )
        .await,
    );
    b.goto(&url(&app, &format!("/lv/people/{person}"))).await;
    b.find("form[action*='/roma-identity/show'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#purpose[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Anna Ābele").await);
    // Her data, made for her request.
    b.goto(&url(&app, &format!("/lv/people/{person}"))).await;
    b.find("form[action$='/data'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("form[action$='/data.json']").await;
    found.extend(axe(&b, "lv", "Personas dati: Anna Ābele").await);

    // An import: upload a file, then its preview.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("personas.csv");
    std::fs::write(
        &file,
        "Vārds, uzvārds;E-pasts;Vieta\nLīga Kalniņa;liga@x.test.invalid;Vilaka\nBez Adreses;nav-adrese;\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    b.goto(&url(&app, "/lv/people/import")).await;
    b.find("#file")
        .await
        .send_keys(&file.to_string_lossy())
        .await;
    b.find("form[action$='/people/import'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("form[action$='/confirm']").await;
    found.extend(axe(&b, "lv", "Importa priekšskatījums").await);

    // Territories: the list of today's units, a search, a date that does not parse.
    for path in [
        "/lv/territories",
        "/lv/territories?q=vilaka",
        "/lv/territories?on=2024-02-31",
    ] {
        b.goto(&url(&app, path)).await;
        found.extend(axe(&b, "lv", "Teritorijas").await);
    }
    b.goto(&url(&app, "/en/territories?q=valga&on=2024-01-01"))
        .await;
    found.extend(axe(&b, "en", "Territories").await);

    b.set_window_size(360, 740).await;
    b.goto(&url(&app, "/lv/privacy/notices")).await;
    found.extend(fits_phone(&b).await);
    found.extend(axe(&b, "lv", "Paziņojumi un piekrišanas").await);
    // Needs and questions: the list, the form refused, a need with its triage forms.
    let need = ok(store::needs::raise(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        None,
        &store::needs::NeedInput {
            title: "Skolas autobuss (tests)".to_owned(),
            description: "Pietura tālu no ciemata (tests).".to_owned(),
            area: domain::event::Objective::Education,
            territory_id: None,
            concerns: vec![domain::dialogue::NeedConcern::Children],
            event_id: None,
            source: domain::dialogue::NeedSource::Workspace,
            raiser_name: None,
            raiser_email: None,
            contact_consent: false,
            raiser_lang: None,
            public_consent: false,
        },
        |_| Vec::new(),
    )
    .await);
    for (lang, path, h1) in [
        ("lv", "/lv/needs".to_owned(), "Jautājumi un vajadzības"),
        ("en", "/en/needs".to_owned(), "Needs and questions"),
        (
            "lv",
            format!("/lv/needs/{need}"),
            "Jautājums Nr. 1: Skolas autobuss (tests)",
        ),
    ] {
        b.goto(&url(&app, &path)).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, h1).await);
    }
    // Answered and published: the publishing form, and the public side.
    let cli = store::Actor::cli();
    let today = jiff::civil::date(2026, 11, 26);
    ok(store::needs::assign(
        &app.db,
        app.clock_now(),
        today,
        &cli,
        need,
        app.fixtures.org_a,
        today,
        &[],
    )
    .await);
    ok(store::needs::answer(
        &app.db,
        app.clock_now(),
        today,
        &cli,
        need,
        "Pietura pārcelta (tests).",
        &[],
    )
    .await);
    ok(store::needs::publish(
        &app.db,
        app.clock_now(),
        &cli,
        need,
        None,
        &store::needs::Public {
            title: "Skolas autobuss (tests)".to_owned(),
            question: "Pietura tālu no ciemata (tests).".to_owned(),
            answer: "Pietura pārcelta (tests).".to_owned(),
            territory_id: None,
            anonymised: true,
        },
        &[],
    )
    .await);
    for (lang, path, h1) in [
        (
            "lv",
            format!("/lv/needs/{need}"),
            "Jautājums Nr. 1: Skolas autobuss (tests)",
        ),
        ("lv", "/lv/questions".to_owned(), "Jautājumi un atbildes"),
        ("en", "/en/questions".to_owned(), "Questions and answers"),
        (
            "en",
            format!("/en/questions/{need}"),
            "Skolas autobuss (tests)",
        ),
        (
            "lv",
            "/lv/questions/ask".to_owned(),
            "Uzdot jautājumu vai pastāstīt par vajadzību",
        ),
    ] {
        b.goto(&url(&app, &path)).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, h1).await);
    }
    // Services and opportunities: the public list and one entry, the keepers' list and form.
    let service = ok(store::services::save(
        &app.db,
        app.clock_now(),
        &cli,
        None,
        None,
        &store::services::ServiceInput {
            title_lv: "Nodarbinātības programma (izdomāta, tests)".to_owned(),
            summary_lv: "Atbalsts darba meklēšanā (tests).".to_owned(),
            kind: Some(domain::dialogue::ServiceKind::Employment),
            area: Some(domain::event::Objective::Employment),
            provider_id: app.fixtures.org_a,
            target_groups: vec![domain::dialogue::NeedConcern::Youth],
            eligibility: Some("Bezdarbnieki (tests).".to_owned()),
            link: Some("https://example.invalid/".to_owned()),
            ..Default::default()
        },
    )
    .await);
    for (lang, path, h1) in [
        ("lv", "/lv/services".to_owned(), "Pakalpojumi un iespējas"),
        (
            "en",
            format!("/en/services/{service}"),
            "Nodarbinātības programma (izdomāta, tests)",
        ),
        (
            "lv",
            "/lv/services/manage".to_owned(),
            "Pakalpojumu katalogs: jūsu ieraksti",
        ),
        (
            "en",
            format!("/en/services/manage/{service}/edit"),
            "Edit the service",
        ),
    ] {
        b.goto(&url(&app, &path)).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, h1).await);
    }
    // Consultations: open with a comment, the public page with its forms, the keepers' pages.
    let consultation = ok(store::consultations::save(
        &app.db,
        app.clock_now(),
        &cli,
        None,
        None,
        &store::consultations::ConsultationInput {
            title: "Plāna projekts (tests)".to_owned(),
            intro: "Aicinām izteikties (tests).".to_owned(),
            document_kind: domain::dialogue::DocumentKind::Plan,
            opens_on: jiff::civil::date(2026, 11, 1),
            closes_on: jiff::civil::date(2026, 12, 31),
            public_comments: true,
            sections: vec![("1. Izglītība".to_owned(), "Teksts (tests).".to_owned())],
        },
    )
    .await);
    ok(store::consultations::publish(&app.db, app.clock_now(), &cli, consultation).await);
    let section = ok(store::consultations::get(&app.db, consultation).await).sections[0].id;
    ok(store::consultations::comment(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &cli,
        consultation,
        section,
        None,
        "Komentārs (tests).",
    )
    .await);
    for (lang, path, h1) in [
        ("lv", "/lv/consultations".to_owned(), "Apspriešanas"),
        (
            "en",
            format!("/en/consultations/{consultation}"),
            "Plāna projekts (tests)",
        ),
        (
            "lv",
            "/lv/consultations/manage".to_owned(),
            "Apspriešanas: sagatavošana un kopsavilkumi",
        ),
        (
            "lv",
            format!("/lv/consultations/manage/{consultation}/edit"),
            "Plāna projekts (tests)",
        ),
    ] {
        b.goto(&url(&app, &path)).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, h1).await);
    }
    b.goto(&url(&app, "/lv/services/manage/new/edit")).await;
    b.find("form[action$='/services/manage/new/edit'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#title_lv[aria-invalid=true]").await;
    found.extend(fits_phone(&b).await);
    found.extend(axe(&b, "lv", "Jauns pakalpojums").await);
    b.goto(&url(&app, "/lv/questions/ask")).await;
    b.find("form[action$='/questions/ask'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#title[aria-invalid=true]").await;
    found.extend(fits_phone(&b).await);
    found.extend(axe(&b, "lv", "Uzdot jautājumu vai pastāstīt par vajadzību").await);
    b.goto(&url(&app, "/lv/needs/new")).await;
    b.find("form[action$='/needs'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#title[aria-invalid=true]").await;
    found.extend(fits_phone(&b).await);
    found.extend(axe(&b, "lv", "Izvirzīt jautājumu vai vajadzību").await);
    for (lang, workspace) in [("lv", "Darba vieta"), ("en", "Workspace")] {
        b.goto(&url(&app, &format!("/{lang}/workspace"))).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, workspace).await);
        // The menu is one button on a phone; opened, it lists the pages.
        let shown = |selector: &'static str| {
            let b = &b;
            async move {
                b.execute(
                    "const e = document.querySelector(arguments[0]); return !!e && e.checkVisibility();",
                    vec![serde_json::json!(selector)],
                )
                .await
                .as_bool()
                .unwrap_or(false)
            }
        };
        assert!(!shown(".wide-nav a").await, "the row of links is hidden");
        assert!(shown(".phone-nav summary").await, "the menu button shows");
        assert!(!shown(".phone-nav a").await, "closed at first");
        b.find(".phone-nav summary").await.click().await;
        assert!(shown(".phone-nav a").await, "opened, it lists the pages");
        found.extend(axe(&b, lang, workspace).await);
    }
    b.set_window_size(1280, 900).await;

    // The set-password page from that link, as the new user would open it (logged out),
    // then with an error (the passwords differ).
    b.find("form[action$='/logout'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/en/").await;
    let path = link
        .find("/lv/password/set/")
        .map(|i| &link[i..])
        .unwrap_or_else(|| panic!("not a set-password link: {link}"));
    b.goto(&url(&app, path)).await;
    found.extend(axe(&b, "lv", "Paroles iestatīšana").await);
    b.find("#new_password").await.send_keys(NEW_PASSWORD).await;
    b.find("#confirm_password")
        .await
        .send_keys("kaut kas pavisam cits 2026")
        .await;
    b.find("main form button[type=submit]").await.click().await;
    b.wait_for("#confirm_password[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Paroles iestatīšana").await);

    assert_no_violations(&found);
}

#[tokio::test]
async fn forbidden_page_has_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let b = Browser::start().await;
    let mut found = Vec::new();
    log_in(&b, &app, "lv", Role::Ngo, PASSWORD).await;
    for (lang, title) in [("lv", "Piekļuve liegta"), ("en", "Access denied")] {
        b.goto(&url(&app, &format!("/{lang}/admin/users"))).await;
        found.extend(axe(&b, lang, title).await);
    }
    assert_no_violations(&found);
}

/// The checks above can fail: a page with known faults makes both of them report.
#[tokio::test]
async fn the_checks_catch_a_broken_page() {
    let app = TestApp::spawn().await;
    let b = Browser::start().await;
    b.goto(&url(&app, "/en/")).await;
    // Styles are set through the CSSOM: the app's CSP refuses inline style attributes.
    b.execute(
        "const m = document.querySelector('main');
         m.insertAdjacentHTML('beforeend',
           '<img src=\"/static/icon.svg\"><input type=\"text\"><p id=\"faint\">faint</p>' +
           '<div id=\"wide\">wide</div>');
         Object.assign(document.getElementById('faint').style, { color: '#bbb', background: '#fff' });
         document.getElementById('wide').style.width = '900px';",
        vec![],
    )
    .await;
    let found = axe(&b, "en", "Latvian Roma Platform").await.join("\n");
    for rule in ["image-alt", "label", "color-contrast"] {
        assert!(
            found.contains(&format!("] {rule} (")),
            "axe missed {rule}: {found}"
        );
    }
    assert!(found.contains("<img src=\"/static/icon.svg\">"), "{found}");
    b.set_window_size(360, 740).await;
    assert!(
        fits_phone(&b).await.is_some(),
        "a 900 px wide block scrolls sideways"
    );
}

/// The territory chooser finds "Viļaka" when "vilaka" is typed, and the form submits it.
#[tokio::test]
async fn the_territory_picker_finds_places_without_diacritics() {
    let app = TestApp::spawn().await;
    let b = Browser::start().await;
    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;
    b.goto(&url(&app, "/lv/people/new")).await;
    b.wait_for("#territory_id-search").await;
    // Several matches: nothing is chosen behind the user's back; the count is announced.
    b.find("#territory_id-search").await.send_keys("vil").await;
    let chosen = b
        .execute(
            "return document.getElementById('territory_id').value;",
            Vec::new(),
        )
        .await;
    assert_eq!(
        chosen.as_str(),
        Some(""),
        "nothing chosen while several match"
    );
    let status = b.find("#territory_id-matches").await.text().await;
    assert!(status.starts_with("Atbilst: "), "{status}");
    b.goto(&url(&app, "/lv/people/new")).await;
    b.wait_for("#territory_id-search").await;
    // One match: chosen, and named.
    b.find("#territory_id-search")
        .await
        .send_keys("vilaka")
        .await;
    let status = b.find("#territory_id-matches").await.text().await;
    assert_eq!(status, "Atrasts un izvēlēts: Viļaka.");
    let chosen = b
        .execute(
            "var s = document.getElementById('territory_id'); return s.options[s.selectedIndex].text;",
            Vec::new(),
        )
        .await;
    assert_eq!(chosen.as_str(), Some("Viļaka"));
    let visible = b
        .execute(
            "return Array.prototype.filter.call(document.getElementById('territory_id').options, function (o) { return !o.hidden && o.value; }).length;",
            Vec::new(),
        )
        .await;
    assert_eq!(visible.as_i64(), Some(1), "{visible}");
    b.find("#name").await.send_keys("Pārbaudes Persona").await;
    b.find("form[action$='/people'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("?notice=saved").await;
    assert!(b.find("main").await.text().await.contains("Viļaka"));
    let found = axe(&b, "lv", "Pārbaudes Persona").await;
    assert!(found.is_empty(), "{found:?}");
}

#[tokio::test]
async fn the_people_picker_narrows_a_long_list_without_dropping_a_choice() {
    let app = TestApp::spawn().await;
    let b = Browser::start().await;
    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;
    b.goto(&url(
        &app,
        &format!("/lv/events/{}/invitations", app.fixtures.event),
    ))
    .await;
    b.wait_for("#people-search").await;
    let person_a = app.fixtures.person_a.to_string();
    b.execute(
        "var s = document.getElementById('people'); var id = arguments[0]; \
         Array.prototype.forEach.call(s.options, function (o) { o.selected = o.value === id; });",
        vec![serde_json::Value::String(person_a.clone())],
    )
    .await;
    // Narrowing to another single person neither chooses them nor drops the choice made.
    b.find("#people-search").await.send_keys("cakste").await;
    let chosen = b
        .execute(
            "return Array.prototype.filter.call(document.getElementById('people').options, \
             function (o) { return o.selected; }).map(function (o) { return o.value; });",
            Vec::new(),
        )
        .await;
    assert_eq!(chosen, serde_json::json!([person_a]), "{chosen}");
    let status = b.find("#people-matches").await.text().await;
    assert!(status.starts_with("Atbilst: "), "{status}");
}

#[tokio::test]
async fn plan_pages_have_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let s = crate::plans::seed(&app).await;
    let b = Browser::start().await;
    let mut found = Vec::new();
    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;
    let plan_lv = "Romu stratēģiskā ietvara plāns 2024–2027 (tests)";
    let plan_en = "Roma strategic framework plan 2024–2027 (test)";
    let measure = "1.1.1 Romu mediatoru atbalsts skolās";
    let indicator = "Nodarbinātības līmenis (tests)";
    for (path, h1) in [
        ("/lv/plans".to_owned(), "Rīcības plāni"),
        ("/en/plans".to_owned(), "Action plans"),
        (format!("/lv/plans/{}", s.plan), plan_lv),
        (format!("/en/plans/{}", s.plan), plan_en),
        ("/lv/plans/new".to_owned(), "Jauns plāns"),
        (format!("/lv/plans/{}/edit", s.plan), "Labot plānu"),
        (
            format!("/lv/plans/{}/measures/new", s.plan),
            "Jauns pasākums",
        ),
        (format!("/lv/measures/{}", s.measure), measure),
        (format!("/lv/measures/{}/edit", s.measure), "Labot pasākumu"),
        (
            format!("/lv/plans/{}/indicators/new", s.plan),
            "Jauns rādītājs",
        ),
        (format!("/lv/indicators/{}", s.indicator), indicator),
        (format!("/en/indicators/{}", s.indicator), indicator),
        (
            format!("/lv/indicators/{}/edit", s.indicator),
            "Labot rādītāju",
        ),
    ] {
        let lang = &path[1..3];
        b.goto(&url(&app, &path)).await;
        found.extend(axe(&b, lang, h1).await);
    }
    // Forms with errors: a measure's status changed without a reason (and its history), an
    // indicator value that is not a number.
    b.goto(&url(&app, &format!("/lv/measures/{}/edit", s.measure)))
        .await;
    b.find("#status option[value=delayed]").await.click().await;
    b.find("main form button[type=submit]").await.click().await;
    b.wait_for("#reason[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Labot pasākumu").await);
    b.find("#reason")
        .await
        .send_keys("Termiņš pagarināts")
        .await;
    b.find("main form button[type=submit]").await.click().await;
    b.wait_for(".notice").await;
    found.extend(axe(&b, "lv", measure).await);
    b.goto(&url(&app, &format!("/lv/indicators/{}", s.indicator)))
        .await;
    b.find("#year").await.send_keys("2026").await;
    b.find("#value").await.send_keys("daudz").await;
    b.find("form[action$='/values'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#value[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", indicator).await);
    // An import's preview, from a file with one usable line and one refused.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("plans.csv");
    std::fs::write(
        &file,
        "Mērķis;Pasākuma nr.;Pasākums;Atbildīgā iestāde\nIzglītība;9.1;Jauns pasākums;Testa pilsētas pašvaldība\nVeselība;9.2;Cits;Nav tādas\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    b.goto(&url(&app, &format!("/lv/plans/{}/import", s.plan)))
        .await;
    b.find("#file")
        .await
        .send_keys(&file.to_string_lossy())
        .await;
    b.find("form[action$='/import'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("form[action$='/confirm']").await;
    found.extend(axe(&b, "lv", &format!("Importa priekšskatījums: {plan_lv}")).await);
    b.set_window_size(360, 740).await;
    for path in [
        format!("/lv/plans/{}", s.plan),
        format!("/lv/indicators/{}", s.indicator),
        format!("/lv/policy/{}", s.plan),
    ] {
        b.goto(&url(&app, &path)).await;
        found.extend(fits_phone(&b).await);
    }
    assert_no_violations(&found);
}

#[tokio::test]
async fn reporting_round_pages_have_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let s = crate::plans::seed(&app).await;
    let cli = store::Actor::cli();
    let round = store::rounds::open(
        &app.db,
        app.clock_now(),
        &cli,
        s.plan,
        &store::rounds::RoundInput {
            title_lv: "Progresa ziņojums par 2025. gadu".to_owned(),
            title_en: Some("Progress report for 2025".to_owned()),
            period_start: jiff::civil::date(2025, 1, 1),
            period_end: jiff::civil::date(2025, 12, 31),
            deadline: jiff::civil::date(2026, 12, 15),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let reports = store::rounds::reports(&app.db, store::OrgScope::All, round)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let own = reports
        .iter()
        .find(|r| r.organisation_id == app.fixtures.org_a)
        .map(|r| r.id)
        .unwrap_or_default();
    let other = reports
        .iter()
        .find(|r| r.organisation_id == app.fixtures.org_b)
        .map(|r| r.id)
        .unwrap_or_default();
    // The co-responsible institution's report is submitted, so the coordinator can review it.
    store::rounds::save(
        &app.db,
        app.clock_now(),
        &cli,
        store::OrgScope::Organisation(app.fixtures.org_b),
        other,
        &store::rounds::ReportInput {
            measure_status: Some(domain::plan::MeasureStatus::OnTrack),
            done: Some("Konsultācijas skolotājiem".to_owned()),
            reached_roma: Some(12),
            ..Default::default()
        },
        true,
        None,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let b = Browser::start().await;
    let mut found = Vec::new();
    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;
    let report_h1 = "Progresa ziņojums: 1.1.1 Romu mediatoru atbalsts skolās";
    for (path, h1) in [
        (
            format!("/lv/plans/{}/rounds/new", s.plan),
            "Atvērt ziņošanas kārtu",
        ),
        (
            format!("/lv/rounds/{round}"),
            "Progresa ziņojums par 2025. gadu",
        ),
        (format!("/en/rounds/{round}"), "Progress report for 2025"),
        ("/lv/reports".to_owned(), "Progresa ziņojumi"),
        (format!("/lv/reports/{other}"), report_h1),
    ] {
        let lang = &path[1..3];
        b.goto(&url(&app, &path)).await;
        found.extend(axe(&b, lang, h1).await);
    }
    // A return without a comment: the error next to the field.
    b.find("#decision-return").await.click().await;
    b.find("form[action$='/review'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#comment[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", report_h1).await);
    // The municipality's own report: the list, the form, the form with errors.
    b.find("form[action$='/logout'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/lv/").await;
    log_in(&b, &app, "lv", Role::Municipality, PASSWORD).await;
    b.goto(&url(&app, "/lv/reports")).await;
    found.extend(axe(&b, "lv", "Progresa ziņojumi").await);
    b.goto(&url(&app, &format!("/lv/reports/{own}"))).await;
    found.extend(axe(&b, "lv", report_h1).await);
    b.find("#reached_roma").await.send_keys("5").await;
    b.find("#reached_women").await.send_keys("9").await;
    b.find("button[value=submit]").await.click().await;
    b.wait_for("#reached_women[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", report_h1).await);
    b.set_window_size(360, 740).await;
    b.goto(&url(&app, &format!("/lv/reports/{own}"))).await;
    found.extend(fits_phone(&b).await);
    assert_no_violations(&found);
}

#[tokio::test]
async fn mediation_pages_have_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let jelgava = store::territories::by_code(&app.db, "jelgava")
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .id;
    // Proposed by the test coordinator (a proposal needs a signed-in proposer).
    let as_coordinator = store::Actor {
        user_id: Some(app.user_id(Role::Coordinator)),
        label: None,
        ip: None,
    };
    let assignment = store::mediation::add_assignment(
        &app.db,
        app.clock_now(),
        &as_coordinator,
        &store::mediation::AssignmentInput {
            mediator_user_id: app.user_id(Role::Mediator),
            territory_id: jelgava,
            from_date: jiff::civil::date(2026, 1, 1),
            to_date: None,
            hours_per_week: Some(20),
            reception: Some("Otrdienās 10–14".to_owned()),
            supervisor_user_id: Some(app.user_id(Role::Coordinator)),
        },
        &[],
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    // A second coordinator approves the supervisor, then proposes a change (pending, for
    // the test coordinator to decide on the supervisor page).
    let second = store::users::create(
        &app.db,
        app.clock_now(),
        &cli,
        store::users::NewUser {
            email: "otra@example.invalid",
            name: "Otra Koordinatore",
            role: Role::Coordinator,
            organisation_id: None,
            password_hash: None,
            password_link: None,
            mail: None,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let as_second = store::Actor {
        user_id: Some(second),
        label: None,
        ip: None,
    };
    let today = jiff::civil::date(2026, 11, 26);
    store::supervisors::decide(
        &app.db,
        app.clock_now(),
        today,
        &as_second,
        store::supervisors::Verdict {
            assignment,
            expected: app.user_id(Role::Coordinator),
            decision: store::supervisors::Decision::Approve,
        },
        &[],
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    store::supervisors::propose(
        &app.db,
        app.clock_now(),
        today,
        &as_second,
        assignment,
        Some(second),
        &[],
        None,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    // A handover of the mediator's families proposed by the second coordinator, to a
    // mediator assigned in Jelgava too.
    let next = store::users::create(
        &app.db,
        app.clock_now(),
        &cli,
        store::users::NewUser {
            email: "nakama@example.invalid",
            name: "Nākamā Mediatore",
            role: Role::Mediator,
            organisation_id: None,
            password_hash: None,
            password_link: None,
            mail: None,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    store::mediation::add_assignment(
        &app.db,
        app.clock_now(),
        &cli,
        &store::mediation::AssignmentInput {
            mediator_user_id: next,
            territory_id: jelgava,
            from_date: jiff::civil::date(2026, 1, 1),
            to_date: None,
            hours_per_week: None,
            reception: None,
            supervisor_user_id: None,
        },
        &[],
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let (family, code) = store::mediation::create_family(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &cli,
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        &store::mediation::FamilyInput {
            territory_id: jelgava,
            household_size: Some(4),
            name: Some("Testa ģimene".to_owned()),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let child = store::mediation::add_member(
        &app.db,
        app.clock_now(),
        &cli,
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        family,
        &store::mediation::MemberInput {
            relation: domain::mediation::Relation::Child,
            birth_year: Some(2015),
            grade: Some(5),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    store::handovers::propose(
        &app.db,
        app.clock_now(),
        today,
        &as_second,
        app.user_id(Role::Mediator),
        next,
        &[],
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let b = Browser::start().await;
    let mut found = Vec::new();
    // The records of processing, public.
    b.goto(&url(&app, "/lv/processing")).await;
    found.extend(axe(&b, "lv", "Datu apstrādes reģistrs").await);
    b.goto(&url(&app, "/lv/accessibility")).await;
    found.extend(axe(&b, "lv", "Paziņojums par piekļūstamību").await);
    b.goto(&url(&app, "/en/accessibility")).await;
    found.extend(axe(&b, "en", "Accessibility statement").await);
    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;
    b.goto(&url(&app, "/lv/mediation/assignments")).await;
    found.extend(axe(&b, "lv", "Romu mediatori").await);
    b.find("form[action$='/mediation/assignments'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#mediator[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Romu mediatori").await);
    // The supervisor page with a proposal to decide, in both languages and on a phone.
    let supervisor_page = format!("/lv/mediation/assignments/{assignment}/supervisor");
    b.goto(&url(&app, &supervisor_page)).await;
    b.wait_for("button[value=approve]").await;
    found.extend(axe(&b, "lv", "Uzraudzība: Tests mediator, Jelgava").await);
    b.goto(&url(&app, &supervisor_page.replacen("/lv/", "/en/", 1)))
        .await;
    found.extend(axe(&b, "en", "Supervision: Tests mediator, Jelgava").await);
    b.set_window_size(360, 740).await;
    b.goto(&url(&app, &supervisor_page)).await;
    found.extend(fits_phone(&b).await);
    b.set_window_size(1280, 900).await;
    // Handing families over: a proposal to decide, a refused form, English, a phone.
    b.goto(&url(&app, "/lv/mediation/handover")).await;
    b.wait_for("button[value=approve]").await;
    b.find("form[action$='/mediation/handover'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#to[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Nodot ģimenes citam mediatoram").await);
    b.goto(&url(&app, "/en/mediation/handover")).await;
    found.extend(axe(&b, "en", "Hand families to another mediator").await);
    b.set_window_size(360, 740).await;
    b.goto(&url(&app, "/lv/mediation/handover")).await;
    found.extend(fits_phone(&b).await);
    b.set_window_size(1280, 900).await;
    // The site's pages: the list, a refused save, a saved page in public.
    b.goto(&url(&app, "/lv/site/pages")).await;
    found.extend(axe(&b, "lv", "Publiskās vietnes lapas").await);
    b.goto(&url(&app, "/lv/site/pages/about/edit")).await;
    b.find("form[action$='/edit'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#title_lv[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Par platformu").await);
    b.find("#title_lv")
        .await
        .send_keys("Par romu platformu")
        .await;
    b.find("#body_lv")
        .await
        .send_keys("Platforma apvieno ministrijas un kopienu.")
        .await;
    b.find("form[action$='/edit'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".notice").await;
    b.goto(&url(&app, "/en/pages/about")).await;
    found.extend(axe(&b, "en", "Par romu platformu").await);
    // News: a refused save, a published item, the public list and the item.
    b.goto(&url(&app, "/lv/site/news/new/edit")).await;
    b.find("form[action$='/edit'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#title_lv[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Jauns paziņojums").await);
    b.find("#title_lv")
        .await
        .send_keys("Aicinājums: romu jauniešu darbnīca")
        .await;
    b.find("#summary_lv")
        .await
        .send_keys("Piesakieties līdz decembrim.")
        .await;
    b.find("#body_lv")
        .await
        .send_keys("Darbnīca notiks Jelgavā.")
        .await;
    b.find("#publish").await.click().await;
    b.find("form[action$='/edit'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".notice").await;
    found.extend(axe(&b, "lv", "Jaunumi un paziņojumi").await);
    b.goto(&url(&app, "/en/news")).await;
    found.extend(axe(&b, "en", "News").await);
    b.find(".records a").await.click().await;
    b.wait_for("article h1").await;
    found.extend(axe(&b, "en", "Aicinājums: romu jauniešu darbnīca").await);
    // The figures, exact for the supervisor, with a date error kept next to its field.
    b.goto(&url(
        &app,
        "/lv/mediation/figures?from=2026-13-01&group=quarter",
    ))
    .await;
    b.wait_for("#from[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Romu mediācija skaitļos").await);
    // Supervision: the list, the purpose and note refused, the case opened read-only.
    b.goto(&url(&app, "/lv/mediation/supervision")).await;
    found.extend(axe(&b, "lv", "Mediācijas uzraudzība").await);
    b.goto(&url(&app, "/en/mediation/retention")).await;
    found.extend(axe(&b, "en", "Retention of mediation cases").await);
    b.goto(&url(&app, "/lv/mediation/supervision/reports"))
        .await;
    found.extend(axe(&b, "lv", "Mediatoru mēneša pārskati").await);
    b.goto(&url(
        &app,
        &format!("/lv/mediation/supervision/families/{family}"),
    ))
    .await;
    b.find("form[action*='/supervision/families/'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#note[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", &format!("Atvērt lietu {code}")).await);
    b.find("#purpose-complaint").await.click().await;
    b.find("#note")
        .await
        .send_keys("Pārbaude pēc sūdzības (tests)")
        .await;
    b.find("form[action*='/supervision/families/'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#access").await;
    found.extend(axe(&b, "lv", &format!("Ģimene {code}")).await);
    b.find("form[action$='/logout'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/lv/").await;
    log_in(&b, &app, "lv", Role::Mediator, PASSWORD).await;
    b.goto(&url(&app, "/lv/mediation")).await;
    found.extend(axe(&b, "lv", "Ģimenes, ar kurām strādāju").await);
    let h1 = format!("Ģimene {code}");
    b.goto(&url(&app, &format!("/lv/mediation/families/{family}")))
        .await;
    found.extend(axe(&b, "lv", &h1).await);
    b.find("#grade").await.send_keys("15").await;
    b.find("form[action$='/members'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#grade[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", &h1).await);
    // The case-work consent (the form's defaults: the person, today), then a referral
    // without a sharing consent or an urgent reason: refused next to the field.
    b.find("form[action$='/consents'] button[type=submit]")
        .await
        .click()
        .await;
    // The notice of the saved consent (the page before has a plain notice of its own).
    b.wait_for(".notice[role=status]").await;
    b.find("form[action$='/referrals'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#consent_id[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", &h1).await);
    // A followed child's term, with its inline result form.
    b.find("form[action$='/followups'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("select[id^=result-]").await;
    found.extend(axe(&b, "lv", &h1).await);
    // On a phone: a contact recorded with the defaults, one area and a line of text.
    b.set_window_size(360, 740).await;
    b.goto(&url(&app, &format!("/en/mediation/families/{family}")))
        .await;
    found.extend(fits_phone(&b).await);
    found.extend(axe(&b, "en", &format!("Family {code}")).await);
    b.find("#area-education").await.click().await;
    b.find("#done")
        .await
        .send_keys("Talked about school meals")
        .await;
    b.find("form[action$='/contacts'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".notice").await;
    let text = b.find("#contacts + ol").await.text().await;
    assert!(text.contains("Talked about school meals"), "{text}");
    found.extend(axe(&b, "en", &format!("Family {code}")).await);
    b.goto(&url(&app, "/en/processing")).await;
    found.extend(fits_phone(&b).await);
    // The monthly report with a note too long: refused next to the field.
    b.goto(&url(&app, "/en/mediation/reports?month=2026-11"))
        .await;
    found.extend(fits_phone(&b).await);
    b.execute(
        "document.getElementById('notes').value = 'x'.repeat(5001);",
        vec![],
    )
    .await;
    b.find("form[action$='/mediation/reports'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#notes[aria-invalid=true]").await;
    found.extend(axe(&b, "en", "Mediator's monthly report: 2026-11").await);
    // Everything about the child, as a printable page.
    b.goto(&url(
        &app,
        &format!("/en/mediation/families/{family}/members/{child}/export"),
    ))
    .await;
    let heading = crate::browser::h1(&b).await;
    assert!(heading.starts_with("Data about the person P-"), "{heading}");
    found.extend(fits_phone(&b).await);
    found.extend(axe(&b, "en", &heading).await);
    assert_no_violations(&found);
}

#[tokio::test]
async fn library_pages_have_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let place = |code: &'static str| {
        let db = app.db.clone();
        async move { ok(store::territories::by_code(&db, code).await).id }
    };
    let coordinator = store::practices::Editor {
        user_id: app.user_id(Role::Coordinator),
        organisation_id: None,
        coordinator: true,
    };
    let mut published = Vec::new();
    for (title, title_en, territory) in [
        (
            "Skolēnu mācību atbalsts",
            Some("Learning support"),
            place("ventspils").await,
        ),
        ("Pārrobežu mediatori", None, place("ee-valga").await),
    ] {
        let p = store::practices::Practice {
            title_lv: title.to_owned(),
            title_en: title_en.map(str::to_owned),
            summary_lv: "Īss apraksts.".to_owned(),
            summary_en: title_en.map(|_| "A summary.".to_owned()),
            problem_lv: "<p>Problēma.</p>".to_owned(),
            activities_lv: "<p>Darbības.</p><ul><li>Viens</li></ul>".to_owned(),
            results_lv: "<p>Rezultāti.</p>".to_owned(),
            target_groups: vec![
                domain::site::PracticeTarget::Children,
                domain::site::PracticeTarget::Families,
            ],
            areas: vec![domain::event::Objective::Education],
            territory_id: territory,
            year_from: 2024,
            implementers: "Pašvaldība".to_owned(),
            cost_cents: Some(1_250_000),
            ..store::practices::Practice::default()
        };
        let id =
            ok(store::practices::save(&app.db, app.clock_now(), &cli, coordinator, &p, true).await);
        ok(store::practices::review(
            &app.db,
            app.clock_now(),
            &cli,
            id,
            &store::practices::Decision::Publish,
        )
        .await);
        published.push(id);
    }
    let b = Browser::start().await;
    let mut found = Vec::new();
    b.goto(&url(&app, "/lv/privacy")).await;
    found.extend(axe(&b, "lv", "Privātuma paziņojums").await);
    b.goto(&url(&app, "/en/privacy")).await;
    found.extend(axe(&b, "en", "Privacy notice").await);
    b.goto(&url(&app, "/lv/open-data")).await;
    found.extend(axe(&b, "lv", "Atvērtie dati").await);
    b.goto(&url(&app, "/en/open-data")).await;
    found.extend(axe(&b, "en", "Open data").await);
    b.goto(&url(&app, "/lv/practices?q=skolen")).await;
    found.extend(axe(&b, "lv", "Labās prakses bibliotēka").await);
    b.goto(&url(&app, "/en/practices?area=nonsense")).await;
    found.extend(axe(&b, "en", "Good-practice library").await);
    // On a phone: the list and both practices, in both languages.
    b.set_window_size(360, 740).await;
    for (lang, calendar, news) in [
        ("lv", "Pasākumu kalendārs", "Jaunumi"),
        ("en", "Events calendar", "News"),
    ] {
        for (path, h1) in [("calendar", calendar), ("news", news), ("privacy", "")] {
            b.goto(&url(&app, &format!("/{lang}/{path}"))).await;
            found.extend(fits_phone(&b).await);
            if !h1.is_empty() {
                found.extend(axe(&b, lang, h1).await);
            }
        }
    }
    for lang in ["lv", "en"] {
        b.goto(&url(&app, &format!("/{lang}/practices"))).await;
        found.extend(fits_phone(&b).await);
        let h1 = if lang == "lv" {
            "Labās prakses bibliotēka"
        } else {
            "Good-practice library"
        };
        found.extend(axe(&b, lang, h1).await);
        for (id, title) in [
            (
                published[0],
                if lang == "lv" {
                    "Skolēnu mācību atbalsts"
                } else {
                    "Learning support"
                },
            ),
            (published[1], "Pārrobežu mediatori"),
        ] {
            b.goto(&url(&app, &format!("/{lang}/practices/{id}"))).await;
            found.extend(fits_phone(&b).await);
            found.extend(axe(&b, lang, title).await);
        }
    }
    b.set_window_size(1280, 900).await;
    // An organisation's user: a refused form, then a draft and its preview.
    log_in(&b, &app, "lv", Role::Ngo, PASSWORD).await;
    b.goto(&url(&app, "/lv/practice-submissions/new/edit"))
        .await;
    b.find("button[value=submit]").await.click().await;
    b.wait_for("#title_lv[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Jauna labā prakse").await);
    for (field, text) in [
        ("#title_lv", "Vecāku skola"),
        ("#summary_lv", "Tikšanās ar vecākiem."),
        ("#problem_lv", "Vecāki maz iesaistās."),
        ("#activities_lv", "Tikšanās reizi mēnesī."),
        ("#results_lv", "12 ģimenes."),
        ("#implementers", "Biedrība"),
    ] {
        b.find(field).await.send_keys(text).await;
    }
    b.find("#target-families").await.click().await;
    b.find("#area-education").await.click().await;
    let jelgava = place("jelgava").await;
    b.execute(
        &format!("document.getElementById('territory_id').value = '{jelgava}';"),
        vec![],
    )
    .await;
    b.find("button[value=save]").await.click().await;
    b.wait_for(".notice").await;
    found.extend(axe(&b, "lv", "Vecāku skola").await);
    // A refused file (no title), then the form as it stays with the error.
    b.find("form[action$='/files'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#file_title[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Vecāku skola").await);
    b.goto(&url(&app, "/lv/practice-submissions")).await;
    found.extend(axe(&b, "lv", "Manas labās prakses").await);
    b.find("form[action$='/logout'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/lv/").await;
    // The coordinator's review, with a refused return (no comment).
    log_in(&b, &app, "en", Role::Coordinator, PASSWORD).await;
    b.goto(&url(
        &app,
        &format!("/en/practice-submissions/{}", published[1]),
    ))
    .await;
    b.find("#decision").await.click().await;
    b.find("form[action$='/review'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#comment[aria-invalid=true]").await;
    found.extend(axe(&b, "en", "Pārrobežu mediatori").await);
    b.goto(&url(&app, "/en/practice-submissions")).await;
    found.extend(axe(&b, "en", "My good practices").await);
    assert_no_violations(&found);
}

#[tokio::test]
async fn story_pages_have_no_accessibility_violations() {
    use crate::stories::{consent, photo, write_story};
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = write_story(&c, "No skolas sola līdz diplomam").await;
    let desk = format!("/lv/site/stories/{id}");
    let res = c
        .post_multipart(
            &format!("{desk}/photo"),
            &[
                ("alt_lv", "Meitene ar diplomu"),
                ("alt_en", "A girl with a diploma"),
            ],
            "photo",
            "a.jpg",
            &photo(800, 600),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    c.post_form(
        &format!("{desk}/consent"),
        &consent(&[("channels", "site")]),
    )
    .await;
    c.post_form(&format!("{desk}/step"), &[("step", "review")])
        .await;
    c.post_form(&format!("{desk}/step"), &[("step", "publish")])
        .await;
    let media = c
        .post_form(
            &format!("{desk}/media"),
            &[
                ("kind", "tv"),
                ("outlet", "LTV"),
                ("media_title", "Sižets"),
                ("url", "https://example.invalid/a"),
            ],
        )
        .await;
    assert_eq!(media.status, 303, "{}", media.text);
    let b = Browser::start().await;
    let mut found = Vec::new();
    b.set_window_size(360, 740).await;
    for (lang, list, title) in [
        ("lv", "Veiksmes stāsti", "No skolas sola līdz diplomam"),
        ("en", "Success stories", "From school to a diploma"),
    ] {
        b.goto(&url(&app, &format!("/{lang}/stories"))).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, list).await);
        b.goto(&url(&app, &format!("/{lang}/stories/{id}"))).await;
        found.extend(fits_phone(&b).await);
        found.extend(axe(&b, lang, title).await);
    }
    b.set_window_size(1280, 900).await;
    log_in(&b, &app, "lv", Role::Coordinator, PASSWORD).await;
    b.goto(&url(&app, "/lv/site/stories")).await;
    found.extend(axe(&b, "lv", "Veiksmes stāstu redakcija").await);
    b.goto(&url(&app, "/lv/site/stories/new/edit")).await;
    b.find("form[action$='/edit'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#person_name[aria-invalid=true]").await;
    found.extend(axe(&b, "lv", "Jauns stāsts").await);
    // The desk of a published story, and of a new one with a refused consent.
    b.goto(&url(&app, &desk)).await;
    found.extend(axe(&b, "lv", "No skolas sola līdz diplomam").await);
    let other = write_story(&c, "Otrs stāsts").await;
    b.goto(&url(&app, &format!("/lv/site/stories/{other}")))
        .await;
    b.find("#channel-site").await.click().await;
    b.find("form[action$='/consent'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for("#channels.has-error").await;
    found.extend(axe(&b, "lv", "Otrs stāsts").await);
    b.goto(&url(&app, &format!("{desk}/preview"))).await;
    found.extend(axe(&b, "lv", "No skolas sola līdz diplomam").await);
    assert_no_violations(&found);
}

/// Passkeys with a virtual authenticator in the real browser (real WebAuthn cryptography),
/// at `localhost` (a passkey's relying party is a domain, never an address).
#[tokio::test]
async fn a_passkey_is_added_on_the_account_page_and_confirms_the_next_sign_in() {
    let app = TestApp::spawn_with(|s| s.public_url = "http://localhost:{port}".to_owned()).await;
    let base = app.settings.public_url.clone();
    let at = |p: &str| format!("{base}{p}");
    let b = Browser::start().await;
    b.add_virtual_authenticator().await;
    let mut found = Vec::new();
    let sign_in = || async {
        b.goto(&at("/en/login")).await;
        b.find("#email")
            .await
            .send_keys(&email_for(Role::Coordinator))
            .await;
        b.find("#password").await.send_keys(PASSWORD).await;
        b.find("form[action$='/login'] button[type=submit]")
            .await
            .click()
            .await;
    };
    sign_in().await;
    b.wait_for_url("/en/workspace").await;
    // Without the app's factor the page says to turn it on first.
    b.goto(&at("/en/account/passkeys")).await;
    b.wait_for("a[href$='/account/second-factor']").await;
    turn_on_two_step(&b, &app, &base).await;
    // The passkeys page: the form shows (JavaScript is on); a passkey is added.
    b.goto(&at("/en/account/passkeys")).await;
    b.wait_for("form[data-passkey=register]:not([hidden])")
        .await;
    found.extend(axe(&b, "en", "Passkeys").await);
    b.find("#name").await.send_keys("Darba dators").await;
    b.find("form[data-passkey=register] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".notice").await;
    found.extend(axe(&b, "en", "Passkeys").await);
    let listed = store::passkeys::list(&app.db, app.user_id(Role::Coordinator))
        .await
        .unwrap_or_default();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].name, "Darba dators");
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(mails.iter().any(|m| m.kind == "account_passkey_added"));
    b.goto(&at("/lv/account/passkeys")).await;
    found.extend(axe(&b, "lv", "Piekļuves atslēgas (passkeys)").await);
    b.set_window_size(360, 740).await;
    found.extend(fits_phone(&b).await);
    b.set_window_size(1280, 900).await;
    // Signed out and in again: the second step offers the passkey, which signs in.
    b.find("form[action$='/logout'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/lv/").await;
    sign_in().await;
    b.wait_for("form[data-passkey=sign-in]:not([hidden])").await;
    found.extend(axe(&b, "en", "Code from the app").await);
    b.find("form[data-passkey=sign-in] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/en/workspace").await;
    let used = store::passkeys::list(&app.db, app.user_id(Role::Coordinator))
        .await
        .unwrap_or_default();
    assert!(used[0].last_used_at.is_some(), "{used:?}");
    // Removed, it is gone and the owner is told.
    b.goto(&at("/en/account/passkeys")).await;
    b.find("form[action$='/delete'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for(".notice").await;
    assert!(
        store::passkeys::list(&app.db, app.user_id(Role::Coordinator))
            .await
            .unwrap_or_default()
            .is_empty()
    );
    assert_no_violations(&found);
}

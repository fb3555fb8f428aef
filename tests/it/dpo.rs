//! The data protection officer (issue 20, item 4): a role that reads the records of
//! processing, the storage limits, the access log, requests, breaches, exports, consents and
//! erasures — and nothing else: no directory, no case, no audit log at large, no edits — and
//! receives a monthly privacy summary by mail.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

#[tokio::test]
async fn the_officer_reads_the_month_s_privacy_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let p = app.fixtures.person_a;
    // A coordinator reads a Roma self-identification, exports the people, records a request
    // and a consent.
    let shown = c
        .post_form(
            &format!("/lv/people/{p}/roma-identity/show"),
            &[("purpose", "statistics")],
        )
        .await;
    assert!(
        shown.status == 200 || shown.status == 303,
        "{}",
        shown.status
    );
    let (status, _) = c
        .post_form_bytes("/lv/people/export", &[("format", "csv")])
        .await;
    assert_eq!(status, 200);
    let today = domain::event::riga_date(app.clock_now());
    let made = c
        .post_form(
            "/lv/privacy/requests",
            &[
                ("kind", "access"),
                ("requester_name", "Anna Ābele"),
                ("received_on", &today.to_string()),
                ("details", "Lūdz visus datus."),
            ],
        )
        .await;
    assert_eq!(made.status, 303);
    let listed = c
        .post_form(
            &format!("/lv/people/{p}/listing"),
            &[("name", "1"), ("given_on", "2026-11-20"), ("consent", "1")],
        )
        .await;
    assert_eq!(listed.status, 303);

    let d = app.login(Role::Dpo).await;
    // The officer's workspace lists the open request to follow, not as theirs to do.
    let home = d.get("/lv/workspace").await;
    assert!(
        home.text
            .contains("Jūsu rīcību nekas negaida; uzraudzībai:"),
        "{}",
        home.text
    );
    assert!(home.text.contains("(uzraudzībai)"));
    assert!(!home.text.contains("Jūsu rīcību gaida"));
    let page = d.get("/lv/privacy/overview").await;
    assert_eq!(page.status, 200);
    for text in [
        "Datu aizsardzības pārskats",
        "Pieprasījums Nr. 1",
        "Tests coordinator",
        "Personu saraksts eksportēts",
        "Piekrišana publiskajam katalogam",
    ] {
        assert!(page.text.contains(text), "{text}: {}", page.text);
    }
    // The registers read, not changed.
    assert_eq!(d.get("/lv/privacy/requests").await.status, 200);
    let request = d.get("/lv/privacy/requests/1").await;
    assert_eq!(request.status, 200);
    assert!(
        !request.text.contains(">Saglabāt</button>"),
        "a form to save"
    );
    assert!(request.text.contains("<fieldset class=\"plain\" disabled>"));
    assert_eq!(d.get("/lv/privacy/breaches").await.status, 200);
    assert_eq!(d.get("/lv/admin/storage-limits").await.status, 200);
    assert_eq!(
        d.post_form("/lv/privacy/requests/1", &[("kind", "erasure")])
            .await
            .status,
        403
    );
    assert_eq!(d.get("/lv/privacy/breaches/new").await.status, 403);
    // Nothing else: the directory, the audit log, mediation.
    for path in [
        "/lv/people",
        &format!("/lv/people/{p}"),
        "/lv/admin/audit",
        "/lv/mediation",
    ] {
        assert_eq!(d.get(path).await.status, 403, "{path}");
    }
    // The coordinator's workspace and the officer's both list the open request.
    assert!(
        d.get("/lv/workspace")
            .await
            .text
            .contains("Pieprasījums Nr. 1")
    );
}

#[tokio::test]
async fn the_officer_is_mailed_the_month_s_summary_once() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let (status, _) = c
        .post_form_bytes("/lv/people/export", &[("format", "csv")])
        .await;
    assert_eq!(status, 200);
    // The first run of next month summarises this one.
    let today = domain::event::riga_date(app.clock_now());
    let next = today
        .first_of_month()
        .checked_add(jiff::Span::new().months(1))
        .unwrap_or(today);
    app.advance_to(next, jiff::civil::time(6, 0, 0, 0));
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.privacy_summaries, 1);
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let summary = mails
        .iter()
        .find(|m| m.to == testkit::email_for(Role::Dpo))
        .unwrap_or_else(|| panic!("no summary: {mails:?}"));
    assert!(summary.body.contains("Eksporti: 1"), "{}", summary.body);
    assert!(
        summary.body.contains("/lv/privacy/overview?month="),
        "{}",
        summary.body
    );
    // Once a month.
    let again = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(again.privacy_summaries, 0);
    assert_eq!(
        ok(store::audit::count(&app.db, "privacy_summary_queued").await),
        1
    );
}

#[tokio::test]
async fn the_officer_acts_for_no_organisation() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let org = app.fixtures.org_a.to_string();
    let refused = c
        .post_form(
            "/lv/admin/users",
            &[
                ("email", "das@example.invalid"),
                ("name", "Datu Aizsardzība"),
                ("role", "dpo"),
                ("organisation_id", &org),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("Datu aizsardzības uzraudzība nedarbojas kādas organizācijas vārdā")
    );
    let made = c
        .post_form(
            "/lv/admin/users",
            &[
                ("email", "das@example.invalid"),
                ("name", "Datu Aizsardzība"),
                ("role", "dpo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_ne!(made.status, 422, "{}", made.text);
}

//! Storage limitation outside mediation (issue 20, item 1): the scheduled jobs remove what
//! each rule of `domain::retention` covers once its period has passed — tested by moving
//! the clock — and not a day before; the records of processing show the rules.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// What a rule would still remove, whatever its age.
async fn left(app: &TestApp, rule: &str) -> i64 {
    ok(store::storage_limits::due(&app.db, rule, i64::MAX).await)
}

fn removed(done: &web::jobs::Done, rule: &str) -> u64 {
    done.storage_limits
        .iter()
        .find(|(k, _)| *k == rule)
        .map_or(0, |(_, n)| *n)
}

#[tokio::test]
async fn each_rule_removes_its_data_once_its_period_has_passed() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    // A signed-in session, an invitation with its link and its mail (sent), an import
    // preview.
    let c = app.login(Role::Coordinator).await;
    assert_eq!(c.get("/lv/workspace").await.status, 200);
    let secret = domain::token::random_secret();
    let secret = secret.as_str();
    ok(store::invitations::invite(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        event,
        &[(
            store::invitations::Invitee {
                name: "Ielūgtā".to_owned(),
                email: "ielugta@example.invalid".to_owned(),
                lang: "lv".to_owned(),
                ..Default::default()
            },
            domain::token::hash_secret(secret),
            store::outbox::Outgoing {
                kind: "invitation".to_owned(),
                subject: "Ielūgums: Ikgadējā sanāksme (tests)".to_owned(),
                body: format!("Atbildiet šeit: /lv/invitation/{secret}"),
                lang: "lv".to_owned(),
                unsubscribe: None,
            },
        )],
    )
    .await);
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let mail = mails
        .iter()
        .find(|m| m.to == "ielugta@example.invalid")
        .map(|m| m.id)
        .unwrap_or_else(|| panic!("the invitation's mail"));
    ok(store::outbox::mark_sent(&app.db, mail, app.clock_now()).await);
    ok(store::import::save_batch(
        &app.db,
        app.clock_now(),
        app.user_id(Role::Coordinator),
        "people",
        Some("cilveki.csv"),
        "[]",
    )
    .await);
    let invitation = format!("/lv/invitation/{secret}");
    assert_eq!(app.client().get(&invitation).await.status, 200);
    assert_eq!(left(&app, "sessions").await, 1);

    // Today nothing is due.
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(done.storage_limits.is_empty(), "{:?}", done.storage_limits);

    // A month and a day from the start: the session and the mail's text are gone; the mail's record
    // (recipient, subject) and the invitation's link stay.
    app.advance_minutes(31 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(removed(&done, "sessions"), 1, "{:?}", done.storage_limits);
    assert_eq!(
        removed(&done, "outbox_bodies"),
        1,
        "{:?}",
        done.storage_limits
    );
    assert_eq!(left(&app, "sessions").await, 0);
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let kept = mails
        .iter()
        .find(|m| m.id == mail)
        .unwrap_or_else(|| panic!("the mail's record stays a year"));
    assert!(kept.body.is_empty(), "{}", kept.body);
    assert_eq!(kept.subject, "Ielūgums: Ikgadējā sanāksme (tests)");
    assert_eq!(app.client().get(&invitation).await.status, 200);
    assert_eq!(left(&app, "import_batches").await, 1);
    // Run again: nothing more.
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        removed(&done, "sessions") + removed(&done, "outbox_bodies"),
        0
    );

    // Five weeks later the coordinators' page counts what the coming month removes: the
    // import preview (90 days), not yet the event's links or the mail's record.
    app.advance_minutes(34 * 24 * 60);
    let page = app
        .login(Role::Coordinator)
        .await
        .get("/lv/admin/storage-limits")
        .await;
    assert_eq!(page.status, 200);
    let count_of = |name: &str| -> i64 {
        page.text
            .split(&format!("<th scope=\"row\">{name}</th>"))
            .nth(1)
            .and_then(|r| r.split("</tr>").next())
            .and_then(|r| r.rsplit("<td class=\"num\">").next())
            .and_then(|n| n.split('<').next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(-1)
    };
    assert_eq!(count_of("Importa sagataves"), 1, "{}", page.text);
    assert_eq!(count_of("Pasākumu personīgās saites"), 0, "{}", page.text);
    assert_eq!(count_of("Vēstuļu ieraksti"), 0, "{}", page.text);
    assert!(
        page.text.contains("30 dienas no pēdējās lietošanas"),
        "{}",
        page.text
    );

    // The event (10 December) ended more than 90 days ago on 12 March: its personal links
    // stop working; the invitation itself stays. The import preview is gone too.
    app.advance_to(
        jiff::civil::date(2027, 3, 12),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(
        removed(&done, "event_links") >= 1,
        "{:?}",
        done.storage_limits
    );
    assert_eq!(removed(&done, "import_batches"), 1);
    assert_eq!(app.client().get(&invitation).await.status, 404);
    let invited = ok(store::invitations::for_event(&app.db, event).await);
    assert!(
        invited.iter().any(|i| i.email == "ielugta@example.invalid"),
        "the invitation is kept"
    );
    assert_eq!(left(&app, "event_links").await, 0);

    // A year after it was sent, the mail's record goes; after ten years, the audit log's
    // details (the entries themselves stay).
    app.advance_to(
        jiff::civil::date(2027, 12, 31),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(removed(&done, "outbox") >= 1, "{:?}", done.storage_limits);
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    assert!(mails.iter().all(|m| m.id != mail));
    // The entries of 2026 (the first page of them is enough).
    let of_2026 = store::audit::Filter {
        until: Some(domain::event::riga_day_start(jiff::civil::date(
            2026, 12, 31,
        ))),
        ..Default::default()
    };
    let (before, _) = ok(store::audit::list(&app.db, &of_2026, 0).await);
    assert!(
        before.iter().any(|e| e.detail.is_some()),
        "entries of 2026 with details"
    );
    // The job's own records: what each rule removed, by the scheduler, in words.
    let c = app.login(Role::Coordinator).await;
    let log = c.get("/lv/admin/audit").await;
    assert!(
        log.text.contains("Piemērots glabāšanas termiņš")
            && log.text.contains("Noteikums: Sesijas"),
        "{}",
        log.text
    );
    app.advance_to(
        jiff::civil::date(2037, 1, 2),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(
        removed(&done, "audit_details") > 0,
        "{:?}",
        done.storage_limits
    );
    let (after, _) = ok(store::audit::list(&app.db, &of_2026, 0).await);
    assert_eq!(after.len(), before.len(), "the entries stay");
    assert!(
        after.iter().all(|e| e.detail.is_none() && e.ip.is_none()),
        "{after:?}"
    );
}

#[tokio::test]
async fn the_records_of_processing_show_each_rule_and_its_period() {
    let app = TestApp::spawn().await;
    let page = app.client().get("/lv/processing").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text
            .contains("Nosūtīto vēstuļu teksts — pēc 30 dienām no nosūtīšanas"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("Darbību žurnāla sīkāka informācija — pēc 3650 dienām no ieraksta"),
        "{}",
        page.text
    );
    let en = app.client().get("/en/processing").await;
    assert!(
        en.text
            .contains("Sessions — after 30 days from their last use"),
        "{}",
        en.text
    );
}

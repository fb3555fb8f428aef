//! Read accountability (issue 20, item 2): opening a person's Roma self-identification asks
//! why and records it, a person's contacts read from outside their organisation and every
//! exported personal list are recorded — in an access log apart from the data, so reading
//! pages still changes nothing in the database — and the person's access report lists them.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

#[tokio::test]
async fn reading_a_roma_self_identification_asks_why_and_is_recorded_apart_from_the_data() {
    let app = TestApp::spawn().await;
    let anna = app.fixtures.person_a;
    ok(store::people::record_roma_identity(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        anna,
        domain::directory::RomaIdentity::Yes,
        jiff::civil::date(2026, 11, 20),
        "2026-11",
    )
    .await);
    let c = app.login(Role::Coordinator).await;
    let before = ok(store::maintenance::content_dump(&app.db).await);
    let page = c.get(&format!("/lv/people/{anna}")).await;
    assert_eq!(page.status, 200);
    // The value is not on the page until a purpose is given.
    assert!(
        page.text
            .contains("Reģistrēta (vērtība redzama pēc nolūka norādīšanas)"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("<dd>Jā</dd>"), "{}", page.text);
    // Her address is shown to the coordinator (of another organisation): recorded, in the
    // access log only.
    assert!(page.text.contains("anna@a.test.invalid"), "{}", page.text);
    assert_eq!(
        ok(store::maintenance::content_dump(&app.db).await),
        before,
        "reading a page changes nothing in the database"
    );

    let show = format!("/lv/people/{anna}/roma-identity/show");
    let refused = c.post_form(&show, &[("purpose", "")]).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("Izvēlieties, kāpēc jums vajadzīga šī vērtība."),
        "{}",
        refused.text
    );
    assert!(!refused.text.contains("<dd>Jā</dd>"));
    let shown = c.post_form(&show, &[("purpose", "statistics")]).await;
    assert_eq!(shown.status, 200);
    assert!(shown.text.contains("<dd>Jā</dd>"), "{}", shown.text);

    // Her access report: who, what, where and why, in words.
    let report = c.get(&format!("/lv/people/{anna}/access")).await;
    assert_eq!(report.status, 200);
    for expected in [
        "Piekļuves pārskats: Anna Ābele",
        "Tests coordinator",
        "Romu pašidentifikācija",
        "Statistikas vai pārskata pārbaude",
        "Kontaktinformācija",
        "Personas lapa",
        "nav jautāts",
    ] {
        assert!(
            report.text.contains(expected),
            "{expected}: {}",
            report.text
        );
    }
    let records = ok(store::access_log::concerning(
        &app.db,
        &ok(store::access_log::person_subjects(&app.db, anna).await),
        100,
    )
    .await);
    // Her address was on each of the three pages, within minutes: one reading; her value on
    // the last.
    assert_eq!(records.len(), 2, "{records:?}");
    // Read again a quarter of an hour later: a reading of its own.
    app.advance_minutes(15);
    let c = app.login(Role::Coordinator).await;
    assert_eq!(c.get(&format!("/lv/people/{anna}")).await.status, 200);
    let count = || async {
        ok(store::access_log::concerning(
            &app.db,
            &ok(store::access_log::person_subjects(&app.db, anna).await),
            100,
        )
        .await)
        .len()
    };
    assert_eq!(count().await, 3);
    // The municipality's user, of her own organisation, reads her address off the record;
    // others may not read the report.
    let m = app.login(Role::Municipality).await;
    let own = m.get(&format!("/lv/people/{anna}")).await;
    assert_eq!(own.status, 200);
    assert!(own.text.contains("anna@a.test.invalid"), "{}", own.text);
    assert_eq!(
        ok(store::access_log::concerning(
            &app.db,
            &ok(store::access_log::person_subjects(&app.db, anna).await),
            100
        )
        .await)
        .len(),
        3,
        "nothing more recorded for her own organisation"
    );
    assert_eq!(
        m.get(&format!("/lv/people/{anna}/access")).await.status,
        403
    );
    assert_eq!(
        m.post_form(&show, &[("purpose", "statistics")])
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn an_exported_list_names_everyone_in_it_and_the_records_go_after_three_years() {
    let app = TestApp::spawn().await;
    let anna = app.fixtures.person_a;
    let event = app.fixtures.event;
    ok(store::registrations::register(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        event,
        &store::registrations::NewRegistration {
            name: "Anna Ābele".to_owned(),
            email: "anna@a.test.invalid".to_owned(),
            lang: "lv".to_owned(),
            private_person: true,
            notice_version: "2026-11".to_owned(),
            token_hash: "hash-anna".to_owned(),
            ..Default::default()
        },
        |_| store::outbox::Outgoing::default(),
    )
    .await);
    let c = app.login(Role::Coordinator).await;
    let file = c
        .post_form(
            &format!("/lv/events/{event}/registrations/export"),
            &[("format", "csv")],
        )
        .await;
    assert_eq!(file.status, 200);
    let report = c.get(&format!("/lv/people/{anna}/access")).await;
    assert!(report.text.contains("Saraksta eksports"), "{}", report.text);
    // A day short of three years (1095 days) they stay; a day after, they are gone, by the
    // storage limit.
    app.advance_minutes((3 * 365 - 1) * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(
        done.storage_limits.iter().all(|(k, _)| *k != "access_log"),
        "{:?}",
        done.storage_limits
    );
    app.advance_minutes(3 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(
        done.storage_limits
            .iter()
            .any(|(k, n)| *k == "access_log" && *n >= 1),
        "{:?}",
        done.storage_limits
    );
    assert!(
        ok(store::access_log::concerning(
            &app.db,
            &ok(store::access_log::person_subjects(&app.db, anna).await),
            100
        )
        .await)
        .is_empty()
    );
}

/// A person's request of access: everything held about them, as a page and as JSON, and
/// making it is itself on the record.
#[tokio::test]
async fn everything_held_about_a_person_is_given_as_a_page_and_as_json() {
    let app = TestApp::spawn().await;
    let anna = app.fixtures.person_a;
    let event = app.fixtures.event;
    ok(store::registrations::register(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        event,
        &store::registrations::NewRegistration {
            name: "Anna Ābele".to_owned(),
            email: "Anna@A.test.invalid".to_owned(),
            lang: "lv".to_owned(),
            private_person: true,
            notice_version: "2026-11".to_owned(),
            token_hash: "hash-anna".to_owned(),
            ..Default::default()
        },
        |_| store::outbox::Outgoing::default(),
    )
    .await);
    // Confirmed from her mailbox: hers. (An unconfirmed one could be anyone's typing.)
    ok(
        store::registrations::confirm(&app.db, app.clock_now(), &store::Actor::cli(), "hash-anna")
            .await,
    );
    ok(store::people::record_roma_identity(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        anna,
        domain::directory::RomaIdentity::Yes,
        jiff::civil::date(2026, 11, 20),
        "2026-11",
    )
    .await);
    let c = app.login(Role::Coordinator).await;
    // An earlier reading, which the export lists.
    assert_eq!(c.get(&format!("/lv/people/{anna}")).await.status, 200);
    let page = c.post_form(&format!("/lv/people/{anna}/data"), &[]).await;
    assert_eq!(page.status, 200);
    for expected in [
        "Personas dati: Anna Ābele",
        "Pieteikumi pasākumiem",
        "Ikgadējā sanāksme (tests)",
        "Anna@A.test.invalid",
        "Testa pilsētas pašvaldība",
        "Kontaktinformācija",
        "Personas lapa",
        "Lejupielādēt JSON",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
    let file = c
        .post_form(&format!("/lv/people/{anna}/data.json"), &[])
        .await;
    assert_eq!(file.status, 200);
    assert!(
        file.header("content-type")
            .is_some_and(|t| t.starts_with("application/json")),
        "{:?}",
        file.header("content-type")
    );
    let v: serde_json::Value =
        serde_json::from_str(&file.text).unwrap_or_else(|e| panic!("{e}: {}", file.text));
    assert_eq!(v["person"]["name"], "Anna Ābele");
    assert_eq!(v["roma_self_identification"]["value"], "yes");
    assert_eq!(
        v["held"]["registrations"][0]["email"], "Anna@A.test.invalid",
        "{v}"
    );
    assert!(
        v["access_records"]
            .as_array()
            .is_some_and(|a| a.iter().any(|r| r["what"] == "contacts")),
        "{v}"
    );
    // Both are on the record: in her access report, with the purpose, and audited.
    let records = ok(store::access_log::concerning(
        &app.db,
        &ok(store::access_log::person_subjects(&app.db, anna).await),
        100,
    )
    .await);
    assert_eq!(
        records
            .iter()
            .filter(|r| r.kind == domain::privacy::AccessKind::Export
                && r.purpose == Some(domain::privacy::AccessPurpose::SubjectRequest))
            .count(),
        2,
        "{records:?}"
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "person_data_exported").await),
        2
    );
    let m = app.login(Role::Municipality).await;
    assert_eq!(
        m.post_form(&format!("/lv/people/{anna}/data"), &[])
            .await
            .status,
        403
    );
}

//! Storage limitation outside mediation (issue 20, item 1): the scheduled jobs remove what
//! each rule of `domain::retention` covers once its period has passed — tested by moving
//! the clock — and not a day before; the records of processing show the rules.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// What a rule would still remove, whatever its age.
async fn left(app: &TestApp, rule: &str) -> i64 {
    // The last second of the year 9999: as late as SQL's dates go.
    ok(store::storage_limits::due(&app.db, rule, 253_402_300_799).await)
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
        &[
            (
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
            ),
            (
                store::invitations::Invitee {
                    name: "Nesasniedzamā".to_owned(),
                    email: "nesasniedzama@example.invalid".to_owned(),
                    lang: "lv".to_owned(),
                    ..Default::default()
                },
                domain::token::hash_secret("cits"),
                store::outbox::Outgoing {
                    kind: "invitation".to_owned(),
                    subject: "Ielūgums".to_owned(),
                    body: "Atbildiet šeit: /lv/invitation/cits".to_owned(),
                    lang: "lv".to_owned(),
                    unsubscribe: None,
                },
            ),
        ],
    )
    .await);
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let mail = mails
        .iter()
        .find(|m| m.to == "ielugta@example.invalid")
        .map(|m| m.id)
        .unwrap_or_else(|| panic!("the invitation's mail"));
    ok(store::outbox::mark_sent(&app.db, mail, app.clock_now()).await);
    // A mail given up on (a refused address): its one-time link goes with the sent ones'.
    let failed = mails
        .iter()
        .find(|m| m.to == "nesasniedzama@example.invalid")
        .map(|m| m.id)
        .unwrap_or_else(|| panic!("the second mail"));
    ok(store::outbox::mark_failed(&app.db, failed, app.clock_now(), "550 nav tādas", true).await);
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
        2,
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

/// A registration nobody attended with is anonymised a year after the event; one turned
/// into attendance stays with it; invitees lose their names; the participation figures are
/// the same before and after.
#[tokio::test]
async fn registrations_without_attendance_and_invitees_are_anonymised_after_a_year() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let event = app.fixtures.event;
    let register = |name: &'static str, email: &'static str| {
        let app = &app;
        let cli = cli.clone();
        async move {
            ok(store::registrations::register(
                &app.db,
                app.clock_now(),
                &cli,
                event,
                &store::registrations::NewRegistration {
                    name: name.to_owned(),
                    email: email.to_owned(),
                    lang: "lv".to_owned(),
                    private_person: true,
                    notice_version: "2026-11".to_owned(),
                    token_hash: format!("hash-{email}"),
                    ..Default::default()
                },
                |_| store::outbox::Outgoing::default(),
            )
            .await)
            .id
        }
    };
    let came = register("Atnākusī Dalībniece", "atnaca@example.invalid").await;
    let stayed_away = register("Neatnākušais Dalībnieks", "neatnaca@example.invalid").await;
    ok(store::attendance::check_in_registration(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        store::attendance::Scope::All,
        event,
        came,
        None,
    )
    .await);
    ok(store::invitations::invite(
        &app.db,
        app.clock_now(),
        &cli,
        event,
        &[(
            store::invitations::Invitee {
                name: "Ielūgtais Cilvēks".to_owned(),
                email: "ielugtais@example.invalid".to_owned(),
                lang: "lv".to_owned(),
                organisation_id: Some(app.fixtures.org_b),
                ..Default::default()
            },
            domain::token::hash_secret("ielūgums"),
            store::outbox::Outgoing::default(),
        )],
    )
    .await);
    // The event held; the one who came is asked for feedback.
    let later = crate::after_events_began(&app);
    ok(store::events::set_status(
        &app.db,
        later,
        &cli,
        event,
        domain::event::EventStatus::Held,
    )
    .await);
    let asked: Vec<_> = ok(store::feedback::recipients(&app.db, event).await)
        .into_iter()
        .map(|r| {
            (
                r,
                domain::token::hash_secret("atsauksme"),
                store::outbox::Outgoing::default(),
            )
        })
        .collect();
    assert_eq!(
        ok(store::feedback::send(&app.db, later, &cli, event, &asked).await),
        1
    );
    let filter = store::statistics::Filter {
        from: jiff::civil::date(2026, 1, 1),
        to: jiff::civil::date(2027, 12, 31),
        event_type: None,
        series: None,
        territory_id: None,
        target_group: None,
        public_only: false,
        event_id: None,
    };
    let figures = || async {
        ok(store::statistics::participation(
            &app.db,
            &filter,
            domain::participation::Youth::default(),
        )
        .await)
    };
    let before = figures().await;
    assert_eq!(before.participants, 1);

    // Eleven months after the event: nothing yet.
    app.advance_to(
        jiff::civil::date(2027, 11, 9),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(removed(&done, "registrations"), 0);
    // A year and a day after it: the one who stayed away is anonymised, the attendee's
    // registration stays with the attendance record; the invitee's name goes, the
    // organisation and the answer stay.
    app.advance_to(
        jiff::civil::date(2027, 12, 12),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        removed(&done, "registrations"),
        1,
        "{:?}",
        done.storage_limits
    );
    assert_eq!(
        removed(&done, "invitations"),
        1,
        "{:?}",
        done.storage_limits
    );
    let regs = ok(store::registrations::for_event(&app.db, event).await);
    let away = regs.iter().find(|r| r.id == stayed_away);
    assert!(
        away.is_some_and(|r| r.name.is_empty()
            && r.email.is_empty()
            && r.organisation_text.is_none()),
        "{away:?}"
    );
    assert!(
        regs.iter()
            .any(|r| r.id == came && r.name == "Atnākusī Dalībniece"),
        "kept with the attendance"
    );
    let invited = ok(store::invitations::for_event(&app.db, event).await);
    assert!(
        invited
            .iter()
            .all(|i| i.name.is_empty() && i.email.is_empty()),
        "{invited:?}"
    );
    assert!(
        invited
            .iter()
            .any(|i| i.organisation_id == Some(app.fixtures.org_b))
    );
    // The coordinators' registrations list says the data was removed.
    let page = app
        .login(Role::Coordinator)
        .await
        .get(&format!("/lv/events/{event}/registrations"))
        .await;
    assert!(
        !page.text.contains("Neatnākušais Dalībnieks"),
        "{}",
        page.text
    );
    // The same figures as before; the feedback link no longer opens, but how many were
    // asked (a figure of the grant report) stays.
    assert_eq!(figures().await, before);
    assert!(
        store::feedback::link(&app.db, &domain::token::hash_secret("atsauksme"))
            .await
            .is_err()
    );
    assert_eq!(ok(store::feedback::summary(&app.db, event).await).asked, 1);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        removed(&done, "registrations") + removed(&done, "invitations"),
        0
    );
}

/// The reports' previews (annual and grant, for the first event's year) as a coordinator
/// sees them in the report builder.
async fn report_previews(app: &TestApp) -> Vec<String> {
    let c = app.login(Role::Coordinator).await;
    let mut out = Vec::new();
    for kind in ["annual", "grant"] {
        // The first event's year (a later one cannot be chosen at the start).
        for year in [2026] {
            let page = c
                .get(&format!(
                    "/lv/report-builder?kind={kind}&year={year}&rlang=lv&audience=internal"
                ))
                .await;
            assert_eq!(page.status, 200);
            let preview = page
                .text
                .split("<section class=\"report-preview\"")
                .nth(1)
                .and_then(|p| p.split("</article>").next())
                .unwrap_or_else(|| panic!("a preview: {}", page.text));
            out.push(preview.to_owned());
        }
    }
    out
}

/// Someone who came: declared at the door, with the statistics answers given.
fn came(name: &str, email: Option<&str>, person: Option<i64>) -> store::attendance::Declared {
    store::attendance::Declared {
        name: name.to_owned(),
        email: email.map(str::to_owned),
        person_id: person,
        gender: Some("female".to_owned()),
        age_group: Some("25_29".to_owned()),
        roma_self_identified: Some("yes".to_owned()),
        stats_notice_version: Some("2026-11".to_owned()),
        ..Default::default()
    }
}

/// Attendance records are anonymised, all of a participant's at once, five years after
/// their last event; people no longer taking part are erased; every figure stays the same,
/// for every period and event.
#[tokio::test]
async fn attendance_records_and_people_no_longer_taking_part_go_and_no_figure_changes() {
    use store::attendance::{Scope, Source};
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let first = app.fixtures.event;
    let second = crate::attendance::event_at(&app, 400, app.fixtures.org_a, None).await;
    let (person_a, person_b) = (app.fixtures.person_a, app.fixtures.person_b);
    let at_first = crate::after_events_began(&app);
    // At the first event: two registry people (members of organisations), one who
    // registered with an e-mail and came, and two walk-ins whose addresses turn out to be
    // one person's (two records of her at one event).
    for who in [
        came("Persona A", None, Some(person_a)),
        came("Persona B", None, Some(person_b)),
        came("Divkārt Ierakstītā", Some("pirma@example.invalid"), None),
        came("Divkārt Ierakstītā", Some("otra@example.invalid"), None),
    ] {
        ok(store::attendance::add(
            &app.db,
            at_first,
            &cli,
            Scope::All,
            first,
            Source::WalkIn,
            &who,
        )
        .await);
    }
    let registration = ok(store::registrations::register(
        &app.db,
        app.clock_now(),
        &cli,
        first,
        &store::registrations::NewRegistration {
            name: "Pieteikusies Viešņa".to_owned(),
            email: "viesna@example.invalid".to_owned(),
            lang: "lv".to_owned(),
            private_person: true,
            notice_version: "2026-11".to_owned(),
            token_hash: "hash-viesna".to_owned(),
            ..Default::default()
        },
        |_| store::outbox::Outgoing::default(),
    )
    .await)
    .id;
    ok(store::attendance::check_in_registration(
        &app.db,
        at_first,
        &cli,
        Scope::All,
        first,
        registration,
        None,
    )
    .await);
    // The two addresses become one registry person's, with her Roma self-identification.
    let twice = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::people::PersonInput {
            name: "Divkārt Ierakstītā".to_owned(),
            emails: vec![
                "pirma@example.invalid".to_owned(),
                "otra@example.invalid".to_owned(),
            ],
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    ok(store::people::record_roma_identity(
        &app.db,
        app.clock_now(),
        &cli,
        twice,
        domain::directory::RomaIdentity::Yes,
        jiff::civil::date(2026, 12, 10),
        "2026-11",
    )
    .await);
    // A duplicate of her, merged into her: it goes with her.
    let duplicate = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::people::PersonInput {
            name: "Divkārt Ierakstītā (dublikāts)".to_owned(),
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    ok(store::merge::merge_people(
        &app.db,
        app.clock_now(),
        "2026-12-01",
        &cli,
        twice,
        duplicate,
    )
    .await);
    // Someone in no organisation, invited to the second event: the invitation's link to
    // her goes after a year, but her last activity stays counted.
    let invited = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::people::PersonInput {
            name: "Ielūgtā Persona".to_owned(),
            emails: vec!["ielugta.persona@example.invalid".to_owned()],
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    ok(store::invitations::invite(
        &app.db,
        app.clock_now(),
        &cli,
        second,
        &[(
            store::invitations::Invitee {
                name: "Ielūgtā Persona".to_owned(),
                email: "ielugta.persona@example.invalid".to_owned(),
                lang: "lv".to_owned(),
                person_id: Some(invited),
                ..Default::default()
            },
            domain::token::hash_secret("ielūgums-2"),
            store::outbox::Outgoing::default(),
        )],
    )
    .await);
    // At the second event, 400 days later: person A again.
    let base = ok(store::events::get(&app.db, second).await);
    ok(store::attendance::add(
        &app.db,
        base.starts_at + 3600,
        &cli,
        Scope::All,
        second,
        Source::WalkIn,
        &came("Persona A", None, Some(person_a)),
    )
    .await);
    assert_eq!(
        ok(store::attendance::for_event(&app.db, Scope::All, first).await).len(),
        5
    );

    let filter = |from: jiff::civil::Date, to: jiff::civil::Date, event_id: Option<i64>| {
        store::statistics::Filter {
            event_id,
            ..store::statistics::Filter::between(from, to, false)
        }
    };
    let filters = [
        filter(
            jiff::civil::date(2026, 1, 1),
            jiff::civil::date(2030, 12, 31),
            None,
        ),
        filter(
            jiff::civil::date(2026, 1, 1),
            jiff::civil::date(2026, 12, 31),
            None,
        ),
        filter(
            jiff::civil::date(2027, 1, 1),
            jiff::civil::date(2028, 12, 31),
            None,
        ),
        filter(
            jiff::civil::date(2026, 1, 1),
            jiff::civil::date(2030, 12, 31),
            Some(first),
        ),
    ];
    let figures = || async {
        let mut all = Vec::new();
        for f in &filters {
            all.push(ok(store::statistics::participation(
                &app.db,
                f,
                domain::participation::Youth::default(),
            )
            .await));
        }
        all
    };
    let before = figures().await;
    // A, B, the one recorded twice (once) and the guest; A twice.
    assert_eq!(before[0].participants, 4, "{:?}", before[0]);
    assert_eq!(before[0].participations, 5, "{:?}", before[0]);
    assert_eq!(before[3].participants, 4, "{:?}", before[3]);

    // Five years after the first event less a day: nothing of it is due.
    app.advance_to(
        jiff::civil::date(2031, 12, 8),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        removed(&done, "attendances"),
        0,
        "{:?}",
        done.storage_limits
    );
    assert_eq!(removed(&done, "people"), 0, "{:?}", done.storage_limits);
    // The reports of the first event's year, once it took place.
    let reports_before = report_previews(&app).await;
    assert!(
        reports_before
            .iter()
            .all(|r| r.contains("Ikgadējā sanāksme (tests)")),
        "{reports_before:?}"
    );

    // Five years and a day: those last seen at the first event are anonymised, person A
    // (seen again at the second) is not; the one no longer taking part (no account, no
    // membership) is erased with her addresses and Roma self-identification; the members
    // of organisations stay.
    app.advance_to(
        jiff::civil::date(2031, 12, 12),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    // B's record, her two and the guest's.
    assert_eq!(
        removed(&done, "attendances"),
        4,
        "{:?}",
        done.storage_limits
    );
    assert_eq!(removed(&done, "people"), 1, "{:?}", done.storage_limits);
    assert!(
        ok(store::invitations::for_event(&app.db, second).await)
            .iter()
            .all(|i| i.email.is_empty()),
        "the invitation's name and address went a year after the event"
    );
    assert!(
        ok(store::people::get(&app.db, invited).await).name == "Ielūgtā Persona",
        "invited within five years: kept"
    );
    // Nothing of them is left where attendance and people are kept: no name, address or
    // the key they were counted by.
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    for (table, sql) in [
        ("participants", "SELECT identity_key FROM participants"),
        (
            "attendances",
            "SELECT identity_key || ' ' || name FROM attendances",
        ),
        (
            "registrations",
            "SELECT email_key || ' ' || name || ' ' || email FROM registrations",
        ),
        ("people", "SELECT name FROM people"),
        ("person_emails", "SELECT email FROM person_emails"),
    ] {
        let values: Vec<String> = sqlx::query_scalar(sql)
            .fetch_all(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{table}: {e}"));
        for gone in [
            "pirma@example.invalid",
            "otra@example.invalid",
            "viesna@example.invalid",
            "Divkārt",
            "Viešņa",
            "Persona B",
        ] {
            assert!(
                values.iter().all(|v| !v.contains(gone)),
                "{table} still holds {gone}: {values:?}"
            );
        }
    }
    // Nobody more can be recorded at the anonymised event: who is there can't be told.
    assert!(matches!(
        store::attendance::add(
            &app.db,
            app.clock_now(),
            &cli,
            Scope::All,
            first,
            Source::WalkIn,
            &came("Persona A", None, Some(person_a)),
        )
        .await,
        Err(store::Error::Conflict(_))
    ));
    // A new person never gets an erased one's id.
    let newcomer = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::people::PersonInput {
            name: "Jaunā Persona".to_owned(),
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    assert!(newcomer > twice.max(duplicate), "{newcomer}");
    assert_eq!(figures().await, before, "no figure changes");
    assert_eq!(
        report_previews(&app).await,
        reports_before,
        "no report changes"
    );
    let records = ok(store::attendance::for_event(&app.db, Scope::All, first).await);
    assert_eq!(records.len(), 4, "her two records became one: {records:?}");
    assert!(
        records
            .iter()
            .any(|a| a.name == "Persona A" && a.person_id == Some(person_a)),
        "{records:?}"
    );
    let anonymous: Vec<_> = records.iter().filter(|a| a.name.is_empty()).collect();
    assert_eq!(anonymous.len(), 3, "{records:?}");
    assert!(
        anonymous
            .iter()
            .all(|a| a.person_id.is_none() && a.organisation_name.is_none()),
        "{anonymous:?}"
    );
    let regs = ok(store::registrations::for_event(&app.db, first).await);
    assert!(
        regs.iter()
            .any(|r| r.id == registration && r.name.is_empty() && r.email.is_empty()),
        "{regs:?}"
    );
    assert!(matches!(
        store::people::get(&app.db, twice).await,
        Err(store::Error::NotFound)
    ));
    assert!(ok(store::people::roma_identity(&app.db, twice).await).is_none());
    assert!(
        !ok(store::people::get(&app.db, person_b).await)
            .name
            .is_empty()
    );
    // The check-in list names them in words.
    let c = app.login(Role::Coordinator).await;
    let list = c.get(&format!("/lv/events/{first}/attendance")).await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains("Anonimizēts ieraksts"), "{}", list.text);
    assert!(!list.text.contains("Pieteikusies Viešņa"), "{}", list.text);
    assert_eq!(left(&app, "attendances").await, 2, "person A's two records");

    // Five years after the second event person A's records go too; still the same figures.
    app.advance_to(
        jiff::civil::date(2033, 1, 20),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        removed(&done, "attendances"),
        2,
        "{:?}",
        done.storage_limits
    );
    // Five years after the event she was invited to, the invited person goes too.
    assert_eq!(removed(&done, "people"), 1, "{:?}", done.storage_limits);
    assert!(matches!(
        store::people::get(&app.db, invited).await,
        Err(store::Error::NotFound)
    ));
    assert_eq!(figures().await, before, "no figure changes");
    assert_eq!(
        report_previews(&app).await,
        reports_before,
        "no report changes"
    );
    assert_eq!(left(&app, "attendances").await, 0);
    let log = app
        .login(Role::Coordinator)
        .await
        .get("/lv/admin/audit")
        .await;
    assert!(
        log.text.contains("Noteikums: Dalības ieraksti"),
        "{}",
        log.text
    );
}

/// A disabled account's sign-in data goes after 90 days, its name stays for the audit
/// log; a mediator's monthly notes go after two years, the figures stay.
#[tokio::test]
async fn disabled_accounts_sign_in_data_and_mediators_notes_go() {
    let app = TestApp::spawn().await;
    // A mediator's report for November with notes for the supervisor.
    crate::mediation::assign(&app).await;
    let m = app.login(Role::Mediator).await;
    let res = m
        .post_form(
            "/lv/mediation/reports",
            &[
                ("month", "2026-11"),
                ("notes", "Piezīme uzraudzītājam (tests)"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(left(&app, "mediator_notes").await, 1);
    // The NGO's account, with an API token, is disabled.
    let ngo = app.user_id(Role::Ngo);
    ok(store::tokens::create_api_token(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        ngo,
        "sistēma",
        &domain::token::hash_secret("nvo-atslēga"),
        None,
    )
    .await);
    let user = ok(store::users::get(&app.db, ngo).await);
    ok(store::users::update(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        ngo,
        &store::users::Changes {
            name: user.name.clone(),
            role: user.role,
            organisation_id: user.organisation_id,
            disabled: true,
        },
    )
    .await);
    app.advance_minutes(89 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(removed(&done, "disabled_accounts"), 0);
    assert_eq!(left(&app, "disabled_accounts").await, 1);
    app.advance_minutes(2 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(
        removed(&done, "disabled_accounts") >= 1,
        "{:?}",
        done.storage_limits
    );
    assert_eq!(left(&app, "disabled_accounts").await, 0);
    let kept = ok(store::users::get(&app.db, ngo).await);
    assert!(!kept.has_password && kept.name == user.name, "{kept:?}");
    assert!(ok(store::tokens::list_api_tokens(&app.db, ngo).await).is_empty());
    // The accounts in use keep theirs.
    for role in [Role::Coordinator, Role::Mediator] {
        let u = ok(store::users::get(&app.db, app.user_id(role)).await);
        assert!(u.has_password, "{role:?}");
    }
    // Two years after November 2026 the notes go; the report and its figures stay.
    assert_eq!(left(&app, "mediator_notes").await, 1);
    app.advance_to(
        jiff::civil::date(2028, 12, 2),
        jiff::civil::time(12, 0, 0, 0),
    );
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        removed(&done, "mediator_notes"),
        1,
        "{:?}",
        done.storage_limits
    );
    let reports = ok(store::mediator_reports::of_mediator(
        &app.db,
        app.state.keyring(),
        app.user_id(Role::Mediator),
    )
    .await);
    assert!(
        reports.len() == 1 && reports.iter().all(|r| r.notes.is_none()),
        "{reports:?}"
    );
}

//! Registrations (store level): capacity, the waiting list and its promotion, the
//! one-active-registration rule, closed events, and the statistics consent.

use std::sync::Arc;

use testkit::TestApp;

pub(crate) async fn event_with(app: &TestApp, capacity: Option<i64>, publish: bool) -> i64 {
    let base = store::events::get(&app.db, app.fixtures.event)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let id = store::events::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::events::EventInput {
            event_type: domain::event::EventType::Workshop,
            title_lv: "Reģistrācijas darbnīca".to_owned(),
            title_en: None,
            description_lv: None,
            description_en: None,
            starts_at: base.starts_at,
            ends_at: base.ends_at,
            territory_id: None,
            address: None,
            online_url: None,
            series: None,
            capacity,
            registration_deadline: None,
            is_public: true,
            objectives: Vec::new(),
            target_group: None,
            host_country: None,
            organisations: Vec::new(),
            measures: Vec::new(),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    if publish {
        store::events::set_status(
            &app.db,
            app.clock_now(),
            &store::Actor::cli(),
            id,
            domain::event::EventStatus::Published,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
    id
}

fn person(n: usize) -> store::registrations::NewRegistration {
    store::registrations::NewRegistration {
        name: format!("Dalībniece {n}"),
        email: format!("dalibniece{n}@example.invalid"),
        lang: "lv".to_owned(),
        private_person: true,
        notice_version: "2026-11".to_owned(),
        token_hash: format!("hash-{n}"),
        ..Default::default()
    }
}

fn mail(kind: &str) -> impl Fn(&store::registrations::Registration) -> store::outbox::Outgoing {
    let kind = kind.to_owned();
    move |r| store::outbox::Outgoing {
        kind: kind.clone(),
        subject: format!("{} {}", kind, r.name),
        body: r.status.as_str().to_owned(),
    }
}

async fn statuses(app: &TestApp, event: i64) -> Vec<(String, &'static str)> {
    store::registrations::for_event(&app.db, event)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| (r.name, r.status.as_str()))
        .collect()
}

#[tokio::test]
async fn places_fill_then_people_wait_and_a_cancellation_promotes_the_longest_waiting() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let event = event_with(&app, Some(2), true).await;
    for n in 1..=4 {
        app.advance_minutes(1);
        store::registrations::register(
            &app.db,
            app.clock_now(),
            &cli,
            event,
            &person(n),
            mail("confirm"),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut again = person(9);
    again.email = "DALIBNIECE1@example.invalid".to_owned();
    assert!(matches!(
        store::registrations::register(
            &app.db,
            app.clock_now(),
            &cli,
            event,
            &again,
            mail("confirm")
        )
        .await,
        Err(store::Error::Conflict("duplicate"))
    ));
    assert_eq!(
        statuses(&app, event).await,
        [
            ("Dalībniece 1".to_owned(), "confirmed"),
            ("Dalībniece 2".to_owned(), "confirmed"),
            ("Dalībniece 3".to_owned(), "waiting"),
            ("Dalībniece 4".to_owned(), "waiting"),
        ]
    );
    let promoted =
        store::registrations::cancel(&app.db, app.clock_now(), &cli, "hash-1", mail("promoted"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(promoted.len(), 1);
    assert_eq!(promoted[0].name, "Dalībniece 3");
    assert!(
        store::registrations::cancel(&app.db, app.clock_now(), &cli, "hash-1", mail("promoted"))
            .await
            .unwrap_or_default()
            .is_empty(),
        "cancelling twice frees nothing more"
    );
    // The cancelled address may register again, and waits behind Dalībniece 4.
    store::registrations::register(
        &app.db,
        app.clock_now(),
        &cli,
        event,
        &{
            let mut p = person(1);
            p.token_hash = "hash-1b".to_owned();
            p
        },
        mail("confirm"),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let now = statuses(&app, event).await;
    assert_eq!(now.iter().filter(|s| s.1 == "confirmed").count(), 2);
    assert_eq!(now.iter().filter(|s| s.1 == "waiting").count(), 2);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let kinds: Vec<_> = mails.iter().map(|m| m.subject.clone()).collect();
    assert!(
        kinds.contains(&"promoted Dalībniece 3".to_owned()),
        "{kinds:?}"
    );
    assert_eq!(kinds.iter().filter(|k| k.starts_with("confirm")).count(), 5);
}

#[tokio::test]
async fn concurrent_cancellations_never_overfill_or_leave_a_place_empty() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let event = event_with(&app, Some(5), true).await;
    for n in 1..=12 {
        store::registrations::register(
            &app.db,
            app.clock_now(),
            &cli,
            event,
            &person(n),
            mail("confirm"),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let db = Arc::new(app.db.clone());
    let now = app.clock_now();
    let mut tasks = Vec::new();
    // The five confirmed and two of the waiting cancel at once.
    for n in [1, 2, 3, 4, 5, 6, 7] {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            store::registrations::cancel(
                &db,
                now,
                &store::Actor::cli(),
                &format!("hash-{n}"),
                mail("promoted"),
            )
            .await
            .map(|v| v.len())
        }));
    }
    let mut promoted = 0;
    for t in tasks {
        promoted += t
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let s = statuses(&app, event).await;
    let confirmed: Vec<_> = s
        .iter()
        .filter(|x| x.1 == "confirmed")
        .map(|x| x.0.clone())
        .collect();
    assert_eq!(confirmed.len(), 5, "{s:?}");
    assert_eq!(s.iter().filter(|x| x.1 == "waiting").count(), 0);
    // 8..12 hold the places, whatever order the cancellations ran in.
    for n in 8..=12 {
        assert!(confirmed.contains(&format!("Dalībniece {n}")), "{s:?}");
    }
    assert!((5..=7).contains(&promoted), "promotions: {promoted}");
}

#[tokio::test]
async fn closed_events_refuse_and_statistics_need_their_consent() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let draft = event_with(&app, None, false).await;
    assert!(matches!(
        store::registrations::register(
            &app.db,
            app.clock_now(),
            &cli,
            draft,
            &person(1),
            mail("c")
        )
        .await,
        Err(store::Error::Conflict("closed"))
    ));
    let open = event_with(&app, None, true).await;
    let mut p = person(2);
    p.stats = Some(store::registrations::Stats {
        notice_version: "2026-11".to_owned(),
        gender: Some("female".to_owned()),
        age_group: Some("18_24".to_owned()),
        roma_self_identified: Some("yes".to_owned()),
    });
    store::registrations::register(&app.db, app.clock_now(), &cli, open, &p, mail("c"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // Without the consent the schema itself refuses a statistics value.
    {
        use sqlx::Connection as _;
        // Only this table exists here, so references are not checked.
        let opts = sqlx::sqlite::SqliteConnectOptions::new()
            .in_memory(true)
            .foreign_keys(false);
        let mut conn = sqlx::sqlite::SqliteConnection::connect_with(&opts)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        sqlx::raw_sql(include_str!(
            "../../crates/store/migrations/0010_registrations.sql"
        ))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        let insert = |consent: Option<i64>| {
            sqlx::query(
                "INSERT INTO registrations (event_id, name, email, email_key, notice_version, status,
                     token_hash, created_at, updated_at, stats_consent_at, roma_self_identified)
                 VALUES (1, 'A', 'a@x.invalid', 'a@x.invalid', 'v', 'confirmed', $1, 0, 0, $2, 'yes')",
            )
            .bind(format!("t{consent:?}"))
            .bind(consent)
        };
        assert!(
            insert(None).execute(&mut conn).await.is_err(),
            "a value without its consent is impossible"
        );
        assert!(insert(Some(1)).execute(&mut conn).await.is_ok());
    }
    // After the event has started, registration is closed.
    app.advance_minutes(60 * 24 * 30);
    assert!(matches!(
        store::registrations::register(&app.db, app.clock_now(), &cli, open, &person(3), mail("c"))
            .await,
        Err(store::Error::Conflict("closed"))
    ));
}

fn link_in(body: &str) -> String {
    body.split_whitespace()
        .find(|w| w.contains("/registration/"))
        .map(|w| {
            w.split("/lv/")
                .nth(1)
                .map(|p| format!("/lv/{p}"))
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_public_registers_gets_a_personal_link_and_can_cancel() {
    let app = TestApp::spawn().await;
    let id = app.fixtures.event;
    let anon = app.client();
    assert!(
        anon.get(&format!("/lv/calendar/{id}"))
            .await
            .text
            .contains(&format!("/lv/calendar/{id}/register")),
        "the public page links to the form"
    );
    let form_path = format!("/lv/calendar/{id}/register");
    let form = anon.get(&form_path).await;
    assert_eq!(form.status, 200);
    assert!(
        form.set_cookies()
            .iter()
            .any(|c| c.starts_with("__Host-roma_login=")),
        "the form is protected by the pre-login cookie"
    );
    // Without the CSRF token nothing happens.
    assert_eq!(
        anon.post_form_raw(&form_path, &[("name", "X")])
            .await
            .status,
        403
    );
    let bad = anon
        .post_form(
            &form_path,
            &[
                ("name", " "),
                ("email", "nav-adrese"),
                ("organisation", "Biedrība (demo)"),
                ("roma", "yes"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    for msg in [
        "Ievadiet savu vārdu",
        "derīgu e-pasta adresi",
        "Lai saglabātu statistikas atbildes",
        "paziņojumu par datu apstrādi",
    ] {
        assert!(bad.text.contains(msg), "{msg}");
    }
    assert!(bad.text.contains("value=\"Biedrība (demo)\""), "kept");
    assert!(bad.text.contains("<option value=\"yes\" selected>"), "kept");
    assert!(
        store::registrations::for_event(&app.db, id)
            .await
            .unwrap_or_default()
            .is_empty()
    );
    let ok = anon
        .post_form(
            &form_path,
            &[
                ("name", "Līga Ozoliņa"),
                ("email", "liga@example.invalid"),
                ("private_person", "1"),
                ("roma", "yes"),
                ("stats_consent", "1"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let mine = ok.location().unwrap_or_default().to_owned();
    assert!(mine.starts_with("/lv/registration/"), "{mine}");
    let page = anon.get(&mine).await;
    assert!(page.text.contains("Apstiprināts") && page.text.contains("Paldies!"));
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let mail = mails
        .iter()
        .find(|m| m.to == "liga@example.invalid")
        .unwrap_or_else(|| panic!("no confirmation mail"));
    let link = link_in(&mail.body);
    assert_eq!(
        link,
        mine.split('?').next().unwrap_or_default(),
        "the mail carries the link"
    );
    // The same address again is told, not registered twice.
    anon.get(&form_path).await;
    let again = anon
        .post_form(
            &form_path,
            &[
                ("name", "Līga Ozoliņa"),
                ("email", "LIGA@example.invalid"),
                ("private_person", "1"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(again.status, 422);
    assert!(again.text.contains("jau ir pieteikums"));
    // A stranger's guess opens nothing; the owner cancels.
    assert_eq!(anon.get("/lv/registration/nav-tads").await.status, 404);
    anon.get(&link).await;
    assert_eq!(
        anon.post_form(&format!("{link}/cancel"), &[]).await.status,
        303
    );
    assert!(anon.get(&link).await.text.contains("Atcelts"));
    // The coordinator's list names everyone with their status, never the statistics answers.
    let c = app.login(domain::auth::Role::Coordinator).await;
    let list = c.get(&format!("/lv/events/{id}/registrations")).await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains("Līga Ozoliņa") && list.text.contains("privātpersona"));
    assert!(list.text.contains("Atcelts"));
    assert!(!list.text.contains("roma") && !list.text.contains("Jā<"));
    let ngo = app.login(domain::auth::Role::Ngo).await;
    assert_eq!(
        ngo.get(&format!("/lv/events/{id}/registrations"))
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn a_freed_place_goes_to_the_waiting_list_with_a_mail() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(1), true).await;
    let form_path = format!("/lv/calendar/{event}/register");
    let mut links = Vec::new();
    for (name, email) in [
        ("Pirmā", "pirma@example.invalid"),
        ("Otrā", "otra@example.invalid"),
    ] {
        let c = app.client();
        c.get(&form_path).await;
        let res = c
            .post_form(
                &form_path,
                &[
                    ("name", name),
                    ("email", email),
                    ("organisation", "Skola"),
                    ("notice", "1"),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
        links.push((
            c,
            res.location()
                .unwrap_or_default()
                .split('?')
                .next()
                .unwrap_or_default()
                .to_owned(),
        ));
    }
    assert!(
        links[1]
            .0
            .get(&links[1].1)
            .await
            .text
            .contains("Gaidīšanas sarakstā")
    );
    let (first, first_link) = &links[0];
    first.get(first_link).await;
    first.post_form(&format!("{first_link}/cancel"), &[]).await;
    assert!(
        links[1]
            .0
            .get(&links[1].1)
            .await
            .text
            .contains("Apstiprināts")
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(
        mails
            .iter()
            .any(|m| m.to == "otra@example.invalid" && m.subject.starts_with("Jums ir vieta")),
        "the promoted person is told"
    );
    // Cancelling the event tells everyone still registered, and only them.
    let c = app.login(domain::auth::Role::Coordinator).await;
    c.get(&format!("/lv/events/{event}")).await;
    assert_eq!(
        c.post_form(
            &format!("/lv/events/{event}/status"),
            &[("to", "cancelled")]
        )
        .await
        .status,
        303
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let told: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.starts_with("Pasākums atcelts"))
        .map(|m| m.to.as_str())
        .collect();
    assert_eq!(told, ["otra@example.invalid"]);
    // A draft event has no form.
    let draft = event_with(&app, None, false).await;
    assert_eq!(
        app.client()
            .get(&format!("/lv/calendar/{draft}/register"))
            .await
            .status,
        404
    );
}

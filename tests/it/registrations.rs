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
        // Confirmed at once (as from an invitation): these tests are about places.
        source: store::registrations::Source::Invitation,
        ..Default::default()
    }
}

fn mail(kind: &str) -> impl Fn(&store::registrations::Registration) -> store::outbox::Outgoing {
    let kind = kind.to_owned();
    move |r| store::outbox::Outgoing {
        kind: kind.clone(),
        subject: format!("{} {}", kind, r.name),
        body: r.status.as_str().to_owned(),
        ..Default::default()
    }
}

/// The mail a promoted registrant gets (with the secret of their new link, unused here).
fn promotion(
    kind: &str,
) -> impl Fn(&store::registrations::Registration, &str) -> store::outbox::Outgoing {
    let m = mail(kind);
    move |r, _secret| m(r)
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
        Err(store::Error::Conflict(store::Conflict::Events(
            store::EventConflict::Duplicate
        )))
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
    let promoted = store::registrations::cancel(
        &app.db,
        app.clock_now(),
        &cli,
        "hash-1",
        promotion("promoted"),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(promoted.len(), 1);
    assert_eq!(promoted[0].name, "Dalībniece 3");
    assert!(
        store::registrations::cancel(
            &app.db,
            app.clock_now(),
            &cli,
            "hash-1",
            promotion("promoted")
        )
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
                promotion("promoted"),
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
        Err(store::Error::Conflict(store::Conflict::Events(
            store::EventConflict::Closed
        )))
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
        Err(store::Error::Conflict(store::Conflict::Events(
            store::EventConflict::Closed
        )))
    ));
}

/// The path of the personal registration link in a mail, whatever its language.
pub(crate) fn link_in_any(body: &str) -> Option<String> {
    body.split_whitespace()
        .find(|w| w.contains("/registration/"))
        .and_then(|w| w.find("/registration/").map(|i| w[i - 3..].to_owned()))
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
        "paziņojums par datu apstrādi jums ir zināms",
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
    // Not to the personal page: whoever typed the address must open the mail.
    let sent = ok.location().unwrap_or_default().to_owned();
    assert_eq!(sent, format!("/lv/calendar/{id}/register?sent=place"));
    let page = anon.get(&sent).await;
    assert!(
        page.text.contains("apstipriniet pieteikumu e-pastā"),
        "{}",
        page.text
    );
    assert!(
        !page.text.contains("/registration/"),
        "no personal link on the page"
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let mail = mails
        .iter()
        .find(|m| m.to == "liga@example.invalid")
        .unwrap_or_else(|| panic!("no confirmation mail"));
    assert!(
        mail.subject.starts_with("Apstipriniet pieteikumu"),
        "{}",
        mail.subject
    );
    assert!(
        mail.body.contains("Apstiprināt pieteikumu"),
        "{}",
        mail.body
    );
    let link = link_in(&mail.body);
    assert!(link.starts_with("/lv/registration/"), "{link}");
    // Opening the link (as a mail scanner would) changes nothing; the button confirms.
    let page = anon.get(&link).await;
    assert!(page.text.contains("vēl nav apstiprināts"), "{}", page.text);
    assert!(page.text.contains("Vieta turēta"));
    let pending =
        |regs: Vec<store::registrations::Registration>| regs.iter().filter(|r| r.pending()).count();
    assert_eq!(
        pending(
            store::registrations::for_event(&app.db, id)
                .await
                .unwrap_or_default()
        ),
        1
    );
    let confirmed = anon.post_form(&format!("{link}/confirm"), &[]).await;
    assert_eq!(confirmed.status, 303);
    let page = anon.get(confirmed.location().unwrap_or_default()).await;
    assert!(
        page.text.contains("Pieteikums apstiprināts"),
        "{}",
        page.text
    );
    assert!(page.text.contains("<dd>Apstiprināts</dd>"), "{}", page.text);
    assert!(!page.text.contains("/confirm"), "nothing left to confirm");
    assert_eq!(
        pending(
            store::registrations::for_event(&app.db, id)
                .await
                .unwrap_or_default()
        ),
        0
    );
    // The same address again gets the same answer as anyone (the form tells nobody who has
    // signed up), and is neither registered nor mailed twice.
    let mails_before = store::outbox::list(&app.db, 0)
        .await
        .unwrap_or_default()
        .0
        .len();
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
    assert_eq!(again.status, 303);
    assert_eq!(again.location(), Some(sent.as_str()));
    assert_eq!(
        store::registrations::for_event(&app.db, id)
            .await
            .unwrap_or_default()
            .len(),
        1
    );
    assert_eq!(
        store::outbox::list(&app.db, 0)
            .await
            .unwrap_or_default()
            .0
            .len(),
        mails_before
    );
    // A stranger's guess opens nothing; the owner cancels.
    assert_eq!(anon.get("/lv/registration/nav-tads").await.status, 404);
    anon.get(&link).await;
    // Asked first, with the way back; nothing changes until confirmed.
    let ask = anon.post_form(&format!("{link}/cancel"), &[]).await;
    assert_eq!(ask.status, 200);
    assert!(
        ask.text.contains("Atcelt pieteikumu pasākumam „"),
        "{}",
        ask.text
    );
    assert!(ask.text.contains("Nē, paturēt pieteikumu"), "{}", ask.text);
    assert!(!anon.get(&link).await.text.contains("Atcelts"));
    assert_eq!(
        anon.post_form(&format!("{link}/cancel"), &[("confirm", "1")])
            .await
            .status,
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
        let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
        let link = mails
            .iter()
            .find(|m| m.to == email)
            .map(|m| link_in(&m.body))
            .unwrap_or_default();
        c.get(&link).await;
        assert_eq!(
            c.post_form(&format!("{link}/confirm"), &[]).await.status,
            303
        );
        links.push((c, link));
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
    first
        .post_form(&format!("{first_link}/cancel"), &[("confirm", "1")])
        .await;
    assert!(
        links[1]
            .0
            .get(&links[1].1)
            .await
            .text
            .contains("Apstiprināts")
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let told = mails
        .iter()
        .find(|m| m.to == "otra@example.invalid" && m.subject.starts_with("Jums ir vieta"))
        .unwrap_or_else(|| panic!("the promoted person is told"));
    // The mail carries a link of its own to the registration, where it can be cancelled.
    let own = link_in(&told.body);
    assert!(
        own.starts_with("/lv/registration/") && own != links[1].1,
        "{}",
        told.body
    );
    let page = links[1].0.get(&own).await;
    assert!(
        page.text.contains("Otrā") && page.text.contains("/cancel"),
        "{}",
        page.text
    );
    // Cancelling the event tells everyone still registered and everyone invited who has not
    // answered (each address once), and only them.
    crate::ok(
        store::invitations::invite(
            &app.db,
            app.clock_now(),
            &store::Actor::cli(),
            event,
            &[
                (
                    store::invitations::Invitee {
                        name: "Neatbildējusī".to_owned(),
                        email: "neatbildeja@example.invalid".to_owned(),
                        lang: "en".to_owned(),
                        ..Default::default()
                    },
                    domain::token::hash_secret("ielūgums-1"),
                    store::outbox::Outgoing::default(),
                ),
                (
                    store::invitations::Invitee {
                        name: "Otrā".to_owned(),
                        email: "OTRA@example.invalid".to_owned(),
                        lang: "lv".to_owned(),
                        ..Default::default()
                    },
                    domain::token::hash_secret("ielūgums-2"),
                    store::outbox::Outgoing::default(),
                ),
            ],
        )
        .await,
    );
    let c = app.login(domain::auth::Role::Coordinator).await;
    c.get(&format!("/lv/events/{event}")).await;
    let ask = c
        .post_form(
            &format!("/lv/events/{event}/status"),
            &[("to", "cancelled")],
        )
        .await;
    assert!(ask.text.contains("uz 2 e-pasta adresēm"), "{}", ask.text);
    assert_eq!(
        c.post_form(
            &format!("/lv/events/{event}/status"),
            &[("to", "cancelled"), ("confirm", "1")]
        )
        .await
        .status,
        303
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let mut told: Vec<_> = mails
        .iter()
        .filter(|m| {
            m.subject.starts_with("Pasākums atcelts") || m.subject.starts_with("Event cancelled")
        })
        .map(|m| m.to.as_str())
        .collect();
    told.sort_unstable();
    assert_eq!(
        told,
        ["neatbildeja@example.invalid", "otra@example.invalid"]
    );
    // The one only invited is not told a registration lapsed: there was none.
    let invited = mails
        .iter()
        .find(|m| m.to == "neatbildeja@example.invalid" && m.subject.starts_with("Event cancelled"))
        .unwrap_or_else(|| panic!("the invitee is told in English"));
    assert!(
        invited.body.contains("to which you were invited"),
        "{}",
        invited.body
    );
    assert!(!invited.body.contains("registration"), "{}", invited.body);
    let registrant = mails
        .iter()
        .find(|m| m.to == "otra@example.invalid" && m.subject.starts_with("Pasākums atcelts"))
        .unwrap_or_else(|| panic!("the registrant is told"));
    assert!(
        registrant.body.contains("Jūsu pieteikums vairs nav spēkā"),
        "{}",
        registrant.body
    );
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

/// Registers on the public form from a fresh client; returns the personal link mailed.
pub(crate) async fn register_publicly(
    app: &TestApp,
    event: i64,
    name: &str,
    email: &str,
) -> String {
    let form = format!("/lv/calendar/{event}/register");
    let c = app.client();
    c.get(&form).await;
    let res = c
        .post_form(
            &form,
            &[
                ("name", name),
                ("email", email),
                ("organisation", "Skola"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    mails
        .iter()
        .find(|m| m.to == email)
        .map(|m| link_in(&m.body))
        .unwrap_or_else(|| panic!("no mail to {email}"))
}

async fn by_id(app: &TestApp, event: i64, id: i64) -> store::registrations::Registration {
    store::registrations::for_event(&app.db, event)
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no registration {id}"))
}

async fn by_name(app: &TestApp, event: i64, name: &str) -> store::registrations::Registration {
    store::registrations::for_event(&app.db, event)
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no registration of {name}"))
}

#[tokio::test]
async fn an_unconfirmed_place_is_held_48_hours_then_released_to_the_waiting_list() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(1), true).await;
    let a = register_publicly(&app, event, "Andra", "andra@example.invalid").await;
    app.advance_minutes(1);
    let b = register_publicly(&app, event, "Baiba", "baiba@example.invalid").await;
    // Andra's unconfirmed registration holds the one place; Baiba waits, and confirms.
    let andra = by_name(&app, event, "Andra").await;
    assert!(andra.pending() && andra.status == store::registrations::Status::Confirmed);
    let c = app.client();
    c.get(&b).await;
    assert_eq!(c.post_form(&format!("{b}/confirm"), &[]).await.status, 303);
    let baiba = by_name(&app, event, "Baiba").await;
    assert!(!baiba.pending() && baiba.status == store::registrations::Status::Waiting);
    // The coordinators see Andra apart, with until when she may confirm.
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let list = coord
        .get(&format!("/lv/events/{event}/registrations"))
        .await;
    let pending_part = list
        .text
        .split("id=\"pending\"")
        .nth(1)
        .and_then(|t| t.split("id=\"all\"").next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        pending_part.contains("Andra") && !pending_part.contains("Baiba"),
        "{}",
        list.text
    );
    assert!(pending_part.contains("<td>turēta</td>"));
    // Within 48 hours nothing is released.
    app.advance_minutes(47 * 60);
    let done = crate::ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.registrations_released, 0);
    let last_before = store::outbox::list(&app.db, 0)
        .await
        .unwrap_or_default()
        .0
        .iter()
        .map(|m| m.id)
        .max()
        .unwrap_or_default();
    // After them the place goes to Baiba, who is told; nothing goes to Andra's address.
    app.advance_minutes(2 * 60);
    let done = crate::ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        (done.registrations_released, done.registrations_promoted),
        (1, 1)
    );
    let andra = by_id(&app, event, andra.id).await;
    assert!(andra.released_unconfirmed(), "{andra:?}");
    assert!(andra.name.is_empty(), "what was typed is not kept");
    let baiba = by_name(&app, event, "Baiba").await;
    assert_eq!(baiba.status, store::registrations::Status::Confirmed);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let new: Vec<_> = mails.iter().filter(|m| m.id > last_before).collect();
    assert!(
        new.iter()
            .any(|m| m.to == "baiba@example.invalid" && m.subject.starts_with("Jums ir vieta")),
        "{new:?}"
    );
    assert!(
        mails
            .iter()
            .all(|m| m.to != "andra@example.invalid" || !m.subject.starts_with("Jums")),
        "no mail to an address nobody confirmed"
    );
    // Andra's link now says what happened; confirming no longer takes the place back.
    let c = app.client();
    let page = c.get(&a).await;
    assert!(
        page.text.contains("Atbrīvots: netika apstiprināts laikā"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Pieteikties vēlreiz"));
    // (A tab left open: its form still carries the pre-login token.)
    c.get(&format!("/lv/calendar/{event}/register")).await;
    assert_eq!(c.post_form(&format!("{a}/confirm"), &[]).await.status, 303);
    assert!(by_id(&app, event, andra.id).await.released_unconfirmed());
    // Running again does nothing more; the audit log names the release in words.
    let done = crate::ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        (done.registrations_released, done.registrations_promoted),
        (0, 0)
    );
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let log = coord
        .get("/lv/admin/audit?action=registration_released")
        .await;
    assert!(
        log.text
            .contains("Neapstiprināta pieteikuma vieta atbrīvota"),
        "{}",
        log.text
    );
}

#[tokio::test]
async fn a_pending_registration_is_not_released_once_the_event_has_started() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, None, true).await;
    let e = crate::ok(store::events::get(&app.db, event).await);
    // Signed up five minutes before the deadline (the start), never confirmed.
    app.advance_minutes((e.starts_at - app.clock_now()) / 60 - 5);
    register_publicly(&app, event, "Vēlā", "vela@example.invalid").await;
    app.advance_minutes(49 * 60);
    let done = crate::ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.registrations_released, 0);
    let r = by_name(&app, event, "Vēlā").await;
    assert!(r.pending(), "kept: the registrant may simply come");
}

#[tokio::test]
async fn the_hourly_cap_counts_only_unconfirmed_registrations() {
    let app = TestApp::spawn_with(|s| s.public_forms.max_registrations_per_event_hour = 2).await;
    let event = event_with(&app, None, true).await;
    for (name, email) in [
        ("Pirmā", "p1@example.invalid"),
        ("Otrā", "p2@example.invalid"),
    ] {
        let link = register_publicly(&app, event, name, email).await;
        let c = app.client();
        c.get(&link).await;
        c.post_form(&format!("{link}/confirm"), &[]).await;
    }
    // Both confirmed their addresses: real people, not a flood; the cap is not reached.
    register_publicly(&app, event, "Trešā", "p3@example.invalid").await;
    register_publicly(&app, event, "Ceturtā", "p4@example.invalid").await;
    let form = format!("/lv/calendar/{event}/register");
    let c = app.client();
    c.get(&form).await;
    let res = c
        .post_form(
            &form,
            &[
                ("name", "Piektā"),
                ("email", "p5@example.invalid"),
                ("organisation", "Skola"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(
        res.status, 429,
        "two unconfirmed in the hour: the third waits"
    );
    // The coordinator releases the two unconfirmed ones (a flood): the form opens again.
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let list = coord
        .get(&format!("/lv/events/{event}/registrations"))
        .await;
    assert!(list.text.contains("name=\"upto\""));
    let upto = by_name(&app, event, "Ceturtā").await.id;
    let res = coord
        .post_form(
            &format!("/lv/events/{event}/registrations/release"),
            &[("upto", upto.to_string().as_str())],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = c
        .post_form(
            &form,
            &[
                ("name", "Piektā"),
                ("email", "p5@example.invalid"),
                ("organisation", "Skola"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // "Release all" goes no further than the page the coordinator saw.
    assert!(by_name(&app, event, "Piektā").await.pending());
    let res = coord
        .post_form(
            &format!("/lv/events/{event}/registrations/release"),
            &[("upto", upto.to_string().as_str())],
        )
        .await;
    let list = coord.get(res.location().unwrap_or_default()).await;
    assert!(
        list.text.contains("Neviena vieta netika atbrīvota"),
        "{}",
        list.text
    );
    assert!(by_name(&app, event, "Piektā").await.pending());
}

#[tokio::test]
async fn one_mailbox_with_many_aliases_stops_at_the_higher_cap() {
    let app =
        TestApp::spawn_with(|s| s.public_forms.max_all_registrations_per_event_hour = 3).await;
    let event = event_with(&app, None, true).await;
    for n in 1..=3 {
        let link = register_publicly(
            &app,
            event,
            &format!("Alias {n}"),
            &format!("x+{n}@example.invalid"),
        )
        .await;
        let c = app.client();
        c.get(&link).await;
        c.post_form(&format!("{link}/confirm"), &[]).await;
    }
    let form = format!("/lv/calendar/{event}/register");
    let c = app.client();
    c.get(&form).await;
    let res = c
        .post_form(
            &form,
            &[
                ("name", "Alias 4"),
                ("email", "x+4@example.invalid"),
                ("organisation", "Skola"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 429);
}

#[tokio::test]
async fn coordinators_register_someone_by_hand_and_confirm_a_pending_registration() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(10), true).await;
    let other = event_with(&app, Some(10), true).await;
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let new = format!("/lv/events/{event}/registrations/new");
    let list = coord
        .get(&format!("/lv/events/{event}/registrations"))
        .await;
    assert!(list.text.contains(&new), "the list links to the form");
    assert_eq!(coord.get(&new).await.status, 200);
    // Mistakes are told next to their fields, what was typed is kept, nothing is saved.
    let bad = coord
        .post_form(
            &new,
            &[
                ("name", " "),
                ("email", "nav-adrese"),
                ("organisation", "Skola Nr. 1"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    for msg in [
        "Ievadiet dalībnieka vārdu",
        "derīgu e-pasta adresi",
        "persona ir informēta par datu apstrādi",
    ] {
        assert!(bad.text.contains(msg), "{msg}: {}", bad.text);
    }
    assert!(bad.text.contains("value=\"Skola Nr. 1\""));
    assert!(
        store::registrations::for_event(&app.db, event)
            .await
            .unwrap_or_default()
            .is_empty()
    );
    // Someone who called, with no e-mail: confirmed at once, no mail.
    let mails_before = store::outbox::list(&app.db, 0)
        .await
        .unwrap_or_default()
        .0
        .len();
    let res = coord
        .post_form(
            &new,
            &[
                ("name", "Zvanītāja Bez Pasta"),
                ("private_person", "1"),
                ("lang", "lv"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let r = by_name(&app, event, "Zvanītāja Bez Pasta").await;
    assert!(!r.pending() && r.status == store::registrations::Status::Confirmed);
    assert!(r.registered_by.is_some() && r.email.is_empty());
    assert_eq!(
        store::outbox::list(&app.db, 0)
            .await
            .unwrap_or_default()
            .0
            .len(),
        mails_before
    );
    // A second one without e-mail is fine too (no address, no duplicate).
    let res = coord
        .post_form(
            &new,
            &[
                ("name", "Otrs Bez Pasta"),
                ("private_person", "1"),
                ("lang", "lv"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // With an address, in English: the mail with the personal link, already confirmed.
    let res = coord
        .post_form(
            &new,
            &[
                ("name", "Came In Person"),
                ("email", "inperson@example.invalid"),
                ("organisation", "NGO"),
                ("lang", "en"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let mail = mails
        .iter()
        .find(|m| m.to == "inperson@example.invalid")
        .unwrap_or_else(|| panic!("no mail"));
    assert!(
        mail.subject.starts_with("Registration:"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("/en/registration/"), "{}", mail.body);
    let again = coord
        .post_form(
            &new,
            &[
                ("name", "Came Again"),
                ("email", "INPERSON@example.invalid"),
                ("organisation", "NGO"),
                ("lang", "en"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(again.status, 422);
    assert!(again.text.contains("jau ir aktīvs pieteikums"));
    // A pending one from the public form, confirmed by the coordinator.
    register_publicly(
        &app,
        event,
        "Pa Tālruni Apstiprinātā",
        "tel@example.invalid",
    )
    .await;
    let pending = by_name(&app, event, "Pa Tālruni Apstiprinātā").await;
    assert!(pending.pending());
    let list = coord
        .get(&format!("/lv/events/{event}/registrations"))
        .await;
    assert!(list.text.contains("ievadīts manuāli") && list.text.contains("bez e-pasta"));
    let confirm = format!("/lv/events/{event}/registrations/{}/confirm", pending.id);
    assert!(list.text.contains(&confirm), "{}", list.text);
    // Not through another event's address.
    assert_eq!(
        coord
            .post_form(
                &format!("/lv/events/{other}/registrations/{}/confirm", pending.id),
                &[]
            )
            .await
            .status,
        404
    );
    let res = coord.post_form(&confirm, &[]).await;
    assert_eq!(res.status, 303);
    assert!(
        !by_name(&app, event, "Pa Tālruni Apstiprinātā")
            .await
            .pending()
    );
    let list = coord.get(res.location().unwrap_or_default()).await;
    assert!(list.text.contains("Pieteikums apstiprināts"));
    assert!(!list.text.contains("id=\"pending\""), "nobody pending now");
    // Others may not.
    let ngo = app.login(domain::auth::Role::Ngo).await;
    assert_eq!(ngo.get(&new).await.status, 403);
    assert_eq!(ngo.post_form(&confirm, &[]).await.status, 403);
    // After the start the public form is closed, but coordinators register until the end.
    let e = crate::ok(store::events::get(&app.db, event).await);
    app.advance_minutes((e.starts_at - app.clock_now()) / 60 + 10);
    let late = app.client();
    let form = format!("/lv/calendar/{event}/register");
    assert!(late.get(&form).await.text.contains("slēgta"));
    // (A fresh sign-in: the first session has long timed out.)
    let coord = app.login(domain::auth::Role::Coordinator).await;
    coord.get(&new).await;
    let res = coord
        .post_form(
            &new,
            &[
                ("name", "Atnāca Pie Durvīm"),
                ("private_person", "1"),
                ("lang", "lv"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(!by_name(&app, event, "Atnāca Pie Durvīm").await.pending());
    app.advance_minutes(7 * 60);
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let res = coord
        .post_form(
            &new,
            &[
                ("name", "Par Vēlu"),
                ("private_person", "1"),
                ("lang", "lv"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("vēl nav beidzies"));
}

#[tokio::test]
async fn coordinators_release_made_up_sign_ups_and_the_waiting_list_moves_up() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(2), true).await;
    // A flood fills both places with made-up addresses; a real person waits and confirms.
    register_publicly(&app, event, "Izdomāts 1", "fake1@example.invalid").await;
    register_publicly(&app, event, "Izdomāts 2", "fake2@example.invalid").await;
    register_publicly(&app, event, "Izdomāts 3", "fake3@example.invalid").await;
    let real = register_publicly(&app, event, "Īsta Dalībniece", "real@example.invalid").await;
    let c = app.client();
    c.get(&real).await;
    assert_eq!(
        c.post_form(&format!("{real}/confirm"), &[]).await.status,
        303
    );
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let list = coord
        .get(&format!("/lv/events/{event}/registrations"))
        .await;
    assert!(
        list.text
            .contains("Atbrīvot visas neapstiprinātās vietas (3)"),
        "{}",
        list.text
    );
    // One by one: the third made-up one (waiting) goes; nobody moves up yet.
    let third = by_name(&app, event, "Izdomāts 3").await;
    let res = coord
        .post_form(
            &format!("/lv/events/{event}/registrations/{}/release", third.id),
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(by_id(&app, event, third.id).await.released_unconfirmed());
    // Then all the rest: both places free, the real registrant gets one and is told.
    let upto = third.id.to_string();
    let res = coord
        .post_form(
            &format!("/lv/events/{event}/registrations/release"),
            &[("upto", upto.as_str())],
        )
        .await;
    assert_eq!(res.status, 303);
    let list = coord.get(res.location().unwrap_or_default()).await;
    assert!(list.text.contains("Neapstiprinātās vietas atbrīvotas"));
    assert!(list.text.contains("atbrīvots manuāli"));
    let real_reg = by_name(&app, event, "Īsta Dalībniece").await;
    assert_eq!(real_reg.status, store::registrations::Status::Confirmed);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(
        mails
            .iter()
            .any(|m| m.to == "real@example.invalid" && m.subject.starts_with("Jums ir vieta"))
    );
    // Confirmed registrations are never released this way.
    let res = coord
        .post_form(
            &format!("/lv/events/{event}/registrations/{}/release", real_reg.id),
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        by_name(&app, event, "Īsta Dalībniece").await.status,
        store::registrations::Status::Confirmed
    );
    // The made-up registrant's link says the organisers released it.
    let c = app.client();
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let fake = mails
        .iter()
        .find(|m| m.to == "fake1@example.invalid")
        .map(|m| link_in(&m.body))
        .unwrap_or_default();
    assert!(c.get(&fake).await.text.contains("tā vietu atbrīvoja"));
}

#[tokio::test]
async fn a_released_sign_up_keeps_no_personal_data_and_gives_no_place_in_a_cancelled_event() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(1), true).await;
    register_publicly(&app, event, "Izdomātā", "izdomata@example.invalid").await;
    app.advance_minutes(1);
    let waiting = register_publicly(&app, event, "Gaidītāja", "gaiditaja@example.invalid").await;
    let c = app.client();
    c.get(&waiting).await;
    c.post_form(&format!("{waiting}/confirm"), &[]).await;
    // The event is cancelled before the first sign-up's time is up.
    let coord = app.login(domain::auth::Role::Coordinator).await;
    coord.get(&format!("/lv/events/{event}")).await;
    let res = coord
        .post_form(
            &format!("/lv/events/{event}/status"),
            &[("to", "cancelled"), ("confirm", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    app.advance_minutes(49 * 60);
    let last_before = store::outbox::list(&app.db, 0)
        .await
        .unwrap_or_default()
        .0
        .iter()
        .map(|m| m.id)
        .max()
        .unwrap_or_default();
    let done = crate::ok(web::jobs::run_due(&app.state).await);
    assert_eq!(
        (done.registrations_released, done.registrations_promoted),
        (0, 0),
        "nothing moves in a cancelled event"
    );
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let res = coord
        .post_form(
            &format!("/lv/events/{event}/registrations/release"),
            &[("upto", "999999")],
        )
        .await;
    assert_eq!(res.status, 303);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(
        mails
            .iter()
            .filter(|m| m.id > last_before)
            .all(|m| !m.subject.starts_with("Jums ir vieta")),
        "nobody is told of a place in a cancelled event"
    );
    assert_eq!(
        by_name(&app, event, "Gaidītāja").await.status,
        store::registrations::Status::Waiting
    );
    // What the unconfirmed sign-up typed is gone; the count of it stays.
    let released: Vec<_> = store::registrations::for_event(&app.db, event)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.released_unconfirmed())
        .collect();
    assert_eq!(released.len(), 1);
    assert!(released[0].name.is_empty() && released[0].email.is_empty());
    assert!(released[0].organisation_text.is_none());
}

#[tokio::test]
async fn close_to_the_start_a_sign_up_must_be_confirmed_sooner() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(1), true).await;
    let e = crate::ok(store::events::get(&app.db, event).await);
    // A day before the start: to be confirmed two hours before it, not in 48 hours.
    app.advance_minutes((e.starts_at - app.clock_now()) / 60 - 24 * 60);
    let link = register_publicly(&app, event, "Pēdējā Brīža", "pedeja@example.invalid").await;
    let r = by_name(&app, event, "Pēdējā Brīža").await;
    assert_eq!(r.confirm_by, Some(e.starts_at - 2 * 3600));
    let page = app.client().get(&link).await;
    assert!(
        page.text.contains(&web::i18n::datetime(
            web::i18n::Lang::Lv,
            e.starts_at - 2 * 3600
        )),
        "{}",
        page.text
    );
    app.advance_minutes(22 * 60 + 1);
    let done = crate::ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.registrations_released, 1);
    assert_eq!(
        store::registrations::confirm_deadline(0, 3600),
        2 * 3600,
        "never less than two hours"
    );
}

#[tokio::test]
async fn someone_registered_by_phone_without_an_address_is_never_mailed() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(1), true).await;
    let first = register_publicly(&app, event, "Pirmā", "pirma@example.invalid").await;
    let c = app.client();
    c.get(&first).await;
    c.post_form(&format!("{first}/confirm"), &[]).await;
    // By phone, with statistics answers slipped into the post: waits, and keeps no answers.
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let new = format!("/lv/events/{event}/registrations/new");
    coord.get(&new).await;
    let res = coord
        .post_form(
            &new,
            &[
                ("name", "Pa Tālruni"),
                ("private_person", "1"),
                ("lang", "lv"),
                ("notice", "1"),
                ("roma", "yes"),
                ("stats_consent", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // Whoever is on the phone is told there is no place yet.
    let list = coord.get(res.location().unwrap_or_default()).await;
    assert!(
        list.text.contains("gaidīšanas sarakstā: brīvu vietu nav"),
        "{}",
        list.text
    );
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let stats: (Option<String>, Option<i64>) = sqlx::query_as(
        "SELECT roma_self_identified, stats_consent_at FROM registrations WHERE name = 'Pa Tālruni'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stats, (None, None), "no consent can be given for someone");
    // The first cancels: the phone registrant gets the place, and no mail goes to no one.
    c.get(&first).await;
    c.post_form(&format!("{first}/cancel"), &[("confirm", "1")])
        .await;
    assert_eq!(
        by_name(&app, event, "Pa Tālruni").await.status,
        store::registrations::Status::Confirmed
    );
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(mails.iter().all(|m| !m.to.is_empty()), "{mails:?}");
}

#[tokio::test]
async fn a_full_event_says_so_before_the_form_and_the_answer_says_waiting_list() {
    let app = TestApp::spawn().await;
    let event = event_with(&app, Some(1), true).await;
    let form = format!("/lv/calendar/{event}/register");
    let anon = app.client();
    let page = anon.get(&form).await;
    assert!(!page.text.contains("Vietu vairs nav"), "{}", page.text);
    assert!(page.text.contains(">Pieteikties</button>"));
    register_publicly(&app, event, "Anna", "anna@example.invalid").await;
    // The one place is held: the event page and the form say so before anything is typed.
    let public = anon.get(&format!("/lv/calendar/{event}")).await;
    assert!(
        public
            .text
            .contains("Vietu vairs nav — var pieteikties gaidīšanas sarakstam"),
        "{}",
        public.text
    );
    assert!(public.text.contains("Pieteikties gaidīšanas sarakstam</a>"));
    let page = anon.get(&form).await;
    assert!(page.text.contains("Vietu vairs nav"), "{}", page.text);
    assert!(
        page.text
            .contains(">Pieteikties gaidīšanas sarakstam</button>")
    );
    let english = anon.get(&format!("/en/calendar/{event}/register")).await;
    assert!(english.text.contains("No places left"), "{}", english.text);
    let res = anon
        .post_form(
            &form,
            &[
                ("name", "Baiba"),
                ("email", "baiba@example.invalid"),
                ("organisation", "Skola"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        res.location().unwrap_or_default(),
        format!("/lv/calendar/{event}/register?sent=waiting")
    );
    let page = anon.get(res.location().unwrap_or_default()).await;
    assert!(
        page.text.contains("pieteikums ir gaidīšanas sarakstā"),
        "{}",
        page.text
    );
    assert!(
        !page
            .text
            .contains("Vēl viens solis: apstipriniet pieteikumu e-pastā")
    );
    assert_eq!(
        by_name(&app, event, "Baiba").await.status,
        store::registrations::Status::Waiting
    );
    // Anna's address again: the same answer anyone would get now, nothing about Anna.
    let again = anon
        .post_form(
            &form,
            &[
                ("name", "Anna"),
                ("email", "anna@example.invalid"),
                ("organisation", "Skola"),
                ("notice", "1"),
            ],
        )
        .await;
    assert_eq!(
        again.location().unwrap_or_default(),
        format!("/lv/calendar/{event}/register?sent=waiting")
    );
}

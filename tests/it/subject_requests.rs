//! A registry person's rights (issue 20, item 3): requests recorded with their one-month
//! deadline (on the workspace, marked when missed, three months when extended), closed only
//! with the identity check and what was done; processing restricted (out of every list,
//! export, chooser, search, the public directory and the API); erasure that keeps every
//! figure and is re-applied after a restore (tests/it/cli.rs); the register's storage limit.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// The request form's fields with a kind, a requester and a date received.
fn request(kind: &'static str, received: &str) -> Vec<(&'static str, String)> {
    vec![
        ("kind", kind.to_owned()),
        ("requester_name", "Anna Ābele".to_owned()),
        ("requester_email", "anna@a.test.invalid".to_owned()),
        ("received_on", received.to_owned()),
        (
            "details",
            "Lūdz izsniegt visus par viņu glabātos datus.".to_owned(),
        ),
    ]
}

/// Whether a page names Anna Ābele.
fn names_anna(page: &str) -> bool {
    page.contains("Anna Ābele")
}

fn pairs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn a_request_is_recorded_with_its_month_shown_on_the_workspace_and_closed_on_record() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let empty = c.get("/lv/privacy/requests").await;
    assert_eq!(empty.status, 200);
    assert!(empty.text.contains("Neviens pieprasījums nav reģistrēts."));

    // Everything missing but the name: each field says what it needs, the name is kept.
    let refused = c
        .post_form(
            "/lv/privacy/requests",
            &[
                ("requester_name", "Anna Ābele"),
                ("requester_email", "nav adrese"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    for message in [
        "Izvēlieties, ko persona lūdz.",
        "Ierakstiet derīgu e-pasta adresi",
        "Aprakstiet, ko persona lūdz.",
        "value=\"Anna Ābele\"",
        "value=\"nav adrese\"",
    ] {
        assert!(refused.text.contains(message), "{message}");
    }

    // From the person's page: the form knows the person.
    let p = app.fixtures.person_a;
    let person_page = c.get(&format!("/lv/people/{p}")).await.text;
    assert!(person_page.contains(&format!("/lv/privacy/requests/new?person={p}")));
    let form = c.get(&format!("/lv/privacy/requests/new?person={p}")).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text
            .contains(&format!("name=\"person\" value=\"{p}\""))
    );

    let today = domain::event::riga_date(app.clock_now());
    let mut f = request("access", &today.to_string());
    f.push(("person", p.to_string()));
    let made = c.post_form("/lv/privacy/requests", &pairs(&f)).await;
    assert_eq!(made.status, 303, "{}", made.text);
    let at = made.location().unwrap_or_default().to_owned();
    assert!(at.ends_with("?notice=recorded"), "{at}");
    let id: i64 = at
        .trim_start_matches("/lv/privacy/requests/")
        .trim_end_matches("?notice=recorded")
        .parse()
        .unwrap_or(0);
    let due = domain::privacy::request_due(today, false);
    let page = c.get(&at).await.text;
    assert!(page.contains("Pieprasījums reģistrēts."));
    assert!(
        page.contains(&format!(
            "Atbildes termiņš: {}",
            web::i18n::day(web::i18n::Lang::Lv, due)
        )),
        "{page}"
    );
    // On the person's page and on the workspace, with its deadline.
    assert!(
        c.get(&format!("/lv/people/{p}"))
            .await
            .text
            .contains(&format!("/lv/privacy/requests/{id}"))
    );
    let work = c.get("/lv/workspace").await.text;
    assert!(work.contains("Datu subjektu pieprasījumi, uz kuriem jāatbild"));
    assert!(work.contains(&format!("Pieprasījums Nr. {id}")));

    // Closing needs the identity check and what was done.
    let mut closing = f.clone();
    closing.push(("outcome", "answered".to_owned()));
    closing.push(("closed_on", today.to_string()));
    let refused = c
        .post_form(&format!("/lv/privacy/requests/{id}"), &pairs(&closing))
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("Pirms atbildes norādiet, kā pārbaudīta pieprasītāja identitāte.")
    );
    assert!(refused.text.contains("Aprakstiet, kas izdarīts."));
    // A refusal asks for its reason and the right to complain.
    let mut refusing = f.clone();
    refusing.push(("outcome", "refused".to_owned()));
    refusing.push(("closed_on", today.to_string()));
    refusing.push(("identity_checked", "Personīgi, ar pasi".to_owned()));
    let refused = c
        .post_form(&format!("/lv/privacy/requests/{id}"), &pairs(&refusing))
        .await;
    assert!(refused.text.contains("Norādiet atteikuma iemeslu"));

    // Extended within the first month: due three months after receipt (the month's end
    // kept), the reason shown.
    let mut extended = f.clone();
    extended.push(("extension_reason", "Dati jāmeklē arhīvā.".to_owned()));
    let saved = c
        .post_form(&format!("/lv/privacy/requests/{id}"), &pairs(&extended))
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let late_due = domain::privacy::request_due(today, true);
    let page = c.get(&format!("/lv/privacy/requests/{id}")).await.text;
    assert!(page.contains(&format!(
        "Atbildes termiņš: {}",
        web::i18n::day(web::i18n::Lang::Lv, late_due)
    )));
    assert!(page.contains("Dati jāmeklē arhīvā."));

    // Another request, not extended: a month and two days later it is overdue, on the
    // workspace too, and no longer extendable.
    let other = c
        .post_form(
            "/lv/privacy/requests",
            &pairs(&request("rectification", &today.to_string())),
        )
        .await;
    assert_eq!(other.status, 303);
    let other = other
        .location()
        .unwrap_or_default()
        .trim_start_matches("/lv/privacy/requests/")
        .trim_end_matches("?notice=recorded")
        .to_owned();
    app.advance_minutes(33 * 24 * 60);
    let c = app.login(Role::Coordinator).await;
    let work = c.get("/lv/workspace").await.text;
    assert!(
        work.contains(&format!(
            "Nokavēts: termiņš bija {}",
            web::i18n::day(web::i18n::Lang::Lv, due)
        )),
        "{work}"
    );
    let mut too_late = request("rectification", &today.to_string());
    too_late.push(("extension_reason", "Dati jāmeklē arhīvā.".to_owned()));
    let refused = c
        .post_form(&format!("/lv/privacy/requests/{other}"), &pairs(&too_late))
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("Termiņu var pagarināt tikai pirmā mēneša laikā")
    );

    // Answered: closed, off the workspace, and every step in the audit log.
    let answered_on = domain::event::riga_date(app.clock_now());
    let mut done = extended.clone();
    done.push(("outcome", "answered".to_owned()));
    done.push(("closed_on", answered_on.to_string()));
    done.push(("identity_checked", "Personīgi, ar pasi".to_owned()));
    done.push(("response", "Izraksts nodots personīgi.".to_owned()));
    let saved = c
        .post_form(&format!("/lv/privacy/requests/{id}"), &pairs(&done))
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    assert!(
        !c.get("/lv/workspace")
            .await
            .text
            .contains(&format!("Pieprasījums Nr. {id}"))
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "subject_request_recorded").await),
        2
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "subject_request_updated").await),
        2
    );

    // The register exports, on the record of the person it names.
    let (status, csv) = c
        .post_form_bytes("/lv/privacy/requests/export", &[("format", "csv")])
        .await;
    assert_eq!(status, 200);
    let csv = String::from_utf8_lossy(&csv);
    assert!(csv.contains("Anna Ābele") && csv.contains("Izraksts nodots personīgi."));
    assert_eq!(
        ok(store::audit::count(&app.db, "subject_requests_exported").await),
        1
    );
    let subjects = ok(store::access_log::person_subjects(&app.db, p).await);
    let access = ok(store::access_log::concerning(&app.db, &subjects, 100).await);
    assert!(
        access.iter().any(|a| a.detail.contains("(csv")),
        "{access:?}"
    );

    // Others may not see the register.
    let m = app.login(Role::Ministry).await;
    assert_eq!(m.get("/lv/privacy/requests").await.status, 403);
}

#[tokio::test]
async fn a_restricted_person_leaves_every_list_and_comes_back_when_lifted() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let p = app.fixtures.person_a;
    // Listed in the public directory first.
    let listed = c
        .post_form(
            &format!("/lv/people/{p}/listing"),
            &[("name", "1"), ("given_on", "2026-11-20"), ("consent", "1")],
        )
        .await;
    assert_eq!(listed.status, 303);
    let anon = app.client();
    assert!(anon.get("/lv/directory").await.text.contains("Anna Ābele"));

    // A reason is needed.
    let refused = c
        .post_form(&format!("/lv/people/{p}/restriction"), &[("reason", " ")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("Norādiet, kāpēc apstrāde ierobežota.")
    );
    let done = c
        .post_form(
            &format!("/lv/people/{p}/restriction"),
            &[("reason", "Persona apstrīd datu precizitāti.")],
        )
        .await;
    assert_eq!(
        done.location(),
        Some(format!("/lv/people/{p}?notice=restricted").as_str())
    );
    let page = c
        .get(&format!("/lv/people/{p}?notice=restricted"))
        .await
        .text;
    assert!(page.contains("Apstrāde ierobežota ("));
    assert!(page.contains("Persona apstrīd datu precizitāti."));

    // Out of the list, the export, search, the invitees' chooser, the public directory and
    // the API; only those who answer requests still open the record.
    let list = c.get("/lv/people").await.text;
    assert!(!list.contains("Anna Ābele"), "in the list");
    assert!(
        c.get("/lv/people?restricted=1")
            .await
            .text
            .contains("Anna Ābele")
    );
    let (_, csv) = c
        .post_form_bytes(
            "/lv/people/export",
            &[("format", "csv"), ("restricted", "1")],
        )
        .await;
    assert!(
        !String::from_utf8_lossy(&csv).contains("Ābele"),
        "in the export"
    );
    assert!(
        !c.get("/lv/search?q=abele")
            .await
            .text
            .contains("Anna Ābele")
    );
    let org = app.fixtures.org_a;
    assert!(
        !names_anna(&c.get(&format!("/lv/organisations/{org}")).await.text),
        "among the organisation's members"
    );
    // Neither merged into someone nor someone merged into them.
    let other = app.fixtures.person_b;
    for (survivor, duplicate) in [(p, other), (other, p)] {
        let refused = c
            .post_form(
                &format!("/lv/people/{survivor}/merge"),
                &[("duplicate_id", &duplicate.to_string())],
            )
            .await;
        assert_eq!(refused.status, 422);
        assert!(
            refused
                .text
                .contains("Personu ar ierobežotu apstrādi neapvieno")
        );
    }
    // Not published while restricted.
    let publish = c
        .post_form(
            &format!("/lv/people/{p}/listing"),
            &[("name", "1"), ("given_on", "2026-11-20"), ("consent", "1")],
        )
        .await;
    assert_eq!(
        publish.location(),
        Some(format!("/lv/people/{p}?notice=listing-restricted").as_str())
    );
    let event = app.fixtures.event;
    let invitations = c.get(&format!("/lv/events/{event}/invitations")).await.text;
    assert!(!invitations.contains("Anna Ābele"), "in the chooser");
    assert!(!anon.get("/lv/directory").await.text.contains("Anna Ābele"));
    let m = app.login(Role::Ministry).await;
    assert_eq!(m.get(&format!("/lv/people/{p}")).await.status, 404);
    assert!(!m.get("/lv/people").await.text.contains("Anna Ābele"));
    assert_eq!(
        m.get(&format!("/lv/people/{p}/restriction")).await.status,
        403
    );
    // The storage limit keeps a restricted person however long they are inactive.
    let loner = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::people::PersonInput {
            name: "Neaktīva Persona".to_owned(),
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    let cutoff = app.clock_now() + 100 * 365 * 24 * 3600;
    let before = ok(store::storage_limits::due(&app.db, "people", cutoff).await);
    let restricted = c
        .post_form(
            &format!("/lv/people/{loner}/restriction"),
            &[("reason", "Persona lūdz datus glabāt prasībai tiesā.")],
        )
        .await;
    assert_eq!(restricted.status, 303);
    assert_eq!(
        ok(store::storage_limits::due(&app.db, "people", cutoff).await),
        before - 1
    );

    // Lifted: back everywhere.
    let lifted = c
        .post_form(&format!("/lv/people/{p}/restriction/lift"), &[])
        .await;
    assert_eq!(
        lifted.location(),
        Some(format!("/lv/people/{p}?notice=restriction-lifted").as_str())
    );
    assert!(c.get("/lv/people").await.text.contains("Anna Ābele"));
    assert!(anon.get("/lv/directory").await.text.contains("Anna Ābele"));
    assert_eq!(m.get(&format!("/lv/people/{p}")).await.status, 200);
    assert_eq!(
        ok(store::audit::count(&app.db, "person_restricted").await),
        2
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "person_restriction_lifted").await),
        1
    );
}

#[tokio::test]
async fn erasing_a_person_asks_for_confirmation_lists_them_first_and_keeps_the_request() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let p = app.fixtures.person_a;
    let today = domain::event::riga_date(app.clock_now());
    let mut f = request("erasure", &today.to_string());
    f.push(("person", p.to_string()));
    let made = c.post_form("/lv/privacy/requests", &pairs(&f)).await;
    assert_eq!(made.status, 303);
    let request_id = ok(store::subject_requests::list(&app.db).await)[0].id;

    // A duplicate merged into her goes with her, and into the erased list too.
    let duplicate = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::people::PersonInput {
            name: "Anna Abele".to_owned(),
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    ok(store::merge::merge_people(
        &app.db,
        app.clock_now(),
        &today.to_string(),
        &store::Actor::cli(),
        p,
        duplicate,
    )
    .await);
    let form = c.get(&format!("/lv/people/{p}/erase")).await;
    assert_eq!(form.status, 200);
    assert!(form.text.contains("Dzēšanu nevar atsaukt."));
    let unconfirmed = c.post_form(&format!("/lv/people/{p}/erase"), &[]).await;
    assert_eq!(unconfirmed.status, 422);
    assert!(unconfirmed.text.contains("Atzīmējiet, ka saprotat"));
    assert_eq!(ok(store::people::get(&app.db, p).await).name, "Anna Ābele");

    let erased = c
        .post_form(&format!("/lv/people/{p}/erase"), &[("confirm", "yes")])
        .await;
    assert_eq!(erased.location(), Some("/lv/people?notice=person-erased"));
    assert!(matches!(
        store::people::get(&app.db, p).await,
        Err(store::Error::NotFound)
    ));
    assert_eq!(c.get(&format!("/lv/people/{p}")).await.status, 404);
    let list = ok(web::erased::read(&app.state.settings().erased_list_file()));
    assert!(list.contains(&web::erased::person_code(p)), "{list:?}");
    assert!(
        list.contains(&web::erased::person_code(duplicate)),
        "{list:?}"
    );
    assert_eq!(ok(store::audit::count(&app.db, "person_erased").await), 1);
    // The request stays, by its requester's name, no longer linked.
    let kept = ok(store::subject_requests::get(&app.db, request_id).await);
    assert_eq!(kept.input.person_id, None);
    assert_eq!(kept.input.requester_name, "Anna Ābele");
    // Erased again (as after a restore): nothing left to do, and the number stays unused.
    assert_eq!(
        ok(store::person_erasure::reapply(&app.db, app.clock_now(), &[p]).await),
        0
    );
    let newcomer = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::people::PersonInput {
            name: "Jauna Persona".to_owned(),
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    assert!(newcomer > p);
}

#[tokio::test]
async fn a_closed_request_loses_its_personal_data_after_the_storage_limit() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let today = domain::event::riga_date(app.clock_now());
    let mut f = request("access", &today.to_string());
    f.push(("outcome", "answered".to_owned()));
    f.push(("closed_on", today.to_string()));
    f.push((
        "identity_checked",
        "E-pasts no reģistrētās adreses".to_owned(),
    ));
    f.push(("response", "Izraksts nosūtīts.".to_owned()));
    assert_eq!(
        c.post_form("/lv/privacy/requests", &pairs(&f)).await.status,
        303
    );
    // An open one stays whatever its age.
    let open = request("objection", &today.to_string());
    assert_eq!(
        c.post_form("/lv/privacy/requests", &pairs(&open))
            .await
            .status,
        303
    );

    app.advance_minutes(1094 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(
        !done
            .storage_limits
            .iter()
            .any(|(k, _)| *k == "subject_requests")
    );
    app.advance_minutes(2 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert!(
        done.storage_limits
            .iter()
            .any(|(k, n)| *k == "subject_requests" && *n == 1),
        "{:?}",
        done.storage_limits
    );
    let all = ok(store::subject_requests::list(&app.db).await);
    let closed: Vec<_> = all.iter().filter(|r| !r.is_open()).collect();
    let open: Vec<_> = all.iter().filter(|r| r.is_open()).collect();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].input.requester_name, "");
    assert_eq!(closed[0].input.requester_email, None);
    assert_eq!(closed[0].input.response, None);
    assert_eq!(
        closed[0].input.outcome,
        Some(domain::privacy::RequestOutcome::Answered)
    );
    assert_eq!(open[0].input.requester_name, "Anna Ābele");
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/privacy/requests").await.text;
    assert!(
        page.contains("dati dzēsti pēc glabāšanas termiņa"),
        "{page}"
    );
}

#[tokio::test]
async fn someone_known_only_by_address_gets_their_data_and_is_erased_by_it_with_the_figures_kept() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let event = app.fixtures.event;
    let registration = ok(store::registrations::register(
        &app.db,
        app.clock_now(),
        &cli,
        event,
        &store::registrations::NewRegistration {
            name: "Adrešu Persona".to_owned(),
            email: "adrese@example.invalid".to_owned(),
            lang: "lv".to_owned(),
            private_person: true,
            notice_version: "2026-11".to_owned(),
            token_hash: "hash-adrese".to_owned(),
            ..Default::default()
        },
        |_| store::outbox::Outgoing::default(),
    )
    .await)
    .id;
    ok(store::attendance::check_in_registration(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        store::attendance::Scope::All,
        event,
        registration,
        None,
    )
    .await);
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

    let c = app.login(Role::Coordinator).await;
    let today = domain::event::riga_date(app.clock_now());
    let mut f = request("erasure", &today.to_string());
    f[1].1 = "Adrešu Persona".to_owned();
    f[2].1 = "adrese@example.invalid".to_owned();
    let made = c.post_form("/lv/privacy/requests", &pairs(&f)).await;
    assert_eq!(made.status, 303);
    let id = ok(store::subject_requests::list(&app.db).await)[0].id;
    let page = c.get(&format!("/lv/privacy/requests/{id}")).await.text;
    assert!(page.contains("Persona zināma tikai pēc e-pasta adreses"));

    // Their data, on the record as read for the request.
    let data = c
        .post_form(&format!("/lv/privacy/requests/{id}/data"), &[])
        .await;
    assert_eq!(data.status, 200);
    assert!(data.text.contains("Adrešu Persona"));
    let subjects = vec![domain::privacy::email_subject("adrese@example.invalid")];
    assert_eq!(
        ok(store::access_log::count_concerning(&app.db, &subjects).await),
        1
    );

    // Erasure: the box first; then everything under the address goes, the figures stay.
    let unconfirmed = c
        .post_form(&format!("/lv/privacy/requests/{id}/erase-address"), &[])
        .await;
    let at = unconfirmed.location().unwrap_or_default().to_owned();
    assert!(at.contains("notice=address-erase-unconfirmed"), "{at}");
    assert!(
        c.get(&at)
            .await
            .text
            .contains("Atzīmējiet, ka saprotat: dzēšanu nevar atsaukt.")
    );
    let erased = c
        .post_form(
            &format!("/lv/privacy/requests/{id}/erase-address"),
            &[("confirm", "yes")],
        )
        .await;
    assert!(
        erased
            .location()
            .unwrap_or_default()
            .contains("notice=address-erased")
    );
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let named: i64 = ok(sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM registrations WHERE email_key = 'adrese@example.invalid'
                    OR name = 'Adrešu Persona')
              + (SELECT COUNT(*) FROM attendances WHERE name = 'Adrešu Persona'
                    OR identity_key = 'e:adrese@example.invalid')",
    )
    .fetch_one(&mut conn)
    .await);
    drop(conn);
    assert_eq!(named, 0);
    assert_eq!(figures().await, before);
    let list = ok(web::erased::read(&app.state.settings().erased_list_file()));
    let erased_at = app.clock_now();
    assert!(list.contains(&store::person_erasure::address_code(
        "Adrese@Example.invalid",
        erased_at
    )));
    assert!(!list.iter().any(|l| l.contains("adrese@")), "{list:?}");
    assert_eq!(ok(store::audit::count(&app.db, "address_erased").await), 1);
    let register_again = |token: &'static str| {
        let app = &app;
        let cli = cli.clone();
        async move {
            ok(store::registrations::register(
                &app.db,
                app.clock_now(),
                &cli,
                event,
                &store::registrations::NewRegistration {
                    name: "Adrešu Persona".to_owned(),
                    email: "adrese@example.invalid".to_owned(),
                    lang: "lv".to_owned(),
                    private_person: true,
                    notice_version: "2026-11".to_owned(),
                    token_hash: token.to_owned(),
                    ..Default::default()
                },
                |_| store::outbox::Outgoing::default(),
            )
            .await)
            .id
        }
    };
    // A row from before the erasure (as a restored backup holds it): the start erases it
    // again by the listed hash.
    register_again("hash-adrese-2").await;
    let listed = web::erased::split(list.clone());
    assert_eq!(listed.addresses.len(), 1);
    let reapply = || async {
        ok(
            store::person_erasure::reapply_addresses(&app.db, app.clock_now(), &listed.addresses)
                .await,
        )
    };
    assert_eq!(reapply().await, 1);
    assert_eq!(reapply().await, 0, "nothing left to erase");
    // The person registering again later is theirs to do: not erased at the next start.
    app.advance_minutes(60);
    let again = register_again("hash-adrese-3").await;
    assert_eq!(reapply().await, 0);
    let kept = ok(store::registrations::by_token(&app.db, "hash-adrese-3").await);
    assert_eq!((kept.id, kept.name.as_str()), (again, "Adrešu Persona"));

    // A registry person's address is erased with the person, not here.
    let c = app.login(Role::Coordinator).await;
    let mut g = request("erasure", &today.to_string());
    g[2].1 = "anna@a.test.invalid".to_owned();
    assert_eq!(
        c.post_form("/lv/privacy/requests", &pairs(&g)).await.status,
        303
    );
    let other = ok(store::subject_requests::list(&app.db).await)
        .into_iter()
        .map(|r| r.id)
        .max()
        .unwrap_or(0);
    let refused = c
        .post_form(
            &format!("/lv/privacy/requests/{other}/erase-address"),
            &[("confirm", "yes")],
        )
        .await;
    assert!(
        refused
            .location()
            .unwrap_or_default()
            .contains("notice=address-in-registry")
    );
}

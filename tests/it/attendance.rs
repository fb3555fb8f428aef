//! Check-in and attendance: the snapshot taken at check-in, walk-ins with the duplicate
//! warning, who may see an event's attendance, and the participation statistics that
//! count each person once.

use domain::auth::Role;
use domain::participation::Youth;
use testkit::TestApp;

use crate::ok;

/// A published public event `days` after the fixture event, organised by `organiser`.
pub(crate) async fn event_at(
    app: &TestApp,
    days: i64,
    organiser: i64,
    series: Option<&str>,
) -> i64 {
    let base = ok(store::events::get(&app.db, app.fixtures.event).await);
    let id = ok(store::events::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::events::EventInput {
            event_type: domain::event::EventType::RegionalExpert,
            title_lv: format!("Reģionālā sanāksme {days}"),
            title_en: None,
            description_lv: None,
            description_en: None,
            starts_at: base.starts_at + days * 86_400,
            ends_at: base.ends_at + days * 86_400,
            territory_id: base.territory_id,
            address: None,
            online_url: None,
            series: series.map(str::to_owned),
            capacity: None,
            registration_deadline: None,
            is_public: true,
            objectives: Vec::new(),
            target_group: None,
            host_country: None,
            organisations: vec![(organiser, "organiser".to_owned())],
            measures: Vec::new(),
        },
    )
    .await);
    ok(store::events::set_status(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        id,
        domain::event::EventStatus::Published,
    )
    .await);
    id
}

async fn register(app: &TestApp, event: i64, name: &str, email: &str) -> i64 {
    let reg = ok(store::registrations::register(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        event,
        &store::registrations::NewRegistration {
            name: name.to_owned(),
            email: email.to_owned(),
            lang: "lv".to_owned(),
            private_person: true,
            notice_version: "2026-11".to_owned(),
            token_hash: format!("hash-{event}-{email}"),
            ..Default::default()
        },
        |r| store::outbox::Outgoing {
            kind: "registration_confirmation".to_owned(),
            subject: "ok".to_owned(),
            body: r.name.clone(),
            ..Default::default()
        },
    )
    .await);
    reg.id
}

fn year_filter() -> store::statistics::Filter {
    store::statistics::Filter {
        from: jiff::civil::date(2026, 1, 1),
        to: jiff::civil::date(2027, 12, 31),
        event_type: None,
        series: None,
        territory_id: None,
        target_group: None,
        public_only: false,
        event_id: None,
    }
}

async fn stats(app: &TestApp) -> store::statistics::Participation {
    ok(store::statistics::participation(&app.db, &year_filter(), Youth::default()).await)
}

#[tokio::test]
async fn the_check_in_screen_finds_names_without_diacritics_and_ticks_people_in() {
    let app = TestApp::spawn().await;
    app.on_the_event_day();
    let event = app.fixtures.event;
    let reg = register(&app, event, "Jānis Bērziņš", "janis@example.invalid").await;
    register(&app, event, "Līga Ozola", "liga@example.invalid").await;
    let c = app.login(Role::Coordinator).await;
    let page = c
        .get(&format!("/lv/events/{event}/attendance?q=berzins"))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Jānis Bērziņš"), "{}", page.text);
    assert!(!page.text.contains("Līga Ozola"));
    let res = c
        .post_form(
            &format!("/lv/events/{event}/attendance/check-in"),
            &[("registration", &reg.to_string()), ("q", "berzins")],
        )
        .await;
    assert_eq!(res.status, 303);
    let back = res.location().unwrap_or_default().to_owned();
    assert!(back.contains("q=berzins"), "{back}");
    let page = c.get(&back).await;
    assert!(page.text.contains("Ierašanās atzīmēta"), "{}", page.text);
    assert!(page.text.contains("Atcelt atzīmi"));
    // Ticking twice is harmless.
    let again = c
        .post_form(
            &format!("/lv/events/{event}/attendance/check-in"),
            &[("registration", &reg.to_string())],
        )
        .await;
    assert_eq!(again.status, 303);
    let list =
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "Jānis Bērziņš");
    assert_eq!(list[0].category, domain::participation::Category::Other);
    // Undo.
    let undo = c
        .post_form(
            &format!("/lv/events/{event}/attendance/{}/remove", list[0].id),
            &[],
        )
        .await;
    assert_eq!(undo.status, 303);
    assert!(
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await)
            .is_empty()
    );
    // English too.
    let en = c.get(&format!("/en/events/{event}/attendance")).await;
    assert!(en.text.contains("Check in"), "{}", en.text);
}

#[tokio::test]
async fn a_registry_persons_snapshot_does_not_change_when_they_change_job_or_city() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let event = app.fixtures.event;
    // Anna Ābele is in the registry (Jelgava, a municipality's specialist); she registers
    // with her registry address, so the registration is hers.
    let reg = register(&app, event, "Anna Ābele", "ANNA@a.test.invalid").await;
    ok(store::attendance::check_in_registration(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        store::attendance::Scope::All,
        event,
        reg,
        None,
    )
    .await);
    let before = stats(&app).await;
    assert_eq!(before.participants, 1);
    assert_eq!(before.by_category["municipal_authority"], 1);
    assert_eq!(before.latvian_places, 1);
    assert_eq!(before.latvian_places_by_category["municipal_authority"], 1);
    let att = ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await);
    assert_eq!(att[0].person_id, Some(app.fixtures.person_a));
    assert_eq!(
        att[0].organisation_name.as_deref(),
        Some("Testa pilsētas pašvaldība")
    );

    // She moves to Balvi and to another organisation, an NGO.
    let balvi = ok(store::territories::by_code(&app.db, "balvu-novads").await);
    let ngo = ok(store::organisations::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::organisations::OrgInput {
            name_lv: "Biedrība Nākotne".to_owned(),
            kind: Some(domain::directory::OrgKind::OtherNgo),
            ..Default::default()
        },
    )
    .await);
    let person = ok(store::people::get(&app.db, app.fixtures.person_a).await);
    let members = person.memberships.clone();
    for m in members {
        ok(store::people::end_membership(
            &app.db,
            app.clock_now(),
            &cli,
            app.fixtures.person_a,
            m.id,
            jiff::civil::date(2026, 11, 1),
        )
        .await);
    }
    ok(store::people::add_membership(
        &app.db,
        app.clock_now(),
        &cli,
        app.fixtures.person_a,
        &store::people::NewMembership {
            organisation_id: ngo,
            role_title: None,
            from_date: Some(jiff::civil::date(2026, 11, 2)),
            to_date: None,
        },
    )
    .await);
    ok(store::people::update(
        &app.db,
        app.clock_now(),
        &cli,
        app.fixtures.person_a,
        &store::people::PersonInput {
            name: person.name.clone(),
            emails: person.emails.clone(),
            phone: person.phone.clone(),
            preferred_lang: person.preferred_lang.clone(),
            territory_id: Some(balvi.id),
            gender: Some(domain::directory::Gender::Female),
            birth_year: Some(1990),
        },
    )
    .await);
    assert_eq!(stats(&app).await, before, "last year's figures stay");

    // At a later event she is counted once, now as an NGO member: her latest attendance.
    let later = event_at(&app, 30, app.fixtures.org_a, None).await;
    let reg2 = register(&app, later, "Anna Ābele", "anna@a.test.invalid").await;
    ok(store::attendance::check_in_registration(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        store::attendance::Scope::All,
        later,
        reg2,
        None,
    )
    .await);
    let after = stats(&app).await;
    assert_eq!(after.participants, 1);
    assert_eq!(after.participations, 2);
    assert_eq!(after.by_category["municipal_authority"], 0);
    assert_eq!(after.by_category["ngo"], 1);
    assert_eq!(after.events, 2);
}

#[tokio::test]
async fn people_are_counted_once_across_events_by_registry_id_email_or_name() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let a = app.fixtures.event;
    let b = event_at(&app, 7, app.fixtures.org_a, Some("Ikgadējā sanāksme")).await;
    let walk_in =
        |name: &str, email: Option<&str>, gender: Option<&str>| store::attendance::Declared {
            name: name.to_owned(),
            email: email.map(str::to_owned),
            gender: gender.map(str::to_owned),
            age_group: Some("18_24".to_owned()),
            roma_self_identified: Some("yes".to_owned()),
            ..Default::default()
        };
    for event in [a, b] {
        for d in [
            walk_in(
                "Roberts Kalējs",
                Some("roberts@example.invalid"),
                Some("male"),
            ),
            walk_in("Marija Zariņa", None, Some("female")),
        ] {
            ok(store::attendance::add(
                &app.db,
                crate::after_events_began(&app),
                &cli,
                store::attendance::Scope::All,
                event,
                store::attendance::Source::WalkIn,
                &d,
            )
            .await);
        }
    }
    // The same name, folded, at the same event is the same person.
    let dup = store::attendance::add(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        store::attendance::Scope::All,
        b,
        store::attendance::Source::WalkIn,
        &walk_in("MARIJA ZARINA", None, None),
    )
    .await;
    assert!(matches!(
        dup,
        Err(store::Error::Conflict(store::Conflict::Events(
            store::EventConflict::AlreadyPresent
        )))
    ));
    let s = stats(&app).await;
    assert_eq!((s.events, s.participations, s.participants), (2, 4, 2));
    assert_eq!(s.by_gender["female"], 1);
    assert_eq!(s.by_gender["male"], 1);
    assert_eq!(s.by_gender["not_stated"], 0);
    assert_eq!(s.by_age_group["18_24"], 2);
    assert_eq!(s.youth, 2);
    assert_eq!(s.roma_self_identified["yes"], 2);
    assert_eq!(
        s.by_category["other"], 2,
        "the Roma answer never decides the category"
    );
    // Filters: by series, by event type.
    let mut f = year_filter();
    f.series = Some("Ikgadējā sanāksme".to_owned());
    let s = ok(store::statistics::participation(&app.db, &f, Youth::default()).await);
    assert_eq!((s.events, s.participations, s.participants), (2, 4, 2));
    f.event_type = Some(domain::event::EventType::AnnualCoordination);
    let s = ok(store::statistics::participation(&app.db, &f, Youth::default()).await);
    assert_eq!((s.events, s.participations, s.participants), (1, 2, 2));
    // A youth definition that leaves the 18–24 group out.
    let s =
        ok(
            store::statistics::participation(&app.db, &year_filter(), Youth { min: 13, max: 20 })
                .await,
        );
    assert_eq!(s.youth, 0);
}

#[tokio::test]
async fn a_walk_in_with_a_known_name_asks_who_it_is_first() {
    let app = TestApp::spawn().await;
    app.on_the_event_day();
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{event}/attendance/walk-in");
    assert_eq!(c.get(&path).await.status, 200);
    // Statistics answers without the consent are refused, and what was typed stays.
    let res = c
        .post_form(&path, &[("name", "Kristīne Nezināmā"), ("roma", "yes")])
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("Kristīne Nezināmā"));
    assert!(res.text.contains("stats_consent-error"));
    // "anna abele" is Anna Ābele from the registry.
    let res = c.post_form(&path, &[("name", "anna abele")]).await;
    // A question, not an error: no error summary, no "Kļūda" in the title.
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(!res.text.contains("error-summary") && !res.text.contains("<title>Kļūda"));
    assert!(res.text.contains("Atrasta persona ar tādu pašu vārdu"));
    assert!(res.text.contains("Anna Ābele"));
    assert!(
        res.text
            .contains(&format!("person:{}", app.fixtures.person_a))
    );
    let res = c
        .post_form(
            &path,
            &[
                ("name", "anna abele"),
                ("matched", &format!("person:{}", app.fixtures.person_a)),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let list =
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].person_id, Some(app.fixtures.person_a));
    assert_eq!(list[0].source, "walk_in");
    // Someone else with a new name goes straight in; with consent their answers are kept.
    let res = c
        .post_form(
            &path,
            &[
                ("name", "Kristīne Nezināmā"),
                ("roma", "yes"),
                ("gender", "female"),
                ("stats_consent", "1"),
                ("category", "roma_representative"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let s = stats(&app).await;
    assert_eq!(s.participants, 2);
    assert_eq!(s.roma_self_identified["yes"], 1);
    assert_eq!(s.by_category["roma_representative"], 1);
    assert_eq!(s.by_category["municipal_authority"], 1);
    // Adding Anna again warns that she is present; choosing her is refused.
    let res = c
        .post_form(
            &path,
            &[
                ("name", "Anna Ābele"),
                ("matched", &format!("person:{}", app.fixtures.person_a)),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("jau ir atzīmēta"), "{}", res.text);
    assert_eq!(stats(&app).await.participations, 2);
}

#[tokio::test]
async fn only_coordinators_and_the_organisers_see_an_events_attendance() {
    let app = TestApp::spawn().await;
    let own = app.fixtures.event;
    let other = event_at(&app, 3, app.fixtures.org_b, None).await;
    register(&app, own, "Jānis Bērziņš", "janis@example.invalid").await;
    register(&app, other, "Pēteris Liepa", "peteris@example.invalid").await;
    let coordinator = app.login(Role::Coordinator).await;
    for e in [own, other] {
        assert_eq!(
            coordinator
                .get(&format!("/lv/events/{e}/attendance"))
                .await
                .status,
            200
        );
    }
    // The municipality user's organisation organises `own`, not `other`.
    let municipality = app.login(Role::Municipality).await;
    let page = municipality
        .get(&format!("/lv/events/{own}/attendance"))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Jānis Bērziņš"));
    for path in [
        format!("/lv/events/{other}/attendance"),
        format!("/lv/events/{other}/sign-in-sheet"),
        format!("/lv/events/{other}/attendance/walk-in"),
    ] {
        let res = municipality.get(&path).await;
        assert_eq!(res.status, 404, "{path}");
        assert!(!res.text.contains("Pēteris Liepa"));
    }
    let res = municipality
        .post_form(
            &format!("/lv/events/{other}/attendance/walk-in"),
            &[("name", "Iespraukusies Persona")],
        )
        .await;
    assert_eq!(res.status, 404);
    // A mediator and an NGO user organise nothing here.
    for role in [Role::Mediator, Role::Ngo, Role::Ministry] {
        let c = app.login(role).await;
        for e in [own, other] {
            let res = c.get(&format!("/lv/events/{e}/attendance")).await;
            assert_eq!(res.status, 404, "{role} event {e}");
            assert!(!res.text.contains("Jānis Bērziņš"));
        }
    }
    assert!(
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, other).await)
            .is_empty()
    );
}

#[tokio::test]
async fn the_sign_in_sheet_lists_the_confirmed_registrants_by_name() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    register(&app, event, "Zane Ziediņa", "zane@example.invalid").await;
    register(&app, event, "Ārija Āboliņa", "arija@example.invalid").await;
    let c = app.login(Role::Coordinator).await;
    let sheet = c.get(&format!("/lv/events/{event}/sign-in-sheet")).await;
    assert_eq!(sheet.status, 200);
    let a = sheet.text.find("Ārija Āboliņa").unwrap_or(usize::MAX);
    let z = sheet.text.find("Zane Ziediņa").unwrap_or(0);
    assert!(a < z, "Latvian alphabetical order");
    assert!(sheet.text.contains("Paraksts"));
}

#[tokio::test]
async fn withdrawing_the_registry_consent_erases_the_answer_from_past_attendance() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    ok(store::people::record_roma_identity(
        &app.db,
        app.clock_now(),
        &cli,
        app.fixtures.person_b,
        domain::directory::RomaIdentity::Yes,
        jiff::civil::date(2026, 11, 20),
        "2026-11",
    )
    .await);
    ok(store::attendance::add(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        store::attendance::Scope::All,
        app.fixtures.event,
        store::attendance::Source::WalkIn,
        &store::attendance::Declared {
            name: "Ēriks Čakste".to_owned(),
            person_id: Some(app.fixtures.person_b),
            ..Default::default()
        },
    )
    .await);
    assert_eq!(stats(&app).await.roma_self_identified["yes"], 1);
    ok(store::people::withdraw_roma_identity(
        &app.db,
        app.clock_now(),
        &cli,
        app.fixtures.person_b,
        jiff::civil::date(2026, 11, 25),
    )
    .await);
    let s = stats(&app).await;
    assert_eq!(s.roma_self_identified["yes"], 0);
    assert_eq!(s.roma_self_identified["not_stated"], 1);
}

/// Fifteen walk-ins at the fixture event: 12 women, 3 men; 11 Roma (with consent).
async fn fifteen(app: &TestApp) {
    let cli = store::Actor::cli();
    for n in 0..15 {
        ok(store::attendance::add(
            &app.db,
            crate::after_events_began(app),
            &cli,
            store::attendance::Scope::All,
            app.fixtures.event,
            store::attendance::Source::WalkIn,
            &store::attendance::Declared {
                name: format!("Dalībnieks Nr. {n}"),
                gender: Some(if n < 12 { "female" } else { "male" }.to_owned()),
                roma_self_identified: (n < 11).then(|| "yes".to_owned()),
                ..Default::default()
            },
        )
        .await);
    }
}

#[tokio::test]
async fn coordinators_see_exact_figures_and_the_public_sees_them_under_disclosure_control() {
    let app = TestApp::spawn().await;
    fifteen(&app).await;
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/statistics?from=2026-01-01&to=2026-12-31").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("<td>12</td>"), "{}", page.text);
    assert!(page.text.contains("<td>3</td>"));
    assert!(page.text.contains("<svg"));
    assert!(page.text.contains("role=\"img\""));
    let public = app
        .client()
        .get("/lv/participation?from=2026-01-01&to=2026-12-31")
        .await;
    assert_eq!(public.status, 200);
    assert!(
        public.set_cookies().is_empty(),
        "public pages set no cookie"
    );
    // 12 women would be rounded to 10, 3 men are "<10" — so the women's cell is hidden
    // too, or the men could be worked out from the total of 15.
    assert!(public.text.contains("&lt;10"), "{}", public.text);
    assert!(!public.text.contains("<td>12</td>"));
    assert!(!public.text.contains("<td>3</td>"));
    assert!(public.text.contains("<td>…</td>"));
    // A wrong date is said next to the field; the page still answers.
    let bad = c.get("/lv/statistics?from=2026-02-30").await;
    assert_eq!(bad.status, 200);
    assert!(bad.text.contains("from-error"));
    assert!(bad.text.contains("2026-02-30"), "what was typed stays");
    // Exports: CSV with a BOM, XLSX as a zip.
    let csv = c
        .get("/lv/statistics/export?from=2026-01-01&to=2026-12-31&format=csv")
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.text.starts_with('\u{feff}'));
    assert!(
        csv.text.contains("Dalībnieki pēc dzimuma;Sieviete;12"),
        "{}",
        csv.text
    );
    let xlsx = c
        .send(
            c.http()
                .get(c.url("/lv/statistics/export?from=2026-01-01&to=2026-12-31&format=xlsx")),
        )
        .await;
    assert_eq!(xlsx.status, 200);
    assert!(
        xlsx.header("content-disposition")
            .is_some_and(|d| d.contains(".xlsx"))
    );
    // Others may not see exact figures.
    let ngo = app.login(Role::Ngo).await;
    assert_eq!(ngo.get("/lv/statistics").await.status, 403);
}

#[tokio::test]
async fn the_statistics_api_answers_with_exact_counts_under_the_issues_keys() {
    let app = TestApp::spawn().await;
    fifteen(&app).await;
    let secret = crate::api::token_for(&app, Role::Coordinator).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let res = c
        .get("/api/v1/statistics/participation?from=2026-01-01&to=2026-12-31")
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    let j = res.json();
    assert_eq!(j["events"], 1);
    assert_eq!(j["participations"], 15);
    assert_eq!(j["participants"], 15);
    assert_eq!(j["by_gender"]["female"], 12);
    assert_eq!(j["by_gender"]["male"], 3);
    assert_eq!(j["by_gender"]["other"], 0);
    assert_eq!(j["by_gender"]["not_stated"], 0);
    assert_eq!(j["roma_self_identified"]["yes"], 11);
    assert_eq!(j["roma_self_identified"]["not_stated"], 4);
    assert_eq!(j["by_category"]["other"], 15);
    for key in [
        "state_authority",
        "municipal_authority",
        "ngo",
        "roma_representative",
        "mediator",
        "international_partner",
        "expert",
        "media",
    ] {
        assert_eq!(j["by_category"][key], 0, "{key}");
        assert_eq!(j["latvian_places_by_category"][key], 0, "{key}");
    }
    assert!(j["by_age_group"]["under_18"].is_number());
    assert!(j["youth"].is_number());
    assert!(j["latvian_places"].is_number());
    let other = c
        .get("/api/v1/statistics/participation?from=2025-01-01&to=2025-12-31&event_type=workshop")
        .await
        .json();
    assert_eq!(other["participants"], 0);
    let bad = c
        .get("/api/v1/statistics/participation?from=yesterday")
        .await;
    assert_eq!(bad.status, 422);
    let secret = crate::api::token_for(&app, Role::Ministry).await;
    let m = app.client();
    m.set_header("authorization", &format!("Bearer {secret}"));
    assert_eq!(m.get("/api/v1/statistics/participation").await.status, 403);
}

#[tokio::test]
async fn a_municipality_posts_its_sign_in_list_through_the_api_all_or_nothing() {
    let app = TestApp::spawn().await;
    app.on_the_event_day();
    let event = app.fixtures.event;
    let secret = crate::api::token_for(&app, Role::Municipality).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let post = |body: serde_json::Value| {
        c.send(
            c.http()
                .post(c.url(&format!("/api/v1/events/{event}/attendance")))
                .header("content-type", "application/json")
                .body(body.to_string()),
        )
    };
    // The second line gives an answer without the consent: nothing is saved.
    let res = post(serde_json::json!([
        {"name": "Ilze Kļaviņa", "gender": "female", "stats_consent": true},
        {"name": "Aivars Zeltiņš", "roma_self_identified": "yes"}
    ]))
    .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert_eq!(res.json()["line"], 1);
    // A duplicate inside the list: nothing is saved either.
    let res = post(serde_json::json!([
        {"name": "Ilze Kļaviņa"},
        {"name": "ILZE KLAVINA"}
    ]))
    .await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await)
            .is_empty()
    );
    let res = post(serde_json::json!([
        {"name": "Ilze Kļaviņa", "gender": "female", "stats_consent": true},
        {"name": "Anna Ābele", "person_id": app.fixtures.person_a},
        {"name": "Aivars Zeltiņš", "roma_self_identified": "yes", "stats_consent": true, "category": "roma_representative"}
    ]))
    .await;
    assert_eq!(res.status, 201, "{}", res.text);
    let list = c.get(&format!("/api/v1/events/{event}/attendance")).await;
    assert_eq!(list.status, 200);
    let list = list.json()["items"].clone();
    assert_eq!(list.as_array().map(Vec::len), Some(3));
    assert!(!list.to_string().contains("roma_self_identified"));
    assert!(list.to_string().contains("municipal_authority"));
    // A mediator's token sees no other organisation's event.
    let secret = crate::api::token_for(&app, Role::Mediator).await;
    let m = app.client();
    m.set_header("authorization", &format!("Bearer {secret}"));
    assert_eq!(
        m.get(&format!("/api/v1/events/{event}/attendance"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_typed_sign_in_sheet_is_previewed_then_recorded_whole() {
    let app = TestApp::spawn().await;
    app.on_the_event_day();
    let event = app.fixtures.event;
    let reg = register(&app, event, "Jānis Bērziņš", "janis@example.invalid").await;
    let c = app.login(Role::Coordinator).await;
    let sheet = "Vārds, uzvārds;E-pasts;Organizācija;Vieta;Dzimums;Vecums;Romu piederība;Piekrišana\n\
                 JANIS BERZINS;;;;;;;\n\
                 Kāds Cits;anna@a.test.invalid;;;;;;\n\
                 Ilze Kļaviņa;;Biedrība Vārds;Viļaka;sieviete;23;jā;jā\n\
                 Aivars Zeltiņš;;;Rēzekne;vīrietis;70;jā;\n\
                 Nezināma Vieta;;;Atlantīda;;;;\n\
                 Ilze Klavina;;;;;;;\n";
    let res = crate::transfer::upload_to(
        &c,
        &format!("/lv/events/{event}/attendance/import"),
        "paraksti.csv",
        sheet.as_bytes(),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview_path = res.location().unwrap_or_default().to_owned();
    let preview = c.get(&preview_path).await;
    assert_eq!(preview.status, 200);
    assert!(
        preview.text.contains("Tiks ielādētas 4 rindas"),
        "{}",
        preview.text
    );
    assert!(preview.text.contains("nav piekrišanas"));
    assert!(preview.text.contains("nezināma vieta"));
    assert!(preview.text.contains("failā jau ir augstāk"));
    assert!(
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await)
            .is_empty(),
        "nothing before confirming"
    );
    // Someone checks the registrant in meanwhile: confirming saves nothing.
    let checked = ok(store::attendance::check_in_registration(
        &app.db,
        crate::after_events_began(&app),
        &store::Actor::cli(),
        store::attendance::Scope::All,
        event,
        reg,
        None,
    )
    .await);
    let res = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert_eq!(
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await).len(),
        1
    );
    ok(store::attendance::remove(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        store::attendance::Scope::All,
        event,
        checked,
    )
    .await);
    let res = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let list =
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await);
    assert_eq!(list.len(), 4);
    assert!(list.iter().any(|a| a.registration_id == Some(reg)));
    assert!(
        list.iter()
            .any(|a| a.person_id == Some(app.fixtures.person_a) && a.source == "import")
    );
    let s = stats(&app).await;
    assert_eq!(s.roma_self_identified["yes"], 1, "only with consent");
    assert_eq!(s.by_gender["female"], 1);
    assert_eq!(s.by_gender["male"], 0, "dropped without consent");
    assert_eq!(s.by_age_group["18_24"], 1);
    // Confirming again changes nothing; the kept plan has no names.
    let again = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(again.status, 303);
    assert_eq!(stats(&app).await.participations, 4);
    let after = c.get(&preview_path).await;
    assert!(!after.text.contains("Ilze"));
    // Another user cannot open this preview.
    let m = app.login(Role::Municipality).await;
    assert_eq!(m.get(&preview_path).await.status, 404);
}

#[tokio::test]
async fn organisers_cannot_pull_a_strangers_registry_data_into_their_list() {
    let app = TestApp::spawn().await;
    app.on_the_event_day();
    let event = app.fixtures.event;
    // The municipality user organises the fixture event; Ēriks Čakste is someone else.
    let m = app.login(Role::Municipality).await;
    let res = m
        .post_form(
            &format!("/lv/events/{event}/attendance/walk-in"),
            &[
                ("name", "Kāds Cits"),
                ("matched", &format!("person:{}", app.fixtures.person_b)),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    let secret = crate::api::token_for(&app, Role::Municipality).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let res = c
        .send(
            c.http()
                .post(c.url(&format!("/api/v1/events/{event}/attendance")))
                .header("content-type", "application/json")
                .body(
                    serde_json::json!([{ "name": "X", "person_id": app.fixtures.person_b }])
                        .to_string(),
                ),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        ok(store::attendance::for_event(&app.db, store::attendance::Scope::All, event).await)
            .is_empty()
    );
    // Offered by the duplicate check for the name typed, the link is allowed.
    let res = m
        .post_form(
            &format!("/lv/events/{event}/attendance/walk-in"),
            &[
                ("name", "Ēriks Čakste"),
                ("matched", &format!("person:{}", app.fixtures.person_b)),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // The organiser's API list gives no gender or age group one by one.
    let list = c
        .get(&format!("/api/v1/events/{event}/attendance"))
        .await
        .json();
    assert!(list[0]["gender"].is_null() && list[0]["age_group"].is_null());
}

#[tokio::test]
async fn a_closed_event_says_so_instead_of_failing() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let event = app.fixtures.event;
    let reg = register(&app, event, "Jānis Bērziņš", "janis@example.invalid").await;
    for to in [
        domain::event::EventStatus::RegistrationClosed,
        domain::event::EventStatus::Held,
        domain::event::EventStatus::Reported,
    ] {
        ok(
            store::events::set_status(&app.db, crate::after_events_began(&app), &cli, event, to)
                .await,
        );
    }
    let c = app.login(Role::Coordinator).await;
    let page = c.get(&format!("/lv/events/{event}/attendance")).await;
    assert_eq!(page.status, 200);
    assert!(!page.text.contains("Atzīmēt ierašanos"), "no buttons");
    let res = c
        .post_form(
            &format!("/lv/events/{event}/attendance/check-in"),
            &[("registration", &reg.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    let back = c.get(res.location().unwrap_or_default()).await;
    assert!(back.text.contains("vairs nevar atzīmēt"), "{}", back.text);
}

#[tokio::test]
async fn a_person_is_one_participant_after_joining_the_registry_or_a_merge() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let scope = store::attendance::Scope::All;
    let first = app.fixtures.event;
    let second = event_at(&app, 10, app.fixtures.org_a, None).await;
    // Known only by e-mail at the first event…
    ok(store::attendance::add(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        scope,
        first,
        store::attendance::Source::WalkIn,
        &store::attendance::Declared {
            name: "Inga Jaunā".to_owned(),
            email: Some("inga@example.invalid".to_owned()),
            ..Default::default()
        },
    )
    .await);
    // …then she enters the registry with that address and comes again as herself.
    let inga = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::people::PersonInput {
            name: "Inga Jaunā".to_owned(),
            emails: vec!["inga@example.invalid".to_owned()],
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    ok(store::attendance::add(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        scope,
        second,
        store::attendance::Source::WalkIn,
        &store::attendance::Declared {
            name: "Inga Jaunā".to_owned(),
            person_id: Some(inga),
            ..Default::default()
        },
    )
    .await);
    let s = stats(&app).await;
    assert_eq!((s.participations, s.participants), (2, 1));
    // Two registry records of one man, one at each event, merged: one participant.
    for (event, person) in [
        (first, app.fixtures.person_a),
        (second, app.fixtures.person_b),
    ] {
        ok(store::attendance::add(
            &app.db,
            crate::after_events_began(&app),
            &cli,
            scope,
            event,
            store::attendance::Source::WalkIn,
            &store::attendance::Declared {
                name: "Dublikāts".to_owned(),
                person_id: Some(person),
                ..Default::default()
            },
        )
        .await);
    }
    assert_eq!(stats(&app).await.participants, 3);
    ok(store::merge::merge_people(
        &app.db,
        app.clock_now(),
        "2026-11-26",
        &cli,
        app.fixtures.person_a,
        app.fixtures.person_b,
    )
    .await);
    let s = stats(&app).await;
    assert_eq!((s.participations, s.participants), (4, 2));
}

#[tokio::test]
async fn two_records_of_one_person_at_the_same_event_count_once_until_the_merge_is_undone() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let scope = store::attendance::Scope::All;
    let event = app.fixtures.event;
    let walk_in = |person_id: Option<i64>, email: Option<&str>| store::attendance::Declared {
        name: "Oskars Otrais".to_owned(),
        person_id,
        email: email.map(str::to_owned),
        ..Default::default()
    };
    // The same man checked in twice under two registry records, and once more by an
    // address that neither record has yet.
    for d in [
        walk_in(Some(app.fixtures.person_a), None),
        walk_in(Some(app.fixtures.person_b), None),
        walk_in(None, Some("oskars@example.invalid")),
    ] {
        ok(store::attendance::add(
            &app.db,
            crate::after_events_began(&app),
            &cli,
            scope,
            event,
            store::attendance::Source::WalkIn,
            &d,
        )
        .await);
    }
    let s = stats(&app).await;
    assert_eq!((s.participations, s.participants), (3, 3));
    // The address joins the registry as a third record of his: still three records.
    let third = ok(store::people::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::people::PersonInput {
            name: "Oskars Otrais".to_owned(),
            emails: vec!["oskars@example.invalid".to_owned()],
            preferred_lang: "lv".to_owned(),
            ..Default::default()
        },
    )
    .await);
    let s = stats(&app).await;
    assert_eq!((s.participations, s.participants), (3, 3));
    // Merged into one person: he was at the event once.
    let mut merges = Vec::new();
    for duplicate in [app.fixtures.person_b, third] {
        merges.push(ok(store::merge::merge_people(
            &app.db,
            app.clock_now(),
            "2026-11-26",
            &cli,
            app.fixtures.person_a,
            duplicate,
        )
        .await));
        let s = stats(&app).await;
        assert_eq!(s.participants, s.participations, "one event each");
    }
    let s = stats(&app).await;
    assert_eq!((s.participations, s.participants), (1, 1));
    // Undoing the last merge brings the third record back as someone else.
    ok(store::merge::undo(&app.db, app.clock_now(), &cli, merges[1]).await);
    let s = stats(&app).await;
    assert_eq!((s.participations, s.participants), (2, 2));
}

#[tokio::test]
async fn a_participant_outside_the_registry_can_withdraw_their_answers_everywhere() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let scope = store::attendance::Scope::All;
    let first = app.fixtures.event;
    let second = event_at(&app, 10, app.fixtures.org_a, None).await;
    let mut ids = Vec::new();
    for event in [first, second] {
        ids.push(ok(store::attendance::add(
            &app.db,
            crate::after_events_began(&app),
            &cli,
            scope,
            event,
            store::attendance::Source::WalkIn,
            &store::attendance::Declared {
                name: "Dace Dārziņa".to_owned(),
                email: Some("dace@example.invalid".to_owned()),
                gender: Some("female".to_owned()),
                roma_self_identified: Some("yes".to_owned()),
                stats_notice_version: Some("2026-11".to_owned()),
                ..Default::default()
            },
        )
        .await));
    }
    let s = stats(&app).await;
    assert_eq!((s.participants, s.roma_self_identified["yes"]), (1, 1));
    let path = format!("/lv/events/{first}/attendance/{}/erase-answers", ids[0]);
    let m = app.login(Role::Municipality).await;
    assert_eq!(m.post_form(&path, &[]).await.status, 403);
    let c = app.login(Role::Coordinator).await;
    let res = c.post_form(&path, &[]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let s = stats(&app).await;
    assert_eq!(s.participants, 1, "she still came");
    assert_eq!(s.roma_self_identified["yes"], 0);
    assert_eq!(s.by_gender["female"], 0);
    assert_eq!(s.participations, 2);
}

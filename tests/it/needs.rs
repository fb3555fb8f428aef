//! Issue 21, item 1 (begun): needs and questions through the store — raised, given to an
//! institution with an answer time, answered (late or on time), closed with a reason or
//! merged; every step in the history and the audit log; the raiser's address kept only with
//! consent and forgotten by the storage limit after the need is done.

use domain::dialogue::{NeedConcern, NeedSource, NeedStatus};
use domain::event::Objective;
use jiff::civil::date;
use testkit::TestApp;

use crate::ok;

fn input(title: &str, consent: bool) -> store::needs::NeedInput {
    store::needs::NeedInput {
        title: title.to_owned(),
        description: "Skolas autobuss pietur divus kilometrus no ciemata (tests).".to_owned(),
        area: Objective::Education,
        territory_id: None,
        concerns: vec![NeedConcern::Families, NeedConcern::Children],
        event_id: None,
        source: NeedSource::Public,
        raiser_name: Some("Izvirzītāja (tests)".to_owned()),
        raiser_email: Some("izvirzitaja@example.invalid".to_owned()),
        contact_consent: consent,
        raiser_lang: Some("lv".to_owned()),
        public_consent: false,
    }
}

#[tokio::test]
async fn a_need_goes_from_raised_to_answered_with_its_history_and_due_date() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let now = app.clock_now();
    let today = date(2026, 11, 26);
    let id = ok(
        store::needs::raise(&app.db, now, &cli, None, &input("Autobuss", true), |_| {
            Vec::new()
        })
        .await,
    );
    let n = ok(store::needs::get(&app.db, id).await);
    assert_eq!(n.status, NeedStatus::New);
    // Concerns in the vocabulary's order, whatever the order given.
    assert_eq!(
        n.input.concerns,
        [NeedConcern::Children, NeedConcern::Families]
    );
    assert_eq!(
        n.input.raiser_email.as_deref(),
        Some("izvirzitaja@example.invalid")
    );
    // Answering before it is given to anyone does not fit.
    assert!(matches!(
        store::needs::answer(&app.db, now, today, &cli, id, "Atbilde", &[]).await,
        Err(store::Error::Conflict(store::Conflict::Dialogue(
            store::DialogueConflict::Status
        )))
    ));
    let due = domain::dialogue::answer_due(today, domain::dialogue::DEFAULT_ANSWER_DAYS);
    assert!(matches!(
        store::needs::assign(&app.db, now, today, &cli, id, 999_999, due, &[]).await,
        Err(store::Error::Conflict(store::Conflict::Dialogue(
            store::DialogueConflict::Organisation
        )))
    ));
    ok(store::needs::assign(&app.db, now, today, &cli, id, app.fixtures.org_a, due, &[]).await);
    let n = ok(store::needs::get(&app.db, id).await);
    assert_eq!(n.status, NeedStatus::Assigned);
    assert_eq!(n.answer_due_on, Some(date(2026, 12, 26)));
    assert_eq!(
        n.assigned_org_name.as_deref(),
        Some("Testa pilsētas pašvaldība")
    );
    assert!(!n.late(date(2026, 12, 26)) && n.late(date(2026, 12, 27)));
    let given = ok(store::needs::list(
        &app.db,
        &store::needs::Filter {
            assigned_to: Some(app.fixtures.org_a),
            ..Default::default()
        },
    )
    .await);
    assert_eq!(given.len(), 1);
    // Answered a day late.
    ok(store::needs::answer(
        &app.db,
        now,
        date(2026, 12, 27),
        &cli,
        id,
        "Pietura pārcelta pie ciemata (tests).",
        &[],
    )
    .await);
    let n = ok(store::needs::get(&app.db, id).await);
    assert_eq!(n.status, NeedStatus::Answered);
    assert!(n.answered_late());
    let steps: Vec<String> = ok(store::needs::steps(&app.db, id).await)
        .into_iter()
        .map(|s| s.step)
        .collect();
    assert_eq!(steps, ["raised", "assigned", "answered"]);
    // Done: it can be neither closed nor merged any more.
    assert!(
        store::needs::close(&app.db, now, &cli, id, "Dublikāts", &[])
            .await
            .is_err()
    );
    let (audit, _) = ok(store::audit::list(&app.db, &store::audit::Filter::default(), 0).await);
    for action in ["need_raised", "need_assigned", "need_answered"] {
        assert!(audit.iter().any(|r| r.action == action), "{action}");
    }
}

#[tokio::test]
async fn a_need_is_merged_or_closed_and_its_raiser_forgotten_after_the_storage_limit() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let now = app.clock_now();
    // Without consent to be written to, no address is kept at all.
    let first = ok(
        store::needs::raise(&app.db, now, &cli, None, &input("Pirmais", false), |_| {
            Vec::new()
        })
        .await,
    );
    assert_eq!(
        ok(store::needs::get(&app.db, first).await)
            .input
            .raiser_email,
        None
    );
    let second = ok(
        store::needs::raise(&app.db, now, &cli, None, &input("Otrais", true), |_| {
            Vec::new()
        })
        .await,
    );
    let third = ok(
        store::needs::raise(&app.db, now, &cli, None, &input("Trešais", true), |_| {
            Vec::new()
        })
        .await,
    );
    for bad in [second, 999_999] {
        assert!(matches!(
            store::needs::merge(&app.db, now, &cli, second, bad, &[]).await,
            Err(store::Error::Conflict(store::Conflict::Dialogue(
                store::DialogueConflict::MergeTarget
            )))
        ));
    }
    ok(store::needs::merge(&app.db, now, &cli, second, first, &[]).await);
    let n = ok(store::needs::get(&app.db, second).await);
    assert_eq!(
        (n.status, n.merged_into_id),
        (NeedStatus::Merged, Some(first))
    );
    // A need merged into one merged is refused: follow the one it went into.
    assert!(
        store::needs::merge(&app.db, now, &cli, third, second, &[])
            .await
            .is_err()
    );
    ok(store::needs::close(
        &app.db,
        now,
        &cli,
        third,
        "Jautājums atsaukts (tests).",
        &[],
    )
    .await);
    assert_eq!(
        ok(store::needs::get(&app.db, third).await).status,
        NeedStatus::Closed
    );
    // The storage limit: a year after the need is done, who raised it is forgotten.
    let cutoff_soon = now + 200 * 86_400 - 365 * 86_400;
    assert_eq!(
        ok(store::storage_limits::due(&app.db, "needs", cutoff_soon).await),
        0
    );
    let cutoff_later = now + 400 * 86_400 - 365 * 86_400;
    assert_eq!(
        ok(store::storage_limits::due(&app.db, "needs", cutoff_later).await),
        2
    );
}

#[tokio::test]
async fn a_need_raised_in_the_workspace_is_given_to_an_institution_which_answers_it() {
    let app = TestApp::spawn().await;
    let ngo = app.login(domain::auth::Role::Ngo).await;
    // Missing area and title: refused at the fields, the typing kept, nothing saved.
    let bad = ngo
        .post_form(
            "/lv/needs",
            &[("description", "Ārsts nepieņem bez deklarācijas (tests).")],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.text);
    assert!(bad.text.contains("id=\"title-error\""));
    assert!(bad.text.contains("id=\"area-error\""));
    assert!(
        bad.text
            .contains("Ārsts nepieņem bez deklarācijas (tests).")
    );
    assert!(ok(store::needs::list(&app.db, &Default::default()).await).is_empty());
    let made = ngo
        .post_form(
            "/lv/needs",
            &[
                ("title", "Poliklīnika atraida (tests)"),
                ("description", "Ārsts nepieņem bez deklarācijas (tests)."),
                ("area", "health"),
                ("concerns", "families"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text);
    let id = ok(store::needs::list(&app.db, &Default::default()).await)[0].id;
    let path = format!("/lv/needs/{id}");
    assert!(
        ngo.get("/lv/needs")
            .await
            .text
            .contains("Poliklīnika atraida (tests)")
    );
    // Nobody else sees it yet: not the municipality, not a mediator.
    let municipality = app.login(domain::auth::Role::Municipality).await;
    assert_eq!(municipality.get(&path).await.status, 404);
    assert_eq!(
        app.login(domain::auth::Role::Mediator)
            .await
            .get(&path)
            .await
            .status,
        404
    );
    assert!(
        !municipality
            .get("/lv/needs")
            .await
            .text
            .contains("Poliklīnika")
    );
    // The coordinator gives it to the municipality; a day in the past is refused.
    let c = app.login(domain::auth::Role::Coordinator).await;
    let page = c.get(&path).await;
    assert!(page.text.contains("Nodot iestādei"), "{}", page.text);
    let org = app.fixtures.org_a.to_string();
    let past = c
        .post_form(
            &format!("{path}/assign"),
            &[("organisation", org.as_str()), ("due_on", "2020-01-01")],
        )
        .await;
    assert_eq!(past.status, 422);
    assert!(past.text.contains("Termiņš nevar būt pagātnē."));
    // What was typed stays: the institution chosen and the day.
    assert!(past.text.contains("value=\"2020-01-01\""), "{}", past.text);
    assert!(
        past.text
            .contains(&format!("<option value=\"{org}\" selected>")),
        "{}",
        past.text
    );
    let given = c
        .post_form(
            &format!("{path}/assign"),
            &[("organisation", org.as_str()), ("due_on", "2026-12-24")],
        )
        .await;
    assert_eq!(given.status, 303, "{}", given.text);
    // The municipality now sees it and answers; a merge into itself is refused.
    let seen = municipality.get(&path).await;
    assert_eq!(seen.status, 200);
    assert!(seen.text.contains("Nosūtīt atbildi"));
    assert_eq!(
        c.post_form(&format!("{path}/merge"), &[("into", &id.to_string())])
            .await
            .status,
        422
    );
    // The raiser may not answer for the institution.
    assert_eq!(
        ngo.post_form(&format!("{path}/answer"), &[("text", "Nē")])
            .await
            .status,
        403
    );
    let answered = municipality
        .post_form(
            &format!("{path}/answer"),
            &[(
                "text",
                "Ģimenes ārsts pieņems arī bez deklarācijas (tests).",
            )],
        )
        .await;
    assert_eq!(answered.status, 303, "{}", answered.text);
    let seen = ngo.get(&path).await;
    assert!(seen.text.contains("Ģimenes ārsts pieņems"), "{}", seen.text);
    assert!(seen.text.contains("Atbildēts"));
    assert!(
        seen.text
            .contains("nodots iestādei: Testa pilsētas pašvaldība")
    );
}

/// The id in a need's address ("/lv/needs/7?notice=raised" → 7).
fn id_in(location: &str) -> i64 {
    location
        .rsplit('/')
        .next()
        .and_then(|s| s.split('?').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_default()
}

/// The mail queued to an address, newest last: (subject, body).
async fn mail_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let mut out: Vec<(i64, String, String)> = mails
        .into_iter()
        .filter(|m| m.to == to)
        .map(|m| (m.id, m.subject, m.body))
        .collect();
    out.sort();
    out.into_iter().map(|(_, s, b)| (s, b)).collect()
}

#[tokio::test]
async fn a_question_from_the_public_form_is_followed_to_its_answer_on_the_public_page() {
    let app = TestApp::spawn().await;
    let sabile = ok(store::territories::search(&app.db, "Sabile", 5).await)
        .into_iter()
        .find(|t| t.kind == domain::territory::Kind::Town)
        .map(|t| t.id)
        .unwrap_or_default();
    assert!(sabile > 0);
    let anyone = app.client();
    let form = anyone.get("/lv/questions/ask").await;
    assert_eq!(form.status, 200);
    assert!(form.text.contains("Uzdot jautājumu"), "{}", form.text);
    // An address without consent to be written to is refused at its field, the typing kept.
    let fields = [
        ("title", "Ārsts nepieņem bez deklarācijas (tests)"),
        (
            "description",
            "Ģimenes ārsts Sabilē atsaka pieņemt romu ģimenes (tests).",
        ),
        ("area", "health"),
        ("territory_id", &sabile.to_string()),
        ("concerns", "families"),
        ("name", "Jautātāja (tests)"),
        ("email", "jautataja@example.invalid"),
    ];
    let res = anyone.post_form("/lv/questions/ask", &fields).await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("atzīmējiet, ka piekrītat"),
        "{}",
        res.text
    );
    assert!(res.text.contains("Ģimenes ārsts Sabilē"));
    let mut with_consent = fields.to_vec();
    with_consent.push(("contact_consent", "yes"));
    let res = anyone.post_form("/lv/questions/ask", &with_consent).await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(res.location(), Some("/lv/questions/ask?sent=1"));
    let thanks = anyone.get("/lv/questions/ask?sent=1").await;
    assert!(thanks.text.contains("jautājums saņemts"), "{}", thanks.text);
    let id = ok(store::needs::list(&app.db, &store::needs::Filter::default()).await)[0].id;
    let need = ok(store::needs::get(&app.db, id).await);
    assert_eq!(need.input.source, NeedSource::Public);
    assert_eq!(need.raised_by, None);
    assert!(!need.input.public_consent);
    let told = mail_to(&app, "jautataja@example.invalid").await;
    assert_eq!(told.len(), 1);
    assert!(told[0].0.contains(&format!("Nr. {id}")), "{told:?}");

    // The coordinator sees it on the workspace, waiting to be given, and gives it to the
    // municipality's organisation; its user is mailed, and so is the raiser.
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let home = coord.get("/lv/workspace").await;
    assert!(
        home.text.contains("gaida nodošanu iestādei"),
        "{}",
        home.text
    );
    assert!(home.text.contains("Ārsts nepieņem"));
    let page = coord.get(&format!("/lv/needs/{id}")).await;
    assert_eq!(page.status, 200);
    // The test clock starts on 26 November 2026.
    let today = date(2026, 11, 26);
    let due_on = today.checked_add(jiff::ToSpan::days(10)).unwrap_or(today);
    let res = coord
        .post_form(
            &format!("/lv/needs/{id}/assign"),
            &[
                ("organisation", &app.fixtures.org_a.to_string()),
                ("due_on", &due_on.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let told = mail_to(&app, "jautataja@example.invalid").await;
    assert_eq!(told.len(), 2);
    assert!(told[1].1.contains("Testa pilsētas pašvaldība"), "{told:?}");
    let institution = mail_to(&app, &testkit::email_for(domain::auth::Role::Municipality)).await;
    assert_eq!(institution.len(), 1, "{institution:?}");
    assert!(institution[0].1.contains(&format!("/lv/needs/{id}")));

    // Late after the day asked: the institution's workspace marks it, the coordinator's
    // lists it as late.
    app.advance_to(
        due_on.checked_add(jiff::ToSpan::days(2)).unwrap_or(due_on),
        jiff::civil::time(10, 0, 0, 0),
    );
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let home = coord.get("/lv/workspace").await;
    assert!(
        home.text.contains("nav atbildējusi termiņā"),
        "{}",
        home.text
    );
    let muni = app.login(domain::auth::Role::Municipality).await;
    let home = muni.get("/lv/workspace").await;
    assert!(home.text.contains("nodoti jūsu iestādei"), "{}", home.text);
    assert!(home.text.contains("Kavējas"), "{}", home.text);
    muni.get(&format!("/lv/needs/{id}")).await;
    let res = muni
        .post_form(
            &format!("/lv/needs/{id}/answer"),
            &[(
                "text",
                "Veselības inspekcija pārbaudīja; ārstu prakse pieņem visus (tests).",
            )],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let told = mail_to(&app, "jautataja@example.invalid").await;
    assert_eq!(told.len(), 3);
    assert!(told[2].1.contains("Veselības inspekcija pārbaudīja"));

    // Publishing: the raiser did not agree, so the text must be anonymised first.
    coord.get(&format!("/lv/needs/{id}")).await;
    let public = [
        ("public_title", "Ģimenes ārsts nepieņem pacientus (tests)"),
        (
            "public_question",
            "Ģimenes ārsts atsaka pieņemt romu ģimenes (tests).",
        ),
        (
            "public_answer",
            "Inspekcija pārbaudīja; prakse pieņem visus (tests).",
        ),
    ];
    let res = coord
        .post_form(&format!("/lv/needs/{id}/publish"), &public)
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("anonimizējiet tekstu"), "{}", res.text);
    assert!(
        res.text
            .contains("Inspekcija pārbaudīja; prakse pieņem visus")
    );
    assert_eq!(anyone.get(&format!("/lv/questions/{id}")).await.status, 404);
    // Ticked, but the text still as raised, or holding a phone number or the raiser's name:
    // refused at the field.
    let res = coord
        .post_form(
            &format!("/lv/needs/{id}/publish"),
            &[
                ("public_title", "Ārsts (tests)"),
                (
                    "public_question",
                    "Ģimenes ārsts Sabilē atsaka pieņemt romu ģimenes (tests).",
                ),
                ("public_answer", "Zvaniet 29 123 456 (tests)."),
                ("anonymised", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("id=\"public_question-error\""),
        "{}",
        res.text
    );
    assert!(
        res.text.contains("id=\"public_answer-error\""),
        "{}",
        res.text
    );
    let res = coord
        .post_form(
            &format!("/lv/needs/{id}/publish"),
            &[
                ("public_title", "Jautātāja (tests) jautā"),
                ("public_question", "Ārsts atsaka (tests)."),
                ("public_answer", "Atbilde (tests)."),
                ("anonymised", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("id=\"public_title-error\""),
        "{}",
        res.text
    );
    let mut anonymised = public.to_vec();
    anonymised.push(("anonymised", "yes"));
    let res = coord
        .post_form(&format!("/lv/needs/{id}/publish"), &anonymised)
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let told = mail_to(&app, "jautataja@example.invalid").await;
    assert_eq!(told.len(), 4);
    assert!(told[3].1.contains(&format!("/lv/questions/{id}")));

    // The public page: the public text, the novads (never the town), no name, no address.
    let item = anyone.get(&format!("/lv/questions/{id}")).await;
    assert_eq!(item.status, 200);
    assert!(item.text.contains("Ģimenes ārsts nepieņem pacientus"));
    assert!(item.text.contains("Talsu novads"), "{}", item.text);
    assert!(item.text.contains("Kurzeme"), "{}", item.text);
    assert!(!item.text.contains("Sabil"), "{}", item.text);
    assert!(!item.text.contains("Jautātāja"));
    assert!(!item.text.contains("jautataja@"));
    assert!(item.text.contains("atbildēts pēc termiņa"), "{}", item.text);
    // Found by a word typed without diacritics, not by one it does not hold; by its area.
    let found = anyone.get("/lv/questions?q=gimene+arsti").await;
    assert!(
        found.text.contains(&format!("/lv/questions/{id}")),
        "{}",
        found.text
    );
    let none = anyone.get("/lv/questions?q=autobuss").await;
    assert!(!none.text.contains(&format!("/lv/questions/{id}")));
    let other_area = anyone.get("/lv/questions?area=housing").await;
    assert!(!other_area.text.contains(&format!("/lv/questions/{id}")));
    let en = anyone.get("/en/questions?q=GIMENES&area=health").await;
    assert!(
        en.text.contains(&format!("/en/questions/{id}")),
        "{}",
        en.text
    );
    // In the feed and the sitemap.
    let feed = anyone.get("/lv/questions.atom").await;
    assert!(feed.text.contains("<entry>") && feed.text.contains(&format!("/lv/questions/{id}")));
    let map = anyone.get("/sitemap.xml").await;
    assert!(
        map.text.contains(&format!("/lv/questions/{id}</loc>")),
        "{}",
        map.text
    );

    // Taken off the public page: gone from the list, the page and the feed.
    let res = coord
        .post_form(&format!("/lv/needs/{id}/withdraw"), &[])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(anyone.get(&format!("/lv/questions/{id}")).await.status, 404);
    assert!(
        !anyone
            .get("/lv/questions")
            .await
            .text
            .contains(&format!("/lv/questions/{id}"))
    );
    let steps: Vec<String> = ok(store::needs::steps(&app.db, id).await)
        .into_iter()
        .map(|s| s.step)
        .collect();
    assert_eq!(
        steps,
        ["raised", "assigned", "answered", "published", "withdrawn"]
    );
    // The audit log reads it in words.
    let log = coord.get("/lv/admin/audit").await;
    assert!(
        log.text.contains("Jautājums un atbilde publicēti"),
        "{}",
        log.text
    );
    assert!(log.text.contains("anonimizēts"), "{}", log.text);
}

#[tokio::test]
async fn a_need_is_linked_to_a_measure_and_a_practice_and_only_public_ones_show_publicly() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let now = app.clock_now();
    let id = ok(
        store::needs::raise(&app.db, now, &cli, None, &input("Saite", true), |_| {
            Vec::new()
        })
        .await,
    );
    let coord = app.login(domain::auth::Role::Coordinator).await;
    coord.get(&format!("/lv/needs/{id}")).await;
    // A link to nothing is refused at the field, the choice kept.
    let res = coord
        .post_form(&format!("/lv/needs/{id}/link"), &[("measure", "999999")])
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("aria-invalid"), "{}", res.text);
    let res = coord
        .post_form(&format!("/lv/needs/{id}/link"), &[("action", "nav")])
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(
        ok(store::needs::get(&app.db, id).await).links,
        store::needs::Links::default()
    );
    // The municipality may not link.
    let muni = app.login(domain::auth::Role::Municipality).await;
    muni.get("/lv/needs").await;
    let res = muni
        .post_form(&format!("/lv/needs/{id}/link"), &[("measure", "")])
        .await;
    assert_eq!(res.status, 403);
    // Workspace raising: a meeting that is not one refused; the consent to publish kept.
    let res = muni
        .post_form(
            "/lv/needs",
            &[
                ("title", "Mājokļa jautājums (tests)"),
                ("description", "Apraksts (tests)."),
                ("area", "housing"),
                ("event_id", "999999"),
                ("public_consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text
            .contains("id=\"public_consent\" name=\"public_consent\" value=\"yes\" checked"),
        "{}",
        res.text
    );
    let res = muni
        .post_form(
            "/lv/needs",
            &[
                ("title", "Mājokļa jautājums (tests)"),
                ("description", "Apraksts (tests)."),
                ("area", "housing"),
                ("public_consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let own = id_in(res.location().unwrap_or_default());
    let n = ok(store::needs::get(&app.db, own).await);
    assert!(n.input.public_consent);
    assert_eq!(n.raised_by_org, Some(app.fixtures.org_a));
}

#[tokio::test]
async fn the_year_s_needs_are_counted_by_area_and_region_exactly_inside_and_controlled_in_public() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let now = app.clock_now();
    let today = date(2026, 11, 26);
    let jelgava = ok(store::territories::by_code(&app.db, "jelgava").await).id;
    let mut ids = Vec::new();
    for title in ["Viens", "Divi", "Trīs"] {
        let mut i = input(title, false);
        i.territory_id = Some(jelgava);
        ids.push(ok(store::needs::raise(
            &app.db,
            now,
            &cli,
            None,
            &i,
            |_| Vec::new(),
        )
        .await));
    }
    let due = domain::dialogue::answer_due(today, 10);
    for id in &ids[..2] {
        ok(
            store::needs::assign(&app.db, now, today, &cli, *id, app.fixtures.org_a, due, &[])
                .await,
        );
    }
    ok(store::needs::answer(&app.db, now, today, &cli, ids[0], "Laikā (tests).", &[]).await);
    ok(store::needs::answer(
        &app.db,
        now,
        date(2026, 12, 20),
        &cli,
        ids[1],
        "Vēlu (tests).",
        &[],
    )
    .await);
    let f = ok(store::needs::figures(&app.db, date(2026, 1, 1), date(2026, 12, 31)).await);
    assert_eq!(
        f.all,
        store::needs::Counts {
            raised: 3,
            answered: 2,
            on_time: 1,
            open: 1
        }
    );
    let zemgale = f
        .by_region
        .iter()
        .find(|(r, _)| r == "zemgale")
        .map(|(_, c)| c.raised);
    assert_eq!(zemgale, Some(3));
    let education = f
        .by_area
        .iter()
        .find(|(a, _)| a == "education")
        .map(|(_, c)| c.answered);
    assert_eq!(education, Some(2));
    // The coordinators' statistics show them exactly; the public's withhold 1–9.
    let coord = app.login(domain::auth::Role::Coordinator).await;
    let inside = coord
        .get("/lv/statistics?from=2026-01-01&to=2026-12-31")
        .await;
    assert!(
        inside.text.contains("<dt>Izvirzīti</dt><dd>3</dd>"),
        "{}",
        inside.text
    );
    let public = app
        .client()
        .get("/lv/participation?from=2026-01-01&to=2026-12-31")
        .await;
    assert!(
        public.text.contains("<dt>Izvirzīti</dt><dd>&#60;10</dd>"),
        "{}",
        public.text
    );
    // And the annual report has its section.
    let report = coord
        .get("/lv/report-builder?kind=annual&year=2026&rlang=lv&audience=internal")
        .await;
    assert_eq!(report.status, 200);
    assert!(
        report
            .text
            .contains("Jautājumi, vajadzības un apspriešanas"),
        "{}",
        report.text
    );
    assert!(report.text.contains("Atbildēti termiņā"), "{}", report.text);
}

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
    }
}

#[tokio::test]
async fn a_need_goes_from_raised_to_answered_with_its_history_and_due_date() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let now = app.clock_now();
    let today = date(2026, 11, 26);
    let id = ok(store::needs::raise(&app.db, now, &cli, None, &input("Autobuss", true)).await);
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
        store::needs::answer(&app.db, now, today, &cli, id, "Atbilde").await,
        Err(store::Error::Conflict(store::Conflict::Dialogue(
            store::DialogueConflict::Status
        )))
    ));
    let due = domain::dialogue::answer_due(today, domain::dialogue::DEFAULT_ANSWER_DAYS);
    assert!(matches!(
        store::needs::assign(&app.db, now, today, &cli, id, 999_999, due).await,
        Err(store::Error::Conflict(store::Conflict::Dialogue(
            store::DialogueConflict::Organisation
        )))
    ));
    ok(store::needs::assign(&app.db, now, today, &cli, id, app.fixtures.org_a, due).await);
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
        store::needs::close(&app.db, now, &cli, id, "Dublikāts")
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
    let first = ok(store::needs::raise(&app.db, now, &cli, None, &input("Pirmais", false)).await);
    assert_eq!(
        ok(store::needs::get(&app.db, first).await)
            .input
            .raiser_email,
        None
    );
    let second = ok(store::needs::raise(&app.db, now, &cli, None, &input("Otrais", true)).await);
    let third = ok(store::needs::raise(&app.db, now, &cli, None, &input("Trešais", true)).await);
    for bad in [second, 999_999] {
        assert!(matches!(
            store::needs::merge(&app.db, now, &cli, second, bad).await,
            Err(store::Error::Conflict(store::Conflict::Dialogue(
                store::DialogueConflict::MergeTarget
            )))
        ));
    }
    ok(store::needs::merge(&app.db, now, &cli, second, first).await);
    let n = ok(store::needs::get(&app.db, second).await);
    assert_eq!(
        (n.status, n.merged_into_id),
        (NeedStatus::Merged, Some(first))
    );
    // A need merged into one merged is refused: follow the one it went into.
    assert!(
        store::needs::merge(&app.db, now, &cli, third, second)
            .await
            .is_err()
    );
    ok(store::needs::close(&app.db, now, &cli, third, "Jautājums atsaukts (tests).").await);
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

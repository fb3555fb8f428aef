//! Anonymous feedback: sent to participants once the event is held, answered once per
//! link, summed up as the share rating the event good or very good.

use domain::auth::Role;
use testkit::TestApp;

use crate::{mail_links, ok};

async fn survey_links(app: &TestApp) -> Vec<String> {
    mail_links(app, "feedback", "/feedback/")
        .await
        .into_iter()
        .map(|(_, link)| link)
        .collect()
}

#[tokio::test]
async fn participants_answer_once_and_anonymously() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let event = app.fixtures.event;
    // Three participants: one by registration, one registry person, one without address.
    let reg = ok(store::registrations::register(
        &app.db,
        app.clock_now(),
        &cli,
        event,
        &store::registrations::NewRegistration {
            name: "Līga Ozola".to_owned(),
            email: "liga@example.invalid".to_owned(),
            lang: "en".to_owned(),
            private_person: true,
            notice_version: "2026-11".to_owned(),
            token_hash: "h1".to_owned(),
            ..Default::default()
        },
        |_| store::outbox::Outgoing {
            kind: "registration".to_owned(),
            subject: "s".to_owned(),
            body: "b".to_owned(),
            ..Default::default()
        },
    )
    .await);
    let scope = store::attendance::Scope::All;
    ok(store::attendance::check_in_registration(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        scope,
        event,
        reg.id,
        None,
    )
    .await);
    for d in [
        store::attendance::Declared {
            name: "Anna Ābele".to_owned(),
            person_id: Some(app.fixtures.person_a),
            ..Default::default()
        },
        store::attendance::Declared {
            name: "Bez Adreses".to_owned(),
            ..Default::default()
        },
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
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{event}/feedback");
    // Not before the event is held.
    let res = c.post_form(&format!("{path}/send"), &[]).await;
    assert_eq!(res.status, 409);
    ok(store::events::set_status(
        &app.db,
        app.clock_now(),
        &cli,
        event,
        domain::event::EventStatus::RegistrationClosed,
    )
    .await);
    ok(store::events::set_status(
        &app.db,
        crate::after_events_began(&app),
        &cli,
        event,
        domain::event::EventStatus::Held,
    )
    .await);
    let res = c.post_form(&format!("{path}/send"), &[]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let links = survey_links(&app).await;
    assert_eq!(links.len(), 2, "the one without an address is not asked");
    // Sending again asks nobody twice.
    c.post_form(&format!("{path}/send"), &[]).await;
    assert_eq!(survey_links(&app).await.len(), 2);

    // The outbox page does not show the survey links' secrets.
    let outbox = c.get("/lv/admin/outbox").await;
    assert!(outbox.text.contains("/feedback/…"));
    for l in &links {
        let secret = l.rsplit('/').next().unwrap_or_default();
        assert!(!outbox.text.contains(secret));
    }
    let g = app.client();
    let page = g.get(&links[0]).await;
    assert_eq!(page.status, 200);
    assert!(
        page.set_cookies()
            .iter()
            .all(|c| !c.contains("roma_session"))
    );
    let res = g.post_form(&links[0], &[("comment", "Labi")]).await;
    assert_eq!(res.status, 422, "a rating is needed");
    assert!(res.text.contains("Labi"), "what was typed stays");
    let res = g
        .post_form(
            &links[0],
            &[
                ("rating", "5"),
                ("usefulness", "4"),
                ("comment", "Ļoti noderīgi"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let again = g.post_form(&links[0], &[("rating", "1")]).await;
    assert_eq!(again.status, 422, "one answer per link");
    let g2 = app.client();
    g2.get(&links[1]).await;
    let res = g2.post_form(&links[1], &[("rating", "2")]).await;
    assert_eq!(res.status, 303);

    let s = ok(store::feedback::summary(&app.db, event).await);
    assert_eq!((s.asked, s.answers, s.good), (2, 2, 1));
    assert_eq!(s.by_rating, [0, 1, 0, 0, 1]);
    let page = c.get(&path).await;
    assert!(page.text.contains("50 %"), "{}", page.text);
    assert!(page.text.contains("Ļoti noderīgi"));
    // The workspace event page says the share; the public page does not (under 20 answers).
    let ws = c.get(&format!("/lv/events/{event}")).await;
    assert!(ws.text.contains("50 % dalībnieku"));
    let public = app.client().get(&format!("/lv/calendar/{event}")).await;
    assert!(!public.text.contains("dalībnieku pasākumu novērtēja"));
    assert_eq!(app.client().get("/lv/feedback/nav-tadas").await.status, 404);
    assert_eq!(
        app.client().get("/lv/feedback/a%0Ab").await.status,
        404,
        "a link we never made"
    );
}

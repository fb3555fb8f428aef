//! Issue 20, item 7: notices and consent texts are versioned; a consent records the version
//! it was given under; after a material change, the consents in force given under an earlier
//! version are listed for renewal. The shipped catalogue has no material change after the
//! first versions, so the lists are asked here with a later standing version ("2099-01", a
//! test value) as a material change would make them.

use domain::auth::Role;
use domain::directory::RomaIdentity;
use store::consent_renewals::{self as renewals, RegistrationText, Subject};
use testkit::TestApp;

use crate::ok;

#[tokio::test]
async fn every_notice_shows_its_versions_and_what_needs_renewing() {
    let app = TestApp::spawn().await;
    for role in [Role::Coordinator, Role::Dpo] {
        let c = app.login(role).await;
        let page = c.get("/lv/privacy/notices").await;
        assert_eq!(page.status, 200, "{}", page.text);
        for words in [
            "Privātuma paziņojums",
            "Piekrišana romu piederības ierakstam",
            "Piekrišana iekļaušanai publiskajā katalogā",
            "Mediācijas privātuma paziņojums",
            "pašreizējā versija 2026-11",
            "pašreizējā versija directory-2026-11",
            "Pirmā versija platformā.",
            "Kopš pirmās versijas nav bijis būtisku izmaiņu",
            // The current text itself, as people read it.
            "Persona ir devusi skaidru piekrišanu",
        ] {
            assert!(page.text.contains(words), "{role:?} {words}: {}", page.text);
        }
    }
    let en = app.login(Role::Dpo).await.get("/en/privacy/notices").await;
    assert!(
        en.text
            .contains("Consent to record Roma self-identification")
    );
    // The public notice says its version and its history.
    let public = app.client().get("/lv/privacy").await;
    assert!(
        public
            .text
            .contains("Versija 2026-12 (spēkā stāšanās diena:"),
        "{}",
        public.text
    );
    assert!(public.text.contains("Paziņojuma versijas"));
    // Its second version added the needs and questions of the public form.
    assert!(
        public
            .text
            .contains("Papildināts ar jautājumiem un vajadzībām")
    );
    assert!(
        public
            .text
            .contains("Jautājumi un vajadzības: vārds un e-pasta adrese")
    );
    // A consent is recorded with the current version, and is not marked for renewal.
    let c = app.login(Role::Coordinator).await;
    let person = app.fixtures.person_a;
    let res = c
        .post_form(
            &format!("/lv/people/{person}/roma-identity"),
            &[
                ("value", "yes"),
                ("given_on", "2026-11-20"),
                ("consent", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let history = ok(store::people::roma_consents(&app.db, person).await);
    assert_eq!(
        history[0].notice_version,
        domain::privacy_notices::ROMA_IDENTITY.current().id
    );
    let page = c.get(&format!("/lv/people/{person}")).await;
    assert!(!page.text.contains("jāatjauno"), "{}", page.text);
}

#[tokio::test]
async fn consents_under_an_earlier_version_are_listed_except_withdrawn_restricted_and_past() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let now = app.clock_now();
    let (a, b) = (app.fixtures.person_a, app.fixtures.person_b);
    let day = jiff::civil::date(2026, 11, 20);
    for p in [a, b] {
        ok(store::people::record_roma_identity(
            &app.db,
            now,
            &cli,
            p,
            RomaIdentity::Yes,
            day,
            "2026-11",
        )
        .await);
    }
    let later = ["2099-01"];
    let current = ["2026-11"];
    // Both rest on 2026-11: listed once a later version is material, not before.
    let names = |v: Vec<store::consent_renewals::Renewal>| {
        v.into_iter()
            .map(|r| match r.subject {
                Subject::Person { name, .. } | Subject::Organisation { name, .. } => name,
                Subject::Registration { name, .. } => name,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(ok(renewals::roma_identity(&app.db, &later).await)),
        ["Anna Ābele", "Ēriks Čakste"]
    );
    assert!(ok(renewals::roma_identity(&app.db, &current).await).is_empty());
    // A restricted person is not asked (asking is processing); a withdrawn consent is gone.
    ok(store::people::set_restriction(&app.db, now, &cli, b, Some("Pieprasījums (tests)")).await);
    assert_eq!(
        names(ok(renewals::roma_identity(&app.db, &later).await)),
        ["Anna Ābele"]
    );
    ok(store::people::withdraw_roma_identity(&app.db, now, &cli, a, day).await);
    assert!(ok(renewals::roma_identity(&app.db, &later).await).is_empty());

    // Directory listings: standing ones, until withdrawn.
    let org = store::listings::Subject::Organisation(app.fixtures.org_a);
    ok(store::listings::set(
        &app.db,
        now,
        &cli,
        org,
        &["name".to_owned()],
        "2026-11-20",
        "directory-2026-11",
    )
    .await);
    let listed = ok(renewals::listings(&app.db, &later, "lv").await);
    assert_eq!(names(listed), ["Testa pilsētas pašvaldība"]);
    assert!(ok(renewals::listings(&app.db, &["directory-2026-11"], "lv").await).is_empty());
    ok(store::listings::withdraw(&app.db, now, &cli, org).await);
    assert!(ok(renewals::listings(&app.db, &later, "lv").await).is_empty());

    // Registrations: for an event still to come, and not after it; not a restricted
    // person's (Ēriks, restricted above, registering with his address).
    for (name, email) in [
        ("Līga Paraugs", "liga@example.invalid"),
        ("Ēriks Čakste", "eriks@b.test.invalid"),
    ] {
        crate::registrations::register_publicly(&app, app.fixtures.event, name, email).await;
    }
    let listed = ok(renewals::registrations(
        &app.db,
        app.clock_now(),
        RegistrationText::Notice,
        &later,
        "lv",
    )
    .await);
    assert_eq!(names(listed.clone()), ["Līga Paraugs"]);
    assert!(matches!(
        &listed[0].subject,
        Subject::Registration { event_title, .. } if event_title == "Ikgadējā sanāksme (tests)"
    ));
    // No statistics answers were given: no statistics consent to renew.
    assert!(
        ok(renewals::registrations(
            &app.db,
            app.clock_now(),
            RegistrationText::Statistics,
            &later,
            "lv",
        )
        .await)
        .is_empty()
    );
    app.advance_to(
        jiff::civil::date(2026, 12, 11),
        jiff::civil::time(9, 0, 0, 0),
    );
    assert!(
        ok(renewals::registrations(
            &app.db,
            app.clock_now(),
            RegistrationText::Notice,
            &later,
            "lv",
        )
        .await)
        .is_empty(),
        "the event is over"
    );
    assert_eq!(ok(renewals::mediation_count(&app.db, &later).await), 0);
}

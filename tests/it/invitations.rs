//! Invitations: chosen people and organisations filtered by kind and place are invited;
//! each answers through the personal link in their mail; the coordinator sees the answers.

use domain::auth::Role;
use testkit::{Client, TestApp};

use crate::{mail_links, ok};

/// The invitation links in the outbox, by recipient.
async fn links(app: &TestApp) -> Vec<(String, String)> {
    mail_links(app, "invitation", "/invitation/").await
}

async fn guest_with_csrf(app: &TestApp, path: &str) -> (Client, testkit::Resp) {
    let c = app.client();
    let page = c.get(path).await;
    (c, page)
}

#[tokio::test]
async fn chosen_people_are_invited_once_and_answer_through_their_link() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{event}/invitations");
    assert_eq!(c.get(&path).await.status, 200);
    let none = c.post_form(&format!("{path}/people"), &[]).await;
    assert_eq!(none.status, 422);
    let pa = app.fixtures.person_a.to_string();
    let pb = app.fixtures.person_b.to_string();
    // First who would get it, and nothing is sent until that is confirmed.
    let preview = c
        .post_form(
            &format!("{path}/people"),
            &[("people", &pa), ("people", &pb)],
        )
        .await;
    assert_eq!(preview.status, 200, "{}", preview.text);
    assert!(
        preview.text.contains("Ielūgumu nosūtīs uz 2 adresēm."),
        "{}",
        preview.text
    );
    assert!(preview.text.contains("anna@a.test.invalid"));
    assert!(preview.text.contains("eriks@b.test.invalid"));
    assert!(preview.text.contains("Sūtīt 2 ielūgumus"));
    assert!(
        links(&app).await.is_empty(),
        "nothing sent before confirming"
    );
    let res = c
        .post_form(
            &format!("{path}/people"),
            &[("people", &pa), ("people", &pb), ("confirm", "1")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = c.get(res.location().unwrap_or_default()).await;
    assert!(page.text.contains("Nosūtīti 2 ielūgumi"), "{}", page.text);
    // The mail says when and where.
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let mail = mails
        .iter()
        .find(|m| m.kind == "invitation" && m.to == "anna@a.test.invalid")
        .unwrap_or_else(|| panic!("Anna's invitation"));
    assert!(mail.body.contains("Lielā iela 1, Jelgava"), "{}", mail.body);
    // Again: the preview says both have one, and offers nothing to send.
    let again = c
        .post_form(
            &format!("{path}/people"),
            &[("people", &pa), ("people", &pb)],
        )
        .await;
    assert_eq!(
        again.text.matches("Jau nosūtīts").count(),
        2,
        "{}",
        again.text
    );
    assert!(!again.text.contains("name=\"confirm\""), "{}", again.text);
    // Sent anyway (an old tab): both are skipped, nobody gets a second mail.
    let res = c
        .post_form(
            &format!("{path}/people"),
            &[("people", &pa), ("people", &pb), ("confirm", "1")],
        )
        .await;
    let page = c.get(res.location().unwrap_or_default()).await;
    assert!(
        page.text
            .contains("2 adresātiem ielūgums jau bija nosūtīts"),
        "{}",
        page.text
    );
    let links = links(&app).await;
    assert_eq!(links.len(), 2);
    let anna = links
        .iter()
        .find(|(to, _)| to == "anna@a.test.invalid")
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    let eriks = links
        .iter()
        .find(|(to, _)| to == "eriks@b.test.invalid")
        .map(|(_, l)| l.clone())
        .unwrap_or_default();

    // Anna accepts: without the notice ticked she is asked for it, then registered.
    let (g, page) = guest_with_csrf(&app, &anna).await;
    assert_eq!(page.status, 200, "{anna}");
    assert!(page.text.contains("Ikgadējā sanāksme (tests)"));
    let res = g.post_form(&anna, &[("answer", "accept")]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("notice-error"));
    let res = g
        .post_form(&anna, &[("answer", "accept"), ("notice", "1")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(res.location().is_some_and(|l| l.contains("/registration/")));
    let regs = ok(store::registrations::for_event(&app.db, event).await);
    assert_eq!(regs.len(), 1);
    assert_eq!(regs[0].email, "anna@a.test.invalid");
    assert!(
        !regs[0].pending(),
        "an invitation's personal link was mailed: confirmed at once"
    );
    // Accepting twice is refused, not doubled.
    let again = g
        .post_form(&anna, &[("answer", "accept"), ("notice", "1")])
        .await;
    assert_eq!(again.status, 422);
    assert_eq!(
        ok(store::registrations::for_event(&app.db, event).await).len(),
        1
    );

    // Ēriks declines.
    let (g2, _) = guest_with_csrf(&app, &eriks).await;
    let res = g2.post_form(&eriks, &[("answer", "decline")]).await;
    assert_eq!(res.status, 303);
    let list = ok(store::invitations::for_event(&app.db, event).await);
    let status = |email: &str| list.iter().find(|i| i.email == email).map(|i| i.status);
    assert_eq!(
        status("anna@a.test.invalid"),
        Some(domain::event::InvitationStatus::Accepted)
    );
    assert_eq!(
        status("eriks@b.test.invalid"),
        Some(domain::event::InvitationStatus::Declined)
    );
    let page = c.get(&path).await;
    assert!(page.text.contains("Pieņemts") && page.text.contains("Atteikts"));
    // A made-up link is a 404.
    assert_eq!(
        app.client().get("/lv/invitation/nav-tadas").await.status,
        404
    );
}

#[tokio::test]
async fn organisations_are_invited_by_kind_and_place() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let jelgava = ok(store::territories::by_code(&app.db, "jelgava").await);
    let path = format!("/lv/events/{event}/invitations/organisations");
    let nothing = c.post_form(&path, &[]).await;
    assert_eq!(nothing.status, 422);
    let jelgava = jelgava.id.to_string();
    let by_place = [("kind", "municipality"), ("territory_id", jelgava.as_str())];
    let preview = c.post_form(&path, &by_place).await;
    assert_eq!(preview.status, 200, "{}", preview.text);
    assert!(
        preview.text.contains("pasts@a.test.invalid"),
        "{}",
        preview.text
    );
    assert!(ok(store::invitations::for_event(&app.db, event).await).is_empty());
    // The preview's button sends the same choice again, confirmed.
    assert!(
        preview
            .text
            .contains(&format!("name=\"territory_id\" value=\"{jelgava}\""))
    );
    let res = c
        .post_form(&path, &[by_place[0], by_place[1], ("confirm", "1")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let list = ok(store::invitations::for_event(&app.db, event).await);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].organisation_id, Some(app.fixtures.org_a));
    assert_eq!(list[0].email, "pasts@a.test.invalid");
    // By planning region: Latgale holds the other municipality (Balvu novads), Vidzeme none.
    let latgale = c.post_form(&path, &[("region", "latgale")]).await;
    assert_eq!(latgale.status, 200);
    assert!(
        latgale.text.contains("Ielūgumu nosūtīs uz 1 adresi."),
        "{}",
        latgale.text
    );
    assert!(!latgale.text.contains("pasts@a.test.invalid"));
    let vidzeme = c.post_form(&path, &[("region", "vidzeme")]).await;
    assert_eq!(vidzeme.status, 422);
    assert!(
        vidzeme.text.contains("Neviena organizācija neatbilst"),
        "{}",
        vidzeme.text
    );
    assert_eq!(c.post_form(&path, &[("region", "mars")]).await.status, 422);
    // Every municipality: the other one too.
    c.post_form(&path, &[("kind", "municipality"), ("confirm", "1")])
        .await;
    assert_eq!(
        ok(store::invitations::for_event(&app.db, event).await).len(),
        2
    );
}

#[tokio::test]
async fn an_organisation_accepts_in_the_name_of_the_person_who_will_come() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{event}/invitations/organisations");
    let jelgava = ok(store::territories::by_code(&app.db, "jelgava").await)
        .id
        .to_string();
    let res = c
        .post_form(&path, &[("territory_id", &jelgava), ("confirm", "1")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let (_, link) = links(&app).await.into_iter().next().unwrap_or_default();
    let (g, page) = guest_with_csrf(&app, &link).await;
    assert!(page.text.contains("Ielūgtā organizācija"), "{}", page.text);
    assert!(page.text.contains("id=\"attendee\""));
    // Without a name: asked for it, what was typed kept.
    let res = g
        .post_form(
            &link,
            &[
                ("answer", "accept"),
                ("notice", "1"),
                ("attendee", " "),
                ("attendee_email", "nav-adrese"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("attendee-error") && res.text.contains("attendee_email-error"));
    assert!(res.text.contains("value=\"nav-adrese\""), "{}", res.text);
    assert!(ok(store::registrations::for_event(&app.db, event).await).is_empty());
    let res = g
        .post_form(
            &link,
            &[
                ("answer", "accept"),
                ("notice", "1"),
                ("attendee", "Ilze Kalniņa"),
                ("attendee_email", "ilze@a.test.invalid"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // An address typed here is not proven: its owner confirms from the mail, and whoever
    // holds the organisation's link does not get the registration's own link.
    let location = res.location().unwrap_or_default().to_owned();
    assert!(location.ends_with("?notice=attendee-mailed"), "{location}");
    let page = g.get(&location).await;
    assert!(page.text.contains("nosūtījām vēstuli"), "{}", page.text);
    let regs = ok(store::registrations::for_event(&app.db, event).await);
    assert_eq!(regs.len(), 1);
    assert_eq!(regs[0].name, "Ilze Kalniņa");
    assert_eq!(regs[0].email, "ilze@a.test.invalid");
    assert!(regs[0].pending(), "waits for Ilze's confirmation");
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    assert!(
        mails
            .iter()
            .any(|m| m.to == "ilze@a.test.invalid" && m.body.contains("/registration/")),
        "the link goes to the attendee"
    );
    let inv = ok(store::invitations::for_event(&app.db, event).await);
    assert_eq!(inv[0].status, domain::event::InvitationStatus::Accepted);
    assert_eq!(inv[0].registration_id, Some(regs[0].id));
}

#[tokio::test]
async fn an_invitation_only_event_takes_its_invitees_but_not_the_public() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let base = ok(store::events::get(&app.db, app.fixtures.event).await);
    let closed = ok(store::events::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::events::EventInput {
            event_type: domain::event::EventType::Interministerial,
            title_lv: "Starpministriju sanāksme".to_owned(),
            title_en: None,
            description_lv: None,
            description_en: None,
            starts_at: base.starts_at,
            ends_at: base.ends_at,
            territory_id: None,
            address: None,
            online_url: None,
            series: None,
            capacity: Some(1),
            registration_deadline: None,
            is_public: false,
            objectives: Vec::new(),
            target_group: None,
            host_country: None,
            organisations: Vec::new(),
            measures: Vec::new(),
        },
    )
    .await);
    let c = app.login(Role::Coordinator).await;
    let pa = app.fixtures.person_a.to_string();
    // A draft cannot be invited to.
    let res = c
        .post_form(
            &format!("/lv/events/{closed}/invitations/people"),
            &[("people", &pa), ("confirm", "1")],
        )
        .await;
    assert_eq!(res.status, 409);
    ok(store::events::set_status(
        &app.db,
        app.clock_now(),
        &cli,
        closed,
        domain::event::EventStatus::Published,
    )
    .await);
    assert_eq!(
        app.client()
            .get(&format!("/lv/calendar/{closed}/register"))
            .await
            .status,
        404
    );
    let res = c
        .post_form(
            &format!("/lv/events/{closed}/invitations/people"),
            &[("people", &pa), ("confirm", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    let (_, link) = links(&app).await.into_iter().next().unwrap_or_default();
    let (g, page) = guest_with_csrf(&app, &link).await;
    assert_eq!(page.status, 200);
    let res = g
        .post_form(&link, &[("answer", "accept"), ("notice", "1")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let regs = ok(store::registrations::for_event(&app.db, closed).await);
    assert_eq!(regs.len(), 1);
    assert_eq!(regs[0].status, store::registrations::Status::Confirmed);
}

#[tokio::test]
async fn an_invitation_to_my_organisation_is_answered_from_the_workspace() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let jelgava = ok(store::territories::by_code(&app.db, "jelgava").await)
        .id
        .to_string();
    let res = c
        .post_form(
            &format!("/lv/events/{event}/invitations/organisations"),
            &[("territory_id", &jelgava), ("confirm", "1")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let id = ok(store::invitations::for_event(&app.db, event).await)[0].id;
    let path = format!("/lv/invitations/{id}");
    // Another organisation's user does not reach it.
    let ngo = app.login(Role::Ngo).await;
    assert_eq!(ngo.get(&path).await.status, 404);
    assert_eq!(
        ngo.post_form(&path, &[("answer", "decline")]).await.status,
        404
    );
    // The municipality's user: the form starts with them as who comes.
    let m = app.login(Role::Municipality).await;
    let page = m.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("value=\"Tests municipality\""),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("value=\"municipality@test.roma.invalid\"")
    );
    assert!(
        !page.text.contains("nepārsūtiet to citiem"),
        "no personal-link hint here"
    );
    let res = m
        .post_form(
            &path,
            &[
                ("answer", "accept"),
                ("notice", "1"),
                ("attendee", "Tests municipality"),
                ("attendee_email", "municipality@test.roma.invalid"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(res.location().is_some_and(|l| l.contains("/registration/")));
    // Their own address is proven by their sign-in: confirmed at once.
    let regs = ok(store::registrations::for_event(&app.db, event).await);
    assert_eq!(regs.len(), 1);
    assert!(!regs[0].pending());
    let inv = ok(store::invitations::for_event(&app.db, event).await);
    assert_eq!(inv[0].status, domain::event::InvitationStatus::Accepted);
    // Done: the workspace no longer lists it.
    let home = m.get("/lv/workspace").await;
    assert!(
        !home.text.contains(&format!("/lv/invitations/{id}")),
        "{}",
        home.text
    );
}

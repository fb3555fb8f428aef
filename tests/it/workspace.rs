//! The workspace home: each role starts the day on one page that says what needs them —
//! counted, listed, each item linking to where it is done — and shows nobody anything the
//! pages behind the links would not.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// The part of a page between a section's heading and the next section.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<h2 id=\"{id}\""))
        .unwrap_or_else(|| panic!("no section {id}: {page}"));
    let rest = &page[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

/// The section exists with something in it.
fn has_section(page: &str, id: &str) -> bool {
    page.contains(&format!("<h2 id=\"{id}\""))
}

/// Opens a family through the mediator's form; its id.
async fn open_family(m: &testkit::Client, territory: &str, name: &str) -> i64 {
    let res = m
        .post_form(
            "/lv/mediation/families",
            &[("territory_id", territory), ("name", name)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    res.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or_else(|| panic!("{:?}", res.location()))
}

/// A family's code, as the mediator's list shows it.
async fn family_code(app: &TestApp, id: i64) -> String {
    ok(store::mediation::families(
        &app.db,
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
    )
    .await)
    .into_iter()
    .find(|f| f.id == id)
    .map(|f| f.code)
    .unwrap_or_default()
}

#[tokio::test]
async fn coordinators_and_institutions_see_what_waits_for_them_and_nothing_else() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let actor = store::Actor::cli();

    // Nothing waits yet: the page says so, and lists what it checked.
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/workspace").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("Šobrīd nekas negaida jūsu rīcību."),
        "{}",
        page.text
    );
    assert!(page.text.contains("Pārbaudīts, nekas negaida"));
    assert!(page.text.contains("Labās prakses, kas gaida izskatīšanu"));

    // An overdue action of the municipality's organisation, one of another organisation's
    // not yet due.
    let overdue = ok(store::actions::create(
        &app.db,
        app.clock_now(),
        &actor,
        event,
        &store::actions::ActionInput {
            title_lv: "Nosūtīt skolu sarakstu".to_owned(),
            title_en: Some("Send the list of schools".to_owned()),
            owner_organisation_id: app.fixtures.org_a,
            due_date: Some(jiff::civil::date(2026, 11, 20)),
            measures: Vec::new(),
        },
    )
    .await);
    ok(store::actions::create(
        &app.db,
        app.clock_now(),
        &actor,
        event,
        &store::actions::ActionInput {
            title_lv: "Sagatavot ziņojumu".to_owned(),
            title_en: None,
            owner_organisation_id: app.fixtures.org_b,
            due_date: Some(jiff::civil::date(2026, 11, 10)),
            measures: Vec::new(),
        },
    )
    .await);
    // A public registration not yet confirmed by its registrant.
    crate::registrations::register_publicly(&app, event, "Ilze Testa", "ilze@example.invalid")
        .await;
    // An invitation to the municipality's organisation.
    ok(store::invitations::invite(
        &app.db,
        app.clock_now(),
        &actor,
        event,
        &[(
            store::invitations::Invitee {
                organisation_id: Some(app.fixtures.org_a),
                name: "Organizācija A".to_owned(),
                email: "org-a@example.invalid".to_owned(),
                lang: "lv".to_owned(),
                ..Default::default()
            },
            domain::token::hash_secret("ielūguma noslēpums"),
            store::outbox::Outgoing::default(),
        )],
    )
    .await);
    // A good practice submitted for review.
    let jelgava = crate::practices::place(&app, "jelgava").await;
    let practice = crate::practices::seed(
        &app,
        crate::practices::practice("Skolas palīgs (tests)", "Īsi.", "Sīkāk.", jelgava),
        false,
    )
    .await;
    // A progress report submitted by the municipality, the other organisation's still open.
    let s = crate::plans::seed(&app).await;
    let round = crate::rounds::open_round(&app, s.plan).await;
    let reports = ok(store::rounds::reports(&app.db, store::OrgScope::All, round).await);
    let own = reports
        .iter()
        .find(|r| r.organisation_id == app.fixtures.org_a)
        .map(|r| r.id)
        .unwrap_or_default();
    let other = reports
        .iter()
        .find(|r| r.organisation_id == app.fixtures.org_b)
        .map(|r| r.id)
        .unwrap_or_default();

    // The municipality's day: its open report form with the deadline, its organisation's
    // overdue action, its invitation — not the other organisation's action or report.
    let m = app.login(Role::Municipality).await;
    let page = m.get("/lv/workspace").await;
    assert_eq!(page.status, 200);
    let open = section(&page.text, "reports-open");
    assert!(
        open.contains(&format!("href=\"/lv/reports/{own}\"")),
        "{open}"
    );
    assert!(open.contains("termiņš 2026. gada 15. decembris"), "{open}");
    assert!(!page.text.contains(&format!("/lv/reports/{other}\"")));
    let actions = section(&page.text, "actions-overdue");
    assert!(
        actions.contains(&format!("href=\"/lv/actions/{overdue}\"")),
        "{actions}"
    );
    assert!(actions.contains("Nosūtīt skolu sarakstu"));
    assert!(!page.text.contains("Sagatavot ziņojumu"));
    let invitations = section(&page.text, "invitations");
    let invitation = ok(store::invitations::for_event(&app.db, event).await)[0].id;
    assert!(
        invitations.contains(&format!("href=\"/lv/invitations/{invitation}\"")),
        "answered here, not only by the mailed link: {invitations}"
    );
    assert!(invitations.contains("org-a@example.invalid"));
    // A count for each section at the top, linking to it.
    assert!(page.text.contains("href=\"#reports-open\""));
    assert!(
        page.text.contains("Jūsu rīcību gaida 3 lietas."),
        "{}",
        page.text
    );
    // Nothing of the coordinators' desk.
    assert!(!has_section(&page.text, "practices-review"));
    assert!(!page.text.contains("Skolas palīgs (tests)"));
    assert!(!has_section(&page.text, "registrations-unconfirmed"));

    let res = m
        .post_form(
            &format!("/lv/reports/{own}"),
            &[
                ("measure_status", "on_track"),
                ("done", "Darbs notiek."),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // Submitted: no longer the municipality's to fill in.
    let page = m.get("/lv/workspace").await;
    assert!(!has_section(&page.text, "reports-open"), "{}", page.text);

    // The coordinators' day: the report to review, the practice, both overdue actions, the
    // unconfirmed registration — and no invitations section (theirs is to send them).
    let page = c.get("/lv/workspace").await;
    let submitted = section(&page.text, "reports-submitted");
    assert!(
        submitted.contains(&format!("href=\"/lv/reports/{own}\"")),
        "{submitted}"
    );
    assert!(submitted.contains("Iesniegts"));
    let practices = section(&page.text, "practices-review");
    assert!(
        practices.contains(&format!("href=\"/lv/practice-submissions/{practice}\"")),
        "{practices}"
    );
    let actions = section(&page.text, "actions-overdue");
    assert!(actions.contains("Nosūtīt skolu sarakstu") && actions.contains("Sagatavot ziņojumu"));
    let pending = section(&page.text, "registrations-unconfirmed");
    assert!(
        pending.contains(&format!("href=\"/lv/events/{event}/registrations\"")),
        "{pending}"
    );
    assert!(
        pending.contains("1 pieteikums gaida apstiprinājumu"),
        "{pending}"
    );
    assert!(!has_section(&page.text, "invitations"));
    assert!(!has_section(&page.text, "reports-late"));
    assert!(!has_section(&page.text, "minutes-missing"));
    // In English, every heading and detail is in English.
    let en = c.get("/en/workspace").await;
    assert!(
        en.text.contains("Progress reports waiting for review"),
        "{}",
        en.text
    );
    assert!(en.text.contains("Send the list of schools"));
    assert!(
        en.text.contains("lang=\"lv\">Skolas palīgs (tests)"),
        "{}",
        en.text
    );

    // The day after the meeting and past the round's deadline: the event needs its minutes,
    // the other organisation's report is late, the registration is no longer pending.
    app.advance_minutes(21 * 24 * 60);
    // (Sessions end after their idle time: a new day, a new sign-in.)
    let c = app.login(Role::Coordinator).await;
    let m = app.login(Role::Municipality).await;
    let page = c.get("/lv/workspace").await;
    let minutes = section(&page.text, "minutes-missing");
    assert!(
        minutes.contains(&format!("href=\"/lv/events/{event}/minutes\"")),
        "{minutes}"
    );
    let late = section(&page.text, "reports-late");
    assert!(
        late.contains(&format!("href=\"/lv/reports/{other}\"")),
        "{late}"
    );
    assert!(late.contains("termiņš 2026. gada 15. decembris"), "{late}");
    // All late reports are of one round: "all" would open its board.
    assert!(!late.contains("Visas ("), "one report is not cut");
    assert!(!has_section(&page.text, "registrations-unconfirmed"));
    // The invitation to a past event waits for nobody.
    let page = m.get("/lv/workspace").await;
    assert!(!has_section(&page.text, "invitations"), "{}", page.text);
    // Minutes written: gone from the list.
    let res = c
        .post_form(
            &format!("/lv/events/{event}/minutes"),
            &[("summary_lv", "Sanāksmē vienojās par skolu sarakstu.")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = c.get("/lv/workspace").await;
    assert!(!has_section(&page.text, "minutes-missing"), "{}", page.text);
    app.stop().await;
}

#[tokio::test]
async fn a_mediator_starts_the_day_on_their_own_caseload() {
    let app = TestApp::spawn().await;
    crate::mediation::assign(&app).await;
    let m = app.login(Role::Mediator).await;
    let jelgava = ok(store::territories::by_code(&app.db, "jelgava").await)
        .id
        .to_string();
    let quiet = open_family(&m, &jelgava, "Klusā ģimene (tests)").await;
    let busy = open_family(&m, &jelgava, "Aktīvā ģimene (tests)").await;
    let quiet_code = family_code(&app, quiet).await;
    let busy_code = family_code(&app, busy).await;
    let path = |id: i64, rest: &str| format!("/lv/mediation/families/{id}/{rest}");
    // The busy family: consent, a member who is 18 this year whose parent consented to
    // statistics, and a contact with a next step.
    let res = m
        .post_form(
            &path(busy, "consents"),
            &[
                ("purpose", "case_work"),
                ("given_by", "person"),
                ("given_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = m
        .post_form(
            &path(busy, "members"),
            &[("relation", "child"), ("birth_year", "2008")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let family = ok(store::mediation::family(
        &app.db,
        app.clock_now(),
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        busy,
        "case_work",
        None,
    )
    .await);
    let member = &family.members[0];
    let member_id = member.id.to_string();
    let res = m
        .post_form(
            &path(busy, "consents"),
            &[
                ("purpose", "statistics"),
                ("consent_member", &member_id),
                ("given_by", "parent"),
                ("child_view", "agrees"),
                ("given_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = m
        .post_form(
            &path(busy, "contacts"),
            &[
                ("date", "2026-11-26"),
                ("place", "office"),
                ("areas", "education"),
                ("next_date", "2026-12-01"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);

    // Today (26 November): the next step is within the week, not yet due; the consent to
    // renew; October's report (no case yet in October, but the mediator has open cases).
    let page = m.get("/lv/workspace").await;
    assert_eq!(page.status, 200);
    let steps = section(&page.text, "next-steps");
    assert!(
        steps.contains(&format!("href=\"/lv/mediation/families/{busy}\"")),
        "{steps}"
    );
    assert!(steps.contains(&busy_code));
    assert!(
        steps.contains("Nākamais solis 2026. gada 1. decembris"),
        "{steps}"
    );
    assert!(!steps.contains("Termiņš pienācis"));
    let consents = section(&page.text, "consents-renew");
    assert!(consents.contains(&member.code), "{consents}");
    assert!(consents.contains("18 gadu vecums 2026. gadā"), "{consents}");
    assert!(consents.contains(&format!("/lv/mediation/families/{busy}#consents")));
    let report = section(&page.text, "month-report");
    assert!(
        report.contains("href=\"/lv/mediation/reports?month=2026-10\""),
        "{report}"
    );
    assert!(
        report.contains("2026. gada oktobri vēl nav iesniegts"),
        "{report}"
    );
    // No family is quiet yet; no names on the page, only codes.
    assert!(!has_section(&page.text, "families-quiet"));
    assert!(!page.text.contains("Aktīvā ģimene (tests)"));

    // Five weeks on: the step is overdue, the quiet family has had no contact for 30 days,
    // and the busy one's last contact is over 30 days old too.
    app.advance_minutes(35 * 24 * 60);
    let m = app.login(Role::Mediator).await;
    let page = m.get("/lv/workspace").await;
    let steps = section(&page.text, "next-steps");
    assert!(steps.contains("Termiņš pienācis"), "{steps}");
    let quiet_list = section(&page.text, "families-quiet");
    assert!(
        quiet_list.contains(&format!("href=\"/lv/mediation/families/{quiet}\"")),
        "{quiet_list}"
    );
    assert!(quiet_list.contains(&quiet_code));
    assert!(quiet_list.contains("Kontakta vēl nav"), "{quiet_list}");
    assert!(quiet_list.contains("Pēdējais kontakts 2026. gada 26. novembris"));
    // The never-contacted family first.
    assert!(quiet_list.find(&quiet_code) < quiet_list.find(&busy_code));
    let report = section(&page.text, "month-report");
    assert!(report.contains("month=2026-11"), "{report}");

    // The person gives the consent themselves: the parent's no longer needs renewing. A
    // contact today clears the step and the quiet busy family.
    let res = m
        .post_form(
            &path(busy, "consents"),
            &[
                ("purpose", "statistics"),
                ("consent_member", &member_id),
                ("given_by", "person"),
                ("given_on", "2026-12-30"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = m
        .post_form(
            &path(busy, "contacts"),
            &[
                ("date", "2026-12-31"),
                ("place", "phone"),
                ("areas", "education"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = m.get("/lv/workspace").await;
    assert!(!has_section(&page.text, "consents-renew"), "{}", page.text);
    assert!(!has_section(&page.text, "next-steps"));
    let quiet_list = section(&page.text, "families-quiet");
    assert!(!quiet_list.contains(&busy_code), "{quiet_list}");

    // Nobody else sees the mediator's caseload: not a coordinator (not even a supervisor),
    // not an institution.
    for role in [Role::Coordinator, Role::Municipality, Role::Ngo] {
        let page = app.login(role).await.get("/lv/workspace").await;
        assert_eq!(page.status, 200);
        assert!(!page.text.contains(&quiet_code), "{role:?}");
        assert!(!page.text.contains(&busy_code), "{role:?}");
        assert!(!has_section(&page.text, "families-quiet"));
    }
    app.stop().await;
}

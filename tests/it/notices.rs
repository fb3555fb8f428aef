//! E-mail notices as work moves (issue 19, item 2): a report submitted reaches the
//! coordinators, its return or acceptance the institution, a practice's review its author,
//! an action its organisation when given and when overdue, and registrants a reminder three
//! days before the event, with a personal link of its own. Each user turns kinds off or
//! takes a weekly digest on the account page; nothing is mailed twice.

use domain::auth::Role;
use testkit::{TestApp, email_for};

use crate::ok;

/// The outbox's mails of a kind: (to, subject, body).
async fn mails(app: &TestApp, kind: &str) -> Vec<(String, String, String)> {
    ok(store::outbox::list(&app.db, 0).await)
        .0
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| (m.to, m.subject, m.body))
        .collect()
}

async fn run(app: &TestApp) -> web::features::platform::notices::Delivered {
    ok(web::jobs::run_due(&app.state).await).notices
}

fn actor(app: &TestApp, role: Role) -> store::Actor {
    store::Actor {
        user_id: Some(app.user_id(role)),
        label: None,
        ip: None,
    }
}

async fn action(app: &TestApp, title: &str, due: Option<jiff::civil::Date>) -> i64 {
    ok(store::actions::create(
        &app.db,
        app.clock_now(),
        &actor(app, Role::Coordinator),
        app.fixtures.event,
        &store::actions::ActionInput {
            title_lv: title.to_owned(),
            title_en: Some(format!("{title} (EN)")),
            owner_organisation_id: app.fixtures.org_a,
            due_date: due,
            measures: Vec::new(),
        },
    )
    .await)
}

#[tokio::test]
async fn a_report_submitted_returned_and_accepted_reaches_the_side_that_acts_next() {
    let app = TestApp::spawn().await;
    let s = crate::plans::seed(&app).await;
    let round = crate::rounds::open_round(&app, s.plan).await;
    let own = ok(store::rounds::reports(&app.db, store::OrgScope::All, round).await)
        .into_iter()
        .find(|r| r.organisation_id == app.fixtures.org_a)
        .map(|r| r.id)
        .unwrap_or_default();
    let m = app.login(Role::Municipality).await;
    let submit = [
        ("measure_status", "on_track"),
        ("done", "Mediators strādāja divās skolās."),
        ("action", "submit"),
    ];
    let res = m.post_form(&format!("/lv/reports/{own}"), &submit).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let done = run(&app).await;
    assert_eq!(done.single, 1, "{done:?}");
    let sent = mails(&app, "notice_report_submitted").await;
    assert_eq!(sent.len(), 1, "to the one coordinator: {sent:?}");
    let (to, subject, body) = &sent[0];
    assert_eq!(to, &email_for(Role::Coordinator));
    assert!(
        subject.starts_with("Iesniegts progresa ziņojums: "),
        "{subject}"
    );
    assert!(
        subject.contains("Testa pilsētas pašvaldība"),
        "names the organisation: {subject}"
    );
    assert!(
        body.contains(&format!("/lv/reports/{own}\n")),
        "links where it is reviewed: {body}"
    );
    assert!(body.contains("/lv/account#notices-heading"), "{body}");
    // Running again mails nothing more.
    assert_eq!(run(&app).await.single, 0);

    // Returned: the institution hears of it, the coordinator who returned it does not.
    let c = app.login(Role::Coordinator).await;
    let version = ok(store::rounds::report(&app.db, store::OrgScope::All, own).await).updated_at;
    let res = c
        .post_form(
            &format!("/lv/reports/{own}/review"),
            &[
                ("decision", "return"),
                ("comment", "Lūdzu, norādiet skolu nosaukumus."),
                ("version", &version.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    run(&app).await;
    let returned = mails(&app, "notice_report_returned").await;
    assert_eq!(returned.len(), 1, "{returned:?}");
    assert_eq!(returned[0].0, email_for(Role::Municipality));
    assert!(
        returned[0].2.contains("atgriezts labošanai"),
        "{}",
        returned[0].2
    );

    // Submitted again and accepted: a second submission is heard of again.
    app.advance_minutes(5);
    let res = m.post_form(&format!("/lv/reports/{own}"), &submit).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let version = ok(store::rounds::report(&app.db, store::OrgScope::All, own).await).updated_at;
    let res = c
        .post_form(
            &format!("/lv/reports/{own}/review"),
            &[("decision", "accept"), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    run(&app).await;
    assert_eq!(mails(&app, "notice_report_submitted").await.len(), 2);
    let accepted = mails(&app, "notice_report_accepted").await;
    assert_eq!(accepted.len(), 1, "{accepted:?}");
    assert_eq!(accepted[0].0, email_for(Role::Municipality));
    // Nobody else heard of any of it.
    for (to, _, _) in ok(store::outbox::list(&app.db, 0).await)
        .0
        .iter()
        .filter(|m| m.kind.starts_with("notice_"))
        .map(|m| (&m.to, &m.subject, &m.body))
    {
        assert!(
            [email_for(Role::Coordinator), email_for(Role::Municipality)].contains(to),
            "{to}"
        );
    }
}

#[tokio::test]
async fn a_practice_s_author_hears_of_its_review_and_an_organisation_of_its_actions() {
    let app = TestApp::spawn().await;
    let place = crate::practices::place(&app, "jelgava").await;
    let editor = store::practices::Editor {
        user_id: app.user_id(Role::Ngo),
        organisation_id: None,
        coordinator: false,
    };
    let p = crate::practices::practice("Vasaras skola", "Kopsavilkums.", "Problēma.", place);
    let id = ok(store::practices::save(
        &app.db,
        app.clock_now(),
        &actor(&app, Role::Ngo),
        editor,
        &p,
        true,
    )
    .await);
    ok(store::practices::review(
        &app.db,
        app.clock_now(),
        &actor(&app, Role::Coordinator),
        id,
        &store::practices::Decision::Publish,
    )
    .await);
    run(&app).await;
    let published = mails(&app, "notice_practice_published").await;
    assert_eq!(published.len(), 1, "{published:?}");
    assert_eq!(published[0].0, email_for(Role::Ngo));
    assert!(
        published[0].1.contains("Vasaras skola"),
        "{}",
        published[0].1
    );
    assert!(
        published[0]
            .2
            .contains(&format!("/lv/practice-submissions/{id}"))
    );

    // An action given to the municipality's organisation: its user hears of it.
    let today = domain::event::riga_date(app.clock_now());
    let tomorrow = today.tomorrow().unwrap_or(today);
    let a = action(&app, "Nosūtīt skolu sarakstu", Some(tomorrow)).await;
    run(&app).await;
    let assigned = mails(&app, "notice_action_assigned").await;
    assert_eq!(assigned.len(), 1, "{assigned:?}");
    assert_eq!(assigned[0].0, email_for(Role::Municipality));
    assert!(
        assigned[0].2.contains(&format!("/lv/actions/{a}\n")),
        "{}",
        assigned[0].2
    );
    assert!(mails(&app, "notice_action_overdue").await.is_empty());

    // The day after its due date it is overdue: heard of once, however often the jobs run.
    app.advance_to(
        tomorrow.tomorrow().unwrap_or(tomorrow),
        jiff::civil::time(6, 0, 0, 0),
    );
    assert_eq!(run(&app).await.overdue_raised, 1);
    run(&app).await;
    let overdue = mails(&app, "notice_action_overdue").await;
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert_eq!(overdue[0].0, email_for(Role::Municipality));
    // Done actions are not overdue; neither is one long past (older than the catch-up).
    let old = today
        .checked_sub(jiff::Span::new().days(30))
        .unwrap_or(today);
    action(&app, "Sena rīcība", Some(old)).await;
    run(&app).await;
    assert_eq!(mails(&app, "notice_action_overdue").await.len(), 1);
}

#[tokio::test]
async fn a_user_turns_kinds_off_or_takes_the_week_in_one_monday_mail() {
    let app = TestApp::spawn().await;
    let m = app.login(Role::Municipality).await;
    // The form offers what the role can hear of: not other institutions' submissions.
    let page = m.get("/lv/account").await;
    assert!(page.text.contains("E-pasta paziņojumi"), "{}", page.text);
    assert!(page.text.contains("value=\"action_assigned\" checked"));
    assert!(!page.text.contains("value=\"report_submitted\""));
    let coordinator = app.login(Role::Coordinator).await;
    assert!(
        coordinator
            .get("/lv/account")
            .await
            .text
            .contains("value=\"report_submitted\" checked")
    );

    // Everything but overdue actions turned off (and a kind the role cannot hear of, sent
    // anyway, is not stored as on).
    let res = m
        .post_form(
            "/lv/account/notices",
            &[
                ("on", "action_overdue"),
                ("on", "report_submitted"),
                ("delivery", "each"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = m.get(res.location().unwrap_or_default()).await;
    assert!(
        page.text.contains("Paziņojumu iestatījumi saglabāti."),
        "{}",
        page.text
    );
    assert!(page.text.contains("value=\"action_overdue\" checked"));
    assert!(!page.text.contains("value=\"action_assigned\" checked"));
    action(&app, "Pirmā rīcība", None).await;
    let done = run(&app).await;
    assert_eq!((done.single, done.dropped), (0, 1), "{done:?}");
    assert!(mails(&app, "notice_action_assigned").await.is_empty());
    let log = ok(store::audit::list(&app.db, &store::audit::Filter::default(), 0).await);
    assert!(
        log.0.iter().any(|r| r.action == "notice_settings_changed"),
        "the change is in the audit log"
    );

    // A weekly digest: nothing goes during the week, one mail on Monday from 07:00.
    let res = m
        .post_form(
            "/lv/account/notices",
            &[
                ("on", "action_assigned"),
                ("on", "action_overdue"),
                ("delivery", "weekly"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    action(&app, "Otrā rīcība", None).await;
    action(&app, "Trešā rīcība", None).await;
    assert_eq!(run(&app).await.digests, 0);
    assert!(mails(&app, "notice_digest").await.is_empty());
    // The test clock starts on Thursday 26 November 2026: the next Monday is 30 November.
    app.advance_to(
        jiff::civil::date(2026, 11, 30),
        jiff::civil::time(6, 59, 0, 0),
    );
    assert_eq!(run(&app).await.digests, 0, "not before 07:00");
    app.advance_to(
        jiff::civil::date(2026, 11, 30),
        jiff::civil::time(7, 5, 0, 0),
    );
    assert_eq!(run(&app).await.digests, 1);
    assert_eq!(run(&app).await.digests, 0, "once");
    let digest = mails(&app, "notice_digest").await;
    assert_eq!(digest.len(), 1, "{digest:?}");
    let (to, subject, body) = &digest[0];
    assert_eq!(to, &email_for(Role::Municipality));
    assert_eq!(subject, "Nedēļas kopsavilkums: 2 paziņojumi");
    assert!(
        body.contains("Otrā rīcība") && body.contains("Trešā rīcība"),
        "{body}"
    );
    assert!(
        !body.contains("Pirmā rīcība"),
        "what was turned off stays off: {body}"
    );
    assert!(mails(&app, "notice_action_assigned").await.is_empty());
}

#[tokio::test]
async fn registrants_are_reminded_three_days_before_with_a_link_of_their_own() {
    let app = TestApp::spawn().await;
    // The fixture's date: 10 December 2026, 10:00 in Riga.
    let event = crate::registrations::event_with(&app, None, true).await;
    let first = crate::registrations::register_publicly(
        &app,
        event,
        "Anna Bērziņa",
        "anna@example.invalid",
    )
    .await;
    let c = app.client();
    c.get(&first).await;
    assert_eq!(
        c.post_form(&format!("{first}/confirm"), &[]).await.status,
        303
    );
    // One who never confirmed their address is not reminded.
    crate::registrations::register_publicly(&app, event, "Juris", "juris@example.invalid").await;
    assert_eq!(run(&app).await.reminders, 0, "two weeks ahead");
    app.advance_to(
        jiff::civil::date(2026, 12, 7),
        jiff::civil::time(9, 0, 0, 0),
    );
    assert_eq!(
        run(&app).await.reminders,
        0,
        "a little more than three days ahead"
    );
    app.advance_to(
        jiff::civil::date(2026, 12, 7),
        jiff::civil::time(10, 5, 0, 0),
    );
    assert_eq!(run(&app).await.reminders, 1);
    assert_eq!(run(&app).await.reminders, 0, "once");
    let sent = mails(&app, "event_reminder").await;
    assert_eq!(sent.len(), 1, "{sent:?}");
    let (to, subject, body) = &sent[0];
    assert_eq!(to, "anna@example.invalid");
    assert!(
        subject.starts_with("Atgādinājums: Reģistrācijas darbnīca"),
        "{subject}"
    );
    assert!(body.contains("Anna Bērziņa"), "{body}");
    // Its link opens the registration; the first link still does too.
    let link = crate::registrations::link_in_any(body).unwrap_or_default();
    assert_ne!(link, first);
    let page = c.get(&link).await;
    assert_eq!(page.status, 200, "{link}");
    assert!(page.text.contains("Anna Bērziņa"), "{}", page.text);
    assert_eq!(c.get(&first).await.status, 200);

    // One who registers within the three days has just had their confirmation: no reminder.
    app.advance_to(
        jiff::civil::date(2026, 12, 8),
        jiff::civil::time(12, 0, 0, 0),
    );
    let late =
        crate::registrations::register_publicly(&app, event, "Līga", "liga@example.invalid").await;
    c.get(&late).await;
    assert_eq!(
        c.post_form(&format!("{late}/confirm"), &[]).await.status,
        303
    );
    assert_eq!(run(&app).await.reminders, 0);
}

#[tokio::test]
async fn a_notice_waiting_for_its_mail_goes_with_the_organisation_the_account_leaves() {
    let app = TestApp::spawn().await;
    action(&app, "Rīcība pirms pārcelšanas", None).await;
    // Before the jobs run, the municipality's account moves to the other organisation.
    ok(store::users::update(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.user_id(Role::Municipality),
        &store::users::Changes {
            name: "Tests municipality".to_owned(),
            role: Role::Municipality,
            organisation_id: Some(app.fixtures.org_b),
            disabled: false,
        },
    )
    .await);
    let done = run(&app).await;
    assert_eq!((done.single, done.dropped), (0, 0), "{done:?}");
    assert!(mails(&app, "notice_action_assigned").await.is_empty());
}

//! Minutes (published when the coordinators say so) and follow-up actions (owned by
//! organisations, seen by them, overdue ones marked, reviewed at the series' next event).

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

#[tokio::test]
async fn minutes_reach_the_public_page_only_when_published() {
    let app = TestApp::spawn().await;
    app.after_the_event_began();
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{event}/minutes");
    assert_eq!(c.get(&path).await.status, 200);
    let early = c
        .post_form(&format!("{path}/publish"), &[("publish", "1")])
        .await;
    assert_eq!(early.status, 422, "nothing to publish yet");
    let res = c
        .post_form(
            &path,
            &[
                (
                    "summary_lv",
                    "Sanāksmē piedalījās pašvaldību un nevalstisko organizāciju pārstāvji.",
                ),
                (
                    "decisions_lv",
                    "Sagatavot ieteikumus romu bērnu izglītībai līdz martam.",
                ),
                (
                    "decisions_en",
                    "Prepare recommendations on Roma children's education by March.",
                ),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let public = format!("/lv/calendar/{event}");
    let page = app.client().get(&public).await;
    assert!(
        !page.text.contains("Sagatavot ieteikumus"),
        "not before publishing"
    );
    let res = c
        .post_form(&format!("{path}/publish"), &[("publish", "1")])
        .await;
    assert_eq!(res.status, 303);
    let page = app.client().get(&public).await;
    assert!(page.text.contains("Sagatavot ieteikumus"), "{}", page.text);
    let en = app.client().get(&format!("/en/calendar/{event}")).await;
    assert!(en.text.contains("Prepare recommendations"));
    assert!(
        en.text.contains("Sanāksmē piedalījās"),
        "a part without English falls back to Latvian"
    );
    c.post_form(&format!("{path}/publish"), &[("publish", "0")])
        .await;
    let page = app.client().get(&public).await;
    assert!(!page.text.contains("Sagatavot ieteikumus"));
    // Too long a text is said next to the field and kept.
    let long = "ā".repeat(20_001);
    let res = c.post_form(&path, &[("summary_lv", &long)]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("summary_lv-error"));
}

#[tokio::test]
async fn owners_see_and_follow_their_actions_and_others_do_not() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let res = c
        .post_form(
            &format!("/lv/events/{event}/actions"),
            &[("title_lv", "Bez atbildīgā")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("owner-error"));
    assert!(res.text.contains("Bez atbildīgā"), "what was typed stays");
    let org_a = app.fixtures.org_a.to_string();
    let org_b = app.fixtures.org_b.to_string();
    // Today is 2026-11-26 in the tests; one action is overdue, one not.
    for (title, owner, due) in [
        ("Apkopot skolu datus", org_a.as_str(), "2026-11-01"),
        ("Sagatavot semināru", org_a.as_str(), "2027-03-01"),
        ("Cita organizācijas darbs", org_b.as_str(), "2026-10-01"),
    ] {
        let res = c
            .post_form(
                &format!("/lv/events/{event}/actions"),
                &[("title_lv", title), ("owner", owner), ("due", due)],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let actions = ok(store::actions::for_event(&app.db, event).await);
    assert_eq!(actions.len(), 3);
    let overdue_a = actions
        .iter()
        .find(|a| a.title_lv == "Apkopot skolu datus")
        .map(|a| a.id)
        .unwrap_or_default();
    let other = actions
        .iter()
        .find(|a| a.title_lv == "Cita organizācijas darbs")
        .map(|a| a.id)
        .unwrap_or_default();

    // The municipality user belongs to organisation A.
    let m = app.login(Role::Municipality).await;
    let list = m.get("/lv/actions").await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains("Apkopot skolu datus"));
    assert!(list.text.contains("Sagatavot semināru"));
    assert!(!list.text.contains("Cita organizācijas darbs"));
    assert!(list.text.contains("1 darbība kavējas"), "{}", list.text);
    let first = list.text.find("Apkopot skolu datus").unwrap_or(usize::MAX);
    let second = list.text.find("Sagatavot semināru").unwrap_or(0);
    assert!(first < second, "overdue first");
    assert_eq!(m.get(&format!("/lv/actions/{other}")).await.status, 404);
    let res = m
        .post_form(
            &format!("/lv/actions/{other}/progress"),
            &[("note", "iejaukšanās")],
        )
        .await;
    assert_eq!(res.status, 404);
    // Progress: a note, then in progress, then dropping needs a reason.
    let path = format!("/lv/actions/{overdue_a}/progress");
    let res = m
        .post_form(
            &path,
            &[
                ("note", "Dati pieprasīti no 5 skolām."),
                ("status", "in_progress"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = m.post_form(&path, &[("status", "dropped")]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("note-error"));
    let res = m.post_form(&path, &[("note", ""), ("status", "")]).await;
    assert_eq!(res.status, 422);
    let res = m
        .post_form(
            &path,
            &[
                ("note", "Dati jau apkopoti ministrijā."),
                ("status", "dropped"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let a = ok(store::actions::get(&app.db, store::actions::Scope::All, overdue_a).await);
    assert_eq!(a.status, domain::event::ActionStatus::Dropped);
    assert_eq!(
        a.drop_reason.as_deref(),
        Some("Dati jau apkopoti ministrijā.")
    );
    let page = m.get(&format!("/lv/actions/{overdue_a}")).await;
    assert!(page.text.contains("Dati pieprasīti no 5 skolām."));
    // NGO and mediator users have no organisation here: nothing to see.
    for role in [Role::Ngo, Role::Mediator] {
        let u = app.login(role).await;
        let list = u.get("/lv/actions").await;
        assert_eq!(list.status, 200);
        assert!(!list.text.contains("Sagatavot semināru"), "{role}");
        assert_eq!(u.get(&format!("/lv/actions/{overdue_a}")).await.status, 404);
    }
}

#[tokio::test]
async fn the_next_meeting_of_the_series_reviews_the_pending_actions() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let first = app.fixtures.event;
    let done = ok(store::actions::create(
        &app.db,
        app.clock_now(),
        &cli,
        first,
        &store::actions::ActionInput {
            title_lv: "Paveikts darbs".to_owned(),
            owner_organisation_id: app.fixtures.org_a,
            ..Default::default()
        },
    )
    .await);
    ok(store::actions::progress(
        &app.db,
        app.clock_now(),
        &cli,
        store::actions::Scope::All,
        done,
        "Gatavs",
        Some(domain::event::ActionStatus::Done),
    )
    .await);
    ok(store::actions::create(
        &app.db,
        app.clock_now(),
        &cli,
        first,
        &store::actions::ActionInput {
            title_lv: "Vēl nepaveikts darbs".to_owned(),
            owner_organisation_id: app.fixtures.org_b,
            ..Default::default()
        },
    )
    .await);
    let base = ok(store::events::get(&app.db, first).await);
    let next = ok(store::events::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::events::EventInput {
            event_type: domain::event::EventType::AnnualCoordination,
            title_lv: "Nākamā ikgadējā sanāksme".to_owned(),
            title_en: None,
            description_lv: None,
            description_en: None,
            starts_at: base.starts_at + 365 * 86_400,
            ends_at: base.ends_at + 365 * 86_400,
            territory_id: None,
            address: None,
            online_url: None,
            series: base.series.clone(),
            capacity: None,
            registration_deadline: None,
            is_public: true,
            objectives: Vec::new(),
            target_group: None,
            host_country: None,
            organisations: Vec::new(),
            measures: Vec::new(),
        },
    )
    .await);
    let c = app.login(Role::Coordinator).await;
    for path in [
        format!("/lv/events/{next}"),
        format!("/lv/events/{next}/minutes"),
    ] {
        let page = c.get(&path).await;
        assert!(page.text.contains("Vēl nepaveikts darbs"), "{path}");
        assert!(!page.text.contains("Paveikts darbs"), "{path}");
    }
    let page = c.get(&format!("/lv/events/{first}")).await;
    assert!(
        !page.text.contains("Vēl nepaveikts darbs"),
        "not at its own event"
    );
}

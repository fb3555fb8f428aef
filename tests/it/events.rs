//! Events: planning, validation, the lifecycle, the workspace list and the public calendar.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

#[tokio::test]
async fn a_coordinator_plans_an_event_with_the_types_defaults_and_clear_errors() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let form = c.get("/lv/events/new?type=workshop").await;
    assert_eq!(form.status, 200);
    assert!(
        form.text.contains("value=\"30\""),
        "a workshop's default capacity"
    );
    assert!(
        form.text
            .contains("id=\"is_public\" name=\"is_public\" value=\"1\" checked")
    );
    let bad = c
        .post_form(
            "/lv/events",
            &[
                ("event_type", "workshop"),
                ("title_lv", "Romu jauniešu darbnīca"),
                ("date", "2027-02-30"),
                ("start", "14:00"),
                ("end", "12:00"),
                ("online_url", "http://nav-drosi.example"),
                ("capacity", "-5"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    for msg in [
        "piemēram, 2026-12-10",
        "Beigām jābūt pēc sākuma",
        "https://",
        "vietu skaitu",
    ] {
        assert!(bad.text.contains(msg), "{msg}");
    }
    assert!(
        bad.text.contains("value=\"Romu jauniešu darbnīca\""),
        "kept"
    );
    let ok = c
        .post_form(
            "/lv/events",
            &[
                ("event_type", "workshop"),
                ("title_lv", "Romu jauniešu darbnīca"),
                ("date", "2027-03-15"),
                ("start", "14:00"),
                ("end", "17:30"),
                ("target_group", "roma_youth"),
                ("objectives", "education"),
                ("objectives", "participation"),
                ("organisers", &app.fixtures.org_a.to_string()),
                ("partners", &app.fixtures.org_b.to_string()),
                ("is_public", "1"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let page = c.get(ok.location().unwrap_or_default()).await.text;
    for part in [
        "Romu jauniešu darbnīca",
        "Darbnīca (Romu jaunieši)",
        "2027. gada 15. marts, 14:00–17:30",
        "Izglītība, Līdzdalība",
        "Citas pašvaldības birojs (partneris)",
        "Melnraksts",
    ] {
        assert!(page.contains(part), "{part}");
    }
}

#[tokio::test]
async fn the_lifecycle_decides_what_the_public_sees() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/events/new").await;
    let made = c
        .post_form(
            "/lv/events",
            &[
                ("event_type", "regional_expert"),
                ("title_lv", "Kurzemes ekspertu sanāksme"),
                ("date", "2027-01-20"),
                ("start", "10:00"),
                ("end", "14:00"),
                ("is_public", "1"),
            ],
        )
        .await;
    let path = made
        .location()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    let id = path.rsplit('/').next().unwrap_or_default().to_owned();
    let anon = app.client();
    assert!(
        !anon
            .get("/lv/calendar")
            .await
            .text
            .contains("Kurzemes ekspertu"),
        "a draft is not public"
    );
    assert_eq!(anon.get(&format!("/lv/calendar/{id}")).await.status, 404);
    // A move the lifecycle does not allow is refused.
    c.get(&path).await;
    assert_eq!(
        c.post_form(&format!("{path}/status"), &[("to", "reported")])
            .await
            .status,
        400
    );
    assert_eq!(
        c.post_form(&format!("{path}/status"), &[("to", "published")])
            .await
            .status,
        303
    );
    let cal = anon.get("/lv/calendar").await;
    assert!(cal.text.contains("Kurzemes ekspertu sanāksme"));
    assert!(cal.set_cookies().is_empty());
    let public = anon.get(&format!("/en/calendar/{id}")).await;
    assert_eq!(public.status, 200);
    assert!(
        !public.text.contains("Status"),
        "no workspace details on the public page"
    );
    // Cancelling asks first, saying who will be told; nothing changes until confirmed.
    let ask = c
        .post_form(&format!("{path}/status"), &[("to", "cancelled")])
        .await;
    assert_eq!(ask.status, 200);
    assert!(ask.text.contains("Atcelt pasākumu „"), "{}", ask.text);
    assert!(ask.text.contains("nevar atsaukt"), "{}", ask.text);
    // Its language switch leads to the event (the step itself answers a POST).
    assert!(
        ask.text
            .contains(&format!("href=\"/en/events/{id}\" hreflang")),
        "{}",
        ask.text
    );
    assert!(
        ask.text.contains("class=\"danger\">Jā, atcelt pasākumu"),
        "{}",
        ask.text
    );
    assert!(
        !anon
            .get(&format!("/lv/calendar/{id}"))
            .await
            .text
            .contains("Pasākums ir atcelts")
    );
    assert_eq!(
        c.post_form(
            &format!("{path}/status"),
            &[("to", "cancelled"), ("confirm", "1")]
        )
        .await
        .status,
        303
    );
    assert!(
        anon.get(&format!("/lv/calendar/{id}"))
            .await
            .text
            .contains("Pasākums ir atcelts")
    );
    assert_eq!(
        store::audit::count(&app.db, "event_status_changed")
            .await
            .unwrap_or(0),
        3,
        "the fixture's publish + two"
    );
}

#[tokio::test]
async fn invitation_only_events_stay_in_the_workspace_and_other_roles_only_read() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/events/new").await;
    let made = c
        .post_form(
            "/lv/events",
            &[
                ("event_type", "interministerial"),
                ("title_lv", "Starpministriju sanāksme"),
                ("date", "2027-01-10"),
                ("start", "09:00"),
                ("end", "11:00"),
            ],
        )
        .await;
    let path = made
        .location()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    let id = path.rsplit('/').next().unwrap_or_default().to_owned();
    c.get(&path).await;
    c.post_form(&format!("{path}/status"), &[("to", "published")])
        .await;
    assert_eq!(
        app.client().get(&format!("/lv/calendar/{id}")).await.status,
        404
    );
    assert!(
        !app.client()
            .get("/lv/calendar")
            .await
            .text
            .contains("Starpministriju sanāksme")
    );
    let ngo = app.login(Role::Ngo).await;
    let list = ngo.get("/lv/events").await.text;
    assert!(
        list.contains("Starpministriju sanāksme") && list.contains("Ikgadējā sanāksme (tests)")
    );
    let detail = ngo.get(&path).await.text;
    assert!(
        !detail.contains("/status\""),
        "no lifecycle buttons for other roles"
    );
    assert_eq!(ngo.get(&format!("{path}/edit")).await.status, 403);
}

#[tokio::test]
async fn the_public_calendar_is_a_subscribable_ics_feed_with_stable_uids() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let id = app.fixtures.event;
    let feed = anon.get("/lv/calendar.ics").await;
    assert_eq!(feed.status, 200);
    assert!(
        feed.header("content-type")
            .unwrap_or_default()
            .starts_with("text/calendar"),
        "content type"
    );
    assert!(feed.text.starts_with("BEGIN:VCALENDAR\r\n"));
    let uid = format!("UID:event-{id}@127.0.0.1\r\n");
    assert!(feed.text.contains(&uid), "{}", feed.text);
    assert!(
        feed.text.contains("DTSTART:20261210T080000Z\r\n"),
        "10:00 in Riga is 08:00 UTC in December"
    );
    assert!(feed.text.contains("SUMMARY:Ikgadējā sanāksme (tests)"));
    assert!(feed.text.contains("STATUS:CONFIRMED"));
    let en = anon.get(&format!("/en/calendar/{id}/event.ics")).await;
    assert_eq!(en.status, 200);
    assert!(en.text.contains("SUMMARY:Annual meeting (test)"));
    assert!(
        en.header("content-disposition")
            .unwrap_or_default()
            .contains(&format!("event-{id}.ics"))
    );
    let sequence = |text: &str| -> i64 {
        text.lines()
            .find_map(|l| l.strip_prefix("SEQUENCE:"))
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(-1)
    };
    let before = sequence(&en.text);
    assert!(before >= 0);

    // A draft and an invitation-only event never reach the feed.
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/events/new").await;
    for (title, public) in [("Melnraksta sanāksme", "1"), ("Slēgtā sanāksme", "")] {
        let mut fields = vec![
            ("event_type", "interministerial"),
            ("title_lv", title),
            ("date", "2027-01-12"),
            ("start", "10:00"),
            ("end", "12:00"),
        ];
        if !public.is_empty() {
            fields.push(("is_public", public));
        }
        let made = c.post_form("/lv/events", &fields).await;
        assert_eq!(made.status, 303, "{}", made.text);
        if public.is_empty() {
            let path = made
                .location()
                .unwrap_or_default()
                .split('?')
                .next()
                .unwrap_or_default()
                .to_owned();
            c.get(&path).await;
            c.post_form(&format!("{path}/status"), &[("to", "published")])
                .await;
            let other = path.rsplit('/').next().unwrap_or_default().to_owned();
            assert_eq!(
                anon.get(&format!("/lv/calendar/{other}/event.ics"))
                    .await
                    .status,
                404
            );
        }
    }
    let feed = anon.get("/lv/calendar.ics").await;
    assert!(!feed.text.contains("Melnraksta"));
    assert!(!feed.text.contains("Slēgtā"));

    // Cancelling keeps the UID and raises SEQUENCE, so calendars replace the entry.
    app.advance_minutes(5);
    c.get(&format!("/lv/events/{id}")).await;
    assert_eq!(
        c.post_form(
            &format!("/lv/events/{id}/status"),
            &[("to", "cancelled"), ("confirm", "1")]
        )
        .await
        .status,
        303
    );
    let after = anon.get(&format!("/lv/calendar/{id}/event.ics")).await;
    assert!(after.text.contains(&uid));
    assert!(after.text.contains("STATUS:CANCELLED"));
    assert!(sequence(&after.text) > before, "SEQUENCE grows");
}

#[tokio::test]
async fn the_calendar_filters_by_type_and_region_and_the_feed_keeps_the_filter() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let title = "Ikgadējā sanāksme (tests)";
    // The fixture event is in Jelgava, a state city of the Zemgale planning region.
    assert!(
        anon.get("/lv/calendar?region=zemgale")
            .await
            .text
            .contains(title)
    );
    assert!(
        !anon
            .get("/lv/calendar?region=kurzeme")
            .await
            .text
            .contains(title)
    );
    assert!(
        !anon
            .get("/lv/calendar?type=workshop")
            .await
            .text
            .contains(title)
    );
    let page = anon
        .get("/lv/calendar?type=annual_coordination&region=nowhere")
        .await;
    assert_eq!(page.status, 200, "an unknown value means any");
    assert!(page.text.contains(title));
    assert!(
        page.text
            .contains("/lv/calendar.ics?type=annual_coordination\""),
        "the subscription link keeps the filter"
    );
    assert!(
        page.text
            .contains("<option value=\"annual_coordination\" selected>")
    );
    assert!(
        !anon
            .get("/lv/calendar.ics?region=latgale")
            .await
            .text
            .contains("SUMMARY:")
    );
    let c = app.login(Role::Coordinator).await;
    assert!(!c.get("/lv/events?region=riga").await.text.contains(title));
    assert!(
        c.get("/lv/events?region=zemgale")
            .await
            .text
            .contains(title)
    );
}

#[tokio::test]
async fn merging_organisations_moves_their_place_in_events_and_undo_restores_it() {
    let app = TestApp::spawn().await;
    let (a, b) = (app.fixtures.org_a, app.fixtures.org_b);
    let cli = store::Actor::cli();
    // A second event organised by both: a as organiser, b as partner.
    let base = store::events::get(&app.db, app.fixtures.event)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let both = store::events::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::events::EventInput {
            event_type: domain::event::EventType::Workshop,
            title_lv: "Kopīgā darbnīca".to_owned(),
            title_en: None,
            description_lv: None,
            description_en: None,
            starts_at: base.starts_at + 86_400,
            ends_at: base.ends_at + 86_400,
            territory_id: None,
            address: None,
            online_url: None,
            series: None,
            capacity: None,
            registration_deadline: None,
            is_public: false,
            objectives: Vec::new(),
            target_group: None,
            host_country: None,
            organisations: vec![(a, "organiser".to_owned()), (b, "partner".to_owned())],
            measures: Vec::new(),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let before = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    let entry = store::merge::merge_organisations(&app.db, app.clock_now(), &cli, b, a)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let orgs = |id| {
        let db = app.db.clone();
        async move {
            store::events::get(&db, id)
                .await
                .map(|e| {
                    e.organisations
                        .into_iter()
                        .map(|(o, _, role)| (o, role))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }
    };
    assert_eq!(
        orgs(app.fixtures.event).await,
        vec![(b, "organiser".to_owned())],
        "the organiser moved to the survivor"
    );
    assert_eq!(
        orgs(both).await,
        vec![(b, "organiser".to_owned())],
        "once, with the stronger role: the event keeps an organiser"
    );
    store::merge::undo(&app.db, app.clock_now(), &cli, entry)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let after = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    let strip = |d: &str| {
        d.split("## ")
            .filter(|s| !s.starts_with("audit_log") && !s.starts_with("sessions"))
            .collect::<Vec<_>>()
            .join("## ")
    };
    // Rows may come back in another physical order; the content is what counts.
    let sorted = |d: String| {
        let mut lines: Vec<String> = d.lines().map(str::to_owned).collect();
        lines.sort();
        lines
    };
    let (b, a) = (sorted(strip(&before)), sorted(strip(&after)));
    let changed: Vec<_> = b
        .iter()
        .filter(|l| !a.contains(l))
        .chain(a.iter().filter(|l| !b.contains(l)))
        .collect();
    assert!(
        changed.is_empty(),
        "undo restores every event's organisers: {changed:?}"
    );
}

#[tokio::test]
async fn a_coordinator_keeps_the_agenda_and_the_public_sees_only_consented_speaker_names() {
    let app = TestApp::spawn().await;
    let id = app.fixtures.event;
    let (anna, eriks) = (app.fixtures.person_a, app.fixtures.person_b);
    let c = app.login(Role::Coordinator).await;
    let agenda = format!("/lv/events/{id}/agenda");
    assert_eq!(c.get(&agenda).await.status, 200);
    let bad = c
        .post_form(
            &agenda,
            &[
                ("start", "11:00"),
                ("end", "10:30"),
                ("title_lv", "  "),
                ("speakers_text", "Kultūras ministrijas pārstāve"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("Beigām jābūt pēc sākuma"));
    assert!(bad.text.contains("Ievadiet punkta nosaukumu"));
    assert!(bad.text.contains("value=\"Kultūras ministrijas pārstāve\""));
    assert!(
        store::agenda::items(&app.db, id)
            .await
            .unwrap_or_default()
            .is_empty(),
        "nothing saved"
    );
    let anna_s = anna.to_string();
    let eriks_s = eriks.to_string();
    for fields in [
        vec![
            ("start", "10:00"),
            ("end", "10:15"),
            ("title_lv", "Atklāšana"),
            ("speakers", anna_s.as_str()),
            ("speakers_text", "Kultūras ministrijas pārstāve"),
        ],
        vec![
            ("start", "10:15"),
            ("title_lv", "Darba grupu ziņojumi"),
            ("speakers", eriks_s.as_str()),
        ],
        vec![("title_lv", "Noslēgums")],
    ] {
        let res = c.post_form(&agenda, &fields).await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let items = store::agenda::items(&app.db, id).await.unwrap_or_default();
    let titles: Vec<_> = items.iter().map(|i| i.title_lv.as_str()).collect();
    assert_eq!(titles, ["Atklāšana", "Darba grupu ziņojumi", "Noslēgums"]);

    // The public page shows the agenda; registry speakers only with a listing consent.
    let anon = app.client();
    let public = anon.get(&format!("/lv/calendar/{id}")).await.text;
    assert!(public.contains("10:00–10:15"));
    assert!(public.contains("Kultūras ministrijas pārstāve"));
    assert!(!public.contains("Anna Ābele") && !public.contains("Ēriks Čakste"));
    store::listings::set(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        store::listings::Subject::Person(anna),
        &["name".to_owned()],
        "2026-11-01",
        "v1",
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let public = anon.get(&format!("/lv/calendar/{id}")).await.text;
    assert!(public.contains("Anna Ābele, Kultūras ministrijas pārstāve"));
    assert!(!public.contains("Ēriks Čakste"));
    assert!(
        c.get(&format!("/lv/events/{id}"))
            .await
            .text
            .contains("Ēriks Čakste"),
        "the workspace names every speaker"
    );

    // Reorder, edit, remove.
    let last = items[2].id;
    let first = items[0].id;
    c.get(&agenda).await;
    assert_eq!(
        c.post_form(&format!("{agenda}/{last}/move"), &[("dir", "up")])
            .await
            .status,
        303
    );
    assert_eq!(
        c.post_form(&format!("{agenda}/{first}/move"), &[("dir", "up")])
            .await
            .status,
        303,
        "the first stays first"
    );
    let titles: Vec<_> = store::agenda::items(&app.db, id)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.title_lv)
        .collect();
    assert_eq!(titles, ["Atklāšana", "Noslēgums", "Darba grupu ziņojumi"]);
    let edit = c.get(&format!("{agenda}/{first}")).await;
    assert!(edit.text.contains("value=\"Atklāšana\""));
    assert!(
        edit.text
            .contains(&format!("<option value=\"{anna}\" selected>"))
    );
    assert_eq!(
        c.post_form(
            &format!("{agenda}/{first}"),
            &[
                ("start", "09:30"),
                ("end", "10:00"),
                ("title_lv", "Atklāšana"),
                ("title_en", "Opening"),
            ],
        )
        .await
        .status,
        303
    );
    let en = anon.get(&format!("/en/calendar/{id}")).await.text;
    assert!(en.contains("Opening") && en.contains("09:30–10:00"));
    assert!(
        !en.contains("Anna Ābele"),
        "the speaker was taken off the item"
    );
    assert_eq!(
        c.post_form(&format!("{agenda}/{last}/delete"), &[])
            .await
            .status,
        303
    );
    assert!(
        !anon
            .get(&format!("/lv/calendar/{id}"))
            .await
            .text
            .contains("Noslēgums")
    );

    // An item is reachable only through its own event.
    c.get("/lv/events/new").await;
    let other = c
        .post_form(
            "/lv/events",
            &[
                ("event_type", "workshop"),
                ("title_lv", "Cita darbnīca"),
                ("date", "2027-02-01"),
                ("start", "10:00"),
                ("end", "12:00"),
            ],
        )
        .await;
    let other = other
        .location()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        c.get(&format!("/lv/events/{other}/agenda/{first}"))
            .await
            .status,
        404
    );
    assert_eq!(
        c.post_form(&format!("/lv/events/{other}/agenda/{first}/delete"), &[])
            .await
            .status,
        404
    );
    assert_eq!(
        store::audit::count(&app.db, "agenda_item_added")
            .await
            .unwrap_or(0),
        3
    );
}

#[tokio::test]
async fn the_month_view_places_events_on_their_days_in_riga_time() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let id = app.fixtures.event;
    let page = anon.get("/lv/calendar?month=2026-12").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("2026. gada decembris"));
    // 1 December 2026 is a Tuesday: one empty cell before, three after the 31st.
    assert_eq!(page.text.matches("class=\"outside\"").count(), 4);
    assert!(
        page.text.contains(&format!(
            "href=\"/lv/calendar/{id}\">10:00 Ikgadējā sanāksme (tests)</a>"
        )),
        "{}",
        page.text
    );
    assert!(page.text.contains("Šajā mēnesī ir 1 pasākums."));
    // On a phone the month is a list of the days that have events (the grid is hidden).
    let list = page
        .text
        .split("<ol class=\"month-list\"")
        .nth(1)
        .and_then(|l| l.split("</ol>").next())
        .unwrap_or_default();
    assert!(list.contains("ceturtdiena, 10."), "{list}");
    assert_eq!(list.matches("<span class=\"day\">").count(), 1, "{list}");
    assert!(page.text.contains("/lv/calendar?month=2026-11"));
    assert!(page.text.contains("/lv/calendar?month=2027-01"));
    let filtered = anon.get("/lv/calendar?type=workshop&month=2026-12").await;
    assert!(filtered.text.contains("Šajā mēnesī pasākumu nav."));
    assert!(
        ["&amp;", "&#38;"].iter().any(|amp| filtered
            .text
            .contains(&format!("/lv/calendar?type=workshop{amp}month=2027-01"))),
        "month links keep the filter"
    );
    let en = anon.get("/en/calendar?month=2026-12").await;
    assert!(en.text.contains("December 2026"));
    assert!(
        anon.get("/lv/calendar?month=2026-13")
            .await
            .text
            .contains("Gaidāmie"),
        "an impossible month falls back to the lists"
    );
    // The fixture clock is in November 2026: that month marks today.
    let nov = anon.get("/lv/calendar?month=2026-11").await;
    assert_eq!(nov.text.matches("aria-current=\"date\"").count(), 1);
}

#[tokio::test]
async fn merging_people_moves_agenda_speakers_and_undo_moves_them_back() {
    let app = TestApp::spawn().await;
    let (anna, eriks) = (app.fixtures.person_a, app.fixtures.person_b);
    let cli = store::Actor::cli();
    let item = store::agenda::add(
        &app.db,
        app.clock_now(),
        &cli,
        app.fixtures.event,
        &store::agenda::ItemInput {
            title_lv: "Paneļdiskusija".into(),
            speaker_ids: vec![anna, eriks],
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let speakers = || {
        let db = app.db.clone();
        async move {
            store::agenda::items(&db, app.fixtures.event)
                .await
                .unwrap_or_default()
                .into_iter()
                .find(|i| i.id == item)
                .map(|i| i.speakers.iter().map(|s| s.person_id).collect::<Vec<_>>())
                .unwrap_or_default()
        }
    };
    let entry =
        store::merge::merge_people(&app.db, app.clock_now(), "2026-11-25", &cli, anna, eriks)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        speakers().await,
        vec![anna],
        "the same person is named once"
    );
    store::merge::undo(&app.db, app.clock_now(), &cli, entry)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(speakers().await, vec![anna, eriks]);
}

#[tokio::test]
async fn a_public_draft_cancelled_before_publication_never_reaches_the_public() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/events/new").await;
    let made = c
        .post_form(
            "/lv/events",
            &[
                ("event_type", "workshop"),
                ("title_lv", "Nepublicēta darbnīca"),
                ("description_lv", "Iekšēja piezīme"),
                ("date", "2026-12-15"),
                ("start", "10:00"),
                ("end", "12:00"),
                ("is_public", "1"),
            ],
        )
        .await;
    let path = made
        .location()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    let id = path.rsplit('/').next().unwrap_or_default().to_owned();
    c.get(&path).await;
    assert_eq!(
        c.post_form(
            &format!("{path}/status"),
            &[("to", "cancelled"), ("confirm", "1")]
        )
        .await
        .status,
        303
    );
    let anon = app.client();
    for page in [
        "/lv/calendar".to_owned(),
        "/lv/calendar?month=2026-12".to_owned(),
        "/lv/calendar.ics".to_owned(),
    ] {
        assert!(
            !anon.get(&page).await.text.contains("Nepublicēta"),
            "{page}"
        );
    }
    assert_eq!(anon.get(&format!("/lv/calendar/{id}")).await.status, 404);
    assert_eq!(
        anon.get(&format!("/lv/calendar/{id}/event.ics"))
            .await
            .status,
        404
    );
    assert!(
        c.get("/lv/events").await.text.contains("Nepublicēta"),
        "the workspace still lists it"
    );
}

/// A meeting still to come cannot be marked held, minuted or checked into — each refusal
/// says why — and once it has begun (or afterwards, for a meeting recorded late) it can.
#[tokio::test]
async fn a_meeting_still_to_come_is_not_held_minuted_or_checked_into() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    crate::registrations::register_publicly(&app, event, "Ilze Testa", "ilze@example.invalid")
        .await;
    let id = ok(store::registrations::for_event(&app.db, event).await)[0].id;
    let c = app.login(Role::Coordinator).await;
    let status = format!("/lv/events/{event}/status");
    let minutes = format!("/lv/events/{event}/minutes");
    let res = c.post_form(&status, &[("to", "registration_closed")]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    // No "held" button yet, and the page says when it comes.
    let page = c.get(&format!("/lv/events/{event}")).await;
    assert!(!page.text.contains("value=\"held\""), "{}", page.text);
    assert!(
        page.text
            .contains("Kad pasākums būs sācies, to varēs atzīmēt kā notikušu")
    );
    // Sent anyway: refused in words.
    let res = c.post_form(&status, &[("to", "held")]).await;
    assert_eq!(res.status, 303);
    let back = c.get(res.location().unwrap_or_default()).await;
    assert!(
        back.text
            .contains("Pasākumu var atzīmēt kā notikušu, kad tas ir sācies."),
        "{}",
        back.text
    );
    // Minutes: refused next to the summary, what was typed kept.
    let res = c
        .post_form(&minutes, &[("summary_lv", "Vienojās par skolu sarakstu.")])
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text
            .contains("Protokolu var rakstīt, kad sanāksme ir sākusies.")
    );
    assert!(res.text.contains("Vienojās par skolu sarakstu."));
    assert!(res.text.contains("<title>Kļūda: "));
    // Check-in before the day.
    let res = c
        .post_form(
            &format!("/lv/events/{event}/attendance/check-in"),
            &[("registration", &id.to_string())],
        )
        .await;
    let back = c.get(res.location().unwrap_or_default()).await;
    assert!(
        back.text.contains("Dalību var atzīmēt no pasākuma dienas."),
        "{}",
        back.text
    );
    // The feedback page does not claim that everyone was asked when nobody was.
    let page = c.get(&format!("/lv/events/{event}/feedback")).await;
    assert!(!page.text.contains("jau ir aptaujāti"), "{}", page.text);

    // Once it has begun: held, minuted, checked into.
    app.after_the_event_began();
    let c = app.login(Role::Coordinator).await;
    let res = c.post_form(&status, &[("to", "held")]).await;
    assert_eq!(
        res.location(),
        Some(format!("/lv/events/{event}?notice=status").as_str())
    );
    let res = c
        .post_form(&minutes, &[("summary_lv", "Vienojās par skolu sarakstu.")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = c
        .post_form(
            &format!("/lv/events/{event}/attendance/check-in"),
            &[("registration", &id.to_string())],
        )
        .await;
    let back = c.get(res.location().unwrap_or_default()).await;
    assert!(!back.text.contains("Dalību var atzīmēt no pasākuma dienas."));
    // Held, it cannot be moved to a start still to come.
    let res = c
        .post_form(
            &format!("/lv/events/{event}"),
            &[
                ("event_type", "annual_coordination"),
                ("title_lv", "Ikgadējā sanāksme (tests)"),
                ("date", "2027-01-20"),
                ("start", "10:00"),
                ("end", "13:00"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("tā sākumu nevar pārcelt uz nākotni"),
        "{}",
        res.text
    );
    app.stop().await;
}

/// Issue 20, item 6: an event saved by someone else meanwhile is not overwritten; the form
/// comes back with what differs (in words) and the typing kept, and saves once merged.
#[tokio::test]
async fn an_event_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let first = app.login(Role::Coordinator).await;
    let second = app.login(Role::Coordinator).await;
    let made = first
        .post_form(
            "/lv/events",
            &[
                ("event_type", "regional_expert"),
                ("title_lv", "Kurzemes ekspertu sanāksme"),
                ("date", "2027-01-20"),
                ("start", "10:00"),
                ("end", "14:00"),
            ],
        )
        .await;
    let id = made
        .location()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let version = crate::form_version;
    let loaded = version(&first.get(&format!("/lv/events/{id}/edit")).await.text);
    let also = version(&second.get(&format!("/lv/events/{id}/edit")).await.text);
    let path = format!("/lv/events/{id}");
    let send = |c: &testkit::Client, title: &'static str, end: &'static str, v: String| {
        let c = c.clone();
        let path = path.clone();
        async move {
            c.post_form(
                &path,
                &[
                    ("event_type", "regional_expert"),
                    ("title_lv", title),
                    ("date", "2027-01-20"),
                    ("start", "10:00"),
                    ("end", end),
                    ("version", &v),
                ],
            )
            .await
        }
    };
    let saved = send(&second, "Kurzemes ekspertu sanāksme", "16:00", also).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let refused = send(
        &first,
        "Kurzemes un Zemgales ekspertu sanāksme",
        "14:00",
        loaded,
    )
    .await;
    assert_eq!(refused.status, 409);
    assert!(refused.text.contains("Kāds cits saglabāja šo ierakstu"));
    assert!(refused.text.contains("16:00"), "the stored end shown");
    assert!(
        refused
            .text
            .contains("value=\"Kurzemes un Zemgales ekspertu sanāksme\"")
    );
    let merged = send(
        &first,
        "Kurzemes un Zemgales ekspertu sanāksme",
        "16:00",
        version(&refused.text),
    )
    .await;
    assert_eq!(merged.status, 303, "{}", merged.text);
}

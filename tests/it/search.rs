//! The workspace search (issue 19, item 3): one box in the header, every kind of record by
//! name or title with diacritics ignored and word starts, each hit only where the user may
//! see it — and a mediator's families only for that mediator.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

fn actor(app: &TestApp, role: Role) -> store::Actor {
    store::Actor {
        user_id: Some(app.user_id(role)),
        label: None,
        ip: None,
    }
}

#[tokio::test]
async fn the_header_box_finds_records_by_word_starts_without_diacritics() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    // The box is in the header of every workspace page, not on the public site for a guest.
    assert!(
        c.get("/lv/workspace")
            .await
            .text
            .contains("id=\"header-q\"")
    );
    assert!(
        !app.client()
            .get("/lv/calendar")
            .await
            .text
            .contains("id=\"header-q\"")
    );
    let page = c.get("/lv/search?q=ikgadeja+sanaksm").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("<title>Meklēšana: ikgadeja sanaksm"),
        "{}",
        page.text
    );
    assert!(
        page.text.contains(&format!(
            "<a href=\"/lv/events/{}\">Ikgadējā sanāksme (tests)</a>",
            app.fixtures.event
        )),
        "{}",
        page.text
    );
    // People and organisations by any word's start, in any case.
    let page = c.get("/lv/search?q=ABEL").await;
    assert!(
        page.text.contains(&format!(
            "<a href=\"/lv/people/{}\">Anna Ābele</a> <span class=\"hint\">· Testa pilsētas pašvaldība</span>",
            app.fixtures.person_a
        )),
        "with the organisation, so namesakes differ: {}",
        page.text
    );
    let page = c.get("/lv/search?q=pasvaldibas+bir").await;
    assert!(
        page.text.contains(&format!(
            "<a href=\"/lv/organisations/{}\">Citas pašvaldības birojs</a>",
            app.fixtures.org_b
        )),
        "{}",
        page.text
    );
    // One kind whole: "kind=events" shows only the events.
    let one = c.get("/lv/search?q=ikgad&kind=events").await;
    assert!(
        one.text.contains("Ikgadējā sanāksme (tests)"),
        "{}",
        one.text
    );
    assert!(!one.text.contains("id=\"people\""), "{}", one.text);
    // A word's middle is not a start; nothing found says so.
    let none = c.get("/lv/search?q=gadeja").await;
    assert!(none.text.contains("Nekas netika atrasts."), "{}", none.text);
    // In English the English title; a Latvian-only title is marked as Latvian.
    let en = c.get("/en/search?q=annual").await;
    assert!(
        en.text.contains(">Annual meeting (test)</a>"),
        "{}",
        en.text
    );
    let en = c.get("/en/search?q=abele").await;
    assert!(
        en.text.contains("lang=\"lv\">Anna Ābele</a>"),
        "{}",
        en.text
    );
    // Bounded: a very long query is cut, not refused; an empty one shows the form only.
    let long = "a".repeat(5000);
    assert_eq!(c.get(&format!("/lv/search?q={long}")).await.status, 200);
    let empty = c.get("/lv/search").await;
    assert!(!empty.text.contains("role=\"status\""), "{}", empty.text);
}

#[tokio::test]
async fn each_hit_only_where_the_user_may_see_it_and_families_only_for_their_mediator() {
    let app = TestApp::spawn().await;
    // An action of the municipality's organisation: its user finds it, an NGO does not.
    ok(store::actions::create(
        &app.db,
        app.clock_now(),
        &actor(&app, Role::Coordinator),
        app.fixtures.event,
        &store::actions::ActionInput {
            title_lv: "Sagatavot skolu sarakstu".to_owned(),
            title_en: None,
            owner_organisation_id: app.fixtures.org_a,
            due_date: Some(jiff::civil::date(2026, 12, 20)),
            measures: Vec::new(),
        },
    )
    .await);
    let m = app.login(Role::Municipality).await;
    let page = m.get("/lv/search?q=skolu+sarakst").await;
    assert!(
        page.text.contains("Sagatavot skolu sarakstu"),
        "{}",
        page.text
    );
    assert!(page.text.contains("termiņš 2026-12-20"), "{}", page.text);
    let ngo = app.login(Role::Ngo).await;
    assert!(
        !ngo.get("/lv/search?q=skolu+sarakst")
            .await
            .text
            .contains("Sagatavot skolu sarakstu")
    );
    // A practice in draft: its author and the coordinators find it, others do not.
    let place = crate::practices::place(&app, "jelgava").await;
    let p = crate::practices::practice("Melnraksta prakse", "Kopsavilkums.", "Teksts.", place);
    let id = ok(store::practices::save(
        &app.db,
        app.clock_now(),
        &actor(&app, Role::Ngo),
        store::practices::Editor {
            user_id: app.user_id(Role::Ngo),
            organisation_id: None,
            coordinator: false,
        },
        &p,
        false,
    )
    .await);
    let own = ngo.get("/lv/search?q=melnraksta").await;
    assert!(
        own.text.contains(&format!(
            "/lv/practice-submissions/{id}\">Melnraksta prakse"
        )),
        "{}",
        own.text
    );
    let c = app.login(Role::Coordinator).await;
    assert!(
        c.get("/lv/search?q=melnraksta")
            .await
            .text
            .contains("Melnraksta prakse")
    );
    assert!(
        !m.get("/lv/search?q=melnraksta")
            .await
            .text
            .contains("Melnraksta prakse")
    );

    // A mediator's family by its code: only that mediator.
    let jelgava = crate::mediation::assign(&app).await.to_string();
    let mediator = app.login(Role::Mediator).await;
    let res = mediator
        .post_form("/lv/mediation/families", &[("territory_id", &jelgava)])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let family = ok(store::mediation::families(
        &app.db,
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
    )
    .await);
    let code = family[0].code.clone();
    let q = code.to_lowercase();
    let found = mediator.get(&format!("/lv/search?q={q}")).await;
    assert!(
        found.text.contains(&format!(
            "<a href=\"/lv/mediation/families/{}\">{code}</a>",
            family[0].id
        )),
        "{}",
        found.text
    );
    for other in [&c, &m, &ngo] {
        let page = other.get(&format!("/lv/search?q={q}")).await;
        assert!(!page.text.contains(&code), "{}", page.text);
        assert!(!page.text.contains("/mediation/families/"));
    }
}

/// A measure's code finds the measures under it by the code's start, in the code's order —
/// not every title with a 1 in it; a list of one kind counts that kind and leads back.
#[tokio::test]
async fn a_measure_code_finds_the_measures_under_it() {
    let app = TestApp::spawn().await;
    let s = crate::plans::seed(&app).await;
    let cli = store::Actor::cli();
    for code in ["1.1.10", "1.1.2", "2.1.1"] {
        let mut m = crate::plans::measure_input(&app, Some(s.task), "2027-12-31");
        m.code = code.to_owned();
        m.title_lv = format!("Pasākums {code} (tests)");
        ok(store::measures::create(&app.db, app.clock_now(), &cli, s.plan, &m).await);
    }
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/search?q=1.1").await;
    let found: Vec<&str> = page
        .text
        .split(">1.")
        .skip(1)
        .filter_map(|p| p.split(' ').next())
        .collect();
    assert_eq!(found, ["1.1", "1.2", "1.10"], "{}", page.text);
    assert!(!page.text.contains("2.1.1"), "{}", page.text);
    let exact = c.get("/lv/search?q=1.1.2").await;
    assert!(exact.text.contains(">1.1.2 Pasākums"), "{}", exact.text);
    assert!(!exact.text.contains(">1.1.1 "), "{}", exact.text);
    assert!(!exact.text.contains(">1.1.10 "), "{}", exact.text);
    // One kind: its own count, and the way back to every kind.
    let one = c.get("/lv/search?q=pas&kind=measures").await;
    assert!(one.text.contains("Atrasti 3 ieraksti."), "{}", one.text);
    assert!(
        one.text
            .contains("href=\"/lv/search?q=pas\">← Visu veidu rezultāti"),
        "{}",
        one.text
    );
}

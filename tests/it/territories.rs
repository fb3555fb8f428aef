//! Territories: the reference data, the 2025 merger, search without diacritics, the page
//! and the API.

use domain::auth::Role;
use domain::territory::Kind;
use jiff::civil::date;
use testkit::TestApp;

async fn find(app: &TestApp, name: &str, kind: Kind) -> store::territories::Territory {
    store::territories::search(&app.db, name, 50)
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|t| t.name_lv == name && t.kind == kind)
        .unwrap_or_else(|| panic!("{name} ({kind:?}) not found"))
}

#[tokio::test]
async fn forty_two_local_governments_today_and_forty_three_before_july_2025() {
    let app = TestApp::spawn().await;
    let today = store::territories::units_on(&app.db, date(2026, 11, 26))
        .await
        .unwrap_or_default();
    assert_eq!(today.len(), 42);
    assert_eq!(
        today.iter().filter(|t| t.kind == Kind::StateCity).count(),
        7
    );
    let before = store::territories::units_on(&app.db, date(2025, 6, 30))
        .await
        .unwrap_or_default();
    assert_eq!(before.len(), 43);
    assert!(before.iter().any(|t| t.name_lv == "Varakļānu novads"));
    assert!(!today.iter().any(|t| t.name_lv == "Varakļānu novads"));
    // Every unit has its ISO 3166-2 code and a planning region.
    for t in &before {
        assert!(
            t.iso_3166_2
                .as_deref()
                .is_some_and(|c| c.starts_with("LV-")),
            "{}",
            t.name_lv
        );
        assert!(
            t.planning_region.is_some(),
            "{} has no planning region",
            t.name_lv
        );
    }
}

#[tokio::test]
async fn a_2024_record_in_varaklani_reads_varaklani_and_today_madona() {
    let app = TestApp::spawn().await;
    let novads = find(&app, "Varakļānu novads", Kind::Municipality).await;
    let in_2024 = store::territories::unit_on(&app.db, novads.id, date(2024, 5, 1)).await;
    assert_eq!(
        in_2024.map(|t| t.name_lv).unwrap_or_default(),
        "Varakļānu novads"
    );
    let now = store::territories::unit_on(&app.db, novads.id, date(2026, 11, 26)).await;
    assert_eq!(now.map(|t| t.name_lv).unwrap_or_default(), "Madonas novads");
    let town = find(&app, "Varakļāni", Kind::Town).await;
    let town_2024 = store::territories::unit_on(&app.db, town.id, date(2024, 5, 1)).await;
    assert_eq!(
        town_2024.map(|t| t.name_lv).unwrap_or_default(),
        "Varakļānu novads"
    );
    let town_now = store::territories::unit_on(&app.db, town.id, date(2025, 7, 1)).await;
    assert_eq!(
        town_now.map(|t| t.name_lv).unwrap_or_default(),
        "Madonas novads"
    );
}

#[tokio::test]
async fn old_names_and_towns_map_to_todays_units() {
    let app = TestApp::spawn().await;
    let on = date(2026, 11, 26);
    for (town, unit) in [
        ("Viļaka", "Balvu novads"),
        ("Sabile", "Talsu novads"),
        ("Kandava", "Tukuma novads"),
        ("Rūjiena", "Valmieras novads"),
        ("Dobele", "Dobeles novads"),
        ("Valmiera", "Valmieras novads"),
    ] {
        let t = find(&app, town, Kind::Town).await;
        let u = store::territories::unit_on(&app.db, t.id, on).await;
        assert_eq!(u.map(|u| u.name_lv).unwrap_or_default(), unit, "{town}");
    }
    // Before the reform Kandava was its own municipality.
    let kandava = find(&app, "Kandava", Kind::Town).await;
    let then = store::territories::unit_on(&app.db, kandava.id, date(2020, 3, 1)).await;
    assert_eq!(
        then.map(|u| u.name_lv).unwrap_or_default(),
        "Kandavas novads"
    );
    let former = find(&app, "Viļakas novads", Kind::FormerMunicipality).await;
    let now = store::territories::unit_on(&app.db, former.id, on).await;
    assert_eq!(now.map(|u| u.name_lv).unwrap_or_default(), "Balvu novads");
}

#[tokio::test]
async fn search_ignores_diacritics_and_case_and_finds_partners_abroad() {
    let app = TestApp::spawn().await;
    let hits = store::territories::search(&app.db, "vilaka", 10)
        .await
        .unwrap_or_default();
    assert_eq!(hits.first().map(|t| t.name_lv.as_str()), Some("Viļaka"));
    let hits = store::territories::search(&app.db, "RĒZEKNE", 10)
        .await
        .unwrap_or_default();
    assert_eq!(
        hits.first().map(|t| t.kind),
        Some(Kind::StateCity),
        "the state city first"
    );
    for (q, country) in [
        ("Valga", "EE"),
        ("Tallinn", "EE"),
        ("Vilnius", "LT"),
        ("Viļņa", "LT"),
    ] {
        let hits = store::territories::search(&app.db, q, 10)
            .await
            .unwrap_or_default();
        assert!(
            hits.iter()
                .any(|t| t.kind == Kind::Foreign && t.country == country),
            "{q}: {hits:?}"
        );
    }
    assert!(
        store::territories::search(&app.db, "%", 10)
            .await
            .unwrap_or_default()
            .is_empty()
    );
}

#[tokio::test]
async fn the_territories_page_searches_and_answers_for_a_date() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Municipality).await;
    let page = c.get("/lv/territories").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("42 pašvaldības"), "today's count");
    let page = c.get("/lv/territories?on=2025-01-15").await;
    assert!(page.text.contains("43 pašvaldības"));
    let page = c.get("/lv/territories?q=Vilaka").await;
    assert!(page.text.contains("Viļaka") && page.text.contains("Balvu novads"));
    let page = c.get("/en/territories?q=varaklani&on=2024-03-01").await;
    assert!(page.text.contains("Varakļānu novads") || page.text.contains("Varakļāni Municipality"));
    let bad = c.get("/lv/territories?on=2024-02-31").await;
    assert_eq!(bad.status, 200);
    assert!(bad.text.contains("piemēram, 2026-12-10") && bad.text.contains("value=\"2024-02-31\""));
}

#[tokio::test]
async fn the_territories_api_lists_units_and_places() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Ngo).await;
    let units = c.get("/api/v1/territories").await;
    assert_eq!(units.status, 200);
    assert_eq!(units.json()["items"].as_array().map(Vec::len), Some(42));
    let hits = c
        .get("/api/v1/territories?q=Varak%C4%BC%C4%81ni&on=2024-01-01")
        .await
        .json()["items"]
        .clone();
    let town = hits
        .as_array()
        .and_then(|a| a.iter().find(|t| t["kind"] == "town"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(town["unit"]["name_lv"], "Varakļānu novads");
    assert_eq!(c.get("/api/v1/territories?on=yesterday").await.status, 422);
}

#[tokio::test]
async fn filtering_by_madona_finds_what_was_recorded_in_varaklani() {
    let app = TestApp::spawn().await;
    let town = find(&app, "Varakļāni", Kind::Town).await;
    let madona = find(&app, "Madonas novads", Kind::Municipality).await;
    store::people::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::people::PersonInput {
            name: "Varakļānu Iedzīvotāja".into(),
            preferred_lang: "lv".into(),
            territory_id: Some(town.id),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let filter = store::people::PersonFilter {
        territory_id: Some(madona.id),
        ..Default::default()
    };
    let (rows, total) = store::people::list(
        &app.db,
        &filter,
        date(2026, 11, 26),
        store::Window::page(0, 50),
    )
    .await
    .unwrap_or_default();
    assert_eq!(total, 1, "{rows:?}");
}

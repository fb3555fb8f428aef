//! Issue 20, item 6: no silent overwrites, for the forms not covered beside their feature's
//! other tests (people, organisations, events, plans and measures are in directory.rs,
//! events.rs and plans.rs). Each test: two coordinators open the same form; the second
//! saves; the first's save is refused (409) with the stored value shown in words and the
//! typing kept; saved again with the version the refusal carries, it goes through.

use domain::auth::Role;
use testkit::{Client, TestApp};

use crate::{form_version, ok};

/// The race on one form: `theirs` saved first, `mine` refused, then merged.
#[expect(
    clippy::too_many_arguments,
    reason = "two editors, the form's two addresses, both submissions and what the refusal must show"
)]
async fn refused_then_merged(
    first: &Client,
    second: &Client,
    edit: &str,
    post: &str,
    theirs: &[(&str, &str)],
    mine: &[(&str, &str)],
    shown: &str,
    kept: &str,
) {
    let page = first.get(edit).await;
    assert_eq!(page.status, 200, "{}", page.text);
    let loaded = form_version(&page.text);
    assert!(!loaded.is_empty(), "the form carries its version");
    let also = form_version(&second.get(edit).await.text);
    let with = |fields: &[(&str, &str)], v: &str| {
        let mut f: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        f.push(("version".to_owned(), v.to_owned()));
        f
    };
    let post_as = |c: &Client, f: Vec<(String, String)>| {
        let c = c.clone();
        let post = post.to_owned();
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            c.post_form(&post, &f).await
        }
    };
    let saved = post_as(second, with(theirs, &also)).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let refused = post_as(first, with(mine, &loaded)).await;
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert!(
        refused.text.contains("Kāds cits saglabāja šo ierakstu"),
        "{}",
        refused.text
    );
    assert!(refused.text.contains(shown), "{shown}: {}", refused.text);
    assert!(refused.text.contains(kept), "{kept} kept: {}", refused.text);
    let now = form_version(&refused.text);
    assert_ne!(now, loaded, "the refusal carries the current version");
    let merged = post_as(first, with(mine, &now)).await;
    assert_eq!(merged.status, 303, "{}", merged.text);
    // A version that is no number is refused as stale, with the current one to go on.
    let garbled = post_as(first, with(mine, "abc")).await;
    assert_eq!(garbled.status, 409, "{}", garbled.text);
    // A save without any version (an old tab, a script) is not checked, as before.
    let unchecked = post_as(first, with(mine, "")).await;
    assert_eq!(unchecked.status, 303, "{}", unchecked.text);
}

#[tokio::test]
async fn an_indicator_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let s = crate::plans::seed(&app).await;
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    let edit = |target: &'static str| {
        vec![
            ("kind", "outcome"),
            ("objective", "employment"),
            ("direction", "higher"),
            ("name_lv", "Nodarbinātības līmenis (tests)"),
            ("unit_lv", "%"),
            ("baseline_value", "43"),
            ("baseline_general", "72"),
            ("baseline_year", "2023"),
            ("target_value", target),
            ("target_year", "2030"),
            ("source_lv", "Izdomāti testa dati"),
            ("eu_target", "employment_gap"),
            ("reason", "Pārskatīts"),
        ]
    };
    refused_then_merged(
        &first,
        &second,
        &format!("/lv/indicators/{}/edit", s.indicator),
        &format!("/lv/indicators/{}", s.indicator),
        &edit("55,5"),
        &edit("61"),
        "<dd>55,5</dd>",
        "value=\"61\"",
    )
    .await;
    let i = ok(store::indicators::get(&app.db, s.indicator).await);
    assert_eq!(i.target_value, Some(61.0), "the merged save went through");
}

#[tokio::test]
async fn an_agenda_item_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let id = app.fixtures.event;
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    let agenda = format!("/lv/events/{id}/agenda");
    let res = first
        .post_form(&agenda, &[("start", "10:00"), ("title_lv", "Atklāšana")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let item = ok(store::agenda::items(&app.db, id).await)[0].id;
    refused_then_merged(
        &first,
        &second,
        &format!("{agenda}/{item}"),
        &format!("{agenda}/{item}"),
        &[("start", "10:30"), ("title_lv", "Atklāšana")],
        &[("start", "10:00"), ("title_lv", "Atklāšana un ievads")],
        "<dd>10:30</dd>",
        "value=\"Atklāšana un ievads\"",
    )
    .await;
}

#[tokio::test]
async fn a_practice_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    let ventspils = crate::practices::place(&app, "ventspils").await.to_string();
    let form = |summary: &'static str, place: &str| {
        let mut f: Vec<(&str, String)> = vec![
            ("title_lv", "Mācību atbalsts romu bērniem".to_owned()),
            ("summary_lv", summary.to_owned()),
            ("problem_lv", "Bērni kavēja skolu.".to_owned()),
            ("activities_lv", "Nodarbības pēc stundām.".to_owned()),
            ("results_lv", "18 no 24 pabeidza gadu.".to_owned()),
            ("targets", "children".to_owned()),
            ("areas", "education".to_owned()),
            ("year_from", "2024".to_owned()),
            ("implementers", "Biedrība (tests)".to_owned()),
        ];
        f.push(("territory_id", place.to_owned()));
        f
    };
    let made = first
        .post_form(
            "/lv/practice-submissions/new/edit",
            &form("Palīgs divreiz nedēļā.", &ventspils)
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text);
    let id = made
        .location()
        .unwrap_or_default()
        .trim_start_matches("/lv/practice-submissions/")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    let (theirs, mine) = (
        form("Palīgs trīsreiz nedēļā.", &ventspils),
        form("Palīgs katru dienu.", &ventspils),
    );
    let theirs: Vec<(&str, &str)> = theirs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mine: Vec<(&str, &str)> = mine.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let path = format!("/lv/practice-submissions/{id}/edit");
    refused_then_merged(
        &first,
        &second,
        &path,
        &path,
        &theirs,
        &mine,
        "Palīgs trīsreiz nedēļā.",
        "Palīgs katru dienu.",
    )
    .await;
}

#[tokio::test]
async fn a_story_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    let id = crate::stories::write_story(&first, "No skolas līdz diplomam").await;
    let form = |title: &'static str| {
        vec![
            ("person_name", "Laura Paraugs"),
            ("title_lv", title),
            ("summary_lv", "Pabeidza koledžu."),
            ("body_lv", "Viņa strādā slimnīcā."),
        ]
    };
    let path = format!("/lv/site/stories/{id}/edit");
    refused_then_merged(
        &first,
        &second,
        &path,
        &path,
        &form("Ceļš līdz diplomam"),
        &form("No skolas līdz darbam"),
        "<dd>Ceļš līdz diplomam</dd>",
        "value=\"No skolas līdz darbam\"",
    )
    .await;
}

#[tokio::test]
async fn a_news_item_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    let form = |title: &'static str| {
        vec![
            ("kind", "announcement"),
            ("title_lv", title),
            ("summary_lv", "Sanāksme Jelgavā."),
            ("body_lv", "Sīkāk drīzumā."),
        ]
    };
    let made = first
        .post_form("/lv/site/news/new/edit", &form("Ikgadējā sanāksme"))
        .await;
    assert_eq!(made.status, 303, "{}", made.text);
    let id = ok(store::news::all(&app.db).await)[0].id;
    let path = format!("/lv/site/news/{id}/edit");
    refused_then_merged(
        &first,
        &second,
        &path,
        &path,
        &form("Ikgadējā koordinācijas sanāksme"),
        &form("Sanāksme pārcelta"),
        "<dd>Ikgadējā koordinācijas sanāksme</dd>",
        "value=\"Sanāksme pārcelta\"",
    )
    .await;
}

#[tokio::test]
async fn a_site_page_saved_meanwhile_is_not_overwritten_even_before_its_first_save() {
    let app = TestApp::spawn().await;
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    // Both open the page before it was ever saved: the first save of it is the second's.
    let path = "/lv/site/pages/contacts/edit";
    refused_then_merged(
        &first,
        &second,
        path,
        path,
        &[
            ("title_lv", "Kontakti"),
            ("body_lv", "Tālrunis 000 (tests)"),
        ],
        &[
            ("title_lv", "Kā sazināties"),
            ("body_lv", "E-pasts (tests)"),
        ],
        "<dd>Kontakti</dd>",
        "value=\"Kā sazināties\"",
    )
    .await;
    // A page never saved, sent with a version it never had: refused, compared with nothing.
    let refused = first
        .post_form(
            "/lv/site/pages/who-is-who/edit",
            &[
                ("title_lv", "Kas ir kas"),
                ("body_lv", "Teksts (tests)"),
                ("version", "5"),
            ],
        )
        .await;
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert_eq!(form_version(&refused.text), "0");
}

#[tokio::test]
async fn a_supervisor_change_made_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    let jelgava = crate::practices::place(&app, "jelgava").await.to_string();
    let res = first
        .post_form(
            "/lv/mediation/assignments",
            &[
                ("mediator", &app.user_id(Role::Mediator).to_string()),
                ("territory_id", &jelgava),
                ("from_date", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let a = ok(store::mediation::assignments(&app.db).await)[0].clone();
    let page = format!("/lv/mediation/assignments/{}/supervisor", a.id);
    let loaded = form_version(&first.get(&page).await.text);
    let also = form_version(&second.get(&page).await.text);
    let me = app.user_id(Role::Coordinator).to_string();
    // The second proposes a supervisor; the first, on the page loaded before, chose none
    // (which would remove the proposal at once): refused, with the proposal in words.
    let proposed = second
        .post_form(&page, &[("supervisor", &me), ("version", &also)])
        .await;
    assert_eq!(proposed.status, 303, "{}", proposed.text);
    let refused = first
        .post_form(&page, &[("supervisor", ""), ("version", &loaded)])
        .await;
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert!(refused.text.contains("Kāds cits saglabāja šo ierakstu"));
    let a = ok(store::mediation::assignments(&app.db).await)[0].clone();
    assert!(a.proposal.is_some(), "the proposal stays: {a:?}");
    let now = form_version(&refused.text);
    let removed = first
        .post_form(&page, &[("supervisor", ""), ("version", &now)])
        .await;
    assert_eq!(removed.status, 303, "{}", removed.text);
    let a = ok(store::mediation::assignments(&app.db).await)[0].clone();
    assert!(a.proposal.is_none(), "{a:?}");
}

#[tokio::test]
async fn the_privacy_registers_and_minutes_saved_meanwhile_are_not_overwritten() {
    let app = TestApp::spawn().await;
    // After the fixture's meeting (10 December), so its minutes can be written.
    app.advance_to(
        jiff::civil::date(2026, 12, 11),
        jiff::civil::time(9, 0, 0, 0),
    );
    let (first, second) = (
        app.login(Role::Coordinator).await,
        app.login(Role::Coordinator).await,
    );
    let cli = store::Actor::cli();
    let request = ok(store::subject_requests::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::subject_requests::RequestInput {
            kind: domain::privacy::RequestKind::Access,
            person_id: None,
            requester_name: "Pieprasītājs (tests)".to_owned(),
            requester_email: Some("pieprasitajs@example.invalid".to_owned()),
            reply_to: None,
            received_on: jiff::civil::date(2026, 12, 10),
            details: "Lūdz savus datus (tests).".to_owned(),
            identity_checked: None,
            extension_reason: None,
            outcome: None,
            closed_on: None,
            response: None,
        },
    )
    .await);
    let form = |identity: &'static str| {
        vec![
            ("kind", "access"),
            ("requester_name", "Pieprasītājs (tests)"),
            ("requester_email", "pieprasitajs@example.invalid"),
            ("received_on", "2026-12-10"),
            ("details", "Lūdz savus datus (tests)."),
            ("identity_checked", identity),
        ]
    };
    let path = format!("/lv/privacy/requests/{request}");
    refused_then_merged(
        &first,
        &second,
        &path,
        &path,
        &form("Pārbaudīts klātienē"),
        &form("Pārbaudīts ar e-parakstu"),
        "<dd>Pārbaudīts klātienē</dd>",
        "value=\"Pārbaudīts ar e-parakstu\"",
    )
    .await;

    let breach = ok(store::breaches::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::breaches::BreachInput {
            title: "Saraksts nosūtīts nepareizi (tests)".to_owned(),
            discovered_at: app.clock_now() - 3600,
            occurred_on: None,
            what_happened: "Vēstule nepareizai adresei (tests).".to_owned(),
            categories: vec!["participation".to_owned()],
            people_count: Some(3),
            consequences: "Maz ticamas (tests).".to_owned(),
            measures: "Lūgts dzēst (tests).".to_owned(),
            risk: domain::privacy::BreachRisk::Risk,
            authority_notified_at: None,
            authority_reference: None,
            not_notified_reason: None,
            delay_reason: None,
            people_told_on: None,
            people_not_told_reason: None,
            closed_on: None,
        },
    )
    .await);
    let path = format!("/lv/privacy/breaches/{breach}");
    let page = first.get(&path).await.text;
    let field = |name: &str| {
        page.split(&format!("name=\"{name}\" value=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    let (date, time) = (field("discovered_date"), field("discovered_time"));
    let form = |measures: &'static str| {
        vec![
            ("title", "Saraksts nosūtīts nepareizi (tests)".to_owned()),
            ("discovered_date", date.clone()),
            ("discovered_time", time.clone()),
            (
                "what_happened",
                "Vēstule nepareizai adresei (tests).".to_owned(),
            ),
            ("categories", "participation".to_owned()),
            ("people_count", "3".to_owned()),
            ("consequences", "Maz ticamas (tests).".to_owned()),
            ("measures", measures.to_owned()),
            ("risk", "risk".to_owned()),
        ]
    };
    let (theirs, mine) = (
        form("Saņēmējs dzēsa (tests)."),
        form("Zvanīts saņēmējam (tests)."),
    );
    let theirs: Vec<(&str, &str)> = theirs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mine: Vec<(&str, &str)> = mine.iter().map(|(k, v)| (*k, v.as_str())).collect();
    refused_then_merged(
        &first,
        &second,
        &path,
        &path,
        &theirs,
        &mine,
        "Saņēmējs dzēsa (tests).",
        "Zvanīts saņēmējam (tests).",
    )
    .await;

    let id = app.fixtures.event;
    let path = format!("/lv/events/{id}/minutes");
    refused_then_merged(
        &first,
        &second,
        &path,
        &path,
        &[("summary_lv", "Sanāksmē pārrunāja plānu (tests).")],
        &[("summary_lv", "Sanāksmē vienojās par darbībām (tests).")],
        "Sanāksmē pārrunāja plānu (tests).",
        "Sanāksmē vienojās par darbībām (tests).",
    )
    .await;
}

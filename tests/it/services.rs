//! Issue 21, item 3: the services directory — kept by coordinators and the provider's own
//! users (others' entries are 404 to them), public while in force, searchable without
//! diacritics by area, kind, place and target group, in the API, the open data and the
//! sitemap; keepers reminded a month before the end; a mediator refers a family to a
//! service found in the directory, and the figures count referrals by service and area.

use domain::auth::Role;
use testkit::TestApp;

use crate::mediation::{consent_to_case_work, family_with_child, territory};
use crate::ok;

fn fields<'a>(
    title: &'a str,
    provider: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("title_lv", title),
        (
            "summary_lv",
            "Atbalsts darba meklēšanā romu ģimenēm (izdomāts, tests).",
        ),
        ("kind", "employment"),
        ("area", "employment"),
        ("provider", provider),
        ("target_groups", "youth"),
        ("target_groups", "women"),
        (
            "eligibility",
            "Bezdarbnieki, kas reģistrēti aģentūrā (tests).",
        ),
        ("contact", "Tālrunis birojā 60000000 (izdomāts)"),
        ("languages", "latviešu, romu"),
        ("link", "https://example.invalid/programma"),
    ];
    f.extend_from_slice(extra);
    f
}

#[tokio::test]
async fn an_organisation_keeps_its_services_and_the_public_finds_those_in_force() {
    let app = TestApp::spawn().await;
    let org = app.fixtures.org_a.to_string();
    let other = app.fixtures.org_b.to_string();
    let jelgava = territory(&app, "jelgava").await.to_string();
    let talsi = territory(&app, "talsu-novads").await.to_string();
    let muni = app.login(Role::Municipality).await;
    let form = muni.get("/lv/services/manage/new/edit").await;
    assert_eq!(form.status, 200, "{}", form.text);
    // Missing and wrong parts named at their fields, the typing kept.
    let res = muni
        .post_form(
            "/lv/services/manage/new/edit",
            &[
                ("title_lv", ""),
                ("summary_lv", "Apraksts (tests)"),
                ("provider", &org),
                ("link", "javascript:alert(1)"),
                ("valid_from", "2026-12-10"),
                ("valid_to", "2026-12-01"),
                ("languages", "romu valodā"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    for field in ["title_lv", "kind", "area", "link", "valid_to"] {
        assert!(
            res.text.contains(&format!("id=\"{field}-error\"")),
            "{field}: {}",
            res.text
        );
    }
    assert!(res.text.contains("romu valodā"));
    // Another organisation as the provider is not theirs to name.
    let res = muni
        .post_form(
            "/lv/services/manage/new/edit",
            &fields("Svešs (tests)", &other, &[]),
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"provider-error\""), "{}", res.text);
    // Saved: one for Jelgava, one for all Latvia, one not begun, one ended.
    for (title, extra) in [
        (
            "Nodarbinātības programma Jelgavā (tests)",
            vec![("places", jelgava.as_str())],
        ),
        ("Granti jauniešu iniciatīvām (tests)", vec![]),
        (
            "Nākamā gada programma (tests)",
            vec![("valid_from", "2027-06-01")],
        ),
        (
            "Beigusies programma (tests)",
            vec![("valid_to", "2026-01-31")],
        ),
    ] {
        let res = muni
            .post_form("/lv/services/manage/new/edit", &fields(title, &org, &extra))
            .await;
        assert_eq!(res.status, 303, "{title}: {}", res.text);
    }
    let list = muni.get("/lv/services/manage").await;
    assert!(
        list.text.contains("Vēl nav sācies") && list.text.contains("Beidzies"),
        "{}",
        list.text
    );
    let all = ok(store::services::list(&app.db, None).await);
    let jelgava_one = all
        .iter()
        .find(|s| s.input.title_lv.starts_with("Nodarbinātības"))
        .map(|s| s.id)
        .unwrap_or_default();
    let latvia_one = all
        .iter()
        .find(|s| s.input.title_lv.starts_with("Granti"))
        .map(|s| s.id)
        .unwrap_or_default();
    let future = all
        .iter()
        .find(|s| s.input.title_lv.starts_with("Nākamā"))
        .map(|s| s.id)
        .unwrap_or_default();

    // The public: only those in force; found without diacritics; by place and group.
    let anyone = app.client();
    let public = anyone.get("/lv/services").await;
    assert!(public.text.contains("Nodarbinātības programma Jelgavā"));
    assert!(public.text.contains("Granti jauniešu"));
    assert!(!public.text.contains("Nākamā gada") && !public.text.contains("Beigusies"));
    assert_eq!(
        anyone.get(&format!("/lv/services/{future}")).await.status,
        404
    );
    let item = anyone.get(&format!("/lv/services/{jelgava_one}")).await;
    assert_eq!(item.status, 200);
    assert!(item.text.contains("Jelgava") && item.text.contains("latviešu, romu"));
    let found = anyone.get("/lv/services?q=nodarbinatibas").await;
    assert!(
        found.text.contains("Nodarbinātības programma") && !found.text.contains("Granti jauniešu")
    );
    let in_talsi = anyone.get(&format!("/lv/services?place={talsi}")).await;
    assert!(
        !in_talsi.text.contains("Nodarbinātības programma Jelgavā"),
        "{}",
        in_talsi.text
    );
    assert!(in_talsi.text.contains("Granti jauniešu"));
    let in_jelgava = anyone
        .get(&format!("/lv/services?place={jelgava}&group=women"))
        .await;
    assert!(in_jelgava.text.contains("Nodarbinātības programma Jelgavā"));
    let children = anyone.get("/lv/services?group=children").await;
    assert!(!children.text.contains("Granti jauniešu"));
    let bad = anyone.get("/lv/services?kind=nav").await;
    assert_eq!(bad.status, 422);
    // The API, the open data and the sitemap.
    let api = anyone
        .get(&format!("/api/v1/services?place={talsi}&lang=en"))
        .await;
    assert_eq!(api.status, 200);
    let items = api.json()["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["id"], latvia_one);
    assert_eq!(items[0]["places"].as_array().map(Vec::len), Some(0));
    // `territory`, the API's name for a place everywhere, and the older `place` agree.
    let by_territory = anyone
        .get(&format!("/api/v1/services?territory={talsi}&lang=en"))
        .await
        .json();
    assert_eq!(
        by_territory["items"],
        serde_json::json!(items),
        "{by_territory}"
    );
    assert_eq!(by_territory["total"], 1);
    let unknown = anyone.get("/api/v1/services?territory=99999999").await;
    assert_eq!(unknown.status, 422);
    assert_eq!(
        unknown.json()["errors"][0]["field"],
        "territory",
        "{}",
        unknown.text
    );
    assert_eq!(anyone.get("/api/v1/services?area=nav").await.status, 422);
    assert_eq!(
        anyone.get("/api/v1/services?place=99999999").await.status,
        422
    );
    // A word in its basic form finds the others ("darbs" finds "darba").
    let found = anyone.get("/lv/services?q=darbs").await;
    assert!(
        found.text.contains("Nodarbinātības programma Jelgavā"),
        "{}",
        found.text
    );
    let csv = anyone.get("/open-data/services.csv").await;
    assert!(
        csv.text.contains("Granti jauniešu iniciatīvām (tests)"),
        "{}",
        csv.text
    );
    assert!(!csv.text.contains("Nākamā gada"));
    let map = anyone.get("/sitemap.xml").await;
    assert!(
        map.text
            .contains(&format!("/lv/services/{jelgava_one}</loc>"))
    );

    // Another organisation's user does not reach it; a coordinator does, and withdraws it.
    let ngo = app.login(Role::Ngo).await;
    assert_eq!(
        ngo.get(&format!("/lv/services/manage/{jelgava_one}/edit"))
            .await
            .status,
        404
    );
    let coord = app.login(Role::Coordinator).await;
    let page = coord
        .get(&format!("/lv/services/manage/{jelgava_one}/edit"))
        .await;
    assert_eq!(page.status, 200);
    let res = coord
        .post_form(&format!("/lv/services/manage/{jelgava_one}/withdraw"), &[])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        anyone
            .get(&format!("/lv/services/{jelgava_one}"))
            .await
            .status,
        404
    );
    // A save on an older version is refused, the typing kept.
    let page = muni
        .get(&format!("/lv/services/manage/{latvia_one}/edit"))
        .await;
    assert_eq!(page.status, 200);
    let mut first = fields("Granti jauniešiem — pirmais (tests)", &org, &[]);
    first.push(("version", "0"));
    let res = muni
        .post_form(&format!("/lv/services/manage/{latvia_one}/edit"), &first)
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = muni
        .post_form(&format!("/lv/services/manage/{latvia_one}/edit"), &first)
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("Kāds cits pa to laiku saglabāja"),
        "{}",
        res.text
    );
    // The audit log names the service.
    let log = coord.get("/lv/admin/audit").await;
    assert!(
        log.text.contains("Saglabāts pakalpojums katalogā"),
        "{}",
        log.text
    );
}

#[tokio::test]
async fn keepers_are_reminded_a_month_before_a_service_ends_once() {
    let app = TestApp::spawn().await;
    let org = app.fixtures.org_a.to_string();
    let muni = app.login(Role::Municipality).await;
    muni.get("/lv/services/manage/new/edit").await;
    // The test clock starts on 26 November 2026: one ending in three weeks, one in two months.
    for (title, to) in [
        ("Drīz beigsies (tests)", "2026-12-17"),
        ("Vēl ilgi (tests)", "2027-01-31"),
    ] {
        let res = muni
            .post_form(
                "/lv/services/manage/new/edit",
                &fields(title, &org, &[("valid_to", to)]),
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.service_reminders, 1);
    let again = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(again.service_reminders, 0);
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let to_keeper: Vec<_> = mails
        .iter()
        .filter(|m| m.to == testkit::email_for(Role::Municipality) && m.kind == "service_ending")
        .collect();
    assert_eq!(to_keeper.len(), 1, "{mails:?}");
    assert!(to_keeper[0].subject.contains("Drīz beigsies"));
    assert!(to_keeper[0].body.contains("/lv/services/manage/"));
}

#[tokio::test]
async fn a_mediator_refers_a_family_to_a_service_found_in_the_directory() {
    let app = TestApp::spawn().await;
    let (family, _) = family_with_child(&app).await;
    let jelgava = territory(&app, "jelgava").await.to_string();
    let org = app.fixtures.org_a.to_string();
    let coord = app.login(Role::Coordinator).await;
    coord.get("/lv/services/manage/new/edit").await;
    let res = coord
        .post_form(
            "/lv/services/manage/new/edit",
            &fields(
                "Sociālā darbinieka konsultācijas (tests)",
                &org,
                &[("places", &jelgava)],
            ),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let talsi = territory(&app, "talsu-novads").await.to_string();
    let res = coord
        .post_form(
            "/lv/services/manage/new/edit",
            &fields(
                "Tālā pakalpojums Talsos (tests)",
                &org,
                &[("places", &talsi)],
            ),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let all = ok(store::services::list(&app.db, None).await);
    let service = all
        .iter()
        .find(|s| s.input.title_lv.starts_with("Sociālā"))
        .map(|s| s.id)
        .unwrap_or_default();
    let elsewhere = all
        .iter()
        .find(|s| s.input.title_lv.starts_with("Tālā"))
        .map(|s| s.id)
        .unwrap_or_default();
    // Found in the public directory for the family's place ...
    let found = app
        .client()
        .get(&format!("/lv/services?place={jelgava}&q=socialā"))
        .await;
    assert!(
        found.text.contains(&format!("/lv/services/{service}")),
        "{}",
        found.text
    );
    // ... and offered in the family's referral form.
    let m = app.login(Role::Mediator).await;
    consent_to_case_work(&m, family).await;
    let res = m
        .post_form(
            &format!("/lv/mediation/families/{family}/consents"),
            &[
                ("purpose", "statistics"),
                ("given_by", "person"),
                ("given_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let base = format!("/lv/mediation/families/{family}");
    let page = m.get(&base).await;
    assert!(
        page.text
            .contains("Sociālā darbinieka konsultācijas (tests)"),
        "{}",
        page.text
    );
    // A service that is not one is refused at its field, the rest kept.
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "social_service"),
                ("referral_service", "999999"),
                ("override_reason", "Neatliekami (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("id=\"referral_service-error\""),
        "{}",
        res.text
    );
    // A service for another municipality is refused too, even when typed in by hand.
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "social_service"),
                ("referral_service", &elsewhere.to_string()),
                ("override_reason", "Neatliekami (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("id=\"referral_service-error\""),
        "{}",
        res.text
    );
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "social_service"),
                ("referral_service", &service.to_string()),
                ("override_reason", "Neatliekami (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = m.get(&base).await;
    assert!(
        page.text
            .contains("Sociālais dienests — Sociālā darbinieka konsultācijas (tests)")
            || page
                .text
                .contains("— Sociālā darbinieka konsultācijas (tests)"),
        "{}",
        page.text
    );
    // The mediator's own figures count it by service and area, exactly.
    let row = "<th scope=\"row\">Sociālā darbinieka konsultācijas (tests)</th><td class=\"num\">";
    let page = m
        .get("/lv/mediation/figures?from=2026-11-01&to=2026-11-30")
        .await;
    assert!(
        page.text.contains("Nosūtījumi pēc pakalpojuma"),
        "{}",
        page.text
    );
    assert!(page.text.contains(&format!("{row}1</td>")), "{}", page.text);
    assert!(
        page.text
            .contains("<th scope=\"row\">Nodarbinātība</th><td class=\"num\">1</td>"),
        "{}",
        page.text
    );
    // Others (a ministry; the coordinator here supervises the mediator) see it under
    // disclosure control: a service with fewer than ten referrals is not named (a row of its
    // own would tell a family was sent there) but counted with the directory's others.
    let page = app
        .login(Role::Ministry)
        .await
        .get("/lv/mediation/figures?from=2026-11-01&to=2026-11-30")
        .await;
    assert!(
        !page
            .text
            .contains("Sociālā darbinieka konsultācijas (tests)"),
        "{}",
        page.text
    );
    assert!(
        page.text.contains("Citi kataloga pakalpojumi"),
        "{}",
        page.text
    );
}

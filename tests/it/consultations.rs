//! Issue 21, item 2: consultations — prepared in sections by a coordinator, published,
//! commented per section by logged-in users and (when chosen) the public while open,
//! comments hidden with a reason and never edited, each answered after the close, the
//! summary published and kept public.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

const TEXT: &str = "## 1. Izglītība\nSkolotāju palīgi romu bērniem (tests).\n\n## 2. Nodarbinātība\nJauniešu prakses (tests).";

#[tokio::test]
async fn a_consultation_goes_from_draft_through_comments_to_its_public_summary() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    assert_eq!(
        coord.get("/lv/consultations/manage/new/edit").await.status,
        200
    );
    // Refused parts named at their fields, the typing kept.
    let res = coord
        .post_form(
            "/lv/consultations/manage/new/edit",
            &[
                ("title", "Plāna projekts (tests)"),
                ("intro", ""),
                ("opens_on", "2026-12-01"),
                ("closes_on", "2026-11-01"),
                ("sections", "Teksts bez virsraksta"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    for field in ["intro", "document_kind", "closes_on", "sections"] {
        assert!(
            res.text.contains(&format!("id=\"{field}-error\"")),
            "{field}: {}",
            res.text
        );
    }
    assert!(res.text.contains("Teksts bez virsraksta"));
    // The test clock starts on 26 November 2026: open from 27 November to 10 December.
    let res = coord
        .post_form(
            "/lv/consultations/manage/new/edit",
            &[
                ("title", "Rīcības plāna 2027 projekts (tests)"),
                ("intro", "Aicinām izteikties par plāna projektu (tests)."),
                ("document_kind", "plan"),
                ("opens_on", "2026-11-27"),
                ("closes_on", "2026-12-10"),
                ("public_comments", "yes"),
                ("sections", TEXT),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let id = ok(store::consultations::list(&app.db, false).await)[0].id;
    let anyone = app.client();
    // A draft is not public.
    assert_eq!(
        anyone.get(&format!("/lv/consultations/{id}")).await.status,
        404
    );
    assert!(
        !anyone
            .get("/lv/consultations")
            .await
            .text
            .contains("Rīcības plāna 2027")
    );
    let res = coord
        .post_form(&format!("/lv/consultations/manage/{id}/publish"), &[])
        .await;
    assert_eq!(res.status, 303);
    let page = anyone.get(&format!("/lv/consultations/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("1. Izglītība") && page.text.contains("Drīzumā"),
        "{}",
        page.text
    );
    let c = ok(store::consultations::get(&app.db, id).await);
    let (first, second) = (c.sections[0].id, c.sections[1].id);
    // Not open yet: no comment form, a comment refused.
    assert!(!page.text.contains("name=\"body\""));
    // (The page has no form to take a token from: the pre-login cookie's own is sent.)
    let token = anyone.cookie("__Host-roma_login").unwrap_or_default();
    assert!(!token.is_empty());
    let res = anyone
        .post_form_raw(
            &format!("/lv/consultations/{id}/comments"),
            &[
                ("csrf_token", &token),
                ("section", &first.to_string()),
                ("body", "Par agru (tests)."),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);

    // Open: the public and a logged-in user comment; an empty one refused.
    app.advance_to(
        jiff::civil::date(2026, 11, 28),
        jiff::civil::time(10, 0, 0, 0),
    );
    anyone.get(&format!("/lv/consultations/{id}")).await;
    let res = anyone
        .post_form(
            &format!("/lv/consultations/{id}/comments"),
            &[("section", &first.to_string()), ("body", "")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains(&format!("id=\"body-{first}-error\"")),
        "{}",
        res.text
    );
    let res = anyone
        .post_form(
            &format!("/lv/consultations/{id}/comments"),
            &[
                ("section", &first.to_string()),
                ("body", "Vajag arī pulciņus (tests)."),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // Comments are public: a phone number in one is refused, the typing kept.
    let res = anyone
        .post_form(
            &format!("/lv/consultations/{id}/comments"),
            &[
                ("section", &first.to_string()),
                ("body", "Zvaniet man 29 123 456 (tests)."),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("Zvaniet man 29 123 456"), "{}", res.text);
    let muni = app.login(Role::Municipality).await;
    muni.get(&format!("/lv/consultations/{id}")).await;
    let res = muni
        .post_form(
            &format!("/lv/consultations/{id}/comments"),
            &[
                ("section", &second.to_string()),
                ("body", "Pašvaldība piedāvā prakses vietas (tests)."),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = anyone
        .post_form(
            &format!("/lv/consultations/{id}/comments"),
            &[
                ("section", &second.to_string()),
                ("body", "Nepiedienīgs teksts (tests)."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = anyone.get(&format!("/lv/consultations/{id}")).await;
    assert!(page.text.contains("Vajag arī pulciņus"));
    // A user's comment shows their organisation, never a name.
    assert!(
        page.text.contains("Testa pilsētas pašvaldība"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("Tests municipality"));
    // The sections no longer change once commented.
    let coord = app.login(Role::Coordinator).await;
    coord
        .get(&format!("/lv/consultations/manage/{id}/edit"))
        .await;
    let res = coord
        .post_form(
            &format!("/lv/consultations/manage/{id}/edit"),
            &[
                ("title", "Rīcības plāna 2027 projekts (tests)"),
                ("intro", "Aicinām izteikties par plāna projektu (tests)."),
                ("document_kind", "plan"),
                ("opens_on", "2026-11-27"),
                ("closes_on", "2026-12-10"),
                ("public_comments", "yes"),
                ("sections", "## Cits\nCits teksts"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("sadaļas vairs nevar mainīt"),
        "{}",
        res.text
    );
    // Hidden with a reason: the public sees the reason, not the text.
    let c = ok(store::consultations::get(&app.db, id).await);
    let rude = c
        .comments
        .iter()
        .find(|m| m.body.starts_with("Nepiedienīgs"))
        .map(|m| m.id)
        .unwrap_or_default();
    let res = coord
        .post_form(
            &format!("/lv/consultations/manage/{id}/comments/{rude}/hide"),
            &[("reason", "Aizskarošs saturs (tests)")],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = anyone.get(&format!("/lv/consultations/{id}")).await;
    assert!(!page.text.contains("Nepiedienīgs teksts"));
    assert!(page.text.contains("Aizskarošs saturs"));
    // Before the close no answer and no summary.
    let open_one = c
        .comments
        .iter()
        .find(|m| m.body.starts_with("Vajag"))
        .map(|m| m.id)
        .unwrap_or_default();
    let res = coord
        .post_form(
            &format!("/lv/consultations/manage/{id}/comments/{open_one}/answer"),
            &[("outcome", "taken_up")],
        )
        .await;
    assert_eq!(res.status, 422);

    // Closed: each shown comment answered, then the summary published.
    app.advance_to(
        jiff::civil::date(2026, 12, 11),
        jiff::civil::time(10, 0, 0, 0),
    );
    let coord = app.login(Role::Coordinator).await;
    coord
        .get(&format!("/lv/consultations/manage/{id}/edit"))
        .await;
    let res = coord
        .post_form(
            &format!("/lv/consultations/manage/{id}/summary"),
            &[("summary", "Ņemti vērā divi priekšlikumi (tests).")],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("Ņemti vērā divi priekšlikumi"),
        "typing kept"
    );
    let others: Vec<i64> = c
        .comments
        .iter()
        .filter(|m| m.id != rude)
        .map(|m| m.id)
        .collect();
    for (m, outcome) in others.iter().zip(["taken_up", "not_taken_up"]) {
        let res = coord
            .post_form(
                &format!("/lv/consultations/manage/{id}/comments/{m}/answer"),
                &[("outcome", outcome), ("response", "Pamatojums (tests).")],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let res = coord
        .post_form(
            &format!("/lv/consultations/manage/{id}/summary"),
            &[("summary", "Ņemti vērā divi priekšlikumi (tests).")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = anyone.get(&format!("/lv/consultations/{id}")).await;
    assert!(page.text.contains("Kopsavilkums publicēts"));
    assert!(page.text.contains("Ņemti vērā divi priekšlikumi"));
    assert!(
        page.text.contains("Ņemts vērā") && page.text.contains("Nav ņemts vērā"),
        "{}",
        page.text
    );
    // The comments are as written (never edited), and the log reads the steps in words.
    let after = ok(store::consultations::get(&app.db, id).await);
    assert!(
        after
            .comments
            .iter()
            .any(|m| m.body == "Nepiedienīgs teksts (tests).")
    );
    let log = coord.get("/lv/admin/audit").await;
    assert!(
        log.text.contains("Publicēts apspriešanas kopsavilkums"),
        "{}",
        log.text
    );
    // Counted in the statistics: one held, two comments shown.
    assert_eq!(
        ok(store::consultations::held(
            &app.db,
            jiff::civil::date(2026, 1, 1),
            jiff::civil::date(2026, 12, 31)
        )
        .await),
        (1, 2)
    );
}

#[tokio::test]
async fn without_the_public_invited_only_logged_in_users_comment() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    coord.get("/lv/consultations/manage/new/edit").await;
    let res = coord
        .post_form(
            "/lv/consultations/manage/new/edit",
            &[
                ("title", "Ziņojuma projekts (tests)"),
                ("intro", "Iestādēm (tests)."),
                ("document_kind", "report"),
                ("opens_on", "2026-11-26"),
                ("closes_on", "2026-12-31"),
                ("sections", TEXT),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let id = ok(store::consultations::list(&app.db, false).await)[0].id;
    coord
        .post_form(&format!("/lv/consultations/manage/{id}/publish"), &[])
        .await;
    let section = ok(store::consultations::get(&app.db, id).await).sections[0].id;
    let anyone = app.client();
    let page = anyone.get(&format!("/lv/consultations/{id}")).await;
    assert!(page.text.contains("Pieteikties"), "{}", page.text);
    assert!(!page.text.contains("name=\"body\""));
    let token = anyone.cookie("__Host-roma_login").unwrap_or_default();
    let res = anyone
        .post_form_raw(
            &format!("/lv/consultations/{id}/comments"),
            &[
                ("csrf_token", &token),
                ("section", &section.to_string()),
                ("body", "Sabiedrība (tests)."),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    let ngo = app.login(Role::Ngo).await;
    ngo.get(&format!("/lv/consultations/{id}")).await;
    let res = ngo
        .post_form(
            &format!("/lv/consultations/{id}/comments"),
            &[
                ("section", &section.to_string()),
                ("body", "NVO viedoklis (tests)."),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // A section of another consultation is not found.
    let res = ngo
        .post_form(
            &format!("/lv/consultations/{id}/comments"),
            &[("section", "999999"), ("body", "x")],
        )
        .await;
    assert_eq!(res.status, 404);
}

//! The directory: organisations and people, their forms, duplicates, Latvian order, who
//! sees which contacts, and the consent-bound Roma self-identification.

use domain::auth::Role;
use testkit::TestApp;

#[tokio::test]
async fn a_coordinator_creates_an_organisation_and_is_warned_of_a_duplicate() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/organisations/new").await;
    let bad = c
        .post_form(
            "/lv/organisations",
            &[
                ("name_lv", "  "),
                ("kind", "ministry"),
                ("email", "nav-epasts"),
                ("phone", "12"),
                ("website", "javascript:x"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    for msg in [
        "Ievadiet nosaukumu",
        "derīgu e-pasta adresi",
        "tālruņa numuru",
        "tīmekļa adresi",
    ] {
        assert!(bad.text.contains(msg), "{msg}");
    }
    assert!(
        bad.text.contains("value=\"nav-epasts\""),
        "typed values are kept"
    );
    // The same name with other case and without diacritics.
    let dup = c
        .post_form(
            "/lv/organisations",
            &[
                ("name_lv", "TESTA PILSETAS PASVALDIBA"),
                ("kind", "municipality"),
            ],
        )
        .await;
    assert_eq!(dup.status, 422);
    assert!(
        dup.text.contains("Iespējams dublikāts") && dup.text.contains("Testa pilsētas pašvaldība")
    );
    let ok = c
        .post_form(
            "/lv/organisations",
            &[
                ("name_lv", "TESTA PILSETAS PASVALDIBA"),
                ("kind", "municipality"),
                ("confirm_duplicate", "1"),
                ("phone", "6700 0000"),
                ("website", "example.lv"),
                ("parent_id", &app.fixtures.org_a.to_string()),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let page = c.get(ok.location().unwrap_or_default()).await;
    assert!(page.text.contains("+37167000000") && page.text.contains("https://example.lv"));
    // An organisation cannot be put under itself.
    let a = app.fixtures.org_a;
    let cycle = c
        .post_form(
            &format!("/lv/organisations/{a}"),
            &[
                ("name_lv", "Testa pilsētas pašvaldība"),
                ("kind", "municipality"),
                ("parent_id", &a.to_string()),
                ("confirm_duplicate", "1"),
            ],
        )
        .await;
    assert_eq!(cycle.status, 422);
    assert!(cycle.text.contains("nevar būt pati"));
}

#[tokio::test]
async fn people_are_listed_in_latvian_order_and_found_without_diacritics() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people/new").await;
    for name in ["Čaba Zariņa", "Cilda Ozola", "Ābrams Kalns", "Ada Liepa"] {
        let res = c
            .post_form("/lv/people", &[("name", name), ("preferred_lang", "lv")])
            .await;
        assert_eq!(res.status, 303, "{name}: {}", res.text);
    }
    let list = c.get("/lv/people").await.text;
    let pos = |n: &str| list.find(n).unwrap_or_else(|| panic!("{n} missing"));
    assert!(pos("Ābrams Kalns") < pos("Ada Liepa"));
    assert!(pos("Ada Liepa") < pos("Anna Ābele"));
    assert!(pos("Cilda Ozola") < pos("Čaba Zariņa"), "c before č");
    assert!(pos("Čaba Zariņa") < pos("Ēriks Čakste"));
    let found = c.get("/lv/people?q=cakste").await.text;
    assert!(found.contains("Ēriks Čakste") && !found.contains("Anna Ābele"));
    let by_role = c.get("/lv/people?role=specialiste").await.text;
    assert!(
        by_role.contains("Ēriks Čakste")
            && by_role.contains("Anna Ābele")
            && !by_role.contains("Ada Liepa")
    );
    let by_org = c
        .get(&format!("/lv/people?organisation={}", app.fixtures.org_b))
        .await
        .text;
    assert!(by_org.contains("Ēriks Čakste") && !by_org.contains("Anna Ābele"));
    let latgale = c.get("/lv/organisations?region=latgale").await.text;
    assert!(
        latgale.contains("Citas pašvaldības birojs")
            && !latgale.contains("Testa pilsētas pašvaldība")
    );
}

/// A name typed as base letters and combining marks (as macOS and some phone keyboards
/// send it) is stored, sorted and searched as the precomposed Latvian letters.
#[tokio::test]
async fn text_typed_with_combining_marks_is_the_same_text() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people/new").await;
    let decomposed = "Z\u{30c}an\u{327}a A\u{304}bolin\u{327}a";
    let res = c
        .post_form(
            "/lv/people",
            &[("name", decomposed), ("preferred_lang", "lv")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let list = c.get("/lv/people").await.text;
    assert!(list.contains("Žaņa Āboliņa"), "{list}");
    assert!(!list.contains(decomposed));
    // Latvian order: after "Ēriks Čakste" (ž sorts after z, at the end).
    let pos = |n: &str| list.find(n).unwrap_or_else(|| panic!("{n} missing"));
    assert!(pos("Ēriks Čakste") < pos("Žaņa"));
    // A search typed the same way finds it and is shown back precomposed.
    let found = c.get("/lv/people?q=Z%CC%8Can%CC%A7a").await.text;
    assert!(found.contains("Žaņa Āboliņa"), "{found}");
    assert!(found.contains("value=\"Žaņa\""), "{found}");
    // The API's JSON too, combining marks sent as escapes or as they are.
    let coord = bearer(&app, Role::Coordinator).await;
    let made = send_json(
        &coord,
        "POST",
        "/api/v1/organisations",
        "{\"name_lv\":\"Re\\u0304zeknes biedri\u{304}ba\",\"kind\":\"roma_ngo\"}",
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.text);
    assert_eq!(made.json()["name_lv"], "Rēzeknes biedrība");
    // Passwords are left as typed (the hash was made from them).
    assert_eq!(
        web::http::forms::nfc_form(b"password=a%CC%84&name=a%CC%84").as_deref(),
        Some("password=a%CC%84&name=%C4%81")
    );
    assert_eq!(web::http::forms::nfc_form(b"name=%C4%81&q=plain"), None);
    // Rebuilt, the rest means the same: spaces, repeated keys, a bare key.
    assert_eq!(
        web::http::forms::nfc_form(b"q=a%CC%84%20b&tag=1&tag=2&flag").as_deref(),
        Some("q=%C4%81+b&tag=1&tag=2&flag=")
    );
    let normal = web::http::forms::nfc_json(br#"{"password":"a\u0304","name":"a\u0304"}"#)
        .unwrap_or_default();
    let value: serde_json::Value = serde_json::from_slice(&normal).unwrap_or_default();
    assert_eq!(
        value,
        serde_json::json!({"name": "ā", "password": "a\u{304}"})
    );
    assert_eq!(web::http::forms::nfc_json(br#"{"name":"plain"}"#), None);
    // A whole number with a fraction is an integer, as JSON Schema counts; others stay.
    let numbers = web::http::forms::nfc_json(br#"{"a":-110.0,"b":1e2,"c":2.5,"d":[3.0]}"#)
        .unwrap_or_default();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&numbers).unwrap_or_default(),
        serde_json::json!({"a": -110, "b": 100, "c": 2.5, "d": [3]})
    );
    assert_eq!(web::http::forms::nfc_json(br#"{"a":1}"#), None);
}

#[tokio::test]
async fn a_persons_form_validates_and_refuses_an_e_mail_of_someone_else() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people/new").await;
    let bad = c
        .post_form(
            "/lv/people",
            &[
                ("name", "Jānis Ozols"),
                ("emails", "janis@x.lv\nnav adrese"),
                ("phone", "abc"),
                ("birth_year", "2999"),
                ("gender", "x"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("janis@x.lv\nnav adrese"), "kept as typed");
    let taken = c
        .post_form(
            "/lv/people",
            &[("name", "Jānis Ozols"), ("emails", "ANNA@a.test.invalid")],
        )
        .await;
    assert_eq!(taken.status, 422);
    assert!(taken.text.contains("jau pieder citai personai"));
    let twin = c.post_form("/lv/people", &[("name", "anna abele")]).await;
    assert_eq!(twin.status, 422);
    assert!(twin.text.contains("Iespējams dublikāts"));
    let ok = c
        .post_form(
            "/lv/people",
            &[
                ("name", "Jānis Ozols"),
                ("emails", "janis@x.lv, j.ozols@y.lv"),
                ("phone", "2612 3456"),
                ("birth_year", "1999"),
                ("gender", "male"),
                ("organisation_id", &app.fixtures.org_a.to_string()),
                ("role_title", "sociālais darbinieks"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let page = c.get(ok.location().unwrap_or_default()).await.text;
    for part in [
        "janis@x.lv",
        "j.ozols@y.lv",
        "+37126123456",
        "18–29 gadi",
        "sociālais darbinieks",
        "Testa pilsētas pašvaldība",
    ] {
        assert!(page.contains(part), "{part}");
    }
}

#[tokio::test]
async fn memberships_keep_their_history() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let p = app.fixtures.person_a;
    c.get(&format!("/lv/people/{p}")).await;
    let bad = c
        .post_form(
            &format!("/lv/people/{p}/memberships"),
            &[
                ("organisation_id", &app.fixtures.org_b.to_string()),
                ("from_date", "2025-05-01"),
                ("to_date", "2025-01-01"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("nevar būt pirms sākuma"));
    let ok = c
        .post_form(
            &format!("/lv/people/{p}/memberships"),
            &[
                ("organisation_id", &app.fixtures.org_b.to_string()),
                ("role_title", "eksperte"),
                ("from_date", "2025-01-01"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303);
    let person = store::people::get(&app.db, p)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(person.memberships.len(), 2);
    let first = person
        .memberships
        .iter()
        .find(|m| m.organisation_id == app.fixtures.org_a)
        .map(|m| m.id)
        .unwrap_or_default();
    let end = c
        .post_form(&format!("/lv/people/{p}/memberships/{first}/end"), &[])
        .await;
    assert_eq!(end.status, 303);
    // Ended today: the last day is today.
    let ended = store::people::get(&app.db, p)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let m = ended.memberships.iter().find(|m| m.id == first).cloned();
    assert_eq!(
        m.and_then(|m| m.to_date),
        Some(jiff::civil::date(2026, 11, 26))
    );
    let page = c.get(&format!("/lv/people/{p}")).await.text;
    assert!(page.contains("2026-11-26"));
    assert!(
        !page.contains(&format!("/memberships/{first}/end")),
        "no end button for an ended one"
    );
    // Another person's membership id is not found.
    let other = app.fixtures.person_b;
    assert_eq!(
        c.post_form(&format!("/lv/people/{other}/memberships/{first}/end"), &[])
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_municipality_user_sees_only_their_own_organisations_contacts_and_cannot_probe_them() {
    let app = TestApp::spawn().await;
    let m = app.login(Role::Municipality).await;
    let own = m
        .get(&format!("/lv/people/{}", app.fixtures.person_a))
        .await
        .text;
    assert!(own.contains("anna@a.test.invalid") && own.contains("+37120000001"));
    let other = m
        .get(&format!("/lv/people/{}", app.fixtures.person_b))
        .await
        .text;
    assert!(other.contains("Ēriks Čakste"));
    assert!(!other.contains("eriks@b.test.invalid") && !other.contains("+37120000001"));
    assert!(other.contains("Kontaktinformācija redzama tikai"));
    let org_b = m
        .get(&format!("/lv/organisations/{}", app.fixtures.org_b))
        .await
        .text;
    assert!(!org_b.contains("pasts@b.test.invalid"));
    let org_a = m
        .get(&format!("/lv/organisations/{}", app.fixtures.org_a))
        .await
        .text;
    assert!(org_a.contains("pasts@a.test.invalid"));
    // Searching by an address finds nothing for them, and no list shows addresses.
    let probe = m.get("/lv/people?q=eriks%40b.test").await.text;
    assert!(!probe.contains("Ēriks Čakste"));
    let list = m.get("/lv/people").await.text;
    assert!(!list.contains("@a.test.invalid") && !list.contains("@b.test.invalid"));
    // A coordinator can search by address.
    let c = app.login(Role::Coordinator).await;
    assert!(
        c.get("/lv/people?q=eriks%40b.test")
            .await
            .text
            .contains("Ēriks Čakste")
    );
    // Nobody but a coordinator edits.
    assert_eq!(
        m.get(&format!("/lv/people/{}/edit", app.fixtures.person_a))
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn roma_identity_needs_consent_is_shown_only_to_coordinators_and_withdrawal_erases_it() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let p = app.fixtures.person_b;
    c.get(&format!("/lv/people/{p}")).await;
    let without = c
        .post_form(
            &format!("/lv/people/{p}/roma-identity"),
            &[("value", "yes"), ("given_on", "2026-11-20")],
        )
        .await;
    assert_eq!(without.status, 422);
    assert!(without.text.contains("Bez personas skaidras piekrišanas"));
    assert!(
        store::people::roma_identity(&app.db, p)
            .await
            .unwrap_or_default()
            .is_none(),
        "nothing saved"
    );
    let future = c
        .post_form(
            &format!("/lv/people/{p}/roma-identity"),
            &[
                ("value", "yes"),
                ("given_on", "2030-01-01"),
                ("consent", "1"),
            ],
        )
        .await;
    assert_eq!(future.status, 422);
    let ok = c
        .post_form(
            &format!("/lv/people/{p}/roma-identity"),
            &[
                ("value", "yes"),
                ("given_on", "2026-11-20"),
                ("consent", "1"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let page = c.get(&format!("/lv/people/{p}")).await.text;
    assert!(
        page.contains("Romu piederība")
            && page.contains("2026-11-20")
            && page.contains(domain::directory::ROMA_NOTICE_VERSION)
    );
    // Other roles never see it, not even its section.
    for role in [
        Role::Ministry,
        Role::Municipality,
        Role::Mediator,
        Role::Ngo,
    ] {
        let other = app.login(role).await;
        let text = other.get(&format!("/lv/people/{p}")).await.text;
        assert!(!text.contains("Romu piederība"), "{role}");
        assert_eq!(
            other
                .post_form(&format!("/lv/people/{p}/roma-identity/withdraw"), &[])
                .await
                .status,
            403
        );
    }
    // The value never reaches the audit log.
    let (entries, _) = store::audit::list(&app.db, &store::audit::Filter::default(), 0)
        .await
        .unwrap_or_default();
    let rec = entries
        .iter()
        .find(|e| e.action == "roma_identity_recorded")
        .cloned();
    assert!(rec.is_some_and(|e| e.detail.is_none()));
    // Withdrawal: the value is erased, the withdrawal kept.
    let w = c
        .post_form(&format!("/lv/people/{p}/roma-identity/withdraw"), &[])
        .await;
    assert_eq!(w.status, 303);
    assert!(
        store::people::roma_identity(&app.db, p)
            .await
            .unwrap_or_default()
            .is_none()
    );
    let rows = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    let section = rows
        .split("## person_roma_identity\n")
        .nth(1)
        .unwrap_or_default();
    assert!(
        section.starts_with("## ") || section.is_empty(),
        "the value row is gone: {section}"
    );
    let history = store::people::roma_consents(&app.db, p)
        .await
        .unwrap_or_default();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].withdrawn_on.as_deref(), Some("2026-11-26"));
    let page = c.get(&format!("/en/people/{p}")).await.text;
    assert!(page.contains("Not recorded") && page.contains("withdrawn 2026-11-26"));
}

async fn bearer(app: &TestApp, role: Role) -> testkit::Client {
    let secret = domain::token::new_api_token();
    store::tokens::create_api_token(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.user_id(role),
        "api",
        &domain::token::hash_secret(&secret),
        None,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    c
}

async fn send_json(c: &testkit::Client, method: &str, path: &str, body: &str) -> testkit::Resp {
    let req = match method {
        "PATCH" => c.http().patch(c.url(path)),
        _ => c.http().post(c.url(path)),
    };
    c.send(
        req.header("content-type", "application/json")
            .body(body.to_owned()),
    )
    .await
}

#[tokio::test]
async fn the_directory_api_lists_creates_and_patches_with_the_pages_rules() {
    let app = TestApp::spawn().await;
    let ngo = bearer(&app, Role::Ngo).await;
    let orgs = ngo.get("/api/v1/organisations?region=zemgale").await.json();
    assert_eq!(orgs["total"], 1);
    assert_eq!(orgs["items"][0]["name_lv"], "Testa pilsētas pašvaldība");
    assert!(
        orgs["items"][0]["email"].is_null(),
        "contacts hidden from another organisation"
    );
    let mun = bearer(&app, Role::Municipality).await;
    let own = mun
        .get(&format!("/api/v1/organisations/{}", app.fixtures.org_a))
        .await
        .json();
    assert_eq!(own["email"], "pasts@a.test.invalid");
    let other = mun
        .get(&format!("/api/v1/people/{}", app.fixtures.person_b))
        .await
        .json();
    assert!(other["emails"].is_null() && other["phone"].is_null());
    assert_eq!(other["memberships"][0]["role_title"], "speciāliste");
    // Only coordinators write.
    assert_eq!(
        send_json(
            &mun,
            "POST",
            "/api/v1/organisations",
            r#"{"name_lv":"X","kind":"media"}"#
        )
        .await
        .status,
        403
    );
    let coord = bearer(&app, Role::Coordinator).await;
    let bad = send_json(
        &coord,
        "POST",
        "/api/v1/organisations",
        r#"{"name_lv":"Radio (demo)","kind":"radio","email":"x"}"#,
    )
    .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.header("content-type"), Some("application/problem+json"));
    let fields: Vec<String> = bad.json()["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(fields, ["kind", "email"]);
    let made = send_json(
        &coord,
        "POST",
        "/api/v1/organisations",
        r#"{"name_lv":"Radio (demo)","kind":"media","phone":"6711 1111"}"#,
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.text);
    assert_eq!(made.json()["phone"], "+37167111111");
    let p = app.fixtures.person_a;
    let patched = send_json(
        &coord,
        "PATCH",
        &format!("/api/v1/people/{p}"),
        r#"{"phone":"2999 9999","gender":"female"}"#,
    )
    .await;
    assert_eq!(patched.status, 200, "{}", patched.text);
    assert_eq!(patched.json()["phone"], "+37129999999");
    assert_eq!(
        patched.json()["emails"][0],
        "anna@a.test.invalid",
        "untouched fields stay"
    );
    let taken = send_json(
        &coord,
        "PATCH",
        &format!("/api/v1/people/{p}"),
        r#"{"emails":["eriks@b.test.invalid"]}"#,
    )
    .await;
    assert_eq!(taken.status, 422);
    let unknown = send_json(
        &coord,
        "PATCH",
        &format!("/api/v1/people/{p}"),
        r#"{"roma":"yes"}"#,
    )
    .await;
    assert_eq!(unknown.status, 400, "unknown fields are refused");
    let cleared = send_json(
        &coord,
        "PATCH",
        &format!("/api/v1/people/{p}"),
        r#"{"territory_id":null,"birth_year":null}"#,
    )
    .await;
    assert_eq!(cleared.status, 200, "{}", cleared.text);
    assert!(cleared.json()["territory_id"].is_null(), "null clears");
    assert_eq!(cleared.json()["phone"], "+37129999999", "absent keeps");
    assert_eq!(
        send_json(&coord, "PATCH", "/api/v1/people/999999", "{}")
            .await
            .status,
        404
    );
    let listed = coord.get("/api/v1/people?q=abele").await.json();
    assert_eq!(listed["total"], 1);
}

#[tokio::test]
async fn merging_people_moves_everything_and_the_audit_entry_undoes_it() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let a = app.fixtures.person_a;
    // A duplicate of Anna with her own e-mail, a membership and a consent-bound value.
    c.get("/lv/people/new").await;
    let made = c
        .post_form(
            "/lv/people",
            &[
                ("name", "Anna Abele"),
                ("emails", "anna.privata@x.test.invalid"),
                ("birth_year", "1990"),
                ("organisation_id", &app.fixtures.org_b.to_string()),
                ("confirm_duplicate", "1"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text);
    let dup: i64 = made
        .location()
        .and_then(|l| {
            l.trim_start_matches("/lv/people/")
                .split('?')
                .next()
                .map(str::to_owned)
        })
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    c.get(&format!("/lv/people/{dup}")).await;
    c.post_form(
        &format!("/lv/people/{dup}/roma-identity"),
        &[
            ("value", "yes"),
            ("given_on", "2026-11-01"),
            ("consent", "1"),
        ],
    )
    .await;
    let before_dump = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();

    c.get(&format!("/lv/people/{a}")).await;
    let merged = c
        .post_form(
            &format!("/lv/people/{a}/merge"),
            &[("duplicate_id", &dup.to_string())],
        )
        .await;
    assert_eq!(merged.status, 303, "{}", merged.text);
    assert_eq!(c.get(&format!("/lv/people/{dup}")).await.status, 404);
    let anna = store::people::get(&app.db, a)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        anna.emails,
        ["anna@a.test.invalid", "anna.privata@x.test.invalid"]
    );
    assert_eq!(anna.memberships.len(), 2);
    assert_eq!(anna.birth_year, Some(1990), "an empty field is filled");
    assert_eq!(
        anna.phone.as_deref(),
        Some("+37120000001"),
        "a filled one is kept"
    );
    assert!(
        store::people::roma_identity(&app.db, a)
            .await
            .unwrap_or_default()
            .is_some()
    );

    // Undo from the audit log.
    let (entries, _) = store::audit::list(
        &app.db,
        &store::audit::Filter {
            action: Some("person_merged".into()),
            ..Default::default()
        },
        0,
    )
    .await
    .unwrap_or_default();
    let entry = entries.first().map(|e| e.id).unwrap_or_default();
    let log = c.get("/lv/admin/audit?action=person_merged").await.text;
    assert!(log.contains(&format!("/admin/audit/{entry}/undo")));
    assert!(!log.contains("anna.privata"), "the undo data is not shown");
    let undone = c
        .post_form(&format!("/lv/admin/audit/{entry}/undo"), &[])
        .await;
    assert_eq!(undone.status, 303);
    assert_eq!(
        undone.location(),
        Some(format!("/lv/people/{dup}?notice=restored").as_str())
    );
    let after_dump = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    let strip = |d: &str| {
        // Everything but the audit log and the sessions is as before the merge.
        d.split("## ")
            .filter(|s| !s.starts_with("audit_log") && !s.starts_with("sessions"))
            .collect::<Vec<_>>()
            .join("## ")
    };
    assert_eq!(strip(&before_dump), strip(&after_dump));
    assert_eq!(
        c.post_form(&format!("/lv/admin/audit/{entry}/undo"), &[])
            .await
            .status,
        400,
        "only once"
    );
}

#[tokio::test]
async fn merging_organisations_moves_members_and_children_and_can_be_undone() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let (a, b) = (app.fixtures.org_a, app.fixtures.org_b);
    let school = store::organisations::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::organisations::OrgInput {
            name_lv: "Testa skola".into(),
            kind: Some(domain::directory::OrgKind::MunicipalInstitution),
            parent_id: Some(b),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let before = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    c.get(&format!("/lv/organisations/{a}")).await;
    let res = c
        .post_form(
            &format!("/lv/organisations/{a}/merge"),
            &[("duplicate_id", &b.to_string())],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(c.get(&format!("/lv/organisations/{b}")).await.status, 404);
    let page = c.get(&format!("/lv/organisations/{a}")).await.text;
    assert!(page.contains("Ēriks Čakste") && page.contains("Testa skola"));
    // A child cannot swallow its parent.
    let bad = c
        .post_form(
            &format!("/lv/organisations/{school}/merge"),
            &[("duplicate_id", &a.to_string())],
        )
        .await;
    assert_eq!(bad.status, 422);
    let (entries, _) = store::audit::list(
        &app.db,
        &store::audit::Filter {
            action: Some("organisation_merged".into()),
            ..Default::default()
        },
        0,
    )
    .await
    .unwrap_or_default();
    let entry = entries.first().map(|e| e.id).unwrap_or_default();
    assert_eq!(
        c.post_form(&format!("/lv/admin/audit/{entry}/undo"), &[])
            .await
            .status,
        303
    );
    let after = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    let strip = |d: &str| {
        d.split("## ")
            .filter(|s| !s.starts_with("audit_log") && !s.starts_with("sessions"))
            .collect::<Vec<_>>()
            .join("## ")
    };
    assert_eq!(strip(&before), strip(&after));
}

#[tokio::test]
async fn the_public_directory_shows_only_consented_people_and_fields() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let empty = anon.get("/en/directory").await;
    assert_eq!(empty.status, 200);
    assert!(
        empty.set_cookies().is_empty(),
        "a public page sets no cookie"
    );
    assert!(!empty.text.contains("Anna Ābele"));
    let c = app.login(Role::Coordinator).await;
    let p = app.fixtures.person_a;
    c.get(&format!("/lv/people/{p}")).await;
    // Without the consent statement nothing is listed.
    let no = c
        .post_form(
            &format!("/lv/people/{p}/listing"),
            &[("name", "1"), ("email", "1"), ("given_on", "2026-11-20")],
        )
        .await;
    assert_eq!(
        no.location(),
        Some(format!("/lv/people/{p}?notice=listing-invalid").as_str())
    );
    let no_name = c
        .post_form(
            &format!("/lv/people/{p}/listing"),
            &[("email", "1"), ("given_on", "2026-11-20"), ("consent", "1")],
        )
        .await;
    assert_eq!(
        no_name.location(),
        Some(format!("/lv/people/{p}?notice=listing-invalid").as_str())
    );
    let ok = c
        .post_form(
            &format!("/lv/people/{p}/listing"),
            &[
                ("name", "1"),
                ("organisation", "1"),
                ("email", "1"),
                ("given_on", "2026-11-20"),
                ("consent", "1"),
            ],
        )
        .await;
    assert_eq!(
        ok.location(),
        Some(format!("/lv/people/{p}?notice=listing-saved").as_str())
    );
    let listed = anon.get("/lv/directory").await.text;
    assert!(listed.contains("Anna Ābele") && listed.contains("anna@a.test.invalid"));
    assert!(
        listed.contains("Testa pilsētas pašvaldība"),
        "the organisation was consented"
    );
    assert!(!listed.contains("speciāliste"), "the role was not");
    assert!(!listed.contains("+37120000001"), "the phone was not");
    assert!(!listed.contains("Ēriks"), "others are not listed");
    let w = c
        .post_form(&format!("/lv/people/{p}/listing/withdraw"), &[])
        .await;
    assert_eq!(
        w.location(),
        Some(format!("/lv/people/{p}?notice=listing-withdrawn").as_str())
    );
    assert!(
        !anon.get("/lv/directory").await.text.contains("Anna Ābele"),
        "gone at once"
    );
    // Organisations too.
    let o = app.fixtures.org_b;
    c.post_form(
        &format!("/lv/organisations/{o}/listing"),
        &[
            ("name", "1"),
            ("phone", "1"),
            ("given_on", "2026-11-20"),
            ("consent", "1"),
        ],
    )
    .await;
    let listed = anon.get("/lv/directory").await.text;
    assert!(listed.contains("Citas pašvaldības birojs") && listed.contains("+37163000000"));
    assert!(!listed.contains("pasts@b.test.invalid"));
}

#[tokio::test]
async fn undo_after_later_edits_and_new_records_keeps_both_right() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let a = app.fixtures.person_a;
    let actor = store::Actor::cli();
    let now = app.clock_now();
    let dup = store::people::create(
        &app.db,
        now,
        &actor,
        &store::people::PersonInput {
            name: "Anna Ābele".into(),
            emails: vec!["anna.otra@x.test.invalid".into()],
            preferred_lang: "lv".into(),
            birth_year: Some(1991),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let entry = store::merge::merge_people(&app.db, now, "2026-11-26", &actor, a, dup)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // The audit entry holds ids, not personal data.
    let (entries, _) = store::audit::list(&app.db, &store::audit::Filter::default(), 0)
        .await
        .unwrap_or_default();
    let detail = entries
        .iter()
        .find(|e| e.id == entry)
        .and_then(|e| e.detail.clone())
        .unwrap_or_default();
    assert!(
        !detail.contains("anna.otra") && !detail.contains("Ābele") && !detail.contains("1991"),
        "{detail}"
    );
    // A new record never takes the merged one's id.
    let newcomer = store::people::create(
        &app.db,
        now,
        &actor,
        &store::people::PersonInput {
            name: "Jauna Persona".into(),
            preferred_lang: "lv".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_default();
    assert_ne!(newcomer, dup);
    // The survivor is edited after the merge (its e-mails rewritten, its name changed).
    let mut edited = store::people::get(&app.db, a)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    edited.name = "Anna Ābele-Kalna".into();
    let input = store::people::PersonInput {
        name: edited.name.clone(),
        emails: edited.emails.clone(),
        phone: edited.phone.clone(),
        preferred_lang: edited.preferred_lang.clone(),
        territory_id: edited.territory_id,
        gender: edited.gender,
        birth_year: edited.birth_year,
    };
    store::people::update(&app.db, now, &actor, a, &input)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        c.post_form(&format!("/lv/admin/audit/{entry}/undo"), &[])
            .await
            .status,
        303
    );
    let back = store::people::get(&app.db, dup)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        back.emails,
        ["anna.otra@x.test.invalid"],
        "its e-mail came back after the survivor's edit"
    );
    assert_eq!(back.birth_year, Some(1991));
    let survivor = store::people::get(&app.db, a)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(survivor.name, "Anna Ābele-Kalna", "the later edit stays");
    assert_eq!(survivor.emails, ["anna@a.test.invalid"]);
    assert_eq!(
        survivor.birth_year, None,
        "the filled field is emptied again"
    );
}

/// Issue 20, item 6: two coordinators edit the same person; the second save is refused
/// with what changed, the typed values kept, and goes through once saved again.
#[tokio::test]
async fn a_save_over_a_newer_version_is_refused_with_what_changed_and_the_typing_kept() {
    let app = TestApp::spawn().await;
    let first = app.login(Role::Coordinator).await;
    let second = app.login(Role::Coordinator).await;
    let p = app.fixtures.person_a;
    let version = crate::form_version;
    let loaded = version(&first.get(&format!("/lv/people/{p}/edit")).await.text);
    let also = version(&second.get(&format!("/lv/people/{p}/edit")).await.text);
    assert_eq!(loaded, also);
    let fields = |name: &'static str, phone: &'static str, v: String| {
        vec![
            ("name", name.to_owned()),
            ("emails", "anna@a.test.invalid".to_owned()),
            ("phone", phone.to_owned()),
            ("preferred_lang", "lv".to_owned()),
            ("version", v),
        ]
    };
    let send = |c: &testkit::Client, f: Vec<(&'static str, String)>| {
        let path = format!("/lv/people/{p}");
        let c = c.clone();
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            c.post_form(&path, &pairs).await
        }
    };
    let saved = send(&second, fields("Anna Ābele", "+371 20000001", also)).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let refused = send(&first, fields("Anna Ābele-Kalniņa", "", loaded)).await;
    assert_eq!(refused.status, 409);
    assert!(refused.text.contains("Kāds cits saglabāja šo ierakstu"));
    assert!(
        refused.text.contains("+37120000001") || refused.text.contains("+371 20000001"),
        "{}",
        refused.text
    );
    assert!(
        refused.text.contains("value=\"Anna Ābele-Kalniņa\""),
        "the typing kept"
    );
    assert_eq!(
        crate::ok(store::people::get(&app.db, p).await).name,
        "Anna Ābele"
    );
    // Merged by hand and saved again: goes through.
    let now = version(&refused.text);
    let merged = send(&first, fields("Anna Ābele-Kalniņa", "+371 20000001", now)).await;
    assert_eq!(merged.status, 303, "{}", merged.text);
    let person = crate::ok(store::people::get(&app.db, p).await);
    assert_eq!(person.name, "Anna Ābele-Kalniņa");
    assert!(person.phone.is_some());
}

/// The same for an organisation: the second save over a newer version is refused.
#[tokio::test]
async fn an_organisation_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let first = app.login(Role::Coordinator).await;
    let second = app.login(Role::Coordinator).await;
    let o = app.fixtures.org_a;
    let org = crate::ok(store::organisations::get(&app.db, o).await);
    let version = crate::form_version;
    let loaded = version(&first.get(&format!("/lv/organisations/{o}/edit")).await.text);
    let also = version(
        &second
            .get(&format!("/lv/organisations/{o}/edit"))
            .await
            .text,
    );
    let kind = org.kind.as_str().to_owned();
    let path = format!("/lv/organisations/{o}");
    let saved = second
        .post_form(
            &path,
            &[
                ("name_lv", org.name_lv.as_str()),
                ("kind", &kind),
                ("phone", "+371 60000000"),
                ("version", &also),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let refused = first
        .post_form(
            &path,
            &[
                ("name_lv", "Jauns nosaukums"),
                ("kind", &kind),
                ("version", &loaded),
            ],
        )
        .await;
    assert_eq!(refused.status, 409);
    assert!(refused.text.contains("Kāds cits saglabāja šo ierakstu"));
    assert!(refused.text.contains("value=\"Jauns nosaukums\""));
    let kept = crate::ok(store::organisations::get(&app.db, o).await);
    assert_eq!(kept.name_lv, org.name_lv);
    assert!(kept.phone.is_some());
}

#[tokio::test]
async fn two_systems_cannot_overwrite_each_other_through_the_api() {
    let app = TestApp::spawn().await;
    let coord = bearer(&app, Role::Coordinator).await;
    let path = format!("/api/v1/organisations/{}", app.fixtures.org_a);
    let read = coord.get(&path).await;
    let tag = read.header("etag").unwrap_or_default().to_owned();
    assert!(tag.starts_with("\"v") && tag.ends_with('"'), "{tag}");
    let patch = |tag: &str, body: &str| {
        let (coord, path, tag, body) = (&coord, &path, tag.to_owned(), body.to_owned());
        async move {
            coord
                .send(
                    coord
                        .http()
                        .patch(coord.url(path))
                        .header("content-type", "application/json")
                        .header("if-match", tag)
                        .body(body),
                )
                .await
        }
    };
    // The first system changes it on the version it read, and gets the next version.
    let first = patch(&tag, r#"{"phone":"+371 67000001"}"#).await;
    assert_eq!(first.status, 200, "{}", first.text);
    let next = first.header("etag").unwrap_or_default().to_owned();
    assert_ne!(next, tag);
    // The second, on the same old version, is refused: 412, nothing saved.
    let second = patch(&tag, r#"{"phone":"+371 67000002"}"#).await;
    assert_eq!(second.status, 412, "{}", second.text);
    assert_eq!(
        second.header("content-type"),
        Some("application/problem+json")
    );
    assert!(second.json()["request_id"].is_string());
    let now = coord.get(&path).await;
    assert_eq!(now.json()["phone"], "+37167000001");
    assert_eq!(now.header("etag"), Some(next.as_str()));
    // A weak tag never matches; `*` matches any version.
    assert_eq!(patch(&format!("W/{next}"), "{}").await.status, 412);
    assert_eq!(patch("*", r#"{"phone":"+371 67000003"}"#).await.status, 200);
    // People the same way.
    let person = format!("/api/v1/people/{}", app.fixtures.person_a);
    let tag = coord
        .get(&person)
        .await
        .header("etag")
        .unwrap_or_default()
        .to_owned();
    let ok = coord
        .send(
            coord
                .http()
                .patch(coord.url(&person))
                .header("content-type", "application/json")
                .header("if-match", tag.clone())
                .body(r#"{"birth_year":1990}"#),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    let stale = coord
        .send(
            coord
                .http()
                .patch(coord.url(&person))
                .header("content-type", "application/json")
                .header("if-match", tag)
                .body(r#"{"birth_year":1991}"#),
        )
        .await;
    assert_eq!(stale.status, 412);
}

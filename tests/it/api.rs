//! The JSON API skeleton: bearer tokens, problem+json, OpenAPI, health.

use domain::auth::Role;
use testkit::TestApp;

pub async fn token_for(app: &TestApp, role: Role) -> String {
    let secret = domain::token::new_api_token();
    store::tokens::create_api_token(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.user_id(role),
        "test",
        &domain::token::hash_secret(&secret),
        None,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    secret
}

#[tokio::test]
async fn health_answers_ok_when_the_database_answers() {
    let app = TestApp::spawn().await;
    let res = app.client().get("/healthz").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json(), serde_json::json!({"status": "ok"}));
}

#[tokio::test]
async fn bearer_tokens_authenticate_and_can_be_revoked() {
    let app = TestApp::spawn().await;
    let secret = token_for(&app, Role::Municipality).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let me = c.get("/api/v1/me").await;
    assert_eq!(me.status, 200, "{}", me.text);
    assert_eq!(me.json()["role"], "municipality");
    // Create a second token through the API, list, revoke the first.
    let created = c
        .send(
            c.http()
                .post(c.url("/api/v1/me/tokens"))
                .header("content-type", "application/json")
                .body(r#"{"label":"Atskaišu skripts"}"#),
        )
        .await;
    assert_eq!(created.status, 201);
    let new_secret = created.json()["token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(new_secret.starts_with("roma_"));
    let list = c.get("/api/v1/me/tokens").await.json()["items"].clone();
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert!(list.to_string().contains("Atskaišu skripts"));
    assert!(
        !list.to_string().contains(&new_secret),
        "secrets are never listed"
    );
    let first_id = list[1]["id"].as_i64().unwrap_or_default();
    let second_id = list[0]["id"].as_i64().unwrap_or_default();
    // The new token revokes itself... through the first one.
    let revoke = c
        .send(
            c.http()
                .post(c.url(&format!("/api/v1/me/tokens/{second_id}/revoke"))),
        )
        .await;
    assert_eq!(revoke.status, 204);
    let c2 = app.client();
    c2.set_header("authorization", &format!("Bearer {new_secret}"));
    assert_eq!(
        c2.get("/api/v1/me").await.status,
        401,
        "the revoked token no longer works"
    );
    assert_eq!(
        c.get("/api/v1/me").await.status,
        200,
        "the other one still does"
    );
    // Another user's token id is not found, not revoked.
    let other = token_for(&app, Role::Ngo).await;
    let c3 = app.client();
    c3.set_header("authorization", &format!("Bearer {other}"));
    let res = c3
        .send(
            c3.http()
                .post(c3.url(&format!("/api/v1/me/tokens/{first_id}/revoke"))),
        )
        .await;
    assert_eq!(res.status, 404);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    assert_eq!(c.get("/api/v1/me").await.status, 200);
}

#[tokio::test]
async fn bad_api_input_is_a_problem_document() {
    let app = TestApp::spawn().await;
    let secret = token_for(&app, Role::Ngo).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    for (body, status) in [
        ("not json", 400),
        (r#"{"label":"x","role":"coordinator"}"#, 400),
        (r#"{"label":""}"#, 422),
    ] {
        let res = c
            .send(
                c.http()
                    .post(c.url("/api/v1/me/tokens"))
                    .header("content-type", "application/json")
                    .body(body),
            )
            .await;
        assert_eq!(res.status, status, "{body}");
        assert_eq!(res.header("content-type"), Some("application/problem+json"));
        // Every member the document's Problem schema requires, on every problem.
        let p = res.json();
        assert_eq!(p["status"], status);
        for member in ["type", "title", "detail", "request_id"] {
            assert!(
                p[member].as_str().is_some_and(|v| !v.is_empty()),
                "{member} in {p}"
            );
        }
        if status == 422 {
            assert_eq!(p["errors"][0]["field"], "label", "{p}");
            assert_eq!(
                p["errors"][0]["message"],
                "Enter a name (1–100 characters)."
            );
        }
    }
}

#[tokio::test]
async fn the_api_contract_is_one_a_client_generator_can_use() {
    let app = TestApp::spawn().await;
    let doc = app.client().get("/api/v1/openapi.json").await.json();
    let tags: Vec<&str> = web::openapi::TAGS.iter().map(|(n, _)| *n).collect();
    let mut ids = std::collections::BTreeSet::new();
    let mut count = 0;
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            count += 1;
            let id = op["operationId"].as_str().unwrap_or_default();
            assert!(
                !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()),
                "{method} {path}: {id:?}"
            );
            assert!(ids.insert(id.to_owned()), "{id} twice");
            let tag = op["tags"][0].as_str().unwrap_or_default();
            assert!(tags.contains(&tag), "{id}: tag {tag:?}");
            assert!(
                op["summary"].as_str().is_some_and(|s| s.len() > 5),
                "{id}: no summary"
            );
            assert!(
                op["description"].as_str().is_some_and(|s| s.len() > 20),
                "{id}: no description"
            );
            let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
            let responses = &op["responses"];
            if secured {
                for code in ["401", "403"] {
                    assert!(responses[code].is_object(), "{id}: {code} undocumented");
                }
            }
            if path.contains('{') {
                assert!(responses["404"].is_object(), "{id}: 404 undocumented");
            }
            if op.get("requestBody").is_some() {
                for code in ["400", "413", "422"] {
                    assert!(responses[code].is_object(), "{id}: {code} undocumented");
                }
            }
        }
    }
    assert!(count >= 30, "{count} operations");
    // Every documented error is a problem document with the members answers carry.
    let problem = &doc["components"]["schemas"]["Problem"];
    for member in ["type", "title", "status", "detail", "request_id"] {
        assert!(
            problem["required"]
                .as_array()
                .is_some_and(|r| r.iter().any(|m| m == member)),
            "{member}"
        );
    }
    // Closed sets are enums, with the values the server takes.
    let kind = doc["paths"]["/api/v1/news"]["get"]["parameters"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "kind"))
        .map(|p| p["schema"]["enum"].clone())
        .unwrap_or_default();
    assert_eq!(
        kind,
        serde_json::json!(domain::site::NewsKind::CODES),
        "news kinds"
    );

    // The server refuses what the document refuses, naming the parameter.
    let secret = token_for(&app, Role::Coordinator).await;
    let c = app.client();
    // The scheme's name in any case (RFC 9110).
    c.set_header("authorization", &format!("bearer {secret}"));
    assert_eq!(c.get("/api/v1/me").await.status, 200);
    for (path, field) in [
        ("/api/v1/news?kind=state_city", "kind"),
        ("/api/v1/news?kind=", "kind"),
        ("/api/v1/organisations?page=100001", "page"),
        ("/api/v1/organisations?page=0", "page"),
        ("/api/v1/organisations?per_page=201", "per_page"),
        ("/api/v1/people?territory=0", "territory"),
        ("/api/v1/events?from=2026-02-30", "from"),
        ("/api/v1/practices?year=1989", "year"),
        ("/api/v1/territories?on=yesterday", "on"),
    ] {
        let res = c.get(path).await;
        assert_eq!(res.status, 422, "{path}: {}", res.text);
        let p = res.json();
        assert_eq!(p["errors"][0]["field"], field, "{path}: {p}");
        assert!(
            p["request_id"].as_str().is_some_and(|r| r.len() == 16),
            "{p}"
        );
    }
    for ok in [
        "/api/v1/news?kind=call",
        "/api/v1/organisations?page=100000",
        "/api/v1/practices?year=2025&place=EE",
        "/api/v1/events?from=2026-02-28&type=workshop",
    ] {
        assert_eq!(c.get(ok).await.status, 200, "{ok}");
    }
}

#[tokio::test]
async fn a_disabled_users_tokens_stop_working() {
    let app = TestApp::spawn().await;
    let secret = token_for(&app, Role::Ngo).await;
    store::users::update(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.user_id(Role::Ngo),
        &store::users::Changes {
            name: "Tests ngo".into(),
            role: Role::Ngo,
            organisation_id: None,
            disabled: true,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    assert_eq!(c.get("/api/v1/me").await.status, 401);
}

#[tokio::test]
async fn a_token_stops_working_after_180_days_and_the_account_page_says_so() {
    let app = TestApp::spawn().await;
    let made = app.clock_now();
    let secret = token_for(&app, Role::Ngo).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let list = c.get("/api/v1/me/tokens").await.json()["items"].clone();
    let until = jiff::Timestamp::from_second(made + 180 * 86_400)
        .map(|t| t.to_string())
        .unwrap_or_default();
    assert_eq!(list[0]["expires_at"].as_str(), Some(until.as_str()));
    // A token made by this one, 100 days on, ends with its parent: no token outlives the
    // one that made it by making successors.
    app.advance_minutes(100 * 24 * 60);
    let child = c
        .send(
            c.http()
                .post(c.url("/api/v1/me/tokens"))
                .header("content-type", "application/json")
                .body(r#"{"label":"Pēctecis"}"#),
        )
        .await;
    assert_eq!(child.status, 201, "{}", child.text);
    assert_eq!(child.json()["expires_at"].as_str(), Some(until.as_str()));
    let child_secret = child.json()["token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let by_child = app.client();
    by_child.set_header("authorization", &format!("Bearer {child_secret}"));
    assert_eq!(by_child.get("/api/v1/me").await.status, 200);
    app.advance_minutes(80 * 24 * 60 - 1);
    assert_eq!(c.get("/api/v1/me").await.status, 200);
    app.advance_minutes(2);
    assert_eq!(c.get("/api/v1/me").await.status, 401);
    assert_eq!(by_child.get("/api/v1/me").await.status, 401);
    let page = app.login(Role::Ngo).await.get("/lv/account").await;
    assert!(page.text.contains("Beidzies derīgums"), "{}", page.text);
    assert!(page.text.contains("Derīga līdz"));
    // An expired token can still be revoked (and with it what it made).
    assert!(page.text.contains("/revoke\""), "{}", page.text);
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = TestApp::spawn().await;
    let res = app.client().get("/api/v1/openapi.json").await;
    assert_eq!(res.status, 200);
    let doc = res.json();
    assert!(
        doc["openapi"]
            .as_str()
            .unwrap_or_default()
            .starts_with("3.")
    );
    for path in [
        "/api/v1/me",
        "/api/v1/me/tokens",
        "/api/v1/me/tokens/{id}/revoke",
        "/healthz",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    // Every API route in the registry is documented.
    for r in web::routes::routes() {
        if r.path.starts_with("/api/v1/") && r.path != "/api/v1/openapi.json" {
            let method = r.method.to_lowercase();
            assert!(
                doc["paths"][r.path][&method].is_object(),
                "{} {} undocumented",
                r.method,
                r.path
            );
        }
    }
}

#[tokio::test]
async fn revoking_a_token_revokes_the_tokens_it_created() {
    let app = TestApp::spawn().await;
    let parent = token_for(&app, Role::Ngo).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {parent}"));
    let mint = |c: testkit::Client| async move {
        c.send(
            c.http()
                .post(c.url("/api/v1/me/tokens"))
                .header("content-type", "application/json")
                .body(r#"{"label":"child"}"#),
        )
        .await
        .json()["token"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let child = mint(c.clone()).await;
    let c2 = app.client();
    c2.set_header("authorization", &format!("Bearer {child}"));
    let grandchild = mint(c2.clone()).await;
    // The user revokes the leaked parent from the account page.
    let ui = app.login(Role::Ngo).await;
    ui.get("/lv/account").await;
    let tokens = store::tokens::list_api_tokens(&app.db, app.user_id(Role::Ngo))
        .await
        .unwrap_or_default();
    let parent_id = tokens.iter().map(|t| t.id).min().unwrap_or_default();
    let res = ui
        .post_form(&format!("/lv/account/tokens/{parent_id}/revoke"), &[])
        .await;
    assert_eq!(res.status, 303);
    for secret in [&parent, &child, &grandchild] {
        let c = app.client();
        c.set_header("authorization", &format!("Bearer {secret}"));
        assert_eq!(c.get("/api/v1/me").await.status, 401);
    }
}

#[tokio::test]
async fn events_are_listed_by_date_and_read_with_their_agenda() {
    let app = TestApp::spawn().await;
    let id = app.fixtures.event;
    store::agenda::add(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        id,
        &store::agenda::ItemInput {
            starts_at: Some("10:00".into()),
            title_lv: "Atklāšana".into(),
            speaker_ids: vec![app.fixtures.person_a],
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let secret = token_for(&app, Role::Ngo).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let list = c.get("/api/v1/events?from=2026-12-10&to=2026-12-10").await;
    assert_eq!(list.status, 200, "{}", list.text);
    let page = list.json();
    assert_eq!(
        (&page["page"], &page["per_page"], &page["total"]),
        (&1.into(), &50.into(), &1.into())
    );
    let list = &page["items"];
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["starts_at"], "2026-12-10T08:00:00Z");
    assert_eq!(list[0]["status"], "published");
    assert_eq!(list[0]["organisations"][0]["role"], "organiser");
    assert!(list[0].get("agenda").is_none());
    for empty in [
        "/api/v1/events?from=2026-12-11",
        "/api/v1/events?to=2026-12-09",
        "/api/v1/events?type=workshop",
        "/api/v1/events?event_type=workshop",
        "/api/v1/events?region=latgale",
        "/api/v1/events?page=2",
    ] {
        let res = c.get(empty).await.json();
        assert_eq!(res["items"], serde_json::json!([]), "{empty}");
    }
    // The deprecated `type` and its successor `event_type` mean the same.
    for same in ["type=annual_coordination", "event_type=annual_coordination"] {
        let res = c.get(&format!("/api/v1/events?{same}")).await.json();
        assert_eq!(res["total"], 1, "{same}: {res}");
    }
    // An item carries its version; a page of one holds one.
    let one = c.get(&format!("/api/v1/events/{id}")).await;
    assert!(
        one.header("etag").is_some_and(|e| e.starts_with("\"v")),
        "{:?}",
        one.header("etag")
    );
    let paged = c.get("/api/v1/events?per_page=1&page=1").await.json();
    assert_eq!(paged["items"].as_array().map(Vec::len), Some(1), "{paged}");
    let bad = c.get("/api/v1/events?from=2026-02-30").await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.header("content-type"), Some("application/problem+json"));
    let one = c.get(&format!("/api/v1/events/{id}")).await.json();
    assert_eq!(one["agenda"][0]["title_lv"], "Atklāšana");
    assert_eq!(one["agenda"][0]["speaker_names"][0], "Anna Ābele");
    assert_eq!(c.get("/api/v1/events/999999").await.status, 404);
    assert_eq!(app.client().get("/api/v1/events").await.status, 401);
    let doc = app.client().get("/api/v1/openapi.json").await.json();
    assert!(doc["paths"]["/api/v1/events/{id}"]["get"].is_object());
    // Registrations: coordinators only.
    store::registrations::register(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        id,
        &store::registrations::NewRegistration {
            name: "Ilze Kalniņa".into(),
            email: "ilze@example.invalid".into(),
            lang: "lv".into(),
            organisation_text: Some("Biedrība (demo)".into()),
            notice_version: "2026-11".into(),
            token_hash: "h".into(),
            ..Default::default()
        },
        |_| store::outbox::Outgoing {
            kind: "registration".into(),
            subject: "s".into(),
            body: "b".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let path = format!("/api/v1/events/{id}/registrations");
    assert_eq!(c.get(&path).await.status, 403, "an NGO may not list them");
    let coord = app.client();
    let secret = token_for(&app, Role::Coordinator).await;
    coord.set_header("authorization", &format!("Bearer {secret}"));
    let regs = coord.get(&path).await.json()["items"].clone();
    assert_eq!(regs[0]["name"], "Ilze Kalniņa");
    assert_eq!(regs[0]["status"], "confirmed");
    assert!(regs[0].get("roma_self_identified").is_none());
}

#[tokio::test]
async fn an_external_system_runs_an_event_from_creation_to_held_with_its_attendance() {
    let app = TestApp::spawn().await;
    let secret = token_for(&app, Role::Coordinator).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let send =
        |method: &'static str, path: String, key: Option<&'static str>, body: serde_json::Value| {
            let c = c.clone();
            async move {
                let mut req = match method {
                    "PATCH" => c.http().patch(c.url(&path)),
                    _ => c.http().post(c.url(&path)),
                };
                if let Some(k) = key {
                    req = req.header("idempotency-key", k);
                }
                c.send(req.json(&body)).await
            }
        };
    let new_event = serde_json::json!({
        "event_type": "workshop",
        "title_lv": "Jauniešu darbnīca (API)",
        "date": "2026-12-15",
        "start": "10:00",
        "end": "13:00",
        "is_public": true,
        "capacity": 30,
        "organiser_ids": [app.fixtures.org_a],
    });
    // The form's rules: no title, an end before the start.
    let bad = send(
        "POST",
        "/api/v1/events".into(),
        None,
        serde_json::json!({
            "event_type": "workshop", "date": "2026-12-15", "start": "10:00", "end": "09:00",
        }),
    )
    .await;
    assert_eq!(bad.status, 422, "{}", bad.text);
    let fields: Vec<String> = bad.json()["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str().map(str::to_owned))
        .collect();
    assert!(
        fields.contains(&"title_lv".to_owned()) && fields.contains(&"end".to_owned()),
        "{fields:?}"
    );
    let count = |action: &'static str| {
        let db = app.db.clone();
        async move { store::audit::count(&db, action).await.unwrap_or_default() }
    };
    let (created_before, moved_before) = (
        count("event_created").await,
        count("event_status_changed").await,
    );
    // Created once, however often the same request is retried with its key.
    let made = send(
        "POST",
        "/api/v1/events".into(),
        Some("k-1"),
        new_event.clone(),
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.text);
    let id = made.json()["id"].as_i64().unwrap_or_default();
    assert_eq!(
        made.header("location"),
        Some(format!("/api/v1/events/{id}").as_str())
    );
    assert_eq!(made.json()["status"], "draft");
    assert_eq!(made.json()["starts_at"], "2026-12-15T08:00:00Z");
    let again = send(
        "POST",
        "/api/v1/events".into(),
        Some("k-1"),
        new_event.clone(),
    )
    .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.json()["id"], id);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let other = send(
        "POST",
        "/api/v1/events".into(),
        Some("k-1"),
        serde_json::json!({"title_lv": "Cits"}),
    )
    .await;
    assert_eq!(other.status, 422, "{}", other.text);
    assert_eq!(count("event_created").await, created_before + 1);
    // Changed on the version read; a second change on the same version is refused.
    let tag = made.header("etag").unwrap_or_default().to_owned();
    let path = format!("/api/v1/events/{id}");
    let changed = c
        .send(
            c.http()
                .patch(c.url(&path))
                .header("if-match", tag.clone())
                .json(&serde_json::json!({"title_en": "Youth workshop (API)"})),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.text);
    assert_eq!(changed.json()["title_en"], "Youth workshop (API)");
    let stale = c
        .send(
            c.http()
                .patch(c.url(&path))
                .header("if-match", tag)
                .json(&serde_json::json!({"title_en": "Lost"})),
        )
        .await;
    assert_eq!(stale.status, 412);
    // A status change is a new version: a change made on the version before it is refused.
    let before_publishing = c
        .get(&path)
        .await
        .header("etag")
        .unwrap_or_default()
        .to_owned();
    // Published once; marked held only from its start.
    let published = send(
        "POST",
        format!("{path}/publish"),
        None,
        serde_json::json!(null),
    )
    .await;
    assert_eq!(published.status, 200, "{}", published.text);
    assert_eq!(published.json()["status"], "published");
    assert_eq!(
        send(
            "POST",
            format!("{path}/publish"),
            None,
            serde_json::json!(null)
        )
        .await
        .status,
        409
    );
    let late = c
        .send(
            c.http()
                .patch(c.url(&path))
                .header("if-match", before_publishing.clone())
                .json(&serde_json::json!({"title_en": "Late"})),
        )
        .await;
    assert_eq!(late.status, 412);
    // Any of several tags may match.
    let now_tag = c
        .get(&path)
        .await
        .header("etag")
        .unwrap_or_default()
        .to_owned();
    let either = c
        .send(
            c.http()
                .patch(c.url(&path))
                .header("if-match", format!("{before_publishing}, {now_tag}"))
                .json(&serde_json::json!({"title_en": "Youth workshop (API)"})),
        )
        .await;
    assert_eq!(either.status, 200, "{}", either.text);
    // Someone who called is registered, once, with the form's rules.
    let person = serde_json::json!({
        "name": "Jānis Bērziņš", "email": "janis@example.invalid",
        "organisation": "Biedrība (demo)", "notice_given": true,
    });
    let reg = send(
        "POST",
        format!("{path}/registrations"),
        Some("r-1"),
        person.clone(),
    )
    .await;
    assert_eq!(reg.status, 201, "{}", reg.text);
    assert_eq!(reg.json()["status"], "confirmed");
    let again = send(
        "POST",
        format!("{path}/registrations"),
        Some("r-1"),
        person.clone(),
    )
    .await;
    assert_eq!(
        (again.status, again.json()["id"].clone()),
        (201, reg.json()["id"].clone())
    );
    assert_eq!(
        send("POST", format!("{path}/registrations"), None, person)
            .await
            .status,
        409
    );
    let unnoticed = send(
        "POST",
        format!("{path}/registrations"),
        None,
        serde_json::json!({
            "name": "Bez paziņojuma", "private_person": true,
        }),
    )
    .await;
    assert_eq!(unnoticed.status, 422);
    assert_eq!(
        unnoticed.json()["errors"][0]["field"],
        "notice_given",
        "{}",
        unnoticed.text
    );
    let nowhere = send(
        "POST",
        format!("{path}/registrations"),
        None,
        serde_json::json!({"name": "Kāds", "private_person": true, "notice_given": true, "territory_id": 999_999}),
    )
    .await;
    assert_eq!(nowhere.status, 422, "{}", nowhere.text);
    assert_eq!(nowhere.json()["errors"][0]["field"], "territory_id");
    let regs = c.get(&format!("{path}/registrations")).await.json();
    assert_eq!(regs["total"], 1, "{regs}");
    let early = send(
        "POST",
        format!("{path}/held"),
        None,
        serde_json::json!(null),
    )
    .await;
    assert_eq!(early.status, 409, "{}", early.text);
    app.advance_to(
        jiff::civil::date(2026, 12, 15),
        jiff::civil::Time::constant(10, 5, 0, 0),
    );
    let signed = send(
        "POST",
        format!("{path}/attendance"),
        None,
        serde_json::json!([
            {"name": "Ilze Kļaviņa"},
            {"name": "Anna Ābele", "person_id": app.fixtures.person_a},
        ]),
    )
    .await;
    assert_eq!(signed.status, 201, "{}", signed.text);
    let held = send(
        "POST",
        format!("{path}/held"),
        None,
        serde_json::json!(null),
    )
    .await;
    assert_eq!(held.status, 200, "{}", held.text);
    assert_eq!(held.json()["status"], "held");
    let attendance = c.get(&format!("{path}/attendance")).await.json();
    assert_eq!(attendance["total"], 2, "{attendance}");
    assert_eq!(count("event_status_changed").await, moved_before + 2);
    // The follow-up: an action decided at it (once per key), the minutes (none written yet).
    let action = serde_json::json!({
        "title_lv": "Sagatavot ziņojumu", "owner_organisation_id": app.fixtures.org_a,
        "due_date": "2027-01-31",
    });
    let made = send(
        "POST",
        format!("{path}/actions"),
        Some("a-1"),
        action.clone(),
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.text);
    assert_eq!(made.json()["status"], "open");
    let again = send("POST", format!("{path}/actions"), Some("a-1"), action).await;
    assert_eq!(again.json()["id"], made.json()["id"]);
    let unknown = send(
        "POST",
        format!("{path}/actions"),
        None,
        serde_json::json!({
            "title_lv": "X", "owner_organisation_id": 999_999,
        }),
    )
    .await;
    assert_eq!(unknown.status, 422);
    assert_eq!(
        unknown.json()["errors"][0]["field"],
        "owner_organisation_id",
        "{}",
        unknown.text
    );
    let actions = c.get(&format!("{path}/actions")).await.json();
    assert_eq!(actions["total"], 1, "{actions}");
    assert_eq!(actions["items"][0]["due_date"], "2027-01-31");
    let minutes = c.get(&format!("{path}/minutes")).await.json();
    assert!(
        minutes["summary_lv"].is_null() && minutes["published_at"].is_null(),
        "{minutes}"
    );
    // A cancelled event stays cancelled; an NGO member may not run events.
    let second = send(
        "POST",
        "/api/v1/events".into(),
        None,
        serde_json::json!({
            "event_type": "interministerial", "title_lv": "Starpministriju sanāksme",
            "date": "2027-01-20", "start": "11:00", "end": "12:00",
        }),
    )
    .await
    .json()["id"]
        .as_i64()
        .unwrap_or_default();
    let cancelled = send(
        "POST",
        format!("/api/v1/events/{second}/cancel"),
        None,
        serde_json::json!(null),
    )
    .await;
    assert_eq!(
        cancelled.json()["status"],
        "cancelled",
        "{}",
        cancelled.text
    );
    assert_eq!(
        send(
            "POST",
            format!("/api/v1/events/{second}/publish"),
            None,
            serde_json::json!(null)
        )
        .await
        .status,
        409
    );
    let ngo = app.client();
    ngo.set_header(
        "authorization",
        &format!("Bearer {}", token_for(&app, Role::Ngo).await),
    );
    let refused = ngo
        .send(ngo.http().post(ngo.url("/api/v1/events")).json(&new_event))
        .await;
    assert_eq!(refused.status, 403);
    // The actions as the action pages scope them: an NGO member without an organisation sees
    // none; the municipality's officer those of their own organisation.
    let none = ngo.get(&format!("{path}/actions")).await.json();
    assert_eq!(none["total"], 0, "{none}");
    let officer = app.client();
    officer.set_header(
        "authorization",
        &format!("Bearer {}", token_for(&app, Role::Municipality).await),
    );
    let own = officer.get(&format!("{path}/actions")).await.json();
    assert_eq!(own["total"], 1, "{own}");
}

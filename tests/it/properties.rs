//! Property tests of the web layer's readers of outside input (issue 16): the rich-text
//! cleaner, the NFC passes over form and JSON bodies, and the API's JSON bodies through the
//! real HTTP stack. A bounded number of generated cases runs in the suite.

use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::TestRunner;

/// HTML-ish text built from the pieces an attacker would use.
fn html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>alert(1)</script>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_owned()),
        Just("<a href=\"https://example.lv\" onclick=\"x()\">saite</a>".to_owned()),
        Just("<svg><animate onbegin=alert(1)></svg>".to_owned()),
        Just("<p style=\"background:url(x)\">".to_owned()),
        Just("<iframe src=//x></iframe>".to_owned()),
        Just("</p><p>".to_owned()),
        Just("<!--".to_owned()),
        Just("&lt;script&gt;".to_owned()),
        "[a-zĀ-ž <>=\"'/&;:]{0,12}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_rich_text_cleaner_leaves_no_script_handler_or_javascript(input in html()) {
        for out in [web::rich::sanitise(&input), web::rich::from_input(&input)] {
            let lower = out.to_lowercase();
            prop_assert!(!lower.contains("<script"), "{out}");
            prop_assert!(!lower.contains("<iframe") && !lower.contains("<svg"), "{out}");
            prop_assert!(!lower.contains("javascript:"), "{out}");
            prop_assert!(!has_handler(&lower), "{out}");
            prop_assert!(!lower.contains("style="), "{out}");
        }
    }

    #[test]
    fn the_nfc_passes_never_panic_and_keep_what_they_cannot_read(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = web::http::forms::nfc_form(&bytes);
        if let Some(out) = web::http::forms::nfc_json(&bytes) {
            prop_assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
        }
    }
}

/// An attribute named on… inside a tag.
fn has_handler(html: &str) -> bool {
    html.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or_default();
        tag.split_whitespace()
            .skip(1)
            .any(|attr| attr.starts_with("on") && attr.contains('='))
    })
}

/// JSON values of every shape, strings among them with the characters that matter.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)),
        "\\PC{0,30}|[\\u{202E}\\n\\x00'\"<>]{0,10}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("name".to_owned()),
                    Just("name_lv".to_owned()),
                    Just("kind".to_owned()),
                    Just("emails".to_owned()),
                    Just("email".to_owned()),
                    Just("territory_id".to_owned()),
                    Just("parent_id".to_owned()),
                    Just("website".to_owned()),
                    Just("phone".to_owned()),
                    Just("memberships".to_owned()),
                    "[a-z_]{1,10}",
                ],
                inner,
                0..6,
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[tokio::test]
async fn the_apis_json_bodies_never_make_a_server_error() {
    use domain::auth::Role;
    let app = testkit::TestApp::spawn().await;
    let secret = crate::api::token_for(&app, Role::Coordinator).await;
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let mut runner = TestRunner::deterministic();
    let strategy = json();
    let targets = [
        ("POST", "/api/v1/organisations".to_owned()),
        ("POST", "/api/v1/people".to_owned()),
        (
            "PATCH",
            format!("/api/v1/organisations/{}", app.fixtures.org_a),
        ),
        ("PATCH", format!("/api/v1/people/{}", app.fixtures.person_a)),
        (
            "POST",
            format!("/api/v1/events/{}/attendance", app.fixtures.event),
        ),
    ];
    for i in 0..150 {
        let value = strategy
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{e}"))
            .current();
        let (method, path) = &targets[i % targets.len()];
        let body = value.to_string();
        let req = if *method == "PATCH" {
            c.http().patch(c.url(path))
        } else {
            c.http().post(c.url(path))
        };
        let res = c
            .send(
                req.header("content-type", "application/json")
                    .body(body.clone()),
            )
            .await;
        assert!(
            res.status < 500,
            "{method} {path} {body} → {}: {}",
            res.status,
            res.text
        );
    }
    assert_eq!(c.get("/healthz").await.status, 200);
}

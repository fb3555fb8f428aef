//! Messages: both locales define the same keys, every key is used, every key used is
//! defined; the language switcher keeps the page; `/` follows the browser's preference.

use std::collections::BTreeSet;
use std::path::Path;

use domain::auth::Role;
use fluent_syntax::ast::Entry;
use testkit::TestApp;

fn keys(lang: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let res = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for e in res.body {
                if let Entry::Message(m) = e {
                    assert!(
                        out.insert(m.id.name.to_owned()),
                        "{} defined twice in {lang}",
                        m.id.name
                    );
                }
            }
        }
    }
    out
}

/// All source text that can name a message: Rust in the crates and the templates.
fn sources() -> String {
    crate::source_tree(&["crates"], &["rs", "html"]).0
}

#[test]
fn both_locales_have_the_same_messages() {
    let lv = keys("lv");
    let en = keys("en");
    let missing_en: Vec<_> = lv.difference(&en).collect();
    let missing_lv: Vec<_> = en.difference(&lv).collect();
    assert!(missing_en.is_empty(), "missing in en: {missing_en:?}");
    assert!(missing_lv.is_empty(), "missing in lv: {missing_lv:?}");
}

#[test]
fn every_message_is_used() {
    let src = sources();
    let unused: Vec<_> = keys("lv")
        .into_iter()
        .filter(|k| !src.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "messages never used: {unused:?}");
}

#[test]
fn every_message_a_template_asks_for_exists() {
    let lv = keys("lv");
    let src = sources();
    let mut missing = BTreeSet::new();
    for call in [
        ".t(\"",
        ".t1(\"",
        ".tn(\"",
        "errors.add(\"",
        "i18n::t(Lang::En, \"",
    ] {
        for (i, _) in src.match_indices(call) {
            let rest = &src[i + call.len()..];
            let id = rest.split('"').next().unwrap_or_default();
            // `errors.add("field", "message")`: the message is the second literal — when it
            // is one (`errors.add("field", e.message_id())` names an enumeration's, below).
            let id = if call.starts_with("errors") {
                let mut parts = rest.split('"');
                match (parts.nth(1), parts.next()) {
                    (Some(", "), Some(message)) => message,
                    _ => "",
                }
            } else {
                id
            };
            if !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !lv.contains(id)
            {
                missing.insert(id.to_owned());
            }
        }
    }
    // Ids that come from enumerations.
    let enumerated = Role::ALL
        .iter()
        .map(|r| r.label_key())
        .chain(
            domain::directory::OrgKind::ALL
                .iter()
                .map(|k| k.label_key()),
        )
        .chain(domain::directory::Gender::ALL.iter().map(|g| g.label_key()))
        .chain(
            domain::directory::RomaIdentity::ALL
                .iter()
                .map(|r| r.label_key()),
        )
        .chain(domain::territory::Kind::ALL.iter().map(|k| k.label_key()))
        .chain(domain::event::EventType::ALL.iter().map(|t| t.label_key()))
        .chain(
            domain::event::EventStatus::ALL
                .iter()
                .map(|s| s.label_key()),
        )
        .chain(
            domain::event::EventStatus::ALL
                .iter()
                .map(|s| s.action_key()),
        )
        .chain(domain::event::Objective::ALL.iter().map(|o| o.label_key()))
        .chain(
            domain::privacy::AccessKind::ALL
                .iter()
                .map(|k| k.label_key()),
        )
        .chain(
            domain::privacy::AccessPurpose::ALL
                .iter()
                .map(|p| p.label_key()),
        )
        .chain(
            domain::privacy::AccessPlace::ALL
                .iter()
                .map(|p| p.label_key()),
        )
        .chain(
            domain::event::TargetGroup::ALL
                .iter()
                .map(|g| g.label_key()),
        )
        .chain(
            domain::audit::AuditAction::ALL
                .iter()
                .map(|a| a.label_key()),
        )
        .chain(domain::mediation::Gender::ALL.iter().map(|g| g.label_key()))
        .chain(domain::plan::Direction::ALL.iter().map(|d| d.label_key()))
        .chain(
            domain::territory::PlanningRegion::ALL
                .iter()
                .map(|r| r.label_key()),
        )
        .chain(
            [
                domain::directory::AgeGroup::Under18,
                domain::directory::AgeGroup::From18To29,
                domain::directory::AgeGroup::From30To49,
                domain::directory::AgeGroup::From50To64,
                domain::directory::AgeGroup::From65,
            ]
            .iter()
            .map(|a| a.label_key()),
        );
    for id in enumerated {
        if !lv.contains(id) {
            missing.insert(id.to_owned());
        }
    }
    for p in [
        domain::text::TextProblem::TooLong,
        domain::text::TextProblem::LineBreak,
        domain::text::TextProblem::Hidden,
    ] {
        if !lv.contains(p.message_id()) {
            missing.insert(p.message_id().to_owned());
        }
    }
    for p in [
        domain::password::PasswordProblem::TooShort,
        domain::password::PasswordProblem::TooLong,
        domain::password::PasswordProblem::Common,
        domain::password::PasswordProblem::ContainsPersonal,
    ] {
        if !lv.contains(p.message_id()) {
            missing.insert(p.message_id().to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "messages used but not defined: {missing:?}"
    );
}

#[tokio::test]
async fn root_goes_to_the_preferred_language_and_the_switcher_keeps_the_page() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let res = c
        .send(
            c.http()
                .get(c.url("/"))
                .header("accept-language", "en-US,en;q=0.9,lv;q=0.5"),
        )
        .await;
    assert_eq!(res.location(), Some("/en/"));
    let res = c
        .send(
            c.http()
                .get(c.url("/"))
                .header("accept-language", "de,fr;q=0.8"),
        )
        .await;
    assert_eq!(res.location(), Some("/lv/"));
    assert_eq!(c.get("/").await.location(), Some("/lv/"));

    let coord = app.login(Role::Coordinator).await;
    let lv = coord.get("/lv/admin/audit?action=login").await;
    assert!(
        lv.text.contains("href=\"/en/admin/audit?action=login\""),
        "switcher keeps page and query"
    );
    assert!(lv.text.contains("<html lang=\"lv\">"));
    let en = coord.get("/en/admin/audit?action=login").await;
    assert!(en.text.contains("<html lang=\"en\">") && en.text.contains("Audit log"));
    assert!(en.text.contains("href=\"/lv/admin/audit?action=login\""));
}

#[tokio::test]
async fn dates_are_shown_in_the_page_language_and_riga_time() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    // The test clock stands at 2026-11-26 13:33:20 UTC = 15:33 in Riga (EET, UTC+2).
    let lv = coord.get("/lv/admin/audit").await;
    assert!(
        lv.text.contains("2026. gada 26. novembris, 15:33"),
        "{}",
        lv.text
    );
    let en = coord.get("/en/admin/audit").await;
    assert!(en.text.contains("26 November 2026, 15:33"));
}

/// Words: "Ieiet" in the header (not "Pieteikties", which registers for an event), Latvian
/// forms that do not assume a gender, Latvian text on an English page marked as Latvian,
/// and the actions page saying whose actions it lists.
#[tokio::test]
async fn words_are_unambiguous_neutral_and_in_their_language() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let home = anon.get("/lv/").await;
    assert!(home.text.contains(">Ieiet</a>"), "{}", home.text);
    assert!(!home.text.contains(">Pieteikties</a>"));
    let latvian = keys_text("lv");
    for gendered in [
        "esat ielūgts",
        "= ieradies",
        "= Nacionālais koordinators",
        "= Romu mediators\n",
    ] {
        assert!(
            !latvian.contains(gendered),
            "\"{gendered}\" assumes a gender"
        );
    }
    // An event kept only in Latvian, on the English page.
    let c = app.login(Role::Coordinator).await;
    let res = c
        .post_form(
            "/en/events",
            &[
                ("event_type", "regional_expert"),
                ("title_lv", "Reģionālā sanāksme Rēzeknē (tests)"),
                ("date", "2027-02-10"),
                ("start", "10:00"),
                ("end", "13:00"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = c.get(res.location().unwrap_or_default()).await;
    assert!(
        page.text
            .contains("<h1 lang=\"lv\">Reģionālā sanāksme Rēzeknē (tests)</h1>"),
        "{}",
        page.text
    );
    let fixture = c.get(&format!("/en/events/{}", app.fixtures.event)).await;
    assert!(fixture.text.contains("<h1>Annual meeting (test)</h1>"));
    // The coordinators' actions page says it lists every organisation's.
    let actions = c.get("/lv/actions").await;
    assert!(
        actions
            .text
            .contains("par kurām atbild visas organizācijas")
    );
    let m = app.login(Role::Municipality).await;
    assert!(
        m.get("/lv/actions")
            .await
            .text
            .contains("par kurām atbild jūsu organizācija")
    );
    app.stop().await;
}

/// The Latvian (or English) messages as written, all files together.
fn keys_text(lang: &str) -> String {
    crate::source_tree(&[&format!("locales/{lang}")], &["ftl"]).0
}

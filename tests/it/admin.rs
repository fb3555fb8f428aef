//! Coordinators manage accounts and read the audit log.

use domain::auth::Role;
use testkit::{PASSWORD, TestApp, email_for};

/// The one-time link shown on the page after creating a user.
/// The newest set-password link mailed (accounts in use never see theirs on a page).
async fn mailed_link(app: &TestApp) -> String {
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let body = mails
        .iter()
        .filter(|m| m.kind == "password_link")
        .max_by_key(|m| m.id)
        .map(|m| m.body.clone())
        .unwrap_or_else(|| panic!("no set-password mail"));
    let start = body
        .find("/password/set/")
        .unwrap_or_else(|| panic!("no link in mail"));
    let end = body[start..]
        .find(char::is_whitespace)
        .map_or(body.len(), |e| start + e);
    body[start..end].to_owned()
}

fn link_in(html: &str) -> String {
    let start = html
        .find("/password/set/")
        .unwrap_or_else(|| panic!("no link in page"));
    let end = html[start..].find('<').map_or(html.len(), |e| start + e);
    html[start..end].to_owned()
}

#[tokio::test]
async fn a_coordinator_creates_a_user_who_sets_a_password_with_the_one_time_link() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    coord.get("/lv/admin/users/new").await;
    let res = coord
        .post_form(
            "/lv/admin/users",
            &[
                ("email", " Ilze.Ozola@Valmiera.lv "),
                ("name", "Ilze Ozola"),
                ("role", "mediator"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    assert!(res.text.contains("Konts izveidots"));
    // A mediator's (or coordinator's) link is never shown, only mailed: shown, it would let
    // the coordinator make the account theirs.
    assert!(!res.text.contains("/password/set/"), "{}", res.text);
    assert!(res.text.contains("nosūtīta lietotājam pa e-pastu"));
    let link = mailed_link(&app).await;
    // An NGO user's new account shows its link (to hand over without mail).
    let ngo = coord
        .post_form(
            "/lv/admin/users",
            &[
                ("email", "biedriba@example.invalid"),
                ("name", "Biedrības Pārstāve"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(ngo.status, 201, "{}", ngo.text);
    assert!(link_in(&ngo.text).starts_with("/password/set/"));
    let user = store::users::find_by_email(&app.db, "ilze.ozola@valmiera.lv")
        .await
        .unwrap_or_default()
        .unwrap_or_else(|| panic!("user not created"));
    assert_eq!(user.role, Role::Mediator);
    assert!(!user.has_password);
    // The new user sets a password through the link (a browser without any session).
    let ilze = app.client();
    let form = ilze.get(&format!("/lv{link}")).await;
    assert_eq!(form.status, 200);
    assert!(form.text.contains("Ilze Ozola"));
    let weak = ilze
        .post_form(
            &format!("/lv{link}"),
            &[
                ("new_password", "Ozola-parole-1"),
                ("confirm_password", "Ozola-parole-1"),
            ],
        )
        .await;
    assert_eq!(weak.status, 422, "the name is in the password");
    let pw = "mana jaunā drošā parole";
    let done = ilze
        .post_form(
            &format!("/lv{link}"),
            &[("new_password", pw), ("confirm_password", pw)],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(
        app.client()
            .login("ilze.ozola@valmiera.lv", pw)
            .await
            .status,
        303
    );
    // The link works once.
    assert_eq!(ilze.get(&format!("/lv{link}")).await.status, 404);
    // The owner is told it was set (if it was not them, they know whom to call).
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(
        mails.iter().any(|m| m.to == "ilze.ozola@valmiera.lv"
            && m.subject.contains("iestatīta jūsu konta parole")),
        "{mails:?}"
    );
}

#[tokio::test]
async fn set_password_links_expire_after_24_hours() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    let id = app.user_id(Role::Ngo);
    coord.get(&format!("/lv/admin/users/{id}")).await;
    let res = coord
        .post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
    assert_eq!(res.status, 200);
    let link = mailed_link(&app).await;
    app.advance_minutes(24 * 60 + 1);
    let page = app.client().get(&format!("/en{link}")).await;
    assert_eq!(page.status, 404);
    assert!(page.text.contains("has been used or has expired"));
}

#[tokio::test]
async fn invalid_input_keeps_what_was_typed_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    coord.get("/lv/admin/users/new").await;
    let before = store::users::list(&app.db).await.unwrap_or_default().len();
    let res = coord
        .post_form(
            "/lv/admin/users",
            &[
                ("email", "nav-epasts"),
                ("name", "Jānis Bērziņš <b>"),
                ("role", "admin"),
                ("organisation_id", "12x"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("value=\"nav-epasts\""));
    assert!(
        res.text.contains("value=\"Jānis Bērziņš &#60;b&#62;\""),
        "kept and escaped"
    );
    for msg in [
        "derīgu e-pasta adresi",
        "Izvēlieties lomu",
        "Izvēlieties organizāciju",
    ] {
        assert!(res.text.contains(msg), "{msg}");
    }
    assert!(
        res.text.contains("href=\"#email\""),
        "error summary links to the field"
    );
    // A taken e-mail.
    let res = coord
        .post_form(
            "/lv/admin/users",
            &[
                ("email", &email_for(Role::Ngo)),
                ("name", "Cits"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("jau pastāv"));
    assert_eq!(
        store::users::list(&app.db).await.unwrap_or_default().len(),
        before
    );
    assert_eq!(
        store::audit::count(&app.db, "user_created")
            .await
            .unwrap_or(0),
        6,
        "only the test fixtures"
    );
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions_at_once_and_re_roling_takes_effect() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    let ngo = app.login(Role::Ngo).await;
    let id = app.user_id(Role::Ngo);
    // Re-role the NGO user to coordinator: their sessions end (what they may reach
    // changed), and after signing in again they have the new rights.
    assert_eq!(ngo.get("/lv/admin/users").await.status, 403);
    coord.get(&format!("/lv/admin/users/{id}")).await;
    let res = coord
        .post_form(
            &format!("/lv/admin/users/{id}"),
            &[
                ("name", "Tests ngo"),
                ("role", "coordinator"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert_eq!(ngo.get("/lv/admin/users").await.status, 303, "signed out");
    let ngo = app.login(Role::Ngo).await;
    assert_eq!(ngo.get("/lv/admin/users").await.status, 200);
    // Disable: their session ends now, and they cannot log in.
    let res = coord
        .post_form(
            &format!("/lv/admin/users/{id}"),
            &[
                ("name", "Tests ngo"),
                ("role", "coordinator"),
                ("organisation_id", ""),
                ("disabled", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(ngo.get("/lv/workspace").await.status, 303);
    assert_eq!(
        app.client()
            .login(&email_for(Role::Ngo), PASSWORD)
            .await
            .status,
        422
    );
    assert_eq!(
        store::audit::count(&app.db, "user_disabled")
            .await
            .unwrap_or(0),
        1
    );
    // Enable again.
    let res = coord
        .post_form(
            &format!("/lv/admin/users/{id}"),
            &[
                ("name", "Tests ngo"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(
        app.client()
            .login(&email_for(Role::Ngo), PASSWORD)
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn coordinators_cannot_lock_themselves_out() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    let id = app.user_id(Role::Coordinator);
    coord.get(&format!("/lv/admin/users/{id}")).await;
    let res = coord
        .post_form(
            &format!("/lv/admin/users/{id}"),
            &[
                ("name", "Tests coordinator"),
                ("role", "ngo"),
                ("organisation_id", ""),
                ("disabled", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(coord.get("/lv/admin/users").await.status, 200);
}

#[tokio::test]
async fn the_audit_log_records_and_filters() {
    let app = TestApp::spawn().await;
    app.client()
        .login(&email_for(Role::Ngo), "nepareiza parole 99")
        .await;
    let coord = app.login(Role::Coordinator).await;
    let all = coord.get("/en/admin/audit").await;
    assert_eq!(all.status, 200);
    assert!(all.text.contains("Failed login") && all.text.contains("Login"));
    assert!(
        all.text.contains(&email_for(Role::Ngo)),
        "the attempted e-mail is recorded"
    );
    assert!(all.text.contains("127.0.0.1"), "the address is recorded");
    let failed = coord.get("/en/admin/audit?action=login_failed").await;
    assert!(failed.text.contains("Failed login"));
    assert!(!failed.text.contains("<td>Login</td>"));
    let none = coord.get("/en/admin/audit?from=2030-01-01").await;
    assert!(none.text.contains("No entries match"));
    // A reversed range is said at its field, kept as typed, and does not hide everything.
    let reversed = coord
        .get("/lv/admin/audit?from=2030-01-01&until=2020-01-01")
        .await;
    assert!(
        reversed.text.contains("id=\"until-error\"")
            && reversed.text.contains("ir pirms datuma „no”"),
        "{}",
        reversed.text
    );
    assert!(reversed.text.contains("value=\"2020-01-01\""));
    assert!(
        !reversed.text.contains("Atlasei atbilstošu ierakstu nav."),
        "{}",
        reversed.text
    );
    let by_actor = coord.get("/en/admin/audit?actor=coordinator").await;
    assert!(by_actor.text.contains("<td>Login</td>"));
    // The application never deletes audit rows, and changes them in one place only: the
    // storage limit that empties the details of entries older than its period.
    // Every file of the store, its area folders included.
    let (store_src, files) = crate::source_tree(&["crates/store/src"], &["rs"]);
    let store_src = store_src.to_uppercase();
    assert!(files > 40, "the whole store was read ({files} files)");
    assert!(
        store_src.contains("INSERT INTO AUDIT_LOG"),
        "the audit module was read"
    );
    assert!(!store_src.contains("DELETE FROM AUDIT_LOG"));
    assert_eq!(store_src.matches("UPDATE AUDIT_LOG").count(), 1);
    assert!(store_src.contains("UPDATE AUDIT_LOG SET DETAIL = NULL, IP = NULL"));
}

#[tokio::test]
async fn a_logged_in_user_can_use_a_set_password_link_too() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    let id = app.user_id(Role::Municipality);
    coord.get(&format!("/lv/admin/users/{id}")).await;
    let res = coord
        .post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
    assert!(
        !res.text.contains("/password/set/"),
        "an account in use: mailed only"
    );
    let link = mailed_link(&app).await;
    // The user is logged in (on another device, say) when they open the link.
    let user = app.login(Role::Municipality).await;
    let form = user.get(&format!("/lv{link}")).await;
    assert_eq!(form.status, 200);
    let pw = "cita ļoti gara parole";
    let done = user
        .post_form(
            &format!("/lv{link}"),
            &[("new_password", pw), ("confirm_password", pw)],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text);
    assert_eq!(
        app.client()
            .login(&email_for(Role::Municipality), pw)
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn only_the_newest_set_password_link_works_and_none_for_oneself() {
    let app = TestApp::spawn().await;
    let coord = app.login(Role::Coordinator).await;
    let id = app.user_id(Role::Ngo);
    coord.get(&format!("/lv/admin/users/{id}")).await;
    coord
        .post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
    let first = mailed_link(&app).await;
    coord
        .post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
    let second = mailed_link(&app).await;
    assert_eq!(app.client().get(&format!("/lv{first}")).await.status, 404);
    assert_eq!(app.client().get(&format!("/lv{second}")).await.status, 200);
    // A password changed any other way ends the link too.
    let ngo = app.login(Role::Ngo).await;
    ngo.get("/lv/account").await;
    let pw = "pavisam jauna parole 77";
    ngo.post_form(
        "/lv/account/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", pw),
            ("confirm_password", pw),
        ],
    )
    .await;
    assert_eq!(app.client().get(&format!("/lv{second}")).await.status, 404);
    // A coordinator changes their own password on the account page, not by a link.
    let me = app.user_id(Role::Coordinator);
    let res = coord
        .post_form(&format!("/lv/admin/users/{me}/password-link"), &[])
        .await;
    assert_eq!(res.status, 403);
}

#[tokio::test]
async fn the_audit_log_names_its_records_links_them_and_words_their_details() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    // The coordinator moves the event on, and an action is created and done (through the
    // store, as the pages do).
    let res = c
        .post_form(
            &format!("/lv/events/{event}/status"),
            &[("to", "registration_closed")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let actor = store::Actor {
        user_id: Some(app.user_id(Role::Coordinator)),
        label: None,
        ip: None,
    };
    let action = crate::ok(
        store::actions::create(
            &app.db,
            app.clock_now(),
            &actor,
            event,
            &store::actions::ActionInput {
                title_lv: "Nosūtīt skolu sarakstu".to_owned(),
                title_en: None,
                owner_organisation_id: app.fixtures.org_a,
                due_date: None,
                measures: Vec::new(),
            },
        )
        .await,
    );
    crate::ok(
        store::actions::progress(
            &app.db,
            app.clock_now(),
            &actor,
            store::OrgScope::All,
            action,
            "Nosūtīts.",
            Some(domain::event::ActionStatus::Done),
        )
        .await,
    );
    let event_title = crate::ok(store::events::get(&app.db, event).await).title_lv;

    let page = c.get("/lv/admin/audit").await;
    assert_eq!(page.status, 200);
    // The record by its name, linked to its page; no "event #1".
    assert!(
        page.text.contains(&format!(
            "<a href=\"/lv/events/{event}\">Pasākums: {event_title}</a>"
        )),
        "{}",
        page.text
    );
    assert!(!page.text.contains(&format!("event #{event}")));
    // Details in words: statuses by their labels, other rows by number, no "key=value".
    assert!(
        page.text.contains("Publicēts → Reģistrācija slēgta"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("Turpmākā darbība: Nosūtīt skolu sarakstu; Statuss: Paveikta"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("status=done"));
    assert!(!page.text.contains("published→"));
    // The filter groups the actions by area.
    assert!(
        page.text.contains("<optgroup label=\"Pasākumi\">"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("<optgroup label=\"Konti un pieteikšanās\">")
    );
    // In English too.
    let en = c.get("/en/admin/audit").await;
    assert!(
        en.text
            .contains("Follow-up action: Nosūtīt skolu sarakstu; Status: Done"),
        "{}",
        en.text
    );
    // The export reads the same words.
    let (status, csv) = c
        .post_form_bytes("/lv/admin/audit/export", &[("format", "csv")])
        .await;
    assert_eq!(status, 200);
    let csv = String::from_utf8_lossy(&csv);
    assert!(csv.contains(&format!("Pasākums: {event_title}")), "{csv}");
    assert!(csv.contains("Publicēts → Reģistrācija slēgta"), "{csv}");
    app.stop().await;
}

/// Every key an audit detail is written with (`key=…` in the store's and the web's
/// sources) has its label in both languages, so no detail reads "key=value".
#[test]
fn every_audit_detail_key_has_a_label() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (sources, _) = crate::source_tree(&["crates/store/src", "crates/web/src"], &["rs"]);
    let mut keys = std::collections::BTreeSet::new();
    for (at, _) in sources.match_indices(".detail(") {
        // The detail's first string literal, within the call.
        let call = &sources[at..(at + 240).min(sources.len())];
        let Some(literal) = call.split('"').nth(1) else {
            continue;
        };
        for part in literal.split([' ', ',']) {
            if let Some((key, _)) = part.split_once('=')
                && !key.is_empty()
                && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            {
                keys.insert(key.to_owned());
            }
        }
    }
    assert!(keys.len() > 30, "the details were read: {keys:?}");
    let wording =
        std::fs::read_to_string(root.join("crates/web/src/features/platform/audit_words.rs"))
            .unwrap_or_else(|e| panic!("{e}"));
    for key in &keys {
        let entry = format!("(\"{key}\", \"audit-key-{}\")", key.replace('_', "-"));
        assert!(
            wording.contains(&entry),
            "the audit wording's KEYS lack {key}"
        );
    }
    for lang in ["lv", "en"] {
        let messages = std::fs::read_to_string(root.join(format!("locales/{lang}/admin.ftl")))
            .unwrap_or_else(|e| panic!("{e}"));
        for key in &keys {
            let id = format!("audit-key-{} = ", key.replace('_', "-"));
            assert!(
                messages.contains(&id),
                "{lang}: no label for the audit detail key {key}"
            );
        }
    }
}

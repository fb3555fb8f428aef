//! Roma mediation, first part: assignments, families under codes, sealed names, the access
//! log, and no family reachable by anyone but its mediator.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// The family's consent to case work, given by the person, recorded through the form.
pub(crate) async fn consent_to_case_work(m: &testkit::Client, family: i64) {
    let res = m
        .post_form(
            &format!("/lv/mediation/families/{family}/consents"),
            &[
                ("purpose", "case_work"),
                ("given_by", "person"),
                ("given_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
}

/// The database file and its WAL as bytes, read without the key.
fn raw_database(app: &TestApp) -> Vec<u8> {
    let mut raw = Vec::new();
    for suffix in ["", "-wal"] {
        let mut p = app.settings.database.clone().into_os_string();
        p.push(suffix);
        raw.extend(std::fs::read(&p).unwrap_or_default());
    }
    raw
}

/// The test mediator opens the family's record (a logged view).
async fn open_family(app: &TestApp, family: i64) -> store::mediation::Family {
    ok(store::mediation::family(
        &app.db,
        app.clock_now(),
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        family,
        "case_work",
        None,
    )
    .await)
}

pub(crate) async fn territory(app: &TestApp, code: &str) -> i64 {
    ok(store::territories::by_code(&app.db, code).await).id
}

/// Assigns the test mediator to Jelgava through the coordinators' form.
pub(crate) async fn assign(app: &TestApp) -> i64 {
    let jelgava = territory(app, "jelgava").await.to_string();
    let c = app.login(Role::Coordinator).await;
    let mediator = app.user_id(Role::Mediator).to_string();
    let supervisor = app.user_id(Role::Coordinator).to_string();
    // Without a mediator: refused next to the field, the rest kept.
    let res = c
        .post_form(
            "/lv/mediation/assignments",
            &[
                ("territory_id", &jelgava),
                ("from_date", "2026-01-01"),
                ("reception", "Otrdienās 10–14, domē"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"mediator-error\""), "{}", res.text);
    assert!(res.text.contains("Otrdienās 10–14, domē"));
    let res = c
        .post_form(
            "/lv/mediation/assignments",
            &[
                ("mediator", &mediator),
                ("territory_id", &jelgava),
                ("from_date", "2026-01-01"),
                ("hours_per_week", "20"),
                ("reception", "Otrdienās 10–14, domē"),
                ("supervisor", &supervisor),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = c.get("/lv/mediation/assignments").await;
    assert!(page.text.contains("20 stundas nedēļā"), "{}", page.text);
    // The supervisor named is proposed; a second coordinator approves it.
    assert!(page.text.contains("Gaida apstiprinājumu"), "{}", page.text);
    let id = ok(store::mediation::assignments(&app.db).await)[0].id;
    let approver = coordinator(
        app,
        "apstiprina@example.invalid",
        "Apstiprinātāja Koordinatore",
    )
    .await;
    let res = approver
        .post_form(
            &format!("/lv/mediation/assignments/{id}/supervisor/decide"),
            &[("decision", "approve"), ("supervisor", &supervisor)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    territory(app, "jelgava").await
}

/// Another coordinator account, logged in.
async fn coordinator(app: &TestApp, email: &str, name: &str) -> testkit::Client {
    ok(store::users::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        store::users::NewUser {
            email,
            name,
            role: Role::Coordinator,
            organisation_id: None,
            password_hash: Some(domain::password::hash(testkit::PASSWORD)),
            password_link: None,
            mail: None,
        },
    )
    .await);
    let c = app.client();
    c.get("/lv/login").await;
    assert_eq!(c.login(email, testkit::PASSWORD).await.status, 303);
    c.get("/lv/workspace").await;
    c
}

/// A second coordinator, "cits.koordinators@example.invalid", logged in: one who supervises
/// nobody.
async fn other_coordinator(app: &TestApp) -> testkit::Client {
    coordinator(
        app,
        "cits.koordinators@example.invalid",
        "Cits koordinators",
    )
    .await
}

#[tokio::test]
async fn a_mediator_opens_a_family_whose_names_are_sealed_and_every_view_is_logged() {
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await;
    let m = app.login(Role::Mediator).await;
    let page = m.get("/lv/mediation").await;
    assert!(page.text.contains("Jauna ģimene"), "{}", page.text);
    // Only an assigned municipality is accepted.
    let riga = territory(&app, "riga").await.to_string();
    let res = m
        .post_form(
            "/lv/mediation/families",
            &[("territory_id", &riga), ("name", "Citur")],
        )
        .await;
    assert_eq!(res.status, 422);
    let res = m
        .post_form(
            "/lv/mediation/families",
            &[
                ("territory_id", &jelgava.to_string()),
                ("household_size", "5"),
                ("name", "Ozoliņu ģimene (tests)"),
                ("contact", "Tālrunis 20000000, Pārlielupes iela (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let path = res.location().unwrap_or_default().to_owned();
    let family: i64 = path
        .rsplit('/')
        .next()
        .and_then(|i| i.parse().ok())
        .unwrap_or_default();
    let res = m
        .post_form(
            &format!("{path}/members"),
            &[
                ("relation", "child"),
                ("birth_year", "2015"),
                ("gender", "female"),
                ("name", "Līga Ozoliņa (tests)"),
                ("school", "Jelgavas Pārlielupes pamatskola (tests)"),
                ("grade", "5"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = m.get(&path).await;
    for expected in [
        "Ozoliņu ģimene (tests)",
        "Līga Ozoliņa (tests)",
        "5. klase",
        "Bērns",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
    // The list shows the code, not the name.
    let list = m.get("/lv/mediation").await;
    assert!(!list.text.contains("Ozoliņu ģimene"), "{}", list.text);
    // Every view and change is in the access log, with its purpose.
    let log = ok(store::mediation::access_log(
        &app.db,
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        family,
    )
    .await);
    let actions: Vec<&str> = log.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, vec!["view", "change", "change"], "{log:?}");
    assert!(log.iter().all(|a| a.purpose == "case_work"));
    // The database file read without the key holds no name, contact or school.
    let raw = raw_database(&app);
    assert!(raw.len() > 10_000, "read the database");
    for secret in ["Ozoliņu", "Ozoliņa", "20000000", "Pārlielupes pamatskola"] {
        assert!(
            !raw.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} must not be in the file"
        );
    }
}

#[tokio::test]
async fn nobody_but_the_familys_mediator_reaches_the_family() {
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await;
    let cli = store::Actor::cli();
    let (family, _) = ok(store::mediation::create_family(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &cli,
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        &store::mediation::FamilyInput {
            territory_id: jelgava,
            name: Some("Slepenā ģimene".to_owned()),
            ..Default::default()
        },
    )
    .await);
    // A second mediator.
    let other = ok(store::users::create(
        &app.db,
        app.clock_now(),
        &cli,
        store::users::NewUser {
            email: "otrs.mediators@example.invalid",
            name: "Otrs mediators",
            role: Role::Mediator,
            organisation_id: None,
            password_hash: Some(domain::password::hash(testkit::PASSWORD)),
            password_link: None,
            mail: None,
        },
    )
    .await);
    let c = app.client();
    c.get("/lv/login").await;
    let res = c
        .login("otrs.mediators@example.invalid", testkit::PASSWORD)
        .await;
    assert_eq!(res.status, 303);
    c.get("/lv/workspace").await;
    let path = format!("/lv/mediation/families/{family}");
    assert_eq!(
        c.get(&path).await.status,
        404,
        "another mediator's family, by URL"
    );
    let res = c
        .post_form(
            &format!("{path}/members"),
            &[("relation", "child"), ("name", "Iespiests")],
        )
        .await;
    assert_eq!(res.status, 404);
    assert!(
        !c.get("/lv/mediation")
            .await
            .text
            .contains(&format!("families/{family}"))
    );
    assert!(
        ok(store::mediation::families(&app.db, store::mediation::CaseScope::Mediator(other)).await)
            .is_empty()
    );
    // The attempt to open it is in the audit log (with the id only).
    assert_eq!(
        ok(store::audit::count(&app.db, "family_access_denied").await),
        1
    );
    // Coordinators and every other role are refused outright.
    for role in [
        Role::Coordinator,
        Role::Ministry,
        Role::Municipality,
        Role::Ngo,
    ] {
        assert_eq!(app.login(role).await.get(&path).await.status, 403, "{role}");
    }
    // The failed attempts left no access-log row by anyone else.
    let log = ok(store::mediation::access_log(
        &app.db,
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        family,
    )
    .await);
    assert!(log.iter().all(|a| a.who == "Tests mediator"), "{log:?}");
}

#[tokio::test]
async fn a_contact_is_recorded_with_few_fields_and_its_notes_are_sealed() {
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await;
    let (family, _) = ok(store::mediation::create_family(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &store::Actor::cli(),
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        &store::mediation::FamilyInput {
            territory_id: jelgava,
            ..Default::default()
        },
    )
    .await);
    let m = app.login(Role::Mediator).await;
    // Without the family's consent to case work, nothing goes into the log.
    let page = m.get(&format!("/lv/mediation/families/{family}")).await;
    assert!(
        page.text
            .contains("ierakstiet ģimenes piekrišanu lietas darbam")
    );
    // A consent dated in the future is refused in its own words.
    let res = m
        .post_form(
            &format!("/lv/mediation/families/{family}/consents"),
            &[
                ("purpose", "case_work"),
                ("given_by", "person"),
                ("given_on", "2099-01-01"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("Piekrišanas datums nevar būt nākotnē."),
        "{}",
        res.text
    );
    // Every id on the family page is its own (a label must find its field).
    let mut ids: Vec<&str> = page
        .text
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "a duplicate id on the family page");
    let res = m
        .post_form(
            &format!("/lv/mediation/families/{family}/contacts"),
            &[
                ("date", "2026-11-26"),
                ("place", "office"),
                ("areas", "education"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    // The error stands at the consent form.
    assert!(res.text.contains("id=\"purpose-error\""), "{}", res.text);
    consent_to_case_work(&m, family).await;
    let page = m.get(&format!("/lv/mediation/families/{family}")).await;
    // The form comes filled in: today, 30 minutes, at the office.
    assert!(page.text.contains("value=\"2026-11-26\""), "{}", page.text);
    assert!(
        page.text
            .contains("id=\"place-office\" name=\"place\" value=\"office\" checked")
    );
    let path = format!("/lv/mediation/families/{family}/contacts");
    // No area: refused, what was typed kept; a future date too.
    let res = m
        .post_form(
            &path,
            &[
                ("date", "2026-11-26"),
                ("place", "office"),
                ("done", "Runājām par skolu"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"areas-error\""), "{}", res.text);
    assert!(res.text.contains("Runājām par skolu"));
    let res = m
        .post_form(
            &path,
            &[
                ("date", "2026-12-30"),
                ("place", "office"),
                ("areas", "education"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("nevar būt nākotnē"));
    let res = m
        .post_form(
            &path,
            &[
                ("date", "2026-11-25"),
                ("place", "home_visit"),
                ("areas", "education"),
                ("areas", "documents"),
                (
                    "done",
                    "Palīdzēju aizpildīt pieteikumu skolas pusdienām (tests)",
                ),
                ("next_step", "Aiziet uz sociālo dienestu"),
                ("next_date", "2026-12-02"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = m.get(&format!("/lv/mediation/families/{family}")).await;
    for expected in [
        "Mājas vizīte",
        "Izglītība, Dokumenti",
        "skolas pusdienām (tests)",
        "(2026-12-02)",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
    let raw = raw_database(&app);
    for secret in ["skolas pusdienām", "sociālo dienestu"] {
        assert!(
            !raw.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret}"
        );
    }
}

#[tokio::test]
async fn a_coordinator_never_sees_a_mediators_set_password_link() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let mediator = app.user_id(Role::Mediator);
    let res = c
        .post_form(&format!("/lv/admin/users/{mediator}/password-link"), &[])
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(!res.text.contains("/password/set/"), "{}", res.text);
    assert!(res.text.contains("nosūtīta lietotājam pa e-pastu"));
    let outbox = c.get("/lv/admin/outbox").await;
    assert!(outbox.text.contains("/password/set/…"), "{}", outbox.text);
    // Nor anyone else's once their account is in use; only a new, unused account's link is
    // shown (to hand over by hand without SMTP).
    let ngo = app.user_id(Role::Ngo);
    let res = c
        .post_form(&format!("/lv/admin/users/{ngo}/password-link"), &[])
        .await;
    assert!(!res.text.contains("/password/set/"), "{}", res.text);
    c.get("/lv/admin/users/new").await;
    let res = c
        .post_form(
            "/lv/admin/users",
            &[
                ("email", "jauna@example.invalid"),
                ("name", "Jauna Lietotāja"),
                ("role", "ngo"),
            ],
        )
        .await;
    assert!(res.text.contains("/password/set/"), "{}", res.text);
}

/// The test mediator, assigned to Jelgava, with one family: its id.
async fn mediator_with_a_family(app: &TestApp) -> i64 {
    let jelgava = assign(app).await;
    let actor = store::Actor::cli();
    let (family, _) = ok(store::mediation::create_family(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &actor,
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        &store::mediation::FamilyInput {
            territory_id: jelgava,
            name: Some("Ģimene (tests)".to_owned()),
            ..Default::default()
        },
    )
    .await);
    family
}

#[tokio::test]
async fn no_coordinator_gets_into_a_mediators_account_by_a_role_change() {
    let app = TestApp::spawn().await;
    mediator_with_a_family(&app).await;
    let m = app.login(Role::Mediator).await;
    let c = app.login(Role::Coordinator).await;
    let mediator = app.user_id(Role::Mediator);
    // The path of the report: make the mediator an NGO user, take the link, set a
    // password, change the role back. The first step is refused while families are held,
    // and the link of an account in use is never shown.
    let edit = format!("/lv/admin/users/{mediator}");
    c.get(&edit).await;
    let res = c
        .post_form(
            &edit,
            &[
                ("name", "Mediatore"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("Šim kontam ir mediācijas ģimenes"),
        "{}",
        res.text
    );
    assert_eq!(
        ok(store::users::get(&app.db, mediator).await).role,
        Role::Mediator
    );
    let res = c
        .post_form(&format!("/lv/admin/users/{mediator}/password-link"), &[])
        .await;
    assert!(!res.text.contains("/password/set/"));
    assert!(
        !c.get("/lv/admin/outbox")
            .await
            .text
            .contains("/password/set/m")
    );
    // The mediator is still signed in; the supervisor's summary names the link made.
    assert_eq!(m.get("/lv/mediation").await.status, 200);
    let found = ok(store::mediation_oversight::unusual_access(
        &app.db,
        app.user_id(Role::Coordinator),
        app.clock_now() - 3600,
        app.clock_now() + 3600,
    )
    .await);
    assert!(
        found
            .iter()
            .any(|u| u.what == store::mediation_oversight::Unusual::AccountChanged),
        "{found:?}"
    );
    let page = c.get("/lv/mediation/supervision").await;
    assert!(
        page.text.contains("Izmaiņas mediatora kontā"),
        "{}",
        page.text
    );
}

#[tokio::test]
async fn a_role_change_signs_the_owner_out_and_tells_them() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let ngo_user = app.user_id(Role::Ngo);
    let ngo = app.login(Role::Ngo).await;
    assert_eq!(ngo.get("/lv/workspace").await.status, 200);
    let edit = format!("/lv/admin/users/{ngo_user}");
    c.get(&edit).await;
    let org = app.fixtures.org_a.to_string();
    let res = c
        .post_form(
            &edit,
            &[
                ("name", "NVO Lietotāja"),
                ("role", "municipality"),
                ("organisation_id", org.as_str()),
            ],
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    // Signed out everywhere, and told.
    assert_ne!(ngo.get("/lv/workspace").await.status, 200);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(
        mails.iter().any(|m| m.to == testkit::email_for(Role::Ngo)
            && m.subject.contains("mainīta jūsu konta loma")),
        "{mails:?}"
    );
}

/// A family with one child, opened by the test mediator in Jelgava: (family id, child id).
pub(crate) async fn family_with_child(app: &TestApp) -> (i64, i64) {
    let jelgava = assign(app).await;
    let scope = store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator));
    let (family, _) = ok(store::mediation::create_family(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &store::Actor::cli(),
        app.state.keyring(),
        scope,
        &store::mediation::FamilyInput {
            territory_id: jelgava,
            ..Default::default()
        },
    )
    .await);
    let child = ok(store::mediation::add_member(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.state.keyring(),
        scope,
        family,
        &store::mediation::MemberInput {
            relation: domain::mediation::Relation::Child,
            birth_year: Some(2014),
            grade: Some(6),
            ..Default::default()
        },
    )
    .await);
    (family, child)
}

#[tokio::test]
async fn a_withdrawn_sharing_consent_blocks_the_referrals_resting_on_it_unless_overridden() {
    let app = TestApp::spawn().await;
    let (family, child) = family_with_child(&app).await;
    let m = app.login(Role::Mediator).await;
    let base = format!("/lv/mediation/families/{family}");
    // No referral before the case-work consent.
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "school"),
                ("override_reason", "x"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"purpose-error\""), "{}", res.text);
    consent_to_case_work(&m, family).await;
    // Sharing needs the institution's name; a parent consents for a child only.
    let res = m
        .post_form(
            &format!("{base}/consents"),
            &[
                ("purpose", "sharing"),
                ("institution_kind", "school"),
                ("given_by", "person"),
                ("given_on", "2026-11-26"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("id=\"consent_institution-error\""),
        "{}",
        res.text
    );
    let res = m
        .post_form(
            &format!("{base}/consents"),
            &[
                ("purpose", "statistics"),
                ("given_by", "parent"),
                ("child_view", "agrees"),
                ("given_on", "2026-11-26"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("id=\"consent_member-error\""),
        "{}",
        res.text
    );
    let res = m
        .post_form(
            &format!("{base}/consents"),
            &[
                ("purpose", "sharing"),
                ("consent_member", &child.to_string()),
                ("institution_kind", "school"),
                ("consent_institution", "Jelgavas Spīdolas skola (tests)"),
                ("given_by", "parent"),
                ("child_view", "agrees"),
                ("given_on", "2026-11-26"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let fam = open_family(&app, family).await;
    let sharing = fam
        .consents
        .iter()
        .find(|c| c.purpose == domain::mediation::ConsentPurpose::Sharing)
        .map(|c| c.id)
        .unwrap_or_default();
    assert_eq!(
        fam.consents
            .iter()
            .find(|c| c.id == sharing)
            .map(|c| (c.notice_version.as_str(), c.child_view)),
        Some(("2026-1", Some(domain::site::ChildView::Agrees)))
    );
    // A consent for the child's school does not cover health care, nor the whole family.
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "health_care"),
                ("referral_member", &child.to_string()),
                ("consent_id", &sharing.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("neattiecas uz šo personu"),
        "{}",
        res.text
    );
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "school"),
                ("consent_id", &sharing.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "the whole family is not the child");
    // A referral with neither a consent nor an override is refused; typed text kept.
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "school"),
                ("referral_note", "Sarunāt individuālo plānu (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"consent_id-error\""), "{}", res.text);
    assert!(res.text.contains("Sarunāt individuālo plānu (tests)"));
    let res = m
        .post_form(
            &format!("{base}/referrals"),
            &[
                ("referred_on", "2026-11-26"),
                ("referral_kind", "school"),
                ("referral_member", &child.to_string()),
                ("consent_id", &sharing.to_string()),
                ("referral_note", "Sarunāt individuālo plānu (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let referral = open_family(&app, family).await.referrals[0].id;
    // Withdrawal: one step; the referral resting on it is blocked.
    let res = m
        .post_form(&format!("{base}/consents/{sharing}/withdraw"), &[])
        .await;
    assert_eq!(res.status, 303);
    assert!(
        res.location()
            .unwrap_or_default()
            .contains("withdrawn-blocked"),
        "{:?}",
        res.location()
    );
    let page = m.get(&format!("{base}?notice=withdrawn-blocked")).await;
    assert!(
        page.text.contains("Piekrišana atsaukta. Nosūtījumi"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Atsaukta 2026-11-26"));
    assert!(page.text.contains("class=\"warning\""), "{}", page.text);
    // Moving it on is refused without an urgent-necessity reason…
    let update = format!("{base}/referrals/{referral}");
    let res = m.post_form(&update, &[("status", "in_progress")]).await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("id=\"referral_update-error\""),
        "{}",
        res.text
    );
    // …and goes on with one, logged for the supervisor.
    let res = m
        .post_form(
            &update,
            &[
                ("status", "in_progress"),
                (
                    "urgent_reason",
                    "Bērns nav bijis skolā trīs nedēļas (tests)",
                ),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        ok(store::audit::count(&app.db, "referral_urgent_override").await),
        1
    );
    let page = m.get(&base).await;
    assert!(
        page.text
            .contains("Bērns nav bijis skolā trīs nedēļas (tests)")
    );
    assert!(!page.text.contains("class=\"warning\""), "{}", page.text);
    // A second withdrawal of the same consent changes nothing.
    let res = m
        .post_form(&format!("{base}/consents/{sharing}/withdraw"), &[])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        ok(store::audit::count(&app.db, "consent_withdrawn").await),
        1
    );
    // None of it is readable without the key.
    let raw = raw_database(&app);
    for secret in ["Spīdolas skola", "individuālo plānu", "trīs nedēļas"] {
        assert!(
            !raw.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret}"
        );
    }
}

#[tokio::test]
async fn a_child_is_followed_at_school_per_term_and_a_case_closes_with_a_reason() {
    let app = TestApp::spawn().await;
    let (family, child) = family_with_child(&app).await;
    let m = app.login(Role::Mediator).await;
    consent_to_case_work(&m, family).await;
    let base = format!("/lv/mediation/families/{family}");
    let page = m.get(&base).await;
    // Today (2026-11-26) is in the autumn term of 2026/27.
    assert!(
        page.text
            .contains("id=\"school_year\" name=\"school_year\" value=\"2026\"")
    );
    assert!(
        page.text
            .contains("id=\"term-1\" name=\"term\" value=\"1\" checked")
    );
    let fields = [
        ("followup_member", child.to_string()),
        ("school_year", "2026".to_owned()),
        ("term", "1".to_owned()),
        ("noted_on", "2026-11-10".to_owned()),
        ("risk", "high".to_owned()),
        (
            "followup_action",
            "Tikšanās ar klases audzinātāju (tests)".to_owned(),
        ),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = m.post_form(&format!("{base}/followups"), &fields).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = m.post_form(&format!("{base}/followups"), &fields).await;
    assert_eq!(res.status, 422, "the same term twice");
    assert!(res.text.contains("id=\"term-error\""), "{}", res.text);
    let followup = open_family(&app, family).await.followups[0].id;
    let res = m
        .post_form(
            &format!("{base}/followups/{followup}"),
            &[("result", "stayed")],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = m.get(&base).await;
    assert!(
        page.text.contains("value=\"stayed\" selected"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Tikšanās ar klases audzinātāju (tests)"));
    // Closing needs a reason; the typed choice is kept.
    let res = m
        .post_form(&format!("{base}/status"), &[("case_status", "closed")])
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("id=\"close_reason-error\""),
        "{}",
        res.text
    );
    let res = m
        .post_form(
            &format!("{base}/status"),
            &[("case_status", "closed"), ("close_reason", "goals_reached")],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = m.get(&base).await;
    assert!(
        page.text.contains("Slēgta (Mērķi sasniegti, 2026-11-26)"),
        "{}",
        page.text
    );
    // Reopened, the reason goes.
    let res = m
        .post_form(&format!("{base}/status"), &[("case_status", "active")])
        .await;
    assert_eq!(res.status, 303);
    assert!(!m.get(&base).await.text.contains("Mērķi sasniegti,"));
}

/// A family with a case-work consent, a statistics consent when `counted`, and `contacts`
/// contacts in November 2026 about education.
async fn family_in_figures(app: &TestApp, territory: i64, counted: bool, contacts: usize) {
    let actor = store::Actor::cli();
    let w = store::mediation_log::CaseWrite {
        db: &app.db,
        now: app.clock_now(),
        today: jiff::civil::date(2026, 11, 26),
        actor: &actor,
        keys: app.state.keyring(),
        scope: store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
    };
    let (family, _) = ok(store::mediation::create_family(
        w.db,
        w.now,
        w.today,
        w.actor,
        w.keys,
        w.scope,
        &store::mediation::FamilyInput {
            territory_id: territory,
            ..Default::default()
        },
    )
    .await);
    let consent = |purpose: &str| store::mediation_log::ConsentInput {
        member_id: None,
        purpose: domain::mediation::ConsentPurpose::parse(purpose)
            .unwrap_or_else(|| panic!("no purpose {purpose}")),
        institution_kind: None,
        institution: None,
        given_by: domain::mediation::GivenBy::Person,
        child_view: None,
        given_on: jiff::civil::date(2026, 11, 1),
    };
    ok(store::mediation_log::add_consent(&w, family, &consent("case_work")).await);
    if counted {
        ok(store::mediation_log::add_consent(&w, family, &consent("statistics")).await);
    }
    for day in 0..contacts {
        ok(store::mediation::add_contact(
            w.db,
            w.now,
            w.actor,
            w.keys,
            w.scope,
            family,
            &store::mediation::ContactInput {
                date: jiff::civil::date(2026, 11, 2 + i8::try_from(day).unwrap_or(0)),
                duration_minutes: Some(60),
                place: domain::mediation::ContactPlace::Office,
                areas: vec![domain::mediation::ContactArea::Education],
                ..Default::default()
            },
        )
        .await);
    }
}

#[tokio::test]
async fn figures_count_only_consenting_families_and_only_the_mediator_and_supervisor_see_them_exactly()
 {
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await;
    family_in_figures(&app, jelgava, true, 3).await;
    family_in_figures(&app, jelgava, true, 1).await;
    family_in_figures(&app, jelgava, false, 2).await;
    let q = "/lv/mediation/figures?from=2026-11-01&to=2026-11-30&group=month";
    // The mediator: exact, their own; the family without consent only in its total.
    let page = app.login(Role::Mediator).await.get(q).await;
    assert_eq!(page.status, 200);
    for expected in [
        "<dt>Atbalstītās ģimenes</dt><dd>2</dd>",
        "<dt>Kontakti</dt><dd>4</dd>",
        "<dt>Kontaktu stundas</dt><dd>4</dd>",
        "<dt>Ģimenes bez piekrišanas statistikai</dt><dd>1</dd>",
        "<th scope=\"row\">2026-11</th>",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
    // The supervisor: exact, by mediator too.
    let page = app.login(Role::Coordinator).await.get(q).await;
    assert!(page.text.contains("<dt>Atbalstītās ģimenes</dt><dd>2</dd>"));
    assert!(page.text.contains("Pa mediatoriem"), "{}", page.text);
    // Everyone else: under disclosure control, never by mediator.
    for role in [Role::Ministry, Role::Municipality, Role::Ngo] {
        let page = app.login(role).await.get(q).await;
        assert_eq!(page.status, 200, "{role}");
        assert!(
            page.text
                .contains("<dt>Atbalstītās ģimenes</dt><dd>&#60;10</dd>"),
            "{role}: {}",
            page.text
        );
        assert!(!page.text.contains("<dd>2</dd>"), "{role}");
        assert!(!page.text.contains("Pa mediatoriem"), "{role}");
        assert!(
            !page.text.contains("families/"),
            "{role}: no link to a case"
        );
    }
    // The API, under the same rules.
    let c = app.client();
    c.set_header(
        "authorization",
        &format!(
            "Bearer {}",
            crate::api::token_for(&app, Role::Ministry).await
        ),
    );
    let res = c
        .get("/api/v1/statistics/mediation?from=2026-11-01&to=2026-11-30")
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    let body = res.json();
    assert_eq!(body["disclosure_control"], true);
    assert!(body["families"].is_null(), "{body}");
    assert!(body["contacts_by_area"]["education"].is_null(), "{body}");
    assert_eq!(body["contacts_by_area"]["housing"], 0);
    assert!(body.get("by_mediator").is_none());
    let m = app.client();
    m.set_header(
        "authorization",
        &format!(
            "Bearer {}",
            crate::api::token_for(&app, Role::Mediator).await
        ),
    );
    let body = m
        .get("/api/v1/statistics/mediation?from=2026-11-01&to=2026-11-30")
        .await
        .json();
    assert_eq!(body["disclosure_control"], false);
    assert_eq!(body["families"], 2);
    assert_eq!(body["persons"], 2);
    assert_eq!(body["contacts"], 4);
    assert_eq!(body["contacts_by_area"]["education"], 4);
    assert_eq!(body["no_consent_families"], 1);
    assert_eq!(body["by_municipality"][0]["families"], 2);
    let bad = m.get("/api/v1/statistics/mediation?from=2026-13-01").await;
    assert_eq!(bad.status, 422);
}

#[tokio::test]
async fn a_supervisor_opens_a_case_only_with_a_logged_reason_and_gets_the_monthly_summary() {
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await;
    let actor = store::Actor::cli();
    let w = store::mediation_log::CaseWrite {
        db: &app.db,
        now: app.clock_now(),
        today: jiff::civil::date(2026, 11, 26),
        actor: &actor,
        keys: app.state.keyring(),
        scope: store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
    };
    let (family, code) = ok(store::mediation::create_family(
        w.db,
        w.now,
        w.today,
        w.actor,
        w.keys,
        w.scope,
        &store::mediation::FamilyInput {
            territory_id: jelgava,
            name: Some("Uzraudzītā ģimene (tests)".to_owned()),
            ..Default::default()
        },
    )
    .await);
    ok(store::mediation_log::add_consent(
        &w,
        family,
        &store::mediation_log::ConsentInput {
            member_id: None,
            purpose: domain::mediation::ConsentPurpose::CaseWork,
            institution_kind: None,
            institution: None,
            given_by: domain::mediation::GivenBy::Person,
            child_view: None,
            given_on: jiff::civil::date(2026, 11, 2),
        },
    )
    .await);
    ok(store::mediation_log::add_referral(
        &w,
        family,
        &store::mediation_log::ReferralInput {
            member_id: None,
            referred_on: jiff::civil::date(2026, 11, 20),
            kind: domain::mediation::Institution::SocialService,
            institution: None,
            consent_id: None,
            override_reason: Some("Bērna drošība, neatliekami (tests)".to_owned()),
            note: None,
            service_id: None,
        },
    )
    .await);
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/mediation/supervision").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains(&code), "{}", page.text);
    assert!(page.text.contains("Steidzamas nepieciešamības gadījumi"));
    assert!(
        !page.text.contains("Uzraudzītā ģimene"),
        "no name in the list"
    );
    assert!(
        !page.text.contains("Bērna drošība"),
        "the reason only in the case"
    );
    let views = || async {
        ok(store::mediation::access_log(
            &app.db,
            app.state.keyring(),
            store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
            family,
        )
        .await)
    };
    let before = views().await.len();
    // The reason form reads nothing of the case.
    let path = format!("/lv/mediation/supervision/families/{family}");
    let form = c.get(&path).await;
    assert_eq!(form.status, 200);
    assert!(!form.text.contains("Uzraudzītā ģimene"));
    assert_eq!(views().await.len(), before);
    // No purpose, and a note that says nothing: both refused, what was typed kept.
    let res = c.post_form(&path, &[("note", "aaaaaaaaaa")]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"purpose-error\""), "{}", res.text);
    assert!(res.text.contains("id=\"note-error\""), "{}", res.text);
    assert!(res.text.contains(">aaaaaaaaaa</textarea>"));
    let res = c
        .post_form(
            &path,
            &[
                ("purpose", "curiosity"),
                ("note", "Sūdzība par 12. novembra vizīti (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"purpose-error\""), "{}", res.text);
    assert!(!res.text.contains("id=\"note-error\""), "{}", res.text);
    assert!(
        res.text
            .contains(">Sūdzība par 12. novembra vizīti (tests)</textarea>")
    );
    assert_eq!(
        views().await.len(),
        before,
        "no view without a purpose and a note"
    );
    let res = c
        .post_form(
            &path,
            &[
                ("purpose", "complaint"),
                ("note", "Sūdzība par 12. novembra vizīti (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("Uzraudzītā ģimene (tests)"));
    assert!(res.text.contains("Bērna drošība, neatliekami (tests)"));
    assert!(!res.text.contains("/contacts\""), "read-only: no forms");
    assert!(!res.text.contains("/consents\""), "read-only: no forms");
    let log = views().await;
    assert_eq!(log.len(), before + 1);
    // The purpose's code in the clear, the note sealed (opened for the reader).
    assert_eq!(log[0].purpose, "supervision:complaint");
    assert_eq!(
        log[0].note.as_deref(),
        Some("Sūdzība par 12. novembra vizīti (tests)")
    );
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let stored: (String, Option<Vec<u8>>) = ok(sqlx::query_as(
        "SELECT purpose, note_sealed FROM mediation_access_log ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&mut conn)
    .await);
    drop(conn);
    assert_eq!(stored.0, "supervision:complaint");
    let sealed = stored.1.unwrap_or_default();
    assert!(!sealed.is_empty());
    assert!(!String::from_utf8_lossy(&sealed).contains("novembra"));
    // The mediator sees who looked, for what and why.
    let m = app.login(Role::Mediator).await;
    let own = m.get(&format!("/lv/mediation/families/{family}")).await;
    assert!(
        own.text
            .contains("uzraudzība: Sūdzības izskatīšana — Sūdzība par 12. novembra vizīti (tests)"),
        "{}",
        own.text
    );
    // The month's unusual access names the supervisor's view.
    let page = c.get("/lv/mediation/supervision").await;
    assert!(page.text.contains("Cits lietotājs"), "{}", page.text);
    // A coordinator who is not the supervisor reaches nothing.
    let other = other_coordinator(&app).await;
    // Named supervisor on an assignment that has ended: still nothing.
    let other_id =
        ok(store::users::find_by_email(&app.db, "cits.koordinators@example.invalid").await)
            .map(|u| u.id)
            .unwrap_or_default();
    let as_coordinator = store::Actor {
        user_id: Some(app.user_id(Role::Coordinator)),
        label: None,
        ip: None,
    };
    ok(store::mediation::add_assignment(
        &app.db,
        app.clock_now(),
        &as_coordinator,
        &store::mediation::AssignmentInput {
            mediator_user_id: app.user_id(Role::Mediator),
            territory_id: jelgava,
            from_date: jiff::civil::date(2025, 1, 1),
            to_date: Some(jiff::civil::date(2025, 12, 31)),
            hours_per_week: None,
            reception: None,
            supervisor_user_id: Some(other_id),
        },
        &[],
    )
    .await);
    assert_eq!(other.get(&path).await.status, 404);
    let res = other
        .post_form(
            &path,
            &[
                ("purpose", "other"),
                ("note", "Ziņkārība, bez pamata (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 404);
    assert!(
        !other
            .get("/lv/mediation/supervision")
            .await
            .text
            .contains(&code)
    );
    // Next month, the supervisor's summary of November is queued once, with counts only.
    app.advance_minutes(7 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.access_summaries, 1);
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    let summary = mails
        .iter()
        .find(|m| m.kind == "mediation_access_summary")
        .unwrap_or_else(|| panic!("{mails:?}"));
    assert!(summary.subject.contains("2026-11"), "{}", summary.subject);
    assert!(
        summary.body.contains("Cits lietotājs: 1"),
        "{}",
        summary.body
    );
    assert!(
        summary.body.contains("Atteikts mēģinājums: 1"),
        "{}",
        summary.body
    );
    assert!(!summary.body.contains(&code), "no family in a mail");
    assert_eq!(ok(web::jobs::run_due(&app.state).await).access_summaries, 0);
    // Ending the assignment ends the supervisor's access through it.
    let current = ok(store::mediation::assignments(&app.db).await)
        .into_iter()
        .find(|a| a.to_date.is_none())
        .map(|a| a.id)
        .unwrap_or_default();
    let c = app.login(Role::Coordinator).await;
    assert_eq!(c.get(&path).await.status, 200);
    let res = c
        .post_form(&format!("/lv/mediation/assignments/{current}/end"), &[])
        .await;
    assert_eq!(res.status, 303);
    // Today still counts; from tomorrow on, nothing.
    app.advance_minutes(24 * 60);
    let c = app.login(Role::Coordinator).await;
    assert_eq!(c.get(&path).await.status, 404);
    assert!(
        !c.get("/lv/mediation/supervision")
            .await
            .text
            .contains(&code)
    );
}

#[tokio::test]
async fn a_closed_case_is_anonymised_after_the_retention_period_by_the_scheduled_job() {
    let app = TestApp::spawn().await;
    let (family, child) = family_with_child(&app).await;
    let m = app.login(Role::Mediator).await;
    consent_to_case_work(&m, family).await;
    let base = format!("/lv/mediation/families/{family}");
    let res = m
        .post_form(
            &format!("{base}/members"),
            &[("relation", "head"), ("name", "Glabājamais vārds (tests)")],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = m
        .post_form(
            &format!("{base}/contacts"),
            &[
                ("date", "2026-11-20"),
                ("place", "office"),
                ("areas", "housing"),
                ("done", "Glabājamā piezīme (tests)"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = m
        .post_form(
            &format!("{base}/status"),
            &[("case_status", "closed"), ("close_reason", "moved_away")],
        )
        .await;
    assert_eq!(res.status, 303);
    let code = open_family(&app, family).await.code;
    // Today nothing is due; the page says so.
    let page = app
        .login(Role::Coordinator)
        .await
        .get("/lv/mediation/retention")
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("anonimizē 3 gadus"), "{}", page.text);
    assert!(
        page.text.contains("Nākamajā mēnesī nevienu lietu"),
        "{}",
        page.text
    );
    assert_eq!(ok(web::jobs::run_due(&app.state).await).anonymised, 0);
    // Three years on, less a fortnight: next month's list names it; the job waits.
    app.advance_minutes((3 * 365 + 1 - 14) * 24 * 60);
    let page = app
        .login(Role::Coordinator)
        .await
        .get("/lv/mediation/retention")
        .await;
    // Listed by mediator, municipality and dates — never by the family's code.
    assert!(
        page.text.contains("<td>2026-11-26</td><td>2029-11-26</td>"),
        "{}",
        page.text
    );
    assert!(!page.text.contains(&code));
    assert_eq!(ok(web::jobs::run_due(&app.state).await).anonymised, 0);
    // On the day: anonymised once; the names and notes are gone, the dates and areas stay.
    app.advance_minutes(15 * 24 * 60);
    assert_eq!(ok(web::jobs::run_due(&app.state).await).anonymised, 1);
    assert_eq!(ok(web::jobs::run_due(&app.state).await).anonymised, 0);
    let fam = open_family(&app, family).await;
    assert!(
        fam.members
            .iter()
            .all(|m| m.name.is_none() && m.birth_year.is_none())
    );
    assert!(fam.members.iter().any(|m| m.id == child));
    assert_eq!(fam.contacts.len(), 1);
    assert!(fam.contacts[0].done.is_none());
    assert_eq!(
        fam.contacts[0].areas,
        vec![domain::mediation::ContactArea::Housing]
    );
    assert_eq!(ok(store::audit::count(&app.db, "case_anonymised").await), 1);
    let m = app.login(Role::Mediator).await;
    let res = m
        .post_form(&format!("{base}/status"), &[("case_status", "active")])
        .await;
    assert_eq!(res.status, 422, "an anonymised case is not reopened");
    assert!(
        res.text.contains("id=\"case_status-error\""),
        "{}",
        res.text
    );
    let page = app
        .login(Role::Coordinator)
        .await
        .get("/lv/mediation/retention")
        .await;
    assert!(
        page.text.contains("Anonimizētas līdz šim: 1."),
        "{}",
        page.text
    );
    assert!(!page.text.contains(&code));
}

#[tokio::test]
async fn a_person_gets_everything_held_about_them_and_erasure_leaves_no_trace() {
    let app = TestApp::spawn().await;
    let (family, child) = family_with_child(&app).await;
    let m = app.login(Role::Mediator).await;
    consent_to_case_work(&m, family).await;
    let base = format!("/lv/mediation/families/{family}");
    let res = m
        .post_form(
            &format!("{base}/members"),
            &[("relation", "head"), ("name", "Cita persona (tests)")],
        )
        .await;
    assert_eq!(res.status, 303);
    let child_s = child.to_string();
    for (member, note) in [
        (child_s.as_str(), "Par bērnu runājām (tests)"),
        ("", "Par visu ģimeni (tests)"),
    ] {
        let res = m
            .post_form(
                &format!("{base}/contacts"),
                &[
                    ("date", "2026-11-25"),
                    ("place", "office"),
                    ("areas", "education"),
                    ("member_id", member),
                    ("done", note),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let fam = open_family(&app, family).await;
    let head = fam
        .members
        .iter()
        .find(|x| x.relation == domain::mediation::Relation::Head)
        .map(|x| x.id)
        .unwrap_or_default();
    let child_code = fam
        .members
        .iter()
        .find(|x| x.id == child)
        .map(|x| x.code.clone())
        .unwrap_or_default();
    // The export: their entries and the family's, every access with its purpose — never
    // another member's.
    let export = format!("{base}/members/{child}/export");
    let page = m.get(&export).await;
    assert_eq!(page.status, 200);
    for expected in [
        "Dati par personu",
        child_code.as_str(),
        "Par bērnu runājām (tests)",
        "Par visu ģimeni (tests)",
        "Piekļuve lietai",
        "lietas darbs",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
    assert!(!page.text.contains("Cita persona (tests)"), "{}", page.text);
    let json = m.get(&format!("{export}?format=json")).await;
    assert_eq!(json.status, 200);
    let body = json.json();
    assert_eq!(body["subject"]["code"], child_code.as_str());
    assert_eq!(body["contacts"].as_array().map(Vec::len), Some(2));
    let purposes: Vec<&str> = body["access_to_the_record"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["purpose"].as_str()).collect())
        .unwrap_or_default();
    assert!(purposes.contains(&"data_subject_export"), "{purposes:?}");
    assert!(!json.text.contains("Cita persona"), "{}", json.text);
    // Erasure needs the box ticked.
    let erase = format!("{base}/members/{child}/erase");
    let res = m.post_form(&erase, &[]).await;
    assert_eq!(res.status, 303);
    assert!(
        res.location()
            .unwrap_or_default()
            .contains("erase-unconfirmed")
    );
    assert!(
        ok(store::maintenance::content_dump(&app.db).await).contains(&format!("'{child_code}'"))
    );
    let res = m.post_form(&erase, &[("confirm", "yes")]).await;
    assert_eq!(res.status, 303);
    let dump = ok(store::maintenance::content_dump(&app.db).await);
    assert!(
        !dump.contains(&child_code),
        "the code is gone from every table"
    );
    let list = std::fs::read_to_string(app.state.settings().erased_list_file()).unwrap_or_default();
    assert_eq!(list.trim(), child_code);
    let fam = open_family(&app, family).await;
    assert!(fam.members.iter().all(|x| x.id != child));
    assert_eq!(
        fam.contacts.len(),
        1,
        "the contact naming the child went with them"
    );
    assert!(fam.members.iter().any(|x| x.id == head));
    assert_eq!(
        ok(store::audit::count(&app.db, "family_member_erased").await),
        1
    );
    // No row anywhere still names the erased member's id.
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND p.name = 'member_id'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap_or_default();
    assert!(tables.len() >= 5, "{tables:?}");
    for t in tables {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM {t} WHERE member_id = $1"
        )))
        .bind(child)
        .fetch_one(&mut conn)
        .await
        .unwrap_or(-1);
        assert_eq!(n, 0, "{t}");
    }
    // The whole family.
    let family_code = fam.code.clone();
    let res = m
        .post_form(&format!("{base}/erase"), &[("confirm", "yes")])
        .await;
    assert_eq!(res.status, 303);
    assert!(
        res.location()
            .unwrap_or_default()
            .ends_with("/lv/mediation?notice=family-erased")
    );
    let page = m.get("/lv/mediation?notice=family-erased").await;
    assert!(page.text.contains("Ģimenes lieta ir dzēsta."));
    let dump = ok(store::maintenance::content_dump(&app.db).await);
    assert!(!dump.contains(&family_code));
    assert!(!dump.contains("Cita persona"));
    assert_eq!(m.get(&base).await.status, 404);
}

#[tokio::test]
async fn every_column_that_holds_personal_data_is_in_the_records_of_processing() {
    use domain::processing::{
        CATEGORIES, NOT_PERSONAL, TABLES_WITHOUT_PERSONAL_DATA, category_of, looks_personal,
    };
    let app = TestApp::spawn().await;
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let columns: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap_or_default();
    assert!(columns.len() > 300, "read the schema: {}", columns.len());
    // The access log's file, beside the database, is registered the same way.
    let mut access =
        crate::cli::open_read_only(&store::db::access_log_path(&app.settings.database)).await;
    let access_columns: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
    )
    .fetch_all(&mut access)
    .await
    .unwrap_or_default();
    assert!(access_columns.len() >= 8, "{access_columns:?}");
    let columns: Vec<(String, String)> = columns.into_iter().chain(access_columns).collect();
    let mut missing = Vec::new();
    for (table, column) in &columns {
        if looks_personal(column)
            && category_of(table, column).is_none()
            && !NOT_PERSONAL.contains(&(table.as_str(), column.as_str()))
        {
            missing.push(format!("{table}.{column}"));
        }
    }
    assert!(
        missing.is_empty(),
        "personal data not in domain::processing (register it, or declare it not personal): {missing:?}"
    );
    // Every table is classified: it holds registered personal data, or none at all.
    let tables: std::collections::BTreeSet<&str> =
        columns.iter().map(|(t, _)| t.as_str()).collect();
    for t in &tables {
        let registered = CATEGORIES
            .iter()
            .any(|c| c.columns.iter().any(|(table, _)| table == t));
        let without = TABLES_WITHOUT_PERSONAL_DATA.contains(t);
        assert!(
            registered != without,
            "{t}: classify it in domain::processing (registered: {registered}, without: {without})"
        );
    }
    // No stale entry: every registered column exists.
    for c in CATEGORIES {
        for (t, k) in c.columns {
            assert!(
                columns
                    .iter()
                    .any(|(table, column)| table == t && column == k),
                "{t}.{k} is registered but not in the schema"
            );
        }
    }
    // The generated page lists every category, with the configured retention.
    let page = app.client().get("/lv/processing").await;
    assert_eq!(page.status, 200);
    for c in CATEGORIES {
        assert!(page.text.contains(c.title.0), "{}", c.key);
    }
    assert!(
        page.text.contains("anonimizē 3 gadus pēc slēgšanas"),
        "{}",
        page.text
    );
    let en = app.client().get("/en/processing").await;
    assert!(en.text.contains("Roma mediation cases"));
}

#[tokio::test]
async fn a_mediator_submits_a_monthly_report_that_stays_as_submitted_and_the_supervisor_reads_it() {
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await;
    family_in_figures(&app, jelgava, true, 3).await;
    family_in_figures(&app, jelgava, false, 1).await;
    let m = app.login(Role::Mediator).await;
    let page = m.get("/lv/mediation/reports?month=2026-11").await;
    assert_eq!(page.status, 200);
    for expected in [
        "Mediatora mēneša pārskats: 2026-11",
        // Four contacts of an hour, over every family.
        "<dt>Kontaktu laiks (stundas:minūtes)</dt><dd>4:00</dd>",
        "<dt>Atbalstītās ģimenes</dt><dd>1</dd>",
        "<dt>Ģimenes bez piekrišanas statistikai</dt><dd>1</dd>",
        "Izglītība: 3",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
    let long = "x".repeat(5001);
    let res = m
        .post_form(
            "/lv/mediation/reports",
            &[("month", "2026-11"), ("notes", &long)],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"notes-error\""));
    // Asked first, with what was typed carried along; nothing is submitted until confirmed.
    let notes = "Vajag atbalstu darbam ar skolām (tests)\nOtrā rinda";
    let ask = m
        .post_form(
            "/lv/mediation/reports",
            &[("month", "2026-11"), ("notes", notes)],
        )
        .await;
    assert_eq!(ask.status, 200);
    assert!(
        ask.text.contains("Iesniegt 2026-11 pārskatu?"),
        "{}",
        ask.text
    );
    assert!(ask.text.contains("vairs nevar labot"), "{}", ask.text);
    assert_eq!(
        ok(store::audit::count(&app.db, "mediator_report_submitted").await),
        0
    );
    // Going back keeps what was typed; the "yes" is not styled as destructive.
    assert!(!ask.text.contains("class=\"danger\""), "{}", ask.text);
    let back = m
        .post_form(
            "/lv/mediation/reports",
            &[("month", "2026-11"), ("notes", notes), ("back", "1")],
        )
        .await;
    assert_eq!(back.status, 200);
    assert!(back.text.contains("Otrā rinda</textarea>"), "{}", back.text);
    let res = m
        .post_form(
            "/lv/mediation/reports",
            &[("month", "2026-11"), ("notes", notes), ("confirm", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    // Later entries for the month do not change what was submitted.
    family_in_figures(&app, jelgava, true, 2).await;
    let page = m
        .get("/lv/mediation/reports?month=2026-11&notice=submitted")
        .await;
    assert!(page.text.contains("Pārskats iesniegts uzraudzītājam."));
    assert!(page.text.contains("<dd>4:00</dd>"), "{}", page.text);
    assert!(!page.text.contains("Iesniegt pārskatu"));
    assert!(!page.text.contains("name=\"notes\""), "frozen: no form");
    // Submitting again changes nothing.
    let res = m
        .post_form(
            "/lv/mediation/reports",
            &[("month", "2026-11"), ("notes", "Cits teksts")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        ok(store::audit::count(&app.db, "mediator_report_submitted").await),
        1
    );
    // The supervisor reads it; the notes are sealed in the file.
    let c = app.login(Role::Coordinator).await;
    let page = c.get("/lv/mediation/supervision/reports").await;
    assert!(
        page.text.contains("2026-11: Tests mediator"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("Vajag atbalstu darbam ar skolām (tests)")
    );
    let raw = raw_database(&app);
    let secret = "atbalstu darbam ar skolām";
    assert!(!raw.windows(secret.len()).any(|w| w == secret.as_bytes()));

    // The submitted month as a document (POST with the CSRF token): the frozen figures and
    // the notes, each download audited.
    let download = "/lv/mediation/reports/download";
    let page = m.get("/lv/mediation/reports?month=2026-11").await;
    assert!(
        page.text
            .contains("action=\"/lv/mediation/reports/download\""),
        "{}",
        page.text
    );
    let (status, pdf) = m
        .post_form_bytes(download, &[("month", "2026-11"), ("format", "pdf")])
        .await;
    assert_eq!(status, 200);
    let words = crate::reports::pdf_words(&pdf);
    for expected in [
        "Mediatora mēneša pārskats: 2026-11",
        "Kontaktu laiks (stundas:minūtes) Atbalstītās ģimenes",
        "Ģimenes bez piekrišanas statistikai 4:00 1 1 3",
        "Vajag atbalstu darbam ar skolām (tests)",
        "Iesniegts",
    ] {
        assert!(words.contains(expected), "{expected}: {words}");
    }
    assert_eq!(
        m.post_form_raw(download, &[("month", "2026-11"), ("format", "pdf")])
            .await
            .status,
        403,
        "no CSRF token, no download"
    );
    for (month, format) in [("2026-11", "xlsx"), ("2026-13", "pdf"), ("2027-01", "pdf")] {
        assert_eq!(
            m.post_form(download, &[("month", month), ("format", format)])
                .await
                .status,
            404,
            "{month} {format}"
        );
    }
    // A month not submitted: the figures as they stand, said so, without notes.
    let (status, pdf) = m
        .post_form_bytes(download, &[("month", "2026-10"), ("format", "pdf")])
        .await;
    assert_eq!(status, 200);
    let words = crate::reports::pdf_words(&pdf);
    assert!(words.contains("vēl nav iesniegts"), "{words}");
    assert!(words.contains("Piezīmju nav."));
    // The supervisor takes the submitted report from the list.
    let page = c.get("/lv/mediation/supervision/reports").await;
    let start = page
        .text
        .find("action=\"/lv/mediation/supervision/reports/")
        .unwrap_or_else(|| panic!("a download form: {}", page.text));
    let action: String = page.text[start + "action=\"".len()..]
        .chars()
        .take_while(|ch| *ch != '"')
        .collect();
    let (status, docx) = c.post_form_bytes(&action, &[("format", "docx")]).await;
    assert_eq!(status, 200);
    assert!(docx.starts_with(b"PK"));
    // A coordinator who does not supervise this mediator gets nothing, not even by its id.
    let other = other_coordinator(&app).await;
    assert_eq!(
        other.post_form_bytes(&action, &[("format", "pdf")]).await.0,
        404
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "mediator_report_downloaded").await),
        3
    );
}

#[tokio::test]
async fn the_years_mediation_report_is_exact_for_the_mediator_and_controlled_for_the_municipality()
{
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await;
    family_in_figures(&app, jelgava, true, 3).await;
    family_in_figures(&app, jelgava, true, 1).await;
    let q = "/lv/mediation/figures/report?year=2026";
    let mediator = app.login(Role::Mediator).await;
    let page = mediator.get("/lv/mediation/figures").await;
    assert!(
        page.text
            .contains("/lv/mediation/figures/report?year=2026&amp;format=pdf")
    );
    let (status, html) = mediator.get_bytes(&format!("{q}&format=html")).await;
    assert_eq!(status, 200);
    let html = String::from_utf8_lossy(&html).into_owned();
    assert!(
        html.contains("<h1>Romu mediatora gada pārskats</h1>"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Atbalstītās ģimenes</dt><dd>2</dd>"),
        "{html}"
    );
    assert!(html.contains("<dt>Kontakti</dt><dd>4</dd>"));
    assert!(html.contains("<th scope=\"row\">2026-11</th>"), "by month");
    let (status, pdf) = mediator.get_bytes(&format!("{q}&format=pdf")).await;
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF-"));
    // The municipality sees its mediation under disclosure control, never a small number.
    let (status, html) = app
        .login(Role::Municipality)
        .await
        .get_bytes(&format!("{q}&format=html"))
        .await;
    assert_eq!(status, 200);
    let html = String::from_utf8_lossy(&html).into_owned();
    assert!(
        html.contains("<dt>Atbalstītās ģimenes</dt><dd>&lt;10</dd>"),
        "{html}"
    );
    assert!(!html.contains("<dd>2</dd>"));
    // A year in the future or a strange format is not there.
    assert_eq!(
        mediator
            .get_bytes("/lv/mediation/figures/report?year=2030&format=pdf")
            .await
            .0,
        404
    );
    assert_eq!(mediator.get_bytes(&format!("{q}&format=exe")).await.0, 404);
}

/// The outbox's mails of a kind: (to, subject, body).
async fn mails_of(app: &TestApp, kind: &str) -> Vec<(String, String, String)> {
    ok(store::outbox::list(&app.db, 0).await)
        .0
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| (m.to, m.subject, m.body))
        .collect()
}

#[tokio::test]
async fn a_supervisor_takes_effect_only_when_a_second_coordinator_approves_and_the_mediator_is_told()
 {
    let app = TestApp::spawn().await;
    let jelgava = territory(&app, "jelgava").await.to_string();
    let c = app.login(Role::Coordinator).await;
    let me = app.user_id(Role::Coordinator).to_string();
    let second = coordinator(&app, "otra@example.invalid", "Otra Koordinatore").await;
    // A coordinator names themselves supervisor of a new assignment: only proposed.
    let res = c
        .post_form(
            "/lv/mediation/assignments",
            &[
                ("mediator", &app.user_id(Role::Mediator).to_string()),
                ("territory_id", &jelgava),
                ("from_date", "2026-01-01"),
                ("supervisor", &me),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let a = ok(store::mediation::assignments(&app.db).await)[0].clone();
    assert_eq!(a.supervisor_user_id, None);
    let p = a.proposal.clone().unwrap_or_else(|| panic!("{a:?}"));
    assert_eq!(p.by_user_id, Some(app.user_id(Role::Coordinator)));
    // Only the other coordinators are asked, with a link to decide.
    let asked = mails_of(&app, "supervisor_proposed").await;
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(asked[0].0, "otra@example.invalid");
    assert!(asked[0].2.contains("Tests mediator"), "{}", asked[0].2);
    assert!(
        asked[0].2.contains("/lv/mediation/assignments"),
        "{}",
        asked[0].2
    );
    // Until approved the families stay out of reach, and the summary lists none.
    let m = app.login(Role::Mediator).await;
    let (family, code) = ok(store::mediation::create_family(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &store::Actor::cli(),
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        &store::mediation::FamilyInput {
            territory_id: a.territory_id,
            name: Some("Četru acu ģimene (tests)".to_owned()),
            ..Default::default()
        },
    )
    .await);
    let path = format!("/lv/mediation/supervision/families/{family}");
    assert_eq!(c.get(&path).await.status, 404);
    assert!(
        !c.get("/lv/mediation/supervision")
            .await
            .text
            .contains(&code)
    );
    // The mediator sees the proposal, not yet a supervisor.
    let own = m.get("/lv/mediation").await;
    assert!(own.text.contains("nav uzraudzītāja"), "{}", own.text);
    assert!(
        own.text.contains("gaida otra koordinatora apstiprinājumu"),
        "{}",
        own.text
    );
    // The proposer cannot approve it: refused, in words, nothing changed.
    let page = format!("/lv/mediation/assignments/{}/supervisor", a.id);
    let decide = format!("{page}/decide");
    assert!(c.get(&page).await.text.contains("Atsaukt ierosinājumu"));
    let res = c
        .post_form(&decide, &[("decision", "approve"), ("supervisor", &me)])
        .await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(
        res.text.contains("Savu ierosinājumu apstiprināt nevar"),
        "{}",
        res.text
    );
    assert_eq!(c.get(&path).await.status, 404);
    // The second coordinator approving what they did not see (another person) is refused.
    let res = second
        .post_form(
            &decide,
            &[
                ("decision", "approve"),
                ("supervisor", &app.user_id(Role::Ngo).to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("pa to laiku ir mainīts"), "{}", res.text);
    // …and approving the proposal seen puts it in effect; mediator and supervisor are told.
    let shown = second.get(&page).await;
    assert!(shown.text.contains("Apstiprināt"), "{}", shown.text);
    let res = second
        .post_form(&decide, &[("decision", "approve"), ("supervisor", &me)])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let a = ok(store::mediation::assignments(&app.db).await)[0].clone();
    assert_eq!(a.supervisor_user_id, Some(app.user_id(Role::Coordinator)));
    assert_eq!(a.approved_by_name.as_deref(), Some("Otra Koordinatore"));
    assert!(a.proposal.is_none());
    let told = mails_of(&app, "supervisor_approved").await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, testkit::email_for(Role::Mediator));
    assert!(told[0].2.contains("Otra Koordinatore"), "{}", told[0].2);
    assert_eq!(mails_of(&app, "supervisor_appointed").await.len(), 1);
    assert_eq!(
        ok(store::audit::count(&app.db, "supervisor_approved").await),
        1
    );
    assert_eq!(c.get(&path).await.status, 200);
    let own = m.get("/lv/mediation").await;
    assert!(own.text.contains("Tests coordinator"), "{}", own.text);
    // A change proposed by the second coordinator: the current supervision stays meanwhile;
    // the first refuses it.
    let two = ok(store::users::find_by_email(&app.db, "otra@example.invalid").await)
        .map(|u| u.id.to_string())
        .unwrap_or_default();
    let res = second.post_form(&page, &[("supervisor", &two)]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(c.get(&path).await.status, 200);
    assert_eq!(second.get(&path).await.status, 404);
    assert!(
        c.get("/lv/mediation/supervision")
            .await
            .text
            .contains("1 uzraudzības ierosinājums gaida")
    );
    let res = c
        .post_form(&decide, &[("decision", "refuse"), ("supervisor", &two)])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        ok(store::audit::count(&app.db, "supervisor_refused").await),
        1
    );
    assert_eq!(second.get(&path).await.status, 404);
    // The one proposed cannot approve their own appointment either.
    assert_eq!(
        c.post_form(&page, &[("supervisor", &two)]).await.status,
        303
    );
    let res = second
        .post_form(&decide, &[("decision", "approve"), ("supervisor", &two)])
        .await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("Savu iecelšanu"), "{}", res.text);
    assert!(
        !res.text.contains("error-summary"),
        "said once, at the proposal"
    );
    let res = c
        .post_form(&decide, &[("decision", "refuse"), ("supervisor", &two)])
        .await;
    assert_eq!(res.status, 303);
    // Proposing what is already in effect says so next to the field.
    let res = second.post_form(&page, &[("supervisor", &me)]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"supervisor-error\""), "{}", res.text);
    // Removal is at once, and the mediator is told.
    let res = second.post_form(&page, &[("supervisor", "")]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(c.get(&path).await.status, 404);
    assert_eq!(mails_of(&app, "supervisor_removed").await.len(), 1);
    // The audit log reads it in words.
    let audit = c.get("/lv/admin/audit").await;
    for words in [
        "Ierosināts mediatora uzraudzītājs",
        "Apstiprināts mediatora uzraudzītājs",
        "Noņemts mediatora uzraudzītājs",
    ] {
        assert!(audit.text.contains(words), "{words}");
    }
    // A coordinator account the proposer made is not a second pair of eyes.
    ok(store::users::create(
        &app.db,
        app.clock_now(),
        &store::Actor {
            user_id: Some(app.user_id(Role::Coordinator)),
            label: None,
            ip: None,
        },
        store::users::NewUser {
            email: "pasa@example.invalid",
            name: "Paša Veidotā",
            role: Role::Coordinator,
            organisation_id: None,
            password_hash: Some(domain::password::hash(testkit::PASSWORD)),
            password_link: None,
            mail: None,
        },
    )
    .await);
    let made = app.client();
    made.get("/lv/login").await;
    assert_eq!(
        made.login("pasa@example.invalid", testkit::PASSWORD)
            .await
            .status,
        303
    );
    made.get("/lv/workspace").await;
    assert_eq!(c.post_form(&page, &[("supervisor", &me)]).await.status, 303);
    let res = made
        .post_form(&decide, &[("decision", "approve"), ("supervisor", &me)])
        .await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("Jūsu kontu izveidoja"), "{}", res.text);
    assert_eq!(c.get(&path).await.status, 404);
    // A proposal left more than 14 days can no longer be approved.
    app.advance_minutes(15 * 24 * 60);
    let late = app.client();
    late.get("/lv/login").await;
    assert_eq!(
        late.login("otra@example.invalid", testkit::PASSWORD)
            .await
            .status,
        303
    );
    late.get("/lv/workspace").await;
    let res = late
        .post_form(&decide, &[("decision", "approve"), ("supervisor", &me)])
        .await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("ilgāk par 14 dienām"), "{}", res.text);
    let c = app.login(Role::Coordinator).await;
    // An unknown or malformed assignment is simply not found.
    assert_eq!(
        c.get("/lv/mediation/assignments/999/supervisor")
            .await
            .status,
        404
    );
    let res = c
        .post_form(
            "/lv/mediation/assignments/999/supervisor/decide",
            &[("decision", "approve"), ("supervisor", &me)],
        )
        .await;
    assert_eq!(res.status, 404);
}

#[tokio::test]
async fn reasons_stored_in_the_clear_before_sealing_are_sealed_at_start() {
    let app = TestApp::spawn().await;
    assign(&app).await;
    let fam = ok(store::mediation::create_family(
        &app.db,
        app.clock_now(),
        jiff::civil::date(2026, 11, 26),
        &store::Actor::cli(),
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        &store::mediation::FamilyInput {
            territory_id: territory(&app, "jelgava").await,
            ..Default::default()
        },
    )
    .await);
    // A row as an earlier version wrote it.
    {
        use sqlx::Connection as _;
        let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(&app.settings.database);
        let mut conn = ok(sqlx::SqliteConnection::connect_with(&opts).await);
        ok(sqlx::query(
            "INSERT INTO mediation_access_log (at, user_id, family_id, action, purpose)
             VALUES ($1, $2, $3, 'view', 'supervision: Vecs iemesls atklātā tekstā')",
        )
        .bind(app.clock_now())
        .bind(app.user_id(Role::Coordinator))
        .bind(fam.0)
        .execute(&mut conn)
        .await);
        conn.close().await.ok();
    }
    assert_eq!(
        ok(store::mediation::seal_legacy_reasons(&app.db, app.state.keyring()).await),
        1
    );
    assert_eq!(
        ok(store::mediation::seal_legacy_reasons(&app.db, app.state.keyring()).await),
        0
    );
    let mut conn = crate::cli::open_read_only(&app.settings.database).await;
    let rows: Vec<(String, Option<Vec<u8>>)> = ok(sqlx::query_as(
        "SELECT purpose, note_sealed FROM mediation_access_log WHERE purpose LIKE 'supervision%'",
    )
    .fetch_all(&mut conn)
    .await);
    drop(conn);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "supervision:other");
    assert!(!String::from_utf8_lossy(rows[0].1.as_deref().unwrap_or_default()).contains("iemesls"));
    let log = ok(store::mediation::access_log(
        &app.db,
        app.state.keyring(),
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
        fam.0,
    )
    .await);
    let legacy = log.iter().find(|a| a.purpose == "supervision:other");
    assert_eq!(
        legacy.and_then(|a| a.note.as_deref()),
        Some("Vecs iemesls atklātā tekstā")
    );
}

/// A mediator account with the test password: its id.
async fn another_mediator(app: &TestApp, email: &str, name: &str) -> i64 {
    ok(store::users::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        store::users::NewUser {
            email,
            name,
            role: Role::Mediator,
            organisation_id: None,
            password_hash: Some(domain::password::hash(testkit::PASSWORD)),
            password_link: None,
            mail: None,
        },
    )
    .await)
}

#[tokio::test]
async fn a_mediators_families_go_to_another_mediator_only_with_a_second_coordinators_approval() {
    let app = TestApp::spawn().await;
    let family = mediator_with_a_family(&app).await;
    let mediator = app.user_id(Role::Mediator);
    let jelgava = territory(&app, "jelgava").await;
    let next = another_mediator(&app, "nakama@example.invalid", "Nākamā Mediatore").await;
    let elsewhere = another_mediator(&app, "cita@example.invalid", "Citur Strādājošā").await;
    ok(store::mediation::add_assignment(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::mediation::AssignmentInput {
            mediator_user_id: next,
            territory_id: jelgava,
            from_date: jiff::civil::date(2026, 1, 1),
            to_date: None,
            hours_per_week: None,
            reception: None,
            supervisor_user_id: None,
        },
        &[],
    )
    .await);
    let c = app.login(Role::Coordinator).await;
    // The refused role change points to the handover, with the mediator chosen.
    let edit = format!("/lv/admin/users/{mediator}");
    c.get(&edit).await;
    let res = c
        .post_form(
            &edit,
            &[
                ("name", "Tests mediator"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    let link = format!("/lv/mediation/handover?from={mediator}");
    assert!(res.text.contains(&link), "{}", res.text);
    let page = c.get(&link).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains(&format!(
            "<option value=\"{mediator}\" selected>Tests mediator (kopā: 1)"
        )),
        "{}",
        page.text
    );
    // To a mediator not assigned where the family is: refused next to the field.
    let res = c
        .post_form(
            "/lv/mediation/handover",
            &[
                ("from", &mediator.to_string()),
                ("to", &elsewhere.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"to-error\""), "{}", res.text);
    // Proposed to the one assigned there: the other coordinator is asked.
    let res = c
        .post_form(
            "/lv/mediation/handover",
            &[("from", &mediator.to_string()), ("to", &next.to_string())],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let asked = mails_of(&app, "handover_proposed").await;
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(asked[0].0, "apstiprina@example.invalid");
    let id = ok(store::handovers::pending(&app.db, jiff::civil::date(2026, 11, 26)).await)[0].id;
    let decide = format!("/lv/mediation/handover/{id}/decide");
    // The proposer cannot approve it; nothing moved.
    let res = c
        .post_form(&decide, &[("decision", "approve"), ("expected", "1")])
        .await;
    assert_eq!(res.status, 409);
    assert!(
        res.text.contains("Savu ierosinājumu apstiprināt nevar"),
        "{}",
        res.text
    );
    let m = app.login(Role::Mediator).await;
    assert_eq!(
        m.get(&format!("/lv/mediation/families/{family}"))
            .await
            .status,
        200
    );
    // The second coordinator approves: the family moves, both mediators are told.
    let second = app.client();
    second.get("/lv/login").await;
    assert_eq!(
        second
            .login("apstiprina@example.invalid", testkit::PASSWORD)
            .await
            .status,
        303
    );
    let shown = second.get("/lv/mediation/handover").await;
    // The approver sees whom the families would go to: address and who made the account.
    assert!(
        shown.text.contains("nakama@example.invalid"),
        "{}",
        shown.text
    );
    // Approving a count other than the one seen (an assignment added meanwhile) is refused.
    let res = second
        .post_form(&decide, &[("decision", "approve"), ("expected", "2")])
        .await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("pa to laiku ir mainīts"), "{}", res.text);
    let res = second
        .post_form(&decide, &[("decision", "approve"), ("expected", "1")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        m.get(&format!("/lv/mediation/families/{family}"))
            .await
            .status,
        404
    );
    let n = app.client();
    n.get("/lv/login").await;
    assert_eq!(
        n.login("nakama@example.invalid", testkit::PASSWORD)
            .await
            .status,
        303
    );
    n.get("/lv/mediation").await;
    let own = n.get(&format!("/lv/mediation/families/{family}")).await;
    assert_eq!(own.status, 200);
    assert!(
        own.text.contains("nodošana citam mediatoram"),
        "{}",
        own.text
    );
    assert_eq!(mails_of(&app, "handover_given").await.len(), 1);
    let received = mails_of(&app, "handover_received").await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].0, "nakama@example.invalid");
    assert_eq!(
        ok(store::audit::count(&app.db, "family_handed_over").await),
        1
    );
    assert!(
        ok(store::handovers::pending(&app.db, jiff::civil::date(2026, 11, 26)).await).is_empty()
    );
    // Still assigned: the role change is refused until the assignment ends (today will do).
    let res = c
        .post_form(
            &edit,
            &[
                ("name", "Tests mediator"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("spēkā esošs norīkojums"), "{}", res.text);
    let own = ok(store::mediation::assignments(&app.db).await)
        .into_iter()
        .find(|a| a.mediator_user_id == mediator && a.to_date.is_none())
        .map(|a| a.id)
        .unwrap_or_default();
    let res = c
        .post_form(&format!("/lv/mediation/assignments/{own}/end"), &[])
        .await;
    assert_eq!(res.status, 303);
    // Now the account holds nothing and its role can change.
    let res = c
        .post_form(
            &edit,
            &[
                ("name", "Tests mediator"),
                ("role", "ngo"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert_eq!(
        ok(store::users::get(&app.db, mediator).await).role,
        Role::Ngo
    );
}

/// Dates and words on the family page that make sense: a risk is not noticed in the future,
/// a next step is not planned before its contact, a child does not consent alone, a child is
/// of "vīriešu dzimums" rather than "Vīrietis", and a term reads "2026/2027, term 1".
#[tokio::test]
async fn the_family_page_refuses_dates_and_consents_that_make_no_sense() {
    let app = TestApp::spawn().await;
    let (family, child) = family_with_child(&app).await;
    let m = app.login(Role::Mediator).await;
    consent_to_case_work(&m, family).await;
    let base = format!("/lv/mediation/families/{family}");
    let child = child.to_string();
    // A risk noticed tomorrow.
    let res = m
        .post_form(
            &format!("{base}/followups"),
            &[
                ("followup_member", &child),
                ("school_year", "2026"),
                ("term", "1"),
                ("noted_on", "2026-11-27"),
                ("risk", "high"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text
            .contains("Datums, kad risks pamanīts, nevar būt nākotnē."),
        "{}",
        res.text
    );
    // A next step before the contact.
    let res = m
        .post_form(
            &format!("{base}/contacts"),
            &[
                ("date", "2026-11-26"),
                ("place", "office"),
                ("areas", "education"),
                ("next_date", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text
            .contains("Nākamā soļa datums nevar būt pirms kontakta datuma."),
        "{}",
        res.text
    );
    // The child (born 2014) does not consent alone.
    let res = m
        .post_form(
            &format!("{base}/consents"),
            &[
                ("purpose", "statistics"),
                ("consent_member", &child),
                ("given_by", "person"),
                ("given_on", "2026-11-26"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("id=\"given_by-error\""), "{}", res.text);
    // The term in words, in English too.
    let res = m
        .post_form(
            &format!("{base}/followups"),
            &[
                ("followup_member", &child),
                ("school_year", "2026"),
                ("term", "1"),
                ("noted_on", "2026-11-20"),
                ("risk", "high"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = m.get(&format!("/en/mediation/families/{family}")).await;
    assert!(page.text.contains("2026/2027, term 1"), "{}", page.text);
    let page = m.get(&base).await;
    assert!(page.text.contains("2026/2027, 1. semestris"));
    // A parent consents for a minor whatever their place in the family, never for an adult.
    for (relation, year, expected) in [("other_relative", "2012", 303), ("child", "1990", 422)] {
        let res = m
            .post_form(
                &format!("{base}/members"),
                &[("relation", relation), ("birth_year", year)],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
        let member = open_family(&app, family)
            .await
            .members
            .into_iter()
            .find(|x| x.birth_year.map(|y| y.to_string()) == Some(year.to_owned()))
            .map(|x| x.id.to_string())
            .unwrap_or_default();
        let res = m
            .post_form(
                &format!("{base}/consents"),
                &[
                    ("purpose", "statistics"),
                    ("consent_member", &member),
                    ("given_by", "parent"),
                    ("child_view", "agrees"),
                    ("given_on", "2026-11-26"),
                ],
            )
            .await;
        assert_eq!(res.status, expected, "{relation} born {year}: {}", res.text);
    }
    // The audit log, which every coordinator reads, shows the family by number, never its
    // code (the code reaches a coordinator only through supervision).
    let code = open_family(&app, family).await.code;
    let c = app.login(Role::Coordinator).await;
    let log = c.get("/lv/admin/audit").await;
    assert!(log.text.contains("Ģimene Nr. "), "{}", log.text);
    assert!(!log.text.contains(&code), "{}", log.text);
    let (_, export) = c
        .post_form_bytes("/lv/admin/audit/export", &[("format", "csv")])
        .await;
    assert!(!String::from_utf8_lossy(&export).contains(&code));
    app.stop().await;
}

#[tokio::test]
async fn the_family_list_shows_the_last_contact_and_next_step_and_finds_a_code() {
    let app = TestApp::spawn().await;
    let jelgava = assign(&app).await.to_string();
    let m = app.login(Role::Mediator).await;
    // A number out of its range says the range, and keeps what was typed.
    let res = m
        .post_form(
            "/lv/mediation/families",
            &[("territory_id", &jelgava), ("household_size", "99")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("no 1 līdz 30"), "{}", res.text);
    assert!(res.text.contains("value=\"99\""), "{}", res.text);
    let mut ids = Vec::new();
    for _ in 0..2 {
        let res = m
            .post_form(
                "/lv/mediation/families",
                &[("territory_id", &jelgava), ("household_size", "3")],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
        let id: i64 = res
            .location()
            .and_then(|l| l.rsplit('/').next())
            .and_then(|i| i.parse().ok())
            .unwrap_or_default();
        ids.push(id);
    }
    consent_to_case_work(&m, ids[0]).await;
    let res = m
        .post_form(
            &format!("/lv/mediation/families/{}/contacts", ids[0]),
            &[
                ("date", "2026-11-25"),
                ("place", "office"),
                ("areas", "education"),
                ("duration", "30"),
                ("next_date", "2026-12-02"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let list = m.get("/lv/mediation").await;
    assert!(
        list.text
            .contains("<th scope=\"col\">Pēdējais kontakts</th>"),
        "{}",
        list.text
    );
    assert!(list.text.contains("<td>2026-11-25</td>"), "{}", list.text);
    assert!(list.text.contains("<td>2026-12-02</td>"), "{}", list.text);
    assert!(
        list.text.contains("<td>vēl nav bijis</td>"),
        "the other family: {}",
        list.text
    );
    // Search by a part of the code, in any case and without the dash.
    let families = ok(store::mediation::families(
        &app.db,
        store::mediation::CaseScope::Mediator(app.user_id(Role::Mediator)),
    )
    .await);
    let code = families
        .iter()
        .find(|f| f.id == ids[1])
        .map(|f| f.code.clone())
        .unwrap_or_default();
    let typed: String = code
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let found = m.get(&format!("/lv/mediation?q={typed}")).await;
    assert!(found.text.contains("Atrasta 1 ģimene."), "{}", found.text);
    assert!(
        found.text.contains(&format!(">{code}</a>")),
        "{}",
        found.text
    );
    assert!(
        !found.text.contains("<td>2026-11-25</td>"),
        "{}",
        found.text
    );
    let none = m.get("/lv/mediation?q=zzz").await;
    assert!(
        none.text.contains("Neviena ģimene ar šādu kodu."),
        "{}",
        none.text
    );
    assert!(
        none.text.contains("Jauna ģimene"),
        "the form for a new one stays"
    );
}

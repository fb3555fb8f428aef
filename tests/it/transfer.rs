//! Import (preview, then all or nothing) and export of the directory.

use domain::auth::Role;
use testkit::{Client, Resp, TestApp};

/// Uploads a file as `multipart/form-data`, with the page's CSRF token unless `csrf` is
/// false.
async fn upload(c: &Client, name: &str, bytes: &[u8], csrf: bool) -> Resp {
    let boundary = "----romaTestBoundary7MA4YWxk";
    let mut body = Vec::new();
    if csrf {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n",
                c.csrf()
            )
            .as_bytes(),
        );
    }
    body.extend(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    c.send(
        c.http()
            .post(c.url("/lv/people/import"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body),
    )
    .await
}

fn without_audit(dump: &str) -> String {
    dump.split("## ")
        .filter(|s| {
            !s.starts_with("audit_log")
                && !s.starts_with("import_batches")
                && !s.starts_with("sessions")
        })
        .collect::<Vec<_>>()
        .join("## ")
}

const FILE: &str = "\u{feff}Vārds, uzvārds;E-pasts;Tālrunis;Organizācija;Amats;Vieta;Dzimums;Dzimšanas gads\r\n\
Līga Kalniņa;liga@x.test.invalid;2612 3456;Jaunā biedrība (tests);valdes locekle;Vilaka;sieviete;1995\r\n\
Anna Ābele;anna@a.test.invalid;;;;;;\r\n\
Ēriks Čakste;;;Citas pašvaldības birojs;;;;\r\n\
Nav Adreses;nav-adrese;;;;;;\r\n\
Kāds Cits;kads@x.test.invalid;;;;Atlantīda;;\r\n\
Otra Līga;liga@x.test.invalid;;;;;;\r\n";

#[tokio::test]
async fn an_import_is_previewed_row_by_row_and_saved_only_when_confirmed() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people/import").await;
    let before = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    let res = upload(&c, "personas.csv", FILE.as_bytes(), true).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview_path = res.location().unwrap_or_default().to_owned();
    let preview = c.get(&preview_path).await;
    assert_eq!(preview.status, 200);
    let t = &preview.text;
    for expected in [
        "Tiks izveidota",
        "Tiks papildināta esoša persona</strong>: atrasta pēc e-pasta adreses",
        "Tiks apvienota ar esošu personu</strong>: tāds pats vārds tajā pašā organizācijā",
        "Tiks izlaista</strong>: Ievadiet derīgu e-pasta adresi",
        "Tiks izlaista</strong>: nezināma vieta",
        "Tiks izlaista</strong>: šī e-pasta adrese failā jau bija",
        "jauna organizācija",
    ] {
        assert!(t.contains(expected), "{expected}\n{t}");
    }
    // Nothing is written by the preview (but the stored preview itself).
    let after_preview = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(without_audit(&before), without_audit(&after_preview));

    let done = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(done.status, 303, "{}", done.text);
    let liga = store::import::person_by_email(&app.db, "liga@x.test.invalid")
        .await
        .unwrap_or_default();
    let liga = store::people::get(&app.db, liga.unwrap_or_default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(liga.phone.as_deref(), Some("+37126123456"));
    assert_eq!(liga.territory_name.as_deref(), Some("Viļaka"));
    assert_eq!(liga.birth_year, Some(1995));
    assert_eq!(
        liga.memberships[0].organisation_name,
        "Jaunā biedrība (tests)"
    );
    assert_eq!(
        liga.memberships[0].role_title.as_deref(),
        Some("valdes locekle")
    );
    assert!(
        store::import::person_by_email(&app.db, "kads@x.test.invalid")
            .await
            .unwrap_or_default()
            .is_none(),
        "rejected rows are not written"
    );
    let (people, total) = store::people::list(
        &app.db,
        &Default::default(),
        jiff::civil::date(2026, 11, 26),
        store::Window::page(0, 50),
    )
    .await
    .unwrap_or_default();
    assert_eq!(total, 3, "one created, two matched: {people:?}");
    assert_eq!(
        store::audit::count(&app.db, "people_imported")
            .await
            .unwrap_or(0),
        1
    );
    let again = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(again.status, 409);
    // Another coordinator's preview is not even visible.
    let other = app.client();
    let other_coord = store::users::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        store::users::NewUser {
            email: "c2@test.roma.invalid",
            name: "Otrs",
            role: Role::Coordinator,
            organisation_id: None,
            password_hash: Some(domain::password::hash(testkit::PASSWORD)),
            password_link: None,
            mail: None,
        },
    )
    .await
    .unwrap_or_default();
    assert!(other_coord > 0);
    other.login("c2@test.roma.invalid", testkit::PASSWORD).await;
    assert_eq!(other.get(&preview_path).await.status, 404);
}

#[tokio::test]
async fn an_import_that_no_longer_fits_saves_nothing() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people/import").await;
    let res = upload(&c, "personas.csv", FILE.as_bytes(), true).await;
    let preview_path = res.location().unwrap_or_default().to_owned();
    // Between the preview and the confirmation, Līga's address is given to someone else.
    store::people::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        &store::people::PersonInput {
            name: "Cita Līga".into(),
            emails: vec!["liga@x.test.invalid".into()],
            preferred_lang: "lv".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let before = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    c.get(&preview_path).await;
    let res = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("nekas netika saglabāts"));
    let after = store::maintenance::content_dump(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(
        without_audit(&before),
        without_audit(&after),
        "not half-imported"
    );
    assert!(
        store::import::organisation_by_name(&app.db, "Jaunā biedrība (tests)")
            .await
            .unwrap_or_default()
            .is_none()
    );
}

#[tokio::test]
async fn xlsx_files_import_and_bad_files_are_refused_clearly() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people/import").await;
    let xlsx = documents::table::write_xlsx(
        "Personas",
        &["Name", "Email", "Birth year"],
        &[vec![
            "Ilze Priede".into(),
            "ilze@x.test.invalid".into(),
            "1988".into(),
        ]],
    )
    .unwrap_or_default();
    let res = upload(&c, "personas.xlsx", &xlsx, true).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview = c.get(res.location().unwrap_or_default()).await.text;
    assert!(preview.contains("Ilze Priede") && preview.contains("Tiks izveidota"));
    c.get("/lv/people/import").await;
    let latin1 = upload(&c, "old.csv", b"Name\nJ\xe2nis\n", true).await;
    assert_eq!(latin1.status, 422);
    assert!(latin1.text.contains("UTF-8 CSV vai XLSX"));
    assert!(latin1.text.contains("aria-invalid=\"true\""));
    let no_name = upload(&c, "x.csv", b"Email\na@b.lv\n", true).await;
    assert!(no_name.text.contains("nav kolonnas"));
    // An upload without the CSRF token is refused.
    assert_eq!(
        upload(&c, "personas.csv", FILE.as_bytes(), false)
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn exports_are_files_with_only_the_allowed_columns_and_are_audited() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/people").await;
    let csv = c
        .post_form("/lv/people/export", &[("format", "csv"), ("q", "abele")])
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        csv.header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment"))
    );
    assert_eq!(csv.header("cache-control"), Some("no-store"));
    assert!(csv.text.starts_with('\u{feff}'));
    assert!(csv.text.contains("Anna Ābele;Testa pilsētas pašvaldība (speciāliste);Jelgava;anna@a.test.invalid;'+37120000001"));
    assert!(!csv.text.contains("Ēriks"), "the filter applies");
    let xlsx = c
        .post_form("/lv/organisations/export", &[("format", "xlsx")])
        .await;
    assert_eq!(xlsx.status, 200);
    assert!(
        xlsx.header("content-type")
            .is_some_and(|t| t.contains("spreadsheetml"))
    );
    let m = app.login(Role::Municipality).await;
    m.get("/lv/people").await;
    let theirs = m.post_form("/lv/people/export", &[("format", "csv")]).await;
    assert!(!theirs.text.contains("@a.test.invalid") && !theirs.text.contains("@b.test.invalid"));
    assert_eq!(
        store::audit::count(&app.db, "people_exported")
            .await
            .unwrap_or(0),
        2
    );
    assert_eq!(
        store::audit::count(&app.db, "organisations_exported")
            .await
            .unwrap_or(0),
        1
    );
}

pub async fn upload_to(c: &Client, path: &str, name: &str, bytes: &[u8]) -> Resp {
    let boundary = "----romaTestBoundary7MA4YWxk";
    let mut body = Vec::new();
    body.extend(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n",
            c.csrf()
        )
        .as_bytes(),
    );
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n").as_bytes());
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    c.send(
        c.http()
            .post(c.url(path))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body),
    )
    .await
}

#[tokio::test]
async fn organisations_import_with_parents_from_the_same_file() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/organisations/import").await;
    let file = "Nosaukums,Veids,Augstākā organizācija,Vieta,Tīmekļa vietne\n\
                Jaunā pašvaldība (tests),Pašvaldība,,Talsi,\n\
                Jaunā skola (tests),municipal_institution,Jaunā pašvaldība (tests),Sabile,skola.example.lv\n\
                Citas pašvaldības birojs,,,,birojs.example.lv\n\
                Nepareizs veids,kosmoss,,,\n";
    let res = upload_to(&c, "/lv/organisations/import", "org.csv", file.as_bytes()).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let path = res.location().unwrap_or_default().to_owned();
    let preview = c.get(&path).await.text;
    assert!(preview.contains("Tiks papildināta esoša organizācija</strong>: tāds pats nosaukums"));
    assert!(preview.contains("Tiks izlaista</strong>: Izvēlieties organizācijas veidu"));
    // People previews and organisation previews are not interchangeable.
    let id = path.rsplit('/').next().unwrap_or_default();
    assert_eq!(c.get(&format!("/lv/people/import/{id}")).await.status, 404);
    let done = c.post_form(&format!("{path}/confirm"), &[]).await;
    assert_eq!(done.status, 303, "{}", done.text);
    let school = store::import::organisation_by_name(&app.db, "Jaunā skola (tests)")
        .await
        .unwrap_or_default();
    let school = store::organisations::get(&app.db, school.unwrap_or_default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        school.parent_name.as_deref(),
        Some("Jaunā pašvaldība (tests)")
    );
    assert_eq!(school.website.as_deref(), Some("https://skola.example.lv"));
    assert_eq!(school.territory_name.as_deref(), Some("Sabile"));
    let office = store::organisations::get(&app.db, app.fixtures.org_b)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(office.website.as_deref(), Some("https://birojs.example.lv"));
    assert_eq!(
        office.email.as_deref(),
        Some("pasts@b.test.invalid"),
        "kept"
    );
    assert!(
        store::import::organisation_by_name(&app.db, "Nepareizs veids")
            .await
            .unwrap_or_default()
            .is_none()
    );
    assert_eq!(
        store::audit::count(&app.db, "organisations_imported")
            .await
            .unwrap_or(0),
        1
    );
}

#[tokio::test]
async fn an_org_file_may_list_a_child_before_its_parent_and_a_skipped_parent_skips_its_children() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/organisations/import").await;
    let file = "Name,Kind,Parent,Place\n\
                Bērnu skola (tests),municipal_institution,Novada dome (tests),Talsi\n\
                Novada dome (tests),municipality,,Talsi\n\
                Sliktā (tests),kosmoss,,\n\
                Sliktās skola (tests),municipal_institution,Sliktā (tests),\n";
    let res = upload_to(&c, "/lv/organisations/import", "org.csv", file.as_bytes()).await;
    let path = res.location().unwrap_or_default().to_owned();
    let preview = c.get(&path).await.text;
    assert!(
        preview.contains("augstākās organizācijas rinda ir izlaista"),
        "{preview}"
    );
    assert_eq!(
        c.post_form(&format!("{path}/confirm"), &[]).await.status,
        303
    );
    let (orgs, _) = store::organisations::list(
        &app.db,
        &store::organisations::OrgFilter {
            q: Some("dome (tests)".into()),
            ..Default::default()
        },
        store::Window::page(0, 50),
    )
    .await
    .unwrap_or_default();
    assert_eq!(orgs.len(), 1, "the parent exists once: {orgs:?}");
    assert_eq!(
        orgs[0].kind,
        domain::directory::OrgKind::Municipality,
        "filled in by its own row"
    );
    assert!(
        store::import::organisation_by_name(&app.db, "Sliktās skola (tests)")
            .await
            .unwrap_or_default()
            .is_none()
    );
    // Once applied, the stored plan keeps no personal data.
    let id: i64 = path
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    let batch = store::import::batch(&app.db, id, app.user_id(Role::Coordinator))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !batch.plan.contains("skola") && !batch.plan.contains("Talsi"),
        "{}",
        batch.plan
    );
}

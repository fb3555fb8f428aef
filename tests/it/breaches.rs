//! The register of personal-data breaches (issue 20, item 5): a breach recorded with what
//! happened, whose data and what was done; the 72 hours for notifying Datu valsts inspekcija
//! shown, reminded and marked when missed; a late notification needs its reason, closing
//! needs the notification (or why not) and, at a high risk, the people told; audited and
//! exportable.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// A Riga date and time of a Unix time, as the form's fields.
fn fields_at(at: i64) -> (String, String) {
    let t = domain::event::riga_datetime(at);
    (
        t.date().to_string(),
        format!("{:02}:{:02}", t.hour(), t.minute()),
    )
}

#[tokio::test]
async fn a_breach_is_recorded_and_its_72_hours_are_shown_reminded_and_kept_to() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let empty = c.get("/lv/privacy/breaches").await;
    assert_eq!(empty.status, 200);
    assert!(empty.text.contains("Neviens pārkāpums nav reģistrēts."));

    // Everything missing but the title: each field says what it needs, the title is kept.
    let refused = c
        .post_form(
            "/lv/privacy/breaches",
            &[
                ("title", "Saraksts nosūtīts nepareizam adresātam"),
                ("discovered_date", ""),
                ("discovered_time", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    for message in [
        "Norādiet, kad pārkāpums atklāts.",
        "Aprakstiet, kas notika.",
        "Izvēlieties vismaz vienu skarto datu kategoriju.",
        "Izvēlieties, cik liels ir risks personām.",
        "value=\"Saraksts nosūtīts nepareizam adresātam\"",
    ] {
        assert!(
            refused.text.contains(message),
            "{message}: {}",
            refused.text
        );
    }

    // Discovered two hours ago (to the minute): 69 whole hours are left.
    let discovered = app.clock_now() - 2 * 3600;
    let (d, t) = fields_at(discovered);
    let form = |extra: &[(&'static str, String)]| {
        let mut f: Vec<(&'static str, String)> = vec![
            ("title", "Saraksts nosūtīts nepareizam adresātam".to_owned()),
            ("discovered_date", d.clone()),
            ("discovered_time", t.clone()),
            (
                "what_happened",
                "Pasākuma dalībnieku saraksts ar e-pastiem nosūtīts citai iestādei.".to_owned(),
            ),
            ("categories", "participation".to_owned()),
            ("categories", "directory".to_owned()),
            ("people_count", "40".to_owned()),
            (
                "consequences",
                "Nevēlami e-pasti; romu piederība sarakstā nebija.".to_owned(),
            ),
            (
                "measures",
                "Saņēmējs lūgts dzēst; apstiprinājums saņemts.".to_owned(),
            ),
            ("risk", "risk".to_owned()),
        ];
        f.extend(extra.iter().cloned());
        f
    };
    let as_refs = |f: &[(&'static str, String)]| -> Vec<(&'static str, String)> { f.to_vec() };
    let post = |path: &'static str, f: Vec<(&'static str, String)>| {
        let c = &c;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            c.post_form(path, &pairs).await
        }
    };
    let created = post("/lv/privacy/breaches", as_refs(&form(&[]))).await;
    assert_eq!(created.status, 303, "{}", created.text);
    let list = ok(store::breaches::list(&app.db).await);
    assert_eq!(list.len(), 1);
    let id = list.first().map_or(0, |b| b.id);
    let page = c.get(&format!("/lv/privacy/breaches/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Jāziņo; termiņš:"), "{}", page.text);
    assert!(
        page.text.contains("(atlikušas 69 stundas)"),
        "{}",
        page.text
    );
    let work = c.get("/lv/workspace").await;
    assert!(
        work.text
            .contains("Personas datu pārkāpumi, par kuriem jāziņo inspekcijai"),
        "{}",
        work.text
    );

    // The day before the deadline those who keep the register are reminded; once it has
    // passed, again, and the register says it was missed.
    // Mailed in the same run (to the one coordinator; the data protection officer has their
    // own mail).
    let reminded = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            ok(store::outbox::list(&db, 0).await)
                .0
                .into_iter()
                .filter(|m| {
                    m.kind == "notice_breach_deadline"
                        && m.to == testkit::email_for(Role::Coordinator)
                })
                .count()
        }
    };
    ok(web::jobs::run_due(&app.state).await);
    assert_eq!(reminded(&app).await, 0);
    app.advance_minutes(47 * 60);
    ok(web::jobs::run_due(&app.state).await);
    assert_eq!(reminded(&app).await, 1, "the day before");
    ok(web::jobs::run_due(&app.state).await);
    assert_eq!(reminded(&app).await, 1, "once");
    app.advance_minutes(24 * 60);
    ok(web::jobs::run_due(&app.state).await);
    assert_eq!(reminded(&app).await, 2, "when it passed");
    let c = app.login(Role::Coordinator).await;
    let late = c.get("/lv/privacy/breaches").await;
    assert!(late.text.contains("Nokavēts"), "{}", late.text);

    // Notified now, after the 72 hours: the reason for the delay is asked for.
    let (nd, nt) = fields_at(app.clock_now());
    let post = |path: String, f: Vec<(&'static str, String)>| {
        let c = &c;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            c.post_form(&path, &pairs).await
        }
    };
    let path = format!("/lv/privacy/breaches/{id}");
    let notified = [
        ("notified_date", nd.clone()),
        ("notified_time", nt.clone()),
        ("authority_reference", "DVI-2026-17".to_owned()),
    ];
    let no_reason = post(path.clone(), form(&notified)).await;
    assert_eq!(no_reason.status, 422);
    assert!(
        no_reason
            .text
            .contains("Paziņots vēlāk par 72 stundām: norādiet kavēšanās iemeslu."),
        "{}",
        no_reason.text
    );
    let mut with_reason = notified.to_vec();
    with_reason.push((
        "delay_reason",
        "Apjoms noskaidrots tikai pēc saņēmēja atbildes.".to_owned(),
    ));
    let saved = post(path.clone(), form(&with_reason)).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let page = c.get(&path).await;
    assert!(page.text.contains("Paziņots pēc termiņa:"), "{}", page.text);
    // Notified: when it was discovered can no longer be moved (the 72 hours count from it).
    let mut moved = form(&with_reason);
    moved.retain(|(k, _)| *k != "discovered_date");
    moved.push(("discovered_date", nd.clone()));
    let refused = post(path.clone(), moved).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text.contains("atklāšanas laiks vairs nav maināms"),
        "{}",
        refused.text
    );

    // A high risk closes only once the people were told, or why not is recorded.
    let mut high = with_reason.clone();
    high.push(("closed_on", nd.clone()));
    let mut f = form(&high);
    f.retain(|(k, _)| *k != "risk");
    f.push(("risk", "high".to_owned()));
    let refused = post(path.clone(), f.clone()).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text.contains("Augsts risks"), "{}", refused.text);
    f.push(("people_told_on", nd.clone()));
    let closed = post(path.clone(), f).await;
    assert_eq!(closed.status, 303, "{}", closed.text);
    let b = ok(store::breaches::get(&app.db, id).await);
    assert!(b.input.closed_on.is_some() && b.input.people_told_on.is_some());

    // Audited in words; exported.
    let log = c.get("/lv/admin/audit").await;
    assert!(
        log.text.contains("Reģistrēts personas datu pārkāpums")
            && log.text.contains("Labots personas datu pārkāpuma ieraksts"),
        "{}",
        log.text
    );
    let file = c
        .post_form("/lv/privacy/breaches/export", &[("format", "csv")])
        .await;
    assert_eq!(file.status, 200);
    assert!(
        file.text.contains("Saraksts nosūtīts nepareizam adresātam")
            && file.text.contains("DVI-2026-17"),
        "{}",
        file.text
    );
    // Nobody but those who keep the register reads it.
    for role in [
        Role::Ministry,
        Role::Municipality,
        Role::Mediator,
        Role::Ngo,
    ] {
        let other = app.login(role).await;
        assert_eq!(other.get(&path).await.status, 403, "{role:?}");
    }
}

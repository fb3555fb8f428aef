//! Reporting rounds: opened by the coordinator, each organisation sees and submits only its
//! own reports, a returned report must be resubmitted before it can be accepted, accepted
//! reports become the measure's progress record, and the board shows who is late.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;
use crate::plans::seed;

/// An output indicator of the seeded measure.
async fn output_indicator(app: &TestApp, plan: i64, measure: i64) -> i64 {
    ok(store::indicators::create(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        plan,
        &store::indicators::IndicatorInput {
            measure_id: Some(measure),
            objective: domain::event::Objective::default(),
            kind: domain::plan::IndicatorKind::Output,
            name_lv: "Skolas ar mediatoru (tests)".to_owned(),
            name_en: None,
            unit_lv: "skolas".to_owned(),
            unit_en: None,
            direction: domain::plan::Direction::HigherIsBetter,
            baseline_value: Some(2.0),
            baseline_general: None,
            baseline_year: Some(2023),
            target_value: Some(10.0),
            target_year: Some(2027),
            source_lv: None,
            source_en: None,
            eu_target: None,
        },
    )
    .await)
}

pub(crate) async fn open_round(app: &TestApp, plan: i64) -> i64 {
    let c = app.login(Role::Coordinator).await;
    let res = c
        .post_form(
            &format!("/lv/plans/{plan}/rounds"),
            &[
                ("title_lv", "Progresa ziņojums par 2025. gadu"),
                ("period_start", "2025-01-01"),
                ("period_end", "2025-12-31"),
                ("deadline", "2026-12-15"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    res.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{:?}", res.location()))
}

#[tokio::test]
async fn a_round_runs_from_opening_to_accepted_progress_records() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let indicator = output_indicator(&app, s.plan, s.measure).await;
    let round = open_round(&app, s.plan).await;
    let all = ok(store::rounds::reports(&app.db, store::OrgScope::All, round).await);
    assert_eq!(
        all.len(),
        2,
        "the responsible institution and the co-responsible one"
    );
    let own = all
        .iter()
        .find(|r| r.organisation_id == app.fixtures.org_a)
        .map(|r| r.id)
        .unwrap_or_default();
    let other = all
        .iter()
        .find(|r| r.organisation_id == app.fixtures.org_b)
        .map(|r| r.id)
        .unwrap_or_default();

    // The municipality user (org_a) sees exactly its own report.
    let m = app.login(Role::Municipality).await;
    let list = m.get("/lv/reports").await;
    assert!(
        list.text.contains(&format!("/lv/reports/{own}\"")),
        "{}",
        list.text
    );
    assert!(!list.text.contains(&format!("/lv/reports/{other}\"")));
    assert_eq!(m.get(&format!("/lv/reports/{other}")).await.status, 404);
    let res = m
        .post_form(
            &format!("/lv/reports/{other}"),
            &[
                ("measure_status", "on_track"),
                ("done", "x"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(res.status, 404, "a guessed id");

    // Submitting needs the status and what was done; typed values are kept.
    let path = format!("/lv/reports/{own}");
    let value_field = format!("value_{indicator}");
    let res = m
        .post_form(
            &path,
            &[
                ("done", ""),
                ("reached_roma", "40"),
                ("reached_women", "55"),
                (value_field.as_str(), "6"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    for expected in [
        "id=\"measure_status-error\"",
        "id=\"done-error\"",
        "id=\"reached_women-error\"",
        "value=\"55\"",
    ] {
        assert!(res.text.contains(expected), "{expected}: {}", res.text);
    }
    // A draft is saved without being submitted.
    let res = m
        .post_form(&path, &[("done", "Melnraksts"), ("action", "save")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let r = ok(store::rounds::report(&app.db, store::OrgScope::All, own).await);
    assert_eq!(
        (r.status.as_str(), r.done.as_deref()),
        ("pending", Some("Melnraksts"))
    );
    let full = [
        ("measure_status", "delayed"),
        (
            "done",
            "Divās skolās strādā mediatori; trešā skola pievienosies 2026. gadā.",
        ),
        ("spent", "4 250,00"),
        ("reached_roma", "40"),
        ("reached_women", "22"),
        ("reached_youth", "30"),
        (value_field.as_str(), "6"),
        ("evidence", "https://example.invalid/parskats-2025"),
        ("action", "submit"),
    ];
    let res = m.post_form(&path, &full).await;
    assert_eq!(res.status, 303, "{}", res.text);
    // Submitted: locked for the organisation until reviewed.
    let res = m.post_form(&path, &full).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("vairs nevar mainīt"), "{}", res.text);

    // The coordinator returns it — a comment is required.
    let c = app.login(Role::Coordinator).await;
    let review = format!("/lv/reports/{own}/review");
    // The review names the version of the report the coordinator read.
    let version = || async {
        ok(store::rounds::report(&app.db, store::OrgScope::All, own).await)
            .updated_at
            .to_string()
    };
    let read = version().await;
    let res = c
        .post_form(&review, &[("decision", "return"), ("version", &read)])
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("uzrakstiet, kas jālabo"), "{}", res.text);
    // The choice made stays chosen; the comment's label says it is needed for a return.
    assert!(
        res.text
            .contains("name=\"decision\" value=\"return\" checked"),
        "{}",
        res.text
    );
    assert!(res.text.contains("jāraksta, ja ziņojumu atdodat labošanai"));
    let res = c
        .post_form(
            &review,
            &[
                ("decision", "return"),
                ("comment", "Lūdzu, norādiet skolu nosaukumus."),
                ("version", &read),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // A returned report cannot be accepted before it is submitted again.
    let read = version().await;
    let res = c
        .post_form(&review, &[("decision", "accept"), ("version", &read)])
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(
        ok(store::rounds::report(&app.db, store::OrgScope::All, own).await).status,
        domain::plan::ReportStatus::Returned
    );
    let page = m.get(&path).await;
    assert!(
        page.text.contains("Lūdzu, norādiet skolu nosaukumus."),
        "{}",
        page.text
    );
    let mut again = full.to_vec();
    again[1] = (
        "done",
        "Mediatori strādā Pārlielupes un Maskavas forštates pamatskolās.",
    );
    // A decision on the version read before the resubmission is refused.
    let stale = version().await;
    app.advance_minutes(1);
    let m = app.login(Role::Municipality).await;
    let res = m.post_form(&path, &again).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let c = app.login(Role::Coordinator).await;
    let res = c
        .post_form(&review, &[("decision", "accept"), ("version", &stale)])
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("kopš to atvērāt"), "{}", res.text);
    let read = version().await;
    let res = c
        .post_form(&review, &[("decision", "accept"), ("version", &read)])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);

    // Accepted: the measure's status and the indicator's 2025 value follow the report,
    // each with its history row, and the measure page shows the progress record.
    let measure = ok(store::measures::get(&app.db, s.measure).await);
    assert_eq!(measure.status, domain::plan::MeasureStatus::Delayed);
    let i = ok(store::indicators::get(&app.db, indicator).await);
    assert_eq!(
        i.values
            .iter()
            .map(|v| (v.year, v.value))
            .collect::<Vec<_>>(),
        vec![(2025, 6.0)]
    );
    let h = ok(store::plans::history(&app.db, "measure", s.measure).await);
    assert!(
        h.iter().any(|e| e.field == "status"
            && e.reason
                .as_deref()
                .is_some_and(|r| r.contains("Progresa ziņojums par 2025. gadu"))),
        "{h:?}"
    );
    let page = m.get(&format!("/lv/measures/{}", s.measure)).await;
    assert!(
        page.text.contains("Maskavas forštates pamatskolās"),
        "{}",
        page.text
    );
    assert!(page.text.contains("4\u{a0}250,00\u{a0}€"));
    let steps = ok(store::rounds::steps(&app.db, own).await);
    assert_eq!(
        steps.iter().map(|s| s.step.as_str()).collect::<Vec<_>>(),
        vec!["submitted", "returned", "submitted", "accepted"]
    );
    // Accepted: locked for good.
    assert_eq!(m.post_form(&path, &full).await.status, 422);
}

#[tokio::test]
async fn the_board_shows_who_is_late_and_reminders_go_through_the_outbox() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let round = open_round(&app, s.plan).await;
    let c = app.login(Role::Coordinator).await;
    let board = format!("/lv/rounds/{round}");
    let page = c.get(&board).await;
    assert!(page.text.contains("neviens nekavējas"), "{}", page.text);
    // Reminders go to the users of organisations with reports still to hand in: here the
    // municipality's test user (org_a); nobody has an account at org_b.
    let res = c.post_form(&format!("{board}/remind"), &[]).await;
    assert_eq!(res.status, 303);
    let links = crate::mail_links(&app, "round_reminder", "/reports").await;
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].0, testkit::email_for(Role::Municipality));
    let (status, bytes) = c.get_bytes(&format!("{board}/export.xlsx")).await;
    assert_eq!((status, bytes.starts_with(b"PK")), (200, true));
    // After the deadline both reports are late (a new session: the old one has expired).
    app.advance_minutes(60 * 24 * 20);
    let c = app.login(Role::Coordinator).await;
    let page = c.get(&board).await;
    assert!(page.text.contains("2 kavējas"), "{}", page.text);
    // Closing locks the round.
    let res = c.post_form(&format!("{board}/close"), &[]).await;
    assert_eq!(res.status, 303);
    let own = ok(store::rounds::reports(
        &app.db,
        store::OrgScope::Organisation(app.fixtures.org_a),
        round,
    )
    .await);
    let m = app.login(Role::Municipality).await;
    let res = m
        .post_form(
            &format!("/lv/reports/{}", own[0].id),
            &[
                ("measure_status", "on_track"),
                ("done", "Vēlu"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    // Only coordinators see the board; a mediator has no reports at all.
    assert_eq!(m.get(&board).await.status, 403);
    assert_eq!(
        app.login(Role::Mediator)
            .await
            .get("/lv/reports")
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn a_round_without_running_measures_is_refused() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let c = app.login(Role::Coordinator).await;
    let res = c
        .post_form(
            &format!("/lv/plans/{}/rounds", s.plan),
            &[
                ("title_lv", "Par 2019. gadu"),
                ("period_start", "2019-01-01"),
                ("period_end", "2019-12-31"),
                ("deadline", "2026-12-15"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("neviens plāna pasākums nenorit"),
        "{}",
        res.text
    );
    assert!(
        ok(store::rounds::list(&app.db, None).await).is_empty(),
        "nothing half-saved"
    );
    // A second open round over the same year is refused.
    open_round(&app, s.plan).await;
    let res = c
        .post_form(
            &format!("/lv/plans/{}/rounds", s.plan),
            &[
                ("title_lv", "Vēlreiz par 2025. gadu"),
                ("period_start", "2025-06-01"),
                ("period_end", "2025-12-31"),
                ("deadline", "2026-12-20"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("jau aptver daļu"), "{}", res.text);
    assert_eq!(ok(store::rounds::list(&app.db, None).await).len(), 1);
}

#[tokio::test]
async fn the_public_sees_accepted_progress_only_and_no_draft_plan() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let round = open_round(&app, s.plan).await;
    let reports = ok(store::rounds::reports(&app.db, store::OrgScope::All, round).await);
    let cli = store::Actor::cli();
    for (r, text) in reports
        .iter()
        .zip(["Pieņemtais teksts sabiedrībai", "Neizskatīts teksts"])
    {
        ok(store::rounds::save(
            &app.db,
            app.clock_now(),
            &cli,
            store::OrgScope::Organisation(r.organisation_id),
            r.id,
            &store::rounds::ReportInput {
                measure_status: Some(domain::plan::MeasureStatus::OnTrack),
                done: Some(text.to_owned()),
                ..Default::default()
            },
            true,
            None,
        )
        .await);
    }
    ok(store::rounds::review(
        &app.db,
        app.clock_now(),
        &cli,
        reports[0].id,
        true,
        None,
        None,
    )
    .await);
    // Re-plan the measure's end, with a reason.
    let m = ok(store::measures::get(&app.db, s.measure).await);
    let mut input = store::measures::MeasureInput {
        task_id: m.task_id,
        objective: m.objective,
        code: m.code.clone(),
        title_lv: m.title_lv.clone(),
        title_en: None,
        description_lv: None,
        description_en: None,
        responsible_organisation_id: m.responsible_organisation_id,
        partners: m.partners.iter().map(|p| p.0).collect(),
        period_start: m.period_start,
        period_end: m.period_end,
        budget_cents: m.budget_cents,
        budget_source: m.budget_source,
        outputs_lv: None,
        outputs_en: None,
        status: m.status,
    };
    input.period_end = jiff::civil::date(2028, 6, 30);
    ok(store::measures::update(
        &app.db,
        app.clock_now(),
        &cli,
        s.measure,
        &input,
        "Pagarināts",
    )
    .await);

    let anon = app.client();
    let page = anon.get(&format!("/lv/policy/{}", s.plan)).await;
    assert_eq!(page.status, 200);
    assert!(page.set_cookies().is_empty(), "public pages set no cookie");
    assert!(
        page.text.contains("Pieņemtais teksts sabiedrībai"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("Neizskatīts teksts"));
    assert!(
        page.text.contains("Nodarbinātības līmenis (tests)"),
        "the outcome indicator"
    );
    assert!(page.text.contains("<svg"), "its chart");
    let page = anon
        .get(&format!("/en/policy/measures/{}", s.measure))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text
            .contains("first planned end: <del>2027-12-31</del>"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Pieņemtais teksts sabiedrībai"));
    assert!(!page.text.contains("Neizskatīts teksts"));
    assert!(
        anon.get("/lv/policy")
            .await
            .text
            .contains("Romu stratēģiskā ietvara plāns")
    );
    // A draft plan is not public.
    let draft = ok(store::plans::create(
        &app.db,
        app.clock_now(),
        &cli,
        &store::plans::PlanInput {
            name_lv: "Melnraksta plāns".to_owned(),
            period_start: 2028,
            period_end: 2030,
            status: domain::plan::PlanStatus::Draft,
            ..Default::default()
        },
    )
    .await);
    assert_eq!(anon.get(&format!("/lv/policy/{draft}")).await.status, 404);
    assert!(
        !anon
            .get("/lv/policy")
            .await
            .text
            .contains("Melnraksta plāns")
    );
}

#[tokio::test]
async fn the_api_reads_plans_and_takes_an_organisations_submission_for_its_own_measures_only() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let indicator = output_indicator(&app, s.plan, s.measure).await;
    let round = open_round(&app, s.plan).await;
    // The municipality's token (its user belongs to org_a, the measure's responsible).
    let secret = domain::token::new_api_token();
    ok(store::tokens::create_api_token(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        app.user_id(Role::Municipality),
        "reports",
        &domain::token::hash_secret(&secret),
        None,
    )
    .await);
    let c = app.client();
    c.set_header("authorization", &format!("Bearer {secret}"));
    let plans = c.get("/api/v1/plans").await.json()["items"].clone();
    assert_eq!(plans[0]["tasks"][0]["code"], "1.1");
    let measures = c
        .get(&format!("/api/v1/measures?plan={}", s.plan))
        .await
        .json()["items"]
        .clone();
    assert_eq!(measures[0]["code"], "1.1.1");
    assert_eq!(measures[0]["budget_cents"], 1_250_000);
    let indicators = c
        .get(&format!("/api/v1/indicators?plan={}", s.plan))
        .await
        .json()["items"]
        .clone();
    let outcome = indicators
        .as_array()
        .and_then(|a| a.iter().find(|i| i["kind"] == "outcome"))
        .unwrap_or_else(|| panic!("{indicators}"));
    assert_eq!(outcome["baseline_gap"], 29.0);
    assert_eq!(outcome["values"][1]["gap"], 22.0);

    let post = |body: serde_json::Value| {
        let c = &c;
        async move {
            c.send(
                c.http()
                    .post(c.url(&format!("/api/v1/rounds/{round}/submissions")))
                    .json(&body),
            )
            .await
        }
    };
    // A measure the organisation does not report on, or an unknown one: 404.
    let res =
        post(serde_json::json!({"measure_id": 999_999, "measure_status": "on_track", "done": "x"}))
            .await;
    assert_eq!(res.status, 404);
    // The form's rules: women cannot outnumber the Roma reached.
    let res = post(serde_json::json!({
        "measure_id": s.measure, "measure_status": "on_track", "done": "Darīts",
        "reached_roma": 10, "reached_women": 12
    }))
    .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("reached_women"), "{}", res.text);
    let res = post(serde_json::json!({
        "measure_id": s.measure, "measure_status": "on_track",
        "done": "Mediatori strādā divās skolās.", "spent_cents": 425_000,
        "reached_roma": 40, "reached_women": 22,
        "indicator_values": [{"indicator_id": indicator, "value": 6.5}],
        "evidence": ["example.invalid/parskats"]
    }))
    .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert_eq!(res.json()["status"], "submitted");
    let r = ok(store::rounds::reports(
        &app.db,
        store::OrgScope::Organisation(app.fixtures.org_a),
        round,
    )
    .await);
    assert_eq!(r[0].status, domain::plan::ReportStatus::Submitted);
    assert_eq!(r[0].spent_cents, Some(425_000));
    assert_eq!(r[0].values, vec![(indicator, 6.5, None)]);
    assert_eq!(
        r[0].evidence.as_deref(),
        Some("https://example.invalid/parskats"),
        "stored as checked"
    );
    // Submitted: a second post is a conflict.
    let res = post(
        serde_json::json!({"measure_id": s.measure, "measure_status": "on_track", "done": "x"}),
    )
    .await;
    assert_eq!(res.status, 409);
}

#[tokio::test]
async fn evidence_files_are_kept_for_the_reporting_institution_and_the_coordinators_only() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let round = open_round(&app, s.plan).await;
    let own = ok(store::rounds::reports(
        &app.db,
        store::OrgScope::Organisation(app.fixtures.org_a),
        round,
    )
    .await)[0]
        .id;
    let other = ok(store::rounds::reports(
        &app.db,
        store::OrgScope::Organisation(app.fixtures.org_b),
        round,
    )
    .await)[0]
        .id;
    let m = app.login(Role::Municipality).await;
    m.get(&format!("/lv/reports/{own}")).await;
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let upload = |c: &testkit::Client, path: String, title: &'static str, bytes: &'static [u8]| {
        let c = c.clone();
        async move {
            let boundary = "----romaRoundsBoundary";
            let mut body = Vec::new();
            for (name, value) in [("csrf_token", c.csrf()), ("file_title", title.to_owned())] {
                body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
            }
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n").as_bytes());
            body.extend(bytes);
            body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
            c.send(
                c.http()
                    .post(c.url(&path))
                    .header(
                        "content-type",
                        format!("multipart/form-data; boundary={boundary}"),
                    )
                    .body(body),
            )
            .await
        }
    };
    // Something that is not a document is refused next to the field, the title kept.
    let res = upload(
        &m,
        format!("/lv/reports/{own}/files"),
        "Skripts",
        b"#!/bin/sh\nrm -rf /\n",
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"file-error\""), "{}", res.text);
    assert!(res.text.contains("value=\"Skripts\""));
    let res = upload(
        &m,
        format!("/lv/reports/{own}/files"),
        "Pārskats par 2025. gadu",
        pdf,
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let files = ok(store::rounds::files(&app.db, store::OrgScope::All, own).await);
    assert_eq!(files.len(), 1);
    let path = format!("/lv/reports/{own}/files/{}", files[0].id);
    let (status, bytes) = m.get_bytes(&path).await;
    assert_eq!((status, bytes.as_slice()), (200, pdf.as_slice()));
    // The coordinator reads it; another institution's user does not find it, nor can add
    // to a report that is not theirs.
    assert_eq!(
        app.login(Role::Coordinator).await.get_bytes(&path).await.0,
        200
    );
    assert_eq!(app.login(Role::Ngo).await.get_bytes(&path).await.0, 404);
    let res = upload(&m, format!("/lv/reports/{other}/files"), "Svešs", pdf).await;
    assert_eq!(res.status, 404);
    // Once submitted, the files are fixed.
    ok(store::rounds::save(
        &app.db,
        app.clock_now(),
        &store::Actor::cli(),
        store::OrgScope::Organisation(app.fixtures.org_a),
        own,
        &store::rounds::ReportInput {
            measure_status: Some(domain::plan::MeasureStatus::OnTrack),
            done: Some("Darīts".to_owned()),
            ..Default::default()
        },
        true,
        None,
    )
    .await);
    let res = m.post_form(&format!("{path}/remove"), &[]).await;
    assert_eq!(res.status, 422);
    assert_eq!(
        ok(store::rounds::files(&app.db, store::OrgScope::All, own).await).len(),
        1
    );
}

//! Policy plans, measures and indicators: built through the forms, re-planned with a
//! reason and a history that keeps the earlier value, and the gap between Roma and the
//! general population computed in both directions.

use domain::auth::Role;
use testkit::TestApp;

use crate::ok;

/// Ids of a small plan: (plan, task, measure, indicator).
pub struct Seeded {
    pub plan: i64,
    pub task: i64,
    pub measure: i64,
    pub indicator: i64,
}

/// A plan with one task, one measure of `org_a` (co-responsible: `org_b`) and one outcome
/// indicator with a baseline and two values, made through the store.
pub async fn seed(app: &TestApp) -> Seeded {
    let cli = store::Actor::cli();
    let now = app.clock_now();
    let plan = ok(store::plans::create(
        &app.db,
        now,
        &cli,
        &store::plans::PlanInput {
            name_lv: "Romu stratēģiskā ietvara plāns 2024–2027 (tests)".to_owned(),
            name_en: Some("Roma strategic framework plan 2024–2027 (test)".to_owned()),
            legal_basis_lv: Some("Izdomāts rīkojums testam".to_owned()),
            legal_basis_en: None,
            period_start: 2024,
            period_end: 2027,
            status: domain::plan::PlanStatus::InForce,
        },
    )
    .await);
    let task = ok(store::plans::add_task(
        &app.db,
        now,
        &cli,
        plan,
        &store::plans::TaskInput {
            objective: domain::event::Objective::Education,
            code: "1.1".to_owned(),
            title_lv: "Mazināt mācību pārtraukšanu".to_owned(),
            title_en: None,
        },
    )
    .await);
    let measure = ok(store::measures::create(
        &app.db,
        now,
        &cli,
        plan,
        &measure_input(app, Some(task), "2027-12-31"),
    )
    .await);
    let indicator = ok(store::indicators::create(
        &app.db,
        now,
        &cli,
        plan,
        &store::indicators::IndicatorInput {
            measure_id: None,
            objective: domain::event::Objective::Employment,
            kind: domain::plan::IndicatorKind::Outcome,
            name_lv: "Nodarbinātības līmenis (tests)".to_owned(),
            name_en: None,
            unit_lv: "%".to_owned(),
            unit_en: None,
            direction: domain::plan::Direction::HigherIsBetter,
            baseline_value: Some(43.0),
            baseline_general: Some(72.0),
            baseline_year: Some(2023),
            target_value: Some(58.0),
            target_year: Some(2030),
            source_lv: Some("Izdomāti testa dati".to_owned()),
            source_en: None,
            eu_target: Some("employment_gap".to_owned()),
        },
    )
    .await);
    for (year, roma, general) in [(2024, 45.0, 72.0), (2025, 50.0, 72.0)] {
        ok(store::indicators::set_value(
            &app.db,
            now,
            &cli,
            indicator,
            &store::indicators::Value {
                year,
                value: roma,
                general_value: Some(general),
                note: None,
            },
            "",
        )
        .await);
    }
    Seeded {
        plan,
        task,
        measure,
        indicator,
    }
}

pub fn measure_input(app: &TestApp, task: Option<i64>, end: &str) -> store::measures::MeasureInput {
    store::measures::MeasureInput {
        task_id: task,
        objective: domain::event::Objective::Education,
        code: "1.1.1".to_owned(),
        title_lv: "Romu mediatoru atbalsts skolās".to_owned(),
        title_en: None,
        description_lv: None,
        description_en: None,
        responsible_organisation_id: app.fixtures.org_a,
        partners: vec![app.fixtures.org_b],
        period_start: "2024-01-01".parse().unwrap_or_else(|e| panic!("{e}")),
        period_end: end.parse().unwrap_or_else(|e| panic!("{e}")),
        budget_cents: Some(1_250_000),
        budget_source: Some(domain::plan::Funding::EsfPlus),
        outputs_lv: None,
        outputs_en: None,
        status: domain::plan::MeasureStatus::OnTrack,
    }
}

#[tokio::test]
async fn a_coordinator_builds_a_plan_through_the_forms() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    // A plan with a period that ends before it starts is refused, with the typed values kept.
    let res = c
        .post_form(
            "/lv/plans",
            &[
                ("name_lv", "Plāns romu integrācijai 2024–2027"),
                ("period_start", "2027"),
                ("period_end", "2024"),
                ("status", "draft"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("Beigām jābūt ne agrāk kā sākumam."),
        "{}",
        res.text
    );
    assert!(
        res.text
            .contains("value=\"Plāns romu integrācijai 2024–2027\"")
    );
    assert!(
        ok(store::plans::list(&app.db).await).is_empty(),
        "nothing saved"
    );
    let res = c
        .post_form(
            "/lv/plans",
            &[
                ("name_lv", "Plāns romu integrācijai 2024–2027"),
                ("legal_basis_lv", "Ministru kabineta rīkojums (tests)"),
                ("period_start", "2024"),
                ("period_end", "2027"),
                ("status", "draft"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let plan_path = res.location().unwrap_or_default().to_owned();
    let plan: i64 = plan_path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .parse()
        .unwrap_or_default();
    // A task, and the same code again.
    for expected in [303, 422] {
        let res = c
            .post_form(
                &format!("/lv/plans/{plan}/tasks"),
                &[
                    ("objective", "education"),
                    ("code", "2.1"),
                    ("title_lv", "Izglītības pieejamība"),
                ],
            )
            .await;
        assert_eq!(res.status, expected, "{}", res.text);
    }
    let tasks = ok(store::plans::tasks(&app.db, plan).await);
    assert_eq!(tasks.len(), 1);
    // A measure: a budget that could mean two things is refused next to its field.
    let org_a = app.fixtures.org_a.to_string();
    let org_b = app.fixtures.org_b.to_string();
    let task = tasks[0].id.to_string();
    let mut fields = vec![
        ("task_id", task.as_str()),
        ("objective", "housing"),
        ("code", "2.1.1"),
        ("title_lv", "Skolēnu atbalsts Ģērbšanās ielā"),
        ("responsible", org_a.as_str()),
        ("partners", org_b.as_str()),
        ("period_start", "2024-01-01"),
        ("period_end", "2025-12-31"),
        ("budget", "12,345"),
        ("budget_source", "state_budget"),
        ("status", "not_started"),
    ];
    let res = c
        .post_form(&format!("/lv/plans/{plan}/measures"), &fields)
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"budget-error\""), "{}", res.text);
    assert!(res.text.contains("value=\"12,345\""));
    fields[8] = ("budget", "12 345,50");
    let res = c
        .post_form(&format!("/lv/plans/{plan}/measures"), &fields)
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let measures = ok(store::measures::for_plan(&app.db, plan, None).await);
    assert_eq!(measures.len(), 1);
    let m = &measures[0];
    assert_eq!(
        m.objective,
        domain::event::Objective::Education,
        "the task's objective, not the one chosen"
    );
    assert_eq!(m.budget_cents, Some(1_234_550));
    assert_eq!(m.partners.len(), 1);
    let page = c.get(&plan_path).await;
    assert!(
        page.text.contains("Skolēnu atbalsts Ģērbšanās ielā"),
        "{}",
        page.text
    );
    let page = c.get(&format!("/lv/measures/{}", m.id)).await;
    assert!(page.text.contains("12\u{a0}345,50\u{a0}€"), "{}", page.text);
    assert!(page.text.contains("Valsts budžets"));
    let page = c.get(&format!("/en/measures/{}", m.id)).await;
    assert!(page.text.contains("€12,345.50"), "{}", page.text);
}

#[tokio::test]
async fn replanning_keeps_the_earlier_value_beside_the_new_one_with_who_and_why() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let c = app.login(Role::Coordinator).await;
    let m = ok(store::measures::get(&app.db, s.measure).await);
    let org_a = app.fixtures.org_a.to_string();
    let org_b = app.fixtures.org_b.to_string();
    let task = s.task.to_string();
    let mut fields = vec![
        ("task_id", task.as_str()),
        ("objective", "education"),
        ("code", "1.1.1"),
        ("title_lv", m.title_lv.as_str()),
        ("responsible", org_a.as_str()),
        ("partners", org_b.as_str()),
        ("period_start", "2024-01-01"),
        ("period_end", "2028-06-30"),
        ("budget", "12500"),
        ("budget_source", "esf_plus"),
        ("status", "delayed"),
        ("reason", ""),
    ];
    // No reason: refused, nothing changed.
    let path = format!("/lv/measures/{}", s.measure);
    let res = c.post_form(&path, &fields).await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("Norādiet izmaiņu iemeslu."));
    assert!(
        res.text.contains("value=\"2028-06-30\""),
        "typed values kept"
    );
    assert_eq!(ok(store::measures::get(&app.db, s.measure).await), m);
    // With a reason: saved, and the history keeps both values.
    fields[11] = ("reason", "ESF+ projekta termiņš pagarināts");
    let res = c.post_form(&path, &fields).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let after = ok(store::measures::get(&app.db, s.measure).await);
    assert_eq!(after.period_end.to_string(), "2028-06-30");
    assert_eq!(after.status, domain::plan::MeasureStatus::Delayed);
    let h = ok(store::plans::history(&app.db, "measure", s.measure).await);
    let end = h
        .iter()
        .find(|e| e.field == "period_end")
        .unwrap_or_else(|| panic!("{h:?}"));
    assert_eq!(end.old_value.as_deref(), Some("2027-12-31"));
    assert_eq!(end.new_value.as_deref(), Some("2028-06-30"));
    assert_eq!(
        end.reason.as_deref(),
        Some("ESF+ projekta termiņš pagarināts")
    );
    assert_eq!(end.who.as_deref(), Some("Tests coordinator"));
    assert_eq!(h.len(), 2, "period end and status: {h:?}");
    let page = c.get(&path).await;
    assert!(
        page.text.contains("sākotnēji plānotās beigas"),
        "{}",
        page.text
    );
    assert!(page.text.contains("<del>2027-12-31</del>"));
    assert!(page.text.contains("<ins>Kavējas</ins>"), "{}", page.text);
    // Saving the same values again writes no history and needs no reason.
    fields[11] = ("reason", "");
    let res = c.post_form(&path, &fields).await;
    assert_eq!(res.status, 303);
    assert_eq!(
        ok(store::plans::history(&app.db, "measure", s.measure).await).len(),
        2
    );
    // The public… of the workspace: another organisation's user sees it but cannot change it.
    let ngo = app.login(Role::Ngo).await;
    assert_eq!(ngo.get(&path).await.status, 200);
    assert_eq!(ngo.post_form(&path, &fields).await.status, 403);
}

#[tokio::test]
async fn an_indicator_shows_the_gap_and_keeps_replanned_targets_and_changed_values() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/indicators/{}", s.indicator);
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    // Employment, higher is better: gap 29 at the baseline, 22 in 2025 (−7), 7 of the 15
    // points toward the target of 58 → 46,67 %.
    for expected in [
        ">29<",
        ">22<",
        "\u{2212}7",
        "46,67 %",
        "atšķirība 2030. gadā ne lielāka par 14,5",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
    assert!(page.text.contains("<svg"), "a chart");
    assert!(
        page.text.contains("indicator-gap-chart-"),
        "and one of the gap"
    );
    // Re-planning the target needs a reason and shows the first target beside the new.
    let i = ok(store::indicators::get(&app.db, s.indicator).await);
    let edit = |target: &'static str, reason: &'static str| {
        vec![
            ("kind", "outcome"),
            ("objective", "employment"),
            ("direction", "higher"),
            ("name_lv", "Nodarbinātības līmenis (tests)"),
            ("unit_lv", "%"),
            ("baseline_value", "43"),
            ("baseline_general", "72"),
            ("baseline_year", "2023"),
            ("target_value", target),
            ("target_year", "2030"),
            ("source_lv", "Izdomāti testa dati"),
            ("eu_target", "employment_gap"),
            ("reason", reason),
        ]
    };
    let res = c.post_form(&path, &edit("55,5", "")).await;
    assert_eq!(res.status, 422);
    assert_eq!(ok(store::indicators::get(&app.db, s.indicator).await), i);
    let res = c
        .post_form(
            &path,
            &edit("55,5", "Pārskatīts pēc vidusposma izvērtējuma"),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = c.get(&path).await;
    assert!(page.text.contains("55,5 (2030)"), "{}", page.text);
    assert!(
        page.text
            .contains("sākotnēji plānotā mērķa vērtība: <del>58</del>"),
        "{}",
        page.text
    );
    // A recorded value is changed only with a reason; the earlier one stays in the history.
    let value = |v: &'static str, reason: &'static str| {
        vec![
            ("year", "2025"),
            ("value", v),
            ("general_value", "72"),
            ("reason", reason),
        ]
    };
    let res = c
        .post_form(&format!("{path}/values"), &value("51", ""))
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("Šim gadam vērtība jau ir"),
        "{}",
        res.text
    );
    let res = c
        .post_form(&format!("{path}/values"), &value("51", "Precizēti dati"))
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let i = ok(store::indicators::get(&app.db, s.indicator).await);
    assert_eq!(i.values.last().map(|v| v.value), Some(51.0));
    let h = ok(store::plans::history(&app.db, "indicator", s.indicator).await);
    let changed = h
        .iter()
        .find(|e| e.field == "value:2025")
        .unwrap_or_else(|| panic!("{h:?}"));
    assert_eq!(changed.old_value.as_deref(), Some("50"));
    assert_eq!(changed.new_value.as_deref(), Some("51"));
    // An outcome value needs the general population's value too.
    let res = c
        .post_form(
            &format!("{path}/values"),
            &[("year", "2026"), ("value", "52")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"general_value-error\""));
}

#[tokio::test]
async fn the_gap_is_computed_for_lower_is_better_too() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let cli = store::Actor::cli();
    // Poverty: lower is better; 80 % of Roma, 17 % of everyone → a gap of 63; then 70 / 18.
    let id = ok(store::indicators::create(
        &app.db,
        app.clock_now(),
        &cli,
        s.plan,
        &store::indicators::IndicatorInput {
            measure_id: None,
            objective: domain::event::Objective::Inclusion,
            kind: domain::plan::IndicatorKind::Outcome,
            name_lv: "Nabadzības riska līmenis (tests)".to_owned(),
            name_en: None,
            unit_lv: "%".to_owned(),
            unit_en: None,
            direction: domain::plan::Direction::LowerIsBetter,
            baseline_value: Some(80.0),
            baseline_general: Some(17.0),
            baseline_year: Some(2023),
            target_value: Some(50.0),
            target_year: Some(2030),
            source_lv: None,
            source_en: None,
            eu_target: Some("poverty_gap".to_owned()),
        },
    )
    .await);
    ok(store::indicators::set_value(
        &app.db,
        app.clock_now(),
        &cli,
        id,
        &store::indicators::Value {
            year: 2025,
            value: 70.0,
            general_value: Some(18.0),
            note: None,
        },
        "",
    )
    .await);
    let c = app.login(Role::Ministry).await;
    let page = c.get(&format!("/lv/indicators/{id}")).await;
    for expected in [
        ">63<",
        ">52<",
        "\u{2212}11",
        "33,33 %",
        "ne lielāka par 31,5",
    ] {
        assert!(page.text.contains(expected), "{expected}: {}", page.text);
    }
}

#[tokio::test]
async fn a_plan_page_groups_measures_by_objective_and_marks_the_users_own() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    // The municipality user belongs to org_a, the measure's responsible institution.
    let c = app.login(Role::Municipality).await;
    let page = c.get(&format!("/lv/plans/{}", s.plan)).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("1.1 Mazināt mācību pārtraukšanu"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Jūsu iestādes"), "{}", page.text);
    assert!(page.text.contains("Nodarbinātības līmenis (tests)"));
    assert!(
        !page.text.contains("Pievienot uzdevumu"),
        "no coordinator forms"
    );
    let c = app.login(Role::Mediator).await;
    let page = c.get(&format!("/lv/plans/{}", s.plan)).await;
    assert!(!page.text.contains("Jūsu iestādes"));
    assert_eq!(c.get("/lv/plans/999999").await.status, 404);
    assert_eq!(c.get("/lv/measures/999999").await.status, 404);
    assert_eq!(c.get("/lv/indicators/999999").await.status, 404);
}

#[tokio::test]
async fn events_and_actions_are_linked_to_measures_from_their_own_forms() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let c = app.login(Role::Coordinator).await;
    let measure = s.measure.to_string();
    let mut fields = vec![
        ("event_type", "regional_expert"),
        ("title_lv", "Reģionālā ekspertu sanāksme Jelgavā"),
        ("date", "2027-02-10"),
        ("start", "10:00"),
        ("end", "13:00"),
        ("measures", "999999"),
    ];
    // An unknown measure is refused next to its field; nothing is saved.
    let res = c.post_form("/lv/events", &fields).await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("id=\"measures-error\""), "{}", res.text);
    fields[5] = ("measures", measure.as_str());
    let res = c.post_form("/lv/events", &fields).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let event: i64 = res
        .location()
        .and_then(|l| l.split('?').next())
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_default();
    let linked = ok(store::measures::linked(&app.db, "event", event).await);
    assert_eq!(
        linked.iter().map(|m| m.0).collect::<Vec<_>>(),
        vec![s.measure]
    );
    // The edit form keeps the link chosen.
    let edit = c.get(&format!("/lv/events/{event}/edit")).await;
    assert!(
        edit.text
            .contains(&format!("<option value=\"{measure}\" selected>")),
        "{}",
        edit.text
    );
    // An action decided at the event serves the measure too.
    let org_a = app.fixtures.org_a.to_string();
    let res = c
        .post_form(
            &format!("/lv/events/{event}/actions"),
            &[
                ("title_lv", "Apkopot mediatoru pieredzi"),
                ("owner", &org_a),
                ("measures", &measure),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // Held events and the actions appear on the measure's page.
    for to in [
        domain::event::EventStatus::Published,
        domain::event::EventStatus::RegistrationClosed,
        domain::event::EventStatus::Held,
    ] {
        ok(store::events::set_status(
            &app.db,
            crate::after_events_began(&app),
            &store::Actor::cli(),
            event,
            to,
        )
        .await);
    }
    let page = c.get(&format!("/lv/measures/{}", s.measure)).await;
    assert!(
        page.text.contains("Reģionālā ekspertu sanāksme Jelgavā"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Apkopot mediatoru pieredzi"));
    let page = c.get(&format!("/lv/events/{event}")).await;
    assert!(
        page.text.contains("1.1.1 Romu mediatoru atbalsts skolās"),
        "{}",
        page.text
    );
    // The public event page links the measure's public page while its plan is on the site.
    let sql = |q: &'static str| {
        let path = app.settings.database.clone();
        async move {
            use sqlx::Connection as _;
            let opts = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&path)
                .busy_timeout(std::time::Duration::from_secs(10));
            let mut conn = ok(sqlx::SqliteConnection::connect_with(&opts).await);
            ok(sqlx::query(q).execute(&mut conn).await);
        }
    };
    sql("UPDATE events SET is_public = 1, published_at = COALESCE(published_at, 1)").await;
    let visitor = app.client();
    let public = visitor.get(&format!("/lv/calendar/{event}")).await;
    assert_eq!(public.status, 200);
    assert!(
        public
            .text
            .contains(&format!("href=\"/lv/policy/measures/{}\"", s.measure)),
        "{}",
        public.text
    );
    sql("UPDATE plans SET status = 'draft'").await;
    let public = visitor.get(&format!("/lv/calendar/{event}")).await;
    assert!(
        !public.text.contains("/policy/measures/"),
        "{}",
        public.text
    );
    assert!(!public.text.contains("1.1.1 Romu mediatoru atbalsts skolās"));
}

#[tokio::test]
async fn a_plan_is_imported_from_the_template_all_or_nothing_and_exported_back() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let new_plan = |name: &'static str| store::plans::PlanInput {
        name_lv: name.to_owned(),
        period_start: 2024,
        period_end: 2027,
        status: domain::plan::PlanStatus::Draft,
        ..Default::default()
    };
    let plan =
        ok(store::plans::create(&app.db, app.clock_now(), &cli, &new_plan("Importa plāns")).await);
    let c = app.login(Role::Coordinator).await;
    // The template downloads, and imports as it is: no example institution is in this
    // test directory, so both lines are refused with the reason.
    let template = c.get("/lv/plans/template.csv").await;
    assert_eq!(template.status, 200);
    assert!(template.text.contains("Pasākuma nr."));
    let path = format!("/lv/plans/{plan}/import");
    let res = crate::transfer::upload_to(&c, &path, "veidne.csv", template.text.as_bytes()).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview = c.get(res.location().unwrap_or_default()).await;
    assert!(
        preview.text.contains("Nevienu rindu nevar pievienot."),
        "{}",
        preview.text
    );
    assert!(preview.text.contains("iestāde nav atrasta katalogā"));
    // A sheet with the test institutions (case and diacritics ignored).
    let sheet = "Mērķis;Uzdevuma nr.;Uzdevums;Pasākuma nr.;Pasākums;Atbildīgā iestāde;Līdzatbildīgās iestādes;Sākums;Beigas;Finansējums, EUR;Finansējuma avots;Statuss\n\
                 Izglītība;1.1;Izglītības pieejamība;1.1.1;Skolotāju palīgi;testa pilsetas pasvaldiba;Citas pašvaldības birojs;01.09.2024;2027;12 500,50;ESF+;Norit kā plānots\n\
                 Izglītība;1.1;Izglītības pieejamība;1.1.2;Pirmsskolas atbalsts;Testa pilsētas pašvaldība;;2025;2026;;;\n\
                 Veselība;;;2.1;Veselības dienas;Nezināma iestāde;;;;;;\n\
                 Mājoklis;;;3.1;Ūdensapgāde;Testa pilsētas pašvaldība;;2026;2025;;;\n";
    let res = crate::transfer::upload_to(&c, &path, "plans.csv", sheet.as_bytes()).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview_path = res.location().unwrap_or_default().to_owned();
    let preview = c.get(&preview_path).await;
    assert!(
        preview.text.contains("Pievienos 2 pasākumus."),
        "{}",
        preview.text
    );
    assert!(preview.text.contains("Beigām jābūt ne agrāk kā sākumam."));
    assert!(
        ok(store::measures::for_plan(&app.db, plan, None).await).is_empty(),
        "nothing yet"
    );
    // Someone takes code 1.1.2 meanwhile: confirming adds nothing at all.
    let mut taken = measure_input(&app, None, "2025-12-31");
    taken.code = "1.1.2".to_owned();
    let taker = ok(store::measures::create(&app.db, app.clock_now(), &cli, plan, &taken).await);
    let res = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert_eq!(
        ok(store::measures::for_plan(&app.db, plan, None).await).len(),
        1
    );
    assert!(
        ok(store::plans::tasks(&app.db, plan).await).is_empty(),
        "no task half-made"
    );
    // Once the other measure is renumbered, the same preview goes through.
    taken.code = "9.9".to_owned();
    ok(store::measures::update(&app.db, app.clock_now(), &cli, taker, &taken, "Cits numurs").await);
    let res = c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let measures: Vec<_> = ok(store::measures::for_plan(&app.db, plan, None).await)
        .into_iter()
        .filter(|m| m.code != "9.9")
        .collect();
    assert_eq!(measures.len(), 2);
    let first = &measures[0];
    assert_eq!(
        (
            first.code.as_str(),
            first.objective.as_str(),
            first.budget_cents,
            first.partners.len()
        ),
        ("1.1.1", "education", Some(1_250_050), 1)
    );
    assert_eq!(first.period_start.to_string(), "2024-09-01");
    assert_eq!(first.period_end.to_string(), "2027-12-31");
    assert_eq!(first.status, domain::plan::MeasureStatus::OnTrack);
    assert_eq!(
        ok(store::plans::tasks(&app.db, plan).await).len(),
        1,
        "one task for both"
    );
    // Confirming twice adds nothing more.
    c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    assert_eq!(
        ok(store::measures::for_plan(&app.db, plan, None).await).len(),
        3
    );

    // Exported as XLSX in the template's columns, it imports into another plan.
    let (status, bytes) = c.get_bytes(&format!("/lv/plans/{plan}/export.xlsx")).await;
    assert_eq!(status, 200);
    assert!(bytes.starts_with(b"PK"));
    let copy = ok(store::plans::create(&app.db, app.clock_now(), &cli, &new_plan("Kopija")).await);
    let res =
        crate::transfer::upload_to(&c, &format!("/lv/plans/{copy}/import"), "plan.xlsx", &bytes)
            .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview_path = res.location().unwrap_or_default().to_owned();
    let preview = c.get(&preview_path).await;
    assert!(
        preview.text.contains("Pievienos 3 pasākumus."),
        "{}",
        preview.text
    );
    c.post_form(&format!("{preview_path}/confirm"), &[]).await;
    let measures = ok(store::measures::for_plan(&app.db, plan, None).await);
    let copied = ok(store::measures::for_plan(&app.db, copy, None).await);
    assert_eq!(
        copied
            .iter()
            .map(|m| (&m.code, m.budget_cents, &m.status))
            .collect::<Vec<_>>(),
        measures
            .iter()
            .map(|m| (&m.code, m.budget_cents, &m.status))
            .collect::<Vec<_>>()
    );
}

/// Issue 20, item 6: a plan saved by someone else meanwhile is not overwritten; the form
/// comes back with what differs, the typing kept, and saves once merged.
#[tokio::test]
async fn a_plan_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let first = app.login(Role::Coordinator).await;
    let second = app.login(Role::Coordinator).await;
    let version = crate::form_version;
    let edit = format!("/lv/plans/{}/edit", s.plan);
    let loaded = version(&first.get(&edit).await.text);
    let also = version(&second.get(&edit).await.text);
    let path = format!("/lv/plans/{}", s.plan);
    let send = |c: &testkit::Client, end: &'static str, reason: &'static str, v: String| {
        let c = c.clone();
        let path = path.clone();
        async move {
            c.post_form(
                &path,
                &[
                    (
                        "name_lv",
                        "Romu stratēģiskā ietvara plāns 2024–2027 (tests)",
                    ),
                    ("period_start", "2024"),
                    ("period_end", end),
                    ("status", "in_force"),
                    ("reason", reason),
                    ("version", &v),
                ],
            )
            .await
        }
    };
    let saved = send(&second, "2028", "Pagarināts ar rīkojumu", also).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let refused = send(&first, "2029", "Cits pagarinājums", loaded).await;
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert!(refused.text.contains("Kāds cits saglabāja šo ierakstu"));
    assert!(refused.text.contains("2028"));
    assert!(refused.text.contains("value=\"2029\""), "the typing kept");
    assert_eq!(
        ok(store::plans::get(&app.db, s.plan).await).period_end,
        2028
    );
    let merged = send(&first, "2029", "Cits pagarinājums", version(&refused.text)).await;
    assert_eq!(merged.status, 303, "{}", merged.text);
}

/// Issue 20, item 6: a measure re-planned by someone else meanwhile is not overwritten.
#[tokio::test]
async fn a_measure_saved_meanwhile_is_not_overwritten() {
    let app = TestApp::spawn().await;
    let s = seed(&app).await;
    let first = app.login(Role::Coordinator).await;
    let second = app.login(Role::Coordinator).await;
    let m = ok(store::measures::get(&app.db, s.measure).await);
    let version = crate::form_version;
    let edit = format!("/lv/measures/{}/edit", s.measure);
    let loaded = version(&first.get(&edit).await.text);
    let also = version(&second.get(&edit).await.text);
    let org_a = app.fixtures.org_a.to_string();
    let task = s.task.to_string();
    let path = format!("/lv/measures/{}", s.measure);
    let send = |c: &testkit::Client, end: &'static str, v: String| {
        let c = c.clone();
        let path = path.clone();
        let (task, org_a, title) = (task.clone(), org_a.clone(), m.title_lv.clone());
        async move {
            c.post_form(
                &path,
                &[
                    ("task_id", task.as_str()),
                    ("objective", "education"),
                    ("code", "1.1.1"),
                    ("title_lv", title.as_str()),
                    ("responsible", org_a.as_str()),
                    ("period_start", "2024-01-01"),
                    ("period_end", end),
                    ("status", "delayed"),
                    ("reason", "Termiņš mainīts"),
                    ("version", &v),
                ],
            )
            .await
        }
    };
    let saved = send(&second, "2028-06-30", also).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let refused = send(&first, "2029-12-31", loaded).await;
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert!(refused.text.contains("Kāds cits saglabāja šo ierakstu"));
    assert!(refused.text.contains("2028-06-30"));
    assert!(
        refused.text.contains("value=\"2029-12-31\""),
        "the typing kept"
    );
    let merged = send(&first, "2029-12-31", version(&refused.text)).await;
    assert_eq!(merged.status, 303, "{}", merged.text);
}

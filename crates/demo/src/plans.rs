//! The demo world's policy plans: an invented plan for 2024–2027 shaped like the real Roma
//! strategic framework plan (tasks and measures under all seven EU objectives, responsible
//! ministries, agencies and municipalities of the demo world), a closed earlier plan, and
//! indicators with baselines, targets and a few values. Every name says it is a demo and
//! every figure is invented; nothing here describes the real plan's content.

use std::collections::HashMap;

use domain::plan::Direction;
use jiff::civil::Date;

use store::indicators::{self, IndicatorInput, Value};
use store::measures::{self, MeasureInput};
use store::plans::{self, PlanInput, TaskInput};
use store::{Actor, Db, Error};

/// (objective, code, title)
const TASKS: &[(&str, &str, &str)] = &[
    (
        "equality",
        "1.1",
        "Mazināt anticigānismu un diskrimināciju (demo)",
    ),
    (
        "inclusion",
        "2.1",
        "Mazināt romu nabadzību un sociālo atstumtību (demo)",
    ),
    (
        "participation",
        "3.1",
        "Stiprināt romu līdzdalību, īpaši jauniešu un sieviešu (demo)",
    ),
    (
        "education",
        "4.1",
        "Uzlabot romu bērnu piekļuvi kvalitatīvai izglītībai (demo)",
    ),
    ("employment", "5.1", "Veicināt romu nodarbinātību (demo)"),
    (
        "health",
        "6.1",
        "Uzlabot romu piekļuvi veselības aprūpei (demo)",
    ),
    ("housing", "7.1", "Uzlabot romu mājokļa apstākļus (demo)"),
];

/// A demo measure: (task code, code, title, responsible, co-responsible, start, end,
/// budget in euro, source, status, expected outputs).
type MeasureSpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const MEASURES: &[MeasureSpec] = &[
    ("1.1", "1.1.1", "Informatīvā kampaņa pret anticigānismu skolās (demo)", "km", &["izm"], "2024-03-01", "2026-12-31", 40_000, "state_budget", "on_track", "12 skolu pasākumi, 1 kampaņa sociālajos tīklos"),
    ("1.1", "1.1.2", "Apmācības pašvaldību speciālistiem par diskriminācijas atpazīšanu (demo)", "sif", &["km"], "2024-09-01", "2027-06-30", 25_000, "esf_plus", "delayed", "200 apmācīti speciālisti"),
    ("2.1", "2.1.1", "Romu mediatoru darbs pašvaldībās (demo)", "km", &["jelgava", "riga", "valmiera", "ventspils", "balvi"], "2024-01-01", "2027-12-31", 180_000, "esf_plus", "on_track", "5 mediatori, 150 ģimenes gadā"),
    ("2.1", "2.1.2", "Sociālo dienestu konsultācijas romu ģimenēm (demo)", "lm", &["jelgava", "ventspils"], "2024-06-01", "2027-12-31", 60_000, "municipal", "on_track", "Konsultācijas 6 pašvaldībās"),
    ("3.1", "3.1.1", "Latvijas romu platformas ikgadējās koordinācijas sanāksmes (demo)", "km", &[], "2024-01-01", "2027-12-31", 90_000, "other_eu", "on_track", "4 sanāksmes, 200 dalībnieku katrā"),
    ("3.1", "3.1.2", "Romu jauniešu un sieviešu līderības darbnīcas (demo)", "jspa", &["km"], "2024-04-01", "2027-10-31", 35_000, "other_eu", "on_track", "16 darbnīcas"),
    ("4.1", "4.1.1", "Skolotāju palīgi romu bērniem pamatskolās (demo)", "izm", &["jelgava", "riga"], "2024-09-01", "2027-08-31", 120_000, "esf_plus", "delayed", "10 skolotāju palīgi"),
    ("4.1", "4.1.2", "Pirmsskolas izglītības pieejamības veicināšana romu bērniem (demo)", "izm", &["valmiera", "balvi"], "2025-01-01", "2027-12-31", 50_000, "state_budget", "not_started", "80 bērni pirmsskolā"),
    ("5.1", "5.1.1", "Romu bezdarbnieku individuāla atbalsta programma (demo)", "nva", &["lm"], "2024-02-01", "2027-12-31", 150_000, "esf_plus", "on_track", "300 dalībnieki, 90 darbā iekārtoti"),
    ("5.1", "5.1.2", "Romu sieviešu uzņēmējdarbības atbalsts (demo)", "em", &["nva"], "2025-03-01", "2026-12-31", 30_000, "state_budget", "cancelled", "20 jauni uzņēmumi"),
    ("6.1", "6.1.1", "Veselības veicināšanas pasākumi romu kopienās (demo)", "vm", &["km"], "2024-05-01", "2027-11-30", 45_000, "state_budget", "on_track", "30 pasākumi, vakcinācijas informācija"),
    ("7.1", "7.1.1", "Mājokļa pabalstu pieejamības izvērtējums (demo)", "lm", &["riga", "daugavpils"], "2025-01-01", "2026-06-30", 20_000, "state_budget", "completed", "1 izvērtējums ar ieteikumiem"),
    ("7.1", "7.1.2", "Ūdensapgādes pieslēgumu atbalsts romu mājsaimniecībām (demo)", "em", &["daugavpils", "rezekne"], "2025-06-01", "2027-12-31", 75_000, "municipal", "not_started", "60 mājsaimniecības ar pieslēgumu"),
];

/// (measure code, name, unit, baseline, target, values by year)
type OutputSpec = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    &'static [(i64, f64)],
);

#[rustfmt::skip]
const OUTPUTS: &[OutputSpec] = &[
    ("2.1.1", "Ģimenes, kurām palīdzējuši mediatori (demo)", "ģimenes gadā", 90.0, 150.0, &[(2024, 112.0), (2025, 138.0)]),
    ("3.1.1", "Dalībnieki ikgadējā koordinācijas sanāksmē (demo)", "personas", 150.0, 200.0, &[(2024, 171.0), (2025, 214.0)]),
    ("4.1.1", "Skolotāju palīgi darbā (demo)", "palīgi", 2.0, 10.0, &[(2024, 4.0), (2025, 5.0)]),
    ("5.1.1", "Programmas dalībnieki, kas atrod darbu (demo)", "personas gadā", 0.0, 30.0, &[(2024, 14.0), (2025, 21.0)]),
];

/// (objective, EU target, name, direction, baseline Roma, baseline general, target, values
/// by year: Roma, general population)
type OutcomeSpec = (
    &'static str,
    &'static str,
    &'static str,
    Direction,
    f64,
    f64,
    f64,
    &'static [(i64, f64, f64)],
);

#[rustfmt::skip]
const OUTCOMES: &[OutcomeSpec] = &[
    ("employment", "employment_gap", "Nodarbinātības līmenis 20–64 g. vecumā (demo)", Direction::HigherIsBetter, 38.0, 72.0, 55.0, &[(2024, 40.0, 73.0), (2025, 43.0, 73.5)]),
    ("inclusion", "poverty_gap", "Nabadzības riska līmenis (demo)", Direction::LowerIsBetter, 64.0, 22.0, 43.0, &[(2024, 62.0, 21.5), (2025, 58.5, 21.0)]),
    ("education", "early_childhood_education_gap", "Bērni no 3 gadu vecuma pirmsskolā (demo)", Direction::HigherIsBetter, 45.0, 93.0, 70.0, &[(2024, 47.0, 93.0)]),
    ("housing", "tap_water", "Mājsaimniecības ar krāna ūdeni (demo)", Direction::HigherIsBetter, 78.0, 97.0, 95.0, &[]),
];

fn day(s: &str) -> store::Result<Date> {
    s.parse().map_err(|_| Error::NotFound)
}

/// A code of the demo's tables as its vocabulary's value (a typo is an error, not a guess).
fn coded<T: domain::vocabulary::Vocabulary>(c: &str) -> store::Result<T> {
    T::from_code(c).ok_or(Error::NotFound)
}

/// Creates the demo plans once (when there is no plan yet). `orgs` maps the demo
/// organisations' keys to their ids.
pub(crate) async fn seed(
    db: &Db,
    now: i64,
    actor: &Actor,
    orgs: &HashMap<&'static str, i64>,
) -> store::Result<()> {
    if !plans::list(db).await?.is_empty() {
        return Ok(());
    }
    let org = |key: &str| orgs.get(key).copied().ok_or(Error::NotFound);

    // The earlier plan, closed, with a few measures.
    let earlier = plans::create(
        db,
        now,
        actor,
        &PlanInput {
            name_lv: "Demo: romu integrācijas pasākumu plāns 2022.–2023. gadam (izdomāts)"
                .to_owned(),
            name_en: Some("Demo: Roma integration measures plan 2022–2023 (invented)".to_owned()),
            legal_basis_lv: Some("Izdomāts demonstrācijas piemērs".to_owned()),
            legal_basis_en: Some("An invented example for demonstration".to_owned()),
            period_start: 2022,
            period_end: 2023,
            status: domain::plan::PlanStatus::Closed,
        },
    )
    .await?;
    for (i, (objective, title, responsible, status)) in [
        (
            "education",
            "Romu bērnu mācību atbalsts (demo, 2022–2023)",
            "izm",
            "completed",
        ),
        (
            "employment",
            "Romu nodarbinātības pasākumi (demo, 2022–2023)",
            "nva",
            "completed",
        ),
        (
            "participation",
            "Romu platformas sanāksmes (demo, 2022–2023)",
            "km",
            "completed",
        ),
        (
            "housing",
            "Mājokļu situācijas apzināšana (demo, 2022–2023)",
            "lm",
            "cancelled",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        measures::create(
            db,
            now,
            actor,
            earlier,
            &MeasureInput {
                task_id: None,
                objective: crate::coded(objective),
                code: format!("{}.", i + 1),
                title_lv: title.to_owned(),
                title_en: None,
                description_lv: None,
                description_en: None,
                responsible_organisation_id: org(responsible)?,
                partners: Vec::new(),
                period_start: day("2022-05-03")?,
                period_end: day("2023-12-31")?,
                budget_cents: None,
                budget_source: None,
                outputs_lv: None,
                outputs_en: None,
                status: coded(status)?,
            },
        )
        .await?;
    }

    // The plan in force.
    let plan = plans::create(
        db,
        now,
        actor,
        &PlanInput {
            name_lv: "Demo: plāns romu stratēģiskā ietvara pasākumu īstenošanai 2024.–2027. gadam (izdomāts)".to_owned(),
            name_en: Some("Demo: plan for implementing the Roma strategic framework measures 2024–2027 (invented)".to_owned()),
            legal_basis_lv: Some("Izdomāts piemērs, kas veidots pēc īstā plāna (MK rīkojums Nr. 709, 27.08.2024.) uzbūves; saturs un skaitļi nav īsti".to_owned()),
            legal_basis_en: Some("An invented example shaped like the real plan (Cabinet Order No. 709, 27 August 2024); its content and figures are not real".to_owned()),
            period_start: 2024,
            period_end: 2027,
            status: domain::plan::PlanStatus::InForce,
        },
    )
    .await?;
    let mut tasks: HashMap<&str, i64> = HashMap::new();
    for (objective, code, title) in TASKS {
        let id = plans::add_task(
            db,
            now,
            actor,
            plan,
            &TaskInput {
                objective: crate::coded(objective),
                code: (*code).to_owned(),
                title_lv: (*title).to_owned(),
                title_en: None,
            },
        )
        .await?;
        tasks.insert(code, id);
    }
    let mut measure_ids: HashMap<&str, i64> = HashMap::new();
    for (task, code, title, responsible, partners, start, end, euro, source, status, outputs) in
        MEASURES
    {
        let objective = TASKS
            .iter()
            .find(|t| t.1 == *task)
            .map(|t| t.0)
            .unwrap_or("inclusion");
        let mut partner_ids = Vec::new();
        for p in *partners {
            partner_ids.push(org(p)?);
        }
        let id = measures::create(
            db,
            now,
            actor,
            plan,
            &MeasureInput {
                task_id: tasks.get(task).copied(),
                objective: crate::coded(objective),
                code: (*code).to_owned(),
                title_lv: (*title).to_owned(),
                title_en: None,
                description_lv: None,
                description_en: None,
                responsible_organisation_id: org(responsible)?,
                partners: partner_ids,
                period_start: day(start)?,
                period_end: day(end)?,
                budget_cents: Some(euro * 100),
                budget_source: Some(coded(source)?),
                outputs_lv: Some((*outputs).to_owned()),
                outputs_en: None,
                status: coded(status)?,
            },
        )
        .await?;
        measure_ids.insert(code, id);
    }
    // One measure re-planned, so its page shows the earlier end date and the reason.
    if let Some(&id) = measure_ids.get("4.1.1") {
        let mut m = measures::get(db, id).await?;
        m.period_end = day("2027-12-31")?;
        let input = MeasureInput {
            task_id: m.task_id,
            objective: m.objective,
            code: m.code,
            title_lv: m.title_lv,
            title_en: m.title_en,
            description_lv: m.description_lv,
            description_en: m.description_en,
            responsible_organisation_id: m.responsible_organisation_id,
            partners: m.partners.iter().map(|p| p.0).collect(),
            period_start: m.period_start,
            period_end: m.period_end,
            budget_cents: m.budget_cents,
            budget_source: m.budget_source,
            outputs_lv: m.outputs_lv,
            outputs_en: m.outputs_en,
            status: m.status,
        };
        measures::update(
            db,
            now,
            actor,
            id,
            &input,
            "Demo: ESF+ projekta termiņš pagarināts (izdomāts iemesls)",
        )
        .await?;
    }
    let demo_source = "Izdomāti demonstrācijas dati".to_owned();
    for (code, name, unit, baseline, target, values) in OUTPUTS {
        let id = indicators::create(
            db,
            now,
            actor,
            plan,
            &IndicatorInput {
                measure_id: measure_ids.get(code).copied(),
                // An output indicator serves its measure's objective (the store sets it).
                objective: domain::event::Objective::default(),
                kind: domain::plan::IndicatorKind::Output,
                name_lv: (*name).to_owned(),
                name_en: None,
                unit_lv: (*unit).to_owned(),
                unit_en: None,
                direction: Direction::HigherIsBetter,
                baseline_value: Some(*baseline),
                baseline_general: None,
                baseline_year: Some(2023),
                target_value: Some(*target),
                target_year: Some(2027),
                source_lv: Some(demo_source.clone()),
                source_en: Some("Invented demonstration data".to_owned()),
                eu_target: None,
            },
        )
        .await?;
        for (year, v) in *values {
            let value = Value {
                year: *year,
                value: *v,
                general_value: None,
                note: None,
            };
            indicators::set_value(db, now, actor, id, &value, "").await?;
        }
    }
    for (objective, eu, name, direction, roma, general, target, values) in OUTCOMES {
        let id = indicators::create(
            db,
            now,
            actor,
            plan,
            &IndicatorInput {
                measure_id: None,
                objective: crate::coded(objective),
                kind: domain::plan::IndicatorKind::Outcome,
                name_lv: (*name).to_owned(),
                name_en: None,
                unit_lv: "%".to_owned(),
                unit_en: None,
                direction: *direction,
                baseline_value: Some(*roma),
                baseline_general: Some(*general),
                baseline_year: Some(2022),
                target_value: Some(*target),
                target_year: Some(2030),
                source_lv: Some(demo_source.clone()),
                source_en: Some("Invented demonstration data".to_owned()),
                eu_target: Some((*eu).to_owned()),
            },
        )
        .await?;
        for (year, r, g) in *values {
            let value = Value {
                year: *year,
                value: *r,
                general_value: Some(*g),
                note: None,
            };
            indicators::set_value(db, now, actor, id, &value, "").await?;
        }
    }
    // The demo meetings serve the measures they are about.
    for (event_type, code) in [
        ("annual_coordination", "3.1.1"),
        ("workshop", "3.1.2"),
        ("mediators_seminar", "2.1.1"),
        ("good_practice_visit", "4.1.1"),
    ] {
        if let Some(m) = measure_ids.get(code) {
            store::measures::link_events_of_type(db, *m, event_type).await?;
        }
    }
    seed_rounds(db, actor, plan).await?;
    Ok(())
}

/// Seconds at noon (Riga) of an ISO date, for back-dated demo steps.
fn noon(d: &str) -> store::Result<i64> {
    Ok(domain::event::riga_day_start(day(d)?) + 12 * 3600)
}

/// What a demo report says: the measure's status as it stands, and invented figures drawn
/// from its code.
fn demo_report(code: &str, status: &str, year: i32) -> store::rounds::ReportInput {
    let n = code.bytes().map(i64::from).sum::<i64>() % 40;
    store::rounds::ReportInput {
        measure_status: domain::plan::MeasureStatus::parse(status),
        done: Some(format!(
            "Demo: {year}. gadā īstenotas plānotās aktivitātes; sīkāka informācija iestādes pārskatā (izdomāts teksts)."
        )),
        spent_cents: Some((5_000 + n * 250) * 100),
        reached_roma: Some(40 + n),
        reached_women: Some(20 + n / 2),
        reached_youth: Some(10 + n / 3),
        evidence: Some("https://example.invalid/demo-parskats".to_owned()),
        places: Vec::new(),
        values: Vec::new(),
    }
}

/// Two past reporting rounds: 2024 (closed: all accepted but one co-responsible report
/// never handed in) and 2025 (open, past its deadline: accepted, returned with a comment,
/// waiting for review, and not yet submitted).
pub(crate) async fn seed_rounds(db: &Db, actor: &Actor, plan: i64) -> store::Result<()> {
    use store::rounds::{self, RoundInput};
    let all = store::OrgScope::All;
    for (year, deadline, opened, closed) in [
        (2024, "2025-03-31", "2025-01-15", true),
        (2025, "2026-03-31", "2026-01-15", false),
    ] {
        let round = rounds::open(
            db,
            noon(opened)?,
            actor,
            plan,
            &RoundInput {
                title_lv: format!("Progresa ziņojums par {year}. gadu (demo)"),
                title_en: Some(format!("Progress report for {year} (demo)")),
                period_start: day(&format!("{year}-01-01"))?,
                period_end: day(&format!("{year}-12-31"))?,
                deadline: day(deadline)?,
            },
        )
        .await?;
        let reports = rounds::reports(db, all, round).await?;
        for (i, r) in reports.iter().enumerate() {
            let own = store::OrgScope::Organisation(r.organisation_id);
            let outcome = if year == 2024 {
                // One co-responsible institution never reported.
                if r.role == "partner" && i % 7 == 3 {
                    "none"
                } else {
                    "accepted"
                }
            } else {
                match i % 5 {
                    0 | 1 => "accepted",
                    2 => "returned",
                    3 => "submitted",
                    _ => "none",
                }
            };
            if outcome == "none" {
                continue;
            }
            // Most on time, every sixth a week late.
            let submitted = if i % 6 == 5 {
                noon(deadline)? + 7 * 86_400
            } else {
                noon(deadline)? - (10 + i as i64) * 86_400
            };
            let status = store::measures::get(db, r.measure_id).await?.status;
            let input = demo_report(&r.measure_code, status.as_str(), year);
            rounds::save(db, submitted, actor, own, r.id, &input, true, None).await?;
            match outcome {
                "accepted" => {
                    rounds::review(db, submitted + 5 * 86_400, actor, r.id, true, None, None).await?
                }
                "returned" => {
                    rounds::review(
                        db,
                        submitted + 5 * 86_400,
                        actor,
                        r.id,
                        false,
                        Some("Demo: lūdzu, papildiniet ar sasniegto cilvēku skaitu pa pašvaldībām (izdomāts komentārs)."),
                        None,
                    )
                    .await?
                }
                _ => {}
            }
        }
        if closed {
            rounds::close(db, noon(deadline)? + 60 * 86_400, actor, round).await?;
        }
    }
    Ok(())
}

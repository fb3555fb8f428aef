//! The national progress report on the Roma strategic framework: for the plans in force
//! (or closed) covering the year, per EU objective, each measure's status, budget, spending
//! and people reached in the year (from the accepted progress reports, as the public policy
//! pages show them), and each indicator with its baseline, target, latest value, the general
//! population's value where there is one, the progress made and the gap left.

use documents::report::{Block, Report, Section, Table};
use documents::table::Cell;
use domain::event::{OBJECTIVES, Objective};

use super::{Audience, Request, Tr, note};
use crate::AppState;
use crate::http::error::AppResult;

/// The texts coordinators write: (key, label message id).
pub const NARRATIVES: &[(&str, &str)] = &[
    ("introduction", "report-narrative-introduction"),
    ("conclusions", "report-narrative-conclusions"),
];

/// What the accepted progress reports of the year say of a measure: spent (cents), Roma,
/// women and youth reached.
fn year_sums(reports: &[store::rounds::Report], year: i16) -> (i64, i64, i64, i64) {
    reports
        .iter()
        .filter(|r| r.period_end.year() == year)
        .fold((0, 0, 0, 0), |(s, r, w, y), x| {
            (
                s + x.spent_cents.unwrap_or(0),
                r + x.reached_roma.unwrap_or(0),
                w + x.reached_women.unwrap_or(0),
                y + x.reached_youth.unwrap_or(0),
            )
        })
}

pub async fn build(state: &AppState, r: &Request) -> AppResult<Report> {
    let tr = Tr { lang: r.lang };
    let lang = tr.code();
    let public = r.audience == Audience::Public;
    // People reached, as this audience may see them.
    let people = |n: i64| {
        if public {
            crate::figures::published_cell(domain::participation::publish_one(n))
        } else {
            Cell::Int(n)
        }
    };
    let mut sections = Vec::new();
    sections.extend(super::narrative_section(r, &tr, NARRATIVES, "introduction"));
    let plans: Vec<store::plans::Plan> = store::plans::list_public(state.db())
        .await?
        .into_iter()
        .filter(|p| p.period_start <= i64::from(r.year) && p.period_end >= i64::from(r.year))
        .collect();
    if plans.is_empty() {
        sections.push(Section {
            id: "plans".to_owned(),
            heading: tr.t("report-section-measures"),
            blocks: vec![note(tr.t("report-no-measures"))],
        });
    }
    for plan in &plans {
        let measures = store::measures::for_plan(state.db(), plan.id, None).await?;
        let indicators = store::indicators::for_plan(state.db(), plan.id).await?;
        for objective in OBJECTIVES {
            let ms: Vec<&store::measures::Measure> = measures
                .iter()
                .filter(|m| m.objective.as_str() == *objective)
                .collect();
            let is: Vec<&store::indicators::Indicator> = indicators
                .iter()
                .filter(|i| i.objective.as_str() == *objective)
                .collect();
            if ms.is_empty() && is.is_empty() {
                continue;
            }
            let id = format!("plan{}-{objective}", plan.id);
            let mut blocks = vec![Block::Text {
                text: plan.name(lang).to_owned(),
            }];
            let mut rows = Vec::new();
            for m in &ms {
                let reports = store::rounds::accepted_for_measure(state.db(), m.id).await?;
                let (spent, roma, women, youth) = year_sums(&reports, r.year);
                let any = reports.iter().any(|x| x.period_end.year() == r.year);
                rows.push(vec![
                    Cell::Text(m.code.clone()),
                    Cell::Text(m.title(lang).to_owned()),
                    Cell::Text(m.responsible_name.clone()),
                    Cell::Text(tr.t(m.status.label_key())),
                    m.budget_cents
                        .map_or(Cell::Empty, |c| Cell::Euro(c as f64 / 100.0)),
                    if any {
                        Cell::Euro(spent as f64 / 100.0)
                    } else {
                        Cell::Empty
                    },
                    if any { people(roma) } else { Cell::Empty },
                    if any { people(women) } else { Cell::Empty },
                    if any { people(youth) } else { Cell::Empty },
                ]);
            }
            if rows.is_empty() {
                blocks.push(note(tr.t("report-no-measures-objective")));
            } else {
                blocks.push(Block::Table {
                    table: Table {
                        id: format!("{id}-measures"),
                        caption: tr.t("report-national-measures"),
                        columns: vec![
                            tr.t("report-col-code"),
                            tr.t("report-col-measure"),
                            tr.t("report-col-owner"),
                            tr.t("report-col-status"),
                            tr.t("report-col-budget"),
                            tr.t("report-col-spent"),
                            tr.t("report-col-roma"),
                            tr.t("report-col-women"),
                            tr.t("report-col-youth"),
                        ],
                        rows,
                        row_headers: true,
                    },
                });
            }
            if !is.is_empty() {
                blocks.push(Block::Table {
                    table: Table {
                        id: format!("{id}-indicators"),
                        caption: tr.t("report-national-indicators"),
                        columns: vec![
                            tr.t("report-col-indicator"),
                            tr.t("report-col-baseline"),
                            tr.t("report-col-target"),
                            tr.t("report-col-latest"),
                            tr.t("report-col-year"),
                            tr.t("report-col-general"),
                            tr.t("report-col-progress"),
                            tr.t("report-col-gap"),
                        ],
                        rows: is.iter().map(|i| indicator_row(i, lang)).collect(),
                        row_headers: true,
                    },
                });
            }
            sections.push(Section {
                id,
                heading: tr.t(Objective::label_key_of(objective)),
                blocks,
            });
        }
    }
    sections.extend(super::narrative_section(r, &tr, NARRATIVES, "conclusions"));
    Ok(Report {
        lang: lang.to_owned(),
        title: tr.t("report-national-title"),
        subtitle: r.year.to_string(),
        publisher: tr.t("report-publisher"),
        status: r.status.clone(),
        notes: if public {
            vec![tr.t("stats-disclosure"), tr.t("report-national-note")]
        } else {
            vec![tr.t("report-internal-note"), tr.t("report-national-note")]
        },
        sections,
    })
}

/// An indicator's line: its name with unit (and baseline and target years), the values as
/// numbers, the progress from baseline towards target and the gap left to the target.
fn indicator_row(i: &store::indicators::Indicator, lang: &str) -> Vec<Cell> {
    let number = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
    let latest = i.latest();
    let years = match (i.baseline_year, i.target_year) {
        (Some(b), Some(t)) => format!(" — {b}→{t}"),
        (None, Some(t)) => format!(" — →{t}"),
        _ => String::new(),
    };
    let progress = match (i.baseline_value, i.target_value, latest) {
        (Some(b), Some(t), Some(v)) => domain::plan::progress(b, t, v.value)
            .map_or(Cell::Empty, |p| {
                Cell::Percent((p * 100.0).clamp(0.0, 100.0))
            }),
        _ => Cell::Empty,
    };
    // What is still to go towards the target, whichever way is better: positive while short
    // of it, negative once beyond it (so the sign means the same for every indicator).
    let gap = match (i.target_value, latest) {
        (Some(t), Some(v)) => {
            let to_go = match i.direction {
                domain::plan::Direction::LowerIsBetter => v.value - t,
                _ => t - v.value,
            };
            Cell::Number((to_go * 100.0).round() / 100.0)
        }
        _ => Cell::Empty,
    };
    vec![
        Cell::Text(format!("{} ({}){years}", i.name(lang), i.unit(lang))),
        number(i.baseline_value),
        number(i.target_value),
        number(latest.map(|v| v.value)),
        // A year is a label, not an amount: never "2 025".
        latest.map_or(Cell::Empty, |v| Cell::Text(v.year.to_string())),
        number(latest.and_then(|v| v.general_value)),
        progress,
        gap,
    ]
}

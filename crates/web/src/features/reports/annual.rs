//! The annual coordination meeting summary report ("Summary Report on the Annual Latvian
//! Roma Platform Coordination meeting"): the year's activities by type, participation
//! (distinct participants by category, gender, age group, Roma self-identification and
//! places), mediation figures, follow-up actions, the measures' status by objective, the
//! good practices and stories of the year, what the annual meetings' minutes recorded, and
//! the coordinators' introduction and conclusions.

use std::collections::BTreeMap;

use documents::report::{Block, Figure, Report, Section, Table};
use documents::table::Cell;
use domain::event::{EventType, OBJECTIVES, Objective};
use domain::plan::MEASURE_STATUSES;

use super::{Audience, Request, Tr, bounds, narrative, note};
use crate::AppState;
use crate::http::dates::riga_date;
use crate::http::error::AppResult;

/// The texts coordinators write: (key, label message id).
pub const NARRATIVES: &[(&str, &str)] = &[
    ("introduction", "report-narrative-introduction"),
    ("challenges", "report-narrative-challenges"),
    ("priorities", "report-narrative-priorities"),
];

/// Builds the report over the data now.
pub async fn build(state: &AppState, r: &Request) -> AppResult<Report> {
    let tr = Tr { lang: r.lang };
    let public = r.audience == Audience::Public;
    let (first, last, from, to) = bounds(r.year);
    let mut sections = Vec::new();

    sections.extend(super::narrative_section(r, &tr, NARRATIVES, "introduction"));

    // Activities: the events that took place (not those still to come, nor cancelled ones).
    let events = super::events_of_year(state, from, to, public).await?;
    let mut blocks = Vec::new();
    if events.is_empty() {
        blocks.push(note(tr.t("report-no-events")));
    } else {
        let by_type = Table {
            id: "events-by-type".to_owned(),
            caption: tr.t("report-events-by-type"),
            columns: vec![tr.t("report-col-type"), tr.t("report-col-events")],
            rows: EventType::ALL
                .iter()
                .map(|t| {
                    let n = events.iter().filter(|e| e.event_type == *t).count();
                    vec![Cell::Text(tr.t(t.label_key())), Cell::Int(n as i64)]
                })
                .filter(|row| row[1] != Cell::Int(0))
                .collect(),
            row_headers: true,
        };
        let places: std::collections::BTreeSet<String> = events
            .iter()
            .filter_map(|e| e.territory_name.clone())
            .collect();
        blocks.push(Block::Figures {
            items: vec![
                Figure {
                    label: tr.t("report-col-events"),
                    value: tr.n(events.len() as i64),
                },
                Figure {
                    label: tr.t("report-event-places"),
                    value: tr.n(places.len() as i64),
                },
            ],
        });
        blocks.push(Block::Chart {
            table: by_type,
            column: 1,
        });
        blocks.push(Block::Table {
            table: Table {
                id: "events".to_owned(),
                caption: tr.t("report-events-list"),
                columns: vec![
                    tr.t("report-col-date"),
                    tr.t("report-col-type"),
                    tr.t("report-col-event"),
                    tr.t("report-col-place"),
                ],
                rows: events
                    .iter()
                    .map(|e| {
                        vec![
                            Cell::Date(riga_date(e.starts_at)),
                            Cell::Text(tr.t(e.event_type.label_key())),
                            Cell::Text(e.title(tr.code()).to_owned()),
                            Cell::Text(super::place(e, &tr)),
                        ]
                    })
                    .collect(),
                row_headers: false,
            },
        });
    }
    sections.push(Section {
        id: "activities".to_owned(),
        heading: tr.t("report-section-activities"),
        blocks,
    });

    // Participation: the same figures as the statistics page for the year.
    let filter = store::statistics::Filter::between(first, last, public);
    let youth = state.settings().youth();
    let p = store::statistics::participation(state.db(), &filter, youth).await?;
    let blocks = super::participation_blocks(&p, &tr, public, youth, true, "participation");
    sections.push(Section {
        id: "participation".to_owned(),
        heading: tr.t("report-section-participation"),
        blocks,
    });

    // Mediation: all municipalities, under disclosure control.
    let figures = store::mediation_stats::figures(
        state.db(),
        store::mediation_stats::FigureScope::All,
        &store::mediation_stats::FigureFilter {
            from: first,
            to: last,
            territory_id: None,
            mediator_user_id: None,
            grouping: store::mediation_stats::Grouping::Year,
        },
    )
    .await?;
    let mut blocks = vec![Block::Text {
        text: tr.t("figures-definitions"),
    }];
    if figures.families == 0 && figures.no_consent_families == 0 {
        blocks.push(note(tr.t("report-no-mediation")));
    } else {
        blocks.extend(crate::figures::mediation::report_blocks(
            r.lang,
            &figures,
            "mediation",
            false,
            true,
            false,
        ));
    }
    sections.push(Section {
        id: "mediation".to_owned(),
        heading: tr.t("report-section-mediation"),
        blocks,
    });

    // Needs and questions raised in the year: exact inside, under disclosure control in
    // public.
    let needs = store::needs::figures(state.db(), first, last).await?;
    let held = store::consultations::held(state.db(), first, last).await?;
    let blocks = if needs.all.raised == 0 && held.0 == 0 {
        vec![note(tr.t("report-no-needs"))]
    } else {
        crate::figures::needs::blocks(r.lang, &needs, held, "needs", !public)
    };
    sections.push(Section {
        id: "needs".to_owned(),
        heading: tr.t("report-section-needs"),
        blocks,
    });

    // Follow-up actions agreed at the year's events.
    let event_ids: std::collections::BTreeSet<i64> = events.iter().map(|e| e.id).collect();
    let actions: Vec<store::actions::Action> =
        store::actions::list(state.db(), store::actions::Scope::All, false, r.today)
            .await?
            .into_iter()
            .filter(|a| event_ids.contains(&a.event_id))
            .collect();
    let mut blocks = Vec::new();
    if actions.is_empty() {
        blocks.push(note(tr.t("report-no-actions")));
    } else {
        let count = |f: &dyn Fn(&store::actions::Action) -> bool| {
            tr.n(actions.iter().filter(|a| f(a)).count() as i64)
        };
        blocks.push(Block::Figures {
            items: vec![
                Figure {
                    label: tr.t("report-actions-all"),
                    value: tr.n(actions.len() as i64),
                },
                Figure {
                    label: tr.t("action-status-done"),
                    value: count(&|a| a.status == domain::event::ActionStatus::Done),
                },
                Figure {
                    label: tr.t("report-actions-open"),
                    value: count(&|a| a.is_pending()),
                },
                Figure {
                    label: tr.t("report-actions-overdue"),
                    value: count(&|a| a.is_overdue(r.today)),
                },
                Figure {
                    label: tr.t("action-status-dropped"),
                    value: count(&|a| a.status == domain::event::ActionStatus::Dropped),
                },
            ],
        });
        // The list (titles, owners, due dates) is workspace matter: public reports give
        // the counts only.
        if !public {
            blocks.push(Block::Table {
                table: Table {
                    id: "actions".to_owned(),
                    caption: tr.t("report-actions-list"),
                    columns: vec![
                        tr.t("report-col-event"),
                        tr.t("report-col-action"),
                        tr.t("report-col-owner"),
                        tr.t("report-col-due"),
                        tr.t("report-col-status"),
                    ],
                    rows: actions
                        .iter()
                        .map(|a| {
                            let status = if a.is_overdue(r.today) {
                                tr.t("report-actions-overdue")
                            } else {
                                tr.t(a.status.label_key())
                            };
                            vec![
                                Cell::Text(a.event_title(tr.code()).to_owned()),
                                Cell::Text(a.title(tr.code()).to_owned()),
                                Cell::Text(a.owner_name.clone()),
                                a.due_date.map_or(Cell::Empty, Cell::Date),
                                Cell::Text(status),
                            ]
                        })
                        .collect(),
                    row_headers: false,
                },
            });
        }
    }
    sections.push(Section {
        id: "actions".to_owned(),
        heading: tr.t("report-section-actions"),
        blocks,
    });

    // Measures of the plans in force (or closed) covering the year, by objective and status.
    let mut by_objective: BTreeMap<&str, [i64; 5]> = BTreeMap::new();
    let mut plans = Vec::new();
    for plan in store::plans::list_public(state.db()).await? {
        if plan.period_start > i64::from(r.year) || plan.period_end < i64::from(r.year) {
            continue;
        }
        plans.push(plan.name(tr.code()).to_owned());
        for m in store::measures::for_plan(state.db(), plan.id, None).await? {
            let Some(objective) = OBJECTIVES.iter().find(|o| **o == m.objective.as_str()) else {
                continue;
            };
            if let Some(i) = MEASURE_STATUSES
                .iter()
                .position(|s| *s == m.status.as_str())
            {
                by_objective.entry(objective).or_default()[i] += 1;
            }
        }
    }
    let mut blocks = Vec::new();
    if by_objective.is_empty() {
        blocks.push(note(tr.t("report-no-measures")));
    } else {
        blocks.push(Block::Text {
            text: format!("{} {}", tr.t("report-measures-plans"), plans.join("; ")),
        });
        let mut columns = vec![tr.t("report-col-objective")];
        columns.extend(
            MEASURE_STATUSES
                .iter()
                .map(|s| tr.t(domain::plan::MeasureStatus::label_key_of(s))),
        );
        columns.push(tr.t("report-col-total"));
        blocks.push(Block::Table {
            table: Table {
                id: "measures".to_owned(),
                caption: tr.t("report-measures-by-objective"),
                columns,
                rows: OBJECTIVES
                    .iter()
                    .filter_map(|o| by_objective.get(o).map(|c| (o, c)))
                    .map(|(o, counts)| {
                        let mut row = vec![Cell::Text(tr.t(Objective::label_key_of(o)))];
                        row.extend(counts.iter().map(|n| Cell::Int(*n)));
                        row.push(Cell::Int(counts.iter().sum()));
                        row
                    })
                    .collect(),
                row_headers: true,
            },
        });
    }
    sections.push(Section {
        id: "measures".to_owned(),
        heading: tr.t("report-section-measures"),
        blocks,
    });

    // Good practices and success stories published in the year.
    let practices = store::reports::practices_published(state.db(), from, to).await?;
    let stories = store::reports::stories_published(state.db(), from, to).await?;
    let mut blocks = Vec::new();
    for (heading, items) in [
        ("report-practices", &practices),
        ("report-stories", &stories),
    ] {
        blocks.push(Block::Text {
            text: format!("{} ({})", tr.t(heading), tr.n(items.len() as i64)),
        });
        if items.is_empty() {
            blocks.push(note(tr.t("report-none-published")));
        } else {
            blocks.push(Block::Items {
                items: items
                    .iter()
                    .map(|i| i.title(tr.code()).to_owned())
                    .collect(),
            });
        }
    }
    sections.push(Section {
        id: "practices".to_owned(),
        heading: tr.t("report-section-practices"),
        blocks,
    });

    // What the year's annual coordination meetings recorded.
    let mut blocks = Vec::new();
    for e in events
        .iter()
        .filter(|e| e.event_type == EventType::AnnualCoordination)
    {
        let m = store::minutes::get(state.db(), e.id).await?;
        if m.is_empty() || (public && m.published_at.is_none()) {
            continue;
        }
        blocks.push(Block::Text {
            text: format!(
                "{} — {}",
                e.title(tr.code()),
                documents::format::date(tr.code(), riga_date(e.starts_at))
            ),
        });
        for (label, part) in [
            (
                "report-minutes-summary",
                m.part(&m.summary_lv, &m.summary_en, tr.code()),
            ),
            (
                "report-minutes-decisions",
                m.part(&m.decisions_lv, &m.decisions_en, tr.code()),
            ),
            (
                "report-minutes-recommendations",
                m.part(&m.recommendations_lv, &m.recommendations_en, tr.code()),
            ),
        ] {
            if let Some(text) = part.filter(|t| !t.trim().is_empty()) {
                blocks.push(Block::Text {
                    text: format!("{}: {}", tr.t(label), text),
                });
            }
        }
    }
    if blocks.is_empty() {
        blocks.push(note(tr.t("report-no-minutes")));
    }
    for key in ["challenges", "priorities"] {
        if let Some(b) = narrative(r, &tr, NARRATIVES, key) {
            blocks.push(b);
        }
    }
    sections.push(Section {
        id: "meeting".to_owned(),
        heading: tr.t("report-section-meeting"),
        blocks,
    });

    let mut notes = vec![if public {
        tr.t("stats-disclosure")
    } else {
        tr.t("report-internal-note")
    }];
    notes.push(tr.t("report-mediation-note"));
    Ok(Report {
        lang: tr.code().to_owned(),
        title: tr.t("report-annual-title"),
        subtitle: r.year.to_string(),
        publisher: tr.t("report-publisher"),
        status: r.status.clone(),
        notes,
        sections,
    })
}

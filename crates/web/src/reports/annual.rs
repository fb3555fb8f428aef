//! The annual coordination meeting summary report ("Summary Report on the Annual Latvian
//! Roma Platform Coordination meeting"): the year's activities by type, participation
//! (distinct participants by category, gender, age group, Roma self-identification and
//! places), mediation figures, follow-up actions, the measures' status by objective, the
//! good practices and stories of the year, what the annual meetings' minutes recorded, and
//! the coordinators' introduction and conclusions.

use std::collections::BTreeMap;

use documents::report::{Block, Figure, Report, Section, Table};
use documents::table::Cell;
use domain::event::{EventStatus, EventType, OBJECTIVES, objective_label};
use domain::plan::MEASURE_STATUSES;
use jiff::civil::Date;

use super::{Audience, Request, riga_date};
use crate::AppState;
use crate::error::AppResult;
use crate::i18n::Lang;

/// The texts coordinators write: (key, label message id).
pub const NARRATIVES: &[(&str, &str)] = &[
    ("introduction", "report-narrative-introduction"),
    ("challenges", "report-narrative-challenges"),
    ("priorities", "report-narrative-priorities"),
];

struct Tr {
    lang: Lang,
}

impl Tr {
    fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    fn n(&self, n: i64) -> String {
        crate::i18n::number(self.lang, n)
    }

    fn code(&self) -> &'static str {
        self.lang.code()
    }
}

fn narrative(r: &Request, tr: &Tr, key: &str) -> Option<Block> {
    let text = r.narratives.get(key).map(|t| t.trim()).unwrap_or_default();
    let label = NARRATIVES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| tr.t(l))
        .unwrap_or_default();
    (!text.is_empty()).then(|| Block::Narrative {
        key: key.to_owned(),
        label,
        text: text.to_owned(),
    })
}

fn note(text: String) -> Block {
    Block::Note { text }
}

/// The year's bounds: its first and last days, and as UTC seconds `[from, to)`.
fn bounds(year: i16) -> (Date, Date, i64, i64) {
    let first = Date::new(year, 1, 1).unwrap_or_default();
    let last = Date::new(year, 12, 31).unwrap_or_default();
    let at = domain::event::riga_day_start;
    let next = first
        .checked_add(jiff::Span::new().years(1))
        .unwrap_or(last);
    (first, last, at(first), at(next))
}

/// Builds the report over the data now.
pub async fn build(state: &AppState, r: &Request) -> AppResult<Report> {
    let tr = Tr { lang: r.lang };
    let public = r.audience == Audience::Public;
    let (first, last, from, to) = bounds(r.year);
    let mut sections = Vec::new();

    if let Some(b) = narrative(r, &tr, "introduction") {
        sections.push(Section {
            id: "introduction".to_owned(),
            heading: tr.t("report-narrative-introduction"),
            blocks: vec![b],
        });
    }

    // Activities: the events that took place or were planned and not cancelled.
    let scope = if public {
        store::events::Scope::Public
    } else {
        store::events::Scope::All
    };
    let events: Vec<store::events::Event> = store::events::in_range(
        state.db(),
        scope,
        &store::events::EventFilter::default(),
        from,
        to,
        10_000,
    )
    .await?
    .into_iter()
    .filter(|e| {
        e.starts_at >= from
            && !matches!(e.status, EventStatus::Draft | EventStatus::Cancelled)
            && (!public || e.publicly_visible())
    })
    .collect();
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
                        let place = match (&e.territory_name, &e.host_country) {
                            (Some(t), _) => t.clone(),
                            (None, Some(c)) => c.clone(),
                            (None, None) if e.online_url.is_some() => tr.t("report-online"),
                            _ => String::new(),
                        };
                        vec![
                            Cell::Date(riga_date(e.starts_at)),
                            Cell::Text(tr.t(e.event_type.label_key())),
                            Cell::Text(e.title(tr.code()).to_owned()),
                            Cell::Text(place),
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
    let filter = store::statistics::Filter {
        from: first,
        to: last,
        event_type: None,
        series: None,
        territory_id: None,
        target_group: None,
        public_only: public,
    };
    let youth = state.settings().youth();
    let p = store::statistics::participation(state.db(), &filter, youth).await?;
    let show = |n: i64| {
        if public {
            let shown = domain::participation::publish_one(n);
            shown.value().map_or_else(|| shown.text(), |v| tr.n(v))
        } else {
            tr.n(n)
        }
    };
    let mut blocks = vec![Block::Figures {
        items: vec![
            ("stats-events", tr.n(p.events)),
            ("stats-participations", show(p.participations)),
            ("stats-participants", show(p.participants)),
            ("stats-youth", show(p.youth)),
            ("stats-places", tr.n(p.latvian_places)),
        ]
        .into_iter()
        .map(|(k, v)| Figure {
            label: tr.t(k),
            value: v,
        })
        .collect(),
    }];
    blocks.push(Block::Text {
        text: format!(
            "{} {}",
            crate::i18n::t_args(
                r.lang,
                "stats-youth-definition",
                &[(
                    "range",
                    fluent_bundle::FluentValue::from(format!("{}–{}", youth.min, youth.max)),
                )],
            ),
            tr.t("stats-latest-rule")
        ),
    });
    for b in crate::features::statistics::breakdowns(r.lang, &p, public) {
        blocks.push(Block::Chart {
            table: b.table(r.lang, "participation"),
            column: 1,
        });
    }
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
        blocks.extend(crate::features::mediation_figures::report_blocks(
            r.lang,
            &figures,
            "mediation",
        ));
    }
    sections.push(Section {
        id: "mediation".to_owned(),
        heading: tr.t("report-section-mediation"),
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
                    value: count(&|a| a.status == "done"),
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
                    value: count(&|a| a.status == "dropped"),
                },
            ],
        });
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
                            tr.t(crate::features::actions::status_key(&a.status))
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
            let Some(objective) = OBJECTIVES.iter().find(|o| **o == m.objective) else {
                continue;
            };
            if let Some(i) = MEASURE_STATUSES.iter().position(|s| *s == m.status) {
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
                .map(|s| tr.t(crate::features::plans::measure_status_key(s))),
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
                        let mut row = vec![Cell::Text(tr.t(objective_label(o)))];
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
        if let Some(b) = narrative(r, &tr, key) {
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

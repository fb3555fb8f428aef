//! The grant report tables for the European Commission (the platform's operating grant):
//! the year's activities with dates and places and each one's participants disaggregated
//! (women, youth, Roma self-identified), the participants of the year disaggregated by
//! category, gender, age group, Roma/non-Roma and places, the outputs, and the share of
//! participants satisfied according to the feedback.

use documents::report::{Block, Figure, Report, Section, Table};
use documents::table::Cell;
use domain::participation::{publish_one, publish_share};

use super::{Audience, Request, Tr, bounds, note};
use crate::AppState;
use crate::http::dates::riga_date;
use crate::http::error::AppResult;

/// The texts coordinators write: (key, label message id).
pub const NARRATIVES: &[(&str, &str)] = &[("summary", "report-narrative-summary")];

pub async fn build(state: &AppState, r: &Request) -> AppResult<Report> {
    let tr = Tr { lang: r.lang };
    let lang = tr.code();
    let public = r.audience == Audience::Public;
    let (first, last, from, to) = bounds(r.year);
    let youth = state.settings().youth();
    // A count of people as this audience sees it.
    let people = |n: i64| {
        if public {
            crate::figures::published_cell(publish_one(n))
        } else {
            Cell::Int(n)
        }
    };
    let share = |part: i64, whole: i64| {
        let p = if public {
            // A share next to a published total would tell a small part (or its
            // complement) exactly: withheld then, as on the mediation figures.
            if (1..10).contains(&part) || (1..10).contains(&(whole - part)) {
                None
            } else {
                publish_share(part, whole)
            }
        } else {
            (whole > 0).then(|| (part * 100 + whole / 2) / whole)
        };
        p.map_or(Cell::Empty, |p| Cell::Percent(p as f64))
    };
    let mut sections = Vec::new();
    sections.extend(super::narrative_section(r, &tr, NARRATIVES, "summary"));

    // Activities, each with its participants.
    let events = super::events_of_year(state, from, to, public).await?;
    let filter = |event_id: Option<i64>| store::statistics::Filter {
        from: first,
        to: last,
        event_type: None,
        series: None,
        territory_id: None,
        target_group: None,
        public_only: public,
        event_id,
    };
    let mut activity_rows = Vec::new();
    let mut feedback_rows = Vec::new();
    let (mut answers, mut good, mut asked) = (0, 0, 0);
    for e in &events {
        let p = store::statistics::participation(state.db(), &filter(Some(e.id)), youth).await?;
        activity_rows.push(vec![
            Cell::Date(riga_date(e.starts_at)),
            Cell::Text(super::place(e, &tr)),
            Cell::Text(tr.t(e.event_type.label_key())),
            Cell::Text(e.title(lang).to_owned()),
            people(p.participants),
            people(p.by_gender.get("female").copied().unwrap_or(0)),
            people(p.youth),
            people(p.roma_self_identified.get("yes").copied().unwrap_or(0)),
        ]);
        let f = store::feedback::summary(state.db(), e.id).await?;
        if f.asked > 0 || f.answers > 0 {
            asked += f.asked;
            answers += f.answers;
            good += f.good;
            feedback_rows.push(vec![
                Cell::Text(e.title(lang).to_owned()),
                people(f.asked),
                people(f.answers),
                share(f.good, f.answers),
            ]);
        }
    }
    let mut blocks = Vec::new();
    if events.is_empty() {
        blocks.push(note(tr.t("report-no-events")));
    } else {
        blocks.push(Block::Table {
            table: Table {
                id: "grant-activities".to_owned(),
                caption: tr.t("report-grant-activities"),
                columns: vec![
                    tr.t("report-col-date"),
                    tr.t("report-col-place"),
                    tr.t("report-col-type"),
                    tr.t("report-col-event"),
                    tr.t("report-col-participants"),
                    tr.t("report-col-women"),
                    tr.t("report-col-youth"),
                    tr.t("report-col-roma"),
                ],
                rows: activity_rows,
                row_headers: false,
            },
        });
    }
    sections.push(Section {
        id: "activities".to_owned(),
        heading: tr.t("report-section-activities"),
        blocks,
    });

    // Participants of the year, disaggregated: the statistics screens' breakdowns.
    let p = store::statistics::participation(state.db(), &filter(None), youth).await?;
    let blocks = super::participation_blocks(&p, &tr, public, youth, false, "grant");
    sections.push(Section {
        id: "participants".to_owned(),
        heading: tr.t("report-grant-participants"),
        blocks,
    });

    // Outputs.
    let practices = store::reports::practices_published(state.db(), from, to).await?;
    let stories = store::reports::stories_published(state.db(), from, to).await?;
    let mut minutes = 0;
    for e in &events {
        if store::minutes::get(state.db(), e.id)
            .await?
            .published_at
            .is_some()
        {
            minutes += 1;
        }
    }
    let issued = store::reports::issued(state.db(), true)
        .await?
        .iter()
        .filter(|i| i.issued_at >= from && i.issued_at < to)
        .count();
    sections.push(Section {
        id: "outputs".to_owned(),
        heading: tr.t("report-grant-outputs"),
        blocks: vec![Block::Figures {
            items: [
                ("report-col-events", events.len()),
                ("report-grant-minutes", minutes),
                ("report-practices", practices.len()),
                ("report-stories", stories.len()),
                ("report-grant-issued", issued),
            ]
            .into_iter()
            .map(|(k, n)| Figure {
                label: tr.t(k),
                value: tr.n(n as i64),
            })
            .collect(),
        }],
    });

    // Satisfaction.
    let mut blocks = Vec::new();
    if feedback_rows.is_empty() {
        blocks.push(note(tr.t("report-grant-no-feedback")));
    } else {
        blocks.push(Block::Figures {
            items: vec![Figure {
                label: tr.t("report-grant-satisfied"),
                value: match share(good, answers) {
                    Cell::Empty => "—".to_owned(),
                    c => c.shown(lang),
                },
            }],
        });
        feedback_rows.push(vec![
            Cell::Text(tr.t("report-col-total")),
            people(asked),
            people(answers),
            share(good, answers),
        ]);
        blocks.push(Block::Table {
            table: Table {
                id: "grant-feedback".to_owned(),
                caption: tr.t("report-grant-feedback"),
                columns: vec![
                    tr.t("report-col-event"),
                    tr.t("report-col-asked"),
                    tr.t("report-col-answers"),
                    tr.t("report-grant-satisfied"),
                ],
                rows: feedback_rows,
                row_headers: true,
            },
        });
    }
    sections.push(Section {
        id: "satisfaction".to_owned(),
        heading: tr.t("report-grant-satisfaction"),
        blocks,
    });

    let mut notes = vec![if public {
        tr.t("stats-disclosure")
    } else {
        tr.t("report-internal-note")
    }];
    notes.push(tr.t("report-grant-note"));
    Ok(Report {
        lang: lang.to_owned(),
        title: tr.t("report-grant-title"),
        subtitle: r.year.to_string(),
        publisher: tr.t("report-publisher"),
        status: r.status.clone(),
        notes,
        sections,
    })
}

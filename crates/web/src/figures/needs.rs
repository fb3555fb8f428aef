//! Needs and questions in figures (issue 21, item 4): raised, answered, answered by their
//! day and still open — in all, by area and by planning region — exact for the workspace,
//! under disclosure control where the public reads them; and the consultations held with
//! their comments.

use store::needs::{Counts, Figures};

use crate::figures::mediation::Shown;
use crate::figures::published_cell;

/// The blocks of a report's (or page's) needs section.
pub(crate) fn blocks(
    lang: crate::i18n::Lang,
    f: &Figures,
    consultations: (i64, i64),
    id: &str,
    exact: bool,
) -> Vec<documents::report::Block> {
    use documents::report::{Block, Figure, Table};
    use documents::table::Cell;
    let t = |key: &str| crate::i18n::t(lang, key);
    let shown = Shown { exact };
    let text = |p: domain::participation::Published| match p.value() {
        Some(n) => crate::i18n::number(lang, n),
        None => p.text(),
    };
    let items = [
        ("needs-figure-raised", f.all.raised),
        ("needs-figure-answered", f.all.answered),
        ("needs-figure-on-time", f.all.on_time),
        ("needs-figure-open", f.all.open),
    ]
    .into_iter()
    .map(|(key, n)| Figure {
        label: t(key),
        value: text(shown.one(n)),
    })
    // Consultations are public events, their comments public texts: counted exactly.
    .chain([
        Figure {
            label: t("consultations-figure-held"),
            value: crate::i18n::number(lang, consultations.0),
        },
        Figure {
            label: t("consultations-figure-comments"),
            value: crate::i18n::number(lang, consultations.1),
        },
    ])
    .collect();
    let table = |suffix: &str,
                 caption: &str,
                 first: &str,
                 rows: &[(String, Counts)],
                 label: &dyn Fn(&str) -> String| {
        let column = |pick: fn(&Counts) -> i64| {
            shown.breakdown(&rows.iter().map(|(_, c)| pick(c)).collect::<Vec<_>>())
        };
        let (a, b, c) = (
            column(|c| c.raised),
            column(|c| c.answered),
            column(|c| c.on_time),
        );
        Table {
            id: format!("{id}-{suffix}"),
            caption: t(caption),
            columns: vec![
                t(first),
                t("needs-figure-raised"),
                t("needs-figure-answered"),
                t("needs-figure-on-time"),
            ],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, (k, _))| {
                    vec![
                        Cell::Text(label(k)),
                        published_cell(a[i]),
                        published_cell(b[i]),
                        published_cell(c[i]),
                    ]
                })
                .collect(),
            row_headers: true,
        }
    };
    vec![
        Block::Text {
            text: t("needs-figures-definitions"),
        },
        Block::Figures { items },
        Block::Table {
            table: table(
                "areas",
                "needs-by-area",
                "need-area",
                &f.by_area,
                &|k: &str| t(domain::event::Objective::label_key_of(k)),
            ),
        },
        Block::Table {
            table: table(
                "regions",
                "needs-by-region",
                "needs-col-region",
                &f.by_region,
                &|k: &str| match domain::territory::PlanningRegion::parse(k) {
                    Some(r) => t(r.label_key()),
                    None => t("needs-region-none"),
                },
            ),
        },
    ]
}

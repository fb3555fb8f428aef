//! Participation breakdowns (by category, gender, age group, region, Roma self-identification)
//! as the statistics page, open data and reports show them.

use documents::chart::{Bar, bars};
use documents::table::Cell;
use domain::participation::{AGE_GROUPS, Category, Published, publish_breakdown};

use crate::i18n::Lang;

/// One line of a breakdown.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The message id of its label.
    pub(crate) label: &'static str,
    /// The figure as it is published: the exact count, or under disclosure control (a
    /// number, or the text "<10" / "…" where it is withheld). The page, tables, charts and
    /// open data all read this.
    pub(crate) cell: Cell,
    /// Distinct Latvian places (categories only), as published.
    pub(crate) places_cell: Option<Cell>,
}

#[derive(Debug, Clone)]
pub(crate) struct Breakdown {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) lines: Vec<Line>,
    pub(crate) chart: String,
    /// Whether the lines tell their places (a column more).
    pub(crate) has_places: bool,
}

/// The machine codes of a breakdown's lines, in the order `breakdowns` gives them (for
/// open data, where a group is named by its code, not its label).
pub(crate) fn codes(breakdown: &str) -> Vec<&'static str> {
    match breakdown {
        "by-category" => Category::ALL.iter().map(|c| c.as_str()).collect(),
        "by-gender" => vec!["female", "male", "other", "not_stated"],
        "by-age" => AGE_GROUPS.iter().copied().chain(["not_stated"]).collect(),
        "by-region" => domain::territory::PlanningRegion::ALL
            .iter()
            .map(|r| r.as_str())
            .chain(["not_stated"])
            .collect(),
        "by-roma" => vec!["yes", "no", "not_stated"],
        _ => Vec::new(),
    }
}

impl Breakdown {
    /// The breakdown as a report table, with the same figures as the page: its label, the
    /// participants and (for categories) the places.
    pub(crate) fn table(&self, lang: Lang, audience: &str) -> documents::report::Table {
        let t = |id: &str| crate::i18n::t(lang, id);
        let mut columns = vec![t("stats-col-item"), t("stats-participants")];
        if self.has_places {
            columns.push(t("stats-places"));
        }
        documents::report::Table {
            id: format!("{audience}-{}", self.id),
            caption: t(self.title),
            columns,
            rows: self
                .lines
                .iter()
                .map(|l| {
                    let mut row = vec![Cell::Text(t(l.label)), l.cell.clone()];
                    if let Some(p) = &l.places_cell {
                        row.push(p.clone());
                    }
                    row
                })
                .collect(),
            row_headers: true,
        }
    }
}

fn gender_label(g: &str) -> &'static str {
    match g {
        "female" => "gender-female",
        "male" => "gender-male",
        "other" => "gender-other",
        _ => "stats-not-stated",
    }
}

/// The message naming an age group's stored code.
pub fn age_label(g: &str) -> &'static str {
    match g {
        "under_18" => "reg-age-under-18",
        "18_24" => "reg-age-18-24",
        "25_29" => "reg-age-25-29",
        "30_49" => "reg-age-30-49",
        "50_64" => "reg-age-50-64",
        "65_plus" => "reg-age-65-plus",
        _ => "stats-not-stated",
    }
}

fn roma_label(r: &str) -> &'static str {
    match r {
        "yes" => "reg-roma-yes",
        "no" => "reg-roma-no",
        _ => "stats-not-stated",
    }
}

/// The breakdowns to show, exact or under disclosure control.
pub(crate) fn breakdowns(
    lang: Lang,
    p: &store::statistics::Participation,
    public: bool,
) -> Vec<Breakdown> {
    let t = |id: &str| crate::i18n::t(lang, id);
    let mut out = Vec::new();
    let mut add = |id: &'static str,
                   title: &'static str,
                   cells: Vec<(&'static str, i64)>,
                   places: Option<Vec<i64>>| {
        let values: Vec<i64> = cells.iter().map(|(_, v)| *v).collect();
        let published: Vec<Cell> = if public {
            publish_breakdown(&values)
                .into_iter()
                .map(crate::figures::published_cell)
                .collect()
        } else {
            values.iter().copied().map(Cell::Int).collect()
        };
        let lines: Vec<Line> = cells
            .iter()
            .zip(published)
            .enumerate()
            .map(|(i, ((label, value), cell))| {
                let places_cell = places.as_ref().map(|pl| {
                    let n = pl.get(i).copied().unwrap_or(0);
                    // Publicly, the places of a category are told only when its people are
                    // (not withheld, not hidden by secondary suppression).
                    if public && *value == 0 {
                        Cell::Int(0)
                    } else if public && !matches!(cell, Cell::Int(_)) {
                        Cell::Text(Published::Hidden.text())
                    } else {
                        Cell::Int(n)
                    }
                });
                Line {
                    label,
                    cell,
                    places_cell,
                }
            })
            .collect();
        let chart = bars(
            id,
            &t(title),
            &lines
                .iter()
                .map(|l| format!("{}: {}", t(l.label), l.cell.shown(lang.code())))
                .collect::<Vec<_>>()
                .join("; "),
            &lines
                .iter()
                .map(|l| Bar {
                    label: t(l.label),
                    // Publicly a withheld value draws no bar.
                    value: match l.cell {
                        Cell::Int(n) => n,
                        _ => 0,
                    },
                    text: l.cell.shown(lang.code()),
                })
                .collect::<Vec<_>>(),
        );
        out.push(Breakdown {
            id,
            title,
            has_places: places.is_some(),
            lines,
            chart,
        });
    };
    add(
        "by-category",
        "stats-by-category",
        Category::ALL
            .iter()
            .map(|c| {
                (
                    c.label_key(),
                    p.by_category.get(c.as_str()).copied().unwrap_or(0),
                )
            })
            .collect(),
        Some(
            Category::ALL
                .iter()
                .map(|c| {
                    p.latvian_places_by_category
                        .get(c.as_str())
                        .copied()
                        .unwrap_or(0)
                })
                .collect(),
        ),
    );
    add(
        "by-gender",
        "stats-by-gender",
        ["female", "male", "other", "not_stated"]
            .iter()
            .map(|g| (gender_label(g), p.by_gender.get(g).copied().unwrap_or(0)))
            .collect(),
        None,
    );
    add(
        "by-age",
        "stats-by-age",
        AGE_GROUPS
            .iter()
            .chain(&["not_stated"])
            .map(|g| (age_label(g), p.by_age_group.get(g).copied().unwrap_or(0)))
            .collect(),
        None,
    );
    add(
        "by-region",
        "stats-by-region",
        domain::territory::PlanningRegion::ALL
            .iter()
            .map(|r| {
                (
                    r.label_key(),
                    p.by_region.get(r.as_str()).copied().unwrap_or(0),
                )
            })
            .chain([(
                "stats-region-none",
                p.by_region.get("not_stated").copied().unwrap_or(0),
            )])
            .collect(),
        None,
    );
    add(
        "by-roma",
        "stats-by-roma",
        ["yes", "no", "not_stated"]
            .iter()
            .map(|r| {
                (
                    roma_label(r),
                    p.roma_self_identified.get(r).copied().unwrap_or(0),
                )
            })
            .collect(),
        None,
    );
    out
}

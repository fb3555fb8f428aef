//! Mediation's aggregate figures as the figures page, open data and reports show them.

use domain::participation::{Published, publish_breakdown, publish_one, publish_share};
use store::mediation_stats::Figures;

use crate::figures::published_cell;

/// The figures as shown: exact, or under disclosure control.
pub(crate) struct Shown {
    pub(crate) exact: bool,
}

impl Shown {
    pub(crate) fn one(&self, n: i64) -> Published {
        if self.exact { exact(n) } else { publish_one(n) }
    }

    pub(crate) fn breakdown(&self, cells: &[i64]) -> Vec<Published> {
        if self.exact {
            cells.iter().map(|&n| exact(n)).collect()
        } else {
            publish_breakdown(cells)
        }
    }

    /// A table's rows, each column under control of its own (its total is published).
    pub(crate) fn rows(
        &self,
        rows: &[store::mediation_stats::Row],
    ) -> Vec<(String, [Published; 4])> {
        let column = |pick: fn(&store::mediation_stats::Row) -> i64| {
            self.breakdown(&rows.iter().map(pick).collect::<Vec<_>>())
        };
        let (a, b, c, d) = (
            column(|r| r.families),
            column(|r| r.persons),
            column(|r| r.contacts),
            column(|r| r.referrals),
        );
        rows.iter()
            .enumerate()
            .map(|(i, r)| (r.label.clone(), [a[i], b[i], c[i], d[i]]))
            .collect()
    }

    pub(crate) fn share(&self, part: i64, whole: i64) -> Option<i64> {
        if self.exact {
            (whole > 0).then(|| (part * 100 + whole / 2) / whole)
        } else if (1..10).contains(&part) || (1..10).contains(&(whole - part)) {
            // A share next to a published total would tell a withheld 1–9 exactly.
            None
        } else {
            publish_share(part, whole)
        }
    }
}

/// An exact count in the same type (never withheld).
fn exact(n: i64) -> Published {
    if n <= 0 {
        Published::Zero
    } else {
        Published::Rounded(n)
    }
}

/// All municipalities' figures under disclosure control, as coordinators see them: each
/// municipality's families, persons, contacts and referrals, then the total line.
pub(crate) fn controlled(f: &Figures) -> Vec<(String, [Published; 4])> {
    let shown = Shown { exact: false };
    let mut rows = shown.rows(&f.by_municipality);
    rows.push((
        "total".to_owned(),
        [
            shown.one(f.families),
            shown.one(f.persons),
            shown.one(f.contacts),
            shown.one(f.referrals),
        ],
    ));
    rows
}

/// Mediation figures as a report shows them, exactly as the figures page shows them to the
/// same reader (`exact` for the mediator and the supervisor, else under disclosure control):
/// the key figures, contacts by area (a chart), referrals by status, and the breakdowns by
/// municipality and by period when asked for.
pub(crate) fn report_blocks(
    lang: crate::i18n::Lang,
    f: &Figures,
    id: &str,
    exact: bool,
    municipalities: bool,
    periods: bool,
) -> Vec<documents::report::Block> {
    use documents::report::{Block, Figure, Table};
    use documents::table::Cell;
    let t = |key: &str| crate::i18n::t(lang, key);
    let shown = Shown { exact };
    let text = |p: Published| match p.value() {
        Some(n) => crate::i18n::number(lang, n),
        None => p.text(),
    };
    let items = [
        ("figures-families", f.families),
        ("figures-persons", f.persons),
        ("figures-contacts", f.contacts),
        ("figures-hours", f.contact_minutes / 60),
        ("figures-referrals", f.referrals),
        ("figures-children-followed", f.children_followed),
        ("figures-stayed", f.stayed_in_school),
        ("figures-no-consent", f.no_consent_families),
    ]
    .into_iter()
    .map(|(key, n)| Figure {
        label: t(key),
        value: text(shown.one(n)),
    })
    .collect();
    let values: Vec<i64> = f.contacts_by_area.iter().map(|p| p.1).collect();
    let areas = Table {
        id: format!("{id}-areas"),
        caption: t("figures-by-area"),
        columns: vec![t("stats-col-item"), t("figures-contacts")],
        rows: f
            .contacts_by_area
            .iter()
            .zip(shown.breakdown(&values))
            .map(|((k, _), p)| {
                vec![
                    Cell::Text(t(domain::mediation::ContactArea::label_key_of(k))),
                    published_cell(p),
                ]
            })
            .collect(),
        row_headers: true,
    };
    let statuses: Vec<i64> = f.referrals_by_status.iter().map(|p| p.1).collect();
    let referrals = Table {
        id: format!("{id}-referrals"),
        caption: t("figures-by-status"),
        columns: vec![t("stats-col-item"), t("figures-referrals")],
        rows: f
            .referrals_by_status
            .iter()
            .zip(shown.breakdown(&statuses))
            .map(|((k, _), p)| {
                vec![
                    Cell::Text(t(domain::mediation::ReferralStatus::label_key_of(k))),
                    published_cell(p),
                ]
            })
            .collect(),
        row_headers: true,
    };
    let by_service = referral_tables(lang, f, id, &shown);
    let breakdown =
        |suffix: &str, caption: &str, first: &str, rows: &[store::mediation_stats::Row]| Table {
            id: format!("{id}-{suffix}"),
            caption: t(caption),
            columns: vec![
                t(first),
                t("figures-families"),
                t("figures-persons"),
                t("figures-contacts"),
                t("figures-referrals"),
            ],
            rows: shown
                .rows(rows)
                .into_iter()
                .map(|(label, v)| {
                    let mut row = vec![Cell::Text(label)];
                    row.extend(v.into_iter().map(published_cell));
                    row
                })
                .collect(),
            row_headers: true,
        };
    let mut blocks = vec![
        Block::Figures { items },
        Block::Chart {
            table: areas,
            column: 1,
        },
        Block::Table { table: referrals },
    ];
    blocks.extend(by_service.into_iter().map(|table| Block::Table { table }));
    if municipalities {
        blocks.push(Block::Table {
            table: breakdown(
                "municipalities",
                "figures-by-municipality",
                "field-territory",
                &f.by_municipality,
            ),
        });
    }
    if periods {
        blocks.push(Block::Table {
            table: breakdown(
                "periods",
                "figures-by-period",
                "figures-period",
                &f.by_period,
            ),
        });
    }
    blocks
}

/// Referrals by the service of the directory they name and by its area (issue 21): the
/// tables, under the same control as the other figures.
pub(crate) fn referral_tables(
    lang: crate::i18n::Lang,
    f: &Figures,
    id: &str,
    shown: &Shown,
) -> Vec<documents::report::Table> {
    use documents::report::Table;
    use documents::table::Cell;
    let t = |key: &str| crate::i18n::t(lang, key);
    let table = |suffix: &str,
                 caption: &str,
                 first: &str,
                 pairs: &[(String, i64)],
                 label: &dyn Fn(&str) -> String| {
        let values: Vec<i64> = pairs.iter().map(|p| p.1).collect();
        Table {
            id: format!("{id}-{suffix}"),
            caption: t(caption),
            columns: vec![t(first), t("figures-referrals")],
            rows: pairs
                .iter()
                .zip(shown.breakdown(&values))
                .map(|((k, _), p)| vec![Cell::Text(label(k)), published_cell(p)])
                .collect(),
            row_headers: true,
        }
    };
    let outside = t("figures-no-service");
    let others = t("figures-other-services");
    let by_service = services_shown(&f.referrals_by_service, shown.exact);
    let mut out = Vec::new();
    if !by_service.is_empty() {
        out.push(table(
            "services",
            "figures-by-service",
            "figures-col-service",
            &by_service,
            &|k: &str| match k {
                "" => outside.clone(),
                OTHER_SERVICES => others.clone(),
                _ => k.to_owned(),
            },
        ));
        out.push(table(
            "service-areas",
            "figures-by-service-area",
            "need-area",
            &f.referrals_by_service_area,
            &|k: &str| {
                if k.is_empty() {
                    outside.clone()
                } else {
                    t(domain::event::Objective::label_key_of(k))
                }
            },
        ));
    }
    out
}

/// The key under which controlled figures put the services of the directory with fewer
/// referrals than the threshold.
pub(crate) const OTHER_SERVICES: &str = "\u{1}other";

/// Referrals by service as a reader may see them: exact, every service named; under
/// disclosure control, a service is named only when ten or more referrals name it (a row
/// of its own, even withheld, would tell that some family was sent there) — the rest
/// together as "other services of the directory".
pub(crate) fn services_shown(rows: &[(String, i64)], exact: bool) -> Vec<(String, i64)> {
    if exact {
        return rows.to_vec();
    }
    let threshold = 10;
    let mut out: Vec<(String, i64)> = Vec::new();
    let mut rest = 0;
    let mut outside = None;
    for (k, n) in rows {
        if k.is_empty() {
            outside = Some(*n);
        } else if *n >= threshold {
            out.push((k.clone(), *n));
        } else {
            rest += n;
        }
    }
    if rest > 0 {
        out.push((OTHER_SERVICES.to_owned(), rest));
    }
    if let Some(n) = outside {
        out.push((String::new(), n));
    }
    out
}

//! Mediation's aggregate figures: the page (`/{lang}/mediation/figures`) and the API
//! (`GET /api/v1/statistics/mediation`). A mediator sees their own families' figures, a
//! municipality its own, everyone else all municipalities; only the mediator and the
//! supervisor see exact counts — everyone else gets them through the disclosure control of
//! `domain::participation` (1–9 as "<10", secondary suppression, rounding to 5, shares only
//! over 20). Counting is in `store::mediation_stats`; no case is ever shown here.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use domain::auth::{Permission, Role};
use domain::participation::Published;
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::figures::mediation::{Shown, report_blocks};
use crate::http::error::AppResult;
use crate::http::forms::FormErrors;
use crate::page::PageCtx;
use crate::principal::CurrentUser;
use store::mediation_stats::{FigureFilter, FigureScope, Figures, Grouping};

#[derive(Debug, Default, Clone, Deserialize)]
pub struct FiguresQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    territory: String,
    #[serde(default)]
    group: String,
}

/// Whose figures the user sees, and whether exactly.
async fn scope_of(state: &AppState, user: &CurrentUser) -> AppResult<(FigureScope, bool)> {
    user.require(Permission::ViewMediationFigures)?;
    if user.can(Permission::WorkCases) {
        return Ok((FigureScope::Mediator(user.id), true));
    }
    // A supervisor sees the families they supervise exactly (and nothing else here).
    if user.can(Permission::ManageMediation)
        && store::mediation_stats::is_supervisor(state.db(), user.id, state.today()).await?
    {
        return Ok((FigureScope::Supervised(user.id, state.today()), true));
    }
    if user.role == Role::Municipality {
        let territory = match user.organisation_id {
            Some(o) => store::organisations::get(state.db(), o).await?.territory_id,
            None => None,
        };
        return Ok((
            territory.map_or(FigureScope::Nothing, FigureScope::Territory),
            false,
        ));
    }
    Ok((FigureScope::All, false))
}

fn parse(q: &FiguresQuery, today: Date) -> (FigureFilter, FormErrors) {
    let mut errors = FormErrors::default();
    let (from, to) = crate::figures::period(&q.from, &q.to, today, &mut errors);
    let territory_id = match q.territory.trim() {
        "" => None,
        t => t.parse::<i64>().ok().filter(|i| *i > 0).or_else(|| {
            errors.add("territory", "territory-invalid");
            None
        }),
    };
    let grouping = match q.group.trim() {
        "" => Grouping::Month,
        g => Grouping::parse(g).unwrap_or_else(|| {
            errors.add("group", "reg-choice-invalid");
            Grouping::Month
        }),
    };
    (
        FigureFilter {
            from,
            to,
            territory_id,
            mediator_user_id: None,
            grouping,
        },
        errors,
    )
}

/// Under disclosure control a period covers whole months (from the first of `from`'s month to
/// the last of `to`'s), so that periods differing by a day cannot single out a family.
fn whole_months(f: &mut FigureFilter) {
    f.from = f.from.first_of_month();
    f.to = f.to.last_of_month();
}

/// A small table as shown: (caption, first column's heading, rows of label and count).
type ShownTable = (String, String, Vec<(String, String)>);

#[derive(Template)]
#[template(path = "mediation/figures.html")]
struct FiguresPage {
    ctx: PageCtx,
    q: FiguresQuery,
    errors: FormErrors,
    exact: bool,
    scope_all: bool,
    territories: Vec<(i64, String)>,
    from: Date,
    to: Date,
    key: Vec<(&'static str, String)>,
    areas: Vec<(&'static str, String)>,
    statuses: Vec<(&'static str, String)>,
    /// Referrals by the directory's service and by its area (caption, rows of label and
    /// count as shown).
    by_service: Vec<ShownTable>,
    stayed_share: Option<i64>,
    no_consent: String,
    /// Breakdowns by municipality, period and (for the supervisor) mediator: the caption's
    /// and the first column's message ids, and the rows.
    tables: Vec<Table>,
}

type Table = (&'static str, &'static str, Vec<(String, [String; 4])>);

impl FiguresPage {
    /// The year of the report offered: the period's last year, not after this one.
    fn report_year(&self) -> String {
        self.to.year().to_string()
    }
}

fn texts(rows: Vec<(String, [Published; 4])>) -> Vec<(String, [String; 4])> {
    rows.into_iter()
        .map(|(l, v)| (l, v.map(Published::text)))
        .collect()
}

/// "Skaitļi": the aggregate figures for the user's scope.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<FiguresQuery>,
) -> AppResult<Html<String>> {
    let (scope, exact) = scope_of(&state, &user).await?;
    let (mut filter, errors) = parse(&q, state.today());
    if !exact {
        whole_months(&mut filter);
    }
    let f = store::mediation_stats::figures(state.db(), scope, &filter).await?;
    let shown = Shown { exact };
    let number = |p: Published| match p {
        Published::Rounded(n) if exact => ctx.number(&n),
        p => p.text(),
    };
    let key = vec![
        ("figures-families", number(shown.one(f.families))),
        ("figures-persons", number(shown.one(f.persons))),
        ("figures-contacts", number(shown.one(f.contacts))),
        ("figures-hours", number(shown.one(f.contact_minutes / 60))),
        ("figures-referrals", number(shown.one(f.referrals))),
        (
            "figures-children-followed",
            number(shown.one(f.children_followed)),
        ),
        ("figures-stayed", number(shown.one(f.stayed_in_school))),
    ];
    let cells = |pairs: &[(String, i64)], group: &str| -> Vec<(&'static str, String)> {
        let values: Vec<i64> = pairs.iter().map(|p| p.1).collect();
        pairs
            .iter()
            .zip(shown.breakdown(&values))
            .map(|((k, _), p)| {
                let label = if group == "area" {
                    domain::mediation::ContactArea::label_key_of(k)
                } else {
                    domain::mediation::ReferralStatus::label_key_of(k)
                };
                (label, number(p))
            })
            .collect()
    };
    let by_service = crate::figures::mediation::referral_tables(ctx.lang, &f, "page", &shown)
        .into_iter()
        .map(|t| {
            let rows = t
                .rows
                .into_iter()
                .map(|r| {
                    let mut cells = r.into_iter().map(|c| match c {
                        documents::table::Cell::Text(s) => s,
                        other => other.shown(ctx.lang.code()),
                    });
                    (
                        cells.next().unwrap_or_default(),
                        cells.next().unwrap_or_default(),
                    )
                })
                .collect();
            let first = t.columns.first().cloned().unwrap_or_default();
            (t.caption, first, rows)
        })
        .collect();
    let p = FiguresPage {
        by_service,
        areas: cells(&f.contacts_by_area, "area"),
        statuses: cells(&f.referrals_by_status, "status"),
        stayed_share: shown.share(f.stayed_in_school, f.children_followed),
        no_consent: number(shown.one(f.no_consent_families)),
        tables: vec![
            (
                "figures-by-municipality",
                "field-territory",
                texts(shown.rows(&f.by_municipality)),
            ),
            (
                "figures-by-period",
                "figures-period",
                texts(shown.rows(&f.by_period)),
            ),
            (
                "figures-by-mediator",
                "assignment-mediator",
                if matches!(scope, FigureScope::Supervised(..)) {
                    texts(shown.rows(&f.by_mediator))
                } else {
                    Vec::new()
                },
            ),
        ],
        key,
        exact,
        scope_all: matches!(scope, FigureScope::All | FigureScope::Supervised(..)),
        territories: store::mediation_stats::territories(state.db()).await?,
        from: filter.from,
        to: filter.to,
        q,
        errors,
        ctx,
    };
    Ok(Html(p.render()?))
}

fn json_rows(shown: &Shown, rows: &[store::mediation_stats::Row]) -> serde_json::Value {
    shown
        .rows(rows)
        .into_iter()
        .zip(rows)
        .map(|((label, v), r)| {
            serde_json::json!({
                "key": r.key,
                "name": label,
                "families": v[0].value(),
                "persons": v[1].value(),
                "contacts": v[2].value(),
                "referrals": v[3].value(),
            })
        })
        .collect()
}

/// Mediation figures
///
/// Counts of families, contacts and results per period, for those who may see mediation
/// figures; numbers under the publication threshold are hidden. Never a family, a name or a
/// note.
#[utoipa::path(
    get, path = "/api/v1/statistics/mediation", operation_id = "mediationStatistics", tag = "Mediation",
    params(
        ("from" = Option<String>, Query, description = "First day (YYYY-MM-DD); default 1 January of this year"),
        ("to" = Option<String>, Query, description = "Last day (YYYY-MM-DD); default 31 December of this year"),
        ("territory" = Option<i64>, Query, description = "Only families in this municipality (within what the caller may see)"),
        ("group" = Option<String>, Query, description = "by_period rows per month (default), quarter or year"),
    ),
    responses(
        (status = 200, description = "families, persons, contacts, contact_hours, contacts_by_area, referrals, referrals_by_status, referrals_by_service (by the Latvian title of the directory's service; \"\": referrals naming none), referrals_by_service_area (by the service's EU objective area; \"\": none), children_followed, stayed_in_school, no_consent_families, by_municipality, by_period (and by_mediator for the supervisor). Counts are exact for a mediator (their own families) and the supervisor; for everyone else under disclosure control: a withheld count (1–9, or hidden so it cannot be recomputed) is null, others are rounded to 5; `disclosure_control` says which.", body = Object),
        (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 403, body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
pub async fn api(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<FiguresQuery>,
) -> AppResult<Response> {
    let (scope, exact) = scope_of(&state, &user).await?;
    let (mut filter, errors) = parse(&q, state.today());
    if !errors.is_empty() {
        return Ok(crate::http::problem::invalid(&errors));
    }
    if !exact {
        whole_months(&mut filter);
    }
    let f: Figures = store::mediation_stats::figures(state.db(), scope, &filter).await?;
    let shown = Shown { exact };
    let pairs = |pairs: &[(String, i64)]| -> serde_json::Value {
        let values: Vec<i64> = pairs.iter().map(|p| p.1).collect();
        pairs
            .iter()
            .zip(shown.breakdown(&values))
            .map(|((k, _), p)| (k.clone(), serde_json::json!(p.value())))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let mut body = serde_json::json!({
        "from": filter.from.to_string(),
        "to": filter.to.to_string(),
        "disclosure_control": !exact,
        "families": shown.one(f.families).value(),
        "persons": shown.one(f.persons).value(),
        "contacts": shown.one(f.contacts).value(),
        "contact_hours": shown.one(f.contact_minutes / 60).value(),
        "contacts_by_area": pairs(&f.contacts_by_area),
        "referrals": shown.one(f.referrals).value(),
        "referrals_by_status": pairs(&f.referrals_by_status),
        // Under control, services with fewer than ten referrals are together under
        // "other" (the key of the directory's other services), referrals naming none under "".
        "referrals_by_service": pairs(
            &crate::figures::mediation::services_shown(&f.referrals_by_service, exact)
                .into_iter()
                .map(|(k, n)| {
                    let k = if k == crate::figures::mediation::OTHER_SERVICES {
                        "other".to_owned()
                    } else {
                        k
                    };
                    (k, n)
                })
                .collect::<Vec<_>>()
        ),
        "referrals_by_service_area": pairs(&f.referrals_by_service_area),
        "children_followed": shown.one(f.children_followed).value(),
        "stayed_in_school": shown.one(f.stayed_in_school).value(),
        "no_consent_families": shown.one(f.no_consent_families).value(),
        "by_municipality": json_rows(&shown, &f.by_municipality),
        "by_period": json_rows(&shown, &f.by_period),
    });
    if matches!(scope, FigureScope::Supervised(..)) {
        body["by_mediator"] = json_rows(&shown, &f.by_mediator);
    }
    Ok(Json(body).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    year: String,
    #[serde(default)]
    format: String,
}

/// `GET /{lang}/mediation/figures/report?year=&format=`: the year's mediation figures for
/// the reader's scope as a report file (PDF, DOCX, XLSX or HTML) — the mediator's annual
/// report of their own work (exact), the municipality's view of its mediation (under
/// disclosure control), or all municipalities for coordinators. The same figures as the
/// figures page; never a case.
pub async fn report(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<ReportQuery>,
) -> AppResult<Response> {
    let (scope, exact) = scope_of(&state, &user).await?;
    let this_year = state.today().year();
    let year = q
        .year
        .trim()
        .parse::<i16>()
        .ok()
        // The page may offer next year's (a period reaching into it): an empty report then.
        .filter(|y| (2020..=this_year + 1).contains(y))
        .ok_or(crate::http::error::AppError::NotFound)?;
    let f = store::mediation_stats::figures(
        state.db(),
        scope,
        &FigureFilter {
            from: jiff::civil::date(year, 1, 1),
            to: jiff::civil::date(year, 12, 31),
            territory_id: None,
            mediator_user_id: None,
            grouping: Grouping::Month,
        },
    )
    .await?;
    let lang = ctx.lang;
    let t = |key: &str| crate::i18n::t(lang, key);
    let (title, whose) = match scope {
        FigureScope::Mediator(_) => ("figures-report-mediator", user.name.clone()),
        FigureScope::Territory(id) => (
            "figures-report-municipality",
            store::territories::get(state.db(), id)
                .await
                .map(|t| t.name(lang.code()).to_owned())
                .unwrap_or_default(),
        ),
        FigureScope::Supervised(..) => ("figures-report-supervised", user.name.clone()),
        _ => ("figures-report-all", String::new()),
    };
    let subtitle = if whose.is_empty() {
        year.to_string()
    } else {
        format!("{year} · {whose}")
    };
    let report = documents::report::Report {
        lang: lang.code().to_owned(),
        title: t(title),
        subtitle,
        publisher: t("report-publisher"),
        status: crate::i18n::t_args(
            lang,
            "figures-report-made",
            &[(
                "date",
                fluent_bundle::FluentValue::from(crate::i18n::date(
                    lang,
                    jiff::Timestamp::from_second(state.now())
                        .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
                )),
            )],
        ),
        notes: vec![
            t(if exact {
                "figures-exact-intro"
            } else {
                "figures-controlled-intro"
            }),
            t("figures-definitions"),
        ],
        sections: vec![documents::report::Section {
            id: "mediation".to_owned(),
            heading: t("figures-title"),
            blocks: report_blocks(
                lang,
                &f,
                "mediation",
                exact,
                matches!(scope, FigureScope::All | FigureScope::Supervised(..)),
                true,
            ),
        }],
    };
    crate::http::report_file::report_file(
        report,
        &q.format,
        state.today(),
        &format!("mediation-{year}"),
    )
    .await
}

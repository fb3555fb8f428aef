//! Participation statistics: the coordinators' page with exact counts (tables, SVG charts,
//! CSV and XLSX), the public page with the same figures under disclosure control, and the
//! JSON API. The counting is in `store::statistics`; the disclosure rules in
//! `domain::participation`.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use documents::table::Cell;
use domain::auth::Permission;
use domain::event::{EventType, TARGET_GROUPS, TargetGroup};
use domain::participation::publish_one;
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::figures::participation::{Breakdown, breakdowns};
use crate::figures::period;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::FormErrors;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

/// The filter as typed (kept as typed when it is wrong).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct StatsQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub event_type: String,
    #[serde(default)]
    pub series: String,
    #[serde(default)]
    pub territory: String,
    #[serde(default)]
    pub target_group: String,
    #[serde(default)]
    pub format: String,
}

fn parse(q: &StatsQuery, today: Date, public: bool) -> (store::statistics::Filter, FormErrors) {
    let mut errors = FormErrors::default();
    let (from, to) = period(&q.from, &q.to, today, &mut errors);
    let event_type = match q.event_type.trim() {
        "" => None,
        t => EventType::parse(t).or_else(|| {
            errors.add("event_type", "reg-choice-invalid");
            None
        }),
    };
    let territory_id = match q.territory.trim() {
        "" => None,
        t => t.parse::<i64>().ok().filter(|i| *i > 0).or_else(|| {
            errors.add("territory", "territory-invalid");
            None
        }),
    };
    let target_group = match q.target_group.trim() {
        "" => None,
        g if TARGET_GROUPS.contains(&g) => Some(g.to_owned()),
        _ => {
            errors.add("target_group", "reg-choice-invalid");
            None
        }
    };
    let series =
        Some(q.series.trim().chars().take(200).collect::<String>()).filter(|s| !s.is_empty());
    (
        store::statistics::Filter {
            from,
            to,
            event_type,
            series,
            territory_id,
            target_group,
            public_only: public,
            event_id: None,
        },
        errors,
    )
}

#[derive(Template)]
#[template(path = "statistics/participation.html")]
struct StatsPage {
    ctx: PageCtx,
    public: bool,
    q: StatsQuery,
    errors: FormErrors,
    from: String,
    to: String,
    totals: Vec<(&'static str, String)>,
    breakdowns: Vec<Breakdown>,
    youth: domain::participation::Youth,
    event_types: &'static [EventType],
    target_groups: &'static [&'static str],
    series: Vec<String>,
    units: Vec<(i64, String)>,
    export_query: String,
    /// Needs and questions raised in the period (issue 21): the key figures, then the
    /// tables by area and by planning region (exact for coordinators, else controlled).
    needs_figures: Vec<documents::report::Figure>,
    needs_tables: Vec<documents::report::Table>,
    /// What the needs figures count.
    needs_note: String,
}

impl StatsPage {
    fn youth_range(&self) -> String {
        format!("{}–{}", self.youth.min, self.youth.max)
    }

    fn type_label(&self, t: &EventType) -> &'static str {
        t.label_key()
    }

    fn target_label(&self, g: &str) -> &'static str {
        TargetGroup::label_key_of(g)
    }

    fn base(&self) -> &'static str {
        if self.public {
            "/participation"
        } else {
            "/statistics"
        }
    }
}

fn query_string(f: &store::statistics::Filter) -> String {
    let mut pairs = url::form_urlencoded::Serializer::new(String::new());
    pairs.append_pair("from", &f.from.to_string());
    pairs.append_pair("to", &f.to.to_string());
    if let Some(t) = f.event_type {
        pairs.append_pair("event_type", t.as_str());
    }
    if let Some(s) = &f.series {
        pairs.append_pair("series", s);
    }
    if let Some(t) = f.territory_id {
        pairs.append_pair("territory", &t.to_string());
    }
    if let Some(g) = &f.target_group {
        pairs.append_pair("target_group", g);
    }
    pairs.finish()
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    q: StatsQuery,
    public: bool,
) -> AppResult<Html<String>> {
    let (filter, errors) = parse(&q, state.today(), public);
    let youth = state.settings().youth();
    let p = store::statistics::participation(state.db(), &filter, youth).await?;
    let show = |n: i64| {
        if public {
            publish_one(n).text()
        } else {
            ctx.number(&n)
        }
    };
    let totals = vec![
        ("stats-events", ctx.number(&p.events)),
        ("stats-participations", show(p.participations)),
        ("stats-participants", show(p.participants)),
        ("stats-youth", show(p.youth)),
        ("stats-places", ctx.number(&p.latvian_places)),
    ];
    let breakdowns = breakdowns(ctx.lang, &p, public);
    let units = store::territories::units_on(state.db(), state.today())
        .await?
        .into_iter()
        .map(|t| {
            let name = match (ctx.lang.code(), &t.name_en) {
                ("en", Some(n)) => n.clone(),
                _ => t.name_lv.clone(),
            };
            (t.id, name)
        })
        .collect();
    let mut needs_figures = Vec::new();
    let mut needs_tables = Vec::new();
    let mut needs_note = String::new();
    let needs = store::needs::figures(state.db(), filter.from, filter.to).await?;
    let held = store::consultations::held(state.db(), filter.from, filter.to).await?;
    for b in crate::figures::needs::blocks(ctx.lang, &needs, held, "needs", !public) {
        match b {
            documents::report::Block::Figures { items } => needs_figures = items,
            documents::report::Block::Table { table } => needs_tables.push(table),
            documents::report::Block::Text { text } => needs_note = text,
            _ => {}
        }
    }
    Ok(Html(
        StatsPage {
            needs_figures,
            needs_tables,
            needs_note,
            from: filter.from.to_string(),
            to: filter.to.to_string(),
            export_query: query_string(&filter),
            series: store::statistics::series(state.db(), public).await?,
            ctx,
            public,
            q,
            errors,
            totals,
            breakdowns,
            youth,
            event_types: &EventType::ALL,
            target_groups: TARGET_GROUPS,
            units,
        }
        .render()?,
    ))
}

/// The coordinators' statistics: exact counts.
pub async fn coordinator_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<StatsQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewStatistics)?;
    page(&state, ctx, q, false).await
}

/// The public statistics: public events only, with disclosure control.
pub async fn public_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(q): Query<StatsQuery>,
) -> AppResult<Html<String>> {
    page(&state, ctx, q, true).await
}

/// The coordinators' figures as CSV or XLSX (no personal data: counts only).
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<StatsQuery>,
) -> AppResult<Response> {
    user.require(Permission::ViewStatistics)?;
    let (filter, errors) = parse(&q, state.today(), false);
    if !errors.is_empty() {
        return Err(AppError::BadRequest);
    }
    let p = store::statistics::participation(state.db(), &filter, state.settings().youth()).await?;
    let header_ids = [
        "stats-col-measure",
        "stats-col-item",
        "stats-col-count",
        "stats-places",
    ];
    let header: Vec<String> = header_ids.iter().map(|h| ctx.t(h)).collect();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let num = |n: i64| Cell::Number(n as f64);
    for (id, v) in [
        ("stats-events", p.events),
        ("stats-participations", p.participations),
        ("stats-participants", p.participants),
        ("stats-youth", p.youth),
        ("stats-places", p.latvian_places),
    ] {
        rows.push(vec![
            Cell::Text(ctx.t(id)),
            Cell::Text(String::new()),
            num(v),
            Cell::Text(String::new()),
        ]);
    }
    for b in breakdowns(ctx.lang, &p, false) {
        for l in &b.lines {
            rows.push(vec![
                Cell::Text(ctx.t(b.title)),
                Cell::Text(ctx.t(l.label)),
                l.cell.clone(),
                l.places_cell.clone().unwrap_or(Cell::Text(String::new())),
            ]);
        }
    }
    let base = format!("participation-{}-{}", filter.from, filter.to);
    crate::http::tables::list_file(&q.format, "participation", &base, &header, &rows)
}

/// Participation figures
///
/// Exact counts of participants, each person counted once, by stakeholder type, gender, age
/// group, Roma identity and place, for coordinators (the public page hides small numbers).
#[utoipa::path(
    get, path = "/api/v1/statistics/participation", operation_id = "participationStatistics", tag = "Events",
    params(
        ("from" = Option<String>, Query, description = "First day (YYYY-MM-DD, Riga); default 1 January of this year"),
        ("to" = Option<String>, Query, description = "Last day (YYYY-MM-DD); default 31 December of this year"),
        ("event_type" = Option<String>, Query, description = "Only events of this type"),
        ("series" = Option<String>, Query, description = "Only events of this series"),
        ("territory" = Option<i64>, Query, description = "Only events in this place or the unit it lies in"),
        ("target_group" = Option<String>, Query, description = "roma_youth, roma_women or mixed"),
    ),
    responses(
        (status = 200, description = "events, participations, participants (distinct people), by_category, by_gender, by_age_group, youth, youth_definition, roma_self_identified, latvian_places, latvian_places_by_category", body = Object),
        (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 403, body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
pub async fn api(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<StatsQuery>,
) -> AppResult<Response> {
    user.require(Permission::ViewStatistics)?;
    let (filter, errors) = parse(&q, state.today(), false);
    if !errors.is_empty() {
        return Ok(crate::http::problem::invalid(&errors));
    }
    let youth = state.settings().youth();
    let p = store::statistics::participation(state.db(), &filter, youth).await?;
    Ok(Json(serde_json::json!({
        "from": filter.from.to_string(),
        "to": filter.to.to_string(),
        "event_type": filter.event_type.map(|t| t.as_str()),
        "series": filter.series,
        "territory": filter.territory_id,
        "events": p.events,
        "participations": p.participations,
        "participants": p.participants,
        "by_category": p.by_category,
        "by_gender": p.by_gender,
        "by_age_group": p.by_age_group,
        "youth": p.youth,
        "youth_definition": {
            "min_age": youth.min,
            "max_age": youth.max,
            "method": "age in years when known; otherwise only an age group wholly inside the range",
        },
        "roma_self_identified": p.roma_self_identified,
        "latvian_places": p.latvian_places,
        "latvian_places_by_category": p.latvian_places_by_category,
    }))
    .into_response())
}

//! An indicator's page — baseline, target, the values year by year with the gap between
//! Roma and the general population and the path toward the target, as a chart with its
//! data table, and the history — and for coordinators the indicator form and new values.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::event::{OBJECTIVES, Objective};
use domain::plan::{Direction, EuGoal, eu_goal, format_value, gap, parse_value};
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;

use crate::features::plans::plan::{HistoryRow, history_rows};
use crate::http::forms::optional_id;
use crate::http::forms::{AppForm, FormErrors, parse_id, required_text, text_field, year_field};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// "50 (2025)": the latest value and its year, or a dash.
pub fn latest_text(i: &store::indicators::Indicator, lang: &str) -> String {
    i.latest()
        .map(|v| format!("{} ({})", format_value(v.value, lang), v.year))
        .unwrap_or_else(|| "—".to_owned())
}

/// "58 (2030)": the target and its year, or a dash.
pub fn target_text(i: &store::indicators::Indicator, lang: &str) -> String {
    match (i.target_value, i.target_year) {
        (Some(v), Some(y)) => format!("{} ({y})", format_value(v, lang)),
        (Some(v), None) => format_value(v, lang),
        _ => "—".to_owned(),
    }
}

fn value_field(raw: &str, field: &'static str, errors: &mut FormErrors) -> Option<f64> {
    match raw.trim() {
        "" => None,
        s => parse_value(s).or_else(|| {
            errors.add(field, "indicator-value-invalid");
            None
        }),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct IndicatorFields {
    #[serde(default)]
    measure_id: String,
    #[serde(default)]
    objective: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name_lv: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    unit_lv: String,
    #[serde(default)]
    unit_en: String,
    #[serde(default)]
    direction: String,
    #[serde(default)]
    baseline_value: String,
    #[serde(default)]
    baseline_general: String,
    #[serde(default)]
    baseline_year: String,
    #[serde(default)]
    target_value: String,
    #[serde(default)]
    target_year: String,
    #[serde(default)]
    source_lv: String,
    #[serde(default)]
    source_en: String,
    #[serde(default)]
    eu_target: String,
    #[serde(default)]
    reason: String,
    /// The version of the indicator the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}

fn shown(v: Option<f64>, lang: &str) -> String {
    v.map(|v| format_value(v, lang)).unwrap_or_default()
}

impl IndicatorFields {
    fn of(i: &store::indicators::Indicator, lang: &str) -> IndicatorFields {
        IndicatorFields {
            measure_id: i.measure_id.map(|m| m.to_string()).unwrap_or_default(),
            objective: i.objective.as_str().to_owned(),
            kind: i.kind.as_str().to_owned(),
            name_lv: i.name_lv.clone(),
            name_en: i.name_en.clone().unwrap_or_default(),
            unit_lv: i.unit_lv.clone(),
            unit_en: i.unit_en.clone().unwrap_or_default(),
            direction: i.direction.as_str().to_owned(),
            baseline_value: shown(i.baseline_value, lang),
            baseline_general: shown(i.baseline_general, lang),
            baseline_year: i.baseline_year.map(|y| y.to_string()).unwrap_or_default(),
            target_value: shown(i.target_value, lang),
            target_year: i.target_year.map(|y| y.to_string()).unwrap_or_default(),
            source_lv: i.source_lv.clone().unwrap_or_default(),
            source_en: i.source_en.clone().unwrap_or_default(),
            eu_target: i.eu_target.clone().unwrap_or_default(),
            reason: String::new(),
            version: String::new(),
        }
    }
}

fn validate(
    f: &IndicatorFields,
    measures: &[store::measures::Measure],
    targets: &[store::indicators::EuTarget],
    errors: &mut FormErrors,
) -> Option<store::indicators::IndicatorInput> {
    let measure = match optional_id(&f.measure_id) {
        Ok(None) => None,
        Ok(Some(m)) => match measures.iter().find(|x| x.id == m) {
            Some(x) => Some(x),
            None => {
                errors.add("measure_id", "reg-choice-invalid");
                None
            }
        },
        Err(_) => {
            errors.add("measure_id", "reg-choice-invalid");
            None
        }
    };
    let objective = measure
        .map(|m| m.objective)
        .or_else(|| domain::event::Objective::parse(&f.objective));
    if objective.is_none() {
        errors.add("objective", "reg-choice-invalid");
    }
    let kind = domain::plan::IndicatorKind::parse(&f.kind);
    if kind.is_none() {
        errors.add("kind", "reg-choice-invalid");
    }
    let direction = Direction::parse(&f.direction);
    if direction.is_none() {
        errors.add("direction", "reg-choice-invalid");
    }
    let name_lv = required_text(&f.name_lv, 500, "name_lv", "indicator-name-missing", errors);
    let name_en = text_field(&f.name_en, 500, "name_en", errors);
    let unit_lv = required_text(&f.unit_lv, 100, "unit_lv", "indicator-unit-missing", errors);
    let unit_en = text_field(&f.unit_en, 100, "unit_en", errors);
    let baseline_value = value_field(&f.baseline_value, "baseline_value", errors);
    let baseline_general = value_field(&f.baseline_general, "baseline_general", errors);
    let baseline_year = year_field(&f.baseline_year, "baseline_year", false, errors);
    let target_value = value_field(&f.target_value, "target_value", errors);
    let target_year = year_field(&f.target_year, "target_year", false, errors);
    if let (Some(b), Some(t)) = (baseline_year, target_year)
        && t < b
    {
        errors.add("target_year", "indicator-target-before-baseline");
    }
    let source_lv = text_field(&f.source_lv, 1000, "source_lv", errors);
    let source_en = text_field(&f.source_en, 1000, "source_en", errors);
    let eu_target = match f.eu_target.trim() {
        "" => None,
        t if targets.iter().any(|x| x.key == t) => Some(t.to_owned()),
        _ => {
            errors.add("eu_target", "reg-choice-invalid");
            None
        }
    };
    if !errors.is_empty() {
        return None;
    }
    Some(store::indicators::IndicatorInput {
        measure_id: measure.map(|m| m.id),
        objective: objective?,
        kind: kind?,
        name_lv,
        name_en,
        unit_lv,
        unit_en,
        direction: direction?,
        baseline_value,
        baseline_general,
        baseline_year,
        target_value,
        target_year,
        source_lv,
        source_en,
        eu_target,
    })
}

#[derive(Template)]
#[template(path = "plans/indicator_form.html")]
struct FormPage {
    ctx: PageCtx,
    plan: store::plans::Plan,
    id: Option<i64>,
    f: IndicatorFields,
    errors: FormErrors,
    measures: Vec<store::measures::Measure>,
    targets: Vec<store::indicators::EuTarget>,
    objectives: Vec<(&'static str, &'static str)>,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl FormPage {
    fn kind_key(&self, k: &str) -> &'static str {
        domain::plan::IndicatorKind::label_key_of(k)
    }

    fn direction_key(&self, d: &str) -> &'static str {
        domain::plan::Direction::label_key_of(d)
    }

    fn text_fields(&self) -> Vec<(&'static str, &'static str, String, &'static str, bool)> {
        let f = &self.f;
        vec![
            (
                "name_lv",
                "indicator-name-lv",
                f.name_lv.clone(),
                "text",
                false,
            ),
            (
                "name_en",
                "indicator-name-en",
                f.name_en.clone(),
                "text",
                true,
            ),
            (
                "unit_lv",
                "indicator-unit-lv",
                f.unit_lv.clone(),
                "text",
                false,
            ),
            (
                "unit_en",
                "indicator-unit-en",
                f.unit_en.clone(),
                "text",
                true,
            ),
            (
                "baseline_value",
                "indicator-baseline-value",
                f.baseline_value.clone(),
                "decimal",
                true,
            ),
            (
                "baseline_general",
                "indicator-baseline-general",
                f.baseline_general.clone(),
                "decimal",
                true,
            ),
            (
                "baseline_year",
                "indicator-baseline-year",
                f.baseline_year.clone(),
                "number",
                true,
            ),
            (
                "target_value",
                "indicator-target-value",
                f.target_value.clone(),
                "decimal",
                true,
            ),
            (
                "target_year",
                "indicator-target-year",
                f.target_year.clone(),
                "number",
                true,
            ),
            (
                "source_lv",
                "indicator-source-lv",
                f.source_lv.clone(),
                "text",
                true,
            ),
            (
                "source_en",
                "indicator-source-en",
                f.source_en.clone(),
                "text",
                true,
            ),
        ]
    }
}

async fn form_page(
    state: &AppState,
    ctx: PageCtx,
    plan_id: i64,
    id: Option<i64>,
    f: IndicatorFields,
    errors: FormErrors,
) -> AppResult<FormPage> {
    Ok(FormPage {
        plan: store::plans::get(state.db(), plan_id).await?,
        measures: store::measures::for_plan(state.db(), plan_id, None).await?,
        targets: store::indicators::eu_targets(state.db()).await?,
        objectives: OBJECTIVES
            .iter()
            .map(|&o| (o, Objective::label_key_of(o)))
            .collect(),
        stale: None,
        ctx,
        id,
        f,
        errors,
    })
}

#[derive(Debug, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    measure: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, plan)): Path<(String, String)>,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let plan = parse_id(&plan)?;
    let from_measure = !q.measure.trim().is_empty();
    let f = IndicatorFields {
        measure_id: q.measure.trim().to_owned(),
        kind: if from_measure { "output" } else { "outcome" }.to_owned(),
        direction: "higher".to_owned(),
        ..IndicatorFields::default()
    };
    let page = form_page(&state, ctx, plan, None, f, FormErrors::default()).await?;
    Ok(Html(page.render()?))
}

fn conflict_field(errors: &mut FormErrors, what: store::Conflict) {
    match what {
        store::Conflict::Plans(store::PlanConflict::Reason) => {
            errors.add("reason", "plan-reason-missing")
        }
        store::Conflict::Plans(store::PlanConflict::EuTarget) => {
            errors.add("eu_target", "reg-choice-invalid")
        }
        _ => errors.add("measure_id", "reg-choice-invalid"),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, plan)): Path<(String, String)>,
    AppForm(f): AppForm<IndicatorFields>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let plan = parse_id(&plan)?;
    let page = form_page(&state, ctx.clone(), plan, None, f, FormErrors::default()).await?;
    let mut errors = FormErrors::default();
    if let Some(input) = validate(&page.f, &page.measures, &page.targets, &mut errors) {
        match store::indicators::create(state.db(), state.now(), &user.actor(ip), plan, &input)
            .await
        {
            Ok(id) => {
                return Ok(Redirect::to(&ctx.href(&format!("/indicators/{id}"))).into_response());
            }
            Err(store::Error::Conflict(what)) => conflict_field(&mut errors, what),
            Err(e) => return Err(e.into()),
        }
    }
    let page = FormPage { errors, ..page };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    // The version before the record: a save in between then shows as stale, never lost.
    let version = store::versions::current(state.db(), "indicators", id).await?;
    let i = store::indicators::get(state.db(), id).await?;
    let mut f = IndicatorFields::of(&i, ctx.lang.code());
    f.version = version.to_string();
    let page = form_page(&state, ctx, i.plan_id, Some(id), f, FormErrors::default()).await?;
    Ok(Html(page.render()?))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<IndicatorFields>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    let i = store::indicators::get(state.db(), id).await?;
    let page = form_page(
        &state,
        ctx.clone(),
        i.plan_id,
        Some(id),
        f,
        FormErrors::default(),
    )
    .await?;
    let mut errors = FormErrors::default();
    if let Some(input) = validate(&page.f, &page.measures, &page.targets, &mut errors) {
        match store::indicators::update_checked(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            &input,
            &page.f.reason,
            crate::http::stale::version(&page.f.version),
        )
        .await
        {
            Ok(()) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/indicators/{id}?notice=saved")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => return stale_page(&state, page, &i, errors).await,
            Err(store::Error::Conflict(what)) => conflict_field(&mut errors, what),
            Err(e) => return Err(e.into()),
        }
    }
    let page = FormPage { errors, ..page };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// The form again after someone saved the indicator since it was loaded: what was typed,
/// what differs in the stored indicator now (in words), and the current version.
async fn stale_page(
    state: &AppState,
    mut page: FormPage,
    loaded: &store::indicators::Indicator,
    errors: FormErrors,
) -> AppResult<Response> {
    use crate::http::stale::{Stale, plain};
    let version = store::versions::current(state.db(), "indicators", loaded.id).await?;
    let i = store::indicators::get(state.db(), loaded.id).await?;
    let lang = page.ctx.lang.code();
    let stored = IndicatorFields::of(&i, lang);
    let ctx = &page.ctx;
    let f = &page.f;
    let measure = page
        .measures
        .iter()
        .find(|m| Some(m.id) == i.measure_id)
        .map(|m| format!("{} {}", m.code, m.title(lang)))
        .unwrap_or_default();
    let target = page
        .targets
        .iter()
        .find(|t| Some(&t.key) == i.eu_target.as_ref())
        .map(|t| t.wording(lang).to_owned())
        .unwrap_or_default();
    let stale = Stale::compare(vec![
        (
            "indicator-kind",
            &f.kind,
            &stored.kind,
            ctx.t(domain::plan::IndicatorKind::label_key_of(&stored.kind)),
        ),
        (
            "indicator-measure",
            &f.measure_id,
            &stored.measure_id,
            measure,
        ),
        (
            "plan-objective",
            &f.objective,
            &stored.objective,
            ctx.t(Objective::label_key_of(&stored.objective)),
        ),
        plain("indicator-name-lv", &f.name_lv, &stored.name_lv),
        plain("indicator-name-en", &f.name_en, &stored.name_en),
        plain("indicator-unit-lv", &f.unit_lv, &stored.unit_lv),
        plain("indicator-unit-en", &f.unit_en, &stored.unit_en),
        (
            "indicator-direction",
            &f.direction,
            &stored.direction,
            ctx.t(Direction::label_key_of(&stored.direction)),
        ),
        plain(
            "indicator-baseline-value",
            &f.baseline_value,
            &stored.baseline_value,
        ),
        plain(
            "indicator-baseline-general",
            &f.baseline_general,
            &stored.baseline_general,
        ),
        plain(
            "indicator-baseline-year",
            &f.baseline_year,
            &stored.baseline_year,
        ),
        plain(
            "indicator-target-value",
            &f.target_value,
            &stored.target_value,
        ),
        plain("indicator-target-year", &f.target_year, &stored.target_year),
        plain("indicator-source-lv", &f.source_lv, &stored.source_lv),
        plain("indicator-source-en", &f.source_en, &stored.source_en),
        (
            "indicator-eu-target",
            &f.eu_target,
            &stored.eu_target,
            target,
        ),
    ]);
    page.f.version = version.to_string();
    page.stale = Some(stale);
    page.errors = errors;
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

/// One row of the values table: the baseline, then each year.
#[derive(Debug)]
pub struct Row {
    pub label: String,
    pub value: String,
    pub general: String,
    pub gap: String,
    /// The gap's change since the baseline, signed ("+2", "−3,5").
    pub gap_change: String,
    /// The share of the way from baseline to target, in per cent.
    pub progress: String,
}

/// The values table and the chart of an indicator, in the page's language.
pub fn rows(i: &store::indicators::Indicator, lang: &str, baseline_label: &str) -> Vec<Row> {
    let base_gap = match (i.baseline_value, i.baseline_general) {
        (Some(r), Some(g)) => Some(gap(i.direction, r, g)),
        _ => None,
    };
    let signed = |v: f64| {
        let s = format_value(v.abs(), lang);
        if v > 0.0 && s != "0" {
            format!("+{s}")
        } else if v < 0.0 && s != "0" {
            format!("\u{2212}{s}")
        } else {
            s
        }
    };
    let mut out = Vec::new();
    if let Some(b) = i.baseline_value {
        out.push(Row {
            label: match i.baseline_year {
                Some(y) => format!("{y} ({baseline_label})"),
                None => baseline_label.to_owned(),
            },
            value: format_value(b, lang),
            general: shown(i.baseline_general, lang),
            gap: base_gap.map(|g| format_value(g, lang)).unwrap_or_default(),
            gap_change: String::new(),
            progress: String::new(),
        });
    }
    for v in &i.values {
        let g = v
            .general_value
            .map(|general| gap(i.direction, v.value, general));
        let progress = match (i.baseline_value, i.target_value) {
            (Some(b), Some(t)) => domain::plan::progress(b, t, v.value)
                .map(|p| format!("{} %", format_value(p * 100.0, lang)))
                .unwrap_or_default(),
            _ => String::new(),
        };
        out.push(Row {
            label: v.year.to_string(),
            value: format_value(v.value, lang),
            general: shown(v.general_value, lang),
            gap: g.map(|g| format_value(g, lang)).unwrap_or_default(),
            gap_change: match (g, base_gap) {
                (Some(g), Some(b)) => signed(g - b),
                _ => String::new(),
            },
            progress,
        });
    }
    out
}

#[derive(Debug, Default, Deserialize)]
pub struct ValueFields {
    #[serde(default)]
    year: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    general_value: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    reason: String,
}

#[derive(Template)]
#[template(path = "plans/indicator.html")]
struct DetailPage {
    ctx: PageCtx,
    iv: IndicatorView,
    plan: store::plans::Plan,
    eu: Option<store::indicators::EuTarget>,
    history: Vec<HistoryRow>,
    manage: bool,
    notice: Option<&'static str>,
    errors: FormErrors,
    v: ValueFields,
}

impl DetailPage {
    fn kind_key(&self) -> &'static str {
        self.iv.i.kind.label_key()
    }

    fn direction_key(&self) -> &'static str {
        self.iv.i.direction.label_key()
    }

    fn eu_goal(&self) -> Option<String> {
        let eu = self.eu.as_ref()?;
        let lang = self.ctx.lang.code();
        let i = &self.iv.i;
        let goal = eu_goal(
            &eu.rule,
            eu.factor,
            i.direction,
            i.baseline_value,
            i.baseline_general,
        )?;
        Some(match goal {
            EuGoal::GapAtMost(v) => self.ctx.t1("eu-goal-gap", "value", format_value(v, lang)),
            EuGoal::AtMost(v) => self
                .ctx
                .t1("eu-goal-at-most", "value", format_value(v, lang)),
            EuGoal::AtLeast(v) => self
                .ctx
                .t1("eu-goal-at-least", "value", format_value(v, lang)),
        })
    }
}

/// An indicator as pages show it: its values table, the chart of the same values, and the
/// first planned target when it was re-planned.
#[derive(Debug)]
pub struct IndicatorView {
    pub i: store::indicators::Indicator,
    pub rows: Vec<Row>,
    pub chart: String,
    /// For an outcome indicator, the gap year by year.
    pub gap_chart: Option<String>,
    pub replanned_target: Option<String>,
}

impl IndicatorView {
    pub fn target(&self, lang: &str) -> String {
        target_text(&self.i, lang)
    }
}

/// Builds the view of an indicator (its history read for the re-planned target).
pub async fn view(
    state: &AppState,
    ctx: &PageCtx,
    i: store::indicators::Indicator,
) -> AppResult<IndicatorView> {
    let lang = ctx.lang.code();
    let rows = rows(&i, lang, &ctx.t("indicator-baseline"));
    let bars: Vec<documents::chart::Bar> = rows
        .iter()
        .filter_map(|r| {
            let v = parse_value(&r.value)?;
            Some(documents::chart::Bar {
                label: r.label.clone(),
                value: (v * 100.0).round() as i64,
                text: r.value.clone(),
            })
        })
        .collect();
    let chart = documents::chart::bars(
        &format!("indicator-chart-{}", i.id),
        i.name(lang),
        &ctx.t1("indicator-chart-summary", "unit", i.unit(lang)),
        &bars,
    );
    let gap_bars: Vec<documents::chart::Bar> = rows
        .iter()
        .filter_map(|r| {
            let v = parse_value(&r.gap)?;
            Some(documents::chart::Bar {
                label: r.label.clone(),
                value: (v * 100.0).round() as i64,
                text: r.gap.clone(),
            })
        })
        .collect();
    let gap_chart = (i.is_outcome() && !gap_bars.is_empty()).then(|| {
        documents::chart::bars(
            &format!("indicator-gap-chart-{}", i.id),
            &format!("{}: {}", i.name(lang), ctx.t("indicator-gap")),
            &ctx.t1("indicator-gap-chart-summary", "unit", i.unit(lang)),
            &gap_bars,
        )
    });
    let raw = store::plans::history(state.db(), "indicator", i.id).await?;
    let current_target = i.target_value.map(|v| v.to_string());
    let replanned_target = crate::features::plans::measures::first_planned(&raw, "target_value")
        .filter(|t| Some(t) != current_target.as_ref())
        .map(|t| t.parse::<f64>().map(|v| format_value(v, lang)).unwrap_or(t));
    Ok(IndicatorView {
        i,
        rows,
        chart,
        gap_chart,
        replanned_target,
    })
}

async fn detail_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
) -> AppResult<DetailPage> {
    let i = store::indicators::get(state.db(), id).await?;
    let eu = match &i.eu_target {
        Some(k) => store::indicators::eu_targets(state.db())
            .await?
            .into_iter()
            .find(|t| &t.key == k),
        None => None,
    };
    let plan = store::plans::get(state.db(), i.plan_id).await?;
    let iv = view(state, &ctx, i).await?;
    Ok(DetailPage {
        plan,
        history: history_rows(state, &ctx, "indicator", id).await?,
        eu,
        iv,
        manage: user.can(Permission::ManagePlans),
        notice: None,
        errors: FormErrors::default(),
        v: ValueFields::default(),
        ctx,
    })
}

pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPlans)?;
    let mut p = detail_page(&state, ctx, &user, parse_id(&id)?).await?;
    p.notice = n.notice_key();
    Ok(Html(p.render()?))
}

pub async fn set_value(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ValueFields>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    let i = store::indicators::get(state.db(), id).await?;
    let mut errors = FormErrors::default();
    let year = year_field(&f.year, "year", true, &mut errors);
    let value = value_field(&f.value, "value", &mut errors);
    if value.is_none() && !errors.has("value") {
        errors.add("value", "indicator-value-invalid");
    }
    let general_value = value_field(&f.general_value, "general_value", &mut errors);
    if i.is_outcome() && general_value.is_none() && !errors.has("general_value") {
        errors.add("general_value", "indicator-general-missing");
    }
    let note = text_field(&f.note, 1000, "note", &mut errors);
    if let (Some(year), Some(value), true) = (year, value, errors.is_empty()) {
        let v = store::indicators::Value {
            year,
            value,
            general_value,
            note,
        };
        match store::indicators::set_value(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            &v,
            &f.reason,
        )
        .await
        {
            Ok(()) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/indicators/{id}?notice=value")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(_)) => errors.add("reason", "indicator-value-reason"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = detail_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.v = f;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

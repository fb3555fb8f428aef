//! The public accountability view: the plans in force (and closed ones), their measures by
//! objective with status, progress, the date of the last accepted report and what it said,
//! and the indicators as charts with their tables. Only accepted reports are shown; draft
//! plans are not public. Re-planned deadlines and targets show the first planned value.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use crate::AppState;
use crate::features::plans::indicators::{IndicatorView, view};
use crate::features::plans::measures::first_planned;
use crate::features::plans::plan::{ObjectiveView, by_objective};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::parse_id;
use crate::page::PageCtx;

#[derive(Template)]
#[template(path = "policy/index.html")]
struct IndexPage {
    ctx: PageCtx,
    plans: Vec<store::plans::Plan>,
}

pub async fn index(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    Ok(Html(
        IndexPage {
            plans: store::plans::list_public(state.db()).await?,
            ctx,
        }
        .render()?,
    ))
}

/// A public plan; a draft is not found.
async fn public_plan(state: &AppState, id: i64) -> AppResult<store::plans::Plan> {
    let p = store::plans::get(state.db(), id).await?;
    if !p.is_public() {
        return Err(AppError::NotFound);
    }
    Ok(p)
}

#[derive(Template)]
#[template(path = "policy/plan.html")]
struct PlanPage {
    ctx: PageCtx,
    p: store::plans::Plan,
    objectives: Vec<ObjectiveView>,
    /// The plan's indicators as shown (outcome ones appear under their objective).
    views: Vec<IndicatorView>,
    /// (measure id, accepted at, what was done) of the latest accepted reports.
    latest: Vec<(i64, i64, Option<String>)>,
    indicators: Vec<store::indicators::Indicator>,
}

impl PlanPage {
    fn last_report(&self, m: &store::measures::Measure) -> Option<&(i64, i64, Option<String>)> {
        self.latest.iter().find(|l| l.0 == m.id)
    }

    fn progress(&self, m: &store::measures::Measure) -> Option<String> {
        measure_progress(&self.indicators, m.id, self.ctx.lang.code())
    }

    fn views_of(&self, o: &ObjectiveView) -> Vec<&IndicatorView> {
        self.views
            .iter()
            .filter(|v| o.indicators.iter().any(|i| i.id == v.i.id))
            .collect()
    }
}

/// A measure's progress from its first output indicator that has a baseline, a target and
/// a value: "46 %" of the way, with the indicator's name.
fn measure_progress(
    indicators: &[store::indicators::Indicator],
    measure: i64,
    lang: &str,
) -> Option<String> {
    indicators
        .iter()
        .filter(|i| i.measure_id == Some(measure) && !i.is_outcome())
        .find_map(|i| {
            let p = domain::plan::progress(i.baseline_value?, i.target_value?, i.latest()?.value)?;
            Some(format!(
                "{} % — {}",
                domain::plan::format_value((p * 100.0).clamp(0.0, 100.0).round(), lang),
                i.name(lang)
            ))
        })
}

pub async fn plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let p = public_plan(&state, parse_id(&id)?).await?;
    let indicators = store::indicators::for_plan(state.db(), p.id).await?;
    let mut views = Vec::new();
    for i in indicators.iter().filter(|i| i.is_outcome()) {
        views.push(view(&state, &ctx, i.clone()).await?);
    }
    let objectives = by_objective(
        store::plans::tasks(state.db(), p.id).await?,
        store::measures::for_plan(state.db(), p.id, None).await?,
        indicators.clone(),
    );
    Ok(Html(
        PlanPage {
            latest: store::rounds::latest_accepted(state.db(), p.id).await?,
            p,
            objectives,
            views,
            indicators,
            ctx,
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "policy/measure.html")]
struct MeasurePage {
    ctx: PageCtx,
    p: store::plans::Plan,
    m: store::measures::Measure,
    replanned_end: Option<String>,
    progress: Vec<store::rounds::Report>,
    views: Vec<IndicatorView>,
}

impl MeasurePage {
    fn objective_key(&self) -> &'static str {
        self.m.objective.label_key()
    }

    fn budget(&self) -> Option<String> {
        self.m
            .budget_cents
            .map(|c| domain::plan::format_euro(c, self.ctx.lang.code()))
    }

    fn funding(&self) -> Option<String> {
        self.m.budget_source.map(|s| self.ctx.t(s.label_key()))
    }

    fn spent(&self, r: &store::rounds::Report) -> Option<String> {
        r.spent_cents
            .map(|c| domain::plan::format_euro(c, self.ctx.lang.code()))
    }
}

pub async fn measure(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let m = store::measures::get(state.db(), parse_id(&id)?).await?;
    let p = public_plan(&state, m.plan_id).await?;
    let history = store::plans::history(state.db(), "measure", m.id).await?;
    let replanned_end =
        first_planned(&history, "period_end").filter(|d| *d != m.period_end.to_string());
    let mut views = Vec::new();
    for i in store::indicators::for_measure(state.db(), m.id).await? {
        views.push(view(&state, &ctx, i).await?);
    }
    Ok(Html(
        MeasurePage {
            progress: store::rounds::accepted_for_measure(state.db(), m.id).await?,
            p,
            m,
            replanned_end,
            views,
            ctx,
        }
        .render()?,
    ))
}

//! Policy plans in the workspace: the list, a plan's page (its objectives, national tasks,
//! measures and outcome indicators), and for coordinators the plan form and new tasks.
//! Every change to a plan after it is created asks for a reason and is kept in its history.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::event::{OBJECTIVES, Objective};
use domain::plan::PLAN_STATUSES;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;
use crate::http::forms::{
    AppForm, FormErrors, block_field, parse_id, required_text, text_field, year_field,
};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// A value from the user, as the history shows it: numbers in the page's language.
pub fn shown_value(ctx: &PageCtx, field: &str, v: &str) -> String {
    let lang = ctx.lang.code();
    let base = field.split(':').next().unwrap_or(field);
    match base {
        "budget_cents" => v
            .parse::<i64>()
            .map(|c| domain::plan::format_euro(c, lang))
            .unwrap_or_else(|_| v.to_owned()),
        "status" if PLAN_STATUSES.contains(&v) => ctx.t(domain::plan::PlanStatus::label_key_of(v)),
        "status" => ctx.t(domain::plan::MeasureStatus::label_key_of(v)),
        "objective" => ctx.t(Objective::label_key_of(v)),
        "budget_source" => ctx.t(domain::plan::Funding::label_key_of(v)),
        "direction" => ctx.t(domain::plan::Direction::label_key_of(v)),
        "kind" => ctx.t(domain::plan::IndicatorKind::label_key_of(v)),
        "value" | "general_value" | "baseline_value" | "baseline_general" | "target_value" => v
            .parse::<f64>()
            .map(|n| domain::plan::format_value(n, lang))
            .unwrap_or_else(|_| v.to_owned()),
        _ => v.to_owned(),
    }
}

/// The message naming a field the history records.
fn history_field_key(field: &str) -> &'static str {
    match field {
        "name_lv" => "plan-name-lv",
        "name_en" => "plan-name-en",
        "legal_basis_lv" => "plan-legal-basis-lv",
        "legal_basis_en" => "plan-legal-basis-en",
        "period_start" => "history-period-start",
        "period_end" => "history-period-end",
        "status" => "field-status",
        "code" => "plan-code",
        "objective" => "plan-objective",
        "task" => "measure-task",
        "title_lv" => "measure-title-lv",
        "title_en" => "measure-title-en",
        "description_lv" => "measure-description-lv",
        "description_en" => "measure-description-en",
        "responsible" => "measure-responsible",
        "partners" => "measure-partners",
        "budget_cents" => "measure-budget",
        "budget_source" => "measure-budget-source",
        "outputs_lv" => "measure-outputs-lv",
        "outputs_en" => "measure-outputs-en",
        "measure" => "indicator-measure",
        "kind" => "indicator-kind",
        "unit_lv" => "indicator-unit-lv",
        "unit_en" => "indicator-unit-en",
        "direction" => "indicator-direction",
        "baseline_value" => "indicator-baseline-value",
        "baseline_general" => "indicator-baseline-general",
        "baseline_year" => "indicator-baseline-year",
        "target_value" => "indicator-target-value",
        "target_year" => "indicator-target-year",
        "source_lv" => "indicator-source-lv",
        "source_en" => "indicator-source-en",
        "eu_target" => "indicator-eu-target",
        "value" => "indicator-value",
        "general_value" => "indicator-general-value",
        "value_note" => "indicator-value-note",
        _ => "history-other",
    }
}

/// The history's field names as a reader knows them ("value:2025" → "Value, 2025").
pub fn field_label(ctx: &PageCtx, field: &str) -> String {
    match field.split_once(':') {
        Some((f, year)) => format!("{}, {year}", ctx.t(history_field_key(f))),
        None => ctx.t(history_field_key(field)),
    }
}

/// One history row as shown.
#[derive(Debug)]
pub struct HistoryRow {
    pub at: i64,
    pub who: String,
    pub field: String,
    pub old: String,
    pub new: String,
    pub reason: String,
}

pub async fn history_rows(
    state: &AppState,
    ctx: &PageCtx,
    entity: &str,
    id: i64,
) -> AppResult<Vec<HistoryRow>> {
    Ok(store::plans::history(state.db(), entity, id)
        .await?
        .into_iter()
        .map(|h| HistoryRow {
            at: h.at,
            who: h.who.unwrap_or_default(),
            old: h
                .old_value
                .map(|v| shown_value(ctx, &h.field, &v))
                .unwrap_or_else(|| "—".to_owned()),
            new: h
                .new_value
                .map(|v| shown_value(ctx, &h.field, &v))
                .unwrap_or_else(|| "—".to_owned()),
            field: field_label(ctx, &h.field),
            reason: h.reason.unwrap_or_default(),
        })
        .collect())
}

#[derive(Template)]
#[template(path = "plans/list.html")]
struct ListPage {
    ctx: PageCtx,
    plans: Vec<store::plans::Plan>,
    manage: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPlans)?;
    Ok(Html(
        ListPage {
            plans: store::plans::list(state.db()).await?,
            manage: user.can(Permission::ManagePlans),
            ctx,
        }
        .render()?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct PlanFields {
    #[serde(default)]
    name_lv: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    legal_basis_lv: String,
    #[serde(default)]
    legal_basis_en: String,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
    /// The version of the plan the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}

impl PlanFields {
    fn of(p: &store::plans::Plan) -> PlanFields {
        PlanFields {
            name_lv: p.name_lv.clone(),
            name_en: p.name_en.clone().unwrap_or_default(),
            legal_basis_lv: p.legal_basis_lv.clone().unwrap_or_default(),
            legal_basis_en: p.legal_basis_en.clone().unwrap_or_default(),
            period_start: p.period_start.to_string(),
            period_end: p.period_end.to_string(),
            status: p.status.as_str().to_owned(),
            reason: String::new(),
            version: String::new(),
        }
    }
}

fn validate_plan(f: &PlanFields, errors: &mut FormErrors) -> Option<store::plans::PlanInput> {
    let name_lv = required_text(&f.name_lv, 300, "name_lv", "plan-name-missing", errors);
    let name_en = text_field(&f.name_en, 300, "name_en", errors);
    let legal_basis_lv = block_field(&f.legal_basis_lv, 1000, "legal_basis_lv", errors);
    let legal_basis_en = block_field(&f.legal_basis_en, 1000, "legal_basis_en", errors);
    let start = year_field(&f.period_start, "period_start", true, errors);
    let end = year_field(&f.period_end, "period_end", true, errors);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        errors.add("period_end", "plan-period-order");
    }
    let status = domain::plan::PlanStatus::parse(&f.status);
    if status.is_none() {
        errors.add("status", "reg-choice-invalid");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(store::plans::PlanInput {
        name_lv,
        name_en,
        legal_basis_lv,
        legal_basis_en,
        period_start: start?,
        period_end: end?,
        status: status?,
    })
}

#[derive(Template)]
#[template(path = "plans/form.html")]
struct PlanFormPage {
    ctx: PageCtx,
    id: Option<i64>,
    f: PlanFields,
    errors: FormErrors,
    statuses: &'static [&'static str],
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl PlanFormPage {
    fn status_key(&self, s: &str) -> &'static str {
        domain::plan::PlanStatus::label_key_of(s)
    }
}

fn plan_form(ctx: PageCtx, id: Option<i64>, f: PlanFields, errors: FormErrors) -> PlanFormPage {
    PlanFormPage {
        ctx,
        id,
        f,
        errors,
        statuses: PLAN_STATUSES,
        stale: None,
    }
}

pub async fn new_form(ctx: PageCtx, user: CurrentUser) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let f = PlanFields {
        status: "draft".to_owned(),
        ..PlanFields::default()
    };
    Ok(Html(
        plan_form(ctx, None, f, FormErrors::default()).render()?,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<PlanFields>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let mut errors = FormErrors::default();
    if let Some(input) = validate_plan(&f, &mut errors) {
        let id = store::plans::create(state.db(), state.now(), &user.actor(ip), &input).await?;
        return Ok(Redirect::to(&ctx.href(&format!("/plans/{id}"))).into_response());
    }
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(plan_form(ctx, None, f, errors).render()?),
    )
        .into_response())
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
    let version = store::versions::current(state.db(), "plans", id).await?;
    let p = store::plans::get(state.db(), id).await?;
    let mut f = PlanFields::of(&p);
    f.version = version.to_string();
    Ok(Html(
        plan_form(ctx, Some(id), f, FormErrors::default()).render()?,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<PlanFields>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    store::plans::get(state.db(), id).await?;
    let mut errors = FormErrors::default();
    if let Some(input) = validate_plan(&f, &mut errors) {
        match store::plans::update_checked(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            &input,
            &f.reason,
            crate::http::stale::version(&f.version),
        )
        .await
        {
            Ok(()) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/plans/{id}?notice=saved"))).into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::Reason))) => {
                errors.add("reason", "plan-reason-missing")
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                // Saved by someone else meanwhile: what differs now, the typing kept.
                let version = store::versions::current(state.db(), "plans", id).await?;
                let stored = PlanFields::of(&store::plans::get(state.db(), id).await?);
                let status = ctx.t(domain::plan::PlanStatus::label_key_of(&stored.status));
                let stale = crate::http::stale::Stale::compare(vec![
                    (
                        "plan-name-lv",
                        &f.name_lv,
                        &stored.name_lv,
                        stored.name_lv.clone(),
                    ),
                    (
                        "plan-name-en",
                        &f.name_en,
                        &stored.name_en,
                        stored.name_en.clone(),
                    ),
                    (
                        "plan-legal-basis-lv",
                        &f.legal_basis_lv,
                        &stored.legal_basis_lv,
                        stored.legal_basis_lv.clone(),
                    ),
                    (
                        "plan-legal-basis-en",
                        &f.legal_basis_en,
                        &stored.legal_basis_en,
                        stored.legal_basis_en.clone(),
                    ),
                    (
                        "plan-period-start",
                        &f.period_start,
                        &stored.period_start,
                        stored.period_start.clone(),
                    ),
                    (
                        "plan-period-end",
                        &f.period_end,
                        &stored.period_end,
                        stored.period_end.clone(),
                    ),
                    ("field-status", &f.status, &stored.status, status),
                ]);
                let mut f = f;
                f.version = version.to_string();
                let mut page = plan_form(ctx, Some(id), f, errors);
                page.stale = Some(stale);
                return Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response());
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(plan_form(ctx, Some(id), f, errors).render()?),
    )
        .into_response())
}

/// One objective of a plan's page.
#[derive(Debug)]
pub struct ObjectiveView {
    pub key: &'static str,
    pub label: &'static str,
    pub tasks: Vec<(store::plans::Task, Vec<store::measures::Measure>)>,
    /// Measures of the objective under no task.
    pub loose: Vec<store::measures::Measure>,
    pub indicators: Vec<store::indicators::Indicator>,
}

impl ObjectiveView {
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty() && self.loose.is_empty() && self.indicators.is_empty()
    }
}

/// Groups a plan's tasks, measures and outcome indicators by objective.
pub fn by_objective(
    tasks: Vec<store::plans::Task>,
    measures: Vec<store::measures::Measure>,
    indicators: Vec<store::indicators::Indicator>,
) -> Vec<ObjectiveView> {
    OBJECTIVES
        .iter()
        .map(|&key| {
            let tasks: Vec<_> = tasks
                .iter()
                .filter(|t| t.objective.as_str() == key)
                .map(|t| {
                    let ms = measures
                        .iter()
                        .filter(|m| m.task_id == Some(t.id))
                        .cloned()
                        .collect();
                    (t.clone(), ms)
                })
                .collect();
            ObjectiveView {
                key,
                label: Objective::label_key_of(key),
                tasks,
                loose: measures
                    .iter()
                    .filter(|m| m.objective.as_str() == key && m.task_id.is_none())
                    .cloned()
                    .collect(),
                indicators: indicators
                    .iter()
                    .filter(|i| i.objective.as_str() == key && i.is_outcome())
                    .cloned()
                    .collect(),
            }
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
pub struct TaskFields {
    #[serde(default)]
    objective: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    title_en: String,
}

#[derive(Template)]
#[template(path = "plans/detail.html")]
struct DetailPage {
    ctx: PageCtx,
    p: store::plans::Plan,
    objectives: Vec<ObjectiveView>,
    history: Vec<HistoryRow>,
    rounds: Vec<store::rounds::Round>,
    manage: bool,
    mine: Option<i64>,
    notice: Option<&'static str>,
    errors: FormErrors,
    task: TaskFields,
    objective_choices: Vec<(&'static str, &'static str)>,
}

impl DetailPage {
    fn is_mine(&self, m: &store::measures::Measure) -> bool {
        self.mine.is_some_and(|o| {
            m.responsible_organisation_id == o || m.partners.iter().any(|p| p.0 == o)
        })
    }

    fn latest(&self, i: &store::indicators::Indicator) -> String {
        crate::features::plans::indicators::latest_text(i, self.ctx.lang.code())
    }
}

async fn detail_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
) -> AppResult<DetailPage> {
    let p = store::plans::get(state.db(), id).await?;
    let objectives = by_objective(
        store::plans::tasks(state.db(), id).await?,
        store::measures::for_plan(state.db(), id, None).await?,
        store::indicators::for_plan(state.db(), id).await?,
    );
    let history = history_rows(state, &ctx, "plan", id).await?;
    let manage = user.can(Permission::ManagePlans);
    let rounds = if manage {
        store::rounds::list(state.db(), Some(id)).await?
    } else {
        Vec::new()
    };
    Ok(DetailPage {
        p,
        objectives,
        history,
        rounds,
        manage,
        mine: user.organisation_id,
        notice: None,
        errors: FormErrors::default(),
        task: TaskFields::default(),
        objective_choices: OBJECTIVES
            .iter()
            .map(|&o| (o, Objective::label_key_of(o)))
            .collect(),
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

pub async fn add_task(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<TaskFields>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    store::plans::get(state.db(), id).await?;
    let mut errors = FormErrors::default();
    let objective = domain::event::Objective::parse(&f.objective);
    if objective.is_none() {
        errors.add("objective", "reg-choice-invalid");
    }
    let code = required_text(&f.code, 20, "code", "plan-code-missing", &mut errors);
    let title_lv = required_text(
        &f.title_lv,
        500,
        "title_lv",
        "plan-title-missing",
        &mut errors,
    );
    let title_en = text_field(&f.title_en, 500, "title_en", &mut errors);
    if let (Some(objective), true) = (objective, errors.is_empty()) {
        let input = store::plans::TaskInput {
            objective,
            code,
            title_lv,
            title_en,
        };
        match store::plans::add_task(state.db(), state.now(), &user.actor(ip), id, &input).await {
            Ok(_) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/plans/{id}?notice=task#tasks")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(_)) => errors.add("code", "plan-code-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = detail_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.task = f;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_measure_status_has_its_own_message() {
        let keys: std::collections::BTreeSet<_> = domain::plan::MEASURE_STATUSES
            .iter()
            .map(|s| domain::plan::MeasureStatus::label_key_of(s))
            .collect();
        assert_eq!(keys.len(), domain::plan::MEASURE_STATUSES.len());
    }
}

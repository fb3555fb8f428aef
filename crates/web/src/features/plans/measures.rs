//! A measure's page (its facts, co-responsible organisations, indicators and history) and,
//! for coordinators, the measure form. Re-planning a measure asks for the reason and keeps
//! the earlier value beside the new one.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::event::{OBJECTIVES, Objective};
use domain::plan::{FUNDING_SOURCES, MEASURE_STATUSES, euro_input, format_euro, parse_euro_cents};
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;

use crate::features::plans::plan::{HistoryRow, history_rows};
use crate::http::forms::optional_id;
use crate::http::forms::{
    AppForm, FormErrors, block_field, date_field, parse_id, required_text, text_field, with_lists,
};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Debug, Default, Deserialize)]
pub struct MeasureFields {
    #[serde(default)]
    objective: String,
    #[serde(default)]
    task_id: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    description_lv: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    responsible: String,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
    #[serde(default)]
    budget: String,
    #[serde(default)]
    budget_source: String,
    #[serde(default)]
    outputs_lv: String,
    #[serde(default)]
    outputs_en: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
    /// The version of the measure the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}

impl MeasureFields {
    fn of(m: &store::measures::Measure, lang: &str) -> MeasureFields {
        MeasureFields {
            objective: m.objective.as_str().to_owned(),
            task_id: m.task_id.map(|t| t.to_string()).unwrap_or_default(),
            code: m.code.clone(),
            title_lv: m.title_lv.clone(),
            title_en: m.title_en.clone().unwrap_or_default(),
            description_lv: m.description_lv.clone().unwrap_or_default(),
            description_en: m.description_en.clone().unwrap_or_default(),
            responsible: m.responsible_organisation_id.to_string(),
            partners: m.partners.iter().map(|p| p.0.to_string()).collect(),
            period_start: m.period_start.to_string(),
            period_end: m.period_end.to_string(),
            budget: m
                .budget_cents
                .map(|c| euro_input(c, lang))
                .unwrap_or_default(),
            budget_source: m
                .budget_source
                .map(|f| f.as_str().to_owned())
                .unwrap_or_default(),
            outputs_lv: m.outputs_lv.clone().unwrap_or_default(),
            outputs_en: m.outputs_en.clone().unwrap_or_default(),
            status: m.status.as_str().to_owned(),
            reason: String::new(),
            version: String::new(),
        }
    }
}

fn validate(
    f: &MeasureFields,
    tasks: &[store::plans::Task],
    errors: &mut FormErrors,
) -> Option<store::measures::MeasureInput> {
    let task_id = optional_id(&f.task_id).unwrap_or_else(|_| {
        errors.add("task_id", "reg-choice-invalid");
        None
    });
    let task = task_id.and_then(|t| tasks.iter().find(|x| x.id == t));
    if task_id.is_some() && task.is_none() {
        errors.add("task_id", "reg-choice-invalid");
    }
    // A measure under a task serves the task's objective.
    let objective = match task {
        Some(t) => Some(t.objective),
        None => domain::event::Objective::parse(&f.objective),
    };
    if objective.is_none() {
        errors.add("objective", "reg-choice-invalid");
    }
    let code = required_text(&f.code, 20, "code", "plan-code-missing", errors);
    let title_lv = required_text(&f.title_lv, 500, "title_lv", "plan-title-missing", errors);
    let title_en = text_field(&f.title_en, 500, "title_en", errors);
    let description_lv = block_field(&f.description_lv, 10_000, "description_lv", errors);
    let description_en = block_field(&f.description_en, 10_000, "description_en", errors);
    let responsible = match optional_id(&f.responsible) {
        Ok(Some(o)) => Some(o),
        _ => {
            errors.add("responsible", "measure-responsible-missing");
            None
        }
    };
    let mut partners = Vec::new();
    for raw in &f.partners {
        match optional_id(raw) {
            Ok(Some(o)) if Some(o) != responsible && !partners.contains(&o) => partners.push(o),
            Ok(_) => {}
            Err(_) => errors.add("partners", "reg-choice-invalid"),
        }
    }
    let start = date_field(&f.period_start, "period_start", errors);
    let end = date_field(&f.period_end, "period_end", errors);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        errors.add("period_end", "plan-period-order");
    }
    let budget_cents = match f.budget.trim() {
        "" => None,
        b => parse_euro_cents(b).or_else(|| {
            errors.add("budget", "measure-budget-invalid");
            None
        }),
    };
    let budget_source = match f.budget_source.trim() {
        "" => None,
        s => domain::plan::Funding::parse(s).or_else(|| {
            errors.add("budget_source", "reg-choice-invalid");
            None
        }),
    };
    let outputs_lv = block_field(&f.outputs_lv, 5000, "outputs_lv", errors);
    let outputs_en = block_field(&f.outputs_en, 5000, "outputs_en", errors);
    let status = domain::plan::MeasureStatus::parse(&f.status);
    if status.is_none() {
        errors.add("status", "reg-choice-invalid");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(store::measures::MeasureInput {
        task_id,
        objective: objective?,
        code,
        title_lv,
        title_en,
        description_lv,
        description_en,
        responsible_organisation_id: responsible?,
        partners,
        period_start: start?,
        period_end: end?,
        budget_cents,
        budget_source,
        outputs_lv,
        outputs_en,
        status: status?,
    })
}

#[derive(Template)]
#[template(path = "plans/measure_form.html")]
struct FormPage {
    ctx: PageCtx,
    plan: store::plans::Plan,
    id: Option<i64>,
    f: MeasureFields,
    errors: FormErrors,
    tasks: Vec<store::plans::Task>,
    organisations: Vec<(i64, String)>,
    objectives: Vec<(&'static str, &'static str)>,
    sources: &'static [&'static str],
    statuses: &'static [&'static str],
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl FormPage {
    fn status_key(&self, s: &str) -> &'static str {
        domain::plan::MeasureStatus::label_key_of(s)
    }

    fn funding_key(&self, s: &str) -> &'static str {
        domain::plan::Funding::label_key_of(s)
    }

    fn is_partner(&self, id: &i64) -> bool {
        self.f.partners.iter().any(|p| *p == id.to_string())
    }

    fn text_fields(&self) -> Vec<(&'static str, &'static str, String, bool)> {
        vec![
            ("code", "plan-code", self.f.code.clone(), false),
            (
                "title_lv",
                "measure-title-lv",
                self.f.title_lv.clone(),
                false,
            ),
            (
                "title_en",
                "measure-title-en",
                self.f.title_en.clone(),
                true,
            ),
        ]
    }

    fn areas(&self) -> Vec<(&'static str, &'static str, String)> {
        vec![
            (
                "description_lv",
                "measure-description-lv",
                self.f.description_lv.clone(),
            ),
            (
                "description_en",
                "measure-description-en",
                self.f.description_en.clone(),
            ),
            (
                "outputs_lv",
                "measure-outputs-lv",
                self.f.outputs_lv.clone(),
            ),
            (
                "outputs_en",
                "measure-outputs-en",
                self.f.outputs_en.clone(),
            ),
        ]
    }
}

async fn form_page(
    state: &AppState,
    ctx: PageCtx,
    plan_id: i64,
    id: Option<i64>,
    f: MeasureFields,
    errors: FormErrors,
) -> AppResult<FormPage> {
    Ok(FormPage {
        plan: store::plans::get(state.db(), plan_id).await?,
        tasks: store::plans::tasks(state.db(), plan_id).await?,
        organisations: store::organisations::names(state.db()).await?,
        objectives: OBJECTIVES
            .iter()
            .map(|&o| (o, Objective::label_key_of(o)))
            .collect(),
        sources: FUNDING_SOURCES,
        statuses: MEASURE_STATUSES,
        stale: None,
        ctx,
        id,
        f,
        errors,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, plan)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let plan = parse_id(&plan)?;
    let p = store::plans::get(state.db(), plan).await?;
    let f = MeasureFields {
        status: "not_started".to_owned(),
        period_start: format!("{}-01-01", p.period_start),
        period_end: format!("{}-12-31", p.period_end),
        ..MeasureFields::default()
    };
    let page = form_page(&state, ctx, plan, None, f, FormErrors::default()).await?;
    Ok(Html(page.render()?))
}

fn conflict_field(errors: &mut FormErrors, what: store::Conflict) {
    match what {
        store::Conflict::Plans(store::PlanConflict::Code) => errors.add("code", "plan-code-taken"),
        store::Conflict::Plans(store::PlanConflict::Task) => {
            errors.add("task_id", "reg-choice-invalid")
        }
        store::Conflict::Plans(store::PlanConflict::Reason) => {
            errors.add("reason", "plan-reason-missing")
        }
        _ => errors.add("responsible", "user-organisation-invalid"),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, plan)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let f: MeasureFields = with_lists(body, &["partners"])?;
    let plan = parse_id(&plan)?;
    let tasks = store::plans::tasks(state.db(), plan).await?;
    store::plans::get(state.db(), plan).await?;
    let mut errors = FormErrors::default();
    if let Some(input) = validate(&f, &tasks, &mut errors) {
        match store::measures::create(state.db(), state.now(), &user.actor(ip), plan, &input).await
        {
            Ok(id) => {
                return Ok(Redirect::to(&ctx.href(&format!("/measures/{id}"))).into_response());
            }
            Err(store::Error::Conflict(what)) => conflict_field(&mut errors, what),
            Err(e) => return Err(e.into()),
        }
    }
    let page = form_page(&state, ctx, plan, None, f, errors).await?;
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
    let version = store::versions::current(state.db(), "measures", id).await?;
    let m = store::measures::get(state.db(), id).await?;
    let mut f = MeasureFields::of(&m, ctx.lang.code());
    f.version = version.to_string();
    let page = form_page(&state, ctx, m.plan_id, Some(id), f, FormErrors::default()).await?;
    Ok(Html(page.render()?))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let f: MeasureFields = with_lists(body, &["partners"])?;
    let id = parse_id(&id)?;
    let m = store::measures::get(state.db(), id).await?;
    let tasks = store::plans::tasks(state.db(), m.plan_id).await?;
    let mut errors = FormErrors::default();
    if let Some(input) = validate(&f, &tasks, &mut errors) {
        match store::measures::update_checked(
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
                    Redirect::to(&ctx.href(&format!("/measures/{id}?notice=saved")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => return stale_page(&state, ctx, id, f, errors).await,
            Err(store::Error::Conflict(what)) => conflict_field(&mut errors, what),
            Err(e) => return Err(e.into()),
        }
    }
    let page = form_page(&state, ctx, m.plan_id, Some(id), f, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// The form again after someone saved the measure since it was loaded: what was typed, what
/// differs in the stored measure now (in words), and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    mut f: MeasureFields,
    errors: FormErrors,
) -> AppResult<Response> {
    let version = store::versions::current(state.db(), "measures", id).await?;
    let m = store::measures::get(state.db(), id).await?;
    let stored = MeasureFields::of(&m, ctx.lang.code());
    let (typed_partners, stored_partners) = (
        crate::http::stale::as_set(&f.partners),
        crate::http::stale::as_set(&stored.partners),
    );
    let task = m.task_code.clone().unwrap_or_default();
    let words = |key: &'static str| ctx.t(key);
    let stale = crate::http::stale::Stale::compare(vec![
        (
            "plan-objective",
            &f.objective,
            &stored.objective,
            words(Objective::label_key_of(&stored.objective)),
        ),
        ("measure-task", &f.task_id, &stored.task_id, task),
        ("plan-code", &f.code, &stored.code, stored.code.clone()),
        (
            "measure-title-lv",
            &f.title_lv,
            &stored.title_lv,
            stored.title_lv.clone(),
        ),
        (
            "measure-title-en",
            &f.title_en,
            &stored.title_en,
            stored.title_en.clone(),
        ),
        (
            "measure-description-lv",
            &f.description_lv,
            &stored.description_lv,
            stored.description_lv.clone(),
        ),
        (
            "measure-description-en",
            &f.description_en,
            &stored.description_en,
            stored.description_en.clone(),
        ),
        (
            "measure-responsible",
            &f.responsible,
            &stored.responsible,
            m.responsible_name.clone(),
        ),
        (
            "measure-partners",
            &typed_partners,
            &stored_partners,
            m.partners
                .iter()
                .map(|p| p.1.clone())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            "measure-period-start",
            &f.period_start,
            &stored.period_start,
            stored.period_start.clone(),
        ),
        (
            "measure-period-end",
            &f.period_end,
            &stored.period_end,
            stored.period_end.clone(),
        ),
        (
            "measure-budget",
            &f.budget,
            &stored.budget,
            stored.budget.clone(),
        ),
        (
            "measure-budget-source",
            &f.budget_source,
            &stored.budget_source,
            if stored.budget_source.is_empty() {
                String::new()
            } else {
                words(domain::plan::Funding::label_key_of(&stored.budget_source))
            },
        ),
        (
            "measure-outputs-lv",
            &f.outputs_lv,
            &stored.outputs_lv,
            stored.outputs_lv.clone(),
        ),
        (
            "measure-outputs-en",
            &f.outputs_en,
            &stored.outputs_en,
            stored.outputs_en.clone(),
        ),
        (
            "field-status",
            &f.status,
            &stored.status,
            words(domain::plan::MeasureStatus::label_key_of(&stored.status)),
        ),
    ]);
    f.version = version.to_string();
    let mut page = form_page(state, ctx, m.plan_id, Some(id), f, errors).await?;
    page.stale = Some(stale);
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "plans/measure.html")]
struct DetailPage {
    ctx: PageCtx,
    m: store::measures::Measure,
    plan: store::plans::Plan,
    indicators: Vec<store::indicators::Indicator>,
    progress: Vec<store::rounds::Report>,
    serving: store::measures::Serving,
    history: Vec<HistoryRow>,
    replanned_end: Option<String>,
    manage: bool,
    notice: Option<&'static str>,
}

impl DetailPage {
    fn action_status_key(&self, s: &str) -> &'static str {
        domain::event::ActionStatus::label_key_of(s)
    }

    fn spent(&self, r: &store::rounds::Report) -> Option<String> {
        r.spent_cents.map(|c| format_euro(c, self.ctx.lang.code()))
    }

    fn funding(&self) -> Option<String> {
        self.m.budget_source.map(|s| self.ctx.t(s.label_key()))
    }

    fn budget(&self) -> Option<String> {
        self.m
            .budget_cents
            .map(|c| format_euro(c, self.ctx.lang.code()))
    }

    fn latest(&self, i: &store::indicators::Indicator) -> String {
        crate::features::plans::indicators::latest_text(i, self.ctx.lang.code())
    }

    fn target(&self, i: &store::indicators::Indicator) -> String {
        crate::features::plans::indicators::target_text(i, self.ctx.lang.code())
    }
}

/// The earliest planned value of a field the history has re-planned, if any.
pub fn first_planned(history: &[store::plans::HistoryEntry], field: &str) -> Option<String> {
    history
        .iter()
        .rev()
        .find(|h| h.field == field)
        .and_then(|h| h.old_value.clone())
}

pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPlans)?;
    let id = parse_id(&id)?;
    let m = store::measures::get(state.db(), id).await?;
    let raw = store::plans::history(state.db(), "measure", id).await?;
    let replanned_end =
        first_planned(&raw, "period_end").filter(|d| *d != m.period_end.to_string());
    Ok(Html(
        DetailPage {
            plan: store::plans::get(state.db(), m.plan_id).await?,
            indicators: store::indicators::for_measure(state.db(), id).await?,
            progress: store::rounds::accepted_for_measure(state.db(), id).await?,
            serving: store::measures::serving(state.db(), id, user.action_scope()).await?,
            history: history_rows(&state, &ctx, "measure", id).await?,
            replanned_end,
            manage: user.can(Permission::ManagePlans),
            notice: n.notice_key(),
            m,
            ctx,
        }
        .render()?,
    ))
}

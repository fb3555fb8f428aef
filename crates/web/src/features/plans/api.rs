//! The plans' JSON API: plans, measures (with their accepted progress), indicators (with
//! values and the gap) for anyone who may see the plans, and an organisation's progress
//! report for a round, posted with its token — checked by the same rules as the form.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::auth::Permission;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::features::plans::rounds::{ReportFields, validate_report};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{FormErrors, parse_id};
use crate::http::paging::{Page, Paging};
use crate::http::problem::field_problem;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanJson {
    id: i64,
    name_lv: String,
    name_en: Option<String>,
    legal_basis_lv: Option<String>,
    legal_basis_en: Option<String>,
    period_start: i64,
    period_end: i64,
    /// draft, in_force or closed.
    status: String,
    measures: i64,
    tasks: Vec<TaskJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TaskJson {
    id: i64,
    /// equality, inclusion, participation, education, employment, health or housing.
    objective: String,
    code: String,
    title_lv: String,
    title_en: Option<String>,
}

/// List action plans
///
/// The action plans with their tasks.
#[utoipa::path(
    get, path = "/api/v1/plans", operation_id = "listPlans", tag = "Plans", params(Paging),
    responses((status = 200, body = Page<PlanJson>), (status = 401, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn plans(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<PlanJson>>> {
    user.require(Permission::ViewPlans)?;
    let mut out = Vec::new();
    for p in store::plans::list(state.db()).await? {
        let tasks = store::plans::tasks(state.db(), p.id).await?;
        out.push(PlanJson {
            id: p.id,
            name_lv: p.name_lv,
            name_en: p.name_en,
            legal_basis_lv: p.legal_basis_lv,
            legal_basis_en: p.legal_basis_en,
            period_start: p.period_start,
            period_end: p.period_end,
            status: p.status.as_str().to_owned(),
            measures: p.measures,
            tasks: tasks
                .into_iter()
                .map(|t| TaskJson {
                    id: t.id,
                    objective: t.objective.as_str().to_owned(),
                    code: t.code,
                    title_lv: t.title_lv,
                    title_en: t.title_en,
                })
                .collect(),
        });
    }
    Ok(Json(paging.of(out)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// The plan's id.
    plan: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationRef {
    id: i64,
    name_lv: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeasureJson {
    id: i64,
    plan_id: i64,
    code: String,
    objective: String,
    task_code: Option<String>,
    title_lv: String,
    title_en: Option<String>,
    description_lv: Option<String>,
    description_en: Option<String>,
    responsible: OrganisationRef,
    co_responsible: Vec<OrganisationRef>,
    /// ISO dates.
    period_start: String,
    period_end: String,
    /// Euro cents.
    budget_cents: Option<i64>,
    /// state_budget, esf_plus, other_eu, municipal or other.
    budget_source: Option<String>,
    outputs_lv: Option<String>,
    outputs_en: Option<String>,
    /// not_started, on_track, delayed, completed or cancelled.
    status: String,
    /// Accepted progress reports, the latest round first.
    progress: Vec<ProgressJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressJson {
    round_id: i64,
    round_title_lv: String,
    period_start: String,
    period_end: String,
    organisation: OrganisationRef,
    /// responsible or partner.
    role: String,
    measure_status: Option<String>,
    done: Option<String>,
    spent_cents: Option<i64>,
    reached_roma: Option<i64>,
    reached_women: Option<i64>,
    reached_youth: Option<i64>,
    municipality_ids: Vec<i64>,
    evidence: Vec<String>,
    indicator_values: Vec<ReportedValue>,
    accepted_at: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportedValue {
    indicator_id: i64,
    value: f64,
    /// The general population's value (outcome indicators).
    #[serde(default)]
    general_value: Option<f64>,
}

fn progress_json(r: store::rounds::Report) -> ProgressJson {
    ProgressJson {
        round_id: r.round_id,
        evidence: r.evidence_links().into_iter().map(str::to_owned).collect(),
        round_title_lv: r.round_title_lv,
        period_start: r.period_start.to_string(),
        period_end: r.period_end.to_string(),
        organisation: OrganisationRef {
            id: r.organisation_id,
            name_lv: r.organisation_name,
        },
        role: r.role,
        measure_status: r.measure_status.map(|s| s.as_str().to_owned()),
        done: r.done,
        spent_cents: r.spent_cents,
        reached_roma: r.reached_roma,
        reached_women: r.reached_women,
        reached_youth: r.reached_youth,
        municipality_ids: r.places.iter().map(|p| p.0).collect(),
        indicator_values: r
            .values
            .iter()
            .map(|(i, v, g)| ReportedValue {
                indicator_id: *i,
                value: *v,
                general_value: *g,
            })
            .collect(),
        accepted_at: r.reviewed_at.map(crate::http::dates::rfc3339),
    }
}

/// A plan's measures
///
/// The measures of one plan with who is responsible, the budget and the latest progress report.
#[utoipa::path(
    get, path = "/api/v1/measures", operation_id = "listMeasures", tag = "Plans", params(PlanQuery, Paging),
    responses((status = 200, body = Page<MeasureJson>), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn measures(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<PlanQuery>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<MeasureJson>>> {
    user.require(Permission::ViewPlans)?;
    let plan = store::plans::get(state.db(), parse_id(&q.plan)?).await?;
    let mut out = Vec::new();
    for m in store::measures::for_plan(state.db(), plan.id, None).await? {
        let progress = store::rounds::accepted_for_measure(state.db(), m.id).await?;
        out.push(MeasureJson {
            id: m.id,
            plan_id: m.plan_id,
            code: m.code,
            objective: m.objective.as_str().to_owned(),
            task_code: m.task_code,
            title_lv: m.title_lv,
            title_en: m.title_en,
            description_lv: m.description_lv,
            description_en: m.description_en,
            responsible: OrganisationRef {
                id: m.responsible_organisation_id,
                name_lv: m.responsible_name,
            },
            co_responsible: m
                .partners
                .into_iter()
                .map(|(id, name_lv)| OrganisationRef { id, name_lv })
                .collect(),
            period_start: m.period_start.to_string(),
            period_end: m.period_end.to_string(),
            budget_cents: m.budget_cents,
            budget_source: m.budget_source.map(|f| f.as_str().to_owned()),
            outputs_lv: m.outputs_lv,
            outputs_en: m.outputs_en,
            status: m.status.as_str().to_owned(),
            progress: progress.into_iter().map(progress_json).collect(),
        });
    }
    Ok(Json(paging.of(out)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorJson {
    id: i64,
    plan_id: i64,
    measure_id: Option<i64>,
    objective: String,
    /// output or outcome.
    kind: String,
    name_lv: String,
    name_en: Option<String>,
    unit_lv: String,
    unit_en: Option<String>,
    /// higher or lower (is better).
    direction: String,
    baseline_value: Option<f64>,
    baseline_general: Option<f64>,
    baseline_year: Option<i64>,
    /// The gap at the baseline, positive when Roma are worse off.
    baseline_gap: Option<f64>,
    target_value: Option<f64>,
    target_year: Option<i64>,
    source_lv: Option<String>,
    /// The EU 2030 headline target it is linked to.
    eu_target: Option<String>,
    values: Vec<IndicatorValueJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorValueJson {
    year: i64,
    value: f64,
    general_value: Option<f64>,
    /// Positive when Roma are worse off.
    gap: Option<f64>,
}

/// A plan's indicators
///
/// The indicators of one plan with their baselines, targets and reported values.
#[utoipa::path(
    get, path = "/api/v1/indicators", operation_id = "listIndicators", tag = "Plans", params(PlanQuery, Paging),
    responses((status = 200, body = Page<IndicatorJson>), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn indicators(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<PlanQuery>,
    Query(paging): Query<Paging>,
) -> AppResult<Json<Page<IndicatorJson>>> {
    user.require(Permission::ViewPlans)?;
    let plan = store::plans::get(state.db(), parse_id(&q.plan)?).await?;
    let list = store::indicators::for_plan(state.db(), plan.id).await?;
    Ok(Json(
        paging.of(list
            .into_iter()
            .map(|i| {
                let gap =
                    |r: Option<f64>, g: Option<f64>| Some(domain::plan::gap(i.direction, r?, g?));
                IndicatorJson {
                    id: i.id,
                    plan_id: i.plan_id,
                    measure_id: i.measure_id,
                    objective: i.objective.as_str().to_owned(),
                    kind: i.kind.as_str().to_owned(),
                    baseline_gap: gap(i.baseline_value, i.baseline_general),
                    values: i
                        .values
                        .iter()
                        .map(|v| IndicatorValueJson {
                            year: v.year,
                            value: v.value,
                            general_value: v.general_value,
                            gap: gap(Some(v.value), v.general_value),
                        })
                        .collect(),
                    name_lv: i.name_lv,
                    name_en: i.name_en,
                    unit_lv: i.unit_lv,
                    unit_en: i.unit_en,
                    direction: i.direction.as_str().to_owned(),
                    baseline_value: i.baseline_value,
                    baseline_general: i.baseline_general,
                    baseline_year: i.baseline_year,
                    target_value: i.target_value,
                    target_year: i.target_year,
                    source_lv: i.source_lv,
                    eu_target: i.eu_target,
                }
            })
            .collect()),
    ))
}

/// An organisation's progress report on one measure of a round.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionInput {
    measure_id: i64,
    /// not_started, on_track, delayed, completed or cancelled.
    #[serde(default)]
    measure_status: Option<String>,
    /// What was done.
    #[serde(default)]
    done: Option<String>,
    /// Euro cents.
    #[serde(default)]
    spent_cents: Option<i64>,
    #[serde(default)]
    reached_roma: Option<i64>,
    #[serde(default)]
    reached_women: Option<i64>,
    #[serde(default)]
    reached_youth: Option<i64>,
    /// Latvian state cities and municipalities covered (territory ids).
    #[serde(default)]
    municipality_ids: Vec<i64>,
    /// https links.
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    indicator_values: Vec<ReportedValue>,
    /// false saves a draft; true (the default) submits it for review.
    #[serde(default = "yes")]
    submit: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionJson {
    /// The report's id (its page: `/lv/reports/{id}`).
    id: i64,
    /// pending or returned (a draft saved), or submitted.
    status: String,
}

/// Save or submit a progress report
///
/// An organisation's report on one measure in an open reporting round: saved as a draft
/// (`submit: false`) or submitted for review. Validated as the web form is; a report already
/// submitted or accepted, or a closed round, answers 409.
#[utoipa::path(
    post, path = "/api/v1/rounds/{id}/submissions", operation_id = "submitProgressReport", tag = "Plans", request_body = SubmissionInput,
    params(("id" = i64, Path, description = "The reporting round's id")),
    responses((status = 200, body = SubmissionJson), (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 409, body = crate::http::problem::Problem, content_type = "application/problem+json"), (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    body: Result<Json<SubmissionInput>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    user.require(Permission::ReportProgress)?;
    let round = parse_id(&id)?;
    let Json(b) = body.map_err(|_| AppError::BadRequest)?;
    let org = user.organisation_id.ok_or(AppError::NotFound)?;
    // Only this organisation's report on that measure in that round (else 404).
    let scope = store::OrgScope::Organisation(org);
    let report = store::rounds::reports(state.db(), scope, round)
        .await?
        .into_iter()
        .find(|r| r.measure_id == b.measure_id)
        .ok_or(AppError::NotFound)?;
    let cents = |c: Option<i64>| {
        c.map(|c| domain::plan::euro_input(c, "en"))
            .unwrap_or_default()
    };
    let num = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let fields = ReportFields {
        measure_status: b.measure_status.clone().unwrap_or_default(),
        done: b.done.clone().unwrap_or_default(),
        spent: cents(b.spent_cents),
        reached_roma: num(b.reached_roma),
        reached_women: num(b.reached_women),
        reached_youth: num(b.reached_youth),
        evidence: b.evidence.join("\n"),
        places: b.municipality_ids.iter().map(i64::to_string).collect(),
        values: b
            .indicator_values
            .iter()
            .map(|v| {
                (
                    v.indicator_id,
                    v.value.to_string(),
                    v.general_value.map(|g| g.to_string()).unwrap_or_default(),
                )
            })
            .collect(),
        comment: String::new(),
    };
    let indicators = store::indicators::for_measure(state.db(), report.measure_id).await?;
    if b.indicator_values
        .iter()
        .any(|v| !indicators.iter().any(|i| i.id == v.indicator_id))
    {
        let mut errors = FormErrors::default();
        errors.add("indicator_values", "reg-choice-invalid");
        return Ok(field_problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Invalid input",
            None,
            &errors,
        ));
    }
    let mut errors = FormErrors::default();
    let input = validate_report(&fields, &indicators, b.submit, &mut errors);
    if !errors.is_empty() {
        return Ok(field_problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Invalid input",
            None,
            &errors,
        ));
    }
    match store::rounds::save(
        state.db(),
        state.now(),
        &user.actor(ip),
        scope,
        report.id,
        &input,
        b.submit,
        None,
    )
    .await
    {
        Ok(()) => {
            let now = store::rounds::report(state.db(), scope, report.id).await?;
            Ok(Json(SubmissionJson {
                id: report.id,
                status: now.status.as_str().to_owned(),
            })
            .into_response())
        }
        Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::Place))) => {
            let mut errors = FormErrors::default();
            errors.add("municipality_ids", "reg-choice-invalid");
            Ok(field_problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Invalid input",
                None,
                &errors,
            ))
        }
        Err(store::Error::Conflict(_)) => Ok(field_problem(
            StatusCode::CONFLICT,
            "The report is submitted, accepted or its round is closed",
            None,
            &FormErrors::default(),
        )),
        Err(e) => Err(e.into()),
    }
}

//! A plan's measures imported from a spreadsheet (the template in
//! `data/templates/plan-import.csv`, CSV or XLSX): upload → preview (what each line becomes,
//! which lines cannot be used and why) → confirm, which adds every usable line or none.
//! And exports: a plan's measures in the template's columns, a round's reports, as XLSX.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use documents::table::Cell;
use domain::auth::Permission;
use domain::event::OBJECTIVES;
use domain::plan::parse_euro_cents;
use domain::text::fold;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::files::download;
use crate::http::forms::{FormErrors, parse_id};
use crate::http::tables::read_upload_table;
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The template, as shipped.
pub const TEMPLATE: &str = include_str!("../../../../../data/templates/plan-import.csv");

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The template's columns in order (also the export's).
const COLUMNS: [&str; 15] = [
    "objective",
    "task_code",
    "task",
    "code",
    "title_lv",
    "title_en",
    "description",
    "responsible",
    "partners",
    "start",
    "end",
    "budget",
    "source",
    "outputs",
    "status",
];

/// The column a header names, by folded header (Latvian or English).
fn column(header: &str) -> Option<&'static str> {
    let h = fold(header).replace(['_', '.', ','], " ");
    Some(
        match h.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
            "merkis" | "objective" => "objective",
            "uzdevuma nr" | "uzdevuma numurs" | "task code" | "task number" | "task no" => {
                "task_code"
            }
            "uzdevums" | "task" => "task",
            "pasakuma nr" | "pasakuma numurs" | "nr" | "code" | "measure code" | "measure no" => {
                "code"
            }
            "pasakums" | "nosaukums" | "measure" | "title" => "title_lv",
            "pasakums angliski" | "nosaukums angliski" | "measure in english" | "title en" => {
                "title_en"
            }
            "apraksts" | "description" => "description",
            "atbildiga iestade" | "atbildigais" | "responsible" | "responsible institution" => {
                "responsible"
            }
            "lidzatbildigas iestades"
            | "lidzatbildigie"
            | "co-responsible"
            | "co-responsible institutions" => "partners",
            "sakums" | "start" => "start",
            "beigas" | "end" => "end",
            "finansejums eur" | "finansejums" | "budget" | "budget eur" | "planned funding" => {
                "budget"
            }
            "finansejuma avots" | "funding source" | "source of funding" => "source",
            "sagaidamie rezultati" | "expected outputs" | "outputs" => "outputs",
            "statuss" | "status" => "status",
            _ => return None,
        },
    )
}

fn objective(v: &str) -> Option<&'static str> {
    let f = fold(v);
    OBJECTIVES
        .iter()
        .copied()
        .find(|o| *o == f)
        .or(match f.as_str() {
            "lidztiesiba" => Some("equality"),
            "ieklausana" => Some("inclusion"),
            "lidzdaliba" => Some("participation"),
            "izglitiba" => Some("education"),
            "nodarbinatiba" => Some("employment"),
            "veseliba" => Some("health"),
            "majoklis" | "majokli" => Some("housing"),
            _ => None,
        })
}

fn source(v: &str) -> Result<Option<&'static str>, ()> {
    let f = fold(v).replace('_', " ");
    Ok(Some(match f.trim() {
        "" => return Ok(None),
        "valsts budzets" | "state budget" => "state_budget",
        "esf+" | "esf plus" | "es fondi: esf+" | "eu funds: esf+" => "esf_plus",
        "citi es fondi" | "other eu funds" | "other eu" => "other_eu",
        "pasvaldibas budzets" | "pasvaldiba" | "municipal" | "municipal budget" => "municipal",
        "cits" | "other" => "other",
        _ => return Err(()),
    }))
}

fn status(v: &str) -> Option<&'static str> {
    let f = fold(v).replace('_', " ");
    Some(match f.trim() {
        "" | "nav uzsakts" | "not started" => "not_started",
        "norit ka planots" | "on track" => "on_track",
        "kavejas" | "delayed" => "delayed",
        "izpildits" | "completed" => "completed",
        "atcelts" | "cancelled" => "cancelled",
        _ => return None,
    })
}

/// "2024-09-01", "01.09.2024", or a year ("2024": the first or, for an end, the last day).
fn day(v: &str, end: bool, default: Date) -> Option<Date> {
    let v = v.trim();
    if v.is_empty() {
        return Some(default);
    }
    if let Ok(d) = v.parse::<Date>() {
        return Some(d);
    }
    if let Ok(y) = v.parse::<i16>() {
        return Date::new(y, if end { 12 } else { 1 }, if end { 31 } else { 1 }).ok();
    }
    let parts: Vec<&str> = v.trim_end_matches('.').split('.').collect();
    if let [d, m, y] = parts.as_slice() {
        return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    }
    None
}

/// One line of the file as planned.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line {
    pub line: usize,
    pub code: String,
    pub title: String,
    pub responsible: String,
    /// "add" or "reject".
    pub action: String,
    /// Why a line is rejected (a message id).
    pub reason: Option<String>,
    pub task: Option<(String, String)>,
    pub objective: String,
    pub title_en: Option<String>,
    pub description: Option<String>,
    pub responsible_id: Option<i64>,
    pub partners: Vec<i64>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub budget_cents: Option<i64>,
    pub source: Option<String>,
    pub outputs: Option<String>,
    pub status: String,
}

impl Line {
    fn input(&self) -> Option<store::measures::ImportedMeasure> {
        Some(store::measures::ImportedMeasure {
            line: self.line,
            task: self.task.clone(),
            input: store::measures::MeasureInput {
                task_id: None,
                objective: domain::event::Objective::parse(&self.objective)?,
                code: self.code.clone(),
                title_lv: self.title.clone(),
                title_en: self.title_en.clone(),
                description_lv: self.description.clone(),
                description_en: None,
                responsible_organisation_id: self.responsible_id?,
                partners: self.partners.clone(),
                period_start: self.start.as_deref()?.parse().ok()?,
                period_end: self.end.as_deref()?.parse().ok()?,
                budget_cents: self.budget_cents,
                budget_source: self
                    .source
                    .as_deref()
                    .and_then(domain::plan::Funding::parse),
                outputs_lv: self.outputs.clone(),
                outputs_en: None,
                status: domain::plan::MeasureStatus::parse(&self.status)?,
            },
        })
    }
}

fn cut(s: &str, max: usize) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.chars().take(max).collect())
}

/// Plans every line of the file; `Err` names what is wrong with the whole file.
async fn plan_lines(
    state: &AppState,
    plan: &store::plans::Plan,
    rows: Vec<Vec<String>>,
) -> AppResult<Result<Vec<Line>, &'static str>> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return Ok(Err("import-no-rows"));
    };
    let cols: Vec<Option<&'static str>> = header.iter().map(|h| column(h)).collect();
    if !cols.contains(&Some("code")) || !cols.contains(&Some("title_lv")) {
        return Ok(Err("plan-import-columns"));
    }
    let existing = store::measures::for_plan(state.db(), plan.id, None).await?;
    let year = |y: i64| i16::try_from(y).ok();
    let (Some(first), Some(last)) = (year(plan.period_start), year(plan.period_end)) else {
        return Ok(Err("plan-year-invalid"));
    };
    let start_default = Date::new(first, 1, 1).unwrap_or_default();
    let end_default = Date::new(last, 12, 31).unwrap_or_default();
    let tasks = store::plans::tasks(state.db(), plan.id).await?;
    let mut out: Vec<Line> = Vec::new();
    for (n, row) in rows.enumerate() {
        let get = |c: &str| -> String {
            cols.iter()
                .position(|x| *x == Some(c))
                .and_then(|i| row.get(i))
                .cloned()
                .unwrap_or_default()
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut reason: Option<&'static str> = None;
        let mut fail = |r: &'static str| {
            reason.get_or_insert(r);
        };
        // Hidden direction controls nowhere; line breaks only in the longer texts (and the
        // partners' list, one a line).
        if row
            .iter()
            .any(|c| c.chars().any(domain::text::is_hidden_control))
        {
            fail("text-hidden-characters");
        }
        for c in [
            "code",
            "title_lv",
            "title_en",
            "task_code",
            "task",
            "responsible",
        ] {
            if !domain::text::is_single_line(get(c).trim()) {
                fail("text-line-break");
            }
        }
        let code = cut(&get("code"), 20).unwrap_or_default();
        let title = cut(&get("title_lv"), 500).unwrap_or_default();
        if code.is_empty() {
            fail("plan-code-missing");
        }
        if title.is_empty() {
            fail("plan-title-missing");
        }
        if existing.iter().any(|m| m.code == code)
            || out.iter().any(|l| l.code == code && l.action == "add")
        {
            fail("plan-code-taken");
        }
        let objective = objective(&get("objective"));
        let task = match (cut(&get("task_code"), 20), cut(&get("task"), 500)) {
            (Some(c), Some(t)) => Some((c, t)),
            (Some(c), None) => Some((c.clone(), c)),
            _ => None,
        };
        // The objective comes from the column, or from a task the plan already has.
        let known_task = task
            .as_ref()
            .and_then(|(c, _)| tasks.iter().find(|t| &t.code == c));
        if objective.is_none() && known_task.is_none() {
            fail("plan-import-objective");
        }
        let responsible_name = get("responsible");
        let responsible_id =
            store::import::organisation_by_name(state.db(), responsible_name.trim()).await?;
        if responsible_id.is_none() {
            fail("plan-import-organisation");
        }
        let mut partners = Vec::new();
        for name in get("partners")
            .split([';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match store::import::organisation_by_name(state.db(), name).await? {
                Some(id) if Some(id) != responsible_id && !partners.contains(&id) => {
                    partners.push(id)
                }
                Some(_) => {}
                None => fail("plan-import-organisation"),
            }
        }
        let start = day(&get("start"), false, start_default);
        let end = day(&get("end"), true, end_default);
        match (start, end) {
            (Some(s), Some(e)) if e < s => fail("plan-period-order"),
            (Some(_), Some(_)) => {}
            _ => fail("date-invalid"),
        }
        let budget_cents = match get("budget").trim() {
            "" => None,
            b => parse_euro_cents(b).or_else(|| {
                fail("measure-budget-invalid");
                None
            }),
        };
        let source = source(&get("source")).unwrap_or_else(|_| {
            fail("plan-import-source");
            None
        });
        let status = status(&get("status")).unwrap_or_else(|| {
            fail("plan-import-status");
            "not_started"
        });
        out.push(Line {
            line: n + 2,
            code,
            title,
            responsible: responsible_name.trim().to_owned(),
            action: if reason.is_some() { "reject" } else { "add" }.to_owned(),
            reason: reason.map(str::to_owned),
            task,
            objective: objective
                .map(str::to_owned)
                .or_else(|| known_task.map(|t| t.objective.as_str().to_owned()))
                .unwrap_or_default(),
            title_en: cut(&get("title_en"), 500),
            description: cut(&get("description"), 10_000),
            responsible_id,
            partners,
            start: start.map(|d| d.to_string()),
            end: end.map(|d| d.to_string()),
            budget_cents,
            source: source.map(str::to_owned),
            outputs: cut(&get("outputs"), 5000),
            status: status.to_owned(),
        });
    }
    if out.is_empty() {
        return Ok(Err("import-no-rows"));
    }
    Ok(Ok(out))
}

#[derive(Template)]
#[template(path = "plans/import.html")]
struct ImportPage {
    ctx: PageCtx,
    plan: store::plans::Plan,
    errors: FormErrors,
}

pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let plan = store::plans::get(state.db(), parse_id(&id)?).await?;
    Ok(Html(
        ImportPage {
            ctx,
            plan,
            errors: FormErrors::default(),
        }
        .render()?,
    ))
}

/// The template to fill in.
pub async fn template(user: CurrentUser) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let mut bytes = Vec::from("\u{feff}".as_bytes());
    bytes.extend_from_slice(TEMPLATE.as_bytes());
    Ok(download(
        bytes,
        "plan-import.csv",
        "text/csv; charset=utf-8",
    ))
}

fn batch_kind(plan: i64) -> String {
    format!("plan:{plan}")
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    multipart: Multipart,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let plan = store::plans::get(state.db(), parse_id(&id)?).await?;
    let fail = |ctx: PageCtx, plan: store::plans::Plan, why: &'static str| -> AppResult<Response> {
        let mut errors = FormErrors::default();
        errors.add("file", why);
        Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(ImportPage { ctx, plan, errors }.render()?),
        )
            .into_response())
    };
    let (name, rows) = match read_upload_table(&state, multipart).await? {
        Ok(read) => read,
        Err(why) => return fail(ctx, plan, why),
    };
    let lines = match plan_lines(&state, &plan, rows).await? {
        Ok(l) => l,
        Err(why) => return fail(ctx, plan, why),
    };
    let json = serde_json::to_string(&lines).map_err(AppError::internal)?;
    let batch = store::import::save_batch(
        state.db(),
        state.now(),
        user.id,
        &batch_kind(plan.id),
        name.as_deref(),
        &json,
    )
    .await?;
    Ok(Redirect::to(&ctx.href(&format!("/plans/{}/import/{batch}", plan.id))).into_response())
}

#[derive(Template)]
#[template(path = "plans/import_preview.html")]
struct PreviewPage {
    ctx: PageCtx,
    plan: store::plans::Plan,
    batch: i64,
    file_name: String,
    lines: Vec<Line>,
    usable: usize,
    applied: bool,
    error: Option<&'static str>,
}

impl PreviewPage {
    fn reason_key(&self, r: &str) -> &'static str {
        match r {
            "plan-code-missing" => "plan-code-missing",
            "plan-title-missing" => "plan-title-missing",
            "plan-code-taken" => "plan-code-taken",
            "plan-import-objective" => "plan-import-objective",
            "plan-import-organisation" => "plan-import-organisation",
            "plan-period-order" => "plan-period-order",
            "measure-budget-invalid" => "measure-budget-invalid",
            "plan-year-invalid" => "plan-year-invalid",
            "plan-import-source" => "plan-import-source",
            "plan-import-status" => "plan-import-status",
            _ => "date-invalid",
        }
    }
}

async fn preview_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    plan: store::plans::Plan,
    batch: i64,
    error: Option<&'static str>,
) -> AppResult<PreviewPage> {
    let b = store::import::batch(state.db(), batch, user.id).await?;
    if b.kind != batch_kind(plan.id) {
        return Err(AppError::NotFound);
    }
    let lines: Vec<Line> = serde_json::from_str(&b.plan).map_err(AppError::internal)?;
    Ok(PreviewPage {
        usable: lines.iter().filter(|l| l.action == "add").count(),
        ctx,
        plan,
        batch,
        file_name: b.file_name.unwrap_or_default(),
        lines,
        applied: b.applied_at.is_some(),
        error,
    })
}

pub async fn preview(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id, batch)): Path<(String, String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let plan = store::plans::get(state.db(), parse_id(&id)?).await?;
    let page = preview_page(&state, ctx, &user, plan, parse_id(&batch)?, None).await?;
    Ok(Html(page.render()?))
}

/// Adds every usable line, or none.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, batch)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let plan = store::plans::get(state.db(), parse_id(&id)?).await?;
    let batch = parse_id(&batch)?;
    let page = preview_page(&state, ctx.clone(), &user, plan.clone(), batch, None).await?;
    let again = Redirect::to(&ctx.href(&format!("/plans/{}/import/{batch}", plan.id)));
    // (the preview's address; confirming posts to its /confirm)
    if page.applied {
        return Ok(again.into_response());
    }
    let rows: Vec<store::measures::ImportedMeasure> = page
        .lines
        .iter()
        .filter(|l| l.action == "add")
        .filter_map(Line::input)
        .collect();
    let kept = serde_json::to_string(&page.lines).map_err(AppError::internal)?;
    match store::measures::apply_import(
        state.db(),
        state.now(),
        &user.actor(ip),
        plan.id,
        batch,
        &kept,
        &rows,
    )
    .await
    {
        Ok(_) => Ok(
            Redirect::to(&ctx.href(&format!("/plans/{}?notice=imported", plan.id))).into_response(),
        ),
        Err((
            _,
            store::Error::Conflict(store::Conflict::Directory(store::DirectoryConflict::Applied)),
        )) => Ok(again.into_response()),
        Err((_, store::Error::Conflict(_) | store::Error::NotFound)) => {
            // Changed since the preview (a number taken, an organisation merged): nothing
            // was added.
            let page =
                preview_page(&state, ctx, &user, plan, batch, Some("plan-import-changed")).await?;
            Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
        }
        Err((_, e)) => Err(e.into()),
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn opt(s: &Option<String>) -> Cell {
    Cell::Text(s.clone().unwrap_or_default())
}

/// The plan's measures as XLSX in the template's columns (so a copy can be edited and
/// imported into another plan).
pub async fn export_plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ViewPlans)?;
    let plan = store::plans::get(state.db(), parse_id(&id)?).await?;
    let tasks = store::plans::tasks(state.db(), plan.id).await?;
    let measures = store::measures::for_plan(state.db(), plan.id, None).await?;
    let lang = ctx.lang;
    let header: Vec<&str> = TEMPLATE
        .lines()
        .next()
        .unwrap_or_default()
        .split(';')
        .collect();
    debug_assert_eq!(header.len(), COLUMNS.len());
    let rows: Vec<Vec<Cell>> = measures
        .iter()
        .map(|m| {
            let task = tasks.iter().find(|t| Some(t.id) == m.task_id);
            vec![
                text(i18n::t(lang, m.objective.label_key())),
                text(task.map(|t| t.code.clone()).unwrap_or_default()),
                text(task.map(|t| t.title_lv.clone()).unwrap_or_default()),
                text(m.code.clone()),
                text(m.title_lv.clone()),
                opt(&m.title_en),
                opt(&m.description_lv),
                text(m.responsible_name.clone()),
                text(
                    m.partners
                        .iter()
                        .map(|p| p.1.clone())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                text(m.period_start.to_string()),
                text(m.period_end.to_string()),
                m.budget_cents
                    .map(|c| Cell::Number(c as f64 / 100.0))
                    .unwrap_or_else(|| text("")),
                text(
                    m.budget_source
                        .map(|s| i18n::t(lang, s.label_key()))
                        .unwrap_or_default(),
                ),
                opt(&m.outputs_lv),
                text(i18n::t(lang, m.status.label_key())),
            ]
        })
        .collect();
    let bytes =
        documents::table::write_xlsx_cells("plan", &header, &rows).map_err(AppError::internal)?;
    Ok(download(bytes, &format!("plan-{}.xlsx", plan.id), XLSX))
}

/// Every report of a round as XLSX (coordinators).
pub async fn export_round(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let round = store::rounds::get(state.db(), parse_id(&id)?).await?;
    let reports = store::rounds::reports(state.db(), store::OrgScope::All, round.id).await?;
    let lang = ctx.lang;
    let ids = [
        "plan-code",
        "measure-title",
        "report-organisation",
        "report-role",
        "field-status",
        "report-measure-status",
        "report-done",
        "report-spent",
        "report-reached-roma",
        "report-reached-women",
        "report-reached-youth",
        "report-places",
        "report-evidence",
        "report-submitted-at",
        "report-review-comment",
    ];
    let names: Vec<String> = ids.iter().map(|k| i18n::t(lang, k)).collect();
    let header: Vec<&str> = names.iter().map(String::as_str).collect();
    let count = |n: Option<i64>| {
        n.map(|n| Cell::Number(n as f64))
            .unwrap_or_else(|| text(""))
    };
    let rows: Vec<Vec<Cell>> = reports
        .iter()
        .map(|r| {
            vec![
                text(r.measure_code.clone()),
                text(r.measure_title(lang.code())),
                text(r.organisation_name.clone()),
                text(if r.role == "partner" {
                    i18n::t(lang, "report-role-partner")
                } else {
                    i18n::t(lang, "report-role-responsible")
                }),
                text(i18n::t(lang, r.status.label_key())),
                text(
                    r.measure_status
                        .map(|s| i18n::t(lang, s.label_key()))
                        .unwrap_or_default(),
                ),
                opt(&r.done),
                r.spent_cents
                    .map(|c| Cell::Number(c as f64 / 100.0))
                    .unwrap_or_else(|| text("")),
                count(r.reached_roma),
                count(r.reached_women),
                count(r.reached_youth),
                text(
                    r.places
                        .iter()
                        .map(|p| p.1.clone())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                text(r.evidence_links().join(" ")),
                text(
                    r.submitted_at
                        .map(|t| i18n::datetime(lang, t))
                        .unwrap_or_default(),
                ),
                opt(&r.review_comment),
            ]
        })
        .collect();
    let bytes = documents::table::write_xlsx_cells("reports", &header, &rows)
        .map_err(AppError::internal)?;
    Ok(download(bytes, &format!("round-{}.xlsx", round.id), XLSX))
}

//! A plan's measures: code, title and description, objective and task, the responsible and
//! co-responsible organisations, period, planned budget and its source, expected outputs
//! and status. Every change after creation is kept in the plan history with its reason.

use domain::audit::AuditAction;
use domain::event::Objective;
use domain::plan::{Funding, MeasureStatus};
use jiff::civil::Date;
use sqlx::{Row as _, SqliteConnection};

use crate::audit::{self, Event as AuditEvent};
use crate::plans::{change, code_order, record_changes};
use crate::{Actor, Db, Error};

#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: i64,
    pub plan_id: i64,
    pub task_id: Option<i64>,
    pub task_code: Option<String>,
    pub objective: Objective,
    pub code: String,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub description_lv: Option<String>,
    pub description_en: Option<String>,
    pub responsible_organisation_id: i64,
    pub responsible_name: String,
    /// Co-responsible organisations: (id, name).
    pub partners: Vec<(i64, String)>,
    pub period_start: Date,
    pub period_end: Date,
    pub budget_cents: Option<i64>,
    pub budget_source: Option<Funding>,
    pub outputs_lv: Option<String>,
    pub outputs_en: Option<String>,
    pub status: MeasureStatus,
    pub updated_at: i64,
}

impl Measure {
    pub fn title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.title_lv, &self.title_en)
    }

    pub fn description(&self, lang: &str) -> Option<&str> {
        crate::pick_optional(lang, &self.description_lv, &self.description_en)
    }

    pub fn outputs(&self, lang: &str) -> Option<&str> {
        crate::pick_optional(lang, &self.outputs_lv, &self.outputs_en)
    }
}

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Measure {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        let date = |col: &str| -> Result<Date, sqlx::Error> {
            let s: String = r.try_get(col)?;
            s.parse().map_err(|e| sqlx::Error::Decode(Box::new(e)))
        };
        Ok(Measure {
            id: r.try_get("id")?,
            plan_id: r.try_get("plan_id")?,
            task_id: r.try_get("task_id")?,
            task_code: r.try_get("task_code")?,
            objective: crate::code(r, "objective")?,
            code: r.try_get("code")?,
            title_lv: r.try_get("title_lv")?,
            title_en: r.try_get("title_en")?,
            description_lv: r.try_get("description_lv")?,
            description_en: r.try_get("description_en")?,
            responsible_organisation_id: r.try_get("responsible_organisation_id")?,
            responsible_name: r.try_get("responsible_name")?,
            partners: Vec::new(),
            period_start: date("period_start")?,
            period_end: date("period_end")?,
            budget_cents: r.try_get("budget_cents")?,
            budget_source: crate::optional_code(r, "budget_source")?,
            outputs_lv: r.try_get("outputs_lv")?,
            outputs_en: r.try_get("outputs_en")?,
            status: crate::code(r, "status")?,
            updated_at: r.try_get("updated_at")?,
        })
    }
}

/// What the measure form gives.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureInput {
    pub task_id: Option<i64>,
    pub objective: Objective,
    pub code: String,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub description_lv: Option<String>,
    pub description_en: Option<String>,
    pub responsible_organisation_id: i64,
    pub partners: Vec<i64>,
    pub period_start: Date,
    pub period_end: Date,
    pub budget_cents: Option<i64>,
    pub budget_source: Option<Funding>,
    pub outputs_lv: Option<String>,
    pub outputs_en: Option<String>,
    pub status: MeasureStatus,
}

const SELECT: &str = "SELECT m.id, m.plan_id, m.task_id, t.code AS task_code, m.objective, m.code,
        m.title_lv, m.title_en, m.description_lv, m.description_en,
        m.responsible_organisation_id, o.name_lv AS responsible_name, m.period_start,
        m.period_end, m.budget_cents, m.budget_source, m.outputs_lv, m.outputs_en, m.status,
        m.updated_at
     FROM measures m
     JOIN organisations o ON o.id = m.responsible_organisation_id
     LEFT JOIN plan_tasks t ON t.id = m.task_id";

async fn fill_partners(db: &Db, measures: &mut [Measure]) -> crate::Result<()> {
    if measures.is_empty() {
        return Ok(());
    }
    let ids = measures
        .iter()
        .map(|m| m.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT mp.measure_id, o.id, o.name_lv FROM measure_partners mp
         JOIN organisations o ON o.id = mp.organisation_id
         WHERE mp.measure_id IN ({ids}) ORDER BY o.sort_key"
    )))
    .fetch_all(&db.reader)
    .await?;
    for m in measures.iter_mut() {
        m.partners = rows
            .iter()
            .filter(|r| r.0 == m.id)
            .map(|r| (r.1, r.2.clone()))
            .collect();
    }
    Ok(())
}

/// A plan's measures in code order; `organisation` keeps those it is responsible or
/// co-responsible for.
pub async fn for_plan(
    db: &Db,
    plan_id: i64,
    organisation: Option<i64>,
) -> crate::Result<Vec<Measure>> {
    let mut list: Vec<Measure> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE m.plan_id = $1
           AND ($2 IS NULL OR m.responsible_organisation_id = $2
                OR EXISTS (SELECT 1 FROM measure_partners mp
                            WHERE mp.measure_id = m.id AND mp.organisation_id = $2))"
    )))
    .bind(plan_id)
    .bind(organisation)
    .fetch_all(&db.reader)
    .await?;
    list.sort_by(|a, b| code_order(&a.code, &b.code));
    fill_partners(db, &mut list).await?;
    Ok(list)
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Measure> {
    let m: Measure = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE m.id = $1")))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)?;
    let mut one = [m];
    fill_partners(db, &mut one).await?;
    let [m] = one;
    Ok(m)
}

/// Checks what an input refers to: the task in this plan (`PlanConflict::Task`), live
/// organisations (`PlanConflict::Organisation`), a code free in the plan (`PlanConflict::Code`).
async fn check(
    conn: &mut SqliteConnection,
    plan_id: i64,
    id: Option<i64>,
    i: &MeasureInput,
) -> crate::Result<()> {
    if let Some(t) = i.task_id {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM plan_tasks WHERE id = $1 AND plan_id = $2")
                .bind(t)
                .bind(plan_id)
                .fetch_optional(&mut *conn)
                .await?;
        found.ok_or(Error::Conflict(crate::PlanConflict::Task.into()))?;
    }
    for o in std::iter::once(&i.responsible_organisation_id).chain(&i.partners) {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM organisations WHERE id = $1 AND merged_into_id IS NULL",
        )
        .bind(o)
        .fetch_optional(&mut *conn)
        .await?;
        found.ok_or(Error::Conflict(crate::PlanConflict::Organisation.into()))?;
    }
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM measures WHERE plan_id = $1 AND code = $2 AND ($3 IS NULL OR id <> $3)",
    )
    .bind(plan_id)
    .bind(&i.code)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    if taken.is_some() {
        return Err(Error::Conflict(crate::PlanConflict::Code.into()));
    }
    Ok(())
}

async fn write_partners(
    conn: &mut SqliteConnection,
    id: i64,
    partners: &[i64],
) -> crate::Result<()> {
    sqlx::query("DELETE FROM measure_partners WHERE measure_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for o in partners {
        sqlx::query(
            "INSERT OR IGNORE INTO measure_partners (measure_id, organisation_id) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(o)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Adds a measure to a plan (`NotFound` for an unknown plan).
pub async fn create(
    db: &Db,
    now: i64,
    actor: &Actor,
    plan_id: i64,
    i: &MeasureInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = create_in(&mut tx, now, actor, plan_id, i).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`create`] inside the caller's transaction.
pub(crate) async fn create_in(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    plan_id: i64,
    i: &MeasureInput,
) -> crate::Result<i64> {
    crate::plans::known_in(&mut *conn, plan_id).await?;
    check(conn, plan_id, None, i).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO measures (plan_id, task_id, objective, code, title_lv, title_en,
             description_lv, description_en, responsible_organisation_id, period_start,
             period_end, budget_cents, budget_source, outputs_lv, outputs_en, status,
             created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
         RETURNING id",
    )
    .bind(plan_id)
    .bind(i.task_id)
    .bind(i.objective.as_str())
    .bind(&i.code)
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .bind(i.description_lv.as_deref())
    .bind(i.description_en.as_deref())
    .bind(i.responsible_organisation_id)
    .bind(i.period_start.to_string())
    .bind(i.period_end.to_string())
    .bind(i.budget_cents)
    .bind(i.budget_source.map(Funding::as_str))
    .bind(i.outputs_lv.as_deref())
    .bind(i.outputs_en.as_deref())
    .bind(i.status.as_str())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    write_partners(conn, id, &i.partners).await?;
    audit::record(
        conn,
        now,
        actor,
        &AuditEvent::new(AuditAction::MeasureCreated).on("measure", id),
    )
    .await?;
    Ok(id)
}

/// One measure of a plan import, with the task it goes under (made when the plan has no
/// task with that code yet).
#[derive(Debug, Clone)]
pub struct ImportedMeasure {
    pub line: usize,
    /// (code, Latvian title) of the task.
    pub task: Option<(String, String)>,
    pub input: MeasureInput,
}

/// Applies a plan import in one transaction: every row or none (a code taken since the
/// preview, say, rolls everything back: `Err((line, error))`), and marks the batch applied.
pub async fn apply_import(
    db: &Db,
    now: i64,
    actor: &Actor,
    plan_id: i64,
    batch_id: i64,
    kept: &str,
    rows: &[ImportedMeasure],
) -> Result<usize, (usize, Error)> {
    let at = |line: usize| move |e: Error| (line, e);
    let mut tx = db.write().await.map_err(at(0))?;
    crate::import::mark_applied(&mut tx, batch_id, now, kept)
        .await
        .map_err(at(0))?;
    for r in rows {
        let mut input = r.input.clone();
        if let Some((code, title)) = &r.task {
            let existing: Option<(i64, String)> = sqlx::query_as(
                "SELECT id, objective FROM plan_tasks WHERE plan_id = $1 AND code = $2",
            )
            .bind(plan_id)
            .bind(code)
            .fetch_optional(&mut *tx)
            .await
            .map_err(|e| (r.line, e.into()))?;
            let task = match existing {
                Some((id, objective)) => {
                    input.objective = crate::from_code(&objective);
                    id
                }
                None => crate::plans::add_task_in(
                    &mut tx,
                    now,
                    actor,
                    plan_id,
                    &crate::plans::TaskInput {
                        objective: input.objective,
                        code: code.clone(),
                        title_lv: title.clone(),
                        title_en: None,
                    },
                )
                .await
                .map_err(at(r.line))?,
            };
            input.task_id = Some(task);
        }
        create_in(&mut tx, now, actor, plan_id, &input)
            .await
            .map_err(at(r.line))?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::PlanImported)
            .on("plan", plan_id)
            .detail(format!("measures={}", rows.len())),
    )
    .await
    .map_err(at(0))?;
    tx.commit().await.map_err(|e| (0, e.into()))?;
    Ok(rows.len())
}

async fn org_names(conn: &mut SqliteConnection, ids: &[i64]) -> crate::Result<String> {
    let mut names = Vec::new();
    for id in ids {
        let n: Option<String> =
            sqlx::query_scalar("SELECT name_lv FROM organisations WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        names.extend(n);
    }
    names.sort();
    Ok(names.join("; "))
}

/// Re-plans a measure: every changed field goes to the history with `reason` (required
/// when anything changes: `PlanConflict::Reason`). Organisations are kept in the history by
/// name, the task by code, money in cents, dates as ISO dates.
pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &MeasureInput,
    reason: &str,
) -> crate::Result<()> {
    update_checked(db, now, actor, id, i, reason, None).await
}

/// Re-plans a measure if it is still at `expected` (`crate::versions`): refused as stale
/// when someone saved it since the form was loaded.
pub async fn update_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &MeasureInput,
    reason: &str,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "measures", id, expected).await?;
    // The earlier values, read in this transaction: what the history keeps is what was there.
    let mut old: Measure = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE m.id = $1")))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound)?;
    old.partners = sqlx::query_as(
        "SELECT o.id, o.name_lv FROM measure_partners mp
         JOIN organisations o ON o.id = mp.organisation_id WHERE mp.measure_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    check(&mut tx, old.plan_id, Some(id), i).await?;
    let task_code: Option<String> = match i.task_id {
        Some(t) => {
            sqlx::query_scalar("SELECT code FROM plan_tasks WHERE id = $1")
                .bind(t)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    let old_partners: Vec<i64> = old.partners.iter().map(|p| p.0).collect();
    let mut new_partners = i.partners.clone();
    new_partners.sort_unstable();
    new_partners.dedup();
    let mut sorted_old = old_partners.clone();
    sorted_old.sort_unstable();
    let (old_partner_names, new_partner_names) = if sorted_old == new_partners {
        (None, None)
    } else {
        (
            Some(org_names(&mut tx, &sorted_old).await?),
            Some(org_names(&mut tx, &new_partners).await?),
        )
    };
    let responsible = org_names(&mut tx, &[i.responsible_organisation_id]).await?;
    let cents = |c: Option<i64>| c.map(|c| c.to_string());
    let changes = vec![
        change("code", Some(old.code.clone()), Some(i.code.clone())),
        change(
            "objective",
            Some(old.objective.as_str().to_owned()),
            Some(i.objective.as_str().to_owned()),
        ),
        change("task", old.task_code.clone(), task_code),
        change(
            "title_lv",
            Some(old.title_lv.clone()),
            Some(i.title_lv.clone()),
        ),
        change("title_en", old.title_en.clone(), i.title_en.clone()),
        change(
            "description_lv",
            old.description_lv.clone(),
            i.description_lv.clone(),
        ),
        change(
            "description_en",
            old.description_en.clone(),
            i.description_en.clone(),
        ),
        change(
            "responsible",
            Some(old.responsible_name.clone()),
            Some(responsible),
        ),
        change("partners", old_partner_names, new_partner_names),
        change(
            "period_start",
            Some(old.period_start.to_string()),
            Some(i.period_start.to_string()),
        ),
        change(
            "period_end",
            Some(old.period_end.to_string()),
            Some(i.period_end.to_string()),
        ),
        change(
            "budget_cents",
            cents(old.budget_cents),
            cents(i.budget_cents),
        ),
        change(
            "budget_source",
            old.budget_source.map(|f| f.as_str().to_owned()),
            i.budget_source.map(|f| f.as_str().to_owned()),
        ),
        change("outputs_lv", old.outputs_lv.clone(), i.outputs_lv.clone()),
        change("outputs_en", old.outputs_en.clone(), i.outputs_en.clone()),
        change(
            "status",
            Some(old.status.as_str().to_owned()),
            Some(i.status.as_str().to_owned()),
        ),
    ];
    if !record_changes(&mut tx, now, actor, "measure", id, changes, reason).await? {
        return Ok(());
    }
    sqlx::query(
        "UPDATE measures SET task_id = $1, objective = $2, code = $3, title_lv = $4, title_en = $5,
             description_lv = $6, description_en = $7, responsible_organisation_id = $8,
             period_start = $9, period_end = $10, budget_cents = $11, budget_source = $12,
             outputs_lv = $13, outputs_en = $14, status = $15, updated_at = $16
         WHERE id = $17",
    )
    .bind(i.task_id)
    .bind(i.objective.as_str())
    .bind(&i.code)
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .bind(i.description_lv.as_deref())
    .bind(i.description_en.as_deref())
    .bind(i.responsible_organisation_id)
    .bind(i.period_start.to_string())
    .bind(i.period_end.to_string())
    .bind(i.budget_cents)
    .bind(i.budget_source.map(Funding::as_str))
    .bind(i.outputs_lv.as_deref())
    .bind(i.outputs_en.as_deref())
    .bind(i.status.as_str())
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    write_partners(&mut tx, id, &i.partners).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::MeasureUpdated).on("measure", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a measure's status inside the caller's transaction (an accepted progress report),
/// with its history row.
pub(crate) async fn set_status_in(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    id: i64,
    status: MeasureStatus,
    reason: &str,
) -> crate::Result<()> {
    let old: String = sqlx::query_scalar("SELECT status FROM measures WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(Error::NotFound)?;
    let changes = vec![change(
        "status",
        Some(old),
        Some(status.as_str().to_owned()),
    )];
    if record_changes(conn, now, actor, "measure", id, changes, reason).await? {
        sqlx::query("UPDATE measures SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.as_str())
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Links an event (`kind` "event") or a follow-up action ("action") to measures, replacing
/// its links, inside the caller's transaction; an unknown measure is `PlanConflict::Measure`.
pub(crate) async fn link_in(
    conn: &mut SqliteConnection,
    kind: &str,
    id: i64,
    measures: &[i64],
) -> crate::Result<()> {
    let (table, column) = match kind {
        "event" => ("event_measures", "event_id"),
        _ => ("action_measures", "action_id"),
    };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DELETE FROM {table} WHERE {column} = $1"
    )))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    for m in measures {
        let known: Option<i64> = sqlx::query_scalar("SELECT id FROM measures WHERE id = $1")
            .bind(m)
            .fetch_optional(&mut *conn)
            .await?;
        known.ok_or(Error::Conflict(crate::PlanConflict::Measure.into()))?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT OR IGNORE INTO {table} ({column}, measure_id) VALUES ($1, $2)"
        )))
        .bind(id)
        .bind(m)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A measure as a choice in an event's or action's form: (id, "code title — plan").
pub async fn choices(db: &Db) -> crate::Result<Vec<(i64, String)>> {
    let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT m.id, m.code, m.title_lv, p.period_start, p.period_end
         FROM measures m JOIN plans p ON p.id = m.plan_id
         WHERE p.status <> 'closed' AND m.status <> 'cancelled'
         ORDER BY p.period_start DESC, p.id DESC",
    )
    .fetch_all(&db.reader)
    .await?;
    let mut out: Vec<(i64, i64, String, String)> = rows
        .into_iter()
        .map(|(id, code, title, start, end)| {
            (
                start,
                id,
                code.clone(),
                format!("{code} {title} ({start}–{end})"),
            )
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(code_order(&a.2, &b.2)));
    Ok(out
        .into_iter()
        .map(|(_, id, _, label)| (id, label))
        .collect())
}

/// The measures an event ("event") or action ("action") serves: (id, code, Latvian title,
/// English title).
pub async fn linked(
    db: &Db,
    kind: &str,
    id: i64,
) -> crate::Result<Vec<(i64, String, String, Option<String>)>> {
    linked_where(db, kind, id, "").await
}

/// The same, only measures of plans on the public site (in force or closed): what a public
/// event page may link to.
pub async fn linked_public(
    db: &Db,
    kind: &str,
    id: i64,
) -> crate::Result<Vec<(i64, String, String, Option<String>)>> {
    linked_where(
        db,
        kind,
        id,
        "AND m.plan_id IN (SELECT p.id FROM plans p WHERE p.status IN ('in_force', 'closed'))",
    )
    .await
}

async fn linked_where(
    db: &Db,
    kind: &str,
    id: i64,
    and: &'static str,
) -> crate::Result<Vec<(i64, String, String, Option<String>)>> {
    let (table, column) = match kind {
        "event" => ("event_measures", "event_id"),
        _ => ("action_measures", "action_id"),
    };
    let mut rows: Vec<(i64, String, String, Option<String>)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT m.id, m.code, m.title_lv, m.title_en FROM {table} l
             JOIN measures m ON m.id = l.measure_id WHERE l.{column} = $1 {and}"
        )))
        .bind(id)
        .fetch_all(&db.reader)
        .await?;
    rows.sort_by(|a, b| code_order(&a.1, &b.1));
    Ok(rows)
}

/// What serves a measure: its events (id, Latvian title, English title, start) and its
/// follow-up actions (id, Latvian title, English title, owner, status).
#[derive(Debug)]
pub struct Serving {
    pub events: Vec<(i64, String, Option<String>, i64)>,
    pub actions: Vec<(i64, String, Option<String>, String, String)>,
}

/// `actions` is whose actions the caller sees (coordinators every one, others their
/// organisation's, as on the actions pages).
pub async fn serving(db: &Db, measure_id: i64, actions: crate::OrgScope) -> crate::Result<Serving> {
    let org = actions.org();
    Ok(Serving {
        events: sqlx::query_as(
            "SELECT e.id, e.title_lv, e.title_en, e.starts_at FROM event_measures l
             JOIN events e ON e.id = l.event_id
             WHERE l.measure_id = $1 AND e.status NOT IN ('draft', 'cancelled')
             ORDER BY e.starts_at DESC",
        )
        .bind(measure_id)
        .fetch_all(&db.reader)
        .await?,
        actions: match org {
            Err(_) => Vec::new(),
            Ok(org) => sqlx::query_as(
                "SELECT a.id, a.title_lv, a.title_en, o.name_lv, a.status FROM action_measures l
                     JOIN follow_up_actions a ON a.id = l.action_id
                     JOIN organisations o ON o.id = a.owner_organisation_id
                     WHERE l.measure_id = $1 AND ($2 IS NULL OR a.owner_organisation_id = $2)
                     ORDER BY a.due_date IS NULL, a.due_date, a.id",
            )
            .bind(measure_id)
            .bind(org)
            .fetch_all(&db.reader)
            .await?,
        },
    })
}

/// Links every event of a type, and every follow-up action of those events, to a measure
/// (links already there stay). The demo world ties its meetings to the plan this way.
pub async fn link_events_of_type(db: &Db, measure_id: i64, event_type: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT OR IGNORE INTO event_measures (event_id, measure_id)
         SELECT id, $1 FROM events WHERE event_type = $2",
    )
    .bind(measure_id)
    .bind(event_type)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT OR IGNORE INTO action_measures (action_id, measure_id)
         SELECT a.id, $1 FROM follow_up_actions a JOIN events e ON e.id = a.event_id
         WHERE e.event_type = $2",
    )
    .bind(measure_id)
    .bind(event_type)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

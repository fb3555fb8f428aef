//! Policy plans and their national tasks, and the history every plan, measure and indicator
//! change leaves: one row per changed field with the earlier and the new value, who, when
//! and why. Every workspace user reads plans; changing them is the coordinators' (checked
//! by the caller's permission).

use domain::audit::AuditAction;
use domain::event::Objective;
use domain::plan::PlanStatus;
use sqlx::{Row as _, SqliteConnection};

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: i64,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub legal_basis_lv: Option<String>,
    pub legal_basis_en: Option<String>,
    pub period_start: i64,
    pub period_end: i64,
    pub status: PlanStatus,
    pub measures: i64,
    pub updated_at: i64,
}

impl Plan {
    /// In force or closed: shown on the public site.
    pub fn is_public(&self) -> bool {
        matches!(self.status.as_str(), "in_force" | "closed")
    }

    pub fn name(&self, lang: &str) -> &str {
        crate::pick(lang, &self.name_lv, &self.name_en)
    }

    pub fn legal_basis(&self, lang: &str) -> Option<&str> {
        crate::pick_optional(lang, &self.legal_basis_lv, &self.legal_basis_en)
    }
}

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Plan {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        Ok(Plan {
            id: r.try_get("id")?,
            name_lv: r.try_get("name_lv")?,
            name_en: r.try_get("name_en")?,
            legal_basis_lv: r.try_get("legal_basis_lv")?,
            legal_basis_en: r.try_get("legal_basis_en")?,
            period_start: r.try_get("period_start")?,
            period_end: r.try_get("period_end")?,
            status: crate::code(r, "status")?,
            measures: r.try_get("measures")?,
            updated_at: r.try_get("updated_at")?,
        })
    }
}

/// What the plan form gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanInput {
    pub name_lv: String,
    pub name_en: Option<String>,
    pub legal_basis_lv: Option<String>,
    pub legal_basis_en: Option<String>,
    pub period_start: i64,
    pub period_end: i64,
    pub status: PlanStatus,
}

const SELECT_PLAN: &str = "SELECT p.id, p.name_lv, p.name_en, p.legal_basis_lv, p.legal_basis_en,
        p.period_start, p.period_end, p.status, p.updated_at,
        (SELECT COUNT(*) FROM measures m WHERE m.plan_id = p.id) AS measures
     FROM plans p";

/// Every plan, the latest period first.
pub async fn list(db: &Db) -> crate::Result<Vec<Plan>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_PLAN} ORDER BY p.period_start DESC, p.id DESC"
    )))
    .fetch_all(&db.reader)
    .await?)
}

/// The plans the public sees: in force or closed, not drafts.
pub async fn list_public(db: &Db) -> crate::Result<Vec<Plan>> {
    Ok(list(db)
        .await?
        .into_iter()
        .filter(Plan::is_public)
        .collect())
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Plan> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_PLAN} WHERE p.id = $1"
    )))
    .bind(id)
    .fetch_optional(&db.reader)
    .await?
    .ok_or(Error::NotFound)
}

pub async fn create(db: &Db, now: i64, actor: &Actor, i: &PlanInput) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plans (name_lv, name_en, legal_basis_lv, legal_basis_en, period_start,
             period_end, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(&i.name_lv)
    .bind(i.name_en.as_deref())
    .bind(i.legal_basis_lv.as_deref())
    .bind(i.legal_basis_en.as_deref())
    .bind(i.period_start)
    .bind(i.period_end)
    .bind(i.status.as_str())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::PlanCreated).on("plan", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a plan; every changed field goes to the history with `reason`, which is
/// required when anything changes (`PlanConflict::Reason`).
pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &PlanInput,
    reason: &str,
) -> crate::Result<()> {
    update_checked(db, now, actor, id, i, reason, None).await
}

/// Changes a plan if it is still at `expected` (`crate::versions`): refused as stale when
/// someone saved it since the form was loaded.
pub async fn update_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &PlanInput,
    reason: &str,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "plans", id, expected).await?;
    let old: Plan = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_PLAN} WHERE p.id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Error::NotFound)?;
    let changes = vec![
        change("name_lv", Some(old.name_lv), Some(i.name_lv.clone())),
        change("name_en", old.name_en, i.name_en.clone()),
        change(
            "legal_basis_lv",
            old.legal_basis_lv,
            i.legal_basis_lv.clone(),
        ),
        change(
            "legal_basis_en",
            old.legal_basis_en,
            i.legal_basis_en.clone(),
        ),
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
            "status",
            Some(old.status.as_str().to_owned()),
            Some(i.status.as_str().to_owned()),
        ),
    ];
    if !record_changes(&mut tx, now, actor, "plan", id, changes, reason).await? {
        return Ok(());
    }
    sqlx::query(
        "UPDATE plans SET name_lv = $1, name_en = $2, legal_basis_lv = $3, legal_basis_en = $4,
             period_start = $5, period_end = $6, status = $7, updated_at = $8
         WHERE id = $9",
    )
    .bind(&i.name_lv)
    .bind(i.name_en.as_deref())
    .bind(i.legal_basis_lv.as_deref())
    .bind(i.legal_basis_en.as_deref())
    .bind(i.period_start)
    .bind(i.period_end)
    .bind(i.status.as_str())
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::PlanUpdated).on("plan", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A national task under one of the EU framework's objectives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: i64,
    pub plan_id: i64,
    pub objective: Objective,
    pub code: String,
    pub title_lv: String,
    pub title_en: Option<String>,
}

impl Task {
    pub fn title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.title_lv, &self.title_en)
    }
}

#[derive(Debug, Clone, Default)]
pub struct TaskInput {
    pub objective: Objective,
    pub code: String,
    pub title_lv: String,
    pub title_en: Option<String>,
}

/// A plan's tasks in code order (natural: "1.2" before "1.10").
pub async fn tasks(db: &Db, plan_id: i64) -> crate::Result<Vec<Task>> {
    let rows: Vec<(i64, i64, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, plan_id, objective, code, title_lv, title_en FROM plan_tasks WHERE plan_id = $1",
    )
    .bind(plan_id)
    .fetch_all(&db.reader)
    .await?;
    let mut tasks: Vec<Task> = rows
        .into_iter()
        .map(|r| Task {
            id: r.0,
            plan_id: r.1,
            objective: crate::from_code(&r.2),
            code: r.3,
            title_lv: r.4,
            title_en: r.5,
        })
        .collect();
    tasks.sort_by(|a, b| code_order(&a.code, &b.code));
    Ok(tasks)
}

/// Adds a task; `NotFound` for an unknown plan, `PlanConflict::Code` when the plan already
/// has a task with that code.
pub async fn add_task(
    db: &Db,
    now: i64,
    actor: &Actor,
    plan_id: i64,
    i: &TaskInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = add_task_in(&mut tx, now, actor, plan_id, i).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`add_task`] inside the caller's transaction.
pub(crate) async fn add_task_in(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    plan_id: i64,
    i: &TaskInput,
) -> crate::Result<i64> {
    known_in(&mut *conn, plan_id).await?;
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM plan_tasks WHERE plan_id = $1 AND code = $2")
            .bind(plan_id)
            .bind(&i.code)
            .fetch_optional(&mut *conn)
            .await?;
    if taken.is_some() {
        return Err(Error::Conflict(crate::PlanConflict::Code.into()));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plan_tasks (plan_id, objective, code, title_lv, title_en)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(plan_id)
    .bind(i.objective.as_str())
    .bind(&i.code)
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .fetch_one(&mut *conn)
    .await?;
    audit::record(
        conn,
        now,
        actor,
        &AuditEvent::new(AuditAction::PlanTaskAdded)
            .on("plan", plan_id)
            .detail(format!("task={id}")),
    )
    .await?;
    Ok(id)
}

/// `NotFound` unless the plan exists (inside the caller's transaction).
pub(crate) async fn known_in(conn: &mut SqliteConnection, plan_id: i64) -> crate::Result<()> {
    let known: Option<i64> = sqlx::query_scalar("SELECT id FROM plans WHERE id = $1")
        .bind(plan_id)
        .fetch_optional(conn)
        .await?;
    known.map(|_| ()).ok_or(Error::NotFound)
}

/// Orders codes like "1.2" < "1.10" < "2": numeric parts as numbers, the rest as text.
pub fn code_order(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |s: &str| -> Vec<(u64, String)> {
        s.split(['.', '-', ' '])
            .map(|p| (p.parse::<u64>().unwrap_or(u64::MAX), p.to_owned()))
            .collect()
    };
    parts(a).cmp(&parts(b))
}

/// One changed field: (field, earlier value, new value).
pub(crate) type Change = (String, Option<String>, Option<String>);

pub(crate) fn change(field: impl Into<String>, old: Option<String>, new: Option<String>) -> Change {
    (field.into(), old, new)
}

/// Writes a history row for every field whose value differs; true when any did. A change
/// needs a reason (`PlanConflict::Reason` when `reason` is blank).
pub(crate) async fn record_changes(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    entity: &str,
    id: i64,
    changes: Vec<Change>,
    reason: &str,
) -> crate::Result<bool> {
    let changed: Vec<Change> = changes.into_iter().filter(|c| c.1 != c.2).collect();
    if changed.is_empty() {
        return Ok(false);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::Conflict(crate::PlanConflict::Reason.into()));
    }
    for (field, old, new) in changed {
        sqlx::query(
            "INSERT INTO plan_history (entity, entity_id, field, old_value, new_value, reason, at,
                 actor_user_id, actor_label)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(entity)
        .bind(id)
        .bind(field)
        .bind(old)
        .bind(new)
        .bind(reason)
        .bind(now)
        .bind(actor.user_id)
        .bind(actor.label.as_deref())
        .execute(&mut *conn)
        .await?;
    }
    Ok(true)
}

/// One recorded change, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: i64,
    pub who: Option<String>,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// (at, who, field, earlier value, new value, reason).
type HistoryRow = (
    i64,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// What changed on a plan ("plan"), measure ("measure") or indicator ("indicator"), the
/// latest first. `who` is the user's name (or the actor label, e.g. "cli").
pub async fn history(db: &Db, entity: &str, id: i64) -> crate::Result<Vec<HistoryEntry>> {
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT h.at, COALESCE(u.name, h.actor_label), h.field, h.old_value, h.new_value,
                h.reason
         FROM plan_history h
         LEFT JOIN users u ON u.id = h.actor_user_id
         WHERE h.entity = $1 AND h.entity_id = $2
         ORDER BY h.id DESC",
    )
    .bind(entity)
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| HistoryEntry {
            at: r.0,
            who: r.1,
            field: r.2,
            old_value: r.3,
            new_value: r.4,
            reason: r.5,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::code_order;
    use std::cmp::Ordering;

    #[test]
    fn codes_sort_by_their_numbers() {
        assert_eq!(code_order("1.2", "1.10"), Ordering::Less);
        assert_eq!(code_order("2", "1.10"), Ordering::Greater);
        assert_eq!(code_order("1.1", "1.1"), Ordering::Equal);
        assert_eq!(code_order("A.1", "1.1"), Ordering::Greater);
    }
}

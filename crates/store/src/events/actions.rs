//! Follow-up actions decided at a meeting: what, the organisation that owns it, the due
//! date, the status (open, in progress, done, dropped with a reason) and progress notes.
//! Coordinators see every action; everyone else only their own organisation's — decided
//! here, in the queries ([`Scope`]).

use domain::audit::AuditAction;
use domain::event::ActionStatus;
use jiff::civil::Date;

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};

/// Whose actions a caller sees.
pub type Scope = crate::OrgScope;

pub const STATUSES: &[&str] = domain::event::ActionStatus::CODES;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub id: i64,
    pub event_id: i64,
    pub event_title_lv: String,
    pub event_title_en: Option<String>,
    pub event_starts_at: i64,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub owner_organisation_id: i64,
    pub owner_name: String,
    pub due_date: Option<Date>,
    pub status: ActionStatus,
    pub drop_reason: Option<String>,
    pub updated_at: i64,
}

impl Action {
    pub fn title(&self, lang: &str) -> &str {
        match (lang, &self.title_en) {
            ("en", Some(t)) => t,
            _ => &self.title_lv,
        }
    }

    pub fn event_title(&self, lang: &str) -> &str {
        match (lang, &self.event_title_en) {
            ("en", Some(t)) => t,
            _ => &self.event_title_lv,
        }
    }

    /// Still to do (open or in progress).
    pub fn is_pending(&self) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::InProgress)
    }

    /// Pending and past its due date.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.is_pending() && self.due_date.is_some_and(|d| d < today)
    }
}

/// What a form gives for a new action.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub title_lv: String,
    pub title_en: Option<String>,
    pub owner_organisation_id: i64,
    pub due_date: Option<Date>,
    /// The plan's measures the action serves.
    pub measures: Vec<i64>,
}

type Row = (
    i64,
    i64,
    String,
    Option<String>,
    i64,
    String,
    Option<String>,
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    i64,
);

const SELECT: &str = "SELECT a.id, a.event_id, e.title_lv, e.title_en, e.starts_at, a.title_lv,
        a.title_en, a.owner_organisation_id, o.name_lv, a.due_date, a.status, a.drop_reason,
        a.updated_at
     FROM follow_up_actions a
     JOIN events e ON e.id = a.event_id
     JOIN organisations o ON o.id = a.owner_organisation_id";

fn from_row(r: Row) -> Action {
    Action {
        id: r.0,
        event_id: r.1,
        event_title_lv: r.2,
        event_title_en: r.3,
        event_starts_at: r.4,
        title_lv: r.5,
        title_en: r.6,
        owner_organisation_id: r.7,
        owner_name: r.8,
        due_date: r.9.and_then(|d| d.parse().ok()),
        status: crate::from_code(&r.10),
        drop_reason: r.11,
        updated_at: r.12,
    }
}

/// Creates an action decided at an event. `NotFound` for an unknown event or organisation.
pub async fn create(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    i: &ActionInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let known: (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT (SELECT id FROM events WHERE id = $1),
                (SELECT id FROM organisations WHERE id = $2 AND merged_into_id IS NULL)",
    )
    .bind(event_id)
    .bind(i.owner_organisation_id)
    .fetch_one(&mut *tx)
    .await?;
    if known.0.is_none() || known.1.is_none() {
        return Err(Error::NotFound);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO follow_up_actions (event_id, title_lv, title_en, owner_organisation_id,
             due_date, status, created_at, created_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $6) RETURNING id",
    )
    .bind(event_id)
    .bind(i.title_lv.trim())
    .bind(i.title_en.as_deref())
    .bind(i.owner_organisation_id)
    .bind(i.due_date.map(|d| d.to_string()))
    .bind(now)
    .bind(actor.user_id)
    .fetch_one(&mut *tx)
    .await?;
    crate::measures::link_in(&mut tx, "action", id, &i.measures).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ActionCreated)
            .on("event", event_id)
            .detail(format!("action={id}")),
    )
    .await?;
    let n = crate::notices::Notice {
        kind: domain::notice::NoticeKind::ActionAssigned,
        to: crate::notices::To::Organisation(i.owner_organisation_id),
        path: format!("/actions/{id}"),
        title_lv: i.title_lv.trim().to_owned(),
        title_en: i.title_en.clone(),
        dedupe: format!("action_assigned:{id}"),
    };
    crate::notices::raise_in(&mut tx, now, actor.user_id, &n).await?;
    tx.commit().await?;
    Ok(id)
}

/// An event's actions (coordinators' view of the minutes), by due date.
pub async fn for_event(db: &Db, event_id: i64) -> crate::Result<Vec<Action>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE a.event_id = $1 ORDER BY a.due_date IS NULL, a.due_date, a.id"
    )))
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// The actions a scope sees; `pending_only` keeps open and in-progress ones. Overdue
/// first, then by due date.
pub async fn list(
    db: &Db,
    scope: Scope,
    pending_only: bool,
    today: Date,
) -> crate::Result<Vec<Action>> {
    let org = match scope.org() {
        Ok(o) => o,
        Err(_) => return Ok(Vec::new()),
    };
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE ($1 IS NULL OR a.owner_organisation_id = $1)
           AND ($2 = 0 OR a.status IN ('open', 'in_progress'))
         ORDER BY CASE WHEN a.status IN ('open', 'in_progress') AND a.due_date < $3 THEN 0 ELSE 1 END,
                  a.due_date IS NULL, a.due_date, a.id"
    )))
    .bind(org)
    .bind(pending_only)
    .bind(today.to_string())
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// One action, if the scope sees it.
pub async fn get(db: &Db, scope: Scope, id: i64) -> crate::Result<Action> {
    let org = scope.org()?;
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE a.id = $1 AND ($2 IS NULL OR a.owner_organisation_id = $2)"
    )))
    .bind(id)
    .bind(org)
    .fetch_optional(&db.reader)
    .await?;
    row.map(from_row).ok_or(Error::NotFound)
}

/// A progress note, with the status it set if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub note: String,
    pub status: Option<ActionStatus>,
    pub created_at: i64,
    pub author: Option<String>,
}

pub async fn notes(db: &Db, scope: Scope, id: i64) -> crate::Result<Vec<Note>> {
    get(db, scope, id).await?;
    let rows: Vec<(String, Option<String>, i64, Option<String>)> = sqlx::query_as(
        "SELECT n.note, n.status, n.created_at, u.name FROM follow_up_notes n
         LEFT JOIN users u ON u.id = n.user_id
         WHERE n.action_id = $1 ORDER BY n.created_at, n.id",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(note, status, created_at, author)| Note {
            note,
            status: status.as_deref().map(crate::from_code),
            created_at,
            author,
        })
        .collect())
}

/// Adds a progress note and, optionally, moves the action to a new status (a dropped one
/// needs the reason, which is the note). `EventConflict::Reason` when dropping without one.
pub async fn progress(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    id: i64,
    note: &str,
    status: Option<ActionStatus>,
) -> crate::Result<()> {
    let org = scope.org()?;
    let mut tx = db.write().await?;
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM follow_up_actions WHERE id = $1 AND ($2 IS NULL OR owner_organisation_id = $2)",
    )
    .bind(id)
    .bind(org)
    .fetch_optional(&mut *tx)
    .await?;
    found.ok_or(Error::NotFound)?;
    let note = note.trim();
    if let Some(s) = status {
        if s == ActionStatus::Dropped && note.is_empty() {
            return Err(Error::Conflict(crate::EventConflict::Reason.into()));
        }
        sqlx::query(
            "UPDATE follow_up_actions SET status = $1, drop_reason = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(s.as_str())
        .bind((s == ActionStatus::Dropped).then_some(note))
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    } else if note.is_empty() {
        return Err(Error::Conflict(crate::EventConflict::Empty.into()));
    }
    sqlx::query(
        "INSERT INTO follow_up_notes (action_id, note, status, created_at, user_id) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(note)
    .bind(status.map(ActionStatus::as_str))
    .bind(now)
    .bind(actor.user_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE follow_up_actions SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ActionProgress).detail(format!(
            "action={id} status={}",
            status.map_or("-", ActionStatus::as_str)
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Open and in-progress actions from earlier events of the same series, for review at
/// this one (empty when the event has no series).
pub async fn pending_from_series(db: &Db, event_id: i64) -> crate::Result<Vec<Action>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE a.status IN ('open', 'in_progress')
           AND e.series IS NOT NULL AND e.series <> ''
           AND e.series = (SELECT series FROM events WHERE id = $1)
           AND e.starts_at < (SELECT starts_at FROM events WHERE id = $1)
         ORDER BY e.starts_at, a.due_date IS NULL, a.due_date, a.id"
    )))
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

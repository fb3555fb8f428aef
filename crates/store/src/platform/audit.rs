//! The audit log: one row per security event and per change. Insert and read only.

use sqlx::SqliteConnection;

pub use domain::audit::AuditAction;

use crate::{Actor, Db};

/// One thing that happened.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub action: AuditAction,
    pub entity: Option<&'a str>,
    pub entity_id: Option<String>,
    pub detail: Option<String>,
}

impl<'a> Event<'a> {
    pub fn new(action: AuditAction) -> Self {
        Event {
            action,
            entity: None,
            entity_id: None,
            detail: None,
        }
    }

    pub fn on(mut self, entity: &'a str, id: impl ToString) -> Self {
        self.entity = Some(entity);
        self.entity_id = Some(id.to_string());
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// Writes one audit row inside the caller's transaction.
pub async fn record(
    conn: &mut SqliteConnection,
    at: i64,
    actor: &Actor,
    event: &Event<'_>,
) -> crate::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, ip, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(at)
    .bind(actor.user_id)
    .bind(actor.label.as_deref())
    .bind(event.action.as_str())
    .bind(event.entity)
    .bind(event.entity_id.as_deref())
    .bind(actor.ip.as_deref())
    .bind(event.detail.as_deref())
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes one audit row in a transaction of its own.
pub async fn record_alone(db: &Db, at: i64, actor: &Actor, event: &Event<'_>) -> crate::Result<()> {
    let mut tx = db.write().await?;
    record(&mut tx, at, actor, event).await?;
    tx.commit().await?;
    Ok(())
}

/// A row as shown to coordinators.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_label: Option<String>,
    pub action: String,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

/// Filters for browsing. Empty means "any".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub action: Option<String>,
    /// Matches the actor's e-mail, name or label (substring, case-insensitive for ASCII).
    pub actor: Option<String>,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;

type Row = (
    i64,
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// One page of entries, newest first, and whether there is a next page.
pub async fn list(db: &Db, filter: &Filter, page: i64) -> crate::Result<(Vec<Entry>, bool)> {
    let actor_like = filter.actor.as_deref().map(|a| {
        format!(
            "%{}%",
            a.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )
    });
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.id, a.at, a.actor_user_id, u.name, a.actor_label, a.action, a.entity, a.entity_id, a.ip, a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE ($1 IS NULL OR a.action = $1)
           AND ($2 IS NULL OR u.email LIKE $2 ESCAPE '\\' OR u.name LIKE $2 ESCAPE '\\' OR a.actor_label LIKE $2 ESCAPE '\\')
           AND ($3 IS NULL OR a.at >= $3)
           AND ($4 IS NULL OR a.at < $4)
         ORDER BY a.id DESC
         LIMIT $5 OFFSET $6",
    )
    .bind(filter.action.as_deref())
    .bind(actor_like.as_deref())
    .bind(filter.from)
    .bind(filter.until)
    .bind(PAGE_SIZE + 1)
    .bind(page.max(0) * PAGE_SIZE)
    .fetch_all(&db.reader)
    .await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    let entries = rows
        .into_iter()
        .take(PAGE_SIZE as usize)
        .map(
            |(
                id,
                at,
                actor_user_id,
                actor_name,
                actor_label,
                action,
                entity,
                entity_id,
                ip,
                detail,
            )| Entry {
                id,
                at,
                actor_user_id,
                actor_name,
                actor_label,
                action,
                entity,
                entity_id,
                ip,
                detail,
            },
        )
        .collect();
    Ok((entries, more))
}

/// The distinct actions present, for the filter's choices.
pub async fn actions(db: &Db) -> crate::Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT action FROM audit_log ORDER BY action")
            .fetch_all(&db.reader)
            .await?,
    )
}

/// Counts rows with the given action (for tests and the dashboard).
pub async fn count(db: &Db, action: &str) -> crate::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
            .bind(action)
            .fetch_one(&db.reader)
            .await?,
    )
}

/// The ids of merge entries that have been undone.
pub async fn undone_merges(db: &Db) -> crate::Result<Vec<i64>> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT entity_id FROM audit_log WHERE action = 'merge_undone'")
            .fetch_all(&db.reader)
            .await?;
    Ok(ids.into_iter().filter_map(|s| s.parse().ok()).collect())
}

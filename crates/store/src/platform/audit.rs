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
         ORDER BY a.at DESC, a.id DESC
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

/// What a record an audit row is about is called: in Latvian, and in English where kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub lv: String,
    pub en: Option<String>,
}

/// The kinds of record the log names, each by the query (id, Latvian name, English name)
/// that names them; a mediator's report by its mediator and month. Never a sealed field, and
/// never a mediation family: its code reaches a coordinator only through supervision, so the
/// log (which every coordinator reads) shows it by number.
const NAMED: &[(&str, &str)] = &[
    (
        "action",
        "SELECT id, title_lv, title_en FROM follow_up_actions",
    ),
    (
        "assignment",
        "SELECT a.id, u.name || ', ' || t.name_lv || ', ' || a.from_date,
                u.name || ', ' || COALESCE(t.name_en, t.name_lv) || ', ' || a.from_date
         FROM mediation_assignments a JOIN users u ON u.id = a.mediator_user_id
         JOIN territories t ON t.id = a.territory_id",
    ),
    ("consultation", "SELECT id, title, NULL FROM consultations"),
    ("event", "SELECT id, title_lv, title_en FROM events"),
    ("indicator", "SELECT id, name_lv, name_en FROM indicators"),
    (
        "issued_report",
        "SELECT id, title, NULL FROM issued_reports",
    ),
    (
        "measure",
        "SELECT id, code || ' ' || title_lv, code || ' ' || title_en FROM measures",
    ),
    (
        "mediator_report",
        "SELECT r.id, u.name || ', ' || r.month, NULL FROM mediator_reports r
         JOIN users u ON u.id = r.mediator_user_id",
    ),
    ("news", "SELECT id, title_lv, title_en FROM news"),
    (
        "organisation",
        "SELECT id, name_lv, name_en FROM organisations",
    ),
    ("person", "SELECT id, name, NULL FROM people"),
    ("plan", "SELECT id, name_lv, name_en FROM plans"),
    ("practice", "SELECT id, title_lv, title_en FROM practices"),
    (
        "report",
        "SELECT x.id, m.code || ' ' || m.title_lv || ' — ' || o.name_lv,
                m.code || ' ' || m.title_en || ' — ' || COALESCE(o.name_en, o.name_lv)
         FROM progress_reports x JOIN measures m ON m.id = x.measure_id
         JOIN organisations o ON o.id = x.organisation_id",
    ),
    (
        "round",
        "SELECT id, title_lv, title_en FROM reporting_rounds",
    ),
    ("service", "SELECT id, title_lv, title_en FROM services"),
    ("story", "SELECT id, title_lv, title_en FROM stories"),
    (
        "task",
        "SELECT id, code || ' ' || title_lv, code || ' ' || COALESCE(title_en, title_lv) FROM plan_tasks",
    ),
    ("territory", "SELECT id, name_lv, name_en FROM territories"),
    ("user", "SELECT id, name, NULL FROM users"),
];

/// Whether the log can name records of this kind.
pub fn is_named(kind: &str) -> bool {
    NAMED.iter().any(|(k, _)| *k == kind)
}

/// The names of records (kind, id): one query per kind. Records gone since (erased,
/// deleted) and kinds the log does not name are absent.
pub async fn names(
    db: &Db,
    wanted: &[(String, i64)],
) -> crate::Result<std::collections::HashMap<(String, i64), Name>> {
    let mut by_kind: std::collections::BTreeMap<&str, Vec<i64>> = Default::default();
    for (kind, id) in wanted {
        by_kind.entry(kind.as_str()).or_default().push(*id);
    }
    let mut out = std::collections::HashMap::new();
    for (kind, mut ids) in by_kind {
        let Some((_, sql)) = NAMED.iter().find(|(k, _)| *k == kind) else {
            continue;
        };
        ids.sort_unstable();
        ids.dedup();
        let list = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".to_owned());
        let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(sqlx::AssertSqlSafe(
            format!("SELECT * FROM ({sql}) WHERE id IN (SELECT value FROM json_each($1))"),
        ))
        .bind(list)
        .fetch_all(&db.reader)
        .await?;
        for (id, lv, en) in rows {
            out.insert((kind.to_owned(), id), Name { lv, en });
        }
    }
    Ok(out)
}

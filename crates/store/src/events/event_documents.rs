//! What the platform knows about an event's documents; the bytes are kept by the web
//! layer in the files directory under their SHA-256 (content-addressed, so the same file
//! uploaded twice is stored once).

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};
use domain::audit::AuditAction;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: i64,
    pub event_id: i64,
    pub agenda_item_id: Option<i64>,
    pub agenda_item_title: Option<String>,
    pub title: String,
    /// pdf, docx, xlsx, odt, jpeg or png.
    pub kind: String,
    pub size: i64,
    pub sha256: String,
    pub is_public: bool,
    pub uploaded_at: i64,
}

/// A new document's record.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub agenda_item_id: Option<i64>,
    pub title: String,
    pub kind: String,
    pub size: i64,
    pub sha256: String,
    pub is_public: bool,
}

type Row = (
    i64,
    i64,
    Option<i64>,
    Option<String>,
    String,
    String,
    i64,
    String,
    bool,
    i64,
);

const SELECT: &str =
    "SELECT d.id, d.event_id, d.agenda_item_id, i.title_lv, d.title, d.kind, d.size,
        d.sha256, d.is_public, d.uploaded_at
     FROM event_documents d LEFT JOIN event_agenda_items i ON i.id = d.agenda_item_id";

fn from_row(r: Row) -> Document {
    Document {
        id: r.0,
        event_id: r.1,
        agenda_item_id: r.2,
        agenda_item_title: r.3,
        title: r.4,
        kind: r.5,
        size: r.6,
        sha256: r.7,
        is_public: r.8,
        uploaded_at: r.9,
    }
}

/// Records a document of an event (its agenda item must be the event's).
pub async fn add(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    d: &NewDocument,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let event: Option<i64> = sqlx::query_scalar("SELECT id FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&mut *tx)
        .await?;
    event.ok_or(Error::NotFound)?;
    if let Some(item) = d.agenda_item_id {
        let ours: Option<i64> =
            sqlx::query_scalar("SELECT id FROM event_agenda_items WHERE id = $1 AND event_id = $2")
                .bind(item)
                .bind(event_id)
                .fetch_optional(&mut *tx)
                .await?;
        ours.ok_or(Error::Conflict(crate::EventConflict::AgendaItem.into()))?;
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO event_documents (event_id, agenda_item_id, title, kind, size, sha256,
             is_public, uploaded_at, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(event_id)
    .bind(d.agenda_item_id)
    .bind(d.title.trim())
    .bind(&d.kind)
    .bind(d.size)
    .bind(&d.sha256)
    .bind(d.is_public)
    .bind(now)
    .bind(actor.user_id)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::DocumentAdded)
            .on("event", event_id)
            .detail(format!("document={id} {}", d.kind)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// An event's documents; `public_only` for the public page.
pub async fn for_event(db: &Db, event_id: i64, public_only: bool) -> crate::Result<Vec<Document>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE d.event_id = $1 AND ($2 = 0 OR d.is_public = 1) ORDER BY i.position, d.id"
    )))
    .bind(event_id)
    .bind(public_only)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// One document of an event.
pub async fn get(db: &Db, event_id: i64, id: i64) -> crate::Result<Document> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE d.id = $1 AND d.event_id = $2"
    )))
    .bind(id)
    .bind(event_id)
    .fetch_optional(&db.reader)
    .await?;
    row.map(from_row).ok_or(Error::NotFound)
}

/// Removes a document's record; returns its SHA-256 when no other record uses the same
/// bytes (the caller may then delete the file).
pub async fn remove(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    id: i64,
) -> crate::Result<Option<String>> {
    let mut tx = db.write().await?;
    let sha: Option<String> =
        sqlx::query_scalar("SELECT sha256 FROM event_documents WHERE id = $1 AND event_id = $2")
            .bind(id)
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?;
    let sha = sha.ok_or(Error::NotFound)?;
    sqlx::query("DELETE FROM event_documents WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let unused = unused_file(&mut tx, &sha).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::DocumentRemoved)
            .on("event", event_id)
            .detail(format!("document={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(unused.then_some(sha))
}

/// True when no record (event document or report evidence) uses these bytes any more.
pub(crate) async fn unused_file(
    conn: &mut sqlx::SqliteConnection,
    sha: &str,
) -> crate::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM event_documents WHERE sha256 = $1)
              + (SELECT COUNT(*) FROM progress_report_files WHERE sha256 = $1)
              + (SELECT COUNT(*) FROM stories WHERE photo_sha256 = $1)
              + (SELECT COUNT(*) FROM practice_files WHERE sha256 = $1)",
    )
    .bind(sha)
    .fetch_one(conn)
    .await?;
    Ok(n == 0)
}

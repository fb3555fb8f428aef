//! The access log: who read which person's special-category or contact data, or exported a
//! personal list — when, what, and for which purpose where one was asked. Kept in a file of
//! its own beside the database (`db::access_log_path`), so a page that is only read still
//! changes nothing in the database, and so the log survives a restore of the data it is
//! about. Each record names the people it concerns by subject keys (`domain::privacy`:
//! `p:<person id>`, `e:<e-mail>`, `u:<account id>`); a person's access report reads them
//! back. Mediation cases keep their own log (`mediation_access_log`).

use std::path::Path;

use domain::privacy::{AccessKind, AccessPurpose};

use crate::Db;

/// The access log's tables (created at migration; the file has no other schema).
const SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS access_records (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user_id INTEGER,
        -- The reader's name at the time: the log reads in words without the database.
        user_label TEXT NOT NULL,
        kind TEXT NOT NULL,
        -- Which page or list, in words (\"registrations of event 12, csv, 40 rows\").
        detail TEXT NOT NULL,
        purpose TEXT
    )",
    "CREATE INDEX IF NOT EXISTS access_records_at ON access_records(at)",
    "CREATE INDEX IF NOT EXISTS access_records_user ON access_records(user_id, at)",
    "CREATE TABLE IF NOT EXISTS access_subjects (
        record_id INTEGER NOT NULL REFERENCES access_records(id) ON DELETE CASCADE,
        subject TEXT NOT NULL
    )",
    "CREATE INDEX IF NOT EXISTS access_subjects_subject ON access_subjects(subject, record_id)",
    "CREATE INDEX IF NOT EXISTS access_subjects_record ON access_subjects(record_id)",
];

/// Creates the access log's tables when missing (called by `migrate::run`).
pub async fn migrate(db: &Db) -> crate::Result<()> {
    for sql in SCHEMA.iter().copied() {
        sqlx::query(sql).execute(&db.access).await?;
    }
    Ok(())
}

/// Who read: an account's id and their name at the time.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    pub user_id: i64,
    pub name: &'a str,
}

/// One reading to record.
#[derive(Debug, Clone)]
pub struct Access<'a> {
    pub kind: AccessKind,
    pub detail: String,
    pub purpose: Option<AccessPurpose>,
    /// The people concerned (subject keys); an export lists everyone in it.
    pub subjects: &'a [String],
}

/// The same reading of one person's page again within this long adds nothing to the log.
pub const REPEAT_WITHIN: i64 = 600;

/// Records a reading (before the data is shown: a reading that cannot be recorded is not
/// shown). A list's subjects are kept once each. A page of one person read again by the same
/// reader for the same purpose within [`REPEAT_WITHIN`] (a reload, a form sent back) is the
/// reading already recorded; exports are recorded every time.
pub async fn record(db: &Db, now: i64, reader: &Reader<'_>, a: &Access<'_>) -> crate::Result<()> {
    let mut tx = db.access.begin_with("BEGIN IMMEDIATE").await?;
    if let [subject] = a.subjects
        && a.kind != AccessKind::Export
    {
        let again: Option<i64> = sqlx::query_scalar(
            "SELECT r.id FROM access_records r JOIN access_subjects s ON s.record_id = r.id
             WHERE r.user_id = $1 AND r.kind = $2 AND r.detail = $3 AND r.purpose IS $4
               AND r.at > $5 AND s.subject = $6
               AND (SELECT COUNT(*) FROM access_subjects c WHERE c.record_id = r.id) = 1
             LIMIT 1",
        )
        .bind(reader.user_id)
        .bind(a.kind.as_str())
        .bind(&a.detail)
        .bind(a.purpose.map(AccessPurpose::as_str))
        .bind(now - REPEAT_WITHIN)
        .bind(subject)
        .fetch_optional(&mut *tx)
        .await?;
        if again.is_some() {
            return Ok(());
        }
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO access_records (at, user_id, user_label, kind, detail, purpose)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(now)
    .bind(reader.user_id)
    .bind(reader.name)
    .bind(a.kind.as_str())
    .bind(&a.detail)
    .bind(a.purpose.map(AccessPurpose::as_str))
    .fetch_one(&mut *tx)
    .await?;
    let mut subjects: Vec<&String> = a.subjects.iter().collect();
    subjects.sort();
    subjects.dedup();
    // Many rows per statement: an export of thousands holds the log's one connection for
    // milliseconds, not seconds.
    for chunk in subjects.chunks(400) {
        let values = (0..chunk.len())
            .map(|i| format!("($1, ${})", i + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO access_subjects (record_id, subject) VALUES {values}"
        )))
        .bind(id);
        for s in chunk {
            q = q.bind(*s);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// An access record as the reports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: i64,
    pub at: i64,
    pub user_id: Option<i64>,
    pub user_label: String,
    pub kind: AccessKind,
    pub detail: String,
    pub purpose: Option<AccessPurpose>,
    /// How many people the record concerns.
    pub subjects: i64,
}

type Row = (
    i64,
    i64,
    Option<i64>,
    String,
    String,
    String,
    Option<String>,
    i64,
);

fn from_row(r: Row) -> Record {
    Record {
        id: r.0,
        at: r.1,
        user_id: r.2,
        user_label: r.3,
        kind: AccessKind::parse(&r.4).unwrap_or(AccessKind::Export),
        detail: r.5,
        purpose: r.6.as_deref().and_then(AccessPurpose::parse),
        subjects: r.7,
    }
}

/// The records concerning any of these subject keys, newest first (at most `limit`).
pub async fn concerning(db: &Db, subjects: &[String], limit: i64) -> crate::Result<Vec<Record>> {
    if subjects.is_empty() {
        return Ok(Vec::new());
    }
    // One placeholder per key ($2, $3, …): a person has a few.
    let placeholders = crate::placeholders(2, subjects.len());
    let sql = format!(
        "SELECT r.id, r.at, r.user_id, r.user_label, r.kind, r.detail, r.purpose,
                (SELECT COUNT(*) FROM access_subjects c WHERE c.record_id = r.id)
         FROM access_records r
         WHERE r.id IN (SELECT s.record_id FROM access_subjects s WHERE s.subject IN ({placeholders}))
         ORDER BY r.at DESC, r.id DESC LIMIT $1"
    );
    let mut q = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql)).bind(limit);
    for s in subjects {
        q = q.bind(s);
    }
    let rows: Vec<Row> = q.fetch_all(&db.access).await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// The records made in `[from, to)`, newest first (at most `limit`).
pub async fn between(db: &Db, from: i64, to: i64, limit: i64) -> crate::Result<Vec<Record>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, r.at, r.user_id, r.user_label, r.kind, r.detail, r.purpose,
                (SELECT COUNT(*) FROM access_subjects c WHERE c.record_id = r.id)
         FROM access_records r
         WHERE r.at >= $1 AND r.at < $2
         ORDER BY r.at DESC, r.id DESC LIMIT $3",
    )
    .bind(from)
    .bind(to)
    .bind(limit)
    .fetch_all(&db.access)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// How many records concern any of these subject keys.
pub async fn count_concerning(db: &Db, subjects: &[String]) -> crate::Result<i64> {
    if subjects.is_empty() {
        return Ok(0);
    }
    let placeholders = crate::placeholders(1, subjects.len());
    let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(DISTINCT record_id) FROM access_subjects WHERE subject IN ({placeholders})"
    )));
    for s in subjects {
        q = q.bind(s);
    }
    Ok(q.fetch_one(&db.access).await?)
}

/// The largest registry person id the log names (`p:<id>`): after a restore, a new person
/// must not take an id the log already gives another.
pub async fn highest_person(db: &Db) -> crate::Result<i64> {
    let max: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(CAST(substr(subject, 3) AS INTEGER)) FROM access_subjects
         WHERE subject LIKE 'p:%'",
    )
    .fetch_one(&db.access)
    .await?;
    Ok(max.unwrap_or(0))
}

/// How many records an access log file holds (0 for a log without its tables yet), read
/// without opening the platform's database — for a restore deciding which log to keep.
pub async fn records_in_file(path: &Path) -> crate::Result<i64> {
    use sqlx::ConnectOptions as _;
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await?;
    let has: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'access_records'",
    )
    .fetch_optional(&mut conn)
    .await?;
    let n = if has.is_some() {
        sqlx::query_scalar("SELECT COUNT(*) FROM access_records")
            .fetch_one(&mut conn)
            .await?
    } else {
        0
    };
    let _ = sqlx::Connection::close(conn).await;
    Ok(n)
}

/// The subject keys a registry person is known by: their id and those of the duplicates
/// merged into them, their e-mail addresses and the accounts linked to them.
pub async fn person_subjects(db: &Db, person_id: i64) -> crate::Result<Vec<String>> {
    let ids =
        crate::person_erasure::with_merged(&mut *db.reader.acquire().await?, person_id).await?;
    let emails: Vec<String> =
        sqlx::query_scalar("SELECT email FROM person_emails WHERE person_id = $1")
            .bind(person_id)
            .fetch_all(&db.reader)
            .await?;
    let users: Vec<i64> = sqlx::query_scalar("SELECT id FROM users WHERE person_id = $1")
        .bind(person_id)
        .fetch_all(&db.reader)
        .await?;
    let mut out: Vec<String> = ids
        .into_iter()
        .map(domain::privacy::person_subject)
        .collect();
    out.extend(emails.iter().map(|e| domain::privacy::email_subject(e)));
    out.extend(users.into_iter().map(domain::privacy::user_subject));
    Ok(out)
}

/// How many records are older than `cutoff` (the storage limit `access_log`).
pub async fn count_before(db: &Db, cutoff: i64) -> crate::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM access_records WHERE at < $1")
            .bind(cutoff)
            .fetch_one(&db.access)
            .await?,
    )
}

/// Deletes the records older than `cutoff`, with their subjects; returns how many.
pub async fn delete_before(db: &Db, cutoff: i64) -> crate::Result<u64> {
    let mut tx = db.access.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query(
        "DELETE FROM access_subjects WHERE record_id IN
           (SELECT id FROM access_records WHERE at < $1)",
    )
    .bind(cutoff)
    .execute(&mut *tx)
    .await?;
    let n = sqlx::query("DELETE FROM access_records WHERE at < $1")
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(n)
}

/// A consistent copy of the access log (`VACUUM INTO`), for a backup.
pub async fn backup_to(db: &Db, to: &Path) -> crate::Result<()> {
    sqlx::query("VACUUM INTO $1")
        .bind(to.to_string_lossy().into_owned())
        .execute(&db.access)
        .await?;
    Ok(())
}

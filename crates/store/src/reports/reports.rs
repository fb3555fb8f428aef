//! What the reports read beyond the other modules: the titles of the good practices and
//! success stories published in a period, and the year's annual coordination meetings.

use crate::{Db, Error};
use domain::audit::AuditAction;

/// A published item's Latvian and English titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Titled {
    pub id: i64,
    pub title_lv: String,
    pub title_en: Option<String>,
}

impl Titled {
    pub fn title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.title_lv, &self.title_en)
    }
}

type Row = (i64, String, Option<String>);

fn titled(rows: Vec<Row>) -> Vec<Titled> {
    rows.into_iter()
        .map(|(id, title_lv, title_en)| Titled {
            id,
            title_lv,
            title_en,
        })
        .collect()
}

/// Good practices published now whose publication fell in `[from, to)` (UTC seconds).
pub async fn practices_published(db: &Db, from: i64, to: i64) -> crate::Result<Vec<Titled>> {
    published_in(db, "practices", from, to).await
}

/// Success stories published now (their consent standing) whose publication fell in
/// `[from, to)`.
pub async fn stories_published(db: &Db, from: i64, to: i64) -> crate::Result<Vec<Titled>> {
    published_in(db, "stories", from, to).await
}

async fn published_in(
    db: &Db,
    table: &'static str,
    from: i64,
    to: i64,
) -> crate::Result<Vec<Titled>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, title_lv, title_en FROM {table}
         WHERE status = 'published' AND published_at >= $1 AND published_at < $2
         ORDER BY published_at, id"
    )))
    .bind(from)
    .bind(to)
    .fetch_all(&db.reader)
    .await?;
    Ok(titled(rows))
}

/// The narrative texts written for a report, period and language, by key.
pub async fn narratives(
    db: &Db,
    kind: &str,
    period: &str,
    lang: &str,
) -> crate::Result<std::collections::BTreeMap<String, String>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT key, text FROM report_narratives WHERE kind = $1 AND period = $2 AND lang = $3",
    )
    .bind(kind)
    .bind(period)
    .bind(lang)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Saves the narrative texts of a report, period and language (an empty text removes its
/// key), in one transaction, audited.
pub async fn save_narratives(
    db: &Db,
    now: i64,
    actor: &crate::Actor,
    kind: &str,
    period: &str,
    lang: &str,
    texts: &[(String, String)],
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    for (key, text) in texts {
        if text.trim().is_empty() {
            sqlx::query(
                "DELETE FROM report_narratives
                 WHERE kind = $1 AND period = $2 AND lang = $3 AND key = $4",
            )
            .bind(kind)
            .bind(period)
            .bind(lang)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query(
                "INSERT INTO report_narratives (kind, period, lang, key, text, updated_at, updated_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (kind, period, lang, key)
                 DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by",
            )
            .bind(kind)
            .bind(period)
            .bind(lang)
            .bind(key)
            .bind(text.trim())
            .bind(now)
            .bind(actor.user_id)
            .execute(&mut *tx)
            .await?;
        }
    }
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(AuditAction::ReportNarrativesSaved)
            .on("report", format!("{kind}/{period}/{lang}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An issued report: frozen as it was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub id: i64,
    pub kind: String,
    pub period: String,
    pub lang: String,
    pub audience: String,
    pub title: String,
    pub issued_at: i64,
    /// The issuer's name (for coordinators' eyes; not shown on the public site).
    pub issued_by: Option<String>,
    pub withdrawn_at: Option<i64>,
    /// (format, size in bytes, SHA-256) of each stored file.
    pub files: Vec<(String, i64, String)>,
}

impl Issued {
    /// On the public site: a public report not withdrawn.
    pub fn is_published(&self) -> bool {
        self.audience == "public" && self.withdrawn_at.is_none()
    }
}

/// What issuing stores: the report's identity, its snapshot and its rendered files.
#[derive(Debug, Clone)]
pub struct IssueInput {
    pub kind: String,
    pub period: String,
    pub lang: String,
    pub audience: String,
    pub title: String,
    /// The report as JSON (`documents::report::Report`).
    pub snapshot: String,
    /// (format, bytes, SHA-256 in hex).
    pub files: Vec<(String, Vec<u8>, String)>,
}

/// Stores an issued report with every file, all or nothing, audited. Returns its id.
pub async fn issue(db: &Db, now: i64, actor: &crate::Actor, i: &IssueInput) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO issued_reports (kind, period, lang, audience, title, snapshot, issued_at, issued_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(&i.kind)
    .bind(&i.period)
    .bind(&i.lang)
    .bind(&i.audience)
    .bind(&i.title)
    .bind(&i.snapshot)
    .bind(now)
    .bind(actor.user_id)
    .fetch_one(&mut *tx)
    .await?;
    for (format, bytes, sha256) in &i.files {
        sqlx::query(
            "INSERT INTO issued_report_files (report_id, format, bytes, sha256)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(format)
        .bind(bytes)
        .bind(sha256)
        .execute(&mut *tx)
        .await?;
    }
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(AuditAction::ReportIssued)
            .on("issued_report", id)
            .detail(format!("{}/{}/{}/{}", i.kind, i.period, i.lang, i.audience)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

type IssuedRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<i64>,
);

const SELECT_ISSUED: &str =
    "SELECT r.id, r.kind, r.period, r.lang, r.audience, r.title, r.issued_at,
        u.name, r.withdrawn_at
     FROM issued_reports r LEFT JOIN users u ON u.id = r.issued_by";

async fn with_files(db: &Db, rows: Vec<IssuedRow>) -> crate::Result<Vec<Issued>> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let files: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT format, length(bytes), sha256 FROM issued_report_files
             WHERE report_id = $1 ORDER BY format",
        )
        .bind(r.0)
        .fetch_all(&db.reader)
        .await?;
        out.push(Issued {
            id: r.0,
            kind: r.1,
            period: r.2,
            lang: r.3,
            audience: r.4,
            title: r.5,
            issued_at: r.6,
            issued_by: r.7,
            withdrawn_at: r.8,
            files,
        });
    }
    Ok(out)
}

/// Issued reports, the latest first (`public_only`: those on the public site).
pub async fn issued(db: &Db, public_only: bool) -> crate::Result<Vec<Issued>> {
    let rows: Vec<IssuedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_ISSUED}
         WHERE ($1 = 0 OR (r.audience = 'public' AND r.withdrawn_at IS NULL))
         ORDER BY r.issued_at DESC, r.id DESC"
    )))
    .bind(public_only)
    .fetch_all(&db.reader)
    .await?;
    with_files(db, rows).await
}

/// One issued report (`public_only`: only if it is on the public site).
pub async fn issued_one(db: &Db, id: i64, public_only: bool) -> crate::Result<Issued> {
    let rows: Vec<IssuedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_ISSUED} WHERE r.id = $1"
    )))
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    let found = with_files(db, rows).await?.pop().ok_or(Error::NotFound)?;
    if public_only && !found.is_published() {
        return Err(Error::NotFound);
    }
    Ok(found)
}

/// An issued report's snapshot (the report as JSON).
pub async fn snapshot(db: &Db, id: i64) -> crate::Result<String> {
    sqlx::query_scalar("SELECT snapshot FROM issued_reports WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)
}

/// One stored file of an issued report: (bytes, SHA-256).
pub async fn issued_file(db: &Db, id: i64, format: &str) -> crate::Result<(Vec<u8>, String)> {
    sqlx::query_as(
        "SELECT bytes, sha256 FROM issued_report_files WHERE report_id = $1 AND format = $2",
    )
    .bind(id)
    .bind(format)
    .fetch_optional(&db.reader)
    .await?
    .ok_or(Error::NotFound)
}

/// Takes a public report off the site (it stays stored, frozen, for coordinators).
pub async fn withdraw(db: &Db, now: i64, actor: &crate::Actor, id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let changed = sqlx::query(
        "UPDATE issued_reports SET withdrawn_at = $2 WHERE id = $1 AND withdrawn_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::NotFound);
    }
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(AuditAction::ReportWithdrawn).on("issued_report", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

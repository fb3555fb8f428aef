//! Scheduled backups' results (`roma-platform backup --scheduled`): one row per run, read
//! by the metrics, `/readyz` and the coordinators' system page. The newest 400 runs are kept
//! (more than a year of nightly runs); older rows go as a new one is recorded.

use crate::Db;

/// The runs kept.
const KEPT: i64 = 400;

/// One run of the scheduled backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub started_at: i64,
    pub finished_at: i64,
    pub ok: bool,
    /// The archive's file name in the backup folder ("" when none was written).
    pub archive: String,
    pub size_bytes: i64,
    /// Uploaded files in the archive.
    pub files: i64,
    /// Old archives removed by this run.
    pub pruned: i64,
    /// Why it failed, in the operator's words ("" when it did not).
    pub message: String,
}

/// Records a run (and forgets all but the newest runs).
pub async fn record(db: &Db, run: &Run) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT INTO backup_runs (started_at, finished_at, ok, archive, size_bytes, files, pruned, message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(run.started_at)
    .bind(run.finished_at)
    .bind(run.ok)
    .bind(&run.archive)
    .bind(run.size_bytes)
    .bind(run.files)
    .bind(run.pruned)
    .bind(&run.message)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "DELETE FROM backup_runs WHERE id NOT IN (SELECT id FROM backup_runs ORDER BY id DESC LIMIT $1)",
    )
    .bind(KEPT)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

type Row = (i64, i64, bool, String, i64, i64, i64, String);

fn from_row(r: Row) -> Run {
    Run {
        started_at: r.0,
        finished_at: r.1,
        ok: r.2,
        archive: r.3,
        size_bytes: r.4,
        files: r.5,
        pruned: r.6,
        message: r.7,
    }
}

/// The newest run, if any.
pub async fn latest(db: &Db) -> crate::Result<Option<Run>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT started_at, finished_at, ok, archive, size_bytes, files, pruned, message
         FROM backup_runs ORDER BY id DESC LIMIT 1",
    )
    .fetch_optional(&db.reader)
    .await?;
    Ok(row.map(from_row))
}

/// The newest run that succeeded, if any.
pub async fn latest_success(db: &Db) -> crate::Result<Option<Run>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT started_at, finished_at, ok, archive, size_bytes, files, pruned, message
         FROM backup_runs WHERE ok = 1 ORDER BY id DESC LIMIT 1",
    )
    .fetch_optional(&db.reader)
    .await?;
    Ok(row.map(from_row))
}

//! Backups, integrity checks, the small key-value `meta` table, and a content digest of
//! the whole database for tests that prove a request wrote nothing.

use std::path::Path;

use sqlx::Connection as _;
use sqlx::sqlite::SqliteConnectOptions;

use crate::Db;

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on one connection; returns
/// the problems (empty means sound).
async fn checks(conn: &mut sqlx::SqliteConnection) -> crate::Result<Vec<String>> {
    let mut problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await?;
    problems.retain(|p| p != "ok");
    let fk: Vec<(String, Option<i64>, String, i64)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&mut *conn)
        .await?;
    problems.extend(fk.into_iter().map(|(table, rowid, parent, _)| {
        format!("{table} row {rowid:?} points to a missing {parent}")
    }));
    Ok(problems)
}

/// Checks the open database.
pub async fn check(db: &Db) -> crate::Result<Vec<String>> {
    let mut conn = db.reader.acquire().await?;
    checks(&mut conn).await
}

/// Checks a database file that no server has open, without creating or changing it.
pub async fn check_file(path: &Path) -> crate::Result<Vec<String>> {
    let opts = SqliteConnectOptions::new().filename(path).read_only(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&opts).await?;
    let problems = checks(&mut conn).await;
    conn.close().await?;
    problems
}

/// Checks a file offered as a backup: a sound SQLite database that is a Roma Platform
/// database (it has applied migrations) whose migrations this program knows, unchanged
/// (`migrate::problems`). Returns the problems; empty means usable.
pub async fn check_backup_file(path: &Path) -> crate::Result<Vec<String>> {
    let mut problems = check_file(path).await?;
    if problems.is_empty() {
        let opts = SqliteConnectOptions::new().filename(path).read_only(true);
        let mut conn = sqlx::SqliteConnection::connect_with(&opts).await?;
        let has_table: Option<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        )
        .fetch_optional(&mut conn)
        .await?;
        let version: Option<i64> = match has_table {
            Some(_) => {
                sqlx::query_scalar("SELECT MAX(version) FROM schema_migrations")
                    .fetch_one(&mut conn)
                    .await?
            }
            None => None,
        };
        let unfit = crate::migrate::problems(&mut conn).await?;
        conn.close().await?;
        if version.is_none() {
            problems.push("it holds no Roma Platform data (no applied migrations)".to_owned());
        }
        problems.extend(unfit);
    }
    Ok(problems)
}

/// Writes a consistent copy of the live database to `to` (which must not exist) with
/// `VACUUM INTO`; safe while the server runs.
pub async fn backup_to(db: &Db, to: &Path) -> crate::Result<()> {
    let target = to.to_string_lossy().into_owned();
    let mut conn = db.reader.acquire().await?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn get_meta(db: &Db, key: &str) -> crate::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
        .bind(key)
        .fetch_optional(&db.reader)
        .await?)
}

pub async fn set_meta(db: &Db, key: &str, value: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Every table's rows, as text, in a stable order (by the row's text: the full-text
/// index's tables have no rowid): equal before and after a request means the request wrote
/// nothing.
pub async fn content_dump(db: &Db) -> crate::Result<String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&db.reader)
    .await?;
    let mut out = String::new();
    for table in tables {
        // Names come from sqlite_master, never from input; quoted as identifiers anyway.
        let ident = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
            .bind(&table)
            .fetch_all(&db.reader)
            .await?;
        let row_expr = columns
            .iter()
            .map(|c| format!("quote({})", ident(c)))
            .collect::<Vec<_>>()
            .join(" || ',' || ");
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT {row_expr} FROM {} ORDER BY 1",
            ident(&table)
        )))
        .fetch_all(&db.reader)
        .await?;
        out.push_str(&format!("## {table}\n"));
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    Ok(out)
}

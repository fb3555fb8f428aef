//! Versions of edited records (issue 20, item 6: no silent overwrites): each record an edit
//! form changes has a `version` that every save adds one to. A form carries the version it
//! was loaded with; a save made on an older one is refused (`DatabaseConflict::Stale`), so a
//! second editor is told instead of overwriting the first.

use sqlx::SqliteConnection;

use crate::{DatabaseConflict, Db, Error};

/// The tables whose records carry a version (by id; the site's pages, kept by slug, and a
/// meeting's minutes, kept by event, keep theirs in `crate::site_pages` and `crate::minutes`).
const TABLES: &[&str] = &[
    "plans",
    "measures",
    "indicators",
    "events",
    "event_agenda_items",
    "practices",
    "stories",
    "news",
    "people",
    "organisations",
    "mediation_assignments",
    "subject_requests",
    "breaches",
    "needs",
    "services",
    "consultations",
];

fn table(name: &str) -> crate::Result<&'static str> {
    TABLES
        .iter()
        .copied()
        .find(|t| *t == name)
        .ok_or(Error::NotFound)
}

/// Takes the next version of a record inside the caller's transaction: refused as stale
/// when `expected` is given and is not the stored version (someone saved since the form was
/// loaded); `NotFound` when there is no such record. `None`: a client that sent no version
/// (the API without `If-Match`) — the change is still counted.
pub(crate) async fn claim(
    conn: &mut SqliteConnection,
    name: &str,
    id: i64,
    expected: Option<i64>,
) -> crate::Result<()> {
    let t = table(name)?;
    let n = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE {t} SET version = version + 1 WHERE id = $1 AND ($2 IS NULL OR version = $2)"
    )))
    .bind(id)
    .bind(expected)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n == 1 {
        return Ok(());
    }
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM {t} WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match found {
        Some(_) => Err(DatabaseConflict::Stale.into()),
        None => Err(Error::NotFound),
    }
}

/// A record's version now.
pub async fn current(db: &Db, name: &str, id: i64) -> crate::Result<i64> {
    let t = table(name)?;
    let v: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT version FROM {t} WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&db.reader)
    .await?;
    v.ok_or(Error::NotFound)
}

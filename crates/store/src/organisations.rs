//! Organisations. The stakeholder registry issue extends this table; the foundation only
//! needs a name to attach accounts to.

use crate::audit::{self, Event};
use crate::{Actor, Db};

#[derive(Debug, Clone)]
pub struct Organisation {
    pub id: i64,
    pub name_lv: String,
    pub name_en: Option<String>,
}

pub async fn create(
    db: &Db,
    now: i64,
    actor: &Actor,
    name_lv: &str,
    name_en: Option<&str>,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (name_lv, name_en, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name_lv)
    .bind(name_en)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new("organisation_created").on("organisation", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn list(db: &Db) -> crate::Result<Vec<Organisation>> {
    let rows: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, name_lv, name_en FROM organisations ORDER BY name_lv, id")
            .fetch_all(&db.reader)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name_lv, name_en)| Organisation {
            id,
            name_lv,
            name_en,
        })
        .collect())
}

pub async fn find_by_name(db: &Db, name_lv: &str) -> crate::Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM organisations WHERE name_lv = $1")
            .bind(name_lv)
            .fetch_optional(&db.reader)
            .await?,
    )
}

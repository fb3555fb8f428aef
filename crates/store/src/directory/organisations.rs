//! Organisations: ministries, agencies, municipalities and their institutions, NGOs,
//! partners. Names are searched folded and sorted in Latvian order.

use domain::audit::AuditAction;
use domain::directory::OrgKind;
use domain::territory::PlanningRegion;
use domain::text::{fold, latvian_sort_key};

use sqlx::SqliteConnection;

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: i64,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub kind: OrgKind,
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
    pub territory_id: Option<i64>,
    pub territory_name: Option<String>,
    pub planning_region: Option<PlanningRegion>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
}

/// What a form or the API gives for an organisation (validated by the caller).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgInput {
    pub name_lv: String,
    pub name_en: Option<String>,
    pub kind: Option<OrgKind>,
    pub parent_id: Option<i64>,
    pub territory_id: Option<i64>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
}

/// List filters; empty means any.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    pub q: Option<String>,
    pub kind: Option<OrgKind>,
    /// The organisation's place, or a place within that unit.
    pub territory_id: Option<i64>,
    pub region: Option<PlanningRegion>,
}

pub const PAGE_SIZE: i64 = 50;

type Row = (
    i64,
    String,
    Option<String>,
    String,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Columns and joins; the region is the place's, or its unit's for a town.
macro_rules! select_orgs {
    ($tail:literal) => {
        concat!(
            "SELECT o.id, o.name_lv, o.name_en, o.kind, o.parent_id, p.name_lv, o.territory_id, t.name_lv, ",
            "COALESCE(t.planning_region, tu.planning_region), o.email, o.phone, o.website, o.address ",
            "FROM organisations o ",
            "LEFT JOIN organisations p ON p.id = o.parent_id ",
            "LEFT JOIN territories t ON t.id = o.territory_id ",
            "LEFT JOIN territories tu ON tu.id = t.parent_id ",
            $tail
        )
    };
}

fn from_row(r: Row) -> Organisation {
    Organisation {
        id: r.0,
        name_lv: r.1,
        name_en: r.2,
        kind: OrgKind::parse(&r.3).unwrap_or(OrgKind::Other),
        parent_id: r.4,
        parent_name: r.5,
        territory_id: r.6,
        territory_name: r.7,
        planning_region: r.8.as_deref().and_then(PlanningRegion::parse),
        email: r.9,
        phone: r.10,
        website: r.11,
        address: r.12,
    }
}

fn search_key(name_lv: &str, name_en: Option<&str>) -> String {
    match name_en {
        Some(en) => format!("{} | {}", fold(name_lv), fold(en)),
        None => fold(name_lv),
    }
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Organisation> {
    sqlx::query_as::<_, Row>(select_orgs!("WHERE o.id = $1 AND o.merged_into_id IS NULL"))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .map(from_row)
        .ok_or(Error::NotFound)
}

/// Escapes LIKE wildcards in folded text.
pub(crate) fn like_pattern(folded: &str) -> String {
    format!(
        "%{}%",
        folded
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// A window of organisations in Latvian alphabetical order, and the total count.
pub async fn list(
    db: &Db,
    f: &OrgFilter,
    window: crate::Window,
) -> crate::Result<(Vec<Organisation>, i64)> {
    let q =
        f.q.as_deref()
            .map(fold)
            .filter(|q| !q.is_empty())
            .map(|q| like_pattern(&q));
    let kind = f.kind.map(OrgKind::as_str);
    let region = f.region.map(PlanningRegion::as_str);
    let rows = sqlx::query_as::<_, Row>(select_orgs!(
        "WHERE o.merged_into_id IS NULL AND ($1 IS NULL OR o.search_key LIKE $1 ESCAPE '\\')
           AND ($2 IS NULL OR o.kind = $2)
           AND ($3 IS NULL OR o.territory_id = $3 OR t.parent_id = $3 OR t.successor_id = $3 OR tu.successor_id = $3)
           AND ($4 IS NULL OR COALESCE(t.planning_region, tu.planning_region) = $4)
         ORDER BY o.sort_key, o.id LIMIT $5 OFFSET $6"
    ))
    .bind(q.as_deref())
    .bind(kind)
    .bind(f.territory_id)
    .bind(region)
    .bind(window.limit)
    .bind(window.offset)
    .fetch_all(&db.reader)
    .await?;
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM organisations o
         LEFT JOIN territories t ON t.id = o.territory_id
         LEFT JOIN territories tu ON tu.id = t.parent_id
         WHERE o.merged_into_id IS NULL AND ($1 IS NULL OR o.search_key LIKE $1 ESCAPE '\\')
           AND ($2 IS NULL OR o.kind = $2)
           AND ($3 IS NULL OR o.territory_id = $3 OR t.parent_id = $3 OR t.successor_id = $3 OR tu.successor_id = $3)
           AND ($4 IS NULL OR COALESCE(t.planning_region, tu.planning_region) = $4)",
    )
    .bind(q.as_deref())
    .bind(kind)
    .bind(f.territory_id)
    .bind(region)
    .fetch_one(&db.reader)
    .await?;
    Ok((rows.into_iter().map(from_row).collect(), total))
}

/// Every organisation as (id, Latvian name), in Latvian order: for choosers.
pub async fn names(db: &Db) -> crate::Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, name_lv FROM organisations WHERE merged_into_id IS NULL ORDER BY sort_key, id",
    )
    .fetch_all(&db.reader)
    .await?)
}

/// Organisations whose name equals this one's after folding case and diacritics (a
/// likely duplicate), except `except`.
pub async fn similar(
    db: &Db,
    name_lv: &str,
    except: Option<i64>,
) -> crate::Result<Vec<(i64, String)>> {
    let key = fold(name_lv);
    Ok(sqlx::query_as(
        "SELECT id, name_lv FROM organisations
         WHERE merged_into_id IS NULL AND (search_key = $1 OR search_key LIKE $2) AND ($3 IS NULL OR id <> $3)
         ORDER BY sort_key",
    )
    .bind(&key)
    .bind(format!("{key} | %"))
    .bind(except)
    .fetch_all(&db.reader)
    .await?)
}

/// Checks references: the parent and the territory exist, and the parent is not the
/// organisation itself or one of its descendants.
async fn check_refs(
    conn: &mut sqlx::SqliteConnection,
    id: Option<i64>,
    input: &OrgInput,
) -> crate::Result<()> {
    if let Some(t) = input.territory_id {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE id = $1")
            .bind(t)
            .fetch_optional(&mut *conn)
            .await?;
        found.ok_or(Error::Conflict(crate::DirectoryConflict::Territory.into()))?;
    }
    if let Some(p) = input.parent_id {
        let cycle: Option<i64> = sqlx::query_scalar(
            "WITH RECURSIVE up(id, parent_id) AS (
                 SELECT id, parent_id FROM organisations WHERE id = $1
                 UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id
             )
             SELECT COUNT(*) FROM up WHERE id = $2",
        )
        .bind(p)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
            .bind(p)
            .fetch_optional(&mut *conn)
            .await?;
        if exists.is_none() || cycle.unwrap_or(0) > 0 {
            return Err(Error::Conflict(crate::DirectoryConflict::Parent.into()));
        }
    }
    Ok(())
}

pub async fn create(db: &Db, now: i64, actor: &Actor, input: &OrgInput) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = create_in(&mut tx, now, actor, input).await?;
    tx.commit().await?;
    Ok(id)
}

/// As [`create`], inside the caller's transaction.
pub async fn create_in(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    input: &OrgInput,
) -> crate::Result<i64> {
    check_refs(&mut *conn, None, input).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (name_lv, name_en, kind, parent_id, territory_id, email, phone,
             website, address, search_key, sort_key, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
    )
    .bind(&input.name_lv)
    .bind(input.name_en.as_deref())
    .bind(input.kind.unwrap_or(OrgKind::Other).as_str())
    .bind(input.parent_id)
    .bind(input.territory_id)
    .bind(input.email.as_deref())
    .bind(input.phone.as_deref())
    .bind(input.website.as_deref())
    .bind(input.address.as_deref())
    .bind(search_key(&input.name_lv, input.name_en.as_deref()))
    .bind(latvian_sort_key(&input.name_lv))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    audit::record(
        &mut *conn,
        now,
        actor,
        &Event::new(AuditAction::OrganisationCreated).on("organisation", id),
    )
    .await?;
    Ok(id)
}

pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    input: &OrgInput,
) -> crate::Result<()> {
    update_checked(db, now, actor, id, input, None).await
}

/// Changes an organisation's record if it is still at `expected` (`crate::versions`):
/// refused as stale when someone saved it since the form was loaded.
pub async fn update_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    input: &OrgInput,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "organisations", id, expected).await?;
    check_refs(&mut tx, Some(id), input).await?;
    let n = sqlx::query(
        "UPDATE organisations SET name_lv = $1, name_en = $2, kind = $3, parent_id = $4,
             territory_id = $5, email = $6, phone = $7, website = $8, address = $9,
             search_key = $10, sort_key = $11, updated_at = $12
         WHERE id = $13 AND merged_into_id IS NULL",
    )
    .bind(&input.name_lv)
    .bind(input.name_en.as_deref())
    .bind(input.kind.unwrap_or(OrgKind::Other).as_str())
    .bind(input.parent_id)
    .bind(input.territory_id)
    .bind(input.email.as_deref())
    .bind(input.phone.as_deref())
    .bind(input.website.as_deref())
    .bind(input.address.as_deref())
    .bind(search_key(&input.name_lv, input.name_en.as_deref()))
    .bind(latvian_sort_key(&input.name_lv))
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::OrganisationUpdated).on("organisation", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The organisations directly under this one (a municipality's schools).
pub async fn children(db: &Db, id: i64) -> crate::Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, name_lv FROM organisations WHERE parent_id = $1 AND merged_into_id IS NULL ORDER BY sort_key",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?)
}

pub async fn find_by_name(db: &Db, name_lv: &str) -> crate::Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM organisations WHERE name_lv = $1 AND merged_into_id IS NULL",
    )
    .bind(name_lv)
    .fetch_optional(&db.reader)
    .await?)
}

/// Recomputes the search and sort keys of every organisation (after a migration).
pub(crate) async fn rekey(conn: &mut sqlx::SqliteConnection) -> crate::Result<()> {
    let rows: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, name_lv, name_en FROM organisations")
            .fetch_all(&mut *conn)
            .await?;
    for (id, lv, en) in rows {
        sqlx::query("UPDATE organisations SET search_key = $1, sort_key = $2, updated_at = COALESCE(updated_at, created_at) WHERE id = $3")
            .bind(search_key(&lv, en.as_deref()))
            .bind(latvian_sort_key(&lv))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

//! The public site's static pages: about the platform, who is who, contacts. A page exists
//! once a coordinator saves it; its bodies are sanitised HTML (by the caller, on save and on
//! render).

use crate::{Actor, Db, Error};
use domain::audit::AuditAction;

/// The pages there are, in the order they are listed.
pub const SLUGS: [&str; 3] = ["about", "who-is-who", "contacts"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub slug: String,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub body_lv: String,
    pub body_en: Option<String>,
    pub updated_at: i64,
}

type Row = (String, String, Option<String>, String, Option<String>, i64);

fn page(r: Row) -> Page {
    Page {
        slug: r.0,
        title_lv: r.1,
        title_en: r.2,
        body_lv: r.3,
        body_en: r.4,
        updated_at: r.5,
    }
}

pub async fn get(db: &Db, slug: &str) -> crate::Result<Page> {
    sqlx::query_as::<_, Row>(
        "SELECT slug, title_lv, title_en, body_lv, body_en, updated_at FROM site_pages
         WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(&db.reader)
    .await?
    .map(page)
    .ok_or(Error::NotFound)
}

/// The saved pages.
pub async fn list(db: &Db) -> crate::Result<Vec<Page>> {
    Ok(sqlx::query_as::<_, Row>(
        "SELECT slug, title_lv, title_en, body_lv, body_en, updated_at FROM site_pages
         ORDER BY CASE slug WHEN 'about' THEN 0 WHEN 'who-is-who' THEN 1 ELSE 2 END",
    )
    .fetch_all(&db.reader)
    .await?
    .into_iter()
    .map(page)
    .collect())
}

/// A page's version (`crate::versions`): 0 while it has never been saved.
pub async fn version(db: &Db, slug: &str) -> crate::Result<i64> {
    let v: Option<i64> = sqlx::query_scalar("SELECT version FROM site_pages WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&db.reader)
        .await?;
    Ok(v.unwrap_or(0))
}

/// Saves a page (creating it the first time). `NotFound` for a slug not in [`SLUGS`].
pub async fn save(db: &Db, now: i64, actor: &Actor, p: &Page) -> crate::Result<()> {
    save_checked(db, now, actor, p, None).await
}

/// [`save`], refused as stale (`DatabaseConflict::Stale`) when the page is no longer at
/// `expected` ([`version`]): someone saved it since the form was loaded.
pub async fn save_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    p: &Page,
    expected: Option<i64>,
) -> crate::Result<()> {
    if !SLUGS.contains(&p.slug.as_str()) {
        return Err(Error::NotFound);
    }
    let mut tx = db.write().await?;
    let stored: Option<i64> = sqlx::query_scalar("SELECT version FROM site_pages WHERE slug = $1")
        .bind(&p.slug)
        .fetch_optional(&mut *tx)
        .await?;
    if expected.is_some_and(|e| e != stored.unwrap_or(0)) {
        return Err(crate::DatabaseConflict::Stale.into());
    }
    sqlx::query(
        "INSERT INTO site_pages (slug, title_lv, title_en, body_lv, body_en, updated_at, updated_by,
             version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
         ON CONFLICT (slug) DO UPDATE SET title_lv = excluded.title_lv,
             title_en = excluded.title_en, body_lv = excluded.body_lv,
             body_en = excluded.body_en, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by, version = site_pages.version + 1",
    )
    .bind(&p.slug)
    .bind(&p.title_lv)
    .bind(p.title_en.as_deref())
    .bind(&p.body_lv)
    .bind(p.body_en.as_deref())
    .bind(now)
    .bind(actor.user_id)
    .execute(&mut *tx)
    .await?;
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(AuditAction::SitePageSaved).detail(format!("page={}", p.slug)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

//! News and announcements of the public site. A draft is seen only by coordinators; a
//! published item is public, in the lists, the Atom feed and the sitemap. Bodies are
//! sanitised HTML (by the caller, on save and on render).

use crate::{Actor, Db, Error};
use domain::audit::AuditAction;
use domain::site::NewsKind;

pub const KINDS: &[&str] = domain::site::NewsKind::CODES;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    pub id: i64,
    pub kind: NewsKind,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub summary_lv: String,
    pub summary_en: Option<String>,
    pub body_lv: String,
    pub body_en: Option<String>,
    pub published_at: Option<i64>,
    pub updated_at: i64,
}

impl Item {
    /// (title, summary, body, whether it fell back to Latvian) in a language.
    pub fn text(&self, lang: &str) -> (&str, &str, &str, bool) {
        match (lang, &self.title_en, &self.summary_en, &self.body_en) {
            ("en", Some(t), Some(s), Some(b)) => (t, s, b, false),
            ("en", ..) => (&self.title_lv, &self.summary_lv, &self.body_lv, true),
            _ => (&self.title_lv, &self.summary_lv, &self.body_lv, false),
        }
    }
}

type Row = (
    i64,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<i64>,
    i64,
);

fn item(r: Row) -> Item {
    Item {
        id: r.0,
        kind: crate::from_code(&r.1),
        title_lv: r.2,
        title_en: r.3,
        summary_lv: r.4,
        summary_en: r.5,
        body_lv: r.6,
        body_en: r.7,
        published_at: r.8,
        updated_at: r.9,
    }
}

const SELECT: &str =
    "SELECT id, kind, title_lv, title_en, summary_lv, summary_en, body_lv, body_en,
                             published_at, updated_at FROM news";

/// Published items, the latest first.
pub async fn published(db: &Db, limit: i64) -> crate::Result<Vec<Item>> {
    Ok(sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC LIMIT $1"
    )))
    .bind(limit)
    .fetch_all(&db.reader)
    .await?
    .into_iter()
    .map(item)
    .collect())
}

/// Every item, drafts first, for the coordinators.
pub async fn all(db: &Db) -> crate::Result<Vec<Item>> {
    Ok(sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
        "{SELECT} ORDER BY published_at IS NOT NULL, published_at DESC, id DESC LIMIT 500"
    )))
    .fetch_all(&db.reader)
    .await?
    .into_iter()
    .map(item)
    .collect())
}

/// One item; `public` hides drafts (`NotFound`).
pub async fn get(db: &Db, id: i64, public: bool) -> crate::Result<Item> {
    let found = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .map(item)
        .ok_or(Error::NotFound)?;
    if public && found.published_at.is_none() {
        return Err(Error::NotFound);
    }
    Ok(found)
}

/// Saves an item (a new one when `i.id` is 0). `publish`: publish now (a published item
/// keeps its first publication time); `false` makes it a draft again. Returns the id.
pub async fn save(db: &Db, now: i64, actor: &Actor, i: &Item, publish: bool) -> crate::Result<i64> {
    save_checked(db, now, actor, i, publish, None).await
}

/// [`save`], refused as stale when a changed item is no longer at `expected`
/// (`crate::versions`): someone saved it since the form was loaded.
pub async fn save_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    i: &Item,
    publish: bool,
    expected: Option<i64>,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = if i.id == 0 {
        sqlx::query_scalar(
            "INSERT INTO news (kind, title_lv, title_en, summary_lv, summary_en, body_lv, body_en,
                 published_at, created_at, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) RETURNING id",
        )
        .bind(i.kind.as_str())
        .bind(&i.title_lv)
        .bind(i.title_en.as_deref())
        .bind(&i.summary_lv)
        .bind(i.summary_en.as_deref())
        .bind(&i.body_lv)
        .bind(i.body_en.as_deref())
        .bind(publish.then_some(now))
        .bind(now)
        .bind(actor.user_id)
        .fetch_one(&mut *tx)
        .await?
    } else {
        crate::versions::claim(&mut tx, "news", i.id, expected).await?;
        let changed = sqlx::query(
            "UPDATE news SET kind = $1, title_lv = $2, title_en = $3, summary_lv = $4,
                 summary_en = $5, body_lv = $6, body_en = $7,
                 published_at = CASE WHEN $8 THEN COALESCE(published_at, $9) ELSE NULL END,
                 updated_at = $9, updated_by = $10
             WHERE id = $11",
        )
        .bind(i.kind.as_str())
        .bind(&i.title_lv)
        .bind(i.title_en.as_deref())
        .bind(&i.summary_lv)
        .bind(i.summary_en.as_deref())
        .bind(&i.body_lv)
        .bind(i.body_en.as_deref())
        .bind(publish)
        .bind(now)
        .bind(actor.user_id)
        .bind(i.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(Error::NotFound);
        }
        i.id
    };
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(if publish {
            AuditAction::NewsPublished
        } else {
            AuditAction::NewsSaved
        })
        .on("news", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

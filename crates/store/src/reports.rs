//! What the reports read beyond the other modules: the titles of the good practices and
//! success stories published in a period, and the year's annual coordination meetings.

use crate::Db;

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
        &crate::audit::Event::new("report_narratives_saved")
            .on("report", format!("{kind}/{period}/{lang}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

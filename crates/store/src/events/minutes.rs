//! An event's minutes: summary, decisions and working groups' recommendations in Latvian
//! and optionally English; published on the event's public page when the coordinators say so.

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};
use domain::audit::AuditAction;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Minutes {
    pub summary_lv: Option<String>,
    pub summary_en: Option<String>,
    pub decisions_lv: Option<String>,
    pub decisions_en: Option<String>,
    pub recommendations_lv: Option<String>,
    pub recommendations_en: Option<String>,
    /// When published; `None` while internal.
    pub published_at: Option<i64>,
}

impl Minutes {
    /// A part in the language asked, else the Latvian one.
    pub fn part<'a>(
        &'a self,
        lv: &'a Option<String>,
        en: &'a Option<String>,
        lang: &str,
    ) -> Option<&'a str> {
        match (lang, en) {
            ("en", Some(e)) => Some(e),
            _ => lv.as_deref(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.summary_lv.is_none()
            && self.decisions_lv.is_none()
            && self.recommendations_lv.is_none()
    }
}

type Row = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

/// The event's minutes (empty when none were written).
pub async fn get(db: &Db, event_id: i64) -> crate::Result<Minutes> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT summary_lv, summary_en, decisions_lv, decisions_en, recommendations_lv,
                recommendations_en, published_at
         FROM event_minutes WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_optional(&db.reader)
    .await?;
    Ok(row
        .map(|r| Minutes {
            summary_lv: r.0,
            summary_en: r.1,
            decisions_lv: r.2,
            decisions_en: r.3,
            recommendations_lv: r.4,
            recommendations_en: r.5,
            published_at: r.6,
        })
        .unwrap_or_default())
}

/// The minutes' version (`crate::versions`): 0 while none were saved.
pub async fn version(db: &Db, event_id: i64) -> crate::Result<i64> {
    let v: Option<i64> =
        sqlx::query_scalar("SELECT version FROM event_minutes WHERE event_id = $1")
            .bind(event_id)
            .fetch_optional(&db.reader)
            .await?;
    Ok(v.unwrap_or(0))
}

/// Saves the text (publication stays as it was).
pub async fn save(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    m: &Minutes,
) -> crate::Result<()> {
    save_checked(db, now, actor, event_id, m, None).await
}

/// [`save`], refused as stale (`DatabaseConflict::Stale`) when the minutes are no longer at
/// `expected` ([`version`]): someone saved them since the form was loaded.
pub async fn save_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    m: &Minutes,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let starts_at: Option<i64> = sqlx::query_scalar("SELECT starts_at FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&mut *tx)
        .await?;
    // Minutes record what a meeting said: not before it has begun.
    if starts_at.ok_or(Error::NotFound)? > now {
        return Err(Error::Conflict(crate::EventConflict::NotStarted.into()));
    }
    let stored: Option<i64> =
        sqlx::query_scalar("SELECT version FROM event_minutes WHERE event_id = $1")
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?;
    if expected.is_some_and(|e| e != stored.unwrap_or(0)) {
        return Err(crate::DatabaseConflict::Stale.into());
    }
    sqlx::query(
        "INSERT INTO event_minutes (event_id, summary_lv, summary_en, decisions_lv, decisions_en,
             recommendations_lv, recommendations_en, updated_at, updated_by, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)
         ON CONFLICT (event_id) DO UPDATE SET summary_lv = excluded.summary_lv,
             summary_en = excluded.summary_en, decisions_lv = excluded.decisions_lv,
             decisions_en = excluded.decisions_en, recommendations_lv = excluded.recommendations_lv,
             recommendations_en = excluded.recommendations_en, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by, version = event_minutes.version + 1",
    )
    .bind(event_id)
    .bind(m.summary_lv.as_deref())
    .bind(m.summary_en.as_deref())
    .bind(m.decisions_lv.as_deref())
    .bind(m.decisions_en.as_deref())
    .bind(m.recommendations_lv.as_deref())
    .bind(m.recommendations_en.as_deref())
    .bind(now)
    .bind(actor.user_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::MinutesSaved).on("event", event_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes or withdraws the minutes. `EventConflict::Empty` for minutes with no text.
pub async fn set_published(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    published: bool,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let has_text: Option<bool> = sqlx::query_scalar(
        "SELECT summary_lv IS NOT NULL OR decisions_lv IS NOT NULL OR recommendations_lv IS NOT NULL
         FROM event_minutes WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_optional(&mut *tx)
    .await?;
    if published && has_text != Some(true) {
        return Err(Error::Conflict(crate::EventConflict::Empty.into()));
    }
    sqlx::query("UPDATE event_minutes SET published_at = $1, updated_at = $2 WHERE event_id = $3")
        .bind(published.then_some(now))
        .bind(now)
        .bind(event_id)
        .execute(&mut *tx)
        .await?;
    let action = if published {
        AuditAction::MinutesPublished
    } else {
        AuditAction::MinutesWithdrawn
    };
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(action).on("event", event_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The events that ended between `since` and `now` — published or held, not cancelled and
/// not yet reported — whose minutes have no summary yet, the oldest first.
pub async fn missing(db: &Db, since: i64, now: i64) -> crate::Result<Vec<crate::events::Headline>> {
    let rows: Vec<(i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT e.id, e.title_lv, e.title_en, e.starts_at FROM events e
         LEFT JOIN event_minutes m ON m.event_id = e.id
         WHERE e.ends_at > $1 AND e.ends_at <= $2
           AND e.status IN ('published', 'registration_closed', 'held')
           AND (m.event_id IS NULL OR m.summary_lv IS NULL)
         ORDER BY e.starts_at, e.id",
    )
    .bind(since)
    .bind(now)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(event_id, title_lv, title_en, starts_at)| crate::events::Headline {
                event_id,
                title_lv,
                title_en,
                starts_at,
            },
        )
        .collect())
}

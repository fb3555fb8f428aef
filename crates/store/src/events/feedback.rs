//! Anonymous feedback after an event: one-time links sent to the participants who have
//! an address, answers stored apart from the links (event and day only), and the share of
//! participants rating the event good or very good.

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::{Actor, Db, Error};
use domain::audit::AuditAction;

/// Someone to ask: their address and language, for the mail.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub attendance_id: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
}

/// The participants of a held event not asked yet, with an address (their registration's,
/// else their registry person's first).
pub async fn recipients(db: &Db, event_id: i64) -> crate::Result<Vec<Recipient>> {
    let rows: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT a.id, a.name,
                COALESCE(NULLIF(r.email, ''), (SELECT e.email FROM person_emails e
                                   JOIN people rp ON rp.id = e.person_id
                                   WHERE e.person_id = a.person_id AND rp.restricted_at IS NULL
                                   ORDER BY e.position, e.id LIMIT 1)),
                COALESCE(r.lang, p.preferred_lang)
         FROM attendances a
         LEFT JOIN registrations r ON r.id = a.registration_id
         LEFT JOIN people p ON p.id = a.person_id
         WHERE a.event_id = $1 AND a.feedback_sent_at IS NULL",
    )
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, name, email, lang)| {
            Some(Recipient {
                attendance_id: id,
                name,
                email: email?,
                lang: lang.unwrap_or_else(|| "lv".to_owned()),
            })
        })
        .collect())
}

/// Stores a link per recipient and queues its mail, marking them asked; all or nothing.
/// `EventConflict::NotHeld` unless the event was held (or reported).
pub async fn send(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    items: &[(Recipient, String, Outgoing)],
) -> crate::Result<usize> {
    let mut tx = db.write().await?;
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&mut *tx)
        .await?;
    if !matches!(status.ok_or(Error::NotFound)?.as_str(), "held" | "reported") {
        return Err(Error::Conflict(crate::EventConflict::NotHeld.into()));
    }
    let mut sent = 0;
    for (who, token_hash, mail) in items {
        let n = sqlx::query(
            "UPDATE attendances SET feedback_sent_at = $1
             WHERE id = $2 AND event_id = $3 AND feedback_sent_at IS NULL",
        )
        .bind(now)
        .bind(who.attendance_id)
        .bind(event_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            continue;
        }
        sqlx::query("INSERT INTO feedback_links (event_id, token_hash) VALUES ($1, $2)")
            .bind(event_id)
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        crate::outbox::enqueue_in(&mut tx, now, &who.email, mail).await?;
        sent += 1;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::FeedbackRequested)
            .on("event", event_id)
            .detail(format!("sent={sent}")),
    )
    .await?;
    tx.commit().await?;
    Ok(sent)
}

/// The event a link asks about, and whether it was used: (event id, used).
pub async fn link(db: &Db, token_hash: &str) -> crate::Result<(i64, bool)> {
    let row: Option<(i64, bool)> =
        sqlx::query_as("SELECT event_id, used FROM feedback_links WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&db.reader)
            .await?;
    row.ok_or(Error::NotFound)
}

/// An answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub rating: i64,
    pub usefulness: Option<i64>,
    pub comment: Option<String>,
}

/// Stores an answer and spends the link, together. `EventConflict::Used` for a link used.
pub async fn answer(
    db: &Db,
    today: jiff::civil::Date,
    token_hash: &str,
    a: &Answer,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let row: Option<(i64, i64, bool)> =
        sqlx::query_as("SELECT id, event_id, used FROM feedback_links WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?;
    let (id, event_id, used) = row.ok_or(Error::NotFound)?;
    if used {
        return Err(Error::Conflict(crate::EventConflict::Used.into()));
    }
    sqlx::query("UPDATE feedback_links SET used = 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO feedback (event_id, rating, usefulness, comment, answered_on) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(event_id)
    .bind(a.rating)
    .bind(a.usefulness)
    .bind(a.comment.as_deref())
    .bind(today.to_string())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An event's feedback in sum.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Links sent.
    pub asked: i64,
    pub answers: i64,
    /// Answers rating the event 4 (good) or 5 (very good).
    pub good: i64,
    /// Answers per overall rating 1..=5.
    pub by_rating: [i64; 5],
    /// Answers per usefulness 1..=5.
    pub by_usefulness: [i64; 5],
    pub comments: Vec<String>,
}

pub async fn summary(db: &Db, event_id: i64) -> crate::Result<Summary> {
    let asked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM feedback_links WHERE event_id = $1")
        .bind(event_id)
        .fetch_one(&db.reader)
        .await?;
    let rows: Vec<(i64, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT rating, usefulness, comment FROM feedback WHERE event_id = $1 ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    let mut s = Summary {
        asked,
        answers: rows.len() as i64,
        ..Summary::default()
    };
    for (rating, usefulness, comment) in rows {
        if rating >= 4 {
            s.good += 1;
        }
        if let Some(slot) = usize::try_from(rating - 1)
            .ok()
            .and_then(|i| s.by_rating.get_mut(i))
        {
            *slot += 1;
        }
        if let Some(slot) = usefulness
            .and_then(|u| usize::try_from(u - 1).ok())
            .and_then(|i| s.by_usefulness.get_mut(i))
        {
            *slot += 1;
        }
        if let Some(c) = comment {
            s.comments.push(c);
        }
    }
    Ok(s)
}

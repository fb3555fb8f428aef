//! The e-mail outbox. Mail is queued inside the transaction of the change that causes it,
//! then delivered by a worker with retries and back-off; nothing is lost on a restart.

use sqlx::SqliteConnection;

use crate::Db;

/// A message waiting or delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub id: i64,
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_error: Option<String>,
    /// The language the message is written in ("lv", "en"), or "" for both (the
    /// recipient's language unknown: the body holds both, see [`BOTH_LANGUAGES`]).
    pub lang: String,
    /// Where the recipient stops this kind of mail (`List-Unsubscribe`), where that applies.
    pub unsubscribe: Option<String>,
}

/// The line between the Latvian and the English text of a message in both languages.
pub const BOTH_LANGUAGES: &str = "\n\n— English —\n\n";

/// A message to queue with a change.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Outgoing {
    pub kind: String,
    pub subject: String,
    pub body: String,
    /// "lv", "en", or "" when the message holds both (see [`Mail::lang`]).
    pub lang: String,
    /// See [`Mail::unsubscribe`].
    pub unsubscribe: Option<String>,
}

impl Outgoing {
    /// One message in both languages, Latvian first, for a recipient whose language is not
    /// known.
    pub fn both(lv: Outgoing, en: Outgoing) -> Outgoing {
        Outgoing {
            kind: lv.kind,
            subject: format!("{} / {}", lv.subject, en.subject),
            body: format!("{}{BOTH_LANGUAGES}{}", lv.body, en.body),
            lang: String::new(),
            unsubscribe: lv.unsubscribe.or(en.unsubscribe),
        }
    }
}

/// The body may hold a secret link: Debug shows only the kind.
impl std::fmt::Debug for Outgoing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outgoing")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

/// After this many failed attempts a message is given up (and shown as failed).
pub const MAX_ATTEMPTS: i64 = 8;

/// Seconds to wait before attempt `n` (1-based) is retried: 1 min, 5 min, 15 min, 1 h, …
pub fn backoff(attempt: i64) -> i64 {
    match attempt {
        ..=1 => 60,
        2 => 300,
        3 => 900,
        4 => 3_600,
        5 => 3 * 3_600,
        _ => 6 * 3_600,
    }
}

/// Queues a message inside the caller's transaction.
pub async fn enqueue_in(
    conn: &mut SqliteConnection,
    now: i64,
    to: &str,
    m: &Outgoing,
) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO outbox (kind, to_address, subject, body, created_at, next_attempt_at, lang,
             unsubscribe)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING id",
    )
    .bind(&m.kind)
    .bind(to)
    .bind(&m.subject)
    .bind(&m.body)
    .bind(now)
    .bind(&m.lang)
    .bind(&m.unsubscribe)
    .fetch_one(conn)
    .await?)
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
    Option<String>,
);

fn from_row(r: Row) -> Mail {
    Mail {
        id: r.0,
        kind: r.1,
        to: r.2,
        subject: r.3,
        body: r.4,
        created_at: r.5,
        attempts: r.6,
        next_attempt_at: r.7,
        sent_at: r.8,
        failed_at: r.9,
        last_error: r.10,
        lang: r.11,
        unsubscribe: r.12,
    }
}

/// The messages waiting to go (due now, neither sent nor given up) and when the oldest of
/// them was queued.
pub async fn backlog(db: &Db, now: i64) -> crate::Result<(i64, Option<i64>)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*), MIN(created_at) FROM outbox
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1",
    )
    .bind(now)
    .fetch_one(&db.reader)
    .await?)
}

/// Messages given up after their retries (or refused for good by the relay), in the
/// outbox's keeping period.
pub async fn failed_count(db: &Db) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL AND sent_at IS NULL",
    )
    .fetch_one(&db.reader)
    .await?)
}

/// Messages due for an attempt now, oldest first.
pub async fn due(db: &Db, now: i64, limit: i64) -> crate::Result<Vec<Mail>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, kind, to_address, subject, body, created_at, attempts, next_attempt_at, sent_at, failed_at, last_error, lang, unsubscribe
         FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

pub async fn mark_sent(db: &Db, id: i64, now: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records a failed attempt: retried after the back-off, or given up after
/// [`MAX_ATTEMPTS`] (or at once when `permanent`, e.g. a refused address).
pub async fn mark_failed(
    db: &Db,
    id: i64,
    now: i64,
    error: &str,
    permanent: bool,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let attempts: i64 = sqlx::query_scalar(
        "UPDATE outbox SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let give_up = permanent || attempts >= MAX_ATTEMPTS;
    sqlx::query(
        "UPDATE outbox SET last_error = $1, next_attempt_at = $2, failed_at = $3 WHERE id = $4",
    )
    .bind(error.chars().take(500).collect::<String>())
    .bind(now + backoff(attempts))
    .bind(give_up.then_some(now))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many messages were given up (after [`MAX_ATTEMPTS`]) at or after `since`.
pub async fn failed_since(db: &Db, since: i64) -> crate::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE failed_at >= $1")
            .bind(since)
            .fetch_one(&db.reader)
            .await?,
    )
}

pub const PAGE_SIZE: i64 = 50;

/// One page of messages, newest first, and whether there is a next page.
pub async fn list(db: &Db, page: i64) -> crate::Result<(Vec<Mail>, bool)> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, kind, to_address, subject, body, created_at, attempts, next_attempt_at, sent_at, failed_at, last_error, lang, unsubscribe
         FROM outbox ORDER BY id DESC LIMIT $1 OFFSET $2",
    )
    .bind(PAGE_SIZE + 1)
    .bind(page.max(0) * PAGE_SIZE)
    .fetch_all(&db.reader)
    .await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    Ok((
        rows.into_iter()
            .take(PAGE_SIZE as usize)
            .map(from_row)
            .collect(),
        more,
    ))
}

/// Drops the waiting messages to an address domain (the demo's reserved one: its mails
/// reach nobody and need not fill the coordinators' outbox).
pub async fn drop_to_domain(db: &Db, domain: &str) -> crate::Result<u64> {
    let mut tx = db.write().await?;
    let n = sqlx::query("DELETE FROM outbox WHERE sent_at IS NULL AND to_address LIKE $1")
        .bind(format!("%@{domain}"))
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(n)
}

//! Server-side sessions. The cookie carries a random secret; only its SHA-256 is stored.
//! The user's role and status are read on every request, so a disabled account or a new
//! role takes effect at once.

use domain::audit::AuditAction;
use domain::auth::Role;

use crate::audit::{self, Event};
use crate::{Actor, Db};

/// Session lifetimes in seconds.
#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    pub idle: i64,
    pub absolute: i64,
}

/// The user behind a live session.
#[derive(Clone)]
pub struct SessionUser {
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub csrf_token: String,
    pub last_seen_at: i64,
    /// When the password (and second factor, where there is one) were last given in this
    /// session: at login, or when asked again before a sensitive action.
    pub proved_at: i64,
    /// Whether the account has a confirmed second factor.
    pub has_factor: bool,
}

impl std::fmt::Debug for SessionUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionUser")
            .field("user_id", &self.user_id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// `last_seen_at` is only written when it is this many seconds old, so reading pages
/// does not write to the database on every request.
pub const TOUCH_AFTER: i64 = 60;

/// A session to start.
#[derive(Debug, Clone, Copy)]
pub struct NewSession<'a> {
    pub user_id: i64,
    pub id_hash: &'a str,
    pub csrf_token: &'a str,
    /// The browser's previous session, ended now.
    pub replaces: Option<&'a str>,
    /// The browser's `User-Agent` (cut to [`MAX_USER_AGENT`] characters by `create`).
    pub user_agent: &'a str,
}

/// The most of a `User-Agent` a session keeps.
pub const MAX_USER_AGENT: usize = 300;

/// Starts a session for a user who has just logged in, and records the login.
pub async fn create(
    db: &Db,
    now: i64,
    actor: &Actor,
    new: NewSession<'_>,
    lifetimes: Lifetimes,
) -> crate::Result<()> {
    let NewSession {
        user_id,
        id_hash,
        csrf_token,
        replaces,
        user_agent,
    } = new;
    let user_agent: String = user_agent
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_USER_AGENT)
        .collect();
    let mut tx = db.write().await?;
    if let Some(old) = replaces {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(old)
            .execute(&mut *tx)
            .await?;
    }
    // Housekeeping: expired sessions of anybody go now.
    sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(now - lifetimes.idle)
        .bind(now - lifetimes.absolute)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO sessions
             (id_hash, user_id, csrf_token, created_at, last_seen_at, proved_at, user_agent, ip)
         VALUES ($1, $2, $3, $4, $4, $4, $5, $6)",
    )
    .bind(id_hash)
    .bind(user_id)
    .bind(csrf_token)
    .bind(now)
    .bind(&user_agent)
    .bind(actor.ip.as_deref().unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    // A successful login clears the account's failure count.
    sqlx::query(
        "DELETE FROM login_failures WHERE scope = 'account'
         AND key = (SELECT email FROM users WHERE id = $1)",
    )
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::Login).on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

type SessionRow = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    String,
    i64,
    i64,
    i64,
    bool,
);

/// Looks a session up. Expired sessions and sessions of disabled users are gone.
pub async fn lookup(
    db: &Db,
    now: i64,
    id_hash: &str,
    lifetimes: Lifetimes,
) -> crate::Result<Option<SessionUser>> {
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.role, u.organisation_id, s.csrf_token, s.created_at,
             s.last_seen_at, s.proved_at,
             EXISTS (SELECT 1 FROM totp_factors f
                     WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL)
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND u.disabled_at IS NULL",
    )
    .bind(id_hash)
    .fetch_optional(&db.reader)
    .await?;
    let Some((
        user_id,
        email,
        name,
        role,
        organisation_id,
        csrf_token,
        created_at,
        last_seen_at,
        proved_at,
        has_factor,
    )) = row
    else {
        return Ok(None);
    };
    if now - last_seen_at > lifetimes.idle || now - created_at > lifetimes.absolute {
        delete(db, id_hash).await?;
        return Ok(None);
    }
    let Some(role) = Role::parse(&role) else {
        return Ok(None);
    };
    if now - last_seen_at >= TOUCH_AFTER {
        let mut tx = db.write().await?;
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(id_hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(Some(SessionUser {
        user_id,
        email,
        name,
        role,
        organisation_id,
        csrf_token,
        last_seen_at: now,
        proved_at,
        has_factor,
    }))
}

async fn delete(db: &Db, id_hash: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a session at the user's request, and records the logout.
pub async fn logout(db: &Db, now: i64, actor: &Actor, id_hash: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(&mut *tx)
        .await?;
    if let Some(user_id) = actor.user_id {
        audit::record(
            &mut tx,
            now,
            actor,
            &Event::new(AuditAction::Logout).on("user", user_id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The number of live sessions of a user (for tests and the account page).
pub async fn count_for_user(db: &Db, user_id: i64) -> crate::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&db.reader)
            .await?,
    )
}

/// The name a session goes by on its owner's page: derived from its id's hash, so the
/// page never shows what the database keys sessions by.
pub fn handle(id_hash: &str) -> String {
    domain::token::hash_secret(&format!("session handle {id_hash}"))[..24].to_owned()
}

/// One of a user's live sessions, as the account page lists it.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    /// See [`handle`].
    pub handle: String,
    pub user_agent: String,
    pub ip: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// The user's live sessions, the most recently seen first.
pub async fn list_for_user(
    db: &Db,
    now: i64,
    user_id: i64,
    lifetimes: Lifetimes,
) -> crate::Result<Vec<SessionInfo>> {
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT id_hash, user_agent, ip, created_at, last_seen_at FROM sessions
         WHERE user_id = $1 AND last_seen_at >= $2 AND created_at >= $3
         ORDER BY last_seen_at DESC, created_at DESC",
    )
    .bind(user_id)
    .bind(now - lifetimes.idle)
    .bind(now - lifetimes.absolute)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id_hash, user_agent, ip, created_at, last_seen_at)| SessionInfo {
                handle: handle(&id_hash),
                user_agent,
                ip,
                created_at,
                last_seen_at,
            },
        )
        .collect())
}

/// Ends the user's other sessions: the one whose [`handle`] is `which` (`Some`), or all
/// but `keep` (`None`). Only the user's own sessions are touched. Returns how many ended;
/// audited.
pub async fn end_others(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    keep: &str,
    which: Option<&str>,
) -> crate::Result<u64> {
    let mut tx = db.write().await?;
    let mine: Vec<String> =
        sqlx::query_scalar("SELECT id_hash FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id)
            .bind(keep)
            .fetch_all(&mut *tx)
            .await?;
    let mut ended = 0;
    for id_hash in mine {
        if which.is_some_and(|w| !domain::token::constant_time_eq(w, &handle(&id_hash))) {
            continue;
        }
        ended += sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(&id_hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    if ended > 0 {
        audit::record(
            &mut tx,
            now,
            actor,
            &Event::new(AuditAction::SessionsEnded)
                .on("user", user_id)
                .detail(serde_json::json!({ "count": ended }).to_string()),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(ended)
}

/// The password (and second factor) were given again in this session now.
pub async fn proved(db: &Db, now: i64, actor: &Actor, id_hash: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let user_id: Option<i64> = sqlx::query_scalar(
        "UPDATE sessions SET proved_at = $1 WHERE id_hash = $2 RETURNING user_id",
    )
    .bind(now)
    .bind(id_hash)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(user_id) = user_id {
        audit::record(
            &mut tx,
            now,
            actor,
            &Event::new(AuditAction::Reauthenticated).on("user", user_id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

//! Server-side sessions. The cookie carries a random secret; only its SHA-256 is stored.
//! The user's role and status are read on every request, so a disabled account or a new
//! role takes effect at once.

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
}

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
    } = new;
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
        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(id_hash)
    .bind(user_id)
    .bind(csrf_token)
    .bind(now)
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
        &Event::new("login").on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

type SessionRow = (i64, String, String, String, Option<i64>, String, i64, i64);

/// Looks a session up. Expired sessions and sessions of disabled users are gone.
pub async fn lookup(
    db: &Db,
    now: i64,
    id_hash: &str,
    lifetimes: Lifetimes,
) -> crate::Result<Option<SessionUser>> {
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.role, u.organisation_id, s.csrf_token, s.created_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND u.disabled_at IS NULL",
    )
    .bind(id_hash)
    .fetch_optional(&db.reader)
    .await?;
    let Some((user_id, email, name, role, organisation_id, csrf_token, created_at, last_seen_at)) =
        row
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
            &Event::new("logout").on("user", user_id),
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

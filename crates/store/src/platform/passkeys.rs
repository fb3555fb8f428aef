//! Passkeys (WebAuthn credentials) an account registered besides its authenticator app, and
//! the ceremonies under way. The store keeps the credential as the WebAuthn library writes it
//! (JSON) and never reads inside it; the web layer (webauthn-rs) does the cryptography.

use domain::audit::AuditAction;
use sqlx::SqliteConnection;

use crate::audit::{self, Event};
use crate::outbox::Outgoing;
use crate::{Actor, Db, Error};

/// How long a ceremony's server half is kept (seconds).
pub const CEREMONY_SECONDS: i64 = 300;

/// The most passkeys one account keeps.
pub const MAX_PER_ACCOUNT: i64 = 10;

/// A passkey as its owner sees it listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passkey {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// The account's passkeys, the newest first.
pub async fn list(db: &Db, user: i64) -> crate::Result<Vec<Passkey>> {
    let rows: Vec<(i64, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, name, created_at, last_used_at FROM passkeys WHERE user_id = $1
         ORDER BY id DESC",
    )
    .bind(user)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Passkey {
            id: r.0,
            name: r.1,
            created_at: r.2,
            last_used_at: r.3,
        })
        .collect())
}

/// The account's credentials as stored: (id, JSON).
pub async fn credentials(db: &Db, user: i64) -> crate::Result<Vec<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT id, passkey FROM passkeys WHERE user_id = $1 ORDER BY id")
            .bind(user)
            .fetch_all(&db.reader)
            .await?,
    )
}

/// The account's WebAuthn user handle: 16 random bytes, made the first time.
pub async fn handle(db: &Db, user: i64) -> crate::Result<[u8; 16]> {
    let mut tx = db.write().await?;
    let stored: Option<Option<Vec<u8>>> =
        sqlx::query_scalar("SELECT passkey_handle FROM users WHERE id = $1")
            .bind(user)
            .fetch_optional(&mut *tx)
            .await?;
    let stored = stored.ok_or(Error::NotFound)?;
    if let Some(h) = stored.and_then(|h| <[u8; 16]>::try_from(h.as_slice()).ok()) {
        return Ok(h);
    }
    let h = domain::token::random_16();
    sqlx::query("UPDATE users SET passkey_handle = $1 WHERE id = $2")
        .bind(h.as_slice())
        .bind(user)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(h)
}

/// Keeps a ceremony's server half for `owner` (replacing one under way).
pub async fn begin(db: &Db, now: i64, owner: &str, state: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO passkey_ceremonies (owner, state, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (owner) DO UPDATE SET state = excluded.state,
             expires_at = excluded.expires_at",
    )
    .bind(owner)
    .bind(state)
    .bind(now + CEREMONY_SECONDS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Takes (once) the server half of `owner`'s ceremony, if still live.
pub async fn take(db: &Db, now: i64, owner: &str) -> crate::Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "DELETE FROM passkey_ceremonies WHERE owner = $1 AND expires_at >= $2 RETURNING state",
    )
    .bind(owner)
    .bind(now)
    .fetch_optional(&db.writer)
    .await?)
}

async fn count(tx: &mut SqliteConnection, user: i64) -> crate::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM passkeys WHERE user_id = $1")
            .bind(user)
            .fetch_one(&mut *tx)
            .await?,
    )
}

/// Registers a passkey for an account that has the app's factor (`PlatformConflict::NoFactor`
/// otherwise); `PlatformConflict::Taken` for a credential already registered (to any account),
/// `PlatformConflict::TooMany` beyond [`MAX_PER_ACCOUNT`]. Audited; the owner is mailed.
pub async fn add(
    db: &Db,
    now: i64,
    actor: &Actor,
    user: i64,
    (credential_id, name, passkey): (&[u8], &str, &str),
    mail: (&str, &Outgoing),
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let factor: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL",
    )
    .bind(user)
    .fetch_one(&mut *tx)
    .await?;
    if factor == 0 {
        return Err(Error::Conflict(crate::PlatformConflict::NoFactor.into()));
    }
    if count(&mut tx, user).await? >= MAX_PER_ACCOUNT {
        return Err(Error::Conflict(crate::PlatformConflict::TooMany.into()));
    }
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM passkeys WHERE credential_id = $1")
        .bind(credential_id)
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Err(Error::Conflict(crate::PlatformConflict::Taken.into()));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO passkeys (user_id, credential_id, name, passkey, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user)
    .bind(credential_id)
    .bind(name)
    .bind(passkey)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    crate::outbox::enqueue_in(&mut tx, now, mail.0, mail.1).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PasskeyAdded).on("user", user),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// After a sign-in with passkey `id`: its credential as updated (the counter) and when.
pub async fn used(db: &Db, now: i64, id: i64, passkey: &str) -> crate::Result<()> {
    sqlx::query("UPDATE passkeys SET passkey = $1, last_used_at = $2 WHERE id = $3")
        .bind(passkey)
        .bind(now)
        .bind(id)
        .execute(&db.writer)
        .await?;
    Ok(())
}

/// Removes one of the account's passkeys (`NotFound` for another's or none). Audited; the
/// owner is mailed.
pub async fn remove(
    db: &Db,
    now: i64,
    actor: &Actor,
    user: i64,
    id: i64,
    mail: (&str, &Outgoing),
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let gone = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if gone == 0 {
        return Err(Error::NotFound);
    }
    crate::outbox::enqueue_in(&mut tx, now, mail.0, mail.1).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PasskeyRemoved).on("user", user),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

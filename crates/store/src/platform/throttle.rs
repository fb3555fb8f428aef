//! Login throttling, kept in the database so several app instances share it. Failures are
//! counted over a sliding window under three keys:
//!
//! - the *pair* — account and client address, or account and a browser that has logged in
//!   to the account before: after a few free attempts each next one waits twice as long as
//!   the one before (1 s, 2 s, 4 s … up to a ceiling). A delay, never a hard lock, and only
//!   for that pair: someone guessing from elsewhere does not slow the user down.
//! - the *account*, for browsers that have not logged in to it before: a ceiling against
//!   guessing from many addresses; a known browser is not held to it.
//! - the *address*, over all accounts: a ceiling against password spraying; a known browser
//!   is not held to it either (a user behind the same NAT as a sprayer still gets in).
//!
//! Every password check first *reserves* its attempt in one write transaction, so parallel
//! requests cannot all slip under a limit. A successful check releases its reservation; a
//! failed one stays as the failure record.

use crate::audit::{self, Event};
use crate::{Actor, Db};
use domain::audit::AuditAction;

/// What an attempt is counted under. `account` and `address` are `None` for a browser that
/// has logged in to the account before (and for a logged-in user's password change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub pair: String,
    pub account: Option<String>,
    pub address: Option<String>,
}

/// The rules, as of now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Failures before this time no longer count.
    pub since: i64,
    /// Failures of a pair before delays begin.
    pub free: i64,
    /// The longest delay, in seconds.
    pub max_delay: i64,
    /// Failures per account (from browsers not known to it).
    pub account_max: i64,
    /// Failures per client address.
    pub address_max: i64,
}

impl Policy {
    /// The wait a pair owes after `failures` failures, in seconds.
    pub fn delay(&self, failures: i64) -> i64 {
        if failures < self.free {
            return 0;
        }
        let doublings = u32::try_from((failures - self.free).min(30)).unwrap_or(30);
        (1i64 << doublings).min(self.max_delay)
    }
}

/// A reserved attempt: the rows that count it.
#[derive(Debug, Clone)]
pub struct Attempt {
    ids: Vec<i64>,
    /// This attempt reached the account's or the address's ceiling.
    pub reaches_ceiling: bool,
}

/// What [`reserve`] decided.
#[derive(Debug, Clone)]
pub enum Reserved {
    /// Check the password.
    Go(Attempt),
    /// Not now: try again in this many seconds (nothing was written).
    Wait(i64),
}

async fn count(
    tx: &mut sqlx::SqliteConnection,
    scope: &str,
    key: &str,
    since: i64,
) -> crate::Result<(i64, Option<i64>, Option<i64>)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*), MIN(at), MAX(at) FROM login_failures WHERE scope = $1 AND key = $2 AND at >= $3",
    )
    .bind(scope)
    .bind(key)
    .bind(since)
    .fetch_one(&mut *tx)
    .await?)
}

/// Reserves an attempt, or says how long to wait.
pub async fn reserve(db: &Db, now: i64, keys: &Keys, policy: Policy) -> crate::Result<Reserved> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind(policy.since)
        .execute(&mut *tx)
        .await?;
    let window = (now - policy.since).max(1);
    let (pair_failures, _, last) = count(&mut tx, "pair", &keys.pair, policy.since).await?;
    let mut wait = last.map_or(0, |last| last + policy.delay(pair_failures) - now);
    let mut reaches_ceiling = false;
    for (scope, key, max) in [
        ("account", keys.account.as_deref(), policy.account_max),
        ("address", keys.address.as_deref(), policy.address_max),
    ] {
        let Some(key) = key else { continue };
        let (n, first, _) = count(&mut tx, scope, key, policy.since).await?;
        if n >= max {
            // Until the oldest failure leaves the window.
            wait = wait.max(first.map_or(window, |f| f + window - now));
        } else if n + 1 == max {
            reaches_ceiling = true;
        }
    }
    if wait > 0 {
        return Ok(Reserved::Wait(wait));
    }
    let mut ids = Vec::new();
    for (scope, key) in [
        ("pair", Some(keys.pair.as_str())),
        ("account", keys.account.as_deref()),
        ("address", keys.address.as_deref()),
    ] {
        let Some(key) = key else { continue };
        ids.push(
            sqlx::query_scalar(
                "INSERT INTO login_failures (scope, key, at) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(scope)
            .bind(key)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?,
        );
    }
    tx.commit().await?;
    Ok(Reserved::Go(Attempt {
        ids,
        reaches_ceiling,
    }))
}

/// The password was right: the reservation is released.
pub async fn release(db: &Db, attempt: &Attempt) -> crate::Result<()> {
    let mut tx = db.write().await?;
    for id in &attempt.ids {
        sqlx::query("DELETE FROM login_failures WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The password was wrong: the reservation stays as a failure, and the audit log gets a
/// row for it (`event`), plus `lockout` when this failure reached a ceiling.
pub async fn failed(
    db: &Db,
    now: i64,
    actor: &Actor,
    attempt: &Attempt,
    event: domain::audit::AuditAction,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    audit::record(&mut tx, now, actor, &Event::new(event)).await?;
    if attempt.reaches_ceiling {
        audit::record(&mut tx, now, actor, &Event::new(AuditAction::Lockout)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Counts a post of a public form from `key` (the client address); `Some(seconds)` to wait
/// when it already has `max` posts since `since` (then nothing is written).
pub async fn public_post(
    db: &Db,
    now: i64,
    key: &str,
    since: i64,
    max: i64,
) -> crate::Result<Option<i64>> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM public_posts WHERE at < $1")
        .bind(since)
        .execute(&mut *tx)
        .await?;
    let (n, first): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(*), MIN(at) FROM public_posts WHERE key = $1")
            .bind(key)
            .fetch_one(&mut *tx)
            .await?;
    if n >= max {
        let window = (now - since).max(1);
        return Ok(Some(first.map_or(window, |f| f + window - now).max(1)));
    }
    sqlx::query("INSERT INTO public_posts (key, at) VALUES ($1, $2)")
        .bind(key)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(None)
}

/// Browsers that have logged in to an account, by the SHA-256 of their random mark.
pub mod devices {
    use crate::Db;

    /// A mark unused this long is forgotten.
    pub const LIFETIME: i64 = 365 * 24 * 3600;

    /// True when the browser with this mark has logged in to the user's account.
    pub async fn known(db: &Db, now: i64, user_id: i64, token_hash: &str) -> crate::Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM trusted_devices WHERE user_id = $1 AND token_hash = $2 AND last_used_at >= $3",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(now - LIFETIME)
        .fetch_optional(&db.reader)
        .await?;
        Ok(found.is_some())
    }

    /// Remembers (or refreshes) that the browser logged in to the account; forgets marks
    /// unused for a year.
    pub async fn remember(db: &Db, now: i64, user_id: i64, token_hash: &str) -> crate::Result<()> {
        let mut tx = db.write().await?;
        sqlx::query("DELETE FROM trusted_devices WHERE last_used_at < $1")
            .bind(now - LIFETIME)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO trusted_devices (user_id, token_hash, created_at, last_used_at) VALUES ($1, $2, $3, $3)
             ON CONFLICT (token_hash, user_id) DO UPDATE SET last_used_at = excluded.last_used_at",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

//! Login throttling, kept in the database so several app instances share it. Every
//! password check first *reserves* an attempt — counted per account and per client address
//! over a sliding window, in one write transaction — so parallel requests cannot all slip
//! under the limit. A successful check releases its reservation; a failed one stays as the
//! failure record.

use crate::audit::{self, Event};
use crate::{Actor, Db};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Account,
    Address,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::Account => "account",
            Scope::Address => "address",
        }
    }
}

/// A reserved attempt: the rows that count it.
#[derive(Debug, Clone)]
pub struct Attempt {
    ids: [i64; 2],
    /// The failures (this attempt included) per account and per address.
    pub counts: [i64; 2],
}

/// The limit: at most `max` attempts that did not succeed since `since`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub since: i64,
}

/// Reserves an attempt for `account` from `address`, or `None` when either already has
/// `limit.max` failures in the window (then nothing is written).
pub async fn reserve(
    db: &Db,
    now: i64,
    account: &str,
    address: &str,
    limit: Limit,
) -> crate::Result<Option<Attempt>> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind(limit.since)
        .execute(&mut *tx)
        .await?;
    let mut counts = [0i64; 2];
    for (i, (scope, key)) in [(Scope::Account, account), (Scope::Address, address)]
        .into_iter()
        .enumerate()
    {
        counts[i] = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_failures WHERE scope = $1 AND key = $2 AND at >= $3",
        )
        .bind(scope.as_str())
        .bind(key)
        .bind(limit.since)
        .fetch_one(&mut *tx)
        .await?;
    }
    if counts.iter().any(|c| *c >= limit.max) {
        return Ok(None);
    }
    let mut ids = [0i64; 2];
    for (i, (scope, key)) in [(Scope::Account, account), (Scope::Address, address)]
        .into_iter()
        .enumerate()
    {
        ids[i] = sqlx::query_scalar(
            "INSERT INTO login_failures (scope, key, at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(scope.as_str())
        .bind(key)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Some(Attempt {
        ids,
        counts: [counts[0] + 1, counts[1] + 1],
    }))
}

/// The password was right: the reservation is released.
pub async fn release(db: &Db, attempt: &Attempt) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM login_failures WHERE id = $1 OR id = $2")
        .bind(attempt.ids[0])
        .bind(attempt.ids[1])
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The password was wrong: the reservation stays as a failure, and the audit log gets a
/// row for it (`event`), plus `lockout` when this failure reached the limit.
pub async fn failed(
    db: &Db,
    now: i64,
    actor: &Actor,
    attempt: &Attempt,
    limit: Limit,
    event: &str,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    audit::record(&mut tx, now, actor, &Event::new(event)).await?;
    if attempt.counts.contains(&limit.max) {
        audit::record(&mut tx, now, actor, &Event::new("lockout")).await?;
    }
    tx.commit().await?;
    Ok(())
}

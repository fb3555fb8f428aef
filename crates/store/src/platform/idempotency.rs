//! Idempotent creation through the API (issue 23, item 4): the first request with a
//! client's `Idempotency-Key` claims it; the same request again gets the record the first
//! made; the key with another request is refused. Keys live 24 hours.

use crate::Db;

/// How long a key is remembered.
pub const KEEP_SECONDS: i64 = 24 * 3600;

/// What a key's claim found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// The key is this request's: go on, then [`finish`] (or [`release`] on failure).
    Fresh,
    /// The same request made this record before: answer with it.
    Done(i64),
    /// The same request is being handled right now.
    InProgress,
    /// The key was used with another request (or operation).
    Mismatch,
}

/// Claims `key` for `user`'s request to `operation` whose content hashes to `request_hash`.
pub async fn claim(
    db: &Db,
    now: i64,
    user_id: i64,
    key: &str,
    operation: &str,
    request_hash: &str,
) -> crate::Result<Claim> {
    let mut tx = db.write().await?;
    // A claim whose request never finished (the process stopped between making the record
    // and noting it) is kept as long as any: freeing it early could let a retry make the
    // record twice.
    sqlx::query("DELETE FROM api_idempotency WHERE created_at < $1")
        .bind(now - KEEP_SECONDS)
        .execute(&mut *tx)
        .await?;
    let made = sqlx::query(
        "INSERT INTO api_idempotency (user_id, key, operation, request_hash, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, key) DO NOTHING",
    )
    .bind(user_id)
    .bind(key)
    .bind(operation)
    .bind(request_hash)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let claim = if made == 1 {
        Claim::Fresh
    } else {
        let (op, hash, resource): (String, String, Option<i64>) = sqlx::query_as(
            "SELECT operation, request_hash, resource_id FROM api_idempotency
             WHERE user_id = $1 AND key = $2",
        )
        .bind(user_id)
        .bind(key)
        .fetch_one(&mut *tx)
        .await?;
        match resource {
            _ if op != operation || hash != request_hash => Claim::Mismatch,
            Some(id) => Claim::Done(id),
            None => Claim::InProgress,
        }
    };
    tx.commit().await?;
    Ok(claim)
}

/// Records the record a claimed request made.
pub async fn finish(db: &Db, user_id: i64, key: &str, resource_id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("UPDATE api_idempotency SET resource_id = $1 WHERE user_id = $2 AND key = $3")
        .bind(resource_id)
        .bind(user_id)
        .bind(key)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Gives a claimed key back: the request made nothing (it was refused), so the client may
/// send a corrected one with the same key.
pub async fn release(db: &Db, user_id: i64, key: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query(
        "DELETE FROM api_idempotency WHERE user_id = $1 AND key = $2 AND resource_id IS NULL",
    )
    .bind(user_id)
    .bind(key)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

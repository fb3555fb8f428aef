//! Login throttling, kept in the database so several app instances share it: failures are
//! counted per account and per client address over a sliding window.

use crate::Db;

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

/// Failures for `key` in `scope` since `since`.
pub async fn failures_since(db: &Db, scope: Scope, key: &str, since: i64) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_failures WHERE scope = $1 AND key = $2 AND at >= $3",
    )
    .bind(scope.as_str())
    .bind(key)
    .bind(since)
    .fetch_one(&db.reader)
    .await?)
}

/// Records a failed login for the account and the address, with its audit row, in one
/// transaction. Rows older than `forget_before` are pruned.
pub async fn record_failure(
    db: &Db,
    now: i64,
    actor: &crate::Actor,
    account: &str,
    address: &str,
    forget_before: i64,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind(forget_before)
        .execute(&mut *tx)
        .await?;
    for (scope, key) in [(Scope::Account, account), (Scope::Address, address)] {
        sqlx::query("INSERT INTO login_failures (scope, key, at) VALUES ($1, $2, $3)")
            .bind(scope.as_str())
            .bind(key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new("login_failed"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

//! Personal API tokens and one-time set-password links. Only hashes are stored.

use domain::audit::AuditAction;
use domain::auth::Role;

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};

#[derive(Debug, Clone)]
pub struct ApiToken {
    pub id: i64,
    pub label: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
    /// When it stops working (unix seconds).
    pub expires_at: i64,
}

impl ApiToken {
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires_at <= now
    }
}

/// How long a token works: 180 days, then the user makes a new one (ASVS: no credential
/// lives for ever; a forgotten token in a script or a leaked one ends by itself).
pub const TOKEN_LIFETIME: i64 = 180 * 86_400;

/// Stores a new token's hash for a user; returns its id. `parent` is the token that
/// authenticated the request creating it, if any: revoking a token revokes every token it
/// created, so a leaked token cannot outlive its revocation by minting a successor.
pub async fn create_api_token(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    label: &str,
    token_hash: &str,
    parent: Option<i64>,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = sqlx::query_scalar(
        // A token made by a token ends no later than its parent: a token cannot keep itself
        // alive by making successors.
        "INSERT INTO api_tokens (user_id, label, token_hash, created_at, parent_id, expires_at)
         VALUES ($1, $2, $3, $4, $5,
                 MIN($6, COALESCE((SELECT expires_at FROM api_tokens WHERE id = $5), $6)))
         RETURNING id",
    )
    .bind(user_id)
    .bind(label)
    .bind(token_hash)
    .bind(now)
    .bind(parent)
    .bind(now + TOKEN_LIFETIME)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| Error::unique(e, crate::PlatformConflict::Token.into()))?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::TokenCreated).on("api_token", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// When a token ends (unix seconds).
pub async fn expires_at(db: &Db, id: i64) -> crate::Result<i64> {
    sqlx::query_scalar::<_, Option<i64>>("SELECT expires_at FROM api_tokens WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .flatten()
        .ok_or(Error::NotFound)
}

/// A user's tokens, newest first.
pub async fn list_api_tokens(db: &Db, user_id: i64) -> crate::Result<Vec<ApiToken>> {
    type Row = (i64, String, i64, Option<i64>, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, label, created_at, revoked_at, expires_at FROM api_tokens
         WHERE user_id = $1 ORDER BY id DESC",
    )
    .bind(user_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, label, created_at, revoked_at, expires_at)| ApiToken {
            id,
            label,
            created_at,
            revoked_at,
            expires_at: expires_at.unwrap_or(created_at),
        })
        .collect())
}

/// Revokes one of the user's own tokens. Another user's token id is `NotFound`.
pub async fn revoke_api_token(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    id: i64,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n > 0 {
        // Everything this token created, and what those created, goes with it.
        sqlx::query(
            "WITH RECURSIVE descendants(id) AS (
                 SELECT id FROM api_tokens WHERE parent_id = $1
                 UNION SELECT t.id FROM api_tokens t JOIN descendants d ON t.parent_id = d.id
             )
             UPDATE api_tokens SET revoked_at = $2
             WHERE id IN (SELECT id FROM descendants) AND revoked_at IS NULL",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    if n == 0 {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::TokenRevoked).on("api_token", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The user behind a live token of an enabled account.
#[derive(Debug, Clone)]
pub struct TokenUser {
    pub token_id: i64,
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<i64>,
    /// Whether the account has a confirmed second factor.
    pub has_factor: bool,
}

type TokenRow = (i64, i64, String, String, String, Option<i64>, bool);

/// The user of a token that is neither revoked nor expired, of an enabled account.
pub async fn lookup_api_token(
    db: &Db,
    now: i64,
    token_hash: &str,
) -> crate::Result<Option<TokenUser>> {
    let row: Option<TokenRow> = sqlx::query_as(
        "SELECT t.id, u.id, u.email, u.name, u.role, u.organisation_id,
             EXISTS (SELECT 1 FROM totp_factors f
                     WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL)
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2
           AND u.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.reader)
    .await?;
    Ok(row.and_then(
        |(token_id, user_id, email, name, role, organisation_id, has_factor)| {
            Some(TokenUser {
                token_id,
                user_id,
                email,
                name,
                role: Role::parse(&role)?,
                organisation_id,
                has_factor,
            })
        },
    ))
}

/// Stores a one-time set-password link for a user, valid until `expires_at`.
pub async fn create_password_link(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    token_hash: &str,
    expires_at: i64,
    mail: Option<(&str, &crate::outbox::Outgoing)>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    insert_password_link(&mut tx, user_id, token_hash, now, expires_at).await?;
    if let Some((to, m)) = mail {
        crate::outbox::enqueue_in(&mut tx, now, to, m).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PasswordLinkCreated).on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How long after a set-password link was made no reset link is made again for the same
/// account (whoever asks: a mailbox is not flooded).
pub const RESET_QUIET_SECONDS: i64 = 300;

/// "Forgot your password?": for an enabled account with this address (any case), a new
/// set-password link (it ends the older ones) expiring at `expires_at`, mailed with
/// `mail(name, preferred language)`, audited — unless a link was made for it in the last
/// [`RESET_QUIET_SECONDS`]. Returns whether a mail was queued; the caller answers the same
/// either way, so nobody learns which addresses have accounts.
pub async fn request_password_reset(
    db: &Db,
    now: i64,
    actor: &Actor,
    email: &str,
    token_hash: &str,
    expires_at: i64,
    mail: impl FnOnce(&str, &str) -> crate::outbox::Outgoing,
) -> crate::Result<bool> {
    let mut tx = db.write().await?;
    let user: Option<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, email, name, preferred_lang FROM users
         WHERE lower(email) = lower($1) AND disabled_at IS NULL",
    )
    .bind(email.trim())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((user_id, to, name, lang)) = user else {
        return Ok(false);
    };
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM password_links WHERE user_id = $1 AND created_at > $2",
    )
    .bind(user_id)
    .bind(now - RESET_QUIET_SECONDS)
    .fetch_one(&mut *tx)
    .await?;
    if recent > 0 {
        return Ok(false);
    }
    insert_password_link(&mut tx, user_id, token_hash, now, expires_at).await?;
    let m = mail(&name, &lang);
    crate::outbox::enqueue_in(&mut tx, now, &to, &m).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PasswordResetRequested).on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Stores a link inside the caller's transaction.
pub(crate) async fn insert_password_link(
    conn: &mut sqlx::SqliteConnection,
    user_id: i64,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> crate::Result<()> {
    // Only the newest link works: a lost older one is dead.
    invalidate_password_links(&mut *conn, user_id, now).await?;
    sqlx::query(
        "INSERT INTO password_links (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends every unused set-password link of a user (a new link, or a password set by any way).
pub(crate) async fn invalidate_password_links(
    conn: &mut sqlx::SqliteConnection,
    user_id: i64,
    now: i64,
) -> crate::Result<()> {
    sqlx::query("UPDATE password_links SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The account a live (unused, unexpired) link belongs to: (user id, name, e-mail).
pub async fn password_link_user(
    db: &Db,
    now: i64,
    token_hash: &str,
) -> crate::Result<Option<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.name, u.email FROM password_links l JOIN users u ON u.id = l.user_id
         WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND u.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.reader)
    .await?)
}

/// Uses a link: sets the password, ends every session of the account, marks the link used
/// and mails the owner `notice` (to their address), in one transaction. A used, expired or
/// unknown link is `NotFound`.
pub async fn use_password_link(
    db: &Db,
    now: i64,
    actor: &Actor,
    token_hash: &str,
    password_hash: &str,
    notice: &crate::outbox::Outgoing,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let user_id: Option<i64> = sqlx::query_scalar(
        "UPDATE password_links SET used_at = $1
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
         RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(user_id) = user_id else {
        return Err(Error::NotFound);
    };
    // A user disabled in the meantime gets nothing, and the link stays unused.
    crate::users::store_password(&mut tx, now, user_id, password_hash, None).await?;
    let email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
    crate::outbox::enqueue_in(&mut tx, now, &email, notice).await?;
    let actor = Actor {
        user_id: Some(user_id),
        ..actor.clone()
    };
    audit::record(
        &mut tx,
        now,
        &actor,
        &Event::new(AuditAction::PasswordSet).on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}

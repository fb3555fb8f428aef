//! Second factors of accounts (issue 17): a TOTP key (sealed under the key file, bound to
//! its account), one-time recovery codes (hashes), and the short-lived login challenge that
//! stands between a right password and a right code. Code guesses are throttled by the
//! caller like passwords (`store::throttle`).

use domain::audit::AuditAction;
use domain::sealed::Keyring;
use domain::token;

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};

/// How long a login challenge (password right, code not yet given) lasts: five minutes.
pub const CHALLENGE_SECONDS: i64 = 300;

/// Wrong codes in a row after which the code step is locked until the password is set anew
/// (by the owner, from a reset link to their mailbox) or a coordinator resets the factor:
/// whoever has the password cannot guess on for weeks under the throttle's window.
pub const MAX_FAILED_CODES: i64 = 30;

/// What a typed code was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// A right code from the app.
    Code,
    /// An unused recovery code (now used up).
    Recovery,
    /// Wrong; `locked_now` when it was the last one allowed.
    Wrong { locked_now: bool },
    /// The code step is locked (too many wrong codes in a row).
    Locked,
}

fn place(user_id: i64) -> String {
    crate::mediation::place("totp_factors.key", &format!("user/{user_id}"))
}

/// Whether the account has a confirmed second factor.
pub async fn enrolled(db: &Db, user_id: i64) -> crate::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL",
    )
    .bind(user_id)
    .fetch_one(&db.reader)
    .await?;
    Ok(n > 0)
}

/// Starts an enrolment: a new key for the account (replacing one not yet confirmed).
/// `PlatformConflict::Enrolled` when a confirmed factor exists (it is reset first).
pub async fn begin(db: &Db, now: i64, keys: &Keyring, user_id: i64) -> crate::Result<Vec<u8>> {
    let mut tx = db.write().await?;
    let confirmed: Option<Option<i64>> =
        sqlx::query_scalar("SELECT confirmed_at FROM totp_factors WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    if matches!(confirmed, Some(Some(_))) {
        return Err(Error::Conflict(crate::PlatformConflict::Enrolled.into()));
    }
    let key = domain::totp::new_key();
    let sealed = keys.seal(&place(user_id), &domain::totp::base32(&key));
    sqlx::query(
        "INSERT INTO totp_factors (user_id, key_sealed, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET key_sealed = excluded.key_sealed,
             created_at = excluded.created_at, last_step = NULL",
    )
    .bind(user_id)
    .bind(sealed)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(key)
}

/// The key of an enrolment in progress (to draw its QR code again after a wrong code).
pub async fn pending_key(db: &Db, keys: &Keyring, user_id: i64) -> crate::Result<Option<Vec<u8>>> {
    let sealed: Option<Vec<u8>> = sqlx::query_scalar(
        "SELECT key_sealed FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(&db.reader)
    .await?;
    sealed.map(|s| open_key(keys, user_id, &s)).transpose()
}

fn open_key(keys: &Keyring, user_id: i64, sealed: &[u8]) -> crate::Result<Vec<u8>> {
    let text = keys
        .open(&place(user_id), sealed)
        .map_err(|e| Error::Other(sqlx::Error::Decode(format!("totp key: {e}").into())))?;
    domain::totp::from_base32(&text)
        .ok_or_else(|| Error::Other(sqlx::Error::Decode("totp key".into())))
}

/// Confirms an enrolment with a code from the app: the factor counts from now, the given
/// recovery codes (plain, shown once to the user) replace any earlier ones as hashes, every
/// other session of the account ends (but `keep_session`), and the owner is mailed
/// `notice` at `to`. Returns false for a wrong code.
#[expect(clippy::too_many_arguments, reason = "one transaction's inputs")]
pub async fn confirm(
    db: &Db,
    now: i64,
    actor: &Actor,
    keys: &Keyring,
    user_id: i64,
    code: &str,
    recovery: &[String],
    keep_session: Option<&str>,
    notice: (&str, &crate::outbox::Outgoing),
) -> crate::Result<bool> {
    let mut tx = db.write().await?;
    let sealed: Option<Vec<u8>> = sqlx::query_scalar(
        "SELECT key_sealed FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(sealed) = sealed else {
        return Err(Error::NotFound);
    };
    let key = open_key(keys, user_id, &sealed)?;
    let Some(step) = domain::totp::verify(&key, code, now, None) else {
        return Ok(false);
    };
    sqlx::query("UPDATE totp_factors SET confirmed_at = $1, last_step = $2 WHERE user_id = $3")
        .bind(now)
        .bind(step)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    // A session someone else started with the password does not outlive the factor.
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> COALESCE($2, '')")
        .bind(user_id)
        .bind(keep_session)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM login_challenges WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    crate::outbox::enqueue_in(&mut tx, now, notice.0, notice.1).await?;
    store_recovery(&mut tx, user_id, recovery).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::MfaEnrolled).on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Checks a code from the app (each step once) or an unused recovery code (then used up)
/// for an enrolled account, counting wrong ones in a row up to [`MAX_FAILED_CODES`]; a
/// recovery code used, and the lock, are audited, and at the lock the owner is mailed
/// `lock_notice` at `to` (someone has their password). Not `lockable`: the lock does not
/// refuse at once (setting a password from a mailed link, where the owner shows their
/// mailbox and a code; wrong codes there still count), but once locked only a recovery
/// code is taken.
#[expect(
    clippy::too_many_arguments,
    reason = "the account, what was typed, and how a lock is told and applied"
)]
pub async fn check(
    db: &Db,
    now: i64,
    actor: &Actor,
    keys: &Keyring,
    user_id: i64,
    typed: &str,
    lock_notice: (&str, &crate::outbox::Outgoing),
    lockable: bool,
) -> crate::Result<Checked> {
    let mut tx = db.write().await?;
    let row: Option<(Vec<u8>, Option<i64>, i64)> = sqlx::query_as(
        "SELECT key_sealed, last_step, failed_codes FROM totp_factors
         WHERE user_id = $1 AND confirmed_at IS NOT NULL",
    )
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((sealed, last, failed)) = row else {
        return Ok(Checked::Wrong { locked_now: false });
    };
    if lockable && failed >= MAX_FAILED_CODES {
        return Ok(Checked::Locked);
    }
    let key = open_key(keys, user_id, &sealed)?;
    // Once locked (where the lock does not hold: the reset link), only a recovery code of
    // about 50 bits is taken, not six digits that a mailbox holder could go on guessing.
    let locked = failed >= MAX_FAILED_CODES;
    if let (false, Some(step)) = (locked, domain::totp::verify(&key, typed, now, last)) {
        sqlx::query("UPDATE totp_factors SET last_step = $1, failed_codes = 0 WHERE user_id = $2")
            .bind(step)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        return Ok(Checked::Code);
    }
    // Each unused code against its own salt (codes made before salts were kept: none).
    let unused: Vec<(i64, String, Option<Vec<u8>>)> = sqlx::query_as(
        "SELECT id, code_hash, salt FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(user_id)
    .fetch_all(&mut *tx)
    .await?;
    let normal = domain::totp::normalise_recovery_code(typed);
    let mut found = None;
    for (id, stored, salt) in unused {
        let hash = match &salt {
            Some(salt) => domain::totp::recovery_hash(salt, &normal),
            None => token::hash_secret(&normal),
        };
        if token::constant_time_eq(&hash, &stored) {
            found = Some(id);
        }
    }
    if let Some(id) = found {
        sqlx::query("UPDATE recovery_codes SET used_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let result = if found.is_some() {
        sqlx::query("UPDATE totp_factors SET failed_codes = 0 WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            &Event::new(AuditAction::MfaRecoveryUsed).on("user", user_id),
        )
        .await?;
        Checked::Recovery
    } else {
        sqlx::query("UPDATE totp_factors SET failed_codes = failed_codes + 1 WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let locked_now = failed + 1 == MAX_FAILED_CODES;
        if locked_now {
            let (to, m) = lock_notice;
            crate::outbox::enqueue_in(&mut tx, now, to, m).await?;
            audit::record(
                &mut tx,
                now,
                actor,
                &Event::new(AuditAction::MfaLocked).on("user", user_id),
            )
            .await?;
        }
        Checked::Wrong { locked_now }
    };
    tx.commit().await?;
    Ok(result)
}

/// How many recovery codes the account has left.
pub async fn recovery_left(db: &Db, user_id: i64) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(user_id)
    .fetch_one(&db.reader)
    .await?)
}

/// Replaces the account's recovery codes (each hashed with a salt of its own).
async fn store_recovery(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    user_id: i64,
    codes: &[String],
) -> crate::Result<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    for c in codes {
        let salt = domain::totp::recovery_salt();
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, salt) VALUES ($1, $2, $3)")
            .bind(user_id)
            .bind(domain::totp::recovery_hash(&salt, c))
            .bind(salt.as_slice())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// New recovery codes for an enrolled account (the old ones stop working). Audited.
/// `NotFound` when the account has no confirmed factor.
pub async fn renew_recovery(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    codes: &[String],
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let has: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL",
    )
    .bind(user_id)
    .fetch_one(&mut *tx)
    .await?;
    if has == 0 {
        return Err(Error::NotFound);
    }
    store_recovery(&mut tx, user_id, codes).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::MfaRecoveryRenewed).on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes the account's second factor and recovery codes and ends its sessions (a lost
/// phone; done by another coordinator, or by the CLI for the last one). Audited.
/// `NotFound` when the account has none (nothing is done, nobody is mailed).
/// `mail`: (address, message) to the owner, queued in the same transaction.
pub async fn reset(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    mail: Option<(&str, &crate::outbox::Outgoing)>,
) -> crate::Result<()> {
    remove(db, now, actor, user_id, mail, None, AuditAction::MfaReset).await
}

/// The owner turns their second factor off (a role that need not have one): as a reset,
/// but their own session `keep` stays. Audited; the owner is mailed.
pub async fn disable(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    mail: (&str, &crate::outbox::Outgoing),
    keep: &str,
) -> crate::Result<()> {
    remove(
        db,
        now,
        actor,
        user_id,
        Some(mail),
        Some(keep),
        AuditAction::MfaDisabled,
    )
    .await
}

async fn remove(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    mail: Option<(&str, &crate::outbox::Outgoing)>,
    keep: Option<&str>,
    action: domain::audit::AuditAction,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let has: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM totp_factors WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
    if has == 0 {
        return Err(Error::NotFound);
    }
    if let Some((to, m)) = mail {
        crate::outbox::enqueue_in(&mut tx, now, to, m).await?;
    }
    for sql in [
        "DELETE FROM totp_factors WHERE user_id = $1",
        "DELETE FROM recovery_codes WHERE user_id = $1",
        "DELETE FROM login_challenges WHERE user_id = $1",
        // Passkeys come with the app's factor: they go with it.
        "DELETE FROM passkeys WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
    }
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> COALESCE($2, '')")
        .bind(user_id)
        .bind(keep)
        .execute(&mut *tx)
        .await?;
    audit::record(&mut tx, now, actor, &Event::new(action).on("user", user_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// A challenge after a right password: its secret's hash, the account and where to go.
pub async fn challenge(
    db: &Db,
    now: i64,
    token_hash: &str,
    user_id: i64,
    next: &str,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM login_challenges WHERE expires_at < $1 OR user_id = $2")
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO login_challenges (token_hash, user_id, next, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(next)
    .bind(now)
    .bind(now + CHALLENGE_SECONDS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The live challenge a secret's hash names: (account, e-mail, where to go).
pub async fn challenged(
    db: &Db,
    now: i64,
    token_hash: &str,
) -> crate::Result<Option<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT c.user_id, u.email, c.next FROM login_challenges c JOIN users u ON u.id = c.user_id
         WHERE c.token_hash = $1 AND c.expires_at > $2 AND u.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.reader)
    .await?)
}

/// Ends a challenge (met, or given up).
pub async fn end_challenge(db: &Db, token_hash: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM login_challenges WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

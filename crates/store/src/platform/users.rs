//! User accounts.

use domain::audit::AuditAction;
use domain::auth::Role;

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub preferred_lang: String,
    pub disabled: bool,
    pub has_password: bool,
    pub created_at: i64,
}

type Row = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    Option<String>,
    String,
    Option<i64>,
    bool,
    i64,
);

/// The user columns and joins, followed by a WHERE or ORDER BY clause.
macro_rules! select_users {
    ($tail:literal) => {
        concat!(
            "SELECT u.id, u.email, u.name, u.role, u.organisation_id, o.name_lv, u.preferred_lang, ",
            "u.disabled_at, u.password_hash IS NOT NULL, u.created_at ",
            "FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id ",
            $tail
        )
    };
}

fn from_row(r: Row) -> User {
    let (
        id,
        email,
        name,
        role,
        organisation_id,
        organisation_name,
        preferred_lang,
        disabled_at,
        has_password,
        created_at,
    ) = r;
    User {
        id,
        email,
        name,
        // An unknown role in the database cannot grant anything: fall back to the
        // least-privileged one.
        role: Role::parse(&role).unwrap_or(Role::Ngo),
        organisation_id,
        organisation_name,
        preferred_lang,
        disabled: disabled_at.is_some(),
        has_password,
        created_at,
    }
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub password_hash: Option<String>,
    /// A one-time set-password link to store with the account: (token hash, expires at).
    pub password_link: Option<(String, i64)>,
    /// A message to queue with the account (the link, in the user's words).
    pub mail: Option<crate::outbox::Outgoing>,
}

impl std::fmt::Debug for NewUser<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("role", &self.role)
            .field("organisation_id", &self.organisation_id)
            .finish_non_exhaustive()
    }
}

/// `PlatformConflict::Organisation` unless the organisation (when given) exists.
async fn check_organisation(
    conn: &mut sqlx::SqliteConnection,
    id: Option<i64>,
) -> crate::Result<()> {
    let Some(id) = id else {
        return Ok(());
    };
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    exists.map(|_| ()).ok_or(Error::Conflict(
        crate::PlatformConflict::Organisation.into(),
    ))
}

/// Creates an account. `PlatformConflict::Email` when the e-mail is taken,
/// `PlatformConflict::Organisation` when the organisation does not exist.
pub async fn create(db: &Db, now: i64, actor: &Actor, new: NewUser<'_>) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    check_organisation(&mut tx, new.organisation_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, name, role, organisation_id, password_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(new.email)
    .bind(new.name)
    .bind(new.role.as_str())
    .bind(new.organisation_id)
    .bind(new.password_hash.as_deref())
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| Error::unique(e, crate::PlatformConflict::Email.into()))?;
    if let Some(m) = &new.mail {
        crate::outbox::enqueue_in(&mut tx, now, new.email, m).await?;
    }
    if let Some((token_hash, expires_at)) = &new.password_link {
        crate::tokens::insert_password_link(&mut tx, id, token_hash, now, *expires_at).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::UserCreated)
            .on("user", id)
            .detail(format!("role={}", new.role)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> crate::Result<User> {
    let sql = select_users!("WHERE u.id = $1");
    sqlx::query_as::<_, Row>(sql)
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .map(from_row)
        .ok_or(Error::NotFound)
}

pub async fn find_by_email(db: &Db, email: &str) -> crate::Result<Option<User>> {
    let sql = select_users!("WHERE u.email = $1");
    Ok(sqlx::query_as::<_, Row>(sql)
        .bind(email)
        .fetch_optional(&db.reader)
        .await?
        .map(from_row))
}

/// All accounts, sorted by name (Latvian collation is applied by the caller).
pub async fn list(db: &Db) -> crate::Result<Vec<User>> {
    let sql = select_users!("ORDER BY u.name, u.id");
    Ok(sqlx::query_as::<_, Row>(sql)
        .fetch_all(&db.reader)
        .await?
        .into_iter()
        .map(from_row)
        .collect())
}

/// The stored password hash of an enabled account with a password.
pub async fn credentials(db: &Db, email: &str) -> crate::Result<Option<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, password_hash FROM users
         WHERE email = $1 AND disabled_at IS NULL AND password_hash IS NOT NULL",
    )
    .bind(email)
    .fetch_optional(&db.reader)
    .await?)
}

pub async fn password_hash(db: &Db, id: i64) -> crate::Result<Option<String>> {
    sqlx::query_scalar::<_, Option<String>>("SELECT password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)
}

/// Sets a new password hash. When `end_other_sessions_except` is given, every other
/// session of the user ends; with `None` all of them end.
pub async fn set_password(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    hash: &str,
    keep_session: Option<&str>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    store_password(&mut tx, now, user_id, hash, keep_session).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PasswordChanged).on("user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets an enabled user's password hash inside the caller's transaction, ends their
/// set-password links and their sessions (but `keep_session`). `NotFound` for an unknown
/// or disabled user.
pub(crate) async fn store_password(
    conn: &mut sqlx::SqliteConnection,
    now: i64,
    user_id: i64,
    hash: &str,
    keep_session: Option<&str>,
) -> crate::Result<()> {
    let n = sqlx::query(
        "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3 AND disabled_at IS NULL",
    )
    .bind(hash)
    .bind(now)
    .bind(user_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    crate::tokens::invalidate_password_links(&mut *conn, user_id, now).await?;
    // A challenge opened with the old password ends. A code step locked by someone guessing
    // stays locked: only a code proved (a recovery code on the reset link) or a
    // coordinator's reset opens it — whoever guessed had the password.
    sqlx::query("DELETE FROM login_challenges WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> COALESCE($2, '')")
        .bind(user_id)
        .bind(keep_session)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Replaces a stored hash made with weaker parameters (no audit row: nothing changed for
/// the user).
pub async fn rehash(db: &Db, user_id: i64, hash: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether a set-password link for the account may be shown to whoever made it: only for an
/// account nobody has used yet — no password, no record made by it, no families — and never
/// for a coordinator's or a mediator's. Any other account's link goes by e-mail only: shown,
/// it would let a coordinator log in as someone else (a mediator, and read their families),
/// or make themselves the second coordinator that four-eyes approvals need.
pub async fn link_may_be_shown(db: &Db, id: i64) -> crate::Result<bool> {
    let fresh: Option<bool> = sqlx::query_scalar(
        "SELECT u.password_hash IS NULL AND u.role NOT IN ('coordinator', 'mediator')
                AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.actor_user_id = u.id)
                AND NOT EXISTS (SELECT 1 FROM families f WHERE f.mediator_user_id = u.id)
         FROM users u WHERE u.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.reader)
    .await?;
    fresh.ok_or(Error::NotFound)
}

/// Whether `user` is an active (not disabled) account with `role`, read inside the caller's
/// transaction: the one check behind "an active coordinator", "an active mediator".
pub(crate) async fn is_active_in_role(
    tx: &mut sqlx::SqliteConnection,
    user: i64,
    role: Role,
) -> crate::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM users WHERE id = $1 AND role = $2 AND disabled_at IS NULL",
    )
    .bind(user)
    .bind(role.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    Ok(found.is_some())
}

/// What a coordinator may change about an account.
#[derive(Debug, Clone)]
pub struct Changes {
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub disabled: bool,
}

/// Updates an account. Disabling ends all of the user's sessions and revokes nothing
/// else; re-enabling restores access with the same password — within the storage limit
/// `disabled_accounts` (90 days by default), after which the sign-in data is gone and the
/// owner sets a new password through a link.
pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    changes: &Changes,
) -> crate::Result<()> {
    update_notifying(db, now, actor, id, changes, None).await
}

/// [`update`], and a role change mails the account's owner `role_notice`: a role change
/// ends every session of the account (what it may reach changed), and is refused with
/// `PlatformConflict::HoldsFamilies` while the account holds mediation families (they would
/// otherwise be opened under another role, or by whoever takes the account over).
pub async fn update_notifying(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    changes: &Changes,
    role_notice: Option<&crate::outbox::Outgoing>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    // name, role, organisation, disabled at, e-mail
    type Before = (String, String, Option<i64>, Option<i64>, String);
    let before: Option<Before> = sqlx::query_as(
        "SELECT name, role, organisation_id, disabled_at, email FROM users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((old_name, old_role, old_org, old_disabled, email)) = before else {
        return Err(Error::NotFound);
    };
    let role_changed = old_role != changes.role.as_str();
    if role_changed {
        let families: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM families WHERE mediator_user_id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        if families > 0 {
            return Err(Error::Conflict(
                crate::PlatformConflict::HoldsFamilies.into(),
            ));
        }
        // A mediator still assigned after today: the assignment is ended first ("end today"
        // will do; else the account would stay listed, and supervisable, as a mediator).
        let assigned: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM mediation_assignments
             WHERE mediator_user_id = $1 AND (to_date IS NULL OR to_date > $2)",
        )
        .bind(id)
        .bind(domain::event::riga_date(now).to_string())
        .fetch_one(&mut *tx)
        .await?;
        if assigned > 0 && changes.role.as_str() != "mediator" {
            return Err(Error::Conflict(
                crate::PlatformConflict::HoldsAssignment.into(),
            ));
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if let Some(m) = role_notice {
            crate::outbox::enqueue_in(&mut tx, now, &email, m).await?;
        }
    }
    check_organisation(&mut tx, changes.organisation_id).await?;
    let disabled_at = match (old_disabled, changes.disabled) {
        (Some(at), true) => Some(at),
        (None, true) => Some(now),
        (_, false) => None,
    };
    sqlx::query(
        "UPDATE users SET name = $1, role = $2, organisation_id = $3, disabled_at = $4, updated_at = $5
         WHERE id = $6",
    )
    .bind(&changes.name)
    .bind(changes.role.as_str())
    .bind(changes.organisation_id)
    .bind(disabled_at)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    // Notices not yet mailed were raised for the account as it was: a new role, another
    // organisation, or a disabled account must not hear of the old one's work.
    if role_changed
        || old_org != changes.organisation_id
        || (changes.disabled && old_disabled.is_none())
    {
        sqlx::query("DELETE FROM notices WHERE user_id = $1 AND mailed_at IS NULL")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let mut what = Vec::new();
    if old_name != changes.name {
        what.push("name".to_owned());
    }
    if role_changed {
        what.push(format!("role={}→{}", old_role, changes.role));
    }
    if old_org != changes.organisation_id {
        what.push("organisation".to_owned());
    }
    if changes.disabled && old_disabled.is_none() {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            &Event::new(AuditAction::UserDisabled).on("user", id),
        )
        .await?;
    } else if !changes.disabled && old_disabled.is_some() {
        audit::record(
            &mut tx,
            now,
            actor,
            &Event::new(AuditAction::UserEnabled).on("user", id),
        )
        .await?;
    }
    if !what.is_empty() {
        audit::record(
            &mut tx,
            now,
            actor,
            &Event::new(AuditAction::UserUpdated)
                .on("user", id)
                .detail(what.join(", ")),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Links an account to the person it belongs to, when it has none yet.
pub async fn link_person(db: &Db, user_id: i64, person_id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("UPDATE users SET person_id = $1 WHERE id = $2 AND person_id IS NULL")
        .bind(person_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the account's owner put the workspace's first steps away.
pub async fn first_steps_done(db: &Db, id: i64) -> crate::Result<bool> {
    let done: Option<Option<i64>> =
        sqlx::query_scalar("SELECT first_steps_done_at FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.reader)
            .await?;
    Ok(done.flatten().is_some())
}

/// The owner asks to see the first steps again.
pub async fn show_first_steps_again(db: &Db, id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query("UPDATE users SET first_steps_done_at = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The owner puts the first steps away (once; again is harmless).
pub async fn finish_first_steps(db: &Db, now: i64, id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    sqlx::query(
        "UPDATE users SET first_steps_done_at = COALESCE(first_steps_done_at, $1) WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The account linked to a registry person, if there is one: (id, name).
pub async fn by_person(db: &Db, person_id: i64) -> crate::Result<Option<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT id, name FROM users WHERE person_id = $1 LIMIT 1")
            .bind(person_id)
            .fetch_optional(&db.reader)
            .await?,
    )
}

//! E-mail notices as work moves (`domain::notice`): raised inside the transaction of the
//! change, one row per recipient; the mail worker turns them into mails in each recipient's
//! language, at once or in a weekly digest, unless the recipient turned the kind off.
//! Registrants' reminders before an event are queued from here too.

use domain::audit::AuditAction;
use domain::notice::{NoticeKind, parse_off, store_off};
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::{Actor, Db};

/// A title in a language: the English one where asked for and given, else the Latvian.
fn in_lang<'a>(lang: &str, lv: &'a str, en: Option<&'a str>) -> &'a str {
    match en {
        Some(t) if lang == "en" && !t.trim().is_empty() => t,
        _ => lv,
    }
}

/// Who is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// Every active account whose role may be told of the kind (e.g. every coordinator).
    Everyone,
    /// The active accounts of an organisation whose role may be told of the kind.
    Organisation(i64),
    /// One account (if its role may be told of the kind).
    User(i64),
}

/// A notice to raise: what happened, where it is done, and what it is called.
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NoticeKind,
    pub to: To,
    /// Where it is done, without the language: "/reports/12".
    pub path: String,
    pub title_lv: String,
    pub title_en: Option<String>,
    /// Raised once per recipient under this key: "report_submitted:12:<time>".
    pub dedupe: String,
}

/// Raises a notice inside the caller's transaction; the one who caused it is not told.
/// Returns how many accounts will hear of it.
pub async fn raise_in(
    conn: &mut SqliteConnection,
    now: i64,
    actor: Option<i64>,
    n: &Notice,
) -> crate::Result<u64> {
    let (scope, id) = match n.to {
        To::Everyone => ("everyone", None),
        To::Organisation(o) => ("organisation", Some(o)),
        To::User(u) => ("user", Some(u)),
    };
    Ok(sqlx::query(
        "INSERT OR IGNORE INTO notices (user_id, kind, path, title_lv, title_en, dedupe, created_at)
         SELECT u.id, $1, $2, $3, $4, $5, $6 FROM users u
         WHERE u.disabled_at IS NULL
           AND instr(',' || $7 || ',', ',' || u.role || ',') > 0
           AND u.id IS NOT $8
           AND CASE $9 WHEN 'organisation' THEN u.organisation_id = $10
                       WHEN 'user' THEN u.id = $10
                       ELSE 1 END",
    )
    .bind(n.kind.as_str())
    .bind(&n.path)
    .bind(&n.title_lv)
    .bind(n.title_en.as_deref())
    .bind(&n.dedupe)
    .bind(now)
    .bind(n.kind.role_codes())
    .bind(actor)
    .bind(scope)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected())
}

/// A user's choice of notices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The kinds turned off.
    pub off: Vec<NoticeKind>,
    /// A weekly digest instead of single mails.
    pub digest: bool,
}

impl Settings {
    pub fn wants(&self, kind: NoticeKind) -> bool {
        !self.off.contains(&kind)
    }
}

/// A user's notice settings (every kind, one mail each, when never changed).
pub async fn settings(db: &Db, user_id: i64) -> crate::Result<Settings> {
    let row: Option<(String, bool)> =
        sqlx::query_as("SELECT off, digest FROM notice_settings WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&db.reader)
            .await?;
    Ok(
        row.map_or_else(Settings::default, |(off, digest)| Settings {
            off: parse_off(&off),
            digest,
        }),
    )
}

/// Saves a user's notice settings (audited).
pub async fn save_settings(
    db: &Db,
    now: i64,
    actor: &Actor,
    user_id: i64,
    s: &Settings,
) -> crate::Result<()> {
    let off = store_off(&s.off);
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT INTO notice_settings (user_id, off, digest) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET off = excluded.off, digest = excluded.digest",
    )
    .bind(user_id)
    .bind(&off)
    .bind(s.digest)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NoticeSettingsChanged)
            .on("user", user_id)
            .detail(format!(
                "off={} digest={}",
                if off.is_empty() { "-" } else { &off },
                if s.digest { "yes" } else { "no" }
            )),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A notice waiting to be mailed, with its recipient.
#[derive(Clone, PartialEq, Eq)]
pub struct Pending {
    pub id: i64,
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub lang: String,
    pub kind: NoticeKind,
    pub path: String,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub created_at: i64,
    pub settings: Settings,
    /// When this user's last digest went.
    pub last_digest_at: Option<i64>,
}

/// Names and addresses stay out of logs: Debug shows the notice, not its recipient.
impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl Pending {
    /// The title in a language (Latvian where there is no English).
    pub fn title(&self, lang: &str) -> &str {
        in_lang(lang, &self.title_lv, self.title_en.as_deref())
    }
}

type PendingRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    Option<String>,
    Option<bool>,
    Option<i64>,
    String,
);

/// Every notice not yet mailed to an active account, by recipient and in the order raised.
pub async fn pending(db: &Db) -> crate::Result<Vec<Pending>> {
    let rows: Vec<PendingRow> = sqlx::query_as(
        "SELECT n.id, u.id, u.email, u.name, u.preferred_lang, n.kind, n.path, n.title_lv,
                n.title_en, n.created_at, s.off, s.digest, s.last_digest_at, u.role
         FROM notices n
         JOIN users u ON u.id = n.user_id AND u.disabled_at IS NULL
         LEFT JOIN notice_settings s ON s.user_id = u.id
         WHERE n.mailed_at IS NULL
         ORDER BY u.id, n.created_at, n.id",
    )
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            // The role is read again: only what the account may see now is mailed.
            let kind = NoticeKind::parse(&r.5)?;
            if !domain::auth::Role::parse(&r.13).is_some_and(|role| role.has(kind.permission())) {
                return None;
            }
            Some(Pending {
                id: r.0,
                user_id: r.1,
                email: r.2,
                name: r.3,
                lang: r.4,
                kind,
                path: r.6,
                title_lv: r.7,
                title_en: r.8,
                created_at: r.9,
                settings: Settings {
                    off: parse_off(r.10.as_deref().unwrap_or_default()),
                    digest: r.11.unwrap_or(false),
                },
                last_digest_at: r.12,
            })
        })
        .collect())
}

/// Marks notices as done in one transaction with the mail that carries them (none: they
/// were of a kind turned off). `digest_of`: the user whose weekly digest this is.
pub async fn mailed(
    db: &Db,
    now: i64,
    ids: &[i64],
    mail: Option<(&str, &Outgoing)>,
    digest_of: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let mut marked = 0;
    for id in ids {
        marked +=
            sqlx::query("UPDATE notices SET mailed_at = $1 WHERE id = $2 AND mailed_at IS NULL")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
    }
    // Another worker took them meanwhile: nothing goes twice.
    if marked == 0 {
        return Ok(());
    }
    if let Some((to, m)) = mail {
        crate::outbox::enqueue_in(&mut tx, now, to, m).await?;
    }
    if let Some(user) = digest_of {
        sqlx::query(
            "INSERT INTO notice_settings (user_id, digest, last_digest_at) VALUES ($1, 1, $2)
             ON CONFLICT (user_id) DO UPDATE SET last_digest_at = excluded.last_digest_at",
        )
        .bind(user)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Raises "overdue" for every action whose due date passed (in the last
/// `domain::notice::OVERDUE_CATCH_UP_DAYS` days) and that is neither done nor dropped; each
/// action once. Returns the notices raised.
pub async fn raise_overdue_actions(
    db: &Db,
    now: i64,
    today: jiff::civil::Date,
) -> crate::Result<u64> {
    let oldest = today
        .checked_sub(jiff::Span::new().days(domain::notice::OVERDUE_CATCH_UP_DAYS))
        .unwrap_or(today);
    let due: Vec<(i64, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, owner_organisation_id, title_lv, title_en FROM follow_up_actions
         WHERE due_date < $1 AND due_date >= $2 AND status IN ('open', 'in_progress')
         ORDER BY id",
    )
    .bind(today.to_string())
    .bind(oldest.to_string())
    .fetch_all(&db.reader)
    .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let mut tx = db.write().await?;
    let mut raised = 0;
    for (id, org, title_lv, title_en) in due {
        raised += raise_in(
            &mut tx,
            now,
            None,
            &Notice {
                kind: NoticeKind::ActionOverdue,
                to: To::Organisation(org),
                path: format!("/actions/{id}"),
                title_lv,
                title_en,
                dedupe: format!("action_overdue:{id}"),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(raised)
}

/// A registrant to remind of an event coming up.
#[derive(Clone, PartialEq, Eq)]
pub struct Reminder {
    pub registration_id: i64,
    pub event_id: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub event_title_lv: String,
    pub event_title_en: Option<String>,
    pub starts_at: i64,
}

/// Debug shows the registration, not the registrant's name or address.
impl std::fmt::Debug for Reminder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reminder")
            .field("registration_id", &self.registration_id)
            .finish_non_exhaustive()
    }
}

impl Reminder {
    /// The event's title in a language (Latvian where there is no English).
    pub fn title(&self, lang: &str) -> &str {
        in_lang(lang, &self.event_title_lv, self.event_title_en.as_deref())
    }
}

type ReminderRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
);

/// The registrants to remind now: of a published event that starts within
/// `domain::notice::REMINDER_DAYS` days, with a confirmed place (and their address
/// confirmed), registered before the reminder's time (a later registrant has just had their
/// confirmation), not reminded yet, and not an account that turned reminders off.
pub async fn reminders_due(db: &Db, now: i64) -> crate::Result<Vec<Reminder>> {
    let ahead = domain::notice::REMINDER_DAYS * 86_400;
    let rows: Vec<ReminderRow> = sqlx::query_as(
        "SELECT r.id, e.id, r.name, r.email, r.lang, e.title_lv, e.title_en, e.starts_at
         FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE e.status IN ('published', 'registration_closed')
           AND e.starts_at > $1 AND e.starts_at <= $1 + $2
           AND r.status = 'confirmed' AND r.email_confirmed_at IS NOT NULL
           AND r.reminded_at IS NULL AND r.created_at <= e.starts_at - $2
           AND NOT EXISTS (
               SELECT 1 FROM users u JOIN notice_settings s ON s.user_id = u.id
               WHERE u.email = r.email_key
                 AND instr(',' || s.off || ',', ',event_reminder,') > 0)
         ORDER BY e.starts_at, r.id",
    )
    .bind(now)
    .bind(ahead)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Reminder {
            registration_id: r.0,
            event_id: r.1,
            name: r.2,
            email: r.3,
            lang: r.4,
            event_title_lv: r.5,
            event_title_en: r.6,
            starts_at: r.7,
        })
        .collect())
}

/// Queues one reminder with its own personal link (`token_hash` of the link it carries),
/// once: false when the registration was reminded meanwhile or is no longer confirmed.
pub async fn remind(
    db: &Db,
    now: i64,
    registration_id: i64,
    token_hash: &str,
    to: &str,
    mail: &Outgoing,
) -> crate::Result<bool> {
    let mut tx = db.write().await?;
    let marked = sqlx::query(
        "UPDATE registrations SET reminded_at = $1
         WHERE id = $2 AND reminded_at IS NULL AND status = 'confirmed'",
    )
    .bind(now)
    .bind(registration_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if marked == 0 {
        return Ok(false);
    }
    crate::registrations::add_link_in(&mut tx, now, registration_id, token_hash).await?;
    crate::outbox::enqueue_in(&mut tx, now, to, mail).await?;
    tx.commit().await?;
    Ok(true)
}

//! What the data protection officer oversees, read for a period: the access log by reader
//! (how often each read Roma self-identification or others' contacts, or exported a list)
//! and its records, and the audit log's exports, consents given and withdrawn, erasures and
//! restrictions — never a case's content or a sealed value (the audit log holds neither).
//! And the monthly privacy summary mailed to the data protection officers.

use domain::audit::AuditAction;
use domain::privacy::{AccessKind, UNUSUAL_EXPORTS, UNUSUAL_ROMA_READS};

use crate::{Actor, Db};

/// One reader's readings in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderCounts {
    pub user_id: Option<i64>,
    pub user_label: String,
    pub roma_identity: i64,
    pub contacts: i64,
    pub exports: i64,
}

impl ReaderCounts {
    /// More readings than the work usually needs: the officer looks at why.
    pub fn unusual(&self) -> bool {
        self.roma_identity > UNUSUAL_ROMA_READS || self.exports > UNUSUAL_EXPORTS
    }
}

/// Each reader's readings in `[from, to)`, the most first.
pub async fn access_by_reader(db: &Db, from: i64, to: i64) -> crate::Result<Vec<ReaderCounts>> {
    let rows: Vec<(Option<i64>, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT user_id, MAX(user_label),
                SUM(kind = $3), SUM(kind = $4), SUM(kind = $5)
         FROM access_records WHERE at >= $1 AND at < $2
         GROUP BY user_id
         ORDER BY COUNT(*) DESC, MAX(user_label)",
    )
    .bind(from)
    .bind(to)
    .bind(AccessKind::RomaIdentity.as_str())
    .bind(AccessKind::Contacts.as_str())
    .bind(AccessKind::Export.as_str())
    .fetch_all(&db.access)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(user_id, user_label, roma_identity, contacts, exports)| ReaderCounts {
                user_id,
                user_label,
                roma_identity,
                contacts,
                exports,
            },
        )
        .collect())
}

/// An audit entry as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub at: i64,
    /// The account's name.
    pub actor_name: Option<String>,
    /// Who acted without an account (the scheduler, the erasure list).
    pub actor_label: Option<String>,
    pub action: AuditAction,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub detail: Option<String>,
}

/// The actions an officer follows: exports of personal data.
pub fn export_actions() -> Vec<AuditAction> {
    AuditAction::ALL
        .iter()
        .copied()
        .filter(|a| a.as_str().ends_with("_exported"))
        .collect()
}

/// Consents withdrawn (listed one by one; consents given are counted).
pub const WITHDRAWAL_ACTIONS: &[AuditAction] = &[
    AuditAction::RomaIdentityWithdrawn,
    AuditAction::ListingWithdrawn,
    AuditAction::ConsentWithdrawn,
    AuditAction::StoryConsentWithdrawn,
];

/// Consents given.
pub const GIVEN_ACTIONS: &[AuditAction] = &[
    AuditAction::RomaIdentityRecorded,
    AuditAction::ListingConsented,
    AuditAction::ConsentRecorded,
    AuditAction::StoryConsentRecorded,
];

/// Consents given and withdrawn.
pub const CONSENT_ACTIONS: &[AuditAction] = &[
    AuditAction::RomaIdentityRecorded,
    AuditAction::RomaIdentityWithdrawn,
    AuditAction::ListingConsented,
    AuditAction::ListingWithdrawn,
    AuditAction::ConsentRecorded,
    AuditAction::ConsentWithdrawn,
    AuditAction::StoryConsentRecorded,
    AuditAction::StoryConsentWithdrawn,
];

/// Erasures, anonymisation, restrictions and the storage limits' runs.
pub const ERASURE_ACTIONS: &[AuditAction] = &[
    AuditAction::PersonErased,
    AuditAction::AddressErased,
    AuditAction::PersonRestricted,
    AuditAction::PersonRestrictionLifted,
    AuditAction::FamilyErased,
    AuditAction::FamilyMemberErased,
    AuditAction::CaseAnonymised,
    AuditAction::AttendanceAnswersErased,
    AuditAction::StorageLimitApplied,
];

/// The audit entries of these actions in `[from, to)`, newest first (at most `limit`).
pub async fn audit_of(
    db: &Db,
    from: i64,
    to: i64,
    actions: &[AuditAction],
    limit: i64,
) -> crate::Result<Vec<Logged>> {
    if actions.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = crate::placeholders(4, actions.len());
    let sql = format!(
        "SELECT a.at, u.name, a.actor_label, a.action, a.entity, a.entity_id, a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE a.at >= $1 AND a.at < $2 AND a.action IN ({placeholders})
         ORDER BY a.at DESC, a.id DESC LIMIT $3"
    );
    let mut q = sqlx::query_as::<
        _,
        (
            i64,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        ),
    >(sqlx::AssertSqlSafe(sql))
    .bind(from)
    .bind(to)
    .bind(limit);
    for a in actions {
        q = q.bind(a.as_str());
    }
    Ok(q.fetch_all(&db.reader)
        .await?
        .into_iter()
        .map(
            |(at, actor_name, actor_label, action, entity, entity_id, detail)| Logged {
                at,
                actor_name,
                actor_label,
                action: AuditAction::parse(&action).unwrap_or(AuditAction::Other),
                entity,
                entity_id,
                detail,
            },
        )
        .collect())
}

/// How many audit entries of these actions there are in `[from, to)`.
pub async fn count_of(db: &Db, from: i64, to: i64, actions: &[AuditAction]) -> crate::Result<i64> {
    if actions.is_empty() {
        return Ok(0);
    }
    let placeholders = crate::placeholders(3, actions.len());
    let sql = format!(
        "SELECT COUNT(*) FROM audit_log WHERE at >= $1 AND at < $2 AND action IN ({placeholders})"
    );
    let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to);
    for a in actions {
        q = q.bind(a.as_str());
    }
    Ok(q.fetch_one(&db.reader).await?)
}

/// A month in figures, for the officer's mail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub roma_identity_reads: i64,
    pub contacts_reads: i64,
    pub exports: i64,
    /// Readers with more readings than the work usually needs.
    pub unusual_readers: usize,
    pub erasures: i64,
    pub restrictions: i64,
    pub consents: i64,
    /// Requests still open after their deadline, and breaches still to notify or to tell
    /// the people of (now).
    pub overdue_requests: usize,
    pub open_breaches: usize,
}

/// The figures of `[from, to)`, and what is overdue on `today` (`now`).
pub async fn summary(
    db: &Db,
    from: i64,
    to: i64,
    today: jiff::civil::Date,
) -> crate::Result<Summary> {
    let readers = access_by_reader(db, from, to).await?;
    let requests = crate::subject_requests::list(db).await?;
    let breaches = crate::breaches::list(db).await?;
    Ok(Summary {
        roma_identity_reads: readers.iter().map(|r| r.roma_identity).sum(),
        contacts_reads: readers.iter().map(|r| r.contacts).sum(),
        exports: count_of(db, from, to, &export_actions()).await?,
        unusual_readers: readers.iter().filter(|r| r.unusual()).count(),
        erasures: count_of(
            db,
            from,
            to,
            &[
                AuditAction::PersonErased,
                AuditAction::AddressErased,
                AuditAction::FamilyErased,
                AuditAction::FamilyMemberErased,
            ],
        )
        .await?,
        restrictions: count_of(db, from, to, &[AuditAction::PersonRestricted]).await?,
        consents: count_of(db, from, to, CONSENT_ACTIONS).await?,
        overdue_requests: requests.iter().filter(|r| r.overdue(today)).count(),
        open_breaches: breaches
            .iter()
            .filter(|b| b.notification_pending() || b.people_pending())
            .count(),
    })
}

/// Queues each data protection officer's summary of `month` (`[from, to)`) once, with the
/// audit entry saying how many went. Returns how many mails were queued.
pub async fn queue_monthly(
    db: &Db,
    now: i64,
    month: &str,
    (from, to): (i64, i64),
    today: jiff::civil::Date,
    message: impl Fn(&str, &Summary) -> crate::outbox::Outgoing,
) -> crate::Result<usize> {
    let key = "privacy_summary";
    match crate::maintenance::get_meta(db, key).await? {
        Some(done) if done.as_str() >= month => return Ok(0),
        Some(_) => {}
        // The first run: summaries begin with the first whole month the platform runs.
        None => {
            crate::maintenance::set_meta(db, key, month).await?;
            return Ok(0);
        }
    }
    let officers: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, name FROM users WHERE role = 'dpo' AND disabled_at IS NULL ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?;
    if officers.is_empty() {
        // Nobody to tell yet; the month is summarised once an officer has an account.
        return Ok(0);
    }
    let figures = summary(db, from, to, today).await?;
    let mut tx = db.write().await?;
    for (email, name) in &officers {
        crate::outbox::enqueue_in(&mut tx, now, email, &message(name, &figures)).await?;
    }
    crate::audit::record(
        &mut tx,
        now,
        &Actor {
            user_id: None,
            label: Some("scheduler".to_owned()),
            ip: None,
        },
        &crate::audit::Event::new(AuditAction::PrivacySummaryQueued)
            .detail(format!("month={month} mails={}", officers.len())),
    )
    .await?;
    sqlx::query(
        "INSERT INTO meta (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(month)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(officers.len())
}

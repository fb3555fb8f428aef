//! A supervisor's view over the mediators they supervise, without opening a case: the
//! families (codes only), the urgent-necessity overrides, and the unusual access to those
//! families in a period (someone other than the family's mediator, refused attempts, views
//! at night, and a user opening very many families in one day). The monthly summary mail
//! counts these and names no family.

use domain::audit::AuditAction;
use std::collections::{BTreeMap, BTreeSet};

use crate::mediation::{FamilySummary, supervised_by};
use crate::{Actor, Db};

/// Views on one day by one user above this number are unusual.
pub const MANY_IN_A_DAY: usize = 25;

/// Local (Riga) hours outside which a view is unusual: before 07:00 or from 21:00.
pub const DAY_HOURS: std::ops::Range<i8> = 7..21;

/// The supervised mediators' families, by mediator and code, with the mediator's name.
pub async fn families(
    db: &Db,
    supervisor: i64,
    today: jiff::civil::Date,
) -> crate::Result<Vec<(FamilySummary, String)>> {
    type Row = (i64, String, String, Option<i64>, String, i64, String);
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT f.id, f.code, t.name_lv, f.household_size, f.status,
                (SELECT COUNT(*) FROM family_members m WHERE m.family_id = f.id), u.name
         FROM families f
         JOIN territories t ON t.id = f.territory_id
         JOIN users u ON u.id = f.mediator_user_id
         WHERE {}
         ORDER BY u.name, CASE f.status WHEN 'active' THEN 0 WHEN 'dormant' THEN 1 ELSE 2 END,
                  f.code",
        supervised_by("$1", "$2")
    )))
    .bind(supervisor)
    .bind(today.to_string())
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                FamilySummary {
                    id: r.0,
                    code: r.1,
                    territory_name: r.2,
                    household_size: r.3,
                    status: crate::from_code(&r.4),
                    members: r.5,
                    // The case's contacts are read by opening it (with a logged reason).
                    last_contact: None,
                    next_date: None,
                },
                r.6,
            )
        })
        .collect())
}

/// An urgent-necessity override, as the supervisor's list shows it (its reason is read by
/// opening the case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub at: i64,
    pub family_id: i64,
    pub family_code: String,
    pub mediator: String,
    pub kind: String,
    pub status: String,
}

/// The overrides on the supervised mediators' referrals, the latest first.
pub async fn overrides(
    db: &Db,
    supervisor: i64,
    today: jiff::civil::Date,
) -> crate::Result<Vec<Override>> {
    let rows: Vec<(i64, i64, String, String, String, String)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT r.override_at, f.id, f.code, u.name, r.kind, r.status
             FROM mediation_referrals r
             JOIN families f ON f.id = r.family_id
             JOIN users u ON u.id = f.mediator_user_id
             WHERE r.override_at IS NOT NULL AND {}
             ORDER BY r.override_at DESC LIMIT 200",
            supervised_by("$1", "$2")
        )))
        .bind(supervisor)
        .bind(today.to_string())
        .fetch_all(&db.reader)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Override {
            at: r.0,
            family_id: r.1,
            family_code: r.2,
            mediator: r.3,
            kind: r.4,
            status: r.5,
        })
        .collect())
}

/// Why an access is unusual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unusual {
    /// Someone other than the family's mediator viewed it (a supervisor, with a reason).
    OtherUser,
    /// Someone tried to open a family that is not theirs.
    Refused,
    /// A view before 07:00 or from 21:00, Riga time.
    AtNight,
    /// A user viewed more than [`MANY_IN_A_DAY`] families on one day.
    ManyInADay,
    /// A supervised mediator's account had its role changed, a set-password link made or
    /// its password set by link (the ways into someone else's account).
    AccountChanged,
}

impl Unusual {
    pub fn as_str(self) -> &'static str {
        match self {
            Unusual::OtherUser => "other_user",
            Unusual::Refused => "refused",
            Unusual::AtNight => "at_night",
            Unusual::ManyInADay => "many_in_a_day",
            Unusual::AccountChanged => "account_changed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusualAccess {
    pub at: i64,
    pub who: String,
    pub family_code: Option<String>,
    pub what: Unusual,
    /// The stated purpose (other users' views), or how many families (many in a day).
    pub detail: String,
}

/// The unusual access to the supervised mediators' families in `[from, to)` (Unix seconds),
/// in time order.
pub async fn unusual_access(
    db: &Db,
    supervisor: i64,
    from: i64,
    to: i64,
) -> crate::Result<Vec<UnusualAccess>> {
    type View = (i64, i64, String, String, i64, i64, String, String);
    // Supervised on the period's last day.
    let day = domain::event::riga_date(to - 1).to_string();
    let views: Vec<View> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT l.at, l.user_id, u.name, f.code, f.mediator_user_id, f.id, l.action, l.purpose
         FROM mediation_access_log l
         JOIN users u ON u.id = l.user_id
         JOIN families f ON f.id = l.family_id
         WHERE l.at >= $2 AND l.at < $3 AND {}
         ORDER BY l.at, l.id",
        supervised_by("$1", "$4")
    )))
    .bind(supervisor)
    .bind(from)
    .bind(to)
    .bind(&day)
    .fetch_all(&db.reader)
    .await?;
    let mut out = Vec::new();
    let mut per_day: BTreeMap<(i64, String), (String, i64, BTreeSet<i64>)> = BTreeMap::new();
    for (at, user, who, code, mediator, family, action, purpose) in views {
        if user != mediator {
            out.push(UnusualAccess {
                at,
                who: who.clone(),
                family_code: Some(code.clone()),
                what: Unusual::OtherUser,
                detail: purpose.clone(),
            });
        }
        if action == "view" {
            let z = domain::event::riga_datetime(at);
            if !DAY_HOURS.contains(&z.hour()) {
                out.push(UnusualAccess {
                    at,
                    who: who.clone(),
                    family_code: Some(code.clone()),
                    what: Unusual::AtNight,
                    detail: String::new(),
                });
            }
            per_day
                .entry((user, z.date().to_string()))
                .or_insert_with(|| (who.clone(), at, BTreeSet::new()))
                .2
                .insert(family);
        }
    }
    for ((_, day), (who, at, families)) in per_day {
        if families.len() > MANY_IN_A_DAY {
            out.push(UnusualAccess {
                at,
                who,
                family_code: None,
                what: Unusual::ManyInADay,
                detail: format!("{day}: {}", families.len()),
            });
        }
    }
    // Refused attempts on these families (the audit keeps the id only).
    let refused: Vec<(i64, Option<String>, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT a.at, u.name, f.code FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_user_id
         JOIN families f ON CAST(f.id AS TEXT) = a.entity_id
         WHERE a.action = 'family_access_denied' AND a.entity = 'family'
           AND a.at >= $2 AND a.at < $3 AND {}",
        supervised_by("$1", "$4")
    )))
    .bind(supervisor)
    .bind(from)
    .bind(to)
    .bind(&day)
    .fetch_all(&db.reader)
    .await?;
    for (at, who, code) in refused {
        out.push(UnusualAccess {
            at,
            who: who.unwrap_or_default(),
            family_code: Some(code),
            what: Unusual::Refused,
            detail: String::new(),
        });
    }
    // Changes to the accounts of the mediators supervised in the period, and to who
    // supervises them: who changed whose (the detail names the mediator; the audit log has
    // the action).
    let changes: Vec<(i64, Option<String>, String, String)> = sqlx::query_as(
        "SELECT a.at, COALESCE(actor.name, a.actor_label), m.name, a.action FROM audit_log a
         JOIN users m ON CAST(m.id AS TEXT) = a.entity_id
         LEFT JOIN users actor ON actor.id = a.actor_user_id
         WHERE a.entity = 'user' AND a.at >= $2 AND a.at < $3
           AND (a.action IN ('password_set', 'password_link_created', 'mfa_reset',
                             'supervisor_proposed', 'supervisor_approved', 'supervisor_removed',
                             'handover_proposed', 'handover_approved')
                OR (a.action = 'user_updated' AND a.detail LIKE '%role=%'))
           AND EXISTS (SELECT 1 FROM mediation_assignments s
                       WHERE s.mediator_user_id = m.id AND s.supervisor_user_id = $1
                         AND s.from_date <= $4 AND (s.to_date IS NULL OR s.to_date >= $5))
         ORDER BY a.at, a.id",
    )
    .bind(supervisor)
    .bind(from)
    .bind(to)
    .bind(&day)
    .bind(domain::event::riga_date(from).to_string())
    .fetch_all(&db.reader)
    .await?;
    for (at, who, mediator, _action) in changes {
        out.push(UnusualAccess {
            at,
            who: who.unwrap_or_default(),
            family_code: None,
            what: Unusual::AccountChanged,
            detail: mediator,
        });
    }
    out.sort_by_key(|u| (u.at, u.what));
    Ok(out)
}

/// The active coordinators named as supervisors on an assignment that ran on some day of
/// `[first, last]`: (id, e-mail, name).
pub async fn supervisors(
    db: &Db,
    first: jiff::civil::Date,
    last: jiff::civil::Date,
) -> crate::Result<Vec<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT u.id, u.email, u.name FROM mediation_assignments a
         JOIN users u ON u.id = a.supervisor_user_id
         WHERE u.disabled_at IS NULL AND u.role = 'coordinator'
           AND a.from_date <= $2 AND (a.to_date IS NULL OR a.to_date >= $1)
         ORDER BY u.id",
    )
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_all(&db.reader)
    .await?)
}

/// Queues each supervisor's summary of `month` ("2026-11", the month `[from, to)` covers)
/// once: counts by kind and a link, never a family. Returns how many were queued now;
/// a month already summarised queues nothing.
pub async fn queue_monthly_summaries(
    db: &Db,
    now: i64,
    month: &str,
    from: i64,
    to: i64,
    message: impl Fn(&str, &[(Unusual, usize)]) -> crate::outbox::Outgoing,
) -> crate::Result<usize> {
    let key = "mediation_access_summary";
    if crate::maintenance::get_meta(db, key).await?.as_deref() >= Some(month) {
        return Ok(0);
    }
    let supervisors = supervisors(
        db,
        domain::event::riga_date(from),
        domain::event::riga_date(to - 1),
    )
    .await?;
    if supervisors.is_empty() {
        // Nothing to summarise, and nothing written (a month with no supervisor yet).
        return Ok(0);
    }
    let mut mails = Vec::new();
    for (id, email, name) in supervisors {
        let found = unusual_access(db, id, from, to).await?;
        let mut counts: BTreeMap<Unusual, usize> = BTreeMap::new();
        for u in &found {
            *counts.entry(u.what).or_default() += 1;
        }
        let counts: Vec<(Unusual, usize)> = counts.into_iter().collect();
        mails.push((email, message(&name, &counts)));
    }
    let mut tx = db.write().await?;
    for (to, m) in &mails {
        crate::outbox::enqueue_in(&mut tx, now, to, m).await?;
    }
    crate::audit::record(
        &mut tx,
        now,
        &Actor {
            user_id: None,
            label: Some("scheduler".to_owned()),
            ip: None,
        },
        &crate::audit::Event::new(AuditAction::MediationAccessSummaryQueued)
            .detail(format!("month={month} mails={}", mails.len())),
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
    Ok(mails.len())
}

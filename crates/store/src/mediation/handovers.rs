//! Handing a mediator's families to another mediator, with four eyes: one coordinator
//! proposes it, a second approves it, and only then do the families move — those in the
//! municipalities where the receiving mediator has a current assignment; the others stay
//! until a handover to someone assigned there. Each family moved gets a `change` row in its
//! access log (purpose `handover`, by the approver) and an audit event; both mediators are
//! mailed (the caller prepares the mails, queued in the same transaction). An account that
//! holds families cannot change its role (`users::update_notifying`), so this is how it is
//! freed.

use domain::audit::AuditAction;
use jiff::civil::Date;
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::supervisors::{Decision, check_approval, queue};
use crate::{Actor, Db, Error};

/// A pending handover as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    pub id: i64,
    pub from_user_id: i64,
    pub from_name: String,
    pub to_user_id: i64,
    pub to_name: String,
    /// The receiving account's address, and who created it when (for the approver to judge
    /// that it is a real colleague's).
    pub to_email: String,
    pub to_created_by: Option<String>,
    pub to_created_at: i64,
    pub proposed_by: Option<i64>,
    pub proposed_by_name: Option<String>,
    pub proposed_at: i64,
    /// The families it would move today, and all the giving mediator holds.
    pub movable: i64,
    pub held: i64,
}

/// SQL: families of mediator `$from` in a municipality where mediator `$to` has a current
/// assignment on day `$today` (placeholders given).
fn movable(from: &str, to: &str, today: &str) -> String {
    format!(
        "SELECT f.id FROM families f
         WHERE f.mediator_user_id = {from}
           AND f.territory_id IN (SELECT a.territory_id FROM mediation_assignments a
                                  WHERE a.mediator_user_id = {to} AND a.from_date <= {today}
                                    AND (a.to_date IS NULL OR a.to_date >= {today}))"
    )
}

/// The users who hold families: (id, name, how many), by name.
pub async fn holders(db: &Db) -> crate::Result<Vec<(i64, String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.name, COUNT(*) FROM families f JOIN users u ON u.id = f.mediator_user_id
         GROUP BY u.id, u.name ORDER BY u.name, u.id",
    )
    .fetch_all(&db.reader)
    .await?)
}

/// The pending handovers, oldest first.
pub async fn pending(db: &Db, today: Date) -> crate::Result<Vec<Handover>> {
    use sqlx::Row as _;
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT h.id, h.from_user_id, fu.name, h.to_user_id, tu.name, h.proposed_by, pu.name,
                h.proposed_at,
                (SELECT COUNT(*) FROM ({}) m),
                (SELECT COUNT(*) FROM families f WHERE f.mediator_user_id = h.from_user_id),
                tu.email,
                (SELECT COALESCE(cu.name, a.actor_label) FROM audit_log a
                 LEFT JOIN users cu ON cu.id = a.actor_user_id
                 WHERE a.action = 'user_created' AND a.entity = 'user'
                   AND a.entity_id = CAST(tu.id AS TEXT) ORDER BY a.id LIMIT 1),
                tu.created_at
         FROM family_handovers h
         JOIN users fu ON fu.id = h.from_user_id
         JOIN users tu ON tu.id = h.to_user_id
         LEFT JOIN users pu ON pu.id = h.proposed_by
         WHERE h.decided_at IS NULL
         ORDER BY h.proposed_at, h.id",
        movable("h.from_user_id", "h.to_user_id", "$1")
    )))
    .bind(today.to_string())
    .fetch_all(&db.reader)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        out.push(Handover {
            id: r.try_get(0)?,
            from_user_id: r.try_get(1)?,
            from_name: r.try_get(2)?,
            to_user_id: r.try_get(3)?,
            to_name: r.try_get(4)?,
            proposed_by: r.try_get(5)?,
            proposed_by_name: r.try_get(6)?,
            proposed_at: r.try_get(7)?,
            movable: r.try_get(8)?,
            held: r.try_get(9)?,
            to_email: r.try_get(10)?,
            to_created_by: r.try_get(11)?,
            to_created_at: r.try_get(12)?,
        });
    }
    Ok(out)
}

/// `MediationConflict::To` unless `user` is an active mediator.
async fn check_mediator(tx: &mut SqliteConnection, user: i64) -> crate::Result<()> {
    if crate::users::is_active_in_role(tx, user, domain::auth::Role::Mediator).await? {
        Ok(())
    } else {
        Err(Error::Conflict(crate::MediationConflict::To.into()))
    }
}

/// Proposes handing `from`'s families to `to` (a pending one for `from` is withdrawn by it).
/// `MediationConflict::From` when `from` holds no families, `MediationConflict::To` unless `to` is another,
/// active mediator, `MediationConflict::NoTerritory` when none of the families is in a
/// municipality `to` is assigned to today. `mails` (the coordinators who may approve) go out
/// with it.
pub async fn propose(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    from: i64,
    to: i64,
    mails: &[(String, Outgoing)],
) -> crate::Result<i64> {
    if actor.user_id.is_none() {
        return Err(Error::Conflict(crate::MediationConflict::Proposer.into()));
    }
    let mut tx = db.write().await?;
    let held: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM families WHERE mediator_user_id = $1")
        .bind(from)
        .fetch_one(&mut *tx)
        .await?;
    if held == 0 {
        return Err(Error::Conflict(crate::MediationConflict::From.into()));
    }
    if from == to {
        return Err(Error::Conflict(crate::MediationConflict::To.into()));
    }
    check_mediator(&mut tx, to).await?;
    let movable: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM ({})",
        movable("$1", "$2", "$3")
    )))
    .bind(from)
    .bind(to)
    .bind(today.to_string())
    .fetch_one(&mut *tx)
    .await?;
    if movable == 0 {
        return Err(Error::Conflict(
            crate::MediationConflict::NoTerritory.into(),
        ));
    }
    // A pending handover of the same mediator's families is replaced (and that is audited).
    let replaced: Option<i64> = sqlx::query_scalar(
        "UPDATE family_handovers SET decided_at = $1, decided_by = $2, decision = 'withdrawn'
         WHERE from_user_id = $3 AND decided_at IS NULL RETURNING id",
    )
    .bind(now)
    .bind(actor.user_id)
    .bind(from)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(old) = replaced {
        audit::record(
            &mut tx,
            now,
            actor,
            &AuditEvent::new(AuditAction::HandoverWithdrawn)
                .on("user", from)
                .detail(format!("handover={old} replaced")),
        )
        .await?;
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO family_handovers (from_user_id, to_user_id, proposed_by, proposed_at)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(from)
    .bind(to)
    .bind(actor.user_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::HandoverProposed)
            .on("user", from)
            .detail(format!("handover={id} to={to}")),
    )
    .await?;
    queue(&mut tx, now, mails).await?;
    tx.commit().await?;
    Ok(id)
}

/// A decision on a pending handover, as the decider saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub handover: i64,
    /// How many families the decider saw would move.
    pub expected: i64,
    pub decision: Decision,
}

/// Approves or refuses a pending handover (`NotFound` for none pending with that id).
/// Approval passes `supervisors::check_approval`, goes to a mediator still active
/// (`MediationConflict::To`), and moves exactly the number of families the approver saw
/// (`MediationConflict::Changed` otherwise — an assignment added meanwhile would move more) and at
/// least one (`MediationConflict::NoTerritory`); it returns how many moved. A refusal by the one
/// who proposed it is a withdrawal. `mails` go out with an approval only.
pub async fn decide(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    v: Verdict,
    mails: &[(String, Outgoing)],
) -> crate::Result<i64> {
    let Verdict {
        handover: id,
        expected,
        decision,
    } = v;
    let mut tx = db.write().await?;
    let row: Option<(i64, i64, Option<i64>, i64)> = sqlx::query_as(
        "SELECT from_user_id, to_user_id, proposed_by, proposed_at FROM family_handovers
         WHERE id = $1 AND decided_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (from, to, by, at) = row.ok_or(Error::NotFound)?;
    let (word, moved) = match decision {
        Decision::Approve => {
            let approver = check_approval(&mut tx, now, actor, by, at).await?;
            check_mediator(&mut tx, to).await?;
            let families: Vec<i64> =
                sqlx::query_scalar(sqlx::AssertSqlSafe(movable("$1", "$2", "$3")))
                    .bind(from)
                    .bind(to)
                    .bind(today.to_string())
                    .fetch_all(&mut *tx)
                    .await?;
            if families.is_empty() {
                return Err(Error::Conflict(
                    crate::MediationConflict::NoTerritory.into(),
                ));
            }
            if i64::try_from(families.len()).ok() != Some(expected) {
                return Err(Error::Conflict(crate::MediationConflict::Changed.into()));
            }
            for f in &families {
                sqlx::query(
                    "UPDATE families SET mediator_user_id = $1, updated_at = $2 WHERE id = $3",
                )
                .bind(to)
                .bind(now)
                .bind(f)
                .execute(&mut *tx)
                .await?;
                crate::mediation::log_access(
                    &mut tx, now, approver, *f, None, "change", "handover",
                )
                .await?;
                audit::record(
                    &mut tx,
                    now,
                    actor,
                    &AuditEvent::new(AuditAction::FamilyHandedOver)
                        .on("family", f)
                        .detail(format!("handover={id} from={from} to={to}")),
                )
                .await?;
            }
            queue(&mut tx, now, mails).await?;
            (
                "approved",
                i64::try_from(families.len()).unwrap_or(i64::MAX),
            )
        }
        Decision::Refuse if actor.user_id.is_some() && actor.user_id == by => ("withdrawn", 0),
        Decision::Refuse => ("refused", 0),
    };
    sqlx::query(
        "UPDATE family_handovers SET decided_at = $1, decided_by = $2, decision = $3, moved = $4
         WHERE id = $5",
    )
    .bind(now)
    .bind(actor.user_id)
    .bind(word)
    .bind(moved)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(match word {
            "approved" => AuditAction::HandoverApproved,
            "withdrawn" => AuditAction::HandoverWithdrawn,
            _ => AuditAction::HandoverRefused,
        })
        .on("user", from)
        .detail(format!("handover={id} to={to} moved={moved}")),
    )
    .await?;
    tx.commit().await?;
    Ok(moved)
}

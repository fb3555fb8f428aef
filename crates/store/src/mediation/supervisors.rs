//! Who supervises a mediator, with four eyes: a coordinator proposes a supervisor for an
//! assignment, and it takes effect only when a second coordinator approves. Until then the
//! assignment keeps its current supervisor (if any). Removing a supervisor takes effect at
//! once: it takes access away, never gives it. Every step is audited on the mediator's
//! account (so it shows in the supervision's unusual-access summary) and the mails the caller
//! prepared — to the mediator, to the other coordinators — are queued in the same
//! transaction.

use domain::audit::AuditAction;
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::{Actor, Db, Error};

/// What a proposal did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposed {
    /// A supervisor awaits a second coordinator's approval.
    Pending,
    /// The supervisor in effect was chosen again: the pending proposal was withdrawn.
    Kept,
    /// The supervisor was removed (at once).
    Removed,
}

/// How long a proposal waits for a decision before it can no longer be approved (seconds).
pub const PROPOSAL_LIFETIME: i64 = 14 * 24 * 3600;

/// A second coordinator's decision on a pending supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    /// Refused by another coordinator, or withdrawn by the one who proposed it.
    Refuse,
}

/// A decision on an assignment's pending supervisor, as the decider saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub assignment: i64,
    /// The proposed supervisor the decider saw.
    pub expected: i64,
    pub decision: Decision,
}

/// A pending proposal: the supervisor, who proposed it (none for the command line), when.
type Pending = Option<(i64, Option<i64>, i64)>;

/// The current (not ended) assignment's mediator, supervisor and pending proposal;
/// `NotFound` otherwise.
async fn current(
    tx: &mut SqliteConnection,
    id: i64,
    today: &str,
) -> crate::Result<(i64, Option<i64>, Pending)> {
    type Row = (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT mediator_user_id, supervisor_user_id, proposed_supervisor_user_id, proposed_by,
                proposed_at
         FROM mediation_assignments WHERE id = $1 AND (to_date IS NULL OR to_date >= $2)",
    )
    .bind(id)
    .bind(today)
    .fetch_optional(&mut *tx)
    .await?;
    let (mediator, supervisor, proposed, by, at) = row.ok_or(Error::NotFound)?;
    Ok((
        mediator,
        supervisor,
        proposed.map(|p| (p, by, at.unwrap_or_default())),
    ))
}

/// The checks every four-eyes approval makes (supervisors, handovers): the approver is an
/// active coordinator other than the proposer (`MediationConflict::OwnProposal`); the proposer is
/// one still (`MediationConflict::Proposer`); the proposal is not older than
/// [`PROPOSAL_LIFETIME`] (`MediationConflict::Expired`); and the approver's account was not made by
/// the proposer — created, given its role or enabled again (`MediationConflict::ApproverMadeByProposer`):
/// four eyes must be two people's.
pub(crate) async fn check_approval(
    tx: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    proposer: Option<i64>,
    proposed_at: i64,
) -> crate::Result<i64> {
    let approver = actor.user_id.ok_or(Error::Conflict(
        crate::MediationConflict::OwnProposal.into(),
    ))?;
    let Some(proposer) = proposer else {
        // Proposals come from signed-in coordinators only; one without is never approved.
        return Err(Error::Conflict(crate::MediationConflict::Proposer.into()));
    };
    if approver == proposer {
        return Err(Error::Conflict(
            crate::MediationConflict::OwnProposal.into(),
        ));
    }
    check_coordinator(tx, approver).await?;
    check_coordinator(tx, proposer)
        .await
        .map_err(|_| Error::Conflict(crate::MediationConflict::Proposer.into()))?;
    if now - proposed_at > PROPOSAL_LIFETIME {
        return Err(Error::Conflict(crate::MediationConflict::Expired.into()));
    }
    let made: i64 = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM audit_log
            WHERE entity = 'user' AND entity_id = CAST($1 AS TEXT) AND actor_user_id = $2
              AND (action IN ('user_created', 'user_enabled')
                   OR (action = 'user_updated' AND detail LIKE '%role=%')))",
    )
    .bind(approver)
    .bind(proposer)
    .fetch_one(&mut *tx)
    .await?;
    if made != 0 {
        return Err(Error::Conflict(
            crate::MediationConflict::ApproverMadeByProposer.into(),
        ));
    }
    Ok(approver)
}

/// `MediationConflict::Supervisor` unless `user` is an active coordinator.
pub(crate) async fn check_coordinator(tx: &mut SqliteConnection, user: i64) -> crate::Result<()> {
    if crate::users::is_active_in_role(tx, user, domain::auth::Role::Coordinator).await? {
        Ok(())
    } else {
        Err(Error::Conflict(crate::MediationConflict::Supervisor.into()))
    }
}

pub(crate) async fn queue(
    tx: &mut SqliteConnection,
    now: i64,
    mails: &[(String, Outgoing)],
) -> crate::Result<()> {
    for (to, m) in mails {
        crate::outbox::enqueue_in(tx, now, to, m).await?;
    }
    Ok(())
}

/// Records a proposal on an assignment inside the caller's transaction (the assignment's
/// creation uses it too): `supervisor` is checked to be an active coordinator.
pub(crate) async fn propose_in(
    tx: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    assignment: i64,
    mediator: i64,
    supervisor: i64,
) -> crate::Result<()> {
    if actor.user_id.is_none() {
        return Err(Error::Conflict(crate::MediationConflict::Proposer.into()));
    }
    check_coordinator(tx, supervisor).await?;
    sqlx::query(
        "UPDATE mediation_assignments
         SET proposed_supervisor_user_id = $1, proposed_by = $2, proposed_at = $3 WHERE id = $4",
    )
    .bind(supervisor)
    .bind(actor.user_id)
    .bind(now)
    .bind(assignment)
    .execute(&mut *tx)
    .await?;
    audit::record(
        tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::SupervisorProposed)
            .on("user", mediator)
            .detail(format!("assignment={assignment} supervisor={supervisor}")),
    )
    .await?;
    Ok(())
}

/// Proposes `supervisor` for a current assignment (replacing a pending proposal), or with
/// `None` removes its supervisor and any proposal at once. `mails` go out with it (the other
/// coordinators for a proposal; the mediator for a removal). `NotFound` for an unknown or
/// ended assignment, `MediationConflict::Supervisor` for someone not an active coordinator,
/// `MediationConflict::Unchanged` for the supervisor already in effect with nothing pending, or a
/// removal with no supervisor and nothing pending. `version`: the assignment's version the
/// form was loaded with (`crate::versions`; refused as stale when it changed since).
#[expect(
    clippy::too_many_arguments,
    reason = "the assignment, the choice, its mails and the version the form was loaded with"
)]
pub async fn propose(
    db: &Db,
    now: i64,
    today: jiff::civil::Date,
    actor: &Actor,
    assignment: i64,
    supervisor: Option<i64>,
    mails: &[(String, Outgoing)],
    version: Option<i64>,
) -> crate::Result<Proposed> {
    let mut tx = db.write().await?;
    let (mediator, current_supervisor, pending) =
        current(&mut tx, assignment, &today.to_string()).await?;
    crate::versions::claim(&mut tx, "mediation_assignments", assignment, version).await?;
    let outcome = match supervisor {
        Some(s) if current_supervisor == Some(s) => {
            let Some((proposed, by, _)) = pending else {
                return Err(Error::Conflict(crate::MediationConflict::Unchanged.into()));
            };
            // The one in effect chosen again: the pending change is dropped.
            clear_proposal(&mut tx, assignment).await?;
            audit::record(
                &mut tx,
                now,
                actor,
                &AuditEvent::new(if actor.user_id.is_some() && actor.user_id == by {
                    AuditAction::SupervisorWithdrawn
                } else {
                    AuditAction::SupervisorRefused
                })
                .on("user", mediator)
                .detail(format!("assignment={assignment} supervisor={proposed}")),
            )
            .await?;
            Proposed::Kept
        }
        Some(s) => {
            propose_in(&mut tx, now, actor, assignment, mediator, s).await?;
            Proposed::Pending
        }
        None => {
            if current_supervisor.is_none() && pending.is_none() {
                return Err(Error::Conflict(crate::MediationConflict::Unchanged.into()));
            }
            sqlx::query(
                "UPDATE mediation_assignments
                 SET supervisor_user_id = NULL, supervisor_approved_by = NULL,
                     supervisor_since = NULL, proposed_supervisor_user_id = NULL,
                     proposed_by = NULL, proposed_at = NULL
                 WHERE id = $1",
            )
            .bind(assignment)
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                now,
                actor,
                &AuditEvent::new(AuditAction::SupervisorRemoved)
                    .on("user", mediator)
                    .detail(format!("assignment={assignment}")),
            )
            .await?;
            Proposed::Removed
        }
    };
    queue(&mut tx, now, mails).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Approves or refuses the supervisor pending on a current assignment; `v.expected` is the
/// proposed supervisor the decider saw (`MediationConflict::Changed` when the proposal is no longer
/// that one, or gone). Approval passes [`check_approval`], and the proposed supervisor must
/// still be an active coordinator (`MediationConflict::Supervisor`). `mails` go out with an
/// approval only.
pub async fn decide(
    db: &Db,
    now: i64,
    today: jiff::civil::Date,
    actor: &Actor,
    v: Verdict,
    mails: &[(String, Outgoing)],
) -> crate::Result<()> {
    let Verdict {
        assignment,
        expected,
        decision,
    } = v;
    let mut tx = db.write().await?;
    let (mediator, _, pending) = current(&mut tx, assignment, &today.to_string()).await?;
    let Some((proposed, by, at)) = pending.filter(|(p, _, _)| *p == expected) else {
        return Err(Error::Conflict(crate::MediationConflict::Changed.into()));
    };
    // A supervisor form loaded before this decision is out of date now.
    crate::versions::claim(&mut tx, "mediation_assignments", assignment, None).await?;
    let action = match decision {
        Decision::Approve => {
            let approver = check_approval(&mut tx, now, actor, by, at).await?;
            if approver == proposed {
                // Four eyes: the one appointed is not the second pair.
                return Err(Error::Conflict(
                    crate::MediationConflict::OwnAppointment.into(),
                ));
            }
            check_coordinator(&mut tx, proposed).await?;
            sqlx::query(
                "UPDATE mediation_assignments
                 SET supervisor_user_id = proposed_supervisor_user_id,
                     supervisor_approved_by = $1, supervisor_since = $2,
                     proposed_supervisor_user_id = NULL, proposed_by = NULL, proposed_at = NULL
                 WHERE id = $3",
            )
            .bind(approver)
            .bind(now)
            .bind(assignment)
            .execute(&mut *tx)
            .await?;
            queue(&mut tx, now, mails).await?;
            AuditAction::SupervisorApproved
        }
        Decision::Refuse => {
            clear_proposal(&mut tx, assignment).await?;
            if actor.user_id.is_some() && actor.user_id == by {
                AuditAction::SupervisorWithdrawn
            } else {
                AuditAction::SupervisorRefused
            }
        }
    };
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(action).on("user", mediator).detail(format!(
            "assignment={assignment} supervisor={proposed} proposed_by={}",
            by.map_or_else(|| "cli".to_owned(), |b| b.to_string())
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn clear_proposal(tx: &mut SqliteConnection, assignment: i64) -> crate::Result<()> {
    sqlx::query(
        "UPDATE mediation_assignments
         SET proposed_supervisor_user_id = NULL, proposed_by = NULL, proposed_at = NULL
         WHERE id = $1",
    )
    .bind(assignment)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// How many proposals on current assignments await a decision `user` may make (all but
/// their own).
pub async fn awaiting(db: &Db, user: i64, today: jiff::civil::Date) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediation_assignments
         WHERE proposed_supervisor_user_id IS NOT NULL AND proposed_by IS NOT $1
           AND from_date <= $2 AND (to_date IS NULL OR to_date >= $2)",
    )
    .bind(user)
    .bind(today.to_string())
    .fetch_one(&db.reader)
    .await?)
}

/// The demo's supervisors, in effect from the start (synthetic data, seeded by the command
/// line through the demo crate; no route calls it: it skips the four-eyes approval, so it
/// is for the synthetic demo world only).
pub async fn demo_in_effect(
    db: &Db,
    now: i64,
    assignment: i64,
    supervisor: i64,
) -> crate::Result<()> {
    sqlx::query(
        "UPDATE mediation_assignments SET supervisor_user_id = $1, supervisor_since = $2
         WHERE id = $3",
    )
    .bind(supervisor)
    .bind(now)
    .bind(assignment)
    .execute(&db.writer)
    .await?;
    Ok(())
}

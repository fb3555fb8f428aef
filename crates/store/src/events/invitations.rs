//! Invitations: coordinators invite chosen people, or organisations filtered by kind and
//! place, to an event; each invitee answers through a personal link. Accepting creates a
//! registration (with the waiting list's rules) in the same transaction; declining is
//! recorded. One invitation per address per event.

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::registrations::{NewRegistration, Registration};
use crate::{Actor, Db, Error};
use domain::audit::AuditAction;
use domain::event::InvitationStatus;

/// Someone to invite.
#[derive(Debug, Clone, Default)]
pub struct Invitee {
    pub person_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub lang: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub event_id: i64,
    pub person_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub lang: String,
    /// sent, accepted or declined.
    pub status: InvitationStatus,
    pub registration_id: Option<i64>,
    pub sent_at: i64,
    pub responded_at: Option<i64>,
}

type Row = (
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    String,
    String,
    String,
    Option<i64>,
    i64,
    Option<i64>,
);

const SELECT: &str = "SELECT id, event_id, person_id, organisation_id, name, email, lang, status,
        registration_id, sent_at, responded_at FROM invitations";

fn from_row(r: Row) -> Invitation {
    Invitation {
        id: r.0,
        event_id: r.1,
        person_id: r.2,
        organisation_id: r.3,
        name: r.4,
        email: r.5,
        lang: r.6,
        status: crate::from_code(&r.7),
        registration_id: r.8,
        sent_at: r.9,
        responded_at: r.10,
    }
}

/// Sends invitations: each (invitee, hash of its link's secret, its mail) is stored and
/// its mail queued, in one transaction. Addresses already invited to the event are
/// skipped. Returns (invited, skipped). `EventConflict::Closed` unless the event is
/// published.
pub async fn invite(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    items: &[(Invitee, String, Outgoing)],
) -> crate::Result<(usize, usize)> {
    let mut tx = db.write().await?;
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&mut *tx)
        .await?;
    if status.ok_or(Error::NotFound)? != "published" {
        return Err(Error::Conflict(crate::EventConflict::Closed.into()));
    }
    let (mut invited, mut skipped) = (0, 0);
    for (who, token_hash, mail) in items {
        let key = who.email.trim().to_lowercase();
        let n = sqlx::query(
            "INSERT INTO invitations (event_id, person_id, organisation_id, name, email, email_key,
                 lang, token_hash, status, sent_at, sent_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'sent', $9, $10)
             ON CONFLICT (event_id, email_key) DO NOTHING",
        )
        .bind(event_id)
        .bind(who.person_id)
        .bind(who.organisation_id)
        .bind(who.name.trim())
        .bind(who.email.trim())
        .bind(&key)
        .bind(&who.lang)
        .bind(token_hash)
        .bind(now)
        .bind(actor.user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            skipped += 1;
            continue;
        }
        crate::outbox::enqueue_in(&mut tx, now, who.email.trim(), mail).await?;
        invited += 1;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::InvitationsSent)
            .on("event", event_id)
            .detail(format!("invited={invited} skipped={skipped}")),
    )
    .await?;
    tx.commit().await?;
    Ok((invited, skipped))
}

/// An event's invitations, by name.
pub async fn for_event(db: &Db, event_id: i64) -> crate::Result<Vec<Invitation>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE event_id = $1 ORDER BY name, id"
    )))
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// The invitation a personal link opens.
pub async fn by_token(db: &Db, token_hash: &str) -> crate::Result<Invitation> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE token_hash = $1"
    )))
    .bind(token_hash)
    .fetch_optional(&db.reader)
    .await?;
    row.map(from_row).ok_or(Error::NotFound)
}

/// An invitation a signed-in user may answer from the workspace — to their organisation, or
/// to their own address — with the hash of its link. `NotFound` otherwise.
pub async fn for_user(
    db: &Db,
    id: i64,
    organisation: Option<i64>,
    email: &str,
) -> crate::Result<(String, Invitation)> {
    let key = email.trim().to_lowercase();
    let hash: Option<String> = sqlx::query_scalar(
        "SELECT token_hash FROM invitations
         WHERE id = $1 AND (organisation_id = $2 OR (email_key = $3 AND $3 <> ''))",
    )
    .bind(id)
    .bind(organisation)
    .bind(&key)
    .fetch_optional(&db.reader)
    .await?;
    let hash = hash.ok_or(Error::NotFound)?;
    let inv = by_token(db, &hash).await?;
    Ok((hash, inv))
}

/// An invitation still to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswered {
    pub id: i64,
    pub event: crate::events::Headline,
    /// The address the invitation went to (its personal link is in that mail).
    pub email: String,
}

/// The invitations sent to an organisation or to an address (either may be absent) and not
/// yet answered, for published events that have not started, the soonest first.
pub async fn unanswered(
    db: &Db,
    organisation: Option<i64>,
    email: &str,
    now: i64,
) -> crate::Result<Vec<Unanswered>> {
    let key = email.trim().to_lowercase();
    let rows: Vec<(i64, i64, String, Option<String>, i64, String)> = sqlx::query_as(
        "SELECT i.id, e.id, e.title_lv, e.title_en, e.starts_at, i.email
         FROM invitations i JOIN events e ON e.id = i.event_id
         WHERE i.status = 'sent' AND e.status = 'published' AND e.starts_at > $3
           AND (i.organisation_id = $1 OR (i.email_key = $2 AND $2 <> ''))
         ORDER BY e.starts_at, i.id",
    )
    .bind(organisation)
    .bind(&key)
    .bind(now)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, event_id, title_lv, title_en, starts_at, email)| Unanswered {
                id,
                event: crate::events::Headline {
                    event_id,
                    title_lv,
                    title_en,
                    starts_at,
                },
                email,
            },
        )
        .collect())
}

/// Accepts: registers the invitee (confirmed or waiting, as for anyone) and records the
/// answer, together. Errors as `registrations::register`; an invitation answered already
/// is `EventConflict::Answered`.
pub async fn accept(
    db: &Db,
    now: i64,
    actor: &Actor,
    token_hash: &str,
    r: &NewRegistration,
    mail: impl FnOnce(&Registration) -> Outgoing,
) -> crate::Result<Registration> {
    let mut tx = db.write().await?;
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE token_hash = $1"
    )))
    .bind(token_hash)
    .fetch_optional(&mut *tx)
    .await?;
    let inv = row.map(from_row).ok_or(Error::NotFound)?;
    if inv.status == InvitationStatus::Accepted {
        return Err(Error::Conflict(crate::EventConflict::Answered.into()));
    }
    let reg = crate::registrations::register_in(&mut tx, now, actor, inv.event_id, r, mail).await?;
    sqlx::query(
        "UPDATE invitations SET status = 'accepted', registration_id = $1, responded_at = $2 WHERE id = $3",
    )
    .bind(reg.id)
    .bind(now)
    .bind(inv.id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(reg)
}

/// Declines (an invitation accepted already is cancelled through its registration).
pub async fn decline(db: &Db, now: i64, actor: &Actor, token_hash: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let row: Option<(i64, i64, String)> =
        sqlx::query_as("SELECT id, event_id, status FROM invitations WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?;
    let (id, event_id, status) = row.ok_or(Error::NotFound)?;
    if status == "accepted" {
        return Err(Error::Conflict(crate::EventConflict::Answered.into()));
    }
    sqlx::query("UPDATE invitations SET status = 'declined', responded_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::InvitationDeclined)
            .on("event", event_id)
            .detail(format!("invitation={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Organisations with an e-mail address of a kind (any when `None`) in a place (the place
/// itself or anything within it; anywhere when `None`) and a planning region (of the place
/// or of its novads; any when `None`): (id, name, e-mail).
pub async fn organisations_matching(
    db: &Db,
    kind: Option<&str>,
    territory_id: Option<i64>,
    region: Option<&str>,
) -> crate::Result<Vec<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT o.id, o.name_lv, o.email FROM organisations o
         LEFT JOIN territories t ON t.id = o.territory_id
         WHERE o.merged_into_id IS NULL AND o.email IS NOT NULL AND o.email <> ''
           AND ($1 IS NULL OR o.kind = $1)
           AND ($2 IS NULL OR o.territory_id = $2 OR t.parent_id = $2)
           AND ($3 IS NULL OR COALESCE(t.planning_region,
                   (SELECT p.planning_region FROM territories p WHERE p.id = t.parent_id)) = $3)
         ORDER BY o.sort_key",
    )
    .bind(kind)
    .bind(territory_id)
    .bind(region)
    .fetch_all(&db.reader)
    .await?)
}

/// Registry people who have an e-mail address: (id, name, first e-mail, language).
pub async fn people_with_email(db: &Db) -> crate::Result<Vec<(i64, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.name,
                (SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.position, e.id LIMIT 1),
                p.preferred_lang
         FROM people p
         WHERE p.merged_into_id IS NULL AND p.restricted_at IS NULL
           AND EXISTS (SELECT 1 FROM person_emails e WHERE e.person_id = p.id)
         ORDER BY p.sort_key",
    )
    .fetch_all(&db.reader)
    .await?)
}

/// How many organisations match, with or without an e-mail address.
pub async fn organisations_matching_all(
    db: &Db,
    kind: Option<&str>,
    territory_id: Option<i64>,
    region: Option<&str>,
) -> crate::Result<usize> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM organisations o
         LEFT JOIN territories t ON t.id = o.territory_id
         WHERE o.merged_into_id IS NULL
           AND ($1 IS NULL OR o.kind = $1)
           AND ($2 IS NULL OR o.territory_id = $2 OR t.parent_id = $2)
           AND ($3 IS NULL OR COALESCE(t.planning_region,
                   (SELECT p.planning_region FROM territories p WHERE p.id = t.parent_id)) = $3)",
    )
    .bind(kind)
    .bind(territory_id)
    .bind(region)
    .fetch_one(&db.reader)
    .await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

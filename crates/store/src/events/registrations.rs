//! Registrations for events: capacity, a waiting list that promotes automatically when a
//! place frees, and a personal link (stored as a hash) to see, confirm or cancel. A
//! registration made on the public form holds its place until its registrant confirms it
//! from the mailed link; one not confirmed within [`CONFIRM_WITHIN`] is released by
//! [`release_unconfirmed`] (the scheduled jobs), and the waiting list moves up. Every decision
//! about places is taken inside one write transaction, and SQLite has one writer, so
//! concurrent sign-ups and cancellations can neither overfill an event nor leave a place
//! empty while someone waits. Mails are queued in the same transaction.

use domain::audit::AuditAction;
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::{Actor, Db, Error};

/// A registration's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Confirmed,
    Waiting,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Waiting => "waiting",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        [Status::Confirmed, Status::Waiting, Status::Cancelled]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// The self-declared statistics fields, given only with their consent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub notice_version: String,
    /// female, male or other.
    pub gender: Option<String>,
    /// under_18, 18_24, 25_29, 30_49, 50_64 or 65_plus.
    pub age_group: Option<String>,
    /// yes or no (special-category data).
    pub roma_self_identified: Option<String>,
}

/// How long a registration made on the public form waits for its registrant to confirm it
/// from the mailed link before its place is released: 48 hours, less close to the event's
/// start (see [`confirm_deadline`]).
pub const CONFIRM_WITHIN: i64 = 48 * 3600;

/// Until when a sign-up made at `now` for an event starting at `starts_at` may be confirmed:
/// 48 hours, but no later than two hours before the start, and never less than two hours
/// (so a flood just before an event is released in time too).
pub fn confirm_deadline(now: i64, starts_at: i64) -> i64 {
    (now + CONFIRM_WITHIN).min((now + 2 * 3600).max(starts_at - 2 * 3600))
}

/// The registration a personal link opens: its first link, or one a later mail carried
/// (`$1` is the link's hash).
const BY_LINK: &str = "(token_hash = $1
     OR id = (SELECT l.registration_id FROM registration_links l WHERE l.token_hash = $1))";

/// What anonymising a registration sets (its name, address, organisation, place and
/// statistics answers go; its address key becomes unique and unmatched, as the
/// one-registration-per-address index needs): for the storage limits and erasure. A macro,
/// so that `concat!` can build statements with it.
macro_rules! anonymised {
    () => {
        "name = '', email = '', email_key = 'erased:' || id,
         person_id = NULL, organisation_id = NULL, organisation_text = NULL, territory_id = NULL,
         stats_consent_at = NULL, stats_notice_version = NULL, gender = NULL, age_group = NULL,
         roma_self_identified = NULL, cancel_reason = NULL"
    };
}
pub(crate) use anonymised;
pub(crate) const ANONYMISED: &str = anonymised!();

/// Adds a personal link to a registration (a later mail carries it; the first link keeps
/// working).
pub async fn add_link_in(
    conn: &mut SqliteConnection,
    now: i64,
    registration_id: i64,
    token_hash: &str,
) -> crate::Result<()> {
    sqlx::query(
        "INSERT INTO registration_links (token_hash, registration_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(token_hash)
    .bind(registration_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The event statuses in which places are given: a place freed in a cancelled, draft or
/// past event goes to nobody.
const PLACES_OPEN: &str = "('published', 'registration_closed')";

/// Where a registration comes from, which decides whether it must be confirmed from the
/// e-mail.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Source {
    /// The public form: anyone can type any address, so it waits for confirmation.
    #[default]
    PublicForm,
    /// An invitation's personal link, which was mailed to the address: confirmed at once.
    Invitation,
    /// A coordinator (user id) registered someone who called or came in: confirmed at once,
    /// also after the registration deadline while the event has not ended, and the e-mail
    /// address may be empty.
    Coordinator(i64),
}

/// What a registrant (or a coordinator for them) gives.
#[derive(Debug, Clone, Default)]
pub struct NewRegistration {
    pub name: String,
    pub email: String,
    pub lang: String,
    pub person_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub organisation_text: Option<String>,
    pub private_person: bool,
    pub territory_id: Option<i64>,
    /// `None` when the statistics consent was not given: nothing of it is stored.
    pub stats: Option<Stats>,
    /// The data-processing notice the registrant accepted.
    pub notice_version: String,
    /// The hash of the personal link's secret.
    pub token_hash: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub status: Status,
    pub created_at: i64,
    pub organisation_text: Option<String>,
    pub private_person: bool,
    /// When the registrant confirmed it from the mailed link (or when it was made, for
    /// registrations confirmed at once); `None` while it waits.
    pub email_confirmed_at: Option<i64>,
    /// Until when a pending registration may be confirmed.
    pub confirm_by: Option<i64>,
    /// The coordinator who registered someone by hand.
    pub registered_by: Option<i64>,
    /// Why it was cancelled: `registrant`, `unconfirmed` (nobody confirmed it in time) or
    /// `coordinator` (a coordinator released the unconfirmed place).
    pub cancel_reason: Option<String>,
}

impl Registration {
    /// An active registration that still waits for its registrant's confirmation.
    pub fn pending(&self) -> bool {
        self.email_confirmed_at.is_none() && self.status != Status::Cancelled
    }

    /// Released unconfirmed: not confirmed in time, or released by a coordinator.
    pub fn released_unconfirmed(&self) -> bool {
        self.status == Status::Cancelled
            && matches!(
                self.cancel_reason.as_deref(),
                Some("unconfirmed" | "coordinator")
            )
    }
}

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    bool,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
);

fn from_row(r: Row) -> Registration {
    Registration {
        id: r.0,
        event_id: r.1,
        name: r.2,
        email: r.3,
        lang: r.4,
        status: Status::parse(&r.5).unwrap_or(Status::Cancelled),
        created_at: r.6,
        organisation_text: r.7,
        private_person: r.8,
        email_confirmed_at: r.9,
        registered_by: r.10,
        cancel_reason: r.11,
        confirm_by: r.12,
    }
}

const SELECT: &str =
    "SELECT id, event_id, name, email, lang, status, created_at, organisation_text, private_person,
            email_confirmed_at, registered_by, cancel_reason, confirm_by
     FROM registrations";

/// Registers for an event that is open for registration (published, before its deadline;
/// for a coordinator, before its end): confirmed while places remain, else on the waiting
/// list. A registration from the public form holds that place while it waits for its
/// registrant's confirmation. `mail` composes the mail with the personal link from the new
/// registration; it is queued in the same transaction (not when there is no address).
/// Errors: `NotFound` (no such event), `EventConflict::Closed`, `EventConflict::Duplicate` (this
/// address already holds an active registration), `EventConflict::NoEmail` (only a
/// coordinator may register someone without an address).
pub async fn register(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    r: &NewRegistration,
    mail: impl FnOnce(&Registration) -> Outgoing,
) -> crate::Result<Registration> {
    let mut tx = db.write().await?;
    let reg = register_in(&mut tx, now, actor, event_id, r, mail).await?;
    tx.commit().await?;
    Ok(reg)
}

/// [`register`] inside the caller's transaction (an accepted invitation).
pub(crate) async fn register_in(
    tx: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    event_id: i64,
    r: &NewRegistration,
    mail: impl FnOnce(&Registration) -> Outgoing,
) -> crate::Result<Registration> {
    // status, capacity, registration_deadline, starts_at, ends_at
    type EventRow = (String, Option<i64>, Option<i64>, i64, i64);
    let event: Option<EventRow> = sqlx::query_as(
        "SELECT status, capacity, registration_deadline, starts_at, ends_at FROM events WHERE id = $1",
    )
    .bind(event_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (status, capacity, deadline, starts_at, ends_at) = event.ok_or(Error::NotFound)?;
    // A place that is not one is refused, not left to the foreign key (an error, a 500).
    if let Some(t) = r.territory_id {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE id = $1")
            .bind(t)
            .fetch_optional(&mut *tx)
            .await?;
        found.ok_or(Error::Conflict(crate::EventConflict::Territory.into()))?;
    }
    let closes = match r.source {
        Source::Coordinator(_) => ends_at,
        _ => deadline.unwrap_or(starts_at),
    };
    if status != "published" || now > closes {
        return Err(Error::Conflict(crate::EventConflict::Closed.into()));
    }
    let email_key = r.email.trim().to_lowercase();
    if email_key.is_empty() && !matches!(r.source, Source::Coordinator(_)) {
        return Err(Error::Conflict(crate::EventConflict::NoEmail.into()));
    }
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM registrations
         WHERE event_id = $1 AND email_key = $2 AND email_key <> '' AND status <> 'cancelled'",
    )
    .bind(event_id)
    .bind(&email_key)
    .fetch_optional(&mut *tx)
    .await?;
    if taken.is_some() {
        return Err(Error::Conflict(crate::EventConflict::Duplicate.into()));
    }
    // A registration by a registry person's address belongs to that person — once the
    // address is confirmed (anyone can type anyone's address on the public form).
    let person_id: Option<i64> = match r.person_id {
        Some(p) => Some(p),
        None if email_key.is_empty() || r.source == Source::PublicForm => None,
        None => {
            sqlx::query_scalar(
                "SELECT p.id FROM person_emails e JOIN people p ON p.id = e.person_id
             WHERE lower(e.email) = $1 AND p.merged_into_id IS NULL AND p.restricted_at IS NULL",
            )
            .bind(&email_key)
            .fetch_optional(&mut *tx)
            .await?
        }
    };
    let confirmed = confirmed_count(tx, event_id).await?;
    let waiting = waiting_count(tx, event_id).await?;
    // Nobody jumps the queue: with people waiting, a newcomer waits too.
    let place = match capacity {
        Some(c) if confirmed >= c || waiting > 0 => Status::Waiting,
        _ => Status::Confirmed,
    };
    // Statistics answers are the registrant's own, given with their own consent: never by
    // a coordinator's hand.
    let stats = r
        .stats
        .as_ref()
        .filter(|_| !matches!(r.source, Source::Coordinator(_)));
    let (email_confirmed_at, confirm_by, registered_by) = match r.source {
        Source::PublicForm => (None, Some(confirm_deadline(now, starts_at)), None),
        Source::Invitation => (Some(now), None, None),
        Source::Coordinator(user) => (Some(now), None, Some(user)),
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO registrations (event_id, person_id, name, email, email_key, lang, organisation_id,
             organisation_text, private_person, territory_id, stats_consent_at, stats_notice_version,
             gender, age_group, roma_self_identified, notice_version, status, token_hash,
             created_at, updated_at, email_confirmed_at, registered_by, confirm_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, $20, $21, $22)
         RETURNING id",
    )
    .bind(event_id)
    .bind(person_id)
    .bind(r.name.trim())
    .bind(r.email.trim())
    .bind(&email_key)
    .bind(&r.lang)
    .bind(r.organisation_id)
    .bind(r.organisation_text.as_deref())
    .bind(r.private_person)
    .bind(r.territory_id)
    .bind(stats.map(|_| now))
    .bind(stats.map(|s| s.notice_version.as_str()))
    .bind(stats.and_then(|s| s.gender.as_deref()))
    .bind(stats.and_then(|s| s.age_group.as_deref()))
    .bind(stats.and_then(|s| s.roma_self_identified.as_deref()))
    .bind(&r.notice_version)
    .bind(place.as_str())
    .bind(&r.token_hash)
    .bind(now)
    .bind(email_confirmed_at)
    .bind(registered_by)
    .bind(confirm_by)
    .fetch_one(&mut *tx)
    .await?;
    let reg = Registration {
        id,
        event_id,
        name: r.name.trim().to_owned(),
        email: r.email.trim().to_owned(),
        lang: r.lang.clone(),
        status: place,
        created_at: now,
        organisation_text: r.organisation_text.clone(),
        private_person: r.private_person,
        email_confirmed_at,
        registered_by,
        cancel_reason: None,
        confirm_by,
    };
    if !reg.email.is_empty() {
        let m = mail(&reg);
        crate::outbox::enqueue_in(tx, now, &reg.email, &m).await?;
    }
    let how = match r.source {
        Source::PublicForm => " unconfirmed",
        Source::Invitation => " invitation",
        Source::Coordinator(_) => " by_hand",
    };
    audit::record(
        tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::RegistrationCreated)
            .on("event", event_id)
            .detail(format!("registration={id} {}{how}", place.as_str())),
    )
    .await?;
    Ok(reg)
}

/// The registrant confirms their registration from the mailed link. Confirming twice is
/// harmless. Errors: `NotFound`, `EventConflict::Cancelled` (cancelled, or released because
/// it was not confirmed in time).
pub async fn confirm(
    db: &Db,
    now: i64,
    actor: &Actor,
    token_hash: &str,
) -> crate::Result<Registration> {
    let mut tx = db.write().await?;
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE {BY_LINK}")))
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
    let reg = confirm_in(
        &mut tx,
        now,
        actor,
        row.map(from_row).ok_or(Error::NotFound)?,
    )
    .await?;
    tx.commit().await?;
    Ok(reg)
}

/// A coordinator confirms a pending registration of `event_id` (the registrant called, or
/// the address is known to be theirs). Errors as [`confirm`]; `NotFound` also when the
/// registration belongs to another event.
pub async fn confirm_for(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    id: i64,
) -> crate::Result<Registration> {
    let mut tx = db.write().await?;
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE id = $1 AND event_id = $2"
    )))
    .bind(id)
    .bind(event_id)
    .fetch_optional(&mut *tx)
    .await?;
    let reg = confirm_in(
        &mut tx,
        now,
        actor,
        row.map(from_row).ok_or(Error::NotFound)?,
    )
    .await?;
    tx.commit().await?;
    Ok(reg)
}

async fn confirm_in(
    tx: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    mut reg: Registration,
) -> crate::Result<Registration> {
    if reg.status == Status::Cancelled {
        return Err(Error::Conflict(crate::EventConflict::Cancelled.into()));
    }
    if reg.email_confirmed_at.is_some() {
        return Ok(reg);
    }
    // Now the address is the registrant's: a registry person's address makes it theirs.
    sqlx::query(
        "UPDATE registrations SET email_confirmed_at = $1, updated_at = $1,
             person_id = COALESCE(person_id,
                 (SELECT p.id FROM person_emails e JOIN people p ON p.id = e.person_id
                  WHERE lower(e.email) = registrations.email_key AND p.merged_into_id IS NULL
                    AND p.restricted_at IS NULL
                  LIMIT 1))
         WHERE id = $2",
    )
    .bind(now)
    .bind(reg.id)
    .execute(&mut *tx)
    .await?;
    reg.email_confirmed_at = Some(now);
    audit::record(
        tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::RegistrationConfirmed)
            .on("event", reg.event_id)
            .detail(format!("registration={}", reg.id)),
    )
    .await?;
    Ok(reg)
}

/// The events that hold registrations past their time to be confirmed (open for places and
/// not started: at or after the start, a pending registrant may simply come).
pub async fn events_with_overdue(db: &Db, now: i64) -> crate::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT DISTINCT r.event_id FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.email_confirmed_at IS NULL AND r.status <> 'cancelled'
           AND r.confirm_by <= $1 AND e.starts_at > $1 AND e.status IN {PLACES_OPEN}
         ORDER BY r.event_id"
    )))
    .bind(now)
    .fetch_all(&db.reader)
    .await?)
}

/// An upcoming event with registrations still waiting for their registrants to confirm
/// them from the mailed link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed {
    pub event: crate::events::Headline,
    /// How many registrations wait.
    pub count: i64,
}

/// The events not yet started, open for places, that hold registrations not yet confirmed
/// by their registrants, the soonest first.
pub async fn unconfirmed(db: &Db, now: i64) -> crate::Result<Vec<Unconfirmed>> {
    let rows: Vec<(i64, String, Option<String>, i64, i64)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT e.id, e.title_lv, e.title_en, e.starts_at, COUNT(*)
             FROM registrations r JOIN events e ON e.id = r.event_id
             WHERE r.email_confirmed_at IS NULL AND r.status <> 'cancelled'
               AND e.starts_at > $1 AND e.status IN {PLACES_OPEN}
             GROUP BY e.id ORDER BY e.starts_at, e.id"
        )))
        .bind(now)
        .fetch_all(&db.reader)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(event_id, title_lv, title_en, starts_at, count)| Unconfirmed {
                event: crate::events::Headline {
                    event_id,
                    title_lv,
                    title_en,
                    starts_at,
                },
                count,
            },
        )
        .collect())
}

/// Releases the event's registrations that were not confirmed within [`CONFIRM_WITHIN`]
/// (no mail goes to their address, which nobody confirmed), then fills the freed places
/// from the waiting list, each promoted registrant mailed by `promoted`, all in one
/// transaction. Returns how many were released and who was promoted. Nothing is released
/// once the event has started.
pub async fn release_unconfirmed(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    promoted: impl Fn(&Registration, &str) -> Outgoing,
) -> crate::Result<(usize, Vec<Registration>)> {
    release(db, now, actor, event_id, Release::Overdue, &promoted).await
}

/// A coordinator releases pending registrations of `event_id` before their time: one
/// (`Pending::One`), or all of them up to the last one the coordinator saw
/// (`Pending::UpTo`, after a flood of made-up sign-ups). Confirmed registrations are not
/// touched. Freed places go to the waiting list as in [`cancel`]. Returns how many were
/// released and who was promoted.
pub async fn release_pending(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    which: Pending,
    promoted: impl Fn(&Registration, &str) -> Outgoing,
) -> crate::Result<(usize, Vec<Registration>)> {
    release(
        db,
        now,
        actor,
        event_id,
        Release::ByCoordinator(which),
        &promoted,
    )
    .await
}

/// Which pending registrations a coordinator releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    One(i64),
    /// Every pending one with an id up to this (the last on the coordinator's page).
    UpTo(i64),
}

/// Which pending registrations [`release`] lets go.
enum Release {
    /// Those past their time, before the event starts (the scheduled jobs).
    Overdue,
    /// One, or all up to an id (a coordinator).
    ByCoordinator(Pending),
}

/// Cancels the chosen pending registrations with their reason, audits each, then fills
/// the freed places from the waiting list; one transaction.
async fn release(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    which: Release,
    promoted: &impl Fn(&Registration, &str) -> Outgoing,
) -> crate::Result<(usize, Vec<Registration>)> {
    // (overdue only, from id, to id)
    let (overdue, from, to, reason) = match which {
        Release::Overdue => (true, 0, i64::MAX, "unconfirmed"),
        Release::ByCoordinator(Pending::One(id)) => (false, id, id, "coordinator"),
        Release::ByCoordinator(Pending::UpTo(id)) => (false, 0, id, "coordinator"),
    };
    let mut tx = db.write().await?;
    let ids: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.event_id = $1 AND r.email_confirmed_at IS NULL AND r.status <> 'cancelled'
           AND (NOT $2 OR (r.confirm_by <= $3 AND e.starts_at > $3
                           AND e.status IN {PLACES_OPEN}))
           AND r.id BETWEEN $4 AND $5
         ORDER BY r.id"
    )))
    .bind(event_id)
    .bind(overdue)
    .bind(now)
    .bind(from)
    .bind(to)
    .fetch_all(&mut *tx)
    .await?;
    for id in &ids {
        // Nobody confirmed the address: what was typed with it is not kept.
        sqlx::query(
            "UPDATE registrations SET status = 'cancelled', cancel_reason = $1,
                 cancelled_at = $2, updated_at = $2,
                 name = '', email = '', email_key = '', person_id = NULL,
                 organisation_id = NULL, organisation_text = NULL, territory_id = NULL,
                 stats_consent_at = NULL, stats_notice_version = NULL,
                 gender = NULL, age_group = NULL, roma_self_identified = NULL
             WHERE id = $3",
        )
        .bind(reason)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            now,
            actor,
            &AuditEvent::new(AuditAction::RegistrationReleased)
                .on("event", event_id)
                .detail(format!("registration={id} {reason}")),
        )
        .await?;
    }
    let moved = if ids.is_empty() {
        Vec::new()
    } else {
        promote(&mut tx, now, event_id, promoted).await?
    };
    tx.commit().await?;
    Ok((ids.len(), moved))
}

/// Whether a newcomer would go to the waiting list now: every place taken, or others
/// already waiting (nobody jumps the queue). The same rule `register` applies when saving.
pub async fn would_wait(db: &Db, event_id: i64, capacity: Option<i64>) -> crate::Result<bool> {
    let Some(capacity) = capacity else {
        return Ok(false);
    };
    let (confirmed, waiting): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(status = 'confirmed'), 0), COALESCE(SUM(status = 'waiting'), 0)
         FROM registrations WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_one(&db.reader)
    .await?;
    Ok(confirmed >= capacity || waiting > 0)
}

async fn confirmed_count(conn: &mut SqliteConnection, event_id: i64) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'confirmed'",
    )
    .bind(event_id)
    .fetch_one(&mut *conn)
    .await?)
}

async fn waiting_count(conn: &mut SqliteConnection, event_id: i64) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'waiting'",
    )
    .bind(event_id)
    .fetch_one(&mut *conn)
    .await?)
}

/// The confirmed and waiting registrations of an event, inside the caller's transaction.
pub(crate) async fn active_in(
    conn: &mut SqliteConnection,
    event_id: i64,
) -> crate::Result<Vec<Registration>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE event_id = $1 AND status <> 'cancelled' ORDER BY created_at, id"
    )))
    .bind(event_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// Sign-ups for an event on the public form since a time: (all of them, those not
/// confirmed). The hourly caps count these: unconfirmed ones (a flood of made-up
/// addresses) low, all of them (one mailbox with many aliases, confirmed) higher. Those a
/// coordinator released do not count, so releasing a flood opens the form again.
pub async fn public_since(db: &Db, event_id: i64, since: i64) -> crate::Result<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(email_confirmed_at IS NULL), 0) FROM registrations r
         WHERE event_id = $1 AND created_at >= $2 AND registered_by IS NULL
           AND cancel_reason IS NOT 'coordinator'
           AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.registration_id = r.id)",
    )
    .bind(event_id)
    .bind(since)
    .fetch_one(&db.reader)
    .await?)
}

/// The registration a personal link opens.
pub async fn by_token(db: &Db, token_hash: &str) -> crate::Result<Registration> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE {BY_LINK}")))
        .bind(token_hash)
        .fetch_optional(&db.reader)
        .await?;
    row.map(from_row).ok_or(Error::NotFound)
}

/// An event's registrations, confirmed and waiting first (each in sign-up order).
pub async fn for_event(db: &Db, event_id: i64) -> crate::Result<Vec<Registration>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE event_id = $1
         ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, created_at, id"
    )))
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// Cancels the registration a personal link opens. A freed place goes to the longest
/// waiting, whose mail `promoted` composes (queued in the same transaction). Returns who
/// was promoted. Cancelling twice is harmless.
pub async fn cancel(
    db: &Db,
    now: i64,
    actor: &Actor,
    token_hash: &str,
    promoted: impl Fn(&Registration, &str) -> Outgoing,
) -> crate::Result<Vec<Registration>> {
    let mut tx = db.write().await?;
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE {BY_LINK}")))
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
    let reg = row.map(from_row).ok_or(Error::NotFound)?;
    if reg.status == Status::Cancelled {
        return Ok(Vec::new());
    }
    sqlx::query(
        "UPDATE registrations SET status = 'cancelled', cancel_reason = 'registrant',
             cancelled_at = $1, updated_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(reg.id)
    .execute(&mut *tx)
    .await?;
    let moved = promote(&mut tx, now, reg.event_id, &promoted).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::RegistrationCancelled)
            .on("event", reg.event_id)
            .detail(format!("registration={}", reg.id)),
    )
    .await?;
    tx.commit().await?;
    Ok(moved)
}

/// Fills free places from the waiting list, in sign-up order; `mail` composes each promoted
/// registrant's mail with the secret of the new personal link it carries.
async fn promote(
    conn: &mut SqliteConnection,
    now: i64,
    event_id: i64,
    mail: &impl Fn(&Registration, &str) -> Outgoing,
) -> crate::Result<Vec<Registration>> {
    let (capacity, status): (Option<i64>, String) =
        sqlx::query_as("SELECT capacity, status FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&mut *conn)
            .await?;
    if !matches!(status.as_str(), "published" | "registration_closed") {
        return Ok(Vec::new());
    }
    let free = match capacity {
        Some(c) => (c - confirmed_count(conn, event_id).await?).max(0),
        None => i64::MAX,
    };
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE event_id = $1 AND status = 'waiting' ORDER BY created_at, id LIMIT $2"
    )))
    .bind(event_id)
    .bind(free)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let mut reg = from_row(r);
        sqlx::query(
            "UPDATE registrations SET status = 'confirmed', promoted_at = $1, updated_at = $1 WHERE id = $2",
        )
        .bind(now)
        .bind(reg.id)
        .execute(&mut *conn)
        .await?;
        reg.status = Status::Confirmed;
        // No mail to no address, nor to one nobody confirmed (their page shows the place).
        // The mail carries a personal link of its own (to see or cancel the place); the
        // first one keeps working.
        if !reg.email.is_empty() && !reg.pending() {
            let secret = domain::token::random_secret();
            add_link_in(conn, now, reg.id, &domain::token::hash_secret(&secret)).await?;
            let m = mail(&reg, &secret);
            crate::outbox::enqueue_in(conn, now, &reg.email, &m).await?;
        }
        audit::record(
            conn,
            now,
            &Actor {
                user_id: None,
                label: Some("waiting list".to_owned()),
                ip: None,
            },
            &AuditEvent::new(AuditAction::RegistrationPromoted)
                .on("event", event_id)
                .detail(format!("registration={}", reg.id)),
        )
        .await?;
        out.push(reg);
    }
    Ok(out)
}

//! Events and their organisers. Every change is audited; status changes follow the
//! lifecycle in `domain::event`.

use domain::audit::AuditAction;
use domain::event::{EventStatus, EventType};
use domain::event::{Objective, TargetGroup};

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};

/// An event as a to-do list names it: which, its title, when it begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub event_id: i64,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub starts_at: i64,
}

impl Headline {
    pub fn title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.title_lv, &self.title_en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub event_type: EventType,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub description_lv: Option<String>,
    pub description_en: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub territory_id: Option<i64>,
    pub territory_name: Option<String>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub series: Option<String>,
    pub capacity: Option<i64>,
    pub registration_deadline: Option<i64>,
    pub is_public: bool,
    pub objectives: Vec<Objective>,
    pub target_group: Option<TargetGroup>,
    pub host_country: Option<String>,
    pub status: EventStatus,
    pub updated_at: i64,
    /// When first published; `None` for an event the public never saw.
    pub published_at: Option<i64>,
    /// Grows by one with every change (the iCalendar SEQUENCE).
    pub sequence: i64,
    /// (organisation id, name, "organiser" or "partner").
    pub organisations: Vec<(i64, String, String)>,
}

impl Event {
    /// Where it is held: "address, place", either alone, or nothing (an online event).
    pub fn place(&self) -> Option<String> {
        let parts: Vec<&str> = [self.address.as_deref(), self.territory_name.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// Whether the public sees this event: public, published at some point, not a draft now.
    pub fn publicly_visible(&self) -> bool {
        self.is_public && self.published_at.is_some() && self.status.is_public()
    }

    pub fn title(&self, lang: &str) -> &str {
        match (lang, &self.title_en) {
            ("en", Some(t)) => t,
            _ => &self.title_lv,
        }
    }

    pub fn description(&self, lang: &str) -> Option<&str> {
        match (lang, &self.description_en) {
            ("en", Some(d)) => Some(d),
            _ => self.description_lv.as_deref(),
        }
    }
}

/// What a form gives for an event (validated by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInput {
    pub event_type: EventType,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub description_lv: Option<String>,
    pub description_en: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub territory_id: Option<i64>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub series: Option<String>,
    pub capacity: Option<i64>,
    pub registration_deadline: Option<i64>,
    pub is_public: bool,
    pub objectives: Vec<Objective>,
    pub target_group: Option<TargetGroup>,
    pub host_country: Option<String>,
    /// (organisation id, "organiser" or "partner").
    pub organisations: Vec<(i64, String)>,
    /// The plan's measures the event serves.
    pub measures: Vec<i64>,
}

macro_rules! select_events {
    ($tail:literal) => {
        concat!(
            "SELECT e.id, e.event_type, e.title_lv, e.title_en, e.description_lv, e.description_en, ",
            "e.starts_at, e.ends_at, e.territory_id, t.name_lv, e.address, e.online_url, e.series, ",
            "e.capacity, e.registration_deadline, e.is_public, e.objectives, e.target_group, ",
            "e.host_country, e.status, e.updated_at, e.published_at, e.sequence FROM events e LEFT JOIN territories t ON t.id = e.territory_id ",
            "LEFT JOIN territories tu ON tu.id = t.parent_id ",
            $tail
        )
    };
}

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Event {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row as _;
        let event_type: String = r.try_get(1)?;
        let objectives: String = r.try_get(16)?;
        let status: String = r.try_get(19)?;
        Ok(Event {
            id: r.try_get(0)?,
            event_type: EventType::parse(&event_type).unwrap_or(EventType::Other),
            title_lv: r.try_get(2)?,
            title_en: r.try_get(3)?,
            description_lv: r.try_get(4)?,
            description_en: r.try_get(5)?,
            starts_at: r.try_get(6)?,
            ends_at: r.try_get(7)?,
            territory_id: r.try_get(8)?,
            territory_name: r.try_get(9)?,
            address: r.try_get(10)?,
            online_url: r.try_get(11)?,
            series: r.try_get(12)?,
            capacity: r.try_get(13)?,
            registration_deadline: r.try_get(14)?,
            is_public: r.try_get(15)?,
            objectives: crate::split_codes(&objectives),
            target_group: crate::optional_code(r, 17)?,
            host_country: r.try_get(18)?,
            status: EventStatus::parse(&status).unwrap_or(EventStatus::Draft),
            updated_at: r.try_get(20)?,
            published_at: r.try_get(21)?,
            sequence: r.try_get(22)?,
            organisations: Vec::new(),
        })
    }
}

async fn organisations_of(db: &Db, id: i64) -> crate::Result<Vec<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT o.id, o.name_lv, eo.role FROM event_organisations eo JOIN organisations o ON o.id = eo.organisation_id
         WHERE eo.event_id = $1 ORDER BY eo.role DESC, o.sort_key",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?)
}

/// Fills the organisers and partners of listed events, in one query.
pub async fn fill_organisations(db: &Db, events: &mut [Event]) -> crate::Result<()> {
    let ids = serde_json::to_string(&events.iter().map(|e| e.id).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".to_owned());
    let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT eo.event_id, o.id, o.name_lv, eo.role FROM event_organisations eo
         JOIN organisations o ON o.id = eo.organisation_id
         WHERE eo.event_id IN (SELECT value FROM json_each($1))
         ORDER BY eo.event_id, eo.role DESC, o.sort_key",
    )
    .bind(ids)
    .fetch_all(&db.reader)
    .await?;
    for e in events.iter_mut() {
        e.organisations = rows
            .iter()
            .filter(|r| r.0 == e.id)
            .map(|r| (r.1, r.2.clone(), r.3.clone()))
            .collect();
    }
    Ok(())
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Event> {
    let mut e = sqlx::query_as::<_, Event>(select_events!("WHERE e.id = $1"))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)?;
    e.organisations = organisations_of(db, id).await?;
    Ok(e)
}

/// Which events a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything (coordinators' list).
    All,
    /// Public events that are not drafts (the public calendar).
    Public,
}

/// Narrows a list of events; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub event_type: Option<EventType>,
    /// The planning region of the event's place (a town's is its unit's).
    pub region: Option<domain::territory::PlanningRegion>,
}

/// Events starting from `from` (upcoming, soonest first) or before it (past, latest first).
pub async fn list(
    db: &Db,
    scope: Scope,
    filter: &EventFilter,
    upcoming: bool,
    from: i64,
    limit: i64,
) -> crate::Result<Vec<Event>> {
    let public = scope == Scope::Public;
    let event_type = filter.event_type.map(EventType::as_str);
    let region = filter.region.map(domain::territory::PlanningRegion::as_str);
    let query = if upcoming {
        sqlx::query_as(select_events!(
            "WHERE e.ends_at >= $1 AND ($2 = 0 OR (e.is_public = 1 AND e.published_at IS NOT NULL AND e.status <> 'draft'))
               AND ($4 IS NULL OR e.event_type = $4)
               AND ($5 IS NULL OR COALESCE(t.planning_region, tu.planning_region) = $5)
             ORDER BY e.starts_at, e.id LIMIT $3"
        ))
    } else {
        sqlx::query_as(select_events!(
            "WHERE e.ends_at < $1 AND ($2 = 0 OR (e.is_public = 1 AND e.published_at IS NOT NULL AND e.status <> 'draft'))
               AND ($4 IS NULL OR e.event_type = $4)
               AND ($5 IS NULL OR COALESCE(t.planning_region, tu.planning_region) = $5)
             ORDER BY e.starts_at DESC, e.id DESC LIMIT $3"
        ))
    };
    let rows: Vec<Event> = query
        .bind(from)
        .bind(public)
        .bind(limit)
        .bind(event_type)
        .bind(region)
        .fetch_all(&db.reader)
        .await?;
    Ok(rows)
}

/// Events overlapping `[from, to)` (UTC seconds), soonest first: a month of the calendar.
pub async fn in_range(
    db: &Db,
    scope: Scope,
    filter: &EventFilter,
    from: i64,
    to: i64,
    limit: i64,
) -> crate::Result<Vec<Event>> {
    let public = scope == Scope::Public;
    Ok(sqlx::query_as(select_events!(
        "WHERE e.starts_at < $2 AND e.ends_at >= $1
           AND ($3 = 0 OR (e.is_public = 1 AND e.published_at IS NOT NULL AND e.status <> 'draft'))
           AND ($4 IS NULL OR e.event_type = $4)
           AND ($5 IS NULL OR COALESCE(t.planning_region, tu.planning_region) = $5)
         ORDER BY e.starts_at, e.id LIMIT $6"
    ))
    .bind(from)
    .bind(to)
    .bind(public)
    .bind(filter.event_type.map(EventType::as_str))
    .bind(filter.region.map(domain::territory::PlanningRegion::as_str))
    .bind(limit)
    .fetch_all(&db.reader)
    .await?)
}

async fn write_organisations(
    conn: &mut sqlx::SqliteConnection,
    id: i64,
    orgs: &[(i64, String)],
) -> crate::Result<()> {
    sqlx::query("DELETE FROM event_organisations WHERE event_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (org, role) in orgs {
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM organisations WHERE id = $1 AND merged_into_id IS NULL",
        )
        .bind(org)
        .fetch_optional(&mut *conn)
        .await?;
        exists.ok_or(Error::Conflict(crate::EventConflict::Organisation.into()))?;
        sqlx::query("INSERT OR REPLACE INTO event_organisations (event_id, organisation_id, role) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(org)
            .bind(role)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn check_territory(conn: &mut sqlx::SqliteConnection, t: Option<i64>) -> crate::Result<()> {
    if let Some(t) = t {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE id = $1")
            .bind(t)
            .fetch_optional(&mut *conn)
            .await?;
        found.ok_or(Error::Conflict(crate::EventConflict::Territory.into()))?;
    }
    Ok(())
}

pub async fn create(db: &Db, now: i64, actor: &Actor, i: &EventInput) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    check_territory(&mut tx, i.territory_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO events (event_type, title_lv, title_en, description_lv, description_en, starts_at, ends_at,
             territory_id, address, online_url, series, capacity, registration_deadline, is_public, objectives,
             target_group, host_country, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'draft', $18, $18)
         RETURNING id",
    )
    .bind(i.event_type.as_str())
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .bind(i.description_lv.as_deref())
    .bind(i.description_en.as_deref())
    .bind(i.starts_at)
    .bind(i.ends_at)
    .bind(i.territory_id)
    .bind(i.address.as_deref())
    .bind(i.online_url.as_deref())
    .bind(i.series.as_deref())
    .bind(i.capacity)
    .bind(i.registration_deadline)
    .bind(i.is_public)
    .bind(crate::joined(&i.objectives))
    .bind(i.target_group.map(TargetGroup::as_str))
    .bind(i.host_country.as_deref())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    write_organisations(&mut tx, id, &i.organisations).await?;
    crate::measures::link_in(&mut tx, "event", id, &i.measures).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::EventCreated).on("event", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &EventInput,
) -> crate::Result<()> {
    update_checked(db, now, actor, id, i, None).await
}

/// Changes an event if it is still at `expected` (`crate::versions`): refused as stale when
/// someone saved it since the form was loaded.
pub async fn update_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &EventInput,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "events", id, expected).await?;
    check_territory(&mut tx, i.territory_id).await?;
    // An event held (or reported), or with attendance or minutes, has happened: it cannot
    // be moved to a start still to come.
    let happened: bool = sqlx::query_scalar(
        "SELECT status IN ('held', 'reported')
                OR EXISTS (SELECT 1 FROM attendances WHERE event_id = $1)
                OR EXISTS (SELECT 1 FROM event_minutes WHERE event_id = $1)
         FROM events WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .unwrap_or(false);
    if happened && i.starts_at > now {
        return Err(Error::Conflict(crate::EventConflict::NotStarted.into()));
    }
    let n = sqlx::query(
        "UPDATE events SET event_type = $1, title_lv = $2, title_en = $3, description_lv = $4, description_en = $5,
             starts_at = $6, ends_at = $7, territory_id = $8, address = $9, online_url = $10, series = $11,
             capacity = $12, registration_deadline = $13, is_public = $14, objectives = $15, target_group = $16,
             host_country = $17, updated_at = $18, sequence = sequence + 1
         WHERE id = $19",
    )
    .bind(i.event_type.as_str())
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .bind(i.description_lv.as_deref())
    .bind(i.description_en.as_deref())
    .bind(i.starts_at)
    .bind(i.ends_at)
    .bind(i.territory_id)
    .bind(i.address.as_deref())
    .bind(i.online_url.as_deref())
    .bind(i.series.as_deref())
    .bind(i.capacity)
    .bind(i.registration_deadline)
    .bind(i.is_public)
    .bind(crate::joined(&i.objectives))
    .bind(i.target_group.map(TargetGroup::as_str))
    .bind(i.host_country.as_deref())
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    write_organisations(&mut tx, id, &i.organisations).await?;
    crate::measures::link_in(&mut tx, "event", id, &i.measures).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::EventUpdated).on("event", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves an event along its lifecycle; a move the lifecycle does not allow is
/// `EventConflict::Status`.
pub async fn set_status(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    to: EventStatus,
) -> crate::Result<()> {
    set_status_notifying(db, now, actor, id, to, |_, _, _| None)
        .await
        .map(|_| ())
}

/// [`set_status`], and when the event is cancelled, a mail from `notify` (given the name, the
/// language, and whether the person was only invited) to everyone registered or waiting and
/// everyone invited who has not answered,
/// queued in the same transaction. Returns how many were told.
pub async fn set_status_notifying(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    to: EventStatus,
    notify: impl Fn(&str, &str, bool) -> Option<crate::outbox::Outgoing>,
) -> crate::Result<usize> {
    let mut tx = db.write().await?;
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT status, starts_at FROM events WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (current, starts_at) = row.ok_or(Error::NotFound)?;
    let current = EventStatus::parse(&current).ok_or(Error::NotFound)?;
    if !current.can_become(to) {
        return Err(Error::Conflict(crate::EventConflict::Status.into()));
    }
    // Held (or reported) once it has begun: a meeting still to come has not happened.
    if matches!(to, EventStatus::Held | EventStatus::Reported) && now < starts_at {
        return Err(Error::Conflict(crate::EventConflict::NotStarted.into()));
    }
    sqlx::query(
        "UPDATE events SET status = $1, updated_at = $2, sequence = sequence + 1, version = version + 1,
             published_at = CASE WHEN $1 = 'published' THEN COALESCE(published_at, $2) ELSE published_at END
         WHERE id = $3",
    )
        .bind(to.as_str())
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::EventStatusChanged)
            .on("event", id)
            .detail(format!("{}→{}", current.as_str(), to.as_str())),
    )
    .await?;
    let mut told = 0;
    if to == EventStatus::Cancelled {
        // Everyone registered with an address (one registered by phone without one is told
        // by phone), then everyone invited who has not answered yet — each address once.
        let mut addresses = std::collections::HashSet::new();
        for r in crate::registrations::active_in(&mut tx, id).await? {
            if r.email.is_empty() || !addresses.insert(r.email.trim().to_lowercase()) {
                continue;
            }
            if let Some(m) = notify(&r.name, &r.lang, false) {
                crate::outbox::enqueue_in(&mut tx, now, &r.email, &m).await?;
                told += 1;
            }
        }
        let invited: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT name, email, lang FROM invitations
             WHERE event_id = $1 AND status = 'sent' ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        for (name, email, lang) in invited {
            if email.is_empty() || !addresses.insert(email.trim().to_lowercase()) {
                continue;
            }
            if let Some(m) = notify(&name, &lang, true) {
                crate::outbox::enqueue_in(&mut tx, now, &email, &m).await?;
                told += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(told)
}

/// Who a cancellation would tell: registrations with an address and unanswered
/// invitations, each address once (as [`set_status_notifying`] counts them).
pub async fn cancellation_audience(db: &Db, id: i64) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(DISTINCT lower(email)) FROM (
             SELECT email FROM registrations
             WHERE event_id = $1 AND status <> 'cancelled' AND email <> ''
             UNION ALL
             SELECT email FROM invitations WHERE event_id = $1 AND status = 'sent' AND email <> '')",
    )
    .bind(id)
    .fetch_one(&db.reader)
    .await?)
}

/// How many events there are, in any status.
pub async fn count_all(db: &Db) -> crate::Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&db.reader)
        .await?)
}

/// The ids of every event of a type, the earliest first.
pub async fn ids_of_type(db: &Db, event_type: &str) -> crate::Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM events WHERE event_type = $1 ORDER BY starts_at")
            .bind(event_type)
            .fetch_all(&db.reader)
            .await?,
    )
}

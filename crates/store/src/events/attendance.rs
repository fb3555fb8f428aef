//! Attendance: who came to an event. At check-in a snapshot is taken of what the
//! statistics count — stakeholder category, organisation, place (and the Latvian state
//! city or municipality it belonged to on the event's date), gender, age and, only with a
//! consent, Roma self-identification — so figures for a past event never change when a
//! person later changes job or city.
//!
//! Who may see or change an event's attendance is decided here, in the queries: the
//! national coordinators for every event ([`Scope::All`]), other users only for events
//! their organisation organises ([`Scope::Organiser`]). Anything else is `NotFound`.

use domain::audit::AuditAction;
use domain::directory::OrgKind;
use domain::event::riga_date;
use domain::participation::{self, Category};
use domain::text::fold;
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};

/// Whose attendance lists a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Only events this organisation organises.
    Organiser(i64),
    /// Nothing (a user with no organisation).
    Nothing,
}

/// How an attendance came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Registration,
    WalkIn,
    Import,
    Api,
}

impl Source {
    /// Where the consent to self-declared answers was given for this source.
    fn consent_source(self) -> &'static str {
        match self {
            Source::Registration => "registration",
            Source::WalkIn => "door",
            Source::Import => "sheet",
            Source::Api => "api",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Registration => "registration",
            Source::WalkIn => "walk_in",
            Source::Import => "import",
            Source::Api => "api",
        }
    }
}

/// What a participant declared at the door (or on a sign-in sheet). Statistics fields are
/// given only with the participant's consent; the caller leaves them empty otherwise.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    pub name: String,
    pub email: Option<String>,
    /// The registry person this is, when the coordinator chose one.
    pub person_id: Option<i64>,
    /// This event's registration this is (an imported line matched to a registrant).
    pub registration_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub organisation_text: Option<String>,
    pub territory_id: Option<i64>,
    pub gender: Option<String>,
    pub age_group: Option<String>,
    pub roma_self_identified: Option<String>,
    pub category: Option<Category>,
    /// The notice version under which the statistics answers above were given (with
    /// their consent); `None` when none were given.
    pub stats_notice_version: Option<String>,
}

/// One attendance as the lists show it (the Roma answer is never shown one by one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    pub id: i64,
    pub event_id: i64,
    pub person_id: Option<i64>,
    pub registration_id: Option<i64>,
    pub name: String,
    pub category: Category,
    pub category_overridden: bool,
    pub organisation_name: Option<String>,
    pub place_name: Option<String>,
    pub gender: Option<String>,
    pub age_group: Option<String>,
    pub source: String,
    pub checked_in_at: i64,
}

type Row = (
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    String,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    i64,
);

const SELECT: &str = "SELECT a.id, a.event_id, a.person_id, a.registration_id, a.name, a.category,
        a.category_overridden, a.organisation_name, t.name_lv, a.gender, a.age_group, a.source,
        a.checked_in_at
     FROM attendances a LEFT JOIN territories t ON t.id = a.territory_id";

fn from_row(r: Row) -> Attendance {
    Attendance {
        id: r.0,
        event_id: r.1,
        person_id: r.2,
        registration_id: r.3,
        name: r.4,
        category: Category::parse(&r.5).unwrap_or(Category::Other),
        category_overridden: r.6,
        organisation_name: r.7,
        place_name: r.8,
        gender: r.9,
        age_group: r.10,
        source: r.11,
        checked_in_at: r.12,
    }
}

/// The event, if the scope may see its attendance: (status, starts_at).
async fn event_in_scope(
    conn: &mut SqliteConnection,
    scope: Scope,
    event_id: i64,
) -> crate::Result<(String, i64)> {
    let org = match scope {
        Scope::All => None,
        Scope::Organiser(o) => Some(o),
        Scope::Nothing => return Err(Error::NotFound),
    };
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT e.status, e.starts_at FROM events e WHERE e.id = $1
           AND ($2 IS NULL OR EXISTS (SELECT 1 FROM event_organisations o
                 WHERE o.event_id = e.id AND o.organisation_id = $2 AND o.role = 'organiser'))",
    )
    .bind(event_id)
    .bind(org)
    .fetch_optional(&mut *conn)
    .await?;
    row.ok_or(Error::NotFound)
}

/// Whether the scope may see this event's attendance (else `NotFound`).
pub async fn visible(db: &Db, scope: Scope, event_id: i64) -> crate::Result<()> {
    let mut conn = db.reader.acquire().await?;
    event_in_scope(&mut conn, scope, event_id).await.map(|_| ())
}

/// Attendance can be taken while the event is on (published, registration closed) and
/// after it was held; not for a draft, a cancelled or an already reported event.
fn open_for_check_in(status: &str) -> bool {
    matches!(status, "published" | "registration_closed" | "held")
}

/// The attendances of an event, by name.
pub async fn for_event(db: &Db, scope: Scope, event_id: i64) -> crate::Result<Vec<Attendance>> {
    let mut conn = db.reader.acquire().await?;
    event_in_scope(&mut conn, scope, event_id).await?;
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE a.event_id = $1 ORDER BY a.search_key, a.id"
    )))
    .bind(event_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// A line of the check-in screen: a registration (confirmed or waiting) or a walk-in,
/// with its attendance if checked in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterLine {
    pub registration_id: Option<i64>,
    pub name: String,
    pub organisation: Option<String>,
    /// confirmed, waiting, or walk_in / import / api for people who were not registered.
    pub status: String,
    pub attendance: Option<Attendance>,
}

/// The check-in screen's lines, by name; `query` (folded: case and diacritics ignored)
/// keeps the lines whose name contains it.
pub async fn roster(
    db: &Db,
    scope: Scope,
    event_id: i64,
    query: &str,
) -> crate::Result<Vec<RosterLine>> {
    let present = for_event(db, scope, event_id).await?;
    let regs: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
        "SELECT r.id, r.name, COALESCE(o.name_lv, r.organisation_text), r.status
         FROM registrations r LEFT JOIN organisations o ON o.id = r.organisation_id
         WHERE r.event_id = $1 AND r.status <> 'cancelled'",
    )
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    let mut lines: Vec<RosterLine> = regs
        .into_iter()
        .map(|(id, name, org, status)| RosterLine {
            registration_id: Some(id),
            attendance: present
                .iter()
                .find(|a| a.registration_id == Some(id))
                .cloned(),
            name,
            organisation: org,
            status,
        })
        .collect();
    for a in present.iter().filter(|a| a.registration_id.is_none()) {
        lines.push(RosterLine {
            registration_id: None,
            name: a.name.clone(),
            organisation: a.organisation_name.clone(),
            status: a.source.clone(),
            attendance: Some(a.clone()),
        });
    }
    let q = fold(query);
    lines.retain(|l| q.is_empty() || fold(&l.name).contains(&q));
    lines.sort_by_cached_key(|l| (domain::text::latvian_sort_key(&l.name), l.registration_id));
    Ok(lines)
}

/// What the snapshot records.
#[derive(Debug, Default)]
struct Snapshot {
    person_id: Option<i64>,
    identity_key: String,
    name: String,
    category: Option<Category>,
    category_overridden: bool,
    organisation_id: Option<i64>,
    organisation_name: Option<String>,
    territory_id: Option<i64>,
    place_unit_id: Option<i64>,
    gender: Option<String>,
    age_years: Option<i64>,
    age_group: Option<String>,
    roma: Option<String>,
    consent_source: Option<&'static str>,
    notice_version: Option<String>,
}

/// The registry person with this e-mail, if any (not a merged duplicate, nor one whose
/// processing is restricted).
async fn person_by_email(conn: &mut SqliteConnection, email: &str) -> crate::Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT p.id FROM person_emails e JOIN people p ON p.id = e.person_id
         WHERE lower(e.email) = lower($1) AND p.merged_into_id IS NULL
           AND p.restricted_at IS NULL",
    )
    .bind(email.trim())
    .fetch_optional(&mut *conn)
    .await?)
}

/// Builds the snapshot from what was declared, filling gaps from the registry person.
async fn snapshot(
    db: &Db,
    conn: &mut SqliteConnection,
    starts_at: i64,
    source: Source,
    d: &Declared,
) -> crate::Result<Snapshot> {
    let date = riga_date(starts_at);
    let mut s = Snapshot {
        name: d.name.trim().to_owned(),
        gender: d.gender.clone(),
        age_group: d.age_group.clone(),
        roma: d.roma_self_identified.clone(),
        territory_id: d.territory_id,
        ..Snapshot::default()
    };
    if d.gender.is_some() || d.age_group.is_some() || d.roma_self_identified.is_some() {
        s.consent_source = Some(source.consent_source());
        s.notice_version = d.stats_notice_version.clone();
    }
    s.person_id = match (d.person_id, &d.email) {
        (Some(p), _) => Some(p),
        (None, Some(e)) if !e.trim().is_empty() => person_by_email(conn, e).await?,
        _ => None,
    };
    let mut org_kind: Option<OrgKind> = None;
    let mut mediator = false;
    if let Some(pid) = s.person_id {
        type P = (String, Option<i64>, Option<String>, Option<i64>);
        let p: Option<P> = sqlx::query_as(
            "SELECT name, territory_id, gender, birth_year FROM people
             WHERE id = $1 AND merged_into_id IS NULL",
        )
        .bind(pid)
        .fetch_optional(&mut *conn)
        .await?;
        let (name, territory, gender, birth_year) = p.ok_or(Error::NotFound)?;
        if s.name.is_empty() {
            s.name = name;
        }
        s.territory_id = s.territory_id.or(territory);
        if s.gender.is_none() {
            s.gender = gender.filter(|g| matches!(g.as_str(), "female" | "male" | "other"));
        }
        if let Some(by) = birth_year {
            let age = i64::from(date.year()) - by;
            s.age_years = Some(age);
            if s.age_group.is_none() {
                s.age_group = i32::try_from(age)
                    .ok()
                    .and_then(participation::age_group)
                    .map(str::to_owned);
            }
        }
        if s.roma.is_none() {
            // Only a standing consent carries the answer (the row exists only then).
            // Its consent is the registry's.
            let v: Option<String> =
                sqlx::query_scalar("SELECT value FROM person_roma_identity WHERE person_id = $1")
                    .bind(pid)
                    .fetch_optional(&mut *conn)
                    .await?;
            s.roma = v.filter(|v| matches!(v.as_str(), "yes" | "no"));
            if s.roma.is_some() {
                s.consent_source = Some("registry");
            }
        }
        // The organisation the person belonged to on the event's date (the latest).
        if d.organisation_id.is_none() && d.organisation_text.is_none() {
            s.organisation_id = sqlx::query_scalar(
                "SELECT m.organisation_id FROM memberships m
                 JOIN organisations o ON o.id = m.organisation_id AND o.merged_into_id IS NULL
                 WHERE m.person_id = $1
                   AND (m.from_date IS NULL OR m.from_date <= $2)
                   AND (m.to_date IS NULL OR m.to_date >= $2)
                 ORDER BY m.from_date DESC, m.id DESC LIMIT 1",
            )
            .bind(pid)
            .bind(date.to_string())
            .fetch_optional(&mut *conn)
            .await?;
        }
        mediator = sqlx::query_scalar::<_, i64>(
            "SELECT EXISTS (SELECT 1 FROM users WHERE person_id = $1 AND role = 'mediator')
                 OR EXISTS (SELECT 1 FROM memberships WHERE person_id = $1
                            AND (role_key LIKE '%mediator%' OR role_key LIKE '%mediators%'))",
        )
        .bind(pid)
        .fetch_one(&mut *conn)
        .await?
            != 0;
        s.identity_key = format!("p:{pid}");
    }
    if s.organisation_id.is_none() {
        s.organisation_id = d.organisation_id;
    }
    if let Some(oid) = s.organisation_id {
        let o: Option<(String, String, Option<i64>)> =
            sqlx::query_as("SELECT name_lv, kind, territory_id FROM organisations WHERE id = $1")
                .bind(oid)
                .fetch_optional(&mut *conn)
                .await?;
        let (name, kind, territory) = o.ok_or(Error::NotFound)?;
        s.organisation_name = Some(name);
        org_kind = OrgKind::parse(&kind);
        s.territory_id = s.territory_id.or(territory);
    } else {
        s.organisation_name = d
            .organisation_text
            .as_ref()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty());
    }
    if let Some(t) = s.territory_id {
        let known: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE id = $1")
            .bind(t)
            .fetch_optional(&mut *conn)
            .await?;
        known.ok_or(Error::NotFound)?;
        s.place_unit_id = match crate::territories::unit_on(db, t, date).await {
            Ok(u) if u.country == "LV" => Some(u.id),
            Ok(_) | Err(Error::NotFound) => None,
            Err(e) => return Err(e),
        };
    }
    s.category_overridden = d.category.is_some();
    s.category = Some(d.category.unwrap_or(Category::derive(org_kind, mediator)));
    if s.identity_key.is_empty() {
        s.identity_key = match &d.email {
            Some(e) if !e.trim().is_empty() => format!("e:{}", e.trim().to_lowercase()),
            _ => format!("n:{}", fold(&s.name)),
        };
    }
    Ok(s)
}

/// The number statistics count a participant by: a registry person's id, else the
/// negative id of their `participants` row (made on first sight).
async fn participant_of(
    conn: &mut SqliteConnection,
    person_id: Option<i64>,
    identity_key: &str,
) -> crate::Result<i64> {
    if let Some(p) = person_id {
        return Ok(p);
    }
    sqlx::query("INSERT OR IGNORE INTO participants (identity_key) VALUES ($1)")
        .bind(identity_key)
        .execute(&mut *conn)
        .await?;
    let id: i64 = sqlx::query_scalar("SELECT id FROM participants WHERE identity_key = $1")
        .bind(identity_key)
        .fetch_one(&mut *conn)
        .await?;
    Ok(-id)
}

/// Links past attendances known only by this e-mail to the registry person who now has it
/// (called when an address is added to a person), so they count as one person.
pub(crate) async fn link_email(
    conn: &mut SqliteConnection,
    person_id: i64,
    email: &str,
) -> crate::Result<()> {
    sqlx::query(
        "UPDATE attendances SET person_id = $1, participant = $1
         WHERE person_id IS NULL AND identity_key = $2",
    )
    .bind(person_id)
    .bind(format!("e:{}", email.trim().to_lowercase()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn insert(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    event_id: i64,
    registration_id: Option<i64>,
    source: Source,
    s: &Snapshot,
) -> crate::Result<i64> {
    // Attendance opens on the meeting's day (people come before it begins), never earlier.
    let starts_at: Option<i64> = sqlx::query_scalar("SELECT starts_at FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
    let day =
        domain::event::riga_day_start(domain::event::riga_date(starts_at.ok_or(Error::NotFound)?));
    if now < day {
        return Err(Error::Conflict(crate::EventConflict::NotStarted.into()));
    }
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM attendances WHERE event_id = $1
           AND (identity_key = $2 OR ($3 IS NOT NULL AND person_id = $3)
                OR ($4 IS NOT NULL AND registration_id = $4))",
    )
    .bind(event_id)
    .bind(&s.identity_key)
    .bind(s.person_id)
    .bind(registration_id)
    .fetch_optional(&mut *conn)
    .await?;
    if taken.is_some() {
        return Err(Error::Conflict(crate::EventConflict::AlreadyPresent.into()));
    }
    // An event whose records were anonymised under the storage limit takes no more: who is
    // present can no longer be told.
    let anonymised: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM attendances WHERE event_id = $1 AND identity_key LIKE 'anon:%' LIMIT 1",
    )
    .bind(event_id)
    .fetch_optional(&mut *conn)
    .await?;
    if anonymised.is_some() {
        return Err(Error::Conflict(crate::EventConflict::Closed.into()));
    }
    let participant = participant_of(conn, s.person_id, &s.identity_key).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO attendances (event_id, person_id, registration_id, identity_key, name,
             search_key, category, category_overridden, organisation_id, organisation_name,
             territory_id, place_unit_id, gender, age_years, age_group, roma_self_identified,
             source, checked_in_at, checked_in_by, stats_consent_source, stats_notice_version,
             participant)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
                 $20, $21, $22)
         RETURNING id",
    )
    .bind(event_id)
    .bind(s.person_id)
    .bind(registration_id)
    .bind(&s.identity_key)
    .bind(&s.name)
    .bind(fold(&s.name))
    .bind(s.category.unwrap_or(Category::Other).as_str())
    .bind(s.category_overridden)
    .bind(s.organisation_id)
    .bind(s.organisation_name.as_deref())
    .bind(s.territory_id)
    .bind(s.place_unit_id)
    .bind(s.gender.as_deref())
    .bind(s.age_years)
    .bind(s.age_group.as_deref())
    .bind(s.roma.as_deref())
    .bind(source.as_str())
    .bind(now)
    .bind(actor.user_id)
    .bind(s.consent_source)
    .bind(s.notice_version.as_deref())
    .bind(participant)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| Error::unique(e, crate::EventConflict::AlreadyPresent.into()))?;
    audit::record(
        conn,
        now,
        actor,
        &AuditEvent::new(AuditAction::AttendanceRecorded)
            .on("event", event_id)
            .detail(format!("attendance={id} {}", source.as_str())),
    )
    .await?;
    Ok(id)
}

/// Checks in a registrant (confirmed or waiting — whoever came, came). The registration's
/// answers are the declaration; a registration by a registry person's e-mail is linked
/// to that person. Errors: `NotFound`, `EventConflict::Closed`, `EventConflict::AlreadyPresent`.
pub async fn check_in_registration(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    registration_id: i64,
    category: Option<Category>,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let (status, starts_at) = event_in_scope(&mut tx, scope, event_id).await?;
    if !open_for_check_in(&status) {
        return Err(Error::Conflict(crate::EventConflict::Closed.into()));
    }
    type R = (
        String,
        String,
        Option<i64>,
        Option<i64>,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let r: Option<R> = sqlx::query_as(
        "SELECT name, email, person_id, organisation_id, organisation_text, territory_id,
                gender, age_group, roma_self_identified, stats_notice_version
         FROM registrations WHERE id = $1 AND event_id = $2 AND status <> 'cancelled'",
    )
    .bind(registration_id)
    .bind(event_id)
    .fetch_optional(&mut *tx)
    .await?;
    let r = r.ok_or(Error::NotFound)?;
    let declared = Declared {
        name: r.0,
        email: Some(r.1),
        person_id: r.2,
        organisation_id: r.3,
        organisation_text: r.4,
        territory_id: r.5,
        gender: r.6,
        age_group: r.7,
        roma_self_identified: r.8,
        category,
        registration_id: None,
        stats_notice_version: r.9,
    };
    let s = snapshot(db, &mut tx, starts_at, Source::Registration, &declared).await?;
    if s.person_id.is_some() && declared.person_id.is_none() {
        sqlx::query("UPDATE registrations SET person_id = $1 WHERE id = $2")
            .bind(s.person_id)
            .bind(registration_id)
            .execute(&mut *tx)
            .await?;
    }
    let id = insert(
        &mut tx,
        now,
        actor,
        event_id,
        Some(registration_id),
        Source::Registration,
        &s,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Records someone who came without registering (or from a sign-in sheet, or the API).
pub async fn add(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    source: Source,
    d: &Declared,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = add_in(db, &mut tx, now, actor, scope, event_id, source, d).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`add`] inside the caller's transaction (an import adds all its lines or none).
#[expect(clippy::too_many_arguments)]
pub(crate) async fn add_in(
    db: &Db,
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    source: Source,
    d: &Declared,
) -> crate::Result<i64> {
    let (status, starts_at) = event_in_scope(conn, scope, event_id).await?;
    if !open_for_check_in(&status) {
        return Err(Error::Conflict(crate::EventConflict::Closed.into()));
    }
    let mut d = d.clone();
    if let Some(r) = d.registration_id {
        // The registrant: their registry person and address, unless given.
        let ours: Option<(Option<i64>, String)> = sqlx::query_as(
            "SELECT person_id, email FROM registrations
             WHERE id = $1 AND event_id = $2 AND status <> 'cancelled'",
        )
        .bind(r)
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
        let (person, email) = ours.ok_or(Error::NotFound)?;
        d.person_id = d.person_id.or(person);
        // Someone registered by phone may have no address.
        d.email = d.email.or(Some(email).filter(|e| !e.is_empty()));
    }
    let d = &d;
    let s = snapshot(db, conn, starts_at, source, d).await?;
    insert(conn, now, actor, event_id, d.registration_id, source, &s).await
}

/// Applies a previewed sign-in sheet (an `import_batches` row of this user): every line
/// or none, and the batch only once. `kept` replaces the stored plan (without personal
/// data). Errors as [`add_all`]; `EventConflict::Applied` for a batch already applied.
#[expect(clippy::too_many_arguments)]
pub async fn apply_import(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    batch_id: i64,
    user_id: i64,
    kept: &str,
    lines: &[Declared],
) -> Result<Vec<i64>, (usize, Error)> {
    let mut tx = db.write().await.map_err(|e| (0, e))?;
    let n = sqlx::query(
        "UPDATE import_batches SET applied_at = $1, plan = $2
         WHERE id = $3 AND user_id = $4 AND applied_at IS NULL",
    )
    .bind(now)
    .bind(kept)
    .bind(batch_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await
    .map_err(|e| (0, e.into()))?
    .rows_affected();
    if n == 0 {
        return Err((0, Error::Conflict(crate::EventConflict::Applied.into())));
    }
    let mut ids = Vec::with_capacity(lines.len());
    for (i, d) in lines.iter().enumerate() {
        ids.push(
            add_in(db, &mut tx, now, actor, scope, event_id, Source::Import, d)
                .await
                .map_err(|e| (i, e))?,
        );
    }
    tx.commit().await.map_err(|e| (0, e.into()))?;
    Ok(ids)
}

/// Adds many attendances in one transaction: all of them, or (on the first error,
/// returned with the line's index) none.
pub async fn add_all(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    source: Source,
    lines: &[Declared],
) -> Result<Vec<i64>, (usize, Error)> {
    let mut tx = db.write().await.map_err(|e| (0, e))?;
    let mut ids = Vec::with_capacity(lines.len());
    for (i, d) in lines.iter().enumerate() {
        ids.push(
            add_in(db, &mut tx, now, actor, scope, event_id, source, d)
                .await
                .map_err(|e| (i, e))?,
        );
    }
    tx.commit().await.map_err(|e| (0, e.into()))?;
    Ok(ids)
}

/// Takes back a check-in made by mistake.
pub async fn remove(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    attendance_id: i64,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let (status, _) = event_in_scope(&mut tx, scope, event_id).await?;
    if !open_for_check_in(&status) {
        return Err(Error::Conflict(crate::EventConflict::Closed.into()));
    }
    let n = sqlx::query("DELETE FROM attendances WHERE id = $1 AND event_id = $2")
        .bind(attendance_id)
        .bind(event_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::AttendanceRemoved)
            .on("event", event_id)
            .detail(format!("attendance={attendance_id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Overrides (or, with `None`, re-derives nothing and keeps) the category of one
/// attendance.
pub async fn set_category(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    attendance_id: i64,
    category: Category,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let (status, _) = event_in_scope(&mut tx, scope, event_id).await?;
    if !open_for_check_in(&status) {
        return Err(Error::Conflict(crate::EventConflict::Closed.into()));
    }
    let n = sqlx::query(
        "UPDATE attendances SET category = $1, category_overridden = 1 WHERE id = $2 AND event_id = $3",
    )
    .bind(category.as_str())
    .bind(attendance_id)
    .bind(event_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::AttendanceCategorySet)
            .on("event", event_id)
            .detail(format!("attendance={attendance_id} {}", category.as_str())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A possible duplicate of a walk-in: someone with the same folded name in the registry
/// (`person`), among this event's registrations (`registration`) or already present
/// (`present`). (kind, id, name, organisation)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Similar {
    pub kind: &'static str,
    pub id: i64,
    pub name: String,
    pub organisation: Option<String>,
}

/// Possible duplicates of a walk-in's name (or e-mail).
/// `by_email`: match registry people by e-mail too (only for those who may search the
/// directory by e-mail; others could otherwise probe for addresses).
pub async fn similar(
    db: &Db,
    event_id: i64,
    name: &str,
    email: Option<&str>,
    by_email: bool,
) -> crate::Result<Vec<Similar>> {
    let key = fold(name);
    let email = email.map(|e| e.trim().to_lowercase()).unwrap_or_default();
    let registry_email = if by_email {
        email.clone()
    } else {
        String::new()
    };
    let mut out = Vec::new();
    let present: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, organisation_name FROM attendances WHERE event_id = $1 AND search_key = $2",
    )
    .bind(event_id)
    .bind(&key)
    .fetch_all(&db.reader)
    .await?;
    out.extend(present.into_iter().map(|(id, name, org)| Similar {
        kind: "present",
        id,
        name,
        organisation: org,
    }));
    let regs: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, email_key, organisation_text FROM registrations
         WHERE event_id = $1 AND status <> 'cancelled'",
    )
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    out.extend(
        regs.into_iter()
            .filter(|(_, n, e, _)| fold(n) == key || (!email.is_empty() && *e == email))
            .map(|(id, name, _, org)| Similar {
                kind: "registration",
                id,
                name,
                organisation: org,
            }),
    );
    let people: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT p.id, p.name,
                (SELECT o.name_lv FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                  WHERE m.person_id = p.id AND m.to_date IS NULL ORDER BY m.id DESC LIMIT 1)
         FROM people p
         WHERE p.merged_into_id IS NULL AND p.restricted_at IS NULL AND (p.search_key = $1
            OR ($2 <> '' AND EXISTS (SELECT 1 FROM person_emails e
                                      WHERE e.person_id = p.id AND lower(e.email) = $2)))
         ORDER BY p.id LIMIT 20",
    )
    .bind(&key)
    .bind(&registry_email)
    .fetch_all(&db.reader)
    .await?;
    out.extend(people.into_iter().map(|(id, name, org)| Similar {
        kind: "person",
        id,
        name,
        organisation: org,
    }));
    Ok(out)
}

/// Erases the self-declared answers (gender, age, Roma self-identification) that a
/// participant gave — at every event, not only this one — when they withdraw their
/// consent. The attendance itself stays (they came); the figures count them as "not
/// stated" from now on. Coordinators only (`Scope::All`). Returns how many attendances
/// changed.
pub async fn erase_answers(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: Scope,
    event_id: i64,
    attendance_id: i64,
) -> crate::Result<u64> {
    if scope != Scope::All {
        return Err(Error::NotFound);
    }
    let mut tx = db.write().await?;
    let participant: Option<Option<i64>> =
        sqlx::query_scalar("SELECT participant FROM attendances WHERE id = $1 AND event_id = $2")
            .bind(attendance_id)
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?;
    let participant = participant.ok_or(Error::NotFound)?;
    let n = sqlx::query(
        "UPDATE attendances SET gender = NULL, age_years = NULL, age_group = NULL,
             roma_self_identified = NULL, stats_consent_source = NULL, stats_notice_version = NULL
         WHERE id = $1 OR ($2 IS NOT NULL AND participant = $2)",
    )
    .bind(attendance_id)
    .bind(participant)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::AttendanceAnswersErased)
            .on("event", event_id)
            .detail(format!("attendance={attendance_id} rows={n}")),
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

/// Anonymises every attendance record of one participant (`participant`, their number in
/// the statistics) at once, so that no figure changes: the name, the e-mail or name key, the
/// organisation, the exact place (the municipality stays) and the link to the registry
/// person go, and so do their registrations' details; the stakeholder type, gender, age and
/// Roma self-identification stay. They are counted from now on by a number that is not a
/// registry person's id (someone known only by e-mail or name keeps theirs, with the key
/// forgotten), so someone who comes again later counts as a new participant. Two records of
/// them at one event (possible once two records were found to be one person) become the
/// latest one, which the figures already describe them by. Returns the records changed.
pub(crate) async fn anonymise_participant(
    conn: &mut SqliteConnection,
    participant: i64,
) -> crate::Result<u64> {
    let number = if participant > 0 {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO participants (identity_key) VALUES ('anon:new') RETURNING id",
        )
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query("UPDATE participants SET identity_key = 'anon:' || id WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        -id
    } else {
        sqlx::query("UPDATE participants SET identity_key = 'anon:' || id WHERE id = $1")
            .bind(-participant)
            .execute(&mut *conn)
            .await?;
        participant
    };
    // The registry person's last activity stays known (the storage limit for people counts
    // from it) once the link goes.
    sqlx::query(
        "UPDATE people SET last_active_at = MAX(COALESCE(last_active_at, 0),
             (SELECT MAX(e.ends_at) FROM attendances a JOIN events e ON e.id = a.event_id
              WHERE a.person_id = people.id))
         WHERE id IN (SELECT person_id FROM attendances
                      WHERE participant = $1 AND person_id IS NOT NULL)",
    )
    .bind(participant)
    .execute(&mut *conn)
    .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE registrations SET {}
         WHERE id IN (SELECT registration_id FROM attendances WHERE participant = $1)",
        crate::registrations::ANONYMISED
    )))
    .bind(participant)
    .execute(&mut *conn)
    .await?;
    // A duplicate's registration goes to the record kept, when that has none, so the
    // registration is not left without its attendance.
    sqlx::query(
        "UPDATE attendances SET registration_id = (
             SELECT d.registration_id FROM attendances d
             WHERE d.participant = $1 AND d.event_id = attendances.event_id
               AND d.id < attendances.id AND d.registration_id IS NOT NULL
             ORDER BY d.id DESC LIMIT 1)
         WHERE participant = $1 AND registration_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM attendances b WHERE b.participant = $1
                            AND b.event_id = attendances.event_id AND b.id > attendances.id)
           AND EXISTS (SELECT 1 FROM attendances d WHERE d.participant = $1
                        AND d.event_id = attendances.event_id AND d.id < attendances.id
                        AND d.registration_id IS NOT NULL)",
    )
    .bind(participant)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "DELETE FROM attendances WHERE participant = $1
           AND EXISTS (SELECT 1 FROM attendances b WHERE b.participant = $1
                        AND b.event_id = attendances.event_id AND b.id > attendances.id)",
    )
    .bind(participant)
    .execute(&mut *conn)
    .await?;
    // Who checked them in and the minute they came go too: the event's start stands for it.
    let n = sqlx::query(
        "UPDATE attendances SET participant = $2, person_id = NULL, identity_key = 'anon:' || id,
             name = '', search_key = '', organisation_id = NULL, organisation_name = NULL,
             territory_id = place_unit_id, checked_in_by = NULL,
             checked_in_at = (SELECT e.starts_at FROM events e WHERE e.id = attendances.event_id)
         WHERE participant = $1",
    )
    .bind(participant)
    .bind(number)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    forget_unused_participants(conn).await?;
    Ok(n)
}

/// Deletes the numbers of participants known only by an address or a name that no
/// attendance counts by any more (linked to a registry person, removed, anonymised): the
/// address or name in them goes.
pub(crate) async fn forget_unused_participants(conn: &mut SqliteConnection) -> crate::Result<()> {
    sqlx::query(
        "DELETE FROM participants
         WHERE NOT EXISTS (SELECT 1 FROM attendances a WHERE a.participant = -participants.id)",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The participants whose last event ended before `cutoff` and who still have a record
/// not anonymised (in no particular order: the numbers given are not in id order).
pub(crate) async fn participants_last_seen_before(
    conn: &mut SqliteConnection,
    cutoff: i64,
) -> crate::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT a.participant FROM attendances a JOIN events e ON e.id = a.event_id
         WHERE a.participant IS NOT NULL
         GROUP BY a.participant
         HAVING MAX(e.ends_at) < $1 AND SUM(a.identity_key NOT LIKE 'anon:%') > 0
         ORDER BY random()",
    )
    .bind(cutoff)
    .fetch_all(&mut *conn)
    .await?)
}

/// The people an event's lists name, as access-log subjects (`domain::privacy`): each
/// registration's registry person or else its address, and each attendance's registry
/// person or else the address it was recorded by; cancelled registrations too when asked.
pub async fn event_subjects(
    db: &Db,
    event_id: i64,
    with_cancelled: bool,
) -> crate::Result<Vec<String>> {
    let rows: Vec<(Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT person_id, CASE WHEN email <> '' THEN email END FROM registrations
         WHERE event_id = $1 AND ($2 OR status <> 'cancelled')
         UNION
         SELECT person_id, CASE WHEN identity_key LIKE 'e:%' THEN substr(identity_key, 3) END
         FROM attendances WHERE event_id = $1",
    )
    .bind(event_id)
    .bind(with_cancelled)
    .fetch_all(&db.reader)
    .await?;
    let mut out: Vec<String> = rows
        .into_iter()
        .filter_map(|(person, email)| match (person, email) {
            (Some(p), _) => Some(domain::privacy::person_subject(p)),
            (None, Some(e)) => Some(domain::privacy::email_subject(&e)),
            (None, None) => None,
        })
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

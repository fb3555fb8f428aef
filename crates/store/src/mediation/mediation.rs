//! Roma mediation, first part: mediators' assignments to municipalities (work plan,
//! reception hours, supervisor), and the families a mediator works with, under generated
//! pseudonymous codes. Names, contact details and schools are stored only sealed
//! (`domain::sealed`, the keyring passed in); every view or change of a family's record
//! writes an access-log row in the same transaction. A mediator reaches only the families
//! they work with — decided in the queries ([`CaseScope`]); nobody else reaches a family.

use domain::audit::AuditAction;
use domain::mediation::{CaseStatus, CloseReason, ContactArea, ContactPlace, Gender, Relation};
use domain::sealed::Keyring;
use jiff::civil::Date;
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};

/// True when the database holds any mediation record (then a lost key must not be replaced
/// by a new one).
pub async fn has_sealed_records(db: &Db) -> crate::Result<bool> {
    Ok(
        // Families, and the second factors' keys sealed under the same key file: a new key
        // would lock every enrolled account out.
        sqlx::query_scalar::<_, i64>(
            "SELECT EXISTS (SELECT 1 FROM families) OR EXISTS (SELECT 1 FROM totp_factors)",
        )
        .fetch_one(&db.reader)
        .await?
            != 0,
    )
}

/// The associated data a value is sealed with: its column and the record's code, so a sealed
/// value copied into another column or another family's row does not open.
pub(crate) fn place(column: &str, code: &str) -> String {
    format!("{column}|{code}")
}

/// Whose cases a caller reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseScope {
    /// The mediator (a user id): the families they work with.
    Mediator(i64),
    /// A supervisor (a user id) on a day: reads, never writes, the families of the mediators
    /// a current assignment in the family's municipality names them to supervise (while they
    /// are an active coordinator); each opening with a stated reason.
    Supervisor(i64, Date),
    Nothing,
}

/// SQL: `FROM … WHERE …` over the assignments (`sa`) through which user `user` supervises
/// on day `today` (both placeholders): current, naming them, while they are an active
/// coordinator. The one rule for who supervises whom.
pub(crate) fn current_supervision(user: &str, today: &str) -> String {
    format!(
        "FROM mediation_assignments sa JOIN users su ON su.id = sa.supervisor_user_id
         WHERE sa.supervisor_user_id = {user}
           AND su.role = 'coordinator' AND su.disabled_at IS NULL
           AND sa.from_date <= {today}
           AND (sa.to_date IS NULL OR sa.to_date >= {today})"
    )
}

/// SQL: family `f` is supervised on day `today` by user `user` (both placeholders): through
/// a current assignment of its mediator in its municipality.
pub(crate) fn supervised_by(user: &str, today: &str) -> String {
    format!(
        "EXISTS (SELECT 1 {} AND sa.mediator_user_id = f.mediator_user_id
                   AND sa.territory_id = f.territory_id)",
        current_supervision(user, today)
    )
}

impl CaseScope {
    /// The mediator who may change the records (`NotFound` for anyone else).
    pub(crate) fn mediator(self) -> crate::Result<i64> {
        match self {
            CaseScope::Mediator(m) => Ok(m),
            CaseScope::Supervisor(..) | CaseScope::Nothing => Err(Error::NotFound),
        }
    }

    /// The user reading, the SQL condition on `f` (families) that decides what they reach —
    /// with the user id as `$2` and a day as `$3` — and that day.
    fn reader(self) -> crate::Result<(i64, String, String)> {
        match self {
            CaseScope::Mediator(m) => Ok((
                m,
                "f.mediator_user_id = $2 AND $3 IS NOT NULL".to_owned(),
                String::new(),
            )),
            CaseScope::Supervisor(s, today) => {
                Ok((s, supervised_by("$2", "$3"), today.to_string()))
            }
            CaseScope::Nothing => Err(Error::NotFound),
        }
    }
}

/// Why a supervisor opens a case: the purposes they choose from. The access log keeps
/// `supervision:<purpose>` in the clear and the supervisor's note sealed.
pub const SUPERVISION_PURPOSES: &[&str] = domain::mediation::SupervisionPurpose::CODES;

/// The access log's purpose for a supervisor's opening.
pub const SUPERVISION_PREFIX: &str = "supervision:";

/// Before sealed notes, a supervisor's reason was kept in the clear after this prefix.
const LEGACY_PREFIX: &str = "supervision: ";

/// A family member's place in the family.
pub const RELATIONS: &[&str] = domain::mediation::Relation::CODES;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub id: i64,
    pub mediator_user_id: i64,
    pub mediator_name: String,
    pub territory_id: i64,
    pub territory_name: String,
    pub from_date: Date,
    pub to_date: Option<Date>,
    pub hours_per_week: Option<i64>,
    pub reception: Option<String>,
    pub supervisor_user_id: Option<i64>,
    pub supervisor_name: Option<String>,
    /// Since when the supervisor is in effect, and who approved them (none for those
    /// appointed before approvals, or by the demo).
    pub supervisor_since: Option<i64>,
    pub approved_by_name: Option<String>,
    /// A supervisor proposed and awaiting a second coordinator's approval.
    pub proposal: Option<Proposal>,
}

/// A supervisor awaiting approval: who, proposed by whom (none: the command line), when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub supervisor_user_id: i64,
    pub supervisor_name: String,
    pub by_user_id: Option<i64>,
    pub by_name: Option<String>,
    pub at: i64,
}

impl Assignment {
    pub fn is_current(&self, today: Date) -> bool {
        self.from_date <= today && self.to_date.is_none_or(|t| t >= today)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentInput {
    pub mediator_user_id: i64,
    pub territory_id: i64,
    pub from_date: Date,
    pub to_date: Option<Date>,
    pub hours_per_week: Option<i64>,
    pub reception: Option<String>,
    pub supervisor_user_id: Option<i64>,
}

/// Every assignment, current ones first (by municipality), then ended ones.
pub async fn assignments(db: &Db) -> crate::Result<Vec<Assignment>> {
    let rows = sqlx::query(
        "SELECT a.id, a.mediator_user_id, u.name AS mediator_name, a.territory_id,
                t.name_lv AS territory_name, a.from_date, a.to_date, a.hours_per_week,
                a.reception, a.supervisor_user_id, s.name AS supervisor_name,
                a.supervisor_since, ap.name AS approved_by_name,
                a.proposed_supervisor_user_id, p.name AS proposed_name, a.proposed_by,
                pb.name AS proposed_by_name, a.proposed_at
         FROM mediation_assignments a
         JOIN users u ON u.id = a.mediator_user_id
         JOIN territories t ON t.id = a.territory_id
         LEFT JOIN users s ON s.id = a.supervisor_user_id
         LEFT JOIN users ap ON ap.id = a.supervisor_approved_by
         LEFT JOIN users p ON p.id = a.proposed_supervisor_user_id
         LEFT JOIN users pb ON pb.id = a.proposed_by
         ORDER BY a.to_date IS NOT NULL, t.name_lv, a.from_date DESC",
    )
    .fetch_all(&db.reader)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        out.extend(assignment_of(r)?);
    }
    Ok(out)
}

/// An assignment from its row (`None` for a date that does not parse).
fn assignment_of(r: &sqlx::sqlite::SqliteRow) -> Result<Option<Assignment>, sqlx::Error> {
    use sqlx::Row as _;
    let proposal = match (
        r.try_get::<Option<i64>, _>("proposed_supervisor_user_id")?,
        r.try_get::<Option<String>, _>("proposed_name")?,
        r.try_get::<Option<i64>, _>("proposed_at")?,
    ) {
        (Some(id), Some(name), Some(at)) => Some(Proposal {
            supervisor_user_id: id,
            supervisor_name: name,
            by_user_id: r.try_get("proposed_by")?,
            by_name: r.try_get("proposed_by_name")?,
            at,
        }),
        _ => None,
    };
    let from: String = r.try_get("from_date")?;
    let to: Option<String> = r.try_get("to_date")?;
    let Ok(from_date) = from.parse() else {
        return Ok(None);
    };
    Ok(Some(Assignment {
        id: r.try_get("id")?,
        mediator_user_id: r.try_get("mediator_user_id")?,
        mediator_name: r.try_get("mediator_name")?,
        territory_id: r.try_get("territory_id")?,
        territory_name: r.try_get("territory_name")?,
        from_date,
        to_date: to.and_then(|d| d.parse().ok()),
        hours_per_week: r.try_get("hours_per_week")?,
        reception: r.try_get("reception")?,
        supervisor_user_id: r.try_get("supervisor_user_id")?,
        supervisor_name: r.try_get("supervisor_name")?,
        supervisor_since: r.try_get("supervisor_since")?,
        approved_by_name: r.try_get("approved_by_name")?,
        proposal,
    }))
}

/// Assigns a mediator (a user with the mediator role) to a Latvian municipality. A supervisor
/// named is proposed, in effect only once a second coordinator approves it
/// ([`crate::supervisors`]); it must be an active coordinator. `mails` (to the coordinators
/// who may approve) go out with it. `MediationConflict::Mediator`, `MediationConflict::Territory`,
/// `MediationConflict::Supervisor` name what is wrong.
pub async fn add_assignment(
    db: &Db,
    now: i64,
    actor: &Actor,
    i: &AssignmentInput,
    mails: &[(String, crate::outbox::Outgoing)],
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    if !crate::users::is_active_in_role(&mut tx, i.mediator_user_id, domain::auth::Role::Mediator)
        .await?
    {
        return Err(Error::Conflict(crate::MediationConflict::Mediator.into()));
    }
    let territory: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM territories WHERE id = $1 AND country = 'LV'
           AND kind IN ('state_city', 'municipality')",
    )
    .bind(i.territory_id)
    .fetch_optional(&mut *tx)
    .await?;
    territory.ok_or(Error::Conflict(crate::MediationConflict::Territory.into()))?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO mediation_assignments (mediator_user_id, territory_id, from_date, to_date,
             hours_per_week, reception, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(i.mediator_user_id)
    .bind(i.territory_id)
    .bind(i.from_date.to_string())
    .bind(i.to_date.map(|d| d.to_string()))
    .bind(i.hours_per_week)
    .bind(i.reception.as_deref())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(s) = i.supervisor_user_id {
        crate::supervisors::propose_in(&mut tx, now, actor, id, i.mediator_user_id, s).await?;
    }
    crate::supervisors::queue(&mut tx, now, mails).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::MediationAssigned)
            .on("user", i.mediator_user_id)
            .detail(format!("assignment={id} territory={}", i.territory_id)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends an assignment with `today` as its last day (an assignment ending later or never);
/// with it ends the supervisor's access through it. `NotFound` for an unknown or already
/// ended one.
pub async fn end_assignment(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    id: i64,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let changed = sqlx::query(
        "UPDATE mediation_assignments SET to_date = $1
         WHERE id = $2 AND from_date <= $1 AND (to_date IS NULL OR to_date > $1)",
    )
    .bind(today.to_string())
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::NotFound);
    }
    crate::versions::claim(&mut tx, "mediation_assignments", id, None).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::MediationAssignmentEnded).detail(format!("assignment={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The municipalities a mediator is assigned to on `day`: (id, name).
pub async fn territories_of(
    db: &Db,
    mediator: i64,
    day: Date,
) -> crate::Result<Vec<(i64, String)>> {
    let mut list: Vec<(i64, String)> = sqlx::query_as(
        "SELECT DISTINCT t.id, t.name_lv FROM mediation_assignments a
         JOIN territories t ON t.id = a.territory_id
         WHERE a.mediator_user_id = $1 AND a.from_date <= $2
           AND (a.to_date IS NULL OR a.to_date >= $2)",
    )
    .bind(mediator)
    .bind(day.to_string())
    .fetch_all(&db.reader)
    .await?;
    // In Latvian alphabetical order (Ā after A, not after Z).
    list.sort_by_cached_key(|(_, name)| domain::text::latvian_sort_key(name));
    Ok(list)
}

/// A family as listed: no names (opening them is a view of the record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilySummary {
    pub id: i64,
    pub code: String,
    pub territory_name: String,
    pub household_size: Option<i64>,
    pub status: CaseStatus,
    pub members: i64,
    /// The date of the latest contact (`None`: never contacted).
    pub last_contact: Option<String>,
    /// The next step the latest contact planned, if any.
    pub next_date: Option<String>,
}

/// The families a scope reaches, active ones first.
pub async fn families(db: &Db, scope: CaseScope) -> crate::Result<Vec<FamilySummary>> {
    let Ok((reader, condition, day)) = scope.reader() else {
        return Ok(Vec::new());
    };
    type Row = (
        i64,
        String,
        String,
        Option<i64>,
        String,
        i64,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT f.id, f.code, t.name_lv, f.household_size, f.status,
                (SELECT COUNT(*) FROM family_members m WHERE m.family_id = f.id),
                c.contact_date, c.next_date
         FROM families f JOIN territories t ON t.id = f.territory_id
         LEFT JOIN mediation_contacts c ON c.id = (
             SELECT c2.id FROM mediation_contacts c2 WHERE c2.family_id = f.id
             ORDER BY c2.contact_date DESC, c2.id DESC LIMIT 1)
         WHERE $1 = 1 AND {condition}
         ORDER BY CASE f.status WHEN 'active' THEN 0 WHEN 'dormant' THEN 1 ELSE 2 END, f.code"
    )))
    .bind(1)
    .bind(reader)
    .bind(&day)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| FamilySummary {
            id: r.0,
            code: r.1,
            territory_name: r.2,
            household_size: r.3,
            status: crate::from_code(&r.4),
            members: r.5,
            last_contact: r.6,
            next_date: r.7,
        })
        .collect())
}

/// What the family form gives (name and contact only when the mediator needs them).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct FamilyInput {
    pub territory_id: i64,
    pub household_size: Option<i64>,
    pub name: Option<String>,
    pub contact: Option<String>,
}

/// A new pseudonymous code: a letter and six characters, random, never from a name.
fn new_code(prefix: char) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let tail: String = (0..6)
        .map(|_| char::from(ALPHABET[domain::token::random_below(ALPHABET.len())]))
        .collect();
    format!("{prefix}-{tail}")
}

/// A code not yet used in `table` ("families" or "family_members").
async fn free_code(
    conn: &mut SqliteConnection,
    table: &str,
    prefix: char,
) -> crate::Result<String> {
    let sql = if table == "families" {
        "SELECT id FROM families WHERE code = $1"
    } else {
        "SELECT id FROM family_members WHERE code = $1"
    };
    loop {
        let code = new_code(prefix);
        let taken: Option<i64> = sqlx::query_scalar(sql)
            .bind(&code)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            return Ok(code);
        }
    }
}

pub(crate) async fn log_access(
    conn: &mut SqliteConnection,
    now: i64,
    user: i64,
    family: i64,
    member: Option<i64>,
    action: &str,
    purpose: &str,
) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO mediation_access_log (at, user_id, family_id, member_id, action, purpose)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(now)
    .bind(user)
    .bind(family)
    .bind(member)
    .bind(action)
    .bind(purpose)
    .fetch_one(conn)
    .await?)
}

/// A mediator opens a family in one of the municipalities they are assigned to today
/// (`MediationConflict::Territory` otherwise). Returns the id and the generated code.
pub async fn create_family(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    keys: &Keyring,
    scope: CaseScope,
    i: &FamilyInput,
) -> crate::Result<(i64, String)> {
    let mediator = scope.mediator()?;
    if !territories_of(db, mediator, today)
        .await?
        .iter()
        .any(|t| t.0 == i.territory_id)
    {
        return Err(Error::Conflict(crate::MediationConflict::Territory.into()));
    }
    let mut tx = db.write().await?;
    let code = free_code(&mut tx, "families", 'F').await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO families (code, territory_id, mediator_user_id, household_size, status,
             name_sealed, contact_sealed, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'active', $5, $6, $7, $7) RETURNING id",
    )
    .bind(&code)
    .bind(i.territory_id)
    .bind(mediator)
    .bind(i.household_size)
    .bind(
        i.name
            .as_deref()
            .map(|n| keys.seal(&place("families.name", &code), n)),
    )
    .bind(
        i.contact
            .as_deref()
            .map(|c| keys.seal(&place("families.contact", &code), c)),
    )
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    log_access(&mut tx, now, mediator, id, None, "change", "case_work").await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::FamilyOpened).on("family", id),
    )
    .await?;
    tx.commit().await?;
    Ok((id, code))
}

/// A member as the mediator sees them.
#[derive(Clone, PartialEq, Eq)]
pub struct Member {
    pub id: i64,
    pub code: String,
    pub birth_year: Option<i64>,
    pub gender: Option<Gender>,
    pub relation: Relation,
    pub school: Option<String>,
    pub grade: Option<i64>,
    pub name: Option<String>,
}

/// The mediator's family, for a write: its code (`NotFound` when not theirs).
pub(crate) async fn own_family(
    conn: &mut SqliteConnection,
    scope: CaseScope,
    family_id: i64,
) -> crate::Result<(i64, String)> {
    let mediator = scope.mediator()?;
    let code: String =
        sqlx::query_scalar("SELECT code FROM families WHERE id = $1 AND mediator_user_id = $2")
            .bind(family_id)
            .bind(mediator)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(Error::NotFound)?;
    Ok((mediator, code))
}

/// A member of this family: their relation and birth year (`MediationConflict::Member` otherwise).
pub(crate) async fn member_of(
    conn: &mut SqliteConnection,
    family_id: i64,
    member_id: i64,
) -> crate::Result<(String, Option<i64>)> {
    sqlx::query_as(
        "SELECT relation, birth_year FROM family_members WHERE id = $1 AND family_id = $2",
    )
    .bind(member_id)
    .bind(family_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::Conflict(crate::MediationConflict::Member.into()))
}

/// Marks a change of a family's record: its `updated_at` and an access-log row.
pub(crate) async fn touch(
    conn: &mut SqliteConnection,
    now: i64,
    mediator: i64,
    family_id: i64,
    member: Option<i64>,
) -> crate::Result<()> {
    sqlx::query("UPDATE families SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(family_id)
        .execute(&mut *conn)
        .await?;
    log_access(
        conn,
        now,
        mediator,
        family_id,
        member,
        "change",
        "case_work",
    )
    .await?;
    Ok(())
}

/// A family's record, opened.
#[derive(Clone, PartialEq, Eq)]
pub struct Family {
    pub id: i64,
    pub code: String,
    pub territory_id: i64,
    pub territory_name: String,
    pub household_size: Option<i64>,
    pub status: CaseStatus,
    pub name: Option<String>,
    pub contact: Option<String>,
    pub members: Vec<Member>,
    pub closed_reason: Option<CloseReason>,
    pub closed_on: Option<Date>,
    /// The case log's contacts, the latest first.
    pub contacts: Vec<Contact>,
    pub consents: Vec<crate::mediation_log::Consent>,
    pub referrals: Vec<crate::mediation_log::Referral>,
    pub followups: Vec<crate::mediation_log::Followup>,
}

pub(crate) fn open(
    keys: &Keyring,
    place: &str,
    v: Option<Vec<u8>>,
) -> crate::Result<Option<String>> {
    v.map(|b| keys.open(place, &b))
        .transpose()
        .map_err(|e| Error::Other(sqlx::Error::Decode(format!("{place}: {e}").into())))
}

type FamilyRow = (
    i64,
    String,
    i64,
    String,
    Option<i64>,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<String>,
    Option<String>,
);

type MemberRow = (
    i64,
    String,
    Option<i64>,
    Option<String>,
    String,
    Option<Vec<u8>>,
    Option<i64>,
    Option<Vec<u8>>,
);

/// Opens a family's record for its mediator, or for their supervisor (`NotFound` for anyone
/// else, also for a guessed id) and logs the view with its purpose, in one transaction.
pub async fn family(
    db: &Db,
    now: i64,
    keys: &Keyring,
    scope: CaseScope,
    id: i64,
    purpose: &str,
    note: Option<&str>,
) -> crate::Result<Family> {
    let (reader, condition, day) = scope.reader()?;
    let mut tx = db.write().await?;
    let row: Option<FamilyRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT f.id, f.code, f.territory_id, t.name_lv, f.household_size, f.status,
                f.name_sealed, f.contact_sealed, f.closed_reason, f.closed_on
         FROM families f JOIN territories t ON t.id = f.territory_id
         WHERE f.id = $1 AND {condition}"
    )))
    .bind(id)
    .bind(reader)
    .bind(&day)
    .fetch_optional(&mut *tx)
    .await?;
    let reader_actor = Actor {
        user_id: Some(reader),
        label: None,
        ip: None,
    };
    let Some(row) = row else {
        // A family not theirs (or none): the attempt is kept, with the id only.
        audit::record(
            &mut tx,
            now,
            &reader_actor,
            &AuditEvent::new(AuditAction::FamilyAccessDenied).on("family", id),
        )
        .await?;
        tx.commit().await?;
        return Err(Error::NotFound);
    };
    let members: Vec<MemberRow> = sqlx::query_as(
        "SELECT id, code, birth_year, gender, relation, school_sealed, grade, name_sealed
         FROM family_members WHERE family_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let contact_rows = contact_rows(&mut tx, id).await?;
    let log = crate::mediation_log::rows(&mut tx, id).await?;
    let logged = log_access(&mut tx, now, reader, id, None, "view", purpose).await?;
    if let Some(n) = note {
        sqlx::query("UPDATE mediation_access_log SET note_sealed = $1 WHERE id = $2")
            .bind(keys.seal(&place("mediation_access_log.note", &row.1), n))
            .bind(logged)
            .execute(&mut *tx)
            .await?;
    }
    if matches!(scope, CaseScope::Supervisor(..)) {
        audit::record(
            &mut tx,
            now,
            &reader_actor,
            &AuditEvent::new(AuditAction::FamilySupervised).on("family", id),
        )
        .await?;
    }
    tx.commit().await?;
    let code = row.1.clone();
    let contacts = open_contacts(keys, &code, contact_rows)?;
    let mut list = Vec::new();
    for m in members {
        list.push(Member {
            id: m.0,
            code: m.1.clone(),
            birth_year: m.2,
            gender: m.3.as_deref().map(crate::from_code),
            relation: crate::from_code(&m.4),
            school: open(keys, &place("family_members.school", &m.1), m.5)?,
            grade: m.6,
            name: open(keys, &place("family_members.name", &m.1), m.7)?,
        });
    }
    let (consents, referrals, followups) = crate::mediation_log::open_rows(keys, &code, log)?;
    Ok(Family {
        id: row.0,
        code: row.1.clone(),
        territory_id: row.2,
        territory_name: row.3,
        household_size: row.4,
        status: crate::from_code(&row.5),
        name: open(keys, &place("families.name", &row.1), row.6)?,
        contact: open(keys, &place("families.contact", &row.1), row.7)?,
        closed_reason: row.8.as_deref().map(crate::from_code),
        closed_on: row.9.and_then(|d| d.parse().ok()),
        contacts,
        members: list,
        consents,
        referrals,
        followups,
    })
}

/// What the member form gives.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct MemberInput {
    pub birth_year: Option<i64>,
    pub gender: Option<Gender>,
    pub relation: Relation,
    pub school: Option<String>,
    pub grade: Option<i64>,
    pub name: Option<String>,
}

/// Adds a member to one of the mediator's families (`NotFound` otherwise); logged as a
/// change of the record.
pub async fn add_member(
    db: &Db,
    now: i64,
    actor: &Actor,
    keys: &Keyring,
    scope: CaseScope,
    family_id: i64,
    i: &MemberInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let (mediator, _) = own_family(&mut tx, scope, family_id).await?;
    let code = free_code(&mut tx, "family_members", 'P').await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO family_members (family_id, code, birth_year, gender, relation, school_sealed,
             grade, name_sealed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(family_id)
    .bind(&code)
    .bind(i.birth_year)
    .bind(i.gender.map(Gender::as_str))
    .bind(i.relation.as_str())
    .bind(
        i.school
            .as_deref()
            .map(|s| keys.seal(&place("family_members.school", &code), s)),
    )
    .bind(i.grade)
    .bind(
        i.name
            .as_deref()
            .map(|n| keys.seal(&place("family_members.name", &code), n)),
    )
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, now, mediator, family_id, Some(id)).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::FamilyMemberAdded).on("family", family_id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// One access-log row as the mediator sees it: the purpose's code, and a supervisor's note
/// opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub at: i64,
    pub who: String,
    pub action: String,
    pub purpose: String,
    pub note: Option<String>,
}

/// An access-log row as read: when, who, action, purpose, family code, sealed note.
pub(crate) type AccessRow = (i64, String, String, String, String, Option<Vec<u8>>);

/// The rows with their notes opened.
pub(crate) fn open_access(keys: &Keyring, rows: Vec<AccessRow>) -> crate::Result<Vec<Access>> {
    rows.into_iter()
        .map(|(at, who, action, purpose, code, note)| {
            Ok(Access {
                at,
                who,
                action,
                purpose,
                note: open(keys, &place("mediation_access_log.note", &code), note)?,
            })
        })
        .collect()
}

/// Who viewed or changed a family the scope reaches, the latest first.
pub async fn access_log(
    db: &Db,
    keys: &Keyring,
    scope: CaseScope,
    family_id: i64,
) -> crate::Result<Vec<Access>> {
    let (reader, condition, day) = scope.reader()?;
    let rows: Vec<AccessRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT l.at, u.name, l.action, l.purpose, f.code, l.note_sealed
         FROM mediation_access_log l
         JOIN users u ON u.id = l.user_id
         JOIN families f ON f.id = l.family_id
         WHERE l.family_id = $1 AND {condition}
         ORDER BY l.id DESC LIMIT 200"
    )))
    .bind(family_id)
    .bind(reader)
    .bind(&day)
    .fetch_all(&db.reader)
    .await?;
    open_access(keys, rows)
}

/// Seals the reasons supervisors stated in the clear before notes were sealed: each
/// `supervision: <text>` becomes `supervision:other` with the text sealed, in one
/// transaction. Run when the platform starts with its key; returns how many.
pub async fn seal_legacy_reasons(db: &Db, keys: &Keyring) -> crate::Result<usize> {
    let mut tx = db.write().await?;
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT l.id, l.purpose, f.code FROM mediation_access_log l
         JOIN families f ON f.id = l.family_id
         WHERE l.purpose LIKE 'supervision: %'",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (id, purpose, code) in &rows {
        let text = purpose
            .strip_prefix(LEGACY_PREFIX)
            .unwrap_or(purpose)
            .trim();
        let sealed =
            (!text.is_empty()).then(|| keys.seal(&place("mediation_access_log.note", code), text));
        sqlx::query("UPDATE mediation_access_log SET purpose = $1, note_sealed = $2 WHERE id = $3")
            .bind(format!("{SUPERVISION_PREFIX}other"))
            .bind(sealed)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}

/// Where a contact took place.
pub const PLACES: &[&str] = domain::mediation::ContactPlace::CODES;

/// The areas a contact can be about.
pub const AREAS: &[&str] = domain::mediation::ContactArea::CODES;

/// A contact with a family, opened.
#[derive(Clone, PartialEq, Eq)]
pub struct Contact {
    pub id: i64,
    pub member_code: Option<String>,
    pub date: Date,
    pub duration_minutes: Option<i64>,
    pub place: ContactPlace,
    pub areas: Vec<ContactArea>,
    pub institution: Option<String>,
    pub done: Option<String>,
    pub outcome: Option<String>,
    pub next_step: Option<String>,
    pub next_date: Option<Date>,
}

/// What the contact form gives.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ContactInput {
    pub member_id: Option<i64>,
    pub date: Date,
    pub duration_minutes: Option<i64>,
    pub place: ContactPlace,
    pub areas: Vec<ContactArea>,
    pub institution: Option<String>,
    pub done: Option<String>,
    pub outcome: Option<String>,
    pub next_step: Option<String>,
    pub next_date: Option<Date>,
}

/// Records a contact with one of the mediator's families (`NotFound` otherwise; a member
/// of another family is `MediationConflict::Member`), logged as a change of the record.
pub async fn add_contact(
    db: &Db,
    now: i64,
    actor: &Actor,
    keys: &Keyring,
    scope: CaseScope,
    family_id: i64,
    i: &ContactInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let (mediator, code) = own_family(&mut tx, scope, family_id).await?;
    crate::mediation_log::require_case_work_consent(&mut tx, family_id).await?;
    if let Some(m) = i.member_id {
        member_of(&mut tx, family_id, m).await?;
    }
    let seal = |column: &str, v: &Option<String>| {
        v.as_deref().map(|t| keys.seal(&place(column, &code), t))
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO mediation_contacts (family_id, member_id, contact_date, duration_minutes,
             place, areas, institution_sealed, done_sealed, outcome_sealed, next_step_sealed,
             next_date, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(family_id)
    .bind(i.member_id)
    .bind(i.date.to_string())
    .bind(i.duration_minutes)
    .bind(i.place.as_str())
    .bind(crate::joined(&i.areas))
    .bind(seal("mediation_contacts.institution", &i.institution))
    .bind(seal("mediation_contacts.done", &i.done))
    .bind(seal("mediation_contacts.outcome", &i.outcome))
    .bind(seal("mediation_contacts.next_step", &i.next_step))
    .bind(i.next_date.map(|d| d.to_string()))
    .bind(mediator)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, now, mediator, family_id, i.member_id).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ContactRecorded).on("family", family_id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

type ContactRow = (
    i64,
    Option<String>,
    String,
    Option<i64>,
    String,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<String>,
);

/// A family's contact rows, read inside the transaction that logs the view.
async fn contact_rows(
    conn: &mut SqliteConnection,
    family_id: i64,
) -> crate::Result<Vec<ContactRow>> {
    Ok(sqlx::query_as(
        "SELECT c.id, m.code, c.contact_date, c.duration_minutes, c.place, c.areas,
                c.institution_sealed, c.done_sealed, c.outcome_sealed, c.next_step_sealed,
                c.next_date
         FROM mediation_contacts c
         LEFT JOIN family_members m ON m.id = c.member_id
         WHERE c.family_id = $1
         ORDER BY c.contact_date DESC, c.id DESC",
    )
    .bind(family_id)
    .fetch_all(conn)
    .await?)
}

/// Opens a family's contacts (sealed with the family's code).
fn open_contacts(keys: &Keyring, code: &str, rows: Vec<ContactRow>) -> crate::Result<Vec<Contact>> {
    let mut out = Vec::new();
    for r in rows {
        out.push(Contact {
            id: r.0,
            member_code: r.1,
            date: r
                .2
                .parse()
                .map_err(|e| Error::Other(sqlx::Error::Decode(Box::new(e))))?,
            duration_minutes: r.3,
            place: crate::from_code(&r.4),
            areas: crate::split_codes(&r.5),
            institution: open(keys, &place("mediation_contacts.institution", code), r.6)?,
            done: open(keys, &place("mediation_contacts.done", code), r.7)?,
            outcome: open(keys, &place("mediation_contacts.outcome", code), r.8)?,
            next_step: open(keys, &place("mediation_contacts.next_step", code), r.9)?,
            next_date: r.10.and_then(|d| d.parse().ok()),
        });
    }
    Ok(out)
}

/// Debug for records that hold the plaintext of sealed fields: one harmless field only,
/// never a name, a contact or a note.
macro_rules! debug_without_plaintext {
    ($($t:ident => $field:ident),* $(,)?) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($t))
                    .field(stringify!($field), &self.$field)
                    .finish_non_exhaustive()
            }
        }
    )*};
}

pub(crate) use debug_without_plaintext;

debug_without_plaintext!(
    FamilyInput => territory_id,
    Member => code,
    Family => code,
    MemberInput => relation,
    Contact => id,
    ContactInput => place,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_do_not_print_their_plaintext() {
        let f = FamilyInput {
            territory_id: 7,
            household_size: Some(3),
            name: Some("Slepenais vārds".to_owned()),
            contact: Some("tālrunis 2000".to_owned()),
        };
        let shown = format!("{f:?}");
        assert!(shown.contains("territory_id: 7"), "{shown}");
        assert!(
            !shown.contains("Slepenais") && !shown.contains("2000"),
            "{shown}"
        );
        let c = ContactInput {
            place: domain::mediation::ContactPlace::Phone,
            done: Some("piezīme par bērnu".to_owned()),
            ..Default::default()
        };
        assert!(!format!("{c:?}").contains("piezīme"));
    }

    #[test]
    fn codes_are_random_and_not_from_names() {
        let a = new_code('F');
        let b = new_code('F');
        assert!(a.starts_with("F-") && a.len() == 8, "{a}");
        assert_ne!(a, b);
    }
}

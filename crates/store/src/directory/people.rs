//! People: names, e-mails, phone, language, memberships in organisations over time, and
//! the self-declared statistics attributes. Roma self-identification lives in its own
//! table and only together with a standing consent.

use domain::audit::AuditAction;
use domain::directory::{Gender, OrgKind, PURPOSE_ROMA_IDENTITY, RomaIdentity};
use domain::territory::PlanningRegion;
use domain::text::{fold, latvian_sort_key};
use jiff::civil::Date;

use sqlx::SqliteConnection;

use crate::audit::{self, Event};
use crate::organisations::like_pattern;
use crate::{Actor, Db, Error};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub preferred_lang: String,
    pub territory_id: Option<i64>,
    pub territory_name: Option<String>,
    pub gender: Option<Gender>,
    pub birth_year: Option<i32>,
    pub memberships: Vec<Membership>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub role_title: Option<String>,
    pub from_date: Option<Date>,
    pub to_date: Option<Date>,
}

impl Membership {
    pub fn current_on(&self, on: Date) -> bool {
        self.from_date.is_none_or(|f| f <= on) && self.to_date.is_none_or(|t| on <= t)
    }
}

/// What a form or the API gives for a person (validated by the caller).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonInput {
    pub name: String,
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub preferred_lang: String,
    pub territory_id: Option<i64>,
    pub gender: Option<Gender>,
    pub birth_year: Option<i32>,
}

/// A row of the people list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub territory_name: Option<String>,
    /// Current memberships as "organisation (role)".
    pub organisations: Vec<(i64, String, Option<String>)>,
}

#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    pub q: Option<String>,
    pub organisation_id: Option<i64>,
    pub org_kind: Option<OrgKind>,
    pub territory_id: Option<i64>,
    pub region: Option<PlanningRegion>,
    /// Words of a role title ("mediators").
    pub role: Option<String>,
    /// Whether the words typed are also looked for in e-mail addresses (only for those who
    /// may see every contact: nobody else can probe for an address).
    pub search_emails: bool,
    /// The people whose processing is restricted, instead of everyone else (they are in
    /// no other list).
    pub restricted: bool,
}

pub const PAGE_SIZE: i64 = 50;

/// An id, a name and three optional texts.
type FiveCols = (i64, String, Option<String>, Option<String>, Option<String>);
type PersonDbRow = (
    i64,
    String,
    Option<String>,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
);
type MembershipDbRow = (
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A window of people in Latvian alphabetical order, and the total count. Organisation,
/// kind and role filters look at current memberships (on `today`).
pub async fn list(
    db: &Db,
    f: &PersonFilter,
    today: Date,
    window: crate::Window,
) -> crate::Result<(Vec<PersonRow>, i64)> {
    let q =
        f.q.as_deref()
            .map(fold)
            .filter(|q| !q.is_empty())
            .map(|q| like_pattern(&q));
    let role = f
        .role
        .as_deref()
        .map(fold)
        .filter(|q| !q.is_empty())
        .map(|q| like_pattern(&q));
    let email_q = q.clone().filter(|_| f.search_emails);
    let day = today.to_string();
    let region = f.region.map(PlanningRegion::as_str);
    let kind = f.org_kind.map(OrgKind::as_str);
    let rows: Vec<FiveCols> = sqlx::query_as(
        "SELECT p.id, p.name, (SELECT email FROM person_emails e WHERE e.person_id = p.id ORDER BY position, id LIMIT 1),
                p.phone, t.name_lv
         FROM people p
         LEFT JOIN territories t ON t.id = p.territory_id
         LEFT JOIN territories tu ON tu.id = t.parent_id
         WHERE p.merged_into_id IS NULL AND ($1 IS NULL OR p.search_key LIKE $1 ESCAPE '\\'
                OR EXISTS (SELECT 1 FROM person_emails e WHERE e.person_id = p.id AND e.email LIKE $10 ESCAPE '\\'))
           AND (p.restricted_at IS NOT NULL) = $11
           AND ($2 IS NULL OR p.territory_id = $2 OR t.parent_id = $2 OR t.successor_id = $2 OR tu.successor_id = $2)
           AND ($3 IS NULL OR COALESCE(t.planning_region, tu.planning_region) = $3)
           AND ($4 IS NULL AND $5 IS NULL AND $6 IS NULL OR EXISTS (
                SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                WHERE m.person_id = p.id
                  AND (m.from_date IS NULL OR m.from_date <= $7) AND (m.to_date IS NULL OR m.to_date >= $7)
                  AND ($4 IS NULL OR m.organisation_id = $4)
                  AND ($5 IS NULL OR o.kind = $5)
                  AND ($6 IS NULL OR m.role_key LIKE $6 ESCAPE '\\')))
         ORDER BY p.sort_key, p.id LIMIT $8 OFFSET $9",
    )
    .bind(q.as_deref())
    .bind(f.territory_id)
    .bind(region)
    .bind(f.organisation_id)
    .bind(kind)
    .bind(role.as_deref())
    .bind(&day)
    .bind(window.limit)
    .bind(window.offset)
    .bind(email_q.as_deref())
    .bind(f.restricted)
    .fetch_all(&db.reader)
    .await?;
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM people p
         LEFT JOIN territories t ON t.id = p.territory_id
         LEFT JOIN territories tu ON tu.id = t.parent_id
         WHERE p.merged_into_id IS NULL AND ($1 IS NULL OR p.search_key LIKE $1 ESCAPE '\\'
                OR EXISTS (SELECT 1 FROM person_emails e WHERE e.person_id = p.id AND e.email LIKE $8 ESCAPE '\\'))
           AND (p.restricted_at IS NOT NULL) = $9
           AND ($2 IS NULL OR p.territory_id = $2 OR t.parent_id = $2 OR t.successor_id = $2 OR tu.successor_id = $2)
           AND ($3 IS NULL OR COALESCE(t.planning_region, tu.planning_region) = $3)
           AND ($4 IS NULL AND $5 IS NULL AND $6 IS NULL OR EXISTS (
                SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                WHERE m.person_id = p.id
                  AND (m.from_date IS NULL OR m.from_date <= $7) AND (m.to_date IS NULL OR m.to_date >= $7)
                  AND ($4 IS NULL OR m.organisation_id = $4)
                  AND ($5 IS NULL OR o.kind = $5)
                  AND ($6 IS NULL OR m.role_key LIKE $6 ESCAPE '\\')))",
    )
    .bind(q.as_deref())
    .bind(f.territory_id)
    .bind(region)
    .bind(f.organisation_id)
    .bind(kind)
    .bind(role.as_deref())
    .bind(&day)
    .bind(email_q.as_deref())
    .bind(f.restricted)
    .fetch_one(&db.reader)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, name, email, phone, territory_name) in rows {
        let organisations: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT o.id, o.name_lv, m.role_title FROM memberships m JOIN organisations o ON o.id = m.organisation_id
             WHERE m.person_id = $1 AND (m.from_date IS NULL OR m.from_date <= $2) AND (m.to_date IS NULL OR m.to_date >= $2)
             ORDER BY o.sort_key",
        )
        .bind(id)
        .bind(&day)
        .fetch_all(&db.reader)
        .await?;
        out.push(PersonRow {
            id,
            name,
            email,
            phone,
            territory_name,
            organisations,
        });
    }
    Ok((out, total))
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Person> {
    let row: Option<PersonDbRow> =
        sqlx::query_as(
            "SELECT p.id, p.name, p.phone, p.preferred_lang, p.territory_id, t.name_lv, p.gender, p.birth_year
             FROM people p LEFT JOIN territories t ON t.id = p.territory_id WHERE p.id = $1 AND p.merged_into_id IS NULL",
        )
        .bind(id)
        .fetch_optional(&db.reader)
        .await?;
    let Some((id, name, phone, preferred_lang, territory_id, territory_name, gender, birth_year)) =
        row
    else {
        return Err(Error::NotFound);
    };
    let emails = sqlx::query_scalar(
        "SELECT email FROM person_emails WHERE person_id = $1 ORDER BY position, id",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    let memberships: Vec<MembershipDbRow> = sqlx::query_as(
        "SELECT m.id, o.id, o.name_lv, m.role_title, m.from_date, m.to_date
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.person_id = $1 ORDER BY COALESCE(m.from_date, '') DESC, m.id DESC",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    let date = |s: Option<String>| s.and_then(|s| s.parse().ok());
    Ok(Person {
        id,
        name,
        emails,
        phone,
        preferred_lang,
        territory_id,
        territory_name,
        gender: gender.as_deref().and_then(Gender::parse),
        birth_year: birth_year.and_then(|y| i32::try_from(y).ok()),
        memberships: memberships
            .into_iter()
            .map(
                |(id, organisation_id, organisation_name, role_title, from, to)| Membership {
                    id,
                    organisation_id,
                    organisation_name,
                    role_title,
                    from_date: date(from),
                    to_date: date(to),
                },
            )
            .collect(),
    })
}

/// Possible duplicates of a new or edited person: the same e-mail, or the same name after
/// folding case and diacritics. (id, name, why: "email" or "name").
pub async fn similar(
    db: &Db,
    name: &str,
    emails: &[String],
    except: Option<i64>,
) -> crate::Result<Vec<(i64, String, &'static str)>> {
    let mut out: Vec<(i64, String, &'static str)> = Vec::new();
    for e in emails {
        let hit: Option<(i64, String)> = sqlx::query_as(
            "SELECT p.id, p.name FROM person_emails e JOIN people p ON p.id = e.person_id
             WHERE e.email = $1 AND ($2 IS NULL OR p.id <> $2)",
        )
        .bind(e)
        .bind(except)
        .fetch_optional(&db.reader)
        .await?;
        if let Some((id, n)) = hit
            && !out.iter().any(|(i, _, _)| *i == id)
        {
            out.push((id, n, "email"));
        }
    }
    let same_name: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM people WHERE search_key = $1 AND merged_into_id IS NULL AND ($2 IS NULL OR id <> $2) ORDER BY id")
            .bind(fold(name))
            .bind(except)
            .fetch_all(&db.reader)
            .await?;
    for (id, n) in same_name {
        if !out.iter().any(|(i, _, _)| *i == id) {
            out.push((id, n, "name"));
        }
    }
    Ok(out)
}

async fn check_territory(
    conn: &mut sqlx::SqliteConnection,
    territory_id: Option<i64>,
) -> crate::Result<()> {
    if let Some(t) = territory_id {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE id = $1")
            .bind(t)
            .fetch_optional(&mut *conn)
            .await?;
        found.ok_or(Error::Conflict(crate::DirectoryConflict::Territory.into()))?;
    }
    Ok(())
}

async fn write_emails(
    conn: &mut sqlx::SqliteConnection,
    person_id: i64,
    emails: &[String],
) -> crate::Result<()> {
    // Rows of addresses that stay keep their ids (a merge's undo finds them by id).
    let existing: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, email FROM person_emails WHERE person_id = $1")
            .bind(person_id)
            .fetch_all(&mut *conn)
            .await?;
    for (id, e) in &existing {
        if !emails.contains(e) {
            sqlx::query("DELETE FROM person_emails WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    for (i, e) in emails.iter().enumerate() {
        let position = i64::try_from(i).unwrap_or(i64::MAX);
        match existing.iter().find(|(_, x)| x == e) {
            Some((id, _)) => {
                sqlx::query("UPDATE person_emails SET position = $1 WHERE id = $2")
                    .bind(position)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO person_emails (person_id, email, position) VALUES ($1, $2, $3)",
                )
                .bind(person_id)
                .bind(e)
                .bind(position)
                .execute(&mut *conn)
                .await
                .map_err(|err| Error::unique(err, crate::DirectoryConflict::Email.into()))?;
                crate::attendance::link_email(conn, person_id, e).await?;
            }
        }
    }
    Ok(())
}

pub async fn create(db: &Db, now: i64, actor: &Actor, input: &PersonInput) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = create_in(&mut tx, now, actor, input).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates a person and, when given, their first membership, in one transaction.
pub async fn create_with_membership(
    db: &Db,
    now: i64,
    actor: &Actor,
    input: &PersonInput,
    membership: Option<&NewMembership>,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = create_in(&mut tx, now, actor, input).await?;
    if let Some(m) = membership {
        add_membership_in(&mut tx, now, actor, id, m).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// As [`create`], inside the caller's transaction.
pub async fn create_in(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    input: &PersonInput,
) -> crate::Result<i64> {
    check_territory(&mut *conn, input.territory_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO people (id, name, search_key, sort_key, phone, preferred_lang, territory_id,
             gender, birth_year, created_at, updated_at)
         VALUES (MAX(COALESCE((SELECT MAX(id) FROM people), 0),
                     COALESCE((SELECT CAST(value AS INTEGER) FROM meta
                               WHERE key = 'people_erased_high_water'), 0)) + 1,
                 $1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(&input.name)
    .bind(fold(&input.name))
    .bind(latvian_sort_key(&input.name))
    .bind(input.phone.as_deref())
    .bind(&input.preferred_lang)
    .bind(input.territory_id)
    .bind(input.gender.map(Gender::as_str))
    .bind(input.birth_year)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    write_emails(&mut *conn, id, &input.emails).await?;
    audit::record(
        &mut *conn,
        now,
        actor,
        &Event::new(AuditAction::PersonCreated).on("person", id),
    )
    .await?;
    Ok(id)
}

pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    input: &PersonInput,
) -> crate::Result<()> {
    update_checked(db, now, actor, id, input, None).await
}

/// Changes a person's record if it is still at `expected` (`crate::versions`): refused as
/// stale when someone saved it since the form was loaded.
pub async fn update_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    input: &PersonInput,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "people", id, expected).await?;
    check_territory(&mut tx, input.territory_id).await?;
    let n = sqlx::query(
        "UPDATE people SET name = $1, search_key = $2, sort_key = $3, phone = $4, preferred_lang = $5,
             territory_id = $6, gender = $7, birth_year = $8, updated_at = $9
         WHERE id = $10 AND merged_into_id IS NULL",
    )
    .bind(&input.name)
    .bind(fold(&input.name))
    .bind(latvian_sort_key(&input.name))
    .bind(input.phone.as_deref())
    .bind(&input.preferred_lang)
    .bind(input.territory_id)
    .bind(input.gender.map(Gender::as_str))
    .bind(input.birth_year)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    write_emails(&mut tx, id, &input.emails).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PersonUpdated).on("person", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A membership to add (validated by the caller: dates in order).
#[derive(Debug, Clone)]
pub struct NewMembership {
    pub organisation_id: i64,
    pub role_title: Option<String>,
    pub from_date: Option<Date>,
    pub to_date: Option<Date>,
}

pub async fn add_membership(
    db: &Db,
    now: i64,
    actor: &Actor,
    person_id: i64,
    m: &NewMembership,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = add_membership_in(&mut tx, now, actor, person_id, m).await?;
    tx.commit().await?;
    Ok(id)
}

/// As [`add_membership`], inside the caller's transaction.
pub async fn add_membership_in(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    person_id: i64,
    m: &NewMembership,
) -> crate::Result<i64> {
    let org: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
        .bind(m.organisation_id)
        .fetch_optional(&mut *conn)
        .await?;
    org.ok_or(Error::Conflict(
        crate::DirectoryConflict::Organisation.into(),
    ))?;
    let person: Option<i64> = sqlx::query_scalar("SELECT id FROM people WHERE id = $1")
        .bind(person_id)
        .fetch_optional(&mut *conn)
        .await?;
    person.ok_or(Error::NotFound)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO memberships (person_id, organisation_id, role_title, role_key, from_date, to_date, created_at)
         VALUES ($1, $2, $3, $7, $4, $5, $6) RETURNING id",
    )
    .bind(person_id)
    .bind(m.organisation_id)
    .bind(m.role_title.as_deref())
    .bind(m.from_date.map(|d| d.to_string()))
    .bind(m.to_date.map(|d| d.to_string()))
    .bind(now)
    .bind(m.role_title.as_deref().map(fold).unwrap_or_default())
    .fetch_one(&mut *conn)
    .await?;
    audit::record(
        &mut *conn,
        now,
        actor,
        &Event::new(AuditAction::MembershipAdded)
            .on("person", person_id)
            .detail(format!("organisation={}", m.organisation_id)),
    )
    .await?;
    Ok(id)
}

/// Ends a membership on a date (not before it began). A membership of another person is
/// `NotFound`.
pub async fn end_membership(
    db: &Db,
    now: i64,
    actor: &Actor,
    person_id: i64,
    membership_id: i64,
    on: Date,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let from: Option<Option<String>> =
        sqlx::query_scalar("SELECT from_date FROM memberships WHERE id = $1 AND person_id = $2")
            .bind(membership_id)
            .bind(person_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(from) = from else {
        return Err(Error::NotFound);
    };
    if from
        .and_then(|f| f.parse::<Date>().ok())
        .is_some_and(|f| on < f)
    {
        return Err(Error::Conflict(crate::DirectoryConflict::Dates.into()));
    }
    sqlx::query("UPDATE memberships SET to_date = $1 WHERE id = $2")
        .bind(on.to_string())
        .bind(membership_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::MembershipEnded)
            .on("person", person_id)
            .detail(format!("membership={membership_id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A person's standing Roma self-identification and its consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RomaRecord {
    pub value: RomaIdentity,
    pub consent_id: i64,
    pub given_on: Date,
    pub notice_version: String,
    pub recorded_by: Option<String>,
    pub recorded_at: i64,
}

/// A consent for Roma self-identification, as history (standing or withdrawn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    pub id: i64,
    pub given_on: String,
    pub notice_version: String,
    pub recorded_at: i64,
    pub withdrawn_on: Option<String>,
}

pub async fn roma_identity(db: &Db, person_id: i64) -> crate::Result<Option<RomaRecord>> {
    let row: Option<(String, i64, String, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT r.value, c.id, c.given_on, c.notice_version, u.name, c.recorded_at
         FROM person_roma_identity r JOIN consents c ON c.id = r.consent_id
         LEFT JOIN users u ON u.id = c.recorded_by
         WHERE r.person_id = $1 AND c.withdrawn_at IS NULL",
    )
    .bind(person_id)
    .fetch_optional(&db.reader)
    .await?;
    Ok(row.and_then(
        |(value, consent_id, given_on, notice_version, recorded_by, recorded_at)| {
            Some(RomaRecord {
                value: RomaIdentity::parse(&value)?,
                consent_id,
                given_on: given_on.parse().ok()?,
                notice_version,
                recorded_by,
                recorded_at,
            })
        },
    ))
}

pub async fn roma_consents(db: &Db, person_id: i64) -> crate::Result<Vec<ConsentRecord>> {
    let rows: Vec<(i64, String, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT id, given_on, notice_version, recorded_at, withdrawn_on FROM consents
         WHERE person_id = $1 AND purpose = $2 ORDER BY id DESC",
    )
    .bind(person_id)
    .bind(PURPOSE_ROMA_IDENTITY)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, given_on, notice_version, recorded_at, withdrawn_on)| ConsentRecord {
                id,
                given_on,
                notice_version,
                recorded_at,
                withdrawn_on,
            },
        )
        .collect())
}

/// Records Roma self-identification with its consent, in one transaction: the consent
/// (purpose, the date the person gave it, the notice version, who recorded it) and the
/// value. A standing earlier record is replaced (its consent stays in the history).
pub async fn record_roma_identity(
    db: &Db,
    now: i64,
    actor: &Actor,
    person_id: i64,
    value: RomaIdentity,
    given_on: Date,
    notice_version: &str,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let person: Option<i64> = sqlx::query_scalar("SELECT id FROM people WHERE id = $1")
        .bind(person_id)
        .fetch_optional(&mut *tx)
        .await?;
    person.ok_or(Error::NotFound)?;
    let consent_id: i64 = sqlx::query_scalar(
        "INSERT INTO consents (person_id, purpose, given_on, notice_version, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(person_id)
    .bind(PURPOSE_ROMA_IDENTITY)
    .bind(given_on.to_string())
    .bind(notice_version)
    .bind(actor.user_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO person_roma_identity (person_id, value, consent_id) VALUES ($1, $2, $3)
         ON CONFLICT (person_id) DO UPDATE SET value = excluded.value, consent_id = excluded.consent_id",
    )
    .bind(person_id)
    .bind(value.as_str())
    .bind(consent_id)
    .execute(&mut *tx)
    .await?;
    // The value itself is not written to the audit log.
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::RomaIdentityRecorded).on("person", person_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws the consent: the value is erased, the withdrawal (date, who) is kept.
pub async fn withdraw_roma_identity(
    db: &Db,
    now: i64,
    actor: &Actor,
    person_id: i64,
    on: Date,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let n = sqlx::query("DELETE FROM person_roma_identity WHERE person_id = $1")
        .bind(person_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    // The answer goes from past attendance snapshots too (they count as "not stated").
    sqlx::query("UPDATE attendances SET roma_self_identified = NULL WHERE person_id = $1")
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE consents SET withdrawn_on = $1, withdrawn_recorded_by = $2, withdrawn_at = $3
         WHERE person_id = $4 AND purpose = $5 AND withdrawn_at IS NULL",
    )
    .bind(on.to_string())
    .bind(actor.user_id)
    .bind(now)
    .bind(person_id)
    .bind(PURPOSE_ROMA_IDENTITY)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::RomaIdentityWithdrawn).on("person", person_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The organisations a person currently belongs to (for object-level access).
pub async fn current_organisations(
    db: &Db,
    person_id: i64,
    today: Date,
) -> crate::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT organisation_id FROM memberships WHERE person_id = $1
         AND (from_date IS NULL OR from_date <= $2) AND (to_date IS NULL OR to_date >= $2)",
    )
    .bind(person_id)
    .bind(today.to_string())
    .fetch_all(&db.reader)
    .await?)
}

/// A member of an organisation, current or past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub person_id: i64,
    pub name: String,
    pub role_title: Option<String>,
    pub from_date: Option<Date>,
    pub to_date: Option<Date>,
}

/// The people of an organisation, in Latvian order; past members too (not those whose
/// processing is restricted).
pub async fn members(db: &Db, organisation_id: i64) -> crate::Result<Vec<Member>> {
    let rows: Vec<FiveCols> = sqlx::query_as(
        "SELECT p.id, p.name, m.role_title, m.from_date, m.to_date
         FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.organisation_id = $1 AND p.restricted_at IS NULL ORDER BY p.sort_key, m.id",
    )
    .bind(organisation_id)
    .fetch_all(&db.reader)
    .await?;
    let date = |s: Option<String>| s.and_then(|s| s.parse().ok());
    Ok(rows
        .into_iter()
        .map(|(person_id, name, role_title, from, to)| Member {
            person_id,
            name,
            role_title,
            from_date: date(from),
            to_date: date(to),
        })
        .collect())
}

/// Every person as (id, name), in Latvian order: for choosers.
pub async fn names(db: &Db) -> crate::Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, name FROM people WHERE merged_into_id IS NULL AND restricted_at IS NULL
         ORDER BY sort_key, id",
    )
    .fetch_all(&db.reader)
    .await?)
}

/// The person an e-mail address belongs to.
pub async fn id_by_email(db: &Db, email: &str) -> crate::Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT person_id FROM person_emails WHERE email = $1")
            .bind(email)
            .fetch_optional(&db.reader)
            .await?,
    )
}

/// Whether a person has a membership of an organisation that starts on `from`.
pub async fn has_membership_from(
    db: &Db,
    person_id: i64,
    organisation_id: i64,
    from: Date,
) -> crate::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND from_date = $3",
    )
    .bind(person_id)
    .bind(organisation_id)
    .bind(from.to_string())
    .fetch_one(&db.reader)
    .await?;
    Ok(n > 0)
}

/// A person's processing restricted (GDPR article 18): since when, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restriction {
    pub since: i64,
    pub reason: String,
}

/// Whether a person's processing is restricted.
pub async fn restriction(db: &Db, person_id: i64) -> crate::Result<Option<Restriction>> {
    let row: Option<(Option<i64>, Option<String>)> =
        sqlx::query_as("SELECT restricted_at, restriction_reason FROM people WHERE id = $1")
            .bind(person_id)
            .fetch_optional(&db.reader)
            .await?;
    Ok(match row {
        Some((Some(since), reason)) => Some(Restriction {
            since,
            reason: reason.unwrap_or_default(),
        }),
        _ => None,
    })
}

/// Restricts a person's processing, or lifts the restriction (`reason` `None`): a restricted
/// person stays in the registry but leaves its lists, exports, choosers of invitees and
/// speakers, search, the public directory and the storage limit's erasure (audited).
pub async fn set_restriction(
    db: &Db,
    now: i64,
    actor: &Actor,
    person_id: i64,
    reason: Option<&str>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE people SET restricted_at = CASE WHEN $2 IS NULL THEN NULL
                                                ELSE COALESCE(restricted_at, $3) END,
                           restriction_reason = $2
         WHERE id = $1 AND merged_into_id IS NULL AND ($2 IS NOT NULL OR restricted_at IS NOT NULL)",
    )
    .bind(person_id)
    .bind(reason)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    let action = if reason.is_some() {
        AuditAction::PersonRestricted
    } else {
        AuditAction::PersonRestrictionLifted
    };
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(action).on("person", person_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

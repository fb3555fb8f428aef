//! The public directory: who agreed to be listed on the public site, with which fields.
//! Merges keep listings with their subject (see `merge`); a person's Roma
//! self-identification is never a listable field.

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};
use domain::audit::AuditAction;

/// What is listed: a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Person(i64),
    Organisation(i64),
}

impl Subject {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Subject::Person(id) => ("person", id),
            Subject::Organisation(id) => ("organisation", id),
        }
    }
}

/// Fields a person may agree to show.
pub const PERSON_FIELDS: &[&str] = &["name", "organisation", "role", "email", "phone"];
/// Fields an organisation may agree to show (its name is always shown when it is listed).
pub const ORG_FIELDS: &[&str] = &["name", "email", "phone", "website", "address"];

/// A standing listing consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub fields: Vec<String>,
    pub given_on: String,
    pub notice_version: String,
    pub recorded_at: i64,
}

impl Listing {
    pub fn shows(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f == field)
    }
}

pub async fn get(db: &Db, subject: Subject) -> crate::Result<Option<Listing>> {
    let (kind, id) = subject.parts();
    let row: Option<(String, String, String, i64)> = sqlx::query_as(
        "SELECT fields, given_on, notice_version, recorded_at FROM directory_listings
         WHERE subject_kind = $1 AND subject_id = $2 AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(kind)
    .bind(id)
    .fetch_optional(&db.reader)
    .await?;
    Ok(
        row.map(|(fields, given_on, notice_version, recorded_at)| Listing {
            fields: fields
                .split(',')
                .filter(|f| !f.is_empty())
                .map(str::to_owned)
                .collect(),
            given_on,
            notice_version,
            recorded_at,
        }),
    )
}

/// Records a listing consent (replacing a standing one). Fields not allowed for the
/// subject are refused with `DirectoryConflict::Fields`; "name" is required.
pub async fn set(
    db: &Db,
    now: i64,
    actor: &Actor,
    subject: Subject,
    fields: &[String],
    given_on: &str,
    notice_version: &str,
) -> crate::Result<()> {
    let allowed = match subject {
        Subject::Person(_) => PERSON_FIELDS,
        Subject::Organisation(_) => ORG_FIELDS,
    };
    if !fields.iter().all(|f| allowed.contains(&f.as_str())) || !fields.iter().any(|f| f == "name")
    {
        return Err(Error::Conflict(crate::DirectoryConflict::Fields.into()));
    }
    let (kind, id) = subject.parts();
    let mut tx = db.write().await?;
    let table = if kind == "person" {
        "people"
    } else {
        "organisations"
    };
    let exists: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM {table} WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    exists.ok_or(Error::NotFound)?;
    sqlx::query(
        "UPDATE directory_listings SET withdrawn_at = $1, withdrawn_by = $2
         WHERE subject_kind = $3 AND subject_id = $4 AND withdrawn_at IS NULL",
    )
    .bind(now)
    .bind(actor.user_id)
    .bind(kind)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO directory_listings (subject_kind, subject_id, fields, given_on, notice_version, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(kind)
    .bind(id)
    .bind(fields.join(","))
    .bind(given_on)
    .bind(notice_version)
    .bind(actor.user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::ListingConsented)
            .on(kind, id)
            .detail(fields.join(",")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws the listing: it leaves the public site at once.
pub async fn withdraw(db: &Db, now: i64, actor: &Actor, subject: Subject) -> crate::Result<()> {
    let (kind, id) = subject.parts();
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE directory_listings SET withdrawn_at = $1, withdrawn_by = $2
         WHERE subject_kind = $3 AND subject_id = $4 AND withdrawn_at IS NULL",
    )
    .bind(now)
    .bind(actor.user_id)
    .bind(kind)
    .bind(id)
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
        &Event::new(AuditAction::ListingWithdrawn).on(kind, id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A listed organisation, with only its consented fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicOrg {
    pub id: i64,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub kind: String,
    pub territory: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
}

/// A listed person, with only their consented fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicPerson {
    pub id: i64,
    pub name: String,
    /// (organisation, role) of current memberships, when consented.
    pub organisations: Vec<(String, Option<String>)>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The public directory: listed organisations and people, in Latvian order.
pub async fn public(db: &Db, today: &str) -> crate::Result<(Vec<PublicOrg>, Vec<PublicPerson>)> {
    type OrgRow = (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    );
    let orgs: Vec<OrgRow> = sqlx::query_as(
        "SELECT o.id, o.name_lv, o.name_en, o.kind, t.name_lv, o.email, o.phone, o.website, o.address, l.fields
         FROM directory_listings l JOIN organisations o ON o.id = l.subject_id
         LEFT JOIN territories t ON t.id = o.territory_id
         WHERE l.subject_kind = 'organisation' AND l.withdrawn_at IS NULL AND o.merged_into_id IS NULL
           AND l.id = (SELECT MAX(id) FROM directory_listings x
                       WHERE x.subject_kind = 'organisation' AND x.subject_id = o.id AND x.withdrawn_at IS NULL)
         ORDER BY o.sort_key",
    )
    .fetch_all(&db.reader)
    .await?;
    let orgs = orgs
        .into_iter()
        .map(
            |(id, name_lv, name_en, kind, territory, email, phone, website, address, fields)| {
                let has = |f: &str| fields.split(',').any(|x| x == f);
                PublicOrg {
                    id,
                    name_lv,
                    name_en,
                    kind,
                    territory,
                    email: email.filter(|_| has("email")),
                    phone: phone.filter(|_| has("phone")),
                    website: website.filter(|_| has("website")),
                    address: address.filter(|_| has("address")),
                }
            },
        )
        .collect();
    let rows: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
        "SELECT p.id, p.name, p.phone, l.fields FROM directory_listings l JOIN people p ON p.id = l.subject_id
         WHERE l.subject_kind = 'person' AND l.withdrawn_at IS NULL AND p.merged_into_id IS NULL
           AND p.restricted_at IS NULL
           AND l.id = (SELECT MAX(id) FROM directory_listings x
                       WHERE x.subject_kind = 'person' AND x.subject_id = p.id AND x.withdrawn_at IS NULL)
         ORDER BY p.sort_key",
    )
    .fetch_all(&db.reader)
    .await?;
    let mut people = Vec::new();
    for (id, name, phone, fields) in rows {
        let has = |f: &str| fields.split(',').any(|x| x == f);
        let organisations = if has("organisation") {
            let list: Vec<(String, Option<String>)> = sqlx::query_as(
                "SELECT o.name_lv, m.role_title FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                 WHERE m.person_id = $1 AND (m.from_date IS NULL OR m.from_date <= $2) AND (m.to_date IS NULL OR m.to_date >= $2)
                 ORDER BY o.sort_key",
            )
            .bind(id)
            .bind(today)
            .fetch_all(&db.reader)
            .await?;
            list.into_iter()
                .map(|(o, r)| (o, r.filter(|_| has("role"))))
                .collect()
        } else {
            Vec::new()
        };
        let email: Option<String> = if has("email") {
            sqlx::query_scalar("SELECT email FROM person_emails WHERE person_id = $1 ORDER BY position, id LIMIT 1")
                .bind(id)
                .fetch_optional(&db.reader)
                .await?
        } else {
            None
        };
        people.push(PublicPerson {
            id,
            name,
            organisations,
            email,
            phone: phone.filter(|_| has("phone")),
        });
    }
    Ok((orgs, people))
}

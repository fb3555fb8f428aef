//! Imports: a previewed plan waits in `import_batches` until confirmed; then every row is
//! applied in one transaction, or none is.

use domain::audit::AuditAction;
use sqlx::SqliteConnection;

use crate::audit::{self, Event};
use crate::people::{NewMembership, PersonInput};
use crate::{Actor, Db, Error, organisations, people};

/// Which organisation a row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgRef {
    Existing(i64),
    /// Created by the import (kind "other"); rows naming the same new one share it.
    New(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Create,
    /// Update this person: fields the file gives replace empty or older ones, e-mails are
    /// added.
    Update(i64),
}

/// One accepted row of a people import.
#[derive(Debug, Clone)]
pub struct PlannedPerson {
    pub line: usize,
    pub target: Target,
    pub input: PersonInput,
    pub organisation: Option<OrgRef>,
    pub role_title: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub organisations_created: usize,
}

/// A stored preview.
#[derive(Debug, Clone)]
pub struct Batch {
    pub id: i64,
    pub kind: String,
    pub file_name: Option<String>,
    pub plan: String,
    pub applied_at: Option<i64>,
}

pub async fn save_batch(
    db: &Db,
    now: i64,
    user_id: i64,
    kind: &str,
    file_name: Option<&str>,
    plan: &str,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    // Unconfirmed previews older than a day are dropped.
    sqlx::query("DELETE FROM import_batches WHERE applied_at IS NULL AND created_at < $1")
        .bind(now - 86_400)
        .execute(&mut *tx)
        .await?;
    let id = sqlx::query_scalar(
        "INSERT INTO import_batches (user_id, kind, file_name, plan, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user_id)
    .bind(kind)
    .bind(file_name)
    .bind(plan)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

type BatchRow = (i64, String, Option<String>, String, Option<i64>);

/// A user's own batch; another user's is `NotFound`.
pub async fn batch(db: &Db, id: i64, user_id: i64) -> crate::Result<Batch> {
    let row: Option<BatchRow> = sqlx::query_as(
        "SELECT id, kind, file_name, plan, applied_at FROM import_batches WHERE id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(&db.reader)
    .await?;
    row.map(|(id, kind, file_name, plan, applied_at)| Batch {
        id,
        kind,
        file_name,
        plan,
        applied_at,
    })
    .ok_or(Error::NotFound)
}

/// The id of the organisation a row names: an existing one, or one this import creates
/// (once per name, compared after folding case and diacritics; `made` remembers them).
async fn resolve(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    made: &mut Vec<(String, i64)>,
    counts: &mut Counts,
    org: Option<&OrgRef>,
) -> crate::Result<Option<i64>> {
    let name = match org {
        None => return Ok(None),
        Some(OrgRef::Existing(id)) => return Ok(Some(*id)),
        Some(OrgRef::New(name)) => name,
    };
    let key = domain::text::fold(name);
    if let Some((_, id)) = made.iter().find(|(k, _)| *k == key) {
        return Ok(Some(*id));
    }
    let input = organisations::OrgInput {
        name_lv: name.clone(),
        ..Default::default()
    };
    let id = organisations::create_in(conn, now, actor, &input).await?;
    made.push((key, id));
    counts.organisations_created += 1;
    Ok(Some(id))
}

/// Marks a batch applied, once: a second confirmation is `DirectoryConflict::Applied`.
pub(crate) async fn mark_applied(
    conn: &mut SqliteConnection,
    batch_id: i64,
    now: i64,
    redacted_plan: &str,
) -> crate::Result<()> {
    // The stored plan loses its personal data once applied (it was needed only to preview).
    let marked = sqlx::query(
        "UPDATE import_batches SET applied_at = $1, plan = $3 WHERE id = $2 AND applied_at IS NULL",
    )
    .bind(now)
    .bind(batch_id)
    .bind(redacted_plan)
    .execute(conn)
    .await?
    .rows_affected();
    if marked == 0 {
        return Err(Error::Conflict(crate::DirectoryConflict::Applied.into()));
    }
    Ok(())
}

/// Applies a people import in one transaction and marks the batch applied. Any failure
/// (an e-mail taken since the preview, say) rolls everything back.
pub async fn apply_people(
    db: &Db,
    now: i64,
    actor: &Actor,
    batch_id: i64,
    rows: &[PlannedPerson],
    redacted_plan: &str,
) -> crate::Result<Counts> {
    let mut tx = db.write().await?;
    mark_applied(&mut tx, batch_id, now, redacted_plan).await?;
    let mut counts = Counts::default();
    let mut new_orgs: Vec<(String, i64)> = Vec::new();
    for row in rows {
        let org_id = resolve(
            &mut tx,
            now,
            actor,
            &mut new_orgs,
            &mut counts,
            row.organisation.as_ref(),
        )
        .await?;
        let person_id = match row.target {
            Target::Create => {
                counts.created += 1;
                people::create_in(&mut tx, now, actor, &row.input).await?
            }
            Target::Update(id) => {
                counts.updated += 1;
                update_from_import(&mut tx, now, actor, id, &row.input).await?;
                id
            }
        };
        if let Some(organisation_id) = org_id {
            let already: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND to_date IS NULL",
            )
            .bind(person_id)
            .bind(organisation_id)
            .fetch_optional(&mut *tx)
            .await?;
            if already.is_none() {
                let m = NewMembership {
                    organisation_id,
                    role_title: row.role_title.clone(),
                    from_date: None,
                    to_date: None,
                };
                people::add_membership_in(&mut tx, now, actor, person_id, &m).await?;
            }
        }
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PeopleImported)
            .on("import", batch_id)
            .detail(format!(
                "created={} updated={} organisations={}",
                counts.created, counts.updated, counts.organisations_created
            )),
    )
    .await?;
    tx.commit().await?;
    Ok(counts)
}

/// Fills a person from an import row: given fields replace, e-mails are added.
async fn update_from_import(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    id: i64,
    input: &PersonInput,
) -> crate::Result<()> {
    let n = sqlx::query(
        "UPDATE people SET phone = COALESCE($1, phone), territory_id = COALESCE($2, territory_id),
             gender = COALESCE($3, gender), birth_year = COALESCE($4, birth_year), updated_at = $5,
             version = version + 1
         WHERE id = $6",
    )
    .bind(input.phone.as_deref())
    .bind(input.territory_id)
    .bind(input.gender.map(domain::directory::Gender::as_str))
    .bind(input.birth_year)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    for email in &input.emails {
        let owner: Option<i64> =
            sqlx::query_scalar("SELECT person_id FROM person_emails WHERE email = $1")
                .bind(email)
                .fetch_optional(&mut *conn)
                .await?;
        match owner {
            Some(o) if o == id => {}
            Some(_) => return Err(Error::Conflict(crate::DirectoryConflict::Email.into())),
            None => {
                sqlx::query(
                    "INSERT INTO person_emails (person_id, email, position)
                     VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM person_emails WHERE person_id = $1))",
                )
                .bind(id)
                .bind(email)
                .execute(&mut *conn)
                .await?;
                crate::attendance::link_email(conn, id, email).await?;
            }
        }
    }
    audit::record(
        conn,
        now,
        actor,
        &Event::new(AuditAction::PersonUpdated)
            .on("person", id)
            .detail("import"),
    )
    .await?;
    Ok(())
}

/// The person who has this e-mail address.
pub async fn person_by_email(db: &Db, email: &str) -> crate::Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT person_id FROM person_emails WHERE email = $1")
            .bind(email)
            .fetch_optional(&db.reader)
            .await?,
    )
}

/// People with this folded name who are current members of the organisation.
pub async fn person_by_name_in_org(
    db: &Db,
    folded_name: &str,
    organisation_id: i64,
) -> crate::Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT p.id FROM people p JOIN memberships m ON m.person_id = p.id
         WHERE p.search_key = $1 AND p.merged_into_id IS NULL AND m.organisation_id = $2 AND m.to_date IS NULL LIMIT 1",
    )
    .bind(folded_name)
    .bind(organisation_id)
    .fetch_optional(&db.reader)
    .await?)
}

/// An organisation by its name, ignoring case and diacritics.
pub async fn organisation_by_name(db: &Db, name: &str) -> crate::Result<Option<i64>> {
    let key = domain::text::fold(name);
    Ok(sqlx::query_scalar(
        "SELECT id FROM organisations WHERE merged_into_id IS NULL AND (search_key = $1 OR search_key LIKE $2) ORDER BY id LIMIT 1",
    )
    .bind(&key)
    .bind(format!("{key} | %"))
    .fetch_optional(&db.reader)
    .await?)
}

/// A Latvian or foreign place by its name, ignoring case and diacritics (units and towns
/// first).
pub async fn territory_by_name(
    db: &Db,
    name: &str,
    today: jiff::civil::Date,
) -> crate::Result<Option<i64>> {
    let key = domain::text::fold(name);
    Ok(sqlx::query_scalar(
        "SELECT id FROM territories
         WHERE (search_key = $1 OR search_key LIKE $2 OR search_key LIKE $3)
           AND kind <> 'former_municipality' AND (valid_to IS NULL OR valid_to >= $4)
         ORDER BY CASE kind WHEN 'state_city' THEN 0 WHEN 'town' THEN 1 WHEN 'municipality' THEN 2 ELSE 3 END
         LIMIT 1",
    )
    .bind(&key)
    .bind(format!("{key} | %"))
    .bind(format!("% | {key}"))
    .bind(today.to_string())
    .fetch_optional(&db.reader)
    .await?)
}

/// One accepted row of an organisations import.
#[derive(Debug, Clone)]
pub struct PlannedOrg {
    pub line: usize,
    pub target: Target,
    pub input: organisations::OrgInput,
    /// The parent, when the file names one.
    pub parent: Option<OrgRef>,
}

/// Applies an organisations import in one transaction; a parent named in the file may be
/// an organisation the same file creates earlier.
pub async fn apply_organisations(
    db: &Db,
    now: i64,
    actor: &Actor,
    batch_id: i64,
    rows: &[PlannedOrg],
    redacted_plan: &str,
) -> crate::Result<Counts> {
    let mut tx = db.write().await?;
    mark_applied(&mut tx, batch_id, now, redacted_plan).await?;
    let mut counts = Counts::default();
    let mut made: Vec<(String, i64)> = Vec::new();
    for row in rows {
        let parent_id = resolve(
            &mut tx,
            now,
            actor,
            &mut made,
            &mut counts,
            row.parent.as_ref(),
        )
        .await?;
        let mut input = row.input.clone();
        input.parent_id = parent_id.or(input.parent_id);
        // A parent named earlier in the file was created bare: this row fills it in.
        let target = match (
            &row.target,
            made.iter()
                .find(|(k, _)| *k == domain::text::fold(&input.name_lv)),
        ) {
            (Target::Create, Some((_, id))) => Target::Update(*id),
            (t, _) => t.clone(),
        };
        match target {
            Target::Create => {
                let id = organisations::create_in(&mut tx, now, actor, &input).await?;
                made.push((domain::text::fold(&input.name_lv), id));
                counts.created += 1;
            }
            Target::Update(id) => {
                if let Some(parent) = input.parent_id {
                    // Never put an organisation under itself.
                    let cycle: i64 = sqlx::query_scalar(
                        "WITH RECURSIVE up(id, parent_id) AS (
                             SELECT id, parent_id FROM organisations WHERE id = $1
                             UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id
                         ) SELECT COUNT(*) FROM up WHERE id = $2",
                    )
                    .bind(parent)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    if cycle > 0 {
                        return Err(Error::Conflict(crate::DirectoryConflict::Parent.into()));
                    }
                }
                let n = sqlx::query(
                    "UPDATE organisations SET name_en = COALESCE($1, name_en), kind = COALESCE($2, kind),
                         parent_id = COALESCE($3, parent_id), territory_id = COALESCE($4, territory_id),
                         email = COALESCE($5, email), phone = COALESCE($6, phone), website = COALESCE($7, website),
                         address = COALESCE($8, address), updated_at = $9,
                         version = version + 1
                     WHERE id = $10",
                )
                .bind(input.name_en.as_deref())
                .bind(input.kind.map(domain::directory::OrgKind::as_str))
                .bind(input.parent_id.filter(|p| *p != id))
                .bind(input.territory_id)
                .bind(input.email.as_deref())
                .bind(input.phone.as_deref())
                .bind(input.website.as_deref())
                .bind(input.address.as_deref())
                .bind(now)
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
                    &Event::new(AuditAction::OrganisationUpdated)
                        .on("organisation", id)
                        .detail("import"),
                )
                .await?;
                counts.updated += 1;
            }
        }
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::OrganisationsImported)
            .on("import", batch_id)
            .detail(format!(
                "created={} updated={} parents={}",
                counts.created, counts.updated, counts.organisations_created
            )),
    )
    .await?;
    tx.commit().await?;
    Ok(counts)
}

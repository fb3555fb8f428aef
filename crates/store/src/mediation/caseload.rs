//! What waits in a mediator's own caseload: active families without a contact for a while,
//! next steps that are due, consents a parent or guardian gave for someone who is now of
//! age. Family and member codes and dates only: listing them opens no record (no names,
//! nothing sealed), so it is not a view for the access log.

use domain::mediation::ConsentPurpose;
use jiff::civil::Date;

use crate::Db;

/// An active family without a recent contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiet {
    pub family_id: i64,
    pub code: String,
    /// The last contact's date; `None` when none was ever recorded.
    pub last_contact: Option<Date>,
}

/// The mediator's active families whose last contact (or, without one, whose opening) was
/// before `before`, the longest quiet first.
pub async fn quiet(db: &Db, mediator: i64, before: Date) -> crate::Result<Vec<Quiet>> {
    let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, code, last FROM (
             SELECT f.id, f.code, f.created_at,
                    (SELECT MAX(c.contact_date) FROM mediation_contacts c WHERE c.family_id = f.id)
                        AS last
             FROM families f
             WHERE f.mediator_user_id = $1 AND f.status = 'active')
         WHERE COALESCE(last, date(created_at, 'unixepoch')) < $2
         ORDER BY last IS NOT NULL, last, code",
    )
    .bind(mediator)
    .bind(before.to_string())
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(family_id, code, last)| Quiet {
            family_id,
            code,
            last_contact: last.and_then(|d| d.parse().ok()),
        })
        .collect())
}

/// A next step planned at a family's latest contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub family_id: i64,
    pub code: String,
    pub due: Date,
}

/// The mediator's active families whose latest contact planned a next step on or before
/// `by` (a later contact takes its place), the earliest first.
pub async fn next_steps(db: &Db, mediator: i64, by: Date) -> crate::Result<Vec<NextStep>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT f.id, f.code, c.next_date FROM families f
         JOIN mediation_contacts c ON c.id = (
             SELECT c2.id FROM mediation_contacts c2 WHERE c2.family_id = f.id
             ORDER BY c2.contact_date DESC, c2.id DESC LIMIT 1)
         WHERE f.mediator_user_id = $1 AND f.status = 'active'
           AND c.next_date IS NOT NULL AND c.next_date <= $2
         ORDER BY c.next_date, f.code",
    )
    .bind(mediator)
    .bind(by.to_string())
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(family_id, code, due)| {
            Some(NextStep {
                family_id,
                code,
                due: due.parse().ok()?,
            })
        })
        .collect())
}

/// A consent a parent or guardian gave for a family member who is of age now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentToRenew {
    pub family_id: i64,
    pub code: String,
    pub member_code: String,
    pub purpose: ConsentPurpose,
    /// The year the member is 18 (their birth year is all the record keeps).
    pub of_age_in: i64,
}

/// Standing consents (not withdrawn) that a parent or guardian gave for a member of one of
/// the mediator's open families who is 18 in `year` or earlier, and which the person has not
/// since given themselves: an adult decides for themselves, so the mediator asks them.
pub async fn consents_to_renew(
    db: &Db,
    mediator: i64,
    year: i16,
) -> crate::Result<Vec<ConsentToRenew>> {
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT DISTINCT f.id, f.code, m.code, k.purpose, m.birth_year + 18
         FROM mediation_consents k
         JOIN families f ON f.id = k.family_id
         JOIN family_members m ON m.id = k.member_id
         WHERE f.mediator_user_id = $1 AND f.status <> 'closed'
           AND k.withdrawn_on IS NULL AND k.given_by IN ('parent', 'guardian')
           AND m.birth_year IS NOT NULL AND m.birth_year + 18 <= $2
           AND NOT EXISTS (
               SELECT 1 FROM mediation_consents k2
               WHERE k2.member_id = k.member_id AND k2.purpose = k.purpose
                 AND k2.given_by = 'person' AND k2.withdrawn_on IS NULL)
         ORDER BY m.birth_year, f.code, m.code, k.purpose",
    )
    .bind(mediator)
    .bind(i64::from(year))
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(family_id, code, member_code, purpose, of_age_in)| ConsentToRenew {
                family_id,
                code,
                member_code,
                purpose: crate::from_code(&purpose),
                of_age_in,
            },
        )
        .collect())
}

/// Whether the mediator submitted their report for `month` (YYYY-MM).
pub async fn month_submitted(db: &Db, mediator: i64, month: &str) -> crate::Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM mediator_reports WHERE mediator_user_id = $1 AND month = $2)",
    )
    .bind(mediator)
    .bind(month)
    .fetch_one(&db.reader)
    .await?)
}

/// Whether the mediator has any family that is not closed (someone with no cases has no
/// month to report).
pub async fn has_open_families(db: &Db, mediator: i64) -> crate::Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM families WHERE mediator_user_id = $1 AND status <> 'closed')",
    )
    .bind(mediator)
    .fetch_one(&db.reader)
    .await?)
}

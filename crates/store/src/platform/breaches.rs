//! The register of personal-data breaches (GDPR article 33(5)): each breach with what
//! happened, whose data, the likely consequences and the measures taken, the 72-hour
//! deadline for notifying the supervisory authority (Datu valsts inspekcija) and whether it
//! was met, and whether the people concerned were told. Every change is audited; the
//! scheduled jobs remind those who keep the register the day before the deadline and when it
//! passed without a notification.

use domain::audit::AuditAction;
use domain::notice::NoticeKind;
use domain::privacy::{BreachRisk, authority_deadline};
use jiff::civil::Date;

use crate::audit::{self, Event as AuditEvent};
use crate::notices::{Notice, To};
use crate::{Actor, Db, Error};

/// A breach as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    pub id: i64,
    pub input: BreachInput,
    pub recorded_by: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Breach {
    /// When the authority must have been notified by.
    pub fn deadline(&self) -> i64 {
        authority_deadline(self.input.discovered_at)
    }

    /// Whether the people concerned are still to be told (a high risk, neither told nor the
    /// reason why not on record, not closed).
    pub fn people_pending(&self) -> bool {
        self.input.risk == BreachRisk::High
            && self.input.people_told_on.is_none()
            && self.input.people_not_told_reason.is_none()
            && self.input.closed_on.is_none()
    }

    /// Whether the authority is still to be notified (a breach that may result in a risk,
    /// not notified yet, not closed).
    pub fn notification_pending(&self) -> bool {
        self.input.risk != BreachRisk::Unlikely
            && self.input.authority_notified_at.is_none()
            && self.input.closed_on.is_none()
    }
}

/// What a coordinator records about a breach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreachInput {
    pub title: String,
    pub discovered_at: i64,
    pub occurred_on: Option<Date>,
    pub what_happened: String,
    /// Keys of `domain::processing::CATEGORIES`.
    pub categories: Vec<String>,
    pub people_count: Option<i64>,
    pub consequences: String,
    pub measures: String,
    pub risk: BreachRisk,
    pub authority_notified_at: Option<i64>,
    pub authority_reference: Option<String>,
    pub not_notified_reason: Option<String>,
    pub delay_reason: Option<String>,
    pub people_told_on: Option<Date>,
    pub people_not_told_reason: Option<String>,
    pub closed_on: Option<Date>,
}

const SELECT: &str = "SELECT b.id, b.title, b.discovered_at, b.occurred_on, b.what_happened,
        b.categories, b.people_count, b.consequences, b.measures, b.risk,
        b.authority_notified_at, b.authority_reference, b.not_notified_reason, b.delay_reason,
        b.people_told_on, b.people_not_told_reason, b.closed_on, u.name AS recorded_by_name,
        b.created_at, b.updated_at
     FROM breaches b LEFT JOIN users u ON u.id = b.recorded_by";

use crate::optional_date as date;

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Breach {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row as _;
        let categories: String = r.try_get("categories")?;
        let risk: String = r.try_get("risk")?;
        Ok(Breach {
            id: r.try_get("id")?,
            input: BreachInput {
                title: r.try_get("title")?,
                discovered_at: r.try_get("discovered_at")?,
                occurred_on: date(r.try_get("occurred_on")?),
                what_happened: r.try_get("what_happened")?,
                categories: categories
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                people_count: r.try_get("people_count")?,
                consequences: r.try_get("consequences")?,
                measures: r.try_get("measures")?,
                // An unknown code reads as the most demanding risk.
                risk: BreachRisk::parse(&risk).unwrap_or(BreachRisk::High),
                authority_notified_at: r.try_get("authority_notified_at")?,
                authority_reference: r.try_get("authority_reference")?,
                not_notified_reason: r.try_get("not_notified_reason")?,
                delay_reason: r.try_get("delay_reason")?,
                people_told_on: date(r.try_get("people_told_on")?),
                people_not_told_reason: r.try_get("people_not_told_reason")?,
                closed_on: date(r.try_get("closed_on")?),
            },
            recorded_by: r.try_get("recorded_by_name")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
        })
    }
}

/// Every breach, the open ones first, the latest discovered first.
pub async fn list(db: &Db) -> crate::Result<Vec<Breach>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} ORDER BY b.closed_on IS NOT NULL, b.discovered_at DESC, b.id DESC"
    )))
    .fetch_all(&db.reader)
    .await?)
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Breach> {
    let row: Option<Breach> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE b.id = $1")))
            .bind(id)
            .fetch_optional(&db.reader)
            .await?;
    row.ok_or(Error::NotFound)
}

/// The stored form of the fields, in the statements' order ($1…$16).
fn bind_input<'q>(
    q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    b: &'q BreachInput,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
    q.bind(&b.title)
        .bind(b.discovered_at)
        .bind(b.occurred_on.map(|d| d.to_string()))
        .bind(&b.what_happened)
        .bind(b.categories.join(","))
        .bind(b.people_count)
        .bind(&b.consequences)
        .bind(&b.measures)
        .bind(b.risk.as_str())
        .bind(b.authority_notified_at)
        .bind(b.authority_reference.as_deref())
        .bind(b.not_notified_reason.as_deref())
        .bind(b.delay_reason.as_deref())
        .bind(b.people_told_on.map(|d| d.to_string()))
        .bind(b.people_not_told_reason.as_deref())
        .bind(b.closed_on.map(|d| d.to_string()))
}

/// Records a breach (audited). Returns its id.
pub async fn create(db: &Db, now: i64, actor: &Actor, b: &BreachInput) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id = bind_input(
        sqlx::query(
            "INSERT INTO breaches (title, discovered_at, occurred_on, what_happened, categories,
                 people_count, consequences, measures, risk, authority_notified_at,
                 authority_reference, not_notified_reason, delay_reason, people_told_on,
                 people_not_told_reason, closed_on, recorded_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                     $18, $18)
             RETURNING id",
        ),
        b,
    )
    .bind(actor.user_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let id: i64 = sqlx::Row::try_get(&id, 0)?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::BreachRecorded)
            .on("breach", id)
            .detail(format!("risk={}", b.risk.as_str())),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a breach's record (audited with the names of the fields that changed), if it is
/// still at `expected` (`crate::versions`; `None`: unchecked): refused as stale when someone
/// saved it since the form was loaded.
pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    b: &BreachInput,
    expected: Option<i64>,
) -> crate::Result<()> {
    let before = get(db, id).await?.input;
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "breaches", id, expected).await?;
    let n = bind_input(
        sqlx::query(
            "UPDATE breaches SET title = $1, discovered_at = $2, occurred_on = $3,
                 what_happened = $4, categories = $5, people_count = $6, consequences = $7,
                 measures = $8, risk = $9, authority_notified_at = $10, authority_reference = $11,
                 not_notified_reason = $12, delay_reason = $13, people_told_on = $14,
                 people_not_told_reason = $15, closed_on = $16, updated_at = $17
             WHERE id = $18",
        ),
        b,
    )
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
        &AuditEvent::new(AuditAction::BreachUpdated)
            .on("breach", id)
            .detail(format!("fields={}", changed(&before, b).join(","))),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The names of the fields that differ.
fn changed(a: &BreachInput, b: &BreachInput) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            out.push(name);
        }
    };
    check("title", a.title == b.title);
    check("discovered_at", a.discovered_at == b.discovered_at);
    check("occurred_on", a.occurred_on == b.occurred_on);
    check("what_happened", a.what_happened == b.what_happened);
    check("categories", a.categories == b.categories);
    check("people_count", a.people_count == b.people_count);
    check("consequences", a.consequences == b.consequences);
    check("measures", a.measures == b.measures);
    check("risk", a.risk == b.risk);
    check(
        "authority_notified_at",
        a.authority_notified_at == b.authority_notified_at,
    );
    check(
        "authority_reference",
        a.authority_reference == b.authority_reference,
    );
    check(
        "not_notified_reason",
        a.not_notified_reason == b.not_notified_reason,
    );
    check("delay_reason", a.delay_reason == b.delay_reason);
    check("people_told_on", a.people_told_on == b.people_told_on);
    check(
        "people_not_told_reason",
        a.people_not_told_reason == b.people_not_told_reason,
    );
    check("closed_on", a.closed_on == b.closed_on);
    out
}

/// Raises the deadline reminders due at `now` (to everyone who keeps the register): the day
/// before the 72 hours end, and once they ended without a notification. Returns how many
/// breaches were reminded of.
pub async fn remind(db: &Db, now: i64) -> crate::Result<usize> {
    let open: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT id, discovered_at, reminded FROM breaches
         WHERE authority_notified_at IS NULL AND closed_on IS NULL AND risk <> 'unlikely'
           AND reminded < 2",
    )
    .fetch_all(&db.reader)
    .await?;
    let mut done = 0;
    for (id, discovered_at, reminded) in open {
        let deadline = authority_deadline(discovered_at);
        let stage = if now >= deadline {
            2
        } else if now >= deadline - 24 * 3600 {
            1
        } else {
            0
        };
        if stage <= reminded {
            continue;
        }
        let mut tx = db.write().await?;
        sqlx::query("UPDATE breaches SET reminded = $1 WHERE id = $2 AND reminded < $1")
            .bind(stage)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::notices::raise_in(
            &mut tx,
            now,
            None,
            &Notice {
                kind: NoticeKind::BreachDeadline,
                to: To::Everyone,
                path: format!("/privacy/breaches/{id}"),
                // The breach's own words stay in the register, not in mail.
                title_lv: format!("Nr. {id}"),
                title_en: Some(format!("No. {id}")),
                dedupe: format!("breach_deadline:{id}:{stage}"),
            },
        )
        .await?;
        tx.commit().await?;
        done += 1;
    }
    Ok(done)
}

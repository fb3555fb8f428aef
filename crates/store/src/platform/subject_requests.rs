//! The register of people's requests about their own data (GDPR articles 12 and 15–21):
//! what was asked, by whom, when it came and so when it is due — one month, or three when
//! extended with a reason — how the requester's identity was checked, and how it was
//! answered or why refused. Every change is audited with the names of the fields changed.

use domain::audit::AuditAction;
use domain::privacy::{RequestKind, RequestOutcome, request_due};
use jiff::civil::Date;

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};

/// A request as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: i64,
    pub input: RequestInput,
    /// The registry person's name, while the person is in the registry.
    pub person_name: Option<String>,
    pub recorded_by: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Request {
    /// The day it must be answered by.
    pub fn due_on(&self) -> Date {
        request_due(
            self.input.received_on,
            self.input.extension_reason.is_some(),
        )
    }

    pub fn is_open(&self) -> bool {
        self.input.closed_on.is_none()
    }

    /// Open after the day it was due.
    pub fn overdue(&self, today: Date) -> bool {
        self.is_open() && today > self.due_on()
    }
}

/// What a coordinator records about a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestInput {
    pub kind: RequestKind,
    pub person_id: Option<i64>,
    pub requester_name: String,
    pub requester_email: Option<String>,
    pub reply_to: Option<String>,
    pub received_on: Date,
    pub details: String,
    pub identity_checked: Option<String>,
    pub extension_reason: Option<String>,
    pub outcome: Option<RequestOutcome>,
    pub closed_on: Option<Date>,
    pub response: Option<String>,
}

const SELECT: &str = "SELECT r.id, r.kind, r.person_id, r.requester_name, r.requester_email,
        r.reply_to, r.received_on, r.details, r.identity_checked, r.extension_reason,
        r.outcome, r.closed_on, r.response, p.name AS person_name, u.name AS recorded_by_name,
        r.created_at, r.updated_at
     FROM subject_requests r
     LEFT JOIN people p ON p.id = r.person_id
     LEFT JOIN users u ON u.id = r.recorded_by";

use crate::optional_date as date;

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Request {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row as _;
        let kind: String = r.try_get("kind")?;
        let outcome: Option<String> = r.try_get("outcome")?;
        let received: String = r.try_get("received_on")?;
        Ok(Request {
            id: r.try_get("id")?,
            input: RequestInput {
                kind: RequestKind::parse(&kind).unwrap_or(RequestKind::Access),
                person_id: r.try_get("person_id")?,
                requester_name: r.try_get("requester_name")?,
                requester_email: r.try_get("requester_email")?,
                reply_to: r.try_get("reply_to")?,
                received_on: received.parse().map_err(|e| sqlx::Error::ColumnDecode {
                    index: "received_on".to_owned(),
                    source: Box::new(e),
                })?,
                details: r.try_get("details")?,
                identity_checked: r.try_get("identity_checked")?,
                extension_reason: r.try_get("extension_reason")?,
                outcome: outcome.as_deref().and_then(RequestOutcome::parse),
                closed_on: date(r.try_get("closed_on")?),
                response: r.try_get("response")?,
            },
            person_name: r.try_get("person_name")?,
            recorded_by: r.try_get("recorded_by_name")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
        })
    }
}

/// Every request, the open ones first by when they came, then the closed latest first.
pub async fn list(db: &Db) -> crate::Result<Vec<Request>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} ORDER BY r.closed_on IS NOT NULL,
             CASE WHEN r.closed_on IS NULL THEN r.received_on END,
             r.closed_on DESC, r.id DESC"
    )))
    .fetch_all(&db.reader)
    .await?)
}

/// The requests about a registry person.
pub async fn of_person(db: &Db, person_id: i64) -> crate::Result<Vec<Request>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.person_id = $1 ORDER BY r.received_on DESC, r.id DESC"
    )))
    .bind(person_id)
    .fetch_all(&db.reader)
    .await?)
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Request> {
    let row: Option<Request> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.id = $1")))
            .bind(id)
            .fetch_optional(&db.reader)
            .await?;
    row.ok_or(Error::NotFound)
}

/// The stored form of the fields, in the statements' order ($1…$12).
fn bind_input<'q>(
    q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    r: &'q RequestInput,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
    q.bind(r.kind.as_str())
        .bind(r.person_id)
        .bind(&r.requester_name)
        .bind(r.requester_email.as_deref())
        .bind(r.reply_to.as_deref())
        .bind(r.received_on.to_string())
        .bind(&r.details)
        .bind(r.identity_checked.as_deref())
        .bind(r.extension_reason.as_deref())
        .bind(r.outcome.map(RequestOutcome::as_str))
        .bind(r.closed_on.map(|d| d.to_string()))
        .bind(r.response.as_deref())
}

/// Whether a registry person of that id is there (a request names only one that is).
async fn person_exists(db: &Db, id: Option<i64>) -> crate::Result<()> {
    let Some(id) = id else { return Ok(()) };
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM people WHERE id = $1 AND merged_into_id IS NULL")
            .bind(id)
            .fetch_optional(&db.reader)
            .await?;
    found.map(|_| ()).ok_or(Error::NotFound)
}

/// Records a request (audited). Returns its id.
pub async fn create(db: &Db, now: i64, actor: &Actor, r: &RequestInput) -> crate::Result<i64> {
    person_exists(db, r.person_id).await?;
    let mut tx = db.write().await?;
    let row = bind_input(
        sqlx::query(
            "INSERT INTO subject_requests (kind, person_id, requester_name, requester_email,
                 reply_to, received_on, details, identity_checked, extension_reason, outcome,
                 closed_on, response, recorded_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
             RETURNING id",
        ),
        r,
    )
    .bind(actor.user_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let id: i64 = sqlx::Row::try_get(&row, 0)?;
    let event = AuditEvent::new(AuditAction::SubjectRequestRecorded)
        .on("subject_request", id)
        .detail(format!("kind={}", r.kind.as_str()));
    audit::record(&mut tx, now, actor, &event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a request's record (audited with the names of the fields that changed), if it is
/// still at `expected` (`crate::versions`; `None`: unchecked): refused as stale when someone
/// saved it since the form was loaded.
pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    r: &RequestInput,
    expected: Option<i64>,
) -> crate::Result<()> {
    let before = get(db, id).await?.input;
    if r.person_id != before.person_id {
        person_exists(db, r.person_id).await?;
    }
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "subject_requests", id, expected).await?;
    let n = bind_input(
        sqlx::query(
            "UPDATE subject_requests SET kind = $1, person_id = $2, requester_name = $3,
                 requester_email = $4, reply_to = $5, received_on = $6, details = $7,
                 identity_checked = $8, extension_reason = $9, outcome = $10, closed_on = $11,
                 response = $12, updated_at = $13
             WHERE id = $14",
        ),
        r,
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    let event = AuditEvent::new(AuditAction::SubjectRequestUpdated)
        .on("subject_request", id)
        .detail(format!("fields={}", changed(&before, r).join(",")));
    audit::record(&mut tx, now, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

/// The names of the fields that differ.
fn changed(a: &RequestInput, b: &RequestInput) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            out.push(name);
        }
    };
    check("kind", a.kind == b.kind);
    check("person", a.person_id == b.person_id);
    check("requester_name", a.requester_name == b.requester_name);
    check("requester_email", a.requester_email == b.requester_email);
    check("reply_to", a.reply_to == b.reply_to);
    check("received_on", a.received_on == b.received_on);
    check("details", a.details == b.details);
    check("identity_checked", a.identity_checked == b.identity_checked);
    check("extension_reason", a.extension_reason == b.extension_reason);
    check("outcome", a.outcome == b.outcome);
    check("closed_on", a.closed_on == b.closed_on);
    check("response", a.response == b.response);
    out
}

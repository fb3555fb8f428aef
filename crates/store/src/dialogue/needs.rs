//! Needs and questions (issue 21, item 1): raised by a community — a logged-in user or anyone
//! through the public form — given by a coordinator to the responsible institution, answered
//! by it within the time asked, or closed with a reason, or merged into the same need raised
//! before. Every step is in the need's history and the audit log.

use domain::audit::AuditAction;
use domain::dialogue::{NeedConcern, NeedSource, NeedStatus};
use domain::event::Objective;
use jiff::civil::Date;

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, DialogueConflict, Error};

/// What is said when a need is raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedInput {
    pub title: String,
    pub description: String,
    pub area: Objective,
    pub territory_id: Option<i64>,
    /// In the vocabulary's order.
    pub concerns: Vec<NeedConcern>,
    /// The meeting where it was raised.
    pub event_id: Option<i64>,
    pub source: NeedSource,
    pub raiser_name: Option<String>,
    pub raiser_email: Option<String>,
    /// The raiser agreed to be written to about this need.
    pub contact_consent: bool,
}

/// A need as stored, with names for its references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub id: i64,
    pub input: NeedInput,
    pub raised_by: Option<i64>,
    pub raised_by_org: Option<i64>,
    pub status: NeedStatus,
    pub assigned_org_id: Option<i64>,
    pub assigned_org_name: Option<String>,
    pub assigned_on: Option<Date>,
    pub answer_due_on: Option<Date>,
    pub answer: Option<String>,
    pub answered_on: Option<Date>,
    pub close_reason: Option<String>,
    pub merged_into_id: Option<i64>,
    pub created_at: i64,
}

impl Need {
    /// Waiting for an answer past the day it was due (judged on `today`).
    pub fn late(&self, today: Date) -> bool {
        self.status == NeedStatus::Assigned
            && self
                .answer_due_on
                .is_some_and(|due| domain::dialogue::answered_late(due, None, today))
    }

    /// Answered, and after the day it was due.
    pub fn answered_late(&self) -> bool {
        match (self.answer_due_on, self.answered_on) {
            (Some(due), Some(on)) => on > due,
            _ => false,
        }
    }
}

/// A step in a need's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub at: i64,
    /// raised, assigned, answered, closed or merged.
    pub step: String,
    pub by: Option<String>,
    pub organisation: Option<String>,
    pub other_need_id: Option<i64>,
}

const SELECT: &str = "SELECT n.id, n.title, n.description, n.area, n.territory_id, n.concerns,
        n.event_id, n.source, n.raiser_name, n.raiser_email, n.contact_consent, n.raised_by,
        n.raised_by_org, n.status, n.assigned_org_id, o.name_lv AS assigned_org_name,
        n.assigned_on, n.answer_due_on, n.answer, n.answered_on, n.close_reason,
        n.merged_into_id, n.created_at
     FROM needs n LEFT JOIN organisations o ON o.id = n.assigned_org_id";

fn date(s: Option<String>) -> Option<Date> {
    s.and_then(|d| d.parse().ok())
}

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Need {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row as _;
        let area: String = r.try_get("area")?;
        let concerns: String = r.try_get("concerns")?;
        let source: String = r.try_get("source")?;
        let status: String = r.try_get("status")?;
        Ok(Need {
            id: r.try_get("id")?,
            input: NeedInput {
                title: r.try_get("title")?,
                description: r.try_get("description")?,
                area: crate::from_code(&area),
                territory_id: r.try_get("territory_id")?,
                concerns: concerns.split(',').filter_map(NeedConcern::parse).collect(),
                event_id: r.try_get("event_id")?,
                source: NeedSource::parse(&source).unwrap_or(NeedSource::Workspace),
                raiser_name: r.try_get("raiser_name")?,
                raiser_email: r.try_get("raiser_email")?,
                contact_consent: r.try_get("contact_consent")?,
            },
            raised_by: r.try_get("raised_by")?,
            raised_by_org: r.try_get("raised_by_org")?,
            status: NeedStatus::parse(&status).unwrap_or_default(),
            assigned_org_id: r.try_get("assigned_org_id")?,
            assigned_org_name: r.try_get("assigned_org_name")?,
            assigned_on: date(r.try_get("assigned_on")?),
            answer_due_on: date(r.try_get("answer_due_on")?),
            answer: r.try_get("answer")?,
            answered_on: date(r.try_get("answered_on")?),
            close_reason: r.try_get("close_reason")?,
            merged_into_id: r.try_get("merged_into_id")?,
            created_at: r.try_get("created_at")?,
        })
    }
}

/// Which needs a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<NeedStatus>,
    /// Those given to this organisation.
    pub assigned_to: Option<i64>,
    /// Only those this user (user id, their organisation) raised, or their organisation
    /// raised or was given; `None`: every need (a coordinator).
    pub seen_by: Option<(i64, Option<i64>)>,
}

/// Needs, the newest first.
pub async fn list(db: &Db, f: &Filter) -> crate::Result<Vec<Need>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE ($1 IS NULL OR n.status = $1) AND ($2 IS NULL OR n.assigned_org_id = $2)
           AND ($3 IS NULL OR n.raised_by = $3 OR n.raised_by_org = $4 OR n.assigned_org_id = $4)
         ORDER BY n.created_at DESC, n.id DESC"
    )))
    .bind(f.status.map(NeedStatus::as_str))
    .bind(f.assigned_to)
    .bind(f.seen_by.map(|(user, _)| user))
    .bind(f.seen_by.and_then(|(_, org)| org))
    .fetch_all(&db.reader)
    .await?)
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Need> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE n.id = $1")))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)
}

/// (at, step, by whom, the organisation, the other need).
type StepRow = (i64, String, Option<String>, Option<String>, Option<i64>);

/// The need's history, in order.
pub async fn steps(db: &Db, id: i64) -> crate::Result<Vec<Step>> {
    let rows: Vec<StepRow> = sqlx::query_as(
        "SELECT s.at, s.step, u.name, o.name_lv, s.other_need_id
         FROM need_steps s
         LEFT JOIN users u ON u.id = s.by_user
         LEFT JOIN organisations o ON o.id = s.organisation_id
         WHERE s.need_id = $1 ORDER BY s.at, s.id",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, step, by, organisation, other_need_id)| Step {
            at,
            step,
            by,
            organisation,
            other_need_id,
        })
        .collect())
}

async fn step(
    conn: &mut sqlx::SqliteConnection,
    now: i64,
    actor: &Actor,
    need: i64,
    what: &str,
    organisation: Option<i64>,
    other: Option<i64>,
) -> crate::Result<()> {
    sqlx::query(
        "INSERT INTO need_steps (need_id, at, step, by_user, organisation_id, other_need_id)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(need)
    .bind(now)
    .bind(what)
    .bind(actor.user_id)
    .bind(organisation)
    .bind(other)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The concerns as stored: in the vocabulary's order, each once.
fn concerns(c: &[NeedConcern]) -> String {
    NeedConcern::ALL
        .iter()
        .filter(|x| c.contains(x))
        .map(|x| x.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Records a need (audited, its first step "raised"). `raised_by_org`: the organisation of
/// the logged-in user who raised it. Returns its id.
pub async fn raise(
    db: &Db,
    now: i64,
    actor: &Actor,
    raised_by_org: Option<i64>,
    i: &NeedInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO needs (title, description, area, territory_id, concerns, event_id, source,
             raised_by, raised_by_org, raiser_name, raiser_email, contact_consent, status,
             created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'new', $13, $13)
         RETURNING id",
    )
    .bind(&i.title)
    .bind(&i.description)
    .bind(i.area.as_str())
    .bind(i.territory_id)
    .bind(concerns(&i.concerns))
    .bind(i.event_id)
    .bind(i.source.as_str())
    .bind(actor.user_id)
    .bind(raised_by_org)
    .bind(i.raiser_name.as_deref())
    // An address is kept only with the consent to be written to.
    .bind(i.raiser_email.as_deref().filter(|_| i.contact_consent))
    .bind(i.contact_consent)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    step(&mut tx, now, actor, id, "raised", None, None).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedRaised)
            .on("need", id)
            .detail(format!("source={}", i.source.as_str())),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The status a need has inside a transaction (`NotFound` for an unknown one).
async fn status_of(conn: &mut sqlx::SqliteConnection, id: i64) -> crate::Result<NeedStatus> {
    let s: Option<String> = sqlx::query_scalar("SELECT status FROM needs WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(NeedStatus::parse(&s.ok_or(Error::NotFound)?).unwrap_or_default())
}

/// Gives an open need to an organisation of the registry to answer by `due_on` (again to
/// another one, when it was given already). `DialogueConflict::Status` for a need answered,
/// closed or merged; `DialogueConflict::Organisation` for an unknown organisation.
pub async fn assign(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    id: i64,
    organisation: i64,
    due_on: Date,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    if !status_of(&mut tx, id).await?.is_open() {
        return Err(DialogueConflict::Status.into());
    }
    let known: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
        .bind(organisation)
        .fetch_optional(&mut *tx)
        .await?;
    if known.is_none() {
        return Err(DialogueConflict::Organisation.into());
    }
    crate::versions::claim(&mut tx, "needs", id, None).await?;
    sqlx::query(
        "UPDATE needs SET status = 'assigned', assigned_org_id = $1, assigned_on = $2,
             answer_due_on = $3, updated_at = $4
         WHERE id = $5",
    )
    .bind(organisation)
    .bind(today.to_string())
    .bind(due_on.to_string())
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    step(
        &mut tx,
        now,
        actor,
        id,
        "assigned",
        Some(organisation),
        None,
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedAssigned)
            .on("need", id)
            .detail(format!("organisation={organisation} due={due_on}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The institution's answer to a need given to it. `DialogueConflict::Status` unless the
/// need is assigned.
pub async fn answer(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    id: i64,
    text: &str,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    if status_of(&mut tx, id).await? != NeedStatus::Assigned {
        return Err(DialogueConflict::Status.into());
    }
    crate::versions::claim(&mut tx, "needs", id, None).await?;
    sqlx::query(
        "UPDATE needs SET status = 'answered', answer = $1, answered_on = $2, answered_by = $3,
             done_at = $4, updated_at = $4
         WHERE id = $5",
    )
    .bind(text)
    .bind(today.to_string())
    .bind(actor.user_id)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    step(&mut tx, now, actor, id, "answered", None, None).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedAnswered).on("need", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Closes an open need without an answer, with the reason. `DialogueConflict::Status` for
/// one answered, closed or merged.
pub async fn close(db: &Db, now: i64, actor: &Actor, id: i64, reason: &str) -> crate::Result<()> {
    let mut tx = db.write().await?;
    if !status_of(&mut tx, id).await?.is_open() {
        return Err(DialogueConflict::Status.into());
    }
    crate::versions::claim(&mut tx, "needs", id, None).await?;
    sqlx::query(
        "UPDATE needs SET status = 'closed', close_reason = $1, done_at = $2, updated_at = $2
         WHERE id = $3",
    )
    .bind(reason)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    step(&mut tx, now, actor, id, "closed", None, None).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedClosed).on("need", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Merges an open need into the same one raised before, which is followed from then on.
/// `DialogueConflict::MergeTarget` for itself, or one merged or unknown;
/// `DialogueConflict::Status` when the need is not open.
pub async fn merge(db: &Db, now: i64, actor: &Actor, id: i64, into: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    if !status_of(&mut tx, id).await?.is_open() {
        return Err(DialogueConflict::Status.into());
    }
    let target = match status_of(&mut tx, into).await {
        Ok(s) => s,
        Err(Error::NotFound) => return Err(DialogueConflict::MergeTarget.into()),
        Err(e) => return Err(e),
    };
    if into == id || target == NeedStatus::Merged {
        return Err(DialogueConflict::MergeTarget.into());
    }
    crate::versions::claim(&mut tx, "needs", id, None).await?;
    sqlx::query(
        "UPDATE needs SET status = 'merged', merged_into_id = $1, done_at = $2, updated_at = $2
         WHERE id = $3",
    )
    .bind(into)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    step(&mut tx, now, actor, id, "merged", None, Some(into)).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedMerged)
            .on("need", id)
            .detail(format!("into={into}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

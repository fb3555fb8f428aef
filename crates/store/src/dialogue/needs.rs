//! Needs and questions (issue 21, item 1): raised by a community — a logged-in user or anyone
//! through the public form — given by a coordinator to the responsible institution, answered
//! by it within the time asked, or closed with a reason, or merged into the same need raised
//! before. Every step is in the need's history and the audit log.

use domain::audit::AuditAction;
use domain::dialogue::{NeedConcern, NeedSource, NeedStatus};
use domain::event::Objective;
use jiff::civil::Date;

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::{Actor, Db, DialogueConflict, Error};

/// Mail to queue with a step: (address, message).
pub type Mails = [(String, Outgoing)];

async fn queue(conn: &mut sqlx::SqliteConnection, now: i64, mails: &Mails) -> crate::Result<()> {
    for (to, m) in mails {
        crate::outbox::enqueue_in(&mut *conn, now, to, m).await?;
    }
    Ok(())
}

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
    /// The language to write to the raiser in ("lv", "en").
    pub raiser_lang: Option<String>,
    /// The raiser agreed that the question and its answer may be published as written.
    pub public_consent: bool,
}

/// An answered need as the public sees it: written (or anonymised) by a coordinator, its
/// place the novads or state city (never smaller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Public {
    pub title: String,
    pub question: String,
    pub answer: String,
    pub territory_id: Option<i64>,
    /// The coordinator removed names and anything else that points to a person.
    pub anonymised: bool,
}

/// What a need is linked to (each optional).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    pub action_id: Option<i64>,
    pub measure_id: Option<i64>,
    pub practice_id: Option<i64>,
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
    /// When it was made public (answered needs only).
    pub published_at: Option<i64>,
    /// The public text, once published (kept when withdrawn, for the next publishing).
    pub public: Option<Public>,
    pub links: Links,
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
        n.merged_into_id, n.created_at, n.raiser_lang, n.public_consent, n.published_at,
        n.public_title, n.public_question, n.public_answer, n.public_territory_id, n.anonymised,
        n.action_id, n.measure_id, n.practice_id
     FROM needs n LEFT JOIN organisations o ON o.id = n.assigned_org_id";

use crate::optional_date as date;

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
                raiser_lang: r.try_get("raiser_lang")?,
                public_consent: r.try_get("public_consent")?,
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
            published_at: r.try_get("published_at")?,
            public: match (
                r.try_get::<Option<String>, _>("public_title")?,
                r.try_get::<Option<String>, _>("public_question")?,
                r.try_get::<Option<String>, _>("public_answer")?,
            ) {
                (Some(title), Some(question), Some(answer)) => Some(Public {
                    title,
                    question,
                    answer,
                    territory_id: r.try_get("public_territory_id")?,
                    anonymised: r.try_get("anonymised")?,
                }),
                _ => None,
            },
            links: Links {
                action_id: r.try_get("action_id")?,
                measure_id: r.try_get("measure_id")?,
                practice_id: r.try_get("practice_id")?,
            },
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

/// Records a need (audited, its first step "raised"). `raised_by_org`: the organisation of
/// the logged-in user who raised it. Returns its id.
pub async fn raise(
    db: &Db,
    now: i64,
    actor: &Actor,
    raised_by_org: Option<i64>,
    i: &NeedInput,
    mail: impl FnOnce(i64) -> Vec<(String, Outgoing)>,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO needs (title, description, area, territory_id, concerns, event_id, source,
             raised_by, raised_by_org, raiser_name, raiser_email, contact_consent, status,
             created_at, updated_at, raiser_lang, public_consent, consent_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'new', $13, $13, $14, $15,
             $16)
         RETURNING id",
    )
    .bind(&i.title)
    .bind(&i.description)
    .bind(i.area.as_str())
    .bind(i.territory_id)
    .bind(crate::concern_codes(&i.concerns))
    .bind(i.event_id)
    .bind(i.source.as_str())
    .bind(actor.user_id)
    .bind(raised_by_org)
    .bind(i.raiser_name.as_deref())
    // An address is kept only with the consent to be written to.
    .bind(i.raiser_email.as_deref().filter(|_| i.contact_consent))
    .bind(i.contact_consent)
    .bind(now)
    .bind(i.raiser_lang.as_deref())
    .bind(i.public_consent)
    // Either consent rests on the text of the version shown.
    .bind(
        (i.contact_consent || i.public_consent)
            .then(|| domain::privacy_notices::QUESTIONS.current().id),
    )
    .fetch_one(&mut *tx)
    .await?;
    step(&mut tx, now, actor, id, "raised", None, None).await?;
    queue(&mut tx, now, &mail(id)).await?;
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
#[expect(clippy::too_many_arguments, reason = "one transaction's inputs")]
pub async fn assign(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    id: i64,
    organisation: i64,
    due_on: Date,
    mails: &Mails,
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
    queue(&mut tx, now, mails).await?;
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
    mails: &Mails,
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
    queue(&mut tx, now, mails).await?;
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
pub async fn close(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    reason: &str,
    mails: &Mails,
) -> crate::Result<()> {
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
    queue(&mut tx, now, mails).await?;
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
pub async fn merge(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    into: i64,
    mails: &Mails,
) -> crate::Result<()> {
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
    queue(&mut tx, now, mails).await?;
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

/// Makes an answered need public with the coordinator's text and place (the caller gives the
/// novads or state city, never a smaller place). `DialogueConflict::Unpublishable` unless
/// the need is answered and either its raiser agreed or the text is anonymised; stale when
/// `version` is given and someone saved since.
pub async fn publish(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    version: Option<i64>,
    p: &Public,
    mails: &Mails,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let consent: Option<bool> =
        sqlx::query_scalar("SELECT public_consent FROM needs WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let consent = consent.ok_or(Error::NotFound)?;
    if status_of(&mut tx, id).await? != NeedStatus::Answered || !(consent || p.anonymised) {
        return Err(DialogueConflict::Unpublishable.into());
    }
    crate::versions::claim(&mut tx, "needs", id, version).await?;
    let first: Option<i64> = sqlx::query_scalar(
        "UPDATE needs SET published_at = COALESCE(published_at, $1), public_title = $2,
             public_question = $3, public_answer = $4, public_territory_id = $5,
             anonymised = $6, updated_at = $1
         WHERE id = $7 RETURNING published_at",
    )
    .bind(now)
    .bind(&p.title)
    .bind(&p.question)
    .bind(&p.answer)
    .bind(p.territory_id)
    .bind(p.anonymised)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    step(&mut tx, now, actor, id, "published", None, None).await?;
    // The raiser hears of it the first time only.
    if first == Some(now) {
        queue(&mut tx, now, mails).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedPublished)
            .on("need", id)
            .detail(format!(
                "basis={}",
                if p.anonymised {
                    "anonymised"
                } else {
                    "consent"
                }
            )),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a published need off the public page (its public text is kept for next time).
pub async fn withdraw(db: &Db, now: i64, actor: &Actor, id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "needs", id, None).await?;
    sqlx::query("UPDATE needs SET published_at = NULL, updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    step(&mut tx, now, actor, id, "withdrawn", None, None).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedWithdrawn).on("need", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Links a need to a follow-up action, a measure and a good practice (each may be none).
/// `DialogueConflict::Link` for one that does not exist.
pub async fn link(db: &Db, now: i64, actor: &Actor, id: i64, l: &Links) -> crate::Result<()> {
    let mut tx = db.write().await?;
    for (table, target) in [
        ("follow_up_actions", l.action_id),
        ("measures", l.measure_id),
        ("practices", l.practice_id),
    ] {
        if let Some(t) = target {
            let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT id FROM {table} WHERE id = $1"
            )))
            .bind(t)
            .fetch_optional(&mut *tx)
            .await?;
            if found.is_none() {
                return Err(DialogueConflict::Link.into());
            }
        }
    }
    crate::versions::claim(&mut tx, "needs", id, None).await?;
    sqlx::query(
        "UPDATE needs SET action_id = $1, measure_id = $2, practice_id = $3, updated_at = $4
         WHERE id = $5",
    )
    .bind(l.action_id)
    .bind(l.measure_id)
    .bind(l.practice_id)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    step(&mut tx, now, actor, id, "linked", None, None).await?;
    let mut detail = Vec::new();
    for (key, v) in [
        ("action", l.action_id),
        ("measure", l.measure_id),
        ("practice", l.practice_id),
    ] {
        if let Some(v) = v {
            detail.push(format!("{key}={v}"));
        }
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::NeedLinked)
            .on("need", id)
            .detail(detail.join(" ")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The published needs, the latest published first.
pub async fn published(db: &Db) -> crate::Result<Vec<Need>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE n.published_at IS NOT NULL AND n.status = 'answered'
         ORDER BY n.published_at DESC, n.id DESC"
    )))
    .fetch_all(&db.reader)
    .await?)
}

/// One published need (`NotFound` for any other).
pub async fn get_published(db: &Db, id: i64) -> crate::Result<Need> {
    let n = get(db, id).await?;
    if n.published_at.is_none() || n.status != NeedStatus::Answered || n.public.is_none() {
        return Err(Error::NotFound);
    }
    Ok(n)
}

/// Whom to tell of a need's steps: the address the raiser gave with consent, or the account
/// of the logged-in user who raised it (while it is active). (address, language "lv"/"en").
pub async fn raiser_address(db: &Db, n: &Need) -> crate::Result<Option<(String, String)>> {
    if let (Some(email), true) = (&n.input.raiser_email, n.input.contact_consent) {
        let lang = n.input.raiser_lang.clone().unwrap_or_else(|| "lv".into());
        return Ok(Some((email.clone(), lang)));
    }
    let Some(user) = n.raised_by else {
        return Ok(None);
    };
    Ok(sqlx::query_as(
        "SELECT email, preferred_lang FROM users WHERE id = $1 AND disabled_at IS NULL",
    )
    .bind(user)
    .fetch_optional(&db.reader)
    .await?)
}

/// The active users of an organisation, to tell them a need was given to it:
/// (address, language).
pub async fn institution_addresses(db: &Db, org: i64) -> crate::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT email, preferred_lang FROM users
         WHERE organisation_id = $1 AND disabled_at IS NULL ORDER BY email",
    )
    .bind(org)
    .fetch_all(&db.reader)
    .await?)
}

/// Needs waiting past the day their answer was due on `today`: all of them (`None`, a
/// coordinator), or those given to one organisation.
pub async fn late(db: &Db, today: Date, org: Option<i64>) -> crate::Result<Vec<Need>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE n.status = 'assigned' AND n.answer_due_on < $1
           AND ($2 IS NULL OR n.assigned_org_id = $2)
         ORDER BY n.answer_due_on, n.id"
    )))
    .bind(today.to_string())
    .bind(org)
    .fetch_all(&db.reader)
    .await?)
}

/// What a need may be linked to, each as (id, label): follow-up actions (with their meeting),
/// measures (code and title), good practices.
#[derive(Debug, Clone, Default)]
pub struct LinkChoices {
    pub actions: Vec<(i64, String)>,
    pub measures: Vec<(i64, String)>,
    pub practices: Vec<(i64, String)>,
}

pub async fn link_choices(db: &Db) -> crate::Result<LinkChoices> {
    Ok(LinkChoices {
        actions: sqlx::query_as(
            "SELECT a.id, a.title_lv || ' (' || e.title_lv || ', '
                    || date(e.starts_at, 'unixepoch') || ')'
             FROM follow_up_actions a
             JOIN events e ON e.id = a.event_id ORDER BY e.starts_at DESC, a.id",
        )
        .fetch_all(&db.reader)
        .await?,
        measures: sqlx::query_as(
            "SELECT m.id, m.code || ' ' || m.title_lv FROM measures m
             JOIN plans p ON p.id = m.plan_id ORDER BY p.id DESC, m.code, m.id",
        )
        .fetch_all(&db.reader)
        .await?,
        practices: sqlx::query_as(
            "SELECT id, title_lv FROM practices WHERE status = 'published' ORDER BY title_lv, id",
        )
        .fetch_all(&db.reader)
        .await?,
    })
}

/// The label of a link's target (as in [`link_choices`]).
pub async fn link_labels(db: &Db, l: &Links) -> crate::Result<Vec<(&'static str, i64, String)>> {
    let mut out = Vec::new();
    for (kind, table, col, target) in [
        ("action", "follow_up_actions", "title_lv", l.action_id),
        (
            "measure",
            "measures",
            "code || ' ' || title_lv",
            l.measure_id,
        ),
        ("practice", "practices", "title_lv", l.practice_id),
    ] {
        if let Some(t) = target {
            let label: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT {col} FROM {table} WHERE id = $1"
            )))
            .bind(t)
            .fetch_optional(&db.reader)
            .await?;
            if let Some(label) = label {
                out.push((kind, t, label));
            }
        }
    }
    Ok(out)
}

/// Meetings a need may have been raised at: those begun before `now`, the latest first
/// (id, title, starts at).
pub async fn meeting_choices(db: &Db, now: i64) -> crate::Result<Vec<(i64, String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT id, title_lv, starts_at FROM events
         WHERE starts_at <= $1 AND status <> 'draft' ORDER BY starts_at DESC LIMIT 200",
    )
    .bind(now)
    .fetch_all(&db.reader)
    .await?)
}

/// The needs merged into this one, and into those, and so on (their raisers hear of its
/// answer too).
pub async fn merged_from(db: &Db, id: i64) -> crate::Result<Vec<Need>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH RECURSIVE chain(id) AS (
             SELECT id FROM needs WHERE merged_into_id = $1
             UNION SELECT n.id FROM needs n JOIN chain c ON n.merged_into_id = c.id
         )
         {SELECT} WHERE n.id IN (SELECT id FROM chain) ORDER BY n.id"
    )))
    .bind(id)
    .fetch_all(&db.reader)
    .await?)
}

/// The links the public may follow: a measure of a public plan, a published good practice
/// (follow-up actions are the workspace's).
pub async fn public_link_labels(
    db: &Db,
    l: &Links,
) -> crate::Result<Vec<(&'static str, i64, String)>> {
    let public_plans: Vec<i64> = crate::plans::list_public(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut out = Vec::new();
    for (kind, id, label) in link_labels(db, l).await? {
        let shown = match kind {
            "measure" => {
                let plan: Option<i64> =
                    sqlx::query_scalar("SELECT plan_id FROM measures WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&db.reader)
                        .await?;
                plan.is_some_and(|p| public_plans.contains(&p))
            }
            "practice" => {
                let status: Option<String> =
                    sqlx::query_scalar("SELECT status FROM practices WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&db.reader)
                        .await?;
                status.as_deref() == Some("published")
            }
            _ => false,
        };
        if shown {
            out.push((kind, id, label));
        }
    }
    Ok(out)
}

/// How many needs were raised from the public form since `count_since`, and whether one
/// was raised with this address since `address_since` (its "received" mail goes once).
pub async fn public_since(
    db: &Db,
    count_since: i64,
    address_since: i64,
    email: Option<&str>,
) -> crate::Result<(i64, bool)> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM needs WHERE source = 'public' AND created_at >= $1",
    )
    .bind(count_since)
    .fetch_one(&db.reader)
    .await?;
    let known = match email {
        Some(e) => {
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM needs WHERE source = 'public' AND created_at >= $1
                   AND raiser_email = $2 LIMIT 1",
            )
            .bind(address_since)
            .bind(e)
            .fetch_optional(&db.reader)
            .await?;
            found.is_some()
        }
        None => false,
    };
    Ok((n, known))
}

/// Needs raised from `from` to `to` (inclusive days), with how many of them were answered,
/// answered by their day, and are still open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub raised: i64,
    pub answered: i64,
    pub on_time: i64,
    pub open: i64,
}

/// The year's needs in figures: all, by area (every objective, in order) and by planning
/// region (every region, in order; "" for those without a place in Latvia).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub all: Counts,
    pub by_area: Vec<(String, Counts)>,
    pub by_region: Vec<(String, Counts)>,
}

/// (area, status, answer due on, answered on, planning region).
type FigureRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The needs raised between two days (merged ones counted once, in the need they joined).
pub async fn figures(db: &Db, from: Date, to: Date) -> crate::Result<Figures> {
    let start = domain::event::riga_day_start(from);
    let end =
        domain::event::riga_day_start(to.checked_add(jiff::Span::new().days(1)).unwrap_or(to));
    let rows: Vec<FigureRow> = sqlx::query_as(
        "SELECT n.area, n.status, n.answer_due_on, n.answered_on,
                    COALESCE(t.planning_region, p.planning_region)
             FROM needs n
             LEFT JOIN territories t ON t.id = n.territory_id
             LEFT JOIN territories p ON p.id = t.parent_id
             WHERE n.created_at >= $1 AND n.created_at < $2 AND n.status <> 'merged'",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&db.reader)
    .await?;
    let mut out = Figures {
        by_area: domain::event::OBJECTIVES
            .iter()
            .map(|a| ((*a).to_owned(), Counts::default()))
            .collect(),
        by_region: domain::territory::PlanningRegion::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), Counts::default()))
            .chain(std::iter::once((String::new(), Counts::default())))
            .collect(),
        ..Figures::default()
    };
    for (area, status, due, answered, region) in rows {
        let answered_on_time = match (due.as_deref(), answered.as_deref()) {
            (Some(d), Some(a)) => a <= d,
            _ => false,
        };
        let add = |c: &mut Counts| {
            c.raised += 1;
            if status == "answered" {
                c.answered += 1;
                if answered_on_time {
                    c.on_time += 1;
                }
            }
            if status == "new" || status == "assigned" {
                c.open += 1;
            }
        };
        add(&mut out.all);
        if let Some((_, c)) = out.by_area.iter_mut().find(|(a, _)| *a == area) {
            add(c);
        }
        let region = region.unwrap_or_default();
        if let Some((_, c)) = out.by_region.iter_mut().find(|(r, _)| *r == region) {
            add(c);
        }
    }
    Ok(out)
}

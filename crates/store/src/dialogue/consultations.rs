//! Consultations (issue 21, item 2): a draft document in sections, open for comments between
//! two days — to logged-in users and, when chosen, to the public. A comment is never edited:
//! a coordinator may hide it with a reason. After the close each comment gets its outcome and
//! a response, and the summary is published; it stays public with the consultation.

use domain::audit::AuditAction;
use domain::dialogue::{CommentOutcome, ConsultationStage, DocumentKind};
use jiff::civil::Date;

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, DialogueConflict, Error};

/// What the consultation's form gives (validated by the caller). `sections`: (heading,
/// text), in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationInput {
    pub title: String,
    pub intro: String,
    pub document_kind: DocumentKind,
    pub opens_on: Date,
    pub closes_on: Date,
    pub public_comments: bool,
    pub sections: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: i64,
    pub heading: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: i64,
    pub section_id: i64,
    pub body: String,
    /// From a logged-in user (else from the public).
    pub by_user: bool,
    pub organisation_name: Option<String>,
    pub created_at: i64,
    pub hidden_reason: Option<String>,
    pub outcome: Option<CommentOutcome>,
    pub response: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub id: i64,
    pub title: String,
    pub intro: String,
    pub document_kind: DocumentKind,
    pub opens_on: Date,
    pub closes_on: Date,
    pub public_comments: bool,
    pub published_at: Option<i64>,
    pub summary: Option<String>,
    pub summary_published_at: Option<i64>,
    pub version: i64,
    pub sections: Vec<Section>,
    pub comments: Vec<Comment>,
}

impl Consultation {
    pub fn stage(&self, today: Date) -> ConsultationStage {
        ConsultationStage::of(
            self.published_at.is_some(),
            self.summary_published_at.is_some(),
            self.opens_on,
            self.closes_on,
            today,
        )
    }

    /// The comments on a section, in order.
    pub fn comments_on(&self, section: &i64) -> Vec<&Comment> {
        self.comments
            .iter()
            .filter(|c| c.section_id == *section)
            .collect()
    }

    /// Comments not hidden.
    pub fn shown_comments(&self) -> usize {
        self.comments
            .iter()
            .filter(|c| c.hidden_reason.is_none())
            .count()
    }
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    String,
    bool,
    Option<i64>,
    Option<String>,
    Option<i64>,
    i64,
);

fn day(s: &str) -> crate::Result<Date> {
    s.parse()
        .map_err(|e| Error::Other(sqlx::Error::Decode(Box::new(e))))
}

async fn load(db: &Db, r: Row) -> crate::Result<Consultation> {
    let sections: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, heading, body FROM consultation_sections
         WHERE consultation_id = $1 ORDER BY position, id",
    )
    .bind(r.0)
    .fetch_all(&db.reader)
    .await?;
    type CommentRow = (
        i64,
        i64,
        String,
        Option<i64>,
        Option<String>,
        i64,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let comments: Vec<CommentRow> = sqlx::query_as(
        "SELECT id, section_id, body, user_id, organisation_name, created_at, hidden_reason,
                outcome, response
         FROM consultation_comments WHERE consultation_id = $1 ORDER BY created_at, id",
    )
    .bind(r.0)
    .fetch_all(&db.reader)
    .await?;
    Ok(Consultation {
        id: r.0,
        title: r.1,
        intro: r.2,
        document_kind: crate::from_code(&r.3),
        opens_on: day(&r.4)?,
        closes_on: day(&r.5)?,
        public_comments: r.6,
        published_at: r.7,
        summary: r.8,
        summary_published_at: r.9,
        version: r.10,
        sections: sections
            .into_iter()
            .map(|(id, heading, body)| Section { id, heading, body })
            .collect(),
        comments: comments
            .into_iter()
            .map(|c| Comment {
                id: c.0,
                section_id: c.1,
                body: c.2,
                by_user: c.3.is_some(),
                organisation_name: c.4,
                created_at: c.5,
                hidden_reason: c.6,
                outcome: c.7.as_deref().and_then(CommentOutcome::parse),
                response: c.8,
            })
            .collect(),
    })
}

const SELECT: &str = "SELECT id, title, intro, document_kind, opens_on, closes_on,
        public_comments, published_at, summary, summary_published_at, version
     FROM consultations";

pub async fn get(db: &Db, id: i64) -> crate::Result<Consultation> {
    let r: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?;
    load(db, r.ok_or(Error::NotFound)?).await
}

/// Every consultation (`published_only`: those made public), the latest opening first.
pub async fn list(db: &Db, published_only: bool) -> crate::Result<Vec<Consultation>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE (NOT $1 OR published_at IS NOT NULL) ORDER BY opens_on DESC, id DESC"
    )))
    .bind(published_only)
    .fetch_all(&db.reader)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        out.push(load(db, r).await?);
    }
    Ok(out)
}

/// Saves a consultation: a new one (`id` None) or changes to one (stale when `version` is
/// given and someone saved since). Its sections are replaced only while it has no comment
/// (`DialogueConflict::Status` otherwise, when they differ). Returns its id.
pub async fn save(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: Option<i64>,
    version: Option<i64>,
    i: &ConsultationInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    // A summarised consultation is a record: it no longer changes.
    if let Some(id) = id {
        let summarised: Option<Option<i64>> =
            sqlx::query_scalar("SELECT summary_published_at FROM consultations WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if summarised.flatten().is_some() {
            return Err(DialogueConflict::Unpublishable.into());
        }
    }
    let id = match id {
        None => {
            sqlx::query_scalar(
                "INSERT INTO consultations (title, intro, document_kind, opens_on, closes_on,
                     public_comments, created_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            )
            .bind(&i.title)
            .bind(&i.intro)
            .bind(i.document_kind.as_str())
            .bind(i.opens_on.to_string())
            .bind(i.closes_on.to_string())
            .bind(i.public_comments)
            .bind(actor.user_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
        }
        Some(id) => {
            crate::versions::claim(&mut tx, "consultations", id, version).await?;
            sqlx::query(
                "UPDATE consultations SET title = $1, intro = $2, document_kind = $3,
                     opens_on = $4, closes_on = $5, public_comments = $6, updated_at = $7
                 WHERE id = $8",
            )
            .bind(&i.title)
            .bind(&i.intro)
            .bind(i.document_kind.as_str())
            .bind(i.opens_on.to_string())
            .bind(i.closes_on.to_string())
            .bind(i.public_comments)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    let stored: Vec<(String, String)> = sqlx::query_as(
        "SELECT heading, body FROM consultation_sections
         WHERE consultation_id = $1 ORDER BY position, id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    if stored != i.sections {
        let comments: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM consultation_comments WHERE consultation_id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if comments > 0 {
            return Err(DialogueConflict::Status.into());
        }
        sqlx::query("DELETE FROM consultation_sections WHERE consultation_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for (n, (heading, body)) in i.sections.iter().enumerate() {
            sqlx::query(
                "INSERT INTO consultation_sections (consultation_id, position, heading, body)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(n as i64)
            .bind(heading)
            .bind(body)
            .execute(&mut *tx)
            .await?;
        }
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ConsultationSaved).on("consultation", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Makes a consultation public (its comments open on its first day).
pub async fn publish(db: &Db, now: i64, actor: &Actor, id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "consultations", id, None).await?;
    sqlx::query(
        "UPDATE consultations SET published_at = COALESCE(published_at, $1), updated_at = $1
         WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ConsultationPublished).on("consultation", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A comment on a section of an open consultation (`DialogueConflict::Status` when it is
/// not open on `today`, or the public may not comment and there is no user; `NotFound` for
/// a section not of it). Returns its id.
#[expect(clippy::too_many_arguments, reason = "one comment's inputs")]
pub async fn comment(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    id: i64,
    section: i64,
    organisation_name: Option<&str>,
    body: &str,
) -> crate::Result<i64> {
    let c = get(db, id).await?;
    if c.stage(today) != ConsultationStage::Open || (actor.user_id.is_none() && !c.public_comments)
    {
        return Err(DialogueConflict::Status.into());
    }
    if !c.sections.iter().any(|s| s.id == section) {
        return Err(Error::NotFound);
    }
    let mut tx = db.write().await?;
    let cid: i64 = sqlx::query_scalar(
        "INSERT INTO consultation_comments (consultation_id, section_id, body, user_id,
             organisation_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(id)
    .bind(section)
    .bind(body)
    .bind(actor.user_id)
    .bind(organisation_name)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ConsultationCommented)
            .on("consultation", id)
            .detail(format!("comment={cid}")),
    )
    .await?;
    tx.commit().await?;
    Ok(cid)
}

/// Hides a comment with the reason (its text stays, unedited, for the record); once, and not
/// after the summary is published (`NotFound` then).
pub async fn hide(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    comment: i64,
    reason: &str,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE consultation_comments SET hidden_at = $1, hidden_reason = $2, hidden_by = $3
         WHERE id = $4 AND consultation_id = $5 AND hidden_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM consultations
                           WHERE id = $5 AND summary_published_at IS NOT NULL)",
    )
    .bind(now)
    .bind(reason)
    .bind(actor.user_id)
    .bind(comment)
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
        &AuditEvent::new(AuditAction::ConsultationCommentHidden)
            .on("consultation", id)
            .detail(format!("comment={comment}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The coordinator's answer to a comment: taken up, partly or not, and why (once the
/// consultation has closed; `DialogueConflict::Status` before).
#[expect(clippy::too_many_arguments, reason = "one answer's inputs")]
pub async fn answer(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    id: i64,
    comment: i64,
    outcome: CommentOutcome,
    response: Option<&str>,
) -> crate::Result<()> {
    let c = get(db, id).await?;
    if c.stage(today) != ConsultationStage::Closed {
        return Err(DialogueConflict::Status.into());
    }
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE consultation_comments SET outcome = $1, response = $2
         WHERE id = $3 AND consultation_id = $4",
    )
    .bind(outcome.as_str())
    .bind(response)
    .bind(comment)
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
        &AuditEvent::new(AuditAction::ConsultationCommentAnswered)
            .on("consultation", id)
            .detail(format!("comment={comment}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes the summary of a closed consultation (`DialogueConflict::Status` before it
/// closed, or while a shown comment has no outcome).
pub async fn summarise(
    db: &Db,
    now: i64,
    today: Date,
    actor: &Actor,
    id: i64,
    summary: &str,
) -> crate::Result<()> {
    let c = get(db, id).await?;
    let unanswered = c
        .comments
        .iter()
        .any(|x| x.hidden_reason.is_none() && x.outcome.is_none());
    if c.stage(today) != ConsultationStage::Closed || unanswered {
        return Err(DialogueConflict::Status.into());
    }
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "consultations", id, None).await?;
    sqlx::query(
        "UPDATE consultations SET summary = $1, summary_published_at = $2, updated_at = $2
         WHERE id = $3",
    )
    .bind(summary)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ConsultationSummarised).on("consultation", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Consultations held (opened) between two days and their shown comments: (held, comments).
pub async fn held(db: &Db, from: Date, to: Date) -> crate::Result<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(DISTINCT c.id),
                (SELECT COUNT(*) FROM consultation_comments m JOIN consultations k
                   ON k.id = m.consultation_id
                 WHERE k.published_at IS NOT NULL AND k.opens_on BETWEEN $1 AND $2
                   AND m.hidden_at IS NULL)
         FROM consultations c
         WHERE c.published_at IS NOT NULL AND c.opens_on BETWEEN $1 AND $2",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_one(&db.reader)
    .await?)
}

/// Comments from the public (no user) since a time, over every consultation.
pub async fn public_comments_since(db: &Db, since: i64) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM consultation_comments WHERE user_id IS NULL AND created_at >= $1",
    )
    .bind(since)
    .fetch_one(&db.reader)
    .await?)
}

//! Success stories. Coordinators write them (draft), record the featured person's consent,
//! send them to the editorial review and publish them. A story is public only while it is
//! published, and it can be published only while a consent covering the platform's site
//! stands (for a minor: with the guardian's consent and a child's view that is not
//! "disagrees"). Withdrawing the consent takes the story off in the same transaction — page,
//! feed, sitemap and API read the same status — and mails the story's editor.

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};
use domain::audit::AuditAction;
use domain::site::{ChildView, StoryChannel, StoryMedia};

/// Where the consent allows the story to appear.
pub const CHANNELS: &[&str] = domain::site::StoryChannel::CODES;
/// Kinds of media coverage.
pub const MEDIA_KINDS: &[&str] = domain::site::StoryMedia::CODES;
/// A child's own view of the story, recorded with the guardian's consent.
pub use crate::mediation_log::CHILD_VIEWS;

/// Where a story is on the editorial desk.
pub use domain::site::StoryStatus as Status;

/// A story's photo: re-encoded without metadata, with its alternative text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub sha256: String,
    /// "jpeg" or "png".
    pub kind: String,
    pub width: i64,
    pub height: i64,
    pub alt_lv: String,
    pub alt_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Story {
    pub id: i64,
    pub status: Status,
    /// The name the story uses: the person's, or a pseudonym when anonymised.
    pub person_name: String,
    pub anonymised: bool,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub title_rom: Option<String>,
    pub summary_lv: String,
    pub summary_en: Option<String>,
    pub summary_rom: Option<String>,
    pub body_lv: String,
    pub body_en: Option<String>,
    pub body_rom: Option<String>,
    pub territory_id: Option<i64>,
    pub photo: Option<Photo>,
    pub published_at: Option<i64>,
    pub created_by: Option<i64>,
    pub updated_at: i64,
}

impl Story {
    /// (title, summary, body, the language they are in) for "lv", "en" or "rom"; a version
    /// without its title and summary falls back to Latvian.
    pub fn text(&self, lang: &str) -> (&str, &str, &str, &'static str) {
        let (t, s, b, l) = match lang {
            "en" => (&self.title_en, &self.summary_en, &self.body_en, "en"),
            "rom" => (&self.title_rom, &self.summary_rom, &self.body_rom, "rom"),
            _ => (&None, &None, &None, "lv"),
        };
        match (t, s) {
            (Some(t), Some(s)) => (t, s, b.as_deref().unwrap_or(&self.body_lv), l),
            _ => (&self.title_lv, &self.summary_lv, &self.body_lv, "lv"),
        }
    }

    /// Whether there is a Romani version.
    pub fn has_romani(&self) -> bool {
        self.title_rom.is_some() && self.summary_rom.is_some()
    }

    /// The photo the public may see: none for an anonymised story.
    pub fn public_photo(&self) -> Option<&Photo> {
        self.photo.as_ref().filter(|_| !self.anonymised)
    }
}

/// A consent as recorded (and, perhaps, withdrawn).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Consent {
    pub id: i64,
    pub channels: Vec<StoryChannel>,
    pub given_on: String,
    pub form_reference: String,
    pub minor: bool,
    pub guardian_name: Option<String>,
    pub child_view: Option<ChildView>,
    /// The person agreed to be named (otherwise the story must be anonymised).
    pub named: bool,
    /// The person agreed to their photo (otherwise no photo is shown).
    pub photo: bool,
    pub recorded_at: i64,
    pub withdrawn_on: Option<String>,
}

impl Consent {
    pub fn covers(&self, channel: &str) -> bool {
        self.channels.iter().any(|c| c.as_str() == channel)
    }

    /// What keeps it from allowing this story on the site, if anything: a story that names
    /// its person needs `named`, one that shows a photo needs `photo`.
    pub fn blocks_site(&self, story: &Story) -> Option<crate::SiteConflict> {
        if self.withdrawn_on.is_some() {
            Some(crate::SiteConflict::Consent)
        } else if !self.covers("site") {
            Some(crate::SiteConflict::Channel)
        } else if self.minor && self.child_view == Some(ChildView::Disagrees) {
            Some(crate::SiteConflict::Child)
        } else if !story.anonymised && !self.named {
            Some(crate::SiteConflict::Named)
        } else if story.public_photo().is_some() && !self.photo {
            Some(crate::SiteConflict::Photo)
        } else {
            None
        }
    }
}

/// A link to coverage of the story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Media {
    pub id: i64,
    pub kind: StoryMedia,
    pub outlet: String,
    pub title: String,
    pub url: String,
    pub published_on: Option<String>,
}

const SELECT: &str = "SELECT id, status, person_name, anonymised, title_lv, title_en, title_rom,
    summary_lv, summary_en, summary_rom, body_lv, body_en, body_rom, territory_id, photo_sha256,
    photo_kind, photo_width, photo_height, photo_alt_lv, photo_alt_en, published_at, created_by,
    updated_at FROM stories";

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Story {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row as _;
        let status: String = r.try_get(1)?;
        let sha: Option<String> = r.try_get(14)?;
        let photo = match sha {
            Some(sha256) => Some(Photo {
                sha256,
                kind: r.try_get::<Option<String>, _>(15)?.unwrap_or_default(),
                width: r.try_get::<Option<i64>, _>(16)?.unwrap_or_default(),
                height: r.try_get::<Option<i64>, _>(17)?.unwrap_or_default(),
                alt_lv: r.try_get::<Option<String>, _>(18)?.unwrap_or_default(),
                alt_en: r.try_get(19)?,
            }),
            None => None,
        };
        Ok(Story {
            id: r.try_get(0)?,
            status: Status::parse(&status).unwrap_or_default(),
            person_name: r.try_get(2)?,
            anonymised: r.try_get(3)?,
            title_lv: r.try_get(4)?,
            title_en: r.try_get(5)?,
            title_rom: r.try_get(6)?,
            summary_lv: r.try_get(7)?,
            summary_en: r.try_get(8)?,
            summary_rom: r.try_get(9)?,
            body_lv: r.try_get(10)?,
            body_en: r.try_get(11)?,
            body_rom: r.try_get(12)?,
            territory_id: r.try_get(13)?,
            photo,
            published_at: r.try_get(20)?,
            created_by: r.try_get(21)?,
            updated_at: r.try_get(22)?,
        })
    }
}

/// One story; `public` hides everything not published (`NotFound`).
pub async fn get(db: &Db, id: i64, public: bool) -> crate::Result<Story> {
    let s: Story = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)?;
    if public && s.status != Status::Published {
        return Err(Error::NotFound);
    }
    Ok(s)
}

/// Published stories, the latest first.
pub async fn published(db: &Db, limit: i64) -> crate::Result<Vec<Story>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT $1"
    )))
    .bind(limit)
    .fetch_all(&db.reader)
    .await?)
}

/// Every story for the editors: those waiting for review first, then drafts.
pub async fn all(db: &Db) -> crate::Result<Vec<Story>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} ORDER BY CASE status WHEN 'review' THEN 0 WHEN 'draft' THEN 1 WHEN 'withdrawn' THEN 2 ELSE 3 END,
                  updated_at DESC, id DESC LIMIT 1000"
    )))
    .fetch_all(&db.reader)
    .await?)
}

type ConsentRow = (
    i64,
    String,
    String,
    String,
    bool,
    Option<String>,
    Option<String>,
    i64,
    Option<String>,
    bool,
    bool,
);

/// A story's consents, the latest first.
pub async fn consents(db: &Db, story_id: i64) -> crate::Result<Vec<Consent>> {
    let rows: Vec<ConsentRow> = sqlx::query_as(
        "SELECT id, channels, given_on, form_reference, minor, guardian_name, child_view,
                recorded_at, withdrawn_on, named, photo
         FROM story_consents WHERE story_id = $1 ORDER BY id DESC",
    )
    .bind(story_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Consent {
            id: r.0,
            channels: crate::split_codes(&r.1),
            given_on: r.2,
            form_reference: r.3,
            minor: r.4,
            guardian_name: r.5,
            child_view: r.6.as_deref().map(crate::from_code),
            recorded_at: r.7,
            withdrawn_on: r.8,
            named: r.9,
            photo: r.10,
        })
        .collect())
}

/// The consent standing now, if any.
pub async fn standing_consent(db: &Db, story_id: i64) -> crate::Result<Option<Consent>> {
    Ok(consents(db, story_id)
        .await?
        .into_iter()
        .find(|c| c.withdrawn_on.is_none()))
}

/// Media coverage of a story, the latest first.
pub async fn media(db: &Db, story_id: i64) -> crate::Result<Vec<Media>> {
    let rows: Vec<(i64, String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, kind, outlet, title, url, published_on FROM story_media WHERE story_id = $1
         ORDER BY published_on DESC, id DESC",
    )
    .bind(story_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, outlet, title, url, published_on)| Media {
            id,
            kind: crate::from_code(&kind),
            outlet,
            title,
            url,
            published_on,
        })
        .collect())
}

/// Saves a story's text (a new draft when `s.id` is 0); its photo stays, and so does its
/// status — except that a published story whose person's name changes or which stops being
/// anonymised goes back to review. Returns the id.
pub async fn save(db: &Db, now: i64, actor: &Actor, s: &Story) -> crate::Result<i64> {
    save_checked(db, now, actor, s, None).await
}

/// [`save`], refused as stale when a changed story is no longer at `expected`
/// (`crate::versions`): someone saved it since the form was loaded.
pub async fn save_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    s: &Story,
    expected: Option<i64>,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    let id: i64 = if s.id == 0 {
        sqlx::query_scalar(
            "INSERT INTO stories (status, person_name, title_lv, summary_lv, body_lv, created_by,
                 created_at, updated_at)
             VALUES ('draft', '', '', '', '', $1, $2, $2) RETURNING id",
        )
        .bind(actor.user_id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
    } else {
        s.id
    };
    crate::versions::claim(
        &mut tx,
        "stories",
        id,
        if s.id == 0 { None } else { expected },
    )
    .await?;
    // A published story that starts naming someone else, or stops being anonymised, goes
    // back to the editorial review: the consent may not cover it.
    let current: Option<(String, String, bool)> =
        sqlx::query_as("SELECT status, person_name, anonymised FROM stories WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (status, name, anonymised) = current.ok_or(Error::NotFound)?;
    let reveals = name != s.person_name || (anonymised && !s.anonymised);
    if status == "published" && reveals {
        sqlx::query("UPDATE stories SET status = 'review' WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let changed = sqlx::query(
        "UPDATE stories SET person_name = $1, anonymised = $2, title_lv = $3, title_en = $4,
             title_rom = $5, summary_lv = $6, summary_en = $7, summary_rom = $8, body_lv = $9,
             body_en = $10, body_rom = $11, territory_id = $12, updated_at = $13, updated_by = $14
         WHERE id = $15",
    )
    .bind(&s.person_name)
    .bind(s.anonymised)
    .bind(&s.title_lv)
    .bind(s.title_en.as_deref())
    .bind(s.title_rom.as_deref())
    .bind(&s.summary_lv)
    .bind(s.summary_en.as_deref())
    .bind(s.summary_rom.as_deref())
    .bind(&s.body_lv)
    .bind(s.body_en.as_deref())
    .bind(s.body_rom.as_deref())
    .bind(s.territory_id)
    .bind(now)
    .bind(actor.user_id)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::StorySaved).on("story", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Sets (or with `None` removes) the story's photo. Returns the SHA-256 of the photo it
/// replaced when nothing uses that file any more, for the caller to delete.
pub async fn set_photo(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    photo: Option<&Photo>,
) -> crate::Result<Option<String>> {
    let mut tx = db.write().await?;
    let old: Option<Option<String>> =
        sqlx::query_scalar("SELECT photo_sha256 FROM stories WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let old = old.ok_or(Error::NotFound)?;
    // A new photo on a published story is reviewed (and its consent checked) again.
    if photo.is_some() {
        sqlx::query("UPDATE stories SET status = 'review' WHERE id = $1 AND status = 'published'")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "UPDATE stories SET photo_sha256 = $1, photo_kind = $2, photo_width = $3,
             photo_height = $4, photo_alt_lv = $5, photo_alt_en = $6, updated_at = $7,
             updated_by = $8
         WHERE id = $9",
    )
    .bind(photo.map(|p| p.sha256.as_str()))
    .bind(photo.map(|p| p.kind.as_str()))
    .bind(photo.map(|p| p.width))
    .bind(photo.map(|p| p.height))
    .bind(photo.map(|p| p.alt_lv.as_str()))
    .bind(photo.and_then(|p| p.alt_en.as_deref()))
    .bind(now)
    .bind(actor.user_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let what = if photo.is_some() {
        AuditAction::StoryPhotoSet
    } else {
        AuditAction::StoryPhotoRemoved
    };
    audit::record(&mut tx, now, actor, &Event::new(what).on("story", id)).await?;
    let unused = match &old {
        Some(sha) => crate::event_documents::unused_file(&mut tx, sha).await?,
        None => false,
    };
    tx.commit().await?;
    Ok(old.filter(|_| unused))
}

/// A consent to record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewConsent {
    pub channels: Vec<StoryChannel>,
    pub given_on: String,
    pub form_reference: String,
    pub minor: bool,
    pub guardian_name: Option<String>,
    pub child_view: Option<ChildView>,
    pub named: bool,
    pub photo: bool,
}

/// Records the featured person's consent. `SiteConflict::ConsentStanding` when one stands
/// already (withdraw it first), `SiteConflict::Consent` when it is incomplete.
pub async fn record_consent(
    db: &Db,
    now: i64,
    actor: &Actor,
    story_id: i64,
    c: &NewConsent,
) -> crate::Result<i64> {
    if c.channels.is_empty() || (c.minor && (c.guardian_name.is_none() || c.child_view.is_none())) {
        return Err(Error::Conflict(crate::SiteConflict::Consent.into()));
    }
    let mut tx = db.write().await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM stories WHERE id = $1")
        .bind(story_id)
        .fetch_optional(&mut *tx)
        .await?;
    exists.ok_or(Error::NotFound)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO story_consents (story_id, channels, given_on, form_reference, minor,
             guardian_name, child_view, recorded_by, recorded_at, named, photo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(story_id)
    .bind(crate::joined(&c.channels))
    .bind(&c.given_on)
    .bind(&c.form_reference)
    .bind(c.minor)
    .bind(c.guardian_name.as_deref().filter(|_| c.minor))
    .bind(c.child_view.filter(|_| c.minor).map(ChildView::as_str))
    .bind(actor.user_id)
    .bind(now)
    .bind(c.named)
    .bind(c.photo)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| Error::unique(e, crate::SiteConflict::ConsentStanding.into()))?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::StoryConsentRecorded)
            .on("story", story_id)
            .detail(crate::joined(&c.channels)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws the standing consent: the story leaves the site in the same transaction
/// (published or in review → withdrawn) and its editor gets `mail` (the demo sends none).
/// `NotFound` when no consent stands.
pub async fn withdraw_consent(
    db: &Db,
    now: i64,
    actor: &Actor,
    story_id: i64,
    withdrawn_on: &str,
    mail: Option<&crate::outbox::Outgoing>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let changed = sqlx::query(
        "UPDATE story_consents SET withdrawn_on = $1, withdrawn_by = $2, withdrawn_at = $3
         WHERE story_id = $4 AND withdrawn_at IS NULL",
    )
    .bind(withdrawn_on)
    .bind(actor.user_id)
    .bind(now)
    .bind(story_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::NotFound);
    }
    sqlx::query(
        "UPDATE stories SET status = 'withdrawn', updated_at = $1, updated_by = $2
         WHERE id = $3 AND status IN ('review', 'published')",
    )
    .bind(now)
    .bind(actor.user_id)
    .bind(story_id)
    .execute(&mut *tx)
    .await?;
    let editor: Option<String> = sqlx::query_scalar(
        "SELECT u.email FROM stories s JOIN users u ON u.id = s.created_by
         WHERE s.id = $1 AND u.disabled_at IS NULL",
    )
    .bind(story_id)
    .fetch_optional(&mut *tx)
    .await?;
    if let (Some(to), Some(mail)) = (editor, mail) {
        crate::outbox::enqueue_in(&mut tx, now, &to, mail).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::StoryConsentWithdrawn).on("story", story_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A step of the editorial workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Draft (or withdrawn, with a new consent) → review.
    ToReview,
    /// Review → published.
    Publish,
    /// Review or published → draft.
    BackToDraft,
}

/// Moves a story along. `Conflict` with the reason when it may not: "status" (not from
/// here), "consent" (none standing), "channel" (the consent does not cover the site),
/// "child" (a minor's own view is "disagrees").
pub async fn step(db: &Db, now: i64, actor: &Actor, id: i64, step: Step) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM stories WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let status = Status::parse(&status.ok_or(Error::NotFound)?).unwrap_or_default();
    let (allowed, next) = match step {
        Step::ToReview => (
            matches!(status, Status::Draft | Status::Withdrawn),
            Status::Review,
        ),
        Step::Publish => (status == Status::Review, Status::Published),
        Step::BackToDraft => (
            matches!(status, Status::Review | Status::Published),
            Status::Draft,
        ),
    };
    if !allowed {
        return Err(Error::Conflict(crate::SiteConflict::Status.into()));
    }
    if next != Status::Draft {
        let row: Option<(String, bool, Option<String>, bool, bool)> = sqlx::query_as(
            "SELECT channels, minor, child_view, named, photo FROM story_consents
             WHERE story_id = $1 AND withdrawn_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((channels, minor, child_view, named, photo)) = row else {
            return Err(Error::Conflict(crate::SiteConflict::Consent.into()));
        };
        let story: Story = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let consent = Consent {
            channels: crate::split_codes(&channels),
            minor,
            child_view: child_view.as_deref().map(crate::from_code),
            named,
            photo,
            ..Consent::default()
        };
        if let Some(why) = consent.blocks_site(&story) {
            return Err(Error::Conflict(why.into()));
        }
    }
    sqlx::query(
        "UPDATE stories SET status = $1, updated_at = $2, updated_by = $3,
             published_at = CASE WHEN $1 = 'published' THEN COALESCE(published_at, $2) ELSE published_at END
         WHERE id = $4",
    )
    .bind(next.as_str())
    .bind(now)
    .bind(actor.user_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let what = match step {
        Step::ToReview => AuditAction::StoryToReview,
        Step::Publish => AuditAction::StoryPublished,
        Step::BackToDraft => AuditAction::StoryBackToDraft,
    };
    audit::record(&mut tx, now, actor, &Event::new(what).on("story", id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a link to coverage of the story.
pub async fn add_media(
    db: &Db,
    now: i64,
    actor: &Actor,
    story_id: i64,
    m: &Media,
) -> crate::Result<i64> {
    if !MEDIA_KINDS.contains(&m.kind.as_str()) {
        return Err(Error::Conflict(crate::SiteConflict::Kind.into()));
    }
    let mut tx = db.write().await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM stories WHERE id = $1")
        .bind(story_id)
        .fetch_optional(&mut *tx)
        .await?;
    exists.ok_or(Error::NotFound)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO story_media (story_id, kind, outlet, title, url, published_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(story_id)
    .bind(m.kind.as_str())
    .bind(&m.outlet)
    .bind(&m.title)
    .bind(&m.url)
    .bind(m.published_on.as_deref())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::StoryMediaAdded).on("story", story_id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a media link of the story.
pub async fn remove_media(
    db: &Db,
    now: i64,
    actor: &Actor,
    story_id: i64,
    media_id: i64,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let gone = sqlx::query("DELETE FROM story_media WHERE id = $1 AND story_id = $2")
        .bind(media_id)
        .bind(story_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if gone == 0 {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::StoryMediaRemoved).on("story", story_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a story that is not public (a draft, or withdrawn) with its consents and media
/// links; returns its photo's SHA-256 when nothing uses that file any more, for the caller
/// to delete. `SiteConflict::Status` for a story in review or published.
pub async fn delete(db: &Db, now: i64, actor: &Actor, id: i64) -> crate::Result<Option<String>> {
    let mut tx = db.write().await?;
    let photo = delete_in(&mut tx, now, actor, id).await?;
    tx.commit().await?;
    Ok(photo)
}

async fn delete_in(
    tx: &mut sqlx::SqliteConnection,
    now: i64,
    actor: &Actor,
    id: i64,
) -> crate::Result<Option<String>> {
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT status, photo_sha256 FROM stories WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (status, photo) = row.ok_or(Error::NotFound)?;
    if !matches!(
        Status::parse(&status),
        Some(Status::Draft | Status::Withdrawn)
    ) {
        return Err(Error::Conflict(crate::SiteConflict::Status.into()));
    }
    for table in ["story_media", "story_consents"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE story_id = $1"
        )))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM stories WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        tx,
        now,
        actor,
        &Event::new(AuditAction::StoryDeleted).on("story", id),
    )
    .await?;
    let unused = match &photo {
        Some(sha) => crate::event_documents::unused_file(tx, sha).await?,
        None => false,
    };
    Ok(photo.filter(|_| unused))
}

/// How long a withdrawn story is kept (for the editor to take it down from social media
/// and the press, and to answer questions) before it is deleted with its photo.
pub const WITHDRAWN_KEPT_DAYS: i64 = 30;

/// Deletes the stories whose consent was withdrawn more than [`WITHDRAWN_KEPT_DAYS`] ago
/// and not given again — withdrawn ones, and drafts whose consent went before they were
/// published (the scheduled jobs call it). Returns how many, and the photo files nothing
/// uses any more.
pub async fn delete_long_withdrawn(db: &Db, now: i64) -> crate::Result<(usize, Vec<String>)> {
    let cutoff = now - WITHDRAWN_KEPT_DAYS * 86_400;
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT s.id FROM stories s WHERE s.status IN ('withdrawn', 'draft')
           AND NOT EXISTS (SELECT 1 FROM story_consents c
                           WHERE c.story_id = s.id AND c.withdrawn_at IS NULL)
           AND (SELECT MAX(withdrawn_at) FROM story_consents c WHERE c.story_id = s.id) < $1",
    )
    .bind(cutoff)
    .fetch_all(&db.reader)
    .await?;
    let actor = Actor {
        user_id: None,
        label: Some("retention".to_owned()),
        ip: None,
    };
    let mut files = Vec::new();
    let mut tx = db.write().await?;
    for id in &due {
        files.extend(delete_in(&mut tx, now, &actor, *id).await?);
    }
    tx.commit().await?;
    Ok((due.len(), files))
}

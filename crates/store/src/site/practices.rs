//! The good-practice library. Any organisation user writes a practice and submits it; a
//! coordinator publishes it or returns it with a comment. Only published practices are
//! public, and only they are in the full-text index (`practices_fts`, kept in the same
//! transaction as the status). Section texts are sanitised HTML (by the caller, on save and
//! on render).

use domain::audit::AuditAction;
use domain::event::Objective;
use domain::site::PracticeTarget;
use std::collections::{BTreeMap, HashMap};

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};

/// Who a practice is for.
pub const TARGET_GROUPS: &[&str] = domain::site::PracticeTarget::CODES;

/// Where a practice is in its review.
pub use domain::site::PracticeStatus as Status;

/// A practice, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Practice {
    pub id: i64,
    pub status: Status,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub summary_lv: String,
    pub summary_en: Option<String>,
    pub problem_lv: String,
    pub problem_en: Option<String>,
    pub activities_lv: String,
    pub activities_en: Option<String>,
    pub results_lv: String,
    pub results_en: Option<String>,
    pub transfer_lv: Option<String>,
    pub transfer_en: Option<String>,
    pub target_groups: Vec<PracticeTarget>,
    pub areas: Vec<Objective>,
    pub territory_id: i64,
    pub year_from: i64,
    pub year_to: Option<i64>,
    pub implementers: String,
    pub partners: Option<String>,
    pub cost_cents: Option<i64>,
    pub funding: Option<String>,
    pub event_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub created_by: Option<i64>,
    pub review_comment: Option<String>,
    pub published_at: Option<i64>,
    pub updated_at: i64,
    /// Contacts from the public directory (kind "person" or "organisation", id).
    pub contacts: Vec<(String, i64)>,
}

impl Practice {
    /// Whether it has its title and summary in English.
    pub fn has_english(&self) -> bool {
        self.title_en.is_some() && self.summary_en.is_some()
    }

    /// (title, summary) in a language, with the language the text is in.
    pub fn heading(&self, lang: &str) -> (&str, &str, &'static str) {
        match (lang, &self.title_en, &self.summary_en) {
            ("en", Some(t), Some(s)) => (t, s, "en"),
            _ => (&self.title_lv, &self.summary_lv, "lv"),
        }
    }
}

/// One section's text in a language: (text, language it is in); English falls back to
/// Latvian.
pub fn section<'a>(lang: &str, lv: &'a str, en: &'a Option<String>) -> (&'a str, &'static str) {
    match (lang, en) {
        ("en", Some(t)) => (t, "en"),
        _ => (lv, "lv"),
    }
}

fn list(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

const SELECT: &str = "SELECT id, status, title_lv, title_en, summary_lv, summary_en, problem_lv,
    problem_en, activities_lv, activities_en, results_lv, results_en, transfer_lv, transfer_en,
    target_groups, areas, territory_id, year_from, year_to, implementers, partners, cost_cents,
    funding, event_id, organisation_id, created_by, review_comment, published_at, updated_at
    FROM practices";

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Practice {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row as _;
        let status: String = r.try_get(1)?;
        let targets: String = r.try_get(14)?;
        let areas: String = r.try_get(15)?;
        Ok(Practice {
            id: r.try_get(0)?,
            status: Status::parse(&status).unwrap_or_default(),
            title_lv: r.try_get(2)?,
            title_en: r.try_get(3)?,
            summary_lv: r.try_get(4)?,
            summary_en: r.try_get(5)?,
            problem_lv: r.try_get(6)?,
            problem_en: r.try_get(7)?,
            activities_lv: r.try_get(8)?,
            activities_en: r.try_get(9)?,
            results_lv: r.try_get(10)?,
            results_en: r.try_get(11)?,
            transfer_lv: r.try_get(12)?,
            transfer_en: r.try_get(13)?,
            target_groups: crate::split_codes(&targets),
            areas: crate::split_codes(&areas),
            territory_id: r.try_get(16)?,
            year_from: r.try_get(17)?,
            year_to: r.try_get(18)?,
            implementers: r.try_get(19)?,
            partners: r.try_get(20)?,
            cost_cents: r.try_get(21)?,
            funding: r.try_get(22)?,
            event_id: r.try_get(23)?,
            organisation_id: r.try_get(24)?,
            created_by: r.try_get(25)?,
            review_comment: r.try_get(26)?,
            published_at: r.try_get(27)?,
            updated_at: r.try_get(28)?,
            contacts: Vec::new(),
        })
    }
}

/// One practice with its contacts; `public` hides everything not published (`NotFound`).
pub async fn get(db: &Db, id: i64, public: bool) -> crate::Result<Practice> {
    let mut p: Practice = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)?;
    if public && p.status != Status::Published {
        return Err(Error::NotFound);
    }
    p.contacts = sqlx::query_as(
        "SELECT subject_kind, subject_id FROM practice_contacts WHERE practice_id = $1
         ORDER BY subject_kind DESC, subject_id",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    Ok(p)
}

/// A line of a workspace list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub status: Status,
    pub title_lv: String,
    pub organisation: Option<String>,
    pub updated_at: i64,
}

/// The practices a user wrote, and — for a coordinator (`all`) — every practice, those
/// waiting for review first.
pub async fn lines(db: &Db, user_id: i64, all: bool) -> crate::Result<Vec<Line>> {
    let rows: Vec<(i64, String, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT p.id, p.status, p.title_lv, o.name_lv, p.updated_at FROM practices p
         LEFT JOIN organisations o ON o.id = p.organisation_id
         WHERE $1 OR p.created_by = $2
         ORDER BY CASE p.status WHEN 'submitted' THEN 0 WHEN 'returned' THEN 1 WHEN 'draft' THEN 2 ELSE 3 END,
                  p.updated_at DESC, p.id DESC
         LIMIT 1000",
    )
    .bind(all)
    .bind(user_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, status, title_lv, organisation, updated_at)| Line {
            id,
            status: Status::parse(&status).unwrap_or_default(),
            title_lv,
            organisation,
            updated_at,
        })
        .collect())
}

/// Who is saving: the author (only their own draft or returned practice) or a coordinator.
#[derive(Debug, Clone, Copy)]
pub struct Editor {
    pub user_id: i64,
    pub organisation_id: Option<i64>,
    pub coordinator: bool,
}

/// Saves a practice (a new one when `p.id` is 0) with its contacts; `submit` sends a
/// draft or returned practice for review. A published practice stays published (only a
/// coordinator may change it) and is re-indexed. Returns the id. `NotFound` when the
/// editor may not change it.
pub async fn save(
    db: &Db,
    now: i64,
    actor: &Actor,
    editor: Editor,
    p: &Practice,
    submit: bool,
) -> crate::Result<i64> {
    save_checked(db, now, actor, editor, p, submit, None).await
}

/// [`save`], refused as stale when a changed practice is no longer at `expected`
/// (`crate::versions`): someone saved it since the form was loaded.
pub async fn save_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    editor: Editor,
    p: &Practice,
    submit: bool,
    expected: Option<i64>,
) -> crate::Result<i64> {
    if p.target_groups.is_empty() {
        return Err(Error::Conflict(crate::SiteConflict::TargetGroups.into()));
    }
    if p.areas.is_empty() {
        return Err(Error::Conflict(crate::SiteConflict::Areas.into()));
    }
    let mut tx = db.write().await?;
    let id: i64 = if p.id == 0 {
        sqlx::query_scalar(
            "INSERT INTO practices (status, title_lv, created_by, organisation_id, summary_lv,
                 problem_lv, activities_lv, results_lv, target_groups, areas, territory_id,
                 year_from, implementers, created_at, updated_at)
             VALUES ('draft', '', $1, $2, '', '', '', '', '', '', $3, 0, '', $4, $4) RETURNING id",
        )
        .bind(editor.user_id)
        .bind(editor.organisation_id)
        .bind(p.territory_id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
    } else {
        p.id
    };
    let current: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT status, created_by FROM practices WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((status, author)) = current else {
        return Err(Error::NotFound);
    };
    let status = Status::parse(&status).unwrap_or_default();
    if !editor.coordinator && (author != Some(editor.user_id) || !status.author_edits()) {
        return Err(Error::NotFound);
    }
    crate::versions::claim(
        &mut tx,
        "practices",
        id,
        if p.id == 0 { None } else { expected },
    )
    .await?;
    let next = match status {
        Status::Published => Status::Published,
        _ if submit => Status::Submitted,
        s => s,
    };
    sqlx::query(
        "UPDATE practices SET status = $1, title_lv = $2, title_en = $3, summary_lv = $4,
             summary_en = $5, problem_lv = $6, problem_en = $7, activities_lv = $8,
             activities_en = $9, results_lv = $10, results_en = $11, transfer_lv = $12,
             transfer_en = $13, target_groups = $14, areas = $15, territory_id = $16,
             year_from = $17, year_to = $18, implementers = $19, partners = $20,
             cost_cents = $21, funding = $22, event_id = $23,
             submitted_at = CASE WHEN $24 THEN $25 ELSE submitted_at END,
             updated_at = $25, updated_by = $26
         WHERE id = $27",
    )
    .bind(next.as_str())
    .bind(&p.title_lv)
    .bind(p.title_en.as_deref())
    .bind(&p.summary_lv)
    .bind(p.summary_en.as_deref())
    .bind(&p.problem_lv)
    .bind(p.problem_en.as_deref())
    .bind(&p.activities_lv)
    .bind(p.activities_en.as_deref())
    .bind(&p.results_lv)
    .bind(p.results_en.as_deref())
    .bind(p.transfer_lv.as_deref())
    .bind(p.transfer_en.as_deref())
    .bind(crate::joined(&p.target_groups))
    .bind(crate::joined(&p.areas))
    .bind(p.territory_id)
    .bind(p.year_from)
    .bind(p.year_to)
    .bind(&p.implementers)
    .bind(p.partners.as_deref())
    .bind(p.cost_cents)
    .bind(p.funding.as_deref())
    .bind(p.event_id)
    .bind(next == Status::Submitted && status != Status::Submitted)
    .bind(now)
    .bind(editor.user_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM practice_contacts WHERE practice_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for (kind, subject) in &p.contacts {
        if kind != "person" && kind != "organisation" {
            return Err(Error::Conflict(crate::SiteConflict::Contacts.into()));
        }
        sqlx::query(
            "INSERT OR IGNORE INTO practice_contacts (practice_id, subject_kind, subject_id)
             VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(kind)
        .bind(subject)
        .execute(&mut *tx)
        .await?;
    }
    index(&mut tx, id).await?;
    let what = if next == Status::Submitted && status != Status::Submitted {
        AuditAction::PracticeSubmitted
    } else {
        AuditAction::PracticeSaved
    };
    audit::record(&mut tx, now, actor, &Event::new(what).on("practice", id)).await?;
    tx.commit().await?;
    Ok(id)
}

/// A coordinator's decision on a practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Publish,
    /// Back to the author with a comment (also takes a published practice off the site).
    Return(String),
}

/// Publishes a submitted practice, or returns a submitted or published one to its author;
/// the index follows in the same transaction. `SiteConflict::Status` otherwise (a draft is
/// the author's until they submit it).
pub async fn review(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    decision: &Decision,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let changed = match decision {
        Decision::Publish => sqlx::query(
            "UPDATE practices SET status = 'published', published_at = COALESCE(published_at, $1),
                 review_comment = NULL, reviewed_by = $2, reviewed_at = $1
             WHERE id = $3 AND status = 'submitted'",
        )
        .bind(now)
        .bind(actor.user_id)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected(),
        Decision::Return(comment) => sqlx::query(
            "UPDATE practices SET status = 'returned', review_comment = $1, reviewed_by = $2,
                 reviewed_at = $3
             WHERE id = $4 AND status IN ('submitted', 'published')",
        )
        .bind(comment)
        .bind(actor.user_id)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected(),
    };
    if changed == 0 {
        return Err(Error::Conflict(crate::SiteConflict::Status.into()));
    }
    index(&mut tx, id).await?;
    let what = match decision {
        Decision::Publish => AuditAction::PracticePublished,
        Decision::Return(_) => AuditAction::PracticeReturned,
    };
    audit::record(&mut tx, now, actor, &Event::new(what).on("practice", id)).await?;
    // Its author hears of it (the reviewer does not hear of their own decision).
    let (author, title_lv, title_en): (Option<i64>, String, Option<String>) =
        sqlx::query_as("SELECT created_by, title_lv, title_en FROM practices WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    if let Some(author) = author {
        let kind = match decision {
            Decision::Publish => domain::notice::NoticeKind::PracticePublished,
            Decision::Return(_) => domain::notice::NoticeKind::PracticeReturned,
        };
        let n = crate::notices::Notice {
            kind,
            to: crate::notices::To::User(author),
            path: format!("/practice-submissions/{id}"),
            title_lv,
            title_en,
            dedupe: format!("{}:{id}:{now}", kind.as_str()),
        };
        crate::notices::raise_in(&mut tx, now, actor.user_id, &n).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Puts a practice's text in the index when it is published, takes it out otherwise.
async fn index(tx: &mut sqlx::SqliteConnection, id: i64) -> crate::Result<()> {
    sqlx::query("DELETE FROM practices_fts WHERE rowid = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT p.title_lv || ' ' || COALESCE(p.title_en, ''),
                p.summary_lv || ' ' || COALESCE(p.summary_en, ''),
                concat_ws(' ', p.problem_lv, p.problem_en, p.activities_lv, p.activities_en,
                          p.results_lv, p.results_en, p.transfer_lv, p.transfer_en,
                          p.implementers, p.partners, p.funding, t.name_lv, t.name_en,
                          t.country_name_lv, t.country_name_en)
         FROM practices p JOIN territories t ON t.id = p.territory_id
         WHERE p.id = $1 AND p.status = 'published'",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((title, summary, body)) = row {
        sqlx::query(
            "INSERT INTO practices_fts (rowid, title, summary, body) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(title)
        .bind(summary)
        .bind(domain::text::plain_text(&body))
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// The search: words (each matches the start of a word, diacritics and case ignored) and
/// facet choices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub q: String,
    pub area: Option<String>,
    pub target: Option<String>,
    /// A planning region (`riga`, …, `latgale`) or a country code (`EE`).
    pub place: Option<String>,
    pub year: Option<i64>,
}

/// A found practice (published), with what a list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: i64,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub summary_lv: String,
    pub summary_en: Option<String>,
    pub place_lv: String,
    pub place_en: Option<String>,
    pub country: String,
    pub areas: Vec<String>,
    pub target_groups: Vec<String>,
    pub year_from: i64,
    pub year_to: Option<i64>,
    pub published_at: i64,
    /// The facet value of its place: a planning region or a country code.
    pub place_key: String,
    /// bm25 rank (lower is better); 0 without words.
    pub rank: f64,
}

/// How many of the found practices each facet value would give (each facet counted with
/// the other facets' choices applied).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub area: BTreeMap<String, usize>,
    pub target: BTreeMap<String, usize>,
    /// (facet value, Latvian name of a country, English name) — regions have no names here.
    pub place: BTreeMap<String, usize>,
    pub country_names: BTreeMap<String, (String, String)>,
    pub year: BTreeMap<i64, usize>,
}

/// The FTS5 query for typed words: each folded word as a quoted prefix, all required.
/// `None` when nothing searchable was typed.
pub fn match_expression(q: &str) -> Option<String> {
    let words: Vec<String> = domain::text::search_words(q)
        .into_iter()
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

type HitRow = (
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
    String,
);

/// Published practices matching the words and facet choices (best match first, or the
/// latest published without words), with the facet counts. `this_year` closes open periods.
pub async fn search(db: &Db, q: &Query, this_year: i64) -> crate::Result<(Vec<Hit>, Facets)> {
    let ranks: Option<HashMap<i64, f64>> = match match_expression(&q.q) {
        None => None,
        Some(expr) => Some(
            sqlx::query_as::<_, (i64, f64)>(
                "SELECT rowid, bm25(practices_fts, 10.0, 4.0, 1.0) FROM practices_fts
                 WHERE practices_fts MATCH $1",
            )
            .bind(expr)
            .fetch_all(&db.reader)
            .await?
            .into_iter()
            .collect(),
        ),
    };
    let rows: Vec<HitRow> = sqlx::query_as(
        "SELECT p.id, p.title_lv, p.title_en, p.summary_lv, p.summary_en, t.name_lv, t.name_en,
                t.country, p.areas, p.target_groups, p.year_from, p.year_to, p.published_at,
                COALESCE(t.planning_region, tu.planning_region), t.country_name_lv, t.country_name_en
         FROM practices p JOIN territories t ON t.id = p.territory_id
         LEFT JOIN territories tu ON tu.id = t.parent_id
         WHERE p.status = 'published'",
    )
    .fetch_all(&db.reader)
    .await?;
    let mut facets = Facets::default();
    let mut hits = Vec::new();
    for r in rows {
        let rank = match &ranks {
            None => 0.0,
            Some(found) => match found.get(&r.0) {
                Some(rank) => *rank,
                None => continue,
            },
        };
        let place_key = if r.7 == "LV" {
            r.13.clone().unwrap_or_else(|| "LV".to_owned())
        } else {
            facets
                .country_names
                .insert(r.7.clone(), (r.14.clone(), r.15.clone()));
            r.7.clone()
        };
        let hit = Hit {
            id: r.0,
            title_lv: r.1,
            title_en: r.2,
            summary_lv: r.3,
            summary_en: r.4,
            place_lv: r.5,
            place_en: r.6,
            country: r.7,
            areas: list(&r.8),
            target_groups: list(&r.9),
            year_from: r.10,
            year_to: r.11,
            published_at: r.12.unwrap_or(0),
            place_key,
            rank,
        };
        let last = hit.year_to.unwrap_or(this_year.max(hit.year_from));
        let years = hit.year_from..=last;
        let area_ok = q.area.as_ref().is_none_or(|a| hit.areas.contains(a));
        let target_ok = q
            .target
            .as_ref()
            .is_none_or(|t| hit.target_groups.contains(t));
        let place_ok = q.place.as_ref().is_none_or(|p| &hit.place_key == p);
        let year_ok = q.year.is_none_or(|y| years.contains(&y));
        if target_ok && place_ok && year_ok {
            for a in &hit.areas {
                *facets.area.entry(a.clone()).or_default() += 1;
            }
        }
        if area_ok && place_ok && year_ok {
            for t in &hit.target_groups {
                *facets.target.entry(t.clone()).or_default() += 1;
            }
        }
        if area_ok && target_ok && year_ok {
            *facets.place.entry(hit.place_key.clone()).or_default() += 1;
        }
        if area_ok && target_ok && place_ok {
            for y in years.clone() {
                *facets.year.entry(y).or_default() += 1;
            }
        }
        if area_ok && target_ok && place_ok && year_ok {
            hits.push(hit);
        }
    }
    if ranks.is_some() {
        hits.sort_by(|a, b| a.rank.total_cmp(&b.rank).then(b.id.cmp(&a.id)));
    } else {
        hits.sort_by(|a, b| b.published_at.cmp(&a.published_at).then(b.id.cmp(&a.id)));
    }
    Ok((hits, facets))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_quoted_folded_prefixes() {
        assert_eq!(match_expression("skola").as_deref(), Some("\"skola\"*"));
        assert_eq!(
            match_expression("  Skolēni, \"darbs\" OR NEAR(x) ").as_deref(),
            Some("\"skoleni\"* \"darbs\"* \"or\"* \"near\"* \"x\"*")
        );
        assert_eq!(match_expression(" \"*()- "), None);
    }
}

/// An attachment or image of a practice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct File {
    pub id: i64,
    pub practice_id: i64,
    pub title: String,
    /// pdf, docx, xlsx, odt, jpeg or png.
    pub kind: String,
    pub size: i64,
    pub sha256: String,
    /// Images: (alt text in Latvian, in English, width, height).
    pub alt_lv: Option<String>,
    pub alt_en: Option<String>,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

impl File {
    pub fn is_image(&self) -> bool {
        matches!(self.kind.as_str(), "jpeg" | "png")
    }
}

type FileRow = (
    i64,
    i64,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn file(r: FileRow) -> File {
    File {
        id: r.0,
        practice_id: r.1,
        title: r.2,
        kind: r.3,
        size: r.4,
        sha256: r.5,
        alt_lv: r.6,
        alt_en: r.7,
        width: r.8,
        height: r.9,
    }
}

const FILE_SELECT: &str = "SELECT id, practice_id, title, kind, size, sha256, alt_lv, alt_en,
    width, height FROM practice_files";

/// A practice's files, images first, in upload order.
pub async fn files(db: &Db, practice_id: i64) -> crate::Result<Vec<File>> {
    Ok(sqlx::query_as::<_, FileRow>(sqlx::AssertSqlSafe(format!(
        "{FILE_SELECT} WHERE practice_id = $1 ORDER BY kind NOT IN ('jpeg', 'png'), id"
    )))
    .bind(practice_id)
    .fetch_all(&db.reader)
    .await?
    .into_iter()
    .map(file)
    .collect())
}

/// One file of a practice.
pub async fn get_file(db: &Db, practice_id: i64, id: i64) -> crate::Result<File> {
    sqlx::query_as::<_, FileRow>(sqlx::AssertSqlSafe(format!(
        "{FILE_SELECT} WHERE practice_id = $1 AND id = $2"
    )))
    .bind(practice_id)
    .bind(id)
    .fetch_optional(&db.reader)
    .await?
    .map(file)
    .ok_or(Error::NotFound)
}

/// Whether the editor may change the practice now (its author while it is a draft or
/// returned; a coordinator always). `NotFound` when it does not exist or they may not.
async fn may_change(
    conn: &mut sqlx::SqliteConnection,
    editor: Editor,
    practice_id: i64,
) -> crate::Result<()> {
    let row: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT status, created_by FROM practices WHERE id = $1")
            .bind(practice_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (status, author) = row.ok_or(Error::NotFound)?;
    let status = Status::parse(&status).unwrap_or_default();
    if editor.coordinator || (author == Some(editor.user_id) && status.author_edits()) {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Adds a file to a practice the editor may change. Returns its id.
pub async fn add_file(
    db: &Db,
    now: i64,
    actor: &Actor,
    editor: Editor,
    f: &File,
) -> crate::Result<i64> {
    if f.is_image() && f.alt_lv.is_none() {
        return Err(Error::Conflict(crate::SiteConflict::Alt.into()));
    }
    let mut tx = db.write().await?;
    may_change(&mut tx, editor, f.practice_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO practice_files (practice_id, title, kind, size, sha256, alt_lv, alt_en,
             width, height, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(f.practice_id)
    .bind(&f.title)
    .bind(&f.kind)
    .bind(f.size)
    .bind(&f.sha256)
    .bind(f.alt_lv.as_deref())
    .bind(f.alt_en.as_deref())
    .bind(f.width)
    .bind(f.height)
    .bind(actor.user_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PracticeFileAdded)
            .on("practice", f.practice_id)
            .detail(format!("file={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a file of a practice the editor may change; returns its SHA-256 when nothing
/// uses the bytes any more, for the caller to delete.
pub async fn remove_file(
    db: &Db,
    now: i64,
    actor: &Actor,
    editor: Editor,
    practice_id: i64,
    id: i64,
) -> crate::Result<Option<String>> {
    let mut tx = db.write().await?;
    may_change(&mut tx, editor, practice_id).await?;
    let sha: Option<String> = sqlx::query_scalar(
        "DELETE FROM practice_files WHERE id = $1 AND practice_id = $2 RETURNING sha256",
    )
    .bind(id)
    .bind(practice_id)
    .fetch_optional(&mut *tx)
    .await?;
    let sha = sha.ok_or(Error::NotFound)?;
    let unused = crate::event_documents::unused_file(&mut tx, &sha).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PracticeFileRemoved)
            .on("practice", practice_id)
            .detail(format!("file={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(unused.then_some(sha))
}

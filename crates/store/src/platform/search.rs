//! The workspace search's candidates: for each kind of record, the titles a user may reach
//! (the same scopes as the pages that list them). The words are matched by the caller
//! (`domain::text::has_word_starts`: diacritics ignored, word starts), so the store only
//! narrows by scope — and, where a folded `search_key` is kept (people, organisations), by
//! the first word.

use crate::Db;

/// A kind of record the search finds, in the order the results list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Family,
    Event,
    Action,
    Measure,
    Organisation,
    Person,
    Practice,
    Story,
    News,
}

/// What the searching user may reach; each field mirrors the permission of the pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reach {
    pub user_id: i64,
    /// The workspace's events (every event; ViewEvents).
    pub events: bool,
    /// Follow-up actions: every organisation's (ManageEvents), else only this one's.
    pub all_actions: bool,
    pub organisation_id: Option<i64>,
    /// Plans' measures (ViewPlans).
    pub measures: bool,
    /// People and organisations of the registry, by name (ViewDirectory).
    pub directory: bool,
    /// Every practice, story and news item, drafts too (ManageSite); otherwise the
    /// published ones, and one's own practices.
    pub site_editor: bool,
    /// One's own mediation families, by code (WorkCases). Nobody else's, ever.
    pub families: bool,
}

/// One record that may match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub kind: Kind,
    pub id: i64,
    pub title_lv: String,
    pub title_en: Option<String>,
    /// A word that tells it apart: a date, a measure's code, a status code.
    pub extra: Option<String>,
    /// Published on the public site (its public page is where it is read).
    pub public: bool,
}

type Row = (i64, String, Option<String>, Option<String>, bool);

async fn rows(
    db: &Db,
    kind: Kind,
    sql: &'static str,
    binds: (Option<i64>, Option<&str>),
) -> crate::Result<Vec<Candidate>> {
    let mut q = sqlx::query_as::<_, Row>(sql);
    if let Some(n) = binds.0 {
        q = q.bind(n);
    }
    if let Some(t) = binds.1 {
        q = q.bind(t);
    }
    Ok(q.fetch_all(&db.reader)
        .await?
        .into_iter()
        .map(|(id, title_lv, title_en, extra, public)| Candidate {
            kind,
            id,
            title_lv,
            title_en,
            extra,
            public,
        })
        .collect())
}

/// The candidates a user may reach. `first_word` is the search's first word, folded.
pub async fn candidates(db: &Db, reach: &Reach, first_word: &str) -> crate::Result<Vec<Candidate>> {
    let like = format!(
        "%{}%",
        first_word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let mut out = Vec::new();
    if reach.families {
        out.extend(
            rows(
                db,
                Kind::Family,
                "SELECT id, code, NULL, status, 0 FROM families WHERE mediator_user_id = $1",
                (Some(reach.user_id), None),
            )
            .await?,
        );
    }
    if reach.events {
        out.extend(
            rows(
                db,
                Kind::Event,
                "SELECT id, title_lv, title_en, CAST(starts_at AS TEXT), 0 FROM events",
                (None, None),
            )
            .await?,
        );
        let actions = if reach.all_actions {
            rows(
                db,
                Kind::Action,
                "SELECT id, title_lv, title_en, due_date, 0 FROM follow_up_actions",
                (None, None),
            )
            .await?
        } else if let Some(org) = reach.organisation_id {
            rows(
                db,
                Kind::Action,
                "SELECT id, title_lv, title_en, due_date, 0 FROM follow_up_actions
                 WHERE owner_organisation_id = $1",
                (Some(org), None),
            )
            .await?
        } else {
            Vec::new()
        };
        out.extend(actions);
    }
    if reach.measures {
        out.extend(
            rows(
                db,
                Kind::Measure,
                "SELECT id, title_lv, title_en, code, 0 FROM measures",
                (None, None),
            )
            .await?,
        );
    }
    if reach.directory && !first_word.is_empty() {
        out.extend(
            rows(
                db,
                Kind::Organisation,
                "SELECT id, name_lv, name_en, NULL, 0 FROM organisations
                 WHERE merged_into_id IS NULL AND search_key LIKE $1 ESCAPE '\\'",
                (None, Some(&like)),
            )
            .await?,
        );
        out.extend(
            rows(
                db,
                Kind::Person,
                // With the organisation of a current membership, so namesakes differ.
                "SELECT p.id, p.name, NULL,
                        (SELECT o.name_lv FROM memberships m
                         JOIN organisations o ON o.id = m.organisation_id
                         WHERE m.person_id = p.id AND m.to_date IS NULL
                         ORDER BY m.from_date DESC, m.id DESC LIMIT 1), 0
                 FROM people p
                 WHERE p.merged_into_id IS NULL AND p.restricted_at IS NULL
                   AND p.search_key LIKE $1 ESCAPE '\\'",
                (None, Some(&like)),
            )
            .await?,
        );
    }
    let (practices, stories, news) = if reach.site_editor {
        (
            "SELECT id, title_lv, title_en, status, status = 'published' FROM practices
             WHERE $1 = $1",
            "SELECT id, title_lv, title_en, status, status = 'published' FROM stories",
            "SELECT id, title_lv, title_en, NULL, published_at IS NOT NULL FROM news",
        )
    } else {
        (
            "SELECT id, title_lv, title_en, status, status = 'published' FROM practices
             WHERE status = 'published' OR created_by = $1",
            "SELECT id, title_lv, title_en, status, 1 FROM stories WHERE status = 'published'",
            "SELECT id, title_lv, title_en, NULL, 1 FROM news WHERE published_at IS NOT NULL",
        )
    };
    out.extend(rows(db, Kind::Practice, practices, (Some(reach.user_id), None)).await?);
    out.extend(rows(db, Kind::Story, stories, (None, None)).await?);
    out.extend(rows(db, Kind::News, news, (None, None)).await?);
    Ok(out)
}

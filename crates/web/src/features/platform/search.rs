//! `GET /{lang}/search`: one box in the workspace header finds events, follow-up actions,
//! measures, organisations, people, good practices, stories and news by name or title —
//! diacritics ignored, every word the start of a word ("skol jelg" finds "Jelgavas skola"),
//! as the practice library's search does — and a mediator's own families by code. Each hit
//! only where the user may see it: the scopes are the pages' (`store::search::Reach`).

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use domain::auth::Permission;
use serde::Deserialize;
use store::search::{Candidate, Kind, Reach};

use crate::AppState;
use crate::http::error::AppResult;
use crate::i18n::Lang;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

/// Hits shown per kind; the rest are counted (and, where the list can search, linked).
const PER_KIND: usize = 10;

/// What may be typed (longer is cut).
const MAX_QUERY: usize = 100;

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    /// One kind's hits only, all of them (its anchor: "events", "people" …).
    #[serde(default)]
    kind: String,
}

/// Hits shown when one kind is asked for whole.
const ONE_KIND: usize = 300;

/// One hit as the page shows it.
#[derive(Debug)]
struct HitView {
    title: String,
    /// The title is the Latvian one on a page in another language.
    title_in_lv: bool,
    href: String,
    /// A date, a code or a status, in words.
    extra: Option<String>,
}

/// The hits of one kind.
#[derive(Debug)]
struct Group {
    /// Message id of the kind's heading.
    heading: &'static str,
    anchor: &'static str,
    hits: Vec<HitView>,
    /// How many more matched than are shown.
    more: usize,
    /// The kind's own list, searching the same words, where it can; else all its hits here.
    all_href: Option<String>,
}

#[derive(Template)]
#[template(path = "account/search.html")]
struct SearchPage {
    ctx: PageCtx,
    q: String,
    groups: Vec<Group>,
    total: usize,
    /// On a list of one kind: back to every kind's results.
    all_kinds: Option<String>,
}

/// The query as a measure's code ("1.1", "3.2.1."): digits and dots, with a dot in it.
fn measure_code(q: &str) -> Option<String> {
    let q = q.trim().trim_end_matches('.');
    (q.contains('.')
        && q.split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
    .then(|| q.to_owned())
}

/// A code's numbers, so 1.2 comes before 1.10.
fn code_order(code: &str) -> Vec<u32> {
    code.split('.')
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect()
}

fn heading(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Family => ("search-kind-families", "families"),
        Kind::Event => ("search-kind-events", "events"),
        Kind::Action => ("search-kind-actions", "actions"),
        Kind::Measure => ("search-kind-measures", "measures"),
        Kind::Organisation => ("search-kind-organisations", "organisations"),
        Kind::Person => ("search-kind-people", "people"),
        Kind::Practice => ("search-kind-practices", "practices"),
        Kind::Story => ("search-kind-stories", "stories"),
        Kind::News => ("search-kind-news", "news"),
    }
}

/// Where a hit is read or worked on.
fn href(ctx: &PageCtx, c: &Candidate, editor: bool) -> String {
    let readable = |title: &str| domain::text::readable(c.id, title);
    let title = title_in(ctx.lang, c).0;
    let path = match c.kind {
        Kind::Family => format!("/mediation/families/{}", c.id),
        Kind::Event => format!("/events/{}", c.id),
        Kind::Action => format!("/actions/{}", c.id),
        Kind::Measure => format!("/measures/{}", c.id),
        Kind::Organisation => format!("/organisations/{}", c.id),
        Kind::Person => format!("/people/{}", c.id),
        Kind::Practice if c.public => format!("/practices/{}", readable(title)),
        Kind::Practice => format!("/practice-submissions/{}", c.id),
        Kind::Story if editor => format!("/site/stories/{}", c.id),
        Kind::Story => format!("/stories/{}", readable(title)),
        Kind::News if editor => format!("/site/news/{}/edit", c.id),
        Kind::News => format!("/news/{}", readable(title)),
    };
    ctx.href(&path)
}

/// The title in the page's language, and whether it fell back to the Latvian one.
fn title_in(lang: Lang, c: &Candidate) -> (&str, bool) {
    match (lang, c.title_en.as_deref()) {
        (Lang::En, Some(en)) if !en.trim().is_empty() => (en, false),
        (Lang::En, _) => (&c.title_lv, true),
        (Lang::Lv, _) => (&c.title_lv, false),
    }
}

/// What tells a hit apart, in words.
fn extra(ctx: &PageCtx, c: &Candidate) -> Option<String> {
    let raw = c.extra.as_deref()?;
    Some(match c.kind {
        Kind::Event => ctx.datetime(&raw.parse::<i64>().ok()?),
        Kind::Action => ctx.t1("search-due", "date", raw),
        Kind::Measure | Kind::Person => raw.to_owned(),
        Kind::Family => ctx.t(domain::mediation::CaseStatus::label_key_of(raw)),
        Kind::Practice if !c.public => ctx.t(domain::site::PracticeStatus::label_key_of(raw)),
        Kind::Story if !c.public => ctx.t(domain::site::StoryStatus::label_key_of(raw)),
        _ => return None,
    })
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(query): Query<SearchQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::UseWorkspace)?;
    let q: String = query.q.trim().chars().take(MAX_QUERY).collect();
    let words = domain::text::search_words(&q);
    let editor = user.can(Permission::ManageSite);
    let reach = Reach {
        user_id: user.id,
        events: user.can(Permission::ViewEvents),
        all_actions: user.can(Permission::ManageEvents),
        organisation_id: user.organisation_id,
        measures: user.can(Permission::ViewPlans),
        directory: user.can(Permission::ViewDirectory),
        site_editor: editor,
        families: user.can(Permission::WorkCases),
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut total = 0;
    let code_query = measure_code(&q);
    if let Some(first) = words.first() {
        let mut found: Vec<Candidate> = store::search::candidates(state.db(), &reach, first)
            .await?
            .into_iter()
            .filter(|c| {
                // A measure's code ("1.1", "3.2.1") finds the measures under it, by the
                // code's start — not every title with a 1 in it.
                if let Some(code) = &code_query {
                    return c.kind == Kind::Measure
                        && c.extra
                            .as_deref()
                            .is_some_and(|x| x == code || x.starts_with(&format!("{code}.")));
                }
                let text = format!(
                    "{} {} {}",
                    c.title_lv,
                    c.title_en.as_deref().unwrap_or_default(),
                    if c.kind == Kind::Measure {
                        c.extra.as_deref().unwrap_or_default()
                    } else {
                        ""
                    }
                );
                domain::text::has_word_starts(&words, &text)
            })
            .collect();
        total = found.len();
        // By kind; events the latest first, the rest in Latvian alphabetical order.
        found.sort_by_cached_key(|c| {
            let code = if c.kind == Kind::Measure {
                code_order(c.extra.as_deref().unwrap_or_default())
            } else {
                Vec::new()
            };
            let when = if c.kind == Kind::Event {
                -c.extra
                    .as_deref()
                    .and_then(|e| e.parse::<i64>().ok())
                    .unwrap_or(0)
            } else {
                0
            };
            (
                c.kind,
                when,
                code,
                domain::text::latvian_sort_key(title_in(ctx.lang, c).0),
            )
        });
        let only = query.kind.trim();
        let limit = if only.is_empty() { PER_KIND } else { ONE_KIND };
        for kind_hits in found.chunk_by(|a, b| a.kind == b.kind) {
            let kind = kind_hits[0].kind;
            let (heading, anchor) = heading(kind);
            if !only.is_empty() && only != anchor {
                continue;
            }
            if !only.is_empty() {
                // The count heading a list of one kind is that kind's.
                total = kind_hits.len();
            }
            let encoded: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
            let all_href = Some(match kind {
                Kind::Person => ctx.href(&format!("/people?q={encoded}")),
                Kind::Organisation => ctx.href(&format!("/organisations?q={encoded}")),
                Kind::Family => ctx.href(&format!("/mediation?q={encoded}")),
                _ => ctx.href(&format!("/search?q={encoded}&kind={anchor}")),
            });
            groups.push(Group {
                heading,
                anchor,
                more: kind_hits.len().saturating_sub(limit),
                all_href,
                hits: kind_hits
                    .iter()
                    .take(limit)
                    .map(|c| {
                        let (title, title_in_lv) = title_in(ctx.lang, c);
                        HitView {
                            title: if c.kind == Kind::Measure {
                                format!("{} {title}", c.extra.as_deref().unwrap_or_default())
                            } else {
                                title.to_owned()
                            },
                            title_in_lv,
                            href: href(&ctx, c, editor),
                            extra: if c.kind == Kind::Measure {
                                None
                            } else {
                                extra(&ctx, c)
                            },
                        }
                    })
                    .collect(),
            });
        }
    }
    Ok(Html(
        SearchPage {
            all_kinds: (!query.kind.trim().is_empty()).then(|| {
                let encoded: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
                ctx.href(&format!("/search?q={encoded}"))
            }),
            ctx,
            q,
            groups,
            total,
        }
        .render()?,
    ))
}

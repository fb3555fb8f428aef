//! News and announcements: public list, item page (readable URL `/{lang}/news/{id}-{slug}`)
//! and Atom feed, and the coordinators' list and form. Drafts are never public. Bodies pass
//! the rich-text allow-list on save and on render.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors, block_field, text_field};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};
use store::news::Item;

/// The item's path after the language: `/news/12-aicinam-pieteikties`.
pub fn path_of(i: &Item, lang: &str) -> String {
    format!("/news/{}", domain::text::readable(i.id, i.text(lang).0))
}

/// Public list entry.
struct Entry {
    href: String,
    title: String,
    summary: String,
    kind: &'static str,
    at: i64,
    fallback_lv: bool,
}

#[derive(Template)]
#[template(path = "public/news.html")]
struct ListPage {
    ctx: PageCtx,
    items: Vec<Entry>,
}

/// "Jaunumi": published news, the latest first.
pub async fn list(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let lang = ctx.lang.code();
    let items = store::news::published(state.db(), 100)
        .await?
        .iter()
        .map(|i| {
            let (title, summary, _, fallback_lv) = i.text(lang);
            Entry {
                href: ctx.href(&path_of(i, lang)),
                title: title.to_owned(),
                summary: summary.to_owned(),
                kind: i.kind.label_key(),
                at: i.published_at.unwrap_or(i.updated_at),
                fallback_lv,
            }
        })
        .collect();
    Ok(Html(ListPage { ctx, items }.render()?))
}

#[derive(Template)]
#[template(path = "public/news_item.html")]
struct ItemPage {
    ctx: PageCtx,
    og: crate::page::Og,
    title: String,
    summary: String,
    body: String,
    kind: &'static str,
    at: i64,
    fallback_lv: bool,
}

/// A published item (404 for a draft).
pub async fn item(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, item)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let i = store::news::get(state.db(), crate::http::forms::leading_id(&item)?, true).await?;
    let lang = ctx.lang.code();
    let (title, summary, body, fallback_lv) = i.text(lang);
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let og = crate::page::Og {
        title: title.to_owned(),
        description: summary.to_owned(),
        url: format!("{base}/{lang}{}", path_of(&i, lang)),
        image: None,
        kind: "article",
    };
    let p = ItemPage {
        og,
        title: title.to_owned(),
        summary: summary.to_owned(),
        body: crate::rich::sanitise(body),
        kind: i.kind.label_key(),
        at: i.published_at.unwrap_or(i.updated_at),
        fallback_lv,
        ctx,
    };
    Ok(Html(p.render()?))
}

/// The Atom feed of published news in one language.
pub async fn atom(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let lang = ctx.lang.code();
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let items = store::news::published(state.db(), 50).await?;
    let entries: Vec<documents::atom::Entry> = items
        .iter()
        .map(|i| {
            let (title, summary, _, fallback) = i.text(lang);
            documents::atom::Entry {
                id: format!("{base}/{lang}/news/{}", i.id),
                link: format!("{base}/{lang}{}", path_of(i, lang)),
                title,
                summary,
                lang: fallback.then_some("lv"),
                published: i.published_at.unwrap_or(i.updated_at),
                updated: i.updated_at,
            }
        })
        .collect();
    Ok(crate::http::feeds::atom_response(documents::atom::render(
        &documents::atom::Feed {
            lang,
            page: format!("{base}/{lang}/news"),
            feed: format!("{base}/{lang}/news.atom"),
            title: format!("{} — {}", ctx.t("site-name"), ctx.t("news-title")),
            author: ctx.t("site-name"),
        },
        &entries,
    )))
}

#[derive(Template)]
#[template(path = "site/news.html")]
struct ManageList {
    ctx: PageCtx,
    items: Vec<Item>,
    notice: Option<&'static str>,
}

/// The coordinators' list of news, drafts first.
pub async fn manage(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(n): Query<crate::http::notice::Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    let p = ManageList {
        items: store::news::all(state.db()).await?,
        notice: n.notice_key(),
        ctx,
    };
    Ok(Html(p.render()?))
}

/// The same list as CSV or XLSX: titles in both languages, kind, publication date.
pub async fn manage_export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(f): Query<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(Permission::ManageSite)?;
    let header = [
        ctx.t("export-col-title-lv"),
        ctx.t("export-col-title-en"),
        ctx.t("news-kind"),
        ctx.t("field-status"),
        ctx.t("export-col-published"),
    ];
    let rows: Vec<Vec<Cell>> = store::news::all(state.db())
        .await?
        .into_iter()
        .map(|i| {
            vec![
                Cell::Text(i.title_lv),
                Cell::Text(i.title_en.unwrap_or_default()),
                Cell::Text(ctx.t(i.kind.label_key())),
                Cell::Text(ctx.t(if i.published_at.is_some() {
                    "news-published"
                } else {
                    "news-draft"
                })),
                i.published_at.map_or(Cell::Empty, |at| {
                    Cell::Date(crate::http::dates::riga_date(at))
                }),
            ]
        })
        .collect();
    crate::http::tables::list_file(
        &f.format,
        &ctx.t("news-manage-title"),
        "news",
        &header,
        &rows,
    )
}

#[derive(Default, Deserialize)]
pub struct NewsFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    summary_lv: String,
    #[serde(default)]
    body_lv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    summary_en: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    publish: String,
    /// The version of the item the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}

crate::http::forms::debug_without_text!(NewsFields);

#[derive(Template)]
#[template(path = "site/news_edit.html")]
struct EditPage {
    ctx: PageCtx,
    /// 0: a new item.
    id: i64,
    f: NewsFields,
    errors: FormErrors,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl EditPage {
    fn kind_key(&self, k: &str) -> &'static str {
        domain::site::NewsKind::label_key_of(k)
    }
}

fn fields_of(i: &Item) -> NewsFields {
    NewsFields {
        kind: i.kind.as_str().to_owned(),
        title_lv: i.title_lv.clone(),
        summary_lv: i.summary_lv.clone(),
        body_lv: crate::rich::to_input(&i.body_lv),
        title_en: i.title_en.clone().unwrap_or_default(),
        summary_en: i.summary_en.clone().unwrap_or_default(),
        body_en: i
            .body_en
            .as_deref()
            .map(crate::rich::to_input)
            .unwrap_or_default(),
        publish: if i.published_at.is_some() {
            "yes".to_owned()
        } else {
            String::new()
        },
        version: String::new(),
    }
}

/// The form for a new item (`id` 0) or an existing one.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    let (id, f) = if id == "new" {
        (
            0,
            NewsFields {
                kind: "announcement".to_owned(),
                ..NewsFields::default()
            },
        )
    } else {
        let id = crate::http::forms::parse_id(&id)?;
        // The version before the record: a save in between then shows as stale, never lost.
        let version = store::versions::current(state.db(), "news", id).await?;
        let mut f = fields_of(&store::news::get(state.db(), id, false).await?);
        f.version = version.to_string();
        (id, f)
    };
    Ok(Html(
        EditPage {
            ctx,
            id,
            f,
            errors: FormErrors::default(),
            stale: None,
        }
        .render()?,
    ))
}

/// Saves (and publishes, with the box ticked) an item.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<NewsFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = if id == "new" {
        0
    } else {
        crate::http::forms::parse_id(&id)?
    };
    let mut errors = FormErrors::default();
    let kind = domain::site::NewsKind::parse(&f.kind);
    if kind.is_none() {
        errors.add("kind", "reg-choice-invalid");
    }
    // Titles and summaries are one line; texts several.
    let needed = |raw: &str, max: usize, field: &'static str, errors: &mut FormErrors| {
        let v = if field.starts_with("title") || field.starts_with("summary") {
            text_field(raw, max, field, errors)
        } else {
            block_field(raw, max, field, errors)
        };
        if v.is_none() && !errors.has(field) {
            errors.add(field, "news-field-missing");
        }
        v
    };
    let title_lv = needed(&f.title_lv, 200, "title_lv", &mut errors);
    let summary_lv = needed(&f.summary_lv, 500, "summary_lv", &mut errors);
    let body_lv = needed(&f.body_lv, 50_000, "body_lv", &mut errors);
    let title_en = text_field(&f.title_en, 200, "title_en", &mut errors);
    let summary_en = text_field(&f.summary_en, 500, "summary_en", &mut errors);
    let body_en = block_field(&f.body_en, 50_000, "body_en", &mut errors);
    // The English version is whole or absent: a title without its text (or the reverse)
    // would show English readers half an item.
    let english = [
        ("title_en", title_en.is_some()),
        ("summary_en", summary_en.is_some()),
        ("body_en", body_en.is_some()),
    ];
    if english.iter().any(|(_, given)| *given) {
        for (field, given) in english {
            if !given && !errors.has(field) {
                errors.add(field, "news-english-incomplete");
            }
        }
    }
    if let (Some(kind), Some(title_lv), Some(summary_lv), Some(body_lv), true) =
        (kind, title_lv, summary_lv, body_lv, errors.is_empty())
    {
        let item = Item {
            id,
            kind,
            title_lv,
            title_en,
            summary_lv,
            summary_en,
            body_lv: crate::rich::from_input(&body_lv),
            body_en: body_en.map(|b| crate::rich::from_input(&b)),
            ..Item::default()
        };
        match store::news::save_checked(
            state.db(),
            state.now(),
            &user.actor(ip),
            &item,
            f.publish == "yes",
            crate::http::stale::version(&f.version),
        )
        .await
        {
            Ok(_) => {
                return Ok(Redirect::to(&ctx.href("/site/news?notice=saved")).into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => return stale_page(&state, ctx, id, f).await,
            Err(e) => return Err(e.into()),
        }
    }
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(
            EditPage {
                ctx,
                id,
                f,
                errors,
                stale: None,
            }
            .render()?,
        ),
    )
        .into_response())
}

/// The form again after someone saved the item since it was loaded: what was typed, what
/// differs in the stored item now, and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    mut f: NewsFields,
) -> AppResult<Response> {
    use crate::http::stale::{Stale, plain};
    let version = store::versions::current(state.db(), "news", id).await?;
    let s = fields_of(&store::news::get(state.db(), id, false).await?);
    let stale = Stale::compare(vec![
        (
            "news-kind",
            &f.kind,
            &s.kind,
            ctx.t(domain::site::NewsKind::label_key_of(&s.kind)),
        ),
        plain("site-title-lv", &f.title_lv, &s.title_lv),
        plain("news-summary-lv", &f.summary_lv, &s.summary_lv),
        plain("site-body-lv", &f.body_lv, &s.body_lv),
        plain("site-title-en", &f.title_en, &s.title_en),
        plain("news-summary-en", &f.summary_en, &s.summary_en),
        plain("site-body-en", &f.body_en, &s.body_en),
        (
            "news-publish",
            &f.publish,
            &s.publish,
            ctx.t(crate::http::stale::ticked(&s.publish)),
        ),
    ]);
    f.version = version.to_string();
    Ok((
        StatusCode::CONFLICT,
        Html(
            EditPage {
                ctx,
                id,
                f,
                errors: FormErrors::default(),
                stale: Some(stale),
            }
            .render()?,
        ),
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct NewsQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    lang: String,
}

/// Published news
///
/// The public site's news, the latest first, in Latvian or English. No token needed.
#[utoipa::path(
    get, path = "/api/v1/news", operation_id = "listNews", tag = "Public site",
    params(
        crate::http::paging::Paging,
        ("q" = Option<String>, Query, description = "Words to find in the title or summary (diacritics and case ignored; a word matches the start of a word, \"darbn\" finds \"darbnīca\")"),
        ("kind" = Option<String>, Query, description = "announcement, call, programme or event"),
        ("lang" = Option<String>, Query, description = "lv (default) or en: the language of title, summary and url"),
    ),
    responses(
        (status = 200, description = "items: id, kind, title, summary, body (sanitised HTML), published_at (RFC 3339), url, language (the text's language: en falls back to lv)", body = Object),
        (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api(
    State(state): State<AppState>,
    Query(q): Query<NewsQuery>,
    Query(paging): Query<crate::http::paging::Paging>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let kind = match q.kind.trim() {
        "" => None,
        k if store::news::KINDS.contains(&k) => Some(k.to_owned()),
        _ => {
            errors.add("kind", "reg-choice-invalid");
            None
        }
    };
    let lang = crate::http::forms::lang_field(&q.lang, "lang", "reg-choice-invalid", &mut errors);
    if !errors.is_empty() {
        return Ok(crate::http::problem::invalid(&errors));
    }
    let words = domain::text::search_words(&q.q);
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let items: Vec<serde_json::Value> = store::news::published(state.db(), 500)
        .await?
        .iter()
        .filter(|i| kind.as_deref().is_none_or(|k| i.kind.as_str() == k))
        .filter(|i| {
            domain::text::has_word_starts(
                &words,
                &format!(
                    "{} {} {} {}",
                    i.title_lv,
                    i.summary_lv,
                    i.title_en.as_deref().unwrap_or_default(),
                    i.summary_en.as_deref().unwrap_or_default()
                ),
            )
        })
        .map(|i| {
            let (title, summary, body, fallback) = i.text(lang);
            serde_json::json!({
                "id": i.id,
                "kind": i.kind,
                "title": title,
                "summary": summary,
                "body": crate::rich::sanitise(body),
                "published_at": documents::atom::rfc3339(i.published_at.unwrap_or(i.updated_at)),
                "url": format!("{base}/{lang}{}", path_of(i, lang)),
                "language": if fallback { "lv" } else { lang },
            })
        })
        .collect();
    Ok(axum::Json(paging.of(items)).into_response())
}

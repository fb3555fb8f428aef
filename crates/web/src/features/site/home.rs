//! The public site: the language redirect, the home page, the health check.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::AppState;
use crate::http::error::AppResult;
use crate::i18n::Lang;
use crate::page::PageCtx;

/// `/` goes to the language the browser prefers among ours, Latvian otherwise.
pub async fn root(headers: HeaderMap) -> Response {
    let lang = Lang::negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, format!("/{}/", lang.code())),
            (header::VARY, "Accept-Language".to_owned()),
        ],
    )
        .into_response()
}

/// An entry of the home page's lists.
struct Teaser {
    href: String,
    title: String,
    /// Date, place, or the summary.
    line: String,
    lang: &'static str,
    photo: Option<(String, String, i64, i64)>,
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct Home {
    ctx: PageCtx,
    /// The site's saved pages: (slug, message id of their name).
    pages: Vec<(String, &'static str)>,
    events: Vec<Teaser>,
    stories: Vec<Teaser>,
    practices: Vec<Teaser>,
    year: i16,
    /// (message id, figure as published).
    figures: Vec<(&'static str, String)>,
    og: crate::page::Og,
}

pub async fn home(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let lang = ctx.lang.code();
    let pages = store::site_pages::list(state.db())
        .await?
        .into_iter()
        .map(|p| {
            let name = crate::features::site::pages::page_key(&p.slug);
            (p.slug, name)
        })
        .collect();
    let events = store::events::list(
        state.db(),
        store::events::Scope::Public,
        &store::events::EventFilter::default(),
        true,
        state.now(),
        3,
    )
    .await?
    .into_iter()
    .map(|e| Teaser {
        href: ctx.href(&format!("/calendar/{}", e.id)),
        title: e.title(lang).to_owned(),
        line: match &e.territory_name {
            Some(place) => format!("{} · {place}", ctx.datetime(&e.starts_at)),
            None => ctx.datetime(&e.starts_at),
        },
        lang: if lang == "en" && e.title_en.is_none() {
            "lv"
        } else if lang == "en" {
            "en"
        } else {
            "lv"
        },
        photo: None,
    })
    .collect();
    let published_stories = store::stories::published(state.db(), 3).await?;
    let stories = published_stories
        .iter()
        .map(|s| {
            let (title, summary, _, l) = s.text(lang);
            Teaser {
                href: ctx.href(&crate::features::site::stories::path_of(s, lang)),
                title: title.to_owned(),
                line: summary.to_owned(),
                lang: l,
                photo: crate::features::site::stories::photo_of(s, lang),
            }
        })
        .collect();
    let (hits, _) = store::practices::search(
        state.db(),
        &store::practices::Query::default(),
        i64::from(state.today().year()),
    )
    .await?;
    let practices = hits
        .iter()
        .take(3)
        .map(|h| {
            let english = lang == "en" && h.title_en.is_some() && h.summary_en.is_some();
            let title = if english {
                h.title_en.clone().unwrap_or_default()
            } else {
                h.title_lv.clone()
            };
            let summary = if english {
                h.summary_en.clone().unwrap_or_default()
            } else {
                h.summary_lv.clone()
            };
            Teaser {
                href: ctx.href(&crate::features::site::practices::path_of(h.id, &title)),
                title,
                line: summary,
                lang: if english || lang == "lv" {
                    if lang == "en" { "en" } else { "lv" }
                } else {
                    "lv"
                },
                photo: None,
            }
        })
        .collect();
    let p = state.year_figures().await?;
    let figures = vec![
        ("home-figure-events", ctx.number(&p.events)),
        (
            "home-figure-participants",
            domain::participation::publish_one(p.participants).text(),
        ),
        ("home-figure-places", ctx.number(&p.latvian_places)),
        ("home-figure-practices", ctx.number(&(hits.len() as i64))),
    ];
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let og = crate::page::Og {
        title: ctx.t("home-title"),
        description: ctx.t("home-intro"),
        url: format!("{base}/{lang}/"),
        image: None,
        kind: "website",
    };
    Ok(Html(
        Home {
            pages,
            events,
            stories,
            practices,
            year: state.today().year(),
            figures,
            og,
            ctx,
        }
        .render()?,
    ))
}

/// One category of the records of processing, in the page's language.
struct ProcessingRow {
    key: &'static str,
    title: &'static str,
    special: bool,
    purpose: &'static str,
    legal_basis: &'static str,
    retention: String,
    /// The storage limits applied to it: each in one line.
    rules: Vec<String>,
    access: &'static str,
    columns: String,
}

#[derive(Template)]
#[template(path = "processing.html")]
struct Processing {
    ctx: PageCtx,
    categories: Vec<ProcessingRow>,
}

/// "Datu apstrādes reģistrs": generated from `domain::processing`.
pub async fn processing(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let lv = ctx.lang == Lang::Lv;
    let pick = |t: domain::processing::Text| if lv { t.0 } else { t.1 };
    let years = state.settings().mediation.retention_years.to_string();
    let categories = domain::processing::CATEGORIES
        .iter()
        .map(|c| ProcessingRow {
            key: c.key,
            title: pick(c.title),
            special: c.special,
            purpose: pick(c.purpose),
            legal_basis: pick(c.legal_basis),
            retention: pick(c.retention).replace("{years}", &years),
            rules: domain::retention::for_category(c.key)
                .map(|r| {
                    use fluent_bundle::FluentValue;
                    crate::i18n::t_args(
                        ctx.lang,
                        "processing-rule",
                        &[
                            ("name", FluentValue::from(pick(r.name))),
                            (
                                "days",
                                FluentValue::from(state.settings().retention.days(r)),
                            ),
                            ("from", FluentValue::from(pick(r.from))),
                            ("what", FluentValue::from(pick(r.what))),
                            ("why", FluentValue::from(pick(r.reason))),
                        ],
                    )
                })
                .collect(),
            access: pick(c.access),
            columns: c
                .columns
                .iter()
                .map(|(t, k)| format!("{t}.{k}"))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    Ok(Html(Processing { ctx, categories }.render()?))
}

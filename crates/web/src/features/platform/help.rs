//! Help in the app: the user guide (docs/user/*.md, the same Markdown the book is built from)
//! at `/{lang}/help/{page}`, its screenshots at `/help/images/{name}`, and which page of it
//! each part of the platform links ("Palīdzība" in the header goes to the section of the
//! page one is on).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::page::PageCtx;

/// The guide's pages, in the book's order: (address, English Markdown, Latvian Markdown).
const PAGES: &[(&str, &str, &str)] = &[
    (
        "getting-around",
        include_str!("../../../../../docs/user/getting-around.md"),
        include_str!("../../../../../docs/user/lv/getting-around.md"),
    ),
    (
        "platform",
        include_str!("../../../../../docs/user/platform.md"),
        include_str!("../../../../../docs/user/lv/platform.md"),
    ),
    (
        "directory",
        include_str!("../../../../../docs/user/directory.md"),
        include_str!("../../../../../docs/user/lv/directory.md"),
    ),
    (
        "events",
        include_str!("../../../../../docs/user/events.md"),
        include_str!("../../../../../docs/user/lv/events.md"),
    ),
    (
        "plans",
        include_str!("../../../../../docs/user/plans.md"),
        include_str!("../../../../../docs/user/lv/plans.md"),
    ),
    (
        "mediation",
        include_str!("../../../../../docs/user/mediation.md"),
        include_str!("../../../../../docs/user/lv/mediation.md"),
    ),
    (
        "site",
        include_str!("../../../../../docs/user/site.md"),
        include_str!("../../../../../docs/user/lv/site.md"),
    ),
    (
        "dialogue",
        include_str!("../../../../../docs/user/dialogue.md"),
        include_str!("../../../../../docs/user/lv/dialogue.md"),
    ),
    (
        "reports",
        include_str!("../../../../../docs/user/reports.md"),
        include_str!("../../../../../docs/user/lv/reports.md"),
    ),
    (
        "api",
        include_str!("../../../../../docs/user/api.md"),
        include_str!("../../../../../docs/user/lv/api.md"),
    ),
];

/// A page's Markdown in the page's language.
fn text_of(page: &(&str, &'static str, &'static str), lang: &str) -> &'static str {
    if lang == "lv" { page.2 } else { page.1 }
}

/// The guide's screenshots (of the synthetic demo).
const IMAGES: &[(&str, &[u8])] = &[
    (
        "calendar.png",
        include_bytes!("../../../../../docs/images/calendar.png"),
    ),
    (
        "event.png",
        include_bytes!("../../../../../docs/images/event.png"),
    ),
    (
        "home.png",
        include_bytes!("../../../../../docs/images/home.png"),
    ),
    (
        "mediation-phone.png",
        include_bytes!("../../../../../docs/images/mediation-phone.png"),
    ),
    (
        "organisations.png",
        include_bytes!("../../../../../docs/images/organisations.png"),
    ),
    (
        "policy.png",
        include_bytes!("../../../../../docs/images/policy.png"),
    ),
    (
        "practices.png",
        include_bytes!("../../../../../docs/images/practices.png"),
    ),
    (
        "report-builder.png",
        include_bytes!("../../../../../docs/images/report-builder.png"),
    ),
    (
        "workspace-mediator.png",
        include_bytes!("../../../../../docs/images/workspace-mediator.png"),
    ),
    (
        "workspace.png",
        include_bytes!("../../../../../docs/images/workspace.png"),
    ),
];

/// A page's title: its first heading.
fn title_of(md: &str) -> &str {
    md.lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or("Roma Platform")
        .trim()
}

/// The Markdown as HTML for the app: links between the guide's pages stay in the app, the
/// operations and developer guides (not served here) become plain text, screenshots come
/// from `/help/images/`. The result goes through the allow-list sanitiser like any stored
/// rich text.
fn render(md: &str, lang: &str) -> String {
    let mut dropped_link = Vec::new();
    let events = Parser::new_ext(md, Options::ENABLE_TABLES).filter_map(|e| match e {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let url = dest_url.to_string();
            let page = url
                .trim_start_matches("../user/")
                .trim_start_matches("./")
                .split('#')
                .next()
                .and_then(|p| p.strip_suffix(".md"))
                .filter(|p| !p.contains('/') && PAGES.iter().any(|(slug, _, _)| slug == p));
            let kept = if url.starts_with("http://") || url.starts_with("https://") {
                Some(url)
            } else {
                page.map(|p| format!("/{lang}/help/{p}"))
            };
            dropped_link.push(kept.is_none());
            kept.map(|u| {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: u.into(),
                    title,
                    id,
                })
            })
        }
        Event::End(TagEnd::Link) => {
            if dropped_link.pop().unwrap_or(false) {
                None
            } else {
                Some(Event::End(TagEnd::Link))
            }
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let name = dest_url.rsplit('/').next().unwrap_or_default().to_owned();
            Some(Event::Start(Tag::Image {
                link_type,
                dest_url: format!("/help/images/{name}").into(),
                title,
                id,
            }))
        }
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    // Each screenshot's size, so the page does not jump as it loads, and loaded only when
    // scrolled near (the pictures are most of a help page's bytes).
    for (name, png) in IMAGES {
        if let Some((w, h)) = png_size(png) {
            html = html.replace(
                &format!("src=\"/help/images/{name}\""),
                &format!(
                    "src=\"/help/images/{name}\" width=\"{w}\" height=\"{h}\" loading=\"lazy\""
                ),
            );
        }
    }
    ammonia::Builder::default()
        .add_tag_attributes("img", &["loading"])
        .clean(&html)
        .to_string()
}

/// A PNG's width and height, from its header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let word = |at: usize| {
        png.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    png.starts_with(b"\x89PNG\r\n\x1a\n")
        .then(|| Some((word(16)?, word(20)?)))
        .flatten()
}

#[derive(Template)]
#[template(path = "account/help.html")]
struct HelpPage {
    ctx: PageCtx,
    title: String,
    body: String,
    /// The guide's pages: (address, title, this one).
    pages: Vec<(&'static str, &'static str, bool)>,
}

async fn show(ctx: PageCtx, slug: &str) -> AppResult<Html<String>> {
    let lang = ctx.lang.code();
    let page = PAGES
        .iter()
        .find(|(s, _, _)| *s == slug)
        .ok_or(AppError::NotFound)?;
    let md = text_of(page, lang);
    Ok(Html(
        HelpPage {
            title: title_of(md).to_owned(),
            body: render(md, lang),
            pages: PAGES
                .iter()
                .map(|p| (p.0, title_of(text_of(p, lang)), p.0 == page.0))
                .collect(),
            ctx,
        }
        .render()?,
    ))
}

/// `GET /{lang}/help`: the guide's first page, with the list of all.
pub async fn index(State(_state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    show(ctx, "getting-around").await
}

/// `GET /{lang}/help/{page}`.
pub async fn page(
    State(_state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, slug)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    show(ctx, &slug).await
}

/// `GET /help/images/{name}`: a screenshot of the guide, kept a day.
pub async fn image(Path(name): Path<String>) -> AppResult<Response> {
    let (_, bytes) = IMAGES
        .iter()
        .find(|(n, _)| *n == name)
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        *bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screenshot_a_guide_page_shows_is_served_and_every_part_has_a_page() {
        for (slug, en, lv) in PAGES {
            for part in en
                .split("](../images/")
                .skip(1)
                .chain(lv.split("](../../images/").skip(1))
            {
                let name = part.split(')').next().unwrap_or_default();
                assert!(IMAGES.iter().any(|(n, _)| *n == name), "{name}");
            }
            // The Latvian page shows the same screenshots as the English one.
            assert_eq!(
                en.matches("images/").count(),
                lv.matches("images/").count(),
                "{slug}"
            );
        }
        assert_eq!(
            crate::page::help_page_for("/mediation/families/3"),
            "mediation"
        );
        assert_eq!(crate::page::help_page_for("/workspace"), "getting-around");
        for (_, page) in crate::page::HELP_PAGES_BY_PREFIX {
            assert!(PAGES.iter().any(|(slug, _, _)| slug == page), "{page}");
        }
        let html = render(
            "See [Events](events.md) and [install](../ops/install.md).",
            "lv",
        );
        assert!(html.contains("<a href=\"/lv/help/events\""), "{html}");
        assert!(html.contains("and install."), "{html}");
        let html = render("![The calendar](../images/calendar.png)", "lv");
        assert!(
            html.contains("width=\"1280\"") && html.contains("loading=\"lazy\""),
            "{html}"
        );
    }
}

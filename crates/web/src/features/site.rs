//! The public site's machine-readable parts and statements: `robots.txt`, `sitemap.xml`
//! (every public page in both languages) and the accessibility statement in the form
//! Latvian public bodies use.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use crate::AppState;
use crate::error::AppResult;
use crate::page::PageCtx;

fn base(state: &AppState) -> String {
    state.settings().public_url.trim_end_matches('/').to_owned()
}

/// `robots.txt`: everything public may be crawled; the API and the login are not pages.
pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /api/\nDisallow: /lv/login\nDisallow: /en/login\n\
         Disallow: /lv/register\nDisallow: /en/register\n\nSitemap: {}/sitemap.xml\n",
        base(&state)
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `sitemap.xml`: the public pages in Latvian with their English alternates.
pub async fn sitemap(State(state): State<AppState>) -> AppResult<Response> {
    let mut paths: Vec<String> = [
        "/",
        "/calendar",
        "/participation",
        "/policy",
        "/directory",
        "/accessibility",
        "/processing",
    ]
    .iter()
    .map(|p| (*p).to_owned())
    .collect();
    let filter = store::events::EventFilter::default();
    for upcoming in [true, false] {
        for e in store::events::list(
            state.db(),
            store::events::Scope::Public,
            &filter,
            upcoming,
            state.now(),
            1000,
        )
        .await?
        {
            paths.push(format!("/calendar/{}", e.id));
        }
    }
    for p in store::plans::list_public(state.db()).await? {
        paths.push(format!("/policy/{}", p.id));
        for m in store::measures::for_plan(state.db(), p.id, None).await? {
            paths.push(format!("/policy/measures/{}", m.id));
        }
    }
    let base = base(&state);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in paths {
        let lv = escape(&format!("{base}/lv{path}"));
        let en = escape(&format!("{base}/en{path}"));
        for loc in [&lv, &en] {
            xml.push_str(&format!(
                "<url><loc>{loc}</loc>\
                 <xhtml:link rel=\"alternate\" hreflang=\"lv\" href=\"{lv}\"/>\
                 <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/></url>\n"
            ));
        }
    }
    xml.push_str("</urlset>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "public/accessibility.html")]
struct Statement {
    ctx: PageCtx,
    contact: String,
}

/// "Paziņojums par piekļūstamību".
pub async fn accessibility(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let contact = state.settings().contact_email.clone();
    Ok(Html(Statement { ctx, contact }.render()?))
}

//! The public site's machine-readable parts, statements and static pages: `robots.txt`,
//! `sitemap.xml` (every public page in both languages), the accessibility statement in the
//! form Latvian public bodies use, and the pages coordinators edit (about the platform, who
//! is who, contacts) — their text allow-listed on save and again on render.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors, block_field, text_field};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

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

/// `sitemap.xml`: the public pages in Latvian with their English alternates.
pub async fn sitemap(State(state): State<AppState>) -> AppResult<Response> {
    let mut paths: Vec<String> = [
        "/",
        "/calendar",
        "/participation",
        "/policy",
        "/directory",
        "/accessibility",
        "/privacy",
        "/processing",
        "/open-data",
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
    for p in store::site_pages::list(state.db()).await? {
        paths.push(format!("/pages/{}", p.slug));
    }
    paths.push("/news".to_owned());
    for i in store::news::published(state.db(), 1000).await? {
        // The Latvian slug for both languages: one address per item in the map.
        paths.push(crate::features::site::news::path_of(&i, "lv"));
    }
    paths.push("/publications".to_owned());
    for r in store::reports::issued(state.db(), true).await? {
        paths.push(format!("/publications/{}", r.id));
    }
    paths.push("/stories".to_owned());
    for s in store::stories::published(state.db(), 1000).await? {
        paths.push(crate::features::site::stories::path_of(&s, "lv"));
    }
    paths.push("/services".to_owned());
    for sv in store::services::current(
        state.db(),
        state.today(),
        &store::services::Query::default(),
    )
    .await?
    {
        paths.push(format!("/services/{}", sv.id));
    }
    paths.push("/questions".to_owned());
    for n in store::needs::published(state.db()).await? {
        paths.push(format!("/questions/{}", n.id));
    }
    paths.push("/practices".to_owned());
    let (practices, _) = store::practices::search(
        state.db(),
        &store::practices::Query::default(),
        i64::from(state.today().year()),
    )
    .await?;
    for h in practices {
        paths.push(crate::features::site::practices::path_of(h.id, &h.title_lv));
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
        let lv = documents::escape_xml(&format!("{base}/lv{path}"));
        let en = documents::escape_xml(&format!("{base}/en{path}"));
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

#[derive(Template)]
#[template(path = "public/privacy.html")]
struct Privacy {
    ctx: PageCtx,
    contact: String,
}

impl Privacy {
    /// "Version 2026-11, in effect from …" (`domain::privacy_notices`).
    fn version(&self) -> String {
        let v = domain::privacy_notices::PRIVACY.current();
        let from = self.day(v.from);
        crate::i18n::t_args(
            self.ctx.lang,
            "privacy-version",
            &[("version", v.id.to_owned().into()), ("from", from.into())],
        )
    }

    /// A version's first day in words.
    fn day(&self, iso: &str) -> String {
        iso.parse::<jiff::civil::Date>()
            .map(|d| self.ctx.day(&d))
            .unwrap_or_else(|_| iso.to_owned())
    }

    /// Every version, newest first, each with what it changed.
    fn history(&self) -> Vec<&'static domain::privacy_notices::Version> {
        domain::privacy_notices::PRIVACY
            .versions
            .iter()
            .rev()
            .collect()
    }
}

/// "Privātuma paziņojums": what the platform does with personal data, for visitors and for
/// the people it holds data about; the records of processing give the detail.
pub async fn privacy(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let contact = state.settings().contact_email.clone();
    Ok(Html(Privacy { ctx, contact }.render()?))
}

pub fn page_key(slug: &str) -> &'static str {
    match slug {
        "about" => "site-page-about",
        "who-is-who" => "site-page-who-is-who",
        _ => "site-page-contacts",
    }
}

#[derive(Template)]
#[template(path = "public/site_page.html")]
struct PublicPage {
    ctx: PageCtx,
    title: String,
    /// Sanitised again on the way out.
    body: String,
    /// The English page falls back to the Latvian text.
    fallback_lv: bool,
}

/// A static page of the public site (404 until a coordinator saves it).
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, slug)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let p = store::site_pages::get(state.db(), &slug).await?;
    let en = ctx.lang == crate::i18n::Lang::En;
    let (title, body, fallback_lv) = match (en, &p.title_en, &p.body_en) {
        (true, Some(t), Some(b)) => (t.clone(), b.clone(), false),
        (true, _, _) => (p.title_lv.clone(), p.body_lv.clone(), true),
        _ => (p.title_lv.clone(), p.body_lv.clone(), false),
    };
    let body = crate::rich::sanitise(&body);
    Ok(Html(
        PublicPage {
            ctx,
            title,
            body,
            fallback_lv,
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "site/pages.html")]
struct PagesList {
    ctx: PageCtx,
    pages: Vec<(&'static str, &'static str, Option<i64>)>,
    notice: Option<&'static str>,
}

/// The coordinators' list of the site's pages.
pub async fn pages(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(n): Query<crate::http::notice::Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    let saved = store::site_pages::list(state.db()).await?;
    let pages = store::site_pages::SLUGS
        .iter()
        .map(|s| {
            (
                *s,
                page_key(s),
                saved.iter().find(|p| p.slug == *s).map(|p| p.updated_at),
            )
        })
        .collect();
    Ok(Html(
        PagesList {
            ctx,
            pages,
            notice: n.notice_key(),
        }
        .render()?,
    ))
}

#[derive(Default, Deserialize)]
pub struct PageFields {
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    body_lv: String,
    #[serde(default)]
    body_en: String,
    /// The version of the page the form was loaded with (`store::site_pages::version`).
    #[serde(default)]
    version: String,
}

crate::http::forms::debug_without_text!(PageFields);

impl PageFields {
    fn of(p: store::site_pages::Page) -> PageFields {
        PageFields {
            title_lv: p.title_lv,
            title_en: p.title_en.unwrap_or_default(),
            body_lv: p.body_lv,
            body_en: p.body_en.unwrap_or_default(),
            version: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "site/edit.html")]
struct EditPage {
    ctx: PageCtx,
    slug: String,
    name: &'static str,
    f: PageFields,
    errors: FormErrors,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

fn known(slug: &str) -> AppResult<()> {
    if store::site_pages::SLUGS.contains(&slug) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The edit form, filled with the saved page.
pub async fn edit(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, slug)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    known(&slug)?;
    // The version before the page: a save in between then shows as stale, never lost.
    let version = store::site_pages::version(state.db(), &slug).await?;
    let mut f = match store::site_pages::get(state.db(), &slug).await {
        Ok(p) => PageFields::of(p),
        Err(store::Error::NotFound) => PageFields::default(),
        Err(e) => return Err(e.into()),
    };
    f.version = version.to_string();
    let name = page_key(&slug);
    Ok(Html(
        EditPage {
            ctx,
            slug,
            name,
            f,
            errors: FormErrors::default(),
            stale: None,
        }
        .render()?,
    ))
}

/// Saves a page: the Latvian title and text are needed; the text is sanitised.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, slug)): Path<(String, String)>,
    AppForm(f): AppForm<PageFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    known(&slug)?;
    let mut errors = FormErrors::default();
    let title_lv = text_field(&f.title_lv, 200, "title_lv", &mut errors);
    if title_lv.is_none() && !errors.has("title_lv") {
        errors.add("title_lv", "site-title-missing");
    }
    let title_en = text_field(&f.title_en, 200, "title_en", &mut errors);
    let body_lv = block_field(&f.body_lv, 50_000, "body_lv", &mut errors)
        .map(|b| crate::rich::from_input(&b));
    if body_lv.as_deref().is_none_or(str::is_empty) && !errors.has("body_lv") {
        errors.add("body_lv", "site-body-missing");
    }
    let body_en = block_field(&f.body_en, 50_000, "body_en", &mut errors)
        .map(|b| crate::rich::from_input(&b))
        .filter(|b| !b.is_empty());
    if let (Some(title_lv), Some(body_lv), true) = (title_lv, body_lv, errors.is_empty()) {
        match store::site_pages::save_checked(
            state.db(),
            state.now(),
            &user.actor(ip),
            &store::site_pages::Page {
                slug: slug.clone(),
                title_lv,
                title_en,
                body_lv,
                body_en,
                updated_at: state.now(),
            },
            crate::http::stale::version(&f.version),
        )
        .await
        {
            Ok(()) => {
                return Ok(Redirect::to(&ctx.href("/site/pages?notice=saved")).into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => return stale_page(&state, ctx, slug, f).await,
            Err(e) => return Err(e.into()),
        }
    }
    let name = page_key(&slug);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(
            EditPage {
                ctx,
                slug,
                name,
                f,
                errors,
                stale: None,
            }
            .render()?,
        ),
    )
        .into_response())
}

/// The form again after someone saved the page since it was loaded: what was typed, what
/// differs in the stored page now, and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    slug: String,
    mut f: PageFields,
) -> AppResult<Response> {
    use crate::http::stale::{Stale, plain};
    let version = store::site_pages::version(state.db(), &slug).await?;
    // A page saved for the first time meanwhile, or never: compared with what is stored.
    let s = match store::site_pages::get(state.db(), &slug).await {
        Ok(p) => PageFields::of(p),
        Err(store::Error::NotFound) => PageFields::default(),
        Err(e) => return Err(e.into()),
    };
    let stale = Stale::compare(vec![
        plain("site-title-lv", &f.title_lv, &s.title_lv),
        plain("site-body-lv", &f.body_lv, &s.body_lv),
        plain("site-title-en", &f.title_en, &s.title_en),
        plain("site-body-en", &f.body_en, &s.body_en),
    ]);
    f.version = version.to_string();
    let name = page_key(&slug);
    Ok((
        StatusCode::CONFLICT,
        Html(
            EditPage {
                ctx,
                slug,
                name,
                f,
                errors: FormErrors::default(),
                stale: Some(stale),
            }
            .render()?,
        ),
    )
        .into_response())
}

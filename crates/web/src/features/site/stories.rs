//! Success stories: the public list, a story's page (`/{lang}/stories/{id}-{slug}`, a Romani
//! version with `?text=rom`), the Atom feed, the photo and the JSON API; for coordinators the
//! editorial desk — the text (its form is [`super::story_form`]), the consent (record,
//! withdraw), the photo (alt text required, re-encoded without metadata and scaled for the
//! web), media coverage, and the workflow draft → review → published (→ withdrawn when the
//! consent is withdrawn).

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use serde::Deserialize;
use store::stories::{CHANNELS, Consent, Media, Status, Step, Story};

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::forms::{AppForm, FormErrors, parse_id, text_field};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser, MaybeUser};

/// The widest a story's photo is kept.
pub const PHOTO_WIDTH: u32 = 1600;

/// The story's public path after the language: `/stories/4-no-skolas-lidz-universitatei`.
pub fn path_of(s: &Story, lang: &str) -> String {
    format!("/stories/{}", domain::text::readable(s.id, s.text(lang).0))
}

/// A story in a list.
struct Card {
    href: String,
    title: String,
    summary: String,
    lang: &'static str,
    /// (src, alt, width, height) of the photo.
    photo: Option<(String, String, i64, i64)>,
    at: i64,
}

/// (src, alt, width, height) of the story's public photo in a language.
pub fn photo_of(s: &Story, lang: &str) -> Option<(String, String, i64, i64)> {
    s.public_photo().map(|p| {
        let alt = match (lang, &p.alt_en) {
            ("en", Some(en)) => en.clone(),
            _ => p.alt_lv.clone(),
        };
        (format!("/stories/{}/photo", s.id), alt, p.width, p.height)
    })
}

fn card(ctx: &PageCtx, s: &Story) -> Card {
    let lang = ctx.lang.code();
    let (title, summary, _, l) = s.text(lang);
    Card {
        href: ctx.href(&path_of(s, lang)),
        title: title.to_owned(),
        summary: summary.to_owned(),
        lang: l,
        photo: photo_of(s, lang),
        at: s.published_at.unwrap_or(s.updated_at),
    }
}

#[derive(Template)]
#[template(path = "public/stories.html")]
struct ListPage {
    ctx: PageCtx,
    cards: Vec<Card>,
}

/// "Veiksmes stāsti": published stories, the latest first.
pub async fn list(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let cards = store::stories::published(state.db(), 200)
        .await?
        .iter()
        .map(|s| card(&ctx, s))
        .collect();
    Ok(Html(ListPage { ctx, cards }.render()?))
}

#[derive(Template)]
#[template(path = "public/story.html")]
struct StoryPage {
    ctx: PageCtx,
    id: i64,
    title: String,
    summary: String,
    body: String,
    lang: &'static str,
    person: String,
    place: Option<String>,
    photo: Option<(String, String, i64, i64)>,
    media: Vec<Media>,
    at: Option<i64>,
    /// A link to the Romani version (or back from it).
    romani: Option<(String, bool)>,
    /// The editors' view: status and where to manage it.
    editing: Option<&'static str>,
    og: crate::page::Og,
}

#[derive(Debug, Default, Deserialize)]
pub struct TextQuery {
    #[serde(default)]
    text: String,
}

async fn story_page(
    state: &AppState,
    ctx: PageCtx,
    s: &Story,
    romani: bool,
    editing: Option<&'static str>,
) -> AppResult<StoryPage> {
    let lang = ctx.lang.code();
    let (title, summary, body, l) = s.text(if romani { "rom" } else { lang });
    // An anonymised story shows neither its place nor coverage that may name the person.
    let place = match s.territory_id.filter(|_| !s.anonymised) {
        Some(t) => Some(
            store::territories::get(state.db(), t)
                .await?
                .name(lang)
                .to_owned(),
        ),
        None => None,
    };
    let romani_link = s.has_romani().then(|| {
        let base = ctx.href(&path_of(s, lang));
        if romani {
            (base, true)
        } else {
            (format!("{base}?text=rom"), false)
        }
    });
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let og = crate::page::Og {
        title: title.to_owned(),
        description: summary.to_owned(),
        url: format!("{base}/{lang}{}", path_of(s, lang)),
        image: photo_of(s, lang).map(|(src, alt, _, _)| (format!("{base}{src}"), alt)),
        kind: "article",
    };
    Ok(StoryPage {
        og,
        id: s.id,
        title: title.to_owned(),
        summary: summary.to_owned(),
        body: crate::rich::sanitise(body),
        lang: l,
        person: s.person_name.clone(),
        place,
        photo: photo_of(s, lang),
        media: if s.anonymised {
            Vec::new()
        } else {
            store::stories::media(state.db(), s.id).await?
        },
        at: s.published_at,
        romani: romani_link,
        editing,
        ctx,
    })
}

/// A published story (404 for anything else).
pub async fn story(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, item)): Path<(String, String)>,
    Query(q): Query<TextQuery>,
) -> AppResult<Html<String>> {
    let s = store::stories::get(state.db(), crate::http::forms::leading_id(&item)?, true).await?;
    let romani = q.text == "rom" && s.has_romani();
    Ok(Html(
        story_page(&state, ctx, &s, romani, None).await?.render()?,
    ))
}

/// The photo of a published, not anonymised story; editors see every story's photo. Never
/// stored by browsers or proxies (`no-store`), so a withdrawn story's photo is gone at once.
pub async fn photo(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let s = store::stories::get(state.db(), parse_id(&id)?, false).await?;
    let editor = user.is_some_and(|u| u.can(Permission::ManageSite));
    let p = if editor {
        s.photo.as_ref()
    } else if s.status == Status::Published {
        s.public_photo()
    } else {
        None
    }
    .ok_or(AppError::NotFound)?;
    crate::http::files::serve_image(&state, &p.kind, &p.sha256).await
}

/// The Atom feed of published stories in one language.
pub async fn atom(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let lang = ctx.lang.code();
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let stories = store::stories::published(state.db(), 50).await?;
    let entries: Vec<documents::atom::Entry> = stories
        .iter()
        .map(|s| {
            let (title, summary, _, l) = s.text(lang);
            documents::atom::Entry {
                id: format!("{base}/stories/{}", s.id),
                link: format!("{base}/{lang}{}", path_of(s, lang)),
                title,
                summary,
                lang: (l != lang).then_some(l),
                published: s.published_at.unwrap_or(s.updated_at),
                updated: s.updated_at,
            }
        })
        .collect();
    Ok(crate::http::feeds::atom_response(documents::atom::render(
        &documents::atom::Feed {
            lang,
            page: format!("{base}/{lang}/stories"),
            feed: format!("{base}/{lang}/stories.atom"),
            title: format!("{} — {}", ctx.t("site-name"), ctx.t("stories-title")),
            author: ctx.t("site-name"),
        },
        &entries,
    )))
}

#[derive(Debug, Default, Deserialize)]
pub struct StoriesQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    lang: String,
}

/// Published success stories
///
/// The public site's stories, the latest first, in Latvian, English or Romani. No token needed.
#[utoipa::path(
    get, path = "/api/v1/stories", operation_id = "listStories", tag = "Public site",
    params(
        crate::http::paging::Paging,
        ("q" = Option<String>, Query, description = "Words to find in the title, summary or text in any language (diacritics and case ignored; a word matches the start of a word)"),
        ("lang" = Option<String>, Query, description = "lv (default), en or rom: the language of the text (falls back to Latvian, see `language`)"),
    ),
    responses(
        (status = 200, description = "items: id, title, summary, body (sanitised HTML), language, person (the name the story uses — a pseudonym when anonymised), place, photo {url, alt, width, height} (none when anonymised), media [{kind, outlet, title, url, published_on}], published_at (RFC 3339), url", body = Object),
        (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api(
    State(state): State<AppState>,
    Query(q): Query<StoriesQuery>,
    Query(paging): Query<crate::http::paging::Paging>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let lang = match q.lang.trim() {
        "rom" => "rom",
        raw => crate::http::forms::lang_field(raw, "lang", "reg-choice-invalid", &mut errors),
    };
    if !errors.is_empty() {
        return Ok(crate::http::problem::invalid(&errors));
    }
    let words = domain::text::search_words(&q.q);
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let page_lang = if lang == "en" { "en" } else { "lv" };
    let mut items = Vec::new();
    for s in store::stories::published(state.db(), 500).await? {
        if !words.is_empty() {
            let text = domain::text::plain_text(&format!(
                "{} {} {} {} {} {} {} {} {}",
                s.title_lv,
                s.summary_lv,
                s.body_lv,
                s.title_en.as_deref().unwrap_or_default(),
                s.summary_en.as_deref().unwrap_or_default(),
                s.body_en.as_deref().unwrap_or_default(),
                s.title_rom.as_deref().unwrap_or_default(),
                s.summary_rom.as_deref().unwrap_or_default(),
                s.body_rom.as_deref().unwrap_or_default(),
            ));
            if !domain::text::has_word_starts(&words, &text) {
                continue;
            }
        }
        let (title, summary, body, l) = s.text(lang);
        let place = match s.territory_id.filter(|_| !s.anonymised) {
            Some(t) => Some(
                store::territories::get(state.db(), t)
                    .await?
                    .name(page_lang)
                    .to_owned(),
            ),
            None => None,
        };
        let coverage = if s.anonymised {
            Vec::new()
        } else {
            store::stories::media(state.db(), s.id).await?
        };
        let media: Vec<serde_json::Value> = coverage
            .into_iter()
            .map(|m| {
                serde_json::json!({
                    "kind": m.kind, "outlet": m.outlet, "title": m.title, "url": m.url,
                    "published_on": m.published_on,
                })
            })
            .collect();
        items.push(serde_json::json!({
            "id": s.id,
            "title": title,
            "summary": summary,
            "body": crate::rich::sanitise(body),
            "language": l,
            "person": s.person_name,
            "place": place,
            "photo": photo_of(&s, page_lang).map(|(src, alt, w, h)| serde_json::json!({
                "url": format!("{base}{src}"), "alt": alt, "width": w, "height": h,
            })),
            "media": media,
            "published_at": documents::atom::rfc3339(s.published_at.unwrap_or(s.updated_at)),
            "url": format!("{base}/{page_lang}{}", path_of(&s, page_lang)),
        }));
    }
    Ok(axum::Json(paging.of(items)).into_response())
}

// ----- the editorial desk -----

struct Row {
    id: i64,
    title: String,
    status_key: &'static str,
    consent_key: &'static str,
    updated_at: i64,
}

#[derive(Template)]
#[template(path = "site/stories.html")]
struct ManageList {
    ctx: PageCtx,
    rows: Vec<Row>,
    notice: Option<&'static str>,
}

/// The editors' list: stories waiting for review first.
pub async fn manage(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(n): Query<crate::http::notice::Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    Ok(Html(
        ManageList {
            rows: desk_rows(&state).await?,
            ctx,
            notice: n.notice_key(),
        }
        .render()?,
    ))
}

/// The desk's rows: every story with its status and the storyteller's consent.
async fn desk_rows(state: &AppState) -> AppResult<Vec<Row>> {
    let mut rows = Vec::new();
    for s in store::stories::all(state.db()).await? {
        let consent = store::stories::standing_consent(state.db(), s.id).await?;
        rows.push(Row {
            id: s.id,
            title: s.title_lv.clone(),
            status_key: s.status.label_key(),
            consent_key: match consent {
                None => "story-consent-none",
                Some(c) if c.blocks_site(&s).is_some() => "story-consent-not-site",
                Some(_) => "story-consent-standing",
            },
            updated_at: s.updated_at,
        });
    }
    Ok(rows)
}

/// The desk as CSV or XLSX, audited: a story and its consent are about a person.
pub async fn manage_export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(Permission::ManageSite)?;
    let rows: Vec<Vec<Cell>> = desk_rows(&state)
        .await?
        .into_iter()
        .map(|r| {
            vec![
                Cell::Text(r.title),
                Cell::Text(ctx.t(r.status_key)),
                Cell::Text(ctx.t(r.consent_key)),
                Cell::Date(crate::http::dates::riga_date(r.updated_at)),
            ]
        })
        .collect();
    let header = [
        ctx.t("story-title"),
        ctx.t("field-status"),
        ctx.t("story-consent"),
        ctx.t("practice-updated"),
    ];
    // The people in stories are not in the registry: named in the audit entry only.
    crate::http::tables::personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::StoriesExported),
        &[],
        &f.format,
        (&ctx.t("stories-manage-title"), "stories"),
        &header,
        &rows,
    )
    .await
}

#[derive(Default, Deserialize)]
pub struct ConsentFields {
    #[serde(default)]
    channels: Vec<String>,
    #[serde(default)]
    given_on: String,
    #[serde(default)]
    form_reference: String,
    #[serde(default)]
    minor: String,
    #[serde(default)]
    guardian_name: String,
    #[serde(default)]
    child_view: String,
    #[serde(default)]
    named: String,
    #[serde(default)]
    photo: String,
}

crate::http::forms::debug_without_text!(ConsentFields);

#[derive(Default, Deserialize)]
pub struct MediaFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    media_title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    published_on: String,
}

crate::http::forms::debug_without_text!(MediaFields);

#[derive(Template)]
#[template(path = "site/story.html")]
struct DeskPage {
    ctx: PageCtx,
    s: Story,
    status_key: &'static str,
    consents: Vec<Consent>,
    standing: Option<Consent>,
    /// Why the story cannot go to review or be published now (a message id).
    blocked: Option<&'static str>,
    media: Vec<Media>,
    notice: Option<&'static str>,
    errors: FormErrors,
    c: ConsentFields,
    m: MediaFields,
    alt_lv: String,
    alt_en: String,
    today: String,
}

impl DeskPage {
    fn channel_key(&self, c: &str) -> &'static str {
        domain::site::StoryChannel::label_key_of(c)
    }
    fn media_key(&self, k: &str) -> &'static str {
        domain::site::StoryMedia::label_key_of(k)
    }
    fn child_view_key(&self, v: &str) -> &'static str {
        domain::site::ChildView::label_key_of(v)
    }
    fn has_channel(&self, c: &str) -> bool {
        self.c.channels.iter().any(|x| x == c)
    }
    fn public_path(&self) -> String {
        path_of(&self.s, self.ctx.lang.code())
    }
    fn has_history(&self) -> bool {
        self.consents.iter().any(|c| c.withdrawn_on.is_some())
    }
    /// (field, label, typed value, input type) of the consent form's text inputs.
    fn consent_inputs(&self) -> Vec<Input> {
        vec![
            (
                "given_on",
                "story-given-on",
                self.c.given_on.clone(),
                "date",
            ),
            (
                "form_reference",
                "story-form-reference",
                self.c.form_reference.clone(),
                "text",
            ),
        ]
    }
    fn alt_inputs(&self) -> Vec<Input> {
        vec![
            ("alt_lv", "story-alt-lv", self.alt_lv.clone(), "text"),
            ("alt_en", "story-alt-en", self.alt_en.clone(), "text"),
        ]
    }
    fn media_inputs(&self) -> Vec<Input> {
        vec![
            (
                "outlet",
                "story-media-outlet",
                self.m.outlet.clone(),
                "text",
            ),
            (
                "media_title",
                "story-media-title",
                self.m.media_title.clone(),
                "text",
            ),
            ("url", "story-media-url", self.m.url.clone(), "url"),
            (
                "published_on",
                "story-media-date",
                self.m.published_on.clone(),
                "date",
            ),
        ]
    }
}

/// A text input of a form: (field, label, typed value, input type).
type Input = (&'static str, &'static str, String, &'static str);

fn blocked_key(why: store::Conflict) -> &'static str {
    match why {
        store::Conflict::Site(store::SiteConflict::Consent) => "story-blocked-consent",
        store::Conflict::Site(store::SiteConflict::Channel) => "story-blocked-channel",
        store::Conflict::Site(store::SiteConflict::Child) => "story-blocked-child",
        store::Conflict::Site(store::SiteConflict::Named) => "story-blocked-named",
        store::Conflict::Site(store::SiteConflict::Photo) => "story-blocked-photo",
        _ => "story-blocked-status",
    }
}

async fn desk(state: &AppState, ctx: PageCtx, id: i64) -> AppResult<DeskPage> {
    let s = store::stories::get(state.db(), id, false).await?;
    let consents = store::stories::consents(state.db(), id).await?;
    let standing = consents.iter().find(|c| c.withdrawn_on.is_none()).cloned();
    let blocked = match &standing {
        None => Some("story-blocked-consent"),
        Some(c) => c.blocks_site(&s).map(|why| blocked_key(why.into())),
    };
    Ok(DeskPage {
        status_key: s.status.label_key(),
        media: store::stories::media(state.db(), id).await?,
        consents,
        standing,
        blocked,
        notice: None,
        errors: FormErrors::default(),
        c: ConsentFields {
            channels: vec!["site".to_owned()],
            given_on: state.today().to_string(),
            ..ConsentFields::default()
        },
        m: MediaFields {
            kind: "press".to_owned(),
            ..MediaFields::default()
        },
        alt_lv: String::new(),
        alt_en: String::new(),
        today: state.today().to_string(),
        s,
        ctx,
    })
}

/// A story on the editorial desk.
pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<crate::http::notice::Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    let mut page = desk(&state, ctx, parse_id(&id)?).await?;
    page.notice = n.notice_key();
    Ok(Html(page.render()?))
}

/// The editors' preview of the story as the public will see it.
pub async fn preview(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(q): Query<TextQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    let s = store::stories::get(state.db(), parse_id(&id)?, false).await?;
    let romani = q.text == "rom" && s.has_romani();
    Ok(Html(
        story_page(&state, ctx, &s, romani, Some(s.status.label_key()))
            .await?
            .render()?,
    ))
}

fn back(ctx: &PageCtx, id: i64, notice: &str) -> Response {
    Redirect::to(&ctx.href(&format!("/site/stories/{id}?notice={notice}"))).into_response()
}

async fn refused(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    errors: FormErrors,
) -> AppResult<Response> {
    let mut page = desk(state, ctx, id).await?;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct StepFields {
    #[serde(default)]
    step: String,
}

/// Moves the story along its workflow.
pub async fn step(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<StepFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    let (step, notice) = match f.step.as_str() {
        "review" => (Step::ToReview, "story-to-review"),
        "publish" => (Step::Publish, "story-published"),
        "draft" => (Step::BackToDraft, "story-back-to-draft"),
        _ => return Err(AppError::BadRequest),
    };
    match store::stories::step(state.db(), state.now(), &user.actor(ip), id, step).await {
        Ok(()) => Ok(back(&ctx, id, notice)),
        Err(store::Error::Conflict(why)) => {
            let mut errors = FormErrors::default();
            // The field is named apart: the message comes from the store's reason.
            let field = "step";
            errors.add(field, blocked_key(why));
            refused(&state, ctx, id, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Records the featured person's consent.
pub async fn record_consent(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    let f: ConsentFields = crate::http::forms::with_lists(body, &["channels"])?;
    let mut errors = FormErrors::default();
    if f.channels.is_empty() {
        errors.add("channels", "story-channels-missing");
    } else if f.channels.iter().any(|c| !CHANNELS.contains(&c.as_str())) {
        errors.add("channels", "reg-choice-invalid");
    }
    let given_on = crate::http::forms::date_field(&f.given_on, "given_on", &mut errors);
    if given_on.is_some_and(|d| d > state.today()) {
        errors.add("given_on", "story-date-future");
    }
    let form_reference = crate::http::forms::required_text(
        &f.form_reference,
        200,
        "form_reference",
        "story-form-reference-missing",
        &mut errors,
    );
    let minor = f.minor == "yes";
    let guardian_name = text_field(&f.guardian_name, 200, "guardian_name", &mut errors);
    let child_view = match f.child_view.trim() {
        "" => None,
        v => domain::site::ChildView::parse(v).or_else(|| {
            errors.add("child_view", "reg-choice-invalid");
            None
        }),
    };
    if minor && guardian_name.is_none() && !errors.has("guardian_name") {
        errors.add("guardian_name", "story-guardian-missing");
    }
    if minor && child_view.is_none() && !errors.has("child_view") {
        errors.add("child_view", "story-child-view-missing");
    }
    if let (Some(given_on), true) = (given_on, errors.is_empty()) {
        let c = store::stories::NewConsent {
            // In the vocabulary's order, whatever order the form sent them in.
            channels: domain::site::StoryChannel::ALL
                .iter()
                .copied()
                .filter(|c| f.channels.iter().any(|x| x == c.as_str()))
                .collect(),
            given_on: given_on.to_string(),
            form_reference,
            minor,
            guardian_name,
            child_view,
            named: f.named == "yes",
            photo: f.photo == "yes",
        };
        match store::stories::record_consent(state.db(), state.now(), &user.actor(ip), id, &c).await
        {
            Ok(_) => return Ok(back(&ctx, id, "consent")),
            Err(store::Error::Conflict(store::Conflict::Site(
                store::SiteConflict::ConsentStanding,
            ))) => errors.add("channels", "story-consent-standing-already"),
            Err(store::Error::Conflict(_)) => errors.add("channels", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = desk(&state, ctx, id).await?;
    page.errors = errors;
    page.c = f;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

#[derive(Default, Deserialize)]
pub struct WithdrawFields {
    #[serde(default)]
    withdrawn_on: String,
}

crate::http::forms::debug_without_text!(WithdrawFields);

/// Withdraws the consent: the story comes off the site in the same request, and its editor
/// is told by mail.
pub async fn withdraw_consent(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<WithdrawFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    let s = store::stories::get(state.db(), id, false).await?;
    let mut errors = FormErrors::default();
    let on = crate::http::forms::date_field(&f.withdrawn_on, "withdrawn_on", &mut errors);
    if on.is_some_and(|d| d > state.today()) {
        errors.add("withdrawn_on", "story-date-future");
    }
    let given = store::stories::standing_consent(state.db(), id)
        .await?
        .and_then(|c| c.given_on.parse::<jiff::civil::Date>().ok());
    if let (Some(on), Some(given)) = (on, given)
        && on < given
    {
        errors.add("withdrawn_on", "story-withdrawn-before-given");
    }
    let Some(on) = on.filter(|_| errors.is_empty()) else {
        let mut page = desk(&state, ctx, id).await?;
        page.errors = errors;
        page.today = f.withdrawn_on.clone();
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    };
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    // In the language of the story's editor (who gets it).
    let lang = match s.created_by {
        Some(u) => store::users::get(state.db(), u)
            .await
            .ok()
            .and_then(|u| crate::i18n::Lang::parse(&u.preferred_lang))
            .unwrap_or(crate::i18n::Lang::Lv),
        None => crate::i18n::Lang::Lv,
    };
    let title = match (lang, &s.title_en) {
        (crate::i18n::Lang::En, Some(t)) if !t.is_empty() => t.clone(),
        _ => s.title_lv.clone(),
    };
    let arg = |v: String| fluent_bundle::FluentValue::from(v);
    let mail = store::outbox::Outgoing {
        kind: "story_consent_withdrawn".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: crate::i18n::t_args(
            lang,
            "mail-story-withdrawn-subject",
            &[("title", arg(title.clone()))],
        ),
        body: crate::i18n::t_args(
            lang,
            "mail-story-withdrawn-body",
            &[
                ("title", arg(title)),
                ("date", arg(on.to_string())),
                (
                    "link",
                    arg(format!("{base}/{}/site/stories/{id}", lang.code())),
                ),
            ],
        ),
    };
    match store::stories::withdraw_consent(
        state.db(),
        state.now(),
        &user.actor(ip),
        id,
        &on.to_string(),
        Some(&mail),
    )
    .await
    {
        Ok(()) => Ok(back(&ctx, id, "withdrawn")),
        Err(store::Error::NotFound) => {
            errors.add("withdrawn_on", "story-blocked-consent");
            refused(&state, ctx, id, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Uploads the story's photo: alt text required; re-encoded without metadata, at most
/// [`PHOTO_WIDTH`] wide.
pub async fn upload_photo(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    multipart: Multipart,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    store::stories::get(state.db(), id, false).await?;
    let upload =
        crate::http::forms::Upload::read(multipart, "photo", state.settings().max_upload_bytes())
            .await;
    let (alt_lv, alt_en) = (upload.text("alt_lv"), upload.text("alt_en"));
    let (file, too_large) = (upload.file, upload.too_large);
    let mut errors = FormErrors::default();
    let alt =
        crate::http::forms::required_text(&alt_lv, 300, "alt_lv", "story-alt-missing", &mut errors);
    let alt_en_clean = text_field(&alt_en, 300, "alt_en", &mut errors);
    let web = match (file, too_large) {
        (_, true) => {
            errors.add("photo", "document-too-large");
            None
        }
        (None, _) => {
            errors.add("photo", "story-photo-missing");
            None
        }
        (Some(bytes), _) => match crate::http::files::web_photo(&state, bytes, PHOTO_WIDTH).await {
            Ok(w) => Some(w),
            Err(why) => {
                let field = "photo";
                errors.add(field, why);
                None
            }
        },
    };
    if let (Some(web), true) = (web, errors.is_empty()) {
        let sha = crate::http::files::keep_file(&state, &web.bytes).await?;
        let p = store::stories::Photo {
            sha256: sha.clone(),
            kind: web.kind.as_str().to_owned(),
            width: i64::from(web.width),
            height: i64::from(web.height),
            alt_lv: alt,
            alt_en: alt_en_clean,
        };
        let old = store::stories::set_photo(state.db(), state.now(), &user.actor(ip), id, Some(&p))
            .await?;
        crate::http::files::still_kept(&state, &sha, web.bytes).await?;
        if let Some(old) = old {
            let _ = std::fs::remove_file(state.settings().files_dir().join(old));
        }
        return Ok(back(&ctx, id, "photo"));
    }
    let mut page = desk(&state, ctx, id).await?;
    page.errors = errors;
    page.alt_lv = alt_lv;
    page.alt_en = alt_en;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// Removes the story's photo.
pub async fn remove_photo(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    if let Some(old) =
        store::stories::set_photo(state.db(), state.now(), &user.actor(ip), id, None).await?
    {
        let _ = std::fs::remove_file(state.settings().files_dir().join(old));
    }
    Ok(back(&ctx, id, "photo-removed"))
}

/// Adds a link to media coverage.
pub async fn add_media(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<MediaFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let kind = domain::site::StoryMedia::parse(&f.kind);
    if kind.is_none() {
        errors.add("kind", "reg-choice-invalid");
    }
    let outlet = crate::http::forms::required_text(
        &f.outlet,
        200,
        "outlet",
        "story-field-missing",
        &mut errors,
    );
    let title = crate::http::forms::required_text(
        &f.media_title,
        300,
        "media_title",
        "story-field-missing",
        &mut errors,
    );
    let url = match url::Url::parse(f.url.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && f.url.trim().len() <= 1000 => {
            Some(u.to_string())
        }
        _ => {
            errors.add("url", "story-url-invalid");
            None
        }
    };
    let published_on =
        crate::http::forms::optional_date_field(&f.published_on, "published_on", &mut errors);
    if let (Some(kind), Some(url), true) = (kind, url, errors.is_empty()) {
        let m = Media {
            kind,
            outlet,
            title,
            url,
            published_on: published_on.map(|d| d.to_string()),
            ..Media::default()
        };
        store::stories::add_media(state.db(), state.now(), &user.actor(ip), id, &m).await?;
        return Ok(back(&ctx, id, "media"));
    }
    let mut page = desk(&state, ctx, id).await?;
    page.errors = errors;
    page.m = f;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// Removes a media link.
pub async fn remove_media(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    store::stories::remove_media(
        state.db(),
        state.now(),
        &user.actor(ip),
        id,
        parse_id(&item)?,
    )
    .await?;
    Ok(back(&ctx, id, "media-removed"))
}

/// Deletes a draft or withdrawn story with its consents and media links.
pub async fn delete(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = parse_id(&id)?;
    match store::stories::delete(state.db(), state.now(), &user.actor(ip), id).await {
        Ok(photo) => {
            if let Some(sha) = photo {
                let _ = std::fs::remove_file(state.settings().files_dir().join(sha));
            }
            Ok(Redirect::to(&ctx.href("/site/stories?notice=story-deleted")).into_response())
        }
        Err(store::Error::Conflict(_)) => {
            let mut errors = FormErrors::default();
            errors.add("step", "story-delete-public");
            refused(&state, ctx, id, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

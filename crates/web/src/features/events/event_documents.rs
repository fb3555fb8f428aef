//! An event's documents (PDF, DOCX, XLSX, ODT, JPEG, PNG): the type is decided from the
//! content, never the name; photos lose their EXIF and similar metadata; the bytes are
//! kept in the files directory outside any web root, under their SHA-256; downloads are
//! always attachments (with `nosniff` on every response). Public documents of a public
//! event are offered on its public page.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::files::{accept, human_size, keep_file, serve_file, still_kept};
use crate::http::forms::{FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Template)]
#[template(path = "events/documents.html")]
struct DocumentsPage {
    ctx: PageCtx,
    event: store::events::Event,
    docs: Vec<store::event_documents::Document>,
    items: Vec<store::agenda::Item>,
    errors: FormErrors,
    title: String,
    /// "Public" as ticked in a refused upload (kept with the title).
    public: bool,
    max_mb: u32,
    notice: Option<&'static str>,
}

impl DocumentsPage {
    fn event_title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn size(&self, bytes: &i64) -> String {
        human_size(*bytes)
    }
}

async fn page(state: &AppState, ctx: PageCtx, event_id: i64) -> AppResult<DocumentsPage> {
    Ok(DocumentsPage {
        event: store::events::get(state.db(), event_id).await?,
        docs: store::event_documents::for_event(state.db(), event_id, false).await?,
        items: store::agenda::items(state.db(), event_id).await?,
        max_mb: state.settings().files.max_upload_mb,
        ctx,
        errors: FormErrors::default(),
        title: String::new(),
        public: false,
        notice: None,
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let mut p = page(&state, ctx, parse_id(&id)?).await?;
    p.notice = match n.notice.as_deref() {
        Some("added") => Some("document-added-notice"),
        Some("removed") => Some("document-removed-notice"),
        _ => None,
    };
    Ok(Html(p.render()?))
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    multipart: Multipart,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    store::events::get(state.db(), id).await?;
    let upload =
        crate::http::forms::Upload::read(multipart, "file", state.settings().max_upload_bytes())
            .await;
    let (title, agenda_item) = (upload.text("title"), upload.text("agenda_item"));
    let public = upload.text("public") == "1";
    let (file, too_large) = (upload.file, upload.too_large);
    let mut errors = FormErrors::default();
    let title_clean = crate::http::forms::required_line(
        &title,
        300,
        "title",
        "document-title-invalid",
        &mut errors,
    );
    let agenda_item_id = match agenda_item.trim() {
        "" => None,
        v => match v.parse::<i64>() {
            Ok(i) if i > 0 => Some(i),
            _ => {
                errors.add("agenda_item", "reg-choice-invalid");
                None
            }
        },
    };
    let (kind, cleaned) = match accept(&state, file, too_large).await? {
        Ok((k, c)) => (Some(k), Some(c)),
        Err(why) => {
            errors.add("file", why);
            (None, None)
        }
    };
    if let (Some(kind), Some(bytes), Some(t), true) =
        (kind, cleaned, title_clean, errors.is_empty())
    {
        let sha = keep_file(&state, &bytes).await?;
        let d = store::event_documents::NewDocument {
            agenda_item_id,
            title: t,
            kind: kind.as_str().to_owned(),
            size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
            sha256: sha,
            is_public: public,
        };
        match store::event_documents::add(state.db(), state.now(), &user.actor(ip), id, &d).await {
            Ok(_) => {
                still_kept(&state, &d.sha256, bytes).await?;
                return Ok(Redirect::to(
                    &ctx.href(&format!("/events/{id}/documents?notice=added")),
                )
                .into_response());
            }
            Err(store::Error::Conflict(_)) => errors.add("agenda_item", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = page(&state, ctx, id).await?;
    p.errors = errors;
    p.title = title;
    p.public = public;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let (id, item) = (parse_id(&id)?, parse_id(&item)?);
    if let Some(sha) =
        store::event_documents::remove(state.db(), state.now(), &user.actor(ip), id, item).await?
    {
        // The bytes go too when nothing else uses them; a leftover file is harmless.
        let _ = std::fs::remove_file(state.settings().files_dir().join(sha));
    }
    Ok(Redirect::to(&ctx.href(&format!("/events/{id}/documents?notice=removed"))).into_response())
}

/// The file as an attachment, whatever the browser would make of it.
async fn serve(state: &AppState, d: &store::event_documents::Document) -> AppResult<Response> {
    serve_file(state, &d.kind, &d.sha256, &d.title).await
}

/// A document for the workspace: public ones for every user, internal ones for the
/// coordinators and the event's organisers.
pub async fn download(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ViewEvents)?;
    let id = parse_id(&id)?;
    let d = store::event_documents::get(state.db(), id, parse_id(&item)?).await?;
    // An internal document only for coordinators and the event's organisers.
    if !d.is_public {
        store::attendance::visible(
            state.db(),
            crate::features::events::attendance::scope_of(&user),
            id,
        )
        .await?;
    }
    serve(&state, &d).await
}

/// A public document of a public event.
pub async fn public_download(
    State(state): State<AppState>,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    let e = store::events::get(state.db(), id).await?;
    let d = store::event_documents::get(state.db(), id, parse_id(&item)?).await?;
    if !e.publicly_visible() || !d.is_public {
        return Err(AppError::NotFound);
    }
    serve(&state, &d).await
}

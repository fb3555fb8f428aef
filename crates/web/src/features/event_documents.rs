//! An event's documents (PDF, DOCX, XLSX, ODT, JPEG, PNG): the type is decided from the
//! content, never the name; photos lose their EXIF and similar metadata; the bytes are
//! kept in the files directory outside any web root, under their SHA-256; downloads are
//! always attachments (with `nosniff` on every response). Public documents of a public
//! event are offered on its public page.

use std::io::Write;

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use documents::sniff::{self, Kind};
use domain::auth::Permission;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, parse_id};
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

/// A size for people: "850 KB", "2.4 MB".
pub fn human_size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
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

#[derive(Debug, Deserialize)]
pub struct Notice {
    notice: Option<String>,
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

/// Writes the bytes under their hash (once), readable by the platform's user only.
fn keep(dir: &std::path::Path, sha: &str, bytes: &[u8]) -> std::io::Result<()> {
    // The directory is the owner's only, as every file in it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)?;
    let path = dir.join(sha);
    if path.exists() {
        return Ok(());
    }
    let tmp = dir.join(format!("{sha}.part"));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(tmp, path)
}

/// A file as uploaded, checked and cleaned: its type told from the content (PDF, DOCX,
/// XLSX, ODT, JPEG, PNG), what it declares checked (an image's pixels from its header, a
/// DOCX/XLSX/ODT's unpacked size, compression and entries — off the async threads), images
/// without their metadata. `Err` is the message for the field.
pub(crate) async fn accept(
    state: &AppState,
    file: Option<Vec<u8>>,
    too_large: bool,
) -> AppResult<Result<(Kind, Vec<u8>), &'static str>> {
    if too_large {
        return Ok(Err("document-too-large"));
    }
    let Some(bytes) = file.filter(|f| !f.is_empty()) else {
        return Ok(Err("import-no-file"));
    };
    let Some(kind) = sniff::sniff(&bytes) else {
        return Ok(Err("document-type-refused"));
    };
    // A document may unpack to ten times the upload limit, and at least 50 MB.
    let limits = documents::archive::Limits {
        max_unpacked: (u64::try_from(state.settings().max_upload_bytes()).unwrap_or(u64::MAX))
            .saturating_mul(10)
            .max(documents::archive::Limits::default().max_unpacked),
        ..documents::archive::Limits::default()
    };
    state
        .imaging(move || {
            match sniff::check(kind, &bytes, &limits) {
                Err(sniff::Refusal::TooManyPixels) => return Err("story-photo-too-big"),
                Err(sniff::Refusal::Archive(_)) => return Err("document-unpacks-too-far"),
                Err(sniff::Refusal::Damaged) => return Err("document-damaged"),
                Ok(()) => {}
            }
            let cleaned = sniff::clean(kind, &bytes).ok_or("document-damaged")?;
            Ok((kind, cleaned))
        })
        .await
        .or(Ok(Err("document-damaged")))
}

/// A photo prepared for the web (upright, at most `width` wide, without metadata), one at a
/// time; `Err` is the message for the field. A decoder that panics is a damaged photo.
pub(crate) async fn web_photo(
    state: &AppState,
    bytes: Vec<u8>,
    width: u32,
) -> Result<documents::photo::WebPhoto, &'static str> {
    use documents::photo::{PhotoError, for_web};
    match state
        .imaging(move || for_web(&bytes, width))
        .await
        .unwrap_or(Err(PhotoError::Damaged))
    {
        Ok(w) => Ok(w),
        Err(PhotoError::NotAPhoto) => Err("story-photo-type"),
        Err(PhotoError::TooLarge(_)) => Err("story-photo-too-big"),
        Err(PhotoError::Damaged) => Err("document-damaged"),
    }
}

/// Writes the bytes into the files directory under their SHA-256; returns the hash.
pub(crate) async fn keep_file(state: &AppState, bytes: &[u8]) -> AppResult<String> {
    let sha = format!("{:x}", Sha256::digest(bytes));
    let (dir, name, data) = (state.settings().files_dir(), sha.clone(), bytes.to_vec());
    tokio::task::spawn_blocking(move || keep(&dir, &name, &data))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("keeping a file: {e}")))?;
    Ok(sha)
}

/// After the record is committed: a removal of the same bytes may have deleted the file
/// between our write and our record; with the record there, no removal can any more.
pub(crate) async fn still_kept(state: &AppState, sha: &str, bytes: Vec<u8>) -> AppResult<()> {
    let dir = state.settings().files_dir();
    if !dir.join(sha).exists() {
        let name = sha.to_owned();
        tokio::task::spawn_blocking(move || keep(&dir, &name, &bytes))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(|e| AppError::Internal(format!("keeping a file: {e}")))?;
    }
    Ok(())
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
        crate::forms::Upload::read(multipart, "file", state.settings().max_upload_bytes()).await;
    let (title, agenda_item) = (upload.text("title"), upload.text("agenda_item"));
    let public = upload.text("public") == "1";
    let (file, too_large) = (upload.file, upload.too_large);
    let mut errors = FormErrors::default();
    let title_clean =
        crate::forms::required_line(&title, 300, "title", "document-title-invalid", &mut errors);
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

/// A kept file (by type, hash and title) as an attachment.
/// A kept image, shown in the page (not an attachment); `no-store` comes with the
/// security headers, so no copy outlives the record that allows it.
pub(crate) async fn serve_image(state: &AppState, kind: &str, sha256: &str) -> AppResult<Response> {
    let kind = Kind::parse(kind)
        .filter(|k| k.is_image())
        .ok_or(AppError::NotFound)?;
    let bytes = read_kept(state, sha256).await?;
    Ok(([(header::CONTENT_TYPE, kind.content_type())], bytes).into_response())
}

/// The bytes kept under a SHA-256 (the name only ever comes from the hash we computed).
async fn read_kept(state: &AppState, sha256: &str) -> AppResult<Vec<u8>> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    tokio::fs::read(state.settings().files_dir().join(sha256))
        .await
        .map_err(|_| AppError::NotFound)
}

pub(crate) async fn serve_file(
    state: &AppState,
    kind: &str,
    sha256: &str,
    title: &str,
) -> AppResult<Response> {
    let kind = Kind::parse(kind).ok_or(AppError::NotFound)?;
    let bytes = read_kept(state, sha256).await?;
    let ascii: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let utf8: String = url::form_urlencoded::byte_serialize(title.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    Ok((
        [
            (header::CONTENT_TYPE, kind.content_type().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{ascii}.{ext}\"; filename*=UTF-8''{utf8}.{ext}",
                    ext = kind.extension()
                ),
            ),
        ],
        bytes,
    )
        .into_response())
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
        store::attendance::visible(state.db(), crate::features::attendance::scope_of(&user), id)
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

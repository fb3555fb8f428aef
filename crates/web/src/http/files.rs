//! Uploaded files, kept and served: the type decided from the content, never the name;
//! what a file declares checked off the async threads; photos without metadata; the bytes
//! kept in the files directory outside any web root under their SHA-256; downloads always
//! attachments (with `nosniff` on every response).

use std::io::Write;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use documents::sniff::{self, Kind};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::http::error::{AppError, AppResult};

/// A size for people: "850 KB", "2.4 MB".
pub fn human_size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
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
pub async fn accept(
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
pub async fn web_photo(
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
pub async fn keep_file(state: &AppState, bytes: &[u8]) -> AppResult<String> {
    let sha = format!("{:x}", Sha256::digest(bytes));
    let (dir, name, data) = (state.settings().files_dir(), sha.clone(), bytes.to_vec());
    tokio::task::spawn_blocking(move || keep(&dir, &name, &data))
        .await
        .map_err(AppError::internal)?
        .map_err(|e| AppError::internal(format!("keeping a file: {e}")))?;
    Ok(sha)
}

/// After the record is committed: a removal of the same bytes may have deleted the file
/// between our write and our record; with the record there, no removal can any more.
pub async fn still_kept(state: &AppState, sha: &str, bytes: Vec<u8>) -> AppResult<()> {
    let dir = state.settings().files_dir();
    if !dir.join(sha).exists() {
        let name = sha.to_owned();
        tokio::task::spawn_blocking(move || keep(&dir, &name, &bytes))
            .await
            .map_err(AppError::internal)?
            .map_err(|e| AppError::internal(format!("keeping a file: {e}")))?;
    }
    Ok(())
}

/// A kept file (by type, hash and title) as an attachment.
/// A kept image, shown in the page (not an attachment); `no-store` comes with the
/// security headers, so no copy outlives the record that allows it.
pub async fn serve_image(state: &AppState, kind: &str, sha256: &str) -> AppResult<Response> {
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

pub async fn serve_file(
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

/// A file download that no browser or proxy keeps.
pub fn download(bytes: Vec<u8>, name: &str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

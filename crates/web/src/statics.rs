//! Static files, compiled into the binary: the stylesheet, the scripts, vendored htmx (no
//! page loads it yet), the icon. Pages link them by fingerprinted names (`url`), kept a year.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use sha2::Digest as _;

use crate::http::error::{ErrorKind, error_response};

/// A file: its name, its content type, its bytes.
type File = (&'static str, &'static str, &'static [u8]);

const FILES: &[File] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/app.css"),
    ),
    (
        "htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/htmx.min.js"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_bytes!("../static/icon.svg"),
    ),
    (
        "picker.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/picker.js"),
    ),
    (
        "passkey.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/passkey.js"),
    ),
];

/// Each file's fingerprint: the first 8 hex digits of its content's SHA-256.
static FINGERPRINTS: std::sync::LazyLock<Vec<(&'static str, String)>> =
    std::sync::LazyLock::new(|| {
        FILES
            .iter()
            .map(|(name, _, body)| {
                let digest = sha2::Sha256::digest(body);
                let hex: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
                (*name, hex)
            })
            .collect()
    });

/// A static file's address with its content's fingerprint (`/static/app.3f2a9c1b.css`), so
/// a browser may keep it for a year and a new version is a new address.
pub fn url(name: &str) -> String {
    match FINGERPRINTS.iter().find(|(n, _)| *n == name) {
        Some((_, hex)) => match name.rsplit_once('.') {
            Some((stem, ext)) => format!("/static/{stem}.{hex}.{ext}"),
            None => format!("/static/{name}"),
        },
        None => format!("/static/{name}"),
    }
}

/// The file a requested name stands for, and whether the name carried the current
/// fingerprint: `app.3f2a9c1b.css` → (`app.css`, true); `app.css` → (`app.css`, false).
fn resolve(requested: &str) -> Option<(&'static File, bool)> {
    if let Some(f) = FILES.iter().find(|(name, _, _)| *name == requested) {
        return Some((f, false));
    }
    let (rest, ext) = requested.rsplit_once('.')?;
    let (stem, hex) = rest.rsplit_once('.')?;
    let base = format!("{stem}.{ext}");
    let f = FILES.iter().find(|(name, _, _)| *name == base)?;
    let current = FINGERPRINTS
        .iter()
        .any(|(n, h)| *n == f.0 && h.as_str() == hex);
    Some((f, current))
}

pub async fn serve(Path(file): Path<String>) -> Response {
    match resolve(&file) {
        Some(((_, content_type, body), fingerprinted)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (
                    header::CACHE_CONTROL,
                    // The current fingerprint never changes its content: kept a year. An
                    // unversioned (or outdated) name is checked again within the hour.
                    if fingerprinted {
                        "public, max-age=31536000, immutable"
                    } else {
                        "public, max-age=3600"
                    },
                ),
            ],
            *body,
        )
            .into_response(),
        None => error_response(ErrorKind::NotFound),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprinted_names_resolve_and_others_do_not() {
        let url = super::url("app.css");
        let name = url.trim_start_matches("/static/");
        assert!(
            name.starts_with("app.") && name.ends_with(".css") && name.len() == 16,
            "{url}"
        );
        assert!(matches!(super::resolve(name), Some((f, true)) if f.0 == "app.css"));
        assert!(matches!(super::resolve("app.css"), Some((_, false))));
        assert!(matches!(
            super::resolve("app.00000000.css"),
            Some((_, false))
        ));
        assert!(super::resolve("nothing.css").is_none());
        assert!(super::resolve("nothing.00000000.css").is_none());
    }
}

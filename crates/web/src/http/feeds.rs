//! Feeds as responses.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// An Atom feed as a response.
pub fn atom_response(xml: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

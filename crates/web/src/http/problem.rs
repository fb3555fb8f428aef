//! RFC 9457 problem+json answers of the API.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::forms::FormErrors;

/// A problem document naming each invalid field with an English message; `line` says
/// which element of a posted list it is about.
pub fn field_problem(
    status: StatusCode,
    title: &str,
    line: Option<usize>,
    errors: &crate::http::forms::FormErrors,
) -> Response {
    let mut body = serde_json::json!({
        "type": "about:blank",
        "title": title,
        "status": status.as_u16(),
        "errors": errors.all().iter().map(|e| serde_json::json!({
            "field": e.field,
            "message": crate::i18n::t(crate::i18n::Lang::En, e.message_id),
        })).collect::<Vec<_>>(),
    });
    if let Some(l) = line {
        body["line"] = serde_json::json!(l);
    }
    (
        status,
        [(axum::http::header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "about:blank")]
    r#type: String,
    title: String,
    status: u16,
    detail: String,
    request_id: String,
}

/// A 422 problem document listing each invalid field with an English message.
pub fn invalid(errors: &FormErrors) -> Response {
    crate::http::problem::field_problem(
        StatusCode::UNPROCESSABLE_ENTITY,
        "Invalid input",
        None,
        errors,
    )
}

//! RFC 9457 problem+json answers of the API.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::forms::FormErrors;

/// A problem document naming each invalid field with an English message; `line` says
/// which element of a posted list it is about (counted from 0). `detail` says it in one
/// sentence; the error middleware adds the request's id, as on every problem document.
pub fn field_problem(
    status: StatusCode,
    title: &str,
    line: Option<usize>,
    errors: &crate::http::forms::FormErrors,
) -> Response {
    let fields: Vec<ProblemField> = errors
        .all()
        .iter()
        .map(|e| ProblemField {
            field: e.field.to_owned(),
            message: crate::i18n::t(crate::i18n::Lang::En, e.message_id),
        })
        .collect();
    let mut detail = match fields.as_slice() {
        [] => title.to_owned(),
        list => list
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join(" "),
    };
    if let Some(l) = line {
        detail = format!("Element {l} of the list: {detail}");
    }
    let mut body = serde_json::json!({
        "type": "about:blank",
        "title": title,
        "status": status.as_u16(),
        "detail": detail,
    });
    if !fields.is_empty() {
        body["errors"] = serde_json::json!(fields);
    }
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

/// An RFC 9457 problem document: every error of the API is one.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status code says what kind of problem it is.
    #[schema(example = "about:blank")]
    r#type: String,
    /// A short English title of the kind of problem, e.g. "Invalid input".
    title: String,
    /// The HTTP status code.
    status: u16,
    /// What went wrong, in one or a few English sentences.
    detail: String,
    /// The request's id, also in the server's log: give it when asking the platform's administrators about an error.
    request_id: String,
    /// The invalid fields, on 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ProblemField>,
    /// Which element of a posted list the problem is about, counted from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

/// One invalid field of a 422 answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    /// The field's name as in the request (`municipality_ids`, `email`).
    field: String,
    /// What is wrong with it, in English.
    message: String,
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

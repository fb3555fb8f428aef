//! Errors a handler can return, and how they become responses. HTML error pages are
//! rendered by [`crate::security::error_pages`] from the [`ErrorKind`] marker, in the
//! page's language, so every error page (including panics and unknown paths) looks the same.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A marker on an error response; the error-page middleware renders the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Unauthenticated,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    PreconditionFailed,
    PayloadTooLarge,
    TooManyRequests,
    BadRequest,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ErrorKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn from_status(status: StatusCode) -> Option<ErrorKind> {
        Some(match status {
            StatusCode::UNAUTHORIZED => ErrorKind::Unauthenticated,
            StatusCode::FORBIDDEN => ErrorKind::Forbidden,
            StatusCode::NOT_FOUND => ErrorKind::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorKind::MethodNotAllowed,
            StatusCode::PRECONDITION_FAILED => ErrorKind::PreconditionFailed,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorKind::PayloadTooLarge,
            StatusCode::TOO_MANY_REQUESTS => ErrorKind::TooManyRequests,
            s if s.is_server_error() => ErrorKind::Internal,
            s if s.is_client_error() => ErrorKind::BadRequest,
            _ => return None,
        })
    }

    /// The Fluent ids of the page's title and explanation.
    pub fn message_ids(self) -> (&'static str, &'static str) {
        match self {
            ErrorKind::Unauthenticated => ("error-401-title", "error-401-text"),
            ErrorKind::Forbidden => ("error-403-title", "error-403-text"),
            ErrorKind::NotFound => ("error-404-title", "error-404-text"),
            ErrorKind::MethodNotAllowed => ("error-405-title", "error-405-text"),
            ErrorKind::PreconditionFailed => ("error-412-title", "error-412-text"),
            ErrorKind::PayloadTooLarge => ("error-413-title", "error-413-text"),
            ErrorKind::TooManyRequests => ("error-429-title", "error-429-text"),
            ErrorKind::BadRequest => ("error-400-title", "error-400-text"),
            ErrorKind::Internal => ("error-500-title", "error-500-text"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not logged in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("bad request")]
    BadRequest,
    /// Anything else: a 500 whose page shows only the request id. The error itself — the
    /// database's, the file system's, a task's — is kept with its sources and logged once,
    /// with the request id, when the response is made.
    #[error("internal: {0}")]
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl AppError {
    /// An internal error from an error value, or from words saying what went wrong.
    pub fn internal(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> AppError {
        AppError::Internal(e.into())
    }
}

impl From<store::Error> for AppError {
    fn from(e: store::Error) -> Self {
        match e {
            store::Error::NotFound => AppError::NotFound,
            e @ store::Error::Conflict(_) => AppError::internal(format!("unhandled {e}")),
            store::Error::Other(e) => AppError::internal(e),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::internal(format!("template: {e}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = match &self {
            AppError::Unauthenticated => ErrorKind::Unauthenticated,
            AppError::Forbidden => ErrorKind::Forbidden,
            AppError::NotFound => ErrorKind::NotFound,
            AppError::BadRequest => ErrorKind::BadRequest,
            AppError::Internal(e) => {
                // Logged once here, inside the request's span (which carries its id), with
                // every source the error names.
                let mut causes = Vec::new();
                let mut source = e.source();
                while let Some(s) = source {
                    causes.push(s.to_string());
                    source = s.source();
                }
                tracing::error!(error = %e, causes = ?causes, "internal error");
                ErrorKind::Internal
            }
        };
        error_response(kind)
    }
}

/// An empty response with the error marker; the middleware fills in the body.
pub fn error_response(kind: ErrorKind) -> Response {
    let mut res = kind.status().into_response();
    res.extensions_mut().insert(kind);
    res
}

pub type AppResult<T> = Result<T, AppError>;

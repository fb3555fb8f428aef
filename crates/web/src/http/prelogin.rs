//! The pre-login cookie: a double-submit CSRF secret for the forms that come before a
//! session (login, set password, public registration, feedback, invitation answers).

use axum::http::HeaderMap;
use axum::response::Response;
use domain::token;

use crate::principal::{self, LOGIN_COOKIE};

/// The pre-login CSRF secret: the one the browser already has, or a new one.
pub fn login_secret(headers: &HeaderMap) -> (String, bool) {
    match principal::cookie(headers, LOGIN_COOKIE) {
        Some(v)
            if v.len() == 43
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            (v.to_owned(), false)
        }
        _ => (token::random_secret(), true),
    }
}

pub fn with_login_cookie(mut res: Response, secret: &str, is_new: bool) -> Response {
    if is_new {
        principal::append_cookie(&mut res, LOGIN_COOKIE, secret, Some(7200));
    }
    res
}

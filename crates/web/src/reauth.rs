//! Asking for the password again (issue 17, item 3): before the actions that would do most
//! harm in a borrowed or stolen session — exports of personal lists, erasure, opening a
//! family under supervision, changing a role, resetting or turning off a second factor,
//! making API tokens — the password (and the second factor, where the account has one) must
//! have been given in this session within the last ten minutes. The routes that need it are
//! listed in `routes::FRESH_ROUTES`; a handler whose action needs it only sometimes (a role
//! change among other edits) asks [`stale`] itself. The page that asks is
//! `features::reauth`.

use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::i18n::Lang;
use crate::principal::CurrentUser;

/// Whether `user` must give the password again before a sensitive action now. API tokens
/// are never asked (they are made only after the password was given again).
pub fn stale(user: &CurrentUser, now: i64) -> bool {
    user.session_hash().is_some() && !user.recently_proved(now)
}

/// The page that asks for the password, coming back to `back` (a local path) afterwards.
pub fn ask(lang: Lang, back: &str) -> Response {
    let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
    Redirect::to(&format!("/{}/account/confirm?next={next}", lang.code())).into_response()
}

/// Where to come back to after a form was posted without a recent password: the page the
/// form was on (the `Referer`, when it is this site's), else the workspace. The user then
/// sends the form again.
pub fn back_from_post(lang: Lang, headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .filter(|u| {
            let authority = match (u.host_str(), u.port()) {
                (Some(h), Some(p)) => Some(format!("{h}:{p}")),
                (Some(h), None) => Some(h.to_owned()),
                _ => None,
            };
            authority.is_some() && authority.as_deref() == host
        })
        .map(|u| match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_owned(),
        })
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| format!("/{}/workspace", lang.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(host: &str, referer: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::HOST,
            host.parse().unwrap_or_else(|_| panic!("host")),
        );
        h.insert(
            header::REFERER,
            referer.parse().unwrap_or_else(|_| panic!("referer")),
        );
        h
    }

    #[test]
    fn comes_back_only_to_this_sites_pages() {
        assert_eq!(
            back_from_post(
                Lang::Lv,
                &headers(
                    "roma.example:8080",
                    "https://roma.example:8080/lv/people?q=a"
                )
            ),
            "/lv/people?q=a"
        );
        assert_eq!(
            back_from_post(
                Lang::En,
                &headers("roma.example", "https://evil.example/lv/people")
            ),
            "/en/workspace"
        );
        assert_eq!(back_from_post(Lang::Lv, &HeaderMap::new()), "/lv/workspace");
    }
}

//! The route registry. Every route is added with the access it needs — each area adds its
//! own (`features::<area>::routes`) into the one table built here; the table builds the
//! router *and* is what the role × route matrix test compares against, so a route cannot
//! exist without a declared access (deny by default).

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use domain::token;

use crate::features::{
    dialogue, directory, events, mediation, plans, platform, privacy, reports, site,
};
use crate::http::error::{ErrorKind, error_response};
use crate::http::forms;
use crate::http::registry::Registry;
pub use crate::http::registry::{Access, RouteSpec};
use crate::i18n::Lang;
use crate::openapi;
use crate::principal::{self, CurrentUser, LOGIN_COOKIE, SESSION_COOKIE};
use crate::{AppState, security, statics};

// One line per route: this is the table the matrix test checks.
#[rustfmt::skip]
fn registry() -> Registry {
    use Access::*;
    let mut r = Registry { routes: Vec::new() };
    r.get("/static/{file}", Public, statics::serve);
    // JSON API.
    r.get("/api/v1/openapi.json", Public, openapi::openapi);
    platform::routes(&mut r);
    directory::routes(&mut r);
    events::routes(&mut r);
    plans::routes(&mut r);
    mediation::routes(&mut r);
    site::routes(&mut r);
    reports::routes(&mut r);
    privacy::routes(&mut r);
    dialogue::routes(&mut r);
    r
}

/// Every route the app serves, for the matrix and crawl tests.
pub fn routes() -> Vec<RouteSpec> {
    registry().routes.into_iter().map(|(s, _)| s).collect()
}

/// The whole application with its middleware.
pub fn app(state: AppState) -> Router {
    let body_limit = max_body(state.settings());
    let mut router: Router<AppState> = Router::new();
    for (spec, method_router) in registry().routes {
        let upload = UPLOAD_ROUTES.contains(&spec.path);
        let limit = if upload { body_limit } else { MAX_FORM_BYTES };
        let method_router = if upload {
            method_router.layer(axum::extract::DefaultBodyLimit::max(body_limit))
        } else {
            method_router
        };
        let guarded = method_router.route_layer(middleware::from_fn_with_state(
            (state.clone(), spec, limit),
            access,
        ));
        router = router.route(spec.path, guarded);
    }
    router
        .fallback(|| async { error_response(ErrorKind::NotFound) })
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("handler panicked");
                error_response(ErrorKind::Internal)
            },
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            std::time::Duration::from_secs(30),
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::error_pages,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_FORM_BYTES))
        .layer(middleware::from_fn(security::headers))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::request_id,
        ))
        .layer(compression())
        .with_state(state)
}

/// Gzip for text the browser asks for it on (pages, CSS, scripts, JSON, CSV), outermost so
/// it compresses the finished body; not for what is compressed already (PDF, the Office
/// formats and ZIP, images) or too small to gain.
fn compression()
-> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::Predicate as _;
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType};
    tower_http::compression::CompressionLayer::new().compress_when(
        DefaultPredicate::new()
            .and(NotForContentType::const_new("application/pdf"))
            .and(NotForContentType::const_new(
                "application/vnd.openxmlformats",
            ))
            .and(NotForContentType::const_new("application/zip")),
    )
}

/// The largest request body read for an import file and its form.
const MAX_FORM_BYTES: usize = 3 * 1024 * 1024;

/// The routes that take document uploads, the only ones read beyond `MAX_FORM_BYTES`.
const UPLOAD_ROUTES: &[&str] = &[
    "/{lang}/events/{id}/documents",
    "/{lang}/reports/{id}/files",
    "/{lang}/site/stories/{id}/photo",
    "/{lang}/practice-submissions/{id}/files",
];

/// The largest request body read: an import, or a document upload of the configured size
/// with its form.
pub fn max_body(settings: &crate::Settings) -> usize {
    MAX_FORM_BYTES.max(settings.max_upload_bytes() + 256 * 1024)
}

/// A short text field of a `multipart/form-data` body (file uploads): our forms put the
/// CSRF token before the file, so the start of the body is enough.
fn multipart_field(body: &[u8], name: &str) -> Option<String> {
    let head = String::from_utf8_lossy(body.get(..body.len().min(64 * 1024))?);
    let marker = format!("name=\"{name}\"");
    let rest = &head[head.find(&marker)? + marker.len()..];
    let value = &rest[rest.find("\r\n\r\n")? + 4..];
    Some(value[..value.find("\r\n")?].to_owned())
}

/// The guest routes with a throttle of their own (login, its second step by code or passkey,
/// setting a password from a link); "forgot your password?" counts against the public forms'
/// ceiling like any other.
fn own_throttle(path: &str) -> bool {
    path.ends_with("/login")
        || path.ends_with("/login/code")
        || path.ends_with("/login/passkey")
        || path.ends_with("/login/passkey/begin")
        || path.contains("/password/set/")
}

/// The body's media type, lower case, without parameters.
fn content_type(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// JSON as axum's `Json` takes it: `application/json` or `application/…+json`.
fn json(headers: &axum::http::HeaderMap) -> bool {
    let t = content_type(headers);
    t == "application/json" || (t.starts_with("application/") && t.ends_with("+json"))
}

/// A form's or a JSON body's typed text in NFC (`forms::nfc_form`, `forms::nfc_json`);
/// a changed body drops its now wrong Content-Length.
fn nfc_body(headers: &mut axum::http::HeaderMap, bytes: axum::body::Bytes) -> axum::body::Bytes {
    let normal = if content_type(headers) == "application/x-www-form-urlencoded" {
        forms::nfc_form(&bytes).map(String::into_bytes)
    } else if json(headers) {
        forms::nfc_json(&bytes)
    } else {
        None
    };
    match normal {
        Some(n) => {
            headers.remove(header::CONTENT_LENGTH);
            axum::body::Bytes::from(n)
        }
        None => bytes,
    }
}

/// The routes that need the password given again within ten minutes (`crate::reauth`):
/// exports of personal lists, erasure, opening a family under supervision, resetting a
/// second factor or turning one's own off, new recovery codes, API tokens.
pub const FRESH_ROUTES: &[(&str, &str)] = &[
    ("POST", "/{lang}/events/{id}/registrations/export"),
    ("POST", "/{lang}/events/{id}/attendance/export"),
    (
        "POST",
        "/{lang}/events/{id}/attendance/{item}/erase-answers",
    ),
    ("POST", "/{lang}/people/export"),
    ("POST", "/{lang}/people/{id}/erase"),
    ("POST", "/{lang}/privacy/requests/{id}/erase-address"),
    ("POST", "/{lang}/privacy/requests/export"),
    ("POST", "/{lang}/organisations/export"),
    ("POST", "/{lang}/admin/users"),
    ("POST", "/{lang}/admin/users/{id}/password-link"),
    ("POST", "/{lang}/admin/users/export"),
    ("POST", "/{lang}/admin/audit/export"),
    ("POST", "/{lang}/site/stories/export"),
    ("POST", "/{lang}/mediation/assignments/export"),
    (
        "GET",
        "/{lang}/mediation/families/{id}/members/{member}/export",
    ),
    (
        "POST",
        "/{lang}/mediation/families/{id}/members/{member}/erase",
    ),
    ("POST", "/{lang}/mediation/families/{id}/erase"),
    ("GET", "/{lang}/mediation/supervision/families/{id}"),
    ("POST", "/{lang}/mediation/supervision/families/{id}"),
    (
        "POST",
        "/{lang}/mediation/assignments/{id}/supervisor/decide",
    ),
    (
        "POST",
        "/{lang}/mediation/supervision/reports/{id}/download",
    ),
    ("POST", "/{lang}/admin/users/{id}/reset-mfa"),
    ("POST", "/{lang}/account/tokens"),
    ("POST", "/{lang}/account/sessions/end"),
    ("POST", "/{lang}/account/second-factor/begin"),
    ("POST", "/{lang}/account/second-factor/confirm"),
    ("POST", "/{lang}/account/second-factor/disable"),
    ("POST", "/{lang}/account/second-factor/recovery"),
    // The API from a browser session (a bearer token was made after the password was
    // given again): new tokens, and the lists of people, registrations and attendance.
    ("POST", "/api/v1/me/tokens"),
    ("GET", "/api/v1/people"),
    ("GET", "/api/v1/events/{id}/registrations"),
    ("GET", "/api/v1/events/{id}/attendance"),
    ("GET", "/{lang}/account/passkeys"),
    ("POST", "/{lang}/account/passkeys/begin"),
    ("POST", "/{lang}/account/passkeys"),
    ("POST", "/{lang}/account/passkeys/{id}/delete"),
    ("POST", "/{lang}/mediation/handover/{id}/decide"),
];

/// The routes open to an account that must turn on two-step sign-in and has not yet.
const ENROLMENT_ROUTES: &[&str] = &[
    "/{lang}/account/confirm",
    "/{lang}/account/second-factor",
    "/{lang}/account/second-factor/begin",
    "/{lang}/account/second-factor/confirm",
    "/{lang}/logout",
];

/// Resolves the caller, checks CSRF on state-changing requests, then the route's access.
async fn access(
    State((state, spec, body_limit)): State<(AppState, RouteSpec, usize)>,
    mut req: Request,
    next: Next,
) -> Response {
    let access = spec.access;
    let facts = req
        .extensions()
        .get::<std::sync::Arc<security::RequestFacts>>()
        .cloned();
    if let Some(f) = &facts {
        let _ = f.route.set(spec.path);
    }
    tracing::Span::current().record("route", spec.path);
    let lang = Lang::from_path(req.uri().path());
    let now = state.now();
    let headers = req.headers().clone();
    let is_api = matches!(access, Access::Api(_));
    // Typed text in NFC: the query string here, a form's body where it is read below.
    if let Some(q) = req
        .uri()
        .query()
        .and_then(|q| forms::nfc_form(q.as_bytes()))
    {
        let mut parts = req.uri().clone().into_parts();
        parts.path_and_query = format!("{}?{q}", req.uri().path()).parse().ok();
        if let Ok(uri) = axum::http::Uri::from_parts(parts) {
            *req.uri_mut() = uri;
        }
    }

    // Who is asking.
    let mut user: Option<CurrentUser> = None;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(principal::bearer_secret);
    if let (true, Some(secret)) = (is_api, bearer) {
        match store::tokens::lookup_api_token(state.db(), now, &token::hash_secret(secret.trim()))
            .await
        {
            Ok(Some(t)) => user = Some(CurrentUser::from_token(t)),
            Ok(None) => return error_response(ErrorKind::Unauthenticated),
            Err(e) => return crate::AppError::from(e).into_response(),
        }
    } else if let Some(secret) = principal::cookie(&headers, SESSION_COOKIE) {
        match principal::from_session_secret(&state, now, secret).await {
            Ok(found) => user = found,
            // Fail closed: if we cannot tell who it is, nobody is let in.
            Err(e) => return crate::AppError::from(e).into_response(),
        }
    }

    if let (Some(f), Some(u)) = (&facts, &user) {
        let _ = f.user.set(u.id);
    }

    // CSRF on every state-changing request that a browser could send by itself.
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let by_token = user.as_ref().is_some_and(|u| u.token_id().is_some());
    if unsafe_method && !by_token {
        if headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site")
        {
            tracing::warn!("cross-site request refused");
            return error_response(ErrorKind::Forbidden);
        }
        // The session's token; on the login and set-password forms also the pre-login
        // cookie's (a logged-in user may open a set-password link too).
        let mut expected: Vec<String> = Vec::new();
        if let Some(u) = &user {
            expected.push(u.csrf_token().to_owned());
        }
        if access == Access::Guest
            && let Some(v) = principal::cookie(&headers, LOGIN_COOKIE)
        {
            expected.push(v.to_owned());
        }
        let (parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, body_limit).await {
            Ok(b) => b,
            Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE).into_response(),
        };
        let provided = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .or_else(|| {
                let multipart = parts
                    .headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.starts_with("multipart/form-data"));
                if multipart {
                    multipart_field(&bytes, "csrf_token")
                } else {
                    url::form_urlencoded::parse(&bytes)
                        .find(|(k, _)| k == "csrf_token")
                        .map(|(_, v)| v.into_owned())
                }
            });
        let ok = provided.is_some_and(|p| {
            expected
                .iter()
                .any(|e| !e.is_empty() && token::constant_time_eq(e, &p))
        });
        if !ok {
            // An anonymous POST to a page that needs login is a login problem, not CSRF.
            if user.is_none() && matches!(access, Access::Page(_)) {
                return Redirect::to(&format!("/{}/login", lang.code())).into_response();
            }
            if user.is_none() && is_api {
                return error_response(ErrorKind::Unauthenticated);
            }
            tracing::warn!("missing or wrong CSRF token");
            return error_response(ErrorKind::Forbidden);
        }
        let mut parts = parts;
        let bytes = nfc_body(&mut parts.headers, bytes);
        req = Request::from_parts(parts, Body::from(bytes));
    }

    // The public forms, which anyone may post: a ceiling per client address (login and
    // password links have their own throttle).
    if unsafe_method && access == Access::Guest && !own_throttle(req.uri().path()) {
        let peer = req
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0);
        let ip = principal::client_ip(peer, &headers, &state.settings().trusted_proxies);
        let limits = state.settings().public_forms;
        match store::throttle::public_post(
            state.db(),
            now,
            &poster_key(ip),
            now - limits.window_minutes * 60,
            limits.max_posts_per_address,
        )
        .await
        {
            Ok(None) => {}
            Ok(Some(wait)) => {
                tracing::warn!("public form posts over the ceiling");
                let mut res = error_response(ErrorKind::TooManyRequests);
                if let Ok(v) = axum::http::HeaderValue::from_str(&wait.to_string()) {
                    res.headers_mut().insert(header::RETRY_AFTER, v);
                }
                return res;
            }
            Err(e) => return crate::AppError::from(e).into_response(),
        }
    }

    // Access.
    let needed = match access {
        Access::Public | Access::Guest => None,
        Access::Page(p) | Access::Api(p) => Some(p),
    };
    if let Some(permission) = needed {
        match &user {
            None if is_api => return error_response(ErrorKind::Unauthenticated),
            None => {
                let next_path = req
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default();
                let target = format!(
                    "/{}/login?next={}",
                    lang.code(),
                    url::form_urlencoded::byte_serialize(next_path.as_bytes()).collect::<String>()
                );
                return Redirect::to(&target).into_response();
            }
            Some(u) if !u.can(permission) => {
                tracing::info!(user_id = u.id, ?permission, "access denied");
                // The error page keeps the signed-in header (security::error_pages), unless
                // the account must still turn on its second factor (its menu leads nowhere).
                let mut res = error_response(ErrorKind::Forbidden);
                let enrolling = u.still_enrolling(&state.settings().accounts);
                if !enrolling && !is_api {
                    res.extensions_mut().insert(u.clone());
                }
                return res;
            }
            Some(u) => {
                // A role that must have a second factor: nothing but enrolment until it has
                // (an API token of such an account is refused as well).
                if u.still_enrolling(&state.settings().accounts)
                    && !ENROLMENT_ROUTES.contains(&spec.path)
                {
                    if is_api {
                        return error_response(ErrorKind::Forbidden);
                    }
                    return Redirect::to(&format!("/{}/account/second-factor", lang.code()))
                        .into_response();
                }
                if FRESH_ROUTES.contains(&(spec.method, spec.path)) && crate::reauth::stale(u, now)
                {
                    if is_api {
                        return error_response(ErrorKind::Forbidden);
                    }
                    let back = if *req.method() == Method::GET {
                        req.uri()
                            .path_and_query()
                            .map(|p| p.as_str().to_owned())
                            .unwrap_or_default()
                    } else {
                        crate::reauth::back_from_post(lang, &headers)
                    };
                    return crate::reauth::ask(lang, &back);
                }
            }
        }
    }
    // The API's query parameters, as its document states them (after who is asking: a
    // bad token is a 401 whatever else is wrong).
    if spec.path.starts_with("/api/")
        && let Some(res) = openapi::check_query(spec.method, spec.path, req.uri().query())
    {
        return res;
    }
    // On public routes too, an account that still has to turn on its second factor is
    // nobody (unpublished files and photos are served to their editors only).
    let user = user.filter(|u| {
        let pending = u.still_enrolling(&state.settings().accounts);
        !pending || ENROLMENT_ROUTES.contains(&spec.path) || needed.is_some()
    });
    // Who the error page's header shows, should the handler fail (not an account still
    // enrolling its second factor: its menu leads nowhere yet).
    let mut shown = None;
    if let Some(u) = user {
        if u.still_enrolling(&state.settings().accounts) {
            req.extensions_mut().insert(crate::page::EnrolmentPending);
        } else if !is_api {
            shown = Some(u.clone());
        }
        req.extensions_mut().insert(u);
    }
    if unsafe_method && by_token && json(&headers) {
        // A call by token (allowed by now): no CSRF to check, but its JSON in NFC as well.
        let (mut parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, body_limit).await {
            Ok(b) => b,
            Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE).into_response(),
        };
        let bytes = nfc_body(&mut parts.headers, bytes);
        req = Request::from_parts(parts, Body::from(bytes));
    }
    let mut res = next.run(req).await;
    if let Some(u) = shown
        && (res.status().is_client_error() || res.status().is_server_error())
    {
        res.extensions_mut().insert(u);
    }
    res
}

/// The key public posts are counted under: an IPv4 address, or the /64 network of an IPv6
/// one (a single host usually holds a whole /64, and could otherwise post from each of its
/// addresses in turn).
pub(crate) fn poster_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::poster_key;

    #[test]
    fn ipv6_posters_are_counted_by_their_64_network() {
        let a = poster_key(
            "2001:db8:1:2:aaaa::1"
                .parse()
                .unwrap_or(std::net::Ipv6Addr::LOCALHOST.into()),
        );
        let b = poster_key(
            "2001:db8:1:2:bbbb::9"
                .parse()
                .unwrap_or(std::net::Ipv6Addr::LOCALHOST.into()),
        );
        let c = poster_key(
            "2001:db8:1:3::1"
                .parse()
                .unwrap_or(std::net::Ipv6Addr::LOCALHOST.into()),
        );
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(
            poster_key(
                "192.0.2.7"
                    .parse()
                    .unwrap_or(std::net::Ipv6Addr::LOCALHOST.into())
            ),
            "192.0.2.7"
        );
        assert_eq!(
            poster_key(
                "::ffff:192.0.2.7"
                    .parse()
                    .unwrap_or(std::net::Ipv6Addr::LOCALHOST.into())
            ),
            "192.0.2.7"
        );
    }
}

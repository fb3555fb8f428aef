//! Middleware every response passes: a request id and its tracing span, the security
//! headers, and localized error pages (HTML) or problem+json (API).

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tracing::Instrument;

use crate::AppState;
use crate::http::error::ErrorKind;
use crate::i18n::{self, Lang};
use crate::page::PageCtx;

/// The id of a request, shown on the 500 page and present in every log line of it.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// What the route's access layer learns about a request, for its access line and the
/// metrics: the route's pattern and who asked.
#[derive(Debug, Default)]
pub struct RequestFacts {
    pub route: std::sync::OnceLock<&'static str>,
    pub user: std::sync::OnceLock<i64>,
}

/// Gives every request an id and a span, and logs one access line when it is answered:
/// method, route pattern (never the path, which may hold ids and one-time secrets), status,
/// duration, request id and the user's id (`-` for nobody). The request is counted for the
/// metrics by the same pattern.
pub async fn request_id(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let start = std::time::Instant::now();
    let mut bytes = [0u8; 8];
    let id = if getrandom::fill(&mut bytes).is_ok() {
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    } else {
        "0000000000000000".to_owned()
    };
    req.extensions_mut().insert(RequestId(id.clone()));
    let facts = std::sync::Arc::new(RequestFacts::default());
    req.extensions_mut().insert(std::sync::Arc::clone(&facts));
    let method = req.method().clone();
    // A made-up method is "other": a client does not write what it likes into the log.
    let method_label = crate::metrics::method_label(&method);
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = method_label,
        route = tracing::field::Empty
    );
    async move {
        let res = next.run(req).await;
        let route = facts
            .route
            .get()
            .copied()
            .unwrap_or(crate::metrics::UNMATCHED);
        let status = res.status().as_u16();
        let elapsed = start.elapsed();
        state
            .metrics()
            .observe_request(&method, route, status, elapsed.as_secs_f64());
        let user = facts
            .user
            .get()
            .map_or_else(|| "-".to_owned(), i64::to_string);
        tracing::info!(
            target: "access",
            method = method_label,
            route,
            status,
            duration_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
            request_id = %id,
            user = %user,
            "request"
        );
        res
    }
    .instrument(span)
    .await
}

/// A mail body fit for the outbox page: the secret of an anonymous survey link is cut, so
/// that nobody reading the outbox can answer for a participant or learn who answered.
/// (Other personal links stay readable: without SMTP, coordinators forward them by hand.)
pub fn redact_survey_links(body: &str) -> String {
    redact_links(body, "/feedback/")
}

/// Cuts the secret that follows `marker` (e.g. "/password/set/") in every link of a body.
pub fn redact_links(body: &str, marker: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find(marker) {
        let (head, tail) = rest.split_at(i + marker.len());
        out.push_str(head);
        out.push('…');
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(tail.len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// Security headers on every response: pages, static files, errors, the API.
pub async fn headers(req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: &'static str, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, "content-security-policy", CSP);
    set(
        h,
        "strict-transport-security",
        "max-age=31536000; includeSubDomains",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "strict-origin-when-cross-origin");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    set(h, "x-frame-options", "DENY");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if !is_static || !h.contains_key(header::CACHE_CONTROL) {
        // Pages may show a logged-in user's data: never stored by a browser or proxy.
        set(h, "cache-control", "no-store");
    }
    res
}

/// Who is signed in, for the header of a page no route answered (an unknown address, or a
/// method the address does not take): the access check never ran for it. Not an account
/// that must still turn on its second factor (its menu leads nowhere yet), and nobody if
/// the session cannot be read.
async fn signed_in(
    state: &AppState,
    kind: ErrorKind,
    session: Option<&str>,
) -> Option<crate::principal::CurrentUser> {
    if !matches!(kind, ErrorKind::NotFound | ErrorKind::MethodNotAllowed) {
        return None;
    }
    let user = crate::principal::from_session_secret(state, state.now(), session?)
        .await
        .ok()??;
    (!user.still_enrolling(&state.settings().accounts)).then_some(user)
}

/// Fills in the body of error responses: a localized page, or problem+json under /api/.
pub async fn error_pages(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    req.extensions_mut()
        .insert(crate::page::PublicBase(base.clone()));
    let path = req.uri().path().to_owned();
    let lang = Lang::from_path(&path);
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let session = crate::principal::cookie(req.headers(), crate::principal::SESSION_COOKIE)
        .map(str::to_owned);
    let res = next.run(req).await;
    let status = res.status();
    let marked = res.extensions().get::<ErrorKind>().copied();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    // Bodies a handler made on purpose (a form with its errors, the health check's JSON)
    // pass through.
    let ours = content_type.starts_with("text/html")
        || content_type.starts_with("application/problem+json")
        || content_type.starts_with("application/json");
    let kind = match marked {
        Some(k) => k,
        None if !ours => match ErrorKind::from_status(status) {
            Some(k) => k,
            None => return res,
        },
        None if status == StatusCode::UNPROCESSABLE_ENTITY
            && content_type.starts_with("text/html") =>
        {
            return with_error_title(res, lang).await;
        }
        // A problem document a handler made (a 422 naming its fields, a 409) gets the
        // request's id, as every problem document of the API has.
        None if content_type.starts_with("application/problem+json") => {
            return with_request_id(res, &request_id).await;
        }
        None => return res,
    };
    let (title_id, text_id) = kind.message_ids();
    let mut out = if path.starts_with("/api/") || path == "/healthz" || path == "/readyz" {
        let body = serde_json::json!({
            "type": "about:blank",
            "title": i18n::t(Lang::En, title_id),
            "status": status.as_u16(),
            "detail": i18n::t(Lang::En, text_id),
            "request_id": request_id,
        });
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body.to_string(),
        )
            .into_response()
    } else {
        // A signed-in user keeps their header and menu on an error page.
        let user = match res.extensions().get::<crate::principal::CurrentUser>() {
            Some(user) => Some(user.clone()),
            None => signed_in(&state, kind, session.as_deref()).await,
        };
        let mut ctx = match &user {
            Some(user) => PageCtx::new(lang, &path, Some(user)),
            None => PageCtx::bare(lang, &path),
        };
        ctx.base = base;
        let page = ErrorPage {
            ctx,
            title_id,
            text_id,
            request_id: (kind == ErrorKind::Internal).then_some(request_id),
        };
        match page.render() {
            Ok(html) => (status, axum::response::Html(html)).into_response(),
            Err(_) => (status, "Error").into_response(),
        }
    };
    if kind == ErrorKind::Unauthenticated && path.starts_with("/api/") {
        out.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    // Keep headers the handler set on purpose (Allow on 405, Retry-After on 429).
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(v) = res.headers().get(&name) {
            out.headers_mut().insert(name, v.clone());
        }
    }
    out
}

/// Adds `request_id` to a problem document a handler made (small: a few fields' messages).
async fn with_request_id(res: Response, request_id: &str) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1024 * 1024).await else {
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::from("Error"));
    };
    let body = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(mut v) if v.is_object() => {
            v["request_id"] = serde_json::Value::from(request_id);
            v.to_string().into_bytes()
        }
        _ => bytes.to_vec(),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// A form sent back with its errors says so in its title ("Kļūda: …"), which a screen
/// reader announces first and a browser's tab shows. The page is one the handler made.
async fn with_error_title(res: Response, lang: Lang) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 8 * 1024 * 1024).await else {
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::from("Error"));
    };
    let html = String::from_utf8_lossy(&bytes);
    let prefixed = html.replacen(
        "<title>",
        &format!("<title>{}", i18n::t(lang, "title-error-prefix")),
        1,
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(prefixed))
}

#[cfg(test)]
mod tests {
    #[test]
    fn survey_link_secrets_stay_out_of_the_outbox_page() {
        assert_eq!(
            super::redact_survey_links("Link:\n\nhttp://x/lv/feedback/Ab-c_9\n\nThanks"),
            "Link:\n\nhttp://x/lv/feedback/…\n\nThanks"
        );
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageCtx,
    title_id: &'static str,
    text_id: &'static str,
    request_id: Option<String>,
}

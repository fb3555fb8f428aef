//! Who is asking: the session or API token behind a request, and the client's address.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use domain::auth::{Permission, Role};

use crate::AppError;

/// How long a password given again is good for: ten minutes.
pub const REAUTH_WINDOW_SECONDS: i64 = 600;

/// The session cookie. `__Host-`: Secure, Path=/, no Domain — a subdomain cannot plant it.
pub const SESSION_COOKIE: &str = "__Host-roma_session";
/// The pre-login CSRF cookie, set only by the login and set-password pages.
pub const LOGIN_COOKIE: &str = "__Host-roma_login";

/// How the user proved who they are.
#[derive(Clone, PartialEq, Eq)]
pub enum Via {
    /// A browser session; carries the session id's hash, its CSRF token, and when the
    /// password (and second factor) were last given in it.
    Session {
        id_hash: String,
        csrf_token: String,
        proved_at: i64,
    },
    /// A bearer API token, by its id (no CSRF: the browser never sends it by itself).
    Token { id: i64 },
}

/// Secrets stay out of logs: Debug shows which kind, not the values.
impl std::fmt::Debug for Via {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Via::Session { .. } => f.write_str("Session { .. }"),
            Via::Token { id } => f.debug_struct("Token").field("id", id).finish(),
        }
    }
}

/// The logged-in user of a request. Handlers take it as an extractor; the access layer
/// has already checked the route's permission, and handlers check again with `require`.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<i64>,
    /// Whether the account has a confirmed second factor.
    pub has_factor: bool,
    pub via: Via,
}

/// Who a session cookie's secret belongs to, if its session is still alive (looking it up
/// counts as a use of it).
pub async fn from_session_secret(
    state: &crate::AppState,
    now: i64,
    secret: &str,
) -> store::Result<Option<CurrentUser>> {
    let id_hash = domain::token::hash_secret(secret);
    Ok(
        store::sessions::lookup(state.db(), now, &id_hash, state.settings().lifetimes())
            .await?
            .map(|s| CurrentUser::from_session(s, id_hash)),
    )
}

impl CurrentUser {
    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.role.has(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.role.has(permission)
    }

    /// The follow-up actions this user sees: coordinators every action, others their
    /// organisation's (the action list, an event's minutes and a measure's page alike).
    pub fn action_scope(&self) -> store::actions::Scope {
        use store::actions::Scope;
        if self.can(Permission::ManageEvents) {
            Scope::All
        } else {
            self.organisation_id
                .map(Scope::Organisation)
                .unwrap_or(Scope::Nothing)
        }
    }

    /// Who reads, as the access log names them.
    pub fn reader(&self) -> store::access_log::Reader<'_> {
        store::access_log::Reader {
            user_id: self.id,
            name: &self.name,
        }
    }

    /// Records in the access log that this user reads personal data (before it is shown).
    pub async fn record_reading(
        &self,
        state: &crate::AppState,
        kind: domain::privacy::AccessKind,
        detail: String,
        purpose: Option<domain::privacy::AccessPurpose>,
        subjects: &[String],
    ) -> Result<(), AppError> {
        store::access_log::record(
            state.db(),
            state.now(),
            &self.reader(),
            &store::access_log::Access {
                kind,
                detail,
                purpose,
                subjects,
            },
        )
        .await?;
        Ok(())
    }

    /// This user as the actor of an audited change made from `ip`.
    pub fn actor(&self, ip: IpAddr) -> store::Actor {
        store::Actor {
            user_id: Some(self.id),
            label: None,
            ip: Some(ip.to_string()),
        }
    }

    pub fn csrf_token(&self) -> &str {
        match &self.via {
            Via::Session { csrf_token, .. } => csrf_token,
            Via::Token { .. } => "",
        }
    }

    /// The API token that authenticated this request, if one did.
    pub fn token_id(&self) -> Option<i64> {
        match &self.via {
            Via::Token { id } => Some(*id),
            Via::Session { .. } => None,
        }
    }

    /// Whether the password (and second factor) were given in this session at most
    /// [`REAUTH_WINDOW_SECONDS`] before `now`. Never for an API token.
    pub fn recently_proved(&self, now: i64) -> bool {
        match &self.via {
            Via::Session { proved_at, .. } => now - proved_at <= REAUTH_WINDOW_SECONDS,
            Via::Token { .. } => false,
        }
    }

    /// Whether the account must still turn on its second factor (its role requires one):
    /// until then it reaches nothing but the enrolment pages.
    pub fn still_enrolling(&self, accounts: &crate::settings::AccountSettings) -> bool {
        accounts.factor_required(self.role) && !self.has_factor
    }

    pub fn session_hash(&self) -> Option<&str> {
        match &self.via {
            Via::Session { id_hash, .. } => Some(id_hash),
            Via::Token { .. } => None,
        }
    }
}

impl CurrentUser {
    pub fn from_session(s: store::sessions::SessionUser, id_hash: String) -> CurrentUser {
        CurrentUser {
            id: s.user_id,
            email: s.email,
            name: s.name,
            role: s.role,
            organisation_id: s.organisation_id,
            has_factor: s.has_factor,
            via: Via::Session {
                id_hash,
                csrf_token: s.csrf_token,
                proved_at: s.proved_at,
            },
        }
    }

    pub fn from_token(t: store::tokens::TokenUser) -> CurrentUser {
        CurrentUser {
            id: t.user_id,
            email: t.email,
            name: t.name,
            role: t.role,
            organisation_id: t.organisation_id,
            has_factor: t.has_factor,
            via: Via::Token { id: t.token_id },
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CurrentUser>()
            .cloned()
            .ok_or(AppError::Unauthenticated)
    }
}

/// The logged-in user if there is one (public pages show the workspace link).
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeUser(parts.extensions.get::<CurrentUser>().cloned()))
    }
}

/// The client's address: the TCP peer, or — only when the peer is a configured trusted
/// proxy — the right-most address in `X-Forwarded-For` that is not itself a trusted proxy.
/// An entry there that is no address (bytes that are not text, a name) makes the client
/// unknown (`0.0.0.0`), never the proxy: a client cannot pass for the proxy's address.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

/// The address of a client that cannot be told.
pub const UNKNOWN_CLIENT: IpAddr = IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);

pub fn client_ip(peer: Option<SocketAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer_ip = peer.map_or(UNKNOWN_CLIENT, |p| p.ip());
    if !trusted.contains(&peer_ip) {
        return peer_ip;
    }
    let entries: Vec<&[u8]> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|v| v.as_bytes().split(|b| *b == b','))
        .collect();
    for entry in entries.into_iter().rev() {
        let parsed = std::str::from_utf8(entry)
            .ok()
            .and_then(|s| s.trim().parse::<IpAddr>().ok());
        match parsed {
            Some(ip) if trusted.contains(&ip) => continue,
            Some(ip) => return ip,
            None => return UNKNOWN_CLIENT,
        }
    }
    peer_ip
}

impl FromRequestParts<crate::AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0);
        Ok(ClientIp(client_ip(
            peer,
            &parts.headers,
            &state.settings().trusted_proxies,
        )))
    }
}

/// The credentials of an `Authorization: Bearer …` header; the scheme's name is
/// case-insensitive (RFC 9110 §11.1), so `bearer` and `BEARER` are read too.
pub fn bearer_secret(value: &str) -> Option<&str> {
    let (scheme, secret) = value.trim_start().split_once(' ')?;
    let secret = secret.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !secret.is_empty()).then_some(secret)
}

/// The value of one cookie from the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Appends a `Set-Cookie` header (see [`set_cookie`]) to a response.
pub fn append_cookie(
    res: &mut axum::response::Response,
    name: &str,
    value: &str,
    max_age_seconds: Option<i64>,
) {
    if let Ok(v) = axum::http::HeaderValue::from_str(&set_cookie(name, value, max_age_seconds)) {
        res.headers_mut().append(axum::http::header::SET_COOKIE, v);
    }
}

/// A `Set-Cookie` value with the attributes every cookie of ours has.
pub fn set_cookie(name: &str, value: &str, max_age_seconds: Option<i64>) -> String {
    let mut c = format!("{name}={value}; Path=/; Secure; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_seconds {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Ok(v) = xff.parse() {
            h.insert("x-forwarded-for", v);
        }
        h
    }

    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        assert_eq!(bearer_secret("Bearer roma_x"), Some("roma_x"));
        assert_eq!(bearer_secret("bearer roma_x"), Some("roma_x"));
        assert_eq!(bearer_secret("BEARER  roma_x "), Some("roma_x"));
        assert_eq!(bearer_secret("Basic dXNlcjpwdw=="), None);
        assert_eq!(bearer_secret("Bearer "), None);
        assert_eq!(bearer_secret("Bearerroma_x"), None);
    }

    #[test]
    fn forwarded_for_is_ignored_without_a_trusted_proxy() {
        let peer: SocketAddr = ([192, 0, 2, 7], 5000).into();
        let ip = client_ip(Some(peer), &headers("203.0.113.9"), &[]);
        assert_eq!(ip, peer.ip());
    }

    #[test]
    fn forwarded_for_is_believed_from_a_trusted_proxy_only_for_the_last_hop() {
        let proxy: IpAddr = [10, 0, 0, 1].into();
        let peer = SocketAddr::new(proxy, 5000);
        // The client may forge the left part; the proxy appends the real address.
        let ip = client_ip(Some(peer), &headers("1.1.1.1, 198.51.100.4"), &[proxy]);
        assert_eq!(ip, "198.51.100.4".parse::<IpAddr>().unwrap_or(proxy));
    }

    #[test]
    fn an_unreadable_forwarded_entry_makes_the_client_unknown_not_the_proxy() {
        let proxy: IpAddr = [127, 0, 0, 1].into();
        let peer = SocketAddr::new(proxy, 5000);
        let mut h = HeaderMap::new();
        if let Ok(v) = axum::http::HeaderValue::from_bytes(b"\xff") {
            h.append("x-forwarded-for", v);
        }
        assert_eq!(client_ip(Some(peer), &h, &[proxy]), UNKNOWN_CLIENT);
        // The proxy appended the real address after the client's junk: that one counts.
        let mut h = HeaderMap::new();
        if let Ok(v) = axum::http::HeaderValue::from_bytes(b"\xff, 198.51.100.4") {
            h.append("x-forwarded-for", v);
        }
        assert_eq!(
            client_ip(Some(peer), &h, &[proxy]),
            "198.51.100.4".parse::<IpAddr>().unwrap_or(proxy)
        );
        assert_eq!(
            client_ip(Some(peer), &headers("not-an-address"), &[proxy]),
            UNKNOWN_CLIENT
        );
        // Without the header, a request from the proxy itself is the proxy's.
        assert_eq!(client_ip(Some(peer), &HeaderMap::new(), &[proxy]), proxy);
    }

    #[test]
    fn cookies_are_found_by_name() {
        let mut h = HeaderMap::new();
        if let Ok(v) = "a=1; __Host-roma_session=xyz; b=2".parse() {
            h.insert(axum::http::header::COOKIE, v);
        }
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("xyz"));
        assert_eq!(cookie(&h, "c"), None);
    }
}

//! Versions over HTTP (issue 23, item 5): an item the API gives carries its record's version
//! (`store::versions`) as an `ETag`; a change sent with `If-Match` goes through only on that
//! version, else 412 — so two systems cannot overwrite each other silently.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

/// The entity tag of a record's version: `"v7"`.
pub fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// The response with the record's version as its `ETag`.
pub fn with_etag(mut res: Response, version: i64) -> Response {
    if let Ok(v) = HeaderValue::from_str(&etag(version)) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}

/// What `If-Match` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMatch {
    /// No `If-Match`, or `*`: any version (the record must exist).
    Any,
    /// This version.
    Version(i64),
    /// Tags that cannot be ours: no version matches (412).
    Never,
}

/// Reads `If-Match` (RFC 9110 §13.1.1): `*`, or one or more entity tags of which the first
/// of ours counts. Weak tags (`W/"v7"`) never match, as the header's strong comparison says.
pub fn if_match(headers: &HeaderMap) -> IfMatch {
    let Some(raw) = headers.get(header::IF_MATCH) else {
        return IfMatch::Any;
    };
    let Ok(raw) = raw.to_str() else {
        return IfMatch::Never;
    };
    if raw.trim() == "*" {
        return IfMatch::Any;
    }
    raw.split(',')
        .map(str::trim)
        .find_map(|tag| {
            tag.strip_prefix("\"v")?
                .strip_suffix('"')?
                .parse::<i64>()
                .ok()
        })
        .map_or(IfMatch::Never, IfMatch::Version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(header::IF_MATCH, v);
        }
        h
    }

    #[test]
    fn if_match_names_a_version_or_none() {
        assert_eq!(if_match(&HeaderMap::new()), IfMatch::Any);
        assert_eq!(if_match(&headers("*")), IfMatch::Any);
        assert_eq!(if_match(&headers("\"v7\"")), IfMatch::Version(7));
        assert_eq!(if_match(&headers("\"x\", \"v12\"")), IfMatch::Version(12));
        assert_eq!(if_match(&headers("W/\"v7\"")), IfMatch::Never);
        assert_eq!(if_match(&headers("v7")), IfMatch::Never);
        assert_eq!(etag(7), "\"v7\"");
    }
}

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// No `If-Match`, or `*`: any version (the record must exist).
    Any,
    /// One of these versions.
    Versions(Vec<i64>),
    /// Tags that cannot be ours: no version matches (412).
    Never,
}

impl IfMatch {
    /// The version a change must find, given the one read: that one when it is asked for (or
    /// nothing was asked), else the first asked (which then fails as stale); `None` when no
    /// version can match.
    pub fn expected(&self, read: i64) -> Option<i64> {
        match self {
            IfMatch::Any => Some(read),
            IfMatch::Versions(v) if v.contains(&read) => Some(read),
            IfMatch::Versions(v) => v.first().copied(),
            IfMatch::Never => None,
        }
    }
}

/// The answer to a change refused as stale: 412 when the client named the version it
/// changed (`If-Match`; also when no version could match), else 409 — the record changed
/// between the server reading it and saving the change: send it again.
pub fn stale(asked: &IfMatch) -> Response {
    match asked {
        IfMatch::Any => crate::http::problem::field_problem(
            axum::http::StatusCode::CONFLICT,
            "The record changed while the change was being saved: send it again",
            None,
            &crate::http::forms::FormErrors::default(),
        ),
        IfMatch::Versions(_) | IfMatch::Never => {
            crate::http::error::error_response(crate::http::error::ErrorKind::PreconditionFailed)
        }
    }
}

/// Reads `If-Match` (RFC 9110 §13.1.1): `*`, or a list of entity tags, any of which may
/// match. Weak tags (`W/"v7"`) never match, as the header's strong comparison says.
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
    let versions: Vec<i64> = raw
        .split(',')
        .map(str::trim)
        .filter_map(|tag| {
            tag.strip_prefix("\"v")?
                .strip_suffix('"')?
                .parse::<i64>()
                .ok()
        })
        .take(32)
        .collect();
    if versions.is_empty() {
        IfMatch::Never
    } else {
        IfMatch::Versions(versions)
    }
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
        assert_eq!(if_match(&headers("\"v7\"")), IfMatch::Versions(vec![7]));
        assert_eq!(
            if_match(&headers("\"x\", \"v12\"")),
            IfMatch::Versions(vec![12])
        );
        let two = if_match(&headers("\"v6\", \"v7\""));
        assert_eq!((two.expected(7), two.expected(8)), (Some(7), Some(6)));
        assert_eq!(IfMatch::Any.expected(3), Some(3));
        assert_eq!(IfMatch::Never.expected(3), None);
        assert_eq!(if_match(&headers("W/\"v7\"")), IfMatch::Never);
        assert_eq!(if_match(&headers("v7")), IfMatch::Never);
        assert_eq!(etag(7), "\"v7\"");
    }
}

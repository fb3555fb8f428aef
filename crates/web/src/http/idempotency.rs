//! `Idempotency-Key` on the API's creating requests (issue 23, item 4): a retried request
//! (a timeout, a lost answer) with the same key and the same content gets the first one's
//! record back instead of making a second; the key with other content is refused (422); the
//! same request while the first is still being handled gets 409. Keys live 24 hours
//! (`store::idempotency`).

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::http::error::AppResult;
use crate::principal::CurrentUser;

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// The answer's header on a replay: this is the first request's record.
pub const REPLAYED: &str = "idempotent-replayed";

/// A key this request holds: [`Ticket::finish`] with the record made, or
/// [`Ticket::release`] when nothing was made.
#[derive(Debug)]
pub struct Ticket {
    user_id: i64,
    key: String,
}

/// How a creating request goes on.
#[derive(Debug)]
pub enum Begun {
    /// Make the record (holding the key, if one was sent).
    Fresh(Option<Ticket>),
    /// The same request made this record before: answer with it (and [`REPLAYED`]).
    Replay(i64),
    /// Refused: answer this.
    Refused(Response),
}

fn problem(status: StatusCode, title: &str) -> Response {
    crate::http::problem::field_problem(
        status,
        title,
        None,
        &crate::http::forms::FormErrors::default(),
    )
}

/// Looks at the request's `Idempotency-Key` for `operation` (with what the request is
/// about, e.g. its event's id) and its JSON content.
pub async fn begin(
    state: &AppState,
    user: &CurrentUser,
    headers: &HeaderMap,
    operation: &str,
    content: &serde_json::Value,
) -> AppResult<Begun> {
    let Some(raw) = headers.get(HEADER) else {
        return Ok(Begun::Fresh(None));
    };
    let key = match raw.to_str() {
        Ok(k) if (1..=255).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => k,
        _ => {
            return Ok(Begun::Refused(problem(
                StatusCode::BAD_REQUEST,
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
            )));
        }
    };
    let mut hash = Sha256::new();
    hash.update(operation.as_bytes());
    hash.update(b"\n");
    hash.update(content.to_string().as_bytes());
    let request_hash: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let op_name = operation.split(' ').next().unwrap_or(operation);
    Ok(
        match store::idempotency::claim(
            state.db(),
            state.now(),
            user.id,
            key,
            op_name,
            &request_hash,
        )
        .await?
        {
            store::idempotency::Claim::Fresh => Begun::Fresh(Some(Ticket {
                user_id: user.id,
                key: key.to_owned(),
            })),
            store::idempotency::Claim::Done(id) => Begun::Replay(id),
            store::idempotency::Claim::InProgress => {
                let mut res = problem(
                    StatusCode::CONFLICT,
                    "A request with this Idempotency-Key is still being handled, or was interrupted: try again shortly, and if this answer stays, look whether the record was made before sending the request with a new key",
                );
                res.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    HeaderValue::from_static("1"),
                );
                Begun::Refused(res)
            }
            store::idempotency::Claim::Mismatch => Begun::Refused(problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "This Idempotency-Key was used with another request: use a new key for a new request",
            )),
        },
    )
}

impl Ticket {
    /// The request made this record.
    pub async fn finish(self, state: &AppState, id: i64) -> AppResult<()> {
        store::idempotency::finish(state.db(), self.user_id, &self.key, id).await?;
        Ok(())
    }

    /// The request made nothing.
    pub async fn release(self, state: &AppState) -> AppResult<()> {
        store::idempotency::release(state.db(), self.user_id, &self.key).await?;
        Ok(())
    }
}

/// Settles a request's key, if it held one: the record it made, or nothing made (the key
/// is free again).
pub async fn settle(ticket: Option<Ticket>, state: &AppState, made: Option<i64>) -> AppResult<()> {
    match (ticket, made) {
        (Some(t), Some(id)) => t.finish(state, id).await,
        (Some(t), None) => t.release(state).await,
        (None, _) => Ok(()),
    }
}

/// Marks an answer as a replay of the first request's.
pub fn replayed(res: impl IntoResponse) -> Response {
    let mut res = res.into_response();
    res.headers_mut()
        .insert(REPLAYED, HeaderValue::from_static("true"));
    res
}

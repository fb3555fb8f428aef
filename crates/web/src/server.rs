//! The HTTP/1.1 server loop: connections accepted up to a cap, each served by hyper with a
//! deadline for the request head (which is also the longest a kept-alive connection waits
//! idle for its next request), so a client that sends slowly or not at all — "slow loris" —
//! is cut off and cannot hold the server's connections or file descriptors. Request bodies
//! have their own deadline for each part, and a whole request 30 s (`routes::app`).
//!
//! axum's own `serve` sets no header deadline (hyper needs a timer for one), which is why the
//! platform runs its own loop; everything else — graceful shutdown, the client's address for
//! `ConnectInfo` — is as axum does it.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::{Deserialize, Serialize};
use tokio::sync::{Semaphore, watch};

/// Limits on connections and how long a client may take to send.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    /// Seconds a client has to send a request's head (line and headers); also how long a
    /// kept-alive connection waits idle for its next request before it is closed.
    pub header_read_seconds: u64,
    /// Seconds the server waits for the next part of a request body before it answers 408.
    pub body_read_seconds: u64,
    /// Connections open at once; further clients wait in the system's queue until one
    /// closes (slow ones close after `header_read_seconds`).
    pub max_connections: usize,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            header_read_seconds: 10,
            body_read_seconds: 20,
            max_connections: 1024,
        }
    }
}

impl ServerSettings {
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=300).contains(&self.header_read_seconds)
            || !(1..=300).contains(&self.body_read_seconds)
            || !(1..=100_000).contains(&self.max_connections)
        {
            return Err("configuration: server.header_read_seconds and body_read_seconds must be 1–300, max_connections 1–100000".to_owned());
        }
        Ok(())
    }
}

/// Serves `app` on the listener until `shutdown` resolves, then lets every open connection
/// finish its request in flight and returns.
pub async fn run(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    limits: ServerSettings,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(limits.header_read_seconds))
        .keep_alive(true);
    loop {
        let permit = tokio::select! {
            () = &mut shutdown => break,
            permit = Arc::clone(&slots).acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
        };
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of descriptors and the like: wait a moment instead of spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let router = app.clone();
        let body_wait = Duration::from_secs(limits.body_read_seconds);
        let service =
            hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                // A body that stops coming ends the request (the whole request has 30 s anyway).
                let mut req = req.map(|b| {
                    axum::body::Body::new(tower_http::timeout::TimeoutBody::new(body_wait, b))
                });
                req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
                let router = router.clone();
                async move {
                    Ok::<_, Infallible>(
                        tower::ServiceExt::oneshot(router, req)
                            .await
                            .unwrap_or_else(|e| match e {}),
                    )
                }
            });
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stop.wait_for(|s| *s) => {}
            }
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        });
    }
    // Every connection finishes its request in flight, then closes.
    let _ = stop_tx.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let _ = slots.acquire_many(all).await;
    Ok(())
}

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
use std::net::{IpAddr, SocketAddr};
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
    /// Connections open at once from one client address; more are closed at once. The
    /// addresses in `trusted_proxies` (a reverse proxy speaks for everyone) are not held to
    /// it.
    pub max_connections_per_address: usize,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            header_read_seconds: 10,
            body_read_seconds: 20,
            max_connections: 1024,
            max_connections_per_address: 64,
        }
    }
}

impl ServerSettings {
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=300).contains(&self.header_read_seconds)
            || !(1..=300).contains(&self.body_read_seconds)
            || !(1..=100_000).contains(&self.max_connections)
            || !(1..=100_000).contains(&self.max_connections_per_address)
        {
            return Err("configuration: server.header_read_seconds and body_read_seconds must be 1–300, max_connections and max_connections_per_address 1–100000".to_owned());
        }
        Ok(())
    }
}

/// How long a shutdown waits for open connections to finish their requests.
const DRAIN: Duration = Duration::from_secs(30);

/// Open connections per client address.
#[derive(Debug, Default)]
struct PerAddress(std::sync::Mutex<std::collections::HashMap<IpAddr, usize>>);

impl PerAddress {
    /// Counts a new connection from `ip`, unless it already has `max`.
    fn enter(self: &Arc<Self>, ip: IpAddr, max: usize) -> Option<AddressSlot> {
        let mut open = self.0.lock().ok()?;
        let n = open.entry(ip).or_insert(0);
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(AddressSlot(Arc::clone(self), ip))
    }
}

/// One counted connection; dropping it frees the count.
struct AddressSlot(Arc<PerAddress>, IpAddr);

impl Drop for AddressSlot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.0.0.lock()
            && let Some(n) = open.get_mut(&self.1)
        {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.1);
            }
        }
    }
}

/// Serves `app` on the listener until `shutdown` resolves, then lets every open connection
/// finish its request in flight (for at most 30 s) and returns. `exempt` addresses (trusted
/// proxies) are not held to the per-address cap.
pub async fn run(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    limits: ServerSettings,
    exempt: Vec<IpAddr>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let per_address = Arc::new(PerAddress::default());
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
        // A client over its own cap is closed at once: it cannot take everyone's slots.
        let address_slot = if exempt.contains(&peer.ip()) {
            None
        } else {
            match per_address.enter(peer.ip(), limits.max_connections_per_address) {
                Some(s) => Some(s),
                None => {
                    tracing::debug!("connection refused: too many from one address");
                    continue;
                }
            }
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
                // A router is always ready (axum's `Router::poll_ready` is `Ready(Ok)`): the
                // request is handed to it directly.
                let mut router = router.clone();
                let response = tower_service::Service::call(&mut router, req);
                async move { Ok::<_, Infallible>(response.await.unwrap_or_else(|e| match e {})) }
            });
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let _address_slot = address_slot;
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stop.wait_for(|s| *s) => {}
            }
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        });
    }
    // No new connections; every open one finishes its request in flight, then closes.
    drop(listener);
    let _ = stop_tx.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(DRAIN, slots.acquire_many(all))
        .await
        .is_err()
    {
        tracing::warn!("connections still open after 30 s at shutdown: closing them");
    }
    Ok(())
}

//! A real SMTP relay on loopback for the tests: STARTTLS (or TLS from the first byte, or
//! none offered at all) with a self-signed certificate made at start, AUTH PLAIN and LOGIN
//! after TLS, SMTPUTF8, and an inbox of what it accepted — who sent it, over TLS or not, and
//! as whom.

use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};

/// How the relay offers TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Plain at first; STARTTLS offered (and AUTH only after it).
    StartTls,
    /// TLS from the first byte (port 465 style).
    Implicit,
    /// No TLS at all: STARTTLS is not offered (an old or misconfigured relay).
    Plain,
}

/// One message the relay accepted.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and body), CRLF line ends, dot-unstuffed.
    pub data: String,
    /// Whether the conversation was encrypted when the message came.
    pub tls: bool,
    /// The user who authenticated, if anyone did.
    pub user: Option<String>,
    /// Whether `MAIL FROM` carried the SMTPUTF8 parameter.
    pub smtputf8: bool,
}

/// The relay: its port, the certificate to trust (PEM), and what it received.
#[derive(Clone, Debug)]
pub struct Relay {
    pub port: u16,
    pub ca_pem: String,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl Relay {
    /// Starts a relay on 127.0.0.1 whose certificate names `localhost` and 127.0.0.1. With
    /// `credentials`, mail is accepted only after AUTH with them.
    pub async fn start(mode: Mode, credentials: Option<(&str, &str)>) -> Relay {
        Self::answering(mode, credentials, "250 ok\r\n").await
    }

    /// As [`Relay::start`], answering `rcpt_reply` (a whole reply line) to every RCPT TO.
    pub async fn answering(
        mode: Mode,
        credentials: Option<(&str, &str)>,
        rcpt_reply: &'static str,
    ) -> Relay {
        let certified = rcgen::generate_simple_self_signed(vec![
            "localhost".to_owned(),
            "127.0.0.1".to_owned(),
        ])
        .unwrap_or_else(|e| panic!("certificate: {e}"));
        let ca_pem = certified.cert.pem();
        let key = rustls::pki_types::PrivatePkcs8KeyDer::from(certified.key_pair.serialize_der());
        #[expect(deprecated, reason = "ring is the provider lettre uses here too")]
        let provider = rustls::crypto::ring::default_provider();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(provider))
            .with_safe_default_protocol_versions()
            .unwrap_or_else(|e| panic!("tls versions: {e}"))
            .with_no_client_auth()
            .with_single_cert(vec![certified.cert.der().clone()], key.into())
            .unwrap_or_else(|e| panic!("tls config: {e}"));
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let inbox: Arc<Mutex<Vec<Received>>> = Arc::default();
        let store = inbox.clone();
        let credentials = credentials.map(|(u, p)| (u.to_owned(), p.to_owned()));
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let session = Session {
                    mode,
                    rcpt_reply,
                    credentials: credentials.clone(),
                    inbox: store.clone(),
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    if mode == Mode::Implicit {
                        if let Ok(tls) = acceptor.accept(tcp).await {
                            session.run(tls, true).await;
                        }
                        return;
                    }
                    if let Some(tcp) = session.run(tcp, false).await
                        && let Ok(tls) = acceptor.accept(tcp).await
                    {
                        session.run(tls, true).await;
                    }
                });
            }
        });
        Relay {
            port,
            ca_pem,
            inbox,
        }
    }

    /// What the relay accepted so far.
    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().map(|i| i.clone()).unwrap_or_default()
    }
}

struct Session {
    mode: Mode,
    rcpt_reply: &'static str,
    credentials: Option<(String, String)>,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl Session {
    /// Speaks SMTP on `stream` until QUIT or the end; returns the stream when the client
    /// asked for STARTTLS (to go on over TLS).
    async fn run<S: AsyncRead + AsyncWrite + Unpin>(&self, stream: S, tls: bool) -> Option<S> {
        let mut io = BufReader::new(stream);
        let greet = !tls || self.mode == Mode::Implicit;
        if greet {
            write(&mut io, "220 relay.test ESMTP\r\n").await;
        }
        let mut user: Option<String> = None;
        let mut from = String::new();
        let mut smtputf8 = false;
        let mut to = Vec::new();
        loop {
            let line = read(&mut io).await?;
            let upper = line.to_ascii_uppercase();
            if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                let mut lines = vec!["relay.test", "SMTPUTF8", "8BITMIME"];
                if !tls && self.mode == Mode::StartTls {
                    lines.push("STARTTLS");
                }
                if tls {
                    lines.push("AUTH PLAIN LOGIN");
                }
                let n = lines.len();
                let reply: String = lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("250{}{l}\r\n", if i + 1 == n { ' ' } else { '-' }))
                    .collect();
                write(&mut io, &reply).await;
            } else if upper.starts_with("STARTTLS") && !tls && self.mode == Mode::StartTls {
                write(&mut io, "220 go ahead\r\n").await;
                return Some(io.into_inner());
            } else if upper.starts_with("AUTH ") && tls {
                let given = self.auth(&mut io, &line).await;
                match (&self.credentials, given) {
                    (Some((u, p)), Some((gu, gp))) if *u == gu && *p == gp => {
                        user = Some(gu);
                        write(&mut io, "235 authenticated\r\n").await;
                    }
                    _ => write(&mut io, "535 authentication failed\r\n").await,
                }
            } else if upper.starts_with("MAIL FROM:") {
                if self.credentials.is_some() && user.is_none() {
                    write(&mut io, "530 authentication required\r\n").await;
                    continue;
                }
                let rest = &line["MAIL FROM:".len()..];
                from = rest
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .trim_matches(['<', '>'])
                    .to_owned();
                smtputf8 = upper.contains(" SMTPUTF8");
                to.clear();
                write(&mut io, "250 ok\r\n").await;
            } else if upper.starts_with("RCPT TO:") {
                to.push(
                    line["RCPT TO:".len()..]
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .trim_matches(['<', '>'])
                        .to_owned(),
                );
                write(&mut io, self.rcpt_reply).await;
            } else if upper.starts_with("DATA") {
                write(&mut io, "354 go on\r\n").await;
                let mut data = String::new();
                loop {
                    let l = read(&mut io).await?;
                    if l == "." {
                        break;
                    }
                    data.push_str(l.strip_prefix('.').unwrap_or(&l));
                    data.push_str("\r\n");
                }
                if let Ok(mut inbox) = self.inbox.lock() {
                    inbox.push(Received {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                        tls,
                        user: user.clone(),
                        smtputf8,
                    });
                }
                write(&mut io, "250 queued\r\n").await;
            } else if upper.starts_with("RSET") || upper.starts_with("NOOP") {
                write(&mut io, "250 ok\r\n").await;
            } else if upper.starts_with("QUIT") {
                write(&mut io, "221 bye\r\n").await;
                return None;
            } else {
                write(&mut io, "502 not implemented\r\n").await;
            }
        }
    }

    /// Reads AUTH PLAIN (with its initial response or after 334) or AUTH LOGIN.
    async fn auth<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        io: &mut BufReader<S>,
        line: &str,
    ) -> Option<(String, String)> {
        let mut parts = line.split_whitespace().skip(1);
        let mechanism = parts.next()?.to_ascii_uppercase();
        let initial = parts.next().map(str::to_owned);
        let decode = |s: &str| {
            STANDARD
                .decode(s.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
        };
        match mechanism.as_str() {
            "PLAIN" => {
                let encoded = match initial {
                    Some(i) => i,
                    None => {
                        write(io, "334 \r\n").await;
                        read(io).await?
                    }
                };
                let plain = decode(&encoded)?;
                let mut fields = plain.split('\0').skip(1);
                Some((fields.next()?.to_owned(), fields.next()?.to_owned()))
            }
            "LOGIN" => {
                let user = match initial {
                    Some(i) => decode(&i)?,
                    None => {
                        write(io, "334 VXNlcm5hbWU6\r\n").await;
                        decode(&read(io).await?)?
                    }
                };
                write(io, "334 UGFzc3dvcmQ6\r\n").await;
                let password = decode(&read(io).await?)?;
                Some((user, password))
            }
            _ => None,
        }
    }
}

async fn read<S: AsyncRead + AsyncWrite + Unpin>(io: &mut BufReader<S>) -> Option<String> {
    let mut line = String::new();
    match io.read_line(&mut line).await {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_owned()),
    }
}

async fn write<S: AsyncRead + AsyncWrite + Unpin>(io: &mut BufReader<S>, text: &str) {
    let _ = io.get_mut().write_all(text.as_bytes()).await;
    let _ = io.get_mut().flush().await;
}

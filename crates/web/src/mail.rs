//! Delivering the outbox over SMTP: a small client (EHLO, MAIL, RCPT, DATA, QUIT; UTF-8
//! subject and body, base64 body) for a relay the platform trusts — a local MTA or the
//! organisation's relay. STARTTLS and AUTH are not spoken yet: put the relay on the same
//! host or network (see the README). Without a configured host nothing is sent and the
//! outbox is read by coordinators in the UI.

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use crate::AppState;

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {
    /// The relay's host; empty means "do not send" (the outbox is still kept).
    pub host: String,
    pub port: u16,
    /// The sender address.
    pub from: String,
    /// The name this host gives in EHLO.
    pub helo: String,
    /// How often the outbox is looked at, in seconds.
    pub poll_seconds: u64,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            host: String::new(),
            port: 25,
            from: "roma-platform@localhost".to_owned(),
            helo: "localhost".to_owned(),
            poll_seconds: 10,
        }
    }
}

/// Why a message was not accepted; `permanent` ones are not retried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

fn temporary(message: impl Into<String>) -> SendError {
    SendError {
        permanent: false,
        message: message.into(),
    }
}

const STEP: Duration = Duration::from_secs(30);

struct Conn {
    reader: BufReader<tokio::net::tcp::OwnedReadHalf>,
    writer: tokio::net::tcp::OwnedWriteHalf,
}

impl Conn {
    /// Reads one (possibly multi-line) reply: its code and text.
    async fn reply(&mut self) -> Result<(u16, String), SendError> {
        let mut text = String::new();
        loop {
            let mut line = String::new();
            let n = tokio::time::timeout(STEP, self.reader.read_line(&mut line))
                .await
                .map_err(|_| temporary("timeout waiting for the server"))?
                .map_err(|e| temporary(format!("read: {e}")))?;
            if n == 0 || line.len() < 4 {
                return Err(temporary("connection closed"));
            }
            // A reply is three digits, then a space (last line) or a hyphen: anything else,
            // whatever bytes it starts with, is a bad reply — never a panic.
            let code: u16 = line
                .get(..3)
                .filter(|c| c.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| temporary(format!("bad reply {line:?}")))?;
            text.push_str(line.get(4..).unwrap_or_default().trim_end());
            text.push(' ');
            // Only "-" continues a reply: "250\r\n" (no text) ends it as "250 ok" does.
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok((code, text.trim().to_owned()));
            }
        }
    }

    async fn send(&mut self, line: &str) -> Result<(), SendError> {
        tokio::time::timeout(STEP, self.writer.write_all(line.as_bytes()))
            .await
            .map_err(|_| temporary("timeout writing"))?
            .map_err(|e| temporary(format!("write: {e}")))
    }

    /// Sends a command and expects one of `ok` codes; 5xx is permanent.
    async fn command(&mut self, line: &str, ok: &[u16]) -> Result<String, SendError> {
        self.send(line).await?;
        let (code, text) = self.reply().await?;
        if ok.contains(&code) {
            Ok(text)
        } else {
            Err(SendError {
                permanent: (500..600).contains(&code),
                message: format!(
                    "{} → {code} {text}",
                    line.split_whitespace().next().unwrap_or_default()
                ),
            })
        }
    }
}

/// The whole message: headers and a base64 UTF-8 body, CRLF line ends, dot-stuffed.
pub fn message(
    from: &str,
    to: &str,
    subject: &str,
    body: &str,
    date: &str,
    message_id: &str,
) -> String {
    let mut out = String::new();
    out.push_str(&format!("From: {from}\r\nTo: {to}\r\n"));
    out.push_str(&format!(
        "Subject: =?UTF-8?B?{}?=\r\n",
        STANDARD.encode(subject.as_bytes())
    ));
    out.push_str(&format!(
        "Date: {date}\r\nMessage-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n"
    ));
    out.push_str(
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
    );
    let encoded = STANDARD.encode(body.replace("\r\n", "\n").replace('\n', "\r\n").as_bytes());
    for chunk in encoded.as_bytes().chunks(76) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push_str("\r\n");
    }
    // Base64 lines never start with a dot; the terminator follows.
    out.push_str(".\r\n");
    out
}

/// Delivers one message to the relay.
pub async fn send(
    cfg: &SmtpSettings,
    to: &str,
    subject: &str,
    body: &str,
    now: jiff::Timestamp,
) -> Result<(), SendError> {
    let stream = tokio::time::timeout(STEP, TcpStream::connect((cfg.host.as_str(), cfg.port)))
        .await
        .map_err(|_| temporary("timeout connecting"))?
        .map_err(|e| temporary(format!("connect: {e}")))?;
    let (r, w) = stream.into_split();
    let mut c = Conn {
        reader: BufReader::new(r),
        writer: w,
    };
    let (code, text) = c.reply().await?;
    if code != 220 {
        return Err(temporary(format!("greeting {code} {text}")));
    }
    let ehlo = c.command(&format!("EHLO {}\r\n", cfg.helo), &[250]).await?;
    let utf8 = ehlo.to_ascii_uppercase().contains("SMTPUTF8");
    let needs_utf8 = !to.is_ascii() || !cfg.from.is_ascii();
    if needs_utf8 && !utf8 {
        let _ = c.command("QUIT\r\n", &[221]).await;
        return Err(SendError {
            permanent: true,
            message: "the address is not ASCII and the relay does not offer SMTPUTF8".to_owned(),
        });
    }
    let param = if needs_utf8 { " SMTPUTF8" } else { "" };
    c.command(&format!("MAIL FROM:<{}>{param}\r\n", cfg.from), &[250])
        .await?;
    c.command(&format!("RCPT TO:<{to}>\r\n"), &[250, 251])
        .await?;
    c.command("DATA\r\n", &[354]).await?;
    let zoned = now.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let date = jiff::fmt::rfc2822::to_string(&zoned).unwrap_or_default();
    let id = format!("{}@{}", domain::token::random_secret(), cfg.helo);
    c.command(&message(&cfg.from, to, subject, body, &date, &id), &[250])
        .await?;
    let _ = c.command("QUIT\r\n", &[221]).await;
    Ok(())
}

/// Attempts every message that is due; returns how many were sent.
pub async fn deliver_due(state: &AppState) -> usize {
    match try_deliver_due(state).await {
        Ok(sent) => sent,
        Err(e) => {
            tracing::error!(error = %e, "outbox unreadable");
            0
        }
    }
}

/// As [`deliver_due`]; `Err` when the outbox cannot be read (the run failed).
pub async fn try_deliver_due(state: &AppState) -> store::Result<usize> {
    let cfg = &state.settings().smtp;
    if cfg.host.is_empty() {
        return Ok(0);
    }
    let due = store::outbox::due(state.db(), state.now(), 20).await?;
    let mut sent = 0;
    for mail in due {
        let now = jiff::Timestamp::from_second(state.now()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let result = send(cfg, &mail.to, &mail.subject, &mail.body, now).await;
        let stored = match &result {
            Ok(()) => {
                sent += 1;
                store::outbox::mark_sent(state.db(), mail.id, state.now()).await
            }
            Err(e) => {
                // The address is not logged: the outbox page shows it to coordinators.
                tracing::warn!(
                    mail = mail.id,
                    permanent = e.permanent,
                    "mail not delivered"
                );
                store::outbox::mark_failed(
                    state.db(),
                    mail.id,
                    state.now(),
                    &e.message,
                    e.permanent,
                )
                .await
            }
        };
        if let Err(e) = stored {
            tracing::error!(error = %e, "outbox not updated");
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_has_encoded_subject_and_body() {
        let m = message(
            "a@x.lv",
            "b@y.lv",
            "Paroles iestatīšana",
            "Sveiki!\nSaite: https://x/",
            "Thu, 26 Nov 2026 13:33:20 +0000",
            "1@x",
        );
        assert!(m.contains("Subject: =?UTF-8?B?"));
        assert!(m.contains("Content-Transfer-Encoding: base64\r\n\r\n"));
        assert!(m.ends_with("\r\n.\r\n"));
        let body: String = m
            .split("\r\n\r\n")
            .nth(1)
            .unwrap_or_default()
            .lines()
            .filter(|l| *l != ".")
            .collect();
        let decoded =
            String::from_utf8(STANDARD.decode(body).unwrap_or_default()).unwrap_or_default();
        assert_eq!(decoded, "Sveiki!\r\nSaite: https://x/");
    }
}

//! Delivering the outbox over SMTP with lettre: STARTTLS required by default (or TLS from
//! the first byte; plain only to a relay on this host), the relay's certificate checked
//! against the system's CA store and an optional CA file, AUTH PLAIN or LOGIN with a
//! password from a file or the environment (never the TOML), internationalised addresses
//! (punycode domains; SMTPUTF8 where the local part needs it), MIME with folded headers.
//! Without a configured host nothing is sent and the outbox is read by coordinators in the UI.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};

use crate::AppState;

/// The environment variable that may hold the relay's password (when no file is given).
pub const PASSWORD_ENV: &str = "ROMA_SMTP_PASSWORD";

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {
    /// The relay's host; empty means "do not send" (the outbox is still kept).
    pub host: String,
    /// The relay's port; unset: 587 for `starttls` and `none`, 465 for `tls`.
    pub port: Option<u16>,
    /// `starttls` (plain, then STARTTLS, which is required: nothing goes in clear),
    /// `tls` (TLS from the first byte, port 465) or `none` (only to a relay on this host).
    pub tls: String,
    /// The account at the relay; empty: no AUTH.
    pub username: String,
    /// A file holding the relay's password (its first line); empty: the password comes from
    /// the `ROMA_SMTP_PASSWORD` environment variable. Never in this file.
    pub password_file: String,
    /// A PEM file of CA certificates to trust besides the system's (a relay with a private
    /// CA). Empty: the system's store only.
    pub ca_file: String,
    /// The sender address.
    pub from: String,
    /// The name this host gives in EHLO.
    pub helo: String,
    /// How often the outbox is looked at, in seconds.
    pub poll_seconds: u64,
    /// The relay's password, read at start from `password_file` or the environment.
    #[serde(skip)]
    pub password: Option<String>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port())
            .field("tls", &self.tls)
            .finish_non_exhaustive()
    }
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            host: String::new(),
            port: None,
            tls: "starttls".to_owned(),
            username: String::new(),
            password_file: String::new(),
            ca_file: String::new(),
            from: "roma-platform@localhost".to_owned(),
            helo: "localhost".to_owned(),
            poll_seconds: 10,
            password: None,
        }
    }
}

/// How the relay is spoken to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    StartTls,
    Tls,
    None,
}

impl SmtpSettings {
    /// The `tls` setting, parsed.
    pub fn security(&self) -> Option<Security> {
        match self.tls.trim() {
            "starttls" => Some(Security::StartTls),
            "tls" => Some(Security::Tls),
            "none" => Some(Security::None),
            _ => None,
        }
    }

    /// The port spoken to: as set, or the usual one for the `tls` setting.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security() {
            Some(Security::Tls) => 465,
            _ => 587,
        })
    }

    /// The relay's host as a socket takes it: an IPv6 address without its brackets.
    pub fn host_name(&self) -> &str {
        self.host.trim().trim_matches(['[', ']'])
    }

    /// Whether `host` is this machine (where a relay may be spoken to without TLS).
    pub fn host_is_local(&self) -> bool {
        let h = self.host_name();
        h.eq_ignore_ascii_case("localhost")
            || h.parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// Reads the password (from `password_file`, else `env_password`) and checks the
    /// settings; `Err` says what is wrong, for the operator.
    pub fn prepare(&mut self, env_password: Option<String>) -> Result<(), String> {
        let Some(security) = self.security() else {
            return Err(format!(
                "configuration: smtp.tls must be \"starttls\", \"tls\" or \"none\", not {:?}",
                self.tls
            ));
        };
        if self.host.trim().is_empty() {
            return Ok(());
        }
        if let Err(e) = address(&self.from) {
            return Err(format!(
                "configuration: smtp.from is not an e-mail address: {}",
                e.message
            ));
        }
        if security == Security::None && !self.host_is_local() {
            return Err(format!(
                "configuration: smtp.tls = \"none\" sends mail in clear and is allowed only for a relay on this host, not {:?}",
                self.host
            ));
        }
        if !self.username.trim().is_empty() {
            let password = if self.password_file.trim().is_empty() {
                env_password
            } else {
                let path = self.password_file.trim();
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("configuration: smtp.password_file {path}: {e}"))?;
                text.lines().next().map(|l| {
                    l.trim_start_matches('\u{feff}')
                        .trim_end_matches(['\r', '\n'])
                        .to_owned()
                })
            };
            match password.filter(|p| !p.is_empty()) {
                Some(p) => self.password = Some(p),
                None => {
                    return Err(format!(
                        "configuration: smtp.username is set but there is no password: set smtp.password_file or {PASSWORD_ENV}"
                    ));
                }
            }
        }
        if !self.ca_file.trim().is_empty() {
            ca_certificate(self.ca_file.trim())?;
        }
        Ok(())
    }

    /// What an operator should hear at start (mail in clear to a local relay).
    pub fn warnings(&self) -> Vec<String> {
        if !self.host.trim().is_empty() && self.security() == Some(Security::None) {
            vec![format!(
                "smtp.tls = \"none\": mail to the relay on {} goes in clear (allowed on this host only)",
                self.host
            )]
        } else {
            Vec::new()
        }
    }
}

fn ca_certificate(path: &str) -> Result<Certificate, String> {
    let pem =
        std::fs::read(path).map_err(|e| format!("configuration: smtp.ca_file {path}: {e}"))?;
    if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
        return Err(format!(
            "configuration: smtp.ca_file {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
        ));
    }
    Certificate::from_pem(&pem)
        .map_err(|e| format!("configuration: smtp.ca_file {path} is not a PEM certificate: {e}"))
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

/// How long each step of the conversation may take.
const STEP: Duration = Duration::from_secs(30);

/// The transport the settings describe (one connection per message).
pub fn transport(cfg: &SmtpSettings) -> Result<AsyncSmtpTransport<Tokio1Executor>, SendError> {
    let host = cfg.host_name().to_owned();
    let tls = || -> Result<TlsParameters, SendError> {
        let mut b = TlsParameters::builder(host.clone());
        if !cfg.ca_file.trim().is_empty() {
            b = b.add_root_certificate(ca_certificate(cfg.ca_file.trim()).map_err(temporary)?);
        }
        b.build_rustls()
            .map_err(|e| temporary(format!("TLS set-up: {e}")))
    };
    let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.clone())
        .port(cfg.port())
        .timeout(Some(STEP))
        .hello_name(ClientId::Domain(cfg.helo.clone()));
    b = match cfg.security() {
        Some(Security::StartTls) => b.tls(Tls::Required(tls()?)),
        Some(Security::Tls) => b.tls(Tls::Wrapper(tls()?)),
        Some(Security::None) if cfg.host_is_local() => b.tls(Tls::None),
        _ => {
            return Err(temporary(
                "smtp.tls: nothing is sent in clear to another host",
            ));
        }
    };
    if !cfg.username.trim().is_empty() {
        b = b
            .credentials(Credentials::new(
                cfg.username.trim().to_owned(),
                cfg.password.clone().unwrap_or_default(),
            ))
            .authentication(vec![Mechanism::Plain, Mechanism::Login]);
    }
    Ok(b.build())
}

/// An address as the relay gets it: the domain in punycode (IDNA), so only a local part
/// beyond ASCII needs the relay's SMTPUTF8.
pub fn address(text: &str) -> Result<lettre::Address, SendError> {
    let (user, domain) = text
        .trim()
        .rsplit_once('@')
        .ok_or_else(|| permanent(format!("not an e-mail address: {text:?}")))?;
    let ascii = match url::Host::parse(domain) {
        Ok(url::Host::Domain(d)) => d,
        _ => return Err(permanent(format!("not a mail domain: {domain:?}"))),
    };
    // The encoded domain must read back as the one written: IDNA maps look-alikes (full-width
    // letters, %-escapes) to other domains, and mail must not go where the address does not
    // say.
    let (back, decoded) = idna::domain_to_unicode(&ascii);
    if decoded.is_err() || back != domain.trim().to_lowercase() {
        return Err(permanent(format!(
            "the mail domain {domain:?} reads differently once encoded ({ascii})"
        )));
    }
    lettre::Address::new(user, ascii).map_err(|e| permanent(format!("address {text:?}: {e}")))
}

fn permanent(message: impl Into<String>) -> SendError {
    SendError {
        permanent: true,
        message: message.into(),
    }
}

/// What every message ends with: where the platform is and how to reach its coordinators.
#[derive(Debug, Clone)]
pub struct Footer {
    /// The platform's address (`public_url`).
    pub site: String,
    /// The coordinators' address (`contact_email`).
    pub contact: String,
}

impl Footer {
    pub fn of(settings: &crate::Settings) -> Footer {
        Footer {
            site: settings.public_url.trim_end_matches('/').to_owned(),
            contact: settings.contact_email.clone(),
        }
    }

    fn text(&self, lang: Lang) -> String {
        crate::i18n::t_args(
            lang,
            "mail-footer",
            &[
                ("site", FluentValue::from(self.site.clone())),
                ("contact", FluentValue::from(self.contact.clone())),
            ],
        )
    }
}

use crate::i18n::Lang;
use fluent_bundle::FluentValue;

/// The languages of a message: its own, or both ("": the recipient's is not known).
fn languages(lang: &str) -> Vec<Lang> {
    Lang::parse(lang).map_or_else(|| Lang::ALL.to_vec(), |l| vec![l])
}

/// `List-Unsubscribe` (RFC 2369) with its one-click companion (RFC 8058).
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(
            Self::name(),
            "List-Unsubscribe=One-Click".to_owned(),
        )
    }
}

/// One language's part of a message, for the HTML template.
struct Block {
    lang: &'static str,
    paragraphs: Vec<String>,
}

#[derive(askama::Template)]
#[template(path = "mail/message.html")]
struct HtmlMail {
    lang: &'static str,
    subject: String,
    platform: String,
    blocks: Vec<Block>,
    footer: Vec<Block>,
    unsubscribe: Option<(String, String)>,
}

/// Text as HTML paragraphs: escaped, the platform's own addresses (under `site`) made links,
/// single line ends kept. Another address stays text: a link in a mail from the platform
/// goes nowhere else.
fn paragraphs(text: &str, site: &str) -> Vec<String> {
    let own = |word: &str| {
        !site.is_empty()
            && (word == site
                || word
                    .strip_prefix(site)
                    .is_some_and(|rest| rest.starts_with(['/', '?', '#'])))
    };
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.lines()
                .map(|line| {
                    line.split(' ')
                        .map(|word| {
                            let escaped = askama::filters::escape(word, askama::filters::Html)
                                .map(|e| e.to_string())
                                .unwrap_or_default();
                            if own(word) {
                                format!("<a href=\"{escaped}\">{escaped}</a>")
                            } else {
                                escaped
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("<br>\n")
        })
        .collect()
}

/// The plain text and the HTML of a message: its body (in its language, or Latvian then
/// English), then the footer in the same languages, and where it applies how to stop this
/// kind of mail.
pub fn render(footer: &Footer, m: &store::outbox::Outgoing) -> (String, String) {
    use askama::Template as _;
    let langs = languages(&m.lang);
    let body = m.body.replace("\r\n", "\n");
    let bodies: Vec<&str> = if langs.len() > 1 {
        body.split(store::outbox::BOTH_LANGUAGES).collect()
    } else {
        vec![body.as_str()]
    };
    let mut plain = body.trim_end().to_owned();
    plain.push_str("\n\n-- \n");
    let footers: Vec<String> = langs.iter().map(|l| footer.text(*l)).collect();
    plain.push_str(&footers.join("\n\n"));
    let unsubscribe = m
        .unsubscribe
        .as_deref()
        .and_then(unsubscribe_url)
        .map(|url| {
            let words = langs
                .iter()
                .map(|l| crate::i18n::t(*l, "mail-unsubscribe"))
                .collect::<Vec<_>>()
                .join(" / ");
            plain.push_str(&format!("\n\n{words}: {url}"));
            (words, url.clone())
        });
    plain.push('\n');
    let blocks = bodies
        .iter()
        .zip(langs.iter().chain(std::iter::repeat(&Lang::En)))
        .map(|(b, l)| Block {
            lang: l.code(),
            paragraphs: paragraphs(b, &footer.site),
        })
        .collect();
    let footer_blocks = langs
        .iter()
        .zip(footers.iter())
        .map(|(l, f)| Block {
            lang: l.code(),
            paragraphs: paragraphs(f, &footer.site),
        })
        .collect();
    let first = langs.first().copied().unwrap_or(Lang::Lv);
    let html = HtmlMail {
        lang: first.code(),
        subject: m.subject.clone(),
        platform: langs
            .iter()
            .map(|l| crate::i18n::t(*l, "mail-platform"))
            .collect::<Vec<_>>()
            .join(" · "),
        blocks,
        footer: footer_blocks,
        unsubscribe,
    }
    .render()
    .unwrap_or_default();
    (plain, html)
}

/// An unsubscribe address fit for `List-Unsubscribe` with one-click Post (RFC 8058): an
/// `https` URL with a host, as the URL parser writes it (no `<`, `>` or spaces).
fn unsubscribe_url(text: &str) -> Option<String> {
    let u = url::Url::parse(text.trim()).ok()?;
    (u.scheme() == "https" && u.host().is_some()).then(|| u.to_string())
}

/// The whole message: the platform's name as sender, date, id, a subject folded as MIME
/// wants it, the text as plain and as HTML, and `List-Unsubscribe` where it applies.
pub fn message(
    cfg: &SmtpSettings,
    footer: &Footer,
    to: &str,
    m: &store::outbox::Outgoing,
    now: jiff::Timestamp,
) -> Result<lettre::Message, SendError> {
    let from = Mailbox::new(Some("Romu platforma".to_owned()), address(&cfg.from)?);
    let to = Mailbox::new(None, address(to)?);
    let date = std::time::UNIX_EPOCH
        + Duration::from_secs(u64::try_from(now.as_second()).unwrap_or_default());
    let (plain, html) = render(footer, m);
    let mut b = lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(m.subject.as_str())
        .date(date)
        .message_id(Some(format!(
            "<{}@{}>",
            domain::token::random_secret(),
            cfg.helo
        )));
    if let Some(url) = m.unsubscribe.as_deref().and_then(unsubscribe_url) {
        b = b.header(ListUnsubscribe(url)).header(ListUnsubscribePost);
    }
    b.multipart(lettre::message::MultiPart::alternative_plain_html(
        plain, html,
    ))
    .map_err(|e| permanent(format!("message: {e}")))
}

/// What went wrong, in words for the outbox page; a refused certificate or a relay that
/// does not offer STARTTLS is said as such (nothing was sent in clear).
fn describe(e: &lettre::transport::smtp::Error) -> SendError {
    let text = e.to_string();
    // rustls' refusals come wrapped in connection errors: "invalid peer certificate: …".
    let lower = text.to_ascii_lowercase();
    if e.is_tls() || lower.contains("certificate") || lower.contains("handshake") {
        return temporary(format!(
            "TLS failed (the relay's certificate was not accepted, or its TLS is broken); nothing was sent: {text}"
        ));
    }
    if text.contains("STARTTLS") {
        return temporary(format!(
            "the relay does not offer STARTTLS; nothing was sent in clear: {text}"
        ));
    }
    if e.is_timeout() {
        return temporary(format!("timeout: {text}"));
    }
    // The relay's policy (5.7.x: relaying denied, sender not allowed) is the settings' fault,
    // not the message's: tried again once they are fixed.
    if text.contains(" 5.7.") || text.contains("5.7.1") {
        return temporary(format!(
            "the relay refused by its policy (check smtp.from, smtp.username): {text}"
        ));
    }
    // A local part beyond ASCII to a relay without SMTPUTF8 will never go.
    if text.contains("SMTPUTF8") {
        return permanent(format!(
            "the address is not ASCII and the relay does not offer SMTPUTF8: {text}"
        ));
    }
    // 530, 534, 535, 538: the relay refused the login — the settings' fault, not the
    // message's: tried again once they are fixed.
    if e.status()
        .is_some_and(|c| matches!(c.to_string().as_str(), "530" | "534" | "535" | "538"))
    {
        return temporary(format!(
            "the relay refused the login (check smtp.username and the password): {text}"
        ));
    }
    SendError {
        permanent: e.is_permanent(),
        message: text,
    }
}

/// Delivers one message to the relay.
pub async fn send(
    cfg: &SmtpSettings,
    footer: &Footer,
    to: &str,
    m: &store::outbox::Outgoing,
    now: jiff::Timestamp,
) -> Result<(), SendError> {
    let transport = transport(cfg)?;
    let m = message(cfg, footer, to, m, now)?;
    match transport.send(m).await {
        Ok(_) => Ok(()),
        Err(e) => Err(describe(&e)),
    }
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
    if cfg.host.trim().is_empty() {
        return Ok(0);
    }
    let due = store::outbox::due(state.db(), state.now(), 20).await?;
    let footer = Footer::of(state.settings());
    let mut sent = 0;
    for mail in due {
        let now = jiff::Timestamp::from_second(state.now()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let outgoing = store::outbox::Outgoing {
            kind: mail.kind.clone(),
            subject: mail.subject.clone(),
            body: mail.body.clone(),
            lang: mail.lang.clone(),
            unsubscribe: mail.unsubscribe.clone(),
        };
        let result = send(cfg, &footer, &mail.to, &outgoing, now).await;
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
    fn domains_go_in_punycode_and_bad_addresses_are_permanent() {
        let a = address("ilze@rīga.lv").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(a.to_string(), "ilze@xn--rga-uta.lv");
        let a = address("jānis@example.lv").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(a.domain(), "example.lv");
        assert!(address("nav adrese").is_err_and(|e| e.permanent));
        // Look-alikes that IDNA maps to another domain are refused, not sent there.
        assert!(address("a@ｅｘａｍｐｌｅ.lv").is_err_and(|e| e.permanent));
        assert!(address("a@ex%61mple.lv").is_err_and(|e| e.permanent));
    }

    #[test]
    fn only_the_platforms_own_links_are_links_and_unsubscribe_must_be_https() {
        let footer = Footer {
            site: "https://roma.example.lv".to_owned(),
            contact: "koordinatori@example.lv".to_owned(),
        };
        let m = store::outbox::Outgoing {
            kind: "test".to_owned(),
            subject: "S".to_owned(),
            body: "Te: https://roma.example.lv/lv/x un https://roma.example.lv.evil.test/ un https://cits.lv/".to_owned(),
            lang: "lv".to_owned(),
            unsubscribe: Some("javascript:alert(1)".to_owned()),
        };
        let (plain, html) = render(&footer, &m);
        assert!(
            html.contains("<a href=\"https://roma.example.lv/lv/x\""),
            "{html}"
        );
        assert!(
            !html.contains("href=\"https://roma.example.lv.evil.test/"),
            "{html}"
        );
        assert!(!html.contains("href=\"https://cits.lv/"), "{html}");
        assert!(!html.contains("javascript") && !plain.contains("javascript"));
        let cfg = SmtpSettings::default();
        let full = message(
            &cfg,
            &footer,
            "b@example.lv",
            &m,
            jiff::Timestamp::UNIX_EPOCH,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let text = String::from_utf8(full.formatted()).unwrap_or_default();
        assert!(!text.contains("List-Unsubscribe"), "{text}");
        // Both languages split after CRLF normalisation.
        let both = store::outbox::Outgoing {
            lang: String::new(),
            body: format!(
                "Labdien!\r\n{}Hello!",
                store::outbox::BOTH_LANGUAGES.replace('\n', "\r\n")
            ),
            unsubscribe: None,
            ..m
        };
        let (_, html) = render(&footer, &both);
        assert!(html.contains("lang=\"en\""), "{html}");
    }

    #[test]
    fn the_port_follows_the_tls_setting_and_an_ipv6_host_loses_its_brackets() {
        let mut s = SmtpSettings::default();
        assert_eq!(s.port(), 587);
        s.tls = "tls".to_owned();
        assert_eq!(s.port(), 465);
        s.port = Some(2465);
        assert_eq!(s.port(), 2465);
        s.host = " [::1] ".to_owned();
        assert_eq!(s.host_name(), "::1");
        assert!(s.host_is_local());
        let dir = std::env::temp_dir().join(format!("roma-ca-{}", std::process::id()));
        std::fs::write(&dir, "not a certificate").unwrap_or_else(|e| panic!("{e}"));
        s.ca_file = dir.to_string_lossy().into_owned();
        s.host = "relay.example.lv".to_owned();
        assert!(
            s.prepare(None)
                .is_err_and(|e| e.contains("no PEM certificate"))
        );
        let _ = std::fs::remove_file(&dir);
    }

    #[test]
    fn a_long_latvian_subject_is_folded_and_encoded() {
        let cfg = SmtpSettings::default();
        let subject = "Romu platforma: ielūgums uz reģionālo ekspertu darba sanāksmi Daugavpilī par izglītības un nodarbinātības pasākumiem";
        let footer = Footer {
            site: "https://roma.example.lv".to_owned(),
            contact: "koordinatori@example.lv".to_owned(),
        };
        let m = message(
            &cfg,
            &footer,
            "b@example.lv",
            &store::outbox::Outgoing {
                kind: "test".to_owned(),
                subject: subject.to_owned(),
                body: "Labdien!\nSaite: https://x/".to_owned(),
                lang: "lv".to_owned(),
                unsubscribe: None,
            },
            jiff::Timestamp::UNIX_EPOCH,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let text = String::from_utf8(m.formatted()).unwrap_or_default();
        let head = &text[..text.find("\r\n\r\n").unwrap_or(0)];
        assert!(head.lines().all(|l| l.len() <= 78), "{head}");
        assert!(
            head.contains("Subject: Romu platforma: =?utf-8?b?"),
            "{head}"
        );
        assert!(head.contains("\r\n =?utf-8?b?"), "folded: {head}");
        assert!(
            head.contains("From: \"Romu platforma\" <roma-platform@localhost>")
                || head.contains("From: Romu platforma <roma-platform@localhost>"),
            "{head}"
        );
    }

    #[test]
    fn tls_none_is_only_for_this_host_and_a_password_never_comes_from_the_toml() {
        let mut s = SmtpSettings {
            host: "relay.example.lv".to_owned(),
            tls: "none".to_owned(),
            ..SmtpSettings::default()
        };
        assert!(s.prepare(None).is_err());
        s.host = "127.0.0.1".to_owned();
        assert!(s.prepare(None).is_ok());
        assert_eq!(s.warnings().len(), 1);
        s.tls = "starttls".to_owned();
        s.username = "roma".to_owned();
        assert!(s.prepare(None).is_err(), "a user without a password");
        assert!(s.prepare(Some("slepens".to_owned())).is_ok());
        assert_eq!(s.password.as_deref(), Some("slepens"));
        s.tls = "ssl".to_owned();
        assert!(s.prepare(None).is_err());
        s.tls = "starttls".to_owned();
        s.from = "Roma <roma@x.lv>".to_owned();
        assert!(
            s.prepare(Some("x".to_owned())).is_err(),
            "a bad sender is refused at start"
        );
        s.from = "roma@x.lv".to_owned();
        let dir = std::env::temp_dir().join(format!("roma-pw-{}", std::process::id()));
        std::fs::write(&dir, "\u{feff}slepens\r").unwrap_or_else(|e| panic!("{e}"));
        s.password_file = dir.to_string_lossy().into_owned();
        assert!(s.prepare(None).is_ok());
        assert_eq!(s.password.as_deref(), Some("slepens"));
        let _ = std::fs::remove_file(&dir);
    }
}

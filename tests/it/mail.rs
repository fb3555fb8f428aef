//! The outbox and its SMTP delivery, against a real SMTP relay on loopback
//! (`testkit::smtp`): STARTTLS with a self-signed certificate and AUTH, TLS from the first
//! byte, a refused certificate, a relay without STARTTLS, internationalised addresses.

use domain::auth::Role;
use testkit::TestApp;
use testkit::smtp::{Mode, Relay};

/// The decoded text of a message's body (or, in a multipart message, of its part of
/// `content_type`): quoted-printable and base64 undone.
pub fn part_text(message: &str, content_type: &str) -> String {
    for part in message.split("\r\n--") {
        let Some((head, body)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let lower = head.to_ascii_lowercase();
        if !lower.contains(&format!("content-type: {content_type}")) {
            continue;
        }
        let body = body.split("\r\n--").next().unwrap_or_default();
        if lower.contains("content-transfer-encoding: base64") {
            use base64::Engine as _;
            let joined: String = body.lines().map(str::trim).collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(joined)
                .unwrap_or_default();
            return String::from_utf8(bytes).unwrap_or_default();
        }
        if lower.contains("content-transfer-encoding: quoted-printable") {
            let mut out = Vec::new();
            let b = body.replace("=\r\n", "");
            let bytes = b.as_bytes();
            let mut k = 0;
            while k < bytes.len() {
                if bytes[k] == b'='
                    && k + 2 < bytes.len()
                    && let Ok(v) = u8::from_str_radix(&b[k + 1..k + 3], 16)
                {
                    out.push(v);
                    k += 3;
                    continue;
                }
                out.push(bytes[k]);
                k += 1;
            }
            return String::from_utf8(out).unwrap_or_default();
        }
        return body.to_owned();
    }
    String::new()
}

/// A file holding the relay's certificate, to trust as `smtp.ca_file`.
fn ca_file(relay: &Relay, dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("relay-ca.pem");
    std::fs::write(&path, &relay.ca_pem).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

/// An app whose outbox goes to `relay` (STARTTLS, trusting its certificate, no AUTH unless
/// `adjust` sets it).
async fn app_with(
    relay: &Relay,
    dir: &tempfile::TempDir,
    adjust: impl FnOnce(&mut web::Settings),
) -> TestApp {
    let ca = ca_file(relay, dir);
    let port = relay.port;
    TestApp::spawn_with(move |s| {
        s.smtp.host = "127.0.0.1".into();
        s.smtp.port = Some(port);
        s.smtp.ca_file = ca;
        s.smtp.from = "platforma@test.roma.invalid".into();
        // The background worker runs once at start; the tests deliver by hand.
        s.smtp.poll_seconds = 3600;
        adjust(s);
    })
    .await
}

/// Queues a set-password link for the NGO user (a mail to its owner).
async fn queue_one(app: &TestApp) {
    let c = app.login(Role::Coordinator).await;
    let id = app.user_id(Role::Ngo);
    c.get(&format!("/lv/admin/users/{id}")).await;
    c.post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
}

async fn last_error(app: &TestApp) -> (String, bool) {
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    let m = mails.first().unwrap_or_else(|| panic!("no mail"));
    (
        m.last_error.clone().unwrap_or_default(),
        m.failed_at.is_some(),
    )
}

#[tokio::test]
async fn mail_goes_over_starttls_with_auth_to_a_relay_whose_certificate_is_trusted() {
    let relay = Relay::start(Mode::StartTls, Some(("roma", "slepena parole 1"))).await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = app_with(&relay, &dir, |s| {
        s.smtp.username = "roma".into();
        s.smtp.password = Some("slepena parole 1".into());
    })
    .await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/admin/users/new").await;
    let res = c
        .post_form(
            "/lv/admin/users",
            &[
                ("email", "jauna@test.roma.invalid"),
                ("name", "Jauna Lietotāja"),
                ("role", "ngo"),
            ],
        )
        .await;
    assert_eq!(res.status, 201);
    assert_eq!(web::mail::deliver_due(&app.state).await, 1);
    let got = relay.received();
    assert_eq!(got.len(), 1);
    assert!(got[0].tls, "sent after STARTTLS");
    assert_eq!(got[0].user.as_deref(), Some("roma"));
    assert_eq!(got[0].to, vec!["jauna@test.roma.invalid".to_owned()]);
    assert_eq!(got[0].from, "platforma@test.roma.invalid");
    let body = part_text(&got[0].data, "text/plain");
    assert!(
        body.contains("Labdien, Jauna Lietotāja!") && body.contains("/lv/password/set/"),
        "{body}"
    );
    // Sent once: nothing more is due.
    assert_eq!(web::mail::deliver_due(&app.state).await, 0);
    let page = c.get("/lv/admin/outbox").await.text;
    assert!(page.contains("jauna@test.roma.invalid") && page.contains("Nosūtīta"));
}

#[tokio::test]
async fn mail_goes_over_tls_from_the_first_byte_and_in_clear_only_to_this_host() {
    let relay = Relay::start(Mode::Implicit, None).await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = app_with(&relay, &dir, |s| s.smtp.tls = "tls".into()).await;
    queue_one(&app).await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 1);
    assert!(relay.received()[0].tls);

    let plain = Relay::start(Mode::Plain, None).await;
    let app = app_with(&plain, &dir, |s| s.smtp.tls = "none".into()).await;
    queue_one(&app).await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 1);
    assert!(
        !plain.received()[0].tls,
        "a relay on this host, as configured"
    );
}

#[tokio::test]
async fn a_refused_certificate_and_a_relay_without_starttls_are_reported_and_nothing_goes_in_clear()
{
    // The relay's certificate is not trusted (no ca_file): nothing is sent.
    let relay = Relay::start(Mode::StartTls, None).await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = app_with(&relay, &dir, |s| s.smtp.ca_file = String::new()).await;
    queue_one(&app).await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 0);
    let (error, given_up) = last_error(&app).await;
    assert!(
        error.contains("TLS failed") && error.contains("certificate"),
        "{error}"
    );
    assert!(!given_up, "tried again once the operator has fixed it");
    assert!(relay.received().is_empty());
    let c = app.login(Role::Coordinator).await;
    assert!(c.get("/en/admin/outbox").await.text.contains("TLS failed"));

    // A relay that does not offer STARTTLS gets nothing, not even the envelope.
    let plain = Relay::start(Mode::Plain, None).await;
    let app = app_with(&plain, &dir, |_| {}).await;
    queue_one(&app).await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 0);
    let (error, _) = last_error(&app).await;
    assert!(error.contains("does not offer STARTTLS"), "{error}");
    assert!(plain.received().is_empty());

    // A wrong password is said so, and tried again later (a settings problem).
    let relay = Relay::start(Mode::StartTls, Some(("roma", "pareizā"))).await;
    let app = app_with(&relay, &dir, |s| {
        s.smtp.username = "roma".into();
        s.smtp.password = Some("nepareizā".into());
    })
    .await;
    queue_one(&app).await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 0);
    let (error, given_up) = last_error(&app).await;
    assert!(error.contains("refused the login"), "{error}");
    assert!(!given_up);
}

#[tokio::test]
async fn internationalised_addresses_go_as_punycode_or_with_smtputf8() {
    let relay = Relay::start(Mode::StartTls, None).await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = app_with(&relay, &dir, |_| {}).await;
    for to in ["ilze@rīga.lv", "jānis@example.lv"] {
        web::mail::send(
            &app.settings.smtp,
            &web::mail::Footer::of(&app.settings),
            to,
            &store::outbox::Outgoing {
                kind: "test".to_owned(),
                subject: "Sveiki".to_owned(),
                body: "Labdien!".to_owned(),
                lang: "lv".to_owned(),
                unsubscribe: None,
            },
            jiff::Timestamp::UNIX_EPOCH,
        )
        .await
        .unwrap_or_else(|e| panic!("{to}: {e:?}"));
    }
    let got = relay.received();
    let idn = got
        .iter()
        .find(|r| r.to[0].starts_with("ilze@"))
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(idn.to[0], "ilze@xn--rga-uta.lv");
    assert!(!idn.smtputf8, "an ASCII local part needs no SMTPUTF8");
    let utf8 = got
        .iter()
        .find(|r| r.to[0].starts_with("j"))
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(utf8.to[0], "jānis@example.lv");
    assert!(utf8.smtputf8);
}

#[tokio::test]
async fn a_refused_address_is_given_up_and_a_busy_relay_is_retried_later() {
    let relay = Relay::answering(Mode::StartTls, None, "451 try later\r\n").await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = app_with(&relay, &dir, |_| {}).await;
    queue_one(&app).await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 0);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert_eq!(mails[0].attempts, 1);
    assert!(mails[0].failed_at.is_none(), "a 4xx is temporary");
    assert!(
        mails[0]
            .last_error
            .as_deref()
            .unwrap_or_default()
            .contains("451")
    );
    // Not due again before the back-off.
    assert!(
        store::outbox::due(&app.db, app.clock_now(), 10)
            .await
            .unwrap_or_default()
            .is_empty()
    );
    app.advance_minutes(2);
    assert_eq!(
        store::outbox::due(&app.db, app.clock_now(), 10)
            .await
            .unwrap_or_default()
            .len(),
        1
    );
    assert!(relay.received().is_empty());

    let relay = Relay::answering(Mode::StartTls, None, "550 no such user\r\n").await;
    let app = app_with(&relay, &dir, |_| {}).await;
    queue_one(&app).await;
    web::mail::deliver_due(&app.state).await;
    let (_, given_up) = last_error(&app).await;
    assert!(given_up, "a 5xx is permanent");
    let c = app.login(Role::Coordinator).await;
    assert!(c.get("/lv/admin/outbox").await.text.contains("Neizdevās"));
}

#[tokio::test]
async fn without_smtp_the_outbox_is_kept_and_survives_a_restart() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    c.get("/lv/admin/users/new").await;
    c.post_form(
        "/lv/admin/users",
        &[
            ("email", "x@test.roma.invalid"),
            ("name", "X Y"),
            ("role", "ngo"),
        ],
    )
    .await;
    assert_eq!(
        web::mail::deliver_due(&app.state).await,
        0,
        "nothing is sent without a relay"
    );
    let page = c.get("/en/admin/outbox").await.text;
    assert!(
        page.contains("No mail server (SMTP) is set up") && page.contains("x@test.roma.invalid")
    );
    // The row is committed to the database file: another process (a restarted server)
    // opening it finds the message due.
    let path = app.settings.database.clone();
    let now = app.clock_now();
    let db = store::Db::open(&store::DbOptions::new(&path))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let due = store::outbox::due(&db, now, 10).await.unwrap_or_default();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].to, "x@test.roma.invalid");
    db.close().await;
}

#[tokio::test]
async fn a_reply_in_unexpected_bytes_is_a_bad_reply_not_a_crash() {
    let relay = Relay::answering(Mode::StartTls, None, "ĀĀ nē\r\n").await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = app_with(&relay, &dir, |_| {}).await;
    queue_one(&app).await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 0);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert_eq!(mails[0].attempts, 1);
    assert!(mails[0].failed_at.is_none(), "tried again later");
    assert!(mails[0].last_error.is_some());
    assert!(relay.received().is_empty());
}

#[tokio::test]
async fn the_cli_sends_a_test_message_with_the_password_from_the_environment_never_the_toml() {
    use crate::cli::{path_str, roma_env, tempdir};
    let relay = Relay::start(Mode::StartTls, Some(("roma", "vides parole"))).await;
    let dir = tempdir();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &relay.ca_pem).unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("roma.toml");
    let toml = format!(
        "[smtp]\nhost = \"127.0.0.1\"\nport = {}\nusername = \"roma\"\nca_file = \"{}\"\nfrom = \"platforma@test.roma.invalid\"\n",
        relay.port,
        path_str(&ca)
    );
    std::fs::write(&config, &toml).unwrap_or_else(|e| panic!("{e}"));
    let args = [
        "--config",
        path_str(&config),
        "mail",
        "test",
        "--to",
        "ilze@example.lv",
    ];
    // No password anywhere: the settings are refused, in words.
    let none = roma_env(dir.path(), &args, None, &[]).await;
    assert!(!none.status.success());
    assert!(
        none.stderr.contains("ROMA_SMTP_PASSWORD"),
        "{}",
        none.stderr
    );
    assert!(relay.received().is_empty());
    let sent = roma_env(
        dir.path(),
        &args,
        None,
        &[("ROMA_SMTP_PASSWORD", "vides parole")],
    )
    .await;
    assert!(sent.status.success(), "{}", sent.stderr);
    let got = relay.received();
    assert_eq!(got.len(), 1);
    assert!(got[0].tls && got[0].user.as_deref() == Some("roma"));
    // A password in the TOML is refused (it belongs in a file or the environment).
    std::fs::write(&config, format!("{toml}password = \"x\"\n")).unwrap_or_else(|e| panic!("{e}"));
    let refused = roma_env(dir.path(), &args, None, &[]).await;
    assert!(!refused.status.success());
    assert!(refused.stderr.contains("password"), "{}", refused.stderr);
}

/// A mail's messages: (subject id, body id, [(variable, used as a selector)]).
type Template = (String, String, Vec<(String, bool)>);

/// Every mail message pair (`mail-…-subject`, `mail-…-body`) with its variables, from the
/// Latvian locale's files: (subject id, body id, [(variable, used as a selector)]).
fn mail_templates() -> Vec<Template> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/lv");
    let mut blocks: std::collections::BTreeMap<String, String> = Default::default();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" = ").filter(|_| !line.starts_with(' ')) {
                current = Some(id.trim().to_owned());
            } else if !line.starts_with(' ') && !line.is_empty() {
                current = None;
            }
            if let Some(id) = &current {
                let b = blocks.entry(id.clone()).or_default();
                b.push_str(line);
                b.push('\n');
            }
        }
    }
    let mut out = Vec::new();
    for (id, text) in &blocks {
        let Some(stem) = id
            .strip_prefix("mail-")
            .and_then(|s| s.strip_suffix("-subject"))
        else {
            continue;
        };
        let body = format!("mail-{stem}-body");
        let both = format!("{text}{}", blocks.get(&body).cloned().unwrap_or_default());
        assert!(blocks.contains_key(&body), "{id} has no {body}");
        let mut vars: Vec<(String, bool)> = Vec::new();
        for (i, _) in both.match_indices('$') {
            let name: String = both[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            let selector = both[i + 1 + name.len()..].trim_start().starts_with("->");
            if let Some(v) = vars.iter_mut().find(|(n, _)| *n == name) {
                v.1 |= selector;
            } else {
                vars.push((name, selector));
            }
        }
        out.push((id.clone(), body, vars));
    }
    out
}

#[test]
fn every_mail_template_renders_as_text_and_html_in_both_languages() {
    use fluent_bundle::FluentValue;
    use web::i18n::Lang;
    let templates = mail_templates();
    assert!(templates.len() >= 17, "{templates:?}");
    let footer = web::mail::Footer {
        site: "https://roma.example.lv".to_owned(),
        contact: "koordinatori@example.lv".to_owned(),
    };
    let cfg = web::mail::SmtpSettings::default();
    for (subject_id, body_id, vars) in &templates {
        for lang in Lang::ALL {
            let args: Vec<(&str, FluentValue)> = vars
                .iter()
                .map(|(name, selector)| {
                    let value = if *selector {
                        FluentValue::from(3)
                    } else if name == "link" || name.ends_with("url") {
                        FluentValue::from("https://roma.example.lv/lv/x?a=1&b=<2>")
                    } else {
                        FluentValue::from(format!("Ā<{name}>"))
                    };
                    (name.as_str(), value)
                })
                .collect();
            let subject = web::i18n::t_args(lang, subject_id, &args);
            let body = web::i18n::t_args(lang, body_id, &args);
            for text in [&subject, &body] {
                assert!(
                    !text.contains("{$") && !text.contains("{ $") && !text.is_empty(),
                    "{subject_id} ({lang:?}): {text}"
                );
            }
            let m = store::outbox::Outgoing {
                kind: body_id.clone(),
                subject: subject.clone(),
                body: body.clone(),
                lang: lang.code().to_owned(),
                unsubscribe: None,
            };
            let (plain, html) = web::mail::render(&footer, &m);
            assert!(plain.starts_with(body.trim_end()), "{body_id}");
            assert!(plain.contains("koordinatori@example.lv"), "{plain}");
            assert!(
                html.contains(&format!("<html lang=\"{}\">", lang.code())),
                "{html}"
            );
            assert!(
                html.contains("koordinatori@example.lv") && html.trim_end().ends_with("</html>")
            );
            // What was put in is escaped: no tag from a name or link reaches the HTML.
            assert!(!html.contains("<name>") && !html.contains("<2>"), "{html}");
            if vars.iter().any(|(n, _)| n == "link") {
                assert!(
                    html.contains("<a href=\"https://roma.example.lv/lv/x?a=1&#38;b=&#60;2&#62;\""),
                    "{body_id}: {html}"
                );
            }
            let full = web::mail::message(
                &cfg,
                &footer,
                "ilze@example.lv",
                &m,
                jiff::Timestamp::UNIX_EPOCH,
            )
            .unwrap_or_else(|e| panic!("{body_id}: {e:?}"));
            let text = String::from_utf8(full.formatted()).unwrap_or_default();
            assert!(text.contains("multipart/alternative"), "{text}");
            assert!(!text.contains("List-Unsubscribe"), "only where it applies");
            let first_line = body.lines().next().unwrap_or_default();
            assert!(
                part_text(&text, "text/plain").contains(first_line),
                "{text}"
            );
            assert!(
                part_text(&text, "text/html").contains(&format!("lang=\"{}\"", lang.code())),
                "{text}"
            );
        }
    }
}

#[test]
fn a_message_to_someone_whose_language_is_unknown_is_in_both_and_unsubscribe_goes_where_it_applies()
{
    let footer = web::mail::Footer {
        site: "https://roma.example.lv".to_owned(),
        contact: "koordinatori@example.lv".to_owned(),
    };
    let m = web::features::platform::admin::password_link_mail_both(
        "Ilze Kalniņa",
        "https://roma.example.lv/lv/password/set/abc",
    );
    assert!(m.lang.is_empty());
    assert!(m.subject.contains(" / "));
    let (plain, html) = web::mail::render(&footer, &m);
    assert!(plain.contains("/lv/password/set/abc") && plain.contains("/en/password/set/abc"));
    assert!(
        plain.contains("Jautājumi") && plain.contains("Questions"),
        "{plain}"
    );
    assert!(
        html.contains("<div lang=\"lv\">") && html.contains("<div lang=\"en\">"),
        "{html}"
    );
    let with = store::outbox::Outgoing {
        unsubscribe: Some("https://roma.example.lv/lv/unsubscribe/xyz".to_owned()),
        ..m
    };
    let full = web::mail::message(
        &web::mail::SmtpSettings::default(),
        &footer,
        "ilze@example.lv",
        &with,
        jiff::Timestamp::UNIX_EPOCH,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let text = String::from_utf8(full.formatted()).unwrap_or_default();
    assert!(
        text.contains("List-Unsubscribe: <https://roma.example.lv/lv/unsubscribe/xyz>"),
        "{text}"
    );
    assert!(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
}

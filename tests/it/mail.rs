//! The outbox and its SMTP delivery, against a real SMTP conversation on loopback.

use std::sync::{Arc, Mutex};

use base64::Engine as _;
use domain::auth::Role;
use testkit::TestApp;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// What the fake relay received: (envelope recipient, message text).
type Inbox = Arc<Mutex<Vec<(String, String)>>>;

/// A minimal SMTP server on loopback. `rcpt_reply` is what it answers to RCPT TO.
async fn relay(rcpt_reply: &'static str) -> (u16, Inbox) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let inbox: Inbox = Arc::default();
    let store = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = socket.into_split();
                let mut lines = BufReader::new(r);
                let _ = w.write_all(b"220 fake.relay ESMTP\r\n").await;
                let mut rcpt = String::new();
                loop {
                    let mut line = String::new();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        break;
                    }
                    let upper = line.to_ascii_uppercase();
                    if upper.starts_with("EHLO") {
                        let _ = w.write_all(b"250-fake.relay\r\n250 SMTPUTF8\r\n").await;
                    } else if upper.starts_with("MAIL FROM") {
                        let _ = w.write_all(b"250 OK\r\n").await;
                    } else if upper.starts_with("RCPT TO") {
                        rcpt = line
                            .trim()
                            .trim_start_matches("RCPT TO:")
                            .trim_matches(['<', '>'])
                            .to_owned();
                        let _ = w.write_all(rcpt_reply.as_bytes()).await;
                    } else if upper.starts_with("DATA") {
                        let _ = w.write_all(b"354 go on\r\n").await;
                        let mut data = String::new();
                        loop {
                            let mut l = String::new();
                            if lines.read_line(&mut l).await.unwrap_or(0) == 0 || l == ".\r\n" {
                                break;
                            }
                            data.push_str(&l);
                        }
                        if let Ok(mut s) = store.lock() {
                            s.push((rcpt.clone(), data));
                        }
                        let _ = w.write_all(b"250 queued\r\n").await;
                    } else if upper.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        let _ = w.write_all(b"500 what\r\n").await;
                    }
                }
            });
        }
    });
    (port, inbox)
}

fn body_of(message: &str) -> String {
    let encoded: String = message
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .collect();
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap_or_default(),
    )
    .unwrap_or_default()
}

async fn app_with_relay(port: u16) -> TestApp {
    TestApp::spawn_with(|s| {
        s.smtp.host = "127.0.0.1".into();
        s.smtp.port = port;
        s.smtp.from = "platforma@test.roma.invalid".into();
        // The background worker runs once at start; the tests deliver by hand.
        s.smtp.poll_seconds = 3600;
    })
    .await
}

#[tokio::test]
async fn a_new_users_link_is_queued_with_the_account_and_delivered_over_smtp() {
    let (port, inbox) = relay("250 OK\r\n").await;
    let app = app_with_relay(port).await;
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
    let got = inbox.lock().map(|i| i.clone()).unwrap_or_default();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "jauna@test.roma.invalid");
    assert!(got[0].1.contains("Subject: =?UTF-8?B?"));
    let body = body_of(&got[0].1);
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
async fn a_refused_address_is_given_up_and_a_busy_relay_is_retried_later() {
    let (port, inbox) = relay("451 try later\r\n").await;
    let app = app_with_relay(port).await;
    let c = app.login(Role::Coordinator).await;
    let id = app.user_id(Role::Ngo);
    c.get(&format!("/lv/admin/users/{id}")).await;
    c.post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
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
    assert!(inbox.lock().map(|i| i.is_empty()).unwrap_or(false));

    let (port, _) = relay("550 no such user\r\n").await;
    let app = app_with_relay(port).await;
    let c = app.login(Role::Coordinator).await;
    c.get(&format!("/lv/admin/users/{id}")).await;
    c.post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
    web::mail::deliver_due(&app.state).await;
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert!(mails[0].failed_at.is_some(), "a 5xx is permanent");
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
    // "ĀĀ" puts the third byte inside a letter: cutting the reply code there panicked.
    let (port, inbox) = relay("ĀĀ nē\r\n").await;
    let app = app_with_relay(port).await;
    let c = app.login(Role::Coordinator).await;
    let id = app.user_id(Role::Ngo);
    c.get(&format!("/lv/admin/users/{id}")).await;
    c.post_form(&format!("/lv/admin/users/{id}/password-link"), &[])
        .await;
    assert_eq!(web::mail::deliver_due(&app.state).await, 0);
    let (mails, _) = store::outbox::list(&app.db, 0).await.unwrap_or_default();
    assert_eq!(mails[0].attempts, 1);
    assert!(mails[0].failed_at.is_none(), "tried again later");
    assert!(
        mails[0]
            .last_error
            .as_deref()
            .unwrap_or_default()
            .contains("bad reply"),
        "{:?}",
        mails[0].last_error
    );
    assert!(inbox.lock().map(|i| i.is_empty()).unwrap_or(false));
}

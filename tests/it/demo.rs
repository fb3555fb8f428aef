//! `roma-platform demo`: creates or reuses a demo database, prints a working login per role
//! (new passwords at every start), and serves.

use std::io::BufRead as _;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Starts `demo` in `dir`; returns the child, the printed (role, e-mail, password) lines and
/// the base URL.
fn start_demo(
    dir: &std::path::Path,
) -> (
    std::process::Child,
    Vec<(String, String, String)>,
    String,
    String,
) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_roma-platform"))
        .args(["demo", "--bind", "127.0.0.1:0"])
        .current_dir(dir)
        .env_remove("ROMA__BIND")
        .env_remove("ROMA__DATABASE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("demo: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut lines = std::io::BufReader::new(stdout).lines();
    let mut logins = Vec::new();
    let mut first = String::new();
    let base = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("demo ended before listening"))
            .unwrap_or_else(|e| panic!("{e}"));
        if first.is_empty() {
            first = line.clone();
        }
        if let Some(addr) = line.strip_prefix("Roma Platform listening on ") {
            break addr.trim().to_owned();
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() == 3 && parts[1].contains('@') {
            logins.push((
                parts[0].to_owned(),
                parts[1].to_owned(),
                parts[2].to_owned(),
            ));
        }
    };
    // Keep draining stdout so the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    (child, logins, base, first)
}

fn stop(child: &mut std::process::Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    for _ in 0..300 {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[tokio::test]
async fn demo_prints_a_working_login_per_role_and_reuses_its_database() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut child, logins, base, first) = start_demo(dir.path());
    assert!(first.contains("Loaded the synthetic demo data"), "{first}");
    let roles: Vec<&str> = logins.iter().map(|(r, _, _)| r.as_str()).collect();
    assert_eq!(
        roles,
        ["coordinator", "ministry", "municipality", "mediator", "ngo"]
    );
    for (role, email, password) in &logins {
        assert!(
            email.ends_with(".invalid"),
            "demo e-mails reach nobody: {email}"
        );
        let c = testkit::Client::new(&base);
        let res = c.login(email, password).await;
        assert_eq!(res.status, 303, "{role} demo login");
    }
    let coordinator = &logins[0];
    stop(&mut child);
    assert!(dir.path().join("roma-demo.db").exists());

    // Second start: same database, new passwords; the old ones no longer work.
    let (mut child, again, base, first) = start_demo(dir.path());
    assert!(first.contains("Reusing the demo database"), "{first}");
    assert_ne!(again[0].2, coordinator.2);
    let c = testkit::Client::new(&base);
    assert_eq!(c.login(&again[0].1, &again[0].2).await.status, 303);
    let old = testkit::Client::new(&base);
    assert_eq!(old.login(&coordinator.1, &coordinator.2).await.status, 422);
    let users = c.get("/lv/admin/users").await;
    assert!(users.text.contains("5 lietotāji"), "no duplicates on reuse");
    stop(&mut child);
}

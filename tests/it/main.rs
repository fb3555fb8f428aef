//! The one integration-test binary: every test runs the real HTTP stack on a fresh
//! SQLite file (see crates/testkit).

mod abuse;
mod access_log;
mod admin;
mod api;
mod attendance;
mod auth;
mod breaches;
mod browser;
mod cli;
mod consent_renewals;
mod consultations;
mod crash;
mod demo;
mod directory;
mod documents;
mod dpo;
mod events;
mod feedback;
mod headers;
mod help;
mod i18n;
mod invitations;
mod layout;
mod mail;
mod matrix;
mod mediation;
mod minutes;
mod needs;
mod notices;
mod open_data;
mod ops;
mod plans;
mod practices;
mod properties;
mod registrations;
mod report_layout;
mod reports;
mod rounds;
mod screenshots;
mod search;
mod second_factor;
mod services;
mod sessions;
mod site;
mod snapshots;
mod storage_limits;
mod stories;
mod subject_requests;
mod territories;
mod transfer;
mod versions;
mod workspace;

/// The value of a store call that must succeed in the test.
pub fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// The text of every file under `dirs` (relative to the project's root, folders included)
/// whose extension is one of `exts`, one after another, and how many files there were.
pub fn source_tree(dirs: &[&str], exts: &[&str]) -> (String, usize) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    let mut files = 0;
    let mut folders: Vec<std::path::PathBuf> = dirs.iter().map(|d| root.join(d)).collect();
    while let Some(dir) = folders.pop() {
        for entry in ok(std::fs::read_dir(&dir)) {
            let path = ok(entry).path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|e| exts.iter().any(|x| e == *x))
            {
                text.push_str(&ok(std::fs::read_to_string(&path)));
                text.push('\n');
                files += 1;
            }
        }
    }
    (text, files)
}

/// When tests record attendance or mark an event held through the store: 120 days after the
/// test clock's start, after every event they use has begun (attendance opens on an event's
/// day; an event is held once it has begun).
pub fn after_events_began(app: &testkit::TestApp) -> i64 {
    app.clock_now() + 120 * 86_400
}

/// The personal links (`/lv/<path>/<secret>`) in the outbox's mails of one kind, with
/// their recipients, newest first.
pub async fn mail_links(app: &testkit::TestApp, kind: &str, path: &str) -> Vec<(String, String)> {
    let (mails, _) = ok(store::outbox::list(&app.db, 0).await);
    mails
        .into_iter()
        .filter(|m| m.kind == kind)
        .filter_map(|m| {
            let at = m.body.find(path)?;
            let link = m.body[at..].split_whitespace().next()?.to_owned();
            Some((m.to, format!("/lv{link}")))
        })
        .collect()
}

/// The version an edit form was loaded with (its hidden `version` field; issue 20, item 6).
pub fn form_version(html: &str) -> String {
    html.split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

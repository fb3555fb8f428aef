//! The one integration-test binary: every test runs the real HTTP stack on a fresh
//! SQLite file (see crates/testkit).

mod abuse;
mod admin;
mod api;
mod attendance;
mod auth;
mod browser;
mod cli;
mod crash;
mod demo;
mod directory;
mod documents;
mod events;
mod feedback;
mod headers;
mod i18n;
mod invitations;
mod layout;
mod mail;
mod matrix;
mod mediation;
mod minutes;
mod open_data;
mod plans;
mod practices;
mod properties;
mod registrations;
mod reports;
mod rounds;
mod screenshots;
mod second_factor;
mod sessions;
mod site;
mod snapshots;
mod stories;
mod territories;
mod transfer;

/// The value of a store call that must succeed in the test.
pub fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
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

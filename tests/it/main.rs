//! The one integration-test binary: every test runs the real HTTP stack on a fresh
//! SQLite file (see crates/testkit).

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
mod mail;
mod matrix;
mod minutes;
mod registrations;
mod territories;
mod transfer;

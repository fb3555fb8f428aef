//! Pure types and rules of Roma Platform: roles and permissions, password policy,
//! tokens, the injected clock. No database, no HTTP.

pub mod agent;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod dialogue;
pub mod directory;
pub mod event;
pub mod mediation;
pub mod notice;
pub mod participation;
pub mod password;
pub mod plan;
pub mod privacy;
pub mod privacy_notices;
pub mod processing;
pub mod retention;
pub mod sealed;
pub mod site;
pub mod territory;
pub mod text;
pub mod token;
pub mod totp;
pub mod user;
pub mod vocabulary;

pub use clock::{Clock, ManualClock, SystemClock};

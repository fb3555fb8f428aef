//! The platform itself: signing in (password, second factor, passkeys, fresh sign-in), the
//! account page and API tokens, users and the audit log, health and readiness.

pub mod account;
pub mod admin;
pub mod api_tokens;
pub mod health;
pub mod login;
pub mod passkeys;
pub mod reauth;
pub mod second_factor;

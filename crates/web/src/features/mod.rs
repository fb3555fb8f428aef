//! The feature areas, as templates/ and locales/ group them. Each area keeps its pages and its
//! API handlers; an area uses the plumbing (`crate::http`, `crate::page`, `crate::principal`,
//! `crate::i18n`, …) and its own files only — never another area's (tests/it/layout.rs).

pub mod dialogue;
pub mod directory;
pub mod events;
pub mod mediation;
pub mod plans;
pub mod platform;
pub mod privacy;
pub mod reports;
pub mod site;

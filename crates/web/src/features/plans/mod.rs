//! The plan: plans, measures, indicators, reporting rounds, the policy view and plan import.

pub mod api;
pub mod indicators;
pub mod measures;
pub mod plan;
pub mod plan_import;
pub mod policy;
pub mod rounds;

//! The plumbing every area uses, and no area owns: errors and problem+json, form parsing,
//! the notice after a redirect, files kept and served, lists and reports as downloads,
//! tables read from uploads, feeds, the pre-login cookie, dates, shared choosers. Nothing
//! here imports a feature area.

pub mod choices;
pub mod confirm;
pub mod dates;
pub mod error;
pub mod feeds;
pub mod files;
pub mod forms;
pub mod idempotency;
pub mod notice;
pub mod paging;
pub mod preconditions;
pub mod prelogin;
pub mod problem;
pub mod registry;
pub mod report_file;
pub mod stale;
pub mod tables;

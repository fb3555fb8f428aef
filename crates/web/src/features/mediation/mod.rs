//! Roma mediation: families and their case log, supervision and handovers, monthly reports, aggregate figures and data-subject rights.

pub mod case_log;
pub mod families;
pub mod figures;
pub mod handovers;
pub mod month_reports;
pub mod subject_rights;
pub mod supervision;
pub mod supervisors;

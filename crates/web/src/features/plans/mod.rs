//! The plan: plans, measures, indicators, reporting rounds, the policy view and plan import.

pub mod api;
pub mod indicators;
pub mod measures;
pub mod plan;
pub mod plan_import;
pub mod policy;
pub mod rounds;

use crate::http::registry::{Access, Registry};

/// The plans area's routes, each with the access it needs (added to the one registry, which
/// the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/policy", Public, policy::index);
    r.get("/{lang}/policy/{id}", Public, policy::plan);
    r.get("/{lang}/policy/measures/{id}", Public, policy::measure);
    r.get("/{lang}/plans", Page(ViewPlans), plan::list);
    r.get("/{lang}/plans/new", Page(ManagePlans), plan::new_form);
    r.post("/{lang}/plans", Page(ManagePlans), plan::create);
    r.get("/{lang}/plans/template.csv", Page(ManagePlans), plan_import::template);
    r.get("/{lang}/plans/{id}", Page(ViewPlans), plan::detail);
    r.get("/{lang}/plans/{id}/export.xlsx", Page(ViewPlans), plan_import::export_plan);
    r.get("/{lang}/plans/{id}/import", Page(ManagePlans), plan_import::form);
    r.post("/{lang}/plans/{id}/import", Page(ManagePlans), plan_import::upload);
    r.get("/{lang}/plans/{id}/import/{item}", Page(ManagePlans), plan_import::preview);
    r.post("/{lang}/plans/{id}/import/{item}/confirm", Page(ManagePlans), plan_import::confirm);
    r.get("/{lang}/plans/{id}/edit", Page(ManagePlans), plan::edit_form);
    r.post("/{lang}/plans/{id}", Page(ManagePlans), plan::update);
    r.post("/{lang}/plans/{id}/tasks", Page(ManagePlans), plan::add_task);
    r.get("/{lang}/plans/{id}/measures/new", Page(ManagePlans), measures::new_form);
    r.post("/{lang}/plans/{id}/measures", Page(ManagePlans), measures::create);
    r.get("/{lang}/measures/{id}", Page(ViewPlans), measures::detail);
    r.get("/{lang}/measures/{id}/edit", Page(ManagePlans), measures::edit_form);
    r.post("/{lang}/measures/{id}", Page(ManagePlans), measures::update);
    r.get("/{lang}/plans/{id}/indicators/new", Page(ManagePlans), indicators::new_form);
    r.post("/{lang}/plans/{id}/indicators", Page(ManagePlans), indicators::create);
    r.get("/{lang}/indicators/{id}", Page(ViewPlans), indicators::detail);
    r.get("/{lang}/indicators/{id}/edit", Page(ManagePlans), indicators::edit_form);
    r.post("/{lang}/indicators/{id}", Page(ManagePlans), indicators::update);
    r.post("/{lang}/indicators/{id}/values", Page(ManagePlans), indicators::set_value);
    r.get("/{lang}/plans/{id}/rounds/new", Page(ManagePlans), rounds::new_round);
    r.post("/{lang}/plans/{id}/rounds", Page(ManagePlans), rounds::open_round);
    r.get("/{lang}/rounds/{id}", Page(ManagePlans), rounds::board);
    r.get("/{lang}/rounds/{id}/export.xlsx", Page(ManagePlans), plan_import::export_round);
    r.post("/{lang}/rounds/{id}/remind", Page(ManagePlans), rounds::remind);
    r.post("/{lang}/rounds/{id}/close", Page(ManagePlans), rounds::close);
    r.get("/{lang}/reports", Page(ReportProgress), rounds::my_reports);
    r.get("/{lang}/reports/{id}", Page(ReportProgress), rounds::report);
    r.post("/{lang}/reports/{id}", Page(ReportProgress), rounds::save);
    r.post("/{lang}/reports/{id}/review", Page(ManagePlans), rounds::review);
    r.post("/{lang}/reports/{id}/files", Page(ReportProgress), rounds::add_file);
    r.get("/{lang}/reports/{id}/files/{item}", Page(ReportProgress), rounds::file);
    r.post("/{lang}/reports/{id}/files/{item}/remove", Page(ReportProgress), rounds::remove_file);
    r.get("/api/v1/plans", Api(ViewPlans), api::plans);
    r.get("/api/v1/measures", Api(ViewPlans), api::measures);
    r.get("/api/v1/indicators", Api(ViewPlans), api::indicators);
    r.post("/api/v1/rounds/{id}/submissions", Api(ReportProgress), api::submit);
}

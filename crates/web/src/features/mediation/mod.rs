//! Roma mediation: families and their case log, supervision and handovers, monthly reports, aggregate figures and data-subject rights.

pub mod case_log;
pub mod families;
pub mod figures;
pub mod handovers;
pub mod month_reports;
pub mod subject_rights;
pub mod supervision;
pub mod supervisors;

use crate::http::registry::{Access, Registry};

/// The mediation area's routes, each with the access it needs (added to the one registry, which
/// the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/mediation", Page(WorkCases), families::families);
    r.post("/{lang}/mediation/families", Page(WorkCases), families::create_family);
    r.get("/{lang}/mediation/families/{id}", Page(WorkCases), families::family);
    r.post("/{lang}/mediation/families/{id}/members", Page(WorkCases), families::add_member);
    r.post("/{lang}/mediation/families/{id}/contacts", Page(WorkCases), families::add_contact);
    r.post("/{lang}/mediation/families/{id}/consents", Page(WorkCases), case_log::add_consent);
    r.post(
        "/{lang}/mediation/families/{id}/consents/{consent}/withdraw",
        Page(WorkCases),
        case_log::withdraw_consent,
    );
    r.post("/{lang}/mediation/families/{id}/referrals", Page(WorkCases), case_log::add_referral);
    r.post(
        "/{lang}/mediation/families/{id}/referrals/{referral}",
        Page(WorkCases),
        case_log::update_referral,
    );
    r.post("/{lang}/mediation/families/{id}/followups", Page(WorkCases), case_log::add_followup);
    r.post(
        "/{lang}/mediation/families/{id}/followups/{followup}",
        Page(WorkCases),
        case_log::set_followup_result,
    );
    r.post("/{lang}/mediation/families/{id}/status", Page(WorkCases), case_log::set_status);
    r.get(
        "/{lang}/mediation/families/{id}/members/{member}/export",
        Page(WorkCases),
        subject_rights::export,
    );
    r.post(
        "/{lang}/mediation/families/{id}/members/{member}/erase",
        Page(WorkCases),
        subject_rights::erase_member,
    );
    r.post("/{lang}/mediation/families/{id}/erase", Page(WorkCases), subject_rights::erase_family);
    r.get("/{lang}/mediation/assignments", Page(ManageMediation), families::assignments);
    r.post(
        "/{lang}/mediation/assignments/export",
        Page(ManageMediation),
        families::export_assignments,
    );
    r.get("/{lang}/mediation/supervision", Page(ManageMediation), supervision::page);
    r.get("/{lang}/mediation/retention", Page(ManageMediation), supervision::retention);
    r.get("/{lang}/mediation/reports", Page(WorkCases), month_reports::page);
    r.post("/{lang}/mediation/reports", Page(WorkCases), month_reports::submit);
    r.post("/{lang}/mediation/reports/download", Page(WorkCases), month_reports::download);
    r.get(
        "/{lang}/mediation/supervision/reports",
        Page(ManageMediation),
        month_reports::supervised,
    );
    r.post(
        "/{lang}/mediation/supervision/reports/{id}/download",
        Page(ManageMediation),
        month_reports::supervised_download,
    );
    r.get(
        "/{lang}/mediation/supervision/families/{id}",
        Page(ManageMediation),
        supervision::reason_form,
    );
    r.post(
        "/{lang}/mediation/supervision/families/{id}",
        Page(ManageMediation),
        supervision::open,
    );
    r.get("/{lang}/mediation/figures", Page(ViewMediationFigures), figures::page);
    r.get("/{lang}/mediation/figures/report", Page(ViewMediationFigures), figures::report);
    r.post("/{lang}/mediation/assignments", Page(ManageMediation), families::add_assignment);
    r.post(
        "/{lang}/mediation/assignments/{id}/end",
        Page(ManageMediation),
        families::end_assignment,
    );
    r.get(
        "/{lang}/mediation/assignments/{id}/supervisor",
        Page(ManageMediation),
        supervisors::page,
    );
    r.post(
        "/{lang}/mediation/assignments/{id}/supervisor",
        Page(ManageMediation),
        supervisors::propose,
    );
    r.post(
        "/{lang}/mediation/assignments/{id}/supervisor/decide",
        Page(ManageMediation),
        supervisors::decide,
    );
    r.get("/{lang}/mediation/handover", Page(ManageMediation), handovers::page);
    r.post("/{lang}/mediation/handover", Page(ManageMediation), handovers::propose);
    r.post(
        "/{lang}/mediation/handover/{id}/decide",
        Page(ManageMediation),
        handovers::decide,
    );
    r.get(
        "/api/v1/statistics/mediation",
        Api(ViewMediationFigures),
        figures::api,
    );
}

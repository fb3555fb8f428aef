//! Dialogue (issue 21): needs and questions raised by Roma communities and answered by the
//! responsible institutions (needs.rs, in the workspace; questions.rs, the public form and
//! the answered questions made public; need_mail.rs, the mail each step sends), and the
//! directory of services and opportunities families are referred to (services.rs), and
//! consultations on draft documents (consultations.rs).

pub mod consultations;
pub mod need_mail;
pub mod needs;
pub mod questions;
pub mod services;

use crate::http::registry::{Access, Registry};

/// The dialogue area's routes, each with the access it needs (added to the one registry,
/// which the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/needs", Page(RaiseNeeds), needs::list);
    r.post("/{lang}/needs", Page(RaiseNeeds), needs::create);
    r.get("/{lang}/needs/new", Page(RaiseNeeds), needs::new_form);
    r.get("/{lang}/needs/{id}", Page(RaiseNeeds), needs::detail);
    r.post("/{lang}/needs/{id}/assign", Page(ManageNeeds), needs::assign);
    r.post("/{lang}/needs/{id}/answer", Page(RaiseNeeds), needs::answer);
    r.post("/{lang}/needs/{id}/close", Page(ManageNeeds), needs::close);
    r.post("/{lang}/needs/{id}/merge", Page(ManageNeeds), needs::merge);
    r.post("/{lang}/needs/{id}/publish", Page(ManageNeeds), needs::publish);
    r.post("/{lang}/needs/{id}/withdraw", Page(ManageNeeds), needs::withdraw);
    r.post("/{lang}/needs/{id}/link", Page(ManageNeeds), needs::link);
    // The public side: anyone asks; answered questions made public, searchable, in a feed.
    r.get("/{lang}/questions", Public, questions::list);
    r.get("/{lang}/questions.atom", Public, questions::atom);
    r.get("/{lang}/questions/ask", Public, questions::ask_form);
    r.post("/{lang}/questions/ask", Guest, questions::ask);
    r.get("/{lang}/questions/{id}", Public, questions::item);
    // Services and opportunities: kept in the workspace, public while in force, in the API.
    r.get("/{lang}/services/manage", Page(MaintainServices), services::manage);
    r.get("/{lang}/services/manage/{id}/edit", Page(MaintainServices), services::form);
    r.post("/{lang}/services/manage/{id}/edit", Page(MaintainServices), services::save);
    r.post("/{lang}/services/manage/{id}/withdraw", Page(MaintainServices), services::withdraw);
    r.post("/{lang}/services/manage/{id}/restore", Page(MaintainServices), services::restore);
    r.get("/{lang}/services", Public, services::list);
    r.get("/{lang}/services/{id}", Public, services::item);
    r.get("/api/v1/services", Public, services::api);
    // Consultations: prepared and moderated by coordinators, public once published.
    r.get("/{lang}/consultations/manage", Page(ManageConsultations), consultations::manage);
    r.get("/{lang}/consultations/manage/{id}/edit", Page(ManageConsultations), consultations::form);
    r.post("/{lang}/consultations/manage/{id}/edit", Page(ManageConsultations), consultations::save);
    r.post("/{lang}/consultations/manage/{id}/publish", Page(ManageConsultations), consultations::publish);
    r.post("/{lang}/consultations/manage/{id}/comments/{comment}/hide", Page(ManageConsultations), consultations::hide);
    r.post("/{lang}/consultations/manage/{id}/comments/{comment}/answer", Page(ManageConsultations), consultations::answer);
    r.post("/{lang}/consultations/manage/{id}/summary", Page(ManageConsultations), consultations::summarise);
    r.get("/{lang}/consultations", Public, consultations::list);
    r.get("/{lang}/consultations/{id}", Public, consultations::item);
    r.post("/{lang}/consultations/{id}/comments", Guest, consultations::comment);
}

//! Privacy outside mediation: the register of personal-data breaches (breaches.rs), with its
//! 72-hour deadline for notifying the supervisory authority, and the register of people's
//! requests about their data (requests.rs), with its one-month deadline.

pub mod breaches;
pub mod requests;

use crate::http::registry::{Access, Registry};

/// The privacy area's routes, each with the access it needs (added to the one registry,
/// which the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/privacy/breaches", Page(ManageBreaches), breaches::list);
    r.post("/{lang}/privacy/breaches", Page(ManageBreaches), breaches::create);
    r.get("/{lang}/privacy/breaches/new", Page(ManageBreaches), breaches::new_form);
    r.post("/{lang}/privacy/breaches/export", Page(ManageBreaches), breaches::export);
    r.get("/{lang}/privacy/breaches/{id}", Page(ManageBreaches), breaches::detail);
    r.post("/{lang}/privacy/breaches/{id}", Page(ManageBreaches), breaches::update);
    r.get("/{lang}/privacy/requests", Page(ManageSubjectRequests), requests::list);
    r.post("/{lang}/privacy/requests", Page(ManageSubjectRequests), requests::create);
    r.get("/{lang}/privacy/requests/new", Page(ManageSubjectRequests), requests::new_form);
    r.post("/{lang}/privacy/requests/export", Page(ManageSubjectRequests), requests::export);
    r.get("/{lang}/privacy/requests/{id}", Page(ManageSubjectRequests), requests::detail);
    r.post("/{lang}/privacy/requests/{id}", Page(ManageSubjectRequests), requests::update);
}

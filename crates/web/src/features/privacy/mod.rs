//! Privacy outside mediation: the register of personal-data breaches (breaches.rs), with its
//! 72-hour deadline for notifying the supervisory authority, the register of people's
//! requests about their data (requests.rs), with its one-month deadline, and the data
//! protection officer's overview of a month (overview.rs), and the notices and consent texts
//! with their versions and the consents to renew after a material change (notices.rs). The officer reads the registers;
//! those who keep them change them.

pub mod breaches;
pub mod notices;
pub mod overview;
pub mod requests;

use crate::http::registry::{Access, Registry};

/// The privacy area's routes, each with the access it needs (added to the one registry,
/// which the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/privacy/overview", Page(ViewPrivacy), overview::page);
    r.get("/{lang}/privacy/notices", Page(ViewPrivacy), notices::page);
    r.get("/{lang}/privacy/breaches", Page(ViewPrivacy), breaches::list);
    r.post("/{lang}/privacy/breaches", Page(ManageBreaches), breaches::create);
    r.get("/{lang}/privacy/breaches/new", Page(ManageBreaches), breaches::new_form);
    r.post("/{lang}/privacy/breaches/export", Page(ViewPrivacy), breaches::export);
    r.get("/{lang}/privacy/breaches/{id}", Page(ViewPrivacy), breaches::detail);
    r.post("/{lang}/privacy/breaches/{id}", Page(ManageBreaches), breaches::update);
    r.get("/{lang}/privacy/requests", Page(ViewPrivacy), requests::list);
    r.post("/{lang}/privacy/requests", Page(ManageSubjectRequests), requests::create);
    r.get("/{lang}/privacy/requests/new", Page(ManageSubjectRequests), requests::new_form);
    r.post("/{lang}/privacy/requests/export", Page(ViewPrivacy), requests::export);
    r.get("/{lang}/privacy/requests/{id}", Page(ViewPrivacy), requests::detail);
    r.post("/{lang}/privacy/requests/{id}", Page(ManageSubjectRequests), requests::update);
}

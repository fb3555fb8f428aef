//! Privacy outside mediation: the register of personal-data breaches (breaches.rs), with its
//! 72-hour deadline for notifying the supervisory authority.

pub mod breaches;

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
}

//! Dialogue (issue 21): needs and questions raised by Roma communities and answered by the
//! responsible institutions (needs.rs, in the workspace; questions.rs, the public form and
//! the answered questions made public; need_mail.rs, the mail each step sends).

pub mod need_mail;
pub mod needs;
pub mod questions;

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
}

//! The directory: territories, organisations, people, their import and export, merges, and
//! the public directory. What its pages share: who may see whose contacts.

pub mod api;
pub mod organisations;
pub mod people;
pub mod person_rights;
pub mod public_directory;
pub mod territories;
pub mod transfer;

use domain::auth::Permission;

use crate::AppState;
use crate::http::error::AppResult;
use crate::principal::CurrentUser;

/// Whether the user may see an organisation's contacts: directory managers, and the
/// organisation's own people.
pub fn sees_org_contacts(user: &CurrentUser, organisation_id: i64) -> bool {
    user.can(Permission::ManageDirectory) || user.organisation_id == Some(organisation_id)
}

/// Whether the user may see a person's contacts: directory managers, and people of the
/// person's own organisation. A directory manager from outside the person's organisation
/// reads them on the record: the reading goes to the access log first (`place`: where),
/// when the person has any contacts to show.
pub async fn show_person_contacts(
    state: &AppState,
    user: &CurrentUser,
    person: &store::people::Person,
    place: domain::privacy::AccessPlace,
) -> AppResult<bool> {
    let own = match user.organisation_id {
        Some(o) => store::people::current_organisations(state.db(), person.id, state.today())
            .await?
            .contains(&o),
        None => false,
    };
    if own {
        return Ok(true);
    }
    if !user.can(Permission::ManageDirectory) {
        return Ok(false);
    }
    if !person.emails.is_empty() || person.phone.is_some() {
        user.record_reading(
            state,
            domain::privacy::AccessKind::Contacts,
            place.detail(),
            None,
            &[domain::privacy::person_subject(person.id)],
        )
        .await?;
    }
    Ok(true)
}

use crate::http::registry::{Access, Registry};

/// The directory area's routes, each with the access it needs (added to the one registry, which
/// the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/directory", Public, public_directory::page);
    r.get("/{lang}/territories", Page(UseWorkspace), territories::page);
    // Directory.
    r.get("/{lang}/organisations", Page(ViewDirectory), organisations::list);
    r.get("/{lang}/organisations/new", Page(ManageDirectory), organisations::new_form);
    r.post("/{lang}/organisations", Page(ManageDirectory), organisations::create);
    r.get("/{lang}/organisations/{id}", Page(ViewDirectory), organisations::detail);
    r.get("/{lang}/organisations/{id}/edit", Page(ManageDirectory), organisations::edit_form);
    r.post("/{lang}/organisations/{id}", Page(ManageDirectory), organisations::update);
    r.post("/{lang}/organisations/{id}/merge", Page(ManageDirectory), organisations::merge);
    r.post("/{lang}/organisations/{id}/listing", Page(ManageDirectory), public_directory::set_organisation);
    r.post("/{lang}/organisations/{id}/listing/withdraw", Page(ManageDirectory), public_directory::withdraw_organisation);
    r.get("/{lang}/people", Page(ViewDirectory), people::list);
    r.get("/{lang}/people/new", Page(ManageDirectory), people::new_form);
    r.get("/{lang}/people/import", Page(ManageDirectory), transfer::import_form);
    r.post("/{lang}/people/import", Page(ManageDirectory), transfer::import_upload);
    r.get("/{lang}/people/import/{id}", Page(ManageDirectory), transfer::import_preview);
    r.post("/{lang}/people/import/{id}/confirm", Page(ManageDirectory), transfer::import_confirm);
    r.post("/{lang}/people/export", Page(ViewDirectory), transfer::export_people);
    r.post("/{lang}/organisations/export", Page(ViewDirectory), transfer::export_organisations);
    r.get("/{lang}/organisations/import", Page(ManageDirectory), transfer::import_orgs_form);
    r.post("/{lang}/organisations/import", Page(ManageDirectory), transfer::import_orgs_upload);
    r.get("/{lang}/organisations/import/{id}", Page(ManageDirectory), transfer::import_orgs_preview);
    r.post("/{lang}/organisations/import/{id}/confirm", Page(ManageDirectory), transfer::import_orgs_confirm);
    r.post("/{lang}/people", Page(ManageDirectory), people::create);
    r.get("/{lang}/people/{id}", Page(ViewDirectory), people::detail);
    r.get("/{lang}/people/{id}/edit", Page(ManageDirectory), people::edit_form);
    r.post("/{lang}/people/{id}", Page(ManageDirectory), people::update);
    r.post("/{lang}/people/{id}/merge", Page(ManageDirectory), people::merge);
    r.post("/{lang}/people/{id}/listing", Page(ManageDirectory), public_directory::set_person);
    r.post("/{lang}/people/{id}/listing/withdraw", Page(ManageDirectory), public_directory::withdraw_person);
    r.post("/{lang}/people/{id}/memberships", Page(ManageDirectory), people::add_membership);
    r.post("/{lang}/people/{id}/memberships/{mid}/end", Page(ManageDirectory), people::end_membership);
    r.post("/{lang}/people/{id}/roma-identity", Page(RecordRomaIdentity), people::record_roma);
    r.post("/{lang}/people/{id}/roma-identity/withdraw", Page(RecordRomaIdentity), people::withdraw_roma);
    r.post("/{lang}/people/{id}/roma-identity/show", Page(ViewRomaIdentity), people::show_roma);
    r.get("/{lang}/people/{id}/access", Page(ViewAuditLog), people::access_report);
    // Made on request and on the record (access and audit log): a POST, as every export.
    r.post("/{lang}/people/{id}/data", Page(ManageDirectory), person_rights::page);
    r.post("/{lang}/people/{id}/data.json", Page(ManageDirectory), person_rights::json);
    // Someone known only by the address on their request (no registry person has it).
    r.post("/{lang}/privacy/requests/{id}/data", Page(ManageSubjectRequests), person_rights::address_page);
    r.post("/{lang}/privacy/requests/{id}/data.json", Page(ManageSubjectRequests), person_rights::address_json);
    r.post("/{lang}/privacy/requests/{id}/erase-address", Page(ManageSubjectRequests), person_rights::erase_address);
    r.get("/{lang}/people/{id}/restriction", Page(ManageSubjectRequests), person_rights::restriction_form);
    r.post("/{lang}/people/{id}/restriction", Page(ManageSubjectRequests), person_rights::restrict);
    r.post("/{lang}/people/{id}/restriction/lift", Page(ManageSubjectRequests), person_rights::lift_restriction);
    r.get("/{lang}/people/{id}/erase", Page(ManageSubjectRequests), person_rights::erase_form);
    r.post("/{lang}/people/{id}/erase", Page(ManageSubjectRequests), person_rights::erase);
    r.get("/api/v1/territories", Api(UseWorkspace), territories::api_list);
    r.get("/api/v1/organisations", Api(ViewDirectory), api::list_orgs);
    r.post("/api/v1/organisations", Api(ManageDirectory), api::create_org);
    r.get("/api/v1/organisations/{id}", Api(ViewDirectory), api::get_org);
    r.patch("/api/v1/organisations/{id}", Api(ManageDirectory), api::patch_org);
    r.get("/api/v1/people", Api(ViewDirectory), api::list_people);
    r.post("/api/v1/people", Api(ManageDirectory), api::create_person);
    r.get("/api/v1/people/{id}", Api(ViewDirectory), api::get_person);
    r.patch("/api/v1/people/{id}", Api(ManageDirectory), api::patch_person);
}

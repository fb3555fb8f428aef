//! The directory: territories, organisations, people, their import and export, merges, and
//! the public directory. What its pages share: who may see whose contacts.

pub mod api;
pub mod organisations;
pub mod people;
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
/// same organisation (today).
pub async fn sees_person_contacts(
    state: &AppState,
    user: &CurrentUser,
    person_id: i64,
) -> AppResult<bool> {
    if user.can(Permission::ManageDirectory) {
        return Ok(true);
    }
    let Some(own) = user.organisation_id else {
        return Ok(false);
    };
    Ok(
        store::people::current_organisations(state.db(), person_id, state.today())
            .await?
            .contains(&own),
    )
}

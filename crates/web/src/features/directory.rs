//! What the organisation and people pages share: the territory chooser, the filters'
//! choices, who may see whose contacts, and small parsers.

use domain::auth::Permission;
use domain::directory::OrgKind;
use domain::territory::PlanningRegion;

use crate::AppState;
use crate::http::error::AppResult;
use crate::principal::CurrentUser;

/// The kinds of organisation with their message ids, for choosers.
pub fn org_kinds() -> Vec<(&'static str, &'static str)> {
    OrgKind::ALL
        .iter()
        .map(|k| (k.as_str(), k.label_key()))
        .collect()
}

/// The planning regions with their message ids, for choosers.
pub fn regions() -> Vec<(&'static str, &'static str)> {
    PlanningRegion::ALL
        .iter()
        .map(|r| (r.as_str(), r.label_key()))
        .collect()
}

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

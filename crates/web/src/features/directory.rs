//! What the organisation and people pages share: the territory chooser, the filters'
//! choices, who may see whose contacts, and small parsers.

use domain::auth::Permission;
use domain::directory::OrgKind;
use domain::territory::{Kind, PlanningRegion};
use domain::text::TextProblem;
use jiff::civil::Date;

use crate::AppState;
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::principal::CurrentUser;

/// A group of territory choices: (group message id, [(id, name)]).
pub type TerritoryGroups = Vec<(&'static str, Vec<(i64, String)>)>;

/// The territory chooser's options, grouped, in the page's language.
pub async fn territory_groups(state: &AppState, lang: Lang) -> AppResult<TerritoryGroups> {
    let places = store::territories::pickable(state.db(), state.today()).await?;
    let mut groups: TerritoryGroups = vec![
        ("territory-group-state-cities", Vec::new()),
        ("territory-group-municipalities", Vec::new()),
        ("territory-group-towns", Vec::new()),
        ("territory-group-abroad", Vec::new()),
    ];
    for (kind, id, lv, en) in places {
        let i = match kind {
            Kind::StateCity => 0,
            Kind::Municipality => 1,
            Kind::Town => 2,
            _ => 3,
        };
        let name = match (lang, en) {
            (Lang::En, Some(en)) if kind == Kind::Foreign => en,
            _ => lv,
        };
        if let Some(g) = groups.get_mut(i) {
            g.1.push((id, name));
        }
    }
    Ok(groups)
}

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

/// A form field's value that does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

/// An optional id from a form field: empty is `None`, anything but a positive integer is
/// an error.
pub fn optional_id(raw: &str) -> Result<Option<i64>, Invalid> {
    match raw.trim() {
        "" => Ok(None),
        s => s
            .parse::<i64>()
            .ok()
            .filter(|i| *i > 0)
            .map(Some)
            .ok_or(Invalid),
    }
}

/// An optional date (YYYY-MM-DD) from a form field.
pub fn optional_date(raw: &str) -> Result<Option<Date>, Invalid> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse::<Date>().map(Some).map_err(|_| Invalid),
    }
}

/// An optional single line of text: trimmed, empty is `None`, at most `max` characters, no
/// line breaks, control characters or hidden direction controls.
pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, TextProblem> {
    let s = raw.trim();
    domain::text::check_text(s, max, false)?;
    Ok(Some(s.to_owned()).filter(|s| !s.is_empty()))
}

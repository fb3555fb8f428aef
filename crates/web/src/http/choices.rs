//! Choosers that pages in several areas offer: territories (grouped), kinds of organisation,
//! planning regions.

use domain::directory::OrgKind;
use domain::territory::{Kind, PlanningRegion};

use crate::AppState;
use crate::http::error::AppResult;
use crate::i18n::Lang;

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

//! The mail a need's steps send: to whoever raised it (the address they gave with consent,
//! or their account), at each step; to the users of the institution it is given to.

use fluent_bundle::FluentValue;

use crate::AppState;
use crate::http::error::AppResult;
use crate::i18n::{self, Lang};

/// A step the raiser is told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Raised,
    Assigned,
    Answered,
    Closed,
    Merged,
    Published,
}

impl Step {
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Step::Raised => ("mail-need-raised-subject", "mail-need-raised-body"),
            Step::Assigned => ("mail-need-assigned-subject", "mail-need-assigned-body"),
            Step::Answered => ("mail-need-answered-subject", "mail-need-answered-body"),
            Step::Closed => ("mail-need-closed-subject", "mail-need-closed-body"),
            Step::Merged => ("mail-need-merged-subject", "mail-need-merged-body"),
            Step::Published => ("mail-need-published-subject", "mail-need-published-body"),
        }
    }
}

/// What a step's mail says besides the need's number and title: the institution, the answer
/// day, the answer or reason, the other need's number, the public page.
#[derive(Debug, Clone, Default)]
pub struct Said {
    pub organisation: String,
    pub due_on: Option<jiff::civil::Date>,
    pub text: String,
    pub other: i64,
    /// A path after the language ("/questions/7").
    pub path: String,
}

fn message(
    state: &AppState,
    lang: Lang,
    keys: (&str, &str),
    id: i64,
    title: &str,
    said: &Said,
) -> store::outbox::Outgoing {
    let base = state.settings().public_url.trim_end_matches('/');
    let args = [
        ("number", FluentValue::from(id.to_string())),
        ("title", FluentValue::from(title.to_owned())),
        ("organisation", FluentValue::from(said.organisation.clone())),
        (
            "date",
            FluentValue::from(said.due_on.map(|d| i18n::day(lang, d)).unwrap_or_default()),
        ),
        ("text", FluentValue::from(said.text.clone())),
        ("other", FluentValue::from(said.other.to_string())),
        (
            "link",
            FluentValue::from(format!("{base}/{}{}", lang.code(), said.path)),
        ),
    ];
    store::outbox::Outgoing {
        kind: "need".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(lang, keys.0, &args),
        body: i18n::t_args(lang, keys.1, &args),
    }
}

/// The mail telling the raiser of a step (none when they gave no address to write to).
pub async fn to_raiser(
    state: &AppState,
    need: &store::needs::Need,
    step: Step,
    said: &Said,
) -> AppResult<Vec<(String, store::outbox::Outgoing)>> {
    let Some((to, lang)) = store::needs::raiser_address(state.db(), need).await? else {
        return Ok(Vec::new());
    };
    let lang = Lang::parse(&lang).unwrap_or(Lang::Lv);
    Ok(vec![(
        to,
        message(state, lang, step.keys(), need.id, &need.input.title, said),
    )])
}

/// The mail to a new need's raiser, before it has an id in the store (the id comes with
/// the insert): the address and language as typed.
pub fn raised(
    state: &AppState,
    to: &str,
    lang: Lang,
    id: i64,
    title: &str,
) -> (String, store::outbox::Outgoing) {
    (
        to.to_owned(),
        message(
            state,
            lang,
            Step::Raised.keys(),
            id,
            title,
            &Said::default(),
        ),
    )
}

/// The mail to each user of the institution a need is given to.
pub async fn to_institution(
    state: &AppState,
    need: &store::needs::Need,
    organisation: i64,
    said: &Said,
) -> AppResult<Vec<(String, store::outbox::Outgoing)>> {
    let said = Said {
        path: format!("/needs/{}", need.id),
        ..said.clone()
    };
    Ok(
        store::needs::institution_addresses(state.db(), organisation)
            .await?
            .into_iter()
            .map(|(to, lang)| {
                let lang = Lang::parse(&lang).unwrap_or(Lang::Lv);
                let m = message(
                    state,
                    lang,
                    (
                        "mail-need-institution-subject",
                        "mail-need-institution-body",
                    ),
                    need.id,
                    &need.input.title,
                    &said,
                );
                (to, m)
            })
            .collect(),
    )
}

//! `GET /{lang}/privacy/notices`: the privacy notice and each consent text with their
//! versions (`domain::privacy_notices`) — when each took effect, whether it was material and
//! what changed, the current text — and, after a material change, the consents in force
//! that rest on an earlier version, to renew. Names are shown to those who keep the records
//! they come from (the directory, events); the data protection officer sees how many, and
//! mediation's consents are only counted here (the mediator sees them in the case).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use domain::auth::Permission;
use domain::privacy_notices::{NOTICES, Notice, NoticeKind};
use store::consent_renewals::{self as renewals, RegistrationText, Renewal};

use crate::AppState;
use crate::http::error::AppResult;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

/// What a notice's renewal section shows.
enum Renew {
    /// The notice informs; no consent rests on it.
    NoConsents,
    /// No version is material after the first: nothing to renew.
    Nothing,
    /// The consents to renew, named.
    Named(Vec<Renewal>),
    /// How many, for a reader who does not keep these records.
    Counted(usize),
}

struct Section {
    notice: &'static Notice,
    /// The current text: each message in the reader's language.
    text: Vec<String>,
    renew: Renew,
}

#[derive(Template)]
#[template(path = "privacy/notices.html")]
struct NoticesPage {
    ctx: PageCtx,
    sections: Vec<Section>,
}

impl NoticesPage {
    fn day(&self, iso: &str) -> String {
        iso.parse::<jiff::civil::Date>()
            .map(|d| self.ctx.day(&d))
            .unwrap_or_else(|_| iso.to_owned())
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPrivacy)?;
    let lang = ctx.lang;
    let mut sections = Vec::new();
    for notice in NOTICES {
        let renew = match (notice.kind, notice.standing()) {
            (NoticeKind::Privacy, _) => Renew::NoConsents,
            (_, None) => Renew::Nothing,
            (kind, Some(standing)) => {
                let db = state.db();
                let (list, names) = match kind {
                    NoticeKind::Registration | NoticeKind::Statistics => (
                        renewals::registrations(
                            db,
                            state.now(),
                            if kind == NoticeKind::Registration {
                                RegistrationText::Notice
                            } else {
                                RegistrationText::Statistics
                            },
                            &standing,
                            lang.code(),
                        )
                        .await?,
                        user.can(Permission::ManageEvents),
                    ),
                    NoticeKind::RomaIdentity => (
                        renewals::roma_identity(db, &standing).await?,
                        user.can(Permission::ViewRomaIdentity),
                    ),
                    NoticeKind::Listing => (
                        renewals::listings(db, &standing, lang.code()).await?,
                        user.can(Permission::ManageDirectory),
                    ),
                    _ => (Vec::new(), false),
                };
                if kind == NoticeKind::Mediation {
                    Renew::Counted(
                        usize::try_from(renewals::mediation_count(db, &standing).await?)
                            .unwrap_or_default(),
                    )
                } else if names {
                    Renew::Named(list)
                } else {
                    Renew::Counted(list.len())
                }
            }
        };
        sections.push(Section {
            notice,
            text: notice
                .messages
                .iter()
                .map(|m| crate::i18n::t(lang, m))
                .collect(),
            renew,
        });
    }
    Ok(Html(NoticesPage { ctx, sections }.render()?))
}

/// The fingerprint of a notice's texts as shipped (Latvian, then English, message by
/// message): what its current version must record.
pub fn shipped_fingerprint(notice: &Notice) -> String {
    use crate::i18n::{Lang, t};
    let texts: Vec<String> = notice
        .messages
        .iter()
        .flat_map(|m| [t(Lang::Lv, m), t(Lang::En, m)])
        .collect();
    domain::privacy_notices::fingerprint(texts.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A notice's text cannot change without a new version: the catalogue's current
    /// fingerprint must be the texts' as shipped.
    #[test]
    fn every_notice_text_as_shipped_is_its_current_version() {
        let mut stale = Vec::new();
        for n in NOTICES {
            let now = shipped_fingerprint(n);
            if now != n.current().fingerprint {
                stale.push(format!(
                    "{:?}: the text changed since version {} — add a version to \
                     domain::privacy_notices (material or not, with what changed) with \
                     fingerprint \"{now}\"",
                    n.kind,
                    n.current().id
                ));
            }
        }
        assert!(stale.is_empty(), "{}", stale.join("\n"));
    }

    /// A paragraph added to the public notice is part of its versioned text: every message
    /// the page shows, but its headings and notes about the page, is in the catalogue.
    #[test]
    fn the_public_notice_shows_only_versioned_text() {
        let page = include_str!("../../../templates/public/privacy.html");
        let listed = domain::privacy_notices::PRIVACY.messages;
        let missing: Vec<&str> = page
            .split("ctx.t(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|id| {
                !id.ends_with("-title")
                    && !["privacy-review-note", "privacy-history"].contains(id)
                    && !listed.contains(id)
            })
            .collect();
        assert!(
            missing.is_empty(),
            "add to domain::privacy_notices::PRIVACY (a new version): {missing:?}"
        );
    }
}

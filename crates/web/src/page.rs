//! What every page template gets: the language, the current path (for the language
//! switcher), the user and their navigation, the CSRF token, and message lookup.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::auth::Permission;
use fluent_bundle::FluentValue;

use crate::AppError;
use crate::i18n::{self, Lang};
use crate::principal::CurrentUser;

/// Marks a request of an account that must still turn on its second factor.
#[derive(Debug, Clone, Copy)]
pub struct EnrolmentPending;

#[derive(Debug, Clone)]
pub struct NavItem {
    pub href: String,
    pub label_id: &'static str,
    pub current: bool,
}

#[derive(Debug, Clone)]
pub struct NavUser {
    pub name: String,
    pub role_label_id: &'static str,
}

/// The platform's public address (the `public_url` setting, without a trailing slash), put
/// into every request's extensions for the pages' absolute links (canonical, alternates).
#[derive(Debug, Clone)]
pub struct PublicBase(pub String);

#[derive(Debug, Clone)]
pub struct PageCtx {
    pub lang: Lang,
    /// The public address the absolute links start with ("" when unknown).
    pub base: String,
    /// The current path after the language prefix, with its query (`/login?next=…`).
    pub rest: String,
    pub user: Option<NavUser>,
    pub csrf: String,
    pub nav: Vec<NavItem>,
}

/// What a shared link shows (Open Graph) and the page's canonical address; absolute URLs
/// from the `public_url` setting.
#[derive(Debug, Clone, Default)]
pub struct Og {
    pub title: String,
    pub description: String,
    pub url: String,
    /// (absolute URL, alt text).
    pub image: Option<(String, String)>,
    /// "website" or "article".
    pub kind: &'static str,
}

/// The workspace navigation: (path after the language, message id, permission needed).
const NAV: &[(&str, &str, Permission)] = &[
    ("/workspace", "nav-workspace", Permission::UseWorkspace),
    ("/events", "nav-events", Permission::ViewEvents),
    ("/actions", "nav-actions", Permission::ViewEvents),
    ("/plans", "nav-plans", Permission::ViewPlans),
    ("/reports", "nav-reports", Permission::ReportProgress),
    (
        "/report-builder",
        "nav-report-builder",
        Permission::IssueReports,
    ),
    (
        "/practice-submissions",
        "nav-practices",
        Permission::SubmitPractice,
    ),
    ("/mediation", "nav-mediation", Permission::WorkCases),
    (
        "/mediation/reports",
        "nav-mediation-reports",
        Permission::WorkCases,
    ),
    (
        "/mediation/assignments",
        "nav-mediation-assignments",
        Permission::ManageMediation,
    ),
    (
        "/mediation/supervision",
        "nav-mediation-supervision",
        Permission::ManageMediation,
    ),
    (
        "/mediation/figures",
        "nav-mediation-figures",
        Permission::ViewMediationFigures,
    ),
    ("/needs", "nav-needs", Permission::RaiseNeeds),
    (
        "/services/manage",
        "nav-services",
        Permission::MaintainServices,
    ),
    (
        "/consultations/manage",
        "nav-consultations",
        Permission::ManageConsultations,
    ),
    ("/statistics", "nav-statistics", Permission::ViewStatistics),
    ("/site/news", "nav-news", Permission::ManageSite),
    ("/site/stories", "nav-stories", Permission::ManageSite),
    ("/site/pages", "nav-site-pages", Permission::ManageSite),
    (
        "/organisations",
        "nav-organisations",
        Permission::ViewDirectory,
    ),
    ("/people", "nav-people", Permission::ViewDirectory),
    ("/territories", "nav-territories", Permission::UseWorkspace),
    ("/admin/users", "nav-users", Permission::ManageUsers),
    ("/admin/audit", "nav-audit", Permission::ViewAuditLog),
    ("/privacy/overview", "nav-privacy", Permission::ViewPrivacy),
    ("/admin/outbox", "nav-outbox", Permission::ManageUsers),
    ("/admin/system", "nav-system", Permission::ManageUsers),
    ("/account", "nav-account", Permission::ManageOwnAccount),
];

impl PageCtx {
    /// A context without a user (error pages, which are rendered outside the handler).
    pub fn bare(lang: Lang, path: &str) -> PageCtx {
        PageCtx {
            lang,
            base: String::new(),
            rest: strip_lang(path).to_owned(),
            user: None,
            csrf: String::new(),
            nav: Vec::new(),
        }
    }

    pub fn new(lang: Lang, path_and_query: &str, user: Option<&CurrentUser>) -> PageCtx {
        let rest = strip_lang(path_and_query).to_owned();
        let path_only = rest.split('?').next().unwrap_or_default().to_owned();
        let nav = user
            .map(|u| {
                NAV.iter()
                    .filter(|(_, _, p)| u.can(*p))
                    .map(|(href, label_id, _)| NavItem {
                        href: format!("/{}{}", lang.code(), href),
                        label_id,
                        current: path_only == *href || path_only.starts_with(&format!("{href}/")),
                    })
                    .collect()
            })
            .unwrap_or_default();
        PageCtx {
            lang,
            base: String::new(),
            rest,
            user: user.map(|u| NavUser {
                name: u.name.clone(),
                role_label_id: u.role.label_key(),
            }),
            csrf: user.map(|u| u.csrf_token().to_owned()).unwrap_or_default(),
            nav,
        }
    }

    /// A message in the page's language.
    pub fn t(&self, id: &str) -> String {
        i18n::t(self.lang, id)
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &str, value: impl AsRef<str>) -> String {
        i18n::t_args(
            self.lang,
            id,
            &[(name, FluentValue::from(value.as_ref().to_owned()))],
        )
    }

    /// A message with one number argument (plurals).
    pub fn tn(&self, id: &str, name: &str, value: impl Into<Count>) -> String {
        i18n::t_args(self.lang, id, &[(name, FluentValue::from(value.into().0))])
    }

    /// A link within the site in the page's language: `href("/login")` → `/lv/login`.
    /// For a page that answers a POST (a confirmation step, a preview): the language switch
    /// leads to `rest` (a page one can GET), as the POST's address in the other language would
    /// not answer a GET.
    pub fn switch_to(&mut self, rest: &str) {
        self.rest = rest.to_owned();
    }

    /// The user guide's page for this one (the header's "Palīdzība").
    pub fn help_href(&self) -> String {
        self.href(&format!("/help/{}", help_page_for(&self.rest)))
    }

    pub fn href(&self, rest: &str) -> String {
        format!("/{}{}", self.lang.code(), rest)
    }

    /// This page's absolute address in a language, without its query: the canonical address
    /// and the language alternates ("" when the public address is not known).
    pub fn address_in(&self, lang: &str) -> String {
        if self.base.is_empty() {
            return String::new();
        }
        let path = self.rest.split('?').next().unwrap_or("/");
        format!("{}/{lang}{path}", self.base)
    }

    /// ` lang="lv"` (for `|safe`) on text kept only in Latvian shown on a page in another
    /// language — its English version `en` missing — so a screen reader reads it as
    /// Latvian; nothing otherwise.
    pub fn lv_only(&self, en: &Option<String>) -> &'static str {
        let missing = en.as_deref().is_none_or(|e| e.trim().is_empty());
        if self.lang != Lang::Lv && missing {
            " lang=\"lv\""
        } else {
            ""
        }
    }

    /// A static file's fingerprinted address (`crate::statics::url`).
    pub fn asset(&self, name: &str) -> String {
        crate::statics::url(name)
    }

    /// The same page in the other language.
    pub fn switch_href(&self) -> String {
        format!("/{}{}", self.lang.other().code(), self.rest)
    }

    pub fn other_lang(&self) -> &'static str {
        self.lang.other().code()
    }

    /// The other language's name, written in that language.
    pub fn other_lang_name(&self) -> String {
        i18n::t(self.lang.other(), "language-name")
    }

    pub fn datetime(&self, unix_seconds: &i64) -> String {
        i18n::datetime(self.lang, *unix_seconds)
    }

    /// A date as the page's language writes it.
    /// Who acted when it was not a signed-in user, in words: the platform itself, or someone
    /// through a personal link (any other label — the address tried at a failed sign-in —
    /// shows as is).
    pub fn actor_label(&self, label: &str) -> String {
        const ACTORS: &[(&str, &str)] = &[
            ("cli", "audit-actor-cli"),
            ("demo", "audit-actor-demo"),
            ("erasure list", "audit-actor-erasure-list"),
            ("invitee", "audit-actor-invitee"),
            ("public_form", "audit-actor-public-form"),
            ("registrant", "audit-actor-registrant"),
            ("retention", "audit-actor-retention"),
            ("scheduler", "audit-actor-scheduler"),
        ];
        ACTORS
            .iter()
            .find(|(c, _)| *c == label)
            .map_or_else(|| label.to_owned(), |(_, id)| self.t(id))
    }

    /// Where an access log record's reading was, in words (an export names its list).
    pub fn access_where(&self, detail: &str) -> String {
        domain::privacy::AccessPlace::of_detail(detail)
            .map_or_else(|| detail.to_owned(), |p| self.t(p.label_key()))
    }

    pub fn day(&self, d: &jiff::civil::Date) -> String {
        i18n::day(self.lang, *d)
    }

    pub fn number(&self, n: &i64) -> String {
        i18n::number(self.lang, *n)
    }
}

/// A count for a plural message, from whatever integer a template has.
#[derive(Debug, Clone, Copy)]
pub struct Count(pub i64);

impl From<usize> for Count {
    fn from(n: usize) -> Count {
        Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&usize> for Count {
    fn from(n: &usize) -> Count {
        Count::from(*n)
    }
}

impl From<i64> for Count {
    fn from(n: i64) -> Count {
        Count(n)
    }
}

impl From<&i64> for Count {
    fn from(n: &i64) -> Count {
        Count(*n)
    }
}

fn strip_lang(path: &str) -> &str {
    for lang in Lang::ALL {
        let prefix = format!("/{}", lang.code());
        if let Some(rest) = path.strip_prefix(prefix.as_str())
            && (rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'))
        {
            return match rest {
                "" => "/",
                r if r.starts_with('?') => {
                    // "/lv?x" has no page path: keep the home page.
                    "/"
                }
                r => r,
            };
        }
    }
    "/"
}

impl<S: Send + Sync> FromRequestParts<S> for PageCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path();
        let lang = Lang::in_path(path).ok_or(AppError::NotFound)?;
        let pq = parts.uri.path_and_query().map_or(path, |p| p.as_str());
        let user = parts.extensions.get::<CurrentUser>();
        let mut ctx = PageCtx::new(lang, pq, user);
        if let Some(PublicBase(base)) = parts.extensions.get::<PublicBase>() {
            ctx.base = base.clone();
        }
        // Until a required second factor is on, the workspace's menu leads nowhere.
        if parts.extensions.get::<EnrolmentPending>().is_some() {
            ctx.nav.clear();
        }
        Ok(ctx)
    }
}

/// The user guide's page (`/{lang}/help/{page}`) for a part of the platform, by its path
/// after the language: the header's "Palīdzība" link goes there.
pub fn help_page_for(rest: &str) -> &'static str {
    HELP_PAGES_BY_PREFIX
        .iter()
        .find(|(prefix, _)| rest.starts_with(prefix))
        .map_or("getting-around", |(_, page)| page)
}

/// The public site's menu: (path after the language, label).
pub const PUBLIC_NAV: &[(&str, &str)] = &[
    ("/calendar", "calendar-title"),
    ("/news", "news-title"),
    ("/stories", "stories-title"),
    ("/practices", "nav-practices"),
    ("/questions", "questions-title"),
    ("/services", "services-title"),
    ("/consultations", "consultations-title"),
    ("/policy", "policy-title"),
    ("/participation", "stats-title"),
    ("/directory", "public-directory-title"),
];

/// (path prefix after the language, page of the user guide).
pub const HELP_PAGES_BY_PREFIX: &[(&str, &str)] = &[
    ("/events", "events"),
    ("/needs", "dialogue"),
    ("/questions", "dialogue"),
    ("/services", "dialogue"),
    ("/consultations", "dialogue"),
    ("/calendar", "events"),
    ("/actions", "events"),
    ("/statistics", "events"),
    ("/invitations", "events"),
    ("/invitation/", "events"),
    ("/registration/", "events"),
    ("/people", "directory"),
    ("/organisations", "directory"),
    ("/territories", "directory"),
    ("/directory", "directory"),
    ("/imports", "directory"),
    ("/plans", "plans"),
    ("/measures", "plans"),
    ("/indicators", "plans"),
    ("/rounds", "plans"),
    ("/reports", "plans"),
    ("/policy", "plans"),
    ("/mediation", "mediation"),
    ("/site", "site"),
    ("/practice", "site"),
    ("/news", "site"),
    ("/stories", "site"),
    ("/report-builder", "reports"),
    ("/publications", "reports"),
    ("/participation", "reports"),
    ("/open-data", "reports"),
    ("/account", "platform"),
    ("/admin", "platform"),
    ("/login", "platform"),
    ("/password", "platform"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switcher_keeps_the_page() {
        let ctx = PageCtx::new(Lang::Lv, "/lv/login?next=%2Flv%2Faccount", None);
        assert_eq!(ctx.switch_href(), "/en/login?next=%2Flv%2Faccount");
        let ctx = PageCtx::new(Lang::En, "/en/", None);
        assert_eq!(ctx.switch_href(), "/lv/");
        assert_eq!(ctx.href("/login"), "/en/login");
    }
}

//! E-mail notices as work moves (`domain::notice`, `store::notices`): the scheduled step
//! that mails what was raised — one mail each, or a weekly digest on Monday morning — and
//! reminds registrants three days before their event; and each user's choice on the
//! account page.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::notice::NoticeKind;
use domain::token;
use fluent_bundle::FluentValue;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;
use crate::http::forms::AppForm;
use crate::i18n::{self, Lang};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    /// Notices raised because an action passed its due date.
    pub overdue_raised: u64,
    /// Mails with one notice each.
    pub single: usize,
    /// Weekly digests.
    pub digests: usize,
    /// Notices of a kind their recipient turned off (let go, never mailed).
    pub dropped: usize,
    /// Registrants reminded of an event three days away.
    pub reminders: usize,
}

/// The moment this week's digest is due: Monday 07:00 in Riga (last week's Monday when it
/// is earlier than that on a Monday).
pub fn digest_moment(now: i64) -> i64 {
    let today = domain::event::riga_date(now);
    let back = i64::from(today.weekday().to_monday_zero_offset());
    let at = |days: i64| {
        let monday = today
            .checked_sub(jiff::Span::new().days(days))
            .unwrap_or(today);
        domain::event::riga_instant(monday, jiff::civil::time(7, 0, 0, 0))
    };
    let this_week = at(back);
    if this_week <= now {
        this_week
    } else {
        at(back + 7)
    }
}

/// The message ids of a kind: its subject and the sentence that says what happened.
fn words(kind: NoticeKind) -> (&'static str, &'static str) {
    match kind {
        NoticeKind::ReportSubmitted => (
            "notice-subject-report-submitted",
            "notice-line-report-submitted",
        ),
        NoticeKind::ReportReturned => (
            "notice-subject-report-returned",
            "notice-line-report-returned",
        ),
        NoticeKind::ReportAccepted => (
            "notice-subject-report-accepted",
            "notice-line-report-accepted",
        ),
        NoticeKind::PracticeReturned => (
            "notice-subject-practice-returned",
            "notice-line-practice-returned",
        ),
        NoticeKind::PracticePublished => (
            "notice-subject-practice-published",
            "notice-line-practice-published",
        ),
        NoticeKind::ActionAssigned => (
            "notice-subject-action-assigned",
            "notice-line-action-assigned",
        ),
        NoticeKind::ActionOverdue => (
            "notice-subject-action-overdue",
            "notice-line-action-overdue",
        ),
        NoticeKind::EventReminder => (
            "notice-subject-event-reminder",
            "notice-line-event-reminder",
        ),
        NoticeKind::BreachDeadline => (
            "notice-subject-breach-deadline",
            "notice-line-breach-deadline",
        ),
    }
}

fn arg(v: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(v.into())
}

/// One notice as its own mail.
fn single_mail(base: &str, p: &store::notices::Pending) -> store::outbox::Outgoing {
    let lang = Lang::parse(&p.lang).unwrap_or(Lang::Lv);
    let (subject, line) = words(p.kind);
    let title = p.title(lang.code()).to_owned();
    store::outbox::Outgoing {
        kind: format!("notice_{}", p.kind.as_str()),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(lang, subject, &[("title", arg(title.clone()))]),
        body: i18n::t_args(
            lang,
            "notice-mail-body",
            &[
                ("name", arg(p.name.clone())),
                ("line", arg(i18n::t(lang, line))),
                ("title", arg(title)),
                ("link", arg(format!("{base}/{}{}", lang.code(), p.path))),
                (
                    "settings",
                    arg(format!("{base}/{}/account#notices-heading", lang.code())),
                ),
            ],
        ),
    }
}

/// A week's notices in one mail, grouped by kind.
fn digest_mail(base: &str, items: &[&store::notices::Pending]) -> Option<store::outbox::Outgoing> {
    let first = items.first()?;
    let lang = Lang::parse(&first.lang).unwrap_or(Lang::Lv);
    let mut sections = Vec::new();
    for kind in NoticeKind::ALL {
        let of_kind: Vec<_> = items.iter().filter(|p| p.kind == *kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let lines = of_kind
            .iter()
            .map(|p| {
                format!(
                    "- {} ({})\n  {base}/{}{}",
                    p.title(lang.code()),
                    i18n::datetime(lang, p.created_at),
                    lang.code(),
                    p.path
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        sections.push(format!("{}\n{lines}", i18n::t(lang, words(*kind).1)));
    }
    let count = i64::try_from(items.len()).unwrap_or(i64::MAX);
    Some(store::outbox::Outgoing {
        kind: "notice_digest".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(
            lang,
            "notice-digest-subject",
            &[("count", FluentValue::from(count))],
        ),
        body: i18n::t_args(
            lang,
            "notice-digest-body",
            &[
                ("name", arg(first.name.clone())),
                ("count", FluentValue::from(count)),
                ("items", arg(sections.join("\n\n"))),
                (
                    "settings",
                    arg(format!("{base}/{}/account#notices-heading", lang.code())),
                ),
            ],
        ),
    })
}

/// The reminder to a registrant, with a personal link of its own.
fn reminder_mail(r: &store::notices::Reminder, link: &str) -> store::outbox::Outgoing {
    let lang = Lang::parse(&r.lang).unwrap_or(Lang::Lv);
    let title = r.title(lang.code()).to_owned();
    let when = i18n::datetime(lang, r.starts_at);
    store::outbox::Outgoing {
        kind: "event_reminder".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(
            lang,
            "notice-subject-event-reminder",
            &[("title", arg(title.clone())), ("when", arg(when.clone()))],
        ),
        body: i18n::t_args(
            lang,
            "notice-reminder-body",
            &[
                ("name", arg(r.name.clone())),
                ("title", arg(title)),
                ("when", arg(when)),
                ("link", arg(link.to_owned())),
            ],
        ),
    }
}

/// Raises what became overdue, mails what waits (single mails now, digests from Monday
/// 07:00), reminds registrants, and deletes notices kept long enough. One recipient that
/// fails does not hold back the others; the run still reports the first error.
pub async fn deliver(state: &AppState) -> store::Result<Delivered> {
    let now = state.now();
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let mut done = Delivered {
        overdue_raised: store::notices::raise_overdue_actions(state.db(), now, state.today())
            .await?,
        ..Delivered::default()
    };
    let pending = store::notices::pending(state.db()).await?;
    let digest_at = digest_moment(now);
    let mut failed = None;
    for user in pending.chunk_by(|a, b| a.user_id == b.user_id) {
        let result = async {
            let (wanted, off): (Vec<_>, Vec<_>) =
                user.iter().partition(|p| p.settings.wants(p.kind));
            if !off.is_empty() {
                let ids: Vec<i64> = off.iter().map(|p| p.id).collect();
                store::notices::mailed(state.db(), now, &ids, None, None).await?;
                done.dropped += ids.len();
            }
            let digest = user.first().is_some_and(|p| p.settings.digest);
            let (weekly, single): (Vec<_>, Vec<_>) = wanted
                .into_iter()
                .partition(|p| digest && p.kind.digestible());
            for p in single {
                let m = single_mail(&base, p);
                store::notices::mailed(state.db(), now, &[p.id], Some((&p.email, &m)), None)
                    .await?;
                done.single += 1;
            }
            // What was raised before this week's moment goes in one mail; the rest waits a
            // week (also a notice committed just after this week's digest went).
            let sent_this_week = user
                .first()
                .and_then(|p| p.last_digest_at)
                .is_some_and(|at| at >= digest_at);
            let due: Vec<_> = weekly
                .into_iter()
                .filter(|p| p.created_at < digest_at && !sent_this_week)
                .collect();
            if let Some(m) = digest_mail(&base, &due) {
                let ids: Vec<i64> = due.iter().map(|p| p.id).collect();
                store::notices::mailed(
                    state.db(),
                    now,
                    &ids,
                    Some((&due[0].email, &m)),
                    Some(due[0].user_id),
                )
                .await?;
                done.digests += 1;
            }
            Ok::<(), store::Error>(())
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "notices of one recipient not mailed");
            failed.get_or_insert(e);
        }
    }
    for r in store::notices::reminders_due(state.db(), now).await? {
        let secret = token::random_secret();
        let lang = Lang::parse(&r.lang).unwrap_or(Lang::Lv);
        let link = format!("{base}/{}/registration/{secret}", lang.code());
        let m = reminder_mail(&r, &link);
        if store::notices::remind(
            state.db(),
            now,
            r.registration_id,
            &token::hash_secret(&secret),
            &r.email,
            &m,
        )
        .await?
        {
            done.reminders += 1;
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(done),
    }
}

/// The account page's section: each kind the user's role can hear of, on or off, and single
/// mails or a weekly digest.
#[derive(Debug, Clone)]
pub struct Choice {
    pub code: &'static str,
    pub label_key: &'static str,
    pub on: bool,
}

/// The user's choices for the account page.
pub async fn choices(state: &AppState, user: &CurrentUser) -> AppResult<(Vec<Choice>, bool)> {
    let s = store::notices::settings(state.db(), user.id).await?;
    Ok((
        NoticeKind::for_role(user.role)
            .into_iter()
            .map(|k| Choice {
                code: k.as_str(),
                label_key: k.label_key(),
                on: s.wants(k),
            })
            .collect(),
        s.digest,
    ))
}

#[derive(Debug, Deserialize)]
struct SettingsForm {
    /// The kinds left on (checkboxes; absent: off).
    #[serde(default)]
    on: Vec<String>,
    /// "weekly" for the digest, anything else single mails.
    #[serde(default)]
    delivery: String,
}

/// `POST /{lang}/account/notices`: saves which notices the user gets and how. A kind their
/// role cannot hear of is neither shown nor stored as on or off.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageOwnAccount)?;
    let f: SettingsForm = crate::http::forms::with_lists(
        body.into_iter()
            .filter(|(k, _)| k == "on" || k == "delivery")
            .collect(),
        &["on"],
    )?;
    let settings = store::notices::Settings {
        off: NoticeKind::for_role(user.role)
            .into_iter()
            .filter(|k| !f.on.iter().any(|c| c == k.as_str()))
            .collect(),
        digest: f.delivery == "weekly",
    };
    store::notices::save_settings(state.db(), state.now(), &user.actor(ip), user.id, &settings)
        .await?;
    Ok(Redirect::to(&ctx.href("/account?notice=notices-saved#notices-heading")).into_response())
}

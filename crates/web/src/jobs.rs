//! Scheduled work: a supervised worker (`workers::supervise`) runs [`run_due`] every few minutes; tests call it after moving
//! the injected clock. Each job knows from the database what it has done already, so running
//! it again (or late, after a restart) does it once.

use std::time::Duration;

use fluent_bundle::FluentValue;
use jiff::ToSpan;

use crate::AppState;
use crate::features::mediation::supervision::{month_bounds, unusual_key};
use crate::i18n::{self, Lang};

/// How often the worker looks for due work.
pub const EVERY: Duration = Duration::from_secs(600);

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Done {
    /// Monthly access summaries queued for supervisors.
    pub access_summaries: usize,
    /// Monthly privacy summaries queued for the data protection officers.
    pub privacy_summaries: usize,
    /// Closed mediation cases anonymised.
    pub anonymised: usize,
    /// Stories deleted a month after their consent was withdrawn.
    pub stories_deleted: usize,
    /// Registrations from the public form released because nobody confirmed them in time.
    pub registrations_released: usize,
    /// Waiting registrants who got a released place (each mailed).
    pub registrations_promoted: usize,
    /// E-mail notices mailed, digests, reminders.
    pub notices: crate::features::platform::notices::Delivered,
    /// Records removed by each storage limit that removed any: (rule, how many).
    pub storage_limits: Vec<(&'static str, u64)>,
    /// Breaches whose 72 hours for notifying the authority end tomorrow or ended: reminded.
    pub breach_reminders: usize,
    /// Services of the directory ending within a month whose keepers were reminded.
    pub service_reminders: usize,
}

/// Runs every job that is due now.
pub async fn run_due(state: &AppState) -> store::Result<Done> {
    // Places nobody confirmed go to the waiting list first: it is the most pressing (an
    // event may be days away) and does not wait on the other jobs.
    let released = release_unconfirmed(state).await;
    // A breach's deadline is raised before the notices go, so it is mailed in this run.
    let breach_reminders = match store::breaches::remind(state.db(), state.now()).await {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, "breach reminders not raised");
            0
        }
    };
    // Notices and reminders next, whatever happened before or happens after: a job that
    // keeps failing must not keep people from hearing of their work.
    let notices = crate::features::platform::notices::deliver(state).await;
    let (registrations_released, registrations_promoted) = released?;
    // Closed mediation cases past their retention period.
    let anonymised = store::retention::anonymise_due(
        state.db(),
        state.now(),
        state.settings().mediation.retention_cutoff(state.today()),
    )
    .await?;
    // On the first days of a month: each supervisor's summary of the previous month.
    let this_month = state.today().first_of_month();
    let last_month = this_month.checked_sub(1.month()).unwrap_or(this_month);
    let (from, to) = month_bounds(last_month);
    let label = format!("{:04}-{:02}", last_month.year(), last_month.month());
    let link = format!(
        "{}/lv/mediation/supervision?month={label}",
        state.settings().public_url.trim_end_matches('/')
    );
    let access_summaries = store::mediation_oversight::queue_monthly_summaries(
        state.db(),
        state.now(),
        &label,
        domain::event::riga_day_start(from),
        domain::event::riga_day_start(to),
        |name, counts| {
            let lang = Lang::Lv;
            let lines = if counts.is_empty() {
                i18n::t(lang, "unusual-none")
            } else {
                counts
                    .iter()
                    .map(|(what, n)| format!("- {}: {n}", i18n::t(lang, unusual_key(*what))))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            store::outbox::Outgoing {
                kind: "mediation_access_summary".to_owned(),
                subject: i18n::t_args(
                    lang,
                    "mail-access-summary-subject",
                    &[("month", FluentValue::from(label.clone()))],
                ),
                body: i18n::t_args(
                    lang,
                    "mail-access-summary-body",
                    &[
                        ("name", FluentValue::from(name.to_owned())),
                        ("month", FluentValue::from(label.clone())),
                        ("lines", FluentValue::from(lines)),
                        ("link", FluentValue::from(link.clone())),
                    ],
                ),
                lang: lang.code().to_owned(),
                unsubscribe: None,
            }
        },
    )
    .await?;
    // And the data protection officers' summary of the previous month.
    let privacy_link = format!(
        "{}/lv/privacy/overview?month={label}",
        state.settings().public_url.trim_end_matches('/')
    );
    // One that fails is logged and tried at the next run; it keeps the jobs below running.
    let privacy_summaries = match store::privacy_overview::queue_monthly(
        state.db(),
        state.now(),
        &label,
        (
            domain::event::riga_day_start(from),
            domain::event::riga_day_start(to),
        ),
        state.today(),
        |name, s| {
            let lang = Lang::Lv;
            let n = |v: i64| FluentValue::from(v);
            let count = |v: usize| FluentValue::from(i64::try_from(v).unwrap_or(i64::MAX));
            store::outbox::Outgoing {
                kind: "privacy_summary".to_owned(),
                subject: i18n::t_args(
                    lang,
                    "mail-privacy-summary-subject",
                    &[("month", FluentValue::from(label.clone()))],
                ),
                body: i18n::t_args(
                    lang,
                    "mail-privacy-summary-body",
                    &[
                        ("name", FluentValue::from(name.to_owned())),
                        ("month", FluentValue::from(label.clone())),
                        ("roma", n(s.roma_identity_reads)),
                        ("contacts", n(s.contacts_reads)),
                        ("exports", n(s.exports)),
                        ("unusual", count(s.unusual_readers)),
                        ("erasures", n(s.erasures)),
                        ("restrictions", n(s.restrictions)),
                        ("consents", n(s.consents)),
                        ("overdue", count(s.overdue_requests)),
                        ("breaches", count(s.open_breaches)),
                        ("link", FluentValue::from(privacy_link.clone())),
                    ],
                ),
                lang: lang.code().to_owned(),
                unsubscribe: None,
            }
        },
    )
    .await
    {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, "privacy summary not queued");
            0
        }
    };
    // Storage limits outside mediation, each rule on its own: one that fails is logged and
    // tried again at the next run, and keeps neither the others nor the jobs below from
    // running.
    let mut storage_limits = Vec::new();
    for rule in domain::retention::RULES {
        let cutoff = state.settings().retention.cutoff(rule, state.now());
        match store::storage_limits::apply(state.db(), state.now(), rule.key, cutoff).await {
            Ok(0) => {}
            Ok(removed) => storage_limits.push((rule.key, removed)),
            Err(e) => tracing::warn!(rule = rule.key, error = %e, "storage limit not applied"),
        }
    }
    // Services ending within a month: their keepers are reminded, once per end day.
    let service_reminders = match remind_services(state).await {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, "service reminders not queued");
            0
        }
    };
    // Stories whose consent was withdrawn a month ago: deleted with their photos.
    let (stories_deleted, files) =
        store::stories::delete_long_withdrawn(state.db(), state.now()).await?;
    for sha in files {
        let _ = std::fs::remove_file(state.settings().files_dir().join(sha));
    }
    Ok(Done {
        // Reported after the other jobs ran.
        notices: notices?,
        access_summaries,
        privacy_summaries,
        anonymised,
        stories_deleted,
        storage_limits,
        breach_reminders,
        service_reminders,
        registrations_released,
        registrations_promoted,
    })
}

/// Mails the users of each service's provider a month before its end day.
async fn remind_services(state: &AppState) -> store::Result<usize> {
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let due = store::services::reminders_due(
        state.db(),
        state.today(),
        domain::dialogue::SERVICE_REMINDER_DAYS,
    )
    .await?;
    let mut n = 0;
    for r in due {
        let mails: Vec<(String, store::outbox::Outgoing)> =
            r.to.iter()
                .map(|(to, lang)| {
                    let lang = Lang::parse(lang).unwrap_or(Lang::Lv);
                    let args = [
                        (
                            "title",
                            FluentValue::from(r.service.title(lang.code()).to_owned()),
                        ),
                        (
                            "date",
                            FluentValue::from(
                                r.service
                                    .input
                                    .valid_to
                                    .map(|d| i18n::day(lang, d))
                                    .unwrap_or_default(),
                            ),
                        ),
                        (
                            "link",
                            FluentValue::from(format!(
                                "{base}/{}/services/manage/{}/edit",
                                lang.code(),
                                r.service.id
                            )),
                        ),
                    ];
                    let m = store::outbox::Outgoing {
                        kind: "service_ending".to_owned(),
                        subject: i18n::t_args(lang, "mail-service-ending-subject", &args),
                        body: i18n::t_args(lang, "mail-service-ending-body", &args),
                        lang: lang.code().to_owned(),
                        unsubscribe: None,
                    };
                    (to.clone(), m)
                })
                .collect();
        store::services::remind(state.db(), state.now(), r.service.id, &mails).await?;
        n += 1;
    }
    Ok(n)
}

/// Places held by registrations nobody confirmed within 48 hours go to the waiting list,
/// event by event; each promoted registrant gets the mail in their language.
async fn release_unconfirmed(state: &AppState) -> store::Result<(usize, usize)> {
    let actor = store::Actor {
        user_id: None,
        label: Some("scheduler".to_owned()),
        ip: None,
    };
    let (mut released, mut promoted) = (0, 0);
    let mut failed = None;
    for event_id in store::registrations::events_with_overdue(state.db(), state.now()).await? {
        // One event that fails does not hold back the others; the run still reports it.
        let result = async {
            let event = store::events::get(state.db(), event_id).await?;
            store::registrations::release_unconfirmed(
                state.db(),
                state.now(),
                &actor,
                event_id,
                |r, secret| {
                    crate::features::events::registration::promotion_mail(
                        state,
                        event.title(&r.lang),
                        r,
                        secret,
                    )
                },
            )
            .await
        }
        .await;
        match result {
            Ok((n, moved)) => {
                released += n;
                promoted += moved.len();
            }
            Err(e) => {
                tracing::error!(event_id, error = %e, "releasing unconfirmed registrations failed");
                failed = Some(e);
            }
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok((released, promoted)),
    }
}

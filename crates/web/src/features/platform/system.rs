//! The system page for coordinators (`/lv/admin/system`): which release runs, the database's
//! migration, the background workers, the mail waiting, the scheduled backups and who may
//! read the metrics — what the IT department watches, in words, for those who answer for
//! the platform.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use domain::auth::Permission;

use crate::AppState;
use crate::http::error::AppResult;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

/// A background worker, in words.
#[derive(Debug)]
struct WorkerRow {
    label_id: &'static str,
    /// "ik pēc 10 sekundēm", "ik pēc 10 minūtēm"
    every: String,
    last_success: Option<i64>,
    last_failure: Option<i64>,
    healthy: bool,
}

#[derive(Template)]
#[template(path = "admin/system.html")]
struct SystemPage {
    ctx: PageCtx,
    version: String,
    workers: Vec<WorkerRow>,
    mail_waiting: i64,
    mail_failed: i64,
    smtp_configured: bool,
    backup_folder: Option<String>,
    last_run: Option<store::backups::Run>,
    last_success: Option<store::backups::Run>,
    backup_late: bool,
    max_age_hours: u32,
    /// "the newest of each of the last 7 days and 4 weeks"
    keep_words: String,
    /// "commit …, built …"
    commit_words: String,
    /// "55 of 56: …" or "56, the latest"
    migration_words: String,
    metrics_addresses: usize,
    metrics_token: bool,
}

impl SystemPage {
    /// A size in megabytes, one decimal, the Latvian way (a comma) or the English.
    fn megabytes(&self, bytes: &i64) -> String {
        let mb = format!("{:.1}", *bytes as f64 / 1_048_576.0);
        if self.ctx.lang.code() == "lv" {
            mb.replace('.', ",")
        } else {
            mb
        }
    }
}

/// The page (coordinators: those who manage users).
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageUsers)?;
    let now = state.now();
    let build = crate::metrics::build();
    let workers = state
        .workers()
        .snapshot()
        .into_iter()
        .map(|(name, s)| WorkerRow {
            label_id: match name {
                "mail" => "system-worker-mail",
                "jobs" => "system-worker-jobs",
                _ => "system-worker-other",
            },
            every: {
                let secs = i64::try_from(s.every.as_secs()).unwrap_or(i64::MAX);
                if secs < 60 {
                    ctx.tn("system-seconds", "count", secs)
                } else {
                    ctx.tn("system-minutes", "count", secs / 60)
                }
            },
            last_success: s.last_success,
            last_failure: s.last_failure,
            healthy: !s.overdue(now),
        })
        .collect();
    let (mail_waiting, _) = store::outbox::backlog(state.db(), now).await?;
    let mail_failed = store::outbox::failed_count(state.db()).await?;
    let settings = state.settings();
    let last_success = store::backups::latest_success(state.db()).await?;
    let backup_late = last_success.as_ref().is_none_or(|r| {
        now.saturating_sub(r.finished_at) > i64::from(settings.backup.max_age_hours) * 3600
    });
    let words = |id: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, fluent_bundle::FluentValue::from(v.clone())))
            .collect();
        crate::i18n::t_args(ctx.lang, id, &args)
    };
    let migration = store::migrate::current_version(state.db()).await?;
    let latest = store::migrate::latest();
    let migration_words = if migration == latest {
        words("system-migration-current", &[("n", migration.to_string())])
    } else {
        words(
            "system-migration-behind",
            &[("n", migration.to_string()), ("latest", latest.to_string())],
        )
    };
    let keep_words = words(
        "system-backup-keep",
        &[
            ("days", settings.backup.keep_daily.to_string()),
            ("weeks", settings.backup.keep_weekly.to_string()),
        ],
    );
    let commit_words = words(
        "system-commit",
        &[
            ("commit", build.commit.clone()),
            ("built", build.built.clone()),
        ],
    );
    Ok(Html(
        SystemPage {
            version: build.version.clone(),
            keep_words,
            commit_words,
            migration_words,
            workers,
            mail_waiting,
            mail_failed,
            smtp_configured: !settings.smtp.host.trim().is_empty(),
            backup_folder: settings.backup.folder().map(|p| p.display().to_string()),
            last_run: store::backups::latest(state.db()).await?,
            last_success,
            backup_late,
            max_age_hours: settings.backup.max_age_hours,
            metrics_addresses: settings.metrics.allow.len(),
            metrics_token: !settings.metrics.token_file.trim().is_empty(),
            ctx,
        }
        .render()?,
    ))
}

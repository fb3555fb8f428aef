//! Embedded, numbered migrations. An applied migration is never edited: add a new one.

use crate::Db;

/// Reference data a migration loads after its SQL, in the same transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Data {
    None,
    /// `data/territories/`.
    Territories,
    /// The search and sort keys of the organisations that existed before them.
    DirectoryKeys,
}

/// (version, name, SQL, data). Versions are strictly increasing.
pub const MIGRATIONS: &[(i64, &str, &str, Data)] = &[
    (
        1,
        "foundation",
        include_str!("../migrations/0001_foundation.sql"),
        Data::None,
    ),
    (
        2,
        "territories",
        include_str!("../migrations/0002_territories.sql"),
        Data::Territories,
    ),
    (
        3,
        "directory",
        include_str!("../migrations/0003_directory.sql"),
        Data::DirectoryKeys,
    ),
    (
        4,
        "imports",
        include_str!("../migrations/0004_imports.sql"),
        Data::None,
    ),
    (
        5,
        "public_directory",
        include_str!("../migrations/0005_public_directory.sql"),
        Data::None,
    ),
    (
        6,
        "outbox",
        include_str!("../migrations/0006_outbox.sql"),
        Data::None,
    ),
    (
        7,
        "events",
        include_str!("../migrations/0007_events.sql"),
        Data::None,
    ),
    (
        8,
        "agenda",
        include_str!("../migrations/0008_agenda.sql"),
        Data::None,
    ),
    (
        9,
        "event_publication",
        include_str!("../migrations/0009_event_publication.sql"),
        Data::None,
    ),
    (
        10,
        "registrations",
        include_str!("../migrations/0010_registrations.sql"),
        Data::None,
    ),
    (
        11,
        "attendance",
        include_str!("../migrations/0011_attendance.sql"),
        Data::None,
    ),
    (
        12,
        "invitations",
        include_str!("../migrations/0012_invitations.sql"),
        Data::None,
    ),
    (
        13,
        "minutes_actions",
        include_str!("../migrations/0013_minutes_actions.sql"),
        Data::None,
    ),
    (
        14,
        "feedback",
        include_str!("../migrations/0014_feedback.sql"),
        Data::None,
    ),
    (
        15,
        "event_documents",
        include_str!("../migrations/0015_event_documents.sql"),
        Data::None,
    ),
    (
        16,
        "attendance_consent",
        include_str!("../migrations/0016_attendance_consent.sql"),
        Data::None,
    ),
    (
        17,
        "participants",
        include_str!("../migrations/0017_participants.sql"),
        Data::None,
    ),
    (
        18,
        "attendance_event_index",
        include_str!("../migrations/0018_attendance_event_index.sql"),
        Data::None,
    ),
    (
        19,
        "attendance_statistics_indexes",
        include_str!("../migrations/0019_attendance_statistics_indexes.sql"),
        Data::None,
    ),
    (
        20,
        "plans",
        include_str!("../migrations/0020_plans.sql"),
        Data::None,
    ),
    (
        21,
        "reporting_rounds",
        include_str!("../migrations/0021_reporting_rounds.sql"),
        Data::None,
    ),
    (
        22,
        "measure_links",
        include_str!("../migrations/0022_measure_links.sql"),
        Data::None,
    ),
    (
        23,
        "report_files",
        include_str!("../migrations/0023_report_files.sql"),
        Data::None,
    ),
    (
        24,
        "mediation",
        include_str!("../migrations/0024_mediation.sql"),
        Data::None,
    ),
    (
        25,
        "mediation_contacts",
        include_str!("../migrations/0025_mediation_contacts.sql"),
        Data::None,
    ),
    (
        26,
        "mediation_consents_referrals",
        include_str!("../migrations/0026_mediation_consents_referrals.sql"),
        Data::None,
    ),
    (
        27,
        "mediation_retention",
        include_str!("../migrations/0027_mediation_retention.sql"),
        Data::None,
    ),
    (
        28,
        "mediator_reports",
        include_str!("../migrations/0028_mediator_reports.sql"),
        Data::None,
    ),
    (
        29,
        "site_pages",
        include_str!("../migrations/0029_site_pages.sql"),
        Data::None,
    ),
    (
        30,
        "news",
        include_str!("../migrations/0030_news.sql"),
        Data::None,
    ),
    (
        31,
        "practices",
        include_str!("../migrations/0031_practices.sql"),
        Data::None,
    ),
    (
        32,
        "stories",
        include_str!("../migrations/0032_stories.sql"),
        Data::None,
    ),
    (
        33,
        "practice_files",
        include_str!("../migrations/0033_practice_files.sql"),
        Data::None,
    ),
    (
        34,
        "story_consent_scope",
        include_str!("../migrations/0034_story_consent_scope.sql"),
        Data::None,
    ),
    (
        35,
        "reports",
        include_str!("../migrations/0035_reports.sql"),
        Data::None,
    ),
    (
        36,
        "api_token_expiry",
        include_str!("../migrations/0036_api_token_expiry.sql"),
        Data::None,
    ),
    (
        37,
        "abuse_limits",
        include_str!("../migrations/0037_abuse_limits.sql"),
        Data::None,
    ),
    (
        38,
        "registration_confirmation",
        include_str!("../migrations/0038_registration_confirmation.sql"),
        Data::None,
    ),
    (
        39,
        "second_factor",
        include_str!("../migrations/0039_second_factor.sql"),
        Data::None,
    ),
    (
        40,
        "sessions_seen",
        include_str!("../migrations/0040_sessions_seen.sql"),
        Data::None,
    ),
    (
        41,
        "mail_languages",
        include_str!("../migrations/0041_mail_languages.sql"),
        Data::None,
    ),
    (
        42,
        "supervision_four_eyes",
        include_str!("../migrations/0042_supervision_four_eyes.sql"),
        Data::None,
    ),
    (
        43,
        "family_handovers",
        include_str!("../migrations/0043_family_handovers.sql"),
        Data::None,
    ),
    (
        44,
        "passkeys",
        include_str!("../migrations/0044_passkeys.sql"),
        Data::None,
    ),
    (
        45,
        "notices",
        include_str!("../migrations/0045_notices.sql"),
        Data::None,
    ),
    (
        46,
        "first_steps",
        include_str!("../migrations/0046_first_steps.sql"),
        Data::None,
    ),
    (
        47,
        "storage_limits",
        include_str!("../migrations/0047_storage_limits.sql"),
        Data::None,
    ),
    (
        48,
        "breaches",
        include_str!("../migrations/0048_breaches.sql"),
        Data::None,
    ),
    (
        49,
        "subject_requests",
        include_str!("../migrations/0049_subject_requests.sql"),
        Data::None,
    ),
    (
        50,
        "versions",
        include_str!("../migrations/0050_versions.sql"),
        Data::None,
    ),
    (
        51,
        "register_versions",
        include_str!("../migrations/0051_register_versions.sql"),
        Data::None,
    ),
    (
        52,
        "needs",
        include_str!("../migrations/0052_needs.sql"),
        Data::None,
    ),
    (
        53,
        "need_publishing",
        include_str!("../migrations/0053_need_publishing.sql"),
        Data::None,
    ),
    (
        54,
        "services",
        include_str!("../migrations/0054_services.sql"),
        Data::None,
    ),
    (
        55,
        "consultations",
        include_str!("../migrations/0055_consultations.sql"),
        Data::None,
    ),
    (
        56,
        "backup_runs",
        include_str!("../migrations/0056_backup_runs.sql"),
        Data::None,
    ),
    (
        57,
        "api_idempotency",
        include_str!("../migrations/0057_api_idempotency.sql"),
        Data::None,
    ),
];

/// A migration's checksum: the SHA-256 of its SQL as this program holds it, with line ends
/// as LF (a checkout that turned them into CRLF holds the same migration).
pub fn checksum(sql: &str) -> String {
    use sha2::Digest as _;
    format!(
        "{:x}",
        sha2::Sha256::digest(sql.replace("\r\n", "\n").as_bytes())
    )
}

/// What keeps this program from using a database, in words for the operator: migrations
/// applied by a newer program, or an applied migration that differs from this program's.
/// Empty: the database fits (perhaps with migrations still to apply). Reads only.
pub async fn problems(conn: &mut sqlx::SqliteConnection) -> crate::Result<Vec<String>> {
    let exists: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
    )
    .fetch_optional(&mut *conn)
    .await?;
    if exists.is_none() {
        return Ok(Vec::new());
    }
    let has_checksum: Option<String> = sqlx::query_scalar(
        "SELECT name FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'",
    )
    .fetch_optional(&mut *conn)
    .await?;
    let applied: Vec<(i64, String, Option<String>)> = if has_checksum.is_some() {
        sqlx::query_as("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
            .fetch_all(&mut *conn)
            .await?
    } else {
        sqlx::query_as("SELECT version, name, NULL FROM schema_migrations ORDER BY version")
            .fetch_all(&mut *conn)
            .await?
    };
    let mut out = Vec::new();
    for (version, name, sum) in applied {
        match MIGRATIONS.iter().find(|m| m.0 == version) {
            None if version > latest() => out.push(format!(
                "migration {version} ({name}) was applied by a newer program; this one knows migrations up to {}",
                latest()
            )),
            None => out.push(format!(
                "migration {version} ({name}) is not one of this program's"
            )),
            Some(&(_, ours, sql, _)) => {
                if ours != name || sum.is_some_and(|s| s != checksum(sql)) {
                    out.push(format!(
                        "migration {version} ({name}) as applied differs from this program's ({ours})"
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// Applies every migration not yet applied, each in its own transaction, recording each
/// one's checksum (and, once, those of migrations applied before checksums were kept).
/// Refuses — changing nothing — a database that [`problems`] finds unfit. Returns the
/// versions applied now.
pub async fn run(db: &Db, now: i64) -> crate::Result<Vec<i64>> {
    let mut conn = db.writer.acquire().await?;
    if !problems(&mut conn).await?.is_empty() {
        return Err(crate::Error::Conflict(
            crate::DatabaseConflict::Migrations.into(),
        ));
    }
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        )",
    )
    .execute(&mut *conn)
    .await?;
    let has_checksum: Option<String> = sqlx::query_scalar(
        "SELECT name FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'",
    )
    .fetch_optional(&mut *conn)
    .await?;
    if has_checksum.is_none() {
        sqlx::query("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT")
            .execute(&mut *conn)
            .await?;
    }
    for &(version, _, sql, _) in MIGRATIONS {
        sqlx::query(
            "UPDATE schema_migrations SET checksum = $1 WHERE version = $2 AND checksum IS NULL",
        )
        .bind(checksum(sql))
        .bind(version)
        .execute(&mut *conn)
        .await?;
    }
    drop(conn);
    let mut applied_now = Vec::new();
    for &(version, name, sql, data) in MIGRATIONS {
        let mut tx = db.write().await?;
        let done: Option<i64> =
            sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1")
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
        if done.is_some() {
            continue;
        }
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        match data {
            Data::None => {}
            Data::Territories => crate::territories::load_reference(&mut tx).await?,
            Data::DirectoryKeys => crate::organisations::rekey(&mut tx).await?,
        }
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES ($1, $2, $3, $4)",
        )
        .bind(version)
        .bind(name)
        .bind(now)
        .bind(checksum(sql))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        tracing::info!(version, name, "migration applied");
        applied_now.push(version);
    }
    crate::access_log::migrate(db).await?;
    // A database restored from a backup may lack people created since, whom the kept
    // access log names: their ids are not given again.
    let named = crate::access_log::highest_person(db).await?;
    if named > 0 {
        crate::person_erasure::never_reuse(&mut *db.writer.acquire().await?, named).await?;
    }
    Ok(applied_now)
}

/// [`problems`] of the database.
pub async fn check(db: &Db) -> crate::Result<Vec<String>> {
    let mut conn = db.reader.acquire().await?;
    problems(&mut conn).await
}

/// The version this program brings its databases to.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// The highest applied migration version, 0 for an empty database.
pub async fn current_version(db: &Db) -> crate::Result<i64> {
    let exists: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
    )
    .fetch_optional(&db.reader)
    .await?;
    if exists.is_none() {
        return Ok(0);
    }
    Ok(
        sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(version) FROM schema_migrations")
            .fetch_one(&db.reader)
            .await?
            .unwrap_or(0),
    )
}

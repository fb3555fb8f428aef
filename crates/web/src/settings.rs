//! Configuration: defaults → optional TOML file → `ROMA__SECTION__KEY` environment
//! variables → command-line flags, into one typed [`Settings`] carried in the app state.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Address the server listens on.
    pub bind: String,
    /// SQLite database file.
    pub database: PathBuf,
    /// `full` (default: a government record must survive a power cut) or `normal`.
    pub synchronous: String,
    /// The address users reach the platform at, for links printed or e-mailed.
    pub public_url: String,
    /// Where the public writes about the site (the accessibility statement's feedback
    /// contact). Set it: the default is a placeholder.
    pub contact_email: String,
    pub session: SessionSettings,
    pub login_throttle: ThrottleSettings,
    /// Reverse proxies whose `X-Forwarded-For` is believed. Empty: the peer address is
    /// the client address and the header is ignored.
    pub trusted_proxies: Vec<IpAddr>,
    /// The SMTP relay for the outbox; without a host nothing is sent.
    pub smtp: crate::mail::SmtpSettings,
    /// Who counts as youth in participation statistics.
    pub youth: YouthSettings,
    /// Uploaded documents.
    pub files: FileSettings,
    /// The key that seals mediation records.
    pub mediation: MediationSettings,
    /// Connections: how long a client may take to send, how many may be open.
    pub server: crate::server::ServerSettings,
    /// Limits on the public forms (registration, cancellation, invitation answers, feedback).
    pub public_forms: PublicFormSettings,
    /// How much one imported file (people, organisations, a plan's measures, an event's
    /// attendance) may hold.
    pub import: ImportSettings,
    /// Accounts: which roles must have a second factor.
    pub accounts: AccountSettings,
    /// How long personal data outside mediation is kept (`domain::retention`).
    pub retention: RetentionSettings,
    /// The log's format.
    pub log: LogSettings,
    /// Who may read `/metrics`.
    pub metrics: MetricsSettings,
    /// Scheduled backups (`roma-platform backup --scheduled`).
    pub backup: BackupSettings,
}

/// The log: one line per request and per event worth an operator's attention, on standard
/// error (systemd's journal keeps it). Which lines is `ROMA_LOG` (default `info`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// `text` (default: for people) or `json` (one JSON object per line, for a log collector).
    pub format: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        LogSettings {
            format: "text".to_owned(),
        }
    }
}

impl LogSettings {
    /// Whether lines are JSON.
    pub fn json(&self) -> bool {
        self.format.trim() == "json"
    }
}

/// `/metrics` (Prometheus): served only to these addresses, or to a request carrying the
/// token; nobody else learns it exists (404). Neither set: nobody.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsSettings {
    /// Client addresses (the Prometheus server's) that may read it without a token. The
    /// client address is the one `trusted_proxies` leads to, so a public proxy in front
    /// does not make everyone "127.0.0.1".
    pub allow: Vec<IpAddr>,
    /// A file holding the token (`Authorization: Bearer <token>`, at least 32 characters),
    /// read at each request, so it can be replaced without a restart; empty: no token.
    pub token_file: String,
}

/// Scheduled backups: `roma-platform backup --scheduled` (the package's systemd timer runs
/// it every night) writes a dated archive into `dir`, verifies it, keeps the newest archive
/// of each of the last `keep_daily` days and `keep_weekly` weeks, removes the others it made,
/// and records the result in the database.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackupSettings {
    /// The folder of the archives (the owner's only); empty: scheduled backups are off.
    pub dir: String,
    /// Days whose newest archive is kept (1–366).
    pub keep_daily: u32,
    /// Weeks (Monday to Sunday) whose newest archive is kept beyond those days (0–520).
    pub keep_weekly: u32,
    /// A successful backup older than this many hours is reported late (metrics, `/readyz`,
    /// the system page).
    pub max_age_hours: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            dir: String::new(),
            keep_daily: 7,
            keep_weekly: 4,
            max_age_hours: 26,
        }
    }
}

impl BackupSettings {
    /// The archives' folder, when scheduled backups are on.
    pub fn folder(&self) -> Option<PathBuf> {
        let d = self.dir.trim();
        (!d.is_empty()).then(|| PathBuf::from(d))
    }
}

/// Storage limits: a rule's period in days, where it differs from the rule's default
/// (`[retention.days] outbox_bodies = 14`), within the rule's bounds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetentionSettings {
    pub days: std::collections::BTreeMap<String, u32>,
}

impl RetentionSettings {
    /// A rule's period in days: configured, or its default.
    pub fn days(&self, rule: &domain::retention::Rule) -> u32 {
        self.days
            .get(rule.key)
            .copied()
            .unwrap_or(rule.default_days)
    }

    /// What is older than this (a Unix time) is removed by the rule at `now`.
    pub fn cutoff(&self, rule: &domain::retention::Rule, now: i64) -> i64 {
        now - i64::from(self.days(rule)) * 86_400
    }

    fn validate(&self, session: &SessionSettings) -> Result<(), String> {
        for (key, days) in &self.days {
            let Some(rule) = domain::retention::rule(key) else {
                return Err(format!("configuration: retention.days.{key} is no rule"));
            };
            if !(rule.min_days..=rule.max_days).contains(days) {
                return Err(format!(
                    "configuration: retention.days.{key} must be {}–{}",
                    rule.min_days, rule.max_days
                ));
            }
        }
        // A session is removed only once it has ended for certain.
        let sessions =
            domain::retention::rule("sessions").map_or(0, |r| i64::from(self.days(r)) * 24 * 60);
        if sessions <= session.idle_minutes {
            return Err(
                "configuration: retention.days.sessions must be longer than session.idle_minutes"
                    .to_owned(),
            );
        }
        Ok(())
    }
}

/// Accounts' sign-in rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccountSettings {
    /// Roles whose accounts must turn on two-step sign-in: until they have, every page
    /// leads to the enrolment page. The others may turn it on.
    pub second_factor_required: Vec<String>,
}

impl Default for AccountSettings {
    fn default() -> Self {
        AccountSettings {
            second_factor_required: vec![
                "coordinator".to_owned(),
                "mediator".to_owned(),
                "dpo".to_owned(),
            ],
        }
    }
}

impl AccountSettings {
    /// Whether accounts of `role` must have a second factor.
    pub fn factor_required(&self, role: domain::auth::Role) -> bool {
        self.second_factor_required
            .iter()
            .any(|r| r.trim() == role.as_str())
    }
}

/// Limits on the public forms, which anyone may post without an account.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PublicFormSettings {
    /// Posts counted over this window ...
    pub window_minutes: i64,
    /// ... per client address, over all public forms; then 429.
    pub max_posts_per_address: i64,
    /// Unconfirmed registrations from the public form for one event in an hour (each sends a
    /// mail); then 429. Registrations confirmed from the e-mail do not count.
    pub max_registrations_per_event_hour: i64,
    /// All registrations from the public form for one event in an hour, confirmed or not
    /// (one mailbox with many aliases); then 429.
    pub max_all_registrations_per_event_hour: i64,
    /// Questions from the public form in an hour, from everyone together (each may send a
    /// mail); then 429.
    pub max_questions_per_hour: i64,
}

impl Default for PublicFormSettings {
    fn default() -> Self {
        PublicFormSettings {
            window_minutes: 10,
            max_posts_per_address: 30,
            max_registrations_per_event_hour: 30,
            max_all_registrations_per_event_hour: 100,
            max_questions_per_hour: 30,
        }
    }
}

/// Limits of a file read for an import, checked while it is read — a spreadsheet that
/// claims a million rows or unpacks to gigabytes is refused before room is made for it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImportSettings {
    /// Data rows in one file (the header row besides).
    pub max_rows: usize,
    /// Columns in one file.
    pub max_columns: usize,
    /// What an XLSX may unpack to, in MB.
    pub max_unpacked_mb: u64,
    /// How far an XLSX may be compressed (unpacked size over packed size).
    pub max_ratio: u64,
}

impl Default for ImportSettings {
    fn default() -> Self {
        let limits = documents::table::Limits::default();
        ImportSettings {
            max_rows: limits.max_rows,
            max_columns: limits.max_columns,
            max_unpacked_mb: limits.archive.max_unpacked / (1024 * 1024),
            max_ratio: limits.archive.max_ratio,
        }
    }
}

impl ImportSettings {
    /// The limits as the table reader takes them.
    pub fn limits(&self) -> documents::table::Limits {
        documents::table::Limits {
            max_rows: self.max_rows,
            max_columns: self.max_columns,
            archive: documents::archive::Limits {
                max_unpacked: self.max_unpacked_mb.saturating_mul(1024 * 1024),
                max_ratio: self.max_ratio,
                ..documents::archive::Limits::default()
            },
        }
    }
}

/// Where the key that seals mediation records (names, contact details, notes) is kept —
/// never in the database. The key file holds 32 random bytes as URL-safe base64; it is
/// created (readable by the owner only) at the first start when missing, and must be backed
/// up apart from the database: without it the sealed records cannot be read.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MediationSettings {
    /// The current key's file; empty: next to the database, `<database>.key`.
    pub key_file: String,
    /// Files of earlier keys, kept while a rotation re-seals what they sealed.
    pub earlier_key_files: Vec<String>,
    /// Closed cases are anonymised this many years after they closed (1–10).
    pub retention_years: u32,
}

impl Default for MediationSettings {
    fn default() -> Self {
        MediationSettings {
            key_file: String::new(),
            earlier_key_files: Vec::new(),
            retention_years: 3,
        }
    }
}

impl MediationSettings {
    /// The last day a case may have closed on to be anonymised on `day`.
    pub fn retention_cutoff(&self, day: jiff::civil::Date) -> jiff::civil::Date {
        use jiff::ToSpan as _;
        day.checked_sub(i64::from(self.retention_years).years())
            .unwrap_or(day)
    }
}

/// Where uploaded documents are kept (outside any web root) and how large they may be.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FileSettings {
    /// The directory; empty: next to the database, `<database>.files`.
    pub dir: String,
    pub max_upload_mb: u32,
}

impl Default for FileSettings {
    fn default() -> Self {
        FileSettings {
            dir: String::new(),
            max_upload_mb: 10,
        }
    }
}

/// An inclusive age range; the default, 13–25, is the Latvian Youth Law's.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct YouthSettings {
    pub min_age: i32,
    pub max_age: i32,
}

impl Default for YouthSettings {
    fn default() -> Self {
        let y = domain::participation::Youth::default();
        YouthSettings {
            min_age: y.min,
            max_age: y.max,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SessionSettings {
    pub idle_minutes: i64,
    pub absolute_hours: i64,
}

/// Login throttling (see `store::throttle`): failures count for `window_minutes`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ThrottleSettings {
    /// Failures per account from browsers that have not logged in to it before.
    pub max_failures: i64,
    pub window_minutes: i64,
    /// Failures of one account from one address (or known browser) before each next
    /// attempt waits twice as long as the one before.
    pub free_attempts: i64,
    /// The longest such wait.
    pub max_delay_minutes: i64,
    /// Failures from one client address over all accounts (password spraying).
    pub max_failures_per_address: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: "127.0.0.1:8080".to_owned(),
            database: PathBuf::from("roma-platform.db"),
            synchronous: "full".to_owned(),
            public_url: "http://127.0.0.1:8080".to_owned(),
            contact_email: "platforma@example.invalid".to_owned(),
            session: SessionSettings::default(),
            login_throttle: ThrottleSettings::default(),
            trusted_proxies: Vec::new(),
            smtp: crate::mail::SmtpSettings::default(),
            youth: YouthSettings::default(),
            files: FileSettings::default(),
            mediation: MediationSettings::default(),
            import: ImportSettings::default(),
            public_forms: PublicFormSettings::default(),
            server: crate::server::ServerSettings::default(),
            accounts: AccountSettings::default(),
            retention: RetentionSettings::default(),
            log: LogSettings::default(),
            metrics: MetricsSettings::default(),
            backup: BackupSettings::default(),
        }
    }
}

impl Default for SessionSettings {
    fn default() -> Self {
        SessionSettings {
            idle_minutes: 30,
            absolute_hours: 12,
        }
    }
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        ThrottleSettings {
            max_failures: 50,
            window_minutes: 15,
            free_attempts: 5,
            max_delay_minutes: 15,
            max_failures_per_address: 100,
        }
    }
}

impl Settings {
    /// Loads defaults, then the TOML file if given, then `ROMA__…` variables.
    pub fn load(file: Option<&Path>) -> Result<Settings, String> {
        Self::load_from(file, std::env::vars())
    }

    /// As [`Settings::load`], with the environment given (for tests).
    pub fn load_from(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings, String> {
        let defaults = config::Config::try_from(&Settings::default()).map_err(|e| e.to_string())?;
        let mut builder = config::Config::builder().add_source(defaults);
        if let Some(file) = file {
            if !file.exists() {
                return Err(format!(
                    "configuration file {} does not exist",
                    file.display()
                ));
            }
            builder = builder.add_source(
                config::File::from(file.to_path_buf()).format(config::FileFormat::Toml),
            );
        }
        let mut smtp_password = None;
        let env: config::Map<String, String> = env
            .into_iter()
            .filter(|(k, v)| {
                if k == crate::mail::PASSWORD_ENV {
                    smtp_password = Some(v.clone());
                }
                k.starts_with("ROMA__")
            })
            .collect();
        builder = builder.add_source(
            config::Environment::with_prefix("ROMA")
                .prefix_separator("__")
                .separator("__")
                .list_separator(",")
                .with_list_parse_key("trusted_proxies")
                .with_list_parse_key("accounts.second_factor_required")
                .with_list_parse_key("metrics.allow")
                .try_parsing(true)
                .source(Some(env)),
        );
        let mut settings: Settings = builder
            .build()
            .and_then(config::Config::try_deserialize)
            .map_err(|e| format!("configuration: {e}"))?;
        settings.validate()?;
        settings.smtp.prepare(smtp_password)?;
        Ok(settings)
    }

    pub fn validate(&self) -> Result<(), String> {
        self.synchronous
            .parse::<store::Synchronous>()
            .map_err(|e| format!("configuration: {e}"))?;
        if self.session.idle_minutes < 1 || self.session.absolute_hours < 1 {
            return Err("configuration: session lifetimes must be positive".to_owned());
        }
        let t = &self.login_throttle;
        if t.max_failures < 1
            || t.window_minutes < 1
            || t.free_attempts < 1
            || t.max_delay_minutes < 1
            || t.max_failures_per_address < 1
        {
            return Err("configuration: login_throttle values must be positive".to_owned());
        }
        if !(1..=10).contains(&self.mediation.retention_years) {
            return Err("configuration: mediation.retention_years must be 1–10".to_owned());
        }
        self.retention.validate(&self.session)?;
        if self.files.max_upload_mb == 0 || self.files.max_upload_mb > 100 {
            return Err("configuration: files.max_upload_mb must be 1–100".to_owned());
        }
        self.server.validate()?;
        let p = &self.public_forms;
        if p.window_minutes < 1
            || p.max_posts_per_address < 1
            || p.max_registrations_per_event_hour < 1
            || p.max_questions_per_hour < 1
        {
            return Err("configuration: public_forms values must be positive".to_owned());
        }
        if !(1..=100_000).contains(&self.import.max_rows)
            || !(1..=1_000).contains(&self.import.max_columns)
            || !(1..=1_000).contains(&self.import.max_unpacked_mb)
            || !(2..=10_000).contains(&self.import.max_ratio)
        {
            return Err("configuration: import limits must be max_rows 1–100000, max_columns 1–1000, max_unpacked_mb 1–1000, max_ratio 2–10000".to_owned());
        }
        if !matches!(self.log.format.trim(), "text" | "json") {
            return Err("configuration: log.format must be text or json".to_owned());
        }
        if !(1..=366).contains(&self.backup.keep_daily)
            || self.backup.keep_weekly > 520
            || !(1..=24 * 31).contains(&self.backup.max_age_hours)
        {
            return Err("configuration: backup limits must be keep_daily 1–366, keep_weekly 0–520, max_age_hours 1–744".to_owned());
        }
        if self.youth.min_age < 0
            || self.youth.max_age < self.youth.min_age
            || self.youth.max_age > 150
        {
            return Err("configuration: youth ages must be 0 ≤ min_age ≤ max_age ≤ 150".to_owned());
        }
        if let Some(r) = self
            .accounts
            .second_factor_required
            .iter()
            .find(|r| !r.trim().is_empty() && domain::auth::Role::parse(r.trim()).is_none())
        {
            return Err(format!(
                "configuration: accounts.second_factor_required: {r:?} is not a role (coordinator, ministry, municipality, mediator, ngo, dpo)"
            ));
        }
        url::Url::parse(&self.public_url)
            .map_err(|e| format!("configuration: public_url {:?}: {e}", self.public_url))?;
        Ok(())
    }

    /// The directory uploaded documents are kept in.
    pub fn files_dir(&self) -> PathBuf {
        if self.files.dir.trim().is_empty() {
            let mut p = self.database.clone().into_os_string();
            p.push(".files");
            PathBuf::from(p)
        } else {
            PathBuf::from(self.files.dir.trim())
        }
    }

    /// The file of the key that seals mediation records.
    pub fn key_file(&self) -> PathBuf {
        if self.mediation.key_file.trim().is_empty() {
            let mut p = self.database.clone().into_os_string();
            p.push(".key");
            PathBuf::from(p)
        } else {
            PathBuf::from(self.mediation.key_file.trim())
        }
    }

    /// The keyring for mediation records: the current key and the earlier ones. A missing
    /// key file is created only when `may_create` (the database holds no sealed record yet);
    /// otherwise a missing key is an error — a new key could not open what the lost one
    /// sealed. `Err` says what is wrong, for the operator.
    pub fn load_keyring(&self, may_create: bool) -> Result<domain::sealed::Keyring, String> {
        use domain::sealed::Key;
        let read = |path: &Path| -> Result<Key, String> {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("mediation key {}: {e}", path.display()))?;
            Key::parse(&text).map_err(|e| format!("mediation key {}: {e}", path.display()))
        };
        let path = self.key_file();
        if !path.exists() && !may_create {
            return Err(format!(
                "mediation key {} is missing, and the database holds sealed mediation records: \
                 restore the key file (a new key could not read them)",
                path.display()
            ));
        }
        if !path.exists() {
            let key = Key::generate();
            write_key_file(&path, &key)?;
            tracing::warn!(
                path = %path.display(),
                key = %key.id(),
                "created a new key for mediation records; back it up apart from the database"
            );
        }
        let current = read(&path)?;
        let mut earlier = Vec::new();
        for p in &self.mediation.earlier_key_files {
            earlier.push(read(Path::new(p.trim()))?);
        }
        // A rotation's next key (when it stopped half-way) and the keys it retired (they
        // open older backups).
        let next = self.next_key_file();
        if next.exists() {
            earlier.push(read(&next)?);
        }
        for p in self.retired_key_files() {
            earlier.push(read(&p)?);
        }
        Ok(domain::sealed::Keyring::new(current, earlier))
    }

    /// The erased-subjects list: `<database>.erased`.
    pub fn erased_list_file(&self) -> PathBuf {
        let mut p = self.database.clone().into_os_string();
        p.push(".erased");
        PathBuf::from(p)
    }

    /// Where a key rotation keeps the new key until every value is re-sealed under it.
    pub fn next_key_file(&self) -> PathBuf {
        let mut p = self.key_file().into_os_string();
        p.push(".next");
        PathBuf::from(p)
    }

    /// Where a rotation keeps a key it replaced (named by the key's id).
    pub fn retired_key_file(&self, id: &str) -> PathBuf {
        let mut p = self.key_file().into_os_string();
        p.push(format!(".retired-{id}"));
        PathBuf::from(p)
    }

    /// The keys earlier rotations retired.
    pub fn retired_key_files(&self) -> Vec<PathBuf> {
        let key = self.key_file();
        let (Some(dir), Some(name)) = (key.parent(), key.file_name()) else {
            return Vec::new();
        };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let prefix = format!("{}.retired-", name.to_string_lossy());
        let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    }

    /// The largest document accepted, in bytes.
    pub fn max_upload_bytes(&self) -> usize {
        usize::try_from(self.files.max_upload_mb)
            .unwrap_or(10)
            .saturating_mul(1024 * 1024)
    }

    pub fn youth(&self) -> domain::participation::Youth {
        domain::participation::Youth {
            min: self.youth.min_age,
            max: self.youth.max_age,
        }
    }

    pub fn synchronous(&self) -> store::Synchronous {
        self.synchronous.parse().unwrap_or_default()
    }

    pub fn lifetimes(&self) -> store::sessions::Lifetimes {
        store::sessions::Lifetimes {
            idle: self.session.idle_minutes * 60,
            absolute: self.session.absolute_hours * 3600,
        }
    }
}

/// Writes a key to a new file readable by its owner only, synced, with its directory (the
/// file's name must survive a power cut too). It is written whole to a temporary file first
/// and renamed into place, so a crash never leaves a half-written key under the name; an
/// existing file is never overwritten.
pub fn write_key_file(path: &Path, key: &domain::sealed::Key) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("mediation key {}: {e}", path.display());
    if path.exists() {
        return Err(fail(std::io::Error::from(
            std::io::ErrorKind::AlreadyExists,
        )));
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    // A leftover of a crash is never a key in use.
    match std::fs::remove_file(&tmp) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail(e)),
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp).map_err(fail)?;
    std::io::Write::write_all(&mut f, format!("{}\n", key.encode()).as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)?;
    sync_parent(path).map_err(fail)
}

/// Syncs the directory a file is in.
pub fn sync_parent(path: &Path) -> std::io::Result<()> {
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => std::fs::File::open(dir)?.sync_all(),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_defaults() {
        let env = [
            ("ROMA__BIND".to_owned(), "0.0.0.0:9000".to_owned()),
            ("ROMA__SESSION__IDLE_MINUTES".to_owned(), "15".to_owned()),
            (
                "ROMA__TRUSTED_PROXIES".to_owned(),
                "10.0.0.1,::1".to_owned(),
            ),
            ("OTHER".to_owned(), "x".to_owned()),
        ];
        let s = Settings::load_from(None, env).unwrap_or_default();
        assert_eq!(s.bind, "0.0.0.0:9000");
        assert_eq!(s.session.idle_minutes, 15);
        assert_eq!(s.session.absolute_hours, 12);
        assert_eq!(s.trusted_proxies.len(), 2);
    }

    #[test]
    fn storage_limits_are_set_within_their_bounds() {
        let env = [(
            "ROMA__RETENTION__DAYS__OUTBOX_BODIES".to_owned(),
            "14".to_owned(),
        )];
        let s = Settings::load_from(None, env).unwrap_or_default();
        let rule = domain::retention::rule("outbox_bodies");
        assert_eq!(rule.map(|r| s.retention.days(r)), Some(14));
        let mut s = Settings::default();
        s.retention.days.insert("audit_details".to_owned(), 30);
        assert!(
            s.validate()
                .is_err_and(|e| e.contains("retention.days.audit_details"))
        );
        let mut s = Settings::default();
        s.retention.days.insert("nav_tada".to_owned(), 30);
        assert!(s.validate().is_err_and(|e| e.contains("is no rule")));
    }

    #[test]
    fn bad_values_are_reported() {
        let env = [("ROMA__SYNCHRONOUS".to_owned(), "sometimes".to_owned())];
        assert!(Settings::load_from(None, env).is_err());
    }
}

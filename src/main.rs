//! `roma-platform`: the command line. Wiring only; the work is done in the crates.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

mod backup;

use clap::{Args, Parser, Subcommand};
use domain::auth::Role;
use domain::{Clock as _, SystemClock, password, token, user};
use web::{AppState, Settings};

/// `--version`: the release, the git commit it was built from and the day it was built.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("ROMA_COMMIT"),
    ", built ",
    env!("ROMA_BUILT"),
    ")"
);

#[derive(Debug, Parser)]
#[command(
    name = "roma-platform",
    version = VERSION,
    about = "Roma Platform: coordination software for a National Roma Platform",
    long_about = "Roma Platform: coordination software for a National Roma Platform.\n\nSettings come from defaults, then the TOML file given with --config, then ROMA__SECTION__KEY environment variables (for example ROMA__SESSION__IDLE_MINUTES=15), then the options below."
)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args)]
struct Common {
    /// Optional TOML configuration file.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// SQLite database file [default: ./roma-platform.db; ./roma-demo.db for `demo`].
    #[arg(long, global = true, value_name = "FILE")]
    database: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (applies pending migrations first).
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage personal API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Write one archive of the database (a consistent copy: safe while the server runs),
    /// the uploaded files and a manifest of checksums; or check such an archive.
    Backup {
        /// Where to write the backup; must not exist yet.
        #[arg(
            long,
            value_name = "FILE",
            required_unless_present_any = ["verify", "scheduled"],
            conflicts_with_all = ["verify", "scheduled"]
        )]
        to: Option<PathBuf>,
        /// Check a backup archive: every part against the manifest, and the database inside
        /// (exit code 0 when sound; for a cron job).
        #[arg(long, value_name = "FILE", conflicts_with = "scheduled")]
        verify: Option<PathBuf>,
        /// The nightly backup (the package's timer runs it): a dated archive in [backup] dir,
        /// verified, old ones pruned by keep_daily and keep_weekly, the result recorded for
        /// the metrics and the system page.
        #[arg(long)]
        scheduled: bool,
    },
    /// Replace the database with a backup (stop the server first).
    Restore {
        /// The backup file to restore.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
    /// The key that seals mediation records.
    #[command(subcommand)]
    Mediation(MediationCommand),
    /// Mail: check the relay settings.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Create or reuse ./roma-demo.db with synthetic demo data, print a login per role, and serve.
    Demo {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account. There is no default account: this is how the first coordinator is made.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// coordinator, ministry, municipality, mediator, ngo or dpo (the data protection officer).
        #[arg(long)]
        role: String,
        /// The id of the user's organisation.
        #[arg(long, value_name = "ID")]
        organisation: Option<i64>,
        /// Read the password from standard input; without it a one-time set-password link (valid 24 h) is printed.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove a user's second factor (a lost phone) and end their sessions. Coordinators
    /// reset each other's in the web interface; this is for the last coordinator.
    ResetMfa {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
enum MediationCommand {
    /// Re-seal every mediation record under a new key (stop the server first). The replaced
    /// key is kept as <key file>.retired-<id>: backups made before still need it.
    RotateKey,
}

#[derive(Debug, Subcommand)]
enum MailCommand {
    /// Send one test message now with the [smtp] settings (not through the outbox) and
    /// say what the relay answered: TLS, certificate, login and address problems show here.
    Test {
        /// Where to send it.
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Create a personal API token for a user; it is printed once and stored only as a hash.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        label: String,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            // clap's message up to its usage block, on one line: the error and what it names
            // (e.g. the missing `--email <EMAIL>`).
            let rendered = e.render().to_string();
            let message = rendered
                .lines()
                .take_while(|l| !l.trim().is_empty() && !l.starts_with("Usage:"))
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ");
            if message.is_empty() {
                eprintln!("error: invalid arguments (see `roma-platform --help`)");
            } else {
                eprintln!("{message} (see `roma-platform --help`)");
            }
            return ExitCode::from(2);
        }
    };
    web::metrics::set_build(web::metrics::BuildInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        commit: env!("ROMA_COMMIT").to_owned(),
        built: env!("ROMA_BUILT").to_owned(),
    });
    init_log(&cli.common);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The log on standard error: `ROMA_LOG` says which lines (default `info`: one access line
/// per request and what an operator should know), `[log] format` how (text, or one JSON
/// object per line for a log collector). A configuration that does not load is reported by
/// the command itself; the log is text then.
fn init_log(common: &Common) {
    let json = Settings::load(common.config.as_deref()).is_ok_and(|s| s.log.json());
    let filter = tracing_subscriber::EnvFilter::try_from_env("ROMA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init();
    } else {
        builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .init();
    }
}

fn settings(common: &Common, default_db: Option<&str>) -> anyhow::Result<Settings> {
    let mut s = Settings::load(common.config.as_deref()).map_err(anyhow::Error::msg)?;
    if let Some(db) = &common.database {
        s.database = db.clone();
    } else if let Some(d) = default_db {
        s.database = PathBuf::from(d);
    }
    Ok(s)
}

/// Opens (creating if missing) the database and applies pending migrations. For the
/// commands that own the database: serve, demo, migrate.
async fn open(settings: &Settings) -> anyhow::Result<store::Db> {
    let db = open_only(settings).await?;
    let now = SystemClock.now().as_second();
    let applied = store::migrate::run(&db, now).await?;
    if !applied.is_empty() {
        tracing::info!(?applied, "migrations applied");
    }
    // Erasures recorded after the backup this database may have been restored from.
    let list = settings.erased_list_file();
    let codes = web::erased::read(&list)
        .map_err(|e| anyhow::anyhow!("erased-subjects list {}: {e}", list.display()))?;
    let listed = web::erased::split(codes);
    let again = store::erasure::reapply(&db, now, &listed.mediation).await?
        + store::person_erasure::reapply(&db, now, &listed.people).await?
        + store::person_erasure::reapply_addresses(&db, now, &listed.addresses).await?;
    if again > 0 {
        tracing::warn!(
            again,
            "erased again what the erased-subjects list names (a restored backup held it)"
        );
    }
    Ok(db)
}

/// Opens the database without changing its schema, so a command run beside a server never
/// migrates under it. The file is readable by its owner only: it holds personal data.
async fn open_only(settings: &Settings) -> anyhow::Result<store::Db> {
    let mut opts = store::DbOptions::new(&settings.database);
    opts.synchronous = settings.synchronous();
    let db = store::Db::open(&opts)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", settings.database.display()))?;
    owner_only(&settings.database)?;
    // A database from a newer program, or one whose applied migrations differ from ours,
    // is left as it is.
    let unfit = store::migrate::check(&db).await?;
    if !unfit.is_empty() {
        db.close().await;
        anyhow::bail!(
            "database {} does not fit this program, nothing changed: {}. Run the program version that made it, or restore a backup made by this one",
            settings.database.display(),
            unfit.join("; ")
        );
    }
    Ok(db)
}

/// Opens a database that must already exist and be fully migrated (for commands that
/// may run while a server uses it).
async fn open_existing(settings: &Settings) -> anyhow::Result<store::Db> {
    if !settings.database.exists() {
        anyhow::bail!(
            "database {} does not exist (run `roma-platform migrate` or `serve` first)",
            settings.database.display()
        );
    }
    let db = open_only(settings).await?;
    let version = store::migrate::current_version(&db).await?;
    if version < store::migrate::latest() {
        db.close().await;
        anyhow::bail!(
            "database {} is at migration {version}, this program needs {}: run `roma-platform migrate` with the server stopped",
            settings.database.display(),
            store::migrate::latest()
        );
    }
    Ok(db)
}

/// Makes a file readable and writable by its owner only (SQLite gives its -wal and -shm
/// files the same mode).
fn owner_only(path: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| anyhow::anyhow!("cannot restrict {}: {e}", path.display()))?;
    }
    Ok(())
}

/// The server's lock file: one server per database file, and no restore under a running one.
fn lock(database: &Path) -> anyhow::Result<std::fs::File> {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    let mut opts = std::fs::OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600);
    }
    let file = opts.open(&name)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(_) => anyhow::bail!(
            "{} is in use by a running server (lock {}); stop it first",
            database.display(),
            PathBuf::from(name).display()
        ),
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let common = cli.common;
    match cli.command {
        Command::Serve { bind } => {
            let mut s = settings(&common, None)?;
            if let Some(b) = bind {
                s.bind = b;
            }
            let _lock = lock(&s.database)?;
            let db = open(&s).await?;
            serve(db, s).await
        }
        Command::Mail(MailCommand::Test { to }) => {
            let s = settings(&common, None)?;
            if s.smtp.host.trim().is_empty() {
                anyhow::bail!("no relay is set: [smtp] host is empty");
            }
            for w in s.smtp.warnings() {
                eprintln!("warning: {w}");
            }
            let message = store::outbox::Outgoing::both(
                store::outbox::Outgoing {
                    kind: "test".to_owned(),
                    subject: "Romu platforma: pārbaudes vēstule".to_owned(),
                    body: "Šī ir Romu platformas pārbaudes vēstule: pasta iestatījumi darbojas."
                        .to_owned(),
                    lang: "lv".to_owned(),
                    unsubscribe: None,
                },
                store::outbox::Outgoing {
                    kind: "test".to_owned(),
                    subject: "test message".to_owned(),
                    body: "This is a test message from the Roma Platform: the mail settings work."
                        .to_owned(),
                    lang: "en".to_owned(),
                    unsubscribe: None,
                },
            );
            web::mail::send(
                &s.smtp,
                &web::mail::Footer::of(&s),
                &to,
                &message,
                SystemClock.now(),
            )
            .await
            .map_err(|e| anyhow::anyhow!("not sent: {}", e.message))?;
            println!(
                "Sent to {to} through {}:{} ({}).",
                s.smtp.host,
                s.smtp.port(),
                s.smtp.tls
            );
            Ok(())
        }
        Command::Mediation(MediationCommand::RotateKey) => {
            let s = settings(&common, None)?;
            not_root_over_another(&[s.database.as_path(), s.key_file().as_path()])?;
            if !s.database.exists() {
                anyhow::bail!("database {} does not exist", s.database.display());
            }
            let _lock = lock(&s.database)?;
            let db = open(&s).await?;
            let keys = s
                .load_keyring(!store::mediation::has_sealed_records(&db).await?)
                .map_err(|e| anyhow::anyhow!(e))?;
            // The new key is on disk before anything is sealed under it; a rotation that
            // stopped half-way goes on with the same next key.
            let next = s.next_key_file();
            let new = if next.exists() {
                let text = std::fs::read_to_string(&next)?;
                domain::sealed::Key::parse(&text)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", next.display()))?
            } else {
                let k = domain::sealed::Key::generate();
                web::settings::write_key_file(&next, &k).map_err(|e| anyhow::anyhow!(e))?;
                k
            };
            let ring = keys.rotated_to(new.clone());
            let done =
                store::sealing::reseal_all(&db, SystemClock.now().as_second(), &ring).await?;
            db.close().await;
            let old = keys.current();
            let mut kept = None;
            if old.id() != new.id() {
                let retired = s.retired_key_file(&old.id());
                if !retired.exists() {
                    web::settings::write_key_file(&retired, old).map_err(|e| anyhow::anyhow!(e))?;
                }
                kept = Some(retired);
            }
            let key_file = s.key_file();
            std::fs::rename(&next, &key_file)?;
            web::settings::sync_parent(&key_file)?;
            println!(
                "Re-sealed {} values under the new key {} ({} were under it already); it is in {}.",
                done.resealed,
                new.id(),
                done.current,
                key_file.display()
            );
            if let Some(k) = kept {
                println!(
                    "The replaced key {} is kept in {}: backups made before this rotation need it. \
                     Back up the new key apart from the database.",
                    old.id(),
                    k.display()
                );
            }
            Ok(())
        }
        Command::Migrate => {
            let s = settings(&common, None)?;
            let db = open(&s).await?;
            let version = store::migrate::current_version(&db).await?;
            db.close().await;
            println!(
                "Database {} is at migration {version}.",
                s.database.display()
            );
            Ok(())
        }
        Command::User(UserCommand::Add {
            email,
            name,
            role,
            organisation,
            password_stdin,
        }) => {
            let s = settings(&common, None)?;
            let email = user::Email::parse(&email).ok_or_else(|| {
                anyhow::anyhow!("--email {email:?} is not a valid e-mail address")
            })?;
            let name = user::DisplayName::parse(&name)
                .ok_or_else(|| anyhow::anyhow!("--name must have 1 to 200 characters"))?;
            let role = Role::parse(&role).ok_or_else(|| {
                anyhow::anyhow!("--role {role:?} is not one of: coordinator, ministry, municipality, mediator, ngo, dpo")
            })?;
            if role == Role::Dpo && organisation.is_some() {
                anyhow::bail!("--role dpo acts for no organisation: leave --organisation out");
            }
            let password_hash = if password_stdin {
                let mut input = String::new();
                std::io::stdin().read_to_string(&mut input)?;
                let pw = input.trim_end_matches(['\n', '\r']);
                if let Err(problem) = password::check_new(pw, name.as_str(), email.as_str()) {
                    anyhow::bail!("password not accepted: {}", describe(problem));
                }
                Some(password::hash(pw))
            } else {
                None
            };
            let db = open(&s).await?;
            let now = SystemClock.now().as_second();
            let link = password_hash.is_none().then(|| {
                let secret = token::random_secret();
                let url = format!(
                    "{}/lv/password/set/{secret}",
                    s.public_url.trim_end_matches('/')
                );
                (url, token::hash_secret(&secret), now + 24 * 3600)
            });
            let result = store::users::create(
                &db,
                now,
                &store::Actor::cli(),
                store::users::NewUser {
                    email: email.as_str(),
                    name: name.as_str(),
                    role,
                    organisation_id: organisation,
                    password_hash,
                    password_link: link.as_ref().map(|(_, h, exp)| (h.clone(), *exp)),
                    mail: None,
                },
            )
            .await;
            db.close().await;
            let id = match result {
                Ok(id) => id,
                Err(store::Error::Conflict(store::Conflict::Platform(
                    store::PlatformConflict::Email,
                ))) => {
                    anyhow::bail!("a user with e-mail {} already exists", email.as_str())
                }
                Err(store::Error::Conflict(store::Conflict::Platform(
                    store::PlatformConflict::Organisation,
                ))) => {
                    anyhow::bail!(
                        "organisation {} does not exist",
                        organisation.unwrap_or_default()
                    )
                }
                Err(e) => return Err(e.into()),
            };
            println!("Created user #{id} {} ({role}).", email.as_str());
            if let Some((url, _, _)) = link {
                println!("One-time link to set the password (valid 24 hours):\n{url}");
            }
            Ok(())
        }
        Command::User(UserCommand::ResetMfa { email }) => {
            let s = settings(&common, None)?;
            let db = open_existing(&s).await?;
            let email_norm = email.trim().to_lowercase();
            let Some(u) = store::users::find_by_email(&db, &email_norm).await? else {
                db.close().await;
                anyhow::bail!("no user with e-mail {email_norm}");
            };
            let now = SystemClock.now().as_second();
            let result = store::factors::reset(&db, now, &store::Actor::cli(), u.id, None).await;
            db.close().await;
            match result {
                Ok(()) => {}
                Err(store::Error::NotFound) => {
                    anyhow::bail!("{email_norm} has no two-step sign-in to reset")
                }
                Err(e) => return Err(e.into()),
            }
            println!(
                "Two-step sign-in of {email_norm} was reset and their sessions ended; they can turn it on again on their account page."
            );
            Ok(())
        }
        Command::Token(TokenCommand::Create { email, label }) => {
            let s = settings(&common, None)?;
            let label = user::parse_token_label(&label)
                .ok_or_else(|| anyhow::anyhow!("--label must have 1 to 100 characters"))?;
            let db = open_existing(&s).await?;
            let email_norm = email.trim().to_lowercase();
            let Some(u) = store::users::find_by_email(&db, &email_norm).await? else {
                db.close().await;
                anyhow::bail!("no user with e-mail {email_norm}");
            };
            let secret = token::new_api_token();
            let now = SystemClock.now().as_second();
            store::tokens::create_api_token(
                &db,
                now,
                &store::Actor::cli(),
                u.id,
                &label,
                &token::hash_secret(&secret),
                None,
            )
            .await?;
            db.close().await;
            println!("{secret}");
            let until = jiff::Timestamp::from_second(now + store::tokens::TOKEN_LIFETIME)
                .map(|t| t.to_string())
                .unwrap_or_default();
            eprintln!(
                "API token {label:?} created for {email_norm}, valid until {until}. It is shown only this once."
            );
            Ok(())
        }
        Command::Backup {
            verify: Some(archive),
            ..
        } => {
            let manifest = verify_archive(&archive).await?;
            let files = manifest.file_count();
            println!(
                "{} is sound: made {} by version {}, database at migration {}, {files} files; every checksum and the database's integrity check ok.",
                archive.display(),
                manifest.created_at,
                manifest.program_version,
                manifest.migration
            );
            Ok(())
        }
        Command::Backup {
            scheduled: true, ..
        } => {
            let s = settings(&common, None)?;
            scheduled_backup(&s).await
        }
        Command::Backup { to, .. } => {
            let s = settings(&common, None)?;
            let to = to.ok_or_else(|| anyhow::anyhow!("give --to FILE or --verify FILE"))?;
            let (manifest, size) = write_backup(&s, &to).await?;
            println!(
                "Backed up {} and {} files to {} ({size} bytes); integrity check ok.",
                s.database.display(),
                manifest.file_count(),
                to.display()
            );
            Ok(())
        }
        Command::Restore { from } => {
            let s = settings(&common, None)?;
            not_root_over_another(&[s.database.as_path()])?;
            if !from.exists() {
                anyhow::bail!("{} does not exist", from.display());
            }
            if backup::is_archive(&from) {
                let _lock = lock(&s.database)?;
                return restore_archive(&from, &s).await;
            }
            // A plain database copy, as backups were made before they were archives.
            let problems = store::maintenance::check_backup_file(&from)
                .await
                .map_err(|e| {
                    anyhow::anyhow!(
                        "{} cannot be read as a database, nothing restored: {e}",
                        from.display()
                    )
                })?;
            if !problems.is_empty() {
                anyhow::bail!(
                    "{} is not a sound Roma Platform backup, nothing restored: {}",
                    from.display(),
                    problems.join("; ")
                );
            }
            let _lock = lock(&s.database)?;
            restore_file(&from, &s.database)?;
            let problems = store::maintenance::check_file(&s.database).await?;
            if !problems.is_empty() {
                anyhow::bail!(
                    "the restored database failed its integrity check: {}",
                    problems.join("; ")
                );
            }
            println!(
                "Restored {} from {} (a database copy without the uploaded files); integrity check ok. Pending migrations run at the next start.",
                s.database.display(),
                from.display()
            );
            Ok(())
        }
        Command::Demo { bind } => {
            let mut s = settings(&common, Some("roma-demo.db"))?;
            if let Some(b) = bind {
                // The demo's mailed links follow its address unless one was configured.
                if s.public_url == web::Settings::default().public_url {
                    s.public_url = format!("http://{b}");
                }
                s.bind = b;
            }
            // Trying the demo needs no phone: without a configuration file, nobody must
            // turn on two-step sign-in (anyone may, on the account page).
            if common.config.is_none()
                && std::env::var_os("ROMA__ACCOUNTS__SECOND_FACTOR_REQUIRED").is_none()
            {
                s.accounts.second_factor_required = Vec::new();
            }
            let _lock = lock(&s.database)?;
            let db = open(&s).await?;
            let now = SystemClock.now().as_second();
            // The demo's mediation records are sealed under the database's key (made now
            // when there is none and nothing sealed yet).
            let sealed = store::mediation::has_sealed_records(&db).await?;
            let keyring = s.load_keyring(!sealed).map_err(|e| anyhow::anyhow!(e))?;
            seal_legacy_reasons(&db, &keyring).await?;
            let loaded = demo::seed(&db, now, &keyring).await?;
            // The annual report issued as a coordinator would, so the publications page has
            // something (also for a demo database made before the demo issued it).
            if store::reports::issued(&db, false).await?.is_empty() {
                let state = AppState::new(
                    db.clone(),
                    s.clone(),
                    Arc::new(SystemClock),
                    keyring.clone(),
                );
                web::features::reports::builder::issue_demo_reports(&state, demo::LAST_FULL_YEAR)
                    .await
                    .map_err(|e| anyhow::anyhow!("issuing the demo's reports: {e}"))?;
            }
            if loaded {
                println!(
                    "Loaded the synthetic demo data into {} (with the annual report for {} issued).",
                    s.database.display(),
                    demo::LAST_FULL_YEAR
                );
            } else {
                println!("Reusing the demo database {}.", s.database.display());
            }
            if s.accounts.second_factor_required.is_empty() {
                println!(
                    "\nTwo-step sign-in is not required in the demo (a real server requires it of coordinators and mediators)."
                );
            }
            println!("\nDemo logins (invented people; the passwords are new at every start):");
            let second = (
                domain::auth::Role::Coordinator,
                demo::DEMO_SECOND_COORDINATOR.0,
                "",
                "",
            );
            let dpo = (domain::auth::Role::Dpo, demo::DEMO_DPO.0, "", "");
            for (role, email, _, _) in demo::DEMO_USERS.iter().chain([&second, &dpo]) {
                let pw = format!("demo-{}", &token::random_secret()[..14]);
                let hash = password::hash(&pw);
                if let Some(u) = store::users::find_by_email(&db, email).await? {
                    store::users::set_password(&db, now, &store::Actor::cli(), u.id, &hash, None)
                        .await?;
                }
                println!("  {:<13} {email:<32} {pw}", role.as_str());
            }
            println!();
            serve(db, s).await
        }
    }
}

fn describe(p: password::PasswordProblem) -> &'static str {
    match p {
        password::PasswordProblem::TooShort => "it needs at least 12 characters",
        password::PasswordProblem::TooLong => "it has more than 256 characters",
        password::PasswordProblem::Common => "it is a common password",
        password::PasswordProblem::ContainsPersonal => "it contains the user's name or e-mail",
    }
}

/// Writes one backup archive of the database, its access log and its files to `to` (which
/// must not exist), the database copy integrity-checked. Returns the manifest and the
/// archive's size.
async fn write_backup(s: &Settings, to: &Path) -> anyhow::Result<(backup::Manifest, u64)> {
    if to.exists() {
        anyhow::bail!("{} already exists; choose a new file name", to.display());
    }
    if !s.database.exists() {
        anyhow::bail!("database {} does not exist", s.database.display());
    }
    let db = open_only(s).await?;
    let migration = store::migrate::current_version(&db).await?;
    let copy = sibling(to, ".database-part");
    let access_copy = sibling(to, ".access-log-part");
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(&access_copy);
    let made = match store::maintenance::backup_to(&db, &copy).await {
        Ok(()) => store::access_log::backup_to(&db, &access_copy).await,
        Err(e) => Err(e),
    };
    db.close().await;
    let written = async {
        made?;
        owner_only(&copy)?;
        owner_only(&access_copy)?;
        let problems = store::maintenance::check_file(&copy).await?;
        if !problems.is_empty() {
            anyhow::bail!(
                "the database copy failed its integrity check: {}",
                problems.join("; ")
            );
        }
        let created_at = SystemClock.now().to_string();
        let (to, copy, access, files) = (
            to.to_path_buf(),
            copy.clone(),
            access_copy.clone(),
            s.files_dir(),
        );
        tokio::task::spawn_blocking(move || {
            backup::write(&to, &copy, Some(&access), &files, migration, &created_at)
        })
        .await?
    }
    .await;
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(&access_copy);
    let manifest = written?;
    let size = std::fs::metadata(to)?.len();
    Ok((manifest, size))
}

/// The nightly backup: a dated archive in `[backup] dir`, verified as `backup --verify`
/// does, then the old scheduled archives pruned (`keep_daily`, `keep_weekly`; other files
/// in the folder are never touched), and the result recorded in the database. A failed run
/// is recorded too (when the database can be written) and ends with exit code 1.
async fn scheduled_backup(s: &Settings) -> anyhow::Result<()> {
    let Some(dir) = s.backup.folder() else {
        anyhow::bail!("scheduled backups are off: set [backup] dir (ROMA__BACKUP__DIR)");
    };
    let started = SystemClock.now();
    let name = backup::scheduled_name(started);
    let to = dir.join(&name);
    not_root_over_another(&[s.database.as_path(), dir.as_path()])?;
    let outcome = async {
        std::fs::create_dir_all(&dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
        owner_only_dir(&dir)?;
        // What a run that was stopped half-way left (unencrypted copies): gone first.
        for entry in std::fs::read_dir(&dir)?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let leftover = [".part", ".database-part", ".access-log-part"]
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix))
                .is_some_and(|archive| backup::scheduled_time(archive).is_some());
            if leftover && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        let (manifest, size) = write_backup(s, &to).await?;
        if let Err(e) = verify_archive(&to).await {
            let _ = std::fs::remove_file(&to);
            return Err(e);
        }
        // Only regular files named as scheduled archives are ever pruned; a failure to
        // remove one is said, and does not make the new backup fail.
        let mut ours = Vec::new();
        for entry in std::fs::read_dir(&dir)?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(at) = backup::scheduled_time(&name)
                && entry.file_type().is_ok_and(|t| t.is_file())
            {
                ours.push((name, at));
            }
        }
        let keep_daily = usize::try_from(s.backup.keep_daily).unwrap_or(usize::MAX);
        let keep_weekly = usize::try_from(s.backup.keep_weekly).unwrap_or(usize::MAX);
        let mut pruned = 0;
        for old in backup::to_prune(&ours, keep_daily, keep_weekly) {
            if old == name {
                continue;
            }
            match std::fs::remove_file(dir.join(&old)) {
                Ok(()) => pruned += 1,
                Err(e) => eprintln!("warning: {old} not removed: {e}"),
            }
        }
        anyhow::Ok((manifest, size, pruned))
    }
    .await;
    let finished = SystemClock.now().as_second();
    let run = match &outcome {
        Ok((manifest, size, pruned)) => store::backups::Run {
            started_at: started.as_second(),
            finished_at: finished,
            ok: true,
            archive: name.clone(),
            size_bytes: i64::try_from(*size).unwrap_or(i64::MAX),
            files: i64::try_from(manifest.file_count()).unwrap_or(i64::MAX),
            pruned: *pruned,
            message: String::new(),
        },
        Err(e) => store::backups::Run {
            started_at: started.as_second(),
            finished_at: finished,
            ok: false,
            archive: String::new(),
            size_bytes: 0,
            files: 0,
            pruned: 0,
            message: e.to_string().chars().take(500).collect(),
        },
    };
    let recorded = async {
        let db = open_existing(s).await?;
        let r = store::backups::record(&db, &run).await;
        db.close().await;
        anyhow::Ok(r?)
    }
    .await;
    let (manifest, size, pruned) = outcome.map_err(|e| anyhow::anyhow!("backup failed: {e}"))?;
    recorded.map_err(|e| {
        anyhow::anyhow!(
            "backed up to {}, but the result could not be recorded: {e}",
            to.display()
        )
    })?;
    println!(
        "Backed up {} and {} files to {} ({size} bytes); verified; {pruned} old archives removed.",
        s.database.display(),
        manifest.file_count(),
        to.display()
    );
    Ok(())
}

/// Whether this process runs as root (uid 0), read from /proc (no libc call needed).
fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// Refuses to go on as root where another user owns the files (or their folders): root
/// would leave files that user's server cannot read, and would follow links that user may
/// have planted. Says which user to run as.
fn not_root_over_another(paths: &[&Path]) -> anyhow::Result<()> {
    if !running_as_root() {
        return Ok(());
    }
    if let Some(owner) = paths.iter().find_map(|p| owner_other_than_root(p)) {
        anyhow::bail!(
            "run this as the user who owns the platform's files (uid {owner}), not as root: runuser -u roma-platform -- roma-platform --config /etc/roma-platform/config.toml …"
        );
    }
    Ok(())
}

/// The owner (uid) of a file or of the folder it is in, when it is not root.
fn owner_other_than_root(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        [Some(path), folder].into_iter().flatten().find_map(|p| {
            std::fs::symlink_metadata(p)
                .ok()
                .map(|m| m.uid())
                .filter(|u| *u != 0)
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// `path` with `suffix` added to its name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Checks a backup archive: every part against its manifest, then the database inside
/// (unpacked to a temporary folder beside the archive's reader, then removed): a sound
/// SQLite file of this program's migrations. Returns the manifest.
async fn verify_archive(archive: &Path) -> anyhow::Result<backup::Manifest> {
    let path = archive.to_path_buf();
    let manifest = tokio::task::spawn_blocking(move || backup::verify(&path))
        .await?
        .map_err(|problems| {
            anyhow::anyhow!(
                "{} is not a sound backup: {}",
                archive.display(),
                problems.join("; ")
            )
        })?;
    let scratch = std::env::temp_dir().join(format!(
        "roma-verify-{}-{}",
        std::process::id(),
        SystemClock.now().as_nanosecond()
    ));
    let db = scratch.join("database.sqlite");
    std::fs::create_dir_all(&scratch)?;
    owner_only_dir(&scratch)?;
    let checked = async {
        let (a, d) = (archive.to_path_buf(), db.clone());
        tokio::task::spawn_blocking(move || backup::unpack_database(&a, &d)).await??;
        store::maintenance::check_backup_file(&db)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))
    }
    .await;
    let _ = std::fs::remove_dir_all(&scratch);
    let problems = checked?;
    if !problems.is_empty() {
        anyhow::bail!(
            "{} is not a sound backup: its database: {}",
            archive.display(),
            problems.join("; ")
        );
    }
    Ok(manifest)
}

/// Restores an archive as a whole: verified first, unpacked beside the database and the
/// files directory, then both put in place; the replaced files directory is removed once
/// the database is in place. Nothing is changed when the archive is not sound.
async fn restore_archive(archive: &Path, s: &Settings) -> anyhow::Result<()> {
    verify_archive(archive)
        .await
        .map_err(|e| anyhow::anyhow!("{e}; nothing restored"))?;
    let files = s.files_dir();
    let new_db = sibling(&s.database, ".unpacked");
    let new_files = sibling(&files, ".restoring");
    let old_files = sibling(&files, ".replaced");
    // A restore that stopped half-way may have left the only copy of the files aside.
    if old_files.exists() {
        if files.exists() {
            anyhow::bail!(
                "{} is left from a restore that did not finish; compare it with {}, keep what belongs, remove it and run the restore again; nothing restored",
                old_files.display(),
                files.display()
            );
        }
        std::fs::rename(&old_files, &files)?;
    }
    if new_files.exists() {
        std::fs::remove_dir_all(&new_files)?;
    }
    let _ = std::fs::remove_file(&new_db);
    let access_log = store::db::access_log_path(&s.database);
    let new_access = sibling(&access_log, ".unpacked");
    let _ = std::fs::remove_file(&new_access);
    let (a, d, l, f) = (
        archive.to_path_buf(),
        new_db.clone(),
        new_access.clone(),
        new_files.clone(),
    );
    tokio::task::spawn_blocking(move || backup::unpack(&a, &d, &l, &f)).await??;
    let had_files = files.exists();
    if had_files {
        std::fs::rename(&files, &old_files)?;
    }
    std::fs::rename(&new_files, &files)?;
    if let Err(e) = restore_file(&new_db, &s.database) {
        // The database stays as it was: so do its files.
        let _ = std::fs::remove_dir_all(&files);
        if had_files {
            let _ = std::fs::rename(&old_files, &files);
        }
        let _ = std::fs::remove_file(&new_db);
        let _ = std::fs::remove_file(&new_access);
        return Err(e);
    }
    let _ = std::fs::remove_file(&new_db);
    let problems = store::maintenance::check_file(&s.database).await?;
    if !problems.is_empty() {
        let _ = std::fs::remove_file(&new_access);
        anyhow::bail!(
            "the restored database failed its integrity check: {}; the files it replaced are kept in {}",
            problems.join("; "),
            old_files.display()
        );
    }
    if had_files {
        std::fs::remove_dir_all(&old_files)?;
    }
    let access_note = restore_access_log(&new_access, &access_log).await?;
    println!(
        "Restored {} and its files ({}) from {}; every checksum and the integrity check ok; {access_note}. Pending migrations run at the next start.",
        s.database.display(),
        files.display(),
        archive.display()
    );
    Ok(())
}

/// Once the database is restored: the access log on this machine holds the readings made
/// since the backup, so it stays when it holds any; otherwise (a new machine, or one where
/// only a command has run) the archive's is put in its place. Says which.
async fn restore_access_log(unpacked: &Path, log: &Path) -> anyhow::Result<&'static str> {
    if !unpacked.exists() {
        return Ok("the archive holds no access log; the one here is kept");
    }
    let here = if log.exists() {
        store::access_log::records_in_file(log).await.unwrap_or(1)
    } else {
        0
    };
    if here > 0 {
        std::fs::remove_file(unpacked)?;
        return Ok("the access log on this machine kept (it holds what was read since the backup)");
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(sibling(log, suffix));
    }
    std::fs::rename(unpacked, log)?;
    Ok("the access log restored")
}

/// Makes a directory its owner's only.
fn owner_only_dir(path: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Copies a checked backup over the database file atomically and drops the old WAL.
fn restore_file(from: &Path, to: &Path) -> anyhow::Result<()> {
    let mut tmp = to.as_os_str().to_owned();
    tmp.push(".restoring");
    let tmp = PathBuf::from(tmp);
    std::fs::copy(from, &tmp)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    for suffix in ["-wal", "-shm"] {
        let mut side = to.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(side)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    std::fs::rename(&tmp, to)?;
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// Seals the reasons supervisors stated in the clear before notes were sealed (a data step
/// of migration 42 that needs the key), saying how many.
async fn seal_legacy_reasons(db: &store::Db, keys: &domain::sealed::Keyring) -> anyhow::Result<()> {
    let n = store::mediation::seal_legacy_reasons(db, keys).await?;
    if n > 0 {
        tracing::info!(
            count = n,
            "sealed supervisors' reasons stored before sealing"
        );
        println!("Sealed {n} supervisors' reasons stored in the clear before this version.");
    }
    Ok(())
}

async fn serve(db: store::Db, s: Settings) -> anyhow::Result<()> {
    let sealed = store::mediation::has_sealed_records(&db).await?;
    let keyring = s.load_keyring(!sealed).map_err(|e| anyhow::anyhow!(e))?;
    seal_legacy_reasons(&db, &keyring).await?;
    let shutdown = shutdown_signal()?;
    let listener = tokio::net::TcpListener::bind(&s.bind)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", s.bind))?;
    let addr = listener.local_addr()?;
    for w in s.smtp.warnings() {
        tracing::warn!("{w}");
        eprintln!("warning: {w}");
    }
    let state = AppState::new(db.clone(), s, Arc::new(SystemClock), keyring);
    tracing::info!(%addr, "listening");
    println!("Roma Platform listening on http://{addr}");
    web::serve(listener, state, shutdown).await?;
    db.close().await;
    tracing::info!("stopped; database closed");
    Ok(())
}

/// Resolves at SIGTERM or Ctrl-C. The handlers are installed when this is called, before
/// the server says it is listening, so an early SIGTERM is graceful too.
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        Ok(async move {
            tokio::select! {
                _ = term.recv() => {},
                _ = int.recv() => {},
            }
            tracing::info!("shutting down: finishing requests in flight");
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down: finishing requests in flight");
        })
    }
}

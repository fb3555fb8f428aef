//! The SQLite pools: one writer connection (SQLite has one writer at a time anyway, and a
//! single writer never meets SQLITE_BUSY inside the process) and a small read pool sized
//! for a 2-core machine. WAL, foreign keys, busy timeout, synchronous=FULL by default.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

/// How hard SQLite syncs to disk. FULL survives a power cut; NORMAL may lose the last
/// transactions on one but never corrupts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Synchronous {
    #[default]
    Full,
    Normal,
}

impl FromStr for Synchronous {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "full" => Ok(Synchronous::Full),
            "normal" => Ok(Synchronous::Normal),
            other => Err(format!("synchronous must be FULL or NORMAL, not {other:?}")),
        }
    }
}

#[derive(Debug, Clone)]
pub struct DbOptions {
    pub path: PathBuf,
    pub synchronous: Synchronous,
    pub read_connections: u32,
    pub busy_timeout: Duration,
}

impl DbOptions {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        DbOptions {
            path: path.into(),
            synchronous: Synchronous::Full,
            read_connections: 4,
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// The database: a writer and a read pool on one SQLite file, and one connection to the
/// access log (`store::access_log`), a file of its own beside it.
#[derive(Debug, Clone)]
pub struct Db {
    pub(crate) writer: SqlitePool,
    pub(crate) reader: SqlitePool,
    pub(crate) access: SqlitePool,
    path: PathBuf,
    /// How often and how long write transactions waited for the one writer connection.
    waits: std::sync::Arc<WriterWaits>,
}

/// Waits for the writer connection (for the metrics).
#[derive(Debug, Default)]
struct WriterWaits {
    count: std::sync::atomic::AtomicU64,
    nanos: std::sync::atomic::AtomicU64,
}

/// The pools' state and the writer's waits so far, for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    pub reader_size: u32,
    pub reader_idle: u32,
    pub writer_size: u32,
    pub writer_idle: u32,
    /// Write transactions that found the writer busy and waited for it.
    pub writer_waits: u64,
    /// Their waiting, in all.
    pub writer_wait_nanos: u64,
}

/// The access log's file: the database's path with `.access.sqlite` added.
pub fn access_log_path(database: &Path) -> PathBuf {
    let mut p = database.as_os_str().to_owned();
    p.push(".access.sqlite");
    PathBuf::from(p)
}

/// Creates `path` readable by its owner only, when it does not exist yet (before SQLite
/// opens it, so its -wal and -shm files get the same mode).
fn create_owner_only(path: &Path) -> crate::Result<()> {
    #[cfg(unix)]
    if !path.exists() {
        use std::os::unix::fs::OpenOptionsExt as _;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| crate::Error::Other(sqlx::Error::Io(e)))?;
    }
    Ok(())
}

impl Db {
    /// Opens (creating if missing) the database file. Does not migrate. A new file is made
    /// readable by its owner only before SQLite opens it, so its -wal and -shm files (which
    /// SQLite gives the database's mode) are too; those of an existing database are
    /// restricted after opening.
    pub async fn open(opts: &DbOptions) -> crate::Result<Db> {
        create_owner_only(&opts.path)?;
        let base = SqliteConnectOptions::new()
            .filename(&opts.path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(match opts.synchronous {
                Synchronous::Full => SqliteSynchronous::Full,
                Synchronous::Normal => SqliteSynchronous::Normal,
            })
            .foreign_keys(true)
            // Deleted rows (erasure, withdrawn consents) are overwritten, not left in free
            // pages of the file.
            .pragma("secure_delete", "ON")
            .busy_timeout(opts.busy_timeout);
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(base.clone())
            .await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(opts.read_connections.max(1))
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(base.clone().read_only(true))
            .await?;
        // The access log: written while pages are read, so apart from the data they show
        // (reading a page changes nothing in the database); one connection does both.
        let access_path = access_log_path(&opts.path);
        create_owner_only(&access_path)?;
        let access = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(base.filename(&access_path))
            .await?;
        #[cfg(unix)]
        {
            // The access log is its owner's only, also when it was made otherwise.
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&access_path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| crate::Error::Other(sqlx::Error::Io(e)))?;
        }
        #[cfg(unix)]
        for file in [&opts.path, &access_path] {
            for suffix in ["-wal", "-shm"] {
                use std::os::unix::fs::PermissionsExt as _;
                let mut side = file.clone().into_os_string();
                side.push(suffix);
                let side = std::path::PathBuf::from(side);
                if side.exists() {
                    std::fs::set_permissions(&side, std::fs::Permissions::from_mode(0o600))
                        .map_err(|e| crate::Error::Other(sqlx::Error::Io(e)))?;
                }
            }
        }
        Ok(Db {
            writer,
            reader,
            access,
            path: opts.path.clone(),
            waits: std::sync::Arc::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A write transaction (`BEGIN IMMEDIATE`, so it never fails half-way on a lock upgrade).
    pub(crate) async fn write(&self) -> crate::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        if self.writer.num_idle() > 0 {
            return Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?);
        }
        // The writer is busy: how long this waits is counted.
        let start = std::time::Instant::now();
        let tx = self.writer.begin_with("BEGIN IMMEDIATE").await;
        let waited = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        use std::sync::atomic::Ordering::Relaxed;
        self.waits.count.fetch_add(1, Relaxed);
        self.waits.nanos.fetch_add(waited, Relaxed);
        Ok(tx?)
    }

    /// The pools' connections and the writer's waits so far.
    pub fn pool_stats(&self) -> PoolStats {
        use std::sync::atomic::Ordering::Relaxed;
        let idle = |p: &SqlitePool| u32::try_from(p.num_idle()).unwrap_or(u32::MAX);
        PoolStats {
            reader_size: self.reader.size(),
            reader_idle: idle(&self.reader),
            writer_size: self.writer.size(),
            writer_idle: idle(&self.writer),
            writer_waits: self.waits.count.load(Relaxed),
            writer_wait_nanos: self.waits.nanos.load(Relaxed),
        }
    }

    /// True when the database answers a query.
    pub async fn ping(&self) -> bool {
        sqlx::query_scalar::<_, i64>("SELECT 1")
            .fetch_one(&self.reader)
            .await
            .is_ok()
    }

    /// Closes both pools, waiting for connections in use to be returned; the WAL is
    /// checkpointed by SQLite when the last connection closes.
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
        self.access.close().await;
    }
}

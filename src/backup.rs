//! Backups as one archive: a consistent copy of the database, every uploaded file (documents,
//! photos, evidence) and a manifest with each part's size and SHA-256, so a restore brings
//! back the platform as a whole and a cron job can check a backup without restoring it.
//!
//! The archive is a ZIP (ZIP64 past 4 GB): `manifest.json`, `database.sqlite` (deflated)
//! and `files/<sha256>` (stored: documents and photos are compressed already). It is written
//! to `<file>.part` (readable by its owner only) and renamed into place when complete. The
//! mediation key and the erased-subjects list are not in it by design: they are backed up
//! apart from the database. The access log (`access-log.sqlite`, a consistent copy of the
//! file beside the database) is in it; a restore puts it back only where there is none, as
//! the log on the machine holds the readings made since the backup.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// The archive's format, in its manifest.
const FORMAT: &str = "roma-platform-backup/1";
const MANIFEST: &str = "manifest.json";
const DATABASE: &str = "database.sqlite";
const ACCESS_LOG: &str = "access-log.sqlite";
const FILES: &str = "files/";

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub created_at: String,
    pub program_version: String,
    /// The database's latest applied migration.
    pub migration: i64,
    pub entries: Vec<Entry>,
}

impl Manifest {
    /// How many uploaded files the archive holds (besides the database and the access log).
    pub fn file_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.path.starts_with(FILES))
            .count()
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// True when the file is an archive (not a plain database copy from earlier versions).
pub fn is_archive(path: &Path) -> bool {
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"PK\x03\x04"
}

/// A file opened for writing, readable and writable by its owner only.
fn owner_only_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// Copies `from` into the archive's current entry, returning its size and SHA-256.
fn copy_hashed(from: &mut impl Read, to: &mut impl Write) -> std::io::Result<(u64, String)> {
    let mut hash = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = from.read(&mut buf)?;
        if n == 0 {
            break;
        }
        let chunk = buf.get(..n).unwrap_or_default();
        hash.update(chunk);
        to.write_all(chunk)?;
        size += u64::try_from(n).unwrap_or(0);
    }
    Ok((size, format!("{:x}", hash.finalize())))
}

/// Writes the archive `to` from a database copy already made (`database`) and the files
/// directory (which may not exist yet). `to` must not exist; nothing is left at `to` when
/// this fails.
pub fn write(
    to: &Path,
    database: &Path,
    access_log: Option<&Path>,
    files_dir: &Path,
    migration: i64,
    created_at: &str,
) -> anyhow::Result<Manifest> {
    let mut part = to.as_os_str().to_owned();
    part.push(".part");
    let part = PathBuf::from(part);
    let _ = std::fs::remove_file(&part);
    let result = (|| -> anyhow::Result<Manifest> {
        let file = owner_only_file(&part)?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let mut entries = Vec::new();
        let size_of = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let db_options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(size_of(database) >= u64::from(u32::MAX));
        zip.start_file(DATABASE, db_options)?;
        let (size, sha256) = copy_hashed(&mut std::fs::File::open(database)?, &mut zip)?;
        entries.push(Entry {
            path: DATABASE.to_owned(),
            size,
            sha256,
        });
        if let Some(log) = access_log {
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(size_of(log) >= u64::from(u32::MAX));
            zip.start_file(ACCESS_LOG, options)?;
            let (size, sha256) = copy_hashed(&mut std::fs::File::open(log)?, &mut zip)?;
            entries.push(Entry {
                path: ACCESS_LOG.to_owned(),
                size,
                sha256,
            });
        }
        let mut names: Vec<PathBuf> = match std::fs::read_dir(files_dir) {
            Ok(dir) => dir
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                // Half-written uploads (`<sha>.part`) are not files yet.
                .filter(|p| p.extension().is_none())
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        names.sort();
        for path in names {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            // A file deleted since the listing (a withdrawn story's photo) is not in it.
            let mut source = match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e.into()),
            };
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored)
                .large_file(size_of(&path) >= u64::from(u32::MAX));
            let entry = format!("{FILES}{name}");
            zip.start_file(entry.as_str(), options)?;
            let (size, sha256) = copy_hashed(&mut source, &mut zip)?;
            entries.push(Entry {
                path: entry,
                size,
                sha256,
            });
        }
        let manifest = Manifest {
            format: FORMAT.to_owned(),
            created_at: created_at.to_owned(),
            program_version: env!("CARGO_PKG_VERSION").to_owned(),
            migration,
            entries,
        };
        zip.start_file(MANIFEST, zip::write::SimpleFileOptions::default())?;
        zip.write_all(&serde_json::to_vec_pretty(&manifest)?)?;
        let file = zip.finish()?.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(manifest)
    })();
    match result {
        Ok(manifest) => {
            std::fs::rename(&part, to)?;
            Ok(manifest)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

/// Checks an archive without unpacking it anywhere: its manifest, and every entry's size
/// and SHA-256 against it (every file is read). Returns the manifest, or the problems.
pub fn verify(archive: &Path) -> Result<Manifest, Vec<String>> {
    let fail = |m: String| vec![m];
    let file = std::fs::File::open(archive).map_err(|e| fail(format!("cannot open: {e}")))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| fail(format!("not a readable archive: {e}")))?;
    let manifest: Manifest = {
        let mut m = zip
            .by_name(MANIFEST)
            .map_err(|_| fail("it has no manifest.json: not a Roma Platform backup".to_owned()))?;
        let mut text = Vec::new();
        m.by_ref()
            .take(16 * 1024 * 1024)
            .read_to_end(&mut text)
            .map_err(|e| fail(format!("manifest unreadable: {e}")))?;
        serde_json::from_slice(&text).map_err(|e| fail(format!("manifest unreadable: {e}")))?
    };
    let mut problems = Vec::new();
    if manifest.format != FORMAT {
        problems.push(format!("unknown backup format {:?}", manifest.format));
        return Err(problems);
    }
    if !manifest.entries.iter().any(|e| e.path == DATABASE) {
        problems.push("the manifest lists no database".to_owned());
    }
    for entry in &manifest.entries {
        if entry.path != DATABASE && entry.path != ACCESS_LOG && file_name(&entry.path).is_none() {
            problems.push(format!("unexpected entry {:?}", entry.path));
            continue;
        }
        match zip.by_name(&entry.path) {
            Err(_) => problems.push(format!("{} is missing", entry.path)),
            Ok(mut f) => match copy_hashed(&mut f, &mut std::io::sink()) {
                Ok((size, sha)) if size == entry.size && sha == entry.sha256 => {}
                Ok(_) => problems.push(format!("{} does not match its checksum", entry.path)),
                Err(e) => problems.push(format!("{} cannot be read: {e}", entry.path)),
            },
        }
    }
    let listed: std::collections::HashSet<&str> =
        manifest.entries.iter().map(|e| e.path.as_str()).collect();
    for name in zip.file_names() {
        let name = name.map(|n| n.into_owned()).unwrap_or_default();
        if name != MANIFEST && !listed.contains(name.as_str()) {
            problems.push(format!("{name:?} is not in the manifest"));
        }
    }
    if problems.is_empty() {
        Ok(manifest)
    } else {
        Err(problems)
    }
}

/// The name under the files directory of an archive entry `files/<name>`: letters and
/// digits only (the files are named by their SHA-256), so nothing can point elsewhere.
fn file_name(entry: &str) -> Option<&str> {
    entry
        .strip_prefix(FILES)
        .filter(|n| !n.is_empty() && n.len() <= 128 && n.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Unpacks only the database of an archive, to `to` (which must not exist).
pub fn unpack_database(archive: &Path, to: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::open(archive)?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))?;
    let mut entry = zip.by_name(DATABASE)?;
    let mut out = owner_only_file(to)?;
    std::io::copy(&mut entry, &mut out)?;
    out.sync_all()?;
    Ok(())
}

/// Unpacks a verified archive: the database to `database`, the access log (when the archive
/// has one) to `access_log`, the files into `files_dir` (none may exist yet; made readable
/// by their owner only). Entry names are checked again here, whatever `verify` found.
pub fn unpack(
    archive: &Path,
    database: &Path,
    access_log: &Path,
    files_dir: &Path,
) -> anyhow::Result<()> {
    let file = std::fs::File::open(archive)?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        std::fs::DirBuilder::new().mode(0o700).create(files_dir)?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir(files_dir)?;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i)?;
        let name = entry.name()?.into_owned();
        let target = if name == DATABASE {
            database.to_path_buf()
        } else if name == ACCESS_LOG {
            access_log.to_path_buf()
        } else if let Some(file) = file_name(&name) {
            files_dir.join(file)
        } else if name == MANIFEST {
            continue;
        } else {
            anyhow::bail!("unexpected entry {name:?} in the archive");
        };
        let mut out = owner_only_file(&target)?;
        std::io::copy(&mut entry, &mut out)?;
        out.sync_all()?;
    }
    Ok(())
}

/// The name of a scheduled backup made at `at`: `roma-platform-20261207T023000Z.zip`.
pub fn scheduled_name(at: jiff::Timestamp) -> String {
    format!("roma-platform-{}.zip", at.strftime("%Y%m%dT%H%M%SZ"))
}

/// When a scheduled backup's archive was made, read from its name; None for every other
/// file (which the pruning never touches).
pub fn scheduled_time(name: &str) -> Option<jiff::Timestamp> {
    let stamp = name.strip_prefix("roma-platform-")?.strip_suffix(".zip")?;
    let dt = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%SZ", stamp).ok()?;
    jiff::tz::TimeZone::UTC.to_timestamp(dt).ok()
}

/// The scheduled archives to remove: of those given (file name, when made), the newest of
/// each of the `keep_daily` most recent days and of each of the `keep_weekly` most recent
/// ISO weeks is kept (days and weeks in UTC, counted among those that have an archive), and
/// the newest archive always; the others go.
pub fn to_prune(
    archives: &[(String, jiff::Timestamp)],
    keep_daily: usize,
    keep_weekly: usize,
) -> Vec<String> {
    let mut sorted: Vec<&(String, jiff::Timestamp)> = archives.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    let mut gone = Vec::new();
    for (i, (name, at)) in sorted.into_iter().enumerate() {
        let date = at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let week = date.iso_week_date();
        let week = (week.year(), week.week());
        let mut keep = i == 0;
        if !days.contains(&date) && days.len() < keep_daily {
            days.push(date);
            keep = true;
        }
        if !weeks.contains(&week) && weeks.len() < keep_weekly {
            weeks.push(week);
            keep = true;
        }
        if !keep {
            gone.push(name.clone());
        }
    }
    gone.sort();
    gone
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> jiff::Timestamp {
        s.parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn a_scheduled_name_reads_back_and_other_files_are_not_ours() {
        let t = at("2026-12-07T02:30:00Z");
        let name = scheduled_name(t);
        assert_eq!(name, "roma-platform-20261207T023000Z.zip");
        assert_eq!(scheduled_time(&name), Some(t));
        assert_eq!(
            scheduled_time("roma-platform-20261207T023000Z.zip.part"),
            None
        );
        assert_eq!(scheduled_time("manual-before-upgrade.zip"), None);
        assert_eq!(scheduled_time("roma-platform-yesterday.zip"), None);
    }

    #[test]
    fn pruning_keeps_the_newest_of_each_recent_day_and_week() {
        // Nightly at 02:30 for 60 days (2026-10-09 … 2026-12-07), and a second run on the
        // last day.
        let mut all = Vec::new();
        let first = at("2026-10-09T02:30:00Z");
        for d in 0..60 {
            let t = first
                .checked_add(jiff::SignedDuration::from_hours(24 * d))
                .unwrap_or(first);
            all.push((scheduled_name(t), t));
        }
        let extra = at("2026-12-07T14:00:00Z");
        all.push((scheduled_name(extra), extra));
        let gone = to_prune(&all, 7, 4);
        let kept: Vec<&String> = all
            .iter()
            .map(|(n, _)| n)
            .filter(|n| !gone.contains(n))
            .collect();
        // 7 days (the 7th of December's newest run, not its first), and the newest of 4
        // weeks, of which the days cover the last two (Mon 30 Nov–Sun 6 Dec and the week of
        // the 7th): two more, the Sundays 29 and 22 November.
        assert_eq!(
            kept,
            vec![
                "roma-platform-20261122T023000Z.zip",
                "roma-platform-20261129T023000Z.zip",
                "roma-platform-20261201T023000Z.zip",
                "roma-platform-20261202T023000Z.zip",
                "roma-platform-20261203T023000Z.zip",
                "roma-platform-20261204T023000Z.zip",
                "roma-platform-20261205T023000Z.zip",
                "roma-platform-20261206T023000Z.zip",
                "roma-platform-20261207T140000Z.zip",
            ]
        );
        assert_eq!(gone.len(), all.len() - kept.len());
        // Nothing else to keep: only the newest stays.
        assert_eq!(to_prune(&all, 1, 0).len(), all.len() - 1);
        // An empty folder: nothing to do.
        assert!(to_prune(&[], 7, 4).is_empty());
    }
}

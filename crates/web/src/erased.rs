//! The erased-subjects list: the codes of erased mediation records, one per line, in a file
//! beside the database (`<database>.erased`), written before the erasure and read at every
//! start, so a database restored from an older backup loses them again. It holds codes only.

use std::io::Write;
use std::path::Path;

/// Appends a code (synced, with the directory when the file is new).
pub fn append(path: &Path, code: &str) -> std::io::Result<()> {
    let new = !path.exists();
    let mut opts = std::fs::OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(format!("{code}\n").as_bytes())?;
    f.sync_all()?;
    if new {
        crate::settings::sync_parent(path)?;
    }
    Ok(())
}

/// The listed codes (none when there is no list).
pub fn read(path: &Path) -> std::io::Result<Vec<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

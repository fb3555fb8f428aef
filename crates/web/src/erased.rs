//! The erased-subjects list: the codes of erased mediation records, the numbers of erased
//! registry people (`person:12`) and the hashes of erased addresses (`address:…`), one per line, in a file beside the database
//! (`<database>.erased`), written before the erasure and read at every start, so a database
//! restored from an older backup loses them again. It holds codes and numbers only.

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

/// How the list names an erased registry person.
pub fn person_code(id: i64) -> String {
    format!("person:{id}")
}

/// The list's lines split: mediation codes, registry people's numbers, and the codes of
/// addresses (`store::person_erasure::address_code`: a hash, never the address).
#[derive(Debug, Default)]
pub struct Split {
    pub mediation: Vec<String>,
    pub people: Vec<i64>,
    pub addresses: Vec<String>,
}

pub fn split(codes: Vec<String>) -> Split {
    let mut out = Split {
        mediation: Vec::new(),
        people: Vec::new(),
        addresses: Vec::new(),
    };
    for c in codes {
        if c.starts_with("address:") {
            out.addresses.push(c);
            continue;
        }
        match c.strip_prefix("person:").map(str::parse::<i64>) {
            Some(Ok(id)) => out.people.push(id),
            // A line that looks like a person's but is no number is no mediation code
            // either: it is left for whoever reads the file.
            Some(Err(_)) => {}
            None => out.mediation.push(c),
        }
    }
    out
}

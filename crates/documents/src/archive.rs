//! ZIP-based files from outside (XLSX for imports; DOCX, XLSX and ODT documents) checked
//! before anything reads them: how many entries, how large they unpack to and how far they
//! are compressed. A "zip bomb" — a few kilobytes that unpack to gigabytes — is refused
//! before it is opened as a spreadsheet or published as a document.
//!
//! The central directory's declared sizes are checked first (cheap); then every entry is
//! unpacked into nothing, counting, and stopped as soon as it passes the limit — declared
//! sizes can lie, the inflated bytes cannot. Nothing is kept in memory.

use std::io::{Cursor, Read};

/// How large an archive may unpack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive.
    pub max_entries: usize,
    /// All entries together, unpacked, in bytes.
    pub max_unpacked: u64,
    /// Unpacked size over packed size, for the whole archive and for every entry that
    /// unpacks to more than [`RATIO_FLOOR`] bytes (a small entry cannot be a bomb, and a
    /// short run of spaces may compress very far).
    pub max_ratio: u64,
}

/// Entries smaller than this unpacked are not judged by their own compression ratio.
pub const RATIO_FLOOR: u64 = 1 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 1_000,
            max_unpacked: 50 * 1024 * 1024,
            max_ratio: 100,
        }
    }
}

/// Why an archive was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveError {
    #[error("not a readable ZIP archive")]
    Damaged,
    #[error("more than {0} entries")]
    TooManyEntries(usize),
    #[error("unpacks to more than {0} bytes")]
    TooLarge(u64),
    #[error("compressed more than {0}:1")]
    Ratio(u64),
}

/// What was found in an archive that passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub entries: usize,
    pub unpacked: u64,
}

/// Checks a ZIP archive against the limits without keeping what it unpacks.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<Checked, ArchiveError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ArchiveError::Damaged)?;
    let entries = zip.len();
    if entries > limits.max_entries {
        return Err(ArchiveError::TooManyEntries(limits.max_entries));
    }
    let packed_total = u64::try_from(bytes.len()).unwrap_or(u64::MAX).max(1);
    let too_far =
        |unpacked: u64, packed: u64| unpacked > limits.max_ratio.saturating_mul(packed.max(1));
    // What the central directory declares.
    let mut declared = 0u64;
    for i in 0..entries {
        let f = zip.by_index_raw(i).map_err(|_| ArchiveError::Damaged)?;
        declared = declared.saturating_add(f.size());
        if f.size() > RATIO_FLOOR && too_far(f.size(), f.compressed_size()) {
            return Err(ArchiveError::Ratio(limits.max_ratio));
        }
    }
    if declared > limits.max_unpacked {
        return Err(ArchiveError::TooLarge(limits.max_unpacked));
    }
    // What the entries really unpack to.
    let mut unpacked = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..entries {
        let mut f = zip.by_index(i).map_err(|_| ArchiveError::Damaged)?;
        let packed = f.compressed_size();
        let mut this = 0u64;
        loop {
            let n = f.read(&mut buf).map_err(|_| ArchiveError::Damaged)?;
            if n == 0 {
                break;
            }
            let n = u64::try_from(n).unwrap_or(u64::MAX);
            this = this.saturating_add(n);
            unpacked = unpacked.saturating_add(n);
            if unpacked > limits.max_unpacked {
                return Err(ArchiveError::TooLarge(limits.max_unpacked));
            }
            if this > RATIO_FLOOR && too_far(this, packed) {
                return Err(ArchiveError::Ratio(limits.max_ratio));
            }
        }
    }
    if unpacked > RATIO_FLOOR && too_far(unpacked, packed_total) {
        return Err(ArchiveError::Ratio(limits.max_ratio));
    }
    Ok(Checked { entries, unpacked })
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            w.start_file(*name, opts).unwrap_or_default();
            w.write_all(data).unwrap_or_default();
        }
        w.finish().map(|_| ()).unwrap_or_default();
        out.into_inner()
    }

    #[test]
    fn ordinary_archives_pass_and_report_what_they_hold() {
        let z = zip_of(&[
            ("a.xml", b"<a>hello</a>".to_vec()),
            ("b.xml", vec![b'x'; 500]),
        ]);
        assert_eq!(
            check(&z, &Limits::default()),
            Ok(Checked {
                entries: 2,
                unpacked: 512
            })
        );
    }

    #[test]
    fn bombs_are_refused_by_size_ratio_and_entry_count() {
        // 60 MB of zeros packs to ~60 KB: too large, and far past 100:1.
        let big = zip_of(&[("sheet.xml", vec![0u8; 60 * 1024 * 1024])]);
        assert!(big.len() < 200_000, "{}", big.len());
        assert!(matches!(
            check(&big, &Limits::default()),
            Err(ArchiveError::Ratio(100) | ArchiveError::TooLarge(_))
        ));
        // 5 MB of zeros: small enough, but compressed ~1000:1.
        let dense = zip_of(&[("sheet.xml", vec![0u8; 5 * 1024 * 1024])]);
        assert_eq!(
            check(&dense, &Limits::default()),
            Err(ArchiveError::Ratio(100))
        );
        // Within a larger limit on size the ratio still decides.
        let lenient = Limits {
            max_unpacked: 1 << 30,
            ..Limits::default()
        };
        assert_eq!(check(&big, &lenient), Err(ArchiveError::Ratio(100)));
        let many: Vec<(String, Vec<u8>)> = (0..1_001)
            .map(|i| (format!("{i}.xml"), vec![b'a']))
            .collect();
        let many: Vec<(&str, Vec<u8>)> =
            many.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
        assert_eq!(
            check(&zip_of(&many), &Limits::default()),
            Err(ArchiveError::TooManyEntries(1_000))
        );
        assert_eq!(
            check(b"PK\x03\x04 not really", &Limits::default()),
            Err(ArchiveError::Damaged)
        );
    }

    #[test]
    fn a_lying_central_directory_is_caught_while_unpacking() {
        // Random-looking bytes do not compress: 2 MB of them pass the ratio; the size
        // limit set to 1 MB is met while unpacking even though... the directory tells the
        // truth here, so lie: patch the declared sizes down to 10 bytes.
        let mut noise = Vec::with_capacity(2 << 20);
        let mut x: u32 = 2_463_534_242;
        for _ in 0..(2 << 20) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push(x.to_le_bytes()[0]);
        }
        let mut z = zip_of(&[("x.bin", noise)]);
        let at = z
            .windows(4)
            .rposition(|w| w == b"PK\x01\x02")
            .unwrap_or_default();
        // Central directory: uncompressed size at +24.
        z[at + 24..at + 28].copy_from_slice(&10u32.to_le_bytes());
        let limits = Limits {
            max_unpacked: 1 << 20,
            ..Limits::default()
        };
        assert!(matches!(
            check(&z, &limits),
            Err(ArchiveError::TooLarge(_) | ArchiveError::Damaged)
        ));
    }
}

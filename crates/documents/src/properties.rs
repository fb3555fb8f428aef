//! Property tests of every reader of outside input in this crate (issue 16): the table
//! reader (CSV and XLSX), the ZIP checker, the content sniffer with its header checks and
//! metadata strippers. Whatever the bytes, a reader answers — a value within its limits or
//! an error — and never panics. A bounded number of cases runs in the suite (`PROPTEST_CASES`
//! raises it); the cargo-fuzz targets in fuzz/ run the same readers for as long as wanted.

use std::io::{Cursor, Write as _};

use proptest::prelude::*;

use crate::{archive, sniff, table};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    }
}

/// Small limits, so that the limits themselves are exercised.
fn small() -> table::Limits {
    table::Limits {
        max_rows: 20,
        max_columns: 6,
        archive: archive::Limits {
            max_entries: 20,
            max_unpacked: 1 << 20,
            max_ratio: 100,
        },
    }
}

/// A real XLSX with a few rows, to mutate.
fn seed_xlsx() -> Vec<u8> {
    table::write_xlsx(
        "Personas",
        &["Vārds", "E-pasts", "Gads"],
        &[
            vec!["Ilze Priede".into(), "ilze@x.test".into(), "1988".into()],
            vec!["Ēriks Čakste".into(), String::new(), "1975".into()],
        ],
    )
    .unwrap_or_default()
}

/// A small ZIP of the given parts, deflated.
fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        if w.start_file(name.as_str(), opts).is_ok() {
            let _ = w.write_all(data);
        }
    }
    let _ = w.finish();
    out.into_inner()
}

/// Applies byte changes (position modulo the length, new value) to a copy.
fn mutate(seed: &[u8], flips: &[(usize, u8)]) -> Vec<u8> {
    let mut b = seed.to_vec();
    if !b.is_empty() {
        for (at, v) in flips {
            let i = at % b.len();
            if let Some(x) = b.get_mut(i) {
                *x = *v;
            }
        }
    }
    b
}

fn within(rows: &[Vec<String>], limits: &table::Limits) -> bool {
    rows.len() <= limits.max_rows + 1
        && rows.iter().all(|r| r.len() <= limits.max_columns)
        && rows.iter().all(|r| r.iter().any(|c| !c.is_empty()))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_as_a_table_answer_within_the_limits(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let limits = small();
        if let Ok(rows) = table::read(&bytes, &limits) {
            prop_assert!(within(&rows, &limits));
        }
    }

    #[test]
    fn any_text_as_csv_answers_within_the_limits(text in "[a-zĀ-ž;,\"\r\n =+-]{0,600}") {
        let limits = small();
        if let Ok(rows) = table::read(text.as_bytes(), &limits) {
            prop_assert!(within(&rows, &limits));
        }
    }

    #[test]
    fn a_damaged_xlsx_answers_within_the_limits(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..12)
    ) {
        let limits = small();
        let bytes = mutate(&seed_xlsx(), &flips);
        if let Ok(rows) = table::read(&bytes, &limits) {
            prop_assert!(within(&rows, &limits));
        }
    }

    #[test]
    fn any_archive_is_checked_without_panic_and_passes_only_within_limits(
        parts in proptest::collection::vec(("[a-z/._]{1,12}", proptest::collection::vec(any::<u8>(), 0..512)), 0..6),
        repeat in 1usize..4000,
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    ) {
        let mut parts = parts;
        // One part that compresses far.
        parts.push(("big".to_owned(), vec![b'a'; repeat * 300]));
        let bytes = mutate(&zip_of(&parts), &flips);
        let limits = archive::Limits { max_entries: 5, max_unpacked: 400_000, max_ratio: 100 };
        if let Ok(found) = archive::check(&bytes, &limits) {
            prop_assert!(found.entries <= limits.max_entries);
            prop_assert!(found.unpacked <= limits.max_unpacked);
        }
    }

    #[test]
    fn any_upload_is_sniffed_checked_and_cleaned_without_panic(
        head in prop_oneof![
            Just(b"%PDF-".to_vec()),
            Just(b"\xFF\xD8\xFF".to_vec()),
            Just(b"\x89PNG\r\n\x1a\n".to_vec()),
            Just(b"PK\x03\x04".to_vec()),
            Just(Vec::new()),
        ],
        rest in proptest::collection::vec(any::<u8>(), 0..1024),
    ) {
        let mut bytes = head;
        bytes.extend(rest);
        if let Some(kind) = sniff::sniff(&bytes) {
            let _ = sniff::check(kind, &bytes, &archive::Limits::default());
            let _ = sniff::clean(kind, &bytes);
            if let Some((w, h)) = sniff::image_size(kind, &bytes)
                && sniff::check(kind, &bytes, &archive::Limits::default()).is_ok()
            {
                prop_assert!(w > 0 && h > 0);
                prop_assert!(u64::from(w) * u64::from(h) <= crate::photo::MAX_PIXELS);
            }
        }
    }

    #[test]
    fn image_headers_are_read_as_declared(w in 0u32..100_000, h in 0u32..100_000) {
        // A PNG header declaring w × h is read back as such, and refused above the limits.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(w.to_be_bytes());
        png.extend(h.to_be_bytes());
        png.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
        prop_assert_eq!(sniff::image_size(sniff::Kind::Png, &png), Some((w, h)));
        let ok = sniff::check(sniff::Kind::Png, &png, &archive::Limits::default()).is_ok();
        let fits = w > 0 && h > 0 && w <= crate::photo::MAX_SIDE && h <= crate::photo::MAX_SIDE
            && u64::from(w) * u64::from(h) <= crate::photo::MAX_PIXELS;
        prop_assert_eq!(ok, fits);
    }
}

proptest! {
    #![proptest_config(config())]

    /// Sheets written by hand with whatever cell places, types and values: the reader
    /// keeps to its limits whatever the sheet claims.
    #[test]
    fn any_sheet_answers_within_the_limits(
        dimension in proptest::option::of("[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?"),
        cells in proptest::collection::vec(
            ("[A-Z]{0,3}[0-9]{0,8}", prop_oneof![Just("inlineStr"), Just("s"), Just("n"), Just("b"), Just("e"), Just("str"), Just("x")], "[ -~ĀāČčĒē<>&]{0,40}"),
            0..40,
        ),
    ) {
        let mut sheet = String::from(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#);
        if let Some(d) = &dimension {
            sheet.push_str(&format!(r#"<dimension ref="{d}"/>"#));
        }
        sheet.push_str("<sheetData><row>");
        for (at, kind, value) in &cells {
            let value = crate::escape_xml(value);
            if *kind == "inlineStr" {
                sheet.push_str(&format!(r#"<c r="{at}" t="inlineStr"><is><t>{value}</t></is></c>"#));
            } else {
                sheet.push_str(&format!(r#"<c r="{at}" t="{kind}"><v>{value}</v></c>"#));
            }
        }
        sheet.push_str("</row></sheetData></worksheet>");
        let bytes = table::bombs::xlsx_with_sheet(&sheet);
        let limits = small();
        if let Ok(rows) = table::read(&bytes, &limits) {
            prop_assert!(within(&rows, &limits));
        }
    }
}

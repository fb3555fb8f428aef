//! Any bytes offered as an import (CSV or XLSX): an answer within the limits, never a panic
//! or an allocation past them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = documents::table::Limits {
        max_rows: 200,
        max_columns: 20,
        archive: documents::archive::Limits {
            max_entries: 50,
            max_unpacked: 8 << 20,
            max_ratio: 100,
        },
    };
    if let Ok(rows) = documents::table::read(data, &limits) {
        assert!(rows.len() <= limits.max_rows + 1);
        assert!(rows.iter().all(|r| r.len() <= limits.max_columns));
    }
});

//! Any bytes offered as a ZIP archive: checked within the limits, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = documents::archive::Limits {
        max_entries: 50,
        max_unpacked: 8 << 20,
        max_ratio: 100,
    };
    if let Ok(found) = documents::archive::check(data, &limits) {
        assert!(found.entries <= limits.max_entries);
        assert!(found.unpacked <= limits.max_unpacked);
    }
});

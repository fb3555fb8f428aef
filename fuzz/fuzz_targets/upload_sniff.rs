//! Any bytes offered as a document or photo: told, checked and cleaned without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    use documents::sniff;
    let limits = documents::archive::Limits {
        max_entries: 50,
        max_unpacked: 8 << 20,
        max_ratio: 100,
    };
    if let Some(kind) = sniff::sniff(data) {
        let _ = sniff::image_size(kind, data);
        let _ = sniff::check(kind, data, &limits);
        let _ = sniff::clean(kind, data);
    }
});

//! Any typed text: checked, folded, slugged and keyed without a panic; a single line that
//! passes holds no line break, control character or hidden direction mark.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if domain::text::check_text(s, 500, false).is_ok() {
        assert!(
            !s.chars()
                .any(|c| c.is_control() || domain::text::is_hidden_control(c))
        );
    }
    let _ = domain::text::check_text(s, 500, true);
    let _ = domain::text::fold(s);
    let _ = domain::text::slug(s, 80);
    let _ = domain::text::latvian_sort_key(s);
    let _ = domain::text::search_words(s);
});

//! Text folding for search: "Vilaka" finds "Viļaka", "gerbsanas" finds "Ģērbšanās".

/// Lower-cases and removes diacritics from Latvian, Lithuanian, Estonian and other Latin
/// letters, and collapses runs of whitespace to one space. Text in any Unicode form folds
/// the same (it is read as NFC: "a" + U+0304 is "ā").
pub fn fold(input: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut out = String::with_capacity(input.len());
    let mut space = false;
    for c in input.nfc().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(base_letter(c));
    }
    out
}

fn base_letter(c: char) -> char {
    match c {
        'ā' | 'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
        'č' | 'ć' | 'ç' => 'c',
        'ď' => 'd',
        'ē' | 'é' | 'è' | 'ê' | 'ë' | 'ė' | 'ę' | 'ě' => 'e',
        'ģ' | 'ğ' => 'g',
        'ī' | 'í' | 'ì' | 'î' | 'ï' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ļ' | 'ł' | 'ľ' | 'ĺ' => 'l',
        'ņ' | 'ń' | 'ñ' | 'ň' => 'n',
        'ō' | 'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => 'o',
        'ŗ' | 'ř' | 'ŕ' => 'r',
        'š' | 'ś' | 'ş' | 'ș' => 's',
        'ť' | 'ț' | 'ţ' => 't',
        'ū' | 'ú' | 'ù' | 'û' | 'ü' | 'ų' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        other => other,
    }
}

/// A readable URL part: folded ("Ģērbšanās" → "gerbsanas"), every run of other characters
/// one hyphen, at most `max` bytes (cut at a hyphen when there is one). Letters outside the
/// Latin alphabet are dropped, so a slug may come out empty: callers then use the id alone.
pub fn slug(input: &str, max: usize) -> String {
    let mut out = String::new();
    for c in fold(input).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > max {
        out.truncate(max);
        if let Some(i) = out.rfind('-').filter(|i| *i > 0) {
            out.truncate(i);
        }
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// The words of a search as typed: folded (case and diacritics), split at anything that is
/// not a letter or a digit, at most twelve.
pub fn search_words(q: &str) -> Vec<String> {
    fold(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_owned)
        .collect()
}

/// The words of a search as their stems: folded as [`search_words`], each word of five
/// letters or more without its Latvian ending ("arsts" → "arst", "pieturas" → "pietur",
/// "skolam" → "skol"), so that with [`has_word_starts`] a word typed in its basic form finds
/// the text's other forms ("ārsta", "ārstu"). A short word is kept whole.
pub fn search_stems(q: &str) -> Vec<String> {
    search_words(q).into_iter().map(|w| stem(&w)).collect()
}

/// A folded word without its Latvian case ending (at most three letters off, at least four
/// kept).
fn stem(word: &str) -> String {
    const ENDINGS: &[&str] = &[
        "iem", "ies", "jam", "am", "em", "im", "um", "as", "es", "is", "os", "us", "ai", "ei",
        "ij", "a", "e", "i", "o", "u", "s",
    ];
    let letters = word.chars().count();
    if letters < 5 || !word.chars().all(char::is_alphabetic) {
        return word.to_owned();
    }
    for e in ENDINGS {
        if let Some(base) = word.strip_suffix(e)
            && base.chars().count() >= 4
        {
            return base.to_owned();
        }
    }
    word.to_owned()
}

/// Whether every search word starts some word of `text` ("skolen" starts "Skolēni").
pub fn has_word_starts(words: &[String], text: &str) -> bool {
    let text = fold(text);
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    words
        .iter()
        .all(|w| tokens.iter().any(|t| t.starts_with(w.as_str())))
}

/// A readable address part for a record: `12-gerbsanas` from id 12 and "Ģērbšanās", or
/// `12` alone when the title has no Latin letters.
pub fn readable(id: i64, title: &str) -> String {
    let slug = slug(title, 60);
    if slug.is_empty() {
        id.to_string()
    } else {
        format!("{id}-{slug}")
    }
}

/// The text of sanitised HTML, for a search index or a feed summary: tags become spaces,
/// the five XML entities and numeric references are decoded.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) => {
                    out.push(' ');
                    rest = &rest[end + 1..];
                }
                None => rest = "",
            }
        } else {
            let end = rest.find(';').filter(|e| *e <= 10);
            let decoded = end.and_then(|e| match &rest[1..e] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            });
            match (decoded, end) {
                (Some(c), Some(e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters that change how the text around them is shown while showing nothing
/// themselves: the bidirectional embeddings and overrides (U+202A–202E), isolates
/// (U+2066–2069) and direction marks (U+200E, U+200F, U+061C); and the invisible ones that
/// make two names look alike: zero-width space (U+200B), word joiner and invisible operators
/// (U+2060–2064), a byte-order mark inside text (U+FEFF) and tag characters (U+E0000–E007F).
/// A name or title holding them can read differently from what it is ("Trojan Source");
/// Latvian, English, Russian and Romani text never needs them. The zero-width joiners of
/// emoji (U+200C, U+200D) and the soft hyphen stay allowed.
pub fn is_hidden_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// What is wrong with a piece of typed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    TooLong,
    /// A line break (or another control character) in a single-line field.
    LineBreak,
    /// A hidden direction control ([`is_hidden_control`]) or a control character.
    Hidden,
}

impl TextProblem {
    /// The message shown at the field.
    pub fn message_id(self) -> &'static str {
        match self {
            TextProblem::TooLong => "text-too-long",
            TextProblem::LineBreak => "text-line-break",
            TextProblem::Hidden => "text-hidden-characters",
        }
    }
}

/// Checks typed text (already trimmed): at most `max` characters, no hidden direction
/// controls and no control characters — but line breaks and tabs when `multiline`.
pub fn check_text(s: &str, max: usize, multiline: bool) -> Result<(), TextProblem> {
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        if is_hidden_control(c) {
            return Err(TextProblem::Hidden);
        }
        if c.is_control() {
            let allowed = multiline && matches!(c, '\n' | '\r' | '\t');
            if !allowed {
                return Err(if matches!(c, '\n' | '\r' | '\u{0085}' | '\t') {
                    TextProblem::LineBreak
                } else {
                    TextProblem::Hidden
                });
            }
        }
        if matches!(c, '\u{2028}' | '\u{2029}') && !multiline {
            return Err(TextProblem::LineBreak);
        }
    }
    if n > max {
        return Err(TextProblem::TooLong);
    }
    Ok(())
}

/// A single line of typed text: no line breaks, no control characters, no hidden
/// direction controls.
pub fn is_single_line(s: &str) -> bool {
    check_text(s, usize::MAX, false).is_ok()
}

#[cfg(test)]
mod tests {
    use super::{fold, has_word_starts, plain_text, search_stems, slug};

    #[test]
    fn a_word_typed_in_its_basic_form_finds_its_other_forms() {
        let find = |q: &str, text: &str| has_word_starts(&search_stems(q), text);
        assert!(find("ārsts", "Ģimenes ārsta prakse"));
        assert!(find("arsts", "pie ārstu"));
        assert!(find("darbs", "darba meklēšanā"));
        assert!(find("pieturas", "pietura ir tālu"));
        assert!(find("skolām", "skolas autobuss"));
        assert!(find("jelgava", "Jelgavā un Jelgavas novadā"));
        // Short words and numbers stay whole; a different word is not found.
        assert!(!find("ārsts", "arhīvs"));
        assert!(find("nva", "NVA filiāle"));
        assert_eq!(search_stems("2026 un"), ["2026", "un"]);
    }

    #[test]
    fn search_words_match_word_starts_without_diacritics() {
        let words = super::search_words("  Skolēn, DARB ");
        assert_eq!(words, ["skolen", "darb"]);
        assert!(super::has_word_starts(&words, "Skolēni un darbnīca"));
        assert!(!super::has_word_starts(&words, "Skolēni un nodarbinātība"));
        assert!(super::has_word_starts(&[], "anything"));
    }

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        assert_eq!(
            plain_text("<p>Skolēni &amp; vecāki</p><ul><li>A&lt;B</li></ul>"),
            "Skolēni & vecāki A<B"
        );
        assert_eq!(
            plain_text("a &#39;b&#x27; &unknown; c"),
            "a 'b' &unknown; c"
        );
        assert_eq!(plain_text("cut <a href"), "cut");
    }

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("Ģērbšanās", 80), "gerbsanas");
        assert_eq!(
            slug("Labā prakse: Ventspils skola — romu bērniem!", 80),
            "laba-prakse-ventspils-skola-romu-berniem"
        );
        assert_eq!(slug("  --Rīga 2026--  ", 80), "riga-2026");
        assert_eq!(slug("Жизнь", 80), "");
        assert_eq!(slug("vārds vārds vārds", 12), "vards-vards");
        assert_eq!(slug("abcdefghij", 4), "abcd");
    }

    #[test]
    fn folds_latvian_and_neighbours_letters() {
        assert_eq!(fold("Viļaka"), "vilaka");
        assert_eq!(fold("  Ģērbšanās   ķēniņš "), "gerbsanas kenins");
        assert_eq!(fold("ĀČĒĢĪĶĻŅŠŪŽ"), "acegiklnsuz");
        assert_eq!(fold("Võru Šiauliai Ąžuolas"), "voru siauliai azuolas");
        assert_eq!(fold("Rīga"), fold("RIGA"));
        // Letters typed as a base letter and a combining mark fold the same.
        assert_eq!(
            fold("Vil\u{327}aka G\u{327}e\u{304}rbs\u{30c}ana\u{304}s"),
            "vilaka gerbsanas"
        );
        assert_eq!(
            crate::text::latvian_sort_key("Z\u{30c}an\u{327}a"),
            crate::text::latvian_sort_key("Žaņa")
        );
    }
}

/// A key whose byte order is Latvian alphabetical order: č, ģ, ķ, ļ, ņ, š, ž are letters
/// of their own after c, g, k, l, n, s, z; ā, ē, ī, ū sort with a, e, i, u and only break
/// ties. Stored beside names so SQL can `ORDER BY` it.
pub fn latvian_sort_key(input: &str) -> String {
    const ORDER: &str = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž";
    use unicode_normalization::UnicodeNormalization as _;
    let mut primary = String::new();
    let mut secondary = String::new();
    for c in input.trim().nfc().flat_map(char::to_lowercase) {
        // Letters with a macron share the primary weight of the plain letter.
        let (base, mark) = match c {
            'ā' => ('a', '1'),
            'ē' => ('e', '1'),
            'ī' => ('i', '1'),
            'ū' => ('u', '1'),
            'ō' => ('o', '1'),
            other => (other, '0'),
        };
        if let Some(pos) = ORDER.chars().position(|l| l == base) {
            // Printable, ordered: 'A' + position.
            primary.push(char::from(b'A' + u8::try_from(pos).unwrap_or(0)));
            secondary.push(mark);
        } else if base.is_whitespace() {
            primary.push(' ');
        } else if base.is_ascii_digit() {
            primary.push(base);
        } else {
            // Other letters (q, w, x, y, foreign ones): by their folded form, after z.
            let folded = fold(&base.to_string());
            for f in folded.chars() {
                primary.push('~');
                primary.push(f);
            }
        }
    }
    primary.push('\u{1}');
    primary.push_str(&secondary);
    primary
}

#[cfg(test)]
mod sort_tests {
    use super::{TextProblem, check_text, is_single_line};

    #[test]
    fn single_lines_refuse_breaks_and_hidden_direction_controls() {
        assert_eq!(check_text("Ģērbšanās — Rīga", 100, false), Ok(()));
        assert_eq!(check_text("a\nb", 100, false), Err(TextProblem::LineBreak));
        assert_eq!(
            check_text("a\r\nb", 100, false),
            Err(TextProblem::LineBreak)
        );
        assert_eq!(
            check_text("a\u{2028}b", 100, false),
            Err(TextProblem::LineBreak)
        );
        assert_eq!(check_text("a\nb\tc", 100, true), Ok(()));
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200F}',
        ] {
            let text = format!("Anna{c}gnp.exe");
            assert_eq!(
                check_text(&text, 100, false),
                Err(TextProblem::Hidden),
                "{c:?}"
            );
            assert_eq!(
                check_text(&text, 100, true),
                Err(TextProblem::Hidden),
                "{c:?}"
            );
        }
        assert_eq!(
            check_text("a\u{0007}b", 100, true),
            Err(TextProblem::Hidden)
        );
        assert_eq!(check_text("āāā", 2, false), Err(TextProblem::TooLong));
        assert_eq!(check_text("āā", 2, false), Ok(()));
        assert!(is_single_line("Jānis") && !is_single_line("Jā\u{202E}nis"));
    }

    use super::latvian_sort_key as k;

    #[test]
    fn latvian_alphabetical_order() {
        let mut names = vec![
            "Šmits",
            "Zariņa",
            "Ābele",
            "Čakste",
            "Celms",
            "Abols",
            "Sproģis",
            "Žvirbulis",
            "Ģirts",
            "Gaile",
        ];
        names.sort_by_key(|n| k(n));
        assert_eq!(
            names,
            [
                "Ābele",
                "Abols",
                "Celms",
                "Čakste",
                "Gaile",
                "Ģirts",
                "Sproģis",
                "Šmits",
                "Zariņa",
                "Žvirbulis"
            ]
        );
        // Macrons only break ties.
        assert!(k("Ala") < k("Āla"));
        assert!(k("Āla") < k("Alb"));
    }
}

/// Property tests (issue 16): whatever is typed, the checks and keys answer without panic
/// and keep their promises.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::{
        TextProblem, check_text, fold, is_hidden_control, is_single_line, latvian_sort_key, slug,
    };

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn a_single_line_that_passes_holds_no_break_control_or_hidden_mark(s in "\\PC{0,40}|[\\x00-\\x1f\\u{2028}\\u{202A}-\\u{202E}\\u{2066}-\\u{2069}a-zā ]{0,40}", max in 0usize..60) {
            match check_text(&s, max, false) {
                Ok(()) => {
                    prop_assert!(s.chars().count() <= max);
                    let clean = !s.chars().any(|c| c.is_control() || is_hidden_control(c) || c == '\u{2028}');
                    prop_assert!(clean);
                    prop_assert!(is_single_line(&s));
                }
                Err(TextProblem::TooLong) => prop_assert!(s.chars().count() > max),
                Err(_) => prop_assert!(!is_single_line(&s) || s.chars().count() > max),
            }
        }

        #[test]
        fn several_lines_allow_breaks_but_never_hidden_marks(s in "[\\n\\r\\t\\u{202E}\\u{200B}a-zĀ-ž ]{0,60}") {
            if check_text(&s, usize::MAX, true).is_ok() {
                prop_assert!(!s.chars().any(is_hidden_control));
            }
        }

        #[test]
        fn folding_slugs_and_sort_keys_never_panic(s in "\\PC{0,80}", max in 0usize..40) {
            let f = fold(&s);
            prop_assert_eq!(fold(&f), f.clone(), "folding twice changes nothing");
            let sl = slug(&s, max);
            prop_assert!(sl.len() <= max, "at most max bytes");
            prop_assert!(sl.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
            prop_assert!(!sl.starts_with('-') && !sl.ends_with('-'));
            let _ = latvian_sort_key(&s);
        }
    }
}

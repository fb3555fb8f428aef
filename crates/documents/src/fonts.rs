//! The bundled font, Liberation Sans 2.1.5 (SIL Open Font License 1.1, see
//! `fonts/LICENSE`): metric-compatible with Arial, with the Latvian, Lithuanian, Romani
//! (Latin) and Russian letters. The PDF is typeset with it, and chart labels are measured
//! with its real advance widths, so a Latvian label is cut only when it truly does not fit
//! (in a browser the SVG asks for Liberation Sans or Arial, which are the same width).

pub const REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../fonts/LiberationSans-Italic.ttf");
pub const BOLD_ITALIC: &[u8] = include_bytes!("../fonts/LiberationSans-BoldItalic.ttf");

/// The CSS font stack that matches these metrics.
pub const FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

/// The width of a line of text in the regular face at `size` (pixels or points: the unit
/// of `size`). A character the font lacks counts as wide as an "M".
pub fn text_width(text: &str, size: f64) -> f64 {
    let Ok(face) = ttf_parser::Face::parse(REGULAR, 0) else {
        // Not reached with the bundled font; a generous guess keeps labels short.
        return text.chars().count() as f64 * size * 0.7;
    };
    let units = f64::from(face.units_per_em());
    let wide = face
        .glyph_index('M')
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(face.units_per_em());
    let total: u32 = text
        .chars()
        .map(|c| {
            u32::from(
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(wide),
            )
        })
        .sum();
    f64::from(total) * size / units
}

/// The text as it fits in `width` at `size`: whole, or cut with an ellipsis.
pub fn fit(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        let next = format!("{out}{c}…");
        if text_width(&next, size) > width {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font_and_latvian_letters_are_not_wider() {
        // Arial's "M" is 0.833 em; "i" 0.222 em.
        assert!((text_width("M", 100.0) - 83.3).abs() < 0.1);
        assert!((text_width("i", 100.0) - 22.2).abs() < 0.1);
        // A diacritic takes the width of its base letter, not of two bytes.
        assert!((text_width("ā", 14.0) - text_width("a", 14.0)).abs() < 0.01);
        let face = ttf_parser::Face::parse(REGULAR, 0).ok();
        for c in "ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽžŌōŖŗЖжЁёЩщ".chars() {
            assert!(
                face.as_ref().and_then(|f| f.glyph_index(c)).is_some(),
                "{c}"
            );
        }
        assert!(text_width("Ģērbšanās", 14.0) < 14.0 * 9.0 * 0.7);
    }

    #[test]
    fn text_is_cut_only_when_it_does_not_fit() {
        assert_eq!(fit("Valsts iestāde", 14.0, 250.0), "Valsts iestāde");
        let cut = fit(
            "Pašvaldības sociālais dienests un bāriņtiesa kopā",
            14.0,
            150.0,
        );
        assert!(
            cut.ends_with('…') && text_width(&cut, 14.0) <= 150.0,
            "{cut}"
        );
        assert!(cut.starts_with("Pašvaldības"));
    }
}

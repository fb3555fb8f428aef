//! Accessible SVG charts for HTML pages: a horizontal bar chart with its title, a text
//! alternative, and the value printed at every bar (the data table sits beside it on the
//! page). Labels are escaped; no script, no external resources, so it is safe inline
//! under the platform's Content-Security-Policy. Labels are measured with the bundled
//! font (`crate::fonts`) and cut only when they do not fit.

use std::fmt::Write;

use crate::escape_xml;

/// One bar: its label, the length it is drawn with, and the text printed after it
/// (a number, or "<10" under disclosure control).
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    pub text: String,
}

/// A horizontal bar chart, each bar under its label, so the chart stays readable when a
/// phone draws it 340 px wide (the page caps its width on a wide screen). `id` must be
/// unique on the page (it names the title and the description for assistive technology);
/// `summary` is the text alternative.
pub fn bars(id: &str, title: &str, summary: &str, data: &[Bar]) -> String {
    const ROW: i64 = 46;
    const BAR_W: i64 = 320;
    const TEXT_W: i64 = 80;
    const FONT: i64 = 15;
    let width = BAR_W + TEXT_W;
    let height = ROW * i64::try_from(data.len()).unwrap_or(0) + 6;
    let max = data.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let id = escape_xml(id);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{}"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        crate::fonts::FAMILY,
        escape_xml(title),
        escape_xml(summary)
    );
    for (i, b) in data.iter().enumerate() {
        let y = ROW * i64::try_from(i).unwrap_or(0) + 2;
        let w = (b.value.max(0) * BAR_W) / max;
        // Measured with the bundled font's real widths (Liberation Sans = Arial metrics).
        let label = crate::fonts::fit(&b.label, FONT as f64, (width - 4) as f64);
        let _ = write!(
            svg,
            r##"<g><text x="0" y="{}" font-size="{FONT}" fill="#1a1a1a">{}</text><rect x="0" y="{}" width="{w}" height="16" fill="#1d4e89"/><text x="{}" y="{}" font-size="{FONT}" fill="#1a1a1a">{}</text></g>"##,
            y + 16,
            escape_xml(&label),
            y + 23,
            w + 6,
            y + 37,
            escape_xml(&b.text)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_largest_and_text_is_escaped() {
        let svg = bars(
            "c1",
            "Dalībnieki <pēc> kategorijas",
            "A & B",
            &[
                Bar {
                    label: "Valsts iestāde".to_owned(),
                    value: 50,
                    text: "50".to_owned(),
                },
                Bar {
                    label: "Romu pārstāvis".to_owned(),
                    value: 25,
                    text: "<10".to_owned(),
                },
            ],
        );
        assert!(svg.contains(r#"width="320""#));
        assert!(svg.contains(r#"width="160""#));
        assert!(svg.contains("Dalībnieki &lt;pēc&gt; kategorijas"));
        assert!(svg.contains("&lt;10"));
        assert!(svg.contains("A &amp; B"));
        assert!(svg.contains(r#"role="img""#));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn an_empty_chart_is_still_valid() {
        let svg = bars("c", "t", "s", &[]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}

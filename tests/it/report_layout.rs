//! Every report's PDF, read back with the position of each word (`pdftotext -bbox`): no word
//! runs into another (a date into the status beside it, a header into the next header, a
//! code into the measure's name), and none leaves the page's margins (a word running out of
//! its table). Over the demo's data, in both languages.

use domain::auth::Role;

use crate::ok;
use crate::reports::with_demo;

/// The page margin left and right in the layout (report.typ: 2 cm), in points.
const MARGIN: f64 = 2.0 / 2.54 * 72.0;
/// What rounding in the PDF and in pdftotext may add, in points.
const SLACK: f64 = 0.75;

#[derive(Debug)]
struct Word {
    page: usize,
    page_width: f64,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    tag.split(&format!("{name}=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
}

/// Each word of a PDF with its box, as pdftotext places it.
fn words(pdf: &[u8]) -> Vec<Word> {
    let dir = ok(tempfile::tempdir());
    let file = dir.path().join("r.pdf");
    ok(std::fs::write(&file, pdf));
    let out = ok(std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&file)
        .arg("-")
        .output());
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = Vec::new();
    let mut page = 0;
    let mut page_width = 0.0;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
            page_width = attr(line, "width");
        } else if line.starts_with("<word ") {
            let text = line
                .split('>')
                .nth(1)
                .and_then(|t| t.split('<').next())
                .unwrap_or_default()
                .to_owned();
            words.push(Word {
                page,
                page_width,
                x0: attr(line, "xMin"),
                y0: attr(line, "yMin"),
                x1: attr(line, "xMax"),
                y1: attr(line, "yMax"),
                text,
            });
        }
    }
    words
}

/// Words that leave the margins, and pairs of words on one line whose boxes cross.
fn problems(words: &[Word]) -> Vec<String> {
    let mut out = Vec::new();
    for w in words {
        if w.x0 < MARGIN - SLACK || w.x1 > w.page_width - MARGIN + SLACK {
            out.push(format!(
                "page {}: \"{}\" leaves the margin ({:.1}–{:.1} of {:.1})",
                w.page, w.text, w.x0, w.x1, w.page_width
            ));
        }
    }
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if a.page != b.page {
                continue;
            }
            let wide = a.x1.min(b.x1) - a.x0.max(b.x0);
            let high = a.y1.min(b.y1) - a.y0.max(b.y0);
            let lower = (a.y1 - a.y0).min(b.y1 - b.y0);
            // On one line (most of the lower word's height shared) and crossing: one word
            // runs into the other. Words on neighbouring lines share a sliver at most.
            if wide > SLACK && high > lower * 0.5 {
                out.push(format!(
                    "page {}: \"{}\" and \"{}\" overlap",
                    a.page, a.text, b.text
                ));
            }
        }
    }
    out
}

#[tokio::test]
async fn no_word_of_any_report_s_pdf_runs_into_another_or_off_the_page() {
    let app = with_demo().await;
    let c = app.login(Role::Coordinator).await;
    let mut found = Vec::new();
    let mut checked = 0;
    for kind in ["annual", "national", "grant"] {
        for (year, rlang) in [("2025", "lv"), ("2025", "en"), ("2024", "lv")] {
            let q = format!(
                "/lv/report-builder/download?kind={kind}&year={year}&rlang={rlang}&audience=internal&format=pdf"
            );
            let (status, pdf) = c.get_bytes(&q).await;
            assert_eq!(status, 200, "{q}");
            let words = words(&pdf);
            assert!(words.len() > 50, "{q}: the words were read");
            checked += words.len();
            found.extend(problems(&words).into_iter().map(|p| format!("{q}: {p}")));
        }
    }
    assert!(checked > 1000, "{checked} words");
    assert!(
        found.is_empty(),
        "{} problems, the first: {:#?}",
        found.len(),
        &found[..found.len().min(30)]
    );
    app.stop().await;
}

/// The check itself finds what it looks for: words crossing on one line, and a word past
/// the margin; neighbouring lines touching are not a problem.
#[test]
fn the_overlap_check_sees_crossing_words_and_a_word_off_the_page() {
    let word = |x0: f64, y0: f64, x1: f64, y1: f64, text: &str| Word {
        page: 1,
        page_width: 595.0,
        x0,
        y0,
        x1,
        y1,
        text: text.to_owned(),
    };
    let fine = [
        word(60.0, 100.0, 100.0, 110.0, "2026-03-31"),
        word(104.0, 100.0, 150.0, 110.0, "Nokavēta"),
        // the next line, touching by a point
        word(60.0, 109.0, 100.0, 119.0, "Apstiprināts"),
    ];
    assert!(problems(&fine).is_empty(), "{:?}", problems(&fine));
    let crossing = [
        word(60.0, 100.0, 110.0, 110.0, "2026-03-31"),
        word(104.0, 100.0, 150.0, 110.0, "Nokavēta"),
    ];
    assert_eq!(problems(&crossing).len(), 1);
    let off = [word(500.0, 100.0, 560.0, 110.0, "Nokavēta")];
    assert_eq!(problems(&off).len(), 1);
}

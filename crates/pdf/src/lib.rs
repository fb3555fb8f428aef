//! Reports as PDF, typeset by typst (as a library: no network, no packages, no system
//! fonts — the bundled Liberation Sans from `documents::fonts`, so Latvian and Russian
//! letters come out the same on every machine). The layout is `report.typ`; the content is
//! the report turned into plain JSON (`view`), which the layout reads as data: nothing in
//! a report's text is evaluated as typst markup.
//!
//! The PDF conforms to PDF/UA-1 (tagged: headings, tables with header rows, the document's
//! language and title), for screen readers; typst checks the rules it can while writing. Compiling is CPU work of tens to hundreds of milliseconds:
//! callers run it off the request threads (`spawn_blocking`) and one at a time.

use std::sync::LazyLock;

use documents::report::{Block, Report, bars, paragraphs};
use serde_json::{Value, json};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the report could not be typeset: {0}")]
    Typeset(String),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

const LAYOUT: &str = include_str!("report.typ");

/// The fonts and the standard library, built once.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = [
        documents::fonts::REGULAR,
        documents::fonts::BOLD,
        documents::fonts::ITALIC,
        documents::fonts::BOLD_ITALIC,
    ]
    .into_iter()
    .flat_map(|data| Font::iter(Bytes::new(data)))
    .collect();
    Shared {
        // a11y-extras: `pdf.header-cell`, so a table's first column is tagged as row
        // headers (TH, scope Row), as the HTML's `<th scope="row">`.
        library: LazyHash::new(
            Library::builder()
                .with_features([typst::Feature::A11yExtras].into_iter().collect())
                .build(),
        ),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One compilation: the layout as the main file and the report's JSON beside it.
struct ReportWorld {
    main: FileId,
    data: FileId,
    source: Source,
    json: Bytes,
    today: Option<Datetime>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data {
            Ok(self.json.clone())
        } else if id == self.main {
            Ok(Bytes::from_string(LAYOUT))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// The report as the layout reads it: every cell already written as the report's language
/// writes it (`documents::format`), paragraphs split, chart bars computed.
pub fn view(r: &Report) -> Value {
    let lang = r.lang.as_str();
    let table = |t: &documents::report::Table| {
        let numeric = t.numeric_columns();
        let widths = t.column_weights(lang);
        json!({
            "caption": t.caption,
            "columns": t.columns,
            "widths": widths,
            "row_headers": t.row_headers,
            "rows": t.rows.iter().map(|row| row.iter().enumerate().map(|(i, c)| json!({
                "text": c.shown(lang),
                "num": numeric.get(i).copied().unwrap_or(false),
            })).collect::<Vec<_>>()).collect::<Vec<_>>(),
        })
    };
    let sections: Vec<Value> = r
        .sections
        .iter()
        .map(|s| {
            let blocks: Vec<Value> = s
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Text { text } | Block::Narrative { text, .. } => {
                        json!({"kind": "paragraphs", "paragraphs": paragraphs(text)})
                    }
                    Block::Figures { items } => json!({
                        "kind": "figures",
                        "items": items.iter().map(|f| json!({"label": f.label, "value": f.value})).collect::<Vec<_>>(),
                    }),
                    Block::Table { table: t } => json!({"kind": "table", "table": table(t)}),
                    Block::Chart { table: t, column } => json!({
                        "kind": "chart",
                        "table": table(t),
                        "bars": bars(t, *column, lang).iter().map(|b| json!({
                            "label": b.label, "value": b.value, "text": b.text,
                        })).collect::<Vec<_>>(),
                    }),
                    Block::Items { items } => json!({"kind": "items", "items": items}),
                    Block::Note { text } => json!({"kind": "note", "text": text}),
                })
                .collect();
            json!({"heading": s.heading, "blocks": blocks})
        })
        .collect();
    json!({
        "lang": if lang == "lv" { "lv" } else { "en" },
        "wide": r.is_wide(),
        "title": r.title,
        "subtitle": r.subtitle,
        "publisher": r.publisher,
        "status": r.status,
        "notes": r.notes,
        "contents": if lang == "lv" { "Saturs" } else { "Contents" },
        "sections": sections,
    })
}

/// Forgets typst's memoised work (for benchmarks that measure a first, cold rendering).
pub fn clear_cache() {
    typst::comemo::evict(0);
}

/// The report as PDF bytes. `today` is the date the document carries (the issue date).
pub fn render(r: &Report, today: (i32, u8, u8)) -> Result<Vec<u8>, PdfError> {
    let (Some(main), Some(data)) = (file_id("/report.typ"), file_id("/report.json")) else {
        return Err(PdfError::Typeset("paths".to_owned()));
    };
    let world = ReportWorld {
        main,
        data,
        source: Source::new(main, LAYOUT.to_owned()),
        json: Bytes::new(view(r).to_string().into_bytes()),
        today: Datetime::from_ymd(today.0, today.1, today.2),
    };
    let document = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .map_err(|errors| {
            PdfError::Typeset(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
    // PDF/UA-1: the accessibility standard for tagged PDF (public-sector documents);
    // typst checks the rules it can while writing.
    let standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
        .map_err(|e| PdfError::Write(e.message().to_string()))?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(format!("{}/{}", r.title, r.subtitle)),
        creator: typst::foundations::Smart::Custom(Some("Roma Platform".to_owned())),
        standards,
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
        PdfError::Write(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    });
    // Drop memoised layouts older than a few compilations, so memory does not grow with
    // every report rendered.
    typst::comemo::evict(10);
    pdf
}

#[cfg(test)]
mod tests {
    use documents::report::{Figure, Section, Table};
    use documents::table::Cell;

    use super::*;

    fn sample() -> Report {
        let table = Table {
            id: "by-category".to_owned(),
            caption: "Dalībnieki pēc kategorijas".to_owned(),
            columns: vec!["Kategorija".to_owned(), "Dalībnieki".to_owned()],
            rows: vec![
                vec![Cell::Text("Valsts iestāde".to_owned()), Cell::Int(1234)],
                vec![
                    Cell::Text("Romu NVO — Жанна".to_owned()),
                    Cell::Text("<10".to_owned()),
                ],
            ],
            row_headers: true,
        };
        Report {
            lang: "lv".to_owned(),
            title: "Ikgadējās koordinācijas sanāksmes kopsavilkuma ziņojums".to_owned(),
            subtitle: "2026".to_owned(),
            publisher: "Kultūras ministrija".to_owned(),
            status: "Melnraksts".to_owned(),
            notes: vec!["Skaitļi zem 10 netiek publicēti.".to_owned()],
            sections: vec![
                Section {
                    id: "a".to_owned(),
                    heading: "Pasākumi un dalībnieki".to_owned(),
                    blocks: vec![
                        Block::Figures {
                            items: vec![Figure {
                                label: "Pasākumi".to_owned(),
                                value: "12".to_owned(),
                            }],
                        },
                        // Text that would be markup is printed as it is.
                        Block::Text {
                            text: "#panic(\"x\") un *ne trekns* $x$ ģērbšanās".to_owned(),
                        },
                        Block::Chart { table, column: 1 },
                    ],
                },
                Section {
                    id: "b".to_owned(),
                    heading: "Izaicinājumi".to_owned(),
                    blocks: vec![
                        Block::Items {
                            items: vec!["Mācību pārtraukšana".to_owned()],
                        },
                        Block::Table {
                            table: Table {
                                id: "t".to_owned(),
                                caption: "Budžets".to_owned(),
                                columns: vec!["Pasākums".to_owned(), "EUR".to_owned()],
                                rows: (0..80)
                                    .map(|i| {
                                        vec![Cell::Text(format!("Rinda {i}")), Cell::Euro(12.5)]
                                    })
                                    .collect(),
                                row_headers: false,
                            },
                        },
                        Block::Note {
                            text: "Avots vēl nav pieejams.".to_owned(),
                        },
                    ],
                },
            ],
        }
    }

    #[test]
    fn a_pdf_whose_text_has_the_latvian_headings_and_the_literal_text() {
        let pdf = match render(&sample(), (2026, 11, 27)) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        };
        assert!(pdf.starts_with(b"%PDF-"));
        // It says it conforms to PDF/UA-1 (typst checked what it can while writing it).
        assert!(pdf.windows(22).any(|w| w == b"pdfuaid:part>1</pdfuai"));
        // To look at it: PDF_SAMPLE=/tmp/sample.pdf cargo test -p pdf
        if let Some(path) = std::env::var_os("PDF_SAMPLE") {
            let _ = std::fs::write(path, &pdf);
        }
        let dir = std::env::temp_dir().join(format!("pdf-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("r.pdf");
        let _ = std::fs::write(&file, &pdf);
        let out = std::process::Command::new("pdftotext")
            .arg("-enc")
            .arg("UTF-8")
            .arg(&file)
            .arg("-")
            .output();
        // The structure tree (poppler's pdfinfo -struct): column headers and, where a table's
        // first column names its rows, row headers — as the HTML's th scope="col" / "row".
        let structure = match std::process::Command::new("pdfinfo")
            .arg("-struct")
            .arg(&file)
            .output()
        {
            Ok(o) => String::from_utf8_lossy(&o.stdout).into_owned(),
            Err(e) => panic!("pdfinfo is needed (Debian: poppler-utils): {e}"),
        };
        let _ = std::fs::remove_dir_all(&dir);
        assert!(structure.contains("/Scope /Column"), "{structure}");
        assert!(structure.contains("/Scope /Row"), "{structure}");
        assert!(structure.contains("H1 \"Saturs\""), "{structure}");
        let text = match out {
            // Lines are wrapped and numbers grouped with no-break spaces: compare words.
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
                .split(|c: char| c.is_whitespace() || c == '\u{a0}')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            Ok(o) => panic!("pdftotext: {}", String::from_utf8_lossy(&o.stderr)),
            Err(e) => panic!("pdftotext is needed (Debian: poppler-utils): {e}"),
        };
        for needle in [
            "Ikgadējās koordinācijas sanāksmes kopsavilkuma ziņojums",
            "Pasākumi un dalībnieki",
            "Dalībnieki pēc kategorijas",
            "Izaicinājumi",
            "1 234",
            "Romu NVO — Жанна",
            "#panic(\"x\") un *ne trekns* $x$ ģērbšanās",
            "12,50 €",
            "Saturs",
        ] {
            assert!(text.contains(needle), "{needle} not in:\n{text}");
        }
        // 80 rows do not fit one page: the table goes on, the footer counts pages.
        assert!(text.contains("2/2") || text.contains("2 / 2"), "{text}");
    }

    /// The page size pdfinfo reads from the first page of a PDF.
    fn page_size(pdf: &[u8]) -> String {
        let dir = std::env::temp_dir().join(format!("pdf-size-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join(format!("{}.pdf", pdf.len()));
        let _ = std::fs::write(&file, pdf);
        let info = match std::process::Command::new("pdfinfo").arg(&file).output() {
            Ok(o) => String::from_utf8_lossy(&o.stdout).into_owned(),
            Err(e) => panic!("pdfinfo is needed (Debian: poppler-utils): {e}"),
        };
        let _ = std::fs::remove_file(&file);
        info.lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn a_report_with_a_table_of_many_columns_is_set_on_its_side() {
        let upright = match render(&sample(), (2026, 11, 27)) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        };
        assert!(
            page_size(&upright).contains("595.276 x 841.89"),
            "{}",
            page_size(&upright)
        );
        let mut wide = sample();
        let columns: Vec<String> = [
            "Kods",
            "Pasākums",
            "Atbildīgais",
            "Statuss",
            "Budžets",
            "Izlietots gadā",
            "Romi",
            "Sievietes",
            "Jaunieši",
        ]
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
        wide.sections[1].blocks.push(Block::Table {
            table: Table {
                id: "m".to_owned(),
                caption: "Pasākumi".to_owned(),
                columns,
                rows: vec![vec![
                    Cell::Text("1.1.1".to_owned()),
                    Cell::Text(
                        "Romu bērnu iesaiste pirmsskolas izglītībā un atbalsts ģimenēm".to_owned(),
                    ),
                    Cell::Text("Izglītības un zinātnes ministrija".to_owned()),
                    Cell::Text("Īstenošanā".to_owned()),
                    Cell::Euro(180_000.0),
                    Cell::Euro(42_500.5),
                    Cell::Int(35),
                    Cell::Int(20),
                    Cell::Int(12),
                ]],
                row_headers: true,
            },
        });
        let pdf = match render(&wide, (2026, 11, 27)) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        };
        assert!(
            page_size(&pdf).contains("841.89 x 595.276"),
            "{}",
            page_size(&pdf)
        );
    }
}

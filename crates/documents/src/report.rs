//! A report as data: a title, then sections of blocks — paragraphs, narrative text that
//! coordinators write before issuing, figures, tables, bar charts (always with their data
//! table), lists, and plain notes where a source has nothing yet. The platform builds one
//! from its data (`web::features::reports`), and the same value is rendered to HTML for the preview
//! and the site, to DOCX (`crate::docx`), to XLSX (its tables) and to PDF (the `pdf`
//! crate); it is also the snapshot an issued report keeps, so it serialises to JSON.
//!
//! Every text here is plain text: renderers escape it for their format.

use serde::{Deserialize, Serialize};

use crate::escape_xml;
use crate::table::{Cell, TableError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// "lv" or "en": how numbers and dates are written, and the document's language.
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    /// Who publishes it ("Kultūras ministrija · Latvijas romu platforma").
    pub publisher: String,
    /// The line under the title: issued on a date by whom, or "draft".
    pub status: String,
    /// Notes on the whole report (disclosure control, the youth definition, sources).
    pub notes: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Unique in the report: anchors and table ids start with it.
    pub id: String,
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Text from the data or the definition; blank lines separate paragraphs.
    Text {
        text: String,
    },
    /// Text the coordinators write (under `key`) before issuing; an empty one is left out.
    Narrative {
        key: String,
        label: String,
        text: String,
    },
    /// Label and value pairs: the report's headline figures.
    Figures {
        items: Vec<Figure>,
    },
    Table {
        table: Table,
    },
    /// Bars drawn from one numeric column of the table, which is shown beside the chart.
    Chart {
        table: Table,
        column: usize,
    },
    Items {
        items: Vec<String>,
    },
    /// A plain statement that a source has nothing to report (yet).
    Note {
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Unique in the report (sheet names and element ids come from it).
    pub id: String,
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Whether the first column names its row (a row header).
    pub row_headers: bool,
}

impl Table {
    /// For each column, whether it holds numbers (any cell is a number): its cells are set
    /// right, "<10" and "…" included, so the figures line up.
    pub fn numeric_columns(&self) -> Vec<bool> {
        (0..self.columns.len())
            .map(|i| {
                (i > 0 || !self.row_headers)
                    && self
                        .rows
                        .iter()
                        .any(|r| r.get(i).is_some_and(Cell::is_numeric))
            })
            .collect()
    }
}

impl Table {
    /// For each column, the longest piece its text cannot be broken in, in characters:
    /// the longest word of its header and cells (figures keep their no-break spaces, so a
    /// figure is one piece).
    pub fn longest_words(&self, lang: &str) -> Vec<usize> {
        (0..self.columns.len())
            .map(|i| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| c.shown(lang))
                    .chain([self.columns[i].clone()])
                    .flat_map(|text| {
                        // Not split_whitespace: a no-break space holds a figure together.
                        text.split([' ', '\n', '\t'])
                            .map(|w| w.chars().count())
                            .collect::<Vec<_>>()
                    })
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// For each column, its share of the width left once every column has its longest
    /// word: how much more its text needs than that word — a column of titles a lot, a
    /// column of dates or codes none. For a column of figures it is its header (its figures
    /// never wrap and are already as wide as the widest), so a long header gets the room to
    /// stand on fewer lines.
    pub fn column_weights(&self, lang: &str) -> Vec<usize> {
        let numeric = self.numeric_columns();
        let longest = self.longest_words(lang);
        (0..self.columns.len())
            .map(|i| {
                let text = if numeric.get(i).copied().unwrap_or(false) {
                    self.columns[i].chars().count()
                } else {
                    let cells: Vec<usize> = self
                        .rows
                        .iter()
                        .filter_map(|r| r.get(i))
                        .map(|c| c.shown(lang).chars().count())
                        .collect();
                    cells.iter().sum::<usize>() / cells.len().max(1)
                };
                text.saturating_sub(longest.get(i).copied().unwrap_or(0))
                    .min(60)
            })
            .collect()
    }

    /// Whether the table needs a page on its side: eight columns or more do not fit the
    /// width of an upright A4 page with room for their words.
    pub fn is_wide(&self) -> bool {
        self.columns.len() >= 8
    }
}

impl Report {
    /// Whether the report is set on pages on their side (landscape): when a table is wide.
    pub fn is_wide(&self) -> bool {
        self.tables().any(Table::is_wide)
    }

    /// Every table in the report, in order, charts' tables included.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Table { table } | Block::Chart { table, .. } => Some(table),
                _ => None,
            })
    }
}

/// Paragraphs of a text: split at blank lines, single line breaks kept as spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The bars of a chart: each row's first cell as the label and the column's value; a
/// value that is not a number (withheld under disclosure control) draws no bar.
pub fn bars(table: &Table, column: usize, lang: &str) -> Vec<crate::chart::Bar> {
    table
        .rows
        .iter()
        .map(|r| {
            let cell = r.get(column).unwrap_or(&Cell::Empty);
            let value = match cell {
                Cell::Int(n) => *n,
                Cell::Number(n) | Cell::Euro(n) | Cell::Percent(n) => {
                    format!("{:.0}", n.round()).parse().unwrap_or(0)
                }
                _ => 0,
            };
            crate::chart::Bar {
                label: r.first().map(|c| c.shown(lang)).unwrap_or_default(),
                value,
                text: cell.shown(lang),
            }
        })
        .collect()
}

/// The report as an HTML fragment (an `<article>`), for the preview and the site. Tables
/// have captions and header cells with scopes; charts are inline SVG with a text
/// alternative, their table beside them.
pub fn html(r: &Report) -> String {
    html_at(r, 1)
}

/// The report as an HTML fragment whose title is a heading of `level` (its sections one
/// below): for a page that has its own `<h1>` above the report.
pub fn html_at(r: &Report, level: u8) -> String {
    let e = escape_xml;
    let (h, hs) = (level.clamp(1, 5), level.clamp(1, 5) + 1);
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(&format!(
        "<article class=\"report\" lang=\"{}\">\n<header>\n<h{h}>{}</h{h}>\n<p class=\"report-subtitle\">{}</p>\n<p class=\"report-meta\">{}</p>\n<p class=\"report-meta\">{}</p>\n</header>\n",
        e(&r.lang),
        e(&r.title),
        e(&r.subtitle),
        e(&r.publisher),
        e(&r.status)
    ));
    for n in &r.notes {
        out.push_str(&format!("<p class=\"hint\">{}</p>\n", e(n)));
    }
    if r.sections.len() > 1 {
        out.push_str("<nav class=\"report-toc\" aria-label=\"");
        out.push_str(&e(&r.title));
        out.push_str("\"><ol>\n");
        for s in &r.sections {
            out.push_str(&format!(
                "<li><a href=\"#{}\">{}</a></li>\n",
                e(&s.id),
                e(&s.heading)
            ));
        }
        out.push_str("</ol></nav>\n");
    }
    for s in &r.sections {
        out.push_str(&format!(
            "<section id=\"{}\" aria-labelledby=\"{}-h\">\n<h{hs} id=\"{}-h\">{}</h{hs}>\n",
            e(&s.id),
            e(&s.id),
            e(&s.id),
            e(&s.heading)
        ));
        for b in &s.blocks {
            html_block(&mut out, b, &r.lang);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

/// The report as a whole HTML document (the file kept when a report is issued): readable
/// on its own, in any browser, without the platform's style sheet or any script.
pub fn html_document(r: &Report) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} {}</title>\n<style>body{{font-family:{};max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}}h1,h2{{color:#1d4e89}}table{{border-collapse:collapse;margin:0.5rem 0 1.5rem}}caption{{text-align:left;font-weight:bold;padding:0.25rem 0}}th,td{{border:1px solid #8a8a8a;padding:0.2rem 0.5rem;text-align:left}}thead th{{background:#e8eef5}}td.num{{text-align:right;white-space:nowrap}}th.num{{text-align:right;width:1%}}.report-note,.hint{{font-style:italic;color:#4a4a4a}}svg{{max-width:28rem}}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape_xml(&r.lang),
        escape_xml(&r.title),
        escape_xml(&r.subtitle),
        crate::fonts::FAMILY,
        html(r)
    )
}

fn html_block(out: &mut String, b: &Block, lang: &str) {
    let e = escape_xml;
    match b {
        Block::Text { text } | Block::Narrative { text, .. } => {
            for p in paragraphs(text) {
                out.push_str(&format!("<p>{}</p>\n", e(&p)));
            }
        }
        Block::Figures { items } => {
            out.push_str("<dl class=\"facts\">\n");
            for f in items {
                out.push_str(&format!(
                    "<div><dt>{}</dt><dd>{}</dd></div>\n",
                    e(&f.label),
                    e(&f.value)
                ));
            }
            out.push_str("</dl>\n");
        }
        Block::Table { table } => html_table(out, table, lang),
        Block::Chart { table, column } => {
            let bars = bars(table, *column, lang);
            let summary = bars
                .iter()
                .map(|b| format!("{}: {}", b.label, b.text))
                .collect::<Vec<_>>()
                .join("; ");
            out.push_str("<div class=\"report-chart\">\n");
            html_table(out, table, lang);
            out.push_str("<figure class=\"chart\">");
            out.push_str(&crate::chart::bars(
                &format!("{}-chart", table.id),
                &table.caption,
                &summary,
                &bars,
            ));
            out.push_str("</figure>\n</div>\n");
        }
        Block::Items { items } => {
            out.push_str("<ul>\n");
            for i in items {
                out.push_str(&format!("<li>{}</li>\n", e(i)));
            }
            out.push_str("</ul>\n");
        }
        Block::Note { text } => {
            out.push_str(&format!("<p class=\"report-note\">{}</p>\n", e(text)));
        }
    }
}

fn html_table(out: &mut String, t: &Table, lang: &str) {
    let e = escape_xml;
    out.push_str(&format!(
        "<div class=\"table-scroll\">\n<table id=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
        e(&t.id),
        e(&t.caption)
    ));
    let numeric = t.numeric_columns();
    for (i, c) in t.columns.iter().enumerate() {
        let class = if numeric.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        };
        out.push_str(&format!("<th scope=\"col\"{class}>{}</th>", e(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if numeric.get(i).copied().unwrap_or(false) {
                " class=\"num\""
            } else {
                ""
            };
            if i == 0 && t.row_headers {
                out.push_str(&format!("<th scope=\"row\">{}</th>", e(&c.shown(lang))));
            } else {
                out.push_str(&format!("<td{class}>{}</td>", e(&c.shown(lang))));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// The report's tables as one CSV file for spreadsheets (UTF-8 with a BOM, semicolons, as
/// Latvian Excel opens it): each table as its caption on a line, its header, its rows
/// (numbers plain, dates as YYYY-MM-DD), then an empty line.
pub fn csv(r: &Report) -> Vec<u8> {
    let mut lines: Vec<Vec<String>> = vec![vec![format!("{} {}", r.title, r.subtitle)]];
    for t in r.tables() {
        // A blank row (two empty cells: a record of none would be written as `""`).
        lines.push(vec![String::new(), String::new()]);
        lines.push(vec![t.caption.clone()]);
        lines.push(t.columns.clone());
        for row in &t.rows {
            lines.push(row.iter().map(Cell::plain).collect());
        }
    }
    let (first, rest) = lines
        .split_first()
        .map_or((Vec::new(), &[][..]), |(f, r)| (f.clone(), r));
    let header: Vec<&str> = first.iter().map(String::as_str).collect();
    crate::table::write_csv(&header, rest)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the
/// workbook (a number is added when two captions shorten to the same name).
pub fn sheet_name(caption: &str, taken: &mut Vec<String>) -> String {
    let clean: String = caption
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_owned();
    let base: String = clean.chars().take(28).collect();
    let base = if base.trim().is_empty() {
        "Table".to_owned()
    } else {
        base.trim().to_owned()
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        name = format!("{base} {n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// The report's tables as an XLSX workbook, a sheet each, titled with the table's
/// caption, cells typed (numbers as numbers, money in euro, shares as per cent, dates as
/// dates).
pub fn xlsx(r: &Report) -> Result<Vec<u8>, TableError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let mut taken = Vec::new();
    let mut any = false;
    for t in r.tables() {
        let name = sheet_name(&t.caption, &mut taken);
        let header: Vec<&str> = t.columns.iter().map(String::as_str).collect();
        crate::table::add_sheet(&mut book, &name, Some(&t.caption), &header, &t.rows)?;
        any = true;
    }
    if !any {
        crate::table::add_sheet(&mut book, "Report", Some(&r.title), &[], &[])?;
    }
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(&r.title)
            .set_subject(&r.subtitle)
            .set_author(&r.publisher),
    );
    book.save_to_buffer()
        .map_err(|e| TableError::Spreadsheet(e.to_string()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small report with every kind of block.
    pub fn sample() -> Report {
        let table = Table {
            id: "participation-by-category".to_owned(),
            caption: "Dalībnieki pēc kategorijas".to_owned(),
            columns: vec!["Kategorija".to_owned(), "Dalībnieki".to_owned()],
            rows: vec![
                vec![Cell::Text("Valsts iestāde".to_owned()), Cell::Int(1234)],
                vec![
                    Cell::Text("Romu NVO <jaunieši>".to_owned()),
                    Cell::Text("<10".to_owned()),
                ],
            ],
            row_headers: true,
        };
        Report {
            lang: "lv".to_owned(),
            title: "Kopsavilkuma ziņojums".to_owned(),
            subtitle: "2026".to_owned(),
            publisher: "Kultūras ministrija".to_owned(),
            status: "Melnraksts".to_owned(),
            notes: vec!["Skaitļi zem 10 netiek publicēti.".to_owned()],
            sections: vec![
                Section {
                    id: "activities".to_owned(),
                    heading: "Pasākumi".to_owned(),
                    blocks: vec![
                        Block::Figures {
                            items: vec![Figure {
                                label: "Pasākumi".to_owned(),
                                value: "12".to_owned(),
                            }],
                        },
                        Block::Table {
                            table: Table {
                                id: "events".to_owned(),
                                caption: "Pasākumi: datums, vieta".to_owned(),
                                columns: vec!["Datums".to_owned(), "Budžets".to_owned()],
                                rows: vec![vec![
                                    Cell::Date(jiff::civil::date(2026, 3, 5)),
                                    Cell::Euro(1500.5),
                                ]],
                                row_headers: false,
                            },
                        },
                    ],
                },
                Section {
                    id: "participation".to_owned(),
                    heading: "Dalība".to_owned(),
                    blocks: vec![
                        Block::Narrative {
                            key: "intro".to_owned(),
                            label: "Ievads".to_owned(),
                            text: "Pirmā rindkopa.\n\nOtrā — ar ģ un š.".to_owned(),
                        },
                        Block::Chart { table, column: 1 },
                        Block::Items {
                            items: vec!["Izaicinājums".to_owned()],
                        },
                        Block::Note {
                            text: "Nav datu.".to_owned(),
                        },
                    ],
                },
            ],
        }
    }

    #[test]
    fn html_escapes_text_and_marks_up_tables_and_charts() {
        let h = html(&sample());
        assert!(h.starts_with("<article class=\"report\" lang=\"lv\">"));
        assert!(h.contains("<h1>Kopsavilkuma ziņojums</h1>"));
        assert!(h.contains("<caption>Dalībnieki pēc kategorijas</caption>"));
        assert!(
            h.contains("<th scope=\"row\">Valsts iestāde</th><td class=\"num\">1\u{a0}234</td>")
        );
        assert!(h.contains("Romu NVO &lt;jaunieši&gt;</th><td class=\"num\">&lt;10</td>"));
        assert!(h.contains("<td>05.03.2026.</td><td class=\"num\">1\u{a0}500,50\u{a0}€</td>"));
        assert!(h.contains("<p>Pirmā rindkopa.</p>\n<p>Otrā — ar ģ un š.</p>"));
        assert!(h.contains("<svg") && h.contains("role=\"img\""));
        assert!(h.contains("<a href=\"#participation\">Dalība</a>"));
        assert!(!h.contains("<jaunieši>"));
        let inside = html_at(&sample(), 2);
        assert!(inside.contains("<h2>Kopsavilkuma ziņojums</h2>"));
        assert!(inside.contains("<h3 id=\"participation-h\">Dalība</h3>"));
    }

    #[test]
    fn the_report_round_trips_through_json() {
        let r = sample();
        let json = serde_json::to_string(&r).unwrap_or_default();
        let back: Report = serde_json::from_str(&json).unwrap_or_else(|_| sample_empty());
        assert_eq!(back, r);
    }

    fn sample_empty() -> Report {
        Report {
            lang: String::new(),
            title: String::new(),
            subtitle: String::new(),
            publisher: String::new(),
            status: String::new(),
            notes: vec![],
            sections: vec![],
        }
    }

    #[test]
    fn xlsx_has_a_typed_sheet_per_table() {
        use calamine::{Data, Reader as _, Xlsx};
        let bytes = xlsx(&sample()).unwrap_or_default();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes))
            .map(Some)
            .unwrap_or(None);
        let Some(book) = book.as_mut() else {
            panic!("not an xlsx")
        };
        assert_eq!(
            book.sheet_names(),
            ["Pasākumi  datums, vieta", "Dalībnieki pēc kategorijas"]
        );
        let events = book
            .worksheet_range("Pasākumi  datums, vieta")
            .unwrap_or_default();
        assert_eq!(
            events.get((0, 0)),
            Some(&Data::String("Pasākumi: datums, vieta".to_owned()))
        );
        assert_eq!(events.get((2, 0)), Some(&Data::String("Datums".to_owned())));
        assert!(matches!(events.get((3, 0)), Some(Data::DateTime(_))));
        assert_eq!(events.get((3, 1)), Some(&Data::Float(1500.5)));
        let people = book
            .worksheet_range("Dalībnieki pēc kategorijas")
            .unwrap_or_default();
        assert_eq!(people.get((3, 1)), Some(&Data::Float(1234.0)));
        assert_eq!(people.get((4, 1)), Some(&Data::String("<10".to_owned())));
    }

    #[test]
    fn csv_has_every_table_with_its_caption() {
        let bytes = csv(&sample());
        assert!(bytes.starts_with("\u{feff}".as_bytes()));
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains("Pasākumi: datums, vieta\r\nDatums;Budžets\r\n2026-03-05;1500.50\r\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "Dalībnieki pēc kategorijas\r\nKategorija;Dalībnieki\r\nValsts iestāde;1234\r\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("\r\n;\r\nPasākumi: datums"),
            "a blank row between tables: {text:?}"
        );
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = Vec::new();
        let a = sheet_name(
            "Dalībnieki pēc kategorijas un dzimuma: 2026/2027",
            &mut taken,
        );
        let b = sheet_name(
            "Dalībnieki pēc kategorijas un dzimuma: 2026/2028",
            &mut taken,
        );
        assert!(a.chars().count() <= 31 && b.chars().count() <= 31);
        assert_ne!(a, b);
        assert!(!a.contains(':') && !a.contains('/'));
        assert_eq!(sheet_name("[]", &mut taken), "Table");
    }

    #[test]
    fn words_get_the_room_and_figures_keep_to_their_width() {
        let t = Table {
            id: "m".to_owned(),
            caption: "Pasākumi".to_owned(),
            columns: ["Kods", "Pasākums", "Atbildīgais", "Budžets", "Romi"]
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            rows: vec![vec![
                Cell::Text("1.1.1".to_owned()),
                Cell::Text(
                    "Romu bērnu iesaiste pirmsskolas izglītībā un atbalsts ģimenēm".to_owned(),
                ),
                Cell::Text("Izglītības un zinātnes ministrija".to_owned()),
                Cell::Euro(180_000.0),
                Cell::Int(35),
            ]],
            row_headers: true,
        };
        let w = t.column_weights("lv");
        assert_eq!(w[3], 0, "a column of figures takes no spare room");
        assert_eq!(w[4], 0);
        assert!(w[1] > w[2] && w[2] > w[0], "{w:?}");
        // A figure is one piece: "180 000,00 €" with no-break spaces.
        let longest = t.longest_words("lv");
        assert_eq!(longest[3], "180 000,00 €".chars().count(), "{longest:?}");
        assert!(!t.is_wide());
    }
}

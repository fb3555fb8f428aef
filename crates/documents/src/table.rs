//! Tables in and out: CSV (UTF-8 with or without a BOM, comma or semicolon, as Latvian
//! Excel writes it) and XLSX (the first sheet), read into rows of strings; written as CSV
//! with a BOM and semicolons (what Latvian Excel opens correctly) or as XLSX.

use std::io::Cursor;

use calamine::{Reader as _, Xlsx};

/// At most this many rows are read from a file.
pub const MAX_ROWS: usize = 10_000;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TableError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text, CSV or XLSX")]
    NotText,
    #[error("the spreadsheet cannot be read: {0}")]
    Spreadsheet(String),
    #[error("the CSV cannot be read at line {line}: {message}")]
    Csv { line: u64, message: String },
    #[error("more than {MAX_ROWS} rows")]
    TooManyRows,
}

/// Reads a CSV or XLSX file (recognised by its content, not its name) into rows of
/// trimmed cells; blank rows are dropped.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    if bytes.is_empty() {
        return Err(TableError::Empty);
    }
    let rows = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else {
        read_csv(bytes)?
    };
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect();
    if rows.is_empty() {
        return Err(TableError::Empty);
    }
    if rows.len() > MAX_ROWS + 1 {
        return Err(TableError::TooManyRows);
    }
    Ok(rows)
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    let text = std::str::from_utf8(bytes).map_err(|_| TableError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    // Latvian Excel writes semicolons; others commas. The header line decides, a tie
    // going to the semicolon.
    let delimiter =
        if first.matches(';').count() >= first.matches(',').count() && first.contains(';') {
            b';'
        } else {
            b','
        };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TableError::Csv {
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        })?;
        rows.push(record.iter().map(|c| c.trim().to_owned()).collect());
        if rows.len() > MAX_ROWS + 1 {
            return Err(TableError::TooManyRows);
        }
    }
    Ok(rows)
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| TableError::Spreadsheet(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| TableError::Spreadsheet("no sheet".to_owned()))?
        .map_err(|e| TableError::Spreadsheet(e.to_string()))?;
    Ok(range
        .rows()
        .take(MAX_ROWS + 2)
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    // Whole numbers (a year, a phone) without ".0".
                    calamine::Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{f:.0}")
                    }
                    other => other.to_string().trim().to_owned(),
                })
                .collect()
        })
        .collect())
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return at the start) gets a leading apostrophe, so it is shown as text (CSV injection).
/// A plain negative number ("-2", "-0.5") is a number, not a formula, and stays one.
fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let negative_number = cell.strip_prefix('-').is_some_and(|rest| {
        !rest.is_empty()
            && rest.parse::<f64>().is_ok_and(f64::is_finite)
            && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
    });
    if !negative_number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// CSV for spreadsheets: UTF-8 with a BOM, semicolons, CRLF line ends; cells that would be
/// formulas are neutralised.
pub fn write_csv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(header.iter().map(|c| neutralise(c).into_owned()));
    for r in rows {
        let _ = writer.write_record(r.iter().map(|c| neutralise(c).into_owned()));
    }
    if let Ok(body) = writer.into_inner() {
        out.extend(body);
    }
    out
}

/// CSV for open data (RFC 4180): UTF-8 without a BOM, commas, CRLF line ends, quoted where
/// needed; cells that would be formulas are neutralised.
pub fn write_open_csv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(header.iter().map(|c| neutralise(c).into_owned()));
    for r in rows {
        let _ = writer.write_record(r.iter().map(|c| neutralise(c).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

/// A cell of a typed table: numbers are written as numbers (so a spreadsheet can sum
/// them), money and shares with their number formats, dates as dates.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Number(f64),
    Int(i64),
    /// An amount in euro.
    Euro(f64),
    /// A share in per cent (45.0 is 45 %).
    Percent(f64),
    Date(jiff::civil::Date),
    Empty,
}

impl Cell {
    /// The cell as the language writes it (see `crate::format`).
    pub fn shown(&self, lang: &str) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 9.0e15 {
                    crate::format::int(lang, format!("{n:.0}").parse().unwrap_or(0))
                } else if lang == "lv" {
                    n.to_string().replace('.', ",")
                } else {
                    n.to_string()
                }
            }
            Cell::Int(n) => crate::format::int(lang, *n),
            Cell::Euro(a) => crate::format::euro(lang, *a),
            Cell::Percent(p) => crate::format::percent(lang, *p),
            Cell::Date(d) => crate::format::date(lang, *d),
            Cell::Empty => String::new(),
        }
    }

    /// The cell for a CSV file: numbers without grouping (a decimal point), dates as ISO
    /// 8601 (YYYY-MM-DD), text as it is.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) | Cell::Percent(n) => n.to_string(),
            Cell::Int(n) => n.to_string(),
            Cell::Euro(a) => format!("{a:.2}"),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// Whether the cell is a number of some kind (set right in tables).
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Cell::Number(_) | Cell::Int(_) | Cell::Euro(_) | Cell::Percent(_)
        )
    }
}

/// An XLSX workbook with one sheet: a bold header row, then the rows as text.
pub fn write_xlsx(
    sheet: &str,
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, TableError> {
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| r.iter().map(|c| Cell::Text(c.clone())).collect())
        .collect();
    write_xlsx_cells(sheet, header, &cells)
}

/// An XLSX workbook with one sheet of typed cells under a bold header row.
pub fn write_xlsx_cells(
    sheet: &str,
    header: &[&str],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, TableError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    add_sheet(&mut book, sheet, None, header, rows)?;
    book.save_to_buffer().map_err(xlsx_error)
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> TableError {
    TableError::Spreadsheet(e.to_string())
}

/// Adds a sheet of typed cells to a workbook: an optional title line in bold, then a bold
/// header row (repeated on printed pages and frozen on screen), then the rows — whole
/// numbers, euro amounts (two decimals), shares (per cent) and dates each with their
/// number format.
pub fn add_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    sheet: &str,
    title: Option<&str>,
    header: &[&str],
    rows: &[Vec<Cell>],
) -> Result<(), TableError> {
    use rust_xlsxwriter::Format;
    let err = xlsx_error;
    let bold = Format::new().set_bold();
    let int = Format::new().set_num_format("#,##0");
    let euro = Format::new().set_num_format("#,##0.00 [$€-x-euro2]");
    let share = Format::new().set_num_format("0%");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(err)?;
    let mut top = 0u32;
    if let Some(title) = title {
        ws.write_string_with_format(0, 0, title, &bold)
            .map_err(err)?;
        top = 2;
    }
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(top, u16::try_from(c).unwrap_or(u16::MAX), *h, &bold)
            .map_err(err)?;
    }
    ws.set_freeze_panes(top + 1, 0).map_err(err)?;
    ws.set_repeat_rows(top, top).map_err(err)?;
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX).saturating_add(top + 1);
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(t) => ws.write_string(r, c, t).map_err(err)?,
                Cell::Number(n) => ws.write_number(r, c, *n).map_err(err)?,
                // Counts are far below 2^53, which f64 holds exactly.
                Cell::Int(n) => ws
                    .write_number_with_format(r, c, *n as f64, &int)
                    .map_err(err)?,
                Cell::Euro(a) => ws.write_number_with_format(r, c, *a, &euro).map_err(err)?,
                Cell::Percent(p) => ws
                    .write_number_with_format(r, c, *p / 100.0, &share)
                    .map_err(err)?,
                Cell::Date(d) => {
                    let x = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        u8::try_from(d.month()).unwrap_or(1),
                        u8::try_from(d.day()).unwrap_or(1),
                    )
                    .map_err(err)?;
                    ws.write_datetime_with_format(r, c, &x, &date)
                        .map_err(err)?
                }
                Cell::Empty => ws,
            };
        }
    }
    ws.autofit();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_and_semicolons_as_latvian_excel_writes_it() {
        let bytes =
            "\u{feff}Vārds, uzvārds;E-pasts\r\n\"Ābele; Anna\";anna@x.lv\r\n;\r\n".as_bytes();
        let rows = read(bytes).unwrap_or_default();
        assert_eq!(
            rows,
            vec![
                vec!["Vārds, uzvārds", "E-pasts"],
                vec!["Ābele; Anna", "anna@x.lv"]
            ]
        );
    }

    #[test]
    fn csv_with_commas_and_no_bom() {
        let rows = read(b"name,email\nJ\xc4\x81nis,j@x.lv\n").unwrap_or_default();
        assert_eq!(rows[1], ["Jānis", "j@x.lv"]);
    }

    #[test]
    fn formulas_are_not_exported_as_formulas() {
        let csv = write_csv(
            &["a"],
            &[
                vec!["=HYPERLINK(\"x\")".to_owned()],
                vec!["@SUM(1)".to_owned()],
                vec!["Anna".to_owned()],
            ],
        );
        let text = String::from_utf8(csv).unwrap_or_default();
        assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
        assert!(text.contains("'@SUM(1)") && text.contains("\r\nAnna\r\n"));
        let numbers = write_csv(
            &["a"],
            &[
                vec!["-2.5".to_owned()],
                vec!["-1+1".to_owned()],
                vec!["-".to_owned()],
            ],
        );
        let text = String::from_utf8_lossy(&numbers);
        assert!(text.contains("\r\n-2.5\r\n'-1+1\r\n'-\r\n"), "{text}");
    }

    #[test]
    fn non_utf8_is_refused() {
        assert_eq!(read(b"name\n\xe2\x28\xa1\n"), Err(TableError::NotText));
        assert_eq!(read(b""), Err(TableError::Empty));
    }

    #[test]
    fn written_csv_and_xlsx_read_back() {
        let rows = vec![vec!["Čakste; Ēriks".to_owned(), "1985".to_owned()]];
        let csv = write_csv(&["Vārds", "Gads"], &rows);
        assert!(csv.starts_with("\u{feff}".as_bytes()));
        assert_eq!(read(&csv).unwrap_or_default()[1], rows[0]);
        let xlsx = write_xlsx("Personas", &["Vārds", "Gads"], &rows).unwrap_or_default();
        let back = read(&xlsx).unwrap_or_default();
        assert_eq!(back[0], ["Vārds", "Gads"]);
        assert_eq!(back[1], rows[0]);
    }
}

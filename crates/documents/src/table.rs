//! Tables in and out: CSV (UTF-8 with or without a BOM, comma or semicolon, as Latvian
//! Excel writes it) and XLSX (the first sheet), read into rows of strings; written as CSV
//! with a BOM and semicolons (what Latvian Excel opens correctly) or as XLSX.

use std::io::Cursor;

use calamine::{Reader as _, Xlsx};

use crate::archive;

/// The default of [`Limits::max_rows`]; exports of long lists stop there too.
pub const MAX_ROWS: usize = 10_000;

/// How much a file read for an import may hold. Checked while reading, before anything
/// is allocated for it: a spreadsheet that declares a million rows, or a cell in its last
/// column, is refused without making room for the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Data rows (the header row comes on top).
    pub max_rows: usize,
    /// Columns: a cell further right than this refuses the file.
    pub max_columns: usize,
    /// What an XLSX (a ZIP archive) may unpack to.
    pub archive: archive::Limits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_rows: MAX_ROWS,
            max_columns: 100,
            archive: archive::Limits::default(),
        }
    }
}

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
    #[error("more rows than the import takes")]
    TooManyRows,
    #[error("more columns than the import takes")]
    TooManyColumns,
    #[error("the spreadsheet unpacks too far: {0}")]
    Archive(archive::ArchiveError),
    #[error("a cell holds more than {MAX_CELL_CHARS} characters")]
    CellTooLong,
}

/// The most characters a cell may hold (Excel's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;

/// Reads a CSV or XLSX file (recognised by its content, not its name) into rows of
/// trimmed cells; blank rows are dropped. At most `limits.max_rows` rows besides the
/// header and `limits.max_columns` columns.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Vec<String>>, TableError> {
    if bytes.is_empty() {
        return Err(TableError::Empty);
    }
    let rows = if bytes.starts_with(b"PK\x03\x04") {
        // The spreadsheet library panics on some malformed sheets (an upside-down dimension
        // such as "A3050:A1" overflows a subtraction): such a file is unreadable, not a crash.
        std::panic::catch_unwind(|| read_xlsx(bytes, limits)).unwrap_or_else(|_| {
            Err(TableError::Spreadsheet(
                "the spreadsheet reader stopped on this file".to_owned(),
            ))
        })?
    } else {
        read_csv(bytes, limits)?
    };
    if rows.is_empty() {
        return Err(TableError::Empty);
    }
    Ok(rows)
}

/// Rows kept so far, refusing the one past the limit.
struct Rows<'a> {
    rows: Vec<Vec<String>>,
    limits: &'a Limits,
}

impl Rows<'_> {
    /// Keeps a row unless it is blank.
    fn push(&mut self, row: Vec<String>) -> Result<(), TableError> {
        if row.iter().all(String::is_empty) {
            return Ok(());
        }
        if self.rows.len() > self.limits.max_rows {
            return Err(TableError::TooManyRows);
        }
        self.rows.push(row);
        Ok(())
    }
}

fn read_csv(bytes: &[u8], limits: &Limits) -> Result<Vec<Vec<String>>, TableError> {
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
    let mut rows = Rows {
        rows: Vec::new(),
        limits,
    };
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| TableError::Csv {
                line: e.position().map_or(0, csv::Position::line),
                message: e.to_string(),
            })?;
        if !more {
            break;
        }
        // Trailing empty cells (a line of separators) are not columns.
        let used = (0..record.len())
            .rev()
            .find(|&i| record.get(i).is_some_and(|c| !c.trim().is_empty()))
            .map_or(0, |i| i + 1);
        if used > limits.max_columns {
            return Err(TableError::TooManyColumns);
        }
        rows.push(
            record
                .iter()
                .take(used)
                .map(|c| c.trim().to_owned())
                .collect(),
        )?;
    }
    Ok(rows.rows)
}

/// Reads the first sheet cell by cell: the archive is checked first (size, ratio,
/// entries), then the sheet's declared dimension, then every cell's place before it is
/// kept, so no grid is made from what the file claims.
fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Vec<Vec<String>>, TableError> {
    archive::check(bytes, &limits.archive).map_err(TableError::Archive)?;
    // The shared strings' declared count is reserved by the reader before anything else:
    // a count of a quadrillion would abort the process, which no panic guard catches.
    let most_cells = u64::try_from(limits.max_rows)
        .unwrap_or(u64::MAX)
        .saturating_add(1)
        .saturating_mul(u64::try_from(limits.max_columns).unwrap_or(u64::MAX));
    if shared_strings_declared(bytes).is_some_and(|n| n > most_cells) {
        return Err(TableError::TooManyRows);
    }
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| TableError::Spreadsheet(e.to_string()))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| TableError::Spreadsheet("no sheet".to_owned()))?;
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(|e| TableError::Spreadsheet(e.to_string()))?;
    let most_rows = u64::try_from(limits.max_rows).unwrap_or(u64::MAX) + 1;
    let most_columns = u64::try_from(limits.max_columns).unwrap_or(u64::MAX);
    // The declared dimension (a sheet says "A1:XFD1048576" when it has a cell in each
    // corner); an upside-down one is simply large.
    let d = cells.dimensions();
    let height = u64::from(d.end.0.abs_diff(d.start.0)) + 1;
    let width = u64::from(d.end.1.abs_diff(d.start.1)) + 1;
    if height.saturating_mul(width) > most_rows.saturating_mul(most_columns) {
        return Err(if width > most_columns {
            TableError::TooManyColumns
        } else {
            TableError::TooManyRows
        });
    }
    // Rows as they come (a sheet lists them in order), each as wide as its last cell.
    let mut rows = Rows {
        rows: Vec::new(),
        limits,
    };
    let mut current: Option<(u32, Vec<String>)> = None;
    // Every cell's text counts against this budget, kept or overwritten: a shared string
    // of a megabyte named by ten thousand cells is refused, not copied ten thousand times.
    let mut budget = limits.archive.max_unpacked;
    while let Some(cell) = cells
        .next_cell()
        .map_err(|e| TableError::Spreadsheet(e.to_string()))?
    {
        let (row, column) = cell.get_position();
        let value = cell.get_value();
        if matches!(value, calamine::DataRef::Empty) {
            continue;
        }
        if u64::from(column) >= most_columns {
            return Err(TableError::TooManyColumns);
        }
        let mut keep = |s: &str| -> Result<String, TableError> {
            let s = s.trim();
            let used = u64::try_from(s.len()).unwrap_or(u64::MAX);
            budget = budget.checked_sub(used).ok_or(TableError::Archive(
                archive::ArchiveError::TooLarge(limits.archive.max_unpacked),
            ))?;
            if s.chars().count() > MAX_CELL_CHARS {
                return Err(TableError::CellTooLong);
            }
            Ok(s.to_owned())
        };
        let text = match value {
            // Whole numbers (a year, a phone) without ".0".
            calamine::DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                keep(&format!("{f:.0}"))?
            }
            calamine::DataRef::String(s) => keep(s)?,
            calamine::DataRef::SharedString(s) => keep(s)?,
            other => keep(&calamine::Data::from(other.clone()).to_string())?,
        };
        if text.is_empty() {
            continue;
        }
        match &mut current {
            Some((r, cells)) if *r == row => put(cells, column, text),
            _ => {
                if let Some((_, done)) = current.take() {
                    rows.push(done)?;
                }
                let mut cells = Vec::new();
                put(&mut cells, column, text);
                current = Some((row, cells));
            }
        }
    }
    if let Some((_, done)) = current {
        rows.push(done)?;
    }
    // Columns count from the first one used, as rows from the first one used.
    let mut rows = rows.rows;
    let skip = rows
        .iter()
        .map(|r| r.iter().take_while(|c| c.is_empty()).count())
        .min()
        .unwrap_or(0);
    if skip > 0 {
        for r in &mut rows {
            r.drain(..skip);
        }
    }
    Ok(rows)
}

/// The `uniqueCount` (or `count`) a workbook's shared strings declare, the larger of them;
/// `Some(u64::MAX)` when one is there but not a number that fits. Reads only the start of
/// the part.
fn shared_strings_declared(bytes: &[u8]) -> Option<u64> {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let name = zip
        .file_names()
        .filter_map(Result::ok)
        .find(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))?
        .into_owned();
    let mut head = Vec::with_capacity(64 * 1024);
    zip.by_name(&name)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let head = String::from_utf8_lossy(&head);
    let tag_at = head.find("sst")?;
    let tag = head.get(tag_at..)?;
    let tag = tag.get(..tag.find('>').unwrap_or(tag.len()))?;
    let mut most = None;
    for attr in ["uniqueCount", "count"] {
        let mut rest = tag;
        while let Some(at) = rest.find(attr) {
            rest = rest.get(at + attr.len()..)?;
            let value = rest.trim_start().strip_prefix('=')?.trim_start();
            let quote = value.chars().next()?;
            if quote != '"' && quote != '\'' {
                continue;
            }
            let digits: String = value
                .get(1..)?
                .chars()
                .take_while(|c| *c != quote)
                .filter(|c| !c.is_whitespace())
                .collect();
            let n = digits.parse::<u64>().unwrap_or(u64::MAX);
            most = Some(most.map_or(n, |m: u64| m.max(n)));
        }
    }
    most
}

/// Sets the cell at `column` (below the column limit), filling the gap before it.
fn put(cells: &mut Vec<String>, column: u32, text: String) {
    let at = usize::try_from(column).unwrap_or(usize::MAX);
    if cells.len() <= at {
        cells.resize(at + 1, String::new());
    }
    if let Some(c) = cells.get_mut(at) {
        *c = text;
    }
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
        let rows = read(bytes, &Limits::default()).unwrap_or_default();
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
        let rows =
            read(b"name,email\nJ\xc4\x81nis,j@x.lv\n", &Limits::default()).unwrap_or_default();
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
        assert_eq!(
            read(b"name\n\xe2\x28\xa1\n", &Limits::default()),
            Err(TableError::NotText)
        );
        assert_eq!(read(b"", &Limits::default()), Err(TableError::Empty));
    }

    #[test]
    fn written_csv_and_xlsx_read_back() {
        let rows = vec![vec!["Čakste; Ēriks".to_owned(), "1985".to_owned()]];
        let csv = write_csv(&["Vārds", "Gads"], &rows);
        assert!(csv.starts_with("\u{feff}".as_bytes()));
        assert_eq!(
            read(&csv, &Limits::default()).unwrap_or_default()[1],
            rows[0]
        );
        let xlsx = write_xlsx("Personas", &["Vārds", "Gads"], &rows).unwrap_or_default();
        let back = read(&xlsx, &Limits::default()).unwrap_or_default();
        assert_eq!(back[0], ["Vārds", "Gads"]);
        assert_eq!(back[1], rows[0]);
    }
}

/// Spreadsheet bombs: each is refused by what it declares or holds, before a grid is made.
#[cfg(test)]
pub(crate) mod bombs {
    use std::io::Write as _;

    use super::*;

    /// An XLSX written by hand: the sheet XML as given.
    pub(crate) fn xlsx_with_sheet(sheet: &str) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let parts: [(&str, &str); 5] = [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            (
                "xl/workbook.xml",
                r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        for (name, data) in parts {
            w.start_file(name, opts).unwrap_or_default();
            w.write_all(data.as_bytes()).unwrap_or_default();
        }
        w.finish().map(|_| ()).unwrap_or_default();
        out.into_inner()
    }

    fn sheet(dimension: Option<&str>, cells: &[(&str, &str)]) -> String {
        let mut s = String::from(
            r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        );
        if let Some(d) = dimension {
            s.push_str(&format!(r#"<dimension ref="{d}"/>"#));
        }
        s.push_str("<sheetData>");
        for (at, text) in cells {
            let row: String = at.chars().filter(char::is_ascii_digit).collect();
            s.push_str(&format!(
                r#"<row r="{row}"><c r="{at}" t="inlineStr"><is><t>{text}</t></is></c></row>"#
            ));
        }
        s.push_str("</sheetData></worksheet>");
        s
    }

    #[test]
    fn a_hand_written_sheet_reads_as_rows() {
        let x = xlsx_with_sheet(&sheet(
            Some("B2:C3"),
            &[
                ("B2", "Vārds"),
                ("C2", "Gads"),
                ("B3", "Ēriks"),
                ("C3", "1985"),
            ],
        ));
        assert_eq!(
            read(&x, &Limits::default()),
            Ok(vec![
                vec!["Vārds".into(), "Gads".into()],
                vec!["Ēriks".into(), "1985".into()]
            ])
        );
    }

    #[test]
    fn a_cell_in_each_corner_is_refused_by_the_declared_dimension() {
        // The attack file: 1.8 KB, one cell in A1 and one in XFD1048576.
        let x = xlsx_with_sheet(&sheet(
            Some("A1:XFD1048576"),
            &[("A1", "a"), ("XFD1048576", "b")],
        ));
        assert!(x.len() < 2_500, "{}", x.len());
        assert_eq!(
            read(&x, &Limits::default()),
            Err(TableError::TooManyColumns)
        );
        // Without a dimension the far cell itself refuses the file.
        let x = xlsx_with_sheet(&sheet(None, &[("A1", "a"), ("XFD1048576", "b")]));
        assert_eq!(
            read(&x, &Limits::default()),
            Err(TableError::TooManyColumns)
        );
        // A far row alone is just one more row: nothing is made for the gap.
        let x = xlsx_with_sheet(&sheet(None, &[("A1", "a"), ("A1048576", "b")]));
        assert_eq!(
            read(&x, &Limits::default()),
            Ok(vec![vec!["a".into()], vec!["b".into()]])
        );
        let x = xlsx_with_sheet(&sheet(Some("A1:A1048576"), &[("A1", "a")]));
        assert_eq!(read(&x, &Limits::default()), Err(TableError::TooManyRows));
    }

    #[test]
    fn an_upside_down_dimension_is_unreadable_not_a_crash() {
        // Found by the property tests: calamine subtracts the corners without checking.
        let x = xlsx_with_sheet(&sheet(Some("A3050:A1"), &[("A1", "a")]));
        assert!(matches!(
            read(&x, &Limits::default()),
            Ok(_) | Err(TableError::Spreadsheet(_))
        ));
    }

    #[test]
    fn rows_and_columns_are_counted_against_the_limits() {
        let limits = Limits {
            max_rows: 2,
            max_columns: 3,
            ..Limits::default()
        };
        assert!(read(b"a\n1\n2\n", &limits).is_ok());
        assert_eq!(read(b"a\n1\n2\n3\n", &limits), Err(TableError::TooManyRows));
        assert!(
            read(b"a,b,c,,,,\n", &limits).is_ok(),
            "empty cells are not columns"
        );
        assert_eq!(read(b"a,b,c,d\n", &limits), Err(TableError::TooManyColumns));
        let x = xlsx_with_sheet(&sheet(
            None,
            &[("A1", "a"), ("A2", "1"), ("A3", "2"), ("A4", "3")],
        ));
        assert_eq!(read(&x, &limits), Err(TableError::TooManyRows));
        let x = xlsx_with_sheet(&sheet(None, &[("D1", "d")]));
        assert_eq!(read(&x, &limits), Err(TableError::TooManyColumns));
        // A line of a million separators is refused, not split into a million cells.
        let mut wide = b"a".to_vec();
        wide.extend(std::iter::repeat_n(b',', 1_000_000));
        wide.extend(b"x\n");
        assert_eq!(
            read(&wide, &Limits::default()),
            Err(TableError::TooManyColumns)
        );
    }

    #[test]
    fn shared_strings_declaring_a_quadrillion_are_refused_before_they_are_reserved() {
        let mut x = xlsx_with_sheet(&sheet(None, &[("A1", "a")]));
        // Add the shared strings part the attack file carries.
        let mut book =
            zip::ZipWriter::new_append(Cursor::new(&mut x)).unwrap_or_else(|e| panic!("{e}"));
        let _ = book.start_file(
            "xl/sharedStrings.xml",
            zip::write::SimpleFileOptions::default(),
        );
        let _ = book.write_all(br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1000000000000000"><si><t>a</t></si></sst>"#);
        let _ = book.finish();
        assert_eq!(shared_strings_declared(&x), Some(1_000_000_000_000_000));
        assert_eq!(read(&x, &Limits::default()), Err(TableError::TooManyRows));
    }

    #[test]
    fn one_long_shared_string_named_by_many_cells_is_refused() {
        // 3 000 cells name the one shared string of 30 000 characters: 90 MB of text from a
        // sheet that unpacks to well under the limit.
        let mut cells = String::new();
        for r in 1..=3_000 {
            cells.push_str(&format!(
                r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#
            ));
        }
        let named = sheet(None, &[]).replace("<sheetData>", &format!("<sheetData>{cells}"));
        let mut x = xlsx_with_sheet(&named);
        let mut book =
            zip::ZipWriter::new_append(Cursor::new(&mut x)).unwrap_or_else(|e| panic!("{e}"));
        let _ = book.start_file(
            "xl/sharedStrings.xml",
            zip::write::SimpleFileOptions::default(),
        );
        let long = "x".repeat(30_000);
        let _ = book.write_all(
            format!(r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3000" uniqueCount="1"><si><t>{long}</t></si></sst>"#)
                .as_bytes(),
        );
        let _ = book.finish();
        assert!(archive::check(&x, &archive::Limits::default()).is_ok());
        assert_eq!(
            read(&x, &Limits::default()),
            Err(TableError::Archive(archive::ArchiveError::TooLarge(
                50 * 1024 * 1024
            )))
        );
        let too_long = "y".repeat(MAX_CELL_CHARS + 1);
        let x = xlsx_with_sheet(&sheet(None, &[("A1", too_long.as_str())]));
        assert_eq!(read(&x, &Limits::default()), Err(TableError::CellTooLong));
    }

    #[test]
    fn a_sheet_that_unpacks_too_far_is_refused_before_it_is_read() {
        let mut cells = String::new();
        for _ in 0..200_000 {
            cells.push_str(r#"<c r="A1"><v>1</v></c>"#);
        }
        let padded = sheet(None, &[]).replace(
            "<sheetData>",
            &format!("<sheetData><row r=\"1\">{cells}</row>"),
        );
        let x = xlsx_with_sheet(&padded);
        assert!(matches!(
            read(&x, &Limits::default()),
            Err(TableError::Archive(archive::ArchiveError::Ratio(100)))
        ));
    }
}
